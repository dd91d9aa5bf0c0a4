//! CSV that Norwegian Excel opens correctly: UTF-8 with a byte-order mark,
//! semicolons between fields (the comma is the decimal separator), CRLF line
//! ends, and quotes only where a field needs them.

fn field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
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
}
