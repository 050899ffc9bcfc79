//! Keeps control characters and escape sequences out of anything drawn.

/// Replaces tabs with spaces and drops every other control character, so text
/// from a pack can never move the cursor, change the title or write the
/// clipboard of the learner's terminal. Newlines are kept for callers that split
/// lines themselves.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str("    "),
            '\n' => out.push('\n'),
            c if c.is_control() => {}
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
    }

    #[test]
    fn expands_tabs() {
        assert_eq!(sanitize("a\tb"), "a    b");
    }
}
