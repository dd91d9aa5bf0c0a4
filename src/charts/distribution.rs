//! The distribution of a group's answers: one diverging stacked bar per
//! factor. Options below the scale's middle extend left of the centre line,
//! options above it extend right, and a middle option is split across it, so
//! agreement and disagreement read at a glance. Each segment wide enough
//! carries its share; the numbers are always also in a table or text beside
//! the chart.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{cut_to_fit, readable_on, Palette};

/// One factor as the chart shows it; texts come already translated.
#[derive(Clone, Debug, PartialEq)]
pub struct DistributionRow {
    pub label: String,
    /// The share of answers per option, lowest option first; they sum to 1.
    pub shares: Vec<f64>,
    /// Each share in words ("29 %"), drawn inside its segment where it fits
    /// (where only the number fits, the number alone), so the bar reads
    /// without telling its colours apart.
    pub share_texts: Vec<String>,
    /// For example "Snitt 4,2 · God · n = 12".
    pub value_text: String,
    /// What is drawn where `value_text` does not fit, in a smaller font if
    /// need be; for example "Snitt 4,2 · God".
    pub short_text: String,
    /// Drawn in place of the bar where `shares` is empty, saying why; a row
    /// with neither draws no bar, so it cannot be read as zero.
    pub note: String,
    /// The colours run the other way: the lowest option is the favourable
    /// one (for most risks, "never").
    pub low_is_favourable: bool,
}

/// What the colours of one response scale mean: its options, lowest first,
/// and which factors it is for when the chart mixes scales.
#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    pub caption: Option<String>,
    pub labels: Vec<String>,
    /// As in [`DistributionRow`]: the colours run from the lowest option as the favourable one.
    pub low_is_favourable: bool,
}

/// Sizes in CSS pixels; `scale` enlarges everything for a projector.
/// `beside` puts each label left of its bar on one line, so many rows fit a slide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub scale: f64,
    pub beside: bool,
}

impl Layout {
    /// Text at 0.8 of the chart's usual 15 px is 12 px.
    pub const SMALLEST_FITTED: f64 = 0.8;

    /// CSS pixels of width a chart needs per unit of scale: a slide's chart
    /// scaled up on a phone would have text too large for its bar's segments.
    const WIDTH_PER_SCALE: f64 = 400.0;

    /// This layout for a chart `width` CSS pixels wide. Label, bar and value
    /// side by side need a wide chart; on a phone each label goes above its
    /// bar. A narrow chart is scaled up only as far as its width allows, so
    /// a phone's slide is drawn at the page's own size.
    pub fn for_width(self, width: f64) -> Layout {
        Layout {
            beside: self.beside && width >= 560.0,
            scale: self.scale.min((width / Layout::WIDTH_PER_SCALE).max(1.0)),
        }
    }

    pub fn stacked(scale: f64) -> Layout {
        Layout {
            scale,
            beside: false,
        }
    }

    pub fn row_height(self) -> f64 {
        if self.beside {
            36.0 * self.scale
        } else {
            56.0 * self.scale
        }
    }

    pub fn height_for(self, rows: usize) -> u32 {
        // Less a rounding error, which must not add a pixel to a fitted chart.
        (rows as f64 * self.row_height() - 1e-6).ceil() as u32
    }

    /// The layout scaled so `rows` fit in `room` pixels: never larger than
    /// this one, and never smaller than [`Layout::SMALLEST_FITTED`] (below
    /// that, the page scrolls). A short projector (720 or 768 lines) with a
    /// long name or many legends needs a little less than scale 1: a slightly
    /// smaller chart reads better there than a slide that scrolls.
    pub fn fitted(self, rows: usize, room: f64) -> Layout {
        let unit = Layout { scale: 1.0, ..self }.row_height() * rows.max(1) as f64;
        let largest = self.scale.max(Layout::SMALLEST_FITTED);
        Layout {
            scale: (room / unit).clamp(Layout::SMALLEST_FITTED, largest),
            ..self
        }
    }
}

/// The colour of one option: the palette's band `band`, mixed `percent` %
/// with the band next to it inwards, `towards`. A scale with more options a
/// side than the palette has bands a side (7 or 11 points) takes mixes, so
/// no two options share a colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tone {
    pub band: usize,
    pub towards: usize,
    pub percent: usize,
}

