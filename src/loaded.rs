//! Instruments the user loaded from files, as the app holds them: the saved
//! file text and, when this version of the app can read it, the instrument.
//!
//! Parsed instruments are leaked to `'static`, like the built-in ones, so
//! every screen can borrow any instrument the same way. A file is parsed
//! once per load or start, so the leak is bounded by what the user loads.

use crate::core::instrument::{built_in, Instrument};

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

    /// Reads saved file texts back; unreadable ones are kept as they are.
    pub fn restore(sources: Vec<String>) -> Vec<LoadedInstrument> {
        sources
            .into_iter()
            .map(|source| match Instrument::parse(&source) {
                Ok(instrument) => LoadedInstrument::new(source, instrument),
                Err(_) => LoadedInstrument {
                    source,
                    instrument: None,
                },
            })
            .collect()
    }
}

/// Every instrument available: the built-in ones, then the loaded ones.
pub fn all_instruments(loaded: &[LoadedInstrument]) -> Vec<&'static Instrument> {
    built_in()
        .iter()
        .chain(loaded.iter().filter_map(|loaded| loaded.instrument))
        .collect()
}
