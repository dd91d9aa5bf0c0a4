//! The application shell: shared state, persistence effects, theme and
//! language on `<html>`, and which screen is shown.

use std::any::Any;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::clock::today;
use crate::components::delete_data::DeleteData;
use crate::components::refocus_if_lost;
use crate::components::settings::Settings;
use crate::core::answers::Answers;
use crate::core::history::History;
use crate::core::instrument::Instrument;
use crate::core::lang::Lang;
use crate::core::plan::{renumbering, Date, Measure, Plan, Renumbering};
use crate::core::saved::{Prefs, Theme};
use crate::core::session::{merged, pages, unanswered_pages, Choice, Position, Session};
use crate::core::url_config::UrlConfig;
use crate::core::workshop::Workshop;
use crate::i18n::{locale, td_string, Locale};
use crate::loaded::{all_instruments, LoadedInstrument};
use crate::pages::guide::GuidePage;
use crate::pages::plan::PlanPage;
use crate::pages::questions::QuestionPage;
use crate::pages::results::ResultsPage;
use crate::pages::review::ReviewPage;
use crate::pages::start::StartPage;
use crate::pages::workshop::WorkshopPage;
use crate::storage::{self, Changed, StorageError};

/// Which screen the person sees. The survey screens follow `Session::position`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Survey,
    /// The action plan, made from the person's own results or the group's.
    Plan {
        from: PlanFrom,
    },
    /// "Slik jobber dere videre", and the screen to return to.
    Guide {
        from: GuideFrom,
    },
    /// A workshop for a group, on the facilitator's device.
    Workshop(WorkshopView),
}

/// Whose profile the plan's suggestions come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanFrom {
    /// The person's own self-assessment.
    Own,
    /// The current workshop's group result.
    Group,
}

/// Where the guide was opened from, and so where "Back" leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuideFrom {
    Results,
    Plan(PlanFrom),
    Workshop,
}

/// The workshop's screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkshopView {
    /// Setting up, or the overview with the count and what to do next.
    Hub,
    /// A participant answers on this device.
    Kiosk,
    /// "Takk – gi enheten videre": nothing of the previous person is left on
    /// screen; `added` is false when they answered nothing, so nothing was pooled.
    Thanks { added: bool },
    /// The group profile, shown only from the threshold up.
    Results,
    /// Full-screen slides for a projector; leaving them returns to `from`.
    Presentation { from: PresentFrom },
}

/// Where the slides were opened from: the workshop's hub or the group result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentFrom {
    Hub,
    Results,
}

/// What a screen shows for a moment after an action (an import's report, a
/// file's problems), or a part the user opened: kept while the screen
/// re-renders in another language, dropped when another screen opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The workshop's last import of codes or files, with its offer to count alike answers.
    ImportReport,
    /// What became of the last questionnaire file loaded or removed.
    InstrumentFile,
    /// What became of the last plan file loaded.
    PlanFile,
    /// The plan that file replaced and the file's plan, for undoing it.
    ReplacedPlan,
    /// What became of the last round's result file, read in to compare with.
    CompareFile,
    /// Whether the group result's "Fordelingen i prosent" is open.
    DistributionTable,
}

/// A text field whose unsaved text the app keeps while it is open: a screen
/// re-rendered in another language, or left and opened again, gives it back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Draft {
    /// "Eget tiltak", before it is added.
    OwnMeasure,
    /// The follow-up note of the measure with this number, before it is recorded.
    FollowUpNote(usize),
    /// The progress chosen for that follow-up (its position in the list).
    FollowUpProgress(usize),
    WorkshopName,
    /// The id of the questionnaire chosen for a new workshop.
    WorkshopInstrument,
    WorkshopThreshold,
    /// Codes pasted for import, before they are added.
    PastedCodes,
}

impl Draft {
    /// The number of the measure whose follow-up this is part of, if it is one.
    pub fn follow_up_of(self) -> Option<usize> {
        match self {
            Draft::FollowUpNote(index) | Draft::FollowUpProgress(index) => Some(index),
            _ => None,
        }
    }
}

