//! "Del anonymt med gruppen": the person's answers as a response code (to
//! read aloud or type), as a QR code, and as a file, for a workshop.

use leptos::prelude::*;

use crate::app::use_app;
use crate::components::qr_canvas::QrCanvas;
use crate::core::code;
use crate::core::instrument::Instrument;
use crate::core::response::Response;
use crate::core::workshop::ResponseFile;
use crate::download::{file_name, offer_download};
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
    let file_code = code.clone();
    let download = move |_| {
        let file = ResponseFile::new(instrument, file_code.clone()).to_json();
        let name = file_name(
            instrument.title.get(state.lang()),
            td_string!(locale, share.file_name),
            "json",
        );
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
            <QrCanvas text=code.clone() size=QR_SIZE label=td_string!(locale, share.qr_label) />
            <button type="button" class="button-secondary" on:click=download>{td_string!(locale, share.download)}</button>
            <p class="hint">{td_string!(locale, share.privacy)}</p>
        </details>
    })
}
