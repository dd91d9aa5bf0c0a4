//! The kiosk round: participants answer one after another on the
//! facilitator's device. A participant's answers live only in memory until
//! they finish; then they join the pool and the "pass it on" screen hides
//! everything the person saw or chose.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::workshop_instrument;
use crate::app::{use_app, Screen, WorkshopView};
use crate::components::focus_on_arrival;
use crate::components::likert::AnswersSignal;
use crate::core::answers::Answers;
use crate::core::response::Response;
use crate::core::session::pages;
use crate::i18n::td_string;
use crate::pages::questions::FactorPage;

#[component]
pub fn KioskRound() -> impl IntoView {
    let state = use_app();
    let Some(instrument) = workshop_instrument(state) else {
        return view! { <super::hub::WorkshopHub /> }.into_any();
    };
    let all_pages = pages(&[instrument]);
    let count = all_pages.len();
    let answers = RwSignal::new(Answers::default());
    let index = RwSignal::new(0usize);
    let finish = move || {
        let response = Response::from_answers(instrument, &answers.get_untracked());
        let mut added = false;
        state.workshop.update(|workshop| {
            if let Some(workshop) = workshop {
                added = workshop.add_kiosk(response);
            }
        });
        state
            .screen
            .set(Screen::Workshop(WorkshopView::Thanks { added }));
    };
    let next = move || {
        if index.get_untracked() + 1 < count {
            index.update(|index| *index += 1);
        } else {
            finish();
        }
    };
    let back = move || index.update(|index| *index = index.saturating_sub(1));
    // Leaving the page mid-turn (Back, reload, closing the tab) would lose the
    // participant's answers, which are saved only when they finish: while
    // there are any, the browser asks first. Only this screen has the
    // handler, so other pages stay fit for the browser's back-forward cache.
    let ask_before_leaving =
        Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            if answers.try_with_untracked(|answers| answers.count() > 0) == Some(true) {
                event.prevent_default();
            }
        });
    window().set_onbeforeunload(Some(ask_before_leaving.into_js_value().unchecked_ref()));
    on_cleanup(|| window().set_onbeforeunload(None));
    // One page at a time, again in a new language: App leaves this screen,
    // and with it the participant's answers so far, in place.
    (move || {
        state.lang();
        let current = index.get();
        view! {
            <FactorPage
                page=all_pages[current]
                index=current
                count
                answers=AnswersSignal::Kiosk(answers)
                // A participant has no way back to the facilitator's page.
                on_back=(current > 0).then(|| Callback::new(move |()| back()))
                on_next=Callback::new(move |()| next())
                leads_on=current + 1 < count
            />
        }
    })
    .into_any()
}

/// `added`: whether the participant's answers joined the pool (not when
/// they answered nothing).
#[component]
pub fn Thanks(added: bool) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let heading = NodeRef::<html::H1>::new();
    focus_on_arrival(heading);
    let count = state
        .workshop
        .with_untracked(|w| w.as_ref().map_or(0, |w| w.count()));
    view! {
        <section class="kiosk-thanks">
            <h1 tabindex="-1" node_ref=heading>{td_string!(locale, workshop.thanks_heading)}</h1>
            <p class="lead">
                {if added {
                    td_string!(locale, workshop.thanks_lead)
                } else {
                    td_string!(locale, workshop.thanks_lead_blank)
                }}
            </p>
            <p>{td_string!(locale, workshop.count, count = count)}</p>
            <div class="button-row">
                <button type="button" class="button-primary" on:click=move |_| state.screen.set(Screen::Workshop(WorkshopView::Kiosk))>
                    {td_string!(locale, workshop.next_participant)}
                </button>
                <button type="button" class="button-secondary" on:click=move |_| state.screen.set(Screen::Workshop(WorkshopView::Hub))>
                    {td_string!(locale, workshop.end_round)}
                </button>
            </div>
        </section>
    }
}
