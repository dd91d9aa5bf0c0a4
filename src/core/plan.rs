//! An action plan: from a profile to chosen focus areas, strengths to keep,
//! measures with owners and dates, and what was deliberately not prioritised
//! now ("å prioritere er også å velge bort").

use serde::{Deserialize, Serialize};

use super::instrument::{Instrument, Lens};
use super::lang::Lang;
use super::scoring::{sort_by_mean, Exposure, Order, ResourceResult, RiskResult};

/// KS advises choosing few areas: more than three rarely get followed up.
pub const MAX_FOCUS: usize = 3;

/// A factor of an instrument: a focus area, a strength, or what a measure addresses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    pub instrument: String,
    pub factor: String,
}

impl Area {
    pub fn new(instrument: &str, factor: &str) -> Area {
        Area {
            instrument: instrument.to_string(),
            factor: factor.to_string(),
        }
    }
}

/// IGLO: the level a measure works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Individual,
    Group,
    Leader,
    Organisation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    HealthPromoting,
    RiskReducing,
}

impl Kind {
    /// The kind of a measure for `area`: risk-reducing for a factor of a
    /// risk questionnaire among `instruments`, else health-promoting.
    pub fn for_area(area: Option<&Area>, instruments: &[&Instrument]) -> Kind {
        let lens = area.and_then(|area| {
            instruments
                .iter()
                .find(|instrument| instrument.id == area.instrument)
                .map(|instrument| instrument.lens)
        });
        if lens == Some(Lens::Risk) {
            Kind::RiskReducing
        } else {
            Kind::HealthPromoting
        }
    }
}

/// Expected effect or cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Low,
    Medium,
    High,
}

/// Who owns a measure, as a role, never a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    Leader,
    SafetyDelegate,
    UnionRepresentative,
    Employees,
    HrOrHealthService,
}

impl Owner {
    pub const ALL: [Owner; 5] = [
        Owner::Leader,
        Owner::SafetyDelegate,
        Owner::UnionRepresentative,
        Owner::Employees,
        Owner::HrOrHealthService,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    #[default]
    Planned,
    Ongoing,
    Done,
    Dropped,
}

/// A calendar date as `YYYY-MM-DD`, the value of an `<input type="date">`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year: u16 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        let valid = (2000..=2200).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day);
        valid.then_some(Date { year, month, day })
    }

    /// The date three months on (KS advises evaluating quarterly), on the same
    /// day or the month's last day.
    pub fn plus_quarter(self) -> Date {
        let months = u32::from(self.month) + 2;
        let (year, month) = (self.year + (months / 12) as u16, (months % 12) as u8 + 1);
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// The date as people read it: 28.02.2027 in Norwegian, 2027-02-28 (ISO) in English.
    pub fn format(self, lang: Lang) -> String {
        match lang {
            Lang::Nb | Lang::Nn => format!("{:02}.{:02}.{:04}", self.day, self.month, self.year),
            Lang::En => self.to_string(),
        }
    }
}

/// `YYYY-MM-DD`, the form stored in files and used by `<input type="date">`.
impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(text: String) -> Result<Date, String> {
        Date::parse(&text).ok_or_else(|| format!("not a date: {text}"))
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.to_string()
    }
}

/// One follow-up of a measure: its progress then, and a note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub date: Date,
    pub progress: Progress,
    pub note: String,
    /// Whether recording it moved the next evaluation a quarter on (see
    /// `Measure::record`), so taking it back knows whether to move it back;
    /// unknown for follow-ups recorded before 2026-12-07.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_next_evaluation: Option<bool>,
    /// The evaluation date it moved on, where one was set, so that taking it
    /// back restores that date; absent before 2026-12-08.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub what: String,
    /// The factor it addresses, if any.
    pub area: Option<Area>,
    pub owner: Owner,
    pub deadline: Option<Date>,
    pub next_evaluation: Option<Date>,
    pub effect: Rating,
    pub cost: Rating,
    pub level: Level,
    pub kind: Kind,
    #[serde(default)]
    pub history: Vec<Evaluation>,
}

