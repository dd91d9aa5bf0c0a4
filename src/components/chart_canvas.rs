//! What every chart canvas shares: a backing store sized by
//! devicePixelRatio (sharp on HiDPI screens), colours read from the theme's
//! CSS custom properties, and a signal that ticks when the window resizes.

use leptos::ev;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use crate::charts::{parse_hex_color, Palette};

/// A counter that changes on every window resize, for effects to track.
pub fn resize_ticks() -> RwSignal<u32> {
    let ticks = RwSignal::new(0u32);
    let listener = window_event_listener(ev::resize, move |_| ticks.update(|count| *count += 1));
    on_cleanup(move || listener.remove());
    ticks
}

/// Sizes `canvas` to its CSS width and `css_height` in device pixels, and
/// hands a drawing area, the theme's palette and the pixel ratio to `draw`.
pub fn paint(
    canvas: &HtmlCanvasElement,
    css_height: f64,
    draw: impl FnOnce(&DrawingArea<CanvasBackend, Shift>, &Palette, f64),
) {
    let pixel_ratio = window().device_pixel_ratio().max(1.0);
    let css_width = f64::from(canvas.client_width().max(240));
    canvas.set_width((css_width * pixel_ratio).round() as u32);
    canvas.set_height((css_height * pixel_ratio).round() as u32);
    let palette = read_palette(canvas);
    if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
        let root = backend.into_drawing_area();
        draw(&root, &palette, pixel_ratio);
        // A failed draw leaves an empty canvas; the table beside it still holds every number.
        let _ = root.present();
    }
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
