//! `kubetutor quiz` and `kubetutor exam`: one runner for both. A quiz gives
//! feedback after each answer; an exam keeps it for the end, has a time
//! limit and a pass mark, and is saved after every answer so `--resume`
//! continues it. Both record every answer in the learner's progress.

use std::io::Write;
use std::path::PathBuf;

use chrono::Utc;

use super::data::{learner_name, open_store};
use super::input::StdinLines;
use super::session::{self, Ending};
use super::{CommandError, Context, Exit, print_out, sheet};
use crate::content::Course;
use crate::exam::report::SessionReport;
use crate::exam::{GivenAnswer, Session, SessionKind, SessionSpec, SystemClock};
use crate::i18n::{Lang, Plain};
use crate::paths;
use crate::progress::{NewAnswer, Store};
use crate::quiz::Response;
use crate::workspace;

/// Which items to ask.
#[derive(Debug, Clone, Default)]
pub struct ItemChoice {
    /// Lesson ids; empty means every lesson.
    pub lessons: Vec<String>,
    pub count: Option<usize>,
    /// `None`: a new seed from the clock.
    pub seed: Option<u64>,
}

/// What only an exam takes.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExamOptions {
    pub minutes: Option<u32>,
    pub pass_mark: u32,
    pub resume: bool,
    pub restart: bool,
}

/// Formats of the session report `--report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionFormat {
    Json,
    Junit,
    Md,
}

/// Where the session report goes, if anywhere.
#[derive(Debug, Clone, Default)]
pub struct ReportTarget {
    pub file: Option<PathBuf>,
    pub format: Option<SessionFormat>,
}

/// What a session run is: a quiz (maybe only printed as a sheet) or an exam.
#[derive(Debug, Clone)]
pub enum SessionMode {
    Quiz { print: bool, answers: bool },
    Exam(ExamOptions),
}

/// Runs a quiz or an exam in the plain terminal.
pub fn run(
    context: &Context,
    mode: &SessionMode,
    items: &ItemChoice,
    report: &ReportTarget,
) -> Result<Exit, CommandError> {
    let course = Course::load(&context.source)?;
    let lang = context.lang;
    let exam = match mode {
        SessionMode::Quiz {
            print: true,
            answers,
        } => {
            let session =
                Session::start(&course, &spec(SessionKind::Quiz, items, None), Utc::now())?;
            print_out(&sheet::sheet(&session, &course, lang, *answers))?;
            return Ok(Exit::Success);
        }
        SessionMode::Quiz { .. } => None,
        SessionMode::Exam(options) => Some(options),
    };
    let saved_in = match exam {
        Some(_) => Some(paths::data_dir()?),
        None => None,
    };
    let (mut session, resumed) = match (exam, &saved_in) {
        (Some(options), Some(dir)) => exam_session(&course, items, options, dir, lang)?,
        _ => (
            Session::start(&course, &spec(SessionKind::Quiz, items, None), Utc::now())?,
            false,
        ),
    };
    let store = open_store().ok();
    let learner = learner_name(store.as_ref());
    let mut out = std::io::stdout().lock();
    if exam.is_some() {
        writeln!(out, "{}", session::exam_intro(&session, lang, resumed))?;
    }
    let ending = ask(
        &mut session,
        &course,
        lang,
        store,
        saved_in.as_deref(),
        &mut out,
    )?;
    match (&saved_in, ending) {
        (Some(dir), Ending::Stopped) => {
            // Kept once more, so the items skipped since the last answer
            // still come last when the exam resumes.
            session.save(dir)?;
            writeln!(out, "{}", Plain::Resume.text(lang))?;
            Ok(Exit::Stopped)
        }
        (Some(dir), _) => {
            let time_up = ending == Ending::TimeUp;
            let made = SessionReport::build(&session, &course, lang, &learner, Utc::now(), time_up);
            finish_exam(&mut out, &made, report, dir)
        }
        (None, _) => {
            let made = SessionReport::build(&session, &course, lang, &learner, Utc::now(), false);
            finish_quiz(&mut out, &made, report, ending, lang)
        }
    }
}

/// Asks the session's open items on standard input, recording each answer
/// in the progress store and, for an exam, saving the exam in `saved_in`
/// after each one (a failure to save is reported once, at the end).
fn ask(
    session: &mut Session,
    course: &Course,
    lang: Lang,
    store: Option<Store>,
    saved_in: Option<&std::path::Path>,
    out: &mut impl Write,
) -> Result<Ending, CommandError> {
    let mut record = answer_recorder(store, session.kind, lang);
    let mut save_error = None;
    let mut recorder =
        |session: &Session, index: usize, given: &GivenAnswer, response: &Response| {
            record(session, index, given, response);
            if let Some(dir) = saved_in
                && let Err(err) = session.save(dir)
            {
                save_error.get_or_insert(err);
            }
        };
    let ending = session::run(
        session,
        course,
        lang,
        &mut StdinLines::spawn(),
        out,
        &SystemClock,
        &mut recorder,
    )?;
    if let Some(err) = save_error {
        eprintln!(
            "{}",
            Plain::NotSavedForResume.fill(lang, &[("error", &err)])
        );
    }
    Ok(ending)
}