/// Which colour option `index` of `count` takes among `bands`: the lowest
/// bands for low options, the highest for high ones, spread evenly from the
/// outermost option to the one next to the middle; `None` for the middle
/// option, which is grey. Legends use the same choice.
pub fn option_tone(index: usize, count: usize, bands: usize) -> Option<Tone> {
    if is_middle(index, count) {
        return None;
    }
    let per_side = count / 2;
    let low = index < per_side;
    // 0 at the outermost option.
    let inward = if low { index } else { count - 1 - index };
    // `inward` of `per_side - 1` steps span the `bands / 2 - 1` bands of a side.
    let steps = per_side.saturating_sub(1).max(1);
    let across = inward * (bands / 2).saturating_sub(1);
    let (whole, percent) = (across / steps, across % steps * 100 / steps);
    Some(if low {
        Tone {
            band: whole,
            towards: whole + 1,
            percent,
        }
    } else {
        Tone {
            band: bands - 1 - whole,
            towards: (bands - 1 - whole).saturating_sub(1),
            percent,
        }
    })
}

/// Whether option `index` of `count` is the scale's middle one, which only
/// a scale with an odd number of options has.
fn is_middle(index: usize, count: usize) -> bool {
    count % 2 == 1 && index == count / 2
}

/// The colour of option `index` of `count`: the favourable end takes the
/// top band, so the colours mean the same for every factor.
pub fn option_tone_towards(
    index: usize,
    count: usize,
    bands: usize,
    low_is_favourable: bool,
) -> Option<Tone> {
    let index = if low_is_favourable {
        count - 1 - index
    } else {
        index
    };
    option_tone(index, count, bands)
}

fn option_colour(
    palette: &Palette,
    index: usize,
    count: usize,
    low_is_favourable: bool,
) -> RGBColor {
    let Some(tone) = option_tone_towards(index, count, palette.bands.len(), low_is_favourable)
    else {
        return palette.muted;
    };
    let (RGBColor(r, g, b), towards) = (palette.bands[tone.band], palette.bands.get(tone.towards));
    let RGBColor(r2, g2, b2) = towards.copied().unwrap_or(palette.bands[tone.band]);
    let mix = |from: u8, to: u8| {
        ((usize::from(from) * (100 - tone.percent) + usize::from(to) * tone.percent) / 100) as u8
    };
    RGBColor(mix(r, r2), mix(g, g2), mix(b, b2))
}

/// Where each option's segment starts and ends, as shares from −1 (left) to 1 (right).
pub fn segments(shares: &[f64]) -> Vec<(f64, f64)> {
    let count = shares.len();
    let below: f64 = shares
        .iter()
        .enumerate()
        .map(|(index, share)| {
            if index < count / 2 {
                *share
            } else if is_middle(index, count) {
                share / 2.0
            } else {
                0.0
            }
        })
        .sum();
    let mut start = -below;
    shares
        .iter()
        .map(|share| {
            let segment = (start, start + share);
            start += share;
            segment
        })
        .collect()
}

/// A share's text inside its segment, relative to the labels' size: it
/// leaves room above and below in a bar 20 px high. A narrow segment takes
/// the smaller size, as small as a value may go, so that fewer shares are
/// left to be told by their colour alone.
const SHARE_SIZES: [f64; 2] = [0.85, 0.7];

