//! A group's result: per factor the mean, n, the share of answers per
//! response option and the band; per risk factor the share exposed. Nothing
//! is shown below the workshop's threshold, no count small enough to point at
//! a person is ever shown, and bullying, violence and threats are only
//! "reported in the group" or not.

use serde::{Deserialize, Serialize};

use super::answers::AnswerSource;
use super::history::Month;
use super::instrument::{Band, Factor, Identity, Instrument, Lens, Scoring};
use super::response::Response;
use super::scoring::{
    score_resources, score_risks, Exposure, ResourceResult, RiskDetail, RiskResult, Score,
};
use super::workshop::{MAX_WORKSHOP_NAME_CHARS, MIN_THRESHOLD};

/// The smallest count of people a share may stand for; fewer is shown as "fewer than 3".
pub const MIN_CELL: usize = 3;

/// A share of the respondents, or only that it is too few to show.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Portion {
    Share(f64),
    FewerThan(usize),
    /// Not shown, though not small: with n it would tell a count hidden
    /// beside it.
    Withheld,
}

impl Portion {
    fn of(count: usize, n: usize) -> Portion {
        if (1..MIN_CELL).contains(&count) {
            Portion::FewerThan(MIN_CELL)
        } else {
            Portion::Share(count as f64 / n as f64)
        }
    }

    pub fn share(self) -> Option<f64> {
        match self {
            Portion::Share(share) => Some(share),
            Portion::FewerThan(_) | Portion::Withheld => None,
        }
    }
}

/// The shares of `n` with high and with some exposure. Where one count is
/// hidden as "fewer than 3", `n` less the counts shown must be 3 or more,
/// or the other share is withheld too: "fewer than 3" high and 80 % some
/// of five would tell that exactly one is highly exposed. Under five people,
/// a withheld share beside a hidden count would still tell it (of four,
/// only one high and three some read so), so both are withheld.
///
/// The rest, those not exposed, are guarded alike: where they are fewer than
/// 3, the two shares shown would tell how many, so the share with some
/// exposure is withheld (36 high and 4 some of 42 would tell that 2 are
/// not). The two shares are withheld where that alone would still tell it,
/// as it would where fewer than five are not highly exposed (40 high of 42).
/// Under five people with none highly exposed, the share with some is
/// withheld whenever some but not all have it, so that the one or two not
/// exposed are not told, and the group is not read as highly exposed.
fn exposure_portions(high: usize, some: usize, n: usize) -> (Portion, Portion) {
    let small_group = n < 2 * MIN_CELL - 1;
    if small_group && high == 0 && (1..n).contains(&some) {
        return (Portion::Share(0.0), Portion::Withheld);
    }
    let portions = (Portion::of(high, n), Portion::of(some, n));
    let withheld = if small_group {
        (Portion::Withheld, Portion::Withheld)
    } else {
        portions
    };
    let not_exposed = n - high - some;
    match portions {
        (Portion::Share(_), Portion::Share(_)) if (1..MIN_CELL).contains(&not_exposed) => {
            if n - high < 2 * MIN_CELL - 1 {
                (Portion::Withheld, Portion::Withheld)
            } else {
                (portions.0, Portion::Withheld)
            }
        }
        (Portion::FewerThan(_), Portion::Share(_)) if n - some < MIN_CELL => {
            (withheld.0, Portion::Withheld)
        }
        (Portion::Share(_), Portion::FewerThan(_)) if n - high < MIN_CELL => {
            (Portion::Withheld, withheld.1)
        }
        _ => portions,
    }
}

/// How exposed a group is to one risk factor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GroupExposure {
    /// The share with high exposure and the share with some.
    Shares { high: Portion, some: Portion },
    /// Bullying, violence and threats: only whether anyone reported it.
    Reported(bool),
}

/// What may be shown of one factor, once enough people scored it.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorDetail<'a> {
    /// The mean of the respondents' factor scores (for mean-scored factors),
    /// unless an exposure share is hidden as "fewer than 3" or withheld.
    pub mean: Option<f64>,
    pub band: Option<&'a Band>,
    /// Decimals to show the mean with, so it never reads as in another band.
    pub mean_decimals: usize,
    /// The share of all answers to the factor's statements per response
    /// option, lowest first; empty where a distribution could point at
    /// someone: for bullying, violence and threats, and wherever an exposure
    /// share is hidden as "fewer than 3" or withheld.
    pub shares: Vec<f64>,
    pub exposure: Option<GroupExposure>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupFactor<'a> {
    pub factor: &'a Factor,
    /// Respondents with enough answers to score this factor.
    pub n: usize,
    /// `None` while `n` is below the threshold.
    pub detail: Option<FactorDetail<'a>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupResult<'a> {
    pub instrument: &'a Instrument,
    pub respondents: usize,
    pub threshold: usize,
    /// Empty while the group is below the threshold.
    pub factors: Vec<GroupFactor<'a>>,
}

