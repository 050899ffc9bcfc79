//! `kubetutor progress show|export|reset`: the learner's own progress.

use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::Utc;

use super::data::{default_learner, open_store};
use super::{CommandError, Context, Exit, print_out};
use crate::content::Course;
use crate::exam::SessionError;
use crate::i18n::{Errors, Lang, Msg};
use crate::markdown::{display_width, sanitize};
use crate::progress::export::Export;
use crate::progress::summary::{self, LessonSummary, ReadStatus};
use crate::workspace;

/// Output formats of `progress show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShowFormat {
    Text,
    Json,
}

/// `progress show`: per lesson, what was read, scored, passed and is due.
pub fn run_show(context: &Context, format: ShowFormat) -> Result<Exit, CommandError> {
    let course = Course::load(&context.source)?;
    let outline = summary::outline(&course, context.lang);
    let store = open_store()?;
    let facts = summary::Facts::load(&store, Utc::now())?;
    let rows = summary::summarize(&outline, &facts);
    match format {
        ShowFormat::Text => print_out(&show(
            &rows,
            context.lang,
            &store.path().display().to_string(),
        ))?,
        ShowFormat::Json => print_out(&(serde_json::to_string_pretty(&rows)? + "\n"))?,
    }
    Ok(Exit::Success)
}

/// `progress export`: the portable JSON file, to `out` or stdout; `name`
/// is remembered for next time.
pub fn run_export(
    context: &Context,
    out: Option<PathBuf>,
    name: Option<String>,
) -> Result<Exit, CommandError> {
    let course = Course::load(&context.source)?;
    let outline = summary::outline(&course, context.lang);
    let mut store = open_store()?;
    let learner = match name {
        Some(name) => {
            store.set_setting("name", &name)?;
            name
        }
        None => store.setting("name")?.unwrap_or_else(default_learner),
    };
    let export = Export::build(&store, outline, &learner, Utc::now())?;
    let json = serde_json::to_string_pretty(&export)? + "\n";
    match out {
        Some(path) => workspace::write_atomically(&path, &json)
            .map_err(|source| CommandError::Write { path, source })?,
        None => print_out(&json)?,
    }
    Ok(Exit::Success)
}

/// `progress reset`: forgets one lesson's progress, or all of it, only
/// with `yes`.
pub fn run_reset(
    context: &Context,
    lesson: Option<String>,
    yes: bool,
) -> Result<Exit, CommandError> {
    let course = Course::load(&context.source)?;
    if let Some(id) = &lesson
        && !course.lessons().iter().any(|l| &l.id == id)
    {
        let known: Vec<&str> = course.lessons().iter().map(|l| l.id.as_str()).collect();
        return Err(SessionError::UnknownLesson(sanitize(id), known.join(", ")).into());
    }
    let lang = context.lang;
    let what = lesson.as_deref().map_or_else(
        || Errors::AllProgress.text(lang).to_string(),
        |id| Errors::LessonProgress.fill(lang, &[("lesson", &sanitize(id))]),
    );
    if !yes {
        return Err(CommandError::Refused(
            Errors::ConfirmForget.fill(lang, &[("what", &what)]),
        ));
    }
    open_store()?.reset(lesson.as_deref())?;
    eprintln!("{}", Errors::Forgot.fill(lang, &[("what", &what)]));
    Ok(Exit::Success)
}

