//! The factor profile: one horizontal bar per factor on the 1–5 scale, with
//! the factor's name, its score and its band written out, so the band never
//! depends on colour alone.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{cut_to_fit, readable_on, Palette};

/// One factor as the chart shows it; texts come already translated.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileRow {
    pub label: String,
    /// `None` when there are not enough answers: no bar is drawn.
    pub score: Option<f64>,
    /// For example "3,8 · Forbedre" or "Ikke nok svar".
    pub value_text: String,
    /// The band's rank, 0 = lowest; picks the bar's colour and pattern.
    pub band_rank: usize,
}

/// The scale and its marks.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileAxis {
    pub min: f64,
    pub max: f64,
    /// Where bands begin, drawn as thin lines (for example 3, 4 and 4.5).
    pub thresholds: Vec<f64>,
}

/// CSS pixels per row; the canvas host sizes the canvas with it.
pub const ROW_HEIGHT: u32 = 52;
/// CSS pixels below the rows for the scale's numbers.
pub const AXIS_HEIGHT: u32 = 28;

pub fn height_for(rows: usize) -> u32 {
    rows as u32 * ROW_HEIGHT + AXIS_HEIGHT
}

/// Draws the profile on `area`. `pixel_ratio` is the number of device pixels
/// per CSS pixel, so text and bars keep their size on HiDPI screens.
pub fn draw_profile<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rows: &[ProfileRow],
    axis: &ProfileAxis,
    palette: &Palette,
    pixel_ratio: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |css: f64| (css * pixel_ratio).round() as i32;
    let (width, _) = area.dim_in_pixel();
    let left = px(4.0);
    let right = width as i32 - px(4.0);
    let x_of = |value: f64| {
        let share = ((value - axis.min) / (axis.max - axis.min)).clamp(0.0, 1.0);
        left + (share * f64::from(right - left)).round() as i32
    };
    let font_size = 15.0 * pixel_ratio;
    let style_at = |factor: f64| {
        TextStyle::from(("sans-serif", font_size * factor).into_font()).color(&palette.text)
    };
    let label_style = style_at(1.0);
    let text_width = |text: &str, factor: f64| {
        area.estimate_text_size(text, &style_at(factor))
            .map_or(0, |(width, _)| width as i32)
    };
    let rows_bottom = px(f64::from(rows.len() as u32 * ROW_HEIGHT));
    // A name and its value share a line. Where they do not fit (a phone,
    // English, the projector theme's larger text), the values shrink first,
    // then the names, down to 70 %: all rows alike, so that names and values
    // each have one size. A row that still does not fit leaves its value out
    // (the table beside the chart has it). A name too long even at 70 %
    // (a loaded questionnaire's) is cut with an ellipsis so that its value
    // keeps its place, and does not make the other rows smaller.
    let fits = |row: &ProfileRow, (label, value): (f64, f64)| {
        text_width(&row.label, label) + text_width(&row.value_text, value) + px(8.0) <= right - left
    };
    let too_long = |row: &ProfileRow| !fits(row, (0.7, 0.7));
    const SMALLEST: (f64, f64) = (0.85, 0.7);
    let (label_size, value_size) = [(1.0, 1.0), (1.0, 0.85), (1.0, 0.7)]
        .into_iter()
        .find(|&sizes| {
            rows.iter()
                .filter(|row| !too_long(row))
                .all(|row| fits(row, sizes))
        })
        .unwrap_or(SMALLEST);

    for (index, row) in rows.iter().enumerate() {
        let top = px(f64::from(index as u32 * ROW_HEIGHT));
        let cut = too_long(row);
        let with_value = cut || fits(row, (label_size, value_size));
        let label = if cut {
            let value_room = text_width(&row.value_text, value_size) + px(8.0);
            cut_to_fit(&row.label, |text| {
                text_width(text, label_size) + value_room <= right - left
            })
        } else {
            row.label.clone()
        };
        area.draw(&Text::new(
            label,
            (left, top + px(4.0)),
            style_at(
                if with_value || text_width(&row.label, label_size) <= right - left {
                    label_size
                } else {
                    0.7
                },
            ),
        ))?;
        if with_value {
            area.draw(&Text::new(
                row.value_text.clone(),
                (right, top + px(4.0)),
                style_at(value_size).pos(Pos::new(HPos::Right, VPos::Top)),
            ))?;
        }
        let bar_top = top + px(26.0);
        let bar_bottom = bar_top + px(18.0);
        area.draw(&Rectangle::new(
            [(left, bar_top), (right, bar_bottom)],
            palette.track.filled(),
        ))?;
        // Where the bar ends, and its colour.
        let bar = row.score.map(|score| {
            let colour = palette.bands[row.band_rank.min(palette.bands.len() - 1)];
            (x_of(score).max(left + px(3.0)), colour)
        });
        if let Some((end, colour)) = bar {
            area.draw(&Rectangle::new(
                [(left, bar_top), (end, bar_bottom)],
                colour.filled(),
            ))?;
            draw_pattern(
                area,
                row.band_rank,
                (left, bar_top),
                (end, bar_bottom),
                px(8.0),
            )?;
        }
        // Band edges as short marks through each bar, clear of the texts
        // above. Where the bar covers a mark, the mark is black or white,
        // whichever shows on the bar's colour (grey vanished on the dark
        // theme's light bars), 2 px wide with the pattern's stripes cleared
        // beside it, so it cannot pass for one of them.
        for threshold in &axis.thresholds {
            let x = x_of(*threshold);
            let mark = vec![(x, bar_top - px(3.0)), (x, bar_bottom + px(3.0))];
            let width = px(1.0).max(1) as u32;
            area.draw(&PathElement::new(mark, palette.muted.stroke_width(width)))?;
            if let Some((end, colour)) = bar.filter(|&(end, _)| x < end) {
                let clear = px(4.0).max(4);
                area.draw(&Rectangle::new(
                    [(x - clear, bar_top), ((x + clear).min(end), bar_bottom)],
                    colour.filled(),
                ))?;
                let stroke = readable_on(colour).stroke_width(px(2.0).max(2) as u32);
                area.draw(&PathElement::new(
                    vec![(x, bar_top), (x, bar_bottom)],
                    stroke,
                ))?;
            }
        }
    }

    let tick_style = label_style
        .pos(Pos::new(HPos::Center, VPos::Top))
        .color(&palette.muted);
    let whole_steps = (axis.max - axis.min).round() as i32;
    for step in 0..=whole_steps {
        let value = axis.min + f64::from(step);
        let x = x_of(value).clamp(left + px(6.0), right - px(6.0));
        area.draw(&Text::new(
            format!("{value}"),
            (x, rows_bottom + px(6.0)),
            tick_style.clone(),
        ))?;
    }
    Ok(())
}

