//! Generates the UI-string module from `locales/<lang>.json` with leptos_i18n,
//! which checks every key and interpolation at compile time, and writes the
//! data files the app embeds without their layout.

use std::error::Error;
use std::path::{Path, PathBuf};

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

#[path = "src/core/json_layout.rs"]
mod json_layout;

/// The data files embedded in the app (`include_str!(concat!(env!("OUT_DIR"), "/<path>"))`).
/// The built-in instruments are not among them: the app has them as constants.
const EMBEDDED: [&str; 1] = ["measures/catalogue.json"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR unset")?);
    // Indentation is a third of the files' bytes: the app need not parse or ship it.
    for path in EMBEDDED {
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(path)?;
        let target = out_dir.join(path);
        std::fs::create_dir_all(target.parent().unwrap_or(Path::new(".")))?;
        std::fs::write(
            target,
            json_layout::without_layout(&text).collect::<Vec<u8>>(),
        )?;
    }
    let out = out_dir.join("i18n");
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
