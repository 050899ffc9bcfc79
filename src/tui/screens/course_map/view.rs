//! The course map drawn: overall progress, the lessons in order with how far
//! the learner is in each, and the objectives of the selected one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::CourseMapState;
use crate::content::LocalizedLesson;
use crate::i18n::{Lang, Msg};
use crate::markdown::display_width;
use crate::progress::summary::{LessonSummary, ReadStatus};
use crate::tui::app::App;
use crate::tui::layout::{course_map_rows, row};
use crate::tui::widgets::text::{bar, bullet_list, draw_lines, fit, status_line, wrap_plain};

/// From this width on, the progress columns are spelled out.
const WIDE_COLUMNS: u16 = 60;

/// Narrower than this, the title bar names only the program.
const WIDE_TITLE_WIDTH: u16 = 60;

/// Draws the course map.
pub(super) fn render(map: &CourseMapState, area: Rect, buf: &mut Buffer, app: &App) {
    header(area, buf, app);
    let lessons = app.course.lessons();
    let (first_row, visible) = course_map_rows((area.width, area.height), lessons.len());
    if lessons.is_empty() {
        buf.set_stringn(
            area.x + 1,
            area.y + first_row,
            Msg::EmptyCourse.text(app.lang),
            usize::from(area.width),
            app.theme.dim(),
        );
    }
    let entries: Vec<LocalizedLesson<'_>> =
        lessons.iter().filter_map(|set| set.get(app.lang)).collect();
    let table = Table::new(app.lang, area.width);
    buf.set_stringn(
        area.x,
        area.y + 2,
        fit(&table.header(), usize::from(area.width)),
        usize::from(area.width),
        app.theme.header(),
    );
    for (index, entry) in entries.iter().enumerate().skip(map.offset).take(visible) {
        let y = area.y + first_row + (index - map.offset) as u16;
        let line = table.lesson(entry, app.summaries.get(index));
        let style = if index == map.selected {
            app.theme.selected()
        } else {
            Style::new()
        };
        let width = usize::from(area.width);
        buf.set_stringn(area.x, y, fit(&line, width), width, style);
    }
    if let Some(entry) = entries.get(map.selected) {
        details(entry, first_row + visible as u16 + 1, area, buf, app);
    }
    status_line(buf, area, app);
}

/// The title bar and the overall progress line.
fn header(area: Rect, buf: &mut Buffer, app: &App) {
    let (lang, theme) = (app.lang, app.theme);
    let right = format!(
        "{} · {} {}",
        lang.native_name(),
        app.course.lessons().len(),
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
    let width = usize::from(area.width);
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
}

/// The columns of the lesson table for a screen width: wide screens spell
/// the status out and show the quiz and exercise columns.
struct Table {
    lang: Lang,
    wide: bool,
    status: usize,
    quiz: usize,
    exercises: usize,
    due: usize,
    title: usize,
}

impl Table {
    fn new(lang: Lang, width: u16) -> Table {
        let wide = width >= WIDE_COLUMNS;
        let column = |msg: Msg, least: usize| display_width(msg.text(lang)).max(least);
        let status = if wide {
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
        let quiz = if wide { column(Msg::ColumnQuiz, 4) } else { 0 };
        let exercises = if wide {
            column(Msg::ColumnExercises, 5)
        } else {
            0
        };
        let due = column(Msg::ColumnDue, 2);
        let fixed = 3 + status + due + if wide { quiz + exercises + 4 } else { 2 };
        Table {
            lang,
            wide,
            status,
            quiz,
            exercises,
            due,
            title: usize::from(width).saturating_sub(fixed + 1),
        }
    }

    fn columns(&self, number: &str, title: &str, cells: [&str; 4]) -> String {
        let [state, quiz, exercises, due] = cells;
        let mut line = format!(" {}{} ", fit(number, 3), fit(title, self.title));
        line.push_str(&fit(state, self.status));
        if self.wide {
            line.push_str(&format!(" {}", right_aligned(quiz, self.quiz)));
            line.push_str(&format!(" {}", right_aligned(exercises, self.exercises)));
        }
        line.push_str(&format!(" {}", right_aligned(due, self.due)));
        line
    }

    fn header(&self) -> String {
        let lang = self.lang;
        self.columns(
            "#",
            Msg::ColumnLesson.text(lang),
            [
                if self.wide {
                    Msg::ColumnRead.text(lang)
                } else {
                    ""
                },
                Msg::ColumnQuiz.text(lang),
                Msg::ColumnExercises.text(lang),
                Msg::ColumnDue.text(lang),
            ],
        )
    }

    fn lesson(&self, entry: &LocalizedLesson<'_>, summary: Option<&LessonSummary>) -> String {
        let meta = &entry.lesson.meta;
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
        self.columns(
            &format!("{}{marker}", meta.order),
            &meta.title,
            [
                &status(summary, self.lang, self.wide),
                &quiz,
                &exercises,
                &due,
            ],
        )
    }
}

/// The selected lesson's category, length and objectives, from row `top`
/// down to the status line, when they fit.
fn details(entry: &LocalizedLesson<'_>, top: u16, area: Rect, buf: &mut Buffer, app: &App) {
    let (lang, theme) = (app.lang, app.theme);
    let status_row = area.height.saturating_sub(1);
    if top + 3 >= status_row {
        return;
    }
    let width = usize::from(area.width);
    let meta = &entry.lesson.meta;
    let summary = format!(
        " {} · {} {}",
        meta.category,
        meta.minutes,
        Msg::MinutesShort.text(lang)
    );
    buf.set_stringn(
        area.x,
        area.y + top,
        fit(&summary, width),
        width,
        theme.dim(),
    );
    let objectives_top = top + 1;
    buf.set_stringn(
        area.x + 1,
        area.y + objectives_top,
        Msg::Objectives.text(lang),
        width,
        theme.header(),
    );
    let mut lines = bullet_list(&meta.objectives, width.saturating_sub(2));
    if entry.fallback {
        lines.extend(wrap_plain(
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
    let passed: usize = summaries.iter().map(|s| s.exercises_passed).sum();
    let exercises: usize = summaries.iter().map(|s| s.exercises_total).sum();
    Msg::MapOverall
        .text(lang)
        .replace("{read}", &read.to_string())
        .replace("{lessons}", &summaries.len().to_string())
        .replace("{quiz}", &quiz)
        .replace("{passed}", &passed.to_string())
        .replace("{exercises}", &exercises.to_string())
        .replace("{due}", &due.to_string())
}

/// `text` right-aligned in `width` display columns.
fn right_aligned(text: &str, width: usize) -> String {
    format!(
        "{}{text}",
        " ".repeat(width.saturating_sub(display_width(text)))
    )
}
