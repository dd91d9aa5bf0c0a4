//! The resource profile: chart, table, and the strongest and weakest factors in words.

use leptos::prelude::*;

use crate::app::use_app;
use crate::charts::profile::{ProfileAxis, ProfileRow};
use crate::clock::this_month;
use crate::components::profile_chart::ProfileChart;
use crate::core::answers::Answers;
use crate::core::history::Snapshot;
use crate::core::instrument::{BandSet, Instrument};
use crate::core::lang::{format_change, format_decimal, format_limit, Lang};
use crate::core::scoring::{score_resources, strongest_and_weakest, to_percent, ResourceResult};
use crate::i18n::{locale, td_string};

fn score_text(result: &ResourceResult, lang: Lang) -> String {
    match (result.score.mean, result.band) {
        (Some(mean), Some(band)) => format!(
            "{} · {}",
            format_decimal(mean, result.mean_decimals(), lang),
            band.label.get(lang)
        ),
        _ => td_string!(locale(lang), results.not_enough).to_string(),
    }
}

/// The scale read in words, and where each of its levels begins: "Skår fra
/// 1 til 5, der høyere er bedre. Nivåene: Prioriter under 3, Forbedre fra 3, …".
fn scale_explained(max: u8, bands: Option<&BandSet>, lang: Lang) -> String {
    let locale = locale(lang);
    let range = td_string!(locale, results.resources_explain, max = max).to_string();
    let Some([first, rest @ ..]) = bands.map(|set| set.bands.as_slice()) else {
        return range;
    };
    let Some(second) = rest.first() else {
        return range;
    };
    let below = td_string!(
        locale,
        results.level_below,
        band = first.label.get(lang),
        limit = format_limit(second.min, lang)
    )
    .to_string();
    let levels = std::iter::once(below)
        .chain(rest.iter().map(|band| {
            td_string!(
                locale,
                results.level_from,
                band = band.label.get(lang),
                limit = format_limit(band.min, lang)
            )
            .to_string()
        }))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{range} {}",
        td_string!(locale, results.levels_explain, levels = levels)
    )
}

