//! The group's result on screen: nothing but the count below the threshold;
//! from it, per factor the mean, n, the distribution and the band, per risk
//! the share exposed, the change since an earlier round, and the exports.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen_futures::spawn_local;

use super::{presentation, workshop_instrument};
use crate::app::{
    use_app, AppState, GuideFrom, Notice, PlanFrom, PresentFrom, Screen, WorkshopView,
};
use crate::charts::distribution::{DistributionRow, Legend};
use crate::clock::this_month;
use crate::components::confirm_button::{ConfirmButton, ConfirmTexts};
use crate::components::distribution_chart::{group_png, DistributionChart, ScaleLegends};
use crate::components::{focus_on_arrival, refocus_if_lost};
use crate::core::csv;
use crate::core::group::{
    aggregate, GroupExport, GroupExposure, GroupFactor, GroupResult, Portion, PERCENT_DECIMALS,
};
use crate::core::instrument::{Factor, Instrument, Scale, Scoring};
use crate::core::lang::{format_change, format_decimal, Lang};
use crate::core::plan::Plan;
use crate::core::saved;
use crate::core::workshop::Workshop;
use crate::download::{file_name, offer_canvas_png, offer_download, read_chosen_file};
use crate::i18n::{locale, td_string, Locale};

/// The group result of the current workshop.
pub fn current_result(
    workshop: &Workshop,
    instrument: &'static Instrument,
) -> GroupResult<'static> {
    aggregate(instrument, workshop.responses(), workshop.threshold())
}

/// A share as a number of percent, as precise as shown: "43".
fn percent_number(share: f64, lang: Lang) -> String {
    format_decimal(share * 100.0, PERCENT_DECIMALS, lang)
}

pub fn percent(share: f64, lang: Lang) -> String {
    let number = percent_number(share, lang);
    match lang {
        Lang::Nb | Lang::Nn => format!("{number}\u{a0}%"),
        Lang::En => format!("{number}%"),
    }
}

