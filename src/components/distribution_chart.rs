//! The canvas that shows a group's answer distribution; it redraws on resize,
//! theme change and printing. `scale` enlarges it for the projector.

use leptos::html;
use leptos::prelude::*;

use super::chart_canvas::{paint, redraw_for_print, resize_ticks, set_style, Medium};
use crate::app::{effective_theme, use_app};
use crate::charts::distribution::{
    draw_distribution, draw_legend, option_tone_towards, DistributionRow, Layout, Legend,
};

/// CSS pixels the group's chart is drawn across for paper: the width of an
/// A4 page inside its margins, so its 15 px text prints at about 11 pt.
const PAPER_WIDTH: u16 = 700;

/// `fill`: the chart takes the height the page leaves it (a slide), at
/// `scale` at most and 1 at least, so a whole profile fits on a projector
/// of any resolution.
#[component]
pub fn DistributionChart(
    rows: Vec<DistributionRow>,
    summary: String,
    #[prop(default = 1.0)] scale: f64,
    #[prop(optional)] beside: bool,
    #[prop(optional)] fill: bool,
) -> impl IntoView {
    let state = use_app();
    let canvas = NodeRef::<html::Canvas>::new();
    let room = NodeRef::<html::Div>::new();
    let resized = resize_ticks();
    let layout = Layout { scale, beside };
    let height = layout.height_for(rows.len());
    let print_rows = rows.clone();

    Effect::new(move |_| {
        resized.track();
        effective_theme(state);
        let rows = rows.clone();
        let room = room.get();
        if let Some(canvas) = canvas.get() {
            request_animation_frame(move || {
                let layout = layout.for_width(f64::from(canvas.client_width()));
                let layout = match &room {
                    Some(room) => {
                        // The room's own height, before the chart last drawn in it
                        // counts; rounded down, as clientHeight's rounding up would
                        // push the slide's buttons a fraction of a pixel off screen.
                        set_style(room, "min-height", "0");
                        layout.fitted(rows.len(), room.get_bounding_client_rect().height().floor())
                    }
                    None => layout,
                };
                let height = layout.height_for(rows.len());
                // Where even the smallest scale does not fit, the room grows and the slide scrolls.
                if let Some(room) = &room {
                    set_style(room, "min-height", &format!("{height}px"));
                }
                let height = f64::from(height);
                paint(&canvas, Medium::Screen, height, |area, palette, ratio| {
                    let _ = draw_distribution(area, &rows, palette, layout, ratio);
                });
            });
        }
    });
    redraw_for_print(PAPER_WIDTH, move |medium| match medium {
        // Back on screen, drawn as on a resize (fitted to its room on a slide).
        Medium::Screen => resized.update(|ticks| *ticks += 1),
        Medium::Paper { width } => {
            if let Some(canvas) = canvas.get_untracked() {
                let layout = layout.for_width(f64::from(width));
                let height = f64::from(layout.height_for(print_rows.len()));
                paint(&canvas, medium, height, |area, palette, ratio| {
                    let _ = draw_distribution(area, &print_rows, palette, layout, ratio);
                });
            }
        }
    });

    let chart = view! {
        <canvas class="distribution-chart" node_ref=canvas role="img" aria-label=summary style:height=format!("{height}px")></canvas>
    };
    if fill {
        view! { <div class="chart-room" node_ref=room>{chart}</div> }.into_any()
    } else {
        chart.into_any()
    }
}

/// The group profile as a 1920×1080 picture for slides and reports: a title
/// and every factor's bar, on white, sized to fill the frame.
pub fn group_png(
    title: &str,
    subtitle: &str,
    rows: &[DistributionRow],
    legends: &[Legend],
) -> Option<web_sys::HtmlCanvasElement> {
    use crate::components::chart_canvas::MeasuringCanvas;
    use plotters::prelude::*;
    use wasm_bindgen::JsCast;

    const WIDTH: u32 = 1920;
    const HEIGHT: u32 = 1080;
    const TITLE_HEIGHT: u32 = 150;
    let canvas: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(WIDTH);
    canvas.set_height(HEIGHT);
    let root = MeasuringCanvas::new(&canvas)?.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let palette = crate::charts::Palette::default();
    let (top, body) = root.split_vertically(TITLE_HEIGHT);
    let style = |size: f64| TextStyle::from(("sans-serif", size).into_font()).color(&palette.text);
    // A long name (up to 80 characters) shrinks to fit the width.
    let title_style = [52.0, 44.0, 36.0]
        .map(style)
        .into_iter()
        .find(|style| {
            top.estimate_text_size(title, style)
                .is_ok_and(|(width, _)| width + 96 <= WIDTH)
        })
        .unwrap_or_else(|| style(36.0));
    top.draw(&Text::new(title.to_string(), (48, 30), title_style))
        .ok()?;
    top.draw(&Text::new(subtitle.to_string(), (48, 96), style(34.0)))
        .ok()?;
    const LEGEND_LINE: u32 = 50;
    let footer_height = 40 + LEGEND_LINE * legends.len() as u32;
    let (body, footer) = body.split_vertically(HEIGHT - TITLE_HEIGHT - footer_height);
    let mut lines = footer.margin(20, 0, 48, 48);
    for legend in legends {
        let (line, rest) = lines.split_vertically(LEGEND_LINE);
        draw_legend(&line, legend, &palette, 30.0).ok()?;
        lines = rest;
    }
    let body = body.margin(0, 10, 48, 48);
    let (_, body_height) = body.dim_in_pixel();
    let layout = Layout {
        scale: 2.2,
        beside: true,
    }
    .fitted(rows.len(), f64::from(body_height));
    draw_distribution(&body, rows, &palette, layout, 1.0).ok()?;
    root.present().ok()?;
    Some(canvas)
}

/// What each colour in the bars means: the scale's options, lowest first,
/// in the order they run from left to right, after the factors they are for
/// when the chart mixes scales.
#[component]
pub fn ScaleLegend(legend: Legend) -> impl IntoView {
    let Legend {
        caption,
        labels,
        low_is_favourable,
    } = legend;
    let count = labels.len();
    let bands = crate::charts::Palette::default().bands.len();
    let items = labels
        .into_iter()
        .enumerate()
        .map(|(index, label)| {
            let tone = option_tone_towards(index, count, bands, low_is_favourable);
            let class = tone.map_or("swatch tone-middle".to_string(), |tone| {
                format!("swatch tone-{}", tone.band)
            });
            // A mix of two bands, as the chart draws it (set through the
            // style object, which a strict CSP allows).
            let mix = tone
                .filter(|tone| tone.percent > 0)
                .map(|tone| {
                    format!(
                        "color-mix(in srgb, var(--chart-band-{}), var(--chart-band-{}) {}%)",
                        tone.band, tone.towards, tone.percent
                    )
                })
                .unwrap_or_default();
            view! { <li><span class=class style:background=mix aria-hidden="true"></span>{label}</li> }
        })
        .collect_view();
    view! {
        <ul class="scale-legend">
            {caption.map(|caption| view! { <li class="legend-caption">{caption}</li> })}
            {items}
        </ul>
    }
}

/// Every scale's legend, one line each.
#[component]
pub fn ScaleLegends(legends: Vec<Legend>) -> impl IntoView {
    let legends = legends
        .into_iter()
        .map(|legend| view! { <ScaleLegend legend /> })
        .collect_view();
    // Short legends share a line, so a slide keeps its room for the chart.
    view! { <div class="scale-legends">{legends}</div> }
}