impl GroupResult<'_> {
    pub fn is_shown(&self) -> bool {
        self.respondents >= self.threshold
    }
}

/// Running totals for one factor over all responses.
#[derive(Clone, Default)]
struct Tally {
    scored: usize,
    /// Respondents with at least one statement of the factor answered.
    answering: usize,
    sum: f64,
    /// Answers per point, index 0 for point 1.
    answers: Vec<usize>,
    high: usize,
    some: usize,
}

/// Aggregates `responses` to `instrument`; shows nothing below `threshold`.
pub fn aggregate<'a, 'r>(
    instrument: &'a Instrument,
    responses: impl ExactSizeIterator<Item = &'r Response>,
    threshold: usize,
) -> GroupResult<'a> {
    let respondents = responses.len();
    let mut result = GroupResult {
        instrument,
        respondents,
        threshold,
        factors: Vec::new(),
    };
    if respondents < threshold {
        return result;
    }
    result.factors = instrument
        .factors
        .iter()
        .zip(tally(instrument, responses))
        .map(|(factor, tally)| GroupFactor {
            factor,
            n: tally.scored,
            detail: (tally.scored >= threshold).then(|| detail(instrument, factor, &tally)),
        })
        .collect();
    result
}

/// Per factor, how many respondents scored it, and how many answered any of
/// its statements: what shown means, exposures and shares change with.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FactorCounts {
    pub scored: Vec<usize>,
    pub answering: Vec<usize>,
}

pub fn factor_counts<'r>(
    instrument: &Instrument,
    responses: impl Iterator<Item = &'r Response>,
) -> FactorCounts {
    let tallies = tally(instrument, responses);
    FactorCounts {
        scored: tallies.iter().map(|tally| tally.scored).collect(),
        answering: tallies.iter().map(|tally| tally.answering).collect(),
    }
}

/// One tally per factor of `instrument`, in its order.
fn tally<'r>(instrument: &Instrument, responses: impl Iterator<Item = &'r Response>) -> Vec<Tally> {
    let mut tallies: Vec<Tally> = instrument
        .factors
        .iter()
        .map(|factor| Tally {
            answers: vec![0; usize::from(instrument.factor_scale(factor).points)],
            ..Tally::default()
        })
        .collect();
    for response in responses {
        match instrument.lens {
            Lens::Resource => {
                for (tally, factor) in tallies
                    .iter_mut()
                    .zip(score_resources(instrument, response))
                {
                    if let Some(mean) = factor.score.mean {
                        tally.scored += 1;
                        tally.sum += mean;
                    }
                }
            }
            Lens::Risk => {
                for (tally, risk) in tallies.iter_mut().zip(score_risks(instrument, response)) {
                    count_risk(tally, &risk);
                }
            }
        }
        // An answer to a statement worded against most of its factor's is
        // turned round, so the distribution runs one way, as the mean does.
        for (tally, factor) in tallies.iter_mut().zip(&instrument.factors) {
            let points = instrument.factor_scale(factor).points;
            let mostly_reversed = factor.mostly_reversed();
            let mut answering = false;
            for item in &factor.items {
                let turned = response
                    .answer(&instrument.id, item)
                    .and_then(|answer| answer.scored(points, item.reversed != mostly_reversed));
                if let Some(count) =
                    turned.and_then(|point| tally.answers.get_mut(usize::from(point) - 1))
                {
                    *count += 1;
                    answering = true;
                }
            }
            tally.answering += usize::from(answering);
        }
    }
    tallies
}

fn count_risk(tally: &mut Tally, risk: &RiskResult) {
    let Some(exposure) = risk.exposure else {
        return;
    };
    tally.scored += 1;
    match exposure {
        Exposure::High => tally.high += 1,
        Exposure::Some => tally.some += 1,
        Exposure::None => {}
    }
    if let RiskDetail::Level { score } = risk.detail {
        tally.sum += score.mean.unwrap_or_default();
    }
}