/// The per-lesson table and an overall line, aligned by display width so
/// Japanese titles line up.
pub fn show(rows: &[LessonSummary], lang: Lang, database: &str) -> String {
    let table = table_cells(rows, lang);
    let header = [
        Msg::ColumnLesson,
        Msg::ColumnRead,
        Msg::ColumnQuiz,
        Msg::ColumnExercises,
        Msg::ColumnDue,
    ]
    .map(|m| m.text(lang).to_string());
    let widths: Vec<usize> = (0..5)
        .map(|col| {
            std::iter::once(&header)
                .chain(&table)
                .map(|r| display_width(&r[col]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = format!(
        "{} — {}\n",
        Msg::ProgressTitle.text(lang),
        sanitize(database)
    );
    for (index, row) in std::iter::once(&header).chain(&table).enumerate() {
        let number = if index == 0 {
            String::new()
        } else {
            index.to_string()
        };
        let _ = write!(out, "{number:>2}");
        for (col, cell) in row.iter().enumerate() {
            let pad = widths[col].saturating_sub(display_width(cell));
            if col == 4 {
                let _ = write!(out, "  {}{cell}", " ".repeat(pad));
            } else {
                let _ = write!(out, "  {cell}{}", " ".repeat(pad));
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
    }
    let _ = writeln!(out, "\n{}", overall(rows, lang));
    out
}

/// The five cells of each lesson's row, as text, so the table can be
/// aligned on their display widths before it is written.
fn table_cells(rows: &[LessonSummary], lang: Lang) -> Vec<[String; 5]> {
    let read = |row: &LessonSummary| {
        match row.read {
            ReadStatus::New => Msg::StatusNew,
            ReadStatus::InProgress => Msg::StatusInProgress,
            ReadStatus::Done => Msg::StatusDone,
        }
        .text(lang)
        .to_string()
    };
    let quiz = |row: &LessonSummary| match row.quiz_percent() {
        Some(percent) => format!("{}/{} {percent:>3}%", row.quiz_correct, row.quiz_total),
        None if row.quiz_total == 0 => "–".to_string(),
        None => format!("–/{}", row.quiz_total),
    };
    let exercises = |row: &LessonSummary| {
        if row.exercises_total == 0 {
            "–".to_string()
        } else {
            format!("{}/{}", row.exercises_passed, row.exercises_total)
        }
    };
    rows.iter()
        .map(|row| {
            [
                sanitize(&row.title).replace('\n', " "),
                read(row),
                quiz(row),
                exercises(row),
                row.due.to_string(),
            ]
        })
        .collect()
}

/// The totals over every lesson, filled into the overall line of the
/// learner's language.
fn overall(rows: &[LessonSummary], lang: Lang) -> String {
    let sum = |f: fn(&LessonSummary) -> usize| rows.iter().map(f).sum::<usize>();
    Msg::ProgressOverall
        .text(lang)
        .replace(
            "{read}",
            &rows
                .iter()
                .filter(|r| r.read == ReadStatus::Done)
                .count()
                .to_string(),
        )
        .replace("{lessons}", &rows.len().to_string())
        .replace("{right}", &sum(|r| r.quiz_correct).to_string())
        .replace("{items}", &sum(|r| r.quiz_total).to_string())
        .replace("{passed}", &sum(|r| r.exercises_passed).to_string())
        .replace("{exercises}", &sum(|r| r.exercises_total).to_string())
        .replace("{due}", &sum(|r| r.due).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(title: &str, read: ReadStatus, answered: usize) -> LessonSummary {
        LessonSummary {
            lesson_id: "x".into(),
            title: title.into(),
            read,
            quiz_correct: answered.min(3),
            quiz_answered: answered,
            quiz_total: 4,
            exercises_passed: 1,
            exercises_total: if answered > 0 { 2 } else { 0 },
            due: answered,
        }
    }

    #[test]
    fn columns_line_up_in_both_languages() {
        let rows = [
            row("Workload APIs", ReadStatus::Done, 4),
            row("Pod", ReadStatus::New, 0),
        ];
        assert_eq!(
            show(&rows, Lang::En, "/data/progress.db"),
            "Progress — /data/progress.db\n    \
             Lesson         Read  Quiz      Exercises  Due\n \
             1  Workload APIs  done  3/4  75%  1/2          4\n \
             2  Pod            new   –/4       –            0\n\n\
             lessons read 1/2 · quiz items right 3/8 · exercises passed 2/2 · due for review 4\n"
        );
        let rows = [row("ワークロードAPI", ReadStatus::InProgress, 1)];
        let text = show(&rows, Lang::Ja, "p.db");
        assert!(
            text.contains("\n 1  ワークロードAPI  学習中  1/4  25%  1/2      1\n"),
            "{text}"
        );
    }
}
