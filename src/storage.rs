//! The only module that touches localStorage (and sessionStorage). It moves
//! versioned text (see `core::saved`) in and out, turns every browser failure
//! into a typed [`StorageError`], and never panics. When storage cannot be
//! written, the app goes on in memory: the Leptos signals hold the state, saves
//! report why, and what can still be read is read.

use std::cell::Cell;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

use crate::core::history::History;
use crate::core::plan::Plan;
use crate::core::saved::{self, DecodeError, Prefs};
use crate::core::session::Session;
use crate::core::workshop::Workshop;

const PREFIX: &str = "arbeidsmiljo.";
const SESSION_KEY: &str = "arbeidsmiljo.session";
const PREFS_KEY: &str = "arbeidsmiljo.prefs";
const PLAN_KEY: &str = "arbeidsmiljo.plan";
const HISTORY_KEY: &str = "arbeidsmiljo.history";
const WORKSHOP_KEY: &str = "arbeidsmiljo.workshop";
const INSTRUMENTS_KEY: &str = "arbeidsmiljo.instruments";
const PROBE_KEY: &str = "arbeidsmiljo.probe";
/// In sessionStorage, not localStorage.
const KIOSK_KEY: &str = "arbeidsmiljo.kiosk";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser forbids storage (sandboxed iframe, blocked cookies, private mode).
    Unavailable,
    /// The quota is used up.
    Full,
    /// A saved entry was unreadable; it was moved aside, not deleted.
    Corrupt,
    /// A saved entry was unreadable and could not be copied aside (storage
    /// full, or writes already stopped); it is left in place and nothing
    /// more is written this visit.
    CorruptLeft,
    /// This many saved workshop answers did not fit the questionnaire; the
    /// saved workshop was copied aside, and they are not counted.
    AnswersSetAside(usize),
    /// A saved entry comes from a newer version of the app; it is left untouched
    /// and nothing more is written this visit.
    Newer,
}

thread_local! {
    /// Set once storage proves unwritable, so later writes fail fast, with the
    /// same reason, and never overwrite data this visit could not read. Reads
    /// go on: one entry from a newer version must not hide the others.
    static WRITES_STOPPED: Cell<Option<StorageError>> = const { Cell::new(None) };
}

fn error_from(value: JsValue) -> StorageError {
    match value
        .dyn_ref::<web_sys::DomException>()
        .map(|error| error.name())
    {
        Some(name) if name == "QuotaExceededError" => StorageError::Full,
        _ => StorageError::Unavailable,
    }
}

fn writable_storage() -> Result<Storage, StorageError> {
    if let Some(reason) = WRITES_STOPPED.get() {
        return Err(reason);
    }
    raw_storage()
}

fn raw_storage() -> Result<Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(error_from)?
        .ok_or(StorageError::Unavailable)
}

/// Stops writes for the rest of the visit. The first reason stays the one
/// later saves report: every reason means nothing more is saved.
fn stop_writes(error: StorageError) -> StorageError {
    if WRITES_STOPPED.get().is_none() {
        WRITES_STOPPED.set(Some(error));
    }
    error
}

/// Checks that storage can be read and written; call once at start-up.
pub fn probe() -> Result<(), StorageError> {
    let storage = writable_storage().map_err(stop_writes)?;
    storage
        .set_item(PROBE_KEY, "1")
        .and_then(|_| storage.remove_item(PROBE_KEY))
        .map_err(|error| match error_from(error) {
            // A full store can still be read; only writes fail.
            StorageError::Full => StorageError::Full,
            other => stop_writes(other),
        })
}

fn load<T: DeserializeOwned>(key: &str) -> Result<Option<T>, StorageError> {
    let Some(text) = raw_storage()?.get_item(key).map_err(error_from)? else {
        return Ok(None);
    };
    match saved::decode(&text) {
        Ok(value) => Ok(Some(value)),
        Err(error) => Err(not_decoded(key, &text, error)),
    }
}

/// What loading `key` reports when its `text` did not decode: a newer app's
/// entry stops writes; an unreadable one is set aside. Kept out of `load`,
/// which is copied for every type it reads, so the copies stay small.
fn not_decoded(key: &str, text: &str, error: DecodeError) -> StorageError {
    match error {
        DecodeError::NewerSchema(_) => stop_writes(StorageError::Newer),
        DecodeError::Unreadable => match writable_storage() {
            Ok(storage) if keep_copy(&storage, key, text) => {
                let _ = storage.remove_item(key);
                StorageError::Corrupt
            }
            // Could not keep a copy: leave the entry where it is and stop writing.
            _ => stop_writes(StorageError::CorruptLeft),
        },
    }
}

