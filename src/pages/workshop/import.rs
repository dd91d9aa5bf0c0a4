//! Pooling shared answers: response codes pasted or typed one per line, and
//! response files dropped or chosen many at a time. Every import reports
//! what was added, what was a duplicate, and each rejection with its reason.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen_futures::spawn_local;

use super::workshop_instrument;
use crate::app::{use_app, Draft, Notice};
use crate::components::camera_scan::CameraScan;
use crate::core::code::{instrument_tag, CodeError};
use crate::core::instrument::Instrument;
use crate::core::workshop::{ImportReport, Rejection, MAX_IMPORT_FILE_MB};
use crate::download::read_chosen_files;
use crate::i18n::{td_string, Locale};

/// Why one line or file was rejected, in words.
fn reason(
    rejection: &Rejection,
    instruments: &[&Instrument],
    locale: Locale,
    lang: crate::core::lang::Lang,
) -> String {
    match rejection {
        Rejection::Code(CodeError::TooShort) => td_string!(locale, import.too_short).to_string(),
        Rejection::Code(CodeError::BadCharacter(character)) => {
            // A look-alike (Cyrillic А, a full-width 1) reads as allowed, and
            // a control character shows as nothing: name them.
            let character = if character.is_ascii_graphic() {
                character.to_string()
            } else {
                format!("{character} (U+{:04X})", u32::from(*character))
            };
            td_string!(locale, import.bad_character, character = character).to_string()
        }
        Rejection::Code(CodeError::Checksum) => td_string!(locale, import.checksum).to_string(),
        Rejection::Code(CodeError::UnknownFormat(_) | CodeError::Garbled) => {
            td_string!(locale, import.garbled).to_string()
        }
        Rejection::Code(CodeError::OtherInstrument { tag, version }) => {
            match instruments.iter().find(|i| instrument_tag(i) == *tag) {
                Some(other) if other.version == *version => td_string!(
                    locale,
                    import.other_instrument,
                    title = other.title.get(lang)
                )
                .to_string(),
                Some(_) => td_string!(locale, import.other_version, version = version).to_string(),
                None => td_string!(locale, import.unknown_instrument).to_string(),
            }
        }
        Rejection::Code(CodeError::OtherContent) => {
            td_string!(locale, import.other_content).to_string()
        }
        Rejection::UnreadableFile => td_string!(locale, import.unreadable_file).to_string(),
        Rejection::TooLarge => {
            td_string!(locale, import.too_large, mb = MAX_IMPORT_FILE_MB).to_string()
        }
        Rejection::Blank => td_string!(locale, import.blank).to_string(),
    }
}

/// How many rejected lines or files a report lists by reason. A paste of
/// thousands of wrong lines (a whole spreadsheet, say) would otherwise take
/// the page many seconds to show; refused pasted lines stay in the field.
const LISTED_REJECTIONS: usize = 200;

#[derive(Clone, Copy, PartialEq)]
enum Origin {
    Lines,
    Files,
    /// Codes read by the camera: how many scans so far, to number them by.
    Scan(usize),
}

/// Shows `result` in place of the last report, with the alike answers still
/// on offer there; a camera scan adds to the report of the scans before it.
fn show_report(
    report: RwSignal<Option<(Origin, ImportReport)>>,
    origin: Origin,
    mut result: ImportReport,
) {
    report.update(|shown| match (shown.take(), origin) {
        (Some((Origin::Scan(scans), mut so_far)), Origin::Scan(_)) => {
            for rejected in &mut result.rejected {
                rejected.number = scans + 1;
            }
            so_far.merge(result);
            *shown = Some((Origin::Scan(scans + 1), so_far));
        }
        (earlier, _) => {
            if let Some((_, earlier)) = earlier {
                result.carry_offer(earlier);
            }
            *shown = Some((origin, result));
        }
    });
}

