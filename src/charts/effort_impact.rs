//! The effort–impact chart: each measure as a numbered dot by cost (across)
//! and expected effect (up), with the quick-win corner (low cost, medium or
//! high effect) marked in words, not only in colour.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Palette;

/// One measure: its number in the plan, and cost and effect as 0 (low) to 2 (high).
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedMeasure {
    pub number: usize,
    pub cost: usize,
    pub effect: usize,
}

/// The translated texts the chart writes.
#[derive(Clone, Debug, PartialEq)]
pub struct EffortImpactLabels {
    pub cost_axis: String,
    pub effect_axis: String,
    /// Low, medium, high.
    pub levels: [String; 3],
    pub quick_wins: String,
}

/// CSS pixel size of the square chart.
pub const SIZE: u32 = 360;

/// Where a cell's dots may go, in device pixels.
#[derive(Clone, Copy, Debug)]
struct Cell {
    x: i32,
    y: i32,
    width: i32,
    height: i32,
}

/// The radius and the centres of `count` dots in `cell`: a grid of square
/// slots, with the number of columns that gives the largest slots, centred in
/// the cell, each dot as large as `max_radius` or as fits its slot with `gap`
/// to the next (room for the outlines).
fn dot_grid(count: usize, cell: Cell, max_radius: i32, gap: i32) -> (i32, Vec<(i32, i32)>) {
    let slot_for = |columns: usize| {
        let rows = count.div_ceil(columns);
        (cell.width / columns as i32).min(cell.height / rows as i32)
    };
    let Some(columns) =
        (1..=count).max_by_key(|&columns| (slot_for(columns), usize::MAX - columns))
    else {
        return (max_radius, Vec::new());
    };
    let slot = slot_for(columns).max(2);
    let rows = count.div_ceil(columns) as i32;
    let radius = max_radius.min((slot - gap) / 2).max(1);
    let used_columns = columns.min(count) as i32;
    let x0 = cell.x + (cell.width - used_columns * slot) / 2 + slot / 2;
    let y0 = cell.y + (cell.height - rows * slot) / 2 + slot / 2;
    let centres = (0..count as i32)
        .map(|i| {
            (
                x0 + (i % columns as i32) * slot,
                y0 + (i / columns as i32) * slot,
            )
        })
        .collect();
    (radius, centres)
}

