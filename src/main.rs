//! The `kubetutor` binary: parses the command line and dispatches to the library.

mod cli;

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::Utc;
use clap::{CommandFactory, FromArgMatches};
use kubetutor::commands::check::Checked;
use kubetutor::commands::session;
use kubetutor::commands::{self, ListFormat};
use kubetutor::content::{Course, PackSource};
use kubetutor::exam::report::SessionReport;
use kubetutor::exam::{GivenAnswer, Session, SessionKind, SessionSpec, SystemClock};
use kubetutor::i18n::Lang;
use kubetutor::markdown::sanitize;
use kubetutor::paths;
use kubetutor::progress::{self, Store, export::Export, summary};
use kubetutor::tui::{self, App, Theme, ThemeName};
use kubetutor::validate;
use kubetutor::workspace::{self, Workspace};

use cli::{
    Cli, Command, Format, ItemArgs, PackCommand, ProgressCommand, ReportArgs, ReportFormat,
    RulesFormatArg, SessionFormat,
};

/// Exit code for input kubetutor cannot use (a broken pack, a missing folder).
const EXIT_UNUSABLE: u8 = 2;

fn main() -> ExitCode {
    let cli = parse_args();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("kubetutor: error: {err:#}");
            ExitCode::from(EXIT_UNUSABLE)
        }
    }
}

fn parse_args() -> Cli {
    let data = match paths::data_dir() {
        Ok(dir) => dir.display().to_string(),
        Err(err) => err.to_string(),
    };
    let command = Cli::command().after_help(format!(
        "Data directory: {data}\n  (set {} to use another)\nWriting a lesson pack: docs/authoring.md",
        paths::HOME_ENV
    ));
    let matches = command.get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.exit())
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let lang = Lang::detect(cli.lang.map(Lang::from), |name| std::env::var(name).ok());
    let source = match &cli.lessons {
        Some(dir) => PackSource::Dir(dir.clone()),
        None => PackSource::BuiltIn,
    };
    match cli.command {
        None => run_tutor(&source, lang, cli.theme.map(Into::into)),
        Some(Command::List { format }) => list(&source, lang, format),
        Some(Command::Check {
            format,
            pss,
            pss_version,
            profile,
            disable,
            enable,
            files,
        }) => {
            let options = validate::Options {
                pss: pss.map(Into::into),
                pss_version,
                profile: profile.map(Into::into),
                disabled: disable,
                enabled: enable,
            };
            check(&files, lang, format, &options)
        }
        Some(Command::Rules { format }) => {
            let format = match format {
                RulesFormatArg::Text => commands::rules::RulesFormat::Text,
                RulesFormatArg::Json => commands::rules::RulesFormat::Json,
                RulesFormatArg::Md => commands::rules::RulesFormat::Markdown,
            };
            print_out(&commands::rules::rules(lang, format)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Grade {
            format,
            exercise,
            file,
        }) => grade(&source, &exercise, &file, lang, format),
        Some(Command::Pack {
            command: PackCommand::Lint { dir },
        }) => lint(dir.map_or(source, PackSource::Dir)),
        Some(Command::Progress { command }) => progress_command(&source, lang, command),
        Some(Command::Report { format, files }) => report(&files, format),
        Some(Command::Quiz {
            items,
            print,
            answers,
            report,
        }) => plain_quiz(&source, lang, &items, print, answers, &report),
        Some(Command::Exam {
            items,
            minutes,
            pass_mark,
            resume,
            restart,
            report,
        }) => {
            let exam = ExamOptions {
                minutes,
                pass_mark,
                resume,
                restart,
            };
            plain_exam(&source, lang, &items, &exam, &report)
        }
    }
}

/// Opens the learner's database, telling them when a damaged one was kept aside.
fn open_store() -> anyhow::Result<Store> {
    let dir = paths::data_dir()?;
    let opened = Store::open_in(&dir, Utc::now())?;
    if let Some(kept) = opened.kept_damaged {
        eprintln!(
            "kubetutor: note: the progress database could not be read; it was kept as {} and a new one was started",
            kept.display()
        );
    }
    Ok(opened.store)
}

