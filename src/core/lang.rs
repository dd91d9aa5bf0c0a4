//! Languages of the user interface and of the instruments.

use serde::{Deserialize, Serialize};

/// A language the app is translated into. Adding one means adding a variant
/// here, a file under `locales/` and a text in every instrument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    /// Norwegian bokmål, the default.
    #[default]
    #[serde(rename = "nb")]
    Nb,
    /// Norwegian nynorsk.
    #[serde(rename = "nn")]
    Nn,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    /// The BCP 47 code used in `<html lang>`, locale files and instrument texts.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language's own name, as shown in the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Nb => "Norsk bokmål",
            Lang::Nn => "Norsk nynorsk",
            Lang::En => "English",
        }
    }

    fn decimal_separator(self) -> char {
        match self {
            Lang::Nb | Lang::Nn => ',',
            Lang::En => '.',
        }
    }
}

/// Formats a number with `decimals` digits after the separator the language uses
/// (a decimal comma in Norwegian). A minus sign is the typographic one (U+2212).
/// Halves round away from zero, as taught in school and as reports print
/// them: a mean of 3,25 shows as 3,3 (Rust's `{:.1}` rounds it to even, 3,2).
pub fn format_decimal(value: f64, decimals: usize, lang: Lang) -> String {
    let scaled = (value * 10f64.powi(decimals as i32)).round();
    // Saturates for what no score, share or count reaches; NaN reads as 0.
    let digits = format!("{:0>width$}", scaled.abs() as u64, width = decimals + 1);
    let (whole, fraction) = digits.split_at(digits.len() - decimals);
    let mut text = String::with_capacity(digits.len() + 4);
    // -0 after rounding reads as 0.
    if scaled < 0.0 {
        text.push('\u{2212}');
    }
    text.push_str(whole);
    if decimals > 0 {
        text.push(lang.decimal_separator());
        text.push_str(fraction);
    }
    text
}

/// A change with its sign: +0,4, −0,2 or 0,0.
pub fn format_change(change: f64, decimals: usize, lang: Lang) -> String {
    let text = format_decimal(change, decimals, lang);
    if text.starts_with('\u{2212}') || text.trim_start_matches(['0', ',', '.']).is_empty() {
        text
    } else {
        format!("+{text}")
    }
}

/// A limit as written, with no more decimals than it has (up to two): 4, 4,5, 3,25.
pub fn format_limit(value: f64, lang: Lang) -> String {
    let decimals = (0..2)
        .find(|&decimals| {
            let scaled = value * 10f64.powi(decimals);
            (scaled - scaled.round()).abs() < 1e-9
        })
        .map_or(2, |decimals| decimals as usize);
    format_decimal(value, decimals, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_keep_only_the_decimals_they_have() {
        assert_eq!(format_limit(4.0, Lang::Nb), "4");
        assert_eq!(format_limit(4.5, Lang::Nb), "4,5");
        assert_eq!(format_limit(7.25, Lang::En), "7.25");
        assert_eq!(format_limit(3.333, Lang::Nb), "3,33");
    }

    #[test]
    fn norwegian_uses_decimal_comma() {
        assert_eq!(format_decimal(3.75, 1, Lang::Nb), "3,8");
        assert_eq!(format_decimal(3.75, 1, Lang::En), "3.8");
        assert_eq!(format_decimal(4.0, 1, Lang::Nb), "4,0");
    }

    #[test]
    fn negative_zero_reads_as_zero() {
        assert_eq!(format_decimal(-0.01, 1, Lang::Nb), "0,0");
        assert_eq!(format_decimal(-0.5, 1, Lang::Nb), "\u{2212}0,5");
        // Halves round away from zero, also where binary floats fall short of them.
        assert_eq!(format_decimal(3.25, 1, Lang::Nb), "3,3");
        assert_eq!(format_decimal(0.35, 1, Lang::Nb), "0,4");
        assert_eq!(format_decimal(-2.5, 0, Lang::En), "\u{2212}3");
        assert_eq!(format_decimal(12.345, 2, Lang::En), "12.35");
        assert_eq!(format_decimal(0.05, 2, Lang::Nb), "0,05");
        assert_eq!(format_decimal(57.0, 0, Lang::Nb), "57");
    }

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(format_change(0.44, 1, Lang::Nb), "+0,4");
        assert_eq!(format_change(-0.2, 1, Lang::Nb), "\u{2212}0,2");
        assert_eq!(format_change(0.01, 1, Lang::En), "0.0");
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("xx"), None);
    }
}
