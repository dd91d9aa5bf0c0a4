//! Instruments: questionnaires as data. An instrument file (JSON, see
//! `instruments/`) is parsed and then validated; only a validated
//! [`Instrument`] reaches scoring and the UI.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use super::invisible::is_blank;
use super::json_layout::without_layout;
use super::json_text::{
    line_of, list_at_root, path_on_line, syntax_problem, value_lines, Expected, SyntaxProblem,
};
use super::lang::Lang;
use super::scoring::Exposure;

/// A text in every supported language. Validation guarantees each language is present.
/// Borrowed for the built-in questionnaires, so building them on "Start" copies
/// no text (840 allocations and 60 KB of memory fewer); owned when read from a file.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(transparent)]
pub struct Text(BTreeMap<Cow<'static, str>, Cow<'static, str>>);

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(lang.code())
            .or_else(|| self.0.get(Lang::default().code()))
            .map_or("", |text| text)
    }

    fn missing_languages(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|lang| self.0.get(lang.code()).is_none_or(|text| is_blank(text)))
            .collect()
    }
}

/// What an instrument measures, which fixes the direction of its scores.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Lens {
    /// Health-promoting resources: after reversal, higher is better.
    Resource,
    /// Psychosocial risks: after reversal, higher means more exposure.
    Risk,
}

/// A response scale: points 1..=k, each with a label in every language.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: String,
    pub points: u8,
    pub labels: Vec<Text>,
}

/// An interpretation band: a score at or above `min` (and below the next band) falls in it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub id: String,
    pub min: f64,
    pub label: Text,
}

/// Bands for one scale, ordered from the lowest `min` (which equals 1) upwards.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BandSet {
    pub id: String,
    pub scale: String,
    pub bands: Vec<Band>,
}

impl BandSet {
    /// The index of the band of `score`, 0 being the lowest, read to two
    /// decimals, as bands are given ("4,0–4,49 Godt"): from half a hundredth
    /// below a band's minimum, so a mean of 4,5 summed to 4,4999… is
    /// "Sterkt". (Compared, not rounded: rounding costs a call per score.)
    fn index_for(&self, score: f64) -> usize {
        self.bands
            .iter()
            .rposition(|band| score >= band.min - 0.005)
            .unwrap_or(0)
    }

    pub fn band_for(&self, score: f64) -> &Band {
        &self.bands[self.index_for(score)]
    }

    /// How many decimals show `score` beside its band: one, or two where one
    /// would round it into the next band ("4,46 · Godt", not "4,5 · Godt").
    pub fn decimals_for(&self, score: f64) -> usize {
        let one_decimal = (score * 10.0).round() / 10.0;
        if self.index_for(one_decimal) == self.index_for(score) {
            1
        } else {
            2
        }
    }

    /// Whether `score` is in the upper half of the set ("Godt" and "Sterkt"
    /// of four, the top one of three): a level worth keeping.
    pub fn is_worth_keeping(&self, score: f64) -> bool {
        2 * self.index_for(score) >= self.bands.len()
    }

    /// The index of `band` in this set, 0 being the lowest; used for patterns in charts.
    pub fn rank_of(&self, band_id: &str) -> usize {
        self.bands
            .iter()
            .position(|band| band.id == band_id)
            .unwrap_or(0)
    }
}

/// Which half of a composite risk factor an item belongs to.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Demands,
    Control,
    Effort,
    Reward,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: Text,
    /// A reversed item is scored as (k + 1 − answer).
    #[serde(default)]
    pub reversed: bool,
    /// Only for items of a quadrant or ratio factor.
    #[serde(default)]
    pub part: Option<Part>,
    /// The item's place in the whole instrument, counted from 0; set when
    /// parsed, so compact responses are read without looking ids up.
    #[serde(skip)]
    pub position: usize,
}

/// How a factor's answers become a result.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(try_from = "ScoringFields")]
pub enum Scoring {
    /// The mean of the answered items, read against the factor's bands.
    Mean,
    /// Any answer above the lowest option is a red flag, whatever the mean.
    Flag,
    /// Karasek's demand–control model: items are `demands` or `control`; a mean
    /// above `split` counts as high.
    Quadrant { split: f64 },
    /// Siegrist's effort–reward model: items are `effort` or `reward`; a ratio of
    /// the means above `threshold` is an imbalance.
    Ratio { threshold: f64 },
}

/// A `scoring` object as written: `{"type": "quadrant", "split": 3.0}`.
/// Read as a plain struct: serde's internally tagged enum cost 10 KB of
/// wasm. As before, fields the type does not use are ignored.
#[derive(Deserialize)]
struct ScoringFields {
    #[serde(rename = "type")]
    kind: ScoringKind,
    split: Option<f64>,
    threshold: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum ScoringKind {
    Mean,
    Flag,
    Quadrant,
    Ratio,
}

impl TryFrom<ScoringFields> for Scoring {
    /// Worded as serde words it, so the file's problem reads the same.
    type Error = String;

    fn try_from(fields: ScoringFields) -> Result<Scoring, String> {
        let needed =
            |value: Option<f64>, name: &str| value.ok_or_else(|| format!("missing field `{name}`"));
        Ok(match fields.kind {
            ScoringKind::Mean => Scoring::Mean,
            ScoringKind::Flag => Scoring::Flag,
            ScoringKind::Quadrant => Scoring::Quadrant {
                split: needed(fields.split, "split")?,
            },
            ScoringKind::Ratio => Scoring::Ratio {
                threshold: needed(fields.threshold, "threshold")?,
            },
        })
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub id: String,
    /// The research term for the construct, for developers; never shown in the UI.
    pub construct: String,
    /// Arbeidsmiljøloven §4-3 examples this factor informs (1–4), or "harassment"/"violence" chapters.
    #[serde(default)]
    pub aml: Vec<String>,
    pub name: Text,
    /// What it is, why it matters, and what tends to help.
    pub help: Text,
    pub scale: String,
    /// The band set a `mean` factor is read against; other scorings need none.
    #[serde(default)]
    pub bands: Option<String>,
    #[serde(default = "default_scoring")]
    pub scoring: Scoring,
    pub items: Vec<Item>,
}

impl Factor {
    /// Whether most of the statements are worded the other way round
    /// (reversed): their wording is the one a distribution of answers is
    /// read in.
    pub fn mostly_reversed(&self) -> bool {
        let reversed = self.items.iter().filter(|item| item.reversed).count();
        reversed * 2 > self.items.len()
    }

