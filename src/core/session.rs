//! A self-assessment in progress: what was chosen, where the person is, and
//! the answers given. Pages are derived from the instruments, never stored.

use serde::{Deserialize, Serialize};

use super::answers::{Answer, Answers};
use super::history::Month;
use super::instrument::{is_built_in, Factor, Instrument, Lens};

/// What the person chose to answer: one or both built-in lenses, or an
/// instrument loaded from a file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Resources,
    Risks,
    #[default]
    Both,
    /// A loaded instrument, by id.
    Loaded(String),
}

impl Choice {
    pub const BUILT_IN: [Choice; 3] = [Choice::Both, Choice::Resources, Choice::Risks];

    fn includes(&self, instrument: &Instrument) -> bool {
        let built_in = is_built_in(&instrument.id);
        match self {
            Choice::Both => built_in,
            Choice::Resources => built_in && instrument.lens == Lens::Resource,
            Choice::Risks => built_in && instrument.lens == Lens::Risk,
            Choice::Loaded(id) => !built_in && instrument.id == *id,
        }
    }

    /// The instruments this choice answers, among `all`, in their order.
    pub fn instruments<'a>(&self, all: &[&'a Instrument]) -> Vec<&'a Instrument> {
        all.iter()
            .copied()
            .filter(|instrument| self.includes(instrument))
            .collect()
    }

    /// The id of the choice's radio button; a loaded instrument's is kept
    /// apart, so an instrument with the id "risks" cannot clash.
    pub fn html_id(&self) -> String {
        match self {
            Choice::Resources => "choice-resources".into(),
            Choice::Risks => "choice-risks".into(),
            Choice::Both => "choice-both".into(),
            Choice::Loaded(id) => format!("choice-loaded-{id}"),
        }
    }
}

/// Where in the flow the person is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// A factor page, 0-based.
    Page(usize),
    /// The check for unanswered statements before the results.
    Review,
    Results,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub choice: Choice,
    pub position: Position,
    pub answers: Answers,
    /// For a loaded questionnaire, which file the answers were given to
    /// (`Instrument::identity`): another version under the same id may have
    /// reworded or turned a statement, so the answers go on only with this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_to: Option<String>,
    /// The month of the latest answer: the results are kept in the history
    /// under it, so looking at them again later is not a new assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_in: Option<Month>,
}

/// One page of the questionnaire: one factor of one instrument.
#[derive(Clone, Copy, Debug)]
pub struct Page<'a> {
    pub instrument: &'a Instrument,
    pub factor: &'a Factor,
}

impl<'a> Page<'a> {
    /// How many of this page's statements have no answer at all ("don't know" is an answer).
    /// Statements without an answer that fits the scale: a value outside it
    /// (hand-edited, or from an older version) shows as no answer and is
    /// scored as none, so it is asked for again.
    pub fn unanswered(&self, answers: &Answers) -> usize {
        let points = self.instrument.factor_scale(self.factor).points;
        self.factor
            .items
            .iter()
            .filter(|item| match answers.get(&self.instrument.id, &item.id) {
                Some(Answer::DontKnow) => false,
                Some(answer) => answer.scored(points, false).is_none(),
                None => true,
            })
            .count()
    }
}

/// One page per factor of `instruments`, in their order.
pub fn pages<'a>(instruments: &[&'a Instrument]) -> Vec<Page<'a>> {
    instruments
        .iter()
        .flat_map(|&instrument| {
            instrument
                .factors
                .iter()
                .map(move |factor| Page { instrument, factor })
        })
        .collect()
}

impl Session {
    /// A new session on `choice` among `all` instruments.
    pub fn new(choice: Choice, all: &[&Instrument]) -> Session {
        let answered_to = match &choice {
            Choice::Loaded(_) => choice
                .instruments(all)
                .first()
                .map(|instrument| instrument.identity()),
            _ => None,
        };
        Session {
            choice,
            position: Position::Page(0),
            answers: Answers::default(),
            answered_to,
            answered_in: None,
        }
    }

    /// The instruments among `all` that this session's answers go on with:
    /// those of its choice, but for a loaded questionnaire only the very
    /// file the answers were given to.
    pub fn instruments<'a>(&self, all: &[&'a Instrument]) -> Vec<&'a Instrument> {
        let mut chosen = self.choice.instruments(all);
        if let Some(identity) = &self.answered_to {
            chosen.retain(|instrument| instrument.identity() == *identity);
        }
        chosen
    }

    /// The position, kept within the pages that exist (a saved page index may
    /// outlive a shorter instrument).
    pub fn clamped_position(&self, page_count: usize) -> Position {
        match self.position {
            Position::Page(_) if page_count == 0 => Position::Review,
            Position::Page(page) => Position::Page(page.min(page_count - 1)),
            other => other,
        }
    }
}

/// What this tab holds after another tab saved `theirs`. Every tab saves
/// each change the moment it is made, so the other tab's save is the latest
/// word on the answers and the choice, and it wins. This tab keeps its own
/// place in the questionnaire while the session is the same; a session
/// removed there (deleted, or a new one started) is removed or replaced here.
/// Answers are never taken back, so fewer of them there means a new session.
pub fn merged(ours: Option<Session>, theirs: Option<Session>) -> Option<Session> {
    match (ours, theirs) {
        (Some(ours), Some(theirs))
            if ours.choice == theirs.choice && theirs.answers.count() >= ours.answers.count() =>
        {
            Some(Session {
                position: ours.position,
                ..theirs
            })
        }
        (_, theirs) => theirs,
    }
}

