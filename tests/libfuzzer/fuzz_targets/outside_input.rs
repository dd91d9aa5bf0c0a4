//! Every input from outside, for libFuzzer: `read_fuzz_input` in
//! tests/support/outside_input.rs reads it (its first byte says as what) and
//! uses it as the app does. A panic is a crash. `scripts/fuzz` runs it.
#![no_main]

use std::sync::LazyLock;

use arbeidsmiljo::core::instrument::{built_in, Instrument};
use libfuzzer_sys::fuzz_target;

// What writes the seeds goes unused here.
#[allow(dead_code)]
#[path = "../../support/outside_input.rs"]
mod outside_input;

static LOADED: LazyLock<Instrument> = LazyLock::new(outside_input::loaded_example);

fuzz_target!(|data: &[u8]| {
    let instruments: Vec<&Instrument> = built_in().iter().chain([&*LOADED]).collect();
    outside_input::read_fuzz_input(data, &instruments);
});
