//! "Slett svarene mine": removes everything the app stored, after a confirmation.

use leptos::prelude::*;

use crate::app::{use_app, Screen, Status};
use crate::components::confirm_button::{ConfirmButton, ConfirmTexts};
use crate::core::history::History;
use crate::core::plan::Plan;
use crate::i18n::td_string;
use crate::storage;

#[component]
pub fn DeleteData() -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let delete = Callback::new(move |()| match storage::remove_all() {
        Ok(()) => {
            state.session.set(None);
            state.plan.set(Plan::default());
            state.history.set(History::default());
            state.loaded.set(Vec::new());
            state.workshop.set(None);
            state.forget_drafts(&|_| true);
            state.screen.set(Screen::Start);
            state.storage_error.set(None);
            // After the effects that save the emptied state have run: they
            // announce "saved", which would take the place of "deleted".
            set_timeout(
                move || state.status.set(Some(Status::Deleted)),
                std::time::Duration::ZERO,
            );
        }
        Err(error) => state.storage_error.set(Some(error)),
    });
    let texts = ConfirmTexts {
        open: td_string!(locale, delete.button),
        question: td_string!(locale, delete.question).to_string(),
        yes: td_string!(locale, delete.confirm),
        no: td_string!(locale, delete.cancel),
    };

    view! {
        <div class="delete-data">
            <ConfirmButton texts on_confirm=delete danger=true />
        </div>
    }
}
