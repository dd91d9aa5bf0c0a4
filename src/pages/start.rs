//! The start page: what this is, the privacy promise, resume, and what to answer.

use leptos::prelude::*;

use crate::app::{use_app, AppState, Screen, WorkshopView};
use crate::components::instrument_files::InstrumentFiles;
use crate::core::session::{Choice, Session};
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
    let saved_count = move || {
        state
            .session
            .with(|session| session.as_ref().map(|s| s.answers.count()))
    };
    let selected = RwSignal::new(state.initial_choice.get_value());

    let start = move |_| {
        state.session.set(Some(Session::new(selected.get())));
        state.screen.set(Screen::Survey);
    };
    let resume = move |_| state.screen.set(Screen::Survey);

    let resume_box = move || {
        saved_count().map(|count| {
            let text = td_string!(locale, start.resume_detail, count = count);
            view! {
                <section class="card resume" aria-labelledby="resume-heading">
                    <h2 id="resume-heading">{td_string!(locale, start.resume_heading)}</h2>
                    <p>{text}</p>
                    <button type="button" class="button-primary" on:click=resume>{td_string!(locale, start.resume)}</button>
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
                                move || selected.with(|selected| *selected == choice)
                            }
                            on:change=move |_| selected.set(choice.clone())
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
            <h1>{td_string!(locale, app.name)}</h1>
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
                <button type="button" class="button-primary" on:click=start>{td_string!(locale, start.begin)}</button>
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
