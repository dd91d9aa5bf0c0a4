//! What the app keeps between visits, and its versioned text format.
//! Decoding is pure so that it is tested natively; `storage.rs` only moves
//! the text in and out of localStorage.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::lang::Lang;

/// The schema version written today. Raise it, and add a migration from the
/// old version in `decode`, whenever the saved shape changes.
pub const SCHEMA: u32 = 1;

/// The colour theme chosen by the user.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follows the system's light or dark setting.
    #[default]
    Auto,
    Light,
    Dark,
    /// High contrast and large text, for a projector.
    Projector,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Dark, Theme::Projector];

    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Projector => "projector",
        }
    }
}

/// Settings that are not answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    pub lang: Lang,
    pub theme: Theme,
}

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    schema: u32,
    data: T,
}

#[derive(Deserialize)]
struct SchemaOnly {
    schema: u32,
}

/// Why a saved entry could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// Saved by a newer version of the app; left untouched.
    NewerSchema(u32),
    /// Not something this app wrote, or damaged.
    Unreadable,
}

pub fn encode<T: Serialize>(data: &T) -> String {
    serde_json::to_string(&Envelope {
        schema: SCHEMA,
        data,
    })
    .expect("plain data structures always serialise")
}

pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    check_schema(text)?;
    serde_json::from_str::<Envelope<T>>(text)
        .map(|envelope| envelope.data)
        .map_err(|_| DecodeError::Unreadable)
}

/// Whether `text` is an entry of today's schema. Kept out of `decode`, which
/// is copied for every type it reads, so the copies stay small.
fn check_schema(text: &str) -> Result<(), DecodeError> {
    let SchemaOnly { schema } = serde_json::from_str(text).map_err(|_| DecodeError::Unreadable)?;
    match schema {
        SCHEMA => Ok(()),
        newer if newer > SCHEMA => Err(DecodeError::NewerSchema(newer)),
        _ => Err(DecodeError::Unreadable),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::core::answers::Answer;
    use crate::core::session::{Choice, Position, Session};

    fn sample() -> Session {
        let mut session = Session::new(Choice::Both, &[]);
        session.position = Position::Page(3);
        session.answers.set("ressurser", "om1", Answer::Point(4));
        session.answers.set("risiko", "rn1", Answer::DontKnow);
        session
    }

    #[test]
    fn a_session_round_trips() {
        let text = encode(&sample());
        assert_eq!(decode::<Session>(&text), Ok(sample()));
    }

    #[test]
    fn a_session_keeps_the_month_of_its_latest_answer_as_a_month_only() {
        let mut session = sample();
        session.answered_in = crate::core::history::Month::new(2027, 1);
        let text = encode(&session);
        assert!(text.contains(r#""answered_in":"2027-01""#), "{text}");
        assert_eq!(decode::<Session>(&text), Ok(session));
    }

    /// The exact text schema 1 writes. If this test fails, the saved format
    /// changed: raise SCHEMA and migrate instead of editing the fixture.
    #[test]
    fn schema_1_fixture_still_reads() {
        let fixture = include_str!("../../tests/fixtures/session-schema-1.json");
        assert_eq!(decode::<Session>(fixture.trim()), Ok(sample()));
        assert_eq!(encode(&sample()), fixture.trim());
    }

    /// The other entries as schema 1 writes them (plan and workshop fixtures
    /// are read in `core::plan` and `core::workshop`).
    #[test]
    fn schema_1_prefs_and_history_fixtures_still_read() {
        let prefs = include_str!("../../tests/fixtures/prefs-schema-1.json").trim();
        let expected = Prefs {
            lang: Lang::Nn,
            theme: Theme::Projector,
        };
        assert_eq!(decode::<Prefs>(prefs), Ok(expected));
        assert_eq!(encode(&expected), prefs);

        let history = include_str!("../../tests/fixtures/history-schema-1.json").trim();
        let read: crate::core::history::History = decode(history).expect("reads");
        assert_eq!(read.snapshots[0].means["autonomi"], 3.5);
        assert_eq!(encode(&read), history);
    }

    #[test]
    fn prefs_round_trip() {
        let prefs = Prefs {
            lang: Lang::En,
            theme: Theme::Projector,
        };
        assert_eq!(decode::<Prefs>(&encode(&prefs)), Ok(prefs));
    }

    #[test]
    fn newer_and_garbled_entries_are_told_apart() {
        assert_eq!(
            decode::<Session>(r#"{"schema":7,"data":{}}"#),
            Err(DecodeError::NewerSchema(7))
        );
        assert_eq!(decode::<Session>("{not json"), Err(DecodeError::Unreadable));
        assert_eq!(
            decode::<Session>(r#"{"schema":1,"data":{"choice":"x"}}"#),
            Err(DecodeError::Unreadable)
        );
    }

    proptest! {
        #[test]
        fn decoding_any_text_never_panics(text in ".{0,200}") {
            let _ = decode::<Session>(&text);
        }

        #[test]
        fn decoding_mutated_saved_text_never_panics(position in 0usize..120, byte in any::<u8>()) {
            let mut bytes = encode(&sample()).into_bytes();
            let index = position % bytes.len();
            bytes[index] = byte;
            let _ = decode::<Session>(&String::from_utf8_lossy(&bytes));
        }
    }
}
