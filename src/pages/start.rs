//! The start page: what this is, the privacy promise, resume, and what to answer.

use leptos::prelude::*;

use crate::app::{use_app, Screen};
use crate::core::session::{Choice, Session};
use crate::i18n::{fill, tr};

fn choice_keys(choice: Choice) -> (&'static str, &'static str) {
    match choice {
        Choice::Both => ("choice.both", "choice.both_detail"),
        Choice::Resources => ("choice.resources", "choice.resources_detail"),
        Choice::Risks => ("choice.risks", "choice.risks_detail"),
    }
}

#[component]
pub fn StartPage() -> impl IntoView {
    let state = use_app();
    let t = move |key| state.t(key);
    let saved_count = move || {
        state
            .session
            .with(|session| session.as_ref().map(|s| s.answers.count()))
    };
    let selected = RwSignal::new(state.initial_choice);

    let start = move |_| {
        state.session.set(Some(Session::new(selected.get())));
        state.screen.set(Screen::Survey);
    };
    let resume = move |_| state.screen.set(Screen::Survey);

    let resume_box = move || {
        saved_count().map(|count| {
            let text = move || fill(tr(state.lang(), "start.resume_detail"), &[("count", &count.to_string())]);
            view! {
                <section class="card resume" aria-labelledby="resume-heading">
                    <h2 id="resume-heading">{t("start.resume_heading")}</h2>
                    <p>{text}</p>
                    <button type="button" class="button-primary" on:click=resume>{t("start.resume")}</button>
                </section>
            }
        })
    };

    let options = Choice::ALL
        .into_iter()
        .map(|choice| {
            let (label, detail) = choice_keys(choice);
            let id = format!("choice-{}", choice.key());
            let detail_id = format!("{id}-detail");
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        name="choice"
                        id=id.clone()
                        aria-describedby=detail_id.clone()
                        prop:checked=move || selected.get() == choice
                        on:change=move |_| selected.set(choice)
                    />
                    <label for=id>{t(label)}</label>
                    <p class="choice-detail" id=detail_id>{t(detail)}</p>
                </div>
            }
        })
        .collect_view();

    view! {
        <section class="start-page">
            <h1>{t("app.name")}</h1>
            <p class="lead">{t("start.lead")}</p>
            <ul class="facts">
                <li>{t("start.time")}</li>
                <li>{t("start.privacy")}</li>
                <li>{t("start.anonymous")}</li>
                <li>{t("start.not_ks")}</li>
            </ul>
            {resume_box}
            <form class="card" on:submit=|event| event.prevent_default()>
                <fieldset>
                    <legend>
                        <h2>{move || if saved_count().is_some() { tr(state.lang(), "start.new_heading") } else { tr(state.lang(), "start.choose_heading") }}</h2>
                    </legend>
                    {options}
                </fieldset>
                <Show when=move || saved_count().is_some()>
                    <p class="warning-text">{t("start.new_replaces")}</p>
                </Show>
                <button type="button" class="button-primary" on:click=start>{t("start.begin")}</button>
            </form>
        </section>
    }
}
