//! Scoring: from answers to factor scores, bands, exposure levels,
//! Karasek's quadrant and Siegrist's effort–reward ratio.

use super::answers::AnswerSource;
use super::instrument::{Band, BandSet, Factor, Instrument, Item, Lens, Part, Scoring};

/// The score of a set of items: the mean after reversal, present only when at
/// least half of the items are answered ("ikke nok svar" otherwise, never 0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    pub answered: usize,
    pub total: usize,
    pub mean: Option<f64>,
}

impl Score {
    fn of<'a>(
        items: impl Iterator<Item = &'a Item>,
        answers: &impl AnswerSource,
        instrument: &str,
        points: u8,
    ) -> Score {
        let (mut answered, mut total, mut sum) = (0usize, 0usize, 0u32);
        for item in items {
            total += 1;
            let point = answers
                .answer(instrument, item)
                .and_then(|answer| answer.scored(points, item.reversed));
            if let Some(point) = point {
                answered += 1;
                sum += u32::from(point);
            }
        }
        let enough = answered > 0 && answered * 2 >= total;
        Score {
            answered,
            total,
            mean: enough.then(|| f64::from(sum) / answered as f64),
        }
    }
}

/// Maps a score on 1..=points to 0–100, so scales of different length compare.
pub fn to_percent(mean: f64, points: u8) -> f64 {
    (mean - 1.0) / f64::from(points - 1) * 100.0
}

/// The result of one resource factor.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceResult<'a> {
    pub factor: &'a Factor,
    pub score: Score,
    /// `None` when there are not enough answers.
    pub band: Option<&'a Band>,
    pub points: u8,
    /// The factor's bands, if it has any.
    pub bands: Option<&'a BandSet>,
}

impl<'a> ResourceResult<'a> {
    pub fn new(instrument: &'a Instrument, factor: &'a Factor, score: Score) -> Self {
        let bands = instrument.factor_bands(factor);
        ResourceResult {
            factor,
            band: score
                .mean
                .zip(bands)
                .map(|(mean, bands)| bands.band_for(mean)),
            score,
            points: instrument.factor_scale(factor).points,
            bands,
        }
    }

    /// A level to keep: in the upper half of the factor's bands ("Godt" and
    /// "Sterkt" of four), or without bands in the top quarter of its scale
    /// (4 and above on 1–5). False when there are not enough answers.
    pub fn worth_keeping(&self) -> bool {
        self.score.mean.is_some_and(|mean| match self.bands {
            Some(bands) => bands.is_worth_keeping(mean),
            None => 4.0 * (mean - 1.0) >= 3.0 * f64::from(self.points - 1),
        })
    }

    /// Decimals to show the mean with, so it never reads as in another band.
    pub fn mean_decimals(&self) -> usize {
        self.score
            .mean
            .zip(self.bands)
            .map_or(1, |(mean, bands)| bands.decimals_for(mean))
    }
}

pub fn score_resources<'a>(
    instrument: &'a Instrument,
    answers: &impl AnswerSource,
) -> Vec<ResourceResult<'a>> {
    debug_assert_eq!(instrument.lens, Lens::Resource);
    instrument
        .factors
        .iter()
        .map(|factor| {
            let points = instrument.factor_scale(factor).points;
            let score = Score::of(factor.items.iter(), answers, &instrument.id, points);
            ResourceResult::new(instrument, factor, score)
        })
        .collect()
}

/// How exposed a person is to a risk factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exposure {
    None,
    Some,
    High,
}

impl Exposure {
    /// Risk band sets name their bands after exposure levels.
    pub fn from_band_id(id: &str) -> Option<Exposure> {
        match id {
            "none" => Some(Exposure::None),
            "some" => Some(Exposure::Some),
            "high" => Some(Exposure::High),
            _ => None,
        }
    }
}

/// Karasek's four kinds of job, from demands and control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quadrant {
    /// High demands, low control: the one that harms health.
    HighStrain,
    Active,
    LowStrain,
    Passive,
}

impl Quadrant {
    pub fn of(demands: f64, control: f64, split: f64) -> Quadrant {
        match (demands > split, control > split) {
            (true, false) => Quadrant::HighStrain,
            (true, true) => Quadrant::Active,
            (false, true) => Quadrant::LowStrain,
            (false, false) => Quadrant::Passive,
        }
    }

