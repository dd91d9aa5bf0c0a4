//! Arbeidsmiljøprofilen: a workplace-environment self-assessment that runs
//! entirely in the browser. See ARCHITECTURE.md for the code map.

pub mod app;
pub mod charts;
pub mod clock;
pub mod components;
pub mod core;
pub mod download;
pub mod i18n;
pub mod loaded;
pub mod pages;
pub mod panic_screen;
pub mod storage;
