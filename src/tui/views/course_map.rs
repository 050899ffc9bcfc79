//! The course map: the lessons in order, with category and minutes, and the
//! objectives of the selected one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::overlays::key_hints;
use super::text::{bar, bullet_list, draw_lines, fit};
use crate::i18n::Msg;
use crate::markdown::{display_width, sanitize};
use crate::tui::app::{App, CourseMapState, course_map_rows};

/// Narrower than this, the category column is left out.
const CATEGORY_MIN_WIDTH: u16 = 60;

/// Narrower than this, the title bar names only the program.
const WIDE_TITLE_WIDTH: u16 = 60;

pub(super) struct CourseMapView<'a> {
    pub app: &'a App,
    pub map: &'a CourseMapState,
}

impl Widget for &CourseMapView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let lang = app.lang;
        let theme = app.theme;
        let lessons = app.course.lessons();
        let width = usize::from(area.width);
        let right = format!(
            "{} · {} {}",
            lang.native_name(),
            lessons.len(),
            Msg::Lessons.text(lang)
        );
        let title = if area.width >= WIDE_TITLE_WIDTH {
            Msg::AppTitle.text(lang)
        } else {
            "kubetutor"
        };
        bar(
            buf,
            row(area, 0),
            &format!(" {title}"),
            &format!("{right} "),
            theme.title_bar(),
        );

        let (first_row, visible) = course_map_rows((area.width, area.height), lessons.len());
        if lessons.is_empty() {
            buf.set_stringn(
                area.x + 1,
                area.y + first_row,
                Msg::EmptyCourse.text(lang),
                width,
                theme.dim(),
            );
        }
        let entries: Vec<_> = lessons.iter().filter_map(|set| set.get(lang)).collect();
        let category_width = if area.width >= CATEGORY_MIN_WIDTH {
            entries
                .iter()
                .map(|e| display_width(&e.lesson.meta.category))
                .chain([display_width(Msg::ColumnCategory.text(lang))])
                .max()
                .unwrap_or(0)
                .min(18)
        } else {
            0
        };
        let number_width = 3;
        let minutes_width = 5;
        let gaps = if category_width > 0 { 4 } else { 3 };
        let title_width =
            width.saturating_sub(number_width + category_width + minutes_width + gaps);
        let columns = |number: &str, title: &str, category: &str, minutes: &str| {
            let mut line = format!(" {}{} ", fit(number, number_width), fit(title, title_width));
            if category_width > 0 {
                line.push_str(&fit(category, category_width));
                line.push(' ');
            }
            line.push_str(&format!(
                "{:>minutes_width$}",
                fit(minutes, minutes_width).trim_end()
            ));
            line
        };
        let header = columns(
            "#",
            Msg::ColumnLesson.text(lang),
            Msg::ColumnCategory.text(lang),
            Msg::ColumnMinutes.text(lang),
        );
        buf.set_stringn(area.x, area.y + 1, header, width, theme.header());

        for (index, entry) in entries
            .iter()
            .enumerate()
            .skip(self.map.offset)
            .take(visible)
        {
            let meta = &entry.lesson.meta;
            let y = area.y + first_row + (index - self.map.offset) as u16;
            let marker = if entry.fallback { "*" } else { "" };
            let line = columns(
                &format!("{}{marker}", meta.order),
                &meta.title,
                &meta.category,
                &format!("{}", meta.minutes),
            );
            let style = if index == self.map.selected {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            buf.set_stringn(area.x, y, fit(&line, width), width, style);
        }

        let details_top = first_row + visible as u16 + 1;
        let status_row = area.height.saturating_sub(1);
        if let Some(entry) = entries.get(self.map.selected)
            && details_top + 3 < status_row
        {
            let meta = &entry.lesson.meta;
            let summary = format!(
                " {} · {} {}",
                meta.category,
                meta.minutes,
                Msg::MinutesShort.text(lang)
            );
            buf.set_stringn(
                area.x,
                area.y + details_top,
                fit(&summary, width),
                width,
                theme.dim(),
            );
            let objectives_top = details_top + 1;
            buf.set_stringn(
                area.x + 1,
                area.y + objectives_top,
                Msg::Objectives.text(lang),
                width,
                theme.header(),
            );
            let mut lines = bullet_list(&meta.objectives, width.saturating_sub(2));
            if entry.fallback {
                lines.extend(super::text::wrap_plain(
                    &format!("* {}", Msg::FallbackNote.text(lang)),
                    width.saturating_sub(2),
                ));
            }
            let body = Rect {
                x: area.x + 1,
                y: area.y + objectives_top + 1,
                width: area.width.saturating_sub(2),
                height: status_row - objectives_top - 1,
            };
            draw_lines(buf, body, &lines, theme, "");
        }
        let (status, style) = match app.progress_problem() {
            Some(problem) => (
                format!(" {}: {problem}", Msg::ProgressNotSaved.text(lang)),
                theme.note(),
            ),
            None => (key_hints(app.context(), lang, width), theme.status_bar()),
        };
        buf.set_stringn(
            area.x,
            area.y + status_row,
            fit(&sanitize(&status).replace('\n', " "), width),
            width,
            style,
        );
    }
}

/// One row of `area`.
pub(super) fn row(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y,
        height: 1,
        ..area
    }
}