    /// Whether some statements are worded one way and some the other.
    pub fn mixes_wordings(&self) -> bool {
        let reversed = self.items.iter().filter(|item| item.reversed).count();
        reversed > 0 && reversed < self.items.len()
    }
}

fn default_scoring() -> Scoring {
    Scoring::Mean
}

/// A validated instrument.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    pub version: u32,
    pub lens: Lens,
    pub title: Text,
    pub intro: Text,
    pub scales: Vec<Scale>,
    pub band_sets: Vec<BandSet>,
    pub factors: Vec<Factor>,
    /// A hash of the whole file's content (its layout aside),
    /// set when parsed. With the id and version it is the instrument's
    /// identity: answers to different content are never pooled or compared.
    #[serde(skip)]
    pub fingerprint: u32,
}

/// The most statements an instrument may have: a response code must stay
/// short enough to type, and within the code reader's limit.
pub const MAX_ITEMS: usize = 150;
/// The highest version: a response code carries it in one byte.
pub const MAX_VERSION: u32 = 255;
/// Ids name things in saved answers, files and the page's HTML.
pub const MAX_ID_LEN: usize = 40;

impl Instrument {
    /// True for the built-in resources questionnaire, the one that stands near
    /// KS' 10-FAKTOR survey: where it is shown, the app says it is not KS'.
    pub fn stands_near_ks(&self) -> bool {
        self.lens == Lens::Resource && is_built_in(&self.id)
    }

    pub fn scale(&self, id: &str) -> &Scale {
        self.scales
            .iter()
            .find(|scale| scale.id == id)
            .expect("validated instrument: every scale reference resolves")
    }

    pub fn band_set(&self, id: &str) -> &BandSet {
        self.band_sets
            .iter()
            .find(|set| set.id == id)
            .expect("validated instrument: every band-set reference resolves")
    }

    pub fn factor_scale(&self, factor: &Factor) -> &Scale {
        self.scale(&factor.scale)
    }

    /// Whether the lowest option of `factor`'s statements is the favourable
    /// answer: for a risk, "never" is; for a resource, the highest option
    /// is. Statements worded the other way round (reversed) turn this
    /// around; where a factor mixes both, most of its statements decide.
    pub fn low_is_favourable(&self, factor: &Factor) -> bool {
        (self.lens == Lens::Risk) != factor.mostly_reversed()
    }

    pub fn factor_bands(&self, factor: &Factor) -> Option<&BandSet> {
        factor.bands.as_deref().map(|id| self.band_set(id))
    }

    pub fn item_count(&self) -> usize {
        self.factors.iter().map(|factor| factor.items.len()).sum()
    }

    /// "ressurser v1 · 1a2b3c4d": what a person compares to tell two files apart.
    pub fn identity(&self) -> String {
        format!("{} v{} · {:08x}", self.id, self.version, self.fingerprint)
    }

    /// Parses and validates an instrument file, reporting every problem at
    /// once. A file that is not JSON of the right shape stops at its first
    /// problem, which names its line and column.
    pub fn parse(json: &str) -> Result<Instrument, Vec<InstrumentError>> {
        let syntax = |error: serde_json::Error| {
            let problem = syntax_problem(&error);
            // A value of the wrong kind is named by its field where its line tells which.
            let path = match problem {
                SyntaxProblem::WrongType(_) | SyntaxProblem::UnknownValue(_) => {
                    path_on_line(&value_lines(json), error.line()).map(str::to_string)
                }
                _ => None,
            };
            vec![InstrumentError {
                path: path.unwrap_or_default(),
                line: Some(error.line()).filter(|line| *line > 0),
                problem: Problem::Syntax {
                    column: error.column(),
                    problem,
                },
            }]
        };
        if let Some((line, column)) = list_at_root(json) {
            return Err(vec![InstrumentError {
                path: String::new(),
                line: Some(line),
                problem: Problem::Syntax {
                    column,
                    problem: SyntaxProblem::WrongType(Expected::Object),
                },
            }]);
        }
        let mut instrument: Instrument = serde_json::from_str(json).map_err(syntax)?;
        instrument.fingerprint = fingerprint(without_layout(json));
        for (position, item) in instrument
            .factors
            .iter_mut()
            .flat_map(|factor| factor.items.iter_mut())
            .enumerate()
        {
            item.position = position;
        }
        let errors = instrument.validate();
        checked(instrument, errors, json)
    }

    /// Options of one scale named alike in some language: they could not be
    /// told apart, on the page or in the group's CSV columns. Checked only
    /// for a file being loaded (see `library::check_to_load`), so one saved
    /// before this check still opens.
    pub fn alike_labels(&self) -> Vec<InstrumentError> {
        let mut errors = Vec::new();
        for (s, scale) in self.scales.iter().enumerate() {
            for (l, label) in scale.labels.iter().enumerate() {
                let earlier = &scale.labels[..l];
                let alike = Lang::ALL.into_iter().find(|&lang| {
                    let name = label.get(lang).trim();
                    !name.is_empty() && earlier.iter().any(|other| other.get(lang).trim() == name)
                });
                if let Some(lang) = alike {
                    errors.push(InstrumentError {
                        path: format!("scales[{s}].labels[{l}]"),
                        line: None,
                        problem: Problem::DuplicateLabel(label.get(lang).trim().to_string()),
                    });
                }
            }
        }
        errors
    }