pub fn draw_distribution<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rows: &[DistributionRow],
    palette: &Palette,
    layout: Layout,
    pixel_ratio: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |css: f64| (css * layout.scale * pixel_ratio).round() as i32;
    let (width, _) = area.dim_in_pixel();
    let (left, right) = (px(4.0), width as i32 - px(4.0));
    let font_size = 15.0 * layout.scale * pixel_ratio;
    let text_style =
        |size: f64| TextStyle::from(("sans-serif", size).into_font()).color(&palette.text);
    let row_height = layout.row_height() / layout.scale;
    let text_width = |text: &str, factor: f64| {
        area.estimate_text_size(text, &text_style(font_size * factor))
            .map_or(i32::MAX, |(width, _)| width as i32)
    };
    // The first text that fits in `room`, in the size asked for.
    let fitting = |candidates: &[(&String, f64)], room: i32| {
        candidates
            .iter()
            .find(|&&(text, factor)| !text.is_empty() && text_width(text, factor) < room)
            .map(|&(text, factor)| (text.clone(), text_style(font_size * factor)))
    };
    // Beside, values take a column right of the bars, as wide as the widest
    // full value in the labels' size where that is at most 45 % of the width,
    // else as the widest short one (at most 45 %): every pixel not needed
    // there widens the bars, so more segments have room for their share.
    // Stacked, a value has the line beside its label.
    let width_share = |share: f64| (f64::from(right - left) * share) as i32;
    let widest = |text_of: fn(&DistributionRow) -> &String| {
        rows.iter()
            .map(|row| text_width(text_of(row), 1.0))
            .filter(|&width| width < i32::MAX)
            .max()
            .unwrap_or(0)
    };
    let full_column = widest(|row| &row.value_text) + px(16.0);
    let value_column = if full_column <= width_share(0.45) {
        full_column
    } else {
        (widest(|row| &row.short_text) + px(16.0)).min(width_share(0.45))
    };
    // Beside, the labels' column is as wide as the widest label, at most 40 %.
    let label_room = (widest(|row| &row.label) + px(16.0)).min(width_share(0.4));
    // The labels take one size, the largest at which each fits its column
    // (beside) or the line less room for its value at its smallest
    // (stacked); one too long even at 70 % is cut short with an ellipsis
    // rather than drawn under the bars or over its value. Cut anyway, it
    // leaves room for the full value where it keeps 40 % of the line, so the
    // rows need not all lose their n for it.
    let room_beside = |text: &String, factor: f64| {
        let taken = if text.is_empty() {
            0
        } else {
            text_width(text, factor) + px(12.0)
        };
        right - left - taken
    };
    let label_width = |row: &DistributionRow| {
        if layout.beside {
            return label_room - px(8.0);
        }
        let beside_short = room_beside(&row.short_text, 0.7);
        let beside_full = room_beside(&row.value_text, 1.0);
        let cut_anyway = text_width(&row.label, 0.7) > beside_short;
        if cut_anyway && beside_full >= width_share(0.4) {
            beside_full
        } else {
            beside_short
        }
    };
    let fits_at =
        |row: &DistributionRow, factor: f64| text_width(&row.label, factor) <= label_width(row);
    let label_size = VALUE_SIZES
        .into_iter()
        .find(|&factor| {
            // A label cut short anyway does not shrink the others.
            rows.iter()
                .filter(|row| fits_at(row, 0.7))
                .all(|row| fits_at(row, factor))
        })
        .unwrap_or(0.7);
    let label_style = text_style(font_size * label_size);
    let labels: Vec<String> = rows
        .iter()
        .map(|row| {
            cut_to_fit(&row.label, |text| {
                text_width(text, label_size) <= label_width(row)
            })
        })
        .collect();
    let value_room = |index: usize| {
        let room = if layout.beside {
            value_column
        } else {
            right - left - text_width(&labels[index], label_size)
        };
        room - px(12.0)
    };
    // A value's sizes, largest first, down to 70 % of the labels'. Beside,
    // the values form a column, so they take one size: the largest at which
    // each row's short text fits. Stacked, each sits beside its own label
    // and shrinks alone. The rows show their full values where every one
    // fits in the first size, else their short ones, else nothing (the table
    // or slide text has it): rows that mixed the two would read as if some
    // lacked their "n".
    const VALUE_SIZES: [f64; 3] = [1.0, 0.85, 0.7];
    let column_size = || {
        VALUE_SIZES
            .into_iter()
            .find(|&factor| {
                rows.iter().enumerate().all(|(index, row)| {
                    row.short_text.is_empty()
                        || fitting(&[(&row.short_text, factor)], value_room(index)).is_some()
                })
            })
            .unwrap_or(0.7)
    };
    let value_sizes = if layout.beside {
        vec![column_size()]
    } else {
        VALUE_SIZES.to_vec()
    };

    let full_values_fit = rows.iter().enumerate().all(|(index, row)| {
        row.value_text.is_empty()
            || fitting(&[(&row.value_text, value_sizes[0])], value_room(index)).is_some()
    });

    for (index, row) in rows.iter().enumerate() {
        let top = px(index as f64 * row_height);
        // Beside: label | bar | value on one line. Stacked: label and value above the bar.
        let (bar_left, bar_right, bar_top, bar_bottom, text_top) = if layout.beside {
            (
                left + label_room,
                right - value_column,
                top + px(6.0),
                top + px(28.0),
                top + px(6.0),
            )
        } else {
            (left, right, top + px(26.0), top + px(46.0), top + px(4.0))
        };
        area.draw(&Text::new(
            labels[index].as_str(),
            (left, text_top),
            label_style.clone(),
        ))?;
        let texts: Vec<(&String, f64)> = if full_values_fit {
            vec![(&row.value_text, value_sizes[0])]
        } else {
            value_sizes
                .iter()
                .map(|&size| (&row.short_text, size))
                .collect()
        };
        let value = fitting(&texts, value_room(index));
        if let Some((text, style)) = value {
            let style = style.pos(Pos::new(HPos::Right, VPos::Top));
            area.draw(&Text::new(text, (right, text_top), style))?;
        }
        if row.shares.is_empty() {
            let room = bar_right - bar_left;
            if let Some((text, style)) = fitting(&[(&row.note, 0.85), (&row.note, 0.7)], room) {
                let style = style.pos(Pos::new(HPos::Left, VPos::Center));
                area.draw(&Text::new(
                    text,
                    (bar_left, (bar_top + bar_bottom) / 2),
                    style,
                ))?;
            }
            continue;
        }
        let centre = (bar_left + bar_right) / 2;
        let half_width = f64::from(bar_right - bar_left) / 2.0;
        let x_of = |share: f64| centre + (share.clamp(-1.0, 1.0) * half_width).round() as i32;
        area.draw(&Rectangle::new(
            [(bar_left, bar_top), (bar_right, bar_bottom)],
            palette.track.filled(),
        ))?;
        let count = row.shares.len();
        let mut share_labels = Vec::new();
        let mut patches = Vec::new();
        for (option, (start, end)) in segments(&row.shares).into_iter().enumerate() {
            if end - start <= 0.0 {
                continue;
            }
            let colour = option_colour(palette, option, count, row.low_is_favourable);
            let (from, to) = (x_of(start), x_of(end));
            area.draw(&Rectangle::new(
                [(from, bar_top), (to, bar_bottom)],
                colour.filled(),
            ))?;
            // A thin gap between segments keeps neighbours apart without colour.
            area.draw(&PathElement::new(
                vec![(to, bar_top), (to, bar_bottom)],
                palette.track.stroke_width(px(1.0).max(1) as u32),
            ))?;
            // The middle option straddles the centre line: its share goes
            // in its right half, clear of the line, or where that is too
            // narrow, across the line on a patch of the option's colour.
            let places = if is_middle(option, count) {
                vec![(centre + px(2.0), to, false), (from, to, true)]
            } else {
                vec![(from, to, false)]
            };
            let full = row.share_texts.get(option).map_or("", String::as_str);
            // "14" where "14 %" does not fit.
            let number = full.strip_suffix('%').map_or(full, str::trim_end);
            let label = [full, number]
                .into_iter()
                .filter(|text| !text.is_empty())
                .find_map(|text| {
                    places.iter().find_map(|&(from, to, across_line)| {
                        // On a patch, which has its own 2 px each side, the
                        // label needs the segment only as wide as the patch.
                        let padding = if across_line { px(4.0) } else { px(6.0) };
                        let size = SHARE_SIZES
                            .into_iter()
                            .find(|&size| text_width(text, size) + padding < to - from)?;
                        Some((text, size, (from + to) / 2, across_line))
                    })
                });
            if let Some((text, size, x, across_line)) = label {
                let y = (bar_top + bar_bottom) / 2;
                // As high as the bar, so the line shows only as ticks above
                // and below it, not as a stroke through the text.
                if across_line {
                    let half_patch = text_width(text, size) / 2 + px(2.0);
                    patches.push(Rectangle::new(
                        [(x - half_patch, bar_top), (x + half_patch, bar_bottom)],
                        colour.filled(),
                    ));
                }
                let style = text_style(font_size * size)
                    .color(readable_on(colour))
                    .pos(Pos::new(HPos::Center, VPos::Center));
                share_labels.push(Text::new(text.to_string(), (x, y), style));
            }
        }
        area.draw(&PathElement::new(
            vec![(centre, bar_top - px(4.0)), (centre, bar_bottom + px(4.0))],
            palette.text.stroke_width(px(2.0).max(1) as u32),
        ))?;
        for patch in patches {
            area.draw(&patch)?;
        }
        for label in share_labels {
            area.draw(&label)?;
        }
    }
    Ok(())
}

