//! The canvas that shows a factor profile; it redraws on resize, theme
//! change and printing.

use leptos::html;
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use super::chart_canvas::{paint, redraw_for_print, resize_ticks, Medium};
use crate::app::{effective_theme, use_app};
use crate::charts::profile::{draw_profile, height_for, ProfileAxis, ProfileRow};

/// CSS pixels the profile is drawn across for paper. The print stylesheet
/// fits it to half an A4 page (about 340 CSS pixels), so its 15 px text
/// prints at about 8.5 pt, as large as the table beside it.
pub const PAPER_WIDTH: u16 = 440;

#[component]
pub fn ProfileChart(
    rows: Signal<Vec<ProfileRow>>,
    axis: ProfileAxis,
    summary: Signal<String>,
) -> impl IntoView {
    let state = use_app();
    let canvas = NodeRef::<html::Canvas>::new();
    let resized = resize_ticks();
    let print_axis = axis.clone();

    Effect::new(move |_| {
        let rows = rows.get();
        resized.track();
        effective_theme(state);
        let axis = axis.clone();
        if let Some(canvas) = canvas.get() {
            // Wait a frame, so the theme's colours and the layout's width are in place.
            request_animation_frame(move || draw_on_canvas(&canvas, &rows, &axis, Medium::Screen));
        }
    });
    redraw_for_print(PAPER_WIDTH, move |medium| {
        if let Some(canvas) = canvas.get_untracked() {
            rows.with_untracked(|rows| draw_on_canvas(&canvas, rows, &print_axis, medium));
        }
    });

    // style:height sets the CSSOM property, which a strict CSP allows (a style attribute it would not).
    let height = move || format!("{}px", height_for(rows.with(Vec::len)));
    view! { <canvas class="profile-chart" node_ref=canvas role="img" aria-label=summary style:height=height></canvas> }
}

/// Draws `rows` on `canvas` for `medium`.
pub fn draw_on_canvas(
    canvas: &HtmlCanvasElement,
    rows: &[ProfileRow],
    axis: &ProfileAxis,
    medium: Medium,
) {
    paint(
        canvas,
        medium,
        f64::from(height_for(rows.len())),
        |area, palette, ratio| {
            let _ = draw_profile(area, rows, axis, palette, ratio);
        },
    );
}
