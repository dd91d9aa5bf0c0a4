//! The plan out and in: Markdown for an intranet page or minutes, CSV for
//! Norwegian Excel, print, and a plan file to restore.

use leptos::html;
use leptos::prelude::*;

use super::area_name;
use super::names::{level_name, owner_name, progress_name, rating_name};
use crate::app::{use_app, Notice};
use crate::components::refocus_if_lost;
use crate::core::instrument::Instrument;
use crate::core::lang::Lang;
use crate::core::plan::{Measure, Plan};
use crate::core::{csv, saved};
use crate::download::{offer_download, read_chosen_file};
use crate::i18n::{locale, td_string};

fn area_of(measure: &Measure, instruments: &[&Instrument], lang: Lang) -> String {
    measure
        .area
        .as_ref()
        .map(|area| area_name(area, instruments, lang))
        .unwrap_or_default()
}

fn date_text(date: Option<crate::core::plan::Date>, lang: Lang) -> String {
    date.map(|date| date.format(lang)).unwrap_or_default()
}

/// One row per measure, in the column order of [`headers`].
pub fn measure_cells(measure: &Measure, instruments: &[&Instrument], lang: Lang) -> [String; 9] {
    let l = locale(lang);
    [
        measure.what.clone(),
        area_of(measure, instruments, lang),
        owner_name(measure.owner, l).to_string(),
        date_text(measure.deadline, lang),
        date_text(measure.next_evaluation, lang),
        rating_name(measure.effect, l).to_string(),
        rating_name(measure.cost, l).to_string(),
        level_name(measure.level, l).to_string(),
        progress_name(measure.progress(), l).to_string(),
    ]
}

/// The columns of [`measure_cells`] holding dates: the deadline and the next evaluation.
pub const DEADLINE_COLUMN: usize = 3;
pub const EVALUATION_COLUMN: usize = 4;

pub fn headers(lang: Lang) -> [&'static str; 9] {
    let l = locale(lang);
    [
        td_string!(l, plan.what),
        td_string!(l, plan.area),
        td_string!(l, plan.owner),
        td_string!(l, plan.deadline),
        td_string!(l, plan.next_evaluation),
        td_string!(l, plan.effect),
        td_string!(l, plan.cost),
        td_string!(l, plan.level),
        td_string!(l, plan.progress),
    ]
}

/// `text` as plain text in Markdown: on one line, and with the characters
/// that make markup, links, HTML or table cells escaped, so a text from a
/// plan file cannot inject any of them where the Markdown is shown.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The plan as Markdown, for pasting into an intranet page or minutes.
pub fn markdown(plan: &Plan, instruments: &[&Instrument], lang: Lang) -> String {
    let l = locale(lang);
    let list = |areas: &[crate::core::plan::Area]| {
        if areas.is_empty() {
            "- \u{2013}\n".to_string()
        } else {
            areas
                .iter()
                .map(|area| format!("- {}\n", markdown_text(&area_name(area, instruments, lang))))
                .collect()
        }
    };
    let mut out = format!("# {}\n\n", td_string!(l, plan.heading));
    out += &format!(
        "## {}\n\n{}\n",
        td_string!(l, plan.focus),
        list(&plan.focus)
    );
    out += &format!("## {}\n\n{}\n", td_string!(l, plan.keep), list(&plan.keep));
    out += &format!("## {}\n\n", td_string!(l, plan.measures_heading));
    let header = headers(lang);
    out += &format!(
        "| # | {} |\n|---|{}\n",
        header.join(" | "),
        "---|".repeat(header.len())
    );
    for (index, measure) in plan.measures.iter().enumerate() {
        let cells: Vec<String> = measure_cells(measure, instruments, lang)
            .iter()
            .map(|text| markdown_text(text))
            .collect();
        out += &format!("| {} | {} |\n", index + 1, cells.join(" | "));
    }
    out += &format!("\n## {}\n\n", td_string!(l, plan.deselected_heading));
    if plan.deselected.is_empty() {
        out += "- \u{2013}\n";
    }
    for item in &plan.deselected {
        out += &format!(
            "- {}: {}\n",
            markdown_text(&item.what),
            markdown_text(&item.reason)
        );
    }
    out
}

