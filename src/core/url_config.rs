//! Configuration from the page's URL query, for intranet editors who embed
//! the app: `?lang=nn&instrument=ressurser&theme=projector&embed=1`.
//! Unknown keys and values are ignored, so a typo never breaks the page.

use super::lang::Lang;
use super::saved::Theme;
use super::session::Choice;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlConfig {
    pub lang: Option<Lang>,
    pub choice: Option<Choice>,
    pub theme: Option<Theme>,
    /// A compact layout without the site header, on a transparent background.
    pub embed: bool,
}

impl UrlConfig {
    /// Reads a query string, with or without its leading `?`.
    pub fn parse(query: &str) -> UrlConfig {
        let mut config = UrlConfig::default();
        for pair in query.trim_start_matches('?').split('&') {
            // Editors type these by hand: "Lang=EN" and "Risiko" mean what they say.
            let pair = pair.to_ascii_lowercase();
            let (key, value) = pair.split_once('=').unwrap_or((&pair, ""));
            match key {
                "lang" => config.lang = Lang::from_code(value).or(config.lang),
                "instrument" => config.choice = parse_choice(value).or(config.choice),
                "theme" => {
                    config.theme = Theme::ALL
                        .into_iter()
                        .find(|theme| theme.key() == value)
                        .or(config.theme)
                }
                "embed" => config.embed = matches!(value, "1" | "true" | ""),
                _ => {}
            }
        }
        config
    }
}

fn parse_choice(value: &str) -> Option<Choice> {
    match value {
        "ressurser" => Some(Choice::Resources),
        "risiko" => Some(Choice::Risks),
        "begge" => Some(Choice::Both),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn every_documented_parameter_is_read() {
        let config = UrlConfig::parse("?lang=en&instrument=risiko&theme=projector&embed=1");
        assert_eq!(
            config,
            UrlConfig {
                lang: Some(Lang::En),
                choice: Some(Choice::Risks),
                theme: Some(Theme::Projector),
                embed: true
            }
        );
    }

    #[test]
    fn keys_and_values_are_read_whatever_their_case() {
        let config = UrlConfig::parse("Lang=NN&instrument=Ressurser&THEME=Dark&embed=True");
        assert_eq!(config.lang, Some(Lang::Nn));
        assert_eq!(config.choice, Some(Choice::Resources));
        assert_eq!(config.theme, Some(Theme::Dark));
        assert!(config.embed);
    }

    #[test]
    fn unknown_values_are_ignored() {
        let config = UrlConfig::parse("lang=xx&instrument=alt&theme=neon&embed=0&other=1");
        assert_eq!(config, UrlConfig::default());
    }

    #[test]
    fn an_empty_query_changes_nothing() {
        assert_eq!(UrlConfig::parse(""), UrlConfig::default());
        assert_eq!(UrlConfig::parse("?"), UrlConfig::default());
    }

    proptest! {
        #[test]
        fn any_query_parses_without_panicking(query in ".{0,120}") {
            let _ = UrlConfig::parse(&query);
        }
    }
}
