//! Measures: ideas from the catalogue for each focus area, your own, and an
//! editor for each measure (owner, dates, effect, cost, level, follow-up).

use leptos::html;
use leptos::prelude::*;

use super::area_name;
use super::effort_impact::EffortImpactChart;
use super::names::{kind_name, level_name, owner_name, progress_name, rating_name};
use crate::app::{use_app, AppState, Draft};
use crate::clock::today;
use crate::components::confirm_button::{ConfirmButton, ConfirmTexts};
use crate::components::refocus_if_lost;
use crate::core::catalogue::ideas_for;
use crate::core::plan::{Area, Date, Evaluation, Kind, Level, Measure, Owner, Progress, Rating};
use crate::i18n::{td_string, Locale};

const RATINGS: [Rating; 3] = [Rating::Low, Rating::Medium, Rating::High];
const LEVELS: [Level; 4] = [
    Level::Individual,
    Level::Group,
    Level::Leader,
    Level::Organisation,
];
const PROGRESS: [Progress; 4] = [
    Progress::Planned,
    Progress::Ongoing,
    Progress::Done,
    Progress::Dropped,
];

/// One field of a measure: `key` names it in element ids.
struct MeasureField<T> {
    key: &'static str,
    get: fn(&Measure) -> T,
    set: fn(&mut Measure, T),
}

/// Measure `index` of the plan as a signal of its own. Its fields watch it
/// instead of the whole plan, so an edit updates one measure's fields, not
/// every field of a long plan.
fn measure_at(state: AppState, index: usize) -> Memo<Option<Measure>> {
    Memo::new(move |_| state.plan.with(|plan| plan.measures.get(index).cloned()))
}