    fn validate(&self) -> Vec<InstrumentError> {
        let mut errors = Vec::new();
        let mut report = |path: String, problem: Problem| {
            errors.push(InstrumentError {
                path,
                line: None,
                problem,
            })
        };

        check_id(&self.id, "id", &mut report);
        if self.version > MAX_VERSION {
            report("version".into(), Problem::VersionTooHigh(self.version));
        }
        if self.item_count() > MAX_ITEMS {
            report(
                "factors".into(),
                Problem::TooManyItems {
                    max: MAX_ITEMS,
                    found: self.item_count(),
                },
            );
        }
        check_text(&self.title, "title", &mut report);
        check_text(&self.intro, "intro", &mut report);
        if self.factors.is_empty() {
            report("factors".into(), Problem::Empty);
        }

        let mut scale_ids = HashSet::new();
        for (s, scale) in self.scales.iter().enumerate() {
            let path = format!("scales[{s}]");
            check_id(&scale.id, &format!("{path}.id"), &mut report);
            if !scale_ids.insert(scale.id.as_str()) {
                report(format!("{path}.id"), Problem::DuplicateId(scale.id.clone()));
            }
            if !(2..=11).contains(&scale.points) {
                report(format!("{path}.points"), Problem::ScalePoints(scale.points));
            }
            if scale.labels.len() != usize::from(scale.points) {
                report(
                    format!("{path}.labels"),
                    Problem::LabelCount {
                        expected: scale.points.into(),
                        found: scale.labels.len(),
                    },
                );
            }
            for (l, label) in scale.labels.iter().enumerate() {
                check_text(label, &format!("{path}.labels[{l}]"), &mut report);
            }
        }

        let mut band_set_ids = HashSet::new();
        for (b, set) in self.band_sets.iter().enumerate() {
            let path = format!("band_sets[{b}]");
            check_id(&set.id, &format!("{path}.id"), &mut report);
            if !band_set_ids.insert(set.id.as_str()) {
                report(format!("{path}.id"), Problem::DuplicateId(set.id.clone()));
            }
            let Some(scale) = self.scales.iter().find(|scale| scale.id == set.scale) else {
                report(
                    format!("{path}.scale"),
                    Problem::UnknownScale(set.scale.clone()),
                );
                continue;
            };
            check_bands(set, scale, &path, &mut report);
        }

        let mut factor_ids = HashSet::new();
        let mut item_ids = HashSet::new();
        for (f, factor) in self.factors.iter().enumerate() {
            let path = format!("factors[{f}]");
            check_id(&factor.id, &format!("{path}.id"), &mut report);
            if !factor_ids.insert(factor.id.as_str()) {
                report(
                    format!("{path}.id"),
                    Problem::DuplicateId(factor.id.clone()),
                );
            }
            check_text(&factor.name, &format!("{path}.name"), &mut report);
            check_text(&factor.help, &format!("{path}.help"), &mut report);
            if !scale_ids.contains(factor.scale.as_str()) {
                report(
                    format!("{path}.scale"),
                    Problem::UnknownScale(factor.scale.clone()),
                );
            }
            match (&factor.scoring, &factor.bands) {
                (Scoring::Mean, None) => report(format!("{path}.bands"), Problem::Empty),
                (_, None) => {}
                (_, Some(id)) => match self.band_sets.iter().find(|set| &set.id == id) {
                    None => report(format!("{path}.bands"), Problem::UnknownBandSet(id.clone())),
                    // An unknown scale is reported above; a mismatch would only repeat it.
                    Some(set)
                        if set.scale != factor.scale
                            && scale_ids.contains(factor.scale.as_str()) =>
                    {
                        report(
                            format!("{path}.bands"),
                            Problem::BandSetScaleMismatch {
                                band_set: id.clone(),
                                scale: factor.scale.clone(),
                            },
                        )
                    }
                    Some(set) if self.lens == Lens::Risk && !are_exposure_levels_in_order(set) => {
                        report(
                            format!("{path}.bands"),
                            Problem::RiskBandsNotExposureLevels(id.clone()),
                        )
                    }
                    Some(_) => {}
                },
            }
            if self.lens == Lens::Resource && factor.scoring != Scoring::Mean {
                report(format!("{path}.scoring"), Problem::RiskScoringInResource);
            }
            // The resource profile draws every factor on one axis, with one
            // set of band lines: those of the first factor. An unknown id is
            // reported above; naming it here too would only repeat it.
            if let (Lens::Resource, Some(first)) = (self.lens, self.factors.first()) {
                let known_scale = |id: &str| scale_ids.contains(id);
                let known_bands =
                    |id: &Option<String>| id.as_deref().is_some_and(|id| band_set_ids.contains(id));
                let unlike = Problem::UnlikeFirstFactor(first.id.clone());
                if factor.scale != first.scale {
                    if known_scale(&factor.scale) && known_scale(&first.scale) {
                        report(format!("{path}.scale"), unlike);
                    }
                } else if factor.bands != first.bands
                    && known_bands(&factor.bands)
                    && known_bands(&first.bands)
                {
                    report(format!("{path}.bands"), unlike);
                }
            }
            let points = self
                .scales
                .iter()
                .find(|scale| scale.id == factor.scale)
                .map(|scale| scale.points);
            match factor.scoring {
                Scoring::Quadrant { split }
                    if points.is_some_and(|points| !(1.0..=f64::from(points)).contains(&split)) =>
                {
                    report(
                        format!("{path}.scoring.split"),
                        Problem::BandOutsideScale(split),
                    )
                }
                Scoring::Ratio { threshold } if !(threshold > 0.0 && threshold.is_finite()) => {
                    report(
                        format!("{path}.scoring.threshold"),
                        Problem::NotPositive(threshold),
                    )
                }
                _ => {}
            }
            if factor.items.is_empty() {
                report(format!("{path}.items"), Problem::Empty);
            }
            for (i, item) in factor.items.iter().enumerate() {
                let item_path = format!("{path}.items[{i}]");
                check_id(&item.id, &format!("{item_path}.id"), &mut report);
                if !item_ids.insert(item.id.as_str()) {
                    report(
                        format!("{item_path}.id"),
                        Problem::DuplicateId(item.id.clone()),
                    );
                }
                check_text(&item.text, &format!("{item_path}.text"), &mut report);
                let allowed = allowed_parts(&factor.scoring);
                match item.part {
                    Some(part) if !allowed.contains(&part) => {
                        report(format!("{item_path}.part"), Problem::PartNotAllowed(part))
                    }
                    None if !allowed.is_empty() => {
                        report(format!("{item_path}.part"), Problem::PartMissing)
                    }
                    _ => {}
                }
            }
            for part in allowed_parts(&factor.scoring) {
                if !factor.items.iter().any(|item| item.part == Some(*part)) {
                    report(format!("{path}.items"), Problem::PartWithoutItems(*part));
                }
            }
        }
        errors
    }
}

fn allowed_parts(scoring: &Scoring) -> &'static [Part] {
    match scoring {
        Scoring::Mean | Scoring::Flag => &[],
        Scoring::Quadrant { .. } => &[Part::Demands, Part::Control],
        Scoring::Ratio { .. } => &[Part::Effort, Part::Reward],
    }
}