fn detail<'a>(instrument: &'a Instrument, factor: &'a Factor, tally: &Tally) -> FactorDetail<'a> {
    let n = tally.scored;
    let flag = factor.scoring == Scoring::Flag;
    let exposure = match instrument.lens {
        Lens::Resource => None,
        Lens::Risk if flag => Some(GroupExposure::Reported(tally.high > 0)),
        Lens::Risk => {
            let (high, some) = exposure_portions(tally.high, tally.some, n);
            Some(GroupExposure::Shares { high, some })
        }
    };
    // A count hidden as "fewer than 3" must not be readable from the shares
    // per option either (with one statement, they are the same people), nor
    // from the mean: with n it gives the sum, and with one statement the
    // sum tells how many answered each way. For the same reason, with one
    // statement no option may stand for fewer than 3 people ("Always: 14 %"
    // of seven is one colleague).
    let one_statement = factor.items.len() == 1;
    let hides_a_count = matches!(
        exposure,
        Some(GroupExposure::Shares { high, some })
            if high.share().is_none() || some.share().is_none()
    ) || (one_statement
        && tally
            .answers
            .iter()
            .any(|count| (1..MIN_CELL).contains(count)));
    let mean = (factor.scoring == Scoring::Mean && !hides_a_count).then(|| tally.sum / n as f64);
    let answered: usize = tally.answers.iter().sum();
    let shares = if factor.scoring == Scoring::Mean && answered > 0 && !hides_a_count {
        tally
            .answers
            .iter()
            .map(|&count| count as f64 / answered as f64)
            .collect()
    } else {
        Vec::new()
    };
    let bands = mean.zip(instrument.factor_bands(factor));
    FactorDetail {
        mean,
        band: bands.map(|(mean, bands)| bands.band_for(mean)),
        mean_decimals: bands.map_or(1, |(mean, bands)| bands.decimals_for(mean)),
        shares,
        exposure,
    }
}

/// A group counts as highly exposed to a risk when at least this share of
/// it is; a rule of thumb for prioritising, not a clinical cut-off.
const HIGH_SHARE: f64 = 0.2;
/// A group counts as somewhat exposed when at least this share has some or high exposure.
const SOME_SHARE: f64 = 0.5;

impl GroupExposure {
    /// The group's exposure read as one level, for prioritising measures.
    fn level(self) -> Exposure {
        match self {
            GroupExposure::Reported(true) => Exposure::High,
            GroupExposure::Reported(false) => Exposure::None,
            // A high share is withheld only where at least a fifth of the
            // group is highly exposed (see `exposure_portions`; a test
            // checks every count up to 40).
            GroupExposure::Shares {
                high: Portion::Withheld,
                ..
            } => Exposure::High,
            GroupExposure::Shares { high, some } => {
                let high = high.share();
                let some = some.share();
                match (high, some) {
                    (Some(high), _) if high >= HIGH_SHARE => Exposure::High,
                    // A few people highly exposed is never "none".
                    (None, _) => Exposure::Some,
                    (Some(high), Some(some)) if high + some >= SOME_SHARE => Exposure::Some,
                    (Some(_), None) => Exposure::Some,
                    _ => Exposure::None,
                }
            }
        }
    }
}

impl<'a> GroupResult<'a> {
    /// The group read as one profile, so the plan's prioritising rules apply
    /// to it as to a person's: factor means for resources, one exposure
    /// level per risk. Factors below the threshold are left unscored.
    pub fn as_profile(&self) -> (Vec<ResourceResult<'a>>, Vec<RiskResult<'a>>) {
        let score = |factor: &GroupFactor<'a>, mean: Option<f64>| Score {
            answered: factor.n,
            total: factor.n,
            mean,
        };
        match self.instrument.lens {
            Lens::Resource => {
                let resources = self
                    .factors
                    .iter()
                    .map(|factor| {
                        let mean = factor.detail.as_ref().and_then(|d| d.mean);
                        ResourceResult::new(self.instrument, factor.factor, score(factor, mean))
                    })
                    .collect();
                (resources, Vec::new())
            }
            Lens::Risk => {
                let risks = self
                    .factors
                    .iter()
                    .map(|factor| {
                        let detail = factor.detail.as_ref();
                        let score = score(factor, detail.and_then(|d| d.mean));
                        RiskResult {
                            factor: factor.factor,
                            exposure: detail.and_then(|d| d.exposure).map(GroupExposure::level),
                            detail: if factor.factor.scoring == Scoring::Flag {
                                RiskDetail::Flag { score }
                            } else {
                                RiskDetail::Level { score }
                            },
                        }
                    })
                    .collect();
                (Vec::new(), risks)
            }
        }
    }
}

