//! "Valgt bort nå": areas and measures deliberately not prioritised now, each
//! with its reason. It is part of the plan.

use leptos::prelude::*;

use super::area_name;
use crate::app::use_app;
use crate::components::{focus_after_render, refocus_if_lost};
use crate::core::lang::Lang;
use crate::core::plan::Deselected;
use crate::i18n::td_string;

#[component]
pub fn DeselectedList() -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let count = Memo::new(move |_| state.plan.with(|plan| plan.deselected.len()));
    // Areas that are neither focus nor kept, nor already left out under
    // their name in any language (the list holds text, not areas).
    let unchosen_focus = move || {
        state.plan.with(|plan| {
            let instruments = state.instruments();
            instruments
                .iter()
                .flat_map(|i| {
                    i.factors
                        .iter()
                        .map(move |f| crate::core::plan::Area::new(&i.id, &f.id))
                })
                .filter(|area| !plan.focus.contains(area) && !plan.keep.contains(area))
                .filter(|area| {
                    !Lang::ALL.into_iter().any(|lang| {
                        let name = area_name(area, &instruments, lang);
                        plan.deselected.iter().any(|d| d.what == name)
                    })
                })
                .map(|area| area_name(&area, &instruments, state.lang()))
                .collect::<Vec<_>>()
        })
    };
    let offered = Memo::new(move |_| unchosen_focus());
    // The pick by name: the options are rebuilt when an area is ticked above,
    // and a select keeps its position, not its value, so it would point at
    // another area. A pick no longer offered shows as none.
    let picked = RwSignal::new(String::new());
    let is_offered = move |name: &str| offered.with(|names| names.iter().any(|n| n == name));
    let add = move |what: String| {
        state.plan.update(|plan| {
            plan.deselected.push(Deselected {
                what,
                reason: String::new(),
            })
        });
    };
    let row = move |index: usize| {
        // A memo per field, so that another tab's save elsewhere in the plan
        // leaves the text being typed alone.
        let field = move |get: fn(&Deselected) -> String| {
            Memo::new(move |_| {
                state
                    .plan
                    .with(|plan| plan.deselected.get(index).map(get).unwrap_or_default())
            })
        };
        let (what_id, reason_id, ticked_id) = (
            format!("deselected-{index}-what"),
            format!("deselected-{index}-reason"),
            format!("deselected-{index}-ticked"),
        );
        // Left out under the name (in any language) of an area ticked above:
        // the plan contradicts itself, and says so.
        let is_ticked = Memo::new(move |_| {
            let instruments = state.instruments();
            state.plan.with(|plan| {
                plan.deselected.get(index).is_some_and(|d| {
                    plan.focus.iter().chain(&plan.keep).any(|area| {
                        Lang::ALL
                            .into_iter()
                            .any(|lang| area_name(area, &instruments, lang) == d.what)
                    })
                })
            })
        });
        // Always there, empty but for a message, so the field's description
        // never points at nothing.
        let message_id = ticked_id.clone();
        view! {
            <li class="deselected-row">
                <label class="field" for=what_id>
                    <span>{td_string!(locale, plan.deselected_what)}</span>
                    <input type="text" id=what_id.clone() aria-describedby=ticked_id prop:value=field(|d| d.what.clone()) on:change=move |event| {
                        let value = event_target_value(&event);
                        state.plan.update(|plan| { if let Some(d) = plan.deselected.get_mut(index) { d.what = value; } });
                    } />
                </label>
                <label class="field" for=reason_id>
                    <span>{td_string!(locale, plan.deselected_reason)}</span>
                    <input type="text" id=reason_id.clone() prop:value=field(|d| d.reason.clone()) on:change=move |event| {
                        let value = event_target_value(&event);
                        state.plan.update(|plan| { if let Some(d) = plan.deselected.get_mut(index) { d.reason = value; } });
                    } />
                </label>
                <button type="button" class="button-danger" aria-label=td_string!(locale, plan.remove_deselected, number = index + 1).to_string() on:click=move |_| {
                    state.plan.update(|plan| { if index < plan.deselected.len() { plan.deselected.remove(index); } });
                    refocus_if_lost("deselected-heading");
                }>
                    {td_string!(locale, plan.remove)}
                </button>
                <p class="warning-text deselected-ticked" id=message_id>
                    {move || is_ticked.get().then(|| td_string!(locale, plan.deselected_ticked))}
                </p>
            </li>
        }
    };
    view! {
        <section class="card" aria-labelledby="deselected-heading">
            <h2 id="deselected-heading" tabindex="-1">{td_string!(locale, plan.deselected_heading)}</h2>
            <p>{td_string!(locale, plan.deselected_explain)}</p>
            <ul class="plain">
                <For each=move || 0..count.get() key=|index| *index let:index>
                    {row(index)}
                </For>
            </ul>
            // The area picker with its button on one line, then the button for
            // anything else: a button alone on the line below read as belonging to neither.
            <div class="export-actions">
                <label class="field" for="deselect-area">
                    <span>{td_string!(locale, plan.deselect_area)}</span>
                    // Choosing only picks: arrow keys on a closed select change
                    // it, so adding on change would add an area per key press.
                    <select id="deselect-area" on:change=move |event| picked.set(event_target_value(&event))>
                        <option value="" prop:selected=move || !picked.with(|name| is_offered(name))>{td_string!(locale, plan.choose_area)}</option>
                        {move || offered.get().into_iter().map(|name| {
                            let (value, label) = (name.clone(), name.clone());
                            view! { <option value=value prop:selected=move || picked.with(|p| *p == name)>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" class="button-secondary" on:click=move |_| {
                    let name = picked.get_untracked();
                    if is_offered(&name) {
                        add(name);
                        picked.set(String::new());
                    }
                }>
                    {td_string!(locale, plan.leave_out_area)}
                </button>
            </div>
            <div class="export-actions">
                // Focus goes to the new row's first field, above this button.
                <button type="button" class="button-secondary" on:click=move |_| {
                    add(String::new());
                    focus_after_render(format!("deselected-{}-what", count.get_untracked() - 1));
                }>
                    {td_string!(locale, plan.add_deselected)}
                </button>
            </div>
        </section>
    }
}
