//! "Slik jobber dere videre": how to follow up a survey, drawn from the deck
//! the product grew from and the domain notes, in our own words.

use leptos::html;
use leptos::prelude::*;

use crate::app::{use_app, Screen};
use crate::components::focus_on_arrival;
use crate::i18n::td_string;

#[component]
pub fn GuidePage(back_to: Screen) -> impl IntoView {
    let state = use_app();
    let locale = state.locale();
    let heading = NodeRef::<html::H1>::new();
    focus_on_arrival(heading);
    view! {
        <article class="guide-page">
            <h1 tabindex="-1" node_ref=heading>{td_string!(locale, guide.heading)}</h1>
            <p class="lead">{td_string!(locale, guide.lead)}</p>
            <h2>{td_string!(locale, guide.steps_heading)}</h2>
            <ol>
                <li>{td_string!(locale, guide.step_1)}</li>
                <li>{td_string!(locale, guide.step_2)}</li>
                <li>{td_string!(locale, guide.step_3)}</li>
                <li>{td_string!(locale, guide.step_4)}</li>
                <li>{td_string!(locale, guide.step_5)}</li>
            </ol>
            <h2>{td_string!(locale, guide.good_heading)}</h2>
            <ul>
                <li>{td_string!(locale, guide.good_1)}</li>
                <li>{td_string!(locale, guide.good_2)}</li>
                <li>{td_string!(locale, guide.good_3)}</li>
                <li>{td_string!(locale, guide.good_4)}</li>
                <li>{td_string!(locale, guide.good_5)}</li>
                <li>{td_string!(locale, guide.good_6)}</li>
            </ul>
            <h2>{td_string!(locale, guide.roles_heading)}</h2>
            <p>{td_string!(locale, guide.roles_leader)}</p>
            <p>{td_string!(locale, guide.roles_safety)}</p>
            <p>{td_string!(locale, guide.roles_union)}</p>
            <p>{td_string!(locale, guide.roles_ia)}</p>
            <h2>{td_string!(locale, guide.both_heading)}</h2>
            <p>{td_string!(locale, guide.both_1)}</p>
            <p>{td_string!(locale, guide.both_2)}</p>
            <p>{td_string!(locale, guide.both_3)}</p>
            <nav class="page-nav" aria-label=td_string!(locale, results.navigation)>
                <button type="button" class="button-secondary" on:click=move |_| state.screen.set(back_to)>
                    {td_string!(locale, guide.back)}
                </button>
            </nav>
        </article>
    }
}