/// Pages that still have unanswered statements: (page index, count).
pub fn unanswered_pages(pages: &[Page], answers: &Answers) -> Vec<(usize, usize)> {
    pages
        .iter()
        .enumerate()
        .map(|(index, page)| (index, page.unanswered(answers)))
        .filter(|(_, count)| *count > 0)
        .collect()
}

/// How many statements on `pages` have an answer that counts: a point on
/// the scale or "don't know". What is saved outside the scale is not one.
pub fn answered(pages: &[Page], answers: &Answers) -> usize {
    pages
        .iter()
        .map(|page| page.factor.items.len() - page.unanswered(answers))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::built_in;

    #[test]
    fn both_gives_resources_then_risks() {
        let instruments: Vec<&Instrument> = built_in().iter().collect();
        let all = pages(&Choice::Both.instruments(&instruments));
        let resources = pages(&Choice::Resources.instruments(&instruments));
        let risks = pages(&Choice::Risks.instruments(&instruments));
        assert_eq!(all.len(), resources.len() + risks.len());
        assert_eq!(resources.len(), 10);
        assert_eq!(all[0].instrument.lens, Lens::Resource);
        assert_eq!(all[all.len() - 1].instrument.lens, Lens::Risk);
    }

    #[test]
    fn dont_know_is_an_answer_but_a_skip_is_not() {
        let instruments = built_in();
        let pages = pages(&[&instruments[0]]);
        let mut answers = Answers::default();
        let first = &pages[0].factor.items;
        for item in first {
            answers.set("ressurser", &item.id, Answer::DontKnow);
        }
        let unanswered = unanswered_pages(&pages, &answers);
        assert_eq!(unanswered.len(), 9);
        assert_eq!(unanswered[0].0, 1);
        let total: usize = unanswered.iter().map(|(_, count)| count).sum();
        assert_eq!(total, instruments[0].item_count() - first.len());

        // A value beyond the scale (hand-edited) is no answer: it is asked again.
        answers.set("ressurser", &first[0].id, Answer::Point(9));
        assert_eq!(unanswered_pages(&pages, &answers)[0], (0, 1));
        assert_eq!(answered(&pages, &answers), first.len() - 1);
        assert_eq!(answers.count(), first.len());
    }

    #[test]
    fn a_loaded_instrument_is_chosen_alone_and_never_with_the_built_in_ones() {
        let mut loaded = built_in()[0].clone();
        loaded.id = "barnehage".into();
        let mut all: Vec<&Instrument> = built_in().iter().collect();
        all.push(&loaded);
        let chosen = Choice::Loaded("barnehage".into()).instruments(&all);
        assert_eq!(chosen.len(), 1);
        assert_eq!(chosen[0].id, "barnehage");
        assert_eq!(Choice::Both.instruments(&all).len(), 2);
        assert!(Choice::Loaded("ressurser".into())
            .instruments(&all)
            .is_empty());
    }

    #[test]
    fn another_tabs_save_wins_but_this_tab_keeps_its_place() {
        let mut ours = Session::new(Choice::Both, &[]);
        ours.position = Position::Page(2);
        ours.answers.set("ressurser", "a", Answer::Point(2));
        let mut theirs = Session::new(Choice::Both, &[]);
        theirs.position = Position::Page(7);
        theirs.answers.set("ressurser", "a", Answer::Point(2));
        theirs.answers.set("ressurser", "b", Answer::Point(5));

        let merged_session = merged(Some(ours.clone()), Some(theirs.clone())).unwrap();
        assert_eq!(merged_session.position, Position::Page(2));
        assert_eq!(merged_session.answers, theirs.answers);

        // A new assessment of the same kind (fewer answers), of another
        // kind, or a deletion, there is one here too, at its place there.
        let mut anew = Session::new(Choice::Both, &[]);
        anew.answers.set("ressurser", "c", Answer::Point(1));
        assert_eq!(merged(Some(theirs.clone()), Some(anew.clone())), Some(anew));
        let other = Session::new(Choice::Risks, &[]);
        assert_eq!(merged(Some(ours.clone()), Some(other.clone())), Some(other));
        assert_eq!(merged(Some(ours), None), None);
        assert_eq!(merged(None, Some(theirs.clone())), Some(theirs));
    }

    #[test]
    fn answers_to_a_loaded_file_go_on_only_with_that_file() {
        let source = include_str!("../../docs/example-instrument.json");
        let first = Instrument::parse(source).unwrap();
        let session = Session::new(Choice::Loaded(first.id.clone()), &[&first]);
        assert_eq!(session.answered_to, Some(first.identity()));
        assert_eq!(session.instruments(&[&first]).len(), 1);
        // Another version under the same id: the answers wait for the first.
        let second =
            Instrument::parse(&source.replacen(r#""version": 1"#, r#""version": 2"#, 1)).unwrap();
        assert_eq!(second.id, first.id);
        assert!(session.instruments(&[&second]).is_empty());
        // Built-in choices carry no identity: their versions are migrated.
        let built_in: Vec<&Instrument> = built_in().iter().collect();
        assert_eq!(Session::new(Choice::Both, &built_in).answered_to, None);
    }

    #[test]
    fn a_saved_page_beyond_the_end_is_clamped() {
        let mut session = Session::new(Choice::Risks, &[]);
        session.position = Position::Page(99);
        assert_eq!(session.clamped_position(12), Position::Page(11));
        assert_eq!(session.clamped_position(0), Position::Review);
    }
}
