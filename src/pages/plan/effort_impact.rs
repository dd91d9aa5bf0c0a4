//! The plan's effort–impact chart on a canvas, with a caption that says in
//! words where each measure is placed, for screen readers.

use leptos::html;
use leptos::prelude::*;
use plotters::prelude::*;

use super::names::rating_name;
use crate::app::{effective_theme, use_app};
use crate::charts::effort_impact::{draw_effort_impact, EffortImpactLabels, PlacedMeasure, SIZE};
use crate::components::chart_canvas::{chart_zoom, read_palette, MeasuringCanvas};
use crate::core::plan::Rating;
use crate::i18n::td_string;

fn rank(rating: Rating) -> usize {
    match rating {
        Rating::Low => 0,
        Rating::Medium => 1,
        Rating::High => 2,
    }
}

#[component]
pub fn EffortImpactChart() -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let canvas = NodeRef::<html::Canvas>::new();
    let placed = Memo::new(move |_| {
        state.plan.with(|plan| {
            plan.measures
                .iter()
                .enumerate()
                .map(|(index, m)| PlacedMeasure {
                    number: index + 1,
                    cost: rank(m.cost),
                    effect: rank(m.effect),
                })
                .collect::<Vec<_>>()
        })
    });
    Effect::new(move |_| {
        let measures = placed.get();
        effective_theme(state);
        let locale = state.locale();
        let labels = EffortImpactLabels {
            cost_axis: td_string!(locale, plan.cost).to_string(),
            effect_axis: td_string!(locale, plan.effect).to_string(),
            levels: [Rating::Low, Rating::Medium, Rating::High]
                .map(|r| rating_name(r, locale).to_string()),
            quick_wins: td_string!(locale, plan.quick_wins).to_string(),
        };
        let Some(canvas) = canvas.get() else { return };
        request_animation_frame(move || {
            let ratio = window().device_pixel_ratio().max(1.0) * chart_zoom(&canvas);
            let side = (f64::from(SIZE) * ratio).round() as u32;
            canvas.set_width(side);
            canvas.set_height(side);
            let palette = read_palette(&canvas);
            if let Some(backend) = MeasuringCanvas::new(&canvas) {
                let root = backend.into_drawing_area();
                let _ = draw_effort_impact(&root, &measures, &labels, &palette, ratio);
                let _ = root.present();
            }
        });
    });
    let summary = move || {
        let quick: Vec<String> = state.plan.with(|plan| {
            plan.measures
                .iter()
                .enumerate()
                .filter(|(_, m)| m.is_quick_win())
                .map(|(i, _)| (i + 1).to_string())
                .collect()
        });
        let count = placed.with(Vec::len);
        let locale = state.locale();
        // The quick wins are named by their numbers, so that none reads as a count.
        if quick.is_empty() {
            td_string!(locale, plan.chart_summary_no_quick, count).to_string()
        } else {
            td_string!(locale, plan.chart_summary, count, quick = quick.join(", ")).to_string()
        }
    };
    // Each measure's place, as the picture shows it; on screen, the cards say it.
    let placements = move || {
        let locale = state.locale();
        let name = |rating: Rating| rating_name(rating, locale).to_lowercase();
        let texts: Vec<String> = state.plan.with(|plan| {
            plan.measures
                .iter()
                .enumerate()
                .map(|(index, m)| {
                    let (effect, cost) = (name(m.effect), name(m.cost));
                    td_string!(
                        locale,
                        plan.chart_placement,
                        number = index + 1,
                        effect,
                        cost
                    )
                    .to_string()
                })
                .collect()
        });
        texts
            .into_iter()
            .map(|text| view! { <li>{text}</li> })
            .collect_view()
    };
    view! {
        <Show when=move || placed.with(|m| !m.is_empty())>
            <figure class="chart effort-impact">
                <h3>{td_string!(locale, plan.chart_heading)}</h3>
                // The caption says all the picture does, so it is not read twice.
                <canvas node_ref=canvas aria-hidden="true"></canvas>
                <figcaption>
                    {summary}
                    <ul class="visually-hidden">{placements}</ul>
                </figcaption>
            </figure>
        </Show>
    }
}
