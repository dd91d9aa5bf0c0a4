//! JSON text without its layout. Kept free of dependencies: `build.rs`
//! includes this file too, to embed the data files without their layout.

/// The text's bytes without whitespace outside strings: the same for any
/// layout. Bytes suffice: parsed JSON has only ASCII whitespace outside
/// strings, and no byte of a multi-byte character is ASCII.
pub fn without_layout(json: &str) -> impl Iterator<Item = u8> + '_ {
    let (mut in_string, mut escaped) = (false, false);
    json.bytes().filter(move |&byte| {
        if in_string {
            in_string = escaped || byte != b'"';
            escaped = !escaped && byte == b'\\';
        } else if byte == b'"' {
            in_string = true;
        } else if byte.is_ascii_whitespace() {
            return false;
        }
        true
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_goes_but_spaces_inside_strings_stay() {
        let reflowed = "{ \"a b\" : [ 1 ,\n 2 ], \"c\": \"d \\\" e\" }";
        assert_eq!(
            String::from_utf8(without_layout(reflowed).collect()).unwrap(),
            "{\"a b\":[1,2],\"c\":\"d \\\" e\"}"
        );
    }
}
