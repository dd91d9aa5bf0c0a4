//! Response codes: one person's answers to one instrument as a short text
//! that is easy to read aloud and type ("K3F9-20QX-…"), for sharing with a
//! workshop without a server.
//!
//! A code carries the instrument's identity (a tag for its id, its version
//! and a tag for its content) and one value per item
//! (0 for "don't know" or unanswered, else the point), packed as one
//! mixed-radix number, written in Crockford's base 32, and closed by three
//! check characters. It carries no time, device or sequence number: two people
//! with the same answers get the same code.
//!
//! The check is a polynomial hash modulo a prime below 32^3, so every single
//! wrong character and every swap of two neighbours is caught, and a random
//! garble slips through about once in 33,000.

use super::instrument::{is_built_in, Instrument, MAX_VERSION};
use super::invisible::is_invisible;
use super::response::{items_of, Response};

/// Crockford's base-32 alphabet: no I, L, O or U, so nothing reads as 1, 0 or V.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The code format; a new layout gets a new number so old codes are still
/// read. Format 1 named the instrument by id and version only; format 2 adds
/// a tag for its content, so answers to an edited file are never pooled with
/// answers to the original.
const FORMAT: u32 = 2;
const LEGACY_FORMAT: u32 = 1;
const FORMAT_RADIX: u32 = 4;
const TAG_RADIX: u32 = 1 << 16;
const VERSION_RADIX: u32 = MAX_VERSION + 1;
const CHECK_CHARS: usize = 3;
const CHECK_PRIME: u32 = 32_749;
const CHECK_BASE: u32 = 37;
const GROUP: usize = 4;
/// Room for an instrument of about 500 statements.
const MAX_DIGITS: usize = 300;

/// Why a code was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Empty, or too short to hold even the check characters.
    TooShort,
    /// A character that is not in the alphabet (reported as typed).
    BadCharacter(char),
    /// The check characters do not match: a typo somewhere.
    Checksum,
    /// A code format this version of the app does not know.
    UnknownFormat(u32),
    /// Made for another instrument, or another version of it.
    OtherInstrument { tag: u16, version: u32 },
    /// Made for an instrument with this id and version but other content:
    /// an edited copy of the file.
    OtherContent,
    /// The right instrument, but the length or a value does not fit it.
    Garbled,
}

/// The 16-bit tag for an instrument's content: its fingerprint, folded.
fn content_tag(instrument: &Instrument) -> u16 {
    ((instrument.fingerprint >> 16) ^ (instrument.fingerprint & 0xffff)) as u16
}

/// The 16-bit tag that names an instrument in codes: FNV-1a of its id, folded.
pub fn instrument_tag(instrument: &Instrument) -> u16 {
    let hash = instrument.id.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    ((hash >> 16) ^ (hash & 0xffff)) as u16
}

/// A non-negative integer of any size, as little-endian base-2^32 limbs.
#[derive(Default)]
struct Big(Vec<u32>);

