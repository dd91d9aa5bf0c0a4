//! UI strings, with leptos_i18n: each language is one JSON file under
//! `locales/`, grouped by screen (`{"start": {"begin": "Start"}}`), turned
//! into code by `build.rs`. Keys and `{{ placeholders }}` are checked at
//! compile time; `td_string!(locale, start.begin)` gives the text.

// The generated code is a module named `i18n`; we only re-export from it.
#![allow(clippy::module_inception)]

use crate::core::lang::Lang;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub use self::i18n::{td_string, Locale};

/// The leptos_i18n locale for one of our languages.
pub fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Nb => Locale::nb,
        Lang::Nn => Locale::nn,
        Lang::En => Locale::en,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::*;

    /// Every key as `group.key`, with its placeholders.
    fn keys(lang: Lang) -> BTreeSet<(String, Vec<String>)> {
        let path = format!(
            "{}/locales/{}.json",
            env!("CARGO_MANIFEST_DIR"),
            lang.code()
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let Value::Object(groups) = serde_json::from_str(&text).unwrap() else {
            panic!("{path}: not an object")
        };
        let mut found = BTreeSet::new();
        for (group, entries) in groups {
            let Value::Object(entries) = entries else {
                panic!("{path}: {group} is not a group")
            };
            for (key, value) in entries {
                let Value::String(value) = value else {
                    panic!("{path}: {group}.{key} is not text")
                };
                assert!(!value.trim().is_empty(), "{path}: {group}.{key} is empty");
                let placeholders = value
                    .split("{{")
                    .skip(1)
                    .filter_map(|rest| rest.split_once("}}"))
                    .map(|(name, _)| name.trim().to_string())
                    .collect();
                found.insert((format!("{group}.{key}"), placeholders));
            }
        }
        found
    }

    /// leptos_i18n only warns about a missing key and falls back to bokmål;
    /// this makes a missing key, or a mismatched placeholder, a failure.
    #[test]
    fn every_language_has_every_key_with_the_same_placeholders() {
        let reference = keys(Lang::Nb);
        assert!(reference.len() > 50);
        for lang in Lang::ALL {
            let found = keys(lang);
            let missing: Vec<_> = reference.difference(&found).collect();
            let extra: Vec<_> = found.difference(&reference).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            assert!(
                extra.is_empty(),
                "{} has what bokmål lacks: {extra:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn locales_follow_our_languages() {
        for lang in Lang::ALL {
            assert_eq!(locale(lang).to_string(), lang.code());
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            td_string!(Locale::nb, survey.progress, current = 3, total = 22),
            "Del 3 av 22"
        );
        assert_eq!(
            td_string!(Locale::en, survey.progress, current = 3, total = 22),
            "Part 3 of 22"
        );
    }
}
