//! "Eget spørreskjema": loading an instrument file, seeing every problem in
//! a rejected one, and removing loaded instruments.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen_futures::spawn_local;

use crate::app::{use_app, AppState, Notice};
use crate::components::confirm_button::{ConfirmButton, ConfirmTexts};
use crate::core::instrument::{
    Instrument, InstrumentError, Part, Problem, MAX_ID_LEN, MAX_VERSION,
};
use crate::core::json_text::{Expected, SyntaxProblem};
use crate::core::lang::{format_decimal, Lang};
use crate::core::library::{check_to_load, size_error};
use crate::download::read_chosen_file;
use crate::i18n::{td_string, Locale};
use crate::loaded::LoadedInstrument;

/// What the last action did, shown in the live region. A questionnaire is
/// named when shown, in the language then (`None`: one no longer readable).
#[derive(Clone)]
enum Outcome {
    Loaded(&'static Instrument),
    Rejected(Vec<InstrumentError>),
    FileUnreadable,
    Removed(Option<&'static Instrument>),
    InUse(&'static Instrument),
}

fn part_name(part: Part) -> &'static str {
    match part {
        Part::Demands => "demands",
        Part::Control => "control",
        Part::Effort => "effort",
        Part::Reward => "reward",
    }
}

/// Why a file is not JSON of the right shape, in the user's language.
fn syntax_text(problem: &SyntaxProblem, locale: Locale) -> String {
    match problem {
        SyntaxProblem::EndsEarly => td_string!(locale, problem.json_ends_early).to_string(),
        SyntaxProblem::MissingComma => td_string!(locale, problem.json_missing_comma).to_string(),
        SyntaxProblem::TrailingComma => td_string!(locale, problem.json_trailing_comma).to_string(),
        SyntaxProblem::NotAValue => td_string!(locale, problem.json_not_a_value).to_string(),
        SyntaxProblem::TrailingText => td_string!(locale, problem.json_trailing_text).to_string(),
        SyntaxProblem::Invalid => td_string!(locale, problem.json_invalid).to_string(),
        SyntaxProblem::MissingField(field) => {
            td_string!(locale, problem.json_missing_field, field = field).to_string()
        }
        SyntaxProblem::UnknownField(field) => {
            td_string!(locale, problem.json_unknown_field, field = field).to_string()
        }
        SyntaxProblem::DuplicateField(field) => {
            td_string!(locale, problem.json_duplicate_field, field = field).to_string()
        }
        SyntaxProblem::UnknownValue(value) => {
            td_string!(locale, problem.json_unknown_value, value = value).to_string()
        }
        SyntaxProblem::WrongType(expected) => {
            let expected = match expected {
                Expected::Number => td_string!(locale, problem.json_a_number),
                Expected::Text => td_string!(locale, problem.json_a_text),
                Expected::List => td_string!(locale, problem.json_a_list),
                Expected::Object => td_string!(locale, problem.json_an_object),
                Expected::Boolean => td_string!(locale, problem.json_a_boolean),
                Expected::Other => td_string!(locale, problem.json_another_type),
            };
            td_string!(locale, problem.json_wrong_type, expected = expected).to_string()
        }
    }
}

/// One problem in words, in the user's language.
fn problem_text(problem: &Problem, locale: Locale, lang: Lang) -> String {
    // As written in the file, with the user's decimal mark: 1,5 and 1,25.
    let number = |value: f64| {
        let decimals = if (value * 10.0).fract() == 0.0 { 1 } else { 2 };
        format_decimal(value, decimals, lang)
    };
    match problem {
        Problem::Syntax { column, problem } => {
            let what = syntax_text(problem, locale);
            td_string!(locale, problem.syntax, what = what, column = column).to_string()
        }
        Problem::Empty => td_string!(locale, problem.empty).to_string(),
        Problem::BadId(id) => {
            td_string!(locale, problem.bad_id, id = id, max = MAX_ID_LEN).to_string()
        }
        Problem::DuplicateId(id) => td_string!(locale, problem.duplicate_id, id = id).to_string(),
        Problem::FileTooLarge { max_kb, found_kb } => td_string!(
            locale,
            problem.file_too_large,
            found = found_kb,
            max = max_kb
        )
        .to_string(),
        Problem::TooManyItems { max, found } => {
            td_string!(locale, problem.too_many_items, found = found, max = max).to_string()
        }
        Problem::MissingLanguage(missing) => td_string!(
            locale,
            problem.missing_language,
            language = format!("{} ({})", missing.native_name(), missing.code())
        )
        .to_string(),
        Problem::ScalePoints(points) => {
            td_string!(locale, problem.scale_points, points = points).to_string()
        }
        Problem::DuplicateLabel(label) => {
            td_string!(locale, problem.duplicate_label, label = label).to_string()
        }
        Problem::LabelCount { expected, found } => td_string!(
            locale,
            problem.label_count,
            expected = expected,
            found = found
        )
        .to_string(),
        Problem::UnknownScale(id) => td_string!(locale, problem.unknown_scale, id = id).to_string(),
        Problem::UnknownBandSet(id) => {
            td_string!(locale, problem.unknown_band_set, id = id).to_string()
        }
        Problem::BandSetScaleMismatch { band_set, scale } => td_string!(
            locale,
            problem.band_set_scale_mismatch,
            band_set = band_set,
            scale = scale
        )
        .to_string(),
        Problem::BandsDoNotStartAtOne(min) => {
            td_string!(locale, problem.bands_start, min = number(*min)).to_string()
        }
        Problem::BandOutsideScale(min) => {
            td_string!(locale, problem.band_outside_scale, min = number(*min)).to_string()
        }
        Problem::NotPositive(value) => {
            td_string!(locale, problem.not_positive, value = number(*value)).to_string()
        }
        Problem::BandsNotAscending => td_string!(locale, problem.bands_not_ascending).to_string(),
        Problem::RiskScoringInResource => {
            td_string!(locale, problem.risk_scoring_in_resource).to_string()
        }
        Problem::UnlikeFirstFactor(first) => {
            td_string!(locale, problem.unlike_first_factor, first = first).to_string()
        }
        Problem::RiskBandsNotExposureLevels(id) => {
            td_string!(locale, problem.risk_bands, id = id).to_string()
        }
        Problem::VersionTooHigh(version) => td_string!(
            locale,
            problem.version_too_high,
            version = version,
            max = MAX_VERSION
        )
        .to_string(),
        Problem::PartNotAllowed(part) => {
            td_string!(locale, problem.part_not_allowed, part = part_name(*part)).to_string()
        }
        Problem::PartMissing => td_string!(locale, problem.part_missing).to_string(),
        Problem::PartWithoutItems(part) => {
            td_string!(locale, problem.part_without_items, part = part_name(*part)).to_string()
        }
        Problem::ReservedId(id) => td_string!(locale, problem.reserved_id, id = id).to_string(),
        Problem::AlreadyLoaded(id) => {
            td_string!(locale, problem.already_loaded, id = id).to_string()
        }
    }
}

/// "Linje 12, factors[0].items[1].text: mangler tekst på nynorsk (nn)".
fn error_text(error: &InstrumentError, locale: Locale, lang: Lang) -> String {
    let problem = problem_text(&error.problem, locale, lang);
    let path = if error.path.is_empty() {
        td_string!(locale, instruments.whole_file).to_string()
    } else {
        error.path.clone()
    };
    match error.line {
        Some(line) => td_string!(
            locale,
            instruments.at_line,
            line = line,
            path = path,
            problem = problem
        )
        .to_string(),
        None => td_string!(locale, instruments.at_path, path = path, problem = problem).to_string(),
    }
}

/// Removes the loaded instrument at `index`, unless the running workshop uses
/// it. A self-assessment of it goes too: its answers mean nothing without it.
fn remove(state: AppState, index: usize) -> Outcome {
    let Some(entry) = state
        .loaded
        .with_untracked(|loaded| loaded.get(index).cloned())
    else {
        return Outcome::Removed(None);
    };
    if let Some(instrument) = entry.instrument {
        let in_use = state.workshop.with_untracked(|workshop| {
            workshop
                .as_ref()
                .is_some_and(|workshop| workshop.identity().matches(instrument))
        });
        if in_use {
            return Outcome::InUse(instrument);
        }
        // The answers given to this very file go with it; those given to
        // another version under its id stay, for that version.
        let answered_here = state.session.with_untracked(|session| {
            session
                .as_ref()
                .is_some_and(|s| !s.instruments(&[instrument]).is_empty())
        });
        if answered_here {
            state.session.set(None);
        }
        // So do the results kept from them for "change since last time".
        state
            .history
            .maybe_update(|history| history.forget(instrument));
    }
    state.loaded.update(|loaded| {
        loaded.remove(index);
    });
    Outcome::Removed(entry.instrument)
}

#[component]
pub fn InstrumentFiles() -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let lang = state.lang();
    let outcome = state.notice(Notice::InstrumentFile, None::<Outcome>);
    let heading = NodeRef::<html::H2>::new();
    let file_input = NodeRef::<html::Input>::new();

    let load = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        let size = input
            .files()
            .and_then(|files| files.get(0))
            .map(|file| file.size());
        if let Some(error) = size.and_then(|bytes| size_error(bytes as usize)) {
            input.set_value("");
            outcome.set(Some(Outcome::Rejected(vec![error])));
            return;
        }
        spawn_local(async move {
            let Some(source) = read_chosen_file(&input).await else {
                return;
            };
            input.set_value("");
            if source.trim().is_empty() {
                outcome.set(Some(Outcome::FileUnreadable));
                return;
            }
            let result = match check_to_load(&source, &state.instruments()) {
                Ok(instrument) => {
                    let loaded = LoadedInstrument::new(source, instrument);
                    let outcome = loaded.instrument.map(Outcome::Loaded);
                    state.loaded.update(|all| all.push(loaded));
                    outcome.unwrap_or(Outcome::FileUnreadable)
                }
                Err(errors) => Outcome::Rejected(errors),
            };
            outcome.set(Some(result));
        });
    };

