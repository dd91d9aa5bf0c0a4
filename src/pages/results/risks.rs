//! The risk overview: a red-flag box for bullying, violence and threats, the
//! exposure per factor, Karasek's quadrant and the effort–reward ratio.

use leptos::prelude::*;

use crate::app::use_app;
use crate::core::instrument::Instrument;
use crate::core::lang::{format_decimal, Lang};
use crate::core::scoring::{score_risks, Exposure, Quadrant, RiskDetail, RiskResult};
use crate::i18n::{locale, td_string, Locale};

/// A symbol beside the word, so exposure never rests on colour alone.
fn exposure_view(exposure: Option<Exposure>, locale: Locale) -> impl IntoView {
    let (symbol, text, class) = match exposure {
        Some(Exposure::None) => (
            "\u{25CB}",
            td_string!(locale, exposure.none),
            "exposure exposure-none",
        ),
        Some(Exposure::Some) => (
            "\u{25D0}",
            td_string!(locale, exposure.some),
            "exposure exposure-some",
        ),
        Some(Exposure::High) => (
            "\u{25CF}",
            td_string!(locale, exposure.high),
            "exposure exposure-high",
        ),
        None => (
            "\u{2013}",
            td_string!(locale, results.not_enough),
            "exposure",
        ),
    };
    view! {
        <span class=class>
            <span aria-hidden="true">{symbol}" "</span>
            {text}
        </span>
    }
}

fn quadrant_name(quadrant: Quadrant, locale: Locale) -> &'static str {
    match quadrant {
        Quadrant::HighStrain => td_string!(locale, quadrant.high_strain),
        Quadrant::Active => td_string!(locale, quadrant.active),
        Quadrant::LowStrain => td_string!(locale, quadrant.low_strain),
        Quadrant::Passive => td_string!(locale, quadrant.passive),
    }
}

fn quadrant_detail(quadrant: Quadrant, locale: Locale) -> &'static str {
    match quadrant {
        Quadrant::HighStrain => td_string!(locale, quadrant.high_strain_detail),
        Quadrant::Active => td_string!(locale, quadrant.active_detail),
        Quadrant::LowStrain => td_string!(locale, quadrant.low_strain_detail),
        Quadrant::Passive => td_string!(locale, quadrant.passive_detail),
    }
}

/// What the factor's result is, in words, beside its exposure level.
fn detail_text(result: &RiskResult, lang: Lang) -> String {
    let locale = locale(lang);
    match &result.detail {
        RiskDetail::Flag { .. } if result.is_flagged() => {
            td_string!(locale, results.reported).to_string()
        }
        RiskDetail::Level { score } | RiskDetail::Flag { score } => {
            td_string!(
                locale,
                results.answered_detail,
                answered = score.answered,
                total = score.total
            )
        }
        RiskDetail::Quadrant { quadrant, .. } => quadrant.map_or_else(
            || td_string!(locale, results.not_enough).to_string(),
            |quadrant| quadrant_name(quadrant, locale).to_string(),
        ),
        RiskDetail::Ratio {
            ratio: Some(ratio),
            threshold,
            ..
        } => {
            let ratio_text = format_decimal(*ratio, 2, lang);
            if ratio > threshold {
                td_string!(locale, ratio.imbalance, ratio = ratio_text)
            } else {
                td_string!(locale, ratio.balance, ratio = ratio_text)
            }
        }
        RiskDetail::Ratio { ratio: None, .. } => td_string!(locale, results.not_enough).to_string(),
    }
}

