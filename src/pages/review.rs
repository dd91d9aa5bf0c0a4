//! Before the results: how many statements are unanswered, with a way back to each page.

use leptos::html;
use leptos::prelude::*;

use crate::app::use_app;
use crate::components::focus_on_arrival;
use crate::core::session::{pages, unanswered_pages, Choice, Position};
use crate::i18n::td_string;

#[component]
pub fn ReviewPage(choice: Choice) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let heading = NodeRef::<html::H1>::new();
    focus_on_arrival(heading);
    let instruments = choice.instruments(&state.instruments());
    let all_pages = pages(&instruments);
    let unanswered = Memo::new(move |_| {
        state.session.with(|session| {
            session
                .as_ref()
                .map(|s| unanswered_pages(&pages(&instruments), &s.answers))
                .unwrap_or_default()
        })
    });
    let total =
        move || unanswered.with(|pages| pages.iter().map(|(_, count)| count).sum::<usize>());
    let summary = move || td_string!(locale, review.summary, count = total());
    // From the results ("Endre svarene", which sets `back_to_review`), or
    // with every statement answered, every page is offered, to change an
    // answer and come back; before the results, the unanswered ones.
    let changing = state.back_to_review.get_value();
    let all_answered = move || unanswered.with(Vec::is_empty);
    let links = move || {
        let listed: Vec<usize> = if changing || all_answered() {
            (0..all_pages.len()).collect()
        } else {
            unanswered.with(|pages| pages.iter().map(|(index, _)| *index).collect())
        };
        listed
            .into_iter()
            .map(|index| {
                let page = all_pages[index];
                let count = unanswered.with(|pages| {
                    pages
                        .iter()
                        .find(|(page, _)| *page == index)
                        .map_or(0, |(_, count)| *count)
                });
                let text = move || {
                    let factor = page.factor.name.get(state.lang());
                    if count == 0 {
                        factor.to_string()
                    } else {
                        td_string!(locale, review.page_link, factor = factor, count = count)
                            .to_string()
                    }
                };
                view! {
                    <li>
                        <button type="button" class="link-button" on:click=move |_| {
                            state.back_to_review.set_value(true);
                            state.go_to(Position::Page(index));
                        }>
                            {text}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="review-page">
            <h1 tabindex="-1" node_ref=heading>
                {move || if all_answered() { td_string!(locale, results.change_answers) } else { td_string!(locale, review.heading) }}
            </h1>
            {move || if all_answered() {
                view! { <p>{td_string!(locale, review.choose_part)}</p> }.into_any()
            } else {
                view! { <p>{summary}</p> <p>{td_string!(locale, review.explain)}</p> }.into_any()
            }}
            <ul class="unanswered-list">{links}</ul>
            <button type="button" class="button-primary" on:click=move |_| state.go_to(Position::Results)>
                {td_string!(locale, review.to_results)}
            </button>
        </section>
    }
}
