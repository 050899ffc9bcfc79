//! The exercise list drawn: the lesson's exercises, passed ones marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::ExerciseList;
use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::layout::{exercise_list_window, row};
use crate::tui::widgets::text::{bar, fit, status_line};

/// Draws the list.
pub(super) fn render(list: &ExerciseList, area: Rect, buf: &mut Buffer, app: &App) {
    let (lang, theme) = (app.lang, app.theme);
    let width = usize::from(area.width);
    bar(
        buf,
        row(area, 0),
        &format!(" {} · {}", list.title, Msg::ExercisesTitle.text(lang)),
        &format!("{} ", list.ids.len()),
        theme.title_bar(),
    );
    let (rows, offset) = exercise_list_window((area.width, area.height), list.selected);
    for (index, id) in list.ids.iter().enumerate().skip(offset).take(rows) {
        let title = app
            .course
            .exercises()
            .iter()
            .find(|e| &e.id == id)
            .map_or(id.as_str(), |e| e.title.get(lang).as_str());
        let mark = if list.passed.get(index).copied().unwrap_or(false) {
            "✓"
        } else {
            " "
        };
        let line = format!(" {mark} {}. {title}", index + 1);
        let style = if index == list.selected {
            theme.selected()
        } else {
            Style::new()
        };
        buf.set_stringn(
            area.x,
            area.y + 1 + (index - offset) as u16,
            fit(&line, width),
            width,
            style,
        );
    }
    status_line(buf, area, app);
}