    let message = move || {
        outcome.get().map(|outcome| match outcome {
            Outcome::Loaded(instrument) => {
                let title = instrument.title.get(lang);
                view! { <p>{td_string!(locale, instruments.loaded_ok, title = title)}</p> }.into_any()
            }
            Outcome::Removed(instrument) => {
                let title = instrument.map_or_else(|| td_string!(locale, instruments.unreadable), |i| i.title.get(lang));
                view! { <p>{td_string!(locale, instruments.removed, title = title)}</p> }.into_any()
            }
            Outcome::InUse(instrument) => {
                let title = instrument.title.get(lang);
                view! { <p class="warning-text">{td_string!(locale, instruments.in_use, title = title)}</p> }.into_any()
            }
            Outcome::FileUnreadable => {
                view! { <p class="warning-text">{td_string!(locale, instruments.file_unreadable)}</p> }.into_any()
            }
            Outcome::Rejected(errors) => {
                let items = errors
                    .iter()
                    .map(|error| view! { <li>{error_text(error, locale, lang)}</li> })
                    .collect_view();
                view! {
                    <p class="warning-text">{td_string!(locale, instruments.rejected, count = errors.len())}</p>
                    <ul class="instrument-problems">{items}</ul>
                }
                .into_any()
            }
        })
    };