/// State shared by every component, provided as context. All fields are
/// signals, so it is `Copy`.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The saved preferences: what the user chose, here or in another tab.
    pub prefs: RwSignal<Prefs>,
    /// The language and theme the URL set for this visit, in this tab only:
    /// they win over `prefs` until the user chooses another.
    visit: RwSignal<VisitPrefs>,
    pub session: RwSignal<Option<Session>>,
    pub plan: RwSignal<Plan>,
    /// Earlier self-assessments, by month, for the change since the previous one.
    pub history: RwSignal<History>,
    /// The workshop being run on this device, if any.
    pub workshop: RwSignal<Option<Workshop>>,
    pub screen: RwSignal<Screen>,
    /// The latest storage problem, shown in a banner until dismissed.
    pub storage_error: RwSignal<Option<StorageError>>,
    /// The storage problem last shown, until a save succeeds: the same one
    /// is not shown again on every failed save once it was dismissed.
    storage_error_shown: StoredValue<Option<StorageError>>,
    /// How many of the saved kinds (session, plan, …) failed their latest
    /// save: once none has, a "storage full" banner is no longer true.
    failing_saves: StoredValue<usize>,
    /// A short polite message for screen readers ("Svaret er lagret").
    pub status: RwSignal<Option<Status>>,
    /// True when the system prefers dark colours; charts redraw when it flips.
    pub system_dark: RwSignal<bool>,
    /// Notified when the date changes (checked once a minute), so that what
    /// depends on the day ("Tid for evaluering", a printout's date) moves on
    /// at midnight on a page left open. Read through [`AppState::today`].
    new_day: Trigger,
    /// What the start page has chosen: first `?instrument=` in the URL, then
    /// the person's pick, kept when the page re-renders in another language.
    pub start_choice: StoredValue<Choice>,
    /// The language alone, so what shows texts does not also re-render when
    /// another setting (the theme) changes.
    language: Memo<Lang>,
    /// Set when the review sends the person back to a page: Next then
    /// returns to the review instead of going on to the following page.
    pub back_to_review: StoredValue<bool>,
    /// The first measure number that now belongs to another measure (one was
    /// removed, here or in another tab, or a plan file replaced them all):
    /// the plan's editors from there on take up the drafts under their numbers.
    pub measures_renumbered_from: RwSignal<usize>,
    /// Instrument files the user loaded, beside the built-in instruments.
    pub loaded: RwSignal<Vec<LoadedInstrument>>,
    /// Set while a session saved by another tab is merged in, so the merge
    /// (which keeps this tab's place) is not written back: the tabs would
    /// echo each other's saves.
    adopting_session: StoredValue<bool>,
    /// Unsaved texts, in memory only (see [`Draft`]).
    drafts: StoredValue<Vec<(Draft, String)>>,
    /// What the screen shows after an action (see [`Notice`]).
    notices: StoredValue<Vec<(Notice, Box<dyn Any + Send + Sync>)>>,
}

impl AppState {
    pub fn lang(self) -> Lang {
        self.language.get()
    }

    /// The theme chosen: the URL's for this visit, else the saved one.
    pub fn theme_choice(self) -> Theme {
        self.visit
            .with(|visit| visit.theme)
            .unwrap_or_else(|| self.prefs.with(|prefs| prefs.theme))
    }

    /// The user's own choice of language: saved, and it replaces the URL's.
    pub fn choose_lang(self, lang: Lang) {
        self.visit.update(|visit| visit.lang = None);
        self.prefs.update(|prefs| prefs.lang = lang);
    }

    /// The user's own choice of theme: saved, and it replaces the URL's.
    pub fn choose_theme(self, theme: Theme) {
        self.visit.update(|visit| visit.theme = None);
        self.prefs.update(|prefs| prefs.theme = theme);
    }

    /// Shows a failed save's `error`, unless it is the one already shown
    /// (and perhaps dismissed) since the last save that worked.
    fn report_storage_error(self, error: StorageError) {
        if self.storage_error_shown.get_value() != Some(error) {
            self.storage_error_shown.set_value(Some(error));
            self.storage_error.set(Some(error));
        }
    }

    /// Counts a kind whose save failed (`failed`) or that is saved again
    /// after failing. When every failed kind is saved again, a "storage
    /// full" banner is taken down: what it says no longer holds.
    fn count_failing_save(self, failed: bool) {
        let failing = self.failing_saves.get_value();
        let failing = if failed {
            failing + 1
        } else {
            failing.saturating_sub(1)
        };
        self.failing_saves.set_value(failing);
        if failing == 0 && self.storage_error.get_untracked() == Some(StorageError::Full) {
            self.storage_error.set(None);
        }
    }

