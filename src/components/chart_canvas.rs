//! What every chart canvas shares: a backing store sized by
//! devicePixelRatio (sharp on HiDPI screens), colours read from the theme's
//! CSS custom properties, a signal that ticks when the window resizes, and
//! a redraw for paper when the browser prints.

use leptos::ev;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::charts::{parse_hex_color, Palette};

/// plotters' canvas backend, measuring text with the canvas itself.
/// plotters would measure it in an element added to <body> with a style
/// attribute: a strict CSP refuses that attribute (each measure is then a
/// reported violation, and comes out in the page's font size), and each
/// measure lays out the whole page.
pub struct MeasuringCanvas {
    canvas: CanvasBackend,
    context: CanvasRenderingContext2d,
}

impl MeasuringCanvas {
    pub fn new(canvas: &HtmlCanvasElement) -> Option<MeasuringCanvas> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(MeasuringCanvas {
            canvas: CanvasBackend::with_canvas_object(canvas.clone())?,
            context,
        })
    }
}

type CanvasResult<T> = Result<T, DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

impl DrawingBackend for MeasuringCanvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.canvas.get_size()
    }

    fn ensure_prepared(&mut self) -> CanvasResult<()> {
        self.canvas.ensure_prepared()
    }

    fn present(&mut self) -> CanvasResult<()> {
        self.canvas.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> CanvasResult<()> {
        self.canvas.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> CanvasResult<()> {
        self.canvas.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> CanvasResult<()> {
        self.canvas.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> CanvasResult<()> {
        self.canvas.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> CanvasResult<()> {
        self.canvas.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> CanvasResult<()> {
        self.canvas.fill_polygon(vertices, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> CanvasResult<()> {
        self.canvas.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> CanvasResult<(u32, u32)> {
        // The font as plotters' canvas backend sets it to draw.
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        ));
        let width = self
            .context
            .measure_text(text)
            .map_or(0.0, |metrics| metrics.width());
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}

/// A counter that changes on every window resize, for effects to track.
pub fn resize_ticks() -> RwSignal<u32> {
    let ticks = RwSignal::new(0u32);
    let listener = window_event_listener(ev::resize, move |_| ticks.update(|count| *count += 1));
    on_cleanup(move || listener.remove());
    ticks
}

/// What a chart is drawn for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Medium {
    /// The screen: the canvas's CSS width, the device's pixel ratio, the
    /// theme's colours and zoom.
    Screen,
    /// Paper: `width` CSS pixels across and a fine pixel ratio whatever the
    /// screen, in the light theme's colours, so a chart prints alike from a
    /// phone and from a projector. The width is about what the print
    /// stylesheet gives the chart, so its text prints as large as the page's.
    Paper { width: u16 },
}

/// Canvas pixels per CSS pixel on paper: about 440 dpi in half an A4 page.
const PAPER_PIXEL_RATIO: f64 = 3.0;

/// Calls `draw` for paper `paper_width` CSS pixels wide just before the
/// browser prints, and for the screen after. It draws at once: the print
/// layout does not wait for an animation frame or a resize.
pub fn redraw_for_print(paper_width: u16, draw: impl Fn(Medium) + Clone + 'static) {
    let listeners = ["beforeprint", "afterprint"].map(|name| {
        let draw = draw.clone();
        window_event_listener_untyped(name, move |event| {
            draw(if event.type_() == "beforeprint" {
                Medium::Paper { width: paper_width }
            } else {
                Medium::Screen
            })
        })
    });
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));
}

/// Sets one CSS property through the CSSOM, which a strict CSP allows (a
/// style attribute it would not).
pub fn set_style(element: &web_sys::HtmlElement, name: &str, value: &str) {
    let _ = element.style().set_property(name, value);
}

/// How much larger the theme wants chart text and marks
/// (`--chart-zoom-percent`: the projector theme's charts are read from the
/// back of a room). A whole percentage, since a float parser costs 15 KB.
pub fn chart_zoom(canvas: &HtmlCanvasElement) -> f64 {
    window()
        .get_computed_style(canvas)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("--chart-zoom-percent").ok())
        .and_then(|value| value.trim().parse::<u16>().ok())
        .map_or(1.0, |percent| f64::from(percent.clamp(100, 300)) / 100.0)
}

/// Sizes `canvas` for `medium`: on screen its CSS width and `css_height`
/// (times the theme's zoom) in device pixels. Hands a drawing area, the
/// palette and the ratio of canvas pixels to chart pixels to `draw`.
pub fn paint(
    canvas: &HtmlCanvasElement,
    medium: Medium,
    css_height: f64,
    draw: impl FnOnce(&DrawingArea<MeasuringCanvas, Shift>, &Palette, f64),
) {
    let (css_width, pixel_ratio, zoom, palette) = match medium {
        Medium::Screen => (
            f64::from(canvas.client_width().max(240)),
            window().device_pixel_ratio().max(1.0),
            chart_zoom(canvas),
            read_palette(canvas),
        ),
        Medium::Paper { width } => (f64::from(width), PAPER_PIXEL_RATIO, 1.0, Palette::default()),
    };
    // The print stylesheet turns a chart drawn in a dark theme's colours to
    // dark on white; one drawn for paper is already.
    let _ = match medium {
        Medium::Screen => canvas.remove_attribute("data-for-paper"),
        Medium::Paper { .. } => canvas.set_attribute("data-for-paper", ""),
    };
    let css_height = css_height * zoom;
    set_style(canvas, "height", &format!("{}px", css_height.round()));
    canvas.set_width((css_width * pixel_ratio).round() as u32);
    canvas.set_height((css_height * pixel_ratio).round() as u32);
    let pixel_ratio = pixel_ratio * zoom;
    if let Some(backend) = MeasuringCanvas::new(canvas) {
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
