//! Generates the UI-string module from `locales/<lang>.json` with leptos_i18n,
//! which checks every key and interpolation at compile time.

use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR unset")?).join("i18n");
    // The first locale is the default. Adding a language: a file in locales/ and a line here.
    let config = Config::new("nb")?
        .add_locale("nn")?
        .add_locale("en")?
        // Interpolated values are plain text (numbers, names), formatted with Display.
        .parse_options(ParseOptions::default().interpolate_display(true));
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out)?;
    Ok(())
}
