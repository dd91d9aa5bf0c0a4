//! "Slett svarene mine": removes everything the app stored, after a confirmation.

use leptos::html;
use leptos::prelude::*;

use crate::app::{use_app, Screen, Status};
use crate::core::history::History;
use crate::core::plan::Plan;
use crate::i18n::td_string;
use crate::storage;

#[component]
pub fn DeleteData() -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let confirming = RwSignal::new(false);
    let confirm_button = NodeRef::<html::Button>::new();
    let open_button = NodeRef::<html::Button>::new();

    Effect::new(move |_| {
        if confirming.get() {
            if let Some(button) = confirm_button.get() {
                let _ = button.focus();
            }
        }
    });

    let delete = move |_| {
        match storage::remove_all() {
            Ok(()) => {
                state.session.set(None);
                state.plan.set(Plan::default());
                state.history.set(History::default());
                state.loaded.set(Vec::new());
                state.screen.set(Screen::Start);
                state.storage_error.set(None);
                state.status.set(Some(Status::Deleted));
            }
            Err(error) => state.storage_error.set(Some(error)),
        }
        confirming.set(false);
    };
    let cancel = move |_| {
        confirming.set(false);
        if let Some(button) = open_button.get() {
            let _ = button.focus();
        }
    };

    view! {
        <div class="delete-data">
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button type="button" class="button-danger" node_ref=open_button on:click=move |_| confirming.set(true)>
                            {td_string!(locale, delete.button)}
                        </button>
                    }
                }
            >
                <div class="confirm" role="group" aria-labelledby="delete-question">
                    <p id="delete-question">{td_string!(locale, delete.question)}</p>
                    <button type="button" class="button-danger" node_ref=confirm_button on:click=delete>
                        {td_string!(locale, delete.confirm)}
                    </button>
                    <button type="button" class="button-secondary" on:click=cancel>
                        {td_string!(locale, delete.cancel)}
                    </button>
                </div>
            </Show>
        </div>
    }
}
