//! Characters a reader cannot see, which text copied from chats, web pages
//! and word processors often carries along.

/// Whitespace, and the characters that take no room or show as blank:
/// zero-width spaces and joiners, direction marks and embeddings, soft
/// hyphens, word joiners, variation selectors, byte-order marks and the
/// Hangul fillers.
pub fn is_invisible(character: char) -> bool {
    character.is_whitespace()
        || matches!(
            character,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
        )
}

/// True when `text` shows nothing at all.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(is_invisible)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_of_only_invisible_characters_is_blank() {
        assert!(is_blank(""));
        assert!(is_blank(
            " \u{200B}\u{FEFF}\u{00A0}\u{202E}\t\u{3164}\u{FE0F}"
        ));
        assert!(!is_blank("\u{200B}Mestring"));
        assert!(!is_blank("-"));
    }
}