/// A group result saved for the next round's comparison. It holds only what
/// was shown, and a month, never a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupExport {
    pub kind: GroupKind,
    pub name: String,
    instrument: String,
    version: u32,
    /// Absent in results exported before fingerprints: a built-in instrument.
    #[serde(default)]
    fingerprint: Option<u32>,
    pub month: Month,
    pub respondents: usize,
    pub factors: Vec<ExportedFactor>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    ArbeidsmiljoGroupResult,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportedFactor {
    pub id: String,
    pub n: usize,
    pub mean: Option<f64>,
    pub shares: Vec<f64>,
    /// The share with high exposure, where a share was shown.
    pub high: Option<f64>,
    pub reported: Option<bool>,
}

impl GroupResult<'_> {
    /// What the next round compares with; `None` while nothing may be shown.
    pub fn export(&self, name: &str, month: Month) -> Option<GroupExport> {
        // With no factor shown (each answered too thinly), nothing to compare with.
        let any_factor = self.factors.iter().any(|factor| factor.detail.is_some());
        (self.is_shown() && any_factor).then(|| GroupExport {
            kind: GroupKind::ArbeidsmiljoGroupResult,
            name: name.to_string(),
            instrument: self.instrument.id.clone(),
            version: self.instrument.version,
            fingerprint: Some(self.instrument.fingerprint),
            month,
            respondents: self.respondents,
            factors: self
                .factors
                .iter()
                .filter_map(|factor| {
                    let detail = factor.detail.as_ref()?;
                    let (high, reported) = match detail.exposure {
                        Some(GroupExposure::Shares { high, .. }) => (high.share(), None),
                        Some(GroupExposure::Reported(reported)) => (None, Some(reported)),
                        None => (None, None),
                    };
                    // As precise as shown, no more: a mean to seventeen digits
                    // with n would give the exact sum of the answers.
                    Some(ExportedFactor {
                        id: factor.factor.id.clone(),
                        n: factor.n,
                        mean: detail.mean.map(|mean| rounded(mean, detail.mean_decimals)),
                        shares: detail
                            .shares
                            .iter()
                            .map(|&share| rounded(share, SHARE_DECIMALS))
                            .collect(),
                        high: high.map(|share| rounded(share, SHARE_DECIMALS)),
                        reported,
                    })
                })
                .collect(),
        })
    }
}

/// Shares are shown in whole percent, and exported no more precisely: a
/// share's decimals (0.43), and a percentage's (43).
const SHARE_DECIMALS: usize = 2;
pub const PERCENT_DECIMALS: usize = SHARE_DECIMALS - 2;

/// `value` to `decimals` places (at most three).
fn rounded(value: f64, decimals: usize) -> f64 {
    let scale = [1.0, 10.0, 100.0, 1000.0][decimals.min(3)];
    (value * scale).round() / scale
}

/// The change in one factor since an earlier round.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub mean: Option<f64>,
    /// In shares (0.1 is ten percentage points).
    pub high: Option<f64>,
}

impl GroupExport {
    /// Whether this earlier round can be compared with a group on `instrument`.
    pub fn fits(&self, instrument: &Instrument) -> bool {
        Identity {
            id: self.instrument.clone(),
            version: self.version,
            fingerprint: self.fingerprint,
        }
        .matches(instrument)
    }

    /// Whether every value is one the app could have exported for
    /// `instrument` by `now` (this month, where known): a name the workshop
    /// setup takes, a month not yet to come (a month's grace, for another
    /// device's clock), a group of at least the smallest threshold, each
    /// factor of it once, counts within the group, means on the factor's
    /// scale, shares between 0 and 1, and exposure only where the factor
    /// has it. An edited or damaged file could otherwise show a change of
    /// "−1844674407370955161,5", or fill the storage with its name. (Files
    /// exported before 2026-12-07 hold means and shares unrounded, and
    /// before 2026-12-08 shares to a tenth of a percent.)
    pub fn is_plausible(&self, instrument: &Instrument, now: Option<Month>) -> bool {
        let share = |value: f64| (0.0..=1.0).contains(&value);
        self.name.chars().count() <= MAX_WORKSHOP_NAME_CHARS
            && now.is_none_or(|now| self.month <= now.next())
            && self.respondents >= MIN_THRESHOLD
            && !self.factors.is_empty()
            && self.factors.iter().enumerate().all(|(index, exported)| {
                let Some(factor) = instrument.factors.iter().find(|f| f.id == exported.id) else {
                    return false;
                };
                let points = instrument.factor_scale(factor).points;
                let flag = factor.scoring == Scoring::Flag;
                let exposed = instrument.lens == Lens::Risk && !flag;
                !self.factors[..index].iter().any(|f| f.id == exported.id)
                    && (1..=self.respondents).contains(&exported.n)
                    && exported
                        .mean
                        .is_none_or(|mean| (1.0..=f64::from(points)).contains(&mean))
                    && (exported.shares.is_empty() || exported.shares.len() == usize::from(points))
                    && exported.shares.iter().all(|&value| share(value))
                    && exported.high.is_none_or(|high| exposed && share(high))
                    && (exported.reported.is_none() || flag)
            })
    }

