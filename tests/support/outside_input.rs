//! Every file that comes from outside, read and then used as the app reads
//! and uses it, and valid inputs of each kind to mutate. Shared by the
//! mutation runs (`tests/fuzz.rs`) and the coverage-guided fuzzer
//! (`tests/libfuzzer/`).

use arbeidsmiljo::core::answers::{AnswerSource, Answers};
use arbeidsmiljo::core::code;
use arbeidsmiljo::core::group::{aggregate, GroupExport};
use arbeidsmiljo::core::history::{History, Month};
use arbeidsmiljo::core::instrument::{built_in, Instrument, Lens};
use arbeidsmiljo::core::library::check_new;
use arbeidsmiljo::core::plan::Plan;
use arbeidsmiljo::core::response::{items_of, Response};
use arbeidsmiljo::core::saved::{decode, encode, Prefs};
use arbeidsmiljo::core::scoring::{score_resources, score_risks};
use arbeidsmiljo::core::session::{pages, unanswered_pages, Session};
use arbeidsmiljo::core::workshop::{ResponseFile, Workshop};

/// What kind of file `read` takes: instrument, plan, session, workshop,
/// group result, history, preferences, loaded questionnaires.
pub const KINDS: usize = 8;

/// A questionnaire loaded from a file, beside the built-in ones: its codes
/// have no earlier format to fall back on.
pub fn loaded_example() -> Instrument {
    let existing: Vec<&Instrument> = built_in().iter().collect();
    check_new(
        include_str!("../../docs/example-instrument.json"),
        &existing,
    )
    .expect("the example questionnaire reads")
}

/// A valid code for `instrument`, its answers taken from `pick` (called with
/// each statement's number of points; 0 is "don't know").
pub fn valid_code(instrument: &Instrument, mut pick: impl FnMut(u8) -> u8) -> String {
    let values = items_of(instrument)
        .map(|(_, points)| pick(points))
        .collect();
    let response = Response::fitting(instrument, values).expect("the answers fit");
    code::encode(instrument, &response)
}

/// A response file as a participant downloads it.
pub fn response_file(instrument: &Instrument, code: String) -> String {
    ResponseFile::new(instrument, code).to_json()
}

/// One valid file of each kind, in `read`'s order, to mutate.
pub fn seed_files() -> [String; KINDS] {
    let workshop = include_str!("../fixtures/workshop-schema-1.json").trim();
    // The earlier round's group result, as its own file.
    let group = workshop
        .find("\"previous\":")
        .map_or("", |start| &workshop[start + 11..workshop.len() - 2]);
    let group = decode::<GroupExport>(&format!("{{\"schema\":1,\"data\":{group}}}"))
        .map(|group| encode(&group))
        .unwrap_or_default();
    [
        include_str!("../../docs/example-instrument.json").to_string(),
        include_str!("../fixtures/plan-schema-1.json").to_string(),
        include_str!("../fixtures/session-schema-1.json").to_string(),
        workshop.to_string(),
        group,
        include_str!("../fixtures/history-schema-1.json").to_string(),
        include_str!("../fixtures/prefs-schema-1.json").to_string(),
        include_str!("../fixtures/instruments-schema-1.json").to_string(),
    ]
}

/// Reads `input` as a file of kind `which` (see `KINDS`), and uses what
/// reads the way the app uses it, which must not panic either; tells
/// whether it read.
pub fn read(which: usize, input: &str, existing: &[&Instrument]) -> bool {
    match which {
        0 => check_new(input, existing)
            .map(|loaded| use_instrument(&loaded))
            .is_ok(),
        1 => decode::<Plan>(input).map(|plan| use_plan(&plan)).is_ok(),
        2 => decode::<Session>(input)
            .map(|session| use_session(&session, existing))
            .is_ok(),
        3 => decode::<Workshop>(input)
            .map(|workshop| use_workshop(&workshop, existing))
            .is_ok(),
        4 => decode::<GroupExport>(input)
            .map(|group| use_group(&group, existing))
            .is_ok(),
        5 => decode::<History>(input)
            .map(|history| use_history(&history, existing))
            .is_ok(),
        6 => decode::<Prefs>(input).is_ok(),
        _ => decode::<Vec<String>>(input)
            .map(|sources| use_loaded(&sources))
            .is_ok(),
    }
}

/// The byte before a coverage-guided fuzzer's input that says what the rest
/// is: below `KINDS`, a file of that kind (see `read`); from there on, pasted
/// codes and then a response file for the questionnaire `instrument` (its
/// place among those the fuzzer is given), for each in turn.
fn code_selector(instrument: usize, as_file: bool) -> u8 {
    u8::try_from(KINDS + 2 * instrument + usize::from(as_file)).expect("it fits in a byte")
}

