//! Source code laid out for a pane with line numbers: every source line
//! keeps its own number, a wrapped line's continuation has an empty gutter
//! (so the numbers a finding names are the numbers on screen), and a long
//! line breaks after a space where it has one.

use unicode_width::UnicodeWidthChar;

use super::layout::{Role, Segment, StyledLine, TextStyle};
use super::yaml_highlight;

/// YAML `text` highlighted and numbered for a pane `width` columns wide.
pub fn numbered_yaml(text: &str, width: usize) -> Vec<StyledLine> {
    let mut lines = yaml_highlight::highlight(text);
    if text.ends_with('\n') {
        lines.pop();
    }
    let number_width = lines.len().max(1).to_string().len();
    let room = width.saturating_sub(number_width + 3).max(1);
    let mut out = Vec::new();
    for (index, line) in lines.into_iter().enumerate() {
        for (part, segments) in soft_wrap(line, room).into_iter().enumerate() {
            let number = if part == 0 {
                format!("{:>number_width$} │ ", index + 1)
            } else {
                format!("{:>number_width$} │ ", "")
            };
            let mut all = vec![Segment {
                text: number,
                style: TextStyle::plain(Role::Marker),
            }];
            all.extend(segments);
            out.push(StyledLine { segments: all });
        }
    }
    out
}

/// Cuts a line into pieces of at most `width` columns, breaking after the
/// last space of a piece (not within the leading indentation) when there is
/// one, else at the width.
fn soft_wrap(segments: Vec<Segment>, width: usize) -> Vec<Vec<Segment>> {
    let width = width.max(1);
    let chars: Vec<(char, TextStyle)> = segments
        .iter()
        .flat_map(|s| s.text.chars().map(move |c| (c, s.style)))
        .collect();
    let indent = chars.iter().take_while(|(c, _)| *c == ' ').count();
    let mut pieces: Vec<Vec<(char, TextStyle)>> = vec![Vec::new()];
    let mut used = 0;
    for (c, style) in &chars {
        let c_width = c.width().unwrap_or(0);
        let Some(current) = pieces.last_mut() else {
            break;
        };
        if used + c_width > width && !current.is_empty() {
            let first_piece = pieces.len() == 1;
            let floor = if first_piece { indent + 1 } else { 1 };
            let current = pieces.last_mut().map(std::mem::take).unwrap_or_default();
            let split = current
                .iter()
                .rposition(|(c, _)| *c == ' ')
                .filter(|at| *at + 1 >= floor && *at + 1 < current.len());
            let (head, tail) = match split {
                Some(at) => (current[..=at].to_vec(), current[at + 1..].to_vec()),
                None => (current, Vec::new()),
            };
            if let Some(last) = pieces.last_mut() {
                *last = head;
            }
            used = tail.iter().map(|(c, _)| c.width().unwrap_or(0)).sum();
            pieces.push(tail);
        }
        if let Some(current) = pieces.last_mut() {
            current.push((*c, *style));
        }
        used += c_width;
    }
    pieces.into_iter().map(join).collect()
}

/// Characters back into segments of one style each.
fn join(piece: Vec<(char, TextStyle)>) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    for (c, style) in piece {
        match segments.last_mut() {
            Some(last) if last.style == style => last.text.push(c),
            _ => segments.push(Segment {
                text: c.to_string(),
                style,
            }),
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[StyledLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.segments.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_wrapped_line_keeps_later_numbers_right() {
        let yaml = "a: 1\ncommand: [\"sh\", \"-c\", \"echo one two three\"]\nb: 2\n";
        let lines = texts(&numbered_yaml(yaml, 24));
        assert_eq!(lines[0], "1 │ a: 1");
        assert!(lines[1].starts_with("2 │ command: "), "{lines:?}");
        let continuation = lines.iter().position(|l| l.starts_with("  │ ")).unwrap();
        assert_eq!(continuation, 2, "{lines:?}");
        assert_eq!(lines.last().unwrap(), "3 │ b: 2");
        assert_eq!(lines.iter().filter(|l| !l.starts_with("  │")).count(), 3);
    }

    #[test]
    fn long_lines_break_after_a_space() {
        let lines = texts(&numbered_yaml("key: alpha beta gamma delta\n", 18));
        assert_eq!(lines, ["1 │ key: alpha ", "  │ beta gamma ", "  │ delta"]);
        let unbroken = texts(&numbered_yaml("key: abcdefghijklmnop\n", 12));
        assert_eq!(unbroken[0], "1 │ key: ", "{unbroken:?}");
        // Indentation wider than the pane is never split into.
        let indented = texts(&numbered_yaml("        abcdefghijkl\n", 12));
        assert_eq!(indented, ["1 │         ", "  │ abcdefgh", "  │ ijkl"]);
    }
}
