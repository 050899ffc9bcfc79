//! Pop-ups over a screen: the key help and the table of contents.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::text::fit;
use crate::i18n::{Lang, Msg};
use crate::markdown::display_width;
use crate::tui::action::Action;
use crate::tui::app::{App, Confirm, ReaderState};
use crate::tui::keymap::{Context, bindings};

/// The status-line summary of a context's keys: help and back first, then
/// the others in table order, as many whole hints as fit in `width` columns.
pub(crate) fn key_hints(context: Context, lang: Lang, width: usize) -> String {
    let mut hints: Vec<_> = bindings(context)
        .iter()
        .filter(|binding| !binding.label.is_empty())
        .collect();
    hints.sort_by_key(|binding| match binding.action {
        Action::ToggleHelp => 0,
        Action::Back => 1,
        Action::Open | Action::SearchSubmit => 2,
        _ => 3,
    });
    let mut line = String::new();
    for binding in hints {
        let hint = format!("{} {}", binding.label, binding.help.text(lang));
        let separator = if line.is_empty() { "" } else { " · " };
        if display_width(&line) + display_width(separator) + display_width(&hint) <= width {
            line.push_str(separator);
            line.push_str(&hint);
        }
    }
    line
}

/// A centred rectangle of at most `width`×`height` inside `area`.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
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

/// The rows of the key help for a screen: its bindings, the mouse, Ctrl-C.
pub(crate) fn help_rows(under: Context, lang: Lang) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = bindings(under)
        .iter()
        .filter(|b| !b.label.is_empty() && b.action != Action::ToggleHelp)
        .map(|b| (b.label.to_string(), b.help.text(lang).to_string()))
        .collect();
    let mouse = match under {
        Context::Reader | Context::QuizFeedback | Context::QuizSummary | Context::Exercise => {
            Msg::ActionWheel
        }
        _ => Msg::ActionClick,
    };
    rows.push((
        Msg::MouseLabel.text(lang).to_string(),
        mouse.text(lang).to_string(),
    ));
    rows.push(("Ctrl-C".to_string(), Msg::ActionQuit.text(lang).to_string()));
    rows
}

/// How far the help can scroll on a screen of `size`.
pub(crate) fn help_max_scroll(under: Context, lang: Lang, size: (u16, u16)) -> usize {
    let rows = help_rows(under, lang).len();
    let popup_height = (rows + 3).min(usize::from(size.1));
    let room = popup_height.saturating_sub(3);
    rows.saturating_sub(room)
}

/// The text area of the detail pop-up on a screen of `size`.
fn detail_text_area(area: Rect) -> Rect {
    let popup = centred(
        area,
        area.width.saturating_sub(4).min(90),
        area.height.saturating_sub(2),
    );
    let inner = Block::default().borders(Borders::ALL).inner(popup);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// The detail pop-up's text, laid out for `width`.
fn detail_page(text: &str, yaml: bool, width: usize) -> crate::tui::page::Page {
    let mut page = crate::tui::page::PageBuilder::new(width);
    if yaml {
        page.yaml(text);
    } else {
        for (index, paragraph) in text.split("\n\n").enumerate() {
            if index > 0 {
                page.blank();
            }
            page.text(paragraph, crate::markdown::Role::Text);
        }
    }
    page.finish()
}

/// How far the detail pop-up can scroll on a screen of `size`.
pub(crate) fn detail_max_scroll(text: &str, yaml: bool, size: (u16, u16)) -> usize {
    let area = detail_text_area(Rect::new(0, 0, size.0, size.1));
    let lines = detail_page(text, yaml, usize::from(area.width)).lines.len();
    lines.saturating_sub(usize::from(area.height))
}

pub(super) struct HelpView<'a> {
    pub app: &'a App,
    pub scroll: usize,
}

impl Widget for &HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
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
        let scroll = self.scroll.min(rows.len().saturating_sub(room));
        for (index, (label, text)) in rows.iter().skip(scroll).enumerate().take(room) {
            let line = format!(" {} {}", fit(label, label_width + 1), text);
            buf.set_stringn(
                inner.x,
                inner.y + index as u16,
                fit(&line, width),
                width,
                ratatui::style::Style::new(),
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
}

pub(super) struct TocView<'a> {
    pub app: &'a App,
    pub reader: &'a ReaderState,
    pub selected: usize,
}

impl Widget for &TocView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let headings = &self.reader.layout.headings;
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
        let offset = self.selected.saturating_sub(rows - 1);
        for (index, entry) in entries.iter().enumerate().skip(offset).take(rows) {
            let style = if index == self.selected {
                app.theme.selected()
            } else {
                ratatui::style::Style::new()
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
}

pub(super) struct ConfirmView<'a> {
    pub app: &'a App,
    pub question: Confirm,
}

impl Widget for &ConfirmView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let lang = app.lang;
        let question = match self.question {
            Confirm::ShowSolution => Msg::ConfirmSolution,
            Confirm::ResetFile => Msg::ConfirmReset,
        };
        let answer = format!(
            "y {} · n {}",
            Msg::ActionYes.text(lang),
            Msg::ActionNo.text(lang)
        );
        let width = area.width.saturating_sub(4).min(50);
        let lines =
            super::text::wrap_plain(question.text(lang), usize::from(width.saturating_sub(4)));
        let popup = centred(area, width, lines.len() as u16 + 4);
        let inner = frame(popup, "?", app, buf);
        let text = Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(2),
            ..inner
        };
        super::text::draw_lines(buf, text, &lines, app.theme, "");
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
}

pub(super) struct DetailView<'a> {
    pub app: &'a App,
    pub title: &'a str,
    pub text: &'a str,
    pub yaml: bool,
    pub scroll: usize,
}

impl Widget for &DetailView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let popup = centred(
            area,
            area.width.saturating_sub(4).min(90),
            area.height.saturating_sub(2),
        );
        frame(popup, self.title, app, buf);
        let text = detail_text_area(area);
        let page = detail_page(self.text, self.yaml, usize::from(text.width));
        super::page::draw_page(buf, text, &page, self.scroll, app.theme);
    }
}
