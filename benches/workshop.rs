//! Native benchmarks of the hot paths, each for 1, 1,000 and 100,000
//! responses to the resource instrument: scoring one person's answers,
//! encoding and decoding response codes, pooling codes into a workshop, and
//! aggregating a group; and parsing the built-in instrument files, as a
//! loaded questionnaire is parsed. Run with `cargo bench`; `scripts/bench`
//! also prints the browser's figures.

use arbeidsmiljo::core::code;
use arbeidsmiljo::core::group;
use arbeidsmiljo::core::instrument::{built_in, built_in_sources, Instrument};
use arbeidsmiljo::core::response::{items_of, Response};
use arbeidsmiljo::core::scoring::score_resources;
use arbeidsmiljo::core::workshop::Workshop;

const COUNTS: [usize; 3] = [1, 1_000, 100_000];

fn main() {
    divan::main();
}

fn resources() -> &'static Instrument {
    &built_in()[0]
}

/// `count` responses from a fixed pseudo-random sequence.
fn responses(instrument: &Instrument, count: usize) -> Vec<Response> {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    (0..count)
        .map(|_| {
            let values = items_of(instrument)
                .map(|(_, points)| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % (u64::from(points) + 1)) as u8
                })
                .collect();
            Response::fitting(instrument, values).expect("values fit")
        })
        .collect()
}

/// The same responses as codes, one per line, as a facilitator pastes them.
fn codes(instrument: &Instrument, count: usize) -> Vec<String> {
    responses(instrument, count)
        .iter()
        .map(|response| code::encode(instrument, response))
        .collect()
}

#[divan::bench(args = COUNTS)]
fn score(bencher: divan::Bencher, count: usize) {
    let instrument = resources();
    let responses = responses(instrument, count);
    bencher.bench(|| {
        responses
            .iter()
            .map(|response| score_resources(instrument, response).len())
            .sum::<usize>()
    });
}

#[divan::bench(args = COUNTS)]
fn encode(bencher: divan::Bencher, count: usize) {
    let instrument = resources();
    let responses = responses(instrument, count);
    bencher.bench(|| {
        responses
            .iter()
            .map(|response| code::encode(instrument, response).len())
            .sum::<usize>()
    });
}

#[divan::bench(args = COUNTS)]
fn decode(bencher: divan::Bencher, count: usize) {
    let instrument = resources();
    let codes = codes(instrument, count);
    bencher.bench(|| {
        let reader = code::Reader::new(instrument);
        codes
            .iter()
            .filter(|code| reader.decode(code).is_ok())
            .count()
    });
}

#[divan::bench(args = COUNTS)]
fn pool_codes(bencher: divan::Bencher, count: usize) {
    let instrument = resources();
    let text = codes(instrument, count).join("\n");
    bencher.bench(|| {
        let mut workshop = Workshop::new("bench", instrument, 5);
        workshop.import_codes(instrument, &text)
    });
}

#[divan::bench(args = COUNTS)]
fn aggregate(bencher: divan::Bencher, count: usize) {
    let instrument = resources();
    let responses = responses(instrument, count);
    // Threshold 1, so that even one response is tallied (the app never goes below 3).
    bencher.bench(|| {
        group::aggregate(instrument, responses.iter(), 1)
            .factors
            .len()
    });
}

/// Parsing the two built-in instrument files, as a loaded questionnaire is
/// parsed (the app builds the built-in ones from constants).
#[divan::bench]
fn parse_built_in_instruments() -> usize {
    built_in_sources()
        .iter()
        .filter_map(|(_, source)| Instrument::parse(divan::black_box(source)).ok())
        .count()
}