/// FNV-1a (64 bits, folded to 32): stable across machines and builds, unlike std's hasher.
fn fingerprint(canonical: impl Iterator<Item = u8>) -> u32 {
    let hash = canonical.fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    ((hash >> 32) ^ (hash & 0xffff_ffff)) as u32
}

fn check_id(id: &str, path: &str, report: &mut impl FnMut(String, Problem)) {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
    if id.is_empty() {
        report(path.to_string(), Problem::Empty);
    } else if id.len() > MAX_ID_LEN || !id.chars().all(allowed) {
        report(path.to_string(), Problem::BadId(id.to_string()));
    }
}

fn check_text(text: &Text, path: &str, report: &mut impl FnMut(String, Problem)) {
    for lang in text.missing_languages() {
        report(path.to_string(), Problem::MissingLanguage(lang));
    }
}

fn check_bands(set: &BandSet, scale: &Scale, path: &str, report: &mut impl FnMut(String, Problem)) {
    let Some(first) = set.bands.first() else {
        report(format!("{path}.bands"), Problem::Empty);
        return;
    };
    if first.min != 1.0 {
        report(
            format!("{path}.bands[0].min"),
            Problem::BandsDoNotStartAtOne(first.min),
        );
    }
    let top = f64::from(scale.points);
    let mut band_ids = HashSet::new();
    for (b, band) in set.bands.iter().enumerate() {
        if !band_ids.insert(band.id.as_str()) {
            report(
                format!("{path}.bands[{b}].id"),
                Problem::DuplicateId(band.id.clone()),
            );
        }
        if !(1.0..=top).contains(&band.min) {
            report(
                format!("{path}.bands[{b}].min"),
                Problem::BandOutsideScale(band.min),
            );
        }
        if b > 0 && band.min <= set.bands[b - 1].min {
            report(format!("{path}.bands[{b}].min"), Problem::BandsNotAscending);
        }
        check_text(&band.label, &format!("{path}.bands[{b}].label"), report);
    }
}

/// A risk factor's bands: `none` for the lowest scores, then `some`, `high`
/// or both, in that order. Reversed, "never" would read as high exposure.
fn are_exposure_levels_in_order(set: &BandSet) -> bool {
    let levels: Option<Vec<Exposure>> = set
        .bands
        .iter()
        .map(|band| Exposure::from_band_id(&band.id))
        .collect();
    levels.is_some_and(|levels| {
        levels.len() > 1
            && levels[0] == Exposure::None
            && levels.windows(2).all(|pair| pair[0] < pair[1])
    })
}

/// One problem in an instrument file, with the path of the field it concerns.
#[derive(Clone, Debug, PartialEq)]
pub struct InstrumentError {
    /// A path such as `factors[2].items[0].text`; empty for the whole file.
    pub path: String,
    /// The line (from 1) where the field, or the object lacking it, starts.
    pub line: Option<usize>,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Not JSON, or a field of the wrong type, missing or unknown.
    Syntax {
        column: usize,
        problem: SyntaxProblem,
    },
    Empty,
    /// Ids use a–z, 0–9, "-" and "_", at most [`MAX_ID_LEN`] characters.
    BadId(String),
    DuplicateId(String),
    TooManyItems {
        max: usize,
        found: usize,
    },
    MissingLanguage(Lang),
    ScalePoints(u8),
    /// Two options of one scale have the same name in some language.
    DuplicateLabel(String),
    LabelCount {
        expected: usize,
        found: usize,
    },
    UnknownScale(String),
    UnknownBandSet(String),
    BandSetScaleMismatch {
        band_set: String,
        scale: String,
    },
    BandsDoNotStartAtOne(f64),
    BandOutsideScale(f64),
    /// A ratio's threshold must be above 0.
    NotPositive(f64),
    BandsNotAscending,
    RiskScoringInResource,
    /// A resource factor's scale or band set differs from the first factor's
    /// (named), so the profile could not show them on one axis.
    UnlikeFirstFactor(String),
    /// A risk factor's bands must be `none`, then `some`, `high` or both.
    RiskBandsNotExposureLevels(String),
    /// Above `MAX_VERSION`.
    VersionTooHigh(u32),
    PartNotAllowed(Part),
    PartMissing,
    PartWithoutItems(Part),
    /// A loaded file may not take a built-in instrument's id.
    ReservedId(String),
    /// An instrument with this id is loaded already; remove it first.
    AlreadyLoaded(String),
    /// A file to load is larger than [`crate::core::library::MAX_FILE_KB`].
    FileTooLarge {
        max_kb: usize,
        found_kb: usize,
    },
}

/// `instrument` where there are no `errors`; else the errors, each with the
/// line its path starts on in `json`, the file it was read from.
pub fn checked(
    instrument: Instrument,
    mut errors: Vec<InstrumentError>,
    json: &str,
) -> Result<Instrument, Vec<InstrumentError>> {
    if errors.is_empty() {
        return Ok(instrument);
    }
    let lines = value_lines(json);
    for error in &mut errors {
        error.line = line_of(&lines, &error.path);
    }
    Err(errors)
}

mod built_in;
#[cfg(test)]
mod codegen;

/// The files of the instruments that ship with the app. The app itself
/// uses them as Rust constants, generated from these files by `cargo test`
/// (see `codegen.rs`); tests and benchmarks parse them.
pub fn built_in_sources() -> [(&'static str, &'static str); 2] {
    [
        (
            "ressurser",
            include_str!("../../instruments/ressurser.json"),
        ),
        ("risiko", include_str!("../../instruments/risiko.json")),
    ]
}

/// Which instrument something was made with. Workshops, response files and
/// group results save it as `instrument`, `version` and `fingerprint` fields
/// of their own, which keeps their JSON as it was (serde's `flatten` would
/// do the same at a cost in wasm size).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub id: String,
    pub version: u32,
    /// Absent in what was saved before fingerprints existed, when only the
    /// built-in instruments could be used.
    pub fingerprint: Option<u32>,
}

