//! The pop-ups drawn over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::{Confirm, Overlay, detail_page, help_rows};
use crate::i18n::Msg;
use crate::markdown::display_width;
use crate::tui::app::App;
use crate::tui::layout::{centred, detail_popup, detail_text_area};
use crate::tui::screens::Screen;
use crate::tui::widgets::draw_page::draw_page;
use crate::tui::widgets::text::{draw_lines, fit, wrap_plain};

/// Draws the pop-up over the screen.
pub(crate) fn render(overlay: &Overlay, area: Rect, buf: &mut Buffer, app: &App) {
    match overlay {
        Overlay::Help { scroll } => help(*scroll, area, buf, app),
        Overlay::Toc { selected, .. } => {
            if let Screen::Reader(reader) = &app.screen {
                toc(&reader.layout.headings, *selected, area, buf, app);
            }
        }
        Overlay::Confirm(question) => confirm(*question, area, buf, app),
        Overlay::Detail {
            title,
            text,
            yaml,
            scroll,
        } => detail(title, text, *yaml, *scroll, area, buf, app),
    }
}

/// Clears `popup`, draws its frame and returns the inside.
fn frame(popup: Rect, title: &str, app: &App, buf: &mut Buffer) -> Rect {
    // A wide character cut by the pop-up's edge would hide the border: blank
    // the character left of the edge and the second half right of it.
    for y in popup.top()..popup.bottom() {
        if let Some(x) = popup.x.checked_sub(1)
            && let Some(cell) = buf.cell_mut((x, y))
            && unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
        if let Some(cell) = buf.cell_mut((popup.right(), y))
            && cell.symbol().is_empty()
        {
            cell.set_symbol(" ");
        }
    }
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.popup_border())
        .title(format!(" {title} "));
    let inner = block.inner(popup);
    block.render(popup, buf);
    inner
}

/// The keys of the screen below.
fn help(scroll: usize, area: Rect, buf: &mut Buffer, app: &App) {
    let lang = app.lang;
    let rows = help_rows(app.screen_context(), lang);
    let label_width = rows
        .iter()
        .map(|(k, _)| display_width(k))
        .max()
        .unwrap_or(0);
    let text_width = rows
        .iter()
        .map(|(_, t)| display_width(t))
        .max()
        .unwrap_or(0);
    let close = Msg::KeyHelpClose.text(lang);
    let wanted = (label_width + 2 + text_width).max(display_width(close)) + 4;
    let popup = centred(area, wanted as u16, rows.len() as u16 + 3);
    let inner = frame(popup, Msg::HelpTitle.text(lang), app, buf);
    let width = usize::from(inner.width);
    let room = usize::from(inner.height.saturating_sub(1));
    let scroll = scroll.min(rows.len().saturating_sub(room));
    for (index, (label, text)) in rows.iter().skip(scroll).enumerate().take(room) {
        let line = format!(" {} {}", fit(label, label_width + 1), text);
        buf.set_stringn(
            inner.x,
            inner.y + index as u16,
            fit(&line, width),
            width,
            Style::new(),
        );
    }
    if inner.height > 0 {
        buf.set_stringn(
            inner.x,
            inner.y + inner.height - 1,
            fit(&format!(" {close}"), width),
            width,
            app.theme.dim(),
        );
    }
}

/// The contents of the lesson below.
fn toc(
    headings: &[crate::markdown::HeadingEntry],
    selected: usize,
    area: Rect,
    buf: &mut Buffer,
    app: &App,
) {
    let entries: Vec<String> = headings
        .iter()
        .map(|h| {
            format!(
                "{}{}",
                "  ".repeat(usize::from(h.level.saturating_sub(2))),
                h.title
            )
        })
        .collect();
    let widest = entries.iter().map(|e| display_width(e)).max().unwrap_or(0);
    let empty = Msg::TocEmpty.text(app.lang);
    let wanted_width = widest.max(display_width(empty)) + 4;
    let popup = centred(
        area,
        (wanted_width as u16)
            .min(area.width.saturating_sub(4))
            .max(20),
        (entries.len().max(1) as u16 + 2).min(area.height.saturating_sub(2)),
    );
    let inner = frame(popup, Msg::TocTitle.text(app.lang), app, buf);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height).max(1);
    if entries.is_empty() {
        buf.set_stringn(
            inner.x,
            inner.y,
            fit(&format!(" {empty}"), width),
            width,
            app.theme.dim(),
        );
        return;
    }
    let offset = selected.saturating_sub(rows - 1);
    for (index, entry) in entries.iter().enumerate().skip(offset).take(rows) {
        let style = if index == selected {
            app.theme.selected()
        } else {
            Style::new()
        };
        buf.set_stringn(
            inner.x,
            inner.y + (index - offset) as u16,
            fit(&format!(" {entry}"), width),
            width,
            style,
        );
    }
}

/// A yes/no question.
fn confirm(question: Confirm, area: Rect, buf: &mut Buffer, app: &App) {
    let lang = app.lang;
    let question = match question {
        Confirm::ShowSolution => Msg::ConfirmSolution,
        Confirm::ResetFile => Msg::ConfirmReset,
        Confirm::LeaveExam => Msg::ConfirmLeaveExam,
        Confirm::DiscardExam => Msg::ConfirmDiscardExam,
    };
    let answer = format!(
        "y {} · n {}",
        Msg::ActionYes.text(lang),
        Msg::ActionNo.text(lang)
    );
    let width = area.width.saturating_sub(4).min(50);
    let lines = wrap_plain(question.text(lang), usize::from(width.saturating_sub(4)));
    let popup = centred(area, width, lines.len() as u16 + 4);
    let inner = frame(popup, "?", app, buf);
    let text = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    draw_lines(buf, text, &lines, app.theme, "");
    if inner.height > 0 {
        buf.set_stringn(
            text.x,
            inner.y + inner.height - 1,
            fit(&answer, usize::from(text.width)),
            usize::from(text.width),
            app.theme.header(),
        );
    }
}

/// A text to read.
fn detail(
    title: &str,
    text: &str,
    yaml: bool,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    app: &App,
) {
    frame(detail_popup(area), title, app, buf);
    let inside = detail_text_area(area);
    let page = detail_page(text, yaml, usize::from(inside.width));
    draw_page(buf, inside, &page, scroll, app.theme);
}