/// Each option's share in words, as the chart draws it: "Aldri 50 %, Sjelden
/// 50 %", or why there is no distribution; `None` below the factor's threshold.
pub fn shares_text(
    instrument: &Instrument,
    factor: &GroupFactor,
    locale: Locale,
    lang: Lang,
) -> Option<String> {
    let shares = &factor.detail.as_ref()?.shares;
    if shares.is_empty() {
        return Some(no_distribution_note(factor, locale).to_string());
    }
    let labels = &instrument.factor_scale(factor.factor).labels;
    Some(
        labels
            .iter()
            .zip(shares)
            .map(|(label, &share)| format!("{} {}", label.get(lang), percent(share, lang)))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// Why the result is held back: `added` answers since it was last shown,
/// too few in all or to some factor (see `Workshop::unshown_change`). One
/// text for both, so that it tells nothing of which.
pub fn held_back_text(added: usize, threshold: usize, locale: Locale) -> String {
    td_string!(
        locale,
        group.held_back,
        added = added,
        threshold = threshold
    )
    .to_string()
}

/// Notes in the workshop when its result is shown with the responses pooled
/// now, so a later change too small to hide anyone is held back (see
/// `Workshop::unshown_change`).
pub fn note_what_is_shown(state: AppState, instrument: &'static Instrument) {
    Effect::new(move |_| {
        if state
            .workshop
            .with(|w| w.as_ref().is_some_and(|w| w.shows_unnoted(instrument)))
        {
            state.workshop.update(|workshop| {
                if let Some(workshop) = workshop {
                    workshop.mark_shown(instrument);
                }
            });
        }
    });
}

/// Why a factor shown has no distribution (see `core::group::FactorDetail::shares`);
/// empty where it has one, and below the factor's threshold, where the value
/// text says why.
fn no_distribution_note(factor: &GroupFactor, locale: Locale) -> &'static str {
    match &factor.detail {
        Some(detail) if detail.shares.is_empty() => match factor.factor.scoring {
            Scoring::Flag => td_string!(locale, group.no_distribution_flag),
            Scoring::Quadrant { .. } | Scoring::Ratio { .. } => {
                td_string!(locale, group.no_distribution_combined)
            }
            Scoring::Mean => td_string!(locale, group.distribution_hidden),
        },
        _ => "",
    }
}

fn portion_text(portion: Portion, locale: Locale, lang: Lang) -> String {
    match portion {
        Portion::Share(share) => percent(share, lang),
        Portion::FewerThan(count) => {
            td_string!(locale, group.fewer_than, count = count).to_string()
        }
        Portion::Withheld => td_string!(locale, group.withheld).to_string(),
    }
}

/// The factor's result in a line: its mean and band, or its exposure, and n.
/// `short` is for where room is scarce: without n, and for a risk with
/// exposure shares, only those.
pub fn value_text(factor: &GroupFactor, locale: Locale, lang: Lang, short: bool) -> String {
    let Some(detail) = &factor.detail else {
        return td_string!(locale, group.too_few_for_factor).to_string();
    };
    let mut parts = Vec::new();
    let exposure_only = short && matches!(detail.exposure, Some(GroupExposure::Shares { .. }));
    if let Some(mean) = detail.mean.filter(|_| !exposure_only) {
        parts.push(
            td_string!(
                locale,
                group.mean_is,
                mean = format_decimal(mean, detail.mean_decimals, lang)
            )
            .to_string(),
        );
    }
    if let Some(band) = detail.band.filter(|_| !exposure_only) {
        parts.push(band.label.get(lang).to_string());
    }
    match detail.exposure {
        Some(GroupExposure::Shares { high, some }) => parts.push(
            td_string!(
                locale,
                group.exposed,
                high = portion_text(high, locale, lang),
                some = portion_text(some, locale, lang)
            )
            .to_string(),
        ),
        Some(GroupExposure::Reported(true)) => {
            parts.push(td_string!(locale, group.reported).to_string())
        }
        Some(GroupExposure::Reported(false)) => {
            parts.push(td_string!(locale, group.not_reported).to_string())
        }
        None => {}
    }
    if !short {
        parts.push(format!("n\u{a0}=\u{a0}{}", factor.n));
    }
    parts.join(" · ")
}

/// What a chart row shows where the whole value does not fit. Its "n"
/// stays where it differs from the number who answered, which the slide and
/// the picture say once: there it tells that some answered "don't know".
fn short_value_text(
    factor: &GroupFactor,
    respondents: usize,
    locale: Locale,
    lang: Lang,
) -> String {
    let text = value_text(factor, locale, lang, true);
    match factor.detail {
        Some(_) if factor.n != respondents => format!("{text} · n\u{a0}=\u{a0}{}", factor.n),
        _ => text,
    }
}

pub fn distribution_rows(result: &GroupResult, locale: Locale, lang: Lang) -> Vec<DistributionRow> {
    result
        .factors
        .iter()
        .map(|factor| {
            let shares = factor
                .detail
                .as_ref()
                .map(|d| d.shares.clone())
                .unwrap_or_default();
            DistributionRow {
                label: factor.factor.name.get(lang).to_string(),
                share_texts: shares.iter().map(|&share| percent(share, lang)).collect(),
                shares,
                value_text: value_text(factor, locale, lang, false),
                short_text: short_value_text(factor, result.respondents, locale, lang),
                note: no_distribution_note(factor, locale).to_string(),
                low_is_favourable: result.instrument.low_is_favourable(factor.factor),
            }
        })
        .collect()
}

/// The change since the earlier round, in words, where both rounds show it.
fn change_text(previous: &GroupExport, factor: &GroupFactor, lang: Lang) -> String {
    let Some(change) = previous.change(factor) else {
        return String::new();
    };
    let high = |high: f64| {
        format!(
            "{}\u{a0}pp",
            format_change(high * 100.0, PERCENT_DECIMALS, lang)
        )
    };
    match (change.mean, change.high) {
        // Both, named: a risk's mean and its share highly exposed may move apart.
        (Some(mean), Some(share)) => td_string!(
            locale(lang),
            group.change_both,
            mean = format_change(mean, 1, lang),
            high = high(share)
        )
        .to_string(),
        (Some(mean), None) => format_change(mean, 1, lang),
        (None, Some(share)) => high(share),
        (None, None) => String::new(),
    }
}

/// The response options of `factor`'s scale, lowest first.
pub fn scale_labels(instrument: &Instrument, factor: &GroupFactor, lang: Lang) -> Vec<String> {
    instrument
        .factor_scale(factor.factor)
        .labels
        .iter()
        .map(|label| label.get(lang).to_string())
        .collect()
}

/// One legend per response scale among the factors with a distribution, the
/// most used first; the others are captioned with the factors they colour
/// ("Lav lederstøtte: Helt uenig … Helt enig").
pub fn scale_legends(result: &GroupResult, lang: Lang) -> Vec<Legend> {
    // One per scale and direction of its colours (see `Instrument::low_is_favourable`),
    // with the names of the factors it is for.
    let mut legends: Vec<(&str, Legend, Vec<String>)> = Vec::new();
    for factor in &result.factors {
        if factor.detail.as_ref().is_none_or(|d| d.shares.is_empty()) {
            continue;
        }
        let scale = result.instrument.factor_scale(factor.factor).id.as_str();
        let low_is_favourable = result.instrument.low_is_favourable(factor.factor);
        let name = factor.factor.name.get(lang).to_string();
        let same = |(other, legend, _): &&mut (&str, Legend, Vec<String>)| {
            *other == scale && legend.low_is_favourable == low_is_favourable
        };
        match legends.iter_mut().find(same) {
            Some((_, _, names)) => names.push(name),
            None => legends.push((
                scale,
                Legend {
                    caption: None,
                    labels: scale_labels(result.instrument, factor, lang),
                    low_is_favourable,
                },
                vec![name],
            )),
        }
    }
    // The most used scale first (the earliest of equals); the rest in order.
    let most_used = (0..legends.len())
        .rev()
        .max_by_key(|&index| legends[index].2.len());
    if let Some(index) = most_used {
        let main = legends.remove(index);
        legends.insert(0, main);
    }
    legends
        .into_iter()
        .enumerate()
        .map(|(index, (_, legend, names))| Legend {
            caption: (index > 0).then(|| format!("{}:", names.join(", "))),
            ..legend
        })
        .collect()
}

/// The chart's text alternative: every factor's line.
pub fn summary(rows: &[DistributionRow], locale: Locale) -> String {
    let lines: Vec<String> = rows
        .iter()
        .map(|row| format!("{}: {}", row.label, row.value_text))
        .collect();
    format!(
        "{} {}",
        td_string!(locale, group.chart_summary),
        lines.join(". ")
    )
}

/// " This is not KS' official 10-FAKTOR survey." after a text about the
/// built-in resources questionnaire, the one that stands near KS' survey, so
/// that the result on screen, on the slides and in the picture says so; else
/// nothing.
pub fn not_ks_note(instrument: &Instrument, locale: Locale) -> String {
    if instrument.stands_near_ks() {
        format!(" {}", td_string!(locale, group.not_ks))
    } else {
        String::new()
    }
}

/// One column per option of each scale, named by the option. Where two scales share an
/// option's name, their columns also give the scale's number, counted in the columns' order.
fn share_headers(scales: &[&Scale], locale: Locale, lang: Lang) -> Vec<String> {
    let names: Vec<Vec<&str>> = scales
        .iter()
        .map(|scale| scale.labels.iter().map(|label| label.get(lang)).collect())
        .collect();
    let mut headers = Vec::new();
    for (index, own) in names.iter().enumerate() {
        let numbered = names
            .iter()
            .enumerate()
            .any(|(other, theirs)| other != index && theirs.iter().any(|name| own.contains(name)));
        for &label in own {
            headers.push(if numbered {
                td_string!(locale, group.col_share_on_scale, label, scale = index + 1).to_string()
            } else {
                td_string!(locale, group.col_share_named, label).to_string()
            });
        }
    }
    headers
}

/// One row per factor: n, mean, band, share per option, and exposure.
///
/// Each scale in use gets a column per option, named by the option, and a
/// factor fills those of its own scale: with mixed scales (the risk
/// questionnaire asks how often, how much one agrees, and yes or no) a
/// column then always means the same answer.
fn group_csv(result: &GroupResult, locale: Locale, lang: Lang) -> String {
    let mut scales: Vec<&Scale> = Vec::new();
    for factor in &result.factors {
        let scale = result.instrument.factor_scale(factor.factor);
        if !scales.iter().any(|known| known.id == scale.id) {
            scales.push(scale);
        }
    }
    let mut header = vec![
        td_string!(locale, group.col_factor).to_string(),
        "n".to_string(),
        td_string!(locale, group.col_mean).to_string(),
        td_string!(locale, group.col_band).to_string(),
    ];
    header.extend(share_headers(&scales, locale, lang));
    header.push(td_string!(locale, group.col_high).to_string());
    header.push(td_string!(locale, group.col_some).to_string());
    header.push(td_string!(locale, group.col_reported).to_string());
    // Every value as precise as on screen, no more (README.md, Privacy). A
    // share as a number, as in the share columns, so a spreadsheet can sort it.
    let share_cell = |portion: Portion| match portion {
        Portion::Share(share) => percent_number(share, lang),
        Portion::FewerThan(_) | Portion::Withheld => portion_text(portion, locale, lang),
    };
    let rows = result.factors.iter().map(|factor| {
        let detail = factor.detail.as_ref();
        let mut cells = vec![
            factor.factor.name.get(lang).to_string(),
            // A factor held back for too few answers shows no count, as on screen.
            detail.map(|_| factor.n.to_string()).unwrap_or_default(),
            detail
                .and_then(|d| {
                    d.mean
                        .map(|mean| format_decimal(mean, d.mean_decimals, lang))
                })
                .unwrap_or_default(),
            detail
                .and_then(|d| d.band)
                .map(|b| b.label.get(lang).to_string())
                .unwrap_or_default(),
        ];
        let own_scale = result.instrument.factor_scale(factor.factor);
        let shares = detail.map(|d| d.shares.as_slice()).unwrap_or_default();
        for scale in &scales {
            cells.extend((0..usize::from(scale.points)).map(|index| {
                shares
                    .get(index)
                    .filter(|_| scale.id == own_scale.id)
                    .map(|&share| percent_number(share, lang))
                    .unwrap_or_default()
            }));
        }
        let (high, some, reported) = match detail.and_then(|d| d.exposure) {
            Some(GroupExposure::Shares { high, some }) => {
                (share_cell(high), share_cell(some), String::new())
            }
            Some(GroupExposure::Reported(reported)) => (
                String::new(),
                String::new(),
                if reported {
                    td_string!(locale, group.yes)
                } else {
                    td_string!(locale, group.no)
                }
                .to_string(),
            ),
            None => (String::new(), String::new(), String::new()),
        };
        cells.push(high);
        cells.push(some);
        cells.push(reported);
        cells
    });
    csv::table(lang, std::iter::once(header).chain(rows))
}

/// What became of a result file read in to compare with.
#[derive(Clone, Copy)]
enum CompareOutcome {
    Read,
    OtherInstrument,
    Unreadable,
}

impl CompareOutcome {
    fn text(self, locale: Locale) -> &'static str {
        match self {
            CompareOutcome::Read => td_string!(locale, group.compare_done),
            CompareOutcome::OtherInstrument => td_string!(locale, group.compare_other_instrument),
            CompareOutcome::Unreadable => td_string!(locale, group.compare_unreadable),
        }
    }
}