    fn exposure(self) -> Exposure {
        match self {
            Quadrant::HighStrain => Exposure::High,
            Quadrant::Active => Exposure::Some,
            Quadrant::LowStrain | Quadrant::Passive => Exposure::None,
        }
    }
}

/// What a risk factor's result is made of, by its kind of scoring.
#[derive(Clone, Debug, PartialEq)]
pub enum RiskDetail {
    Level {
        score: Score,
    },
    Flag {
        score: Score,
    },
    Quadrant {
        demands: Score,
        control: Score,
        quadrant: Option<Quadrant>,
    },
    Ratio {
        effort: Score,
        reward: Score,
        ratio: Option<f64>,
        threshold: f64,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct RiskResult<'a> {
    pub factor: &'a Factor,
    /// `None` when there are not enough answers to say.
    pub exposure: Option<Exposure>,
    pub detail: RiskDetail,
}

impl RiskResult<'_> {
    /// A red flag: any reported bullying, violence or threats.
    pub fn is_flagged(&self) -> bool {
        matches!(self.detail, RiskDetail::Flag { .. }) && self.exposure == Some(Exposure::High)
    }
}

pub fn score_risks<'a>(
    instrument: &'a Instrument,
    answers: &impl AnswerSource,
) -> Vec<RiskResult<'a>> {
    debug_assert_eq!(instrument.lens, Lens::Risk);
    instrument
        .factors
        .iter()
        .map(|factor| score_risk(instrument, factor, answers))
        .collect()
}

fn score_risk<'a>(
    instrument: &'a Instrument,
    factor: &'a Factor,
    answers: &impl AnswerSource,
) -> RiskResult<'a> {
    let points = instrument.factor_scale(factor).points;
    let part_score = |part: Part| {
        let items = factor
            .items
            .iter()
            .filter(move |item| item.part == Some(part));
        Score::of(items, answers, &instrument.id, points)
    };
    let (exposure, detail) = match factor.scoring {
        Scoring::Mean => {
            let score = Score::of(factor.items.iter(), answers, &instrument.id, points);
            let exposure = score
                .mean
                .zip(instrument.factor_bands(factor))
                .and_then(|(mean, bands)| Exposure::from_band_id(&bands.band_for(mean).id));
            (exposure, RiskDetail::Level { score })
        }
        Scoring::Flag => {
            let score = Score::of(factor.items.iter(), answers, &instrument.id, points);
            // Any single reported exposure flags, even when other items are unanswered.
            let reported = factor.items.iter().any(|item| {
                answers
                    .answer(&instrument.id, item)
                    .and_then(|answer| answer.scored(points, item.reversed))
                    .is_some_and(|point| point > 1)
            });
            let exposure = if reported {
                Some(Exposure::High)
            } else {
                score.mean.map(|_| Exposure::None)
            };
            (exposure, RiskDetail::Flag { score })
        }
        Scoring::Quadrant { split } => {
            let (demands, control) = (part_score(Part::Demands), part_score(Part::Control));
            let quadrant = demands
                .mean
                .zip(control.mean)
                .map(|(demands, control)| Quadrant::of(demands, control, split));
            (
                quadrant.map(Quadrant::exposure),
                RiskDetail::Quadrant {
                    demands,
                    control,
                    quadrant,
                },
            )
        }
        Scoring::Ratio { threshold } => {
            let (effort, reward) = (part_score(Part::Effort), part_score(Part::Reward));
            let ratio = effort
                .mean
                .zip(reward.mean)
                .map(|(effort, reward)| effort / reward);
            let exposure = ratio.map(|ratio| {
                if ratio > threshold {
                    Exposure::High
                } else {
                    Exposure::None
                }
            });
            (
                exposure,
                RiskDetail::Ratio {
                    effort,
                    reward,
                    ratio,
                    threshold,
                },
            )
        }
    };
    RiskResult {
        factor,
        exposure,
        detail,
    }
}

/// Which end of the scale `sort_by_mean` puts first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    LowestFirst,
    HighestFirst,
}

/// Sorts resource results by their mean; the sort is stable, so ties keep
/// the instrument's order. Every caller shares one comparator type (a function
/// pointer), so the wasm holds one copy of the sort instead of one per closure.
pub fn sort_by_mean(results: &mut [&ResourceResult], order: Order) {
    fn lowest_first(a: &&ResourceResult, b: &&ResourceResult) -> std::cmp::Ordering {
        a.score
            .mean
            .partial_cmp(&b.score.mean)
            .unwrap_or(std::cmp::Ordering::Equal)
    }
    fn highest_first(a: &&ResourceResult, b: &&ResourceResult) -> std::cmp::Ordering {
        lowest_first(b, a)
    }
    let compare: fn(&&ResourceResult, &&ResourceResult) -> std::cmp::Ordering = match order {
        Order::LowestFirst => lowest_first,
        Order::HighestFirst => highest_first,
    };
    results.sort_by(compare);
}

