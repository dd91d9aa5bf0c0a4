//! One factor per page: its statements, progress, Back and Next. The same
//! page serves the person's own self-assessment and a workshop's kiosk round.

use leptos::html;
use leptos::prelude::*;

use crate::app::{use_app, Screen};
use crate::components::focus_on_arrival;
use crate::components::likert::{AnswersSignal, Likert};
use crate::core::instrument::Lens;
use crate::core::session::{pages, unanswered_pages, Choice, Page, Position};
use crate::i18n::td_string;

/// The self-assessment's page `index`: Next leads on, to the review of
/// unanswered statements, or to the results; from a page the review sent
/// the person back to, straight to the review or the results.
#[component]
pub fn QuestionPage(choice: Choice, index: usize) -> impl IntoView {
    let state = use_app();
    let instruments = choice.instruments(&state.instruments());
    let all_pages = pages(&instruments);
    let count = all_pages.len();
    let index = index.min(count.saturating_sub(1));
    // A loaded instrument that this version can no longer read has no pages:
    // start afresh rather than show nothing.
    let Some(page) = all_pages.get(index).copied() else {
        return view! { <crate::pages::start::StartPage /> }.into_any();
    };
    let leads_on = index + 1 < count && !state.back_to_review.get_value();
    let next = move || {
        let position = if leads_on {
            Position::Page(index + 1)
        } else {
            state.back_to_review.set_value(false);
            let unanswered = state.session.with(|session| {
                session.as_ref().map_or(0, |s| {
                    unanswered_pages(&pages(&instruments), &s.answers).len()
                })
            });
            if unanswered > 0 {
                Position::Review
            } else {
                Position::Results
            }
        };
        state.go_to(position);
    };
    let back = move || {
        if index == 0 {
            state.screen.set(Screen::Start);
        } else {
            state.go_to(Position::Page(index - 1));
        }
    };
    view! {
        <FactorPage
            page
            index
            count
            answers=AnswersSignal::Session(state.session)
            on_back=Some(Callback::new(move |()| back()))
            on_next=Callback::new(move |()| next())
            leads_on
        />
    }
    .into_any()
}

/// Page `index` of `count`: one factor's statements, answered into `answers`.
#[component]
pub fn FactorPage(
    page: Page<'static>,
    index: usize,
    count: usize,
    answers: AnswersSignal,
    /// Absent where there is nowhere to go back to.
    on_back: Option<Callback<()>>,
    on_next: Callback<()>,
    /// Next leads to the following page; else it finishes (to the review or
    /// the results), and says so.
    leads_on: bool,
) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let instrument_id = page.instrument.id.as_str();
    let scale = page.instrument.factor_scale(page.factor);
    let heading = NodeRef::<html::H1>::new();
    focus_on_arrival(heading);

    let progress = td_string!(locale, survey.progress, current = index + 1, total = count);
    let lens_name = match page.instrument.lens {
        Lens::Resource => td_string!(locale, lens.resources),
        Lens::Risk => td_string!(locale, lens.risks),
    };
    let statements = page
        .factor
        .items
        .iter()
        .enumerate()
        .map(|(number, item)| {
            view! { <Likert instrument_id item scale number=number + 1 answers /> }
        })
        .collect_view();
    // A kiosk participant's answers go to the group, not to results of their own.
    let next_label = match (leads_on, answers) {
        (true, _) => td_string!(locale, survey.next),
        (false, AnswersSignal::Session(_)) => td_string!(locale, survey.finish),
        (false, AnswersSignal::Kiosk(_)) => td_string!(locale, survey.finish_kiosk),
    };

    view! {
        <section class="question-page" aria-labelledby="factor-heading">
            <div class="progress">
                <p class="progress-text">{progress}" · "{lens_name}</p>
                <progress max=count value=index + 1 aria-hidden="true"></progress>
            </div>
            <h1 id="factor-heading" tabindex="-1" node_ref=heading>
                {page.factor.name.get(state.lang())}
            </h1>
            <p class="hint">{td_string!(locale, survey.hint)}</p>
            <form class="statements" on:submit=|event| event.prevent_default()>
                {statements}
            </form>
            <nav class="page-nav" aria-label=td_string!(locale, survey.navigation)>
                {on_back.map(|on_back| view! {
                    <button type="button" class="button-secondary" on:click=move |_| on_back.run(())>
                        {td_string!(locale, survey.back)}
                    </button>
                })}
                <button type="button" class="button-primary" on:click=move |_| on_next.run(())>
                    {next_label}
                </button>
            </nav>
        </section>
    }
}