impl Measure {
    /// The progress at the latest evaluation.
    pub fn progress(&self) -> Progress {
        self.history
            .last()
            .map_or(Progress::Planned, |evaluation| evaluation.progress)
    }

    /// Records a follow-up. The next evaluation moves a quarter on from it,
    /// unless a later date was set: a date the user chose further on stays.
    pub fn record(&mut self, mut evaluation: Evaluation) {
        let quarter_on = evaluation.date.plus_quarter();
        let moves = self.next_evaluation.is_none_or(|next| next < quarter_on);
        if moves {
            evaluation.moved_from = self.next_evaluation;
            self.next_evaluation = Some(quarter_on);
        }
        evaluation.moved_next_evaluation = Some(moves);
        self.history.push(evaluation);
    }

    /// Takes back the latest follow-up, recorded by mistake. Where it had
    /// moved the next evaluation, and nothing has changed the date since,
    /// the date it moved comes back (the follow-up's own date where none
    /// was set, or the one moved is not known); a date it left stays.
    pub fn remove_latest(&mut self) {
        let Some(removed) = self.history.pop() else {
            return;
        };
        // Where that is not known, a date a quarter on from it was most
        // likely set by it, unless a follow-up left from the same day (a
        // second press) set it.
        let moved = removed
            .moved_next_evaluation
            .unwrap_or_else(|| self.history.last().map(|e| e.date) != Some(removed.date));
        if moved && self.next_evaluation == Some(removed.date.plus_quarter()) {
            self.next_evaluation = Some(removed.moved_from.unwrap_or(removed.date));
        }
    }

    /// Whether its next evaluation is today or has passed, while it is
    /// still planned or under way.
    pub fn is_due(&self, today: Date) -> bool {
        matches!(self.progress(), Progress::Planned | Progress::Ongoing)
            && self.next_evaluation.is_some_and(|next| next <= today)
    }

    /// Much effect for little cost: the measures to start with.
    pub fn is_quick_win(&self) -> bool {
        self.cost == Rating::Low && self.effect >= Rating::Medium
    }
}

/// Something considered and deliberately not prioritised now, with the reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deselected {
    pub what: String,
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Innsatsområder: at most [`MAX_FOCUS`].
    pub focus: Vec<Area>,
    /// Bevaringsområder: strengths to keep.
    pub keep: Vec<Area>,
    pub measures: Vec<Measure>,
    pub deselected: Vec<Deselected>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanError {
    TooManyFocusAreas,
}

impl Plan {
    /// Nothing chosen, added or left out: such a plan is not stored.
    pub fn is_empty(&self) -> bool {
        *self == Plan::default()
    }

    /// Adds or removes a focus area; refuses a fourth.
    pub fn toggle_focus(&mut self, area: Area) -> Result<(), PlanError> {
        if let Some(index) = self.focus.iter().position(|focus| *focus == area) {
            self.focus.remove(index);
        } else if self.focus.len() >= MAX_FOCUS {
            return Err(PlanError::TooManyFocusAreas);
        } else {
            self.keep.retain(|keep| *keep != area);
            self.focus.push(area);
        }
        Ok(())
    }

    pub fn toggle_keep(&mut self, area: Area) {
        if let Some(index) = self.keep.iter().position(|keep| *keep == area) {
            self.keep.remove(index);
        } else {
            self.focus.retain(|focus| *focus != area);
            self.keep.push(area);
        }
    }

    /// A plan read from a file must hold what the editor could have made.
    pub fn is_consistent(&self) -> bool {
        let no_repeats = |areas: &[Area]| (1..areas.len()).all(|i| !areas[..i].contains(&areas[i]));
        self.focus.len() <= MAX_FOCUS
            && self.focus.iter().all(|area| !self.keep.contains(area))
            && no_repeats(&self.focus)
            && no_repeats(&self.keep)
    }
}

/// What the profile suggests: focus areas (risk flags first, then other
/// exposure, then the weakest resources) and strengths to keep.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Suggestions {
    pub focus: Vec<Area>,
    pub keep: Vec<Area>,
}