/// A valid input of every kind behind its selector byte, for the fuzzer to
/// start from: `seed_files`, and a code and a response file for each of
/// `instruments`.
pub fn fuzz_seeds(instruments: &[&Instrument]) -> Vec<Vec<u8>> {
    let files = seed_files().into_iter().enumerate().map(|(kind, file)| {
        let kind = u8::try_from(kind).expect("it fits in a byte");
        (kind, file)
    });
    let codes = instruments
        .iter()
        .enumerate()
        .flat_map(|(index, instrument)| {
            let code = valid_code(instrument, |points| points.min(3));
            [
                (code_selector(index, false), code.clone()),
                (code_selector(index, true), response_file(instrument, code)),
            ]
        });
    files
        .chain(codes)
        .map(|(selector, text)| [&[selector], text.as_bytes()].concat())
        .collect()
}

/// Reads one fuzzer input as its first byte says (see `code_selector`), and
/// uses it as the app does; tells whether it read, or was pooled. The first
/// of `instruments` are the built-in ones. Panics where the app would lose
/// what it pooled.
pub fn read_fuzz_input(data: &[u8], instruments: &[&Instrument]) -> bool {
    let Some((&selector, rest)) = data.split_first() else {
        return false;
    };
    // As a browser reads a chosen file as text.
    let text = String::from_utf8_lossy(rest);
    let Some(code_kind) = usize::from(selector).checked_sub(KINDS) else {
        return read(
            usize::from(selector),
            &text,
            &instruments[..built_in().len()],
        );
    };
    let instrument = instruments[(code_kind / 2) % instruments.len()];
    let mut workshop = Workshop::new("fuzz", instrument, 3);
    let report = match code_kind % 2 {
        0 => workshop.import_codes(instrument, &text),
        _ => workshop.import_files(instrument, &[Some(text.into_owned())]),
    };
    assert_eq!(
        workshop.count(),
        report.added,
        "every code counted as added is pooled"
    );
    use_workshop(&workshop, instruments);
    report.added > 0
}

/// Scores `answers` as the results page does, by the instrument's lens.
fn score(instrument: &Instrument, answers: &impl AnswerSource) {
    match instrument.lens {
        Lens::Resource => drop(score_resources(instrument, answers)),
        Lens::Risk => drop(score_risks(instrument, answers)),
    }
}

fn use_instrument(instrument: &Instrument) {
    let pages = pages(&[instrument]);
    let answers = Answers::default();
    let _ = unanswered_pages(&pages, &answers);
    score(instrument, &answers);
}

fn use_plan(plan: &Plan) {
    let _ = plan.is_consistent();
    for measure in &plan.measures {
        let _ = (measure.progress(), measure.is_quick_win());
    }
}

fn use_session(session: &Session, existing: &[&Instrument]) {
    let instruments = session.choice.instruments(existing);
    let pages = pages(&instruments);
    let _ = session.clamped_position(pages.len());
    let _ = unanswered_pages(&pages, &session.answers);
    for instrument in instruments {
        score(instrument, &session.answers);
    }
}

fn use_workshop(workshop: &Workshop, existing: &[&Instrument]) {
    if let Some(instrument) = workshop.instrument(existing.iter().copied()) {
        let mut workshop = workshop.clone();
        let _ = workshop.drop_misfits(instrument);
        // A mutated entry's counts of what was last shown, then fresh ones.
        let _ = (
            workshop.unshown_change(instrument),
            workshop.shows_unnoted(instrument),
        );
        workshop.mark_shown(instrument);
        if let Some(response) = Response::fitting(instrument, vec![3; instrument.item_count()]) {
            workshop.add_kiosk(response);
        }
        let _ = workshop.unshown_change(instrument);
        let result = aggregate(instrument, workshop.responses(), workshop.threshold());
        let _ = result.as_profile();
        if let Some(month) = Month::new(2026, 11) {
            let _ = result.export(&workshop.name, month);
        }
    }
}

fn use_history(history: &History, existing: &[&Instrument]) {
    let mut history = history.clone();
    for instrument in existing {
        if let Some(month) = Month::new(2027, 1) {
            let snapshot = history.previous(instrument, month).cloned();
            if let Some(snapshot) = snapshot {
                history.record(snapshot);
            }
        }
    }
}

/// Reads the saved questionnaires back as the app does on start, each
/// checked against those read before it.
fn use_loaded(sources: &[String]) {
    let mut restored: Vec<Instrument> = Vec::new();
    for source in sources {
        let earlier: Vec<&Instrument> = restored.iter().collect();
        if let Ok(instrument) = check_new(source, &earlier) {
            use_instrument(&instrument);
            restored.push(instrument);
        }
    }
}

fn use_group(group: &GroupExport, existing: &[&Instrument]) {
    for instrument in existing.iter().filter(|instrument| group.fits(instrument)) {
        // Checked on import; a workshop saved before the check still compares.
        let _ = group.is_plausible(instrument, Month::new(2026, 12));
        let result = aggregate(instrument, std::iter::empty(), 3);
        for factor in &result.factors {
            let _ = group.change(factor);
        }
    }
}