/// The strongest and the weakest scored resource factors (at most `n` each),
/// ordered from the extreme inwards: the two ends of one list sorted by mean,
/// so ties keep the instrument's order among the strongest and the reverse
/// order among the weakest.
pub fn strongest_and_weakest<'r, 'a>(
    results: &'r [ResourceResult<'a>],
    n: usize,
) -> (Vec<&'r ResourceResult<'a>>, Vec<&'r ResourceResult<'a>>) {
    let mut scored: Vec<_> = results
        .iter()
        .filter(|result| result.score.mean.is_some())
        .collect();
    sort_by_mean(&mut scored, Order::HighestFirst);
    let take = n.min(scored.len() / 2);
    let mean = |result: &&ResourceResult| result.score.mean.unwrap_or_default();
    let (highest, lowest) = match (scored.first(), scored.last()) {
        (Some(first), Some(last)) => (mean(first), mean(last)),
        _ => return (Vec::new(), Vec::new()),
    };
    // A factor tied with the other end stands out as neither: with every
    // answer alike, nothing at the top of the scale is called weakest.
    let strongest = scored[..take]
        .iter()
        .filter(|result| mean(result) > lowest)
        .copied()
        .collect();
    let weakest = scored
        .iter()
        .rev()
        .take(take)
        .filter(|result| mean(result) < highest)
        .copied()
        .collect();
    (strongest, weakest)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::core::answers::{Answer, Answers};
    use crate::core::instrument::built_in;

    fn resources() -> Instrument {
        built_in()[0].clone()
    }

    fn risks() -> Instrument {
        built_in()[1].clone()
    }

    fn answer_all(instrument: &Instrument, answer: impl Fn(&Item) -> Answer) -> Answers {
        let mut answers = Answers::default();
        for item in instrument.factors.iter().flat_map(|factor| &factor.items) {
            answers.set(&instrument.id, &item.id, answer(item));
        }
        answers
    }

    /// Every statement answered so that factor number `f` scores `point(f)`
    /// on the 1–5 scale (reversed statements get the mirrored option).
    fn answer_by_factor(instrument: &Instrument, point: impl Fn(usize) -> u8) -> Answers {
        answer_all(instrument, |item| {
            let factor = instrument
                .factors
                .iter()
                .position(|f| f.items.contains(item))
                .unwrap();
            let point = point(factor);
            Answer::Point(if item.reversed { 6 - point } else { point })
        })
    }

    #[test]
    fn the_middle_option_everywhere_gives_exactly_three_on_every_resource_factor() {
        let instrument = resources();
        let answers = answer_all(&instrument, |_| Answer::Point(3));
        for result in score_resources(&instrument, &answers) {
            assert_eq!(result.score.mean, Some(3.0), "{}", result.factor.id);
            assert_eq!(result.band.unwrap().id, "improve");
        }
    }

    #[test]
    fn reversed_items_are_mirrored_before_the_mean() {
        let instrument = resources();
        let answers = answer_all(&instrument, |item| {
            Answer::Point(if item.reversed { 1 } else { 5 })
        });
        for result in score_resources(&instrument, &answers) {
            assert_eq!(result.score.mean, Some(5.0), "{}", result.factor.id);
            assert_eq!(result.band.unwrap().id, "strong");
        }
    }

    #[test]
    fn fewer_than_half_answered_gives_no_score_never_zero() {
        let instrument = resources();
        let factor = &instrument.factors[0];
        let mut answers = Answers::default();
        answers.set(&instrument.id, &factor.items[0].id, Answer::Point(5));
        let result = &score_resources(&instrument, &answers)[0];
        assert_eq!(result.score.answered, 1);
        if factor.items.len() > 2 {
            assert_eq!(result.score.mean, None);
            assert_eq!(result.band, None);
        }
        answers.set(&instrument.id, &factor.items[1].id, Answer::Point(4));
        let result = &score_resources(&instrument, &answers)[0];
        assert!(result.score.mean.is_some());
    }

    #[test]
    fn dont_know_counts_as_missing() {
        let instrument = resources();
        let answers = answer_all(&instrument, |_| Answer::DontKnow);
        for result in score_resources(&instrument, &answers) {
            assert_eq!(result.score.answered, 0);
            assert_eq!(result.score.mean, None);
        }
    }

    #[test]
    fn band_edges_follow_the_ten_factor_conventions() {
        let instrument = resources();
        let bands = instrument.factor_bands(&instrument.factors[0]).unwrap();
        let band = |score| bands.band_for(score).id.as_str();
        assert_eq!(band(1.0), "prioritise");
        assert_eq!(band(2.99), "prioritise");
        assert_eq!(band(3.0), "improve");
        assert_eq!(band(4.0), "good");
        assert_eq!(band(4.49), "good");
        assert_eq!(band(4.5), "strong");
        assert_eq!(band(5.0), "strong");
    }

    #[test]
    fn percent_view_maps_the_scale_to_0_100() {
        assert_eq!(to_percent(1.0, 5), 0.0);
        assert_eq!(to_percent(3.0, 5), 50.0);
        assert_eq!(to_percent(5.0, 5), 100.0);
    }

    #[test]
    fn quadrants_follow_karasek() {
        assert_eq!(Quadrant::of(4.0, 2.0, 3.0), Quadrant::HighStrain);
        assert_eq!(Quadrant::of(4.0, 4.0, 3.0), Quadrant::Active);
        assert_eq!(Quadrant::of(2.0, 4.0, 3.0), Quadrant::LowStrain);
        assert_eq!(Quadrant::of(2.0, 2.0, 3.0), Quadrant::Passive);
        assert_eq!(Quadrant::of(3.0, 3.0, 3.0), Quadrant::Passive);
    }

    fn risk<'a>(results: &'a [RiskResult<'a>], id: &str) -> &'a RiskResult<'a> {
        results
            .iter()
            .find(|result| result.factor.id == id)
            .unwrap()
    }

    #[test]
    fn never_exposed_gives_no_exposure_and_no_flags() {
        let instrument = risks();
        // "Never" on exposure items; for reversed items (support, control, reward), the best answer.
        let answers = answer_all(&instrument, |item| {
            let good_is_high =
                item.reversed || matches!(item.part, Some(Part::Control | Part::Reward));
            Answer::Point(if good_is_high { 5 } else { 1 })
        });
        let results = score_risks(&instrument, &answers);
        for result in &results {
            assert_eq!(
                result.exposure,
                Some(Exposure::None),
                "{}",
                result.factor.id
            );
            assert!(!result.is_flagged());
        }
    }

    #[test]
    fn a_single_reported_incident_of_bullying_flags() {
        let instrument = risks();
        let bullying = instrument
            .factors
            .iter()
            .find(|factor| factor.id == "mobbing")
            .unwrap();
        let mut answers = Answers::default();
        answers.set(&instrument.id, &bullying.items[0].id, Answer::Point(2));
        let results = score_risks(&instrument, &answers);
        assert!(risk(&results, "mobbing").is_flagged());
        assert_eq!(risk(&results, "vold_trusler").exposure, None);
    }

    #[test]
    fn high_demands_with_low_control_is_high_strain() {
        let instrument = risks();
        let answers = answer_all(&instrument, |item| match item.part {
            Some(Part::Demands) => Answer::Point(5),
            Some(Part::Control) => Answer::Point(1),
            _ => Answer::DontKnow,
        });
        let results = score_risks(&instrument, &answers);
        let result = risk(&results, "krav_kontroll");
        assert_eq!(result.exposure, Some(Exposure::High));
        assert!(matches!(
            result.detail,
            RiskDetail::Quadrant {
                quadrant: Some(Quadrant::HighStrain),
                ..
            }
        ));
    }

    #[test]
    fn effort_above_reward_is_an_imbalance() {
        let instrument = risks();
        let answers = answer_all(&instrument, |item| match item.part {
            Some(Part::Effort) => Answer::Point(4),
            Some(Part::Reward) => Answer::Point(2),
            _ => Answer::DontKnow,
        });
        let results = score_risks(&instrument, &answers);
        let result = risk(&results, "innsats_belonning");
        assert_eq!(result.exposure, Some(Exposure::High));
        match result.detail {
            RiskDetail::Ratio { ratio, .. } => assert_eq!(ratio, Some(2.0)),
            _ => panic!("not a ratio"),
        }
    }

    #[test]
    fn strongest_and_weakest_are_named_from_the_extremes() {
        let instrument = resources();
        let ids: Vec<_> = instrument
            .factors
            .iter()
            .map(|factor| factor.id.clone())
            .collect();
        let answers = answer_by_factor(&instrument, |factor| match factor {
            0 => 1,
            4 => 5,
            _ => 3,
        });
        let results = score_resources(&instrument, &answers);
        let (strongest, weakest) = strongest_and_weakest(&results, 2);
        assert_eq!(strongest[0].factor.id, ids[4]);
        assert_eq!(weakest[0].factor.id, ids[0]);
        assert_eq!(strongest.len(), 2);
    }

    #[test]
    fn factors_all_alike_are_neither_strongest_nor_weakest() {
        let instrument = resources();
        for value in [1, 5] {
            let answers = answer_by_factor(&instrument, |_| value);
            let results = score_resources(&instrument, &answers);
            let (strongest, weakest) = strongest_and_weakest(&results, 2);
            assert!(strongest.is_empty() && weakest.is_empty(), "all at {value}");
        }
        // One apart from the rest: the rest, tied, are weakest only where they score lower.
        let answers = answer_by_factor(&instrument, |factor| if factor == 3 { 4 } else { 2 });
        let results = score_resources(&instrument, &answers);
        let (strongest, weakest) = strongest_and_weakest(&results, 2);
        assert_eq!(strongest.len(), 1);
        assert_eq!(strongest[0].factor.id, instrument.factors[3].id);
        assert_eq!(weakest.len(), 2);
    }

    #[test]
    fn sorting_by_mean_keeps_the_instrument_order_among_ties() {
        let instrument = resources();
        // Factor i scores 1 + (i % 3): three tied groups, each in instrument order.
        let answers = answer_by_factor(&instrument, |factor| 1 + (factor % 3) as u8);
        let results = score_resources(&instrument, &answers);
        let sorted = |order| {
            let mut refs: Vec<&ResourceResult> = results.iter().collect();
            sort_by_mean(&mut refs, order);
            refs.iter()
                .map(|result| {
                    instrument
                        .factors
                        .iter()
                        .position(|f| f.id == result.factor.id)
                        .unwrap()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(sorted(Order::LowestFirst), [0, 3, 6, 9, 1, 4, 7, 2, 5, 8]);
        assert_eq!(sorted(Order::HighestFirst), [2, 5, 8, 1, 4, 7, 0, 3, 6, 9]);
    }

    proptest! {
        #[test]
        fn resource_scores_stay_on_the_scale_and_respect_the_half_rule(
            raw in proptest::collection::vec(0u8..=7, 40)
        ) {
            let instrument = resources();
            let mut answers = Answers::default();
            let items = instrument.factors.iter().flat_map(|factor| &factor.items);
            for (item, value) in items.zip(raw.iter().chain(std::iter::repeat(&255))) {
                if *value != 7 && *value != 255 {
                    answers.set(&instrument.id, &item.id, Answer::from(*value));
                }
            }
            for result in score_resources(&instrument, &answers) {
                let Score { answered, total, mean } = result.score;
                prop_assert!(answered <= total);
                match mean {
                    Some(mean) => {
                        prop_assert!(answered * 2 >= total);
                        prop_assert!((1.0..=5.0).contains(&mean));
                        prop_assert!(result.band.is_some());
                    }
                    None => prop_assert!(answered * 2 < total || answered == 0),
                }
            }
        }

        #[test]
        fn reversing_the_answer_to_a_reversed_item_equals_answering_it_plainly(point in 1u8..=5) {
            prop_assert_eq!(Answer::Point(point).scored(5, true), Some(6 - point));
        }

        #[test]
        fn risk_scoring_never_panics_and_flags_only_real_reports(
            raw in proptest::collection::vec(0u8..=9, 40)
        ) {
            let instrument = risks();
            let mut answers = Answers::default();
            let items = instrument.factors.iter().flat_map(|factor| &factor.items);
            for (item, value) in items.zip(raw.iter()) {
                answers.set(&instrument.id, &item.id, Answer::from(*value));
            }
            for result in score_risks(&instrument, &answers) {
                if result.is_flagged() {
                    let points = instrument.factor_scale(result.factor).points;
                    let reported = result.factor.items.iter().any(|item| {
                        answers.answer(&instrument.id, item)
                            .and_then(|answer| answer.scored(points, item.reversed))
                            .is_some_and(|point| point > 1)
                    });
                    prop_assert!(reported);
                }
            }
        }
    }
}