    /// The text of `field`: what was typed there and not yet saved, or
    /// `default`. What is typed is kept until the field is back at `default`.
    pub fn draft(self, field: Draft, default: String) -> RwSignal<String> {
        let text = RwSignal::new(self.kept_draft(field).unwrap_or_else(|| default.clone()));
        Effect::new(move |_| {
            let value = text.get();
            self.drafts.update_value(|drafts| {
                drafts.retain(|(kept, _)| *kept != field);
                if value != default {
                    drafts.push((field, value));
                }
            });
        });
        text
    }

    /// What was typed in `field` and not yet saved, if anything.
    pub fn kept_draft(self, field: Draft) -> Option<String> {
        self.drafts.with_value(|drafts| {
            drafts
                .iter()
                .find(|(kept, _)| *kept == field)
                .map(|(_, text)| text.clone())
        })
    }

    /// What the screen shows as `notice`, starting at `initial`. The signal is
    /// kept here (not with the screen, which a new language re-renders), so
    /// the re-rendered screen reads it back.
    pub fn notice<T: Send + Sync + 'static>(self, notice: Notice, initial: T) -> RwSignal<T> {
        let kept = self.notices.with_value(|notices| {
            notices
                .iter()
                .find(|(kept, _)| *kept == notice)
                .and_then(|(_, signal)| signal.downcast_ref::<ArcRwSignal<T>>().cloned())
        });
        let signal = kept.unwrap_or_else(|| {
            let signal = ArcRwSignal::new(initial);
            let kept = Box::new(signal.clone());
            self.notices
                .update_value(|notices| notices.push((notice, kept)));
            signal
        });
        RwSignal::from(signal)
    }

    /// After measure `removed` is gone, its follow-up draft goes too, and the
    /// drafts of the measures after it move up a number with them.
    pub fn move_follow_up_notes_up(self, removed: usize) {
        self.drafts.update_value(|drafts| {
            drafts.retain(|(field, _)| field.follow_up_of() != Some(removed));
            for (field, _) in drafts.iter_mut() {
                if let Draft::FollowUpNote(index) | Draft::FollowUpProgress(index) = field {
                    if *index > removed {
                        *index -= 1;
                    }
                }
            }
        });
    }

    /// Drops the unsaved texts of the fields `which` picks, for fields that
    /// may be gone from the screen (or about to be) and so cannot clear them.
    pub fn forget_drafts(self, which: &dyn Fn(Draft) -> bool) {
        self.drafts
            .update_value(|drafts| drafts.retain(|(field, _)| !which(*field)));
    }

    /// The locale of the UI texts; reading it makes a closure re-render when the language changes.
    pub fn locale(self) -> Locale {
        locale(self.lang())
    }

    /// Every instrument available: the built-in ones, then the loaded ones.
    pub fn instruments(self) -> Vec<&'static Instrument> {
        self.loaded.with(|loaded| all_instruments(loaded))
    }

    /// The instruments the current self-assessment answers.
    pub fn session_instruments(self) -> Vec<&'static Instrument> {
        let all = self.instruments();
        self.session.with(|session| {
            session
                .as_ref()
                .map(|session| session.instruments(&all))
                .unwrap_or_default()
        })
    }

    /// The self-assessment's answers so far (none before "Start").
    pub fn answers(self) -> Answers {
        self.session
            .with(|session| session.as_ref().map(|s| s.answers.clone()))
            .unwrap_or_default()
    }

    /// Today's date, read again when the day changes.
    pub fn today(self) -> Option<Date> {
        self.new_day.track();
        today()
    }

    pub fn go_to(self, position: Position) {
        self.session.update(|session| {
            if let Some(session) = session {
                session.position = position;
            }
        });
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

struct Loaded {
    prefs: Prefs,
    session: Option<Session>,
    plan: Plan,
    history: History,
    workshop: Option<Workshop>,
    loaded: Vec<LoadedInstrument>,
    /// A reload during a kiosk round returns to it.
    kiosk_round: bool,
    /// The first problem met, shown to the user.
    error: Option<StorageError>,
}

/// The loaded value, or nothing; the first problem is kept for the user.
fn keep_error<T>(
    result: Result<Option<T>, StorageError>,
    first: &mut Option<StorageError>,
) -> Option<T> {
    result.unwrap_or_else(|problem| {
        first.get_or_insert(problem);
        None
    })
}

fn load_initial_state() -> Loaded {
    let mut error = None;
    let prefs = keep_error(storage::load_prefs(), &mut error).unwrap_or_default();
    let session = keep_error(storage::load_session(), &mut error);
    let plan = keep_error(storage::load_plan(), &mut error).unwrap_or_default();
    let history = keep_error(storage::load_history(), &mut error).unwrap_or_default();
    let mut workshop = keep_error(storage::load_workshop(), &mut error);
    let loaded = LoadedInstrument::restore(
        keep_error(storage::load_instruments(), &mut error).unwrap_or_default(),
    );
    let mut kiosk_round = false;
    if let Some(workshop) = &mut workshop {
        if let Some(instrument) = workshop.instrument(all_instruments(&loaded)) {
            let dropped = workshop.drop_misfits(instrument);
            if dropped > 0 {
                error.get_or_insert(storage::set_aside_workshop(workshop, dropped));
            }
            kiosk_round = storage::kiosk_round_was_running();
        }
    }
    Loaded {
        prefs,
        session,
        plan,
        history,
        workshop,
        loaded,
        kiosk_round,
        error,
    }
}

/// Checks that storage takes writes once the start page is painted: the
/// probe's test write, a visit's first, costs a new browser profile 5–10 ms
/// that the first paint need not wait for. Start-up saves nothing (`persist`
/// saves changes), and a save before the probe that fails reports its own
/// error. What the loads found is told before a full store, as it explains
/// what is missing.
fn probe_storage_after_paint(state: AppState) {
    // A timeout set in an animation frame runs after that frame's paint.
    request_animation_frame(move || {
        set_timeout(
            move || {
                if let Err(error) = storage::probe() {
                    if state.storage_error.get_untracked().is_none() {
                        state.report_storage_error(error);
                    }
                }
            },
            std::time::Duration::ZERO,
        );
    });
}

fn prefers_dark() -> Option<web_sys::MediaQueryList> {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// A language or theme set in the URL, for this visit (see [`AppState`]).
#[derive(Clone, Copy, Default)]
struct VisitPrefs {
    lang: Option<Lang>,
    theme: Option<Theme>,
}

/// The URL's settings; marks the page as embedded when it says so.
fn read_url_config() -> UrlConfig {
    let config = UrlConfig::parse(&window().location().search().unwrap_or_default());
    if config.embed {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-embed", "");
        }
    }
    config
}

#[component]
pub fn App() -> impl IntoView {
    let Loaded {
        prefs,
        session,
        plan,
        history,
        workshop,
        loaded,
        kiosk_round,
        error,
    } = load_initial_state();
    let url_config = read_url_config();
    let visit = RwSignal::new(VisitPrefs {
        lang: url_config.lang,
        theme: url_config.theme,
    });
    let initial_screen = if kiosk_round {
        Screen::Workshop(WorkshopView::Kiosk)
    } else {
        Screen::Start
    };
    let prefs = RwSignal::new(prefs);
    let state = AppState {
        prefs,
        visit,
        session: RwSignal::new(session),
        plan: RwSignal::new(plan),
        history: RwSignal::new(history),
        workshop: RwSignal::new(workshop),
        screen: RwSignal::new(initial_screen),
        storage_error: RwSignal::new(error),
        storage_error_shown: StoredValue::new(error),
        failing_saves: StoredValue::new(0),
        status: RwSignal::new(None),
        system_dark: RwSignal::new(prefers_dark().is_some_and(|query| query.matches())),
        new_day: Trigger::new(),
        start_choice: StoredValue::new(url_config.choice.unwrap_or_default()),
        language: Memo::new(move |_| {
            visit
                .with(|visit| visit.lang)
                .unwrap_or_else(|| prefs.with(|prefs| prefs.lang))
        }),
        back_to_review: StoredValue::new(false),
        loaded: RwSignal::new(loaded),
        adopting_session: StoredValue::new(false),
        drafts: StoredValue::new(Vec::new()),
        notices: StoredValue::new(Vec::new()),
        measures_renumbered_from: RwSignal::new(0),
    };
    provide_context(state);
    probe_storage_after_paint(state);
    let day = std::cell::Cell::new(today());
    set_interval(
        move || {
            if day.replace(today()) != day.get() {
                state.new_day.notify();
            }
        },
        std::time::Duration::from_secs(60),
    );

    if let Some(query) = prefers_dark() {
        let on_change = Closure::<dyn Fn()>::new(move || {
            state
                .system_dark
                .set(prefers_dark().is_some_and(|query| query.matches()));
        });
        let _ =
            query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        on_change.forget();
    }

    // <html lang> and the theme follow the preferences. A status once said
    // is not said again in another language: a language switch empties the
    // status line (which reads the language untracked).
    Effect::new(move |previous: Option<Lang>| {
        let lang = state.lang();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
            let _ = root.set_attribute("data-theme", effective_theme(state).key());
        }
        if previous.is_some_and(|previous| previous != lang) {
            state.status.set(None);
        }
        lang
    });

    storage::on_change_in_other_tab(move |changed| match changed {
        Ok(changed) => adopt(state, changed),
        Err(error) => state.storage_error.set(Some(error)),
    });

    // An import's report belongs to its workshop: it goes when the workshop
    // ends, here or in another tab, so its offer never reaches the next one.
    let running = Memo::new(move |_| state.workshop.with(Option::is_some));
    Effect::new(move |_| {
        if !running.get() {
            state.notices.update_value(|notices| {
                notices.retain(|(notice, _)| *notice != Notice::ImportReport)
            });
        }
    });

    // A measure removed, here or in another tab: the follow-up drafts of the
    // measures after it move up a number with them. Measures replaced in
    // another tab (a plan file, or everything deleted): drafts from the first
    // changed number on go, as they may belong to none of the new measures.
    // (A plan file read in here says so itself; one measure replaced by one
    // in another tab reads as an edit.)
    Effect::new(move |before: Option<Vec<Measure>>| {
        let after = state.plan.with(|plan| plan.measures.clone());
        match before.and_then(|before| renumbering(&before, &after)) {
            Some(Renumbering::Removed(at)) => {
                state.move_follow_up_notes_up(at);
                state.measures_renumbered_from.set(at);
            }
            Some(Renumbering::Replaced(from)) => {
                state.forget_drafts(&|field| {
                    field.follow_up_of().is_some_and(|index| index >= from)
                });
                state.measures_renumbered_from.set(from);
            }
            None => {}
        }
        after
    });

    // Persist every change the moment it happens. Only saving what the user
    // gave is announced: an answer, not the empty session "Start" begins.
    persist(state, state.prefs, storage::save_prefs, unannounced, None);
    persist(
        state,
        state.session,
        storage::save_session,
        |session| session.as_ref().is_some_and(|s| s.answers.count() > 0),
        Some(state.adopting_session),
    );
    persist(state, state.plan, storage::save_plan, |_| true, None);
    persist(
        state,
        state.workshop,
        storage::save_workshop,
        unannounced,
        None,
    );
    persist(
        state,
        state.loaded,
        |loaded| {
            let sources: Vec<String> = loaded.iter().map(|l| l.source.clone()).collect();
            storage::save_instruments(&sources)
        },
        unannounced,
        None,
    );
    persist(
        state,
        state.history,
        storage::save_history,
        unannounced,
        None,
    );

    // The place in the questionnaire matters only on the survey screen; other
    // screens must not re-render (and lose what they show) when it changes.
    let shown = Memo::new(move |_| {
        let screen = state.screen.get();
        let position = (screen == Screen::Survey)
            .then(|| {
                state
                    .session
                    .with(|session| session.as_ref().map(|s| (s.choice.clone(), s.position)))
            })
            .flatten();
        (screen, position)
    });
    // The tab's title names the screen, so a screen reader announces where the user is.
    Effect::new(move |_| {
        let locale = state.locale();
        let (screen, position) = shown.get();
        let position = position.map(|(_, position)| position);
        // With every statement answered, the review is where answers are changed, as its heading says.
        let all_answered = position == Some(Position::Review) && {
            let pages = pages(&state.session_instruments());
            state.session.with(|session| {
                session
                    .as_ref()
                    .is_some_and(|session| unanswered_pages(&pages, &session.answers).is_empty())
            })
        };
        let name = td_string!(locale, app.name);
        let title = match screen_title(screen, position, all_answered, locale) {
            Some(screen) => format!("{screen} – {name}"),
            None => name.to_string(),
        };
        document().set_title(&title);
    });

    // Screens write their texts once per render: a new language re-renders the
    // screen. The kiosk round re-renders only its page, since the screen holds
    // the participant's answers, which are saved only when they finish.
    let last_screen = StoredValue::new(None::<Screen>);
    let last_shown = StoredValue::new(None);
    let screen = move || {
        let now_shown = shown.get();
        // Only a new language re-renders what is already shown: it keeps its place on the page.
        if last_shown.get_value().as_ref() == Some(&now_shown) {
            keep_scroll_position();
        }
        last_shown.set_value(Some(now_shown.clone()));
        let (screen, position) = now_shown;
        if screen != Screen::Workshop(WorkshopView::Kiosk) {
            state.lang();
        }
        // A notice stays through a new language, not into another screen.
        if last_screen.get_value() != Some(screen) {
            last_screen.set_value(Some(screen));
            state.notices.update_value(Vec::clear);
        }
        screen_for(screen, position)
    };

    // The slides cover the page; what they cover must not take focus either.
    let presenting = move || {
        matches!(
            state.screen.get(),
            Screen::Workshop(WorkshopView::Presentation { .. })
        )
    };
    // Participants pass the facilitator's device on: "Slett svarene mine"
    // would delete the whole group's answers, so it is not offered to them.
    // A memo, so the footer is rebuilt only when this changes: rebuilt on every
    // screen change, the delete button would vanish while its confirmation
    // hands focus back to it.
    let participant_turn = Memo::new(move |_| {
        matches!(
            state.screen.get(),
            Screen::Workshop(WorkshopView::Kiosk | WorkshopView::Thanks { .. })
        )
    });

    Effect::new(move |_| storage::remember_kiosk_round(participant_turn.get()));

    view! {
        <a class="skip-link" href="#main" inert=presenting>{move || td_string!(state.locale(), app.skip_to_content)}</a>
        <header class="site-header" inert=presenting>
            <p class="brand">{move || td_string!(state.locale(), app.name)}</p>
            <Settings />
        </header>
        <div inert=presenting>
            <StorageBanner />
            <ClockBanner />
        </div>
        <main id="main" tabindex="-1">{screen}</main>
        <footer class="site-footer" inert=presenting>
            <p>{move || td_string!(state.locale(), app.privacy_short)}</p>
            {move || {
                state.lang();
                (!participant_turn.get()).then(|| view! { <DeleteData /> })
            }}
        </footer>
        <p class="visually-hidden" role="status" aria-live="polite">
            {move || state.status.get().map(|status| status.text(untrack(|| state.locale())))}
        </p>
    }
}

