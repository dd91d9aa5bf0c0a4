//! The results: the resource profile and the risk overview, side by side in one page.

mod resources;
mod risks;
mod share;

use leptos::html;
use leptos::prelude::*;

use crate::app::{use_app, GuideFrom, PlanFrom, Screen};
use crate::components::focus_on_arrival;
use crate::core::instrument::{with_lens, Lens};
use crate::core::session::{Choice, Position};
use crate::i18n::td_string;
use resources::ResourceResults;
use risks::RiskResults;
use share::ShareWithGroup;

#[component]
pub fn ResultsPage(choice: Choice) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let heading = NodeRef::<html::H1>::new();
    focus_on_arrival(heading);
    let instruments = choice.instruments(&state.instruments());
    let resources = with_lens(&instruments, Lens::Resource)
        .map(|instrument| view! { <ResourceResults instrument /> });
    let risks =
        with_lens(&instruments, Lens::Risk).map(|instrument| view! { <RiskResults instrument /> });
    let shares = instruments
        .iter()
        .map(|&instrument| view! { <ShareWithGroup instrument /> })
        .collect_view();
    view! {
        <section class="results-page">
            <h1 tabindex="-1" node_ref=heading>{td_string!(locale, results.heading)}</h1>
            <p class="lead">{td_string!(locale, results.lead)}</p>
            {resources}
            {risks}
            {shares}
            <nav class="page-nav" aria-label=td_string!(locale, results.navigation)>
                <button type="button" class="button-secondary" on:click=move |_| state.screen.set(Screen::Guide { from: GuideFrom::Results })>
                    {td_string!(locale, guide.link)}
                </button>
                <button type="button" class="button-primary" on:click=move |_| state.screen.set(Screen::Plan { from: PlanFrom::Own })>
                    {td_string!(locale, results.make_plan)}
                </button>
                <button type="button" class="button-secondary" on:click=move |_| { state.back_to_review.set_value(true); state.go_to(Position::Review) }>
                    {td_string!(locale, results.change_answers)}
                </button>
                <button type="button" class="button-secondary" on:click=move |_| state.screen.set(Screen::Start)>
                    {td_string!(locale, results.to_start)}
                </button>
            </nav>
        </section>
    }
}