/// A labelled native select over `options`, reading one field of `measure`
/// and writing it to measure `index` of the plan.
fn select_field<T: Copy + PartialEq + Send + Sync + 'static>(
    state: AppState,
    (index, measure): (usize, Memo<Option<Measure>>),
    label: &'static str,
    options: &'static [T],
    name: fn(T, Locale) -> &'static str,
    MeasureField { key, get, set }: MeasureField<T>,
) -> impl IntoView {
    let id = format!("measure-{index}-{key}");
    let locale = state.locale();
    let current = move || measure.with(|measure| measure.as_ref().map(get));
    let choices = options
        .iter()
        .enumerate()
        .map(|(position, option)| {
            let option = *option;
            view! {
                <option value=position.to_string() selected=move || current() == Some(option)>
                    {name(option, locale)}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="field" for=id>
            <span>{label}</span>
            <select id=id.clone() on:change=move |event| {
                if let Some(option) = event_target_value(&event).parse::<usize>().ok().and_then(|i| options.get(i)) {
                    state.plan.update(|plan| {
                        if let Some(measure) = plan.measures.get_mut(index) {
                            set(measure, *option);
                        }
                    });
                }
            }>{choices}</select>
        </label>
    }
}

/// A labelled date input, reading one date of `measure` and writing it to
/// measure `index` of the plan.
fn date_field(
    state: AppState,
    (index, measure): (usize, Memo<Option<Measure>>),
    label: &'static str,
    MeasureField { key, get, set }: MeasureField<Option<Date>>,
) -> impl IntoView {
    let locale = state.locale();
    let id = format!("measure-{index}-{key}");
    let problem_id = format!("{id}-problem");
    // A memo, so that a change elsewhere in the measure (a follow-up recorded
    // in another tab) leaves a date being typed alone.
    let saved = Memo::new(move |_| {
        measure.with(|measure| {
            measure
                .as_ref()
                .and_then(get)
                .map(|date| date.to_string())
                .unwrap_or_default()
        })
    });
    let save = move |date: Option<Date>| {
        state.plan.update(|plan| {
            if let Some(measure) = plan.measures.get_mut(index) {
                set(measure, date);
            }
        });
    };
    // The date before this edit: typed part by part, a date passes through
    // whole ones that are saved (the "3" of "31"); left unfinished or
    // impossible (31.02), the edit is undone rather than leave one of those.
    let before_edit = StoredValue::new(None::<Option<Date>>);
    let unchanged = RwSignal::new(false);
    let start_edit = move |_| {
        let date = measure.with_untracked(|measure| measure.as_ref().and_then(get));
        before_edit.set_value(Some(date));
    };
    let end_edit = move |event: leptos::ev::FocusEvent| {
        let input = event_target::<web_sys::HtmlInputElement>(&event);
        let text = input.value();
        let left_unfinished =
            input.validity().bad_input() || (!text.is_empty() && Date::parse(&text).is_none());
        if let Some(before) = before_edit.get_value().filter(|_| left_unfinished) {
            if measure.with_untracked(|measure| measure.as_ref().and_then(get)) != before {
                save(before);
            }
        }
        unchanged.set(left_unfinished);
        // The field shows what is saved.
        input.set_value(&saved.get_untracked());
    };
    // Always there, empty but for a message, so the field's description
    // never points at nothing.
    let described_by = problem_id.clone();
    let problem = view! {
        <p class="warning-text field-problem" id=problem_id>
            {move || unchanged.get().then(|| td_string!(locale, plan.date_unchanged))}
        </p>
    };
    view! {
        // The message goes outside the label, so it is not read as the field's name.
        <div class="date-field">
            <label class="field" for=id.clone()>
                <span>{label}</span>
                <input
                    type="date"
                    id=id.clone()
                    min="2000-01-01"
                    max="2200-12-31"
                    aria-invalid=move || unchanged.get().then_some("true")
                    aria-describedby=described_by
                    prop:value=saved
                    on:focus=start_edit
                    on:blur=end_edit
                    on:change=move |event| {
                        let input = event_target::<web_sys::HtmlInputElement>(&event);
                        let text = input.value();
                        // A date being retyped part by part reads as empty until it
                        // is whole: saving "no date" then would wipe the other parts.
                        if text.is_empty() && input.validity().bad_input() {
                            return;
                        }
                        let date = Date::parse(&text);
                        // Out of the range a plan holds, as a year is while it is typed
                        // digit by digit ("0002"): not saved, and not put back either,
                        // or the year could never be typed.
                        if date.is_none() && !text.is_empty() {
                            return;
                        }
                        unchanged.set(false);
                        save(date);
                    }
                />
            </label>
            {problem}
        </div>
    }
}

/// The areas a measure can address: the plan's focus areas and strengths,
/// and the one it addresses now if that is neither.
fn area_choices(plan_areas: &[Area], current: Option<Area>) -> Vec<Area> {
    let mut areas = plan_areas.to_vec();
    if let Some(area) = current.filter(|area| !areas.contains(area)) {
        areas.push(area);
    }
    areas
}

/// A labelled select of the area measure `index` addresses, or none.
fn area_field(state: AppState, (index, measure): (usize, Memo<Option<Measure>>)) -> impl IntoView {
    let locale = state.locale();
    let id = format!("measure-{index}-area");
    let current = move || measure.with(|measure| measure.as_ref().and_then(|m| m.area.clone()));
    // Its own memo, so the options are redrawn when the plan's areas change,
    // not on every edit of any measure.
    let plan_areas = Memo::new(move |_| {
        state.plan.with(|plan| {
            plan.focus
                .iter()
                .chain(&plan.keep)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let choices = move || plan_areas.with(|areas| area_choices(areas, current()));
    let options = move || {
        let current = current();
        let areas = choices();
        let instruments = state.instruments();
        areas
            .into_iter()
            .enumerate()
            .map(|(position, area)| {
                let name = area_name(&area, &instruments, state.lang());
                let selected = current.as_ref() == Some(&area);
                view! { <option value=position.to_string() selected=selected>{name}</option> }
            })
            .collect_view()
    };
    view! {
        <label class="field" for=id>
            <span>{td_string!(locale, plan.area)}</span>
            <select id=id.clone() on:change=move |event| {
                let area = event_target_value(&event)
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| choices().get(i).cloned());
                let instruments = state.instruments();
                state.plan.update(|plan| {
                    if let Some(measure) = plan.measures.get_mut(index) {
                        if area.is_some() {
                            measure.kind = Kind::for_area(area.as_ref(), &instruments);
                        }
                        measure.area = area;
                    }
                });
            }>
                <option value="" selected=move || current().is_none()>{td_string!(locale, plan.no_area)}</option>
                {options}
            </select>
        </label>
    }
}

#[component]
fn MeasureEditor(index: usize, renumbered_from: RwSignal<usize>) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let memo = measure_at(state, index);
    let measure = move || memo.get();
    // A memo of its own, so that a change elsewhere in the measure (a
    // follow-up recorded in another tab) leaves the text being typed alone.
    let what =
        Memo::new(move |_| memo.with(|m| m.as_ref().map(|m| m.what.clone()).unwrap_or_default()));
    let field = (index, memo);
    let what_id = format!("measure-{index}-what");
    let note_id = format!("measure-{index}-note");
    let note_field = note_id.clone();
    let note = state.draft(Draft::FollowUpNote(index), String::new());
    // Kept as its position in PROGRESS, a text like every draft.
    let ongoing = || {
        let position = PROGRESS.iter().position(|p| *p == Progress::Ongoing);
        position.unwrap_or(0).to_string()
    };
    let progress_kept = state.draft(Draft::FollowUpProgress(index), ongoing());
    let progress = move || {
        progress_kept
            .with(|kept| {
                kept.parse::<usize>()
                    .ok()
                    .and_then(|i| PROGRESS.get(i).copied())
            })
            .unwrap_or(Progress::Ongoing)
    };
    // Open again where a note was begun (before the screen re-rendered).
    let follow_up_open = RwSignal::new(note.with_untracked(|note| !note.is_empty()));
    // Notified when another measure comes to this number: a question open
    // about the one that was here closes rather than pass to it.
    let moved_here = Trigger::new();
    // The drafts belong to the measure, not to its number: when this number
    // moves to another measure, the note kept for that measure comes here
    // (see `move_follow_up_notes_up`).
    Effect::new(move |first: Option<()>| {
        let from = renumbered_from.get();
        if first.is_some() && index >= from {
            moved_here.notify();
            let its_note = state
                .kept_draft(Draft::FollowUpNote(index))
                .unwrap_or_default();
            follow_up_open.set(!its_note.is_empty());
            note.set(its_note);
            progress_kept.set(
                state
                    .kept_draft(Draft::FollowUpProgress(index))
                    .unwrap_or_else(ongoing),
            );
        }
    });
    let follow_up = move |_| {
        let Some(date) = today() else { return };
        state.plan.update(|plan| {
            if let Some(measure) = plan.measures.get_mut(index) {
                measure.record(Evaluation {
                    date,
                    progress: untrack(progress),
                    note: note.get_untracked(),
                    moved_next_evaluation: None,
                    moved_from: None,
                });
            }
        });
        note.set(String::new());
    };
    // Kept apart from the measure, so an edit to it does not close an open question.
    let has_history =
        Memo::new(move |_| memo.with(|m| m.as_ref().is_some_and(|m| !m.history.is_empty())));
    let history = move || {
        let locale = state.locale();
        measure()
            .map(|measure| measure.history)
            .unwrap_or_default()
            .into_iter()
            .rev()
            .map(|evaluation| {
                view! { <li>{format!("{} \u{2013} {}: {}", evaluation.date.format(state.lang()), progress_name(evaluation.progress, locale), evaluation.note)}</li> }
            })
            .collect_view()
    };
    let area = move || {
        measure()
            .and_then(|m| m.area)
            .map(|area| area_name(&area, &state.instruments(), state.lang()))
            .unwrap_or_default()
    };
    let kind = move || {
        measure()
            .map(|m| kind_name(m.kind, state.locale()))
            .unwrap_or_default()
    };
    let progress_id = format!("measure-{index}-progress");
    let meta_id = format!("measure-{index}-meta");
    let group_name = meta_id.clone();
    view! {
        // A group named by its number and area, so that each field's name
        // ("Frist") is heard with the measure it belongs to.
        <li class="card measure">
            <div role="group" aria-labelledby=group_name>
            <p class="measure-meta" id=meta_id>
                <span class="measure-number">{index + 1}". "</span>
                {area}" \u{b7} "{kind}
                // A space before each tag, so a screen reader does not run them together.
                {move || measure().filter(Measure::is_quick_win).map(|_| view! { " "<span class="tag">{td_string!(locale, plan.quick_win)}</span> })}
                {move || measure().filter(|m| state.today().is_some_and(|today| m.is_due(today))).map(|_| view! { " "<span class="tag">{td_string!(locale, plan.evaluation_due)}</span> })}
            </p>
            <label class="field field-wide" for=what_id>
                <span>{td_string!(locale, plan.what)}</span>
                <textarea
                    class="measure-what"
                    rows="2"
                    id=what_id.clone()
                    prop:value=what
                    on:change=move |event| {
                        // One line, as in the exports' table rows.
                        let what = event_target_value(&event).replace(['\r', '\n'], " ");
                        state.plan.update(|plan| {
                            if let Some(measure) = plan.measures.get_mut(index) {
                                measure.what = what;
                            }
                        });
                    }
                ></textarea>
            </label>
            <div class="fields">
                {area_field(state, field)}
                {select_field(state, field, td_string!(locale, plan.owner), &Owner::ALL, owner_name, MeasureField { key: "owner", get: |m| m.owner, set: |m, v| m.owner = v })}
                {date_field(state, field, td_string!(locale, plan.deadline), MeasureField { key: "deadline", get: |m| m.deadline, set: |m, v| m.deadline = v })}
                {date_field(state, field, td_string!(locale, plan.next_evaluation), MeasureField { key: "evaluation", get: |m| m.next_evaluation, set: |m, v| m.next_evaluation = v })}
                {select_field(state, field, td_string!(locale, plan.effect), &RATINGS, rating_name, MeasureField { key: "effect", get: |m| m.effect, set: |m, v| m.effect = v })}
                {select_field(state, field, td_string!(locale, plan.cost), &RATINGS, rating_name, MeasureField { key: "cost", get: |m| m.cost, set: |m, v| m.cost = v })}
                {select_field(state, field, td_string!(locale, plan.level), &LEVELS, level_name, MeasureField { key: "level", get: |m| m.level, set: |m, v| m.level = v })}
            </div>
            <details class="follow-up" prop:open=follow_up_open on:toggle=move |event| follow_up_open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())>
                <summary>
                    {td_string!(locale, plan.follow_up)}": "
                    {move || measure().map(|m| progress_name(m.progress(), state.locale())).unwrap_or_default()}
                </summary>
                <div class="fields">
                    <label class="field" for=progress_id>
                        <span>{td_string!(locale, plan.progress)}</span>
                        <select id=progress_id.clone() on:change=move |event| progress_kept.set(event_target_value(&event))>
                            {PROGRESS
                                .iter()
                                .enumerate()
                                .map(|(position, option)| {
                                    let option = *option;
                                    view! {
                                        <option value=position.to_string() selected=move || progress() == option>
                                            {progress_name(option, locale)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </label>
                    <label class="field field-wide" for=note_id>
                        <span>{td_string!(locale, plan.note)}</span>
                        <input type="text" id=note_id.clone() prop:value=move || note.get() on:input=move |event| note.set(event_target_value(&event)) />
                    </label>
                </div>
                <button type="button" class="button-secondary" aria-label=format!("{} {}", td_string!(locale, plan.record_follow_up), index + 1) on:click=follow_up>
                    {td_string!(locale, plan.record_follow_up)}
                </button>
                <ul class="history">{history}</ul>
                // Drawn anew when another measure moves here, so an open
                // question never passes to it.
                {move || { moved_here.track(); has_history.get() }.then(|| {
                    let note_id = note_field.clone();
                    view! {
                        // A follow-up recorded by mistake can be taken back, after a yes.
                        <ConfirmButton
                            texts=ConfirmTexts {
                                open: td_string!(locale, plan.remove_follow_up),
                                question: td_string!(locale, plan.remove_follow_up_question, number = index + 1).to_string(),
                                yes: td_string!(locale, plan.remove_follow_up_yes),
                                no: td_string!(locale, delete.cancel),
                            }
                            open_label=format!("{} {}", td_string!(locale, plan.remove_follow_up), index + 1)
                            on_confirm=Callback::new(move |()| {
                                state.plan.update(|plan| { if let Some(measure) = plan.measures.get_mut(index) { measure.remove_latest(); } });
                                refocus_if_lost(&note_id);
                            })
                        />
                    }
                })}
            </details>
            // Asked first: a second press, or a double tap, would otherwise
            // take the next measure too, with its owner, deadline and notes.
            // Drawn anew when another measure moves here, as above.
            {move || { moved_here.track(); view! { <ConfirmButton
                texts=ConfirmTexts {
                    open: td_string!(locale, plan.remove_measure),
                    question: td_string!(locale, plan.remove_measure_question, number = index + 1).to_string(),
                    yes: td_string!(locale, plan.remove_measure_yes),
                    no: td_string!(locale, delete.cancel),
                }
                open_label=format!("{} {}", td_string!(locale, plan.remove_measure), index + 1)
                on_confirm=Callback::new(move |()| {
                    // Its drafts go, and those after it move up (see `App`).
                    state.plan.update(|plan| { if index < plan.measures.len() { plan.measures.remove(index); } });
                    refocus_if_lost("chosen-measures");
                })
                danger=true
            /> } }}
            </div>
        </li>
    }
}

/// Ideas from the catalogue for one focus area, each with an "add" button.
fn ideas_view(state: AppState, area: Area) -> impl IntoView {
    let locale = state.locale();
    let name = {
        let area = area.clone();
        move || area_name(&area, &state.instruments(), state.lang())
    };
    let ideas = ideas_for(&area)
        .map(|idea| {
            let text = move || idea.text.get(state.lang()).to_string();
            // Once added, the button says so and does nothing more, so a
            // double click adds the idea once. It stays, to keep the focus.
            let added = Memo::new(move |_| state.plan.with(|plan| idea.is_in(plan)));
            let add = move |_| {
                if !added.get_untracked() {
                    let measure = idea.to_measure(idea.text.get(state.lang()), today());
                    state.plan.update(|plan| plan.measures.push(measure));
                }
            };
            let label = move || {
                if added.get() {
                    td_string!(locale, plan.idea_added)
                } else {
                    td_string!(locale, plan.add_idea)
                }
            };
            view! {
                <li>
                    <span>{text}</span>
                    " "
                    <button type="button" class="button-secondary" aria-disabled=move || added.get().then_some("true") aria-label=move || format!("{}: {}", label(), text()) on:click=add>
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="ideas">
            <h3>{name}</h3>
            <ul class="plain idea-list">{ideas}</ul>
        </section>
    }
}

/// `renumbered_from` is set to the first number that now belongs to another
/// measure (one was removed, or a plan file replaced them all): editors from
/// there on take the drafts of the measures now under their numbers.
#[component]
pub fn MeasureList(renumbered_from: RwSignal<usize>) -> impl IntoView {
    let state = use_app();
    // Texts are fixed per render: the screen re-renders when the language changes.
    let locale = state.locale();
    let focus = Memo::new(move |_| state.plan.with(|plan| plan.focus.clone()));
    let count = Memo::new(move |_| state.plan.with(|plan| plan.measures.len()));
    let own = state.draft(Draft::OwnMeasure, String::new());
    // "Add" with nothing written says so, rather than do nothing.
    let own_empty = RwSignal::new(false);
    let own_input = NodeRef::<html::Input>::new();
    let add_own = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let what = own.get_untracked().trim().to_string();
        if what.is_empty() {
            own_empty.set(true);
            if let Some(input) = own_input.get_untracked() {
                let _ = input.focus();
            }
            return;
        }
        let area = state
            .plan
            .with_untracked(|plan| plan.focus.first().cloned());
        let measure = Measure {
            what,
            kind: Kind::for_area(area.as_ref(), &state.instruments()),
            area,
            owner: Owner::Leader,
            deadline: None,
            next_evaluation: today().map(Date::plus_quarter),
            effect: Rating::Medium,
            cost: Rating::Medium,
            level: Level::Group,
            history: Vec::new(),
        };
        state.plan.update(|plan| plan.measures.push(measure));
        own.set(String::new());
    };
    view! {
        <section class="card" aria-labelledby="measures-heading">
            <h2 id="measures-heading">{td_string!(locale, plan.measures_heading)}</h2>
            <p>{td_string!(locale, plan.measures_explain)}</p>
            {move || {
                let areas = focus.get();
                if areas.is_empty() {
                    view! { <p class="note">{td_string!(locale, plan.choose_focus_first)}</p> }.into_any()
                } else {
                    areas.into_iter().map(|area| ideas_view(state, area)).collect_view().into_any()
                }
            }}
            // A form, so Enter in the field adds the measure too.
            <form class="own-measure" on:submit=add_own>
                <label class="field field-wide" for="own-measure">
                    <span>{td_string!(locale, plan.own_measure)}</span>
                    <input
                        type="text"
                        id="own-measure"
                        node_ref=own_input
                        aria-invalid=move || own_empty.get().then_some("true")
                        aria-describedby="own-measure-problem"
                        prop:value=move || own.get()
                        on:input=move |event| {
                            own.set(event_target_value(&event));
                            own_empty.set(false);
                        }
                    />
                </label>
                <button type="submit" class="button-secondary">{td_string!(locale, plan.add_own)}</button>
            </form>
            // Always there, so that a screen reader hears it when it fills, as after Enter in the field.
            <p class="warning-text" id="own-measure-problem" role="status">
                {move || own_empty.get().then(|| td_string!(locale, plan.own_measure_empty))}
            </p>
            <h3 id="chosen-measures" tabindex="-1" aria-live="polite">{move || td_string!(locale, plan.chosen_measures, count = count.get())}</h3>
            <ol class="plain measure-list">
                <For each=move || 0..count.get() key=|index| *index let:index>
                    <MeasureEditor index renumbered_from />
                </For>
            </ol>
            <EffortImpactChart />
        </section>
    }
}
