//! A workshop: a group's anonymous responses to one instrument, pooled on the
//! facilitator's device from a kiosk round, response codes and response files.
//!
//! Anonymity is kept by construction: responses carry no time, name or
//! device; they are stored sorted, so their order says nothing about who
//! answered when; and the group result (see `core::group`) shows nothing
//! until the threshold is met.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::code::{self, CodeError};
use super::group::{factor_counts, FactorCounts, GroupExport};
use super::instrument::{Identity, Instrument};
use super::response::Response;

/// KS reports groups of three or more; no setting may go lower.
pub const MIN_THRESHOLD: usize = 3;
pub const DEFAULT_THRESHOLD: usize = 5;
/// A threshold above the largest workshop anyone runs is a typo.
pub const MAX_THRESHOLD: usize = 100;
/// The largest file the app reads (response files and lists of codes, plan
/// files, earlier rounds' results). A list of 100,000 codes is about 2 MB
/// and a response file under 1 KB; reading a far larger file chosen by
/// mistake would stall the page for many seconds before refusing it.
pub const MAX_IMPORT_FILE_MB: u32 = 10;

/// How a response reached the pool. Kiosk answers are never treated as
/// duplicates of each other: two people may answer alike. A shared code or
/// file seen twice is taken to be the same person's, and is set aside the
/// second time; the facilitator, who knows who handed in what, may still
/// count it (`pool_alike`), since codes carry nothing that tells people apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Kiosk,
    Shared,
}

/// The longest workshop name the setup takes.
pub const MAX_WORKSHOP_NAME_CHARS: usize = 80;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workshop {
    pub name: String,
    /// Only answers to exactly this instrument (id, version, fingerprint) are pooled.
    instrument: String,
    version: u32,
    /// Absent in workshops saved before fingerprints: a built-in instrument.
    #[serde(default)]
    fingerprint: Option<u32>,
    /// Read through `threshold()`, which keeps a hand-edited entry in range.
    threshold: usize,
    /// Sorted, so the order reveals nothing.
    responses: Vec<(Source, Response)>,
    /// An earlier round's exported result, to show the change per factor.
    #[serde(default)]
    pub previous: Option<GroupExport>,
    /// How many responses were pooled when the group's result was last
    /// shown (see `unshown_change`).
    #[serde(default)]
    shown_with: Option<usize>,
    /// Per factor, how many responses scored it and how many answered any
    /// of its statements when the result was last shown (empty in workshops
    /// saved before these were kept).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    shown_scored: Vec<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    shown_answering: Vec<usize>,
}

/// Why one line or file of an import was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    Code(CodeError),
    /// A file that is neither a response file nor a list of codes.
    UnreadableFile,
    /// A file over [`MAX_IMPORT_FILE_MB`], left unread.
    TooLarge,
    /// A response with not a single statement answered.
    Blank,
}

/// One pasted line or chosen file that was not added, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The line (from 1) of pasted codes, or the file (from 1) of chosen ones.
    pub number: usize,
    /// In a chosen file that lists codes: the line (from 1) within it.
    pub line: Option<usize>,
    pub why: Rejection,
}

impl Rejected {
    fn new(number: usize, why: Rejection) -> Rejected {
        Rejected {
            number,
            line: None,
            why,
        }
    }
}

/// What an import did: every code read, and every line or file refused, is
/// counted exactly once. A line may hold several codes, but is added whole
/// or refused whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    /// Responses identical to one already pooled, kept for `pool_alike`.
    pub duplicates: Vec<Response>,
    pub rejected: Vec<Rejected>,
}

/// The lines of pasted codes. Besides line feeds, the Unicode line and
/// paragraph separators that some programs copy end a line too.
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '\u{2028}', '\u{2029}'])
}

impl ImportReport {
    pub fn merge(&mut self, other: ImportReport) {
        self.added += other.added;
        self.duplicates.extend(other.duplicates);
        self.rejected.extend(other.rejected);
    }

