//! Instruments the user loaded from files, as the app holds them: the saved
//! file text and, when this version of the app can read it, the instrument.
//!
//! Parsed instruments are leaked to `'static`, like the built-in ones, so
//! every screen can borrow any instrument the same way. A file is parsed
//! once per load or start, so the leak is bounded by what the user loads.

use crate::core::instrument::{built_in, Instrument};
use crate::core::library::check_new;

#[derive(Clone, Debug)]
pub struct LoadedInstrument {
    pub source: String,
    /// `None` when the saved file no longer passes this version's checks; it
    /// is kept, so nothing is lost, and can be removed.
    pub instrument: Option<&'static Instrument>,
}

impl LoadedInstrument {
    pub fn new(source: String, instrument: Instrument) -> LoadedInstrument {
        LoadedInstrument {
            source,
            instrument: Some(Box::leak(Box::new(instrument))),
        }
    }

    /// Reads saved file texts back with the checks a newly loaded file
    /// passes, so that a hand-edited entry cannot offer one questionnaire
    /// twice or pass for a built-in one. What fails is kept as it is.
    pub fn restore(sources: Vec<String>) -> Vec<LoadedInstrument> {
        let mut restored: Vec<LoadedInstrument> = Vec::with_capacity(sources.len());
        for source in sources {
            let earlier: Vec<&Instrument> = restored.iter().filter_map(|l| l.instrument).collect();
            let loaded = match check_new(&source, &earlier) {
                Ok(instrument) => LoadedInstrument::new(source, instrument),
                Err(_) => LoadedInstrument {
                    source,
                    instrument: None,
                },
            };
            restored.push(loaded);
        }
        restored
    }
}

/// Every instrument available: the built-in ones, then the loaded ones.
pub fn all_instruments(loaded: &[LoadedInstrument]) -> Vec<&'static Instrument> {
    built_in()
        .iter()
        .chain(loaded.iter().filter_map(|loaded| loaded.instrument))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::saved::{decode, encode};

    #[test]
    fn a_saved_list_cannot_hold_a_questionnaire_twice_or_pass_for_a_built_in_one() {
        let example = include_str!("../docs/example-instrument.json").to_string();
        let reserved = include_str!("../instruments/ressurser.json").to_string();
        let restored = LoadedInstrument::restore(vec![
            example.clone(),
            example.clone(),
            reserved.clone(),
            "{".to_string(),
        ]);
        let readable: Vec<bool> = restored.iter().map(|l| l.instrument.is_some()).collect();
        assert_eq!(readable, [true, false, false, false]);
        // Nothing is dropped: each saved text stays, to be removed by the user.
        let sources: Vec<&str> = restored.iter().map(|l| l.source.as_str()).collect();
        assert_eq!(sources, [&example, &example, &reserved, "{"]);
        assert_eq!(all_instruments(&restored).len(), built_in().len() + 1);
    }

    /// The questionnaire files entry exactly as schema 1 writes it, holding
    /// the documented example as first published. If this test fails, the
    /// saved format or the file format changed: migrate instead of editing
    /// the fixture.
    #[test]
    fn schema_1_saved_questionnaire_files_still_load() {
        let fixture = include_str!("../tests/fixtures/instruments-schema-1.json").trim();
        let sources: Vec<String> = decode(fixture).expect("reads");
        let restored = LoadedInstrument::restore(sources.clone());
        let instrument = restored[0].instrument.expect("still valid");
        assert_eq!(
            (instrument.id.as_str(), instrument.item_count()),
            ("barnehage-kort", 9)
        );
        assert_eq!(encode(&sources), fixture);
    }
}