/// Keeps the reader's place through a re-render in another language. Texts of
/// another length change the heights above it, so the place is an element
/// in view, found again by its id and put back where it was on screen; a
/// screen with no such element keeps its scroll position.
fn keep_scroll_position() {
    let y = window().scroll_y().unwrap_or_default();
    let in_view = ids_in_view();
    request_animation_frame(move || {
        let back = in_view.iter().find_map(|(id, top)| {
            let now = document()
                .get_element_by_id(id)?
                .get_bounding_client_rect()
                .top();
            Some(window().scroll_y().unwrap_or_default() + now - top)
        });
        window().scroll_to_with_x_and_y(0.0, back.unwrap_or(y));
    });
}

/// The ids of the screen's elements in view, top first, each with its
/// distance from the top of the window. All of them, since some ids (those
/// numbered per render) are not found again.
fn ids_in_view() -> Vec<(String, f64)> {
    let Ok(elements) = document().query_selector_all("main [id]") else {
        return Vec::new();
    };
    let height = window()
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or_default();
    (0..elements.length())
        .filter_map(|index| elements.item(index)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|element| {
            let rect = element.get_bounding_client_rect();
            // A hidden element (no box) sits at 0 whatever the scroll.
            let shown = rect.width() > 0.0 || rect.height() > 0.0;
            (shown && (0.0..height).contains(&rect.top())).then(|| (element.id(), rect.top()))
        })
        .collect()
}