/// The measures as CSV for Excel (see `core::csv`).
pub fn csv(plan: &Plan, instruments: &[&Instrument], lang: Lang) -> String {
    let header = headers(lang).map(String::from);
    let rows = plan
        .measures
        .iter()
        .map(|measure| measure_cells(measure, instruments, lang));
    csv::table(lang, std::iter::once(header).chain(rows))
}

#[derive(Clone, Copy, PartialEq)]
enum ImportResult {
    Restored,
    /// The plan the file replaced is back.
    Undone,
    Rejected,
    /// Saved by a newer version of the app, which this one cannot read.
    Newer,
}

/// `renumbered_from` is set to 0 when a plan file replaces the measures (see `MeasureList`).
#[component]
pub fn PlanExports(renumbered_from: RwSignal<usize>) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let file_input = NodeRef::<html::Input>::new();
    // Every measure may be another now: notes begun on the old ones go.
    let replace_plan = move |plan: Plan| {
        state.plan.set(plan);
        state.forget_drafts(&|field| field.follow_up_of().is_some());
        renumbered_from.set(0);
    };
    let import_result = state.notice(Notice::PlanFile, None::<ImportResult>);
    // The plan a file replaced, and the file's plan: picking the wrong file
    // can be undone until the plan is changed.
    let replaced = state.notice(Notice::ReplacedPlan, None::<(Plan, Plan)>);
    let can_undo = move || {
        import_result.get() == Some(ImportResult::Restored)
            && replaced.with(|replaced| {
                replaced
                    .as_ref()
                    .is_some_and(|(_, imported)| state.plan.with(|plan| plan == imported))
            })
    };
    // Offering a download fails only without a document; there is nothing to tell the user then.
    let download = |name: &str, mime: &str, contents: String| {
        let _ = offer_download(name, mime, &contents);
    };
    let import = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = read_chosen_file(&input).await.unwrap_or_default();
            // A bad file changes nothing: the plan is replaced only by a valid one.
            match saved::decode::<Plan>(&text) {
                Ok(plan) if plan.is_consistent() => {
                    replaced.set(Some((state.plan.get_untracked(), plan.clone())));
                    replace_plan(plan);
                    import_result.set(Some(ImportResult::Restored));
                }
                Err(saved::DecodeError::NewerSchema(_)) => {
                    import_result.set(Some(ImportResult::Newer))
                }
                _ => import_result.set(Some(ImportResult::Rejected)),
            }
            input.set_value("");
        });
    };
    view! {
        <section class="card" aria-labelledby="exports-heading">
            <h2 id="exports-heading" tabindex="-1">{td_string!(locale, plan.exports_heading)}</h2>
            <div class="export-actions">
                <button type="button" class="button-secondary" on:click=move |_| window().print().unwrap_or_default()>
                    {td_string!(locale, plan.print)}
                </button>
                <button type="button" class="button-secondary" on:click=move |_| {
                    download(&format!("{}.md", td_string!(locale, plan.file_name)), "text/markdown;charset=utf-8", state.plan.with(|p| markdown(p, &state.instruments(), state.lang())))
                }>{td_string!(locale, plan.download_markdown)}</button>
                <button type="button" class="button-secondary" on:click=move |_| {
                    download(&format!("{}.csv", td_string!(locale, plan.file_name)), "text/csv;charset=utf-8", state.plan.with(|p| csv(p, &state.instruments(), state.lang())))
                }>{td_string!(locale, plan.download_csv)}</button>
                <button type="button" class="button-secondary" on:click=move |_| {
                    download(&format!("{}.json", td_string!(locale, plan.file_name)), "application/json", state.plan.with(saved::encode))
                }>{td_string!(locale, plan.download_file)}</button>
            </div>
            <label class="field" for="plan-file">
                <span>{td_string!(locale, plan.import_file)}</span>
                <input type="file" id="plan-file" accept=".json,application/json" node_ref=file_input on:change=import />
            </label>
            <p role="status">
                {move || import_result.get().map(|result| match result {
                    ImportResult::Restored => td_string!(locale, plan.import_done),
                    ImportResult::Undone => td_string!(locale, plan.import_undone),
                    ImportResult::Rejected => td_string!(locale, plan.import_rejected),
                    ImportResult::Newer => td_string!(locale, plan.import_newer),
                })}
            </p>
            <Show when=can_undo>
                <button type="button" class="button-secondary" on:click=move |_| {
                    if !can_undo() {
                        return;
                    }
                    if let Some((before, _)) = replaced.try_update(Option::take).flatten() {
                        replace_plan(before);
                        import_result.set(Some(ImportResult::Undone));
                    }
                    refocus_if_lost("exports-heading");
                }>
                    {td_string!(locale, plan.undo_import)}
                </button>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::built_in;
    use crate::core::plan::{Area, Date, Deselected, Kind, Level, Owner, Rating};

    fn built_in_refs() -> Vec<&'static Instrument> {
        built_in().iter().collect()
    }

    fn sample() -> Plan {
        Plan {
            focus: vec![Area::new("ressurser", "rolleklarhet")],
            keep: vec![Area::new("ressurser", "mestringsklima")],
            measures: vec![Measure {
                what: "Avklar roller; skriv \"hvem gjør hva\" | del".into(),
                area: Some(Area::new("ressurser", "rolleklarhet")),
                owner: Owner::SafetyDelegate,
                deadline: Date::parse("2027-01-31"),
                next_evaluation: Date::parse("2027-02-28"),
                effect: Rating::High,
                cost: Rating::Low,
                level: Level::Group,
                kind: Kind::HealthPromoting,
                history: vec![],
            }],
            deselected: vec![Deselected {
                what: "Autonomi".into(),
                reason: "Neste år".into(),
            }],
        }
    }

    #[test]
    fn markdown_has_every_part_of_the_plan() {
        let text = markdown(&sample(), &built_in_refs(), Lang::Nb);
        assert!(text.starts_with("# Handlingsplan"));
        assert!(text.contains("- Rolleklarhet\n"));
        assert!(text.contains("- Mestringsklima\n"));
        assert!(text.contains("| 1 | Avklar roller; skriv \"hvem gjør hva\" \\| del | Rolleklarhet | Verneombud | 31.01.2027 | 28.02.2027 | Høy | Lav |"));
        assert!(text.contains("- Autonomi: Neste år\n"));
        // An empty section has a dash, as on paper.
        let mut plan = sample();
        plan.deselected.clear();
        let text = markdown(&plan, &built_in_refs(), Lang::Nb);
        assert!(text.ends_with("## Valgt bort nå\n\n- \u{2013}\n"), "{text}");
    }

    #[test]
    fn markdown_keeps_text_from_a_file_as_text() {
        let mut plan = sample();
        plan.measures[0].what = "<img src=x onerror=alert(1)>\r| [x](javascript:alert(1))".into();
        plan.deselected[0].what = "A\n## Injected".into();
        plan.deselected[0].reason = "*bold* & `code`".into();
        let text = markdown(&plan, &built_in_refs(), Lang::Nb);
        assert!(!text.contains('\r'));
        let raw_html = text
            .match_indices('<')
            .any(|(at, _)| !text[..at].ends_with('\\'));
        assert!(!raw_html, "no raw HTML");
        assert!(text.contains(
            "| 1 | \\<img src=x onerror=alert(1)\\> \\| \\[x\\](javascript:alert(1)) | Rolleklarhet |"
        ));
        assert!(
            !text.contains("\n## Injected"),
            "no heading made from a text"
        );
        assert!(text.contains("- A \\#\\# Injected: \\*bold\\* \\& \\`code\\`\n"));
    }

    #[test]
    fn csv_opens_in_norwegian_excel() {
        let text = csv(&sample(), &built_in_refs(), Lang::Nb);
        assert!(text.starts_with('\u{feff}'), "a byte-order mark for UTF-8");
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0].split(';').count(), 9);
        assert!(lines[1].starts_with(
            "\"Avklar roller; skriv \"\"hvem gjør hva\"\" | del\";Rolleklarhet;Verneombud;"
        ));
        assert_eq!(lines[2], "");
    }
}