#[component]
pub fn RiskResults(instrument: &'static Instrument) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let answers = Memo::new(move |_| state.answers());
    let results = move || answers.with(|answers| score_risks(instrument, answers));

    let flags = move || {
        let lang = state.lang();
        let flagged: Vec<String> = results()
            .iter()
            .filter(|result| result.is_flagged())
            .map(|result| result.factor.name.get(lang).to_string())
            .collect();
        (!flagged.is_empty()).then(|| {
            view! {
                <section class="red-flag" aria-labelledby="flag-heading">
                    <h3 id="flag-heading">
                        <span aria-hidden="true">"\u{26A0} "</span>
                        {td_string!(locale, flag.heading, factors = flagged.join(", "))}
                    </h3>
                    <p>{td_string!(locale, flag.not_alone)}</p>
                    <ul>
                        <li>{td_string!(locale, flag.verneombud)}</li>
                        <li>{td_string!(locale, flag.leader)}</li>
                        <li>{td_string!(locale, flag.bht)}</li>
                        <li>{td_string!(locale, flag.arbeidstilsynet)}</li>
                    </ul>
                </section>
            }
        })
    };

    let rows = move || {
        let lang = state.lang();
        results()
            .iter()
            .map(|result| {
                view! {
                    <tr>
                        <th scope="row">{result.factor.name.get(lang).to_string()}</th>
                        <td data-label=td_string!(locale, results.col_exposure)>{exposure_view(result.exposure, locale)}</td>
                        <td data-label=td_string!(locale, results.col_detail)>{detail_text(result, lang)}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    let quadrant = move || {
        results().iter().find_map(|result| match result.detail {
            RiskDetail::Quadrant { quadrant, .. } => Some(quadrant),
            _ => None,
        })
    };

    let advice = move || {
        let lang = state.lang();
        let exposed: Vec<_> = results()
            .into_iter()
            .filter(|result| {
                result
                    .exposure
                    .is_some_and(|exposure| exposure > Exposure::None)
            })
            .collect();
        if exposed.is_empty() {
            return view! { <p>{td_string!(locale, results.no_exposure)}</p> }.into_any();
        }
        let items = exposed
            .into_iter()
            .map(|result| {
                view! {
                    <li>
                        <h4>{result.factor.name.get(lang).to_string()}</h4>
                        <p>{result.factor.help.get(lang).to_string()}</p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="plain">{items}</ul> }.into_any()
    };

    view! {
        <section class="result-section" aria-labelledby="risks-heading">
            <h2 id="risks-heading">{move || instrument.title.get(state.lang()).to_string()}</h2>
            {flags}
            <p>{td_string!(locale, results.risks_explain)}</p>
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby="risk-table-caption">
                <table class="score-table">
                    <caption id="risk-table-caption">{td_string!(locale, results.risk_table_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, results.col_factor)}</th>
                            <th scope="col">{td_string!(locale, results.col_exposure)}</th>
                            <th scope="col">{td_string!(locale, results.col_detail)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {move || quadrant().map(|quadrant| view! { <QuadrantGrid quadrant /> })}
            <section class="card advice-card">
                <h3>{td_string!(locale, results.advice_heading)}</h3>
                {advice}
            </section>
        </section>
    }
}

/// Karasek's four quadrants as a labelled grid, the person's own one marked in words.
#[component]
fn QuadrantGrid(quadrant: Option<Quadrant>) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    // Rows: high demands on top. Columns: low control on the left.
    let cells = [
        Quadrant::HighStrain,
        Quadrant::Active,
        Quadrant::Passive,
        Quadrant::LowStrain,
    ];
    let cell = move |cell: Quadrant| {
        let mine = quadrant == Some(cell);
        view! {
            <div class=if mine { "quadrant-cell mine" } else { "quadrant-cell" } role="listitem">
                <strong>{move || quadrant_name(cell, state.locale())}</strong>
                <span>{move || quadrant_detail(cell, state.locale())}</span>
                {mine.then(|| view! { <span class="you-are-here">{td_string!(locale, quadrant.you)}</span> })}
            </div>
        }
    };
    view! {
        <section class="card quadrant-card" aria-labelledby="quadrant-heading">
            <h3 id="quadrant-heading">{td_string!(locale, quadrant.heading)}</h3>
            <p>
                {move || match quadrant {
                    Some(quadrant) => td_string!(locale, quadrant.summary, quadrant = quadrant_name(quadrant, state.locale())),
                    None => td_string!(locale, results.not_enough).to_string(),
                }}
            </p>
            <div class="quadrant">
                <span class="axis-y">{td_string!(locale, quadrant.axis_demands)}</span>
                <div class="quadrant-grid" role="list">{cells.map(cell).collect_view()}</div>
                <span class="axis-x">{td_string!(locale, quadrant.axis_control)}</span>
            </div>
        </section>
    }
}
