//! The action plan: choose focus areas and strengths, pick measures, say what
//! is deliberately left for now, follow up, and export.

mod areas;
mod deselected;
mod effort_impact;
mod exports;
mod measures;
mod names;

use leptos::html;
use leptos::prelude::*;

use crate::app::{use_app, GuideFrom, PlanFrom, Screen, WorkshopView};
use crate::components::focus_on_arrival;
use crate::core::instrument::Instrument;
use crate::core::lang::Lang;
use crate::core::plan::Area;
use crate::i18n::td_string;
use areas::AreaChooser;
use deselected::DeselectedList;
use exports::{measure_cells, PlanExports, DEADLINE_COLUMN, EVALUATION_COLUMN};
use measures::MeasureList;

/// The factor's name in `lang`, or its id if no instrument knows it (a
/// loaded instrument that was removed).
pub fn area_name(area: &Area, instruments: &[&Instrument], lang: Lang) -> String {
    instruments
        .iter()
        .filter(|instrument| instrument.id == area.instrument)
        .flat_map(|instrument| &instrument.factors)
        .find(|factor| factor.id == area.factor)
        .map_or_else(
            || area.factor.clone(),
            |factor| factor.name.get(lang).to_string(),
        )
}

#[component]
pub fn PlanPage(from: PlanFrom) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let heading = NodeRef::<html::H1>::new();
    focus_on_arrival(heading);
    let renumbered_from = state.measures_renumbered_from;
    let (back_to, back_label, basis) = match from {
        PlanFrom::Own => (Screen::Survey, td_string!(locale, plan.to_results), None),
        PlanFrom::Group => {
            let name = state
                .workshop
                .with_untracked(|w| w.as_ref().map(|w| w.name.clone()));
            (
                Screen::Workshop(WorkshopView::Results),
                td_string!(locale, plan.to_group_results),
                name.map(|name| td_string!(locale, plan.from_group, name = name)),
            )
        }
    };
    view! {
        <section class="plan-page">
            <h1 tabindex="-1" node_ref=heading>{td_string!(locale, plan.heading)}</h1>
            <p class="lead">{td_string!(locale, plan.lead)}</p>
            <p>{basis}</p>
            <AreaChooser from />
            <MeasureList renumbered_from />
            <DeselectedList />
            <PlanExports renumbered_from />
            <PlanSummary />
            <nav class="page-nav" aria-label=td_string!(locale, results.navigation)>
                <button type="button" class="button-secondary" on:click=move |_| state.screen.set(Screen::Guide { from: GuideFrom::Plan(from) })>
                    {td_string!(locale, guide.link)}
                </button>
                <button type="button" class="button-secondary" on:click=move |_| state.screen.set(back_to)>
                    {back_label}
                </button>
            </nav>
        </section>
    }
}

/// The plan as it prints: hidden on screen, where the editors show the same.
#[component]
fn PlanSummary() -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    // An empty list prints a dash, as in the Markdown, not a heading over nothing.
    let or_dash = |items: Vec<String>| {
        let items = if items.is_empty() {
            vec!["\u{2013}".to_string()]
        } else {
            items
        };
        items
            .into_iter()
            .map(|item| view! { <li>{item}</li> })
            .collect_view()
    };
    let list = move |areas: Vec<Area>| {
        let instruments = state.instruments();
        or_dash(
            areas
                .iter()
                .map(|area| area_name(area, &instruments, state.lang()))
                .collect(),
        )
    };
    let rows = move || {
        state.plan.with(|plan| {
            plan.measures
                .iter()
                .enumerate()
                .map(|(index, measure)| {
                    let cells = measure_cells(measure, &state.instruments(), state.lang());
                    // The paper says what the screen says of an evaluation due.
                    let due = state.today().is_some_and(|today| measure.is_due(today));
                    let cells = cells.into_iter().enumerate().map(|(column, cell)| {
                        let is_date = column == DEADLINE_COLUMN || column == EVALUATION_COLUMN;
                        let due = (due && column == EVALUATION_COLUMN)
                            .then(|| format!(" ({})", td_string!(locale, plan.evaluation_due)));
                        view! { <td class=is_date.then_some("date")>{cell}<span class="due">{due}</span></td> }
                    });
                    view! {
                        <tr>
                            <td>{index + 1}</td>
                            {cells.collect_view()}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let deselected = move || {
        state.plan.with(|plan| {
            or_dash(
                plan.deselected
                    .iter()
                    .map(|d| format!("{}: {}", d.what, d.reason))
                    .collect(),
            )
        })
    };
    view! {
        <section class="plan-summary">
            <h2>{td_string!(locale, plan.focus)}</h2>
            <ul>{move || list(state.plan.with(|p| p.focus.clone()))}</ul>
            <h2>{td_string!(locale, plan.keep)}</h2>
            <ul>{move || list(state.plan.with(|p| p.keep.clone()))}</ul>
            <h2>{td_string!(locale, plan.measures_heading)}</h2>
            <table class="score-table">
                <thead>
                    <tr>
                        <th>"#"</th>
                        {move || exports::headers(state.lang()).into_iter().map(|h| view! { <th>{h}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <h2>{td_string!(locale, plan.deselected_heading)}</h2>
            <ul>{deselected}</ul>
        </section>
    }
}
