//! Chart drawing: the only code that uses plotters. Each chart is a function
//! generic over a plotters `DrawingBackend`, so native tests draw to SVG and
//! the app draws to a canvas.

pub mod distribution;
pub mod effort_impact;
pub mod profile;
pub mod qr;

use plotters::style::{RGBColor, BLACK, WHITE};

/// The colours a chart uses, read from the theme's CSS custom properties.
/// The default is the light theme's (style/main.css), which paper and the
/// pictures for slides use whatever the screen's theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    pub text: RGBColor,
    pub muted: RGBColor,
    pub track: RGBColor,
    /// One colour per band, lowest band first.
    pub bands: Vec<RGBColor>,
}

impl Default for Palette {
    fn default() -> Palette {
        Palette {
            text: RGBColor(0x1a, 0x1a, 0x1a),
            muted: RGBColor(0x5f, 0x64, 0x6b),
            track: RGBColor(0xe3, 0xe5, 0xe8),
            bands: vec![
                RGBColor(0xa3, 0x24, 0x1a),
                RGBColor(0x9a, 0x5b, 0x00),
                RGBColor(0x2a, 0x73, 0x52),
                RGBColor(0x1a, 0x5f, 0xa8),
            ],
        }
    }
}

/// `text` whole where `fits` it, else as many of its first characters as fit
/// with an ellipsis.
pub fn cut_to_fit(text: &str, fits: impl Fn(&str) -> bool) -> String {
    if fits(text) {
        return text.to_string();
    }
    let ends = text.char_indices().map(|(at, _)| at).skip(1);
    let mut cut = String::from("\u{2026}");
    for end in ends {
        let longer = format!("{}\u{2026}", text[..end].trim_end());
        if !fits(&longer) {
            break;
        }
        cut = longer;
    }
    cut
}

/// Black or white, whichever contrasts more with `background`: WCAG's
/// relative luminance, with its gamma curve taken as a square (a true power
/// costs 2 KB of wasm), against the luminance where both contrast equally.
/// Near that point the square may pick the weaker one; a test checks every
/// theme colour against the exact formula.
pub fn readable_on(background: RGBColor) -> &'static RGBColor {
    let linear = |channel: u8| (f64::from(channel) / 255.0).powi(2);
    let RGBColor(red, green, blue) = background;
    let luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    if luminance > 0.179 {
        &BLACK
    } else {
        &WHITE
    }
}

/// Parses `#rrggbb` (or `#rgb`), as written in our CSS custom properties.
pub fn parse_hex_color(text: &str) -> Option<RGBColor> {
    let hex = text.trim().strip_prefix('#')?;
    let channel = |range: std::ops::Range<usize>| u8::from_str_radix(hex.get(range)?, 16).ok();
    match hex.len() {
        6 => Some(RGBColor(channel(0..2)?, channel(2..4)?, channel(4..6)?)),
        3 => {
            let short = |index: usize| channel(index..index + 1).map(|value| value * 17);
            Some(RGBColor(short(0)?, short(1)?, short(2)?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_too_long_is_cut_with_an_ellipsis_at_a_character() {
        assert_eq!(cut_to_fit("abc", |_| true), "abc");
        assert_eq!(
            cut_to_fit("ab cd", |text| text.chars().count() <= 3),
            "ab\u{2026}"
        );
        assert_eq!(
            cut_to_fit("æøå", |text| text.chars().count() <= 2),
            "æ\u{2026}"
        );
        assert_eq!(cut_to_fit("abc", |_| false), "\u{2026}");
    }

    /// WCAG 2.1's contrast ratio, with its exact gamma curve.
    fn contrast(one: RGBColor, other: RGBColor) -> f64 {
        let luminance = |RGBColor(red, green, blue): RGBColor| {
            let linear = |channel: u8| {
                let value = f64::from(channel) / 255.0;
                if value <= 0.04045 {
                    value / 12.92
                } else {
                    ((value + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
        };
        let (one, other) = (luminance(one), luminance(other));
        (one.max(other) + 0.05) / (one.min(other) + 0.05)
    }

    #[test]
    fn text_on_every_theme_colour_of_a_bar_meets_wcag_contrast() {
        // Every band and middle-grey colour of the light, dark and projector themes.
        let colours: Vec<RGBColor> = include_str!("../../style/main.css")
            .lines()
            .filter_map(|line| {
                let (name, value) = line.trim().split_once(':')?;
                let is_bar = name.starts_with("--chart-band-") || name == "--chart-muted";
                is_bar.then(|| parse_hex_color(value.trim_end_matches(';')))?
            })
            .collect();
        assert_eq!(colours.len(), 15, "{colours:?}");
        for colour in colours {
            let text = *readable_on(colour);
            // The shares' text is 12.75 px: small text, 4.5:1.
            assert!(
                contrast(text, colour) >= 4.5,
                "{text:?} on {colour:?}: {:.2}",
                contrast(text, colour)
            );
        }
    }

    #[test]
    fn hex_colours_parse() {
        assert_eq!(
            parse_hex_color(" #1f5f99"),
            Some(RGBColor(0x1f, 0x5f, 0x99))
        );
        assert_eq!(parse_hex_color("#fff"), Some(RGBColor(255, 255, 255)));
        assert_eq!(parse_hex_color("rgb(1,2,3)"), None);
        assert_eq!(parse_hex_color("#12345"), None);
        assert_eq!(parse_hex_color("#ééé"), None);
    }
}
