//! The results: the resource profile and the risk overview, side by side in one page.

mod resources;
mod risks;

use leptos::html;
use leptos::prelude::*;

use crate::app::{use_app, Screen};
use crate::core::instrument::{built_in, Instrument, Lens};
use crate::core::session::{Choice, Position};
use crate::i18n::td_string;
use resources::ResourceResults;
use risks::RiskResults;

fn instrument(lens: Lens) -> Option<&'static Instrument> {
    built_in().iter().find(|instrument| instrument.lens == lens)
}

#[component]
pub fn ResultsPage(choice: Choice) -> impl IntoView {
    let state = use_app();
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let risks = instrument(Lens::Risk)
        .filter(|_| choice.includes(Lens::Risk))
        .map(|instrument| view! { <RiskResults instrument /> });
    let resources = instrument(Lens::Resource)
        .filter(|_| choice.includes(Lens::Resource))
        .map(|instrument| view! { <ResourceResults instrument /> });
    view! {
        <section class="results-page">
            <h1 tabindex="-1" node_ref=heading>{move || td_string!(state.locale(), results.heading)}</h1>
            <p class="lead">{move || td_string!(state.locale(), results.lead)}</p>
            {resources}
            {risks}
            <nav class="page-nav" aria-label=move || td_string!(state.locale(), results.navigation)>
                <button type="button" class="button-primary" on:click=move |_| state.screen.set(Screen::Plan)>
                    {move || td_string!(state.locale(), results.make_plan)}
                </button>
                <button type="button" class="button-secondary" on:click=move |_| state.go_to(Position::Page(0))>
                    {move || td_string!(state.locale(), results.change_answers)}
                </button>
                <button type="button" class="button-secondary" on:click=move |_| state.screen.set(Screen::Start)>
                    {move || td_string!(state.locale(), results.to_start)}
                </button>
            </nav>
        </section>
    }
}
