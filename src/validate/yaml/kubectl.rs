//! YAML that kubectl reads although YAML 1.2 does not: kubectl parses with
//! go-yaml v2 (through sigs.k8s.io/yaml), whose libyaml-derived scanner
//! accepts two constructs the Kubernetes docs' own examples use.
//!
//! - `\'` inside a double-quoted scalar: libyaml's escape table has `'`.
//! - A multi-line flow collection whose closing `]` or `}` stands at (or
//!   left of) the column of the key that holds it: go-yaml v2 does not check
//!   the indentation of flow content.
//!
//! The strict parser runs first; only when it stops on one of these is the
//! text rewritten — with the same positions for everything that becomes a
//! node — and parsed again, so valid YAML costs nothing extra.

use super::{YamlError, YamlErrorKind};
use crate::validate::finding::Pos;

/// The escape YAML 1.2 lacks.
const QUOTE_ESCAPE: &str = "\\'";

/// Same-length escapes YAML 1.2 has, and the character each reads as: one
/// that the scalar does not use stands in for `\'`, and the parsed scalar
/// gets `'` back in its place.
const STAND_INS: [(&str, char); 5] = [
    ("\\a", '\u{7}'),
    ("\\e", '\u{1b}'),
    ("\\0", '\0'),
    ("\\L", '\u{2028}'),
    ("\\P", '\u{2029}'),
];

/// How many rewrites one input may need before the error is taken as real.
pub(super) const MAX_REWRITES: usize = 64;

/// A rewrite of the text and, for a rewritten quoted scalar, where it starts
/// and the character that stands in for `'` in it.
pub(super) struct Rewrite {
    pub text: String,
    pub quoted_scalar: Option<(Pos, char)>,
}

/// The rewrite that gets the strict parser past `error`, when go-yaml v2
/// would have read the text.
pub(super) fn rewrite(text: &str, error: &YamlError) -> Option<Rewrite> {
    let YamlErrorKind::Syntax(reason) = &error.kind else {
        return None;
    };
    if reason.contains("unknown escape character") {
        return quote_escapes(text, error.pos);
    }
    if reason.contains("invalid indentation") {
        return closing_bracket(text, error.pos.line);
    }
    None
}

/// Replaces `\'` in the double-quoted scalar opening at `start`.
fn quote_escapes(text: &str, start: Pos) -> Option<Rewrite> {
    let begin = offset_of(text, start)?;
    if !text[begin..].starts_with('"') {
        return None;
    }
    let end = closing_quote(text, begin)?;
    let scalar = &text[begin..end];
    if !scalar.contains(QUOTE_ESCAPE) {
        return None;
    }
    let (escape, stand_in) = STAND_INS
        .into_iter()
        .find(|(escape, c)| !scalar.contains(escape) && !scalar.contains(*c))?;
    let mut rewritten = String::with_capacity(text.len());
    rewritten.push_str(&text[..begin]);
    rewritten.push_str(&replace_escapes(scalar, escape));
    rewritten.push_str(&text[end..]);
    Some(Rewrite {
        text: rewritten,
        quoted_scalar: Some((start, stand_in)),
    })
}

/// `\'` → the stand-in escape, leaving `\\'` (an escaped backslash before a
/// quote) alone.
fn replace_escapes(scalar: &str, stand_in: &str) -> String {
    let mut out = String::with_capacity(scalar.len());
    let mut chars = scalar.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\'') => out.push_str(stand_in),
            Some(next) => {
                out.push(c);
                out.push(next);
            }
            None => out.push(c),
        }
    }
    out
}

/// The byte offset just after the `"` that closes the scalar opening at `begin`.
fn closing_quote(text: &str, begin: usize) -> Option<usize> {
    let mut escaped = false;
    for (offset, c) in text[begin + 1..].char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(begin + 1 + offset + 1),
            _ => {}
        }
    }
    None
}

/// Indents a line that holds only the closing bracket of a flow collection
/// by two more spaces.
fn closing_bracket(text: &str, line: usize) -> Option<Rewrite> {
    let mut out = String::with_capacity(text.len() + 2);
    let mut found = false;
    for (index, row) in text.split_inclusive('\n').enumerate() {
        let content = row.trim_start_matches(' ');
        if index + 1 == line && (content.starts_with(']') || content.starts_with('}')) {
            let rest = content.trim_end();
            let closes_only = rest
                .trim_start_matches([']', '}', ','])
                .trim_start()
                .is_empty()
                || rest.contains('#');
            if !closes_only {
                return None;
            }
            out.push_str("  ");
            found = true;
        }
        out.push_str(row);
    }
    found.then_some(Rewrite {
        text: out,
        quoted_scalar: None,
    })
}

/// The byte offset of a 1-based line and character column.
fn offset_of(text: &str, pos: Pos) -> Option<usize> {
    let line_start = if pos.line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(pos.line - 2)?.0 + 1
    };
    let line = &text[line_start..];
    let column = line
        .char_indices()
        .nth(pos.column.saturating_sub(1))
        .map(|(offset, _)| offset)?;
    Some(line_start + column)
}

#[cfg(test)]
mod tests {
    use super::super::{Value, parse};

    #[test]
    fn a_quote_escape_reads_as_go_yaml_v2_reads_it() {
        let parsed = parse("a: \"say \\'hi\\' \\\\' \\a\"\nb: 1\n");
        assert!(parsed.error.is_none(), "{:?}", parsed.error);
        let root = &parsed.documents[0].root;
        assert_eq!(
            root.get("a").map(|n| n.value.clone()),
            Some(Value::Str("say 'hi' \\' \u{7}".into()))
        );
        assert_eq!(root.entries()[1].key_pos.line, 2);
    }

    #[test]
    fn a_flow_sequence_may_close_at_the_keys_column() {
        let text = "spec:\n  command: [\n    \"sh\", \"-c\",\n  ]\n  image: x\n";
        let parsed = parse(text);
        assert!(parsed.error.is_none(), "{:?}", parsed.error);
        let spec = parsed.documents[0].root.get("spec").unwrap();
        assert_eq!(spec.get("command").map(|c| c.items().len()), Some(2));
        assert_eq!(spec.entries()[1].key_pos.line, 5);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let parsed = parse("\u{feff}a: 1\n");
        assert!(parsed.error.is_none());
        assert_eq!(parsed.documents[0].root.entries()[0].key, "a");
    }

    #[test]
    fn other_errors_stay_errors() {
        assert!(parse("a: \"\\q\"\n").error.is_some());
        assert!(parse("a:\n  - b\n c: d\n").error.is_some());
    }
}