fn names(results: &[&ResourceResult], lang: Lang) -> String {
    results
        .iter()
        .map(|result| {
            format!(
                "{} ({})",
                result.factor.name.get(lang),
                format_decimal(
                    result.score.mean.unwrap_or(0.0),
                    result.mean_decimals(),
                    lang
                )
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
pub fn ResourceResults(instrument: &'static Instrument) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let answers = Memo::new(move |_| state.answers());
    let results = move || answers.with(|answers: &Answers| score_resources(instrument, answers));

    // Keep this assessment under the month it was answered (month only), and
    // find the one before it.
    let answered_in = state
        .session
        .with_untracked(|session| session.as_ref().and_then(|session| session.answered_in));
    let month = answered_in.or_else(this_month);
    let previous = month.and_then(|month| {
        let now = results();
        if now.iter().any(|result| result.score.mean.is_some()) {
            state
                .history
                .update(|history| history.record(Snapshot::of(&now, instrument, month)));
        }
        state
            .history
            .with_untracked(|history| history.previous(instrument, month).cloned())
    });
    let change_header = previous.as_ref().map(|previous| {
        td_string!(
            locale,
            results.col_change,
            month = previous.month.format(state.lang())
        )
    });
    // Every factor shares the first one's scale and bands (checked on loading).
    let first = &instrument.factors[0];
    let bands = instrument.factor_bands(first);
    let max = instrument.factor_scale(first).points;
    let rows = Signal::derive(move || {
        let lang = state.lang();
        results()
            .iter()
            .map(|result| ProfileRow {
                label: result.factor.name.get(lang).to_string(),
                score: result.score.mean,
                value_text: score_text(result, lang),
                band_rank: result
                    .band
                    .zip(bands)
                    .map_or(0, |(band, set)| set.rank_of(&band.id)),
            })
            .collect()
    });
    let axis = ProfileAxis {
        min: 1.0,
        max: f64::from(max),
        thresholds: bands
            .map(|set| set.bands.iter().skip(1).map(|band| band.min).collect())
            .unwrap_or_default(),
    };
    let summary = Signal::derive(move || {
        let lang = state.lang();
        let results = results();
        let (strongest, weakest) = strongest_and_weakest(&results, 2);
        if strongest.is_empty() {
            return td_string!(locale, results.chart_summary_plain, max = max).to_string();
        }
        td_string!(
            locale,
            results.chart_summary,
            max = max,
            strongest = names(&strongest, lang),
            weakest = names(&weakest, lang)
        )
        .to_string()
    });

    let score_header = td_string!(locale, results.col_score, max = max).to_string();
    let score_label = score_header.clone();
    let column_header = change_header.clone();
    let table_rows = move || {
        let lang = state.lang();
        results()
            .iter()
            .map(|result| {
                let dash = || "\u{2013}".to_string();
                let score = result.score.mean.map_or_else(dash, |mean| format_decimal(mean, result.mean_decimals(), lang));
                let percent =
                    result.score.mean.map_or_else(dash, |mean| format_decimal(to_percent(mean, result.points), 0, lang));
                let band = result
                    .band
                    .map_or(td_string!(locale, results.not_enough), |band| band.label.get(lang));
                let answered =
                    td_string!(locale, results.answered_of, answered = result.score.answered, total = result.score.total);
                let change = previous.as_ref().map(|previous| {
                    // A hand-edited earlier mean off the scale has no change to show.
                    let on_scale = 1.0..=f64::from(result.points);
                    let before =
                        previous.means.get(&result.factor.id).filter(|before| on_scale.contains(*before));
                    let text = result.score.mean.zip(before).map(|(now, before)| format_change(now - before, 1, lang));
                    let label = change_header.clone().unwrap_or_default();
                    view! { <td class="number" data-label=label>{text.unwrap_or_else(dash)}</td> }
                });
                // data-label names each cell where a phone lays the row out as a card.
                view! {
                    <tr>
                        <th scope="row">{result.factor.name.get(lang).to_string()}</th>
                        <td class="number" data-label=score_label.clone()>{score}</td>
                        <td class="number" data-label=td_string!(locale, results.col_percent)>{percent}</td>
                        <td data-label=td_string!(locale, results.col_band)>{band.to_string()}</td>
                        <td class="number" data-label=td_string!(locale, results.col_answered)>{answered}</td>
                        {change}
                    </tr>
                }
            })
            .collect_view()
    };

    let highlights = move || {
        let lang = state.lang();
        let results = results();
        let (strongest, weakest) = strongest_and_weakest(&results, 2);
        if strongest.is_empty() {
            // With one factor there is nothing to compare, however fully answered.
            if results.len() < 2 {
                return ().into_any();
            }
            let scored = results
                .iter()
                .filter(|result| result.score.mean.is_some())
                .count();
            let text = if scored < 2 {
                td_string!(locale, results.too_few_for_highlights)
            } else {
                td_string!(locale, results.no_highlights_alike)
            };
            return view! { <p>{text}</p> }.into_any();
        }
        // "Keep these" only where the strongest are good in themselves, not
        // merely the least weak.
        let worth_keeping = strongest.iter().all(|result| result.worth_keeping());
        let strongest_heading = if worth_keeping {
            td_string!(locale, results.strongest)
        } else {
            td_string!(locale, results.strongest_only)
        };
        let describe = |list: Vec<&ResourceResult>| {
            list.into_iter()
                .map(|result| {
                    let title = format!(
                        "{} \u{2013} {}",
                        result.factor.name.get(lang),
                        score_text(result, lang)
                    );
                    let help = result.factor.help.get(lang).to_string();
                    view! {
                        <li>
                            <h4>{title}</h4>
                            <p>{help}</p>
                        </li>
                    }
                })
                .collect_view()
        };
        view! {
            <div class="highlights">
                <section class="card">
                    <h3>{strongest_heading}</h3>
                    <ul class="plain">{describe(strongest)}</ul>
                </section>
                <section class="card">
                    <h3>{td_string!(locale, results.weakest)}</h3>
                    <ul class="plain">{describe(weakest)}</ul>
                </section>
            </div>
        }
        .into_any()
    };

    view! {
        <section class="result-section" aria-labelledby="resources-heading">
            <h2 id="resources-heading">{move || instrument.title.get(state.lang()).to_string()}</h2>
            <p>{scale_explained(max, bands, state.lang())}</p>
            <div class="resources-body">
            <figure class="chart">
                <ProfileChart rows axis summary />
                <figcaption>{td_string!(locale, results.chart_caption)}</figcaption>
            </figure>
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby="resource-table-caption">
                <table class="score-table">
                    <caption id="resource-table-caption">{td_string!(locale, results.table_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, results.col_factor)}</th>
                            <th scope="col" class="range">{score_header}</th>
                            <th scope="col" class="range">{td_string!(locale, results.col_percent)}</th>
                            <th scope="col">{td_string!(locale, results.col_band)}</th>
                            <th scope="col">{td_string!(locale, results.col_answered)}</th>
                            {column_header.map(|header| view! { <th scope="col">{header}</th> })}
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
            </div>
            {highlights}
            {instrument.stands_near_ks().then(|| view! { <p class="note">{td_string!(locale, results.not_ks)}</p> })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::built_in;

    #[test]
    fn the_scale_is_explained_from_the_questionnaires_own_points_and_levels() {
        let instrument = &built_in()[0];
        let bands = instrument.factor_bands(&instrument.factors[0]);
        assert_eq!(
            scale_explained(5, bands, Lang::Nb),
            "Skår fra 1 til 5, der høyere er bedre. \
             Nivåene: Prioriter under 3, Forbedre fra 3, Godt fra 4, Sterkt fra 4,5."
        );
        // An 11-point questionnaire with two levels of its own.
        let mut eleven = bands.unwrap().clone();
        eleven.bands.truncate(2);
        eleven.bands[1].min = 7.5;
        assert_eq!(
            scale_explained(11, Some(&eleven), Lang::En),
            "Scores from 1 to 11, where higher is better. Levels: Prioritise below 7.5, Improve from 7.5."
        );
        // One level, or none, gives the range alone.
        eleven.bands.truncate(1);
        assert_eq!(
            scale_explained(2, Some(&eleven), Lang::Nn),
            "Skår frå 1 til 2, der høgare er betre."
        );
        assert_eq!(
            scale_explained(2, None, Lang::Nb),
            "Skår fra 1 til 2, der høyere er bedre."
        );
    }
}