pub fn draw_effort_impact<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    measures: &[PlacedMeasure],
    labels: &EffortImpactLabels,
    palette: &Palette,
    pixel_ratio: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |css: f64| (css * pixel_ratio).round() as i32;
    let (width, height) = area.dim_in_pixel();
    let (left, top) = (px(70.0), px(30.0));
    let (right, bottom) = (width as i32 - px(10.0), height as i32 - px(52.0));
    let cell_w = (right - left) / 3;
    let cell_h = (bottom - top) / 3;
    // The size of the other charts' text; the dots' numbers stay smaller, to fit them.
    let text = TextStyle::from(("sans-serif", 15.0 * pixel_ratio).into_font()).color(&palette.text);
    let line_height = px(19.0);

    // Quick wins: low cost (column 0), medium or high effect (the top two rows).
    let quick = [(left, top), (left + cell_w, top + 2 * cell_h)];
    area.draw(&Rectangle::new(quick, palette.bands[2].mix(0.18).filled()))?;
    area.draw(&Rectangle::new(
        quick,
        palette.bands[2].stroke_width(px(2.0) as u32),
    ))?;
    // One line if it fits the corner's width, else a word per line.
    let fits = area
        .estimate_text_size(&labels.quick_wins, &text)
        .is_ok_and(|(width, _)| (width as i32) < cell_w - px(12.0));
    let lines: Vec<&str> = if fits {
        vec![&labels.quick_wins]
    } else {
        labels.quick_wins.split_whitespace().collect()
    };
    let label_height = px(8.0) + lines.len() as i32 * line_height;
    for (line, words) in lines.into_iter().enumerate() {
        area.draw(&Text::new(
            words.to_string(),
            (left + px(6.0), top + px(6.0) + line as i32 * line_height),
            text.clone(),
        ))?;
    }

    for line in 0..=3 {
        let x = left + line * cell_w;
        let y = top + line * cell_h;
        area.draw(&PathElement::new(
            vec![(x, top), (x, top + 3 * cell_h)],
            palette.muted.stroke_width(1),
        ))?;
        area.draw(&PathElement::new(
            vec![(left, y), (left + 3 * cell_w, y)],
            palette.muted.stroke_width(1),
        ))?;
    }
    let centred = text.clone().pos(Pos::new(HPos::Center, VPos::Top));
    let right_aligned = text.clone().pos(Pos::new(HPos::Right, VPos::Center));
    for (level, name) in labels.levels.iter().enumerate() {
        let x = left + level as i32 * cell_w + cell_w / 2;
        area.draw(&Text::new(
            name.clone(),
            (x, bottom + px(6.0)),
            centred.clone(),
        ))?;
        let y = top + (2 - level as i32) * cell_h + cell_h / 2;
        area.draw(&Text::new(
            name.clone(),
            (left - px(6.0), y),
            right_aligned.clone(),
        ))?;
    }
    area.draw(&Text::new(
        labels.cost_axis.clone(),
        ((left + right) / 2, bottom + px(28.0)),
        centred,
    ))?;
    // The effect axis's title heads its column of levels, read without turning the head.
    area.draw(&Text::new(
        labels.effect_axis.clone(),
        (px(4.0), px(6.0)),
        text.clone(),
    ))?;

    // Each cell's dots in a grid of their own, shrunk to fit when many, so
    // none hides another and none strays into the next cell (up to some
    // hundreds of dots in one cell). The quick-win
    // label keeps its corner of the top cell.
    let max_radius = px(11.0);
    let mut in_cell = [
        [Vec::new(), Vec::new(), Vec::new()],
        [Vec::new(), Vec::new(), Vec::new()],
        [Vec::new(), Vec::new(), Vec::new()],
    ];
    for measure in measures {
        in_cell[measure.cost.min(2)][measure.effect.min(2)].push(measure.number);
    }
    for (cost, column) in in_cell.iter().enumerate() {
        for (effect, numbers) in column.iter().enumerate() {
            let label = if (cost, effect) == (0, 2) {
                label_height
            } else {
                0
            };
            let cell = Cell {
                x: left + cost as i32 * cell_w + px(3.0),
                y: top + (2 - effect as i32) * cell_h + px(3.0) + label,
                width: cell_w - px(6.0),
                height: cell_h - px(6.0) - label,
            };
            let (radius, centres) = dot_grid(numbers.len(), cell, max_radius, px(3.0));
            let number_style = TextStyle::from(
                (
                    "sans-serif",
                    13.0 * pixel_ratio * f64::from(radius) / f64::from(max_radius),
                )
                    .into_font(),
            )
            .color(&palette.text)
            .pos(Pos::new(HPos::Center, VPos::Center));
            for (number, centre) in numbers.iter().zip(centres) {
                area.draw(&Circle::new(centre, radius, palette.track.filled()))?;
                area.draw(&Circle::new(
                    centre,
                    radius,
                    palette
                        .text
                        .stroke_width(px(2.0).min(radius / 4).max(1) as u32),
                ))?;
                area.draw(&Text::new(number.to_string(), centre, number_style.clone()))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_stay_in_their_cell_and_never_overlap() {
        let cell = Cell {
            x: 70,
            y: 30,
            width: 87,
            height: 50,
        };
        for count in 1..=300 {
            let (radius, centres) = dot_grid(count, cell, 11, 3);
            // Room for the outlines too, up to a hundred dots in a cell.
            let apart = 2 * radius + if count <= 100 { 3 } else { 0 };
            assert_eq!(centres.len(), count);
            assert!((1..=11).contains(&radius));
            for &(x, y) in &centres {
                assert!(
                    x - radius >= cell.x && x + radius <= cell.x + cell.width,
                    "{count} dots: x {x} r {radius}"
                );
                assert!(
                    y - radius >= cell.y && y + radius <= cell.y + cell.height,
                    "{count} dots: y {y} r {radius}"
                );
            }
            for (i, a) in centres.iter().enumerate() {
                for b in &centres[i + 1..] {
                    let (dx, dy) = (a.0 - b.0, a.1 - b.1);
                    assert!(dx * dx + dy * dy >= apart * apart, "{count} dots overlap");
                }
            }
        }
        assert_eq!(
            dot_grid(3, cell, 11, 3).0,
            11,
            "a few dots keep their full size"
        );
    }

    fn labels() -> EffortImpactLabels {
        EffortImpactLabels {
            cost_axis: "Kostnad".into(),
            effect_axis: "Effekt".into(),
            levels: ["Lav".into(), "Middels".into(), "Høy".into()],
            quick_wins: "Raske gevinster".into(),
        }
    }

    #[test]
    fn every_measure_is_drawn_with_its_number_and_quick_wins_are_named() {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (SIZE, SIZE)).into_drawing_area();
            let measures: Vec<_> = (1..=5)
                .map(|number| PlacedMeasure {
                    number,
                    cost: number % 3,
                    effect: 2,
                })
                .collect();
            draw_effort_impact(&root, &measures, &labels(), &Palette::default(), 1.0).unwrap();
            root.present().unwrap();
        }
        // Too wide for the corner at this size: a word per line.
        for word in ["Raske", "gevinster"] {
            assert!(
                svg.lines().any(|line| line.trim() == word),
                "{word} on a line"
            );
        }
        assert!(!svg.contains("Raske gevinster"));
        assert_eq!(
            svg.matches("<circle").count(),
            10,
            "a filled and an outlined circle per measure"
        );
        for number in 1..=5 {
            let numbered = svg.lines().any(|line| line.trim() == number.to_string());
            assert!(numbered, "measure {number} is numbered");
        }
    }
}
