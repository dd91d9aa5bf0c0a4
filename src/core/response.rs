//! One person's answers to one instrument in the compact form that response
//! codes, response files and workshops use: one value per item, in the
//! instrument's order, 0 meaning "don't know" or unanswered.

use serde::{Deserialize, Serialize};

use super::answers::{Answer, AnswerSource, Answers};
use super::instrument::{Instrument, Item};

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Response(Vec<u8>);

/// Each item's id with its scale's number of points, in the instrument's order.
pub fn items_of(instrument: &Instrument) -> impl DoubleEndedIterator<Item = (&str, u8)> + '_ {
    instrument.factors.iter().flat_map(move |factor| {
        let points = instrument.factor_scale(factor).points;
        factor
            .items
            .iter()
            .map(move |item| (item.id.as_str(), points))
    })
}

impl Response {
    /// The answers one person gave to `instrument`; answers outside the scale are dropped.
    pub fn from_answers(instrument: &Instrument, answers: &Answers) -> Response {
        Response(
            items_of(instrument)
                .map(|(item, points)| match answers.get(&instrument.id, item) {
                    Some(Answer::Point(point)) if (1..=points).contains(&point) => point,
                    _ => 0,
                })
                .collect(),
        )
    }

    /// Checks the values against `instrument`: one per item, each within its scale.
    pub fn fitting(instrument: &Instrument, values: Vec<u8>) -> Option<Response> {
        let response = Response(values);
        response.fits(instrument).then_some(response)
    }

    /// True when this holds one value per item of `instrument`, each within its scale.
    pub fn fits(&self, instrument: &Instrument) -> bool {
        self.0.len() == instrument.item_count()
            && items_of(instrument)
                .zip(&self.0)
                .all(|((_, points), &value)| value <= points)
    }

    pub fn values(&self) -> &[u8] {
        &self.0
    }

    /// True when not a single statement was answered.
    pub fn is_blank(&self) -> bool {
        self.0.iter().all(|&value| value == 0)
    }
}

/// A response belongs to one instrument: scoring reads it by item position.
impl AnswerSource for Response {
    fn answer(&self, _instrument: &str, item: &Item) -> Option<Answer> {
        let value = *self.0.get(item.position)?;
        (value > 0).then_some(Answer::Point(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::built_in;
    use crate::core::scoring::score_resources;

    #[test]
    fn a_response_scores_like_the_answers_it_came_from() {
        let instrument = &built_in()[0];
        let mut answers = Answers::default();
        for (number, (item, _)) in items_of(instrument).enumerate() {
            if number % 4 != 0 {
                answers.set(&instrument.id, item, Answer::Point((number % 5) as u8 + 1));
            }
        }
        let response = Response::from_answers(instrument, &answers);
        assert_eq!(
            score_resources(instrument, &response),
            score_resources(instrument, &answers)
        );
    }

    #[test]
    fn values_must_fit_the_instrument() {
        let instrument = &built_in()[0];
        let count = instrument.item_count();
        assert!(Response::fitting(instrument, vec![5; count]).is_some());
        assert!(Response::fitting(instrument, vec![6; count]).is_none());
        assert!(Response::fitting(instrument, vec![1; count - 1]).is_none());
    }
}
