//! Workshop mode: a facilitator pools a group's anonymous answers on one
//! device (a kiosk round, response codes or files) and shows the group's
//! profile, on screen or as slides on a projector. There is no server.

mod group;
pub use group::note_what_is_shown;
mod hub;
mod import;
mod kiosk;
mod presentation;
mod setup;

use leptos::prelude::*;

use crate::app::{use_app, AppState, WorkshopView};
use crate::core::instrument::Instrument;

/// The instrument the current workshop uses, if it still exists in this
/// version of the app. It takes the state, not the context, so that timer
/// callbacks (the camera's) can call it too.
pub fn workshop_instrument(state: AppState) -> Option<&'static Instrument> {
    state.workshop.with_untracked(|workshop| {
        workshop
            .as_ref()
            .and_then(|w| w.instrument(state.instruments()))
    })
}

#[component]
pub fn WorkshopPage(view: WorkshopView) -> impl IntoView {
    let state = use_app();
    // Starting or ending the workshop swaps the screen; pooling answers does not.
    let running = Memo::new(move |_| state.workshop.with(Option::is_some));
    move || {
        if !running.get() {
            return view! { <setup::WorkshopSetup /> }.into_any();
        }
        match view {
            WorkshopView::Hub => view! { <hub::WorkshopHub /> }.into_any(),
            WorkshopView::Kiosk => view! { <kiosk::KioskRound /> }.into_any(),
            WorkshopView::Thanks { added } => view! { <kiosk::Thanks added /> }.into_any(),
            WorkshopView::Results => view! { <group::GroupResults /> }.into_any(),
            WorkshopView::Presentation { from } => {
                view! { <presentation::Presentation from /> }.into_any()
            }
        }
    }
}
