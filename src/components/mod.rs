//! Reusable pieces of the UI.

pub mod camera_scan;
pub mod chart_canvas;
pub mod confirm_button;
pub mod delete_data;
pub mod distribution_chart;
pub mod instrument_files;
pub mod likert;
pub mod profile_chart;
pub mod qr_canvas;
pub mod settings;

use std::cell::Cell;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves focus to a screen's heading when the screen opens, so keyboard and
/// screen-reader users start at the top of what changed. It leaves focus
/// alone when the screen re-rendered because the user changed a setting
/// (language), so the setting keeps focus, and on the screen the app opens
/// on, since focusing would scroll a page that embeds the app to it.
pub fn focus_on_arrival(heading: NodeRef<html::H1>) {
    thread_local! {
        static OPENED: Cell<bool> = const { Cell::new(false) };
    }
    if !OPENED.replace(true) {
        return;
    }
    Effect::new(move |_| {
        let in_settings = document()
            .active_element()
            .and_then(|active| active.closest(".settings").ok().flatten())
            .is_some();
        if let (Some(heading), false) = (heading.get(), in_settings) {
            let _ = heading.focus();
        }
    });
}

/// Focuses the element with `id`, once what is now being rendered is in the page.
pub fn focus_after_render(id: String) {
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(&id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// After a removal, the button that had focus may be gone with its row;
/// then focus goes to the element `fallback_id` (a heading with tabindex
/// -1), not back to the top of the page. Waits a frame for the list to update.
pub fn refocus_if_lost(fallback_id: &str) {
    let fallback_id = fallback_id.to_owned();
    request_animation_frame(move || {
        let document = document();
        let lost = document
            .active_element()
            .is_none_or(|active| document.body().is_some_and(|body| *active == **body));
        if let Some(target) = lost
            .then(|| document.get_element_by_id(&fallback_id))
            .flatten()
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = target.focus();
        }
    });
}
