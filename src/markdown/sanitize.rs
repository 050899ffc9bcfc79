//! Keeps control characters and escape sequences out of anything drawn.

/// Whether a character must never be drawn: control characters (escape
/// sequences, bells, C1 controls) and bidirectional overrides, which can make
/// text read differently from what it is. Newlines, carriage returns and tabs
/// are layout, not controls.
pub fn is_forbidden_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The first forbidden character of `text` and its byte offset. Scans bytes
/// and decodes only around the lead bytes a forbidden character can start
/// with, since whole packs are checked at every start.
pub fn find_forbidden_char(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(step) = bytes[from..]
        .iter()
        .position(|&b| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2)
    {
        let offset = from + step;
        // A lead byte starts a character, so `offset` is a char boundary.
        if let Some(c) = text[offset..]
            .chars()
            .next()
            .filter(|&c| is_forbidden_char(c))
        {
            return Some((offset, c));
        }
        from = offset + 1;
    }
    None
}

/// Replaces tabs with spaces and drops every other unsafe character, so text
/// from a pack can never move the cursor, change the title or write the
/// clipboard of the learner's terminal. Newlines are kept for callers that split
/// lines themselves.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str("    "),
            '\n' => out.push('\n'),
            '\r' => {}
            c if is_forbidden_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn strips_escape_sequences_and_c1_controls() {
        let hostile = "a\u{1b}]52;c;aGk=\u{7}b\u{1b}[2Jc\u{9b}1Ad\r\n";
        assert_eq!(sanitize(hostile), "a]52;c;aGk=b[2Jc1Ad\n");
        assert_eq!(sanitize("x\u{202e}y\u{2066}z"), "xyz");
    }

    #[test]
    fn expands_tabs() {
        assert_eq!(sanitize("a\tb"), "a    b");
    }
}
