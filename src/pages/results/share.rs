//! "Del anonymt med gruppen": the person's answers as a response code (to
//! read aloud or type), as a QR code, and as a file, for a workshop.

use leptos::html;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use crate::app::use_app;
use crate::charts::qr::{draw_qr, modules};
use crate::core::code;
use crate::core::instrument::Instrument;
use crate::core::response::Response;
use crate::core::workshop::ResponseFile;
use crate::download::offer_download;
use crate::i18n::td_string;

/// CSS pixels of the QR code's side.
const QR_SIZE: u32 = 232;

#[component]
pub fn ShareWithGroup(instrument: &'static Instrument) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let answers = state
        .session
        .with_untracked(|session| session.as_ref().map(|s| s.answers.clone()))
        .unwrap_or_default();
    let response = Response::from_answers(instrument, &answers);
    if response.is_blank() {
        return None;
    }
    let code = code::encode(instrument, &response);
    let canvas = NodeRef::<html::Canvas>::new();
    let qr_text = code.clone();
    Effect::new(move |_| {
        let (Some(canvas), Some((dark, side))) = (canvas.get(), modules(&qr_text)) else {
            return;
        };
        let ratio = window().device_pixel_ratio().max(1.0);
        let pixels = (f64::from(QR_SIZE) * ratio).round() as u32;
        canvas.set_width(pixels);
        canvas.set_height(pixels);
        if let Some(backend) = CanvasBackend::with_canvas_object(canvas) {
            let root = backend.into_drawing_area();
            let _ = draw_qr(&root, &dark, side);
            let _ = root.present();
        }
    });
    let file_code = code.clone();
    let download = move |_| {
        let file = ResponseFile::new(file_code.clone()).to_json();
        let name = format!("svar-{}.json", instrument.id);
        let _ = offer_download(&name, "application/json", &file);
    };
    let title = instrument.title.get(state.lang());
    let code_id = format!("share-code-{}", instrument.id);
    Some(view! {
        <details class="card share">
            <summary>{td_string!(locale, share.heading)}" – "{title}</summary>
            <p>{td_string!(locale, share.explain)}</p>
            <p class="share-label" id=code_id.clone()>{td_string!(locale, share.code_label)}</p>
            <p class="share-code" aria-labelledby=code_id data-code=code.clone()>{code.clone()}</p>
            <canvas
                class="share-qr"
                node_ref=canvas
                role="img"
                aria-label=td_string!(locale, share.qr_label)
                style:width=format!("{QR_SIZE}px")
                style:height=format!("{QR_SIZE}px")
            ></canvas>
            <button type="button" class="button-secondary" on:click=download>{td_string!(locale, share.download)}</button>
            <p class="hint">{td_string!(locale, share.privacy)}</p>
        </details>
    })
}
