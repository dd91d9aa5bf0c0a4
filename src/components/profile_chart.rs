//! The canvas that shows a factor profile. It sizes the backing store by
//! devicePixelRatio (sharp on HiDPI screens), reads its colours from the
//! theme's CSS custom properties, and redraws on resize and theme change.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use crate::app::{effective_theme, use_app};
use crate::charts::profile::{draw_profile, height_for, ProfileAxis, ProfileRow};
use crate::charts::{parse_hex_color, Palette};

#[component]
pub fn ProfileChart(
    rows: Signal<Vec<ProfileRow>>,
    axis: ProfileAxis,
    summary: Signal<String>,
) -> impl IntoView {
    let state = use_app();
    let canvas = NodeRef::<html::Canvas>::new();
    let resized = RwSignal::new(0u32);
    let listener = window_event_listener(ev::resize, move |_| resized.update(|count| *count += 1));
    on_cleanup(move || listener.remove());

    Effect::new(move |_| {
        let rows = rows.get();
        resized.track();
        effective_theme(state);
        let axis = axis.clone();
        if let Some(canvas) = canvas.get() {
            // Wait a frame, so the theme's colours and the layout's width are in place.
            request_animation_frame(move || draw_on_canvas(&canvas, &rows, &axis));
        }
    });

    // style:height sets the CSSOM property, which a strict CSP allows (a style attribute it would not).
    let height = move || format!("{}px", height_for(rows.with(Vec::len)));
    view! { <canvas class="profile-chart" node_ref=canvas role="img" aria-label=summary style:height=height></canvas> }
}

/// Draws `rows` on `canvas` at its current CSS width, in device pixels.
pub fn draw_on_canvas(canvas: &HtmlCanvasElement, rows: &[ProfileRow], axis: &ProfileAxis) {
    let pixel_ratio = window().device_pixel_ratio().max(1.0);
    let css_width = canvas.client_width().max(240) as f64;
    let css_height = f64::from(height_for(rows.len()));
    canvas.set_width((css_width * pixel_ratio).round() as u32);
    canvas.set_height((css_height * pixel_ratio).round() as u32);
    let palette = read_palette(canvas);
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let root = backend.into_drawing_area();
    // A failed draw leaves an empty canvas; the table beside it still holds every number.
    let _ = draw_profile(&root, rows, axis, &palette, pixel_ratio);
    let _ = root.present();
}

pub fn read_palette(canvas: &HtmlCanvasElement) -> Palette {
    let fallback = Palette::default();
    let Ok(Some(style)) = window().get_computed_style(canvas) else {
        return fallback;
    };
    let colour = |name: &str, default: RGBColor| {
        style
            .get_property_value(name)
            .ok()
            .and_then(|value| parse_hex_color(&value))
            .unwrap_or(default)
    };
    Palette {
        text: colour("--chart-text", fallback.text),
        muted: colour("--chart-muted", fallback.muted),
        track: colour("--chart-track", fallback.track),
        bands: fallback
            .bands
            .iter()
            .enumerate()
            .map(|(rank, default)| colour(&format!("--chart-band-{rank}"), *default))
            .collect(),
    }
}
