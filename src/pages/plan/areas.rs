//! Choosing focus areas (at most three) and strengths to keep, starting from
//! what the profile suggests.

use leptos::prelude::*;

use super::area_name;
use crate::app::{use_app, PlanFrom};
use crate::core::group::aggregate;
use crate::core::instrument::{built_in, with_lens, Instrument, Lens};
use crate::core::plan::{suggest, Area, PlanError, Suggestions, MAX_FOCUS};
use crate::core::scoring::{score_resources, score_risks};
use crate::i18n::td_string;
use crate::pages::workshop::{note_what_is_shown, workshop_instrument};

/// What the profile the plan is made from suggests: the person's own
/// answers, or the workshop's group result (nothing below its threshold).
fn suggestions(state: crate::app::AppState, from: PlanFrom) -> Suggestions {
    if from == PlanFrom::Group {
        return state.workshop.with(|workshop| {
            let Some((workshop, instrument)) = workshop
                .as_ref()
                .and_then(|w| Some((w, w.instrument(state.instruments())?)))
            else {
                return Suggestions::default();
            };
            // Suggestions tell of the result, so they are held back with it.
            if workshop.unshown_change(instrument).is_some() {
                return Suggestions::default();
            }
            let result = aggregate(instrument, workshop.responses(), workshop.threshold());
            let (resources, risks) = result.as_profile();
            suggest(&resources, &risks, (&instrument.id, &instrument.id))
        });
    }
    let answered = state.session_instruments();
    let (resources, risks) = (
        with_lens(&answered, Lens::Resource),
        with_lens(&answered, Lens::Risk),
    );
    let answers = state.answers();
    suggest(
        &resources.map_or_else(Vec::new, |i| score_resources(i, &answers)),
        &risks.map_or_else(Vec::new, |i| score_risks(i, &answers)),
        (
            resources.map_or("", |i| i.id.as_str()),
            risks.map_or("", |i| i.id.as_str()),
        ),
    )
}

/// The instruments whose factors the plan offers: the built-in ones, and a
/// loaded one when the person or the workshop answered it.
fn plan_instruments(state: crate::app::AppState) -> Vec<&'static Instrument> {
    let workshop = state
        .workshop
        .with_untracked(|w| w.as_ref().and_then(|w| w.instrument(state.instruments())));
    let mut instruments: Vec<&'static Instrument> = built_in().iter().collect();
    for answered in state.session_instruments().into_iter().chain(workshop) {
        if !instruments.iter().any(|i| std::ptr::eq(*i, answered)) {
            instruments.push(answered);
        }
    }
    instruments
}

/// Every factor, suggested ones first, each with a focus and a keep checkbox;
/// then any area the plan already holds that none of these offers (from a
/// questionnaire since removed, or a plan file), so it can still be unticked.
fn ordered_areas(
    instruments: &[&Instrument],
    suggested: &Suggestions,
    chosen: &[Area],
) -> Vec<Area> {
    let all = instruments.iter().flat_map(|instrument| {
        instrument
            .factors
            .iter()
            .map(|factor| Area::new(&instrument.id, &factor.id))
    });
    let mut areas: Vec<Area> = suggested
        .focus
        .iter()
        .chain(&suggested.keep)
        .cloned()
        .collect();
    areas.extend(
        all.filter(|area| !suggested.focus.contains(area) && !suggested.keep.contains(area)),
    );
    for area in chosen {
        if !areas.contains(area) {
            areas.push(area.clone());
        }
    }
    areas
}

/// One checkbox cell of the table. The label around the box makes the whole
/// 44 px cell the touch target; the column header and the factor name it.
fn check_cell(
    column: &'static str,
    index: usize,
    header: &'static str,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    on_change: impl FnMut(leptos::ev::Event) + 'static,
) -> impl IntoView {
    view! {
        <td data-label=header>
            <label class="check-target">
                <input
                    type="checkbox"
                    id=format!("{column}-{index}")
                    aria-labelledby=format!("{column}-col area-{index}")
                    prop:checked=checked
                    on:change=on_change
                />
            </label>
        </td>
    }
}

