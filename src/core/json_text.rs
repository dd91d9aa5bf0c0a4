//! Helpers for JSON text as written: where each value starts, by field path
//! (`factors[2].items[0].text`), so a validation problem can name a line as
//! well as a path; and what a serde_json error means, in terms the UI can
//! translate.

/// Why a file is not JSON of the right shape. serde_json says it in English;
/// this names the common cases so the UI can say them in the user's language.
#[derive(Clone, Debug, PartialEq)]
pub enum SyntaxProblem {
    /// The text ends before the JSON does (a bracket or quote never closed).
    EndsEarly,
    /// A comma, or a closing `}` or `]`, is missing.
    MissingComma,
    /// A comma right before a closing bracket.
    TrailingComma,
    /// A value is missing, or is a word without quotes.
    NotAValue,
    /// More text after the JSON has ended.
    TrailingText,
    /// Any other invalid JSON.
    Invalid,
    MissingField(String),
    UnknownField(String),
    DuplicateField(String),
    /// A word that is not among those allowed, such as a lens or a scoring.
    UnknownValue(String),
    /// A value of the wrong kind, or a number out of range.
    WrongType(Expected),
}

/// The kind of value a field needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Number,
    Text,
    List,
    Object,
    Boolean,
    Other,
}

/// Reads serde_json's error into a [`SyntaxProblem`]. The texts matched here
/// are pinned by tests, so a serde_json update that rewords them fails there.
pub fn syntax_problem(error: &serde_json::Error) -> SyntaxProblem {
    use serde_json::error::Category;
    let text = error.to_string();
    let message = text.split(" at line ").next().unwrap_or_default();
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_string)
    };
    match error.classify() {
        Category::Eof => SyntaxProblem::EndsEarly,
        Category::Syntax | Category::Io => match message {
            "trailing comma" => SyntaxProblem::TrailingComma,
            "expected value" | "expected ident" => SyntaxProblem::NotAValue,
            "trailing characters" => SyntaxProblem::TrailingText,
            _ if message.starts_with("expected `,`") => SyntaxProblem::MissingComma,
            _ => SyntaxProblem::Invalid,
        },
        Category::Data => {
            if let Some(field) = quoted("missing field `") {
                SyntaxProblem::MissingField(field)
            } else if let Some(field) = quoted("unknown field `") {
                SyntaxProblem::UnknownField(field)
            } else if let Some(field) = quoted("duplicate field `") {
                SyntaxProblem::DuplicateField(field)
            } else if let Some(word) = quoted("unknown variant `") {
                SyntaxProblem::UnknownValue(word)
            } else if let Some((_, expected)) = message.rsplit_once(", expected ") {
                SyntaxProblem::WrongType(expected_kind(expected))
            } else {
                SyntaxProblem::Invalid
            }
        }
    }
}

fn expected_kind(expected: &str) -> Expected {
    const NUMBERS: [&str; 6] = ["u8", "u16", "u32", "usize", "f64", "integer"];
    if NUMBERS.iter().any(|number| expected.contains(number)) {
        Expected::Number
    } else if expected.contains("string") {
        Expected::Text
    } else if expected.contains("sequence") {
        Expected::List
    } else if expected.contains("struct") || expected.contains("map") {
        Expected::Object
    } else if expected.contains("boolean") {
        Expected::Boolean
    } else {
        Expected::Other
    }
}

/// The line and column (from 1) of a list that the text opens with. serde
/// reads a struct from a list too, and would then name a problem with the
/// list's first element instead of the list itself.
pub fn list_at_root(json: &str) -> Option<(usize, usize)> {
    // JSON's own whitespace, and a byte-order mark some editors write.
    let start = json.trim_start_matches([' ', '\t', '\n', '\r', '\u{FEFF}']);
    if !start.starts_with('[') {
        return None;
    }
    let before = &json[..json.len() - start.len()];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let column = before[line_start..].char_indices().count() + 1;
    Some((line, column))
}

/// The line (from 1) each value starts on, keyed by its path; the root is "".
pub fn value_lines(json: &str) -> Vec<(String, usize)> {
    let mut scanner = Scanner {
        bytes: json.as_bytes(),
        at: 0,
        line: 1,
        found: Vec::new(),
    };
    scanner.value(String::new());
    scanner.found
}

/// The line of `path`, or of the nearest enclosing value that exists (a
/// missing field is reported on the line of the object that lacks it).
pub fn line_of(lines: &[(String, usize)], path: &str) -> Option<usize> {
    let mut path = path;
    loop {
        if let Some((_, line)) = lines.iter().find(|(known, _)| known == path) {
            return Some(*line);
        }
        if path.is_empty() {
            return None;
        }
        path = &path[..path.rfind(['.', '[']).unwrap_or(0)];
    }
}

