//! One statement: a native radio group in a fieldset whose legend is the
//! statement. Every option is labelled, so the scale's ends are part of each
//! radio's accessible name; "don't know" sits apart from the scale.

use leptos::prelude::*;

use crate::app::use_app;
use crate::clock::this_month;
use crate::core::answers::{Answer, Answers};
use crate::core::instrument::{Item, Scale};
use crate::core::session::Session;
use crate::i18n::td_string;

/// `answers` holds the answers being given: the person's own session, or a
/// kiosk participant's, which is never saved.
#[component]
pub fn Likert(
    instrument_id: &'static str,
    item: &'static Item,
    scale: &'static Scale,
    number: usize,
    answers: AnswersSignal,
) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let current = Memo::new(move |_| answers.get(instrument_id, &item.id));
    let choose = move |answer: Answer| answers.set(instrument_id, &item.id, answer);
    let option = move |answer: Answer, label: &'static str, class: &'static str| {
        let id = format!("{}-{}", item.id, u8::from(answer));
        view! {
            <div class=class>
                <input
                    type="radio"
                    id=id.clone()
                    name=item.id.clone()
                    value=u8::from(answer).to_string()
                    prop:checked=move || current.get() == Some(answer)
                    on:change=move |_| choose(answer)
                />
                <label for=id>{label}</label>
            </div>
        }
    };
    let points = (1..=scale.points)
        .map(|point| {
            let label = scale.labels[usize::from(point - 1)].get(state.lang());
            option(Answer::Point(point), label, "option")
        })
        .collect_view();
    let dont_know = option(
        Answer::DontKnow,
        td_string!(locale, scale.dont_know),
        "option option-dont-know",
    );
    view! {
        <fieldset class="statement" data-item=item.id.clone()>
            <legend>
                <span class="statement-number">{number}". "</span>
                {move || item.text.get(state.lang())}
            </legend>
            <div class=format!("options points-{}", scale.points)>
                {points}
            </div>
            {dont_know}
        </fieldset>
    }
}

/// Where a questionnaire page reads and writes its answers.
#[derive(Clone, Copy)]
pub enum AnswersSignal {
    /// The person's own self-assessment, saved as they go.
    Session(RwSignal<Option<Session>>),
    /// A kiosk participant's answers, kept in memory only.
    Kiosk(RwSignal<Answers>),
}

impl AnswersSignal {
    pub fn get(self, instrument: &str, item: &str) -> Option<Answer> {
        match self {
            AnswersSignal::Session(session) => session.with(|session| {
                session
                    .as_ref()
                    .and_then(|session| session.answers.get(instrument, item))
            }),
            AnswersSignal::Kiosk(answers) => answers.with(|answers| answers.get(instrument, item)),
        }
    }

    pub fn set(self, instrument: &str, item: &str, answer: Answer) {
        match self {
            AnswersSignal::Session(session) => session.update(|session| {
                if let Some(session) = session {
                    session.answers.set(instrument, item, answer);
                    if let Some(month) = this_month() {
                        session.answered_in = Some(month);
                    }
                }
            }),
            AnswersSignal::Kiosk(answers) => {
                answers.update(|answers| answers.set(instrument, item, answer))
            }
        }
    }

    /// All answers given so far.
    pub fn answers(self) -> Answers {
        match self {
            AnswersSignal::Session(session) => session
                .with(|session| session.as_ref().map(|s| s.answers.clone()))
                .unwrap_or_default(),
            AnswersSignal::Kiosk(answers) => answers.get(),
        }
    }
}