impl Big {
    fn mul_add(&mut self, radix: u32, value: u32) {
        let mut carry = u64::from(value);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(radix) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// Divides in place and returns the remainder.
    fn div_rem(&mut self, radix: u32) -> u32 {
        let mut remainder = 0u64;
        for limb in self.0.iter_mut().rev() {
            let current = (remainder << 32) | u64::from(*limb);
            *limb = (current / u64::from(radix)) as u32;
            remainder = current % u64::from(radix);
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        remainder as u32
    }

    fn is_zero(&self) -> bool {
        self.0.iter().all(|&limb| limb == 0)
    }
}

fn check_of(digits: &[u32]) -> u32 {
    digits.iter().fold(0, |hash, &digit| {
        (hash * CHECK_BASE + digit + 1) % CHECK_PRIME
    })
}

/// The radix of each item: its scale's points plus one for "no answer".
fn item_radixes(instrument: &Instrument) -> impl DoubleEndedIterator<Item = u32> + '_ {
    items_of(instrument).map(|(_, points)| u32::from(points) + 1)
}

/// The number of base-32 digits a code for `instrument` has before its check.
fn payload_len(instrument: &Instrument, format: u32) -> usize {
    let mut max = Big(vec![1]);
    for radix in item_radixes(instrument) {
        max.mul_add(radix, 0);
    }
    if format == FORMAT {
        max.mul_add(TAG_RADIX, 0);
    }
    for radix in [VERSION_RADIX, TAG_RADIX, FORMAT_RADIX] {
        max.mul_add(radix, 0);
    }
    // The digits of the bound itself: enough for every code below it, with one
    // spare leading zero when the bound happens to be a power of 32.
    let mut len = 0;
    while !max.is_zero() {
        max.div_rem(32);
        len += 1;
    }
    len
}

/// Makes the code for a response to `instrument`, grouped in fours.
pub fn encode(instrument: &Instrument, response: &Response) -> String {
    let mut number = Big::default();
    // Items first, so the header ends up least significant and is read first.
    for (radix, &value) in item_radixes(instrument).zip(response.values()) {
        number.mul_add(radix, u32::from(value) % radix);
    }
    number.mul_add(TAG_RADIX, u32::from(content_tag(instrument)));
    number.mul_add(VERSION_RADIX, instrument.version % VERSION_RADIX);
    number.mul_add(TAG_RADIX, u32::from(instrument_tag(instrument)));
    number.mul_add(FORMAT_RADIX, FORMAT);

    let mut digits: Vec<u32> = (0..payload_len(instrument, FORMAT))
        .map(|_| number.div_rem(32))
        .collect();
    digits.reverse();
    let check = check_of(&digits);
    digits.extend(
        (0..CHECK_CHARS)
            .rev()
            .map(|place| (check >> (5 * place)) & 31),
    );
    let text: Vec<char> = digits
        .into_iter()
        .map(|digit| char::from(ALPHABET[digit as usize]))
        .collect();
    text.chunks(GROUP)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Each ASCII character's value, or 32 where it is not a digit; look-alikes
/// are read as what they look like (O as 0; I and L as 1), in either case.
const DIGITS: [u8; 128] = {
    let mut table = [32u8; 128];
    let mut digit = 0;
    while digit < 32 {
        let letter = ALPHABET[digit];
        table[letter as usize] = digit as u8;
        table[letter.to_ascii_lowercase() as usize] = digit as u8;
        digit += 1;
    }
    let mut index = 0;
    while index < 3 {
        let (letter, value) = [(b'O', 0), (b'I', 1), (b'L', 1)][index];
        table[letter as usize] = value;
        table[letter.to_ascii_lowercase() as usize] = value;
        index += 1;
    }
    table
};

fn digit_of(character: char) -> Option<u32> {
    let value = *DIGITS.get(character as usize)?;
    (value < 32).then_some(u32::from(value))
}

/// Characters that carry nothing in a code: spaces, hyphens and the dashes
/// that word processors turn them into, and invisible characters that
/// copying from a chat or a web page brings along.
fn is_ignorable(character: char) -> bool {
    is_invisible(character)
        || matches!(
            character,
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
        )
}

/// True when `line` holds nothing of a code: only spaces, dashes and
/// invisible characters, like a separator line or a stray zero-width space.
pub fn is_empty_line(line: &str) -> bool {
    line.chars().all(is_ignorable)
}

/// The code's digits, its check verified, with separators and spaces ignored.
fn verified_digits(code: &str) -> Result<Vec<u32>, CodeError> {
    let mut digits = Vec::with_capacity(code.len());
    for character in code.chars() {
        if is_ignorable(character) {
            continue;
        }
        digits.push(digit_of(character).ok_or(CodeError::BadCharacter(character))?);
    }
    if digits.len() <= CHECK_CHARS {
        return Err(CodeError::TooShort);
    }
    let (payload, check) = digits.split_at(digits.len() - CHECK_CHARS);
    let expected = check.iter().fold(0, |value, &digit| (value << 5) | digit);
    if check_of(payload) != expected {
        return Err(CodeError::Checksum);
    }
    Ok(payload.to_vec())
}

/// A code with its check verified and its header read; the items are still in `rest`.
struct Opened {
    rest: Big,
    len: usize,
    tag: u16,
    version: u32,
    /// Absent in legacy codes.
    content: Option<u16>,
}

fn open(code: &str) -> Result<Opened, CodeError> {
    let payload = verified_digits(code)?;
    if payload.len() > MAX_DIGITS {
        // Far longer than any instrument's code; reading it would only cost time.
        return Err(CodeError::Garbled);
    }
    let mut rest = Big::default();
    for digit in &payload {
        rest.mul_add(32, *digit);
    }
    let format = rest.div_rem(FORMAT_RADIX);
    if format != FORMAT && format != LEGACY_FORMAT {
        return Err(CodeError::UnknownFormat(format));
    }
    let tag = rest.div_rem(TAG_RADIX) as u16;
    let version = rest.div_rem(VERSION_RADIX);
    let content = (format == FORMAT).then(|| rest.div_rem(TAG_RADIX) as u16);
    Ok(Opened {
        rest,
        len: payload.len(),
        tag,
        version,
        content,
    })
}

/// Reads a code made for `instrument`.
pub fn decode(instrument: &Instrument, code: &str) -> Result<Response, CodeError> {
    Reader::new(instrument).decode(code)
}

/// Reads many codes for one instrument, working out its layout once.
pub struct Reader<'a> {
    instrument: &'a Instrument,
    radixes: Vec<u32>,
    len: usize,
    /// Codes made before format 2 are read for built-in instruments only,
    /// whose content is pinned to their version by a test.
    legacy_len: Option<usize>,
    tag: u16,
    content: u16,
}

impl<'a> Reader<'a> {
    pub fn new(instrument: &'a Instrument) -> Reader<'a> {
        Reader {
            instrument,
            radixes: item_radixes(instrument).collect(),
            len: payload_len(instrument, FORMAT),
            legacy_len: is_built_in(&instrument.id).then(|| payload_len(instrument, LEGACY_FORMAT)),
            tag: instrument_tag(instrument),
            content: content_tag(instrument),
        }
    }

    pub fn decode(&self, code: &str) -> Result<Response, CodeError> {
        let Opened {
            rest: mut number,
            len,
            tag,
            version,
            content,
        } = open(code).map_err(|error| self.cut_short(code, error))?;
        if tag != self.tag || version != self.instrument.version % VERSION_RADIX {
            return Err(CodeError::OtherInstrument { tag, version });
        }
        let expected_len = match content {
            Some(content) if content != self.content => return Err(CodeError::OtherContent),
            Some(_) => self.len,
            None => self.legacy_len.ok_or(CodeError::OtherContent)?,
        };
        if len != expected_len {
            return Err(CodeError::Garbled);
        }
        let mut values: Vec<u8> = self
            .radixes
            .iter()
            .rev()
            .map(|&radix| number.div_rem(radix) as u8)
            .collect();
        values.reverse();
        if !number.is_zero() {
            return Err(CodeError::Garbled);
        }
        Response::fitting(self.instrument, values).ok_or(CodeError::Garbled)
    }

    /// A code that fails its check and is shorter than any code of this
    /// questionnaire has characters missing: say that, not "mistyped".
    fn cut_short(&self, code: &str, error: CodeError) -> CodeError {
        let shortest = self
            .legacy_len
            .map_or(self.len, |legacy| legacy.min(self.len));
        if error == CodeError::Checksum && code_chars(code) < shortest + CHECK_CHARS {
            CodeError::TooShort
        } else {
            error
        }
    }

    /// Reads the codes in a line that may carry other words, as a line copied
    /// from a chat ("Kari: K3F9-…"), a numbered list ("3. K3F9-…") or a
    /// spreadsheet ("K3F9-…<TAB>avd. 2") does, or several codes. The whole
    /// line is tried first, then runs of its words that hold a code's number
    /// of characters; the check characters make a false find as unlikely as a
    /// typo slipping through.
    ///
    /// A line is read whole or not at all: when codes are found but the words
    /// left over look like another code (one long word, or many short groups),
    /// that is taken for a mistyped code and the line gives an error, so that
    /// no one's answers are passed over in silence, and the line can be fixed
    /// and added again without counting anyone twice. Errors tell what got
    /// furthest: a code for another questionnaire over a typo.
    pub fn find(&self, line: &str) -> Result<Vec<Response>, CodeError> {
        if let Ok(response) = self.decode(line) {
            return Ok(vec![response]);
        }
        // Words end at spaces and at anything that is neither a letter, a
        // digit nor ignorable ("Kari:K3F9-…", "(K3F9-…),"); a word of only
        // dashes or invisible characters holds nothing. Any script's letters
        // and digits belong to the word, so a look-alike (Cyrillic А, a
        // full-width 4) stays in its code and is named, not cut out of it.
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || !(c.is_alphanumeric() || is_ignorable(c)))
            .filter(|word| code_chars(word) > 0)
            .collect();
        // What is wrong is told from the words, not the whole line: its
        // punctuation ("Kari:") would be named instead of a code's fault.
        let mut error = CodeError::TooShort;
        let code_lens: Vec<usize> = [Some(self.len), self.legacy_len]
            .into_iter()
            .flatten()
            .map(|len| len + CHECK_CHARS)
            .collect();
        let shortest = code_lens.iter().copied().min().unwrap_or(0);
        let mut found = Vec::new();
        // The words since the last code found, and whether any such run
        // looked like a code of its own.
        let mut run: Vec<&str> = Vec::new();
        let mut mistyped = false;
        let mut start = 0;
        while start < words.len() {
            match self.code_at(&words[start..], &code_lens, &mut error) {
                Some((response, used)) => {
                    found.push(response);
                    mistyped |= looks_like_a_code(&run, shortest);
                    run.clear();
                    start += used;
                }
                None => {
                    run.push(words[start]);
                    start += 1;
                }
            }
        }
        mistyped |= looks_like_a_code(&run, shortest);
        if found.is_empty() {
            // A code for another questionnaire, on a line with other words.
            for word in &words {
                if let Err(other) = self.decode(word) {
                    keep_furthest(&mut error, other);
                }
            }
        }
        if found.is_empty() || mistyped {
            return Err(error);
        }
        Ok(found)
    }