#[component]
pub fn AreaChooser(from: PlanFrom) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let suggested = suggestions(state, from);
    // Suggestions from the group tell of its result: what they were made
    // with is noted as shown, as on the result screens.
    if let (PlanFrom::Group, Some(instrument)) = (from, workshop_instrument(state)) {
        note_what_is_shown(state, instrument);
    }
    let limit_reached = RwSignal::new(false);
    let instruments = plan_instruments(state);
    let chosen = move || -> Vec<Area> {
        state
            .plan
            .with(|plan| plan.focus.iter().chain(&plan.keep).cloned().collect())
    };
    let listed = ordered_areas(&instruments, &suggested, &untrack(chosen));
    // Areas a plan file (here or in another tab) brings in later are listed
    // after these, and stay listed once unticked, as the others do.
    let first_added = listed.len();
    let added = Memo::new({
        let listed = listed.clone();
        move |before: Option<&Vec<Area>>| {
            let mut added = before.cloned().unwrap_or_default();
            for area in chosen() {
                if !listed.contains(&area) && !added.contains(&area) {
                    added.push(area);
                }
            }
            added
        }
    });
    let suggested = StoredValue::new(suggested);
    let instruments = StoredValue::new(instruments);
    let row = move |index: usize, area: Area| {
        let (focus_area, keep_area, name_area) = (area.clone(), area.clone(), area.clone());
        let is_focus = {
            let area = area.clone();
            move || state.plan.with(|plan| plan.focus.contains(&area))
        };
        let is_kept = {
            let area = area.clone();
            move || state.plan.with(|plan| plan.keep.contains(&area))
        };
        let hint = if suggested.with_value(|s| s.focus.contains(&area)) {
            Some(td_string!(locale, plan.suggested_focus))
        } else if suggested.with_value(|s| s.keep.contains(&area)) {
            Some(td_string!(locale, plan.suggested_keep))
        } else if !instruments.with_value(|all| all.iter().any(|i| i.id == area.instrument)) {
            Some(td_string!(locale, plan.not_in_profile))
        } else {
            None
        };
        let toggle_focus = move |_| {
            let result = state
                .plan
                .try_update(|plan| plan.toggle_focus(focus_area.clone()));
            limit_reached.set(result == Some(Err(PlanError::TooManyFocusAreas)));
        };
        let toggle_keep = move |_| {
            state
                .plan
                .update(|plan| plan.toggle_keep(keep_area.clone()));
            limit_reached.set(false);
        };
        let name = move || area_name(&name_area, &state.instruments(), state.lang());
        view! {
            <tr>
                <th scope="row" id=format!("area-{index}")>
                    {name}
                    {hint.map(|hint| view! { <span class="tag">{hint}</span> })}
                </th>
                {check_cell("focus", index, td_string!(locale, plan.focus), is_focus, toggle_focus)}
                {check_cell("keep", index, td_string!(locale, plan.keep), is_kept, toggle_keep)}
            </tr>
        }
    };
    let rows = listed
        .into_iter()
        .enumerate()
        .map(|(index, area)| row(index, area))
        .collect_view();
    let added_rows = move || {
        added.with(|added| {
            added
                .iter()
                .enumerate()
                .map(|(index, area)| row(first_added + index, area.clone()))
                .collect_view()
        })
    };

    view! {
        <section class="card" aria-labelledby="areas-heading">
            <h2 id="areas-heading">{td_string!(locale, plan.areas_heading)}</h2>
            <p>{td_string!(locale, plan.areas_explain, max = MAX_FOCUS)}</p>
            <p class="warning-text" role="status">
                {move || limit_reached.get().then(|| td_string!(locale, plan.too_many_focus, max = MAX_FOCUS))}
            </p>
            <div class="table-wrap">
                <table class="score-table area-table">
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, results.col_factor)}</th>
                            <th scope="col" id="focus-col">{td_string!(locale, plan.focus)}</th>
                            <th scope="col" id="keep-col">{td_string!(locale, plan.keep)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}{added_rows}</tbody>
                </table>
            </div>
        </section>
    }
}