#[component]
pub fn ImportAnswers() -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let lang = state.lang();
    let codes = state.draft(Draft::PastedCodes, String::new());
    let report = state.notice(Notice::ImportReport, None::<(Origin, ImportReport)>);
    let file_input = NodeRef::<html::Input>::new();
    let report_box = NodeRef::<html::Div>::new();

    let import_codes = move |_| {
        let Some(instrument) = workshop_instrument(state) else {
            return;
        };
        let text = codes.get();
        let mut result = ImportReport::default();
        state.workshop.update(|workshop| {
            if let Some(workshop) = workshop {
                result = workshop.import_codes(instrument, &text);
            }
        });
        codes.set(result.leave_rejected(&text));
        show_report(report, Origin::Lines, result);
    };
    // Each code the camera reads is pooled at once; the report adds up over the scan.
    let scanned = Callback::new(move |code: String| {
        let Some(instrument) = workshop_instrument(state) else {
            return;
        };
        let mut result = ImportReport::default();
        state.workshop.update(|workshop| {
            if let Some(workshop) = workshop {
                result = workshop.import_codes(instrument, &code);
            }
        });
        show_report(report, Origin::Scan(1), result);
    });
    let import_files = move |_| {
        let (Some(instrument), Some(input)) = (workshop_instrument(state), file_input.get()) else {
            return;
        };
        spawn_local(async move {
            let texts = read_chosen_files(&input).await;
            if texts.is_empty() {
                return;
            }
            let mut result = ImportReport::default();
            state.workshop.update(|workshop| {
                if let Some(workshop) = workshop {
                    result = workshop.import_files(instrument, &texts);
                }
            });
            input.set_value("");
            show_report(report, Origin::Files, result);
        });
    };

    // Codes alike were set aside as the same person's; the facilitator knows
    // better when different people answered alike.
    let count_alike = move |_| {
        let Some((origin, mut so_far)) = report.get_untracked() else {
            return;
        };
        let alike = std::mem::take(&mut so_far.duplicates);
        state.workshop.update(|workshop| {
            if let Some(workshop) = workshop {
                so_far.added += workshop.pool_alike(alike);
            }
        });
        report.set(Some((origin, so_far)));
        // The button is gone: the updated report is where to go on from.
        if let Some(report_box) = report_box.get_untracked() {
            let _ = report_box.focus();
        }
    };

    let summary = move || {
        report.get().map(|(origin, report)| {
            let headline = td_string!(
                locale,
                import.summary,
                added = report.added,
                duplicates = report.duplicates.len(),
                rejected = report.rejected.len()
            );
            let rejections = report
                .rejected
                .iter()
                .take(LISTED_REJECTIONS)
                .map(|rejected| {
                    let why = reason(&rejected.why, &state.instruments(), locale, lang);
                    let number = rejected.number;
                    let text = match (origin, rejected.line) {
                        (Origin::Lines, _) => {
                            td_string!(locale, import.line, number = number, reason = why)
                        }
                        (Origin::Files, Some(line)) => td_string!(
                            locale,
                            import.file_line,
                            number = number,
                            line = line,
                            reason = why
                        ),
                        (Origin::Files, None) => {
                            td_string!(locale, import.file, number = number, reason = why)
                        }
                        (Origin::Scan(_), _) => {
                            td_string!(locale, import.scanned, number = number, reason = why)
                        }
                    };
                    view! { <li>{text}</li> }
                })
                .collect_view();
            let alike = (!report.duplicates.is_empty()).then(|| {
                let count = report.duplicates.len();
                view! {
                    <p>{td_string!(locale, import.alike_explain, count = count)}</p>
                    <button type="button" class="button-secondary" on:click=count_alike>
                        {td_string!(locale, import.alike_button, count = count)}
                    </button>
                }
            });
            let unlisted = report.rejected.len().saturating_sub(LISTED_REJECTIONS);
            let more = (unlisted > 0).then(|| {
                view! { <li>{td_string!(locale, import.more_rejected, count = unlisted)}</li> }
            });
            let left_to_fix = (origin == Origin::Lines && !report.rejected.is_empty())
                .then(|| view! { <p>{td_string!(locale, import.left_to_fix)}</p> });
            view! {
                <p>{headline}</p>
                <ul class="import-rejections">{rejections}{more}</ul>
                {left_to_fix}
                {alike}
            }
        })
    };

    view! {
        <div class="card import-answers">
            <h2>{td_string!(locale, import.heading)}</h2>
            <p>{td_string!(locale, import.explain)}</p>
            <div class="field">
                <label for="import-codes">{td_string!(locale, import.codes_label)}</label>
                <textarea
                    id="import-codes"
                    rows="5"
                    spellcheck="false"
                    autocapitalize="characters"
                    aria-describedby="import-codes-help"
                    prop:value=codes
                    on:input=move |event| codes.set(event_target_value(&event))
                ></textarea>
                <p class="hint" id="import-codes-help">{td_string!(locale, import.codes_help)}</p>
            </div>
            <button type="button" class="button-primary" on:click=import_codes>{td_string!(locale, import.codes_button)}</button>
            <div class="field">
                <label for="import-files">{td_string!(locale, import.files_label)}</label>
                <input id="import-files" type="file" multiple accept=".json,.txt,application/json,text/plain" node_ref=file_input on:change=import_files />
            </div>
            <h3>{td_string!(locale, import.scan_heading)}</h3>
            <CameraScan
                on_code=scanned
                labels=[
                    td_string!(locale, import.scan_start),
                    td_string!(locale, import.scan_stop),
                    td_string!(locale, import.scan_unavailable),
                    td_string!(locale, import.scan_video),
                ]
            />
            <div class="import-report" role="status" tabindex="-1" node_ref=report_box>{summary}</div>
        </div>
    }
}