/// Ends a finished exam: prints and writes its report and discards the
/// saved exam, which is now complete; the exit code says whether it passed.
fn finish_exam(
    out: &mut impl Write,
    made: &SessionReport,
    report: &ReportTarget,
    dir: &std::path::Path,
) -> Result<Exit, CommandError> {
    writeln!(out, "\n{}", made.markdown())?;
    write_report(made, report)?;
    Session::discard(dir)?;
    Ok(if made.passed {
        Exit::Success
    } else {
        Exit::Failure
    })
}

/// Ends a quiz with its score only, as the feedback came after each answer.
fn finish_quiz(
    out: &mut impl Write,
    made: &SessionReport,
    report: &ReportTarget,
    ending: Ending,
    lang: Lang,
) -> Result<Exit, CommandError> {
    let stopped = if ending == Ending::Stopped {
        format!(" · {}", Plain::Stopped.text(lang))
    } else {
        String::new()
    };
    let score = Plain::Score.fill(
        lang,
        &[
            ("right", &made.correct),
            ("total", &made.total),
            ("percent", &made.percent),
        ],
    );
    writeln!(out, "\n{score}{stopped}")?;
    write_report(made, report)?;
    Ok(Exit::Success)
}

/// The exam to run, and whether it is resumed: the saved one (the TUI's
/// too) with `--resume`, else a new one (an unfinished one blocks a new
/// start unless `--restart` discards it).
fn exam_session(
    course: &Course,
    items: &ItemChoice,
    options: &ExamOptions,
    dir: &std::path::Path,
    lang: Lang,
) -> Result<(Session, bool), CommandError> {
    match (Session::load(dir)?, options.resume, options.restart) {
        (Some(exam), true, _) => Ok((exam, true)),
        (None, true, _) => Err(CommandError::Refused(
            Plain::NothingToResume.text(lang).to_string(),
        )),
        (Some(exam), false, false) => {
            let started = exam.started_at.format("%Y-%m-%d %H:%M UTC");
            Err(CommandError::Refused(
                Plain::ExamWaiting.fill(lang, &[("started", &started)]),
            ))
        }
        (_, false, _) => {
            let exam = Session::start(
                course,
                &spec(SessionKind::Exam, items, Some(options)),
                Utc::now(),
            )?;
            exam.save(dir)?;
            Ok((exam, false))
        }
    }
}

fn spec(kind: SessionKind, items: &ItemChoice, exam: Option<&ExamOptions>) -> SessionSpec {
    SessionSpec {
        kind,
        lessons: items.lessons.clone(),
        count: items.count,
        seed: items
            .seed
            .unwrap_or_else(|| u64::try_from(Utc::now().timestamp_millis()).unwrap_or(0)),
        minutes: exam.and_then(|e| e.minutes),
        pass_mark: exam.map_or(0, |e| e.pass_mark),
    }
}

/// Records each answer in the progress store, in the file-order notation
/// the store keeps (a failure is reported once, and the session goes on).
fn answer_recorder(
    store: Option<Store>,
    kind: SessionKind,
    lang: Lang,
) -> impl FnMut(&Session, usize, &GivenAnswer, &Response) {
    let mut store = store;
    move |session, index, given, response| {
        let Some(active) = store.as_mut() else { return };
        let item = &session.items[index];
        let notation = response.notation();
        let answer = NewAnswer {
            item_id: &item.item,
            lesson_id: &item.lesson,
            answer: &notation,
            correct: given.correct,
            duration_ms: given.duration_ms,
            mode: kind.mode(),
        };
        if let Err(err) = active.record_answer(&answer, given.answered_at) {
            eprintln!("{}", Plain::AnswersNotSaved.fill(lang, &[("error", &err)]));
            store = None;
        }
    }
}

/// Writes the session report where `--report` asked (Markdown by default).
fn write_report(report: &SessionReport, target: &ReportTarget) -> Result<(), CommandError> {
    let Some(path) = &target.file else {
        return Ok(());
    };
    let text = match target.format.unwrap_or(SessionFormat::Md) {
        SessionFormat::Json => report.json(),
        SessionFormat::Junit => report.junit(),
        SessionFormat::Md => report.markdown(),
    };
    workspace::write_atomically(path, &text).map_err(|source| CommandError::Write {
        path: path.clone(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_seed_is_kept_and_exam_options_reach_the_spec() {
        let items = ItemChoice {
            lessons: vec!["the-pod".into()],
            count: Some(3),
            seed: Some(7),
        };
        let options = ExamOptions {
            minutes: Some(10),
            pass_mark: 80,
            ..ExamOptions::default()
        };
        let exam = spec(SessionKind::Exam, &items, Some(&options));
        assert_eq!(
            (exam.seed, exam.count, exam.minutes, exam.pass_mark),
            (7, Some(3), Some(10), 80)
        );
        let quiz = spec(SessionKind::Quiz, &items, None);
        assert_eq!((quiz.minutes, quiz.pass_mark), (None, 0));
    }
}