/// What the screen is called in the tab's title; the start page has only the app's name.
fn screen_title(
    screen: Screen,
    position: Option<Position>,
    all_answered: bool,
    locale: Locale,
) -> Option<&'static str> {
    Some(match (screen, position) {
        (Screen::Start, _) => return None,
        (Screen::Survey, Some(Position::Review)) if all_answered => {
            td_string!(locale, results.change_answers)
        }
        (Screen::Survey, Some(Position::Review)) => td_string!(locale, review.heading),
        (Screen::Survey, Some(Position::Results)) => td_string!(locale, results.heading),
        (Screen::Survey, _) => td_string!(locale, app.survey_title),
        (Screen::Plan { .. }, _) => td_string!(locale, plan.heading),
        (Screen::Guide { .. }, _) => td_string!(locale, guide.heading),
        (Screen::Workshop(WorkshopView::Hub), _) => td_string!(locale, app.workshop_title),
        (Screen::Workshop(WorkshopView::Kiosk), _) => td_string!(locale, workshop.kiosk_heading),
        (Screen::Workshop(WorkshopView::Thanks { .. }), _) => {
            td_string!(locale, workshop.thanks_heading)
        }
        (Screen::Workshop(WorkshopView::Results | WorkshopView::Presentation { .. }), _) => {
            td_string!(locale, group.heading)
        }
    })
}

