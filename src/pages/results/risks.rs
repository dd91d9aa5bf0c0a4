//! The risk overview: a red-flag box for bullying, violence and threats, the
//! exposure per factor, Karasek's quadrant and the effort–reward ratio.

use leptos::prelude::*;

use crate::app::use_app;
use crate::core::instrument::Instrument;
use crate::core::lang::{format_decimal, Lang};
use crate::core::scoring::{score_risks, Exposure, Quadrant, RiskDetail, RiskResult};
use crate::i18n::{fill, tr};

/// A symbol beside the word, so exposure never rests on colour alone.
fn exposure_view(exposure: Option<Exposure>, lang: Lang) -> impl IntoView {
    let (symbol, key, class) = match exposure {
        Some(Exposure::None) => ("\u{25CB}", "exposure.none", "exposure exposure-none"),
        Some(Exposure::Some) => ("\u{25D0}", "exposure.some", "exposure exposure-some"),
        Some(Exposure::High) => ("\u{25CF}", "exposure.high", "exposure exposure-high"),
        None => ("\u{2013}", "results.not_enough", "exposure"),
    };
    view! {
        <span class=class>
            <span aria-hidden="true">{symbol}" "</span>
            {tr(lang, key)}
        </span>
    }
}

fn quadrant_key(quadrant: Quadrant) -> &'static str {
    match quadrant {
        Quadrant::HighStrain => "quadrant.high_strain",
        Quadrant::Active => "quadrant.active",
        Quadrant::LowStrain => "quadrant.low_strain",
        Quadrant::Passive => "quadrant.passive",
    }
}

/// What the factor's result is, in words, beside its exposure level.
fn detail_text(result: &RiskResult, lang: Lang) -> String {
    match &result.detail {
        RiskDetail::Flag { .. } if result.is_flagged() => tr(lang, "results.reported").to_string(),
        RiskDetail::Level { score } | RiskDetail::Flag { score } => fill(
            tr(lang, "results.answered_detail"),
            &[
                ("answered", &score.answered.to_string()),
                ("total", &score.total.to_string()),
            ],
        ),
        RiskDetail::Quadrant { quadrant, .. } => quadrant
            .map(|quadrant| tr(lang, quadrant_key(quadrant)).to_string())
            .unwrap_or_default(),
        RiskDetail::Ratio {
            ratio, threshold, ..
        } => ratio
            .map(|ratio| {
                let reading = if ratio > *threshold {
                    "ratio.imbalance"
                } else {
                    "ratio.balance"
                };
                fill(
                    tr(lang, reading),
                    &[("ratio", &format_decimal(ratio, 2, lang))],
                )
            })
            .unwrap_or_default(),
    }
}

#[component]
pub fn RiskResults(instrument: &'static Instrument) -> impl IntoView {
    let state = use_app();
    let t = move |key| state.t(key);
    let answers = Memo::new(move |_| {
        state
            .session
            .with(|s| s.as_ref().map(|s| s.answers.clone()).unwrap_or_default())
    });
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
                        {fill(tr(lang, "flag.heading"), &[("factors", &flagged.join(", "))])}
                    </h3>
                    <p>{tr(lang, "flag.not_alone")}</p>
                    <ul>
                        <li>{tr(lang, "flag.verneombud")}</li>
                        <li>{tr(lang, "flag.leader")}</li>
                        <li>{tr(lang, "flag.bht")}</li>
                        <li>{tr(lang, "flag.arbeidstilsynet")}</li>
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
                        <td data-label=tr(lang, "results.col_exposure")>{exposure_view(result.exposure, lang)}</td>
                        <td data-label=tr(lang, "results.col_detail")>{detail_text(result, lang)}</td>
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
        results()
            .iter()
            .filter(|result| {
                result
                    .exposure
                    .is_some_and(|exposure| exposure > Exposure::None)
            })
            .map(|result| {
                view! {
                    <li>
                        <h4>{result.factor.name.get(lang).to_string()}</h4>
                        <p>{result.factor.help.get(lang).to_string()}</p>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <section class="result-section" aria-labelledby="risks-heading">
            <h2 id="risks-heading">{move || instrument.title.get(state.lang()).to_string()}</h2>
            {flags}
            <p>{t("results.risks_explain")}</p>
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby="risk-table-caption">
                <table class="score-table">
                    <caption id="risk-table-caption">{t("results.risk_table_caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("results.col_factor")}</th>
                            <th scope="col">{t("results.col_exposure")}</th>
                            <th scope="col">{t("results.col_detail")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {move || quadrant().map(|quadrant| view! { <QuadrantGrid quadrant /> })}
            <section class="card advice-card">
                <h3>{t("results.advice_heading")}</h3>
                <ul class="plain">{advice}</ul>
            </section>
        </section>
    }
}

/// Karasek's four quadrants as a labelled grid, the person's own one marked in words.
#[component]
fn QuadrantGrid(quadrant: Option<Quadrant>) -> impl IntoView {
    let state = use_app();
    let t = move |key| state.t(key);
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
                <strong>{t(quadrant_key(cell))}</strong>
                <span>{move || tr(state.lang(), &format!("quadrant.{}_detail", cell.key()))}</span>
                {mine.then(|| view! { <span class="you-are-here">{t("quadrant.you")}</span> })}
            </div>
        }
    };
    view! {
        <section class="card quadrant-card" aria-labelledby="quadrant-heading">
            <h3 id="quadrant-heading">{t("quadrant.heading")}</h3>
            <p>
                {move || match quadrant {
                    Some(quadrant) => fill(tr(state.lang(), "quadrant.summary"), &[("quadrant", tr(state.lang(), quadrant_key(quadrant)))]),
                    None => tr(state.lang(), "results.not_enough").to_string(),
                }}
            </p>
            <div class="quadrant">
                <span class="axis-y">{t("quadrant.axis_demands")}</span>
                <div class="quadrant-grid" role="list">{cells.map(cell).collect_view()}</div>
                <span class="axis-x">{t("quadrant.axis_control")}</span>
            </div>
        </section>
    }
}