#[component]
pub fn GroupResults() -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let lang = state.lang();
    let heading = NodeRef::<html::H1>::new();
    focus_on_arrival(heading);
    let compare_input = NodeRef::<html::Input>::new();
    let outcome = state.notice(Notice::CompareFile, None::<CompareOutcome>);
    // Kept like a notice, so a new language does not close the table under the reader.
    let distribution_open = state.notice(Notice::DistributionTable, false);
    let back = move |_| state.screen.set(Screen::Workshop(WorkshopView::Hub));
    let Some(instrument) = workshop_instrument(state) else {
        return view! { <p>{td_string!(locale, group.unknown_instrument)}</p> }.into_any();
    };

    let compare = move |_| {
        let Some(input) = compare_input.get() else {
            return;
        };
        spawn_local(async move {
            let Some(text) = read_chosen_file(&input).await else {
                return;
            };
            input.set_value("");
            match saved::decode::<GroupExport>(&text) {
                Ok(previous)
                    if previous.fits(instrument)
                        && previous.is_plausible(instrument, this_month()) =>
                {
                    state.workshop.update(|workshop| {
                        if let Some(workshop) = workshop {
                            workshop.previous = Some(previous);
                        }
                    });
                    outcome.set(Some(CompareOutcome::Read));
                }
                Ok(previous) if !previous.fits(instrument) => {
                    outcome.set(Some(CompareOutcome::OtherInstrument));
                }
                // Values the app never exports: an edited or damaged file.
                Ok(_) | Err(_) => outcome.set(Some(CompareOutcome::Unreadable)),
            }
        });
    };

    // Which workshop, questionnaire and day: a printout must say.
    let named = state
        .workshop
        .with_untracked(|workshop| workshop.as_ref().map(|workshop| workshop.name.clone()))
        .into_iter()
        .chain([instrument.title.get(lang).to_string()])
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>();
    let meta = move || {
        let day = state.today().map(|date| date.format(lang));
        named
            .iter()
            .cloned()
            .chain(day)
            .collect::<Vec<_>>()
            .join(" · ")
    };
    note_what_is_shown(state, instrument);
    let body = move || {
        let workshop = state.workshop.get()?;
        let result = current_result(&workshop, instrument);
        if let Some(added) = workshop.unshown_change(instrument) {
            let show_anyway = Callback::new(move |()| {
                state.workshop.update(|workshop| {
                    if let Some(workshop) = workshop {
                        workshop.mark_shown(instrument);
                    }
                });
                // The question and its buttons are gone with the held-back note.
                refocus_if_lost("group-heading");
            });
            let texts = ConfirmTexts {
                open: td_string!(locale, group.show_anyway),
                question: td_string!(locale, group.show_anyway_question).to_string(),
                yes: td_string!(locale, group.show_anyway_yes),
                no: td_string!(locale, delete.cancel),
            };
            return Some(
                view! {
                    <p class="below-threshold">{held_back_text(added, result.threshold, locale)}</p>
                    <ConfirmButton texts on_confirm=show_anyway warning=true />
                }
                .into_any(),
            );
        }
        if !result.is_shown() {
            let text = td_string!(
                locale,
                group.below_threshold,
                count = result.respondents,
                threshold = result.threshold
            );
            return Some(view! { <p class="below-threshold">{text}</p> }.into_any());
        }
        let rows = distribution_rows(&result, locale, lang);
        let summary = summary(&rows, locale);
        let previous = workshop.previous.clone();
        let compared = previous.as_ref().map(|p| {
            td_string!(
                locale,
                group.compared_with,
                // Isolated, so direction marks in a file's name cannot
                // turn the rest of the line round.
                name = format!("\u{2068}{}\u{2069}", p.name),
                month = p.month.format(lang)
            )
            .to_string()
        });
        // The change column only once there is a previous round to compare with.
        let change_cell = |factor: &GroupFactor| {
            previous.as_ref().map(|previous| {
                view! {
                    <td data-label=td_string!(locale, group.col_change)>{change_text(previous, factor, lang)}</td>
                }
            })
        };
        let table_rows = result
            .factors
            .iter()
            .zip(&rows)
            .map(|(factor, row)| {
                // A mean held back is said why here too, as the chart does in the bar's place.
                let held_back = factor.factor.scoring == Scoring::Mean && !row.note.is_empty();
                let value = if held_back {
                    format!("{} \u{b7} {}", row.note, row.value_text)
                } else {
                    row.value_text.clone()
                };
                view! {
                    <tr>
                        <th scope="row">{row.label.clone()}</th>
                        <td data-label=td_string!(locale, group.col_result)>{value}</td>
                        {change_cell(factor)}
                    </tr>
                }
            })
            .collect_view();
        // The chart's segments as text, for screen readers and exact figures.
        let share_rows = result
            .factors
            .iter()
            .filter_map(|factor| {
                let text = shares_text(instrument, factor, locale, lang)?;
                let label = factor.factor.name.get(lang);
                Some(view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td class="whole-row" data-label=td_string!(locale, group.col_distribution)>{text}</td>
                    </tr>
                })
            })
            .collect_view();
        let name = workshop.name.clone();
        let export_json = {
            let name = name.clone();
            move |_| {
                let Some(workshop) = state.workshop.get_untracked() else {
                    return;
                };
                let Some(month) = this_month() else { return };
                if let Some(export) =
                    current_result(&workshop, instrument).export(&workshop.name, month)
                {
                    let _ = offer_download(
                        &file_name(&name, td_string!(locale, group.result_file), "json"),
                        "application/json",
                        &saved::encode(&export),
                    );
                }
            }
        };
        let export_csv = {
            let name = name.clone();
            move |_| {
                let Some(workshop) = state.workshop.get_untracked() else {
                    return;
                };
                let text = group_csv(&current_result(&workshop, instrument), locale, lang);
                let _ = offer_download(
                    &file_name(&name, td_string!(locale, group.result_file), "csv"),
                    "text/csv;charset=utf-8",
                    &text,
                );
            }
        };
        let export_png = {
            let rows = rows.clone();
            let legends = scale_legends(&result, lang);
            move |_| {
                let subtitle = format!(
                    "{} · {}{}",
                    instrument.title.get(lang),
                    td_string!(locale, group.respondents, count = result.respondents),
                    not_ks_note(instrument, locale)
                );
                if let Some(canvas) = group_png(&name, &subtitle, &rows, &legends) {
                    let _ = offer_canvas_png(
                        &file_name(&name, td_string!(locale, group.profile_file), "png"),
                        &canvas,
                    );
                }
            }
        };
        Some(view! {
            <p>{td_string!(locale, group.respondents, count = result.respondents)}</p>
            <DistributionChart rows=rows summary />
            <ScaleLegends legends=scale_legends(&result, lang) />
            <p class="hint">{td_string!(locale, group.chart_caption)}</p>
            {instrument.factors.iter().any(Factor::mixes_wordings).then(|| view! {
                <p class="hint">{td_string!(locale, group.turned_caption)}</p>
            })}
            <p>{compared}</p>
            <div class="table-wrap">
            <table class="score-table">
                <caption>{td_string!(locale, group.table_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, group.col_factor)}</th>
                        <th scope="col">{td_string!(locale, group.col_result)}</th>
                        {previous.is_some().then(|| view! {
                            <th scope="col">{td_string!(locale, group.col_change)}</th>
                        })}
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
            </div>
            <details class="distribution-details" prop:open=distribution_open on:toggle=move |event| distribution_open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())>
                <summary>{td_string!(locale, group.distribution_heading)}</summary>
                <div class="table-wrap">
                <table class="score-table">
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, group.col_factor)}</th>
                            <th scope="col">{td_string!(locale, group.col_distribution)}</th>
                        </tr>
                    </thead>
                    <tbody>{share_rows}</tbody>
                </table>
                </div>
            </details>
            <div class="card">
                <h2>{td_string!(locale, group.exports_heading)}</h2>
                <p>{td_string!(locale, group.exports_explain)}</p>
                <div class="button-row">
                    <button type="button" class="button-secondary" on:click=export_png>{td_string!(locale, group.export_png)}</button>
                    <button type="button" class="button-secondary" on:click=export_csv>{td_string!(locale, group.export_csv)}</button>
                    <button type="button" class="button-secondary" on:click=export_json>{td_string!(locale, group.export_json)}</button>
                </div>
            </div>
        }.into_any())
    };

    view! {
        <section class="group-results">
            <h1 id="group-heading" tabindex="-1" node_ref=heading>{td_string!(locale, group.heading)}</h1>
            <p class="group-meta">{meta}</p>
            <p class="lead">
                {td_string!(locale, group.lead)}
                {not_ks_note(instrument, locale)}
            </p>
            {body}
            <div class="card">
                <h2>{td_string!(locale, group.compare_heading)}</h2>
                <div class="field">
                    <label for="compare-file">{td_string!(locale, group.compare_label)}</label>
                    <input id="compare-file" type="file" accept=".json,application/json" node_ref=compare_input on:change=compare />
                </div>
                <p role="status">{move || outcome.get().map(|outcome| outcome.text(locale))}</p>
            </div>
            <nav class="page-nav" aria-label=td_string!(locale, results.navigation)>
                <button type="button" class="button-primary" id=presentation::OPENER_ID on:click=move |_| state.screen.set(Screen::Workshop(WorkshopView::Presentation { from: PresentFrom::Results }))>
                    {td_string!(locale, workshop.present)}
                </button>
                {move || {
                    let open_plan = move || state.screen.set(Screen::Plan { from: PlanFrom::Group });
                    // One plan per device: what is in it already would be shown with the group's.
                    if state.plan.with(Plan::is_empty) {
                        view! {
                            <button type="button" class="button-secondary" on:click=move |_| open_plan()>
                                {td_string!(locale, group.make_plan)}
                            </button>
                        }
                        .into_any()
                    } else {
                        let texts = ConfirmTexts {
                            open: td_string!(locale, group.make_plan),
                            question: td_string!(locale, group.make_plan_question).to_string(),
                            yes: td_string!(locale, group.make_plan_yes),
                            no: td_string!(locale, delete.cancel),
                        };
                        view! { <ConfirmButton texts on_confirm=Callback::new(move |()| open_plan()) warning=true /> }.into_any()
                    }
                }}
                <button type="button" class="button-secondary" on:click=move |_| state.screen.set(Screen::Guide { from: GuideFrom::Workshop })>
                    {td_string!(locale, guide.link)}
                </button>
                <button type="button" class="button-secondary" on:click=back>{td_string!(locale, workshop.back_to_hub)}</button>
            </nav>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::built_in;
    use crate::core::response::Response;

    #[test]
    fn the_group_csv_opens_in_excel_in_the_language_of_its_numbers() {
        let instrument = &built_in()[0];
        let responses: Vec<Response> = [3, 4, 4, 5, 5]
            .map(|value| {
                Response::fitting(instrument, vec![value; instrument.item_count()]).unwrap()
            })
            .to_vec();
        let result = aggregate(instrument, responses.iter(), 5);
        let text = group_csv(&result, locale(Lang::Nb), Lang::Nb);
        assert!(text.starts_with('\u{feff}'), "a byte-order mark for UTF-8");
        let lines: Vec<&str> = text
            .trim_start_matches('\u{feff}')
            .trim_end()
            .split("\r\n")
            .collect();
        assert_eq!(lines.len(), 1 + instrument.factors.len());
        assert_eq!(
            lines[0],
            "Faktor;n;Snitt;Nivå;Andel «Helt uenig» (%);Andel «Litt uenig» (%);Andel «Verken enig eller uenig» (%);Andel «Litt enig» (%);Andel «Helt enig» (%);Høy eksponering (%);Noe eksponering (%);Rapportert"
        );
        let plain = instrument
            .factors
            .iter()
            .position(|factor| factor.items.iter().all(|item| !item.reversed))
            .unwrap();
        let name = instrument.factors[plain].name.get(Lang::Nb);
        // As precise as on screen, no more: the mean to one place (two near a
        // band's edge), shares in whole percent.
        assert_eq!(
            lines[plain + 1],
            format!("{name};5;4,2;Godt;0;0;20;40;40;;;")
        );

        // In English the numbers have a point, and commas separate the fields.
        let text = group_csv(&result, locale(Lang::En), Lang::En);
        let row = text.split("\r\n").nth(plain + 1).unwrap();
        let name = instrument.factors[plain].name.get(Lang::En);
        assert!(row.starts_with(&format!("{name},5,4.2,")), "{row}");
        assert!(row.ends_with(",0,0,20,40,40,,,"), "{row}");

        // A risk's exposure shares are numbers a spreadsheet can sort:
        // six never exposed to night work, so none highly and none somewhat.
        let risks = &built_in()[1];
        let never = Response::fitting(risks, vec![1; risks.item_count()]).unwrap();
        let result = aggregate(risks, vec![never; 6].iter(), 5);
        let text = group_csv(&result, locale(Lang::Nb), Lang::Nb);
        let mut lines = text.trim_start_matches('\u{feff}').split("\r\n");
        // Its factors use three scales: each has its columns, named by its options,
        // in the order the factors first use them.
        let header: Vec<&str> = lines.next().unwrap().split(';').collect();
        let named = |label: &str| format!("Andel «{label}» (%)");
        let column = |label: &str| header.iter().position(|h| *h == named(label)).unwrap();
        assert_eq!(header.len(), 4 + 5 + 5 + 2 + 3, "{header:?}");
        assert_eq!(header[4..6], [named("Aldri"), named("Sjelden")]);
        assert_eq!(header[9..11], [named("Nei"), named("Ja")]);
        assert_eq!(header[11..13], [named("Helt uenig"), named("Litt uenig")]);
        let night_work: Vec<&str> = lines.next().unwrap().split(';').collect();
        assert_eq!(night_work[column("Aldri")], "100");
        assert_eq!(night_work[column("Alltid")], "0");
        assert_eq!(night_work[column("Helt uenig")], "", "not a scale it uses");
        assert_eq!(night_work[column("Ja")], "");
        assert_eq!(night_work[night_work.len() - 3..], ["0", "0", ""]);
        // Downsizing, after long weeks, is asked yes or no.
        let downsizing: Vec<&str> = lines.nth(1).unwrap().split(';').collect();
        assert_eq!(downsizing[column("Nei")], "100");
        assert_eq!(downsizing[column("Aldri")], "");
    }

    #[test]
    fn two_scales_with_an_option_of_the_same_name_number_their_csv_columns() {
        // A loaded questionnaire whose yes/no scale's first option is named
        // like the frequency scale's ("Aldri"): the columns tell them apart.
        let mut instrument = built_in()[1].clone();
        let never = instrument.scales[0].labels[0].clone();
        let yes_no = instrument
            .scales
            .iter_mut()
            .find(|s| s.points == 2)
            .unwrap();
        yes_no.labels[0] = never;
        let someone = Response::fitting(&instrument, vec![1; instrument.item_count()]).unwrap();
        let result = aggregate(&instrument, vec![someone; 6].iter(), 5);
        let text = group_csv(&result, locale(Lang::Nb), Lang::Nb);
        let header: Vec<&str> = text
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap()
            .split(';')
            .collect();
        assert_eq!(
            header[4..11],
            [
                "Andel «Aldri» på svarskala 1 (%)",
                "Andel «Sjelden» på svarskala 1 (%)",
                "Andel «Av og til» på svarskala 1 (%)",
                "Andel «Ofte» på svarskala 1 (%)",
                "Andel «Alltid» på svarskala 1 (%)",
                "Andel «Aldri» på svarskala 2 (%)",
                "Andel «Ja» på svarskala 2 (%)",
            ]
        );
        assert_eq!(header[11], "Andel «Helt uenig» (%)", "a scale of its own");
    }

    #[test]
    fn each_scale_and_direction_gets_a_legend_and_the_rarer_ones_name_their_factors() {
        let instrument = &built_in()[1];
        let never = Response::fitting(instrument, vec![1; instrument.item_count()]).unwrap();
        let responses = vec![never; 6];
        let result = aggregate(instrument, responses.iter(), 5);
        let legends = scale_legends(&result, Lang::Nb);
        let captions: Vec<Option<&str>> = legends.iter().map(|l| l.caption.as_deref()).collect();
        // "Få utviklingsmuligheter" asks about chances to develop: there
        // "Alltid" is the good answer, so its colours run the other way.
        assert_eq!(
            captions,
            [
                None,
                Some("Nedbemanning:"),
                Some("Få utviklingsmuligheter:"),
                Some("Lav lederstøtte:")
            ]
        );
        assert_eq!(legends[0].labels.first().map(String::as_str), Some("Aldri"));
        let directions: Vec<bool> = legends.iter().map(|l| l.low_is_favourable).collect();
        assert_eq!(directions, [true, true, false, false]);
        assert_eq!(legends[1].labels.len(), 2);
        let rows = distribution_rows(&result, locale(Lang::Nb), Lang::Nb);
        assert!(
            rows[0].low_is_favourable,
            "never working nights is the good end"
        );
        let resources = &built_in()[0];
        assert!(!resources.low_is_favourable(&resources.factors[0]));
    }

    #[test]
    fn a_shortened_row_keeps_its_n_where_some_did_not_answer() {
        let instrument = &built_in()[0];
        let mut responses =
            vec![Response::fitting(instrument, vec![4; instrument.item_count()]).unwrap(); 6];
        // One answers "don't know" to every statement of the first factor.
        let first = instrument.factors[0].items.len();
        let mut values = vec![4; instrument.item_count()];
        values[..first].fill(0);
        responses[0] = Response::fitting(instrument, values).unwrap();
        let result = aggregate(instrument, responses.iter(), 3);
        let rows = distribution_rows(&result, locale(Lang::Nb), Lang::Nb);
        assert!(
            rows[0].short_text.ends_with(" · n\u{a0}=\u{a0}5"),
            "{}",
            rows[0].short_text
        );
        assert!(
            !rows[1].short_text.contains("n\u{a0}="),
            "{}",
            rows[1].short_text
        );
        assert!(rows[1].value_text.ends_with("n\u{a0}=\u{a0}6"));
    }

    #[test]
    fn a_risk_without_a_distribution_says_why_in_the_chart_and_in_words() {
        let instrument = &built_in()[1];
        // Five never exposed, one always: the high exposure count (1) is hidden.
        let mut responses =
            vec![Response::fitting(instrument, vec![1; instrument.item_count()]).unwrap(); 5];
        let always = instrument
            .factors
            .iter()
            .flat_map(|factor| {
                let points = instrument.factor_scale(factor).points;
                factor.items.iter().map(move |_| points)
            })
            .collect();
        responses.push(Response::fitting(instrument, always).unwrap());
        let result = aggregate(instrument, responses.iter(), 5);
        let locale = locale(Lang::Nb);
        let rows = distribution_rows(&result, locale, Lang::Nb);
        let note_of = |id: &str| {
            let index = instrument.factors.iter().position(|f| f.id == id).unwrap();
            let words = shares_text(instrument, &result.factors[index], locale, Lang::Nb);
            (rows[index].note.as_str(), words)
        };
        let hidden = "Snitt og fordeling er skjult for å verne anonymiteten";
        assert_eq!(note_of("nattarbeid"), (hidden, Some(hidden.to_string())));
        // Nor does the mean give away the one: with n it gives their sum.
        let nattarbeid = instrument
            .factors
            .iter()
            .position(|f| f.id == "nattarbeid")
            .unwrap();
        let value = value_text(&result.factors[nattarbeid], locale, Lang::Nb, false);
        assert!(!value.contains("Snitt"), "{value}");
        let combined = "Ingen fordeling: målet kombinerer to deler";
        assert_eq!(note_of("krav_kontroll").0, combined);
        assert_eq!(note_of("innsats_belonning").0, combined);
        let flag = "Ingen fordeling: bare om noen har opplevd det";
        assert_eq!(note_of("mobbing").0, flag);
        // A row with bars has no note.
        let never =
            vec![Response::fitting(instrument, vec![1; instrument.item_count()]).unwrap(); 6];
        let result = aggregate(instrument, never.iter(), 5);
        let rows = distribution_rows(&result, locale, Lang::Nb);
        assert!(rows
            .iter()
            .all(|row| row.shares.is_empty() != row.note.is_empty()));
    }

    #[test]
    fn a_risks_change_names_its_mean_and_its_high_exposure_where_it_has_both() {
        let instrument = &built_in()[1];
        let group = |values: &[u8]| -> Vec<Response> {
            values
                .iter()
                .map(|&value| {
                    Response::fitting(instrument, vec![value; instrument.item_count()]).unwrap()
                })
                .collect()
        };
        let month = crate::core::history::Month::new(2026, 5).unwrap();
        let before = aggregate(instrument, group(&[2; 8]).iter(), 5)
            .export("Vår", month)
            .unwrap();
        // Three not exposed: fewer would withhold a share, and the mean with it.
        let now = aggregate(instrument, group(&[1, 1, 1, 2, 2, 2, 2, 2]).iter(), 5);
        let texts: Vec<String> = now
            .factors
            .iter()
            .map(|factor| change_text(&before, factor, Lang::Nb))
            .collect();
        assert!(
            texts.contains(&"Snitt \u{2212}0,4, høy eksponering 0\u{a0}pp".to_string()),
            "{texts:?}"
        );
    }
}