fn screen_for(screen: Screen, position: Option<(Choice, Position)>) -> AnyView {
    match (screen, position) {
        (Screen::Survey, Some((choice, Position::Page(index)))) => {
            view! { <QuestionPage choice index /> }.into_any()
        }
        (Screen::Survey, Some((choice, Position::Review))) => {
            view! { <ReviewPage choice /> }.into_any()
        }
        (Screen::Survey, Some((choice, Position::Results))) => {
            view! { <ResultsPage choice /> }.into_any()
        }
        (Screen::Plan { from }, _) => view! { <PlanPage from /> }.into_any(),
        (Screen::Guide { from }, _) => {
            let back_to = match from {
                GuideFrom::Results => Screen::Survey,
                GuideFrom::Plan(from) => Screen::Plan { from },
                GuideFrom::Workshop => Screen::Workshop(WorkshopView::Results),
            };
            view! { <GuidePage back_to /> }.into_any()
        }
        (Screen::Workshop(view), _) => view! { <WorkshopPage view /> }.into_any(),
        _ => view! { <StartPage /> }.into_any(),
    }
}

/// Takes in what another tab saved (see `core::session::merged` for the
/// rule: the latest save wins, and each tab keeps its place).
fn adopt(state: AppState, changed: Changed) {
    match changed {
        Changed::Session(theirs) => {
            // Merged, it differs from what the other tab saved (each keeps
            // its place), so it is not written back: the tabs would go on
            // answering each other. Other kinds are written back only where
            // a change here made them differ (see `storage::store`).
            state.adopting_session.set_value(true);
            state
                .session
                .update(|ours| *ours = merged(ours.take(), theirs))
        }
        Changed::Prefs(prefs) => state.prefs.set(prefs),
        Changed::Plan(plan) => state.plan.set(plan),
        Changed::History(history) => state.history.set(history),
        Changed::Workshop(workshop) => state.workshop.set(workshop),
        Changed::Instruments(sources) => state.loaded.set(LoadedInstrument::restore(sources)),
    }
}