    /// The code that the first of `words` make, and how many words it takes.
    /// Every word holds at least one character, so at most a code's length
    /// of words is looked at.
    fn code_at(
        &self,
        words: &[&str],
        code_lens: &[usize],
        error: &mut CodeError,
    ) -> Option<(Response, usize)> {
        let longest = code_lens.iter().copied().max().unwrap_or(0);
        let mut len = 0;
        for (end, word) in words.iter().enumerate() {
            len += code_chars(word);
            if len > longest {
                break;
            }
            if code_lens.contains(&len) {
                match self.decode(&words[..=end].join(" ")) {
                    Ok(response) => return Some((response, end + 1)),
                    Err(other) => keep_furthest(error, other),
                }
            }
        }
        None
    }
}

/// The characters of `word` that a code counts: all but the ignorable ones.
fn code_chars(word: &str) -> usize {
    word.chars().filter(|&c| !is_ignorable(c)).count()
}

/// How far reading got before `error`: a code that passes its check but is
/// for another questionnaire or garbled says more than a typo does, and a
/// character named says more than "too short" (where a line's words make
/// no code's length at all).
fn progress(error: &CodeError) -> u8 {
    match error {
        CodeError::TooShort => 0,
        CodeError::BadCharacter(_) => 1,
        CodeError::Checksum => 2,
        _ => 3,
    }
}

/// Keeps the error that got furthest; the earlier one when they are even.
fn keep_furthest(kept: &mut CodeError, other: CodeError) {
    if progress(&other) > progress(kept) {
        *kept = other;
    }
}

/// True when the words between found codes look like one more code: a word
/// of at least half a code's characters (copied with hyphens or without), or
/// three or more short groups that add up to as much (typed with spaces). A
/// date, a time or a name falls short of it; a longer chat message of short
/// words does not, and is safer refused than a code passed over.
fn looks_like_a_code(run: &[&str], code_len: usize) -> bool {
    let half = code_len.div_ceil(2);
    if run.iter().any(|word| code_chars(word) >= half) {
        return true;
    }
    run.split(|word| code_chars(word) > GROUP + 1)
        .any(|groups| {
            groups.len() >= 3 && groups.iter().map(|g| code_chars(g)).sum::<usize>() >= half
        })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::core::instrument::built_in;

    fn answers_from(instrument: &Instrument, values: &[u8]) -> Response {
        let values = item_radixes(instrument)
            .zip(values.iter().cycle())
            .map(|(radix, &value)| (u32::from(value) % radix) as u8)
            .collect();
        Response::fitting(instrument, values).unwrap()
    }

    #[test]
    fn a_code_is_short_grouped_and_round_trips() {
        for instrument in built_in() {
            let values: Vec<u8> = (0..instrument.item_count() as u8).collect();
            let answers = answers_from(instrument, &values);
            let code = encode(instrument, &answers);
            assert!(code.len() <= 40, "{code} is too long to type");
            assert!(code.split('-').all(|group| group.len() <= 4));
            assert_eq!(decode(instrument, &code).unwrap(), answers);
            let opened = open(&code).unwrap();
            assert_eq!(
                (opened.tag, opened.version),
                (instrument_tag(instrument), instrument.version)
            );
        }
    }

    #[test]
    fn typing_is_forgiving_about_case_spaces_and_look_alikes() {
        let instrument = &built_in()[0];
        let answers = answers_from(instrument, &[4; 64]);
        let code = encode(instrument, &answers);
        let typed = code.to_lowercase().replace('-', " ").replace('0', "o");
        assert_eq!(decode(instrument, &typed).unwrap(), answers);
    }

    /// `code` with its first character changed: a typo the check catches.
    fn mistyped(code: &str) -> String {
        let other = if code.starts_with('Z') { "Y" } else { "Z" };
        code.replacen(&code[..1], other, 1)
    }

    #[test]
    fn codes_are_found_among_other_words_on_their_line() {
        let instrument = &built_in()[0];
        let reader = Reader::new(instrument);
        let answers = answers_from(instrument, &[3, 1, 4]);
        let other = answers_from(instrument, &[2, 5]);
        let code = encode(instrument, &answers);
        let other_code = encode(instrument, &other);
        let spaced = code.replace('-', " ");
        for line in [
            format!("[2026-11-29 10:32:45] Kari Nordmann: {code}"),
            format!("3. {spaced}"),
            format!("{code}\tNina\tavd. 2"),
            format!("(«{code}»)."),
            format!("Kari:{code}"),
            format!("{code} tlf 12-34"),
        ] {
            assert_eq!(reader.find(&line), Ok(vec![answers.clone()]), "{line}");
        }
        // Two codes on a line are two people.
        assert_eq!(
            reader.find(&format!("{code},{other_code}")),
            Ok(vec![answers.clone(), other.clone()])
        );
        // A mistyped code beside a good one, however it was written, holds
        // back the line, to be fixed and added again whole.
        let typo = mistyped(&other_code);
        let doubled = format!("{}{}", &other_code[..1], other_code);
        let with_u = other_code.replacen(&other_code[1..2], "U", 1);
        for typo in [
            typo.clone(),
            typo.replace('-', " "),
            typo.replace('-', ""),
            doubled,
            with_u,
        ] {
            let line = format!("Kari: {code}, Ola: {typo}");
            assert!(reader.find(&line).is_err(), "{line}");
        }
        assert_eq!(
            reader.find(&format!("Kari: {typo}")),
            Err(CodeError::Checksum)
        );
        assert!(reader.find("Kari Nordmann").is_err());
    }

    #[test]
    fn a_code_for_another_questionnaire_among_other_words_says_so() {
        let [resources, risks] = [&built_in()[0], &built_in()[1]];
        let code = encode(resources, &answers_from(resources, &[3]));
        assert!(matches!(
            Reader::new(risks).find(&format!("Kari: {code}")),
            Err(CodeError::OtherInstrument { .. })
        ));
    }

    /// Words that hold nothing (dashes, zero-width spaces) must not make the
    /// search look at every run of words: a long line still reads at once.
    #[test]
    fn a_long_line_of_empty_words_is_read_in_one_pass() {
        let instrument = &built_in()[0];
        let reader = Reader::new(instrument);
        let code = encode(instrument, &answers_from(instrument, &[4]));
        for filler in [" -", " \u{200B}", " x"] {
            let line = format!("{}{}", mistyped(&code), filler.repeat(50_000));
            assert!(reader.find(&line).is_err());
        }
    }

    #[test]
    fn dashes_and_invisible_characters_copied_along_are_ignored() {
        let instrument = &built_in()[0];
        let answers = answers_from(instrument, &[2, 5, 0, 3]);
        let code = encode(instrument, &answers);
        for extra in ["\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{200F}", "\u{2060}"] {
            let copied = format!("{extra}{}", code.replace('-', extra));
            assert_eq!(decode(instrument, &copied).unwrap(), answers, "{extra:?}");
        }
        let dashed = code.replace('-', "\u{2013}");
        assert_eq!(decode(instrument, &dashed).unwrap(), answers);
        // A look-alike letter is still refused, and named.
        assert_eq!(
            decode(instrument, &format!("\u{0410}{code}")),
            Err(CodeError::BadCharacter('\u{0410}'))
        );
    }

    #[test]
    fn every_single_typo_and_neighbour_swap_is_caught() {
        let instrument = &built_in()[0];
        let code: Vec<char> = encode(instrument, &answers_from(instrument, &[3, 1, 5, 0, 2]))
            .replace('-', "")
            .chars()
            .collect();
        for place in 0..code.len() {
            for &letter in ALPHABET {
                let mut typo = code.clone();
                if typo[place] == char::from(letter) {
                    continue;
                }
                typo[place] = char::from(letter);
                let typo: String = typo.into_iter().collect();
                assert_eq!(
                    decode(instrument, &typo),
                    Err(CodeError::Checksum),
                    "{typo}"
                );
            }
            if place + 1 < code.len() && code[place] != code[place + 1] {
                let mut swapped = code.clone();
                swapped.swap(place, place + 1);
                let swapped: String = swapped.into_iter().collect();
                assert_eq!(decode(instrument, &swapped), Err(CodeError::Checksum));
            }
        }
    }

    #[test]
    fn a_code_for_another_instrument_says_so() {
        let [resources, risks] = [&built_in()[0], &built_in()[1]];
        let code = encode(risks, &answers_from(risks, &[0]));
        assert_eq!(
            decode(resources, &code),
            Err(CodeError::OtherInstrument {
                tag: instrument_tag(risks),
                version: risks.version
            })
        );
        let mut newer = resources.clone();
        newer.version += 1;
        let code = encode(&newer, &answers_from(resources, &[0]));
        assert!(matches!(
            decode(resources, &code),
            Err(CodeError::OtherInstrument { version, .. }) if version == newer.version
        ));
    }

    #[test]
    fn a_code_for_an_edited_copy_with_the_same_id_and_version_is_refused() {
        let original = &built_in()[0];
        let mut edited = original.clone();
        edited.fingerprint ^= 1;
        let code = encode(&edited, &answers_from(&edited, &[1, 2, 3]));
        assert_eq!(decode(original, &code), Err(CodeError::OtherContent));
        assert_eq!(
            decode(&edited, &code),
            Ok(answers_from(&edited, &[1, 2, 3]))
        );
    }

    /// Codes made by the first shipped format (before content tags), from
    /// answers 0, 1, 2, … cycling within each item's radix.
    #[test]
    fn legacy_codes_for_built_in_instruments_are_still_read() {
        let fixtures = [
            "03HN-XVMV-GHER-8F1Z-H9C0-A619-CE8",
            "11ZF-V66X-KXCD-T009-NS1Z-4A",
        ];
        for (instrument, code) in built_in().iter().zip(fixtures) {
            let values: Vec<u8> = items_of(instrument)
                .enumerate()
                .map(|(index, (_, points))| index as u8 % (points + 1))
                .collect();
            let expected = Response::fitting(instrument, values).unwrap();
            assert_eq!(decode(instrument, code), Ok(expected), "{}", instrument.id);
        }
    }

    #[test]
    fn garbage_is_rejected_with_a_reason() {
        let instrument = &built_in()[0];
        assert_eq!(decode(instrument, ""), Err(CodeError::TooShort));
        assert_eq!(decode(instrument, "AB"), Err(CodeError::TooShort));
        assert_eq!(
            decode(instrument, "ABCD-ÆØÅ"),
            Err(CodeError::BadCharacter('Æ'))
        );
        assert_eq!(decode(instrument, "ABCD-EFGH"), Err(CodeError::TooShort));
    }

    /// What a facilitator is told must point at what to fix: a code cut short
    /// says so, and a look-alike character is named wherever it stands.
    #[test]
    fn a_cut_code_and_a_look_alike_in_a_line_are_told_as_such() {
        let instrument = &built_in()[0];
        let reader = Reader::new(instrument);
        let code = encode(instrument, &answers_from(instrument, &[3, 1, 4]));
        // A group short (one character short could be an older, shorter
        // code with a typo).
        let cut = &code[..code.len() - 5];
        assert_eq!(decode(instrument, cut), Err(CodeError::TooShort));
        assert_eq!(reader.find(cut), Err(CodeError::TooShort));
        assert_eq!(reader.find(&code[..9]), Err(CodeError::TooShort));
        // A character added is a typo, not a cut.
        assert_eq!(
            decode(instrument, &format!("{code}A")),
            Err(CodeError::Checksum)
        );
        for look_alike in ['\u{0410}', '\u{039F}', '\u{FF14}'] {
            let with = format!("{}{look_alike}{}", &code[..5], &code[6..]);
            for line in [
                with.clone(),
                format!("Kari: {with}"),
                format!("{look_alike}{code}"),
            ] {
                assert_eq!(
                    reader.find(&line),
                    Err(CodeError::BadCharacter(look_alike)),
                    "{line}"
                );
            }
        }
    }

    #[test]
    fn the_tags_of_the_built_in_instruments_differ() {
        assert_ne!(
            instrument_tag(&built_in()[0]),
            instrument_tag(&built_in()[1])
        );
    }

    proptest! {
        #[test]
        fn any_answers_round_trip(index in 0usize..2, values in proptest::collection::vec(0u8..6, 64)) {
            let instrument = &built_in()[index];
            let answers = answers_from(instrument, &values);
            prop_assert_eq!(decode(instrument, &encode(instrument, &answers)).unwrap(), answers);
        }

        #[test]
        fn decoding_never_panics_on_text(text in "\\PC{0,80}") {
            let _ = decode(&built_in()[0], &text);
            let _ = open(&text);
        }

        #[test]
        fn decoding_never_panics_on_code_like_text(text in "[0-9A-Za-z -]{0,60}") {
            let _ = decode(&built_in()[1], &text);
        }
    }
}
