//! The course map: overall progress, the lessons in order with how far the
//! learner is in each, and the objectives of the selected one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::text::{bar, bullet_list, draw_lines, fit, status_line};
use crate::i18n::{Lang, Msg};
use crate::markdown::display_width;
use crate::progress::summary::{LessonSummary, ReadStatus};
use crate::tui::app::{App, CourseMapState, course_map_rows};

/// From this width on, the progress columns are spelled out.
const WIDE_COLUMNS: u16 = 60;

/// Narrower than this, the title bar names only the program.
const WIDE_TITLE_WIDTH: u16 = 60;

pub(super) struct CourseMapView<'a> {
    pub app: &'a App,
    pub map: &'a CourseMapState,
}

/// The status word of a lesson, or its one-character mark on narrow screens.
fn status(summary: Option<&LessonSummary>, lang: Lang, wide: bool) -> String {
    let read = summary.map_or(ReadStatus::New, |s| s.read);
    match (read, wide) {
        (ReadStatus::New, true) => Msg::StatusNew.text(lang).to_string(),
        (ReadStatus::InProgress, true) => Msg::StatusInProgress.text(lang).to_string(),
        (ReadStatus::Done, true) => Msg::StatusDone.text(lang).to_string(),
        (ReadStatus::New, false) => "·".to_string(),
        (ReadStatus::InProgress, false) => "◐".to_string(),
        (ReadStatus::Done, false) => "✓".to_string(),
    }
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
        buf.set_stringn(
            area.x,
            area.y + 1,
            fit(
                &format!(" {}", overall(&app.summaries, app.due.len(), lang)),
                width,
            ),
            width,
            theme.dim(),
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
        let wide = area.width >= WIDE_COLUMNS;
        let status_width = if wide {
            [
                Msg::StatusNew,
                Msg::StatusInProgress,
                Msg::StatusDone,
                Msg::ColumnRead,
            ]
            .iter()
            .map(|m| display_width(m.text(lang)))
            .max()
            .unwrap_or(0)
        } else {
            1
        };
        let quiz_width = if wide {
            display_width(Msg::ColumnQuiz.text(lang)).max(4)
        } else {
            0
        };
        let exercises_width = if wide {
            display_width(Msg::ColumnExercises.text(lang)).max(5)
        } else {
            0
        };
        let due_width = display_width(Msg::ColumnDue.text(lang)).max(2);
        let fixed = 3
            + status_width
            + due_width
            + if wide {
                quiz_width + exercises_width + 4
            } else {
                2
            };
        let title_width = width.saturating_sub(fixed + 1);
        let columns = |number: &str, title: &str, cells: [&str; 4]| {
            let [state, quiz, exercises, due] = cells;
            let mut line = format!(" {}{} ", fit(number, 3), fit(title, title_width));
            line.push_str(&fit(state, status_width));
            if wide {
                line.push_str(&format!(" {}", right_aligned(quiz, quiz_width)));
                line.push_str(&format!(" {}", right_aligned(exercises, exercises_width)));
            }
            line.push_str(&format!(" {}", right_aligned(due, due_width)));
            line
        };
        let header = columns(
            "#",
            Msg::ColumnLesson.text(lang),
            [
                if wide { Msg::ColumnRead.text(lang) } else { "" },
                Msg::ColumnQuiz.text(lang),
                Msg::ColumnExercises.text(lang),
                Msg::ColumnDue.text(lang),
            ],
        );
        buf.set_stringn(
            area.x,
            area.y + 2,
            fit(&header, width),
            width,
            theme.header(),
        );

        for (index, entry) in entries
            .iter()
            .enumerate()
            .skip(self.map.offset)
            .take(visible)
        {
            let meta = &entry.lesson.meta;
            let summary = app.summaries.get(index);
            let y = area.y + first_row + (index - self.map.offset) as u16;
            let marker = if entry.fallback { "*" } else { "" };
            let quiz = summary
                .and_then(LessonSummary::quiz_percent)
                .map_or_else(|| "–".to_string(), |p| format!("{p}%"));
            let exercises = summary.filter(|s| s.exercises_total > 0).map_or_else(
                || "–".to_string(),
                |s| format!("{}/{}", s.exercises_passed, s.exercises_total),
            );
            let due = summary
                .map(|s| s.due)
                .filter(|d| *d > 0)
                .map_or_else(String::new, |d| d.to_string());
            let line = columns(
                &format!("{}{marker}", meta.order),
                &meta.title,
                [&status(summary, lang, wide), &quiz, &exercises, &due],
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
        status_line(buf, area, app);
    }
}

/// The overall line: lessons read, quiz score, exercises passed, items due.
fn overall(summaries: &[LessonSummary], due: usize, lang: Lang) -> String {
    let read = summaries
        .iter()
        .filter(|s| s.read == ReadStatus::Done)
        .count();
    let correct: usize = summaries.iter().map(|s| s.quiz_correct).sum();
    let items: usize = summaries.iter().map(|s| s.quiz_total).sum();
    let answered: usize = summaries.iter().map(|s| s.quiz_answered).sum();
    let quiz = if answered == 0 || items == 0 {
        "–".to_string()
    } else {
        format!("{}%", correct * 100 / items)
    };
    Msg::MapOverall
        .text(lang)
        .replace("{read}", &read.to_string())
        .replace("{lessons}", &summaries.len().to_string())
        .replace("{quiz}", &quiz)
        .replace(
            "{passed}",
            &summaries
                .iter()
                .map(|s| s.exercises_passed)
                .sum::<usize>()
                .to_string(),
        )
        .replace(
            "{exercises}",
            &summaries
                .iter()
                .map(|s| s.exercises_total)
                .sum::<usize>()
                .to_string(),
        )
        .replace("{due}", &due.to_string())
}

/// `text` right-aligned in `width` display columns.
fn right_aligned(text: &str, width: usize) -> String {
    format!(
        "{}{text}",
        " ".repeat(width.saturating_sub(display_width(text)))
    )
}

/// One row of `area`.
pub(super) fn row(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y,
        height: 1,
        ..area
    }
}