pub fn suggest(
    resources: &[ResourceResult],
    risks: &[RiskResult],
    instruments: (&str, &str),
) -> Suggestions {
    let (resource_id, risk_id) = instruments;
    // Flags first, then high before some exposure, each in instrument order.
    // Three passes instead of a sort: a sort would be one more copy in the wasm.
    let flagged = risks.iter().filter(|risk| risk.is_flagged());
    let high = risks
        .iter()
        .filter(|risk| risk.exposure == Some(Exposure::High) && !risk.is_flagged());
    let some = risks
        .iter()
        .filter(|risk| risk.exposure == Some(Exposure::Some));
    let exposed: Vec<&RiskResult> = flagged.chain(high).chain(some).collect();

    let mut weak: Vec<&ResourceResult> = resources
        .iter()
        .filter(|result| result.score.mean.is_some() && !result.worth_keeping())
        .collect();
    sort_by_mean(&mut weak, Order::LowestFirst);

    let mut strong: Vec<&ResourceResult> = resources
        .iter()
        .filter(|result| result.worth_keeping())
        .collect();
    sort_by_mean(&mut strong, Order::HighestFirst);

    let focus = exposed
        .iter()
        .map(|risk| Area::new(risk_id, &risk.factor.id))
        .chain(
            weak.iter()
                .map(|result| Area::new(resource_id, &result.factor.id)),
        )
        .take(MAX_FOCUS + 2)
        .collect();
    let keep = strong
        .iter()
        .take(3)
        .map(|result| Area::new(resource_id, &result.factor.id))
        .collect();
    Suggestions { focus, keep }
}

/// How the measures' numbers changed from `before` to `after`, as an edit,
/// a removal or a plan file here or in another tab leaves them: what the
/// drafts kept under each number must follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renumbering {
    /// Measure `n` is gone and those after it moved up one.
    Removed(usize),
    /// The measures from `n` on may be others altogether.
    Replaced(usize),
}

