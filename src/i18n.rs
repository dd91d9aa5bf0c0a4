//! UI strings. Each language is one flat JSON file under `locales/`
//! (`key → text`), embedded at build time. A text may hold `{name}`
//! placeholders, filled by [`fill`]. Pure: no browser APIs.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::core::lang::Lang;

fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => include_str!("../locales/nb.json"),
        Lang::Nn => include_str!("../locales/nn.json"),
        Lang::En => include_str!("../locales/en.json"),
    }
}

type Messages = HashMap<String, String>;

static MESSAGES: LazyLock<Vec<Messages>> = LazyLock::new(|| {
    Lang::ALL
        .into_iter()
        .map(|lang| serde_json::from_str(source(lang)).unwrap_or_default())
        .collect()
});

fn messages(lang: Lang) -> &'static Messages {
    let index = Lang::ALL
        .iter()
        .position(|candidate| *candidate == lang)
        .unwrap_or(0);
    &MESSAGES[index]
}

/// The text for `key` in `lang`, falling back to bokmål and then to the key
/// itself (tests make sure neither fallback is ever needed).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    messages(lang)
        .get(key)
        .or_else(|| messages(Lang::default()).get(key))
        .map(String::as_str)
        .unwrap_or("\u{2026}")
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn keys(lang: Lang) -> BTreeSet<String> {
        let parsed: Messages = serde_json::from_str(source(lang))
            .unwrap_or_else(|error| panic!("locales/{}.json: {error}", lang.code()));
        parsed.into_keys().collect()
    }

    #[test]
    fn every_language_has_every_key() {
        let reference = keys(Lang::Nb);
        for lang in Lang::ALL {
            let found = keys(lang);
            let missing: Vec<_> = reference.difference(&found).collect();
            let extra: Vec<_> = found.difference(&reference).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            assert!(
                extra.is_empty(),
                "{} has keys bokmål lacks: {extra:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn no_text_is_empty() {
        for lang in Lang::ALL {
            for (key, text) in messages(lang) {
                assert!(!text.trim().is_empty(), "{}: {key} is empty", lang.code());
            }
        }
    }

    /// Every key the code asks for with `t("…")` or `tr(…, "…")` exists.
    #[test]
    fn every_key_used_in_the_code_exists() {
        let reference = keys(Lang::Nb);
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(
                    std::fs::read_dir(&path)
                        .unwrap()
                        .map(|entry| entry.unwrap().path()),
                );
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap();
            for key in used_keys(&code) {
                if !reference.contains(&key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
        assert!(missing.is_empty(), "keys missing in locales: {missing:#?}");
    }

    fn used_keys(code: &str) -> Vec<String> {
        let mut found = Vec::new();
        for marker in ["t(\"", "tr(lang, \"", "tr(lang(), \""] {
            let mut rest = code;
            while let Some(start) = rest.find(marker) {
                rest = &rest[start + marker.len()..];
                if let Some(end) = rest.find('"') {
                    let key = &rest[..end];
                    if key.contains('.') && !key.contains(' ') {
                        found.push(key.to_string());
                    }
                }
            }
        }
        found
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(
                "Del {current} av {total}",
                &[("current", "3"), ("total", "22")]
            ),
            "Del 3 av 22"
        );
    }
}