    pub fn change(&self, factor: &GroupFactor) -> Option<Change> {
        let before = self.factors.iter().find(|f| f.id == factor.factor.id)?;
        let detail = factor.detail.as_ref()?;
        let high_now = match detail.exposure {
            Some(GroupExposure::Shares { high, .. }) => high.share(),
            _ => None,
        };
        // Both as precise as shown (a file from before 2026-12-08 holds
        // more), so two rounds that read alike show no change.
        let change = Change {
            mean: detail.mean.zip(before.mean).map(|(now, then)| {
                rounded(now, detail.mean_decimals) - rounded(then, detail.mean_decimals)
            }),
            high: high_now
                .zip(before.high)
                .map(|(now, then)| rounded(now, SHARE_DECIMALS) - rounded(then, SHARE_DECIMALS)),
        };
        (change.mean.is_some() || change.high.is_some()).then_some(change)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::built_in;

    fn resources() -> &'static Instrument {
        &built_in()[0]
    }

    fn risks() -> &'static Instrument {
        &built_in()[1]
    }

    fn uniform(instrument: &Instrument, value: u8) -> Response {
        Response::fitting(instrument, vec![value; instrument.item_count()]).unwrap()
    }

    #[test]
    fn a_statement_worded_the_other_way_is_counted_turned_round() {
        let instrument = resources();
        let mixed = instrument
            .factors
            .iter()
            .position(Factor::mixes_wordings)
            .expect("a resource factor with a reversed statement");
        // Everyone fully agrees with the statements for the resource, and
        // fully disagrees with the one worded against it: all favourable.
        let values = instrument
            .factors
            .iter()
            .flat_map(|factor| &factor.items)
            .map(|item| if item.reversed { 1 } else { 5 })
            .collect();
        let responses = vec![Response::fitting(instrument, values).unwrap(); 5];
        let result = aggregate(instrument, responses.iter(), 5);
        let detail = result.factors[mixed].detail.as_ref().unwrap();
        assert_eq!(detail.mean, Some(5.0));
        assert_eq!(detail.shares, [0.0, 0.0, 0.0, 0.0, 1.0]);
    }

    #[test]
    fn below_the_threshold_only_the_count_is_known() {
        let responses = vec![uniform(resources(), 4); 4];
        let result = aggregate(resources(), responses.iter(), 5);
        assert!(!result.is_shown());
        assert_eq!(result.respondents, 4);
        assert!(result.factors.is_empty());
        assert_eq!(result.export("x", Month::new(2026, 11).unwrap()), None);
    }

    #[test]
    fn means_and_shares_per_option() {
        let responses: Vec<Response> = [3, 3, 4, 5, 5, 5].map(|v| uniform(resources(), v)).to_vec();
        let result = aggregate(resources(), responses.iter(), 5);
        assert!(result.is_shown());
        let first = &result.factors[0];
        assert_eq!(first.n, 6);
        let detail = first.detail.as_ref().unwrap();
        assert!((detail.mean.unwrap() - 25.0 / 6.0).abs() < 1e-9);
        assert_eq!(detail.band.unwrap().id, "good");
        let expected = [0.0, 0.0, 2.0 / 6.0, 1.0 / 6.0, 3.0 / 6.0];
        for (share, expected) in detail.shares.iter().zip(expected) {
            assert!((share - expected).abs() < 1e-9);
        }
    }

    #[test]
    fn a_group_mean_just_under_a_band_edge_shows_two_decimals() {
        // Five at 5 and six at 4: 4,4545 is "Godt", and "4,5" would read as "Sterkt".
        let responses: Vec<Response> = [5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4]
            .map(|v| uniform(resources(), v))
            .to_vec();
        let result = aggregate(resources(), responses.iter(), 5);
        let detail = result.factors[0].detail.as_ref().unwrap();
        assert_eq!(detail.band.unwrap().id, "good");
        assert_eq!(detail.mean_decimals, 2);
        let (profile, _) = result.as_profile();
        assert_eq!(
            profile[0].mean_decimals(),
            2,
            "the plan and the picture show it so too"
        );
    }

    #[test]
    fn a_factor_too_few_answered_is_hidden_alone() {
        let mut responses: Vec<Response> = vec![uniform(resources(), 4); 5];
        // Two people skip the first factor entirely.
        let first_len = resources().factors[0].items.len();
        for response in responses.iter_mut().take(2) {
            let mut values = response.values().to_vec();
            values[..first_len].fill(0);
            *response = Response::fitting(resources(), values).unwrap();
        }
        let result = aggregate(resources(), responses.iter(), 5);
        assert_eq!(result.factors[0].n, 3);
        assert!(result.factors[0].detail.is_none());
        assert!(result.factors[1].detail.is_some());
    }

    #[test]
    fn bullying_is_only_reported_and_small_counts_are_never_shown() {
        // Six people: one reports some of everything, five report nothing.
        let mut responses = vec![uniform(risks(), 1); 5];
        responses.push(uniform(risks(), 2));
        let result = aggregate(risks(), responses.iter(), 5);
        let mut hidden = 0;
        for factor in &result.factors {
            let detail = factor.detail.as_ref().unwrap();
            match factor.factor.scoring {
                Scoring::Flag => {
                    assert_eq!(detail.exposure, Some(GroupExposure::Reported(true)));
                    assert!(
                        detail.shares.is_empty(),
                        "no distribution for {}",
                        factor.factor.id
                    );
                }
                _ => {
                    let Some(GroupExposure::Shares { high, some }) = detail.exposure else {
                        panic!("risk without exposure");
                    };
                    for portion in [high, some] {
                        match portion {
                            Portion::Share(share) => {
                                assert!(share == 0.0 || share * 6.0 >= MIN_CELL as f64 - 1e-9);
                            }
                            // The one person must not show in the distribution
                            // instead, nor in the mean (with n, their sum).
                            Portion::FewerThan(_) | Portion::Withheld => {
                                hidden += 1;
                                assert!(
                                    detail.shares.is_empty(),
                                    "no distribution for {}",
                                    factor.factor.id
                                );
                                assert_eq!(detail.mean, None, "no mean for {}", factor.factor.id);
                                assert_eq!(detail.band, None);
                            }
                        }
                    }
                }
            }
        }
        assert!(hidden > 0, "the case is exercised");
    }

    #[test]
    fn no_count_hidden_as_fewer_than_three_can_be_worked_out_from_n_and_the_shares() {
        for n in MIN_CELL..=40 {
            // Every pair of counts, by what a reader who knows this rule sees.
            let pairs: Vec<(usize, usize)> = (0..=n)
                .flat_map(|h| (0..=n - h).map(move |s| (h, s)))
                .collect();
            for &(high, some) in &pairs {
                let shown = exposure_portions(high, some, n);
                let alike: Vec<(usize, usize)> = pairs
                    .iter()
                    .copied()
                    .filter(|&(h, s)| exposure_portions(h, s, n) == shown)
                    .collect();
                let possible = |pick: &dyn Fn(&(usize, usize)) -> usize| {
                    let mut counts: Vec<usize> = alike.iter().map(pick).collect();
                    counts.sort_unstable();
                    counts.dedup();
                    counts.len()
                };
                let case = format!("high {high}, some {some} of {n}: {shown:?}");
                let small = |count: usize| (1..MIN_CELL).contains(&count);
                if small(high) {
                    assert!(possible(&|&(h, _)| h) > 1, "{case}");
                }
                if small(some) {
                    assert!(possible(&|&(_, s)| s) > 1, "{case}");
                }
                if small(n - high - some) {
                    assert!(possible(&|&(h, s)| n - h - s) > 1, "{case}");
                }
                // A count of 3 or more is only withheld to guard a small one.
                if !small(high) && !small(some) && !small(n - high - some) {
                    assert!(
                        !matches!(shown, (Portion::Withheld, _) | (_, Portion::Withheld)),
                        "{case}"
                    );
                }
            }
        }
        // The case a facilitator met: one of five "always", four "sometimes".
        assert_eq!(
            exposure_portions(1, 4, 5),
            (Portion::FewerThan(MIN_CELL), Portion::Withheld)
        );
        assert_eq!(
            exposure_portions(1, 4, 7),
            (Portion::FewerThan(MIN_CELL), Portion::Share(4.0 / 7.0))
        );
        // Of four, "fewer than 3" beside a withheld share would tell 1 and 3.
        assert_eq!(
            exposure_portions(1, 3, 4),
            (Portion::Withheld, Portion::Withheld)
        );
        // Most highly exposed, a few somewhat: still a high exposure to prioritise.
        let most_high = GroupExposure::Shares {
            high: Portion::Withheld,
            some: Portion::FewerThan(MIN_CELL),
        };
        assert_eq!(
            exposure_portions(4, 1, 5),
            (Portion::Withheld, Portion::FewerThan(MIN_CELL))
        );
        assert_eq!(most_high.level(), Exposure::High);
        // Of four, three "always" and one "sometimes" is no less a priority
        // than four "sometimes".
        let (high, some) = exposure_portions(3, 1, 4);
        assert_eq!((high, some), (Portion::Withheld, Portion::Withheld));
        assert_eq!(GroupExposure::Shares { high, some }.level(), Exposure::High);
        // The case a tester met: 40 of 42 highly exposed would tell that 2 are not.
        assert_eq!(
            exposure_portions(40, 0, 42),
            (Portion::Withheld, Portion::Withheld)
        );
        assert_eq!(
            exposure_portions(36, 4, 42),
            (Portion::Share(36.0 / 42.0), Portion::Withheld)
        );
        // Of four, none highly exposed: the one or two not exposed are not told either.
        assert_eq!(
            exposure_portions(0, 3, 4),
            (Portion::Share(0.0), Portion::Withheld)
        );
        // Every withheld high share stands for at least a fifth of the group.
        for n in MIN_CELL..=40 {
            for h in 0..=n {
                for s in 0..=n - h {
                    if exposure_portions(h, s, n).0 == Portion::Withheld {
                        assert!(
                            h as f64 / n as f64 >= HIGH_SHARE,
                            "high {h}, some {s} of {n}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn with_one_statement_no_option_stands_for_fewer_than_three_people() {
        let (index, single) = risks()
            .factors
            .iter()
            .enumerate()
            .find(|(_, factor)| factor.items.len() == 1 && factor.scoring == Scoring::Mean)
            .expect("a one-statement risk");
        let offset: usize = risks().factors[..index].iter().map(|f| f.items.len()).sum();
        let group = |points: &[u8]| -> Vec<Response> {
            points
                .iter()
                .map(|&point| {
                    let mut values = uniform(risks(), 1).values().to_vec();
                    values[offset] = point;
                    Response::fitting(risks(), values).unwrap()
                })
                .collect()
        };
        let detail = |responses: &[Response]| {
            let result = aggregate(risks(), responses.iter(), 3);
            result.factors[index].detail.clone().unwrap()
        };
        // Seven people: high exposure (4 and 5) and some (3) each at least
        // three, yet one person alone answered 5 and one alone 2.
        let seven = detail(&group(&[4, 4, 4, 2, 5, 3, 3]));
        assert!(seven.shares.is_empty(), "no distribution for {}", single.id);
        assert_eq!(seven.mean, None);
        // Every option chosen by none or by three or more: shown.
        let shown = detail(&group(&[4, 4, 4, 3, 3, 3]));
        assert_eq!(shown.shares.len(), 5);
        assert!(shown.mean.is_some());
    }

    #[test]
    fn a_group_profile_feeds_the_plan_suggestions() {
        use crate::core::plan::{suggest, Area};
        // Eight people: two report bullying, everyone reports frequent night work.
        let mut responses = vec![uniform(risks(), 1); 6];
        responses.extend(vec![uniform(risks(), 2); 2]);
        let result = aggregate(risks(), responses.iter(), 5);
        let (no_resources, exposures) = result.as_profile();
        assert!(no_resources.is_empty());
        let suggestions = suggest(&no_resources, &exposures, ("", &risks().id));
        let flagged: Vec<&str> = risks()
            .factors
            .iter()
            .filter(|f| f.scoring == Scoring::Flag)
            .map(|f| f.id.as_str())
            .collect();
        assert!(flagged
            .iter()
            .all(|id| suggestions.focus[..flagged.len()].contains(&Area::new(&risks().id, id))));

        let strong = vec![uniform(resources(), 5); 5];
        let result = aggregate(resources(), strong.iter(), 5);
        let (scored, _) = result.as_profile();
        let suggestions = suggest(&scored, &[], (&resources().id, ""));
        assert!(suggestions.focus.is_empty());
        assert_eq!(suggestions.keep.len(), 3);
    }

    #[test]
    fn a_later_round_shows_the_change_per_factor() {
        let month = Month::new(2026, 5).unwrap();
        let before: Vec<Response> = vec![uniform(resources(), 3); 5];
        let after: Vec<Response> = vec![uniform(resources(), 4); 5];
        let export = aggregate(resources(), before.iter(), 5)
            .export("Vår", month)
            .unwrap();
        let text = serde_json::to_string(&export).unwrap();
        let export: GroupExport = serde_json::from_str(&text).unwrap();
        assert!(export.fits(resources()) && !export.fits(risks()));
        assert!(export.is_plausible(resources(), None));
        let now = aggregate(resources(), after.iter(), 5);
        let change = export.change(&now.factors[0]).unwrap();
        assert!((change.mean.unwrap() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_result_file_is_as_precise_as_the_screen_and_no_more() {
        // Seven people, 3 of them at 3 and 4 at 4: the mean is 3.571428…
        let group: Vec<Response> = [3, 3, 3, 4, 4, 4, 4]
            .map(|value| uniform(resources(), value))
            .into();
        let result = aggregate(resources(), group.iter(), 5);
        let export = result.export("Vår", Month::new(2026, 5).unwrap()).unwrap();
        let shown = result.factors[0].detail.as_ref().unwrap();
        let exported = &export.factors[0];
        let decimals = |value: f64| format!("{value}").split('.').nth(1).map_or(0, str::len);
        assert!(
            decimals(exported.mean.unwrap()) <= shown.mean_decimals,
            "{:?}",
            exported.mean
        );
        assert!((exported.mean.unwrap() - shown.mean.unwrap()).abs() < 0.05);
        // Shares in whole percent, as shown: 3 of 7 is 0.43, not 0.429.
        assert!(
            exported.shares.iter().all(|&share| decimals(share) <= 2),
            "{:?}",
            exported.shares
        );
        assert!(exported.shares.contains(&0.43), "{:?}", exported.shares);
    }

    /// A result file edited by hand, or damaged, is refused as a whole
    /// rather than shown as nonsense changes.
    #[test]
    fn an_earlier_round_with_values_the_app_never_exports_is_refused() {
        let month = Month::new(2026, 5).unwrap();
        let group: Vec<Response> = [2, 3, 3, 4, 4]
            .map(|value| uniform(resources(), value))
            .into();
        let export = aggregate(resources(), group.iter(), 5)
            .export("Vår", month)
            .unwrap();
        let now = Month::new(2026, 12);
        assert!(export.is_plausible(resources(), now));
        type Edit = (&'static str, fn(&mut GroupExport));
        let edits: [Edit; 14] = [
            ("a month to come", |e| {
                e.month = Month::new(2027, 2).unwrap()
            }),
            ("fewer than any threshold", |e| e.respondents = 2),
            ("no factors", |e| e.factors.clear()),
            ("exposure on a resource", |e| e.factors[0].high = Some(0.2)),
            ("reported on a mean", |e| e.factors[0].reported = Some(true)),
            ("huge mean", |e| e.factors[0].mean = Some(1e308)),
            ("mean below the scale", |e| e.factors[0].mean = Some(5e-324)),
            ("not a number", |e| e.factors[0].mean = Some(f64::NAN)),
            ("negative share", |e| e.factors[0].shares[0] = -0.2),
            ("share count", |e| e.factors[0].shares.push(0.0)),
            ("high above 1", |e| e.factors[0].high = Some(1.5)),
            ("no one counted", |e| e.factors[0].n = 0),
            ("more counted than answered", |e| {
                e.factors[0].n = e.respondents + 1
            }),
            ("a factor twice", |e| e.factors.push(e.factors[0].clone())),
        ];
        for (what, edit) in edits {
            let mut edited = export.clone();
            edit(&mut edited);
            assert!(!edited.is_plausible(resources(), now), "{what}");
        }
        let mut unknown = export.clone();
        unknown.factors[0].id = "ukjent".into();
        assert!(!unknown.is_plausible(resources(), now));
        let mut long = export.clone();
        long.name = "x".repeat(MAX_WORKSHOP_NAME_CHARS + 1);
        assert!(!long.is_plausible(resources(), now));
        long.name.pop();
        assert!(long.is_plausible(resources(), now));
        // Exported before means and shares were rounded, or next month on
        // a device whose clock runs ahead.
        let mut older = export.clone();
        older.factors[0].mean = Some(11.0 / 3.0);
        older.factors[0].shares[0] = 1.0 / 3.0;
        older.month = Month::new(2027, 1).unwrap();
        assert!(older.is_plausible(resources(), now));
        // A risk group's file, with its exposure and reported flags, is one the app exports.
        let risk_group: Vec<Response> = [1, 2, 2, 1, 2, 1]
            .map(|value| uniform(risks(), value))
            .into();
        let risk_export = aggregate(risks(), risk_group.iter(), 5)
            .export("Vår", month)
            .unwrap();
        assert!(risk_export.factors.iter().any(|f| f.high.is_some()));
        assert!(risk_export.factors.iter().any(|f| f.reported.is_some()));
        assert!(risk_export.is_plausible(risks(), now));
    }
}
