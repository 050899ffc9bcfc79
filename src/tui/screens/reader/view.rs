//! The lesson reader drawn: title, the laid-out lesson with a scrollbar, and
//! a status line that shows key hints, the search being typed, or its
//! result; presentation mode shows one section at a time.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

use super::{Presenting, ReaderState, SearchStatus};
use crate::i18n::Msg;
use crate::markdown::display_width;
use crate::tui::app::App;
use crate::tui::layout::{reader_viewport, row};
use crate::tui::overlays::key_hints;
use crate::tui::widgets::text::{bar, draw_lines, fit, status_line};

/// Draws the reader.
pub(super) fn render(reader: &ReaderState, area: Rect, buf: &mut Buffer, app: &App) {
    if let Some(presenting) = reader.presenting {
        present(app, reader, presenting, area, buf);
        return;
    }
    let (lang, theme) = (app.lang, app.theme);
    let (_, viewport) = reader_viewport((area.width, area.height), reader.fallback);
    let total = reader.layout.lines.len();
    let seen = (reader.scroll + viewport).min(total);
    let percent = (seen * 100).checked_div(total).unwrap_or(100);
    bar(
        buf,
        row(area, 0),
        &format!(" {}", reader.title),
        &format!("{percent}% "),
        theme.title_bar(),
    );
    let mut top = 1;
    if reader.fallback {
        bar(
            buf,
            row(area, 1),
            &format!(" {}", Msg::FallbackNote.text(lang)),
            "",
            theme.note(),
        );
        top += 1;
    }
    let body = Rect {
        x: area.x + 1,
        y: area.y + top,
        width: area.width.saturating_sub(2),
        height: viewport as u16,
    };
    let visible = reader.layout.lines.get(reader.scroll..).unwrap_or_default();
    draw_lines(buf, body, visible, theme, reader.search.query());
    if total > viewport {
        let track = Rect {
            x: area.x + area.width.saturating_sub(1),
            width: 1,
            ..body
        };
        let mut position = ScrollbarState::new(total.saturating_sub(viewport))
            .position(reader.scroll)
            .viewport_content_length(viewport);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .track_style(theme.dim())
            .thumb_symbol("┃")
            .render(track, buf, &mut position);
    }
    search_status(reader, area, buf, app);
}

/// The status line: the search as it is typed or its result, else the
/// usual status line.
fn search_status(reader: &ReaderState, area: Rect, buf: &mut Buffer, app: &App) {
    let lang = app.lang;
    let width = usize::from(area.width);
    let status = match reader.search.status() {
        SearchStatus::Typing(input) => format!("{}{input}▏", Msg::SearchPrompt.text(lang)),
        SearchStatus::NoMatch(query) => format!("{} “{query}”", Msg::SearchNoMatch.text(lang)),
        SearchStatus::Match { index, total } => {
            let found = format!(
                "{index}/{total} {} “{}”",
                Msg::SearchMatch.text(lang),
                reader.search.query()
            );
            let room = width.saturating_sub(display_width(&found) + 3);
            format!("{found} · {}", key_hints(app.context(), lang, room))
        }
        SearchStatus::Idle => {
            status_line(buf, area, app);
            return;
        }
    };
    buf.set_stringn(
        area.x,
        area.y + area.height.saturating_sub(1),
        fit(&status, width),
        width,
        app.theme.status_bar(),
    );
}

/// Presentation mode: the current `##` section alone, spaced out, for a
/// projector.
fn present(app: &App, reader: &ReaderState, presenting: Presenting, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, app.theme);
    let sections = reader.layout.sections();
    let position = format!(
        "{} {}/{} ",
        Msg::PresentSection.text(lang),
        presenting.section + 1,
        sections.len()
    );
    bar(
        buf,
        row(area, 0),
        &format!(" {}", reader.title),
        &position,
        theme.title_bar(),
    );
    let spaced = reader.presentation_lines(presenting.section);
    // The same text area as reading, so the lines fit as laid out.
    let (_, rows) = reader_viewport((area.width, area.height), false);
    let body = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: rows as u16,
    };
    let visible = spaced.get(presenting.scroll..).unwrap_or_default();
    draw_lines(buf, body, visible, theme, "");
    let width = usize::from(area.width);
    buf.set_stringn(
        area.x,
        area.y + area.height.saturating_sub(1),
        fit(&key_hints(app.context(), lang, width), width),
        width,
        theme.status_bar(),
    );
}