impl Identity {
    pub fn matches(&self, instrument: &Instrument) -> bool {
        self.id == instrument.id
            && self.version == instrument.version
            && match self.fingerprint {
                Some(fingerprint) => fingerprint == instrument.fingerprint,
                None => is_built_in(&instrument.id),
            }
    }

    /// The instrument with this identity among `instruments`.
    pub fn find<'a>(
        &self,
        instruments: impl IntoIterator<Item = &'a Instrument>,
    ) -> Option<&'a Instrument> {
        instruments
            .into_iter()
            .find(|instrument| self.matches(instrument))
    }
}

/// The first of `instruments` seen through `lens`: a choice holds at most
/// one of each.
pub fn with_lens<'a>(instruments: &[&'a Instrument], lens: Lens) -> Option<&'a Instrument> {
    instruments.iter().copied().find(|i| i.lens == lens)
}

/// True for the id of an instrument that ships with the app; such ids are
/// reserved, so a loaded file can never stand in for a built-in one.
pub fn is_built_in(id: &str) -> bool {
    built_in().iter().any(|instrument| instrument.id == id)
}

/// The built-in instruments, built once. Tests guarantee they are valid and
/// equal to their files.
pub fn built_in() -> &'static [Instrument] {
    static BUILT_IN: std::sync::LazyLock<Vec<Instrument>> =
        std::sync::LazyLock::new(built_in::instruments);
    &BUILT_IN
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn parse_all() -> Vec<Instrument> {
        built_in_sources()
            .into_iter()
            .map(|(name, source)| {
                Instrument::parse(source).unwrap_or_else(|errors| panic!("{name}: {errors:#?}"))
            })
            .collect()
    }

    #[test]
    fn every_built_in_instrument_is_valid() {
        let instruments = parse_all();
        assert_eq!(instruments.len(), 2);
        assert_eq!(built_in().len(), 2);
    }

    #[test]
    fn file_names_match_ids_and_ids_are_unique_across_instruments() {
        let mut item_ids = HashSet::new();
        for ((name, _), instrument) in built_in_sources().iter().zip(parse_all()) {
            assert_eq!(*name, instrument.id);
            for factor in &instrument.factors {
                for item in &factor.items {
                    assert!(
                        item_ids.insert(item.id.clone()),
                        "item id {} repeats",
                        item.id
                    );
                }
            }
        }
    }

    #[test]
    fn resource_instrument_has_the_ten_factors_with_three_or_four_items() {
        let resources = &parse_all()[0];
        assert_eq!(resources.lens, Lens::Resource);
        assert_eq!(resources.factors.len(), 10);
        for factor in &resources.factors {
            assert!((3..=4).contains(&factor.items.len()), "{}", factor.id);
        }
        assert!((30..=40).contains(&resources.item_count()));
    }

    #[test]
    fn risk_instrument_covers_stamis_twelve_factors_with_one_to_three_items_each() {
        let risks = &parse_all()[1];
        assert_eq!(risks.lens, Lens::Risk);
        assert_eq!(risks.factors.len(), 12);
        for factor in &risks.factors {
            let per_part = |part| {
                factor
                    .items
                    .iter()
                    .filter(|item| item.part == Some(part))
                    .count()
            };
            match factor.scoring {
                Scoring::Quadrant { .. } => {
                    assert!((1..=3).contains(&per_part(Part::Demands)));
                    assert!((1..=3).contains(&per_part(Part::Control)));
                }
                Scoring::Ratio { .. } => {
                    assert!((1..=3).contains(&per_part(Part::Effort)));
                    assert!((1..=3).contains(&per_part(Part::Reward)));
                }
                _ => assert!((1..=3).contains(&factor.items.len()), "{}", factor.id),
            }
        }
    }

    #[test]
    fn items_are_short_enough_for_a_phone() {
        for instrument in parse_all() {
            for factor in &instrument.factors {
                for item in &factor.items {
                    let words = item.text.get(Lang::Nb).split_whitespace().count();
                    assert!(words <= 16, "{} has {words} words", item.id);
                }
            }
        }
    }

    #[test]
    fn every_factor_is_tagged_with_the_law_it_informs() {
        for instrument in parse_all() {
            for factor in &instrument.factors {
                assert!(
                    !factor.aml.is_empty(),
                    "{} lacks an AML §4-3 tag",
                    factor.id
                );
            }
        }
    }

    const MINIMAL: &str = r#"{
      "id": "mini", "version": 1, "lens": "resource",
      "title": {"nb": "Mini", "nn": "Mini", "en": "Mini"}, "intro": {"nb": "I", "nn": "I", "en": "I"},
      "scales": [{"id": "s", "points": 2, "labels": [{"nb": "a", "nn": "a", "en": "a"}, {"nb": "b", "nn": "b", "en": "b"}]}],
      "band_sets": [{"id": "b", "scale": "s", "bands": [
        {"id": "low", "min": 1, "label": {"nb": "L", "nn": "L", "en": "L"}},
        {"id": "high", "min": 1.5, "label": {"nb": "H", "nn": "H", "en": "H"}}]}],
      "factors": [{"id": "f", "construct": "c", "aml": ["1"], "name": {"nb": "F", "nn": "F", "en": "F"},
        "help": {"nb": "h", "nn": "h", "en": "h"}, "scale": "s", "bands": "b",
        "items": [{"id": "i1", "text": {"nb": "t", "nn": "t", "en": "t"}}]}]
    }"#;

    fn problems(json: &str) -> Vec<(String, Problem)> {
        Instrument::parse(json)
            .expect_err("should be rejected")
            .into_iter()
            .map(|error| (error.path, error.problem))
            .collect()
    }

    #[test]
    fn a_minimal_instrument_is_valid() {
        assert!(Instrument::parse(MINIMAL).is_ok());
        // A risk factor may leave out `some` (or `high`) exposure.
        let none_or_high = MINIMAL
            .replace(r#""lens": "resource""#, r#""lens": "risk""#)
            .replace(r#""id": "low""#, r#""id": "none""#);
        assert!(Instrument::parse(&none_or_high).is_ok());
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let broken = MINIMAL.replacen("\"version\": 1,", "\"version\": 1", 1);
        let errors = Instrument::parse(&broken).expect_err("not JSON");
        assert!(matches!(
            errors[0].problem,
            Problem::Syntax {
                problem: SyntaxProblem::MissingComma,
                ..
            }
        ));
        // The missing comma shows where the next key begins.
        assert_eq!(errors[0].line, Some(2));
    }

    #[test]
    fn a_questionnaire_wrapped_in_a_list_is_named_as_such() {
        let errors = Instrument::parse(&format!("\n  [{MINIMAL}]")).expect_err("a list");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(2));
        assert_eq!(
            errors[0].problem,
            Problem::Syntax {
                column: 3,
                problem: SyntaxProblem::WrongType(Expected::Object)
            }
        );
    }

    #[test]
    fn a_text_of_only_invisible_characters_is_missing() {
        let invisible = MINIMAL.replace(r#""en": "F""#, r#""en": "\u200b \u200f""#);
        assert_ne!(invisible, MINIMAL);
        assert!(problems(&invisible)
            .contains(&("factors[0].name".into(), Problem::MissingLanguage(Lang::En))));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let broken = MINIMAL
            .replace(r#""en": "F""#, r#""en": """#)
            .replace(r#""min": 1.5"#, r#""min": 1"#)
            .replace(r#""bands": "b","#, r#""bands": "nope","#);
        let found = problems(&broken);
        assert!(found.contains(&("factors[0].name".into(), Problem::MissingLanguage(Lang::En))));
        assert!(found.contains(&(
            "band_sets[0].bands[1].min".into(),
            Problem::BandsNotAscending
        )));
        assert!(found.contains(&(
            "factors[0].bands".into(),
            Problem::UnknownBandSet("nope".into())
        )));
    }

    #[test]
    fn repeated_ids_and_bad_band_starts_are_rejected() {
        let broken = MINIMAL
            .replace(r#"[{"id": "i1", "text": {"nb": "t", "nn": "t", "en": "t"}}]"#,
                r#"[{"id": "i1", "text": {"nb": "t", "nn": "t", "en": "t"}}, {"id": "i1", "text": {"nb": "t", "nn": "t", "en": "t"}}]"#)
            .replace(r#""min": 1,"#, r#""min": 1.2,"#);
        let found = problems(&broken);
        assert!(found.contains(&(
            "factors[0].items[1].id".into(),
            Problem::DuplicateId("i1".into())
        )));
        assert!(found.contains(&(
            "band_sets[0].bands[0].min".into(),
            Problem::BandsDoNotStartAtOne(1.2)
        )));
    }

    #[test]
    fn a_quadrant_factor_needs_both_parts() {
        let broken = MINIMAL
            .replace(r#""lens": "resource""#, r#""lens": "risk""#)
            .replace(
                r#""bands": "b","#,
                r#""scoring": {"type": "quadrant", "split": 1.5},"#,
            )
            .replace(
                r#"{"id": "i1", "text""#,
                r#"{"id": "i1", "part": "demands", "text""#,
            );
        assert_eq!(
            problems(&broken),
            vec![(
                "factors[0].items".into(),
                Problem::PartWithoutItems(Part::Control)
            )]
        );
    }

    /// One broken copy of `MINIMAL` per rule, each with the one problem it must give.
    #[test]
    fn every_rule_reports_its_own_problem_at_its_path() {
        let item = r#"{"id": "i1", "text": {"nb": "t", "nn": "t", "en": "t"}}"#;
        let risk = |json: String| json.replace(r#""lens": "resource""#, r#""lens": "risk""#);
        let cases: Vec<(String, &str, Problem)> = vec![
            (
                MINIMAL.replace(r#""id": "mini""#, r#""id": "Mini Skjema""#),
                "id",
                Problem::BadId("Mini Skjema".into()),
            ),
            (
                MINIMAL.replace(r#""id": "mini""#, r#""id": """#),
                "id",
                Problem::Empty,
            ),
            (
                MINIMAL.replace(r#""id": "s", "points""#, r#""id": "s/1", "points""#),
                "scales[0].id",
                Problem::BadId("s/1".into()),
            ),
            (
                format!(
                    "{}\"factors\": []}}",
                    &MINIMAL[..MINIMAL.find("\"factors\"").unwrap_or(0)]
                ),
                "factors",
                Problem::Empty,
            ),
            (
                MINIMAL.replace(
                    r#""title": {"nb": "Mini", "nn": "Mini""#,
                    r#""title": {"nb": "Mini", "nn": " ""#,
                ),
                "title",
                Problem::MissingLanguage(Lang::Nn),
            ),
            (
                MINIMAL
                    .replace(r#""points": 2"#, r#""points": 1"#)
                    .replace(r#", {"nb": "b", "nn": "b", "en": "b"}]"#, "]"),
                "scales[0].points",
                Problem::ScalePoints(1),
            ),
            (
                MINIMAL.replace(r#""id": "b", "scale": "s""#, r#""id": "b", "scale": "x""#),
                "band_sets[0].scale",
                Problem::UnknownScale("x".into()),
            ),
            (
                MINIMAL.replace(
                    r#""scale": "s", "bands": "b""#,
                    r#""scale": "x", "bands": "b""#,
                ),
                "factors[0].scale",
                Problem::UnknownScale("x".into()),
            ),
            (
                MINIMAL.replace(r#""min": 1.5"#, r#""min": 2.5"#),
                "band_sets[0].bands[1].min",
                Problem::BandOutsideScale(2.5),
            ),
            (
                MINIMAL.replace(r#""bands": "b","#, ""),
                "factors[0].bands",
                Problem::Empty,
            ),
            (
                MINIMAL.replace(
                    r#""bands": "b","#,
                    r#""scoring": {"type": "flag"}, "bands": "b","#,
                ),
                "factors[0].scoring",
                Problem::RiskScoringInResource,
            ),
            (
                risk(MINIMAL.to_string()),
                "factors[0].bands",
                Problem::RiskBandsNotExposureLevels("b".into()),
            ),
            // Exposure levels without `none` for the lowest scores, or the
            // wrong way round: reversed, "never" would read as high exposure.
            (
                risk(MINIMAL.replace(r#""id": "low""#, r#""id": "some""#)),
                "factors[0].bands",
                Problem::RiskBandsNotExposureLevels("b".into()),
            ),
            (
                risk(MINIMAL.replace(
                    r#"{"id": "low", "min": 1, "label": {"nb": "L", "nn": "L", "en": "L"}},"#,
                    r#"{"id": "high", "min": 1, "label": {"nb": "H", "nn": "H", "en": "H"}},
                       {"id": "some", "min": 1.2, "label": {"nb": "S", "nn": "S", "en": "S"}},"#,
                ).replace(r#"{"id": "high", "min": 1.5"#, r#"{"id": "none", "min": 1.5"#)),
                "factors[0].bands",
                Problem::RiskBandsNotExposureLevels("b".into()),
            ),
            // A response code carries the version in one byte.
            (
                MINIMAL.replace(r#""version": 1"#, r#""version": 256"#),
                "version",
                Problem::VersionTooHigh(256),
            ),
            (
                MINIMAL.replace(
                    r#"{"id": "i1", "text""#,
                    r#"{"id": "i1", "part": "effort", "text""#,
                ),
                "factors[0].items[0].part",
                Problem::PartNotAllowed(Part::Effort),
            ),
            (
                risk(MINIMAL.replace(
                    r#""bands": "b","#,
                    r#""scoring": {"type": "ratio", "threshold": 1},"#,
                )),
                "factors[0].items[0].part",
                Problem::PartMissing,
            ),
            (
                risk(MINIMAL.replace(
                    r#""bands": "b","#,
                    r#""scoring": {"type": "quadrant", "split": 3},"#,
                )),
                "factors[0].scoring.split",
                Problem::BandOutsideScale(3.0),
            ),
            (
                risk(MINIMAL.replace(
                    r#""bands": "b","#,
                    r#""scoring": {"type": "ratio", "threshold": -2},"#,
                )),
                "factors[0].scoring.threshold",
                Problem::NotPositive(-2.0),
            ),
            (
                MINIMAL.replace(&format!("[{item}]"), "[]"),
                "factors[0].items",
                Problem::Empty,
            ),
            (
                MINIMAL.replace(
                    &format!("[{item}]"),
                    &format!(
                        "[{}]",
                        (0..=MAX_ITEMS)
                            .map(|n| item.replace("i1", &format!("i{n}")))
                            .collect::<Vec<_>>()
                            .join(",")
                    ),
                ),
                "factors",
                Problem::TooManyItems {
                    max: MAX_ITEMS,
                    found: MAX_ITEMS + 1,
                },
            ),
        ];
        for (json, path, problem) in cases {
            let found: Vec<(String, Problem)> = Instrument::parse(&json)
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|error| (error.path, error.problem))
                .collect();
            assert!(
                found.contains(&(path.to_string(), problem.clone())),
                "expected {problem:?} at {path:?}, got {found:?}"
            );
        }
    }

    #[test]
    fn a_scoring_without_its_number_or_of_an_unknown_type_is_named() {
        let scoring = |json: &str| {
            let file = MINIMAL.replace(r#""bands": "b","#, &format!(r#""scoring": {json},"#));
            match &Instrument::parse(&file).expect_err(json)[0].problem {
                Problem::Syntax { problem, .. } => problem.clone(),
                other => panic!("{json}: {other:?}"),
            }
        };
        assert_eq!(
            scoring(r#"{"type": "quadrant"}"#),
            SyntaxProblem::MissingField("split".into())
        );
        assert_eq!(
            scoring(r#"{"type": "ratio", "split": 2}"#),
            SyntaxProblem::MissingField("threshold".into())
        );
        assert_eq!(
            scoring(r#"{"type": "median"}"#),
            SyntaxProblem::UnknownValue("median".into())
        );
        assert_eq!(
            scoring(r#"{"split": 2}"#),
            SyntaxProblem::MissingField("type".into())
        );
    }

    #[test]
    fn a_band_set_for_another_scale_is_rejected() {
        let two_scales = MINIMAL.replace(r#""band_sets""#, r#""extra": 0, "band_sets""#);
        // An unknown field is a mistake worth naming (a typo like "reverse").
        let errors = Instrument::parse(&two_scales).expect_err("unknown field");
        assert!(
            matches!(&errors[0].problem, Problem::Syntax { problem: SyntaxProblem::UnknownField(field), .. } if field == "extra")
        );

        let mismatch = MINIMAL.replace(
            r#"}]}],
      "band_sets""#,
            r#"}]}, {"id": "t", "points": 2, "labels": [{"nb": "a", "nn": "a", "en": "a"}, {"nb": "b", "nn": "b", "en": "b"}]}],
      "band_sets""#,
        ).replace(r#""scale": "s", "bands": "b""#, r#""scale": "t", "bands": "b""#);
        assert!(problems(&mismatch).contains(&(
            "factors[0].bands".into(),
            Problem::BandSetScaleMismatch {
                band_set: "b".into(),
                scale: "t".into()
            }
        )));
    }

    #[test]
    fn a_mean_reads_in_its_band_to_two_decimals_and_is_shown_so() {
        let resources = &parse_all()[0];
        let set = resources.factor_bands(&resources.factors[0]).unwrap();
        let label = |score: f64| set.band_for(score).label.get(Lang::Nb);
        // 4,5 summed from parts can come out a hair below.
        assert_eq!(label(4.499_999_999), "Sterkt");
        assert_eq!(label(4.494), "Godt");
        assert_eq!(label(3.999), "Godt");
        assert_eq!(label(3.99), "Forbedre");
        // One decimal where it stays in the band; two where one would
        // round into the next: 4,46 is "Godt", 4,5 would be "Sterkt".
        assert_eq!(set.decimals_for(4.44), 1);
        assert_eq!(set.decimals_for(4.46), 2);
        assert_eq!(set.decimals_for(3.96), 2);
        assert_eq!(set.decimals_for(4.96), 1);
        assert_eq!(set.decimals_for(4.5), 1);
    }

    #[test]
    fn the_upper_half_of_a_band_set_is_worth_keeping() {
        let resources = &parse_all()[0];
        let set = resources.factor_bands(&resources.factors[0]).unwrap();
        let upper: Vec<_> = set
            .bands
            .iter()
            .filter(|band| set.is_worth_keeping(band.min))
            .map(|band| band.label.get(Lang::Nb))
            .collect();
        assert_eq!(upper, ["Godt", "Sterkt"]);
    }

    #[test]
    fn resource_factors_share_the_first_factors_scale_and_bands() {
        let second_factor = r#"{"id": "g", "construct": "c", "aml": ["1"], "name": {"nb": "G", "nn": "G", "en": "G"},
        "help": {"nb": "h", "nn": "h", "en": "h"}, "scale": "t", "bands": "c",
        "items": [{"id": "i2", "text": {"nb": "t", "nn": "t", "en": "t"}}]}]"#;
        let scale_t = r#"}]}, {"id": "t", "points": 2, "labels": [{"nb": "a", "nn": "a", "en": "a"}, {"nb": "b", "nn": "b", "en": "b"}]}],
      "band_sets""#;
        let bands_c = r#"]}, {"id": "c", "scale": "t", "bands": [
        {"id": "low", "min": 1, "label": {"nb": "L", "nn": "L", "en": "L"}}]}],
      "factors""#;
        let two_scales = MINIMAL
            .replace(
                r#"}]}],
      "band_sets""#,
                scale_t,
            )
            .replace(
                r#"]}],
      "factors""#,
                bands_c,
            )
            .replace(
                r#"}]}]
    }"#,
                &format!("}}]}}, {second_factor}\n    }}"),
            );
        assert_eq!(
            problems(&two_scales),
            [(
                "factors[1].scale".to_string(),
                Problem::UnlikeFirstFactor("f".into())
            )]
        );
        // An unknown scale is named once, as unknown.
        let unknown = two_scales.replace(
            r#""scale": "t", "bands": "c""#,
            r#""scale": "x", "bands": "c""#,
        );
        assert_eq!(
            problems(&unknown),
            [(
                "factors[1].scale".to_string(),
                Problem::UnknownScale("x".into())
            )]
        );
        // Same scale, another band set: the band lines would not fit.
        let two_band_sets = two_scales
            .replace(r#""id": "c", "scale": "t""#, r#""id": "c", "scale": "s""#)
            .replace(
                r#""scale": "t", "bands": "c""#,
                r#""scale": "s", "bands": "c""#,
            );
        assert_eq!(
            problems(&two_band_sets),
            [(
                "factors[1].bands".to_string(),
                Problem::UnlikeFirstFactor("f".into())
            )]
        );
        // A risk questionnaire scores each factor on its own.
        let as_risk = two_scales.replace(r#""lens": "resource""#, r#""lens": "risk""#);
        assert!(Instrument::parse(&as_risk).is_err_and(|errors| errors
            .iter()
            .all(|error| !matches!(error.problem, Problem::UnlikeFirstFactor(_)))));
    }

    #[test]
    fn problems_name_the_line_of_their_field() {
        let broken = MINIMAL.replace(r#""min": 1.5"#, r#""min": 1"#);
        let errors = Instrument::parse(&broken).expect_err("bands not ascending");
        assert_eq!(errors[0].path, "band_sets[0].bands[1].min");
        assert_eq!(errors[0].line, Some(7));
    }

    #[test]
    fn the_fingerprint_ignores_layout_but_not_content() {
        let fingerprint = |json: &str| Instrument::parse(json).map(|i| i.fingerprint).ok();
        let reflowed = MINIMAL.replace(",\n      ", ",\t").replace(": ", ":");
        assert_eq!(fingerprint(MINIMAL), fingerprint(&reflowed));
        assert_ne!(
            fingerprint(MINIMAL),
            fingerprint(&MINIMAL.replace(r#""nb": "t""#, r#""nb": "T""#))
        );
        assert_ne!(
            fingerprint(MINIMAL),
            fingerprint(&MINIMAL.replace(r#""version": 1"#, r#""version": 2"#))
        );
    }

    /// Codes and saved workshops carry the built-ins' fingerprints: editing a
    /// built-in file must come with a new version, and a new line here.
    #[test]
    fn built_in_content_changes_only_with_a_new_version() {
        let pinned = [("ressurser", 1, 2_785_677_874), ("risiko", 1, 159_725_571)];
        for (instrument, (id, version, fingerprint)) in built_in().iter().zip(pinned) {
            assert_eq!(
                (
                    instrument.id.as_str(),
                    instrument.version,
                    instrument.fingerprint
                ),
                (id, version, fingerprint),
                "{} changed: raise its version and pin the new fingerprint",
                instrument.id
            );
        }
    }

    #[test]
    fn label_count_must_match_points() {
        let broken = MINIMAL.replace(r#""points": 2"#, r#""points": 3"#);
        assert!(problems(&broken).contains(&(
            "scales[0].labels".into(),
            Problem::LabelCount {
                expected: 3,
                found: 2
            }
        )));
    }

    #[test]
    fn two_options_of_a_scale_named_alike_in_any_language_are_found() {
        // Alike in English only, with a space that does not tell them apart.
        let alike = MINIMAL.replace(r#""en": "b""#, r#""en": "a ""#);
        let errors = Instrument::parse(&alike).unwrap().alike_labels();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "scales[0].labels[1]");
        assert_eq!(errors[0].problem, Problem::DuplicateLabel("a".into()));
        assert!(Instrument::parse(MINIMAL)
            .unwrap()
            .alike_labels()
            .is_empty());
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_named_by_its_field() {
        let value: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        let error_at = |json: &str| {
            let errors = Instrument::parse(json).expect_err("refused");
            (errors[0].path.clone(), errors[0].problem.clone())
        };
        let (path, problem) = error_at(&pretty.replace(r#""points": 2"#, r#""points": 4.5"#));
        assert_eq!(path, "scales[0].points");
        assert!(matches!(
            problem,
            Problem::Syntax {
                problem: SyntaxProblem::WrongType(Expected::Number),
                ..
            }
        ));
        let (path, problem) =
            error_at(&pretty.replace(r#""id": "i1""#, r#""id": "i1", "reversed": "true""#));
        assert_eq!(path, "", "two values on the line: which one is not told");
        assert!(matches!(
            problem,
            Problem::Syntax {
                problem: SyntaxProblem::WrongType(Expected::Boolean),
                ..
            }
        ));
    }
}
