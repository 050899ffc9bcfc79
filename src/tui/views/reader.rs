//! The lesson reader: title, the laid-out lesson, and a status line that shows
//! key hints, the search being typed, or the search result.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use super::course_map::row;
use super::overlays::key_hints;
use super::text::{bar, draw_lines, fit, status_line};
use crate::i18n::Msg;
use crate::markdown::display_width;
use crate::tui::app::{App, ReaderState, reader_viewport};
use crate::tui::search::SearchStatus;

pub(super) struct ReaderView<'a> {
    pub app: &'a App,
    pub reader: &'a ReaderState,
}

impl Widget for &ReaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, reader) = (self.app, self.reader);
        if let Some(presenting) = reader.presenting {
            present(app, reader, presenting, area, buf);
            return;
        }
        let (lang, theme) = (app.lang, app.theme);
        let width = usize::from(area.width);
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
            SearchStatus::Idle if app.message.is_some() || app.progress_problem().is_some() => {
                status_line(buf, area, app);
                return;
            }
            SearchStatus::Idle => key_hints(app.context(), lang, width),
        };
        buf.set_stringn(
            area.x,
            area.y + area.height.saturating_sub(1),
            fit(&status, width),
            width,
            theme.status_bar(),
        );
    }
}

/// Presentation mode: the current `##` section alone, spaced out, for a
/// projector.
fn present(
    app: &App,
    reader: &ReaderState,
    presenting: crate::tui::app::Presenting,
    area: Rect,
    buf: &mut Buffer,
) {
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
