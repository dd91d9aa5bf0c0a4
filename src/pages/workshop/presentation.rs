//! Slides for a projector: an overview, then one slide per factor with its
//! distribution and three questions for discussion. Each result starts
//! hidden, so the group can guess first. Keys: → and ← (or Page Down/Up;
//! Space and Enter go on, as in presentation programs), Home, End, F for
//! full screen, Esc to leave, back to the button that opened them.

use js_sys::Promise;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use super::group::{
    current_result, distribution_rows, held_back_text, not_ks_note, note_what_is_shown,
    scale_labels, scale_legends, shares_text, summary,
};
use super::workshop_instrument;
use crate::app::{use_app, PresentFrom, Screen, WorkshopView};
use crate::charts::distribution::Legend;
use crate::components::distribution_chart::{DistributionChart, ScaleLegend, ScaleLegends};
use crate::components::focus_after_render;
use crate::i18n::td_string;

/// Full screen, where the page may have it: an iframe needs allow="fullscreen".
fn can_go_full_screen() -> bool {
    document().fullscreen_enabled()
}

#[wasm_bindgen]
extern "C" {
    /// An element, with `requestFullscreen` as browsers have it now: a promise
    /// that a refusal rejects (web-sys binds the old form, which drops it).
    type FullScreenTarget;
    #[wasm_bindgen(method, catch, js_name = requestFullscreen)]
    fn request_fullscreen(this: &FullScreenTarget) -> Result<Promise, JsValue>;
}

/// Enters or leaves full screen; sets `refused` when the browser says no,
/// which it may even where full screen is enabled (no user gesture, a policy).
fn toggle_full_screen(refused: RwSignal<bool>) {
    let document = document();
    if !document.fullscreen_enabled() {
        return;
    }
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(root) = document.document_element() {
        match root
            .unchecked_ref::<FullScreenTarget>()
            .request_fullscreen()
        {
            Ok(promise) => spawn_local(async move {
                refused.set(JsFuture::from(promise).await.is_err());
            }),
            Err(_) => refused.set(true),
        }
    }
}

/// The id of the button that opens the slides (on the hub and on the group
/// result): focus returns to it when they close.
pub const OPENER_ID: &str = "present";

