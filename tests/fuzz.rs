//! A million random and mutated inputs to the code decoder and the file
//! importer, and a million mutated files of every other kind read from
//! outside (instrument files, plan files, group results, every saved entry); the
//! tests fail if any of them panics. They run in release mode from
//! `scripts/bench`, which prints the counts:
//! `cargo test --release --test fuzz -- --ignored --nocapture`.

use arbeidsmiljo::core::answers::Answers;
use arbeidsmiljo::core::code;
use arbeidsmiljo::core::group::{aggregate, GroupExport};
use arbeidsmiljo::core::history::{History, Month};
use arbeidsmiljo::core::instrument::{built_in, Instrument};
use arbeidsmiljo::core::library::check_new;
use arbeidsmiljo::core::plan::Plan;
use arbeidsmiljo::core::response::{items_of, Response};
use arbeidsmiljo::core::saved::{decode, encode, Prefs};
use arbeidsmiljo::core::scoring::{score_resources, score_risks};
use arbeidsmiljo::core::session::{pages, unanswered_pages, Session};
use arbeidsmiljo::core::workshop::{ResponseFile, Workshop};

const INPUTS: usize = 1_000_000;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

/// Characters a mutation picks from: the code alphabet, separators, look-alikes and hostile text.
const PALETTE: &[char] = &[
    '0', '1', '9', 'A', 'Z', 'o', 'i', 'l', 'u', 'U', '-', ' ', '\n', '\r', '\t', '{', '}', '"',
    ':', ',', '[', ']', 'Æ', 'ø', '\u{0}', '\u{200b}', '\u{202e}', '😀', '\\',
];

fn mutate(text: &str, random: &mut XorShift) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..=random.below(4) {
        let place = random.below(chars.len() + 1);
        let letter = PALETTE[random.below(PALETTE.len())];
        match random.below(5) {
            0 if place < chars.len() => chars[place] = letter,
            1 => chars.insert(place, letter),
            2 if place < chars.len() => {
                chars.remove(place);
            }
            3 if place + 1 < chars.len() => chars.swap(place, place + 1),
            _ => chars.truncate(place),
        }
    }
    chars.into_iter().collect()
}

#[test]
#[ignore = "a million inputs: run in release mode from scripts/bench"]
fn a_million_random_and_mutated_inputs_never_panic() {
    let mut random = XorShift(0x9e37_79b9_7f4a_7c15);
    // The built-in questionnaires, and a loaded one (its codes have no
    // earlier format to fall back on).
    let existing: Vec<&Instrument> = built_in().iter().collect();
    let loaded = check_new(include_str!("../docs/example-instrument.json"), &existing).unwrap();
    let instruments: Vec<&Instrument> = existing.into_iter().chain([&loaded]).collect();
    let mut workshops: Vec<Workshop> = instruments
        .iter()
        .map(|instrument| Workshop::new("fuzz", instrument, 3))
        .collect();
    let mut accepted = 0;
    for count in 0..INPUTS {
        let which = count % instruments.len();
        if count % 1_000 < instruments.len() {
            // Start afresh now and then: a pool of many thousands is the benchmark's job.
            workshops[which] = Workshop::new("fuzz", instruments[which], 3);
        }
        let instrument = instruments[which];
        let values = items_of(instrument)
            .map(|(_, points)| random.below(usize::from(points) + 1) as u8)
            .collect();
        let valid = code::encode(instrument, &Response::fitting(instrument, values).unwrap());
        let input = match count % 4 {
            0 => (0..random.below(40))
                .map(|_| char::from_u32(random.next() as u32 % 0x11_0000).unwrap_or('?'))
                .collect(),
            1 => mutate(&valid, &mut random),
            2 => mutate(&ResponseFile::new(instrument, valid).to_json(), &mut random),
            _ => mutate(&format!("{valid}\n{valid}\n"), &mut random),
        };
        let before = workshops[which].count();
        let report = if count % 2 == 0 {
            workshops[which].import_codes(instrument, &input)
        } else {
            workshops[which].import_files(instrument, &[Some(input)])
        };
        assert_eq!(
            workshops[which].count(),
            before + report.added,
            "nothing pooled is lost"
        );
        accepted += report.added;
    }
    println!(
        "fuzzed {INPUTS} inputs: {accepted} mutated codes happened to stay valid and were pooled"
    );
}

#[test]
#[ignore = "a million files: run in release mode from scripts/bench"]
fn a_million_mutated_files_never_panic() {
    let mut random = XorShift(0x2545_f491_4f6c_dd1d);
    let existing: Vec<&Instrument> = built_in().iter().collect();
    let workshop = include_str!("fixtures/workshop-schema-1.json").trim();
    // The earlier round's group result, as its own file.
    let group = workshop
        .find("\"previous\":")
        .map_or("", |start| &workshop[start + 11..workshop.len() - 2]);
    let group = decode::<GroupExport>(&format!("{{\"schema\":1,\"data\":{group}}}"))
        .map(|group| encode(&group))
        .unwrap_or_default();
    let files = [
        include_str!("../docs/example-instrument.json"),
        include_str!("fixtures/plan-schema-1.json"),
        include_str!("fixtures/session-schema-1.json"),
        workshop,
        // A group result file as the app writes it.
        &group,
        include_str!("fixtures/history-schema-1.json"),
        include_str!("fixtures/prefs-schema-1.json"),
        include_str!("fixtures/instruments-schema-1.json"),
    ];
    // A file that reads is then used the way the app uses it, which must
    // not panic either.
    let reads = |which: usize, input: &str| match which {
        0 => check_new(input, &existing)
            .map(|loaded| use_instrument(&loaded))
            .is_ok(),
        1 => decode::<Plan>(input).map(|plan| use_plan(&plan)).is_ok(),
        2 => decode::<Session>(input)
            .map(|session| use_session(&session, &existing))
            .is_ok(),
        3 => decode::<Workshop>(input)
            .map(|workshop| use_workshop(&workshop, &existing))
            .is_ok(),
        4 => decode::<GroupExport>(input)
            .map(|group| use_group(&group, &existing))
            .is_ok(),
        5 => decode::<History>(input)
            .map(|history| use_history(&history, &existing))
            .is_ok(),
        6 => decode::<Prefs>(input).is_ok(),
        _ => decode::<Vec<String>>(input)
            .map(|sources| use_loaded(&sources))
            .is_ok(),
    };
    for (which, file) in files.iter().enumerate() {
        assert!(
            reads(which, file),
            "file {which} reads before it is mutated"
        );
    }
    let mut accepted = 0;
    for count in 0..INPUTS {
        let which = count % files.len();
        accepted += usize::from(reads(which, &mutate(files[which], &mut random)));
    }
    println!("fuzzed {INPUTS} files (instrument, plan, session, workshop, group result, history, preferences, loaded questionnaires): {accepted} still read after mutation, none panicked");
}

fn use_instrument(instrument: &Instrument) {
    let pages = pages(&[instrument]);
    let answers = Answers::default();
    let _ = unanswered_pages(&pages, &answers);
    let _ = score_resources(instrument, &answers);
    let _ = score_risks(instrument, &answers);
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
        let _ = score_resources(instrument, &session.answers);
        let _ = score_risks(instrument, &session.answers);
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
        let result = aggregate(instrument, std::iter::empty(), 3);
        for factor in &result.factors {
            let _ = group.change(factor);
        }
    }
}
