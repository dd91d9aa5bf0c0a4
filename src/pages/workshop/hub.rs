//! The workshop's overview: how many answers are pooled, and the ways on:
//! a kiosk round, importing codes and files, the group result, the slides.

use leptos::html;
use leptos::prelude::*;

use super::import::ImportAnswers;
use super::{presentation, workshop_instrument};
use crate::app::{use_app, PresentFrom, Screen, WorkshopView};
use crate::components::confirm_button::{ConfirmButton, ConfirmTexts};
use crate::components::focus_on_arrival;
use crate::i18n::td_string;

#[component]
pub fn WorkshopHub() -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let heading = NodeRef::<html::H1>::new();
    focus_on_arrival(heading);
    let (name, threshold) = state.workshop.with_untracked(|workshop| {
        workshop
            .as_ref()
            .map(|w| (w.name.clone(), w.threshold()))
            .unwrap_or_default()
    });
    let count = move || state.workshop.with(|w| w.as_ref().map_or(0, |w| w.count()));
    let count_text = move || td_string!(locale, workshop.count, count = count());
    let threshold_text = td_string!(locale, workshop.threshold_is, threshold = threshold);
    let instrument_title =
        workshop_instrument(state).map(|instrument| instrument.title.get(state.lang()));
    let go = move |view: WorkshopView| state.screen.set(Screen::Workshop(view));
    let end = Callback::new(move |()| {
        state.workshop.set(None);
        state.screen.set(Screen::Start);
    });
    let end_texts = ConfirmTexts {
        open: td_string!(locale, workshop.end),
        question: td_string!(locale, workshop.end_confirm).to_string(),
        yes: td_string!(locale, workshop.end_yes),
        no: td_string!(locale, workshop.end_no),
    };

    view! {
        <section class="workshop-hub">
            <h1 tabindex="-1" node_ref=heading>{name}</h1>
            <p class="lead">{instrument_title}</p>
            <p class="workshop-count" aria-live="polite">{count_text}</p>
            <p>{threshold_text}</p>
            {match instrument_title {
                Some(_) => view! {
                    <div class="card">
                        <h2>{td_string!(locale, workshop.kiosk_heading)}</h2>
                        <p>{td_string!(locale, workshop.kiosk_explain)}</p>
                        <button type="button" class="button-primary" on:click=move |_| go(WorkshopView::Kiosk)>
                            {td_string!(locale, workshop.kiosk_start)}
                        </button>
                    </div>
                    <ImportAnswers />
                    <div class="card">
                        <h2>{td_string!(locale, workshop.result_heading)}</h2>
                        <p>{td_string!(locale, workshop.result_explain)}</p>
                        <div class="button-row">
                            <button type="button" class="button-primary" on:click=move |_| go(WorkshopView::Results)>
                                {td_string!(locale, workshop.show_result)}
                            </button>
                            <button type="button" class="button-secondary" id=presentation::OPENER_ID on:click=move |_| go(WorkshopView::Presentation { from: PresentFrom::Hub })>
                                {td_string!(locale, workshop.present)}
                            </button>
                        </div>
                    </div>
                }.into_any(),
                // Nothing can be pooled or shown without it; what is pooled is kept.
                None => view! {
                    <div class="banner banner-warning" role="alert">
                        <p>{td_string!(locale, group.unknown_instrument)}</p>
                        <p>{td_string!(locale, workshop.load_instrument_again)}</p>
                    </div>
                }.into_any(),
            }}
            <div class="card">
                <h2>{td_string!(locale, workshop.end_heading)}</h2>
                <p>{td_string!(locale, workshop.end_explain)}</p>
                <ConfirmButton texts=end_texts on_confirm=end warning=true />
            </div>
            <nav class="page-nav" aria-label=td_string!(locale, results.navigation)>
                <button type="button" class="button-secondary" on:click=move |_| state.screen.set(Screen::Start)>
                    {td_string!(locale, results.to_start)}
                </button>
            </nav>
        </section>
    }
}
