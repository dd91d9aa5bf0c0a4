//! A button whose action needs a second, explicit yes: pressing it asks the
//! question, with a confirm and a cancel button in its place. Focus follows,
//! so keyboard and screen-reader users land on the confirm button and, when
//! they cancel (or press Escape), back on the button they pressed. A key
//! held down on the first button does not answer yes.

use std::cell::Cell;

use leptos::html;
use leptos::prelude::*;

/// The texts of one confirmation.
pub struct ConfirmTexts {
    /// The opening button's text.
    pub open: &'static str,
    pub question: String,
    pub yes: &'static str,
    pub no: &'static str,
}

/// A page-unique id, so the group is labelled by its own question.
fn next_question_id() -> String {
    thread_local! {
        static NEXT: Cell<u32> = const { Cell::new(0) };
    }
    let id = NEXT.get();
    NEXT.set(id.wrapping_add(1));
    format!("confirm-question-{id}")
}

#[component]
pub fn ConfirmButton(
    texts: ConfirmTexts,
    /// What the action does, run on yes.
    on_confirm: Callback<()>,
    /// A fuller accessible name for the opening button, when several on a
    /// page share its text.
    #[prop(optional)]
    open_label: Option<String>,
    /// The opening button looks dangerous (it deletes something).
    #[prop(optional)]
    danger: bool,
    /// The opening button is the page's main action.
    #[prop(optional)]
    primary: bool,
    /// The question is shown as a warning.
    #[prop(optional)]
    warning: bool,
) -> impl IntoView {
    let ConfirmTexts {
        open,
        question,
        yes,
        no,
    } = texts;
    let confirming = RwSignal::new(false);
    let returning = StoredValue::new(false);
    let open_button = NodeRef::<html::Button>::new();
    let yes_button = NodeRef::<html::Button>::new();
    let question_id = next_question_id();

    // The node refs are tracked too, so focus moves once the swapped-in
    // button is in the page. Going back waits a frame: the action may remove
    // this whole component (and then the caller decides where focus goes).
    Effect::new(move |_| {
        if confirming.get() {
            if let Some(button) = yes_button.get() {
                let _ = button.focus();
            }
        } else if let (Some(button), true) = (open_button.get(), returning.get_value()) {
            returning.set_value(false);
            request_animation_frame(move || {
                if button.is_connected() {
                    let _ = button.focus();
                }
            });
        }
    });
    let close = move || {
        returning.set_value(true);
        confirming.set(false);
    };
    let open_class = match (danger, primary) {
        (true, _) => "button-danger",
        (false, true) => "button-primary",
        (false, false) => "button-secondary",
    };

    view! {
        <Show
            when=move || confirming.get()
            fallback=move || {
                view! {
                    <button type="button" class=open_class aria-label=open_label.clone() node_ref=open_button on:click=move |_| confirming.set(true)>
                        {open}
                    </button>
                }
            }
        >
            <div class="confirm" role="group" aria-labelledby=question_id.clone() on:keydown=move |event| {
                if event.key() == "Escape" {
                    close();
                }
            }>
                <p id=question_id.clone() class:warning-text=warning>{question.clone()}</p>
                // A held key's repeats land here once focus moves: only a fresh press says yes.
                <button type="button" class="button-danger" node_ref=yes_button on:click=move |_| {
                    close();
                    on_confirm.run(());
                } on:keydown=move |event| {
                    if event.repeat() {
                        event.prevent_default();
                    }
                }>
                    {yes}
                </button>
                <button type="button" class="button-secondary" on:click=move |_| close()>
                    {no}
                </button>
            </div>
        </Show>
    }
}
