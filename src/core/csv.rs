//! CSV that Norwegian Excel opens correctly: UTF-8 with a byte-order mark,
//! semicolons between fields (the comma is the decimal separator), CRLF line
//! ends, and quotes only where a field needs them.

fn field(text: &str) -> String {
    // Excel runs a text cell that starts with = + - @ (or a tab or CR) as a
    // formula: "- mer tid til pauser" would show #NAME?, and
    // "=HYPERLINK(..)" a live link. A leading apostrophe keeps it text.
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(text) {
        return field(&format!("'{text}"));
    }
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A number as the exports write them, like "-0,3" or "+2": Excel's to read
/// as one. (Checked by hand: `str::parse::<f64>` would add 15 KB to the wasm.)
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = unsigned.split_once([',', '.']).unwrap_or((unsigned, "0"));
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
    digits(whole) && digits(fraction)
}

/// The rows as one CSV text, the first row being the header.
pub fn table<R, C>(rows: R) -> String
where
    R: IntoIterator<Item = C>,
    C: IntoIterator,
    C::Item: AsRef<str>,
{
    let mut out = String::from("\u{feff}");
    for row in rows {
        let cells: Vec<String> = row.into_iter().map(|cell| field(cell.as_ref())).collect();
        out += &cells.join(";");
        out += "\r\n";
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_fields_that_need_it() {
        let text = table([vec!["a;b", "say \"hi\"", "3,5"]]);
        assert_eq!(text, "\u{feff}\"a;b\";\"say \"\"hi\"\"\";3,5\r\n");
    }

    #[test]
    fn text_that_excel_would_run_as_a_formula_stays_text() {
        let cells = [
            "=HYPERLINK(\"x\")",
            "- mer tid",
            "+47 møte",
            "@leder",
            "-inf",
        ];
        assert_eq!(
            table([cells]),
            "\u{feff}\"'=HYPERLINK(\"\"x\"\")\";'- mer tid;'+47 møte;'@leder;'-inf\r\n"
        );
        // Numbers, with a decimal comma too, stay numbers.
        assert_eq!(
            table([["-1,5", "-2", "+3.25"]]),
            "\u{feff}-1,5;-2;+3.25\r\n"
        );
    }
}
