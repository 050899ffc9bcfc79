//! Drawing laid-out text into a buffer, with search matches highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::i18n::Msg;
use crate::markdown::{
    Block, Document, Inline, InlineStyle, Segment, StyledLine, display_width, layout, truncate,
};
use crate::tui::app::App;
use crate::tui::overlays::key_hints;
use crate::tui::screens::reader::find_in_line;
use crate::tui::theme::Theme;

/// Draws `lines` from the top of `area`, one per row, clipped to the area.
pub(crate) fn draw_lines(
    buf: &mut Buffer,
    area: Rect,
    lines: &[StyledLine],
    theme: Theme,
    query: &str,
) {
    for (row, line) in lines.iter().take(usize::from(area.height)).enumerate() {
        let spans = styled_spans(&line.segments, theme, query);
        buf.set_line(area.x, area.y + row as u16, &Line::from(spans), area.width);
    }
}

fn styled_spans<'a>(segments: &'a [Segment], theme: Theme, query: &str) -> Vec<Span<'a>> {
    let plain: String = segments.iter().map(|s| s.text.as_str()).collect();
    let matches = find_in_line(&plain, query);
    if matches.is_empty() {
        return segments
            .iter()
            .map(|s| Span::styled(s.text.as_str(), theme.text(s.style)))
            .collect();
    }
    let highlighted = |index: usize| {
        matches
            .iter()
            .any(|&(start, len)| index >= start && index < start + len)
    };
    let mut spans = Vec::new();
    let mut index = 0;
    for segment in segments {
        let base = theme.text(segment.style);
        let mut run = String::new();
        let mut run_style: Option<Style> = None;
        for c in segment.text.chars() {
            let style = if highlighted(index) {
                base.patch(theme.search_match())
            } else {
                base
            };
            if run_style.is_some_and(|s| s != style) {
                spans.push(Span::styled(
                    std::mem::take(&mut run),
                    run_style.unwrap_or(base),
                ));
            }
            run_style = Some(style);
            run.push(c);
            index += 1;
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, run_style.unwrap_or(base)));
        }
    }
    spans
}

/// Wraps interface text (already free of control characters) to `width`.
pub(crate) fn wrap_plain(text: &str, width: usize) -> Vec<StyledLine> {
    let document = Document {
        blocks: vec![Block::Paragraph(vec![Inline {
            text: crate::markdown::sanitize(text),
            style: InlineStyle::default(),
        }])],
    };
    layout(&document, width).lines
}

/// A bulleted list of texts wrapped to `width`.
pub(crate) fn bullet_list(items: &[String], width: usize) -> Vec<StyledLine> {
    let document = Document {
        blocks: vec![Block::List {
            start: None,
            items: items
                .iter()
                .map(|item| {
                    vec![Block::Paragraph(vec![Inline {
                        text: crate::markdown::sanitize(item),
                        style: InlineStyle::default(),
                    }])]
                })
                .collect(),
        }],
    };
    layout(&document, width).lines
}

/// `text` cut or padded to exactly `width` columns; cut text ends with "…".
pub(crate) fn fit(text: &str, width: usize) -> String {
    let used = display_width(text);
    if used <= width {
        return format!("{text}{}", " ".repeat(width - used));
    }
    let kept = truncate(text, width.saturating_sub(1));
    let cut = if width > 0 { "…" } else { "" };
    let padding = width.saturating_sub(display_width(kept) + cut.len().min(1));
    format!("{kept}{cut}{}", " ".repeat(padding))
}

/// Draws a one-row bar with text on the left and on the right; the right
/// text keeps its place and the left one is cut first.
pub(crate) fn bar(buf: &mut Buffer, area: Rect, left: &str, right: &str, style: Style) {
    let width = usize::from(area.width);
    let right_width = display_width(right).min(width / 2);
    let gap = usize::from(right_width > 0);
    let left_width = width.saturating_sub(right_width + gap);
    let text = format!(
        "{}{}{}",
        fit(left, left_width),
        " ".repeat(gap),
        fit(right, right_width)
    );
    buf.set_stringn(area.x, area.y, text, width, style);
}

/// The bottom line of a screen: a message when there is one, else a
/// progress save that failed, else saves waiting for a busy database, else
/// the key hints of the current context.
pub(crate) fn status_line(buf: &mut Buffer, area: Rect, app: &App) {
    let width = usize::from(area.width);
    let (status, style) = match (&app.message, app.progress_problem()) {
        (Some(message), _) => (format!(" {message}"), app.theme.status_bar()),
        (None, Some(problem)) => (
            format!(" {}: {problem}", Msg::ProgressNotSaved.text(app.lang)),
            app.theme.note(),
        ),
        (None, None) if app.saving.busy => (
            format!(
                " {}",
                Msg::Saving
                    .text(app.lang)
                    .replace("{n}", &app.saving.waiting.max(1).to_string())
            ),
            app.theme.note(),
        ),
        (None, None) => (
            key_hints(app.context(), app.lang, width),
            app.theme.status_bar(),
        ),
    };
    buf.set_stringn(
        area.x,
        area.y + area.height.saturating_sub(1),
        fit(
            &crate::markdown::sanitize(&status).replace('\n', " "),
            width,
        ),
        width,
        style,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_pads_and_cuts_by_display_width() {
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("日本語です", 6), "日本… ");
        assert_eq!(display_width(&fit("日本語です", 6)), 6);
    }
}