    /// Keeps the alike answers still on offer in the `earlier` report that
    /// this one replaces. They are in no field any more (see
    /// `leave_rejected`), so fixing a rejected line and adding it before
    /// "Tell med" would drop them uncounted.
    pub fn carry_offer(&mut self, earlier: ImportReport) {
        self.duplicates.extend(earlier.duplicates);
    }

    /// What is left to fix of the pasted `text` this report is about: its
    /// rejected lines only, with the rejections renumbered to match. Lines
    /// already pooled must go, or importing the corrected text again would
    /// offer them as alike answers, to be counted twice. A line is refused
    /// at most once, since it is added whole or not at all.
    pub fn leave_rejected(&mut self, text: &str) -> String {
        let lines: Vec<&str> = code_lines(text).collect();
        let mut left = Vec::with_capacity(self.rejected.len());
        for rejected in &mut self.rejected {
            if let Some(line) = rejected
                .number
                .checked_sub(1)
                .and_then(|index| lines.get(index))
            {
                left.push(line.trim());
            }
            rejected.number = left.len();
        }
        left.join("\n")
    }
}

/// A response file, as a participant downloads it: the code, and which
/// instrument it answers, written out for people.
#[derive(Debug, Serialize)]
pub struct ResponseFile {
    pub kind: ResponseKind,
    pub instrument: Option<String>,
    pub version: Option<u32>,
    pub fingerprint: Option<u32>,
    pub code: String,
}

/// What an import reads of a response file: only its kind and code. The code
/// carries the instrument's identity with check characters, so the fields
/// written out for people are not read, and an odd value in one of them
/// (a version of -0, say) cannot make the file unreadable.
#[derive(Deserialize)]
struct ResponseFileCode {
    /// Checked, not used: another kind of JSON file is refused.
    #[serde(rename = "kind")]
    _kind: ResponseKind,
    code: String,
}

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseKind {
    ArbeidsmiljoResponse,
}

