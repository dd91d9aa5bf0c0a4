//! The built-in instruments as constant data, which `data.rs` (generated
//! from `instruments/*.json` by `cargo test`, see `codegen.rs`) fills in.
//! Building them from constants skips parsing at start; constants, unlike
//! `vec!` of the owned types, cost the wasm no code per statement.

use super::*;

#[rustfmt::skip]
mod data;

pub(super) fn instruments() -> Vec<Instrument> {
    data::INSTRUMENTS.iter().map(|data| data.build()).collect()
}

/// A [`Text`]: its words in each of [`data::LANGUAGES`], in that order.
/// The data names its languages, so that a language added to [`Lang`]
/// breaks a test (the files lack it) rather than the build.
type TextData = [&'static str; data::LANGUAGES.len()];

struct InstrumentData {
    id: &'static str,
    version: u32,
    lens: Lens,
    title: TextData,
    intro: TextData,
    scales: &'static [ScaleData],
    band_sets: &'static [BandSetData],
    factors: &'static [FactorData],
    fingerprint: u32,
}

struct ScaleData {
    id: &'static str,
    points: u8,
    labels: &'static [TextData],
}

struct BandSetData {
    id: &'static str,
    scale: &'static str,
    bands: &'static [BandData],
}

struct BandData {
    id: &'static str,
    min: f64,
    label: TextData,
}

struct FactorData {
    id: &'static str,
    construct: &'static str,
    aml: &'static [&'static str],
    name: TextData,
    help: TextData,
    scale: &'static str,
    bands: Option<&'static str>,
    scoring: Scoring,
    items: &'static [ItemData],
}

/// An [`Item`]; its position is counted when the instrument is built.
struct ItemData {
    id: &'static str,
    text: TextData,
    reversed: bool,
    part: Option<Part>,
}

impl InstrumentData {
    fn build(&self) -> Instrument {
        let mut position = 0..;
        Instrument {
            id: self.id.to_owned(),
            version: self.version,
            lens: self.lens,
            title: text(self.title),
            intro: text(self.intro),
            scales: self.scales.iter().map(ScaleData::build).collect(),
            band_sets: self.band_sets.iter().map(BandSetData::build).collect(),
            factors: self
                .factors
                .iter()
                .map(|factor| factor.build(&mut position))
                .collect(),
            fingerprint: self.fingerprint,
        }
    }
}

impl ScaleData {
    fn build(&self) -> Scale {
        Scale {
            id: self.id.to_owned(),
            points: self.points,
            labels: self.labels.iter().copied().map(text).collect(),
        }
    }
}

impl BandSetData {
    fn build(&self) -> BandSet {
        BandSet {
            id: self.id.to_owned(),
            scale: self.scale.to_owned(),
            bands: self
                .bands
                .iter()
                .map(|band| Band {
                    id: band.id.to_owned(),
                    min: band.min,
                    label: text(band.label),
                })
                .collect(),
        }
    }
}

impl FactorData {
    fn build(&self, position: &mut impl Iterator<Item = usize>) -> Factor {
        Factor {
            id: self.id.to_owned(),
            construct: self.construct.to_owned(),
            aml: self
                .aml
                .iter()
                .map(|example| (*example).to_owned())
                .collect(),
            name: text(self.name),
            help: text(self.help),
            scale: self.scale.to_owned(),
            bands: self.bands.map(str::to_owned),
            scoring: self.scoring.clone(),
            items: self
                .items
                .iter()
                .zip(position)
                .map(|(item, position)| Item {
                    id: item.id.to_owned(),
                    text: text(item.text),
                    reversed: item.reversed,
                    part: item.part,
                    position,
                })
                .collect(),
        }
    }
}

/// Inserts one language at a time: `collect` would sort them first, and
/// bring in a sort of its own (4 KB of wasm).
fn text(words: TextData) -> Text {
    let mut text = BTreeMap::new();
    for (lang, words) in data::LANGUAGES.into_iter().zip(words) {
        text.insert(Cow::Borrowed(lang.code()), Cow::Borrowed(words));
    }
    Text(text)
}
