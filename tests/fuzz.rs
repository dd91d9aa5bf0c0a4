//! A million random and mutated inputs to the code decoder and the file
//! importer, and a million mutated files of every other kind read from
//! outside (instrument files, plan files, group results, every saved entry); the
//! tests fail if any of them panics. They run in release mode from
//! `scripts/bench`, which prints the counts:
//! `cargo test --release --test fuzz -- --ignored --nocapture`.

use arbeidsmiljo::core::instrument::{built_in, Instrument};
use arbeidsmiljo::core::workshop::Workshop;

#[path = "support/outside_input.rs"]
mod outside_input;

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
    let loaded = outside_input::loaded_example();
    let instruments: Vec<&Instrument> = built_in().iter().chain([&loaded]).collect();
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
        let valid = outside_input::valid_code(instrument, |points| {
            random.below(usize::from(points) + 1) as u8
        });
        let input = match count % 4 {
            0 => (0..random.below(40))
                .map(|_| char::from_u32(random.next() as u32 % 0x11_0000).unwrap_or('?'))
                .collect(),
            1 => mutate(&valid, &mut random),
            2 => mutate(
                &outside_input::response_file(instrument, valid),
                &mut random,
            ),
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
    let files = outside_input::seed_files();
    for (which, file) in files.iter().enumerate() {
        assert!(
            outside_input::read(which, file, &existing),
            "file {which} reads before it is mutated"
        );
    }
    let mut accepted = 0;
    for count in 0..INPUTS {
        let which = count % files.len();
        let input = mutate(&files[which], &mut random);
        accepted += usize::from(outside_input::read(which, &input, &existing));
    }
    println!("fuzzed {INPUTS} files (instrument, plan, session, workshop, group result, history, preferences, loaded questionnaires): {accepted} still read after mutation, none panicked");
}

#[test]
fn every_seed_of_the_coverage_guided_fuzzer_reads() {
    let loaded = outside_input::loaded_example();
    let instruments: Vec<&Instrument> = built_in().iter().chain([&loaded]).collect();
    let seeds = outside_input::fuzz_seeds(&instruments);
    assert_eq!(seeds.len(), outside_input::KINDS + 2 * instruments.len());
    for seed in seeds {
        assert!(
            outside_input::read_fuzz_input(&seed, &instruments),
            "seed {} reads",
            seed[0]
        );
    }
}

/// Writes `outside_input::fuzz_seeds` for the coverage-guided fuzzer to
/// start from, to the folder named in `FUZZ_SEEDS` (`scripts/fuzz` runs it).
#[test]
#[ignore = "writes the seeds of scripts/fuzz"]
fn write_seeds_for_libfuzzer() {
    let folder = std::env::var("FUZZ_SEEDS").expect("FUZZ_SEEDS names the folder");
    let loaded = outside_input::loaded_example();
    let instruments: Vec<&Instrument> = built_in().iter().chain([&loaded]).collect();
    for seed in outside_input::fuzz_seeds(&instruments) {
        std::fs::write(format!("{folder}/seed-{}", seed[0]), &seed).expect("the seed is written");
    }
}
