//! Instruments loaded from files, beside the built-in ones. They are kept as
//! the text of their files, so what is saved is exactly what was checked,
//! and are parsed again on every start.

use super::instrument::{checked, is_built_in, Instrument, InstrumentError, Problem};
use super::json_text::{line_of, value_lines};

/// The largest file that may be loaded. The built-in files are 25–30 KB;
/// the text is kept in localStorage, whose quota (about 5 MB) the answers
/// and plans share.
pub const MAX_FILE_KB: usize = 400;

/// The error for a file of `bytes` bytes, if it is larger than
/// [`MAX_FILE_KB`]; the app asks before reading the file, so a huge one is
/// never read into memory.
pub fn size_error(bytes: usize) -> Option<InstrumentError> {
    let found_kb = bytes.div_ceil(1024);
    (found_kb > MAX_FILE_KB).then(|| InstrumentError {
        path: String::new(),
        line: None,
        problem: Problem::FileTooLarge {
            max_kb: MAX_FILE_KB,
            found_kb,
        },
    })
}

/// Checks a file to be loaded beside `existing` instruments: it must be a
/// valid instrument of at most [`MAX_FILE_KB`], and its id may be neither a
/// built-in one nor taken.
pub fn check_new(
    source: &str,
    existing: &[&Instrument],
) -> Result<Instrument, Vec<InstrumentError>> {
    if let Some(error) = size_error(source.len()) {
        return Err(vec![error]);
    }
    let instrument = Instrument::parse(source)?;
    let id = instrument.id.clone();
    let problem = if is_built_in(&id) {
        Problem::ReservedId(id)
    } else if existing.iter().any(|other| other.id == id) {
        Problem::AlreadyLoaded(id)
    } else {
        return Ok(instrument);
    };
    Err(vec![InstrumentError {
        path: "id".into(),
        line: line_of(&value_lines(source), "id"),
        problem,
    }])
}

/// As `check_new`, for a file being loaded now, which must also name each
/// scale's options apart (see `Instrument::alike_labels`).
pub fn check_to_load(
    source: &str,
    existing: &[&Instrument],
) -> Result<Instrument, Vec<InstrumentError>> {
    let instrument = check_new(source, existing)?;
    let errors = instrument.alike_labels();
    checked(instrument, errors, source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::built_in;

    const EXAMPLE: &str = include_str!("../../docs/example-instrument.json");

    #[test]
    fn the_documented_example_loads_beside_the_built_in_ones() {
        let existing: Vec<&Instrument> = built_in().iter().collect();
        let loaded = check_new(EXAMPLE, &existing).expect("the example in docs/ is valid");
        assert_eq!(
            (loaded.id.as_str(), loaded.item_count()),
            ("barnehage-kort", 9)
        );
        // Loaded once, it is taken.
        assert!(check_new(EXAMPLE, &[&loaded]).is_err());
        // Only the built-in resources questionnaire is said not to be KS' survey.
        assert!(!loaded.stands_near_ks());
        let near_ks: Vec<bool> = built_in().iter().map(Instrument::stands_near_ks).collect();
        assert_eq!(near_ks, [true, false]);
    }

    #[test]
    fn a_file_too_large_for_storage_is_refused_before_it_is_read() {
        let padded = EXAMPLE.replacen('{', &format!("{{{}", " ".repeat(MAX_FILE_KB * 1024)), 1);
        let errors = check_new(&padded, &[]).expect_err("over the cap");
        assert_eq!(
            errors[0].problem,
            Problem::FileTooLarge {
                max_kb: MAX_FILE_KB,
                found_kb: MAX_FILE_KB + 7
            }
        );
    }

    proptest::proptest! {
        /// Bounded here; `tests/fuzz.rs` runs far more from `scripts/bench`.
        #[test]
        fn a_mutated_instrument_file_never_panics(position in 0usize..20_000, byte in proptest::prelude::any::<u8>(), cut in proptest::prelude::any::<bool>()) {
            let mut bytes = EXAMPLE.as_bytes().to_vec();
            let index = position % bytes.len();
            bytes[index] = byte;
            if cut {
                bytes.truncate(index);
            }
            let existing: Vec<&Instrument> = built_in().iter().collect();
            let _ = check_new(&String::from_utf8_lossy(&bytes), &existing);
        }
    }

    #[test]
    fn a_built_in_id_or_a_taken_one_is_refused_on_the_line_of_the_id() {
        let existing: Vec<&Instrument> = built_in().iter().collect();
        // The file as a user would load it, with its layout.
        let resources = include_str!("../../instruments/ressurser.json");
        let errors = check_new(resources, &existing).expect_err("reserved");
        assert_eq!(errors[0].problem, Problem::ReservedId("ressurser".into()));
        assert_eq!(errors[0].line, Some(2));

        let example = Instrument::parse(EXAMPLE).expect("valid");
        let errors = check_new(EXAMPLE, &[&example]).expect_err("taken");
        assert_eq!(
            errors[0].problem,
            Problem::AlreadyLoaded(example.id.clone())
        );
    }
}
