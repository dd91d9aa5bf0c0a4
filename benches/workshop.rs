//! Native benchmarks of the workshop's hot paths: reading 10,000 response
//! codes into a workshop, and aggregating 10,000 responses. Run with
//! `cargo bench`; `scripts/bench` also prints the browser's figure.

use arbeidsmiljo::core::code;
use arbeidsmiljo::core::group;
use arbeidsmiljo::core::instrument::{built_in, Instrument};
use arbeidsmiljo::core::response::{items_of, Response};
use arbeidsmiljo::core::workshop::Workshop;

fn main() {
    divan::main();
}

/// `count` codes from a fixed pseudo-random sequence, one per line.
fn codes(instrument: &Instrument, count: usize) -> String {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut text = String::new();
    for _ in 0..count {
        let values = items_of(instrument)
            .map(|(_, points)| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed % (u64::from(points) + 1)) as u8
            })
            .collect();
        let response = Response::fitting(instrument, values).expect("values fit");
        text += &code::encode(instrument, &response);
        text.push('\n');
    }
    text
}

#[divan::bench(args = [0, 1])]
fn import_10k_codes(bencher: divan::Bencher, instrument: usize) {
    let instrument = &built_in()[instrument];
    let text = codes(instrument, 10_000);
    bencher.bench(|| {
        let mut workshop = Workshop::new("bench", instrument, 5);
        workshop.import_codes(instrument, &text)
    });
}

#[divan::bench(args = [0, 1])]
fn aggregate_10k_responses(bencher: divan::Bencher, instrument: usize) {
    let instrument = &built_in()[instrument];
    let mut workshop = Workshop::new("bench", instrument, 5);
    workshop.import_codes(instrument, &codes(instrument, 10_000));
    bencher.bench(|| group::aggregate(instrument, workshop.responses(), workshop.threshold));
}