/// Copies `text`, saved under `key`, to a free place beside it; false when
/// the copy could not be written (storage is full, say).
fn keep_copy(storage: &Storage, key: &str, text: &str) -> bool {
    storage
        .set_item(&aside_key(storage, key, text), text)
        .is_ok()
}

/// Where to set an unreadable `text` aside: the first of `key.corrupt`,
/// `key.corrupt.2`, ... that is free or already holds it, so an earlier
/// copy is never overwritten.
fn aside_key(storage: &Storage, key: &str, text: &str) -> String {
    let name = |n: u32| match n {
        1 => format!("{key}.corrupt"),
        n => format!("{key}.corrupt.{n}"),
    };
    (1..=u32::MAX)
        .map(name)
        .find(|aside| {
            storage
                .get_item(aside)
                .ok()
                .flatten()
                .is_none_or(|kept| kept == text)
        })
        .unwrap_or_else(|| name(1))
}

fn save<T: Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    writable_storage()?
        .set_item(key, &saved::encode(value))
        .map_err(error_from)
}

/// What a save did: `None` where the entry already held it, so nothing was
/// written.
pub type Written = Option<Result<(), StorageError>>;

/// Stores `value` under `key` (or removes the entry for `None`) unless the
/// entry already holds it. A value taken in from another tab is then not
/// written back, while a change made here as it was taken in still is.
fn store<T: Serialize>(key: &str, value: Option<&T>) -> Written {
    store_text(key, value.map(saved::encode))
}

/// `store`'s steps that need no type, kept out of its copies per type.
fn store_text(key: &str, text: Option<String>) -> Written {
    let stored = raw_storage()
        .ok()
        .and_then(|storage| storage.get_item(key).ok().flatten());
    if stored == text {
        return None;
    }
    Some(writable_storage().and_then(|storage| {
        match &text {
            Some(text) => storage.set_item(key, text),
            None => storage.remove_item(key),
        }
        .map_err(error_from)
    }))
}

pub fn load_session() -> Result<Option<Session>, StorageError> {
    load(SESSION_KEY)
}

/// Saves the self-assessment, or removes it when there is none (it was
/// deleted, or its loaded instrument was removed).
pub fn save_session(session: &Option<Session>) -> Written {
    store(SESSION_KEY, session.as_ref())
}

pub fn load_prefs() -> Result<Option<Prefs>, StorageError> {
    load(PREFS_KEY)
}

/// The saved preferences, read with no side effect: an unreadable entry is
/// not set aside. For the panic screen, which must write nothing.
pub fn peek_prefs() -> Option<Prefs> {
    let text = raw_storage().ok()?.get_item(PREFS_KEY).ok()??;
    saved::decode(&text).ok()
}

/// Saves the preferences; the defaults are not stored at all, as they read
/// when there is no entry (after "delete everything", say).
pub fn save_prefs(prefs: &Prefs) -> Written {
    store(
        PREFS_KEY,
        Some(prefs).filter(|prefs| **prefs != Prefs::default()),
    )
}

pub fn load_plan() -> Result<Option<Plan>, StorageError> {
    load(PLAN_KEY)
}

/// Saves the plan; an empty plan is not stored at all.
pub fn save_plan(plan: &Plan) -> Written {
    store(PLAN_KEY, Some(plan).filter(|plan| !plan.is_empty()))
}

pub fn load_history() -> Result<Option<History>, StorageError> {
    load(HISTORY_KEY)
}

/// Saves the history; an empty one is not stored at all.
pub fn save_history(history: &History) -> Written {
    store(
        HISTORY_KEY,
        Some(history).filter(|history| !history.snapshots.is_empty()),
    )
}

pub fn load_workshop() -> Result<Option<Workshop>, StorageError> {
    load(WORKSHOP_KEY)
}

/// Keeps a copy of the saved workshop beside it, then saves `cleaned` (the
/// workshop without its `dropped` answers) in its place; returns the error
/// to show the user. When no copy can be kept, nothing more is written this visit.
pub fn set_aside_workshop(cleaned: &Workshop, dropped: usize) -> StorageError {
    let kept = writable_storage().ok().and_then(|storage| {
        let text = storage.get_item(WORKSHOP_KEY).ok()??;
        Some(keep_copy(&storage, WORKSHOP_KEY, &text))
    });
    let error = StorageError::AnswersSetAside(dropped);
    if kept != Some(true) {
        // No copy: the cleaned workshop must not replace the entry this visit.
        return stop_writes(error);
    }
    match save(WORKSHOP_KEY, cleaned) {
        Ok(()) => error,
        Err(save_error) => save_error,
    }
}