#[component]
pub fn Presentation(from: PresentFrom) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let lang = state.lang();
    let Some(instrument) = workshop_instrument(state) else {
        return view! { <super::hub::WorkshopHub /> }.into_any();
    };
    let Some(workshop) = state.workshop.get_untracked() else {
        return view! { <super::hub::WorkshopHub /> }.into_any();
    };
    let result = current_result(&workshop, instrument);
    // Held back, like below the threshold: one slide saying why.
    let held_back = workshop.unshown_change(instrument);
    note_what_is_shown(state, instrument);
    let rows = distribution_rows(&result, locale, lang);
    let legends = scale_legends(&result, lang);
    // Each factor's slide explains its own scale's colours.
    let factor_legends: Vec<Legend> = result
        .factors
        .iter()
        .map(|factor| Legend {
            caption: None,
            labels: scale_labels(instrument, factor, lang),
            low_is_favourable: instrument.low_is_favourable(factor.factor),
        })
        .collect();
    // A factor slide's bar in words, option by option, as the group page's table has it.
    let factor_shares: Vec<String> = result
        .factors
        .iter()
        .map(|factor| shares_text(instrument, factor, locale, lang).unwrap_or_default())
        .collect();
    // Below the threshold there is one slide: the count and why nothing more.
    let shown = result.is_shown() && held_back.is_none();
    let slide_count = if shown { rows.len() + 1 } else { 1 };
    let slide = RwSignal::new(0usize);
    let revealed = RwSignal::new(false);
    let full_screen_refused = RwSignal::new(false);
    let section = NodeRef::<html::Section>::new();
    Effect::new(move |_| {
        // Also when a refusal takes away the focused full-screen button.
        full_screen_refused.track();
        if let Some(section) = section.get() {
            let _ = section.focus();
        }
    });

    let forward = move || {
        if shown && !revealed.get_untracked() {
            revealed.set(true);
        } else if slide.get_untracked() + 1 < slide_count {
            slide.update(|slide| *slide += 1);
            revealed.set(false);
        }
    };
    let backward = move || {
        if slide.get_untracked() > 0 {
            slide.update(|slide| *slide -= 1);
            // Going back shows a result already seen.
            revealed.set(true);
        }
    };
    let leave = move || {
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
        state.screen.set(Screen::Workshop(match from {
            PresentFrom::Hub => WorkshopView::Hub,
            PresentFrom::Results => WorkshopView::Results,
        }));
        focus_after_render(OPENER_ID.to_string());
    };
    let keys = window_event_listener(ev::keydown, move |event| {
        // Ctrl+F, Alt+Left and the like stay the browser's.
        if event.ctrl_key() || event.alt_key() || event.meta_key() {
            return;
        }
        // Enter and Space on a focused button press that button.
        let on_button = document()
            .active_element()
            .is_some_and(|active| active.tag_name() == "BUTTON");
        let handled = match event.key().as_str() {
            "ArrowRight" | "PageDown" => {
                forward();
                true
            }
            " " | "Enter" if !on_button => {
                forward();
                true
            }
            "ArrowLeft" | "PageUp" => {
                backward();
                true
            }
            "Home" => {
                // The overview stays revealed once the group has seen it.
                let seen = slide.get_untracked() > 0 || revealed.get_untracked();
                slide.set(0);
                revealed.set(seen);
                true
            }
            "End" => {
                slide.set(slide_count - 1);
                revealed.set(true);
                true
            }
            "f" | "F" => {
                toggle_full_screen(full_screen_refused);
                true
            }
            "Escape" => {
                leave();
                true
            }
            _ => false,
        };
        if handled {
            event.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());

    let title = workshop.name.clone();
    let instrument_title = instrument.title.get(lang);
    let not_ks = not_ks_note(instrument, locale);
    // Named, so that it is a region and its "slide show" is announced.
    let show_name = if title.trim().is_empty() {
        instrument_title.to_string()
    } else {
        title.clone()
    };
    let respondents = result.respondents;
    let threshold = result.threshold;
    let overview_rows = rows.clone();
    let content = move || {
        let index = slide.get();
        let is_revealed = revealed.get();
        if !shown {
            let text = match held_back {
                Some(added) => held_back_text(added, threshold, locale),
                None => td_string!(
                    locale,
                    group.below_threshold,
                    count = respondents,
                    threshold = threshold
                )
                .to_string(),
            };
            return view! {
                <h1>{title.clone()}</h1>
                <p class="slide-big">{text}</p>
            }
            .into_any();
        }
        let hidden = (!is_revealed)
            .then(|| view! { <p class="slide-guess">{td_string!(locale, present.guess)}</p> });
        if index == 0 {
            let chart = is_revealed.then(|| {
                let summary = summary(&overview_rows, locale);
                view! {
                    <DistributionChart rows=overview_rows.clone() summary scale=1.9 beside=true fill=true />
                    <ScaleLegends legends=legends.clone() />
                }
            });
            return view! {
                <h1>{title.clone()}</h1>
                <p class="slide-lead">{instrument_title}" · "{td_string!(locale, group.respondents, count = respondents)}<span class="slide-note">{not_ks.clone()}</span></p>
                {hidden}
                {chart}
            }
            .into_any();
        }
        let row = rows[index - 1].clone();
        let revealed_view = is_revealed.then(|| {
            let summary = format!(
                "{}. {}",
                summary(std::slice::from_ref(&row), locale),
                factor_shares[index - 1]
            );
            let value = row.value_text.clone();
            let chart = if row.shares.is_empty() {
                // Say why there is no chart, as the overview does.
                view! { <p>{row.note.clone()}</p> }.into_any()
            } else {
                let mut bar = row.clone();
                bar.label = String::new();
                bar.value_text = String::new();
                bar.short_text = String::new();
                view! {
                    <DistributionChart rows=vec![bar] summary scale=2.4 fill=true />
                    <ScaleLegend legend=factor_legends[index - 1].clone() />
                }
                .into_any()
            };
            view! {
                <p class="slide-big">{value}</p>
                {chart}
            }
        });
        view! {
            <h1>{row.label.clone()}</h1>
            {hidden}
            {revealed_view}
            <h2>{td_string!(locale, present.discuss)}</h2>
            <ol class="slide-questions">
                <li>{td_string!(locale, present.works)}</li>
                <li>{td_string!(locale, present.hinders)}</li>
                <li>{td_string!(locale, present.can_do)}</li>
            </ol>
        }
        .into_any()
    };
    let counter = move || {
        td_string!(
            locale,
            present.counter,
            current = slide.get() + 1,
            total = slide_count
        )
    };
    let forward_label = move || {
        if revealed.get() || !shown {
            td_string!(locale, present.next)
        } else {
            td_string!(locale, present.reveal)
        }
    };

    view! {
        <section class="presentation" tabindex="-1" node_ref=section aria-label=show_name aria-roledescription=td_string!(locale, present.role)>
            <div class="slide" aria-live="polite">{content}</div>
            <nav class="slide-nav" aria-label=td_string!(locale, present.navigation)>
                <button type="button" class="button-secondary" on:click=move |_| backward()>{td_string!(locale, present.previous)}</button>
                <button type="button" class="button-primary" on:click=move |_| forward()>{forward_label}</button>
                <span class="slide-counter">{counter}</span>
                // Once refused, a short hint takes the button's place, so the buttons still fit one line.
                {move || (can_go_full_screen() && !full_screen_refused.get()).then(|| view! {
                    <button type="button" class="button-secondary" on:click=move |_| toggle_full_screen(full_screen_refused)>{td_string!(locale, present.full_screen)}</button>
                })}
                <span class="hint slide-status" role="status">
                    {move || full_screen_refused.get().then(|| td_string!(locale, present.full_screen_refused))}
                </span>
                <button type="button" class="button-secondary" on:click=move |_| leave()>{td_string!(locale, present.leave)}</button>
                <p class="hint slide-keys">{td_string!(locale, present.keys)}</p>
            </nav>
        </section>
    }
    .into_any()
}
