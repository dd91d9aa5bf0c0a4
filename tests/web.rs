//! Browser tests (wasm-bindgen-test in headless Chromium) for the code that
//! touches browser APIs: the storage module and chart drawing on a canvas.
#![cfg(target_arch = "wasm32")]

use arbeidsmiljo::charts::profile::{height_for, ProfileAxis, ProfileRow};
use arbeidsmiljo::components::chart_canvas::Medium;
use arbeidsmiljo::components::profile_chart::{draw_on_canvas, PAPER_WIDTH};
use arbeidsmiljo::core::answers::Answer;
use arbeidsmiljo::core::instrument::{built_in, Instrument};
use arbeidsmiljo::core::response::Response;
use arbeidsmiljo::core::saved::{Prefs, Theme};
use arbeidsmiljo::core::session::{Choice, Position, Session};
use arbeidsmiljo::core::workshop::Workshop;
use arbeidsmiljo::core::{code, group};
use arbeidsmiljo::storage::{self, StorageError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh() {
    storage::remove_all().unwrap();
    local().clear().unwrap();
}

fn sample() -> Session {
    let mut session = Session::new(Choice::Resources, &[]);
    session.position = Position::Page(4);
    session.answers.set("ressurser", "om1", Answer::Point(5));
    session.answers.set("ressurser", "om2", Answer::DontKnow);
    session
}

#[wasm_bindgen_test]
fn a_saved_session_reads_back_exactly() {
    fresh();
    assert_eq!(storage::probe(), Ok(()));
    assert_eq!(storage::load_session(), Ok(None));
    assert_eq!(storage::save_session(&Some(sample())), Some(Ok(())));
    assert_eq!(storage::load_session(), Ok(Some(sample())));
    // Saved again unchanged (as a tab does with what another tab saved), nothing is written.
    assert_eq!(storage::save_session(&Some(sample())), None);
    let prefs = Prefs {
        lang: arbeidsmiljo::core::lang::Lang::En,
        theme: Theme::Dark,
    };
    assert_eq!(storage::save_prefs(&prefs), Some(Ok(())));
    assert_eq!(storage::load_prefs(), Ok(Some(prefs)));
}

#[wasm_bindgen_test]
fn no_session_means_no_saved_entry() {
    fresh();
    assert_eq!(storage::save_session(&Some(sample())), Some(Ok(())));
    assert_eq!(storage::save_session(&None), Some(Ok(())));
    assert_eq!(local().get_item("arbeidsmiljo.session").unwrap(), None);
    assert_eq!(storage::load_session(), Ok(None));
}

#[wasm_bindgen_test]
fn a_corrupt_entry_is_moved_aside_not_deleted() {
    fresh();
    local()
        .set_item("arbeidsmiljo.session", "{garbled")
        .unwrap();
    assert_eq!(storage::load_session(), Err(StorageError::Corrupt));
    assert_eq!(
        local()
            .get_item("arbeidsmiljo.session.corrupt")
            .unwrap()
            .as_deref(),
        Some("{garbled")
    );
    assert_eq!(local().get_item("arbeidsmiljo.session").unwrap(), None);
    // The app can save again afterwards.
    assert_eq!(storage::save_session(&Some(sample())), Some(Ok(())));
    assert_eq!(storage::load_session(), Ok(Some(sample())));
    // A second damaged entry is set aside next to the first, not over it.
    local().set_item("arbeidsmiljo.session", "{again").unwrap();
    assert_eq!(storage::load_session(), Err(StorageError::Corrupt));
    let kept = |key: &str| local().get_item(key).unwrap();
    assert_eq!(
        kept("arbeidsmiljo.session.corrupt").as_deref(),
        Some("{garbled")
    );
    assert_eq!(
        kept("arbeidsmiljo.session.corrupt.2").as_deref(),
        Some("{again")
    );
}

#[wasm_bindgen_test]
fn an_entry_from_a_newer_version_is_never_overwritten() {
    fresh();
    let newer = r#"{"schema":99,"data":{"future":true}}"#;
    local().set_item("arbeidsmiljo.session", newer).unwrap();
    assert_eq!(storage::load_session(), Err(StorageError::Newer));
    assert_eq!(
        storage::save_session(&Some(sample())),
        Some(Err(StorageError::Newer)),
        "every later save says why it was not made"
    );
    assert_eq!(
        local().get_item("arbeidsmiljo.session").unwrap().as_deref(),
        Some(newer)
    );
    // With writes stopped, an unreadable entry cannot be copied aside: it is
    // left in place, and saves go on giving the first reason.
    local().set_item("arbeidsmiljo.prefs", "{garbled").unwrap();
    assert_eq!(storage::load_prefs(), Err(StorageError::CorruptLeft));
    assert_eq!(
        local().get_item("arbeidsmiljo.prefs").unwrap().as_deref(),
        Some("{garbled")
    );
    assert_eq!(
        storage::save_session(&Some(sample())),
        Some(Err(StorageError::Newer))
    );
    fresh();
}

#[wasm_bindgen_test]
fn deleting_removes_only_what_the_app_stored() {
    fresh();
    local().set_item("intranet.other", "keep me").unwrap();
    assert_eq!(storage::save_session(&Some(sample())), Some(Ok(())));
    let english = Prefs {
        lang: arbeidsmiljo::core::lang::Lang::En,
        ..Prefs::default()
    };
    assert_eq!(storage::save_prefs(&english), Some(Ok(())));
    // The defaults are what no entry reads as: none is kept.
    assert_eq!(storage::save_prefs(&Prefs::default()), Some(Ok(())));
    assert_eq!(local().get_item("arbeidsmiljo.prefs").unwrap(), None);
    assert_eq!(storage::save_prefs(&english), Some(Ok(())));
    local()
        .set_item("arbeidsmiljo.session.corrupt", "x")
        .unwrap();
    storage::remove_all().unwrap();
    assert_eq!(local().length().unwrap(), 1);
    assert_eq!(
        local().get_item("intranet.other").unwrap().as_deref(),
        Some("keep me")
    );
}

fn canvas(css_width: u32) -> web_sys::HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").unwrap().unchecked_into();
    canvas
        .set_attribute("style", &format!("width: {css_width}px; display: block"))
        .unwrap();
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

fn painted_pixels(canvas: &web_sys::HtmlCanvasElement) -> usize {
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let data = context
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .unwrap()
        .data();
    data.chunks(4).filter(|pixel| pixel[3] != 0).count()
}

#[wasm_bindgen_test]
fn the_profile_is_drawn_at_device_resolution() {
    let canvas = canvas(400);
    let rows = vec![
        ProfileRow {
            label: "Autonomi".into(),
            score: Some(4.2),
            value_text: "4,2 · Godt".into(),
            band_rank: 2,
        },
        ProfileRow {
            label: "Rolleklarhet".into(),
            score: None,
            value_text: "Ikke nok svar".into(),
            band_rank: 0,
        },
    ];
    let axis = ProfileAxis {
        min: 1.0,
        max: 5.0,
        thresholds: vec![3.0, 4.0, 4.5],
    };
    draw_on_canvas(&canvas, &rows, &axis, Medium::Screen);
    let ratio = web_sys::window().unwrap().device_pixel_ratio().max(1.0);
    assert_eq!(canvas.width(), (400.0 * ratio).round() as u32);
    let painted = painted_pixels(&canvas);
    let total = (canvas.width() * canvas.height()) as usize;
    assert!(
        painted > total / 20,
        "only {painted} of {total} pixels painted"
    );

    // For paper, the same chart is drawn 440 CSS pixels wide at three canvas
    // pixels each, whatever the screen: it prints alike from every device.
    draw_on_canvas(&canvas, &rows, &axis, Medium::Paper { width: PAPER_WIDTH });
    assert_eq!(canvas.width(), 1320);
    assert_eq!(canvas.height(), height_for(rows.len()) * 3);
    let painted = painted_pixels(&canvas);
    let total = (canvas.width() * canvas.height()) as usize;
    assert!(
        painted > total / 20,
        "only {painted} of {total} pixels painted for paper"
    );
    canvas.remove();
}

/// Ten thousand distinct codes from a fixed pseudo-random sequence.
fn ten_thousand_codes(instrument: &Instrument) -> String {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut codes = String::new();
    for _ in 0..10_000 {
        let values = instrument
            .factors
            .iter()
            .flat_map(|factor| {
                let points = u64::from(instrument.factor_scale(factor).points);
                factor.items.iter().map(move |_| points)
            })
            .map(|points| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed % (points + 1)) as u8
            })
            .collect();
        let response = Response::fitting(instrument, values).unwrap();
        codes += &code::encode(instrument, &response);
        codes.push('\n');
    }
    codes
}

/// Pools and aggregates 10,000 codes, and prints how long that took in this
/// browser (run `scripts/bench` for the release-build figure).
#[wasm_bindgen_test]
fn ten_thousand_codes_pool_and_aggregate() {
    let instrument = &built_in()[0];
    let codes = ten_thousand_codes(instrument);
    let performance = web_sys::window().unwrap().performance().unwrap();
    let start = performance.now();
    let mut workshop = Workshop::new("Benchmark", instrument, 5);
    let report = workshop.import_codes(instrument, &codes);
    let result = group::aggregate(instrument, workshop.responses(), workshop.threshold());
    let elapsed = performance.now() - start;
    console_log!("import and aggregate 10000 codes: {elapsed:.1} ms");
    assert_eq!(report.added + report.duplicates.len(), 10_000);
    assert!(report.rejected.is_empty());
    assert_eq!(result.respondents, workshop.count());
    assert!(result.factors.iter().all(|factor| factor.detail.is_some()));
}
