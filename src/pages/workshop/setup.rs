//! Starting a workshop: its name, the instrument and the anonymity threshold.

use leptos::html;
use leptos::prelude::*;

use crate::app::{use_app, Draft, Screen};
use crate::components::focus_on_arrival;
use crate::core::workshop::{
    Workshop, DEFAULT_THRESHOLD, MAX_THRESHOLD, MAX_WORKSHOP_NAME_CHARS, MIN_THRESHOLD,
};
use crate::i18n::td_string;

#[component]
pub fn WorkshopSetup() -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let heading = NodeRef::<html::H1>::new();
    focus_on_arrival(heading);
    let name = state.draft(Draft::WorkshopName, String::new());
    let all = state.instruments();
    // The chosen questionnaire, by id; the first where the one chosen before
    // has since been removed.
    let first = all
        .first()
        .map(|instrument| instrument.id.clone())
        .unwrap_or_default();
    let chosen = state.draft(Draft::WorkshopInstrument, first.clone());
    if !chosen.with_untracked(|id| all.iter().any(|instrument| instrument.id == *id)) {
        chosen.set(first);
    }
    let threshold = state.draft(Draft::WorkshopThreshold, DEFAULT_THRESHOLD.to_string());
    let threshold_invalid = RwSignal::new(false);
    let threshold_input = NodeRef::<html::Input>::new();

    let start = move |_| {
        let Some(instrument) =
            chosen.with(|id| all.iter().find(|instrument| instrument.id == *id).copied())
        else {
            return;
        };
        // A threshold out of range is refused, not quietly changed.
        let threshold = match threshold.get().trim().parse::<usize>() {
            Ok(number) if (MIN_THRESHOLD..=MAX_THRESHOLD).contains(&number) => number,
            _ => {
                threshold_invalid.set(true);
                if let Some(input) = threshold_input.get() {
                    let _ = input.focus();
                }
                return;
            }
        };
        let name = name.get();
        let name = if name.trim().is_empty() {
            td_string!(locale, workshop.default_name).to_string()
        } else {
            name
        };
        // A new workshop starts without what was typed for the last one.
        state.forget_drafts(&|field| {
            matches!(
                field,
                Draft::WorkshopName
                    | Draft::WorkshopInstrument
                    | Draft::WorkshopThreshold
                    | Draft::PastedCodes
            )
        });
        state
            .workshop
            .set(Some(Workshop::new(&name, instrument, threshold)));
    };
    let instruments = state
        .instruments()
        .into_iter()
        .map(|instrument| {
            let id = format!("workshop-instrument-{}", instrument.id);
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        name="workshop-instrument"
                        id=id.clone()
                        prop:checked=move || chosen.with(|chosen| *chosen == instrument.id)
                        on:change=move |_| chosen.set(instrument.id.clone())
                    />
                    <label for=id>{instrument.title.get(state.lang())}</label>
                </div>
            }
        })
        .collect_view();

    view! {
        <section class="workshop-setup">
            <h1 tabindex="-1" node_ref=heading>{td_string!(locale, workshop.setup_heading)}</h1>
            <p class="lead">{td_string!(locale, workshop.setup_lead)}</p>
            <ul class="facts">
                <li>{td_string!(locale, workshop.fact_local)}</li>
                <li>{td_string!(locale, workshop.fact_threshold)}</li>
                <li>{td_string!(locale, workshop.fact_paths)}</li>
            </ul>
            <form class="card" on:submit=|event| event.prevent_default()>
                <div class="field">
                    <label for="workshop-name">{td_string!(locale, workshop.name_label)}</label>
                    <input
                        id="workshop-name"
                        type="text"
                        maxlength=MAX_WORKSHOP_NAME_CHARS
                        autocomplete="off"
                        placeholder=td_string!(locale, workshop.default_name)
                        prop:value=name
                        on:input=move |event| name.set(event_target_value(&event))
                    />
                </div>
                <fieldset>
                    <legend>{td_string!(locale, workshop.instrument_label)}</legend>
                    {instruments}
                </fieldset>
                <div class="field">
                    <label for="workshop-threshold">{td_string!(locale, workshop.threshold_label)}</label>
                    <input
                        id="workshop-threshold"
                        type="number"
                        inputmode="numeric"
                        min=MIN_THRESHOLD
                        max=MAX_THRESHOLD
                        aria-describedby="workshop-threshold-help workshop-threshold-error"
                        aria-invalid=move || threshold_invalid.get().then_some("true")
                        node_ref=threshold_input
                        prop:value=threshold
                        on:input=move |event| {
                            threshold.set(event_target_value(&event));
                            threshold_invalid.set(false);
                        }
                    />
                    <p class="hint" id="workshop-threshold-help">
                        {td_string!(locale, workshop.threshold_help, min = MIN_THRESHOLD)}
                    </p>
                    <p class="warning-text" id="workshop-threshold-error">
                        {move || threshold_invalid.get().then(|| {
                            td_string!(locale, workshop.threshold_invalid, min = MIN_THRESHOLD, max = MAX_THRESHOLD)
                        })}
                    </p>
                </div>
                <button type="button" class="button-primary" on:click=start>{td_string!(locale, workshop.start)}</button>
            </form>
            <nav class="page-nav" aria-label=td_string!(locale, results.navigation)>
                <button type="button" class="button-secondary" on:click=move |_| state.screen.set(Screen::Start)>
                    {td_string!(locale, results.to_start)}
                </button>
            </nav>
        </section>
    }
}
