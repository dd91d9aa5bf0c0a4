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
    let links = move || {
        unanswered
            .get()
            .into_iter()
            .map(|(index, count)| {
                let page = all_pages[index];
                let text = move || {
                    td_string!(
                        locale,
                        review.page_link,
                        factor = page.factor.name.get(state.lang()),
                        count = count
                    )
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
            <h1 tabindex="-1" node_ref=heading>{td_string!(locale, review.heading)}</h1>
            <p>{summary}</p>
            <p>{td_string!(locale, review.explain)}</p>
            <ul class="unanswered-list">{links}</ul>
            <button type="button" class="button-primary" on:click=move |_| state.go_to(Position::Results)>
                {td_string!(locale, review.to_results)}
            </button>
        </section>
    }
}