/// Saves the workshop, or removes it when it has ended.
pub fn save_workshop(workshop: &Option<Workshop>) -> Written {
    store(WORKSHOP_KEY, workshop.as_ref())
}

/// The text of each instrument file the user loaded, in the order loaded.
pub fn load_instruments() -> Result<Option<Vec<String>>, StorageError> {
    load(INSTRUMENTS_KEY)
}

/// Saves the loaded instruments' file texts; none means no entry at all.
pub fn save_instruments(sources: &[String]) -> Written {
    store(
        INSTRUMENTS_KEY,
        Some(&sources).filter(|sources| !sources.is_empty()),
    )
}

/// Whether a kiosk round was running in this tab: kept in sessionStorage,
/// which lives as long as the tab, so a reload mid-round (by accident, or
/// after the browser's leave prompt) returns to the round, not to the start
/// page where a participant could begin a self-assessment of their own on the
/// facilitator's device. A failure only loses that convenience.
pub fn remember_kiosk_round(running: bool) {
    let Some(storage) = session_storage() else {
        return;
    };
    let _ = if running {
        storage.set_item(KIOSK_KEY, "1")
    } else {
        storage.remove_item(KIOSK_KEY)
    };
}

pub fn kiosk_round_was_running() -> bool {
    session_storage()
        .and_then(|storage| storage.get_item(KIOSK_KEY).ok().flatten())
        .is_some()
}

fn session_storage() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// An entry another tab of this app saved (or removed: the default value).
pub enum Changed {
    Session(Option<Session>),
    Prefs(Prefs),
    Plan(Plan),
    History(History),
    Workshop(Option<Workshop>),
    Instruments(Vec<String>),
}

/// Decodes another tab's new text for `key`: `Ok(None)` when the key is not
/// one of ours or the text is unreadable (then this tab keeps what it has);
/// `Err(Newer)` when a newer version of the app wrote it, and this tab stops
/// writing so it never overwrites that entry.
fn changed(key: &str, text: Option<String>) -> Result<Option<Changed>, StorageError> {
    fn value<T: DeserializeOwned>(
        text: &Option<String>,
    ) -> Result<Option<Option<T>>, StorageError> {
        match text.as_deref().map(saved::decode) {
            None => Ok(Some(None)),
            Some(Ok(value)) => Ok(Some(Some(value))),
            Some(Err(DecodeError::NewerSchema(_))) => Err(stop_writes(StorageError::Newer)),
            Some(Err(DecodeError::Unreadable)) => Ok(None),
        }
    }
    Ok(match key {
        SESSION_KEY => value(&text)?.map(Changed::Session),
        PREFS_KEY => value(&text)?.map(|prefs| Changed::Prefs(prefs.unwrap_or_default())),
        PLAN_KEY => value(&text)?.map(|plan| Changed::Plan(plan.unwrap_or_default())),
        HISTORY_KEY => value(&text)?.map(|history| Changed::History(history.unwrap_or_default())),
        WORKSHOP_KEY => value(&text)?.map(Changed::Workshop),
        INSTRUMENTS_KEY => {
            value(&text)?.map(|sources| Changed::Instruments(sources.unwrap_or_default()))
        }
        _ => None,
    })
}

/// Calls `handler` whenever another tab or window of this app saves or
/// removes an entry (the browser's `storage` event, which never fires in
/// the tab that wrote), or with `Err(Newer)` when that was a newer version
/// of the app. The new text comes with the event, so reading it touches
/// nothing in storage.
pub fn on_change_in_other_tab(handler: impl Fn(Result<Changed, StorageError>) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            let Some(key) = event.key() else {
                return;
            };
            if let Some(changed) = changed(&key, event.new_value()).transpose() {
                handler(changed);
            }
        });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}

/// Removes everything this app stored, set-aside copies included. This is the
/// user's explicit wish, so it also clears entries this visit left untouched,
/// and storage may be used again afterwards.
pub fn remove_all() -> Result<(), StorageError> {
    let storage = raw_storage()?;
    let length = storage.length().map_err(error_from)?;
    let ours: Vec<String> = (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .collect();
    for key in ours {
        storage.remove_item(&key).map_err(error_from)?;
    }
    WRITES_STOPPED.set(None);
    Ok(())
}