/// The path of the one value that starts on `line` and holds no other
/// value starting there (`scales[0].points` on its own line), so an error
/// serde reports at that line can name its field. None where the line
/// holds several, or none.
pub fn path_on_line(lines: &[(String, usize)], line: usize) -> Option<&str> {
    let on_line: Vec<&str> = lines
        .iter()
        .filter(|(_, at)| *at == line)
        .map(|(path, _)| path.as_str())
        .collect();
    let mut innermost = on_line.iter().filter(|&&path| {
        !on_line.iter().any(|other| {
            other.len() > path.len()
                && other.starts_with(path)
                && other[path.len()..].starts_with(['.', '['])
        })
    });
    match (innermost.next(), innermost.next()) {
        (Some(path), None) => Some(path),
        _ => None,
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
    found: Vec<(String, usize)>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(byte) = self.peek().filter(u8::is_ascii_whitespace) {
            if byte == b'\n' {
                self.line += 1;
            }
            self.at += 1;
        }
    }

    fn skip_comma(&mut self) {
        self.skip_space();
        if self.peek() == Some(b',') {
            self.at += 1;
        }
    }

    fn value(&mut self, path: String) {
        self.skip_space();
        self.found.push((path.clone(), self.line));
        match self.peek() {
            Some(b'{') => {
                self.at += 1;
                loop {
                    self.skip_space();
                    if self.peek() != Some(b'"') {
                        self.at += 1; // the closing brace, or malformed text: stop here
                        return;
                    }
                    let key = self.string();
                    self.skip_space();
                    self.at += 1; // the colon
                    let child = if path.is_empty() {
                        key
                    } else {
                        format!("{path}.{key}")
                    };
                    self.value(child);
                    self.skip_comma();
                }
            }
            Some(b'[') => {
                self.at += 1;
                for index in 0.. {
                    self.skip_space();
                    if matches!(self.peek(), Some(b']') | None) {
                        self.at += 1;
                        return;
                    }
                    let before = self.at;
                    self.value(format!("{path}[{index}]"));
                    self.skip_comma();
                    if self.at == before {
                        return; // malformed text: never loop without progress
                    }
                }
            }
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while self.peek().is_some_and(|byte| {
                    !matches!(byte, b',' | b'}' | b']') && !byte.is_ascii_whitespace()
                }) {
                    self.at += 1;
                }
            }
            None => {}
        }
    }

    /// Reads a string from its opening quote; escapes are kept as written.
    fn string(&mut self) -> String {
        self.at += 1;
        let start = self.at;
        while let Some(byte) = self.peek() {
            match byte {
                b'"' => break,
                b'\\' => self.at += 2,
                _ => self.at += 1,
            }
        }
        let end = self.at.min(self.bytes.len());
        self.at += 1;
        String::from_utf8_lossy(&self.bytes[start..end]).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_with_one_innermost_value_names_its_path() {
        let json = "{\n  \"scales\": [{\n    \"points\": 4.5,\n    \"labels\": [\"a\", \"b\"]\n  }],\n  \"root\": [1]}";
        let lines = value_lines(json);
        assert_eq!(path_on_line(&lines, 3), Some("scales[0].points"));
        // Two labels on one line: which one is unknown.
        assert_eq!(path_on_line(&lines, 4), None);
        // A list with its one element on the same line names the element.
        assert_eq!(path_on_line(&lines, 6), Some("root[0]"));
        assert_eq!(path_on_line(&lines, 9), None);
    }

    /// A small stand-in for an instrument's shape, to get serde's real errors.
    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        id: String,
        count: u8,
        items: Vec<u8>,
        kind: Kind,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Resource,
    }

    #[test]
    fn serde_errors_become_problems_the_ui_can_translate() {
        use SyntaxProblem as S;
        let problem =
            |text: &str| syntax_problem(&serde_json::from_str::<Sample>(text).unwrap_err());
        let valid = r#"{"id": "a", "count": 1, "items": [1], "kind": "resource"}"#;
        assert!(serde_json::from_str::<Sample>(valid).is_ok());
        let cases = [
            (r#"{"id": "a", "count": 1"#.to_string(), S::EndsEarly),
            (valid.replace(r#""a","#, r#""a""#), S::MissingComma),
            (valid.replace("[1]", "[1,]"), S::TrailingComma),
            (valid.replace(r#""a""#, "a"), S::NotAValue),
            (format!("{valid} x"), S::TrailingText),
            (
                valid.replace(r#""count": 1, "#, ""),
                S::MissingField("count".into()),
            ),
            (
                valid.replace(r#""id""#, r#""extra": 1, "id""#),
                S::UnknownField("extra".into()),
            ),
            (
                valid.replace(r#""count""#, r#""id": "b", "count""#),
                S::DuplicateField("id".into()),
            ),
            (
                valid.replace("resource", "risk"),
                S::UnknownValue("risk".into()),
            ),
            (
                valid.replace(r#""count": 1"#, r#""count": "1""#),
                S::WrongType(Expected::Number),
            ),
            (
                valid.replace(r#""count": 1"#, r#""count": 300"#),
                S::WrongType(Expected::Number),
            ),
            (valid.replace(r#""a""#, "1"), S::WrongType(Expected::Text)),
            (valid.replace("[1]", "1"), S::WrongType(Expected::List)),
            (r#""a""#.to_string(), S::WrongType(Expected::Object)),
        ];
        for (text, expected) in cases {
            assert_eq!(problem(&text), expected, "{text}");
        }
    }

    const TEXT: &str = "{\n  \"id\": \"x\",\n  \"factors\": [\n    {\"id\": \"a\\\"b\",\n     \"items\": [1, 2]}\n  ]\n}";

    #[test]
    fn paths_point_at_the_line_where_each_value_starts() {
        let lines = value_lines(TEXT);
        assert_eq!(line_of(&lines, "id"), Some(2));
        assert_eq!(line_of(&lines, "factors"), Some(3));
        assert_eq!(line_of(&lines, "factors[0]"), Some(4));
        assert_eq!(line_of(&lines, "factors[0].items[1]"), Some(5));
    }

    #[test]
    fn a_missing_field_is_placed_on_its_parent() {
        let lines = value_lines(TEXT);
        assert_eq!(line_of(&lines, "factors[0].help"), Some(4));
        assert_eq!(line_of(&lines, "title"), Some(1));
    }

    #[test]
    fn malformed_text_ends_the_scan_without_hanging() {
        for text in ["[1,,", "{\"a\" 1", "[", "{", "\"open", "[}]"] {
            value_lines(text);
        }
    }
}
