//! A person's answers: per instrument, per item, a point on the scale or "don't know".

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::instrument::Item;

/// One answer to one statement. Stored as an integer: 1..=k, or 0 for
/// "vet ikke / ikke relevant", which counts as missing in scoring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "u8", into = "u8")]
pub enum Answer {
    Point(u8),
    DontKnow,
}

impl From<u8> for Answer {
    fn from(value: u8) -> Answer {
        match value {
            0 => Answer::DontKnow,
            point => Answer::Point(point),
        }
    }
}

impl From<Answer> for u8 {
    fn from(answer: Answer) -> u8 {
        match answer {
            Answer::DontKnow => 0,
            Answer::Point(point) => point,
        }
    }
}

impl Answer {
    /// The point this answer gives on a scale of `points`, after reversal if
    /// asked; `None` for "don't know" and for a value outside the scale
    /// (for example one saved under an older version of the instrument).
    pub fn scored(self, points: u8, reversed: bool) -> Option<u8> {
        match self {
            Answer::Point(point) if (1..=points).contains(&point) => {
                Some(if reversed { points + 1 - point } else { point })
            }
            _ => None,
        }
    }
}

/// Where scoring reads one person's answers from: a saved session, or one
/// pooled response in a workshop.
pub trait AnswerSource {
    fn answer(&self, instrument: &str, item: &Item) -> Option<Answer>;
}

/// All answers, keyed by instrument id and then item id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, BTreeMap<String, Answer>>);

impl Answers {
    pub fn get(&self, instrument: &str, item: &str) -> Option<Answer> {
        self.0.get(instrument)?.get(item).copied()
    }

    pub fn set(&mut self, instrument: &str, item: &str, answer: Answer) {
        self.0
            .entry(instrument.to_string())
            .or_default()
            .insert(item.to_string(), answer);
    }

    pub fn count(&self) -> usize {
        self.0.values().map(BTreeMap::len).sum()
    }
}

impl AnswerSource for Answers {
    fn answer(&self, instrument: &str, item: &Item) -> Option<Answer> {
        self.get(instrument, &item.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reversal_mirrors_the_scale() {
        assert_eq!(Answer::Point(1).scored(5, true), Some(5));
        assert_eq!(Answer::Point(3).scored(5, true), Some(3));
        assert_eq!(Answer::Point(2).scored(5, false), Some(2));
    }

    #[test]
    fn dont_know_and_out_of_range_count_as_missing() {
        assert_eq!(Answer::DontKnow.scored(5, false), None);
        assert_eq!(Answer::Point(6).scored(5, false), None);
    }

    #[test]
    fn answers_serialise_as_small_integers() {
        let mut answers = Answers::default();
        answers.set("ressurser", "a", Answer::Point(4));
        answers.set("ressurser", "b", Answer::DontKnow);
        let json = serde_json::to_string(&answers).unwrap();
        assert_eq!(json, r#"{"ressurser":{"a":4,"b":0}}"#);
        assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), answers);
    }
}
