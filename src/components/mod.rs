//! Reusable pieces of the UI.

pub mod delete_data;
pub mod likert;
pub mod profile_chart;
pub mod settings;