fn progress_command(
    source: &PackSource,
    lang: Lang,
    command: ProgressCommand,
) -> anyhow::Result<ExitCode> {
    let course = Course::load(source)?;
    let outline = summary::outline(&course, lang);
    match command {
        ProgressCommand::Show { format } => {
            let store = open_store()?;
            let facts = summary::Facts::load(&store, Utc::now())?;
            let rows = summary::summarize(&outline, &facts);
            match format {
                Format::Text => print_out(&commands::progress::show(
                    &rows,
                    lang,
                    &store.path().display().to_string(),
                ))?,
                Format::Json => print_out(&(serde_json::to_string_pretty(&rows)? + "\n"))?,
            }
        }
        ProgressCommand::Export { out, name } => {
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
                    .with_context(|| format!("cannot write {}", path.display()))?,
                None => print_out(&json)?,
            }
        }
        ProgressCommand::Reset { lesson, yes } => {
            if let Some(id) = &lesson
                && !course.lessons().iter().any(|l| &l.id == id)
            {
                let known: Vec<&str> = course.lessons().iter().map(|l| l.id.as_str()).collect();
                bail!(
                    "no lesson `{}` in this course (lessons: {})",
                    sanitize(id),
                    known.join(", ")
                );
            }
            let what = lesson.as_deref().map_or_else(
                || "all progress (answers, attempts, reading state, reviews)".to_string(),
                |id| format!("the progress of lesson `{id}`"),
            );
            if !yes {
                bail!("this would forget {what}; run again with --yes to confirm");
            }
            open_store()?.reset(lesson.as_deref())?;
            eprintln!("kubetutor: forgot {what}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Answers typed or piped in, read on a thread so an exam's clock can run
/// out while the learner thinks.
struct StdinLines(std::sync::mpsc::Receiver<String>);

impl StdinLines {
    fn spawn() -> StdinLines {
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::stdin().lines() {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        StdinLines(receiver)
    }
}

impl session::LineSource for StdinLines {
    fn next_line(&mut self, timeout: Option<std::time::Duration>) -> session::Line {
        use std::sync::mpsc::RecvTimeoutError;
        let received = match timeout {
            Some(timeout) => self.0.recv_timeout(timeout),
            None => self.0.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(line) => session::Line::Text(line),
            Err(RecvTimeoutError::Timeout) => session::Line::TimedOut,
            Err(RecvTimeoutError::Disconnected) => session::Line::Eof,
        }
    }
}

/// What only an exam takes.
struct ExamOptions {
    minutes: Option<u32>,
    pass_mark: u32,
    resume: bool,
    restart: bool,
}

fn session_spec(
    kind: SessionKind,
    items: &ItemArgs,
    minutes: Option<u32>,
    pass_mark: u32,
) -> SessionSpec {
    SessionSpec {
        kind,
        lessons: items.lesson_ids.clone(),
        count: items.count.and_then(|n| usize::try_from(n).ok()),
        seed: items
            .seed
            .unwrap_or_else(|| u64::try_from(Utc::now().timestamp_millis()).unwrap_or(0)),
        minutes,
        pass_mark,
    }
}

/// Records each answer in the progress store (a failure is reported once,
/// and the session goes on).
fn answer_recorder(
    store: Option<Store>,
    kind: SessionKind,
) -> impl FnMut(&Session, usize, &GivenAnswer) {
    let mut store = store;
    move |session, index, given| {
        let Some(active) = store.as_mut() else { return };
        let item = &session.items[index];
        let answer = kubetutor::progress::NewAnswer {
            item_id: &item.item,
            lesson_id: &item.lesson,
            answer: &given.answer,
            correct: given.correct,
            duration_ms: given.duration_ms,
            mode: kind.mode(),
        };
        if let Err(err) = active.record_answer(&answer, given.answered_at) {
            eprintln!("kubetutor: warning: answers are not being saved: {err}");
            store = None;
        }
    }
}

fn write_session_report(report: &SessionReport, args: &ReportArgs) -> anyhow::Result<()> {
    let Some(path) = &args.file else {
        return Ok(());
    };
    let text = match args.format.unwrap_or(SessionFormat::Md) {
        SessionFormat::Json => report.json(),
        SessionFormat::Junit => report.junit(),
        SessionFormat::Md => report.markdown(),
    };
    workspace::write_atomically(path, &text)
        .with_context(|| format!("cannot write {}", path.display()))
}

fn learner_name(store: Option<&Store>) -> String {
    store
        .and_then(|s| s.setting("name").ok().flatten())
        .unwrap_or_else(default_learner)
}

fn plain_quiz(
    source: &PackSource,
    lang: Lang,
    items: &ItemArgs,
    print: bool,
    answers: bool,
    report_args: &ReportArgs,
) -> anyhow::Result<ExitCode> {
    let course = Course::load(source)?;
    let spec = session_spec(SessionKind::Quiz, items, None, 0);
    let mut quiz = Session::start(&course, &spec, Utc::now())?;
    if print {
        print_out(&session::sheet(&quiz, &course, lang, answers))?;
        return Ok(ExitCode::SUCCESS);
    }
    let store = open_store().ok();
    let learner = learner_name(store.as_ref());
    let mut recorder = answer_recorder(store, SessionKind::Quiz);
    let mut out = std::io::stdout().lock();
    let ending = session::run(
        &mut quiz,
        &course,
        lang,
        &mut StdinLines::spawn(),
        &mut out,
        &SystemClock,
        &mut recorder,
    )?;
    let report = SessionReport::build(&quiz, &course, lang, &learner, Utc::now(), false);
    writeln!(
        out,
        "\n{}/{} ({}%){}",
        report.correct,
        report.total,
        report.percent,
        if ending == session::Ending::Stopped {
            format!(" · {}", kubetutor::i18n::Msg::PlainStopped.text(lang))
        } else {
            String::new()
        }
    )?;
    write_session_report(&report, report_args)?;
    Ok(ExitCode::SUCCESS)
}

fn plain_exam(
    source: &PackSource,
    lang: Lang,
    items: &ItemArgs,
    options: &ExamOptions,
    report_args: &ReportArgs,
) -> anyhow::Result<ExitCode> {
    let course = Course::load(source)?;
    let dir = paths::data_dir()?;
    let pending = Session::load(&dir)?;
    let mut exam = match (pending, options.resume, options.restart) {
        (Some(exam), true, _) => exam,
        (None, true, _) => bail!("there is no unfinished exam to resume"),
        (Some(exam), false, false) => bail!(
            "an unfinished exam started {} is waiting: `kubetutor exam --resume` continues it, `kubetutor exam --restart` discards it",
            exam.started_at.format("%Y-%m-%d %H:%M UTC")
        ),
        (_, false, _) => {
            let spec = session_spec(SessionKind::Exam, items, options.minutes, options.pass_mark);
            let exam = Session::start(&course, &spec, Utc::now())?;
            exam.save(&dir)?;
            exam
        }
    };
    let store = open_store().ok();
    let learner = learner_name(store.as_ref());
    let mut record = answer_recorder(store, SessionKind::Exam);
    let mut save_error = None;
    let mut recorder = |session: &Session, index: usize, given: &GivenAnswer| {
        record(session, index, given);
        if let Err(err) = session.save(&dir) {
            save_error.get_or_insert(err);
        }
    };
    let mut out = std::io::stdout().lock();
    let ending = session::run(
        &mut exam,
        &course,
        lang,
        &mut StdinLines::spawn(),
        &mut out,
        &SystemClock,
        &mut recorder,
    )?;
    if let Some(err) = save_error {
        eprintln!("kubetutor: warning: the exam could not be saved for --resume: {err}");
    }
    if ending == session::Ending::Stopped {
        writeln!(out, "{}", kubetutor::i18n::Msg::PlainResume.text(lang))?;
        return Ok(ExitCode::from(3));
    }
    let time_up = ending == session::Ending::TimeUp;
    let report = SessionReport::build(&exam, &course, lang, &learner, Utc::now(), time_up);
    writeln!(out, "\n{}", report.markdown())?;
    write_session_report(&report, report_args)?;
    Session::discard(&dir)?;
    Ok(if report.passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The learner's name when none was given: the login name, else "learner".
fn default_learner() -> String {
    ["USER", "USERNAME"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|name| !name.is_empty())
        .unwrap_or_else(|| "learner".to_string())
}

fn report(files: &[std::path::PathBuf], format: ReportFormat) -> anyhow::Result<ExitCode> {
    let mut exports = Vec::new();
    let mut sessions = Vec::new();
    let mut refused = 0;
    for file in files {
        match read_report_file(file) {
            Ok(ReportFile::Progress(export)) => exports.push((file.clone(), *export)),
            Ok(ReportFile::Session(report)) => sessions.push(*report),
            Err(err) => {
                eprintln!("kubetutor: error: {}", sanitize(&format!("{err:#}")));
                refused += 1;
            }
        }
    }
    if exports.is_empty() && sessions.is_empty() {
        return Ok(ExitCode::from(EXIT_UNUSABLE));
    }
    let team = (!exports.is_empty()).then(|| progress::report::build(&exports, Utc::now()));
    let results = (!sessions.is_empty()).then(|| kubetutor::exam::report::summarize(&sessions));
    let text = match format {
        ReportFormat::Md => {
            let mut parts = Vec::new();
            if let Some(team) = &team {
                parts.push(progress::report::markdown(team));
            }
            if let Some(results) = &results {
                parts.push(results.markdown());
            }
            sanitize_lines(&parts.join("\n"))
        }
        ReportFormat::Json => {
            serde_json::to_string_pretty(&serde_json::json!({
                "progress": team,
                "sessions": results,
            }))? + "\n"
        }
    };
    print_out(&text)?;
    Ok(if refused > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A file `kubetutor report` reads: a progress export or a session report.
enum ReportFile {
    Progress(Box<Export>),
    Session(Box<SessionReport>),
}

fn read_report_file(path: &std::path::Path) -> anyhow::Result<ReportFile> {
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    let value = serde_json::from_str::<serde_json::Value>(&text).ok();
    let is_session = value
        .as_ref()
        .and_then(|value| value.get("report").and_then(|r| r.as_str()))
        .is_some_and(|mark| mark == kubetutor::exam::report::REPORT_MARK);
    if !is_session {
        return Ok(ReportFile::Progress(Box::new(Export::parse(&text, path)?)));
    }
    let version = value
        .as_ref()
        .and_then(|value| value.get("schema_version").and_then(|v| v.as_u64()));
    if version != Some(u64::from(kubetutor::exam::report::REPORT_VERSION)) {
        bail!(
            "{}:1:1: session report format version {} is not one this kubetutor reads ({}); a newer kubetutor wrote it, or it is damaged",
            path.display(),
            version.map_or_else(|| "(missing)".to_string(), |v| v.to_string()),
            kubetutor::exam::report::REPORT_VERSION
        );
    }
    let report: SessionReport = serde_json::from_str(&text).map_err(|err| {
        anyhow::anyhow!("{}:{}:{}: {err}", path.display(), err.line(), err.column())
    })?;
    Ok(ReportFile::Session(Box::new(report)))
}

/// Escapes control characters from other people's files, keeping line breaks.
fn sanitize_lines(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| match line.strip_suffix('\n') {
            Some(body) => sanitize(body) + "\n",
            None => sanitize(line),
        })
        .collect()
}

fn run_tutor(
    source: &PackSource,
    lang: Lang,
    theme: Option<ThemeName>,
) -> anyhow::Result<ExitCode> {
    let course = Course::load(source)?;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        bail!(
            "the tutor needs a terminal; `kubetutor list` and `kubetutor pack lint` work without one"
        );
    }
    let opened = paths::data_dir()
        .map_err(anyhow::Error::from)
        .and_then(|dir| Ok((Store::open_in(&dir, Utc::now())?, dir)));
    let (mut store, problem, kept_damaged) = match opened {
        Ok((opened, _)) => (Some(opened.store), None, opened.kept_damaged),
        Err(err) => (None, Some(format!("{err:#}")), None),
    };
    let dir = paths::data_dir().ok();
    if let (Some(store), Some(theme)) = (store.as_mut(), theme)
        && let Err(err) = store.set_setting("theme", theme.as_str())
    {
        eprintln!("kubetutor: warning: the theme will not be remembered: {err}");
    }
    let saved = store
        .as_ref()
        .and_then(|store| store.setting("theme").ok().flatten())
        .and_then(|name| ThemeName::parse(&name));
    let theme = Theme::choose(theme.or(saved), std::env::var_os("NO_COLOR"));
    let mut app = App::new(course, lang, theme, tui::MIN_SIZE);
    match (store, dir) {
        (Some(store), Some(dir)) => app = app.with_progress(store, Workspace::new(&dir)),
        (None, Some(dir)) => app = app.with_workspace(Workspace::new(&dir)),
        _ => {}
    }
    if let Some(problem) = problem {
        app.set_progress_problem(problem);
    }
    tui::run(app).context("terminal error")?;
    if let Some(kept) = kept_damaged {
        eprintln!(
            "kubetutor: note: the progress database could not be read; it was kept as {} and a new one was started",
            kept.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn list(source: &PackSource, lang: Lang, format: Format) -> anyhow::Result<ExitCode> {
    let course = Course::load(source)?;
    let format = match format {
        Format::Text => ListFormat::Text,
        Format::Json => ListFormat::Json,
    };
    print_out(&commands::list(&course, lang, format)?)?;
    Ok(ExitCode::SUCCESS)
}

fn lint(source: PackSource) -> anyhow::Result<ExitCode> {
    let report = Course::lint(&source)?;
    let (problems, summary) = commands::lint_output(&source, &report);
    print_out(&problems)?;
    if report.problems.is_empty() {
        print_out(&summary)?;
        Ok(ExitCode::SUCCESS)
    } else {
        eprint!("{summary}");
        Ok(ExitCode::from(1))
    }
}

fn check(
    files: &[std::path::PathBuf],
    lang: Lang,
    format: Format,
    options: &validate::Options,
) -> anyhow::Result<ExitCode> {
    let mut checked = Vec::new();
    let mut unreadable = false;
    for file in files {
        let name = file.display().to_string();
        let bytes = if name == "-" {
            read_limited(std::io::stdin())
        } else {
            std::fs::File::open(file).and_then(read_limited)
        };
        match bytes {
            Ok(bytes) => checked.push(Checked {
                report: validate::check_bytes_with(&bytes, options),
                source: String::from_utf8_lossy(&bytes).into_owned(),
                file: name,
            }),
            Err(err) => {
                eprintln!("kubetutor: error: {}: {err}", sanitize(&name));
                unreadable = true;
            }
        }
    }
    let output = match format {
        Format::Json => commands::check::json(&checked, lang)?,
        Format::Text => {
            let colour = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            commands::check::text(&checked, lang, colour)
        }
    };
    print_out(&output)?;
    let errors = commands::check::summary(&checked).errors;
    Ok(ExitCode::from(if unreadable {
        EXIT_UNUSABLE
    } else if errors > 0 {
        1
    } else {
        0
    }))
}

fn grade(
    source: &PackSource,
    id: &str,
    file: &std::path::Path,
    lang: Lang,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let course = Course::load(source)?;
    let Some(exercise) = course.exercises().iter().find(|e| e.id == id) else {
        let known: Vec<&str> = course.exercises().iter().map(|e| e.id.as_str()).collect();
        bail!(
            "no exercise `{}` in this pack (exercises: {})",
            sanitize(id),
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        );
    };
    let name = file.display().to_string();
    let bytes = if name == "-" {
        read_limited(std::io::stdin())
    } else {
        std::fs::File::open(file).and_then(read_limited)
    }
    .with_context(|| sanitize(&name))?;
    if bytes.len() > validate::MAX_INPUT_BYTES {
        bail!(
            "{}: larger than {} bytes",
            sanitize(&name),
            validate::MAX_INPUT_BYTES
        );
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("{}: not UTF-8 text", sanitize(&name)))?;
    let verdict = exercise.grade(&text);
    let output = match format {
        Format::Json => commands::grade::json(&verdict, lang)?,
        Format::Text => {
            let colour = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            commands::grade::text(&verdict, &name, &text, lang, colour)
        }
    };
    print_out(&output)?;
    Ok(ExitCode::from(if verdict.passed { 0 } else { 1 }))
}

/// Reads at most one byte more than the validator accepts, so a huge file or
/// an endless stream (`/dev/zero`) is refused without filling memory.
fn read_limited(reader: impl Read) -> std::io::Result<Vec<u8>> {
    let mut buffer = Vec::new();
    let limit = u64::try_from(validate::MAX_INPUT_BYTES).unwrap_or(u64::MAX) + 1;
    reader.take(limit).read_to_end(&mut buffer)?;
    Ok(buffer)
}

/// Writes to stdout; a reader that went away (`| head`) is not an error.
fn print_out(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