/// For `persist`: saves that are not announced.
fn unannounced<T>(_: &T) -> bool {
    false
}

/// Saves `signal` with `save` after every change (not when first read, nor
/// a session merged from another tab's, which `adopting` marks); a failure is
/// shown, a success announced when `announce` says the value is worth it.
/// `save` returns `None` when storage already holds the value.
fn persist<T: Send + Sync + 'static>(
    state: AppState,
    signal: RwSignal<T>,
    save: fn(&T) -> storage::Written,
    announce: fn(&T) -> bool,
    adopting: Option<StoredValue<bool>>,
) {
    // The effect's value: whether the latest save of this kind failed.
    Effect::new(move |failing: Option<bool>| {
        signal.track();
        let adopted = adopting.is_some_and(|flag| flag.get_value());
        if let Some(flag) = adopting {
            flag.set_value(false);
        }
        let outcome = if adopted || failing.is_none() {
            SaveOutcome::NothingUnsaved
        } else {
            signal.with(|value| match save(value) {
                // Storage holds it already: in step, as after a save, but
                // nothing the user did was saved just now.
                None => SaveOutcome::Saved { announce: false },
                Some(Ok(())) => SaveOutcome::Saved {
                    announce: announce(value),
                },
                Some(Err(error)) => SaveOutcome::Failed(error),
            })
        };
        after_save(state, failing.unwrap_or(false), outcome)
    });
}

