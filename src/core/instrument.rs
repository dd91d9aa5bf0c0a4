//! Instruments: questionnaires as data. An instrument file (JSON, see
//! `instruments/`) is parsed and then validated; only a validated
//! [`Instrument`] reaches scoring and the UI.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use super::lang::Lang;
use super::scoring::Exposure;

/// A text in every supported language. Validation guarantees each language is present.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(transparent)]
pub struct Text(BTreeMap<String, String>);

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(lang.code())
            .or_else(|| self.0.get(Lang::default().code()))
            .map(String::as_str)
            .unwrap_or("")
    }

    fn missing_languages(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|lang| {
                self.0
                    .get(lang.code())
                    .is_none_or(|text| text.trim().is_empty())
            })
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
pub struct Scale {
    pub id: String,
    pub points: u8,
    pub labels: Vec<Text>,
}

/// An interpretation band: a score at or above `min` (and below the next band) falls in it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Band {
    pub id: String,
    pub min: f64,
    pub label: Text,
}

/// Bands for one scale, ordered from the lowest `min` (which equals 1) upwards.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct BandSet {
    pub id: String,
    pub scale: String,
    pub bands: Vec<Band>,
}

impl BandSet {
    pub fn band_for(&self, score: f64) -> &Band {
        self.bands
            .iter()
            .rev()
            .find(|band| score >= band.min)
            .unwrap_or(&self.bands[0])
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
#[serde(tag = "type", rename_all = "snake_case")]
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

#[derive(Clone, Debug, Deserialize, PartialEq)]
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

fn default_scoring() -> Scoring {
    Scoring::Mean
}

/// A validated instrument.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Instrument {
    pub id: String,
    pub version: u32,
    pub lens: Lens,
    pub title: Text,
    pub intro: Text,
    pub scales: Vec<Scale>,
    pub band_sets: Vec<BandSet>,
    pub factors: Vec<Factor>,
}

impl Instrument {
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

    pub fn factor_bands(&self, factor: &Factor) -> Option<&BandSet> {
        factor.bands.as_deref().map(|id| self.band_set(id))
    }

    pub fn item_count(&self) -> usize {
        self.factors.iter().map(|factor| factor.items.len()).sum()
    }

    /// Parses and validates an instrument file, reporting every problem at once.
    pub fn parse(json: &str) -> Result<Instrument, Vec<InstrumentError>> {
        let instrument: Instrument = serde_json::from_str(json).map_err(|error| {
            vec![InstrumentError {
                path: String::new(),
                problem: Problem::Syntax {
                    line: error.line(),
                    column: error.column(),
                    message: error.to_string(),
                },
            }]
        })?;
        let mut instrument = instrument;
        for (position, item) in instrument
            .factors
            .iter_mut()
            .flat_map(|factor| factor.items.iter_mut())
            .enumerate()
        {
            item.position = position;
        }
        let errors = instrument.validate();
        if errors.is_empty() {
            Ok(instrument)
        } else {
            Err(errors)
        }
    }

    fn validate(&self) -> Vec<InstrumentError> {
        let mut errors = Vec::new();
        let mut report =
            |path: String, problem: Problem| errors.push(InstrumentError { path, problem });

        if self.id.trim().is_empty() {
            report("id".into(), Problem::Empty);
        }
        check_text(&self.title, "title", &mut report);
        check_text(&self.intro, "intro", &mut report);
        if self.factors.is_empty() {
            report("factors".into(), Problem::Empty);
        }

        let mut scale_ids = HashSet::new();
        for (s, scale) in self.scales.iter().enumerate() {
            let path = format!("scales[{s}]");
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
                    Some(set) if set.scale != factor.scale => report(
                        format!("{path}.bands"),
                        Problem::BandSetScaleMismatch {
                            band_set: id.clone(),
                            scale: factor.scale.clone(),
                        },
                    ),
                    Some(set)
                        if self.lens == Lens::Risk
                            && set
                                .bands
                                .iter()
                                .any(|band| Exposure::from_band_id(&band.id).is_none()) =>
                    {
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
            if factor.items.is_empty() {
                report(format!("{path}.items"), Problem::Empty);
            }
            for (i, item) in factor.items.iter().enumerate() {
                let item_path = format!("{path}.items[{i}]");
                if item.id.trim().is_empty() {
                    report(format!("{item_path}.id"), Problem::Empty);
                }
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

/// One problem in an instrument file, with the path of the field it concerns.
#[derive(Clone, Debug, PartialEq)]
pub struct InstrumentError {
    /// A path such as `factors[2].items[0].text`; empty for the whole file.
    pub path: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    Empty,
    DuplicateId(String),
    MissingLanguage(Lang),
    ScalePoints(u8),
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
    BandsNotAscending,
    RiskScoringInResource,
    /// A risk factor's bands must be named `none`, `some` and `high`.
    RiskBandsNotExposureLevels(String),
    PartNotAllowed(Part),
    PartMissing,
    PartWithoutItems(Part),
}

/// The instruments that ship with the app, embedded at build time.
pub fn built_in_sources() -> [(&'static str, &'static str); 2] {
    [
        (
            "ressurser",
            include_str!("../../instruments/ressurser.json"),
        ),
        ("risiko", include_str!("../../instruments/risiko.json")),
    ]
}

/// The built-in instruments, parsed once. Their validity is guaranteed by tests.
pub fn built_in() -> &'static [Instrument] {
    static BUILT_IN: std::sync::LazyLock<Vec<Instrument>> = std::sync::LazyLock::new(|| {
        built_in_sources()
            .into_iter()
            .filter_map(|(_, source)| Instrument::parse(source).ok())
            .collect()
    });
    &BUILT_IN
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_all() -> Vec<Instrument> {
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
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let broken = MINIMAL.replacen("\"version\": 1,", "\"version\": 1", 1);
        match &problems(&broken)[0].1 {
            // The missing comma shows where the next key begins.
            Problem::Syntax { line, .. } => assert_eq!(*line, 2),
            other => panic!("{other:?}"),
        }
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
}