/// A legend in one line: a swatch and the option's name for each option, in
/// the order the bars run from left to right, smaller where the line would
/// be wider than `area`.
pub fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    legend: &Legend,
    palette: &Palette,
    font_px: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style_at = |px: f64| TextStyle::from(("sans-serif", px).into_font()).color(&palette.text);
    let line_width = |px: f64| {
        let style = style_at(px);
        let text_width = |text: &str| {
            area.estimate_text_size(text, &style)
                .map_or(0, |(width, _)| width as i32)
        };
        let swatch = px as i32;
        legend
            .caption
            .as_deref()
            .map_or(0, |caption| text_width(caption) + swatch)
            + legend
                .labels
                .iter()
                .map(|label| swatch + swatch / 3 + text_width(label) + swatch)
                .sum::<i32>()
    };
    let (room, _) = area.dim_in_pixel();
    let room = room as i32;
    // Smaller to fit, down to 60 %; past that, each name gets an equal
    // share of what is left and is cut with an ellipsis.
    let font_px =
        font_px * (f64::from(room) / f64::from(line_width(font_px).max(1))).clamp(0.6, 1.0);
    let style = style_at(font_px);
    let swatch = font_px as i32;
    let text_width = |text: &str| {
        area.estimate_text_size(text, &style)
            .map_or(0, |(width, _)| width as i32)
    };
    let labels = &legend.labels;
    let caption_width = legend
        .caption
        .as_deref()
        .map_or(0, |caption| text_width(caption) + swatch);
    let per_label = (line_width(font_px) > room).then(|| {
        let count = labels.len().max(1) as i32;
        (room - caption_width) / count - (swatch + swatch / 3 + swatch)
    });
    let mut x = 0;
    if let Some(caption) = &legend.caption {
        area.draw(&Text::new(caption.clone(), (0, 0), style.clone()))?;
        x += caption_width;
    }
    for (index, label) in labels.iter().enumerate() {
        let label = &per_label.map_or_else(
            || label.clone(),
            |width| cut_to_fit(label, |text| text_width(text) <= width),
        );
        let colour = option_colour(palette, index, labels.len(), legend.low_is_favourable);
        area.draw(&Rectangle::new(
            [(x, 0), (x + swatch, swatch)],
            colour.filled(),
        ))?;
        area.draw(&Rectangle::new(
            [(x, 0), (x + swatch, swatch)],
            palette.muted.stroke_width(1),
        ))?;
        area.draw(&Text::new(
            label.clone(),
            (x + swatch + swatch / 3, 0),
            style.clone(),
        ))?;
        x += swatch + swatch / 3 + text_width(label) + swatch;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fitted_layout_fills_the_room_within_its_bounds() {
        let slide = Layout {
            scale: 1.9,
            beside: true,
        };
        // Twelve rows at scale 1 take 432 px, at scale 0.8 345.6 px.
        assert_eq!(slide.fitted(12, 648.0).scale, 1.5);
        for room in 346..1200 {
            let fitted = slide.fitted(12, f64::from(room));
            assert!(
                fitted.height_for(12) <= room as u32,
                "{room} px: {fitted:?}"
            );
        }
        assert_eq!(
            slide.fitted(12, 2000.0).scale,
            1.9,
            "never larger than asked"
        );
        assert_eq!(slide.fitted(12, 400.0).scale, 400.0 / 432.0);
        assert_eq!(
            slide.fitted(12, 100.0).scale,
            0.8,
            "never smaller than 0.8: the page scrolls"
        );
    }

    #[test]
    fn a_narrow_chart_is_not_scaled_up_beyond_its_width() {
        let slide = Layout {
            scale: 2.4,
            beside: true,
        };
        // A phone: the page's own size, each label above its bar.
        assert_eq!(slide.for_width(328.0), Layout::stacked(1.0));
        // A 1024 px projector: a little less than asked, side by side.
        let projector = slide.for_width(928.0);
        assert!(projector.beside && (projector.scale - 2.32).abs() < 1e-9);
        // 1920×1080: as asked.
        assert_eq!(slide.for_width(1824.0), slide);
    }

    #[test]
    fn segments_diverge_around_the_middle_option() {
        let parts = segments(&[0.1, 0.1, 0.2, 0.4, 0.2]);
        // 0.1 + 0.1 + half of 0.2 lies left of the centre.
        assert!((parts[0].0 + 0.3).abs() < 1e-9);
        assert!((parts[2].0 + 0.1).abs() < 1e-9 && (parts[2].1 - 0.1).abs() < 1e-9);
        assert!((parts[4].1 - 0.7).abs() < 1e-9);
        // An even scale has no middle option: the centre falls between two.
        let parts = segments(&[0.5, 0.5]);
        assert!((parts[0].0 + 0.5).abs() < 1e-9 && parts[1] == (0.0, 0.5));
    }

    #[test]
    fn low_and_high_options_take_opposite_band_colours() {
        let palette = Palette::default();
        assert_eq!(option_colour(&palette, 0, 5, false), palette.bands[0]);
        assert_eq!(option_colour(&palette, 1, 5, false), palette.bands[1]);
        assert_eq!(option_colour(&palette, 2, 5, false), palette.muted);
        assert_eq!(option_colour(&palette, 3, 5, false), palette.bands[2]);
        assert_eq!(option_colour(&palette, 4, 5, false), palette.bands[3]);
        assert_eq!(option_colour(&palette, 0, 2, false), palette.bands[0]);
        assert_eq!(option_colour(&palette, 1, 2, false), palette.bands[3]);
        // Where the lowest option is the favourable one ("never" for a risk), it takes the top band.
        assert_eq!(option_colour(&palette, 0, 5, true), palette.bands[3]);
        assert_eq!(option_colour(&palette, 4, 5, true), palette.bands[0]);
        assert_eq!(option_colour(&palette, 2, 5, true), palette.muted);
    }

    #[test]
    fn no_two_options_of_a_scale_share_a_colour() {
        let palette = Palette::default();
        for count in 2..=11 {
            for low_is_favourable in [false, true] {
                let colours: Vec<RGBColor> = (0..count)
                    .map(|index| option_colour(&palette, index, count, low_is_favourable))
                    .collect();
                // Apart: at least 12 in RGB distance. That is little: on a 10-
                // or 11-point scale a 25 % step from red to orange is this close,
                // and the order and share texts tell neighbours apart more.
                let distance = |RGBColor(r, g, b): RGBColor, RGBColor(r2, g2, b2): RGBColor| {
                    let d = |a: u8, b: u8| (f64::from(a) - f64::from(b)).powi(2);
                    (d(r, r2) + d(g, g2) + d(b, b2)).sqrt()
                };
                for (index, &colour) in colours.iter().enumerate() {
                    for &earlier in &colours[..index] {
                        assert!(
                            distance(colour, earlier) >= 12.0,
                            "{count} options: option {index} too like another ({colour:?}, {earlier:?})"
                        );
                    }
                }
            }
        }
        // Seven points: the outermost in band 0, half-way, then band 1 next to the middle.
        let tones: Vec<_> = (0..3)
            .map(|index| option_tone(index, 7, 4).unwrap())
            .collect();
        assert_eq!(
            tones
                .iter()
                .map(|t| (t.band, t.percent))
                .collect::<Vec<_>>(),
            [(0, 0), (0, 50), (1, 0)]
        );
        assert_eq!(option_tone(4, 7, 4).unwrap().band, 2);
        assert_eq!(option_tone(6, 7, 4).unwrap().band, 3);
    }

    #[test]
    fn the_legend_names_every_option_beside_its_colour() {
        let labels: Vec<String> = ["Aldri", "Sjelden", "Av og til", "Ofte", "Alltid"]
            .map(String::from)
            .to_vec();
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (1200, 40)).into_drawing_area();
            let legend = Legend {
                caption: Some("Nattarbeid:".into()),
                labels: labels.clone(),
                low_is_favourable: true,
            };
            draw_legend(&root, &legend, &Palette::default(), 20.0).unwrap();
        }
        assert!(out.contains("Nattarbeid:"));
        assert!(labels.iter().all(|label| out.contains(label.as_str())));
        assert_eq!(out.matches("<rect").count(), 2 * labels.len());
    }

    #[test]
    fn a_legend_wider_than_its_line_is_drawn_smaller_to_fit() {
        let legend = Legend {
            caption: Some("Low leader support:".into()),
            labels: [
                "Strongly disagree",
                "Somewhat disagree",
                "Neither agree nor disagree",
                "Somewhat agree",
                "Strongly agree",
            ]
            .map(String::from)
            .to_vec(),
            low_is_favourable: false,
        };
        let font_sizes = |width: u32| {
            let mut out = String::new();
            {
                let root = SVGBackend::with_string(&mut out, (width, 40)).into_drawing_area();
                draw_legend(&root, &legend, &Palette::default(), 20.0).unwrap();
            }
            let sizes: Vec<f64> = out
                .split("font-size=\"")
                .skip(1)
                .filter_map(|rest| rest.split('"').next()?.parse().ok())
                .collect();
            assert_eq!(sizes.len(), 6, "the caption and every label");
            sizes[0]
        };
        // The same size on a line with room, whatever its length.
        let whole = font_sizes(3000);
        assert_eq!(font_sizes(2000), whole);
        let narrow = font_sizes(800);
        assert!(narrow < whole * 0.8, "{narrow} against {whole}");
        // Never below 60 %: a legend that long has its names cut instead.
        let tiny = font_sizes(300);
        assert!((tiny - whole * 0.6).abs() < 1e-9, "{tiny} against {whole}");
    }

    #[test]
    fn a_label_too_long_for_its_column_is_cut_short_with_an_ellipsis() {
        let long =
            "Opplevd støtte fra nærmeste leder når arbeidsmengden er stor og fristene korte, \
                    også i perioder med omstilling og nedbemanning i virksomheten";
        let out = svg_in(
            &[row(long), row("Autonomi")],
            Layout {
                scale: 1.0,
                beside: true,
            },
            1000,
        );
        assert!(!out.contains(long), "drawn whole, under the bars");
        assert!(out.contains("Opplevd støtte fra") && out.contains('\u{2026}'));
        assert!(out.contains("\nAutonomi\n"), "a short label stays whole");
        // Nor does the label cut short make the other labels smaller.
        let alone = svg_in(
            &[row("Autonomi")],
            Layout {
                scale: 1.0,
                beside: true,
            },
            1000,
        );
        assert_eq!(
            font_size_of(&out, "Autonomi"),
            font_size_of(&alone, "Autonomi")
        );
    }

    #[test]
    fn stacked_a_label_too_long_for_its_line_is_cut_and_keeps_its_value_beside_it() {
        let row = |label: &str| DistributionRow {
            value_text: "Snitt 2,2 · Forbedre · n = 6".into(),
            short_text: "Snitt 2,2 · Forbedre".into(),
            ..row(label)
        };
        let long =
            "Arbeidsmiljøutviklingssamarbeidskoordineringsansvarsfordelingsprosessevalueringen";
        // As wide as the chart on a phone.
        let phone = |rows: &[DistributionRow]| svg_in(rows, Layout::stacked(1.0), 340);
        let out = phone(&[row(long), row("Autonomi")]);
        assert!(!out.contains(long) && out.contains('\u{2026}'), "{out}");
        assert_eq!(out.matches("Snitt 2,2 · Forbedre").count(), 2, "{out}");
        let alone = phone(&[row("Autonomi")]);
        assert_eq!(
            font_size_of(&out, "Autonomi"),
            font_size_of(&alone, "Autonomi")
        );
        // Wider, it leaves room for the whole value, so no row loses its n.
        let longer = format!("{long} {long}");
        let wide = svg_of(&[row(&longer), row("Autonomi")]);
        assert!(!wide.contains(&longer), "{wide}");
        assert_eq!(
            wide.matches("Snitt 2,2 · Forbedre · n = 6").count(),
            2,
            "{wide}"
        );
    }

    /// The font size of the SVG text element that holds `text` alone.
    fn font_size_of(svg: &str, text: &str) -> String {
        let at = svg.find(&format!("\n{text}\n")).unwrap();
        let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
        tag.split("font-size=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string()
    }

    /// The rows drawn as SVG, stacked, 600 px wide.
    fn svg_of(rows: &[DistributionRow]) -> String {
        svg_in(rows, Layout::stacked(1.0), 600)
    }

    /// The rows drawn as SVG in `layout`, `width` px wide.
    fn svg_in(rows: &[DistributionRow], layout: Layout, width: u32) -> String {
        let mut out = String::new();
        {
            let height = layout.height_for(rows.len());
            let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
            draw_distribution(&root, rows, &Palette::default(), layout, 1.0).unwrap();
            root.present().unwrap();
        }
        out
    }

    /// A row named `label` with an even five-option distribution, no share
    /// texts and a mean of 3,0; tests change what they look at.
    fn row(label: &str) -> DistributionRow {
        DistributionRow {
            label: label.into(),
            shares: vec![0.2; 5],
            share_texts: Vec::new(),
            value_text: "Snitt 3,0".into(),
            short_text: "3,0".into(),
            note: String::new(),
            low_is_favourable: false,
        }
    }

    /// `texts` as share texts.
    fn share_texts(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| text.to_string()).collect()
    }

    #[test]
    fn every_row_is_drawn_with_its_texts() {
        let rows = vec![DistributionRow {
            shares: vec![0.0, 0.2, 0.2, 0.4, 0.2],
            value_text: "Snitt 3,6".into(),
            short_text: "3,6".into(),
            ..row("Autonomi")
        }];
        let out = svg_of(&rows);
        assert!(out.contains("Autonomi") && out.contains("Snitt 3,6"));
        // The track and four non-empty segments.
        assert_eq!(out.matches("<rect").count(), 5);
    }

    #[test]
    fn one_row_too_long_for_its_full_value_makes_every_row_show_the_short_one() {
        let row = |label: &str| DistributionRow {
            value_text: "Snitt 2,9 · Prioriter · n = 7".into(),
            short_text: "Snitt 2,9 · Prioriter".into(),
            ..row(label)
        };
        let short = vec![row("Autonomi"), row("Rolleklarhet")];
        let out = svg_of(&short);
        assert_eq!(out.matches("n = 7").count(), 2, "{out}");
        let long_label = "Relevant kompetanseutvikling for oppgavene en har i dag";
        let mixed = vec![row("Autonomi"), row(long_label)];
        let out = svg_of(&mixed);
        assert_eq!(out.matches("n = 7").count(), 0, "{out}");
        assert_eq!(out.matches("Snitt 2,9 · Prioriter").count(), 2, "{out}");
    }

    #[test]
    fn beside_the_bars_take_the_width_the_values_leave() {
        let row = |label: &str| DistributionRow {
            shares: vec![0.29, 0.14, 0.14, 0.29, 0.14],
            value_text: "Snitt 2,9 · n = 7".into(),
            short_text: "2,9".into(),
            ..row(label)
        };
        let rows = vec![row("Autonomi"), row("Rolleklarhet")];
        let beside = Layout {
            scale: 1.0,
            beside: true,
        };
        let out = svg_in(&rows, beside, 1200);
        assert_eq!(out.matches("Snitt 2,9 · n = 7").count(), 2, "{out}");
        // The first rectangle is the first row's track: it runs to well
        // past 70 % of the width (a fixed value column took 30 %).
        let track = &out[out.find("<rect").unwrap()..];
        let number = |name: &str| -> f64 {
            let at = &track[track.find(&format!(" {name}=\"")).unwrap() + name.len() + 3..];
            at[..at.find('"').unwrap()].parse().unwrap()
        };
        let right = number("x") + number("width");
        assert!(right > 1200.0 * 0.8, "track ends at {right}: {out}");
    }

    #[test]
    fn a_row_without_a_distribution_says_why_instead_of_an_empty_bar() {
        let rows = vec![DistributionRow {
            shares: Vec::new(),
            note: "Fordelingen er skjult".into(),
            ..row("Nattarbeid")
        }];
        let out = svg_of(&rows);
        assert!(out.contains("Fordelingen er skjult"));
        assert_eq!(out.matches("<rect").count(), 0, "no track to read as zero");
    }

    #[test]
    fn segments_wide_enough_carry_their_share_in_a_readable_colour() {
        let shares = vec![0.0, 0.1, 0.12, 0.48, 0.3];
        let rows = vec![DistributionRow {
            shares,
            share_texts: share_texts(&["0 %", "10 %", "12 %", "48 %", "30 %"]),
            ..row("Autonomi")
        }];
        let out = svg_of(&rows);
        // The font size of each drawing of `text`.
        let sizes = |text: &str| -> Vec<f64> {
            let parts: Vec<&str> = out.split(&format!(">\n{text}\n</text>")).collect();
            parts[..parts.len() - 1]
                .iter()
                .map(|before| {
                    let size = &before[before.rfind("font-size=\"").unwrap() + 11..];
                    size[..size.find('"').unwrap()].parse().unwrap()
                })
                .collect()
        };
        // 592 px of bar: 48 % and 30 % are 142 and 89 px wide, in the share
        // size. 10 % is 30 px: only the smaller size fits. The middle
        // option's 12 % has 16 px right of the centre line, too little, so
        // it goes across the line on a patch of its colour. An empty option
        // has no segment and no label.
        let share_size = sizes("48 %");
        assert_eq!(share_size.len(), 1, "{out}");
        assert_eq!(sizes("30 %"), share_size, "{out}");
        let narrow = sizes("10 %");
        assert_eq!(narrow.len(), 1, "{out}");
        assert!(
            (narrow[0] / share_size[0] - 0.7 / 0.85).abs() < 1e-9,
            "{out}"
        );
        assert_eq!(sizes("12 %").len(), 1, "{out}");
        assert!(sizes("0 %").is_empty(), "{out}");
        // The track, four segments and the middle label's patch.
        assert_eq!(out.matches("<rect").count(), 6, "{out}");
        // White on the light theme's dark bands (see `readable_on`).
        assert!(out.contains(r##"fill="#FFFFFF""##), "{out}");
    }

    #[test]
    fn a_segment_too_narrow_for_its_per_cent_sign_shows_the_number_alone() {
        let rows = vec![DistributionRow {
            shares: vec![0.0, 0.05, 0.0, 0.65, 0.3],
            share_texts: share_texts(&[
                "0\u{a0}%",
                "5\u{a0}%",
                "0\u{a0}%",
                "65\u{a0}%",
                "30\u{a0}%",
            ]),
            ..row("Autonomi")
        }];
        let out = svg_of(&rows);
        // 5 % of 592 px is 15 px: room for "5", not for "5 %".
        assert!(out.contains(">\n5\n</text>"), "{out}");
        assert!(!out.contains(">\n5\u{a0}%\n</text>"), "{out}");
        assert!(
            out.contains("65\u{a0}%") && out.contains("30\u{a0}%"),
            "{out}"
        );
    }
}