    let list = move || {
        let entries = state.loaded.get();
        (!entries.is_empty()).then(|| {
            let items = entries
                .into_iter()
                .enumerate()
                .map(|(index, entry)| {
                    let (title, detail, question) = match entry.instrument {
                        Some(instrument) => {
                            let title = instrument.title.get(lang).to_string();
                            (
                                title.clone(),
                                td_string!(
                                    locale,
                                    instruments.identity,
                                    items = instrument.item_count(),
                                    identity = instrument.identity()
                                )
                                .to_string(),
                                td_string!(locale, instruments.remove_confirm, title = title)
                                    .to_string(),
                            )
                        }
                        // Which answers were given to it cannot be told.
                        None => (
                            td_string!(locale, instruments.unreadable).to_string(),
                            String::new(),
                            td_string!(locale, instruments.remove_unreadable_confirm).to_string(),
                        ),
                    };
                    let texts = ConfirmTexts {
                        open: td_string!(locale, instruments.remove),
                        question,
                        yes: td_string!(locale, instruments.remove_yes),
                        no: td_string!(locale, instruments.cancel),
                    };
                    let open_label =
                        format!("{} {}", td_string!(locale, instruments.remove), title);
                    let on_confirm = Callback::new(move |()| {
                        let result = remove(state, index);
                        if matches!(result, Outcome::Removed(_)) {
                            // The item and its buttons are gone: start again at the card.
                            if let Some(heading) = heading.get() {
                                let _ = heading.focus();
                            }
                        }
                        outcome.set(Some(result));
                    });
                    view! {
                        <li>
                            <p><strong>{title}</strong><br />{detail}</p>
                            <ConfirmButton texts on_confirm open_label />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>{td_string!(locale, instruments.list_heading)}</h3>
                <ul class="loaded-instruments">{items}</ul>
            }
        })
    };

    view! {
        <section class="card instrument-files" aria-labelledby="instrument-files-heading">
            <h2 id="instrument-files-heading" tabindex="-1" node_ref=heading>{td_string!(locale, instruments.heading)}</h2>
            <p>{td_string!(locale, instruments.explain)}</p>
            <div class="field">
                <label for="instrument-file">{td_string!(locale, instruments.load)}</label>
                <input id="instrument-file" type="file" accept=".json,application/json" node_ref=file_input on:change=load />
            </div>
            <div class="instrument-outcome" role="status">{message}</div>
            {list}
        </section>
    }
}
