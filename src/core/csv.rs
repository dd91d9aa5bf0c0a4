//! CSV that Excel opens correctly by double-click: UTF-8 with a byte-order
//! mark, CRLF line ends, and quotes only where a field needs them. The
//! Norwegian texts have Norwegian numbers (a decimal comma), so their fields
//! are separated by semicolons, as Norwegian Excel expects; the English
//! texts have a decimal point, and commas between fields.

use crate::core::lang::Lang;

/// What separates the fields of a table in `lang`'s numbers.
fn separator(lang: Lang) -> char {
    match lang {
        Lang::En => ',',
        Lang::Nb | Lang::Nn => ';',
    }
}

fn field(text: &str, separator: char) -> String {
    // Excel runs a text cell that starts with = + - @ (or a tab or CR) as a
    // formula: "- mer tid til pauser" would show #NAME?, and
    // "=HYPERLINK(..)" a live link. A leading apostrophe keeps it text.
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(text) {
        return field(&format!("'{text}"), separator);
    }
    if text.contains([separator, '"', '\n', '\r']) {
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

/// The rows, written in `lang`, as one CSV text, the first row being the header.
pub fn table<R, C>(lang: Lang, rows: R) -> String
where
    R: IntoIterator<Item = C>,
    C: IntoIterator,
    C::Item: AsRef<str>,
{
    let separator = separator(lang);
    let mut out = String::from("\u{feff}");
    for row in rows {
        let cells: Vec<String> = row
            .into_iter()
            .map(|cell| field(cell.as_ref(), separator))
            .collect();
        out += &cells.join(&separator.to_string());
        out += "\r\n";
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_fields_that_need_it() {
        let text = table(Lang::Nb, [vec!["a;b", "say \"hi\"", "3,5", "a, b"]]);
        assert_eq!(text, "\u{feff}\"a;b\";\"say \"\"hi\"\"\";3,5;a, b\r\n");
    }

    #[test]
    fn english_numbers_have_a_point_so_commas_separate_the_fields() {
        let text = table(Lang::En, [vec!["a;b", "3.25", "a, b"]]);
        assert_eq!(text, "\u{feff}a;b,3.25,\"a, b\"\r\n");
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
            table(Lang::Nb, [cells]),
            "\u{feff}\"'=HYPERLINK(\"\"x\"\")\";'- mer tid;'+47 møte;'@leder;'-inf\r\n"
        );
        // Numbers, with a decimal comma too, stay numbers.
        assert_eq!(
            table(Lang::Nb, [["-1,5", "-2", "+3.25"]]),
            "\u{feff}-1,5;-2;+3.25\r\n"
        );
    }
}
