//! The measures catalogue: ideas for measures for every factor of the
//! built-in instruments, as data (`measures/catalogue.json`).

use serde::Deserialize;

use super::instrument::Text;
use super::lang::Lang;
use super::plan::{Area, Date, Kind, Level, Measure, Owner, Plan, Rating};

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Idea {
    pub id: String,
    pub instrument: String,
    pub factor: String,
    pub level: Level,
    pub kind: Kind,
    pub effect: Rating,
    pub cost: Rating,
    pub text: Text,
}

impl Idea {
    /// A measure from this idea, in the user's language, owned by the leader
    /// until someone says otherwise, evaluated in a quarter.
    pub fn to_measure(&self, text: &str, today: Option<Date>) -> Measure {
        Measure {
            what: text.to_string(),
            area: Some(Area::new(&self.instrument, &self.factor)),
            owner: Owner::Leader,
            deadline: None,
            next_evaluation: today.map(Date::plus_quarter),
            effect: self.effect,
            cost: self.cost,
            level: self.level,
            kind: self.kind,
            history: Vec::new(),
        }
    }

    /// True when `plan` holds a measure made from this idea, in any language
    /// (it may have been added before a language switch).
    pub fn is_in(&self, plan: &Plan) -> bool {
        plan.measures.iter().any(|measure| {
            measure.area.as_ref().is_some_and(|area| {
                area.instrument == self.instrument && area.factor == self.factor
            }) && Lang::ALL
                .iter()
                .any(|&lang| self.text.get(lang) == measure.what)
        })
    }
}

#[derive(Deserialize)]
struct Catalogue {
    measures: Vec<Idea>,
}

/// The built-in catalogue, parsed once; its validity is guaranteed by tests.
pub fn ideas() -> &'static [Idea] {
    static IDEAS: std::sync::LazyLock<Vec<Idea>> = std::sync::LazyLock::new(|| {
        serde_json::from_str::<Catalogue>(include_str!(concat!(
            env!("OUT_DIR"),
            "/measures/catalogue.json"
        )))
        .map(|catalogue| catalogue.measures)
        .unwrap_or_default()
    });
    &IDEAS
}

/// The ideas for one factor.
pub fn ideas_for<'a>(area: &'a Area) -> impl Iterator<Item = &'static Idea> + 'a {
    ideas()
        .iter()
        .filter(move |idea| idea.instrument == area.instrument && idea.factor == area.factor)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::core::instrument::{built_in, Lens};

    /// The plan screen shows an idea already taken as added, so a double
    /// click adds it once; it is known in every language it was added in.
    #[test]
    fn an_idea_is_known_in_the_plan_in_any_language_and_only_for_its_factor() {
        let [idea, other] = [&ideas()[0], &ideas()[1]];
        let mut plan = Plan::default();
        assert!(!idea.is_in(&plan));
        plan.measures
            .push(idea.to_measure(idea.text.get(Lang::En), None));
        assert!(idea.is_in(&plan));
        assert!(!other.is_in(&plan));
        // The same words as one's own measure, under no factor, are not the idea.
        plan.measures[0].area = None;
        assert!(!idea.is_in(&plan));
    }

    #[test]
    fn every_factor_of_every_instrument_has_ideas_in_every_language() {
        assert!(!ideas().is_empty(), "measures/catalogue.json did not parse");
        for instrument in built_in() {
            for factor in &instrument.factors {
                let area = Area::new(&instrument.id, &factor.id);
                let found: Vec<_> = ideas_for(&area).collect();
                assert!(found.len() >= 2, "{} has {} ideas", factor.id, found.len());
                for idea in found {
                    for lang in Lang::ALL {
                        assert!(
                            !idea.text.get(lang).trim().is_empty(),
                            "{} lacks {}",
                            idea.id,
                            lang.code()
                        );
                    }
                    let expected = match instrument.lens {
                        Lens::Resource => Kind::HealthPromoting,
                        Lens::Risk => Kind::RiskReducing,
                    };
                    assert_eq!(idea.kind, expected, "{}", idea.id);
                }
            }
        }
    }

    #[test]
    fn ideas_point_at_real_factors_and_ids_are_unique() {
        let mut ids = HashSet::new();
        for idea in ideas() {
            assert!(ids.insert(&idea.id), "{} repeats", idea.id);
            let known = built_in()
                .iter()
                .any(|i| i.id == idea.instrument && i.factors.iter().any(|f| f.id == idea.factor));
            assert!(known, "{} points at an unknown factor", idea.id);
        }
    }

    #[test]
    fn a_measure_from_an_idea_is_evaluated_in_a_quarter() {
        let idea = &ideas()[0];
        let measure = idea.to_measure("x", Date::parse("2026-11-28"));
        assert_eq!(measure.next_evaluation, Date::parse("2027-02-28"));
        assert_eq!(
            measure.area,
            Some(Area::new(&idea.instrument, &idea.factor))
        );
    }
}
