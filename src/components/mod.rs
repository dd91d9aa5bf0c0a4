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

use leptos::html;
use leptos::prelude::*;

/// Moves focus to a screen's heading when the screen opens, so keyboard and
/// screen-reader users start at the top of what changed. It leaves focus
/// alone when the screen re-rendered because the user changed a setting
/// (language), so the setting keeps focus.
pub fn focus_on_arrival(heading: NodeRef<html::H1>) {
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
