//! The start page: what this is, the privacy promise, resume, and what to answer.

use leptos::html;
use leptos::prelude::*;

use crate::app::{use_app, AppState, Screen, WorkshopView};
use crate::components::confirm_button::{ConfirmButton, ConfirmTexts};
use crate::components::focus_on_arrival;
use crate::components::instrument_files::InstrumentFiles;
use crate::core::session::{answered, pages, Choice, Session};
use crate::i18n::td_string;

/// The choice's name and the line that explains it.
fn choice_texts(choice: &Choice, state: AppState) -> (String, String) {
    let locale = state.locale();
    let (name, detail) = match choice {
        Choice::Both => (
            td_string!(locale, choice.both),
            td_string!(locale, choice.both_detail),
        ),
        Choice::Resources => (
            td_string!(locale, choice.resources),
            td_string!(locale, choice.resources_detail),
        ),
        Choice::Risks => (
            td_string!(locale, choice.risks),
            td_string!(locale, choice.risks_detail),
        ),
        Choice::Loaded(id) => {
            let lang = state.lang();
            return state
                .instruments()
                .into_iter()
                .find(|instrument| instrument.id == *id)
                .map(|instrument| {
                    (
                        instrument.title.get(lang).to_string(),
                        instrument.intro.get(lang).to_string(),
                    )
                })
                .unwrap_or_default();
        }
    };
    (name.to_string(), detail.to_string())
}

#[component]
pub fn StartPage() -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    // Answers that count; all that is stored while the questionnaire it
    // answers is not loaded, since then its scale is not known.
    let saved_count = move || {
        // Without a session, the instruments are not read: building them is
        // work the start page need not do.
        if state.session.with(Option::is_none) {
            return None;
        }
        let instruments = state.session_instruments();
        state.session.with(|session| {
            session.as_ref().map(|s| match instruments.is_empty() {
                true => s.answers.count(),
                false => answered(&pages(&instruments), &s.answers),
            })
        })
    };
    let selected = RwSignal::new(state.start_choice.get_value());
    // The pick, or the default when it is a loaded questionnaire that has
    // since been removed (on this page, or by deleting everything).
    // Only a loaded one is looked up: reading the instruments builds the
    // built-in ones, work the start page need not do.
    let chosen = move || match selected.get() {
        Choice::Loaded(id)
            if !state.loaded.with(|loaded| {
                loaded.iter().any(|entry| {
                    entry
                        .instrument
                        .is_some_and(|instrument| instrument.id == id)
                })
            }) =>
        {
            Choice::default()
        }
        choice => choice,
    };
    // A way back to the review ends here: what starts or resumes from this
    // page goes page by page.
    state.back_to_review.set_value(false);
    let heading = NodeRef::<html::H1>::new();
    focus_on_arrival(heading);

    let start = move || {
        state
            .session
            .set(Some(Session::new(chosen(), &state.instruments())));
        state.screen.set(Screen::Survey);
    };
    // Starting anew replaces the saved answers, so it asks first when there are any.
    let start_button = move || {
        match saved_count() {
        Some(count) if count > 0 => {
            let texts = ConfirmTexts {
                open: td_string!(locale, start.begin),
                question: td_string!(locale, start.replace_question, count = count).to_string(),
                yes: td_string!(locale, start.replace_confirm),
                no: td_string!(locale, start.replace_cancel),
            };
            view! { <ConfirmButton texts on_confirm=Callback::new(move |()| start()) primary=true warning=true /> }
                .into_any()
        }
        _ => view! {
            <button type="button" class="button-primary" on:click=move |_| start()>{td_string!(locale, start.begin)}</button>
        }
        .into_any(),
    }
    };
    let resume = move |_| state.screen.set(Screen::Survey);

    // A session on a loaded questionnaire can only go on while that file is loaded.
    let missing_instrument = move || {
        let missing = state.session_instruments().is_empty();
        // Named by the very file the answers were given to, where known.
        state.session.with(|session| match session {
            Some(Session {
                choice: Choice::Loaded(id),
                answered_to,
                ..
            }) if missing => Some(answered_to.clone().unwrap_or_else(|| id.clone())),
            _ => None,
        })
    };
    let resume_box = move || {
        saved_count().map(|count| {
            let text = td_string!(locale, start.resume_detail, count = count);
            let action = match missing_instrument() {
                Some(id) => view! {
                    <p class="warning-text">{td_string!(locale, start.resume_needs_file, id = id)}</p>
                }
                .into_any(),
                None => view! {
                    <button type="button" class="button-primary" on:click=resume>{td_string!(locale, start.resume)}</button>
                }
                .into_any(),
            };
            view! {
                <section class="card resume" aria-labelledby="resume-heading">
                    <h2 id="resume-heading">{td_string!(locale, start.resume_heading)}</h2>
                    <p>{text}</p>
                    {action}
                </section>
            }
        })
    };

    // Loaded instruments are offered after the built-in choices, and come and go with them.
    let options = move || {
        let loaded = state.loaded.with(|loaded| {
            loaded
                .iter()
                .filter_map(|loaded| Some(Choice::Loaded(loaded.instrument?.id.clone())))
                .collect::<Vec<_>>()
        });
        Choice::BUILT_IN
            .into_iter()
            .chain(loaded)
            .map(|choice| {
                let (label, detail) = choice_texts(&choice, state);
                let id = choice.html_id();
                let detail_id = format!("{id}-detail");
                view! {
                    <div class="choice">
                        <input
                            type="radio"
                            name="choice"
                            id=id.clone()
                            aria-describedby=detail_id.clone()
                            prop:checked={
                                let choice = choice.clone();
                                move || chosen() == choice
                            }
                            on:change=move |_| {
                                selected.set(choice.clone());
                                state.start_choice.set_value(choice.clone());
                            }
                        />
                        <label for=id>{label}</label>
                        <p class="choice-detail" id=detail_id>{detail}</p>
                    </div>
                }
            })
            .collect_view()
    };

    view! {
        <section class="start-page">
            <h1 tabindex="-1" node_ref=heading>{td_string!(locale, app.name)}</h1>
            <p class="lead">{td_string!(locale, start.lead)}</p>
            <ul class="facts">
                <li>{td_string!(locale, start.time)}</li>
                <li>{td_string!(locale, start.privacy)}</li>
                <li>{td_string!(locale, start.anonymous)}</li>
                <li>{td_string!(locale, start.not_ks)}</li>
            </ul>
            {resume_box}
            <form class="card" on:submit=|event| event.prevent_default()>
                <fieldset>
                    <legend>
                        <h2>{move || if saved_count().is_some() { td_string!(locale, start.new_heading) } else { td_string!(locale, start.choose_heading) }}</h2>
                    </legend>
                    {options}
                </fieldset>
                <Show when=move || saved_count().is_some()>
                    <p class="warning-text">{td_string!(locale, start.new_replaces)}</p>
                </Show>
                {start_button}
            </form>
            <section class="card workshop-entry" aria-labelledby="workshop-entry-heading">
                <h2 id="workshop-entry-heading">{td_string!(locale, start.workshop_heading)}</h2>
                <p>{td_string!(locale, start.workshop_explain)}</p>
                <button type="button" class="button-secondary" on:click=move |_| state.screen.set(Screen::Workshop(WorkshopView::Hub))>
                    {td_string!(locale, start.workshop_button)}
                </button>
            </section>
            <InstrumentFiles />
        </section>
    }
}