/// None where every measure kept its number: one edited, or some added at
/// the end.
pub fn renumbering(before: &[Measure], after: &[Measure]) -> Option<Renumbering> {
    let first_change = before
        .iter()
        .zip(after)
        .position(|(before, after)| before != after);
    if after.len() + 1 == before.len() {
        let at = first_change.unwrap_or(after.len());
        if before[at + 1..] == after[at..] {
            return Some(Renumbering::Removed(at));
        }
    }
    let changed = before
        .iter()
        .zip(after)
        .filter(|(before, after)| before != after)
        .count();
    if after.len() >= before.len() && changed <= 1 {
        return None;
    }
    Some(Renumbering::Replaced(
        first_change.unwrap_or(after.len().min(before.len())),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::{Answer, Answers};
    use crate::core::instrument::{built_in, Instrument};
    use crate::core::saved::{decode, encode};
    use crate::core::scoring::{score_resources, score_risks};

    fn measure(what: &str, effect: Rating, cost: Rating) -> Measure {
        Measure {
            what: what.into(),
            area: Some(Area::new("ressurser", "autonomi")),
            owner: Owner::Leader,
            deadline: Date::parse("2027-03-31"),
            next_evaluation: Date::parse("2027-02-28"),
            effect,
            cost,
            level: Level::Group,
            kind: Kind::HealthPromoting,
            history: vec![],
        }
    }

    /// A plan file as the first shipped version wrote it. If this fails, the
    /// saved format changed: raise the schema and migrate, keep the fixture.
    #[test]
    fn a_schema_1_plan_file_still_reads() {
        let fixture = include_str!("../../tests/fixtures/plan-schema-1.json");
        let plan: Plan = decode(fixture.trim()).expect("reads");
        assert_eq!(plan.focus.len(), 2);
        assert_eq!(plan.measures[0].owner, Owner::SafetyDelegate);
        assert_eq!(plan.deselected[0].reason, "Neste år");
        assert_eq!(encode(&plan), fixture.trim());
    }

    proptest::proptest! {
        #[test]
        fn reading_a_mutated_plan_file_never_panics(position in 0usize..2000, byte in proptest::prelude::any::<u8>()) {
            let mut bytes = include_bytes!("../../tests/fixtures/plan-schema-1.json").to_vec();
            let index = position % bytes.len();
            bytes[index] = byte;
            let _ = decode::<Plan>(&String::from_utf8_lossy(&bytes));
        }
    }

    #[test]
    fn at_most_three_focus_areas() {
        let mut plan = Plan::default();
        for factor in ["a", "b", "c"] {
            plan.toggle_focus(Area::new("ressurser", factor)).unwrap();
        }
        assert_eq!(
            plan.toggle_focus(Area::new("ressurser", "d")),
            Err(PlanError::TooManyFocusAreas)
        );
        plan.toggle_focus(Area::new("ressurser", "a")).unwrap();
        assert_eq!(plan.focus.len(), 2);
        assert!(plan.toggle_focus(Area::new("ressurser", "d")).is_ok());
    }

    #[test]
    fn an_area_is_either_focus_or_kept() {
        let mut plan = Plan::default();
        plan.toggle_keep(Area::new("ressurser", "a"));
        plan.toggle_focus(Area::new("ressurser", "a")).unwrap();
        assert!(plan.keep.is_empty());
        plan.toggle_keep(Area::new("ressurser", "a"));
        assert!(plan.focus.is_empty());
        assert!(plan.is_consistent());
        // A file that names an area twice could not be unticked in one click.
        plan.keep.push(Area::new("ressurser", "a"));
        assert!(!plan.is_consistent());
        plan.keep.pop();
        plan.focus = vec![Area::new("ressurser", "b"); 2];
        assert!(!plan.is_consistent());
    }

    #[test]
    fn a_measures_kind_follows_its_questionnaires_lens() {
        let instruments: Vec<&Instrument> = crate::core::instrument::built_in().iter().collect();
        let kind =
            |instrument: &str| Kind::for_area(Some(&Area::new(instrument, "x")), &instruments);
        assert_eq!(kind("risiko"), Kind::RiskReducing);
        assert_eq!(kind("ressurser"), Kind::HealthPromoting);
        assert_eq!(
            kind("fjernet"),
            Kind::HealthPromoting,
            "a questionnaire no longer loaded"
        );
        assert_eq!(Kind::for_area(None, &instruments), Kind::HealthPromoting);
    }

    #[test]
    fn quick_wins_are_cheap_and_effective() {
        assert!(measure("a", Rating::High, Rating::Low).is_quick_win());
        assert!(measure("b", Rating::Medium, Rating::Low).is_quick_win());
        assert!(!measure("c", Rating::High, Rating::Medium).is_quick_win());
        assert!(!measure("d", Rating::Low, Rating::Low).is_quick_win());
    }

    #[test]
    fn dates_parse_strictly_and_add_a_quarter() {
        assert_eq!(Date::parse("2026-11-28").unwrap().to_string(), "2026-11-28");
        assert_eq!(
            Date::parse("2026-11-30")
                .unwrap()
                .plus_quarter()
                .to_string(),
            "2027-02-28"
        );
        assert_eq!(
            Date::parse("2027-11-30")
                .unwrap()
                .plus_quarter()
                .to_string(),
            "2028-02-29"
        );
        assert_eq!(
            Date::parse("2026-01-15")
                .unwrap()
                .plus_quarter()
                .to_string(),
            "2026-04-15"
        );
        for bad in [
            "",
            "2026-13-01",
            "2026-00-10",
            "26-1-1x",
            "2026-02",
            "tomorrow",
            "2027-02-29",
            "2027-02-30",
            "2027-04-31",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2028-02-29").is_some(), "a leap day");
    }

    #[test]
    fn a_plan_round_trips_through_its_file_format() {
        let mut first = measure("Faste ukemøter", Rating::High, Rating::Low);
        first.history.push(Evaluation {
            date: Date::parse("2027-02-28").unwrap(),
            progress: Progress::Ongoing,
            note: "Godt i gang".into(),
            moved_next_evaluation: Some(true),
            moved_from: Date::parse("2027-02-20"),
        });
        let plan = Plan {
            focus: vec![
                Area::new("risiko", "mobbing"),
                Area::new("ressurser", "rolleklarhet"),
            ],
            keep: vec![Area::new("ressurser", "mestringsklima")],
            measures: vec![first, measure("Kurs", Rating::Medium, Rating::High)],
            deselected: vec![Deselected {
                what: "Autonomi".into(),
                reason: "Vi tar det neste år".into(),
            }],
        };
        assert_eq!(decode::<Plan>(&encode(&plan)), Ok(plan.clone()));
        assert_eq!(plan.measures[0].progress(), Progress::Ongoing);
        assert_eq!(plan.measures[1].progress(), Progress::Planned);
    }

    #[test]
    fn a_follow_up_moves_a_due_evaluation_on_but_keeps_a_later_one() {
        let date = |text| Date::parse(text).unwrap();
        let evaluation = |on| Evaluation {
            date: date(on),
            progress: Progress::Ongoing,
            note: String::new(),
            moved_next_evaluation: None,
            moved_from: None,
        };
        let mut chosen = measure("x", Rating::Low, Rating::Low);
        chosen.next_evaluation = Some(date("2027-07-15"));
        chosen.record(evaluation("2027-03-01"));
        assert_eq!(chosen.next_evaluation, Some(date("2027-07-15")));
        assert_eq!(chosen.progress(), Progress::Ongoing);

        let mut due = measure("x", Rating::Low, Rating::Low);
        due.next_evaluation = Some(date("2027-03-01"));
        due.record(evaluation("2027-03-01"));
        assert_eq!(due.next_evaluation, Some(date("2027-06-01")));

        let mut unset = measure("x", Rating::Low, Rating::Low);
        unset.next_evaluation = None;
        unset.record(evaluation("2027-11-30"));
        assert_eq!(unset.next_evaluation, Some(date("2028-02-29")));

        // Taken back, a follow-up leaves its measure due again; a date the
        // user chose stays.
        due.remove_latest();
        assert!(due.history.is_empty() && due.is_due(date("2027-03-01")));
        chosen.remove_latest();
        assert_eq!(chosen.next_evaluation, Some(date("2027-07-15")));
        // Recorded twice the same day and one taken back: the other still counts.
        due.record(evaluation("2027-03-01"));
        due.record(evaluation("2027-03-01"));
        due.remove_latest();
        assert_eq!(due.next_evaluation, Some(date("2027-06-01")));
        assert!(!due.is_due(date("2027-03-01")));
        assert_eq!(chosen.progress(), Progress::Planned);
        // A new measure's date is a quarter from today, as a follow-up
        // would move it: one recorded today by mistake and taken back leaves it.
        let mut new = measure("x", Rating::Low, Rating::Low);
        new.next_evaluation = Some(date("2027-03-31"));
        new.record(evaluation("2026-12-31"));
        new.remove_latest();
        assert_eq!(new.next_evaluation, Some(date("2027-03-31")));
        // A few days early, a follow-up still counts as the quarter's: the
        // date moves a quarter on from it, and taken back, it is the
        // measure's own date again, not the follow-up's.
        let mut early = measure("x", Rating::Low, Rating::Low);
        early.next_evaluation = Some(date("2028-04-30"));
        early.record(evaluation("2028-04-25"));
        assert_eq!(early.next_evaluation, Some(date("2028-07-25")));
        early.remove_latest();
        assert_eq!(early.next_evaluation, Some(date("2028-04-30")));
        assert!(!early.is_due(date("2028-04-25")));
        // Late, likewise: taken back, the date it was due comes back.
        let mut late = measure("x", Rating::Low, Rating::Low);
        late.next_evaluation = Some(date("2028-05-29"));
        late.record(evaluation("2028-06-10"));
        late.remove_latest();
        assert_eq!(late.next_evaluation, Some(date("2028-05-29")));
        // A follow-up saved before each noted whether it moved the date: one
        // a quarter before the date most likely did.
        let mut older = measure("x", Rating::Low, Rating::Low);
        older.next_evaluation = Some(date("2027-06-01"));
        older.history.push(evaluation("2027-03-01"));
        older.remove_latest();
        assert_eq!(older.next_evaluation, Some(date("2027-03-01")));
    }

    #[test]
    fn a_measure_is_due_from_its_evaluation_date_until_it_is_done_or_dropped() {
        let date = |text| Date::parse(text).unwrap();
        let mut chosen = measure("x", Rating::Low, Rating::Low);
        chosen.next_evaluation = Some(date("2027-03-01"));
        assert!(!chosen.is_due(date("2027-02-28")));
        assert!(chosen.is_due(date("2027-03-01")));
        assert!(chosen.is_due(date("2028-05-02")));
        for (progress, due) in [
            (Progress::Ongoing, true),
            (Progress::Done, false),
            (Progress::Dropped, false),
        ] {
            let mut evaluated = chosen.clone();
            evaluated.history.push(Evaluation {
                date: date("2027-01-10"),
                progress,
                note: String::new(),
                moved_next_evaluation: None,
                moved_from: None,
            });
            assert_eq!(evaluated.is_due(date("2027-03-02")), due, "{progress:?}");
        }
        chosen.next_evaluation = None;
        assert!(!chosen.is_due(date("2030-01-01")));
    }

    #[test]
    fn a_file_with_a_bad_date_or_unknown_owner_is_rejected() {
        let text = encode(&Plan {
            measures: vec![measure("x", Rating::Low, Rating::Low)],
            ..Plan::default()
        });
        assert!(decode::<Plan>(&text.replace("2027-03-31", "2027-31-03")).is_err());
        assert!(decode::<Plan>(&text.replace("\"leader\"", "\"boss\"")).is_err());
    }

    #[test]
    fn suggestions_put_risk_flags_first_then_the_weakest_resources() {
        let (resources, risks) = (&built_in()[0], &built_in()[1]);
        let mut answers = Answers::default();
        for (index, factor) in resources.factors.iter().enumerate() {
            let point = if index == 2 {
                2
            } else if index < 5 {
                5
            } else {
                3
            };
            for item in &factor.items {
                answers.set(
                    &resources.id,
                    &item.id,
                    Answer::Point(if item.reversed { 6 - point } else { point }),
                );
            }
        }
        let bullying = risks
            .factors
            .iter()
            .find(|factor| factor.id == "mobbing")
            .unwrap();
        answers.set(&risks.id, &bullying.items[0].id, Answer::Point(3));
        let resource_results = score_resources(resources, &answers);
        let risk_results = score_risks(risks, &answers);
        let suggestions = suggest(&resource_results, &risk_results, (&resources.id, &risks.id));
        assert_eq!(suggestions.focus[0], Area::new("risiko", "mobbing"));
        assert_eq!(
            suggestions.focus[1],
            Area::new("ressurser", &resources.factors[2].id)
        );
        assert!(suggestions.focus.len() <= MAX_FOCUS + 2);
        assert_eq!(suggestions.keep.len(), 3);
        assert_eq!(
            suggestions.keep[0],
            Area::new("ressurser", &resources.factors[0].id)
        );
    }

    /// On a questionnaire of its own with a 1–7 scale, "Godt" starts at 6:
    /// a 5 there is "Forbedre", a focus area and no strength to keep.
    #[test]
    fn strengths_and_focus_follow_the_bands_not_a_fixed_mean() {
        let mut file: serde_json::Value =
            serde_json::from_str(include_str!("../../docs/example-instrument.json")).unwrap();
        let labels: Vec<serde_json::Value> = (1..=7)
            .map(|point| serde_json::json!({"nb": point.to_string(), "nn": point.to_string(), "en": point.to_string()}))
            .collect();
        file["scales"][0]["points"] = 7.into();
        file["scales"][0]["labels"] = labels.into();
        file["band_sets"][0]["bands"][1]["min"] = 4.into();
        file["band_sets"][0]["bands"][2]["min"] = 6.into();
        let instrument = Instrument::parse(&file.to_string()).unwrap();
        let mut answers = Answers::default();
        for (factor, point) in instrument.factors.iter().zip([5, 6, 2]) {
            for item in &factor.items {
                let point = if item.reversed { 8 - point } else { point };
                answers.set(&instrument.id, &item.id, Answer::Point(point));
            }
        }
        let suggestions = suggest(
            &score_resources(&instrument, &answers),
            &[],
            (&instrument.id, ""),
        );
        let ids = |areas: &[Area]| {
            areas
                .iter()
                .map(|area| area.factor.clone())
                .collect::<Vec<_>>()
        };
        let factor = |index: usize| instrument.factors[index].id.clone();
        assert_eq!(ids(&suggestions.focus), [factor(2), factor(0)]);
        assert_eq!(ids(&suggestions.keep), [factor(1)]);
    }

    /// Risks come flags first, then high exposure, then some, each kind in
    /// the instrument's order; no exposure, or too few answers, is no focus.
    #[test]
    fn exposed_risks_come_flags_first_then_high_then_some() {
        use crate::core::scoring::{RiskDetail, Score};
        let factors = &built_in()[1].factors;
        let score = Score {
            answered: 1,
            total: 1,
            mean: Some(3.0),
        };
        let risk = |index: usize, exposure, flag: bool| RiskResult {
            factor: &factors[index],
            exposure,
            detail: match flag {
                true => RiskDetail::Flag { score },
                false => RiskDetail::Level { score },
            },
        };
        let risks = [
            risk(1, Some(Exposure::High), false),
            risk(2, Some(Exposure::None), false),
            risk(3, Some(Exposure::High), true),
            risk(4, Some(Exposure::Some), true),
            risk(5, None, false),
            risk(6, Some(Exposure::High), false),
            risk(7, Some(Exposure::High), true),
        ];
        let focus = suggest(&[], &risks, ("ressurser", "risiko")).focus;
        let order = [3, 7, 1, 6, 4].map(|index| Area::new("risiko", &factors[index].id));
        assert_eq!(focus, order);
    }

    #[test]
    fn the_numbers_follow_a_removal_and_an_edit_but_not_a_replacement() {
        let [a, b, c, d] =
            ["A", "B", "C", "D"].map(|what| measure(what, Rating::Medium, Rating::Medium));
        let all = [a.clone(), b.clone(), c.clone()];
        let removed = |at| Some(Renumbering::Removed(at));
        assert_eq!(renumbering(&all, &[b.clone(), c.clone()]), removed(0));
        assert_eq!(renumbering(&all, &[a.clone(), c.clone()]), removed(1));
        assert_eq!(renumbering(&all, &[a.clone(), b.clone()]), removed(2));
        // Alike measures: either is the one, and the drafts move alike.
        assert_eq!(
            renumbering(&[a.clone(), a.clone()], std::slice::from_ref(&a)),
            removed(1)
        );
        // Each keeps its number: one added at the end, or one edited.
        assert_eq!(
            renumbering(std::slice::from_ref(&a), &[a.clone(), b.clone()]),
            None
        );
        assert_eq!(renumbering(&all, &[a.clone(), d.clone(), c.clone()]), None);
        // Others from the first change on: a plan file, two gone, or all gone.
        let replaced = |at| Some(Renumbering::Replaced(at));
        assert_eq!(renumbering(&all, &[c.clone(), b.clone()]), replaced(0));
        assert_eq!(
            renumbering(&all, &[a.clone(), d.clone(), b.clone(), c.clone()]),
            replaced(1)
        );
        assert_eq!(renumbering(&all, std::slice::from_ref(&c)), replaced(0));
        assert_eq!(renumbering(&all, std::slice::from_ref(&a)), replaced(1));
        assert_eq!(renumbering(&all, &[]), replaced(0));
    }
}
