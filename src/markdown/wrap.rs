//! Line breaking of styled text by display width.
//!
//! Break opportunities come from the Unicode line breaking algorithm
//! (unicode-linebreak), so Japanese text, which has no spaces, breaks between
//! characters but never before 。 or 、; widths come from unicode-width (a
//! Japanese character takes two columns); textwrap's first-fit algorithm places
//! the fragments on lines.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::layout::Segment;

/// The number of terminal columns `text` takes.
pub fn display_width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The widest run of `text` that cannot be broken (a word, or one CJK
/// character), and the widest single character: the least a column holding
/// `text` needs to avoid cutting words, and the least it needs at all.
pub(crate) fn unbreakable_widths(text: &str) -> (usize, usize) {
    let mut previous = 0;
    let mut widest_run = 0;
    for (position, _) in unicode_linebreak::linebreaks(text) {
        widest_run = widest_run.max(display_width(text[previous..position].trim_end()));
        previous = position;
    }
    let widest_char = text
        .chars()
        .filter_map(UnicodeWidthChar::width)
        .max()
        .unwrap_or(0);
    (widest_run, widest_char)
}

#[derive(Debug)]
struct Piece {
    start: usize,
    end: usize,
    width: usize,
    whitespace: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        self.whitespace as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Wraps a run of styled segments into lines of at most `width` columns. A
/// segment whose text is exactly "\n" forces a line break.
pub(crate) fn wrap(segments: &[Segment], width: usize) -> Vec<Vec<Segment>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for hard_line in segments.split(|segment| segment.text == "\n") {
        lines.extend(wrap_line(hard_line, width));
    }
    lines
}

fn wrap_line(segments: &[Segment], width: usize) -> Vec<Vec<Segment>> {
    let text: String = segments.iter().map(|s| s.text.as_str()).collect();
    if text.trim().is_empty() {
        return vec![Vec::new()];
    }
    let mut pieces = Vec::new();
    let mut previous = 0;
    for (position, _) in unicode_linebreak::linebreaks(&text) {
        push_pieces(&text, previous, position, width, &mut pieces);
        previous = position;
    }
    let starts: Vec<usize> = segments
        .iter()
        .scan(0, |offset, segment| {
            let start = *offset;
            *offset += segment.text.len();
            Some(start)
        })
        .collect();
    wrap_first_fit(&pieces, &[width as f64])
        .into_iter()
        .filter_map(|line| {
            let start = line.first()?.start;
            let end = line.last()?.end;
            Some(slice_segments(segments, &starts, start, end))
        })
        .collect()
}

/// Splits `text[start..end]` (one unbreakable word plus trailing spaces) into
/// pieces; a word wider than the line is cut between characters.
fn push_pieces(text: &str, start: usize, end: usize, width: usize, pieces: &mut Vec<Piece>) {
    let word = &text[start..end];
    let content = word.trim_end();
    let content_end = start + content.len();
    let whitespace = display_width(&word[content.len()..]);
    let content_width = display_width(content);
    if content_width <= width {
        pieces.push(Piece {
            start,
            end: content_end,
            width: content_width,
            whitespace,
        });
        return;
    }
    let mut chunk_start = start;
    let mut chunk_width = 0;
    for (offset, c) in content.char_indices() {
        let c_width = c.width().unwrap_or(0);
        if chunk_width + c_width > width && chunk_width > 0 {
            pieces.push(Piece {
                start: chunk_start,
                end: start + offset,
                width: chunk_width,
                whitespace: 0,
            });
            chunk_start = start + offset;
            chunk_width = 0;
        }
        chunk_width += c_width;
    }
    pieces.push(Piece {
        start: chunk_start,
        end: content_end,
        width: chunk_width,
        whitespace,
    });
}

/// The parts of `segments` (starting at byte offsets `starts` of their
/// concatenated text) that fall between byte offsets `start` and `end`.
fn slice_segments(
    segments: &[Segment],
    starts: &[usize],
    start: usize,
    end: usize,
) -> Vec<Segment> {
    let first = starts
        .partition_point(|&offset| offset <= start)
        .saturating_sub(1);
    let mut out = Vec::new();
    for (segment, &seg_start) in segments.iter().zip(starts).skip(first) {
        if seg_start >= end {
            break;
        }
        let seg_end = seg_start + segment.text.len();
        let from = start.max(seg_start);
        let to = end.min(seg_end);
        if from < to {
            out.push(Segment {
                text: segment.text[from - seg_start..to - seg_start].to_string(),
                style: segment.style,
            });
        }
    }
    out
}

/// Cuts segments into lines of at most `width` columns without looking for
/// break opportunities (code and other preformatted text).
pub(crate) fn hard_wrap(segments: Vec<Segment>, width: usize) -> Vec<Vec<Segment>> {
    let width = width.max(1);
    let mut lines = vec![Vec::new()];
    let mut used = 0;
    for segment in segments {
        let mut current = String::new();
        for c in segment.text.chars() {
            let c_width = c.width().unwrap_or(0);
            if used + c_width > width && used > 0 {
                if !current.is_empty() {
                    push_segment(&mut lines, std::mem::take(&mut current), segment.style);
                }
                lines.push(Vec::new());
                used = 0;
            }
            current.push(c);
            used += c_width;
        }
        if !current.is_empty() {
            push_segment(&mut lines, current, segment.style);
        }
    }
    lines
}

fn push_segment(lines: &mut [Vec<Segment>], text: String, style: super::layout::TextStyle) {
    if let Some(line) = lines.last_mut() {
        line.push(Segment { text, style });
    }
}

/// Cuts `text` to at most `width` columns.
pub fn truncate(text: &str, width: usize) -> &str {
    let mut used = 0;
    for (offset, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used > width {
            return &text[..offset];
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::layout::{Role, TextStyle};

    fn seg(text: &str) -> Segment {
        Segment {
            text: text.into(),
            style: TextStyle::plain(Role::Text),
        }
    }

    fn texts(lines: &[Vec<Segment>]) -> Vec<String> {
        lines
            .iter()
            .map(|line| line.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_words_at_the_width() {
        let lines = wrap(&[seg("the quick brown fox jumps")], 10);
        assert_eq!(texts(&lines), ["the quick", "brown fox", "jumps"]);
    }

    #[test]
    fn keeps_styles_across_breaks() {
        let bold = Segment {
            text: "bold words here".into(),
            style: TextStyle {
                bold: true,
                ..TextStyle::plain(Role::Text)
            },
        };
        let lines = wrap(&[seg("a "), bold, seg(" end")], 8);
        assert_eq!(texts(&lines), ["a bold", "words", "here end"]);
        assert!(lines[1][0].style.bold);
        assert!(!lines[2][1].style.bold);
    }

    #[test]
    fn japanese_breaks_between_characters_by_display_width() {
        let lines = wrap(&[seg("Podは最小のデプロイ単位です。")], 10);
        for line in texts(&lines) {
            assert!(display_width(&line) <= 10, "{line}");
        }
        assert_eq!(texts(&lines).concat(), "Podは最小のデプロイ単位です。");
        assert!(!texts(&lines).iter().any(|l| l.starts_with('。')));
    }

    #[test]
    fn unbreakable_runs_know_japanese() {
        assert_eq!(unbreakable_widths("Persistent Volume"), (10, 1));
        assert_eq!(
            unbreakable_widths("永続ボリューム"),
            (6, 2),
            "no break before ュ or ー"
        );
        assert_eq!(unbreakable_widths(""), (0, 0));
    }

    #[test]
    fn long_words_are_cut() {
        let lines = wrap(&[seg("supercalifragilistic")], 8);
        assert_eq!(texts(&lines), ["supercal", "ifragili", "stic"]);
    }

    #[test]
    fn newline_segments_force_breaks() {
        let lines = wrap(&[seg("a"), seg("\n"), seg("b")], 20);
        assert_eq!(texts(&lines), ["a", "b"]);
    }

    #[test]
    fn hard_wrap_respects_wide_characters() {
        let lines = hard_wrap(vec![seg("ab日本語")], 4);
        assert_eq!(texts(&lines), ["ab日", "本語"]);
        assert_eq!(truncate("ab日本語", 5), "ab日");
    }
}