/// A pattern inside the bar for the two lowest bands (diagonal stripes for the
/// lowest, vertical for the next), a second cue beside colour.
fn draw_pattern<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    band_rank: usize,
    (left, top): (i32, i32),
    (right, bottom): (i32, i32),
    gap: i32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let slant = match band_rank {
        0 => bottom - top,
        1 => 0,
        _ => return Ok(()),
    };
    let stroke = WHITE.mix(0.4).stroke_width(2);
    let mut x = left + gap;
    while x < right {
        let (x_top, x_bottom) = (x, x - slant);
        let clamp = |value: i32| value.clamp(left, right);
        area.draw(&PathElement::new(
            vec![(clamp(x_top), top), (clamp(x_bottom), bottom)],
            stroke,
        ))?;
        x += gap;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn axis() -> ProfileAxis {
        ProfileAxis {
            min: 1.0,
            max: 5.0,
            thresholds: vec![3.0, 4.0, 4.5],
        }
    }

    fn svg(rows: &[ProfileRow], pixel_ratio: f64) -> String {
        let mut out = String::new();
        {
            let width = (400.0 * pixel_ratio) as u32;
            let height = (f64::from(height_for(rows.len())) * pixel_ratio) as u32;
            let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
            draw_profile(&root, rows, &axis(), &Palette::default(), pixel_ratio).unwrap();
            root.present().unwrap();
        }
        out
    }

    fn row(label: &str, score: Option<f64>, rank: usize) -> ProfileRow {
        let value_text = score.map_or("Ikke nok svar".into(), |s| format!("{s} · band"));
        ProfileRow {
            label: label.into(),
            score,
            value_text,
            band_rank: rank,
        }
    }

    /// The widths of the bars in band `rank`'s colour: each starts at the
    /// chart's left edge (4 px at 1×, 8 px at 2×), unlike a patch that
    /// clears the pattern beside a band mark.
    fn band_widths(svg: &str, rank: usize) -> Vec<f64> {
        let RGBColor(r, g, b) = Palette::default().bands[rank];
        let fill = format!("#{r:02X}{g:02X}{b:02X}");
        svg.lines()
            .filter(|line| line.contains("<rect") && line.contains(&fill))
            .filter(|line| line.contains(r#"x="4""#) || line.contains(r#"x="8""#))
            .filter_map(|line| {
                let start = line.find("width=\"")? + 7;
                line[start..].split('"').next()?.parse().ok()
            })
            .collect()
    }

    #[test]
    fn bars_are_as_long_as_their_scores_and_texts_are_written() {
        let out = svg(
            &[
                row("Autonomi", Some(5.0), 3),
                row("Rolleklarhet", Some(3.0), 1),
            ],
            1.0,
        );
        assert!(out.contains("Autonomi") && out.contains("Rolleklarhet"));
        assert!(out.contains("5 · band"));
        let full = band_widths(&out, 3);
        let half = band_widths(&out, 1);
        assert_eq!(full.len(), 1);
        assert_eq!(half.len(), 1);
        assert!(
            (full[0] / half[0] - 2.0).abs() < 0.05,
            "{full:?} vs {half:?}"
        );
    }

    /// The font size of each text drawn whose content is `content`.
    fn font_sizes(svg: &str, content: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter(|text| {
                text.split('>')
                    .nth(1)
                    .is_some_and(|c| c.trim_start().starts_with(content))
            })
            .filter_map(|text| {
                let start = text.find("font-size=\"")? + 11;
                Some(text[start..].split('"').next()?.to_string())
            })
            .collect()
    }

    #[test]
    fn a_name_too_long_for_the_line_is_cut_and_keeps_its_value_without_shrinking_the_others() {
        let long = "Støtte og tilbakemelding fra nærmeste leder i hverdagen, også når arbeidsmengden er stor og fristene korte i hele virksomheten";
        let mut cut = row(long, Some(3.2), 1);
        cut.value_text = "3,2 · Kan bli bedre".into();
        let out = svg(&[row("Autonomi", Some(4.0), 2), cut], 1.0);
        assert!(
            !out.contains(long)
                && out.contains("Støtte og tilbakemelding")
                && out.contains('\u{2026}')
        );
        assert!(out.contains("3,2 · Kan bli bedre"), "its value is drawn");
        let alone = svg(&[row("Autonomi", Some(4.0), 2)], 1.0);
        assert_eq!(font_sizes(&out, "Autonomi"), font_sizes(&alone, "Autonomi"));
    }

    #[test]
    fn where_one_row_must_shrink_every_row_shrinks_alike() {
        let mut long = row("Relevant kompetanseutvikling", Some(3.2), 1);
        long.value_text = "3,2 · Kan bli bedre · n = 12".into();
        let out = svg(&[row("Autonomi", Some(4.0), 2), long], 1.0);
        let labels = [
            font_sizes(&out, "Autonomi"),
            font_sizes(&out, "Relevant kompetanseutvikling"),
        ];
        let values = [
            font_sizes(&out, "4 · band"),
            font_sizes(&out, "3,2 · Kan bli bedre · n = 12"),
        ];
        assert!(labels.iter().chain(&values).all(|sizes| sizes.len() == 1));
        assert_eq!(labels[0], labels[1], "names in one size");
        assert_eq!(values[0], values[1], "values in one size");
        assert_ne!(
            values[0],
            vec!["15".to_string()],
            "the values shrank to fit"
        );
    }

    #[test]
    fn a_factor_without_enough_answers_gets_no_bar() {
        let out = svg(&[row("Autonomi", None, 0)], 1.0);
        assert!(out.contains("Ikke nok svar"));
        assert!(band_widths(&out, 0).is_empty());
    }

    #[test]
    fn hidpi_doubles_geometry_and_text() {
        let normal = svg(&[row("Autonomi", Some(4.0), 2)], 1.0);
        let sharp = svg(&[row("Autonomi", Some(4.0), 2)], 2.0);
        let width = |svg: &str| band_widths(svg, 2)[0];
        assert!((width(&sharp) / width(&normal) - 2.0).abs() < 0.05);
        let font_size = |svg: &str| -> f64 { font_sizes(svg, "Autonomi")[0].parse().unwrap() };
        assert!(
            (font_size(&sharp) / font_size(&normal) - 2.0).abs() < 0.01,
            "text scales with the pixel ratio"
        );
    }

    #[test]
    fn band_marks_the_bar_covers_stand_out_from_its_colour() {
        // 4.2 covers the marks at 3 and 4, not the one at 4.5.
        let out = svg(&[row("Autonomi", Some(4.2), 2)], 1.0);
        let marks_over_bar = out
            .lines()
            .filter(|line| {
                line.contains("<polyline") && line.contains(r##"opacity="1" stroke="#FFFFFF""##)
            })
            .count();
        assert_eq!(marks_over_bar, 2, "{out}");

        // Just past a mark, the patch beside it stops where the bar does.
        let out = svg(&[row("Autonomi", Some(3.02), 1)], 1.0);
        let RGBColor(r, g, b) = Palette::default().bands[1];
        let fill = format!("#{r:02X}{g:02X}{b:02X}");
        let attribute = |line: &str, name: &str| -> f64 {
            let start = line.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            line[start..].split('"').next().unwrap().parse().unwrap()
        };
        let ends: Vec<f64> = out
            .lines()
            .filter(|line| line.contains("<rect") && line.contains(&fill))
            .map(|line| attribute(line, "x") + attribute(line, "width"))
            .collect();
        assert_eq!(ends.len(), 2, "the bar and one patch: {out}");
        assert!(ends[1] <= ends[0], "{ends:?}");
    }
}
