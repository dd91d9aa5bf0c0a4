//! A self-assessment in progress: what was chosen, where the person is, and
//! the answers given. Pages are derived from the instruments, never stored.

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::instrument::{Factor, Instrument, Lens};

/// Which lens(es) the person chose to answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Resources,
    Risks,
    #[default]
    Both,
}

impl Choice {
    pub const ALL: [Choice; 3] = [Choice::Both, Choice::Resources, Choice::Risks];

    pub fn includes(self, lens: Lens) -> bool {
        match self {
            Choice::Both => true,
            Choice::Resources => lens == Lens::Resource,
            Choice::Risks => lens == Lens::Risk,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Choice::Resources => "resources",
            Choice::Risks => "risks",
            Choice::Both => "both",
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
}

/// One page of the questionnaire: one factor of one instrument.
#[derive(Clone, Copy, Debug)]
pub struct Page<'a> {
    pub instrument: &'a Instrument,
    pub factor: &'a Factor,
}

impl<'a> Page<'a> {
    /// How many of this page's statements have no answer at all ("don't know" is an answer).
    pub fn unanswered(&self, answers: &Answers) -> usize {
        self.factor
            .items
            .iter()
            .filter(|item| answers.get(&self.instrument.id, &item.id).is_none())
            .count()
    }
}

/// The pages for a choice, resources before risks, in instrument order.
pub fn pages(instruments: &[Instrument], choice: Choice) -> Vec<Page<'_>> {
    instruments
        .iter()
        .filter(|instrument| choice.includes(instrument.lens))
        .flat_map(|instrument| {
            instrument
                .factors
                .iter()
                .map(move |factor| Page { instrument, factor })
        })
        .collect()
}

impl Session {
    pub fn new(choice: Choice) -> Session {
        Session {
            choice,
            position: Position::Page(0),
            answers: Answers::default(),
        }
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

/// Pages that still have unanswered statements: (page index, count).
pub fn unanswered_pages(pages: &[Page], answers: &Answers) -> Vec<(usize, usize)> {
    pages
        .iter()
        .enumerate()
        .map(|(index, page)| (index, page.unanswered(answers)))
        .filter(|(_, count)| *count > 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::Answer;
    use crate::core::instrument::built_in;

    #[test]
    fn both_gives_resources_then_risks() {
        let instruments = built_in();
        let all = pages(instruments, Choice::Both);
        let resources = pages(instruments, Choice::Resources);
        let risks = pages(instruments, Choice::Risks);
        assert_eq!(all.len(), resources.len() + risks.len());
        assert_eq!(resources.len(), 10);
        assert_eq!(all[0].instrument.lens, Lens::Resource);
        assert_eq!(all[all.len() - 1].instrument.lens, Lens::Risk);
    }

    #[test]
    fn dont_know_is_an_answer_but_a_skip_is_not() {
        let instruments = built_in();
        let pages = pages(instruments, Choice::Resources);
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
    }

    #[test]
    fn a_saved_page_beyond_the_end_is_clamped() {
        let mut session = Session::new(Choice::Risks);
        session.position = Position::Page(99);
        assert_eq!(session.clamped_position(12), Position::Page(11));
        assert_eq!(session.clamped_position(0), Position::Review);
    }
}