/// What `persist` did with a change.
enum SaveOutcome {
    /// First read, or taken from another tab: what is shown is what is stored.
    NothingUnsaved,
    Saved {
        announce: bool,
    },
    Failed(StorageError),
}

/// For `persist`, kept out of its generic code: shows or clears what the
/// save did, and gives whether this kind's latest save failed.
fn after_save(state: AppState, was_failing: bool, outcome: SaveOutcome) -> bool {
    match outcome {
        SaveOutcome::NothingUnsaved | SaveOutcome::Saved { .. } if was_failing => {
            state.count_failing_save(false);
        }
        SaveOutcome::Failed(_) if !was_failing => state.count_failing_save(true),
        _ => {}
    }
    match outcome {
        SaveOutcome::NothingUnsaved => false,
        SaveOutcome::Saved { announce } => {
            state.storage_error_shown.set_value(None);
            if announce {
                state.status.set(Some(Status::Saved));
            }
            false
        }
        SaveOutcome::Failed(error) => {
            state.report_storage_error(error);
            true
        }
    }
}

/// What the polite live region last announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Saved,
    Deleted,
}

impl Status {
    fn text(self, locale: Locale) -> &'static str {
        match self {
            Status::Saved => td_string!(locale, status.saved),
            Status::Deleted => td_string!(locale, delete.done),
        }
    }
}

fn storage_message(error: StorageError, locale: Locale) -> String {
    match error {
        StorageError::Unavailable => td_string!(locale, storage.unavailable).to_string(),
        StorageError::Full => td_string!(locale, storage.full).to_string(),
        StorageError::Corrupt => td_string!(locale, storage.corrupt).to_string(),
        StorageError::CorruptLeft => td_string!(locale, storage.corrupt_left).to_string(),
        StorageError::AnswersSetAside(count) => {
            td_string!(locale, storage.answers_set_aside, count = count).to_string()
        }
        StorageError::Newer => td_string!(locale, storage.newer).to_string(),
    }
}

/// Explains a storage problem in plain words; answers keep working in memory.
#[component]
fn StorageBanner() -> impl IntoView {
    let state = use_app();
    move || {
        state.storage_error.get().map(|error| {
            view! {
                <div class="banner banner-warning" role="alert">
                    <p>{move || storage_message(error, state.locale())}</p>
                    <button type="button" class="button-secondary" on:click=move |_| {
                        state.storage_error.set(None);
                        // The button goes with the banner.
                        refocus_if_lost("main");
                    }>
                        {move || td_string!(state.locale(), banner.dismiss)}
                    </button>
                </div>
            }
        })
    }
}

/// Says so while the device's clock shows a date outside the years the app
/// reads (a flat clock battery gives 1999, say): dates are then left out.
#[component]
fn ClockBanner() -> impl IntoView {
    let state = use_app();
    move || {
        state.today().is_none().then(|| {
            view! {
                <div class="banner banner-warning" role="alert">
                    <p>{move || td_string!(state.locale(), banner.clock)}</p>
                </div>
            }
        })
    }
}

/// The theme in effect, with "auto" resolved from the system setting. It is
/// what `<html data-theme>` holds, and charts track it to redraw.
pub fn effective_theme(state: AppState) -> Theme {
    match state.theme_choice() {
        Theme::Auto if state.system_dark.get() => Theme::Dark,
        Theme::Auto => Theme::Light,
        other => other,
    }
}