impl ResponseFile {
    pub fn new(instrument: &Instrument, code: String) -> ResponseFile {
        ResponseFile {
            kind: ResponseKind::ArbeidsmiljoResponse,
            instrument: Some(instrument.id.clone()),
            version: Some(instrument.version),
            fingerprint: Some(instrument.fingerprint),
            code,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The threshold a facilitator asked for, kept within the allowed range.
fn clamp_threshold(threshold: usize) -> usize {
    threshold.clamp(MIN_THRESHOLD, MAX_THRESHOLD)
}

impl Workshop {
    pub fn new(name: &str, instrument: &Instrument, threshold: usize) -> Workshop {
        Workshop {
            name: name.trim().to_string(),
            instrument: instrument.id.clone(),
            version: instrument.version,
            fingerprint: Some(instrument.fingerprint),
            threshold: clamp_threshold(threshold),
            responses: Vec::new(),
            previous: None,
            shown_with: None,
            shown_scored: Vec::new(),
            shown_answering: Vec::new(),
        }
    }

    /// The instrument this workshop uses, among `instruments`.
    pub fn instrument<'a>(
        &self,
        instruments: impl IntoIterator<Item = &'a Instrument>,
    ) -> Option<&'a Instrument> {
        self.identity().find(instruments)
    }

    pub fn identity(&self) -> Identity {
        Identity {
            id: self.instrument.clone(),
            version: self.version,
            fingerprint: self.fingerprint,
        }
    }

    /// How many responses the group needs before anything is shown. A value
    /// saved out of range (only a hand-edited entry can hold one) is brought
    /// back within it, so that no entry can show one person's answers.
    pub fn threshold(&self) -> usize {
        clamp_threshold(self.threshold)
    }

    pub fn count(&self) -> usize {
        self.responses.len()
    }

    /// How many responses were added since the group's result was last
    /// shown, when the result is held back: when they are more than none but
    /// fewer than the threshold, or when that is so of the people who scored
    /// or answered a factor shown both then and now (those who skip a factor
    /// add nothing to it). Set beside the last result, such a change would
    /// tell what those few answered (who may be known, such as the last one
    /// at the kiosk).
    pub fn unshown_change(&self, instrument: &Instrument) -> Option<usize> {
        let added = self.count().checked_sub(self.shown_with?)?;
        let threshold = self.threshold();
        let too_few = |before: usize, now: usize| {
            now.checked_sub(before)
                .is_some_and(|grown| (1..threshold).contains(&grown))
        };
        let now = factor_counts(instrument, self.responses());
        let factor_held_back = (self.shown_scored.iter().zip(&now.scored))
            .zip(self.shown_answering.iter().zip(&now.answering))
            .any(|((&scored_then, &scored), (&answering_then, &answering))| {
                scored_then >= threshold
                    && scored >= threshold
                    && (too_few(scored_then, scored) || too_few(answering_then, answering))
            });
        ((1..threshold).contains(&added) || factor_held_back).then_some(added)
    }

    /// Notes that the result is shown with the responses pooled now.
    pub fn mark_shown(&mut self, instrument: &Instrument) {
        self.shown_with = Some(self.count());
        let FactorCounts { scored, answering } = factor_counts(instrument, self.responses());
        self.shown_scored = scored;
        self.shown_answering = answering;
    }

    /// Whether the result screens show the result with the responses pooled
    /// now (enough of them, and not held back), and that is not yet noted,
    /// per factor too (a workshop saved before the counts per factor were
    /// kept gets them the next time its result is shown).
    pub fn shows_unnoted(&self, instrument: &Instrument) -> bool {
        let noted = self.shown_with == Some(self.count())
            && self.shown_scored.len() == instrument.factors.len();
        self.count() >= self.threshold() && !noted && self.unshown_change(instrument).is_none()
    }

    pub fn responses(&self) -> impl ExactSizeIterator<Item = &Response> {
        self.responses.iter().map(|(_, response)| response)
    }

    /// Drops the responses that no import or kiosk round could have added:
    /// a blank one, or one that does not fit `instrument`. Only a damaged or
    /// hand-edited entry holds them, and they would count in N with nothing
    /// to score. Returns how many were dropped.
    pub fn drop_misfits(&mut self, instrument: &Instrument) -> usize {
        let before = self.responses.len();
        self.responses
            .retain(|(_, response)| !response.is_blank() && response.fits(instrument));
        // A hand-edited entry need not be sorted either.
        self.responses.sort_unstable();
        before - self.responses.len()
    }

    /// Adds one kiosk participant's answers; a blank one is not counted.
    pub fn add_kiosk(&mut self, response: Response) -> bool {
        if response.is_blank() {
            return false;
        }
        let place = self
            .responses
            .partition_point(|entry| *entry < (Source::Kiosk, response.clone()));
        self.responses.insert(place, (Source::Kiosk, response));
        true
    }

    /// Pools responses an import set aside as duplicates, as answers from
    /// other people who answered alike; returns how many were added.
    pub fn pool_alike(&mut self, responses: Vec<Response>) -> usize {
        let count = responses.len();
        self.responses.extend(
            responses
                .into_iter()
                .map(|response| (Source::Shared, response)),
        );
        self.responses.sort_unstable();
        count
    }

    /// Pools codes pasted or typed one per line; lines with nothing of a code
    /// (blank, a row of dashes, a stray zero-width space) are skipped.
    pub fn import_codes(&mut self, instrument: &Instrument, text: &str) -> ImportReport {
        let reader = code::Reader::new(instrument);
        let responses = code_lines(text)
            .enumerate()
            .filter(|(_, line)| !code::is_empty_line(line))
            .flat_map(|(number, line)| {
                let found: Vec<Result<Response, Rejection>> = match reader.find(line.trim()) {
                    // A line is added whole or not at all (see `Reader::find`).
                    Ok(responses)
                        if responses.len() > 1 && responses.iter().any(Response::is_blank) =>
                    {
                        vec![Err(Rejection::Blank)]
                    }
                    Ok(responses) => responses.into_iter().map(Ok).collect(),
                    Err(error) => vec![Err(Rejection::Code(error))],
                };
                found
                    .into_iter()
                    .map(move |response| (number + 1, response))
            });
        self.pool_shared(responses)
    }

    /// Pools response files, numbered from 1 in the order given. A file
    /// may also be a plain list of codes, which is read line by line.
    /// Pools the chosen `files`: each one's text, or `None` for one too
    /// large to read.
    pub fn import_files(
        &mut self,
        instrument: &Instrument,
        files: &[Option<String>],
    ) -> ImportReport {
        let mut report = ImportReport::default();
        for (number, text) in files.iter().enumerate() {
            let Some(text) = text else {
                report
                    .rejected
                    .push(Rejected::new(number + 1, Rejection::TooLarge));
                continue;
            };
            let file = serde_json::from_str::<ResponseFileCode>(text);
            let single = match file {
                Ok(file) => code::decode(instrument, &file.code).map_err(Rejection::Code),
                Err(_) if text.trim_start().starts_with(['{', '[']) => {
                    Err(Rejection::UnreadableFile)
                }
                Err(_) => {
                    let mut lines = self.import_codes(instrument, text);
                    if lines.added + lines.duplicates.len() == 0 {
                        // Nothing in it was a code: report the file, not each line.
                        lines = ImportReport {
                            rejected: vec![Rejected::new(number + 1, Rejection::UnreadableFile)],
                            ..ImportReport::default()
                        };
                    } else {
                        // Name the file, and the line within it.
                        for rejected in &mut lines.rejected {
                            rejected.line = Some(rejected.number);
                            rejected.number = number + 1;
                        }
                    }
                    report.merge(lines);
                    continue;
                }
            };
            report.merge(self.pool_shared(std::iter::once((number + 1, single))));
        }
        report
    }

    fn pool_shared(
        &mut self,
        responses: impl Iterator<Item = (usize, Result<Response, Rejection>)>,
    ) -> ImportReport {
        let mut report = ImportReport::default();
        let mut seen: HashSet<Response> = self
            .responses
            .iter()
            .filter(|(source, _)| *source == Source::Shared)
            .map(|(_, response)| response.clone())
            .collect();
        for (number, response) in responses {
            match response {
                Ok(response) if response.is_blank() => {
                    report
                        .rejected
                        .push(Rejected::new(number, Rejection::Blank));
                }
                Ok(response) => {
                    if seen.insert(response.clone()) {
                        self.responses.push((Source::Shared, response));
                        report.added += 1;
                    } else {
                        report.duplicates.push(response);
                    }
                }
                Err(why) => report.rejected.push(Rejected::new(number, why)),
            }
        }
        self.responses.sort_unstable();
        report
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::core::instrument::built_in;

    fn response(instrument: &Instrument, value: u8) -> Response {
        Response::fitting(instrument, vec![value; instrument.item_count()]).unwrap()
    }

    fn rejected_numbers(report: &ImportReport) -> Vec<usize> {
        report
            .rejected
            .iter()
            .map(|rejected| rejected.number)
            .collect()
    }

    #[test]
    fn the_threshold_never_goes_below_three() {
        let instrument = &built_in()[0];
        assert_eq!(Workshop::new("x", instrument, 1).threshold(), 3);
        assert_eq!(Workshop::new("x", instrument, 5).threshold(), 5);
        let saved = crate::core::saved::encode(&Workshop::new("x", instrument, 5));
        for (stored, used) in [(0, 3), (1, 3), (2, 3), (7, 7), (1000, 100)] {
            let edited = saved.replace("\"threshold\":5", &format!("\"threshold\":{stored}"));
            let workshop: Workshop = crate::core::saved::decode(&edited).unwrap();
            assert_eq!(workshop.threshold(), used, "saved as {stored}");
        }
    }

    #[test]
    fn an_import_counts_added_duplicates_and_rejections_by_line() {
        let instrument = &built_in()[0];
        let mut workshop = Workshop::new("Personalmøte", instrument, 5);
        let [a, b] = [2, 4].map(|value| code::encode(instrument, &response(instrument, value)));
        let other = code::encode(&built_in()[1], &response(&built_in()[1], 1));
        let mut garbled = a.clone();
        garbled.replace_range(0..1, if a.starts_with('0') { "1" } else { "0" });
        let text = format!("{a}\r\n\u{200B}\n{b}\u{2028}{a}\n{garbled}\n{other}\nhei\n----");
        let report = workshop.import_codes(instrument, &text);
        assert_eq!(report.added, 2);
        assert_eq!(report.duplicates.len(), 1);
        assert_eq!(rejected_numbers(&report), [5, 6, 7]);
        assert_eq!(report.rejected[0].why, Rejection::Code(CodeError::Checksum));
        assert!(matches!(
            report.rejected[1].why,
            Rejection::Code(CodeError::OtherInstrument { .. })
        ));
        assert_eq!(workshop.count(), 2);
        // A second import of the same codes adds nothing and loses nothing.
        let again = workshop.import_codes(instrument, &text);
        assert_eq!((again.added, again.duplicates.len()), (0, 3));
        assert_eq!(workshop.count(), 2);
    }

    #[test]
    fn after_an_import_only_the_rejected_lines_are_left_to_fix() {
        let instrument = &built_in()[0];
        let mut workshop = Workshop::new("Personalmøte", instrument, 5);
        let [a, b] = [2, 4].map(|value| code::encode(instrument, &response(instrument, value)));
        let typo = format!(
            "{}{}",
            &b[..b.len() - 1],
            if b.ends_with('0') { '1' } else { '0' }
        );
        let mut report = workshop.import_codes(instrument, &format!("{a}\n\n {typo} \nhei\n{a}"));
        assert_eq!((report.added, report.duplicates.len()), (1, 1));
        assert_eq!(
            report.leave_rejected(&format!("{a}\n\n {typo} \nhei\n{a}")),
            format!("{typo}\nhei")
        );
        assert_eq!(rejected_numbers(&report), [1, 2]);
        // Corrected and imported again, the line is added; nothing is alike.
        let again = workshop.import_codes(instrument, &format!("{b}\nhei"));
        assert_eq!(
            (again.added, again.duplicates.len(), again.rejected.len()),
            (1, 0, 1)
        );
        assert_eq!(workshop.count(), 2);
    }

    /// A line from a chat may hold several codes; one mistyped among them
    /// holds back the whole line, which is then left to fix as it was.
    #[test]
    fn a_line_with_several_codes_is_added_whole_or_not_at_all() {
        let instrument = &built_in()[0];
        let mut workshop = Workshop::new("Personalmøte", instrument, 5);
        let [a, b, c] =
            [2, 3, 4].map(|value| code::encode(instrument, &response(instrument, value)));
        let typo = c.replacen(&c[..1], if c.starts_with('Z') { "Y" } else { "Z" }, 1);
        let blank = code::encode(instrument, &response(instrument, 0));
        let text = format!("Kari: {a}, {b}\nOla: {a} {typo}\nPer: {a} {blank} {blank}");
        let mut report = workshop.import_codes(instrument, &text);
        assert_eq!((report.added, report.rejected.len()), (2, 2));
        assert_eq!(
            report.leave_rejected(&text),
            format!("Ola: {a} {typo}\nPer: {a} {blank} {blank}")
        );
        assert_eq!(rejected_numbers(&report), [1, 2]);
        let again = workshop.import_codes(instrument, &format!("Ola: {a} {c}"));
        assert_eq!((again.added, again.duplicates.len()), (1, 1));
        assert_eq!(workshop.count(), 3);
    }

    #[test]
    fn codes_alike_from_different_people_can_still_be_counted() {
        let instrument = &built_in()[1];
        let mut workshop = Workshop::new("Verksted", instrument, 5);
        let never = code::encode(instrument, &response(instrument, 1));
        let report = workshop.import_codes(instrument, &[never.as_str(); 5].join("\n"));
        assert_eq!((report.added, report.duplicates.len()), (1, 4));
        assert_eq!(workshop.pool_alike(report.duplicates), 4);
        assert_eq!(workshop.count(), 5);
        assert!(workshop.responses().all(|r| *r == response(instrument, 1)));
    }

    /// A workshop as the first version with workshops saved it, before
    /// instruments had fingerprints: it still finds its built-in instrument,
    /// its pool and its earlier round.
    #[test]
    fn a_workshop_saved_before_fingerprints_still_reads() {
        let fixture = include_str!("../../tests/fixtures/workshop-schema-1.json");
        let workshop: Workshop = crate::core::saved::decode(fixture.trim()).expect("reads");
        let instrument = workshop.instrument(built_in()).expect("built-in found");
        assert_eq!(instrument.id, "ressurser");
        assert_eq!(workshop.count(), 3);
        assert!(workshop
            .previous
            .as_ref()
            .is_some_and(|p| p.fits(instrument)));
        // Saved again, it carries the fingerprint; other content no longer fits.
        let mut resaved = workshop.clone();
        resaved.fingerprint = Some(instrument.fingerprint);
        let mut edited = instrument.clone();
        edited.fingerprint ^= 1;
        assert!(resaved.instrument([&edited]).is_none());
        assert!(resaved.instrument(built_in()).is_some());
    }

    /// Only a hand-edited entry holds a response of the wrong length, a value
    /// beyond the scale or nothing answered; none of them may count in N.
    #[test]
    fn responses_that_do_not_fit_the_instrument_are_dropped_on_reading() {
        let instrument = &built_in()[0];
        let mut workshop = Workshop::new("x", instrument, 5);
        workshop.add_kiosk(response(instrument, 4));
        let too_short = Response::fitting(instrument, vec![3; instrument.item_count()])
            .map(|r| r.values()[1..].to_vec())
            .unwrap();
        let beyond_scale = vec![9; instrument.item_count()];
        let blank = vec![0; instrument.item_count()];
        let mut json = serde_json::to_value(&workshop).unwrap();
        let responses = json["responses"].as_array_mut().unwrap();
        for values in [too_short, beyond_scale, blank] {
            responses.insert(0, serde_json::json!(["shared", values]));
        }
        let mut edited: Workshop = serde_json::from_value(json).unwrap();
        assert_eq!(edited.count(), 4);
        assert_eq!(edited.drop_misfits(instrument), 3);
        assert_eq!(edited, workshop);
        assert_eq!(edited.drop_misfits(instrument), 0);
    }

    #[test]
    fn kiosk_answers_that_agree_are_two_people() {
        let instrument = &built_in()[0];
        let mut workshop = Workshop::new("x", instrument, 5);
        assert!(workshop.add_kiosk(response(instrument, 4)));
        assert!(workshop.add_kiosk(response(instrument, 4)));
        assert!(!workshop.add_kiosk(response(instrument, 0)));
        assert_eq!(workshop.count(), 2);
    }

    #[test]
    fn once_shown_the_result_changes_only_by_a_threshold_of_answers() {
        let instrument = &built_in()[0];
        let mut workshop = Workshop::new("x", instrument, 3);
        for value in [3, 4, 5] {
            workshop.add_kiosk(response(instrument, value));
        }
        assert_eq!(
            workshop.unshown_change(instrument),
            None,
            "never shown: nothing to compare"
        );
        assert!(workshop.shows_unnoted(instrument));
        workshop.mark_shown(instrument);
        assert!(!workshop.shows_unnoted(instrument));
        workshop.add_kiosk(response(instrument, 1));
        // The one who just answered would be read from the change.
        assert_eq!(workshop.unshown_change(instrument), Some(1));
        assert!(
            !workshop.shows_unnoted(instrument),
            "held back, so not shown"
        );
        workshop.add_kiosk(response(instrument, 2));
        assert_eq!(workshop.unshown_change(instrument), Some(2));
        workshop.add_kiosk(response(instrument, 2));
        assert_eq!(
            workshop.unshown_change(instrument),
            None,
            "three new answers hide each other"
        );
        assert!(workshop.shows_unnoted(instrument));
        // Saved before this existed: shown as before.
        let old = crate::core::saved::encode(&workshop);
        let old = &old[..old.find(",\"shown_with\"").unwrap()];
        let old = format!("{old}}}}}");
        assert!(!old.contains("shown_with"));
        let old: Workshop = crate::core::saved::decode(&old).unwrap();
        assert_eq!(old.unshown_change(instrument), None);
    }

    /// `response`, with the first factor's first `answered` statements
    /// answered and the rest of that factor left blank.
    fn first_factor_answered(instrument: &Instrument, value: u8, answered: usize) -> Response {
        let first = instrument.factors[0].items.len();
        let values = (0..instrument.item_count())
            .map(|index| {
                if index < first && index >= answered {
                    0
                } else {
                    value
                }
            })
            .collect();
        Response::fitting(instrument, values).unwrap()
    }

    #[test]
    fn a_factor_that_too_few_newcomers_answered_holds_the_result_back() {
        let instrument = &built_in()[0];
        let mut workshop = Workshop::new("x", instrument, 3);
        for value in [3, 4, 5] {
            workshop.add_kiosk(response(instrument, value));
        }
        workshop.mark_shown(instrument);
        // Three new answers, but the first factor's mean would move with one
        // of them only: set beside the last result, it would tell that one's score.
        workshop.add_kiosk(response(instrument, 1));
        workshop.add_kiosk(first_factor_answered(instrument, 2, 0));
        workshop.add_kiosk(first_factor_answered(instrument, 4, 0));
        assert_eq!(workshop.unshown_change(instrument), Some(3));
        assert!(!workshop.shows_unnoted(instrument));
        // One statement of it answered is too few to score, but it would
        // still move the factor's shares per option.
        workshop.add_kiosk(first_factor_answered(instrument, 5, 1));
        workshop.add_kiosk(response(instrument, 2));
        assert_eq!(workshop.unshown_change(instrument), Some(5));
        workshop.add_kiosk(response(instrument, 3));
        assert_eq!(
            workshop.unshown_change(instrument),
            None,
            "three more scored the first factor and four more answered it"
        );
        workshop.mark_shown(instrument);
        // Only the shares would move, with one person's answer.
        workshop.add_kiosk(first_factor_answered(instrument, 1, 1));
        workshop.add_kiosk(first_factor_answered(instrument, 1, 0));
        workshop.add_kiosk(first_factor_answered(instrument, 1, 0));
        assert_eq!(workshop.unshown_change(instrument), Some(3));
    }

    #[test]
    fn a_workshop_shown_before_counts_per_factor_were_kept_gets_them_when_shown_again() {
        let instrument = &built_in()[0];
        let mut workshop = Workshop::new("x", instrument, 3);
        for value in [3, 4, 5] {
            workshop.add_kiosk(response(instrument, value));
        }
        workshop.mark_shown(instrument);
        let mut saved: serde_json::Value =
            serde_json::from_str(&crate::core::saved::encode(&workshop)).unwrap();
        let data = saved["data"].as_object_mut().unwrap();
        data.remove("shown_scored").unwrap();
        data.remove("shown_answering").unwrap();
        let mut old: Workshop = crate::core::saved::decode(&saved.to_string()).unwrap();
        // Shown again with the same pool: now noted per factor as well.
        assert!(old.shows_unnoted(instrument));
        old.mark_shown(instrument);
        assert!(!old.shows_unnoted(instrument));
        old.add_kiosk(response(instrument, 1));
        old.add_kiosk(first_factor_answered(instrument, 2, 0));
        old.add_kiosk(first_factor_answered(instrument, 4, 0));
        assert_eq!(old.unshown_change(instrument), Some(3));
    }

    #[test]
    fn a_factor_hidden_when_last_shown_may_appear_with_its_first_answers() {
        let instrument = &built_in()[0];
        let mut workshop = Workshop::new("x", instrument, 3);
        workshop.add_kiosk(response(instrument, 3));
        workshop.add_kiosk(response(instrument, 4));
        workshop.add_kiosk(first_factor_answered(instrument, 5, 0));
        workshop.mark_shown(instrument);
        workshop.add_kiosk(response(instrument, 1));
        workshop.add_kiosk(first_factor_answered(instrument, 2, 0));
        workshop.add_kiosk(first_factor_answered(instrument, 3, 0));
        // The first factor, scored by two, was too little answered to show:
        // nothing of it was shown to compare its third with.
        assert_eq!(workshop.unshown_change(instrument), None);
    }

    #[test]
    fn a_response_file_is_read_by_its_code_alone() {
        let instrument = &built_in()[0];
        let mut workshop = Workshop::new("x", instrument, 5);
        let code = code::encode(instrument, &response(instrument, 3));
        let file = ResponseFile::new(instrument, code).to_json();
        let odd = file
            .replace(
                &format!("\"version\": {}", instrument.version),
                "\"version\": -0",
            )
            .replace("\"instrument\": \"ressurser\"", "\"instrument\": 1e309");
        assert_ne!(odd, file);
        let report = workshop.import_files(instrument, &[Some(odd)]);
        assert_eq!((report.added, report.rejected.len()), (1, 0));
    }

    #[test]
    fn files_hold_one_code_or_a_list_of_codes() {
        let instrument = &built_in()[0];
        let mut workshop = Workshop::new("x", instrument, 5);
        let codes: Vec<String> = (1..=4)
            .map(|value| code::encode(instrument, &response(instrument, value)))
            .collect();
        let files = [
            Some(ResponseFile::new(instrument, codes[0].clone()).to_json()),
            Some(format!("{}\r\nhei\r\n{}\r\n", codes[1], codes[2])),
            Some("{\"kind\": \"something else\"}".to_string()),
            Some("not a code at all".to_string()),
            None,
            Some(ResponseFile::new(instrument, codes[0].clone()).to_json()),
        ];
        let report = workshop.import_files(instrument, &files);
        assert_eq!((report.added, report.duplicates.len()), (3, 1));
        let line_two = Rejected {
            line: Some(2),
            ..Rejected::new(2, Rejection::Code(CodeError::TooShort))
        };
        assert_eq!(
            report.rejected,
            [
                line_two,
                Rejected::new(3, Rejection::UnreadableFile),
                Rejected::new(4, Rejection::UnreadableFile),
                Rejected::new(5, Rejection::TooLarge)
            ]
        );
    }

    #[test]
    fn the_order_of_responses_does_not_follow_the_order_they_came_in() {
        let instrument = &built_in()[0];
        let mut first = Workshop::new("x", instrument, 5);
        let mut second = first.clone();
        for value in [5, 1, 3] {
            first.add_kiosk(response(instrument, value));
        }
        for value in [3, 5, 1] {
            second.add_kiosk(response(instrument, value));
        }
        assert_eq!(first, second);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn importing_never_panics_nor_loses_what_was_pooled(text in "\\PC{0,400}", file in "\\PC{0,200}") {
            let instrument = &built_in()[1];
            let mut workshop = Workshop::new("x", instrument, 3);
            workshop.add_kiosk(response(instrument, 2));
            let report = workshop.import_codes(instrument, &text);
            prop_assert_eq!(workshop.count(), 1 + report.added);
            let report = workshop.import_files(instrument, &[Some(file)]);
            prop_assert!(workshop.count() > report.added);
        }
    }
}
