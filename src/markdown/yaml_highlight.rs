//! Line-by-line YAML highlighting for code blocks: keys, values, comments and
//! document markers. It follows block scalars (`|`, `>`) so their text is never
//! mistaken for keys.

use super::layout::{Role, Segment, TextStyle};

/// Highlights a whole YAML snippet, one segment list per line.
pub(crate) fn highlight(code: &str) -> Vec<Vec<Segment>> {
    let mut block_scalar_indent: Option<usize> = None;
    code.split('\n')
        .map(|line| {
            let indent = line.len() - line.trim_start_matches(' ').len();
            if let Some(parent) = block_scalar_indent {
                if line.trim().is_empty() || indent > parent {
                    return vec![segment(line, Role::YamlValue)];
                }
                block_scalar_indent = None;
            }
            let (segments, opens_block_scalar) = highlight_line(line);
            if opens_block_scalar {
                block_scalar_indent = Some(indent);
            }
            segments
        })
        .collect()
}

fn segment(text: &str, role: Role) -> Segment {
    Segment {
        text: text.to_string(),
        style: TextStyle::plain(role),
    }
}

/// Highlights one line; also says whether it opens a block scalar.
fn highlight_line(line: &str) -> (Vec<Segment>, bool) {
    let trimmed = line.trim_end();
    if trimmed == "---" || trimmed == "..." || trimmed.starts_with("--- ") {
        return (vec![segment(line, Role::YamlMarker)], false);
    }
    let (code, comment) = split_comment(line);
    let mut out = Vec::new();
    let body_start = code.len() - code.trim_start_matches([' ', '-']).len();
    let (indent, rest) = code.split_at(body_start);
    if !indent.is_empty() {
        out.push(segment(indent, Role::YamlPunct));
    }
    let mut value = rest;
    if let Some(colon) = key_colon(rest) {
        out.push(segment(&rest[..colon], Role::YamlKey));
        out.push(segment(":", Role::YamlPunct));
        value = &rest[colon + 1..];
    }
    if !value.is_empty() {
        out.push(segment(value, Role::YamlValue));
    }
    if !comment.is_empty() {
        out.push(segment(comment, Role::YamlComment));
    }
    let scalar = value.trim();
    let opens = scalar.starts_with(['|', '>'])
        && scalar[1..]
            .chars()
            .all(|c| matches!(c, '-' | '+' | '0'..='9'));
    (out, opens)
}

/// Splits off a `#` comment that starts the line or follows whitespace,
/// outside quotes.
fn split_comment(line: &str) -> (&str, &str) {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (offset, c) in line.char_indices() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if previous.is_whitespace() => return line.split_at(offset),
            _ => {}
        }
        previous = c;
    }
    (line, "")
}

/// The offset of the colon that ends a mapping key (`key:` followed by a space
/// or the end of the line), outside quotes and flow collections.
fn key_colon(text: &str) -> Option<usize> {
    if text.starts_with(['{', '[', '|', '>']) {
        return None;
    }
    let mut quote: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        match (quote, c) {
            (None, '\'' | '"') if offset == 0 => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ':') => match chars.peek() {
                None => return Some(offset),
                Some((_, next)) if next.is_whitespace() => return Some(offset),
                _ => {}
            },
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(code: &str) -> Vec<Vec<(String, Role)>> {
        highlight(code)
            .into_iter()
            .map(|line| line.into_iter().map(|s| (s.text, s.style.role)).collect())
            .collect()
    }

    #[test]
    fn keys_values_comments_and_markers() {
        let lines = roles("---\napiVersion: v1 # core\n  - name: app\nimage: \"a:b\"\n# note");
        assert_eq!(lines[0], [("---".into(), Role::YamlMarker)]);
        assert_eq!(
            lines[1],
            [
                ("apiVersion".into(), Role::YamlKey),
                (":".into(), Role::YamlPunct),
                (" v1 ".into(), Role::YamlValue),
                ("# core".into(), Role::YamlComment)
            ]
        );
        assert_eq!(lines[2][0], ("  - ".into(), Role::YamlPunct));
        assert_eq!(lines[2][1], ("name".into(), Role::YamlKey));
        assert_eq!(lines[3][2], (" \"a:b\"".into(), Role::YamlValue));
        assert_eq!(lines[4], [("# note".into(), Role::YamlComment)]);
    }

    #[test]
    fn block_scalars_are_values() {
        let lines = roles("script: |\n  echo a: b\n  # not a comment\nnext: 1");
        assert_eq!(lines[1], [("  echo a: b".into(), Role::YamlValue)]);
        assert_eq!(lines[2], [("  # not a comment".into(), Role::YamlValue)]);
        assert_eq!(lines[3][0], ("next".into(), Role::YamlKey));
    }

    #[test]
    fn urls_are_not_keys() {
        let lines = roles("- https://kubernetes.io");
        assert_eq!(
            lines[0][1],
            ("https://kubernetes.io".into(), Role::YamlValue)
        );
    }
}
