//! The `kubetutor` binary: parses the command line and dispatches to the library.

mod cli;

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::Utc;
use clap::{CommandFactory, FromArgMatches};
use kubetutor::commands::check::Checked;
use kubetutor::commands::{self, ListFormat};
use kubetutor::content::{Course, PackSource};
use kubetutor::i18n::Lang;
use kubetutor::markdown::sanitize;
use kubetutor::paths;
use kubetutor::progress::{self, Store, export::Export, summary};
use kubetutor::tui::{self, App, Theme, ThemeName};
use kubetutor::validate;
use kubetutor::workspace::{self, Workspace};

use cli::{Cli, Command, Format, PackCommand, ProgressCommand, ReportFormat};

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
            files,
        }) => {
            let options = validate::Options {
                pss: pss.map(Into::into),
                pss_version,
                profile: profile.map(Into::into),
                disabled: disable,
            };
            check(&files, lang, format, &options)
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
    let mut refused = 0;
    for file in files {
        match Export::read(file) {
            Ok(export) => exports.push((file.clone(), export)),
            Err(err) => {
                eprintln!("kubetutor: error: {}", sanitize(&err.to_string()));
                refused += 1;
            }
        }
    }
    if exports.is_empty() {
        return Ok(ExitCode::from(EXIT_UNUSABLE));
    }
    let team = progress::report::build(&exports, Utc::now());
    let text = match format {
        ReportFormat::Md => sanitize_lines(&progress::report::markdown(&team)),
        ReportFormat::Json => serde_json::to_string_pretty(&team)? + "\n",
    };
    print_out(&text)?;
    Ok(if refused > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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
    let (mut store, problem, kept_damaged, dir) = match opened {
        Ok((opened, dir)) => (Some(opened.store), None, opened.kept_damaged, Some(dir)),
        Err(err) => (None, Some(format!("{err:#}")), None, None),
    };
    if let (Some(store), Some(theme)) = (store.as_mut(), theme) {
        store.set_setting("theme", theme.as_str())?;
    }
    let saved = store
        .as_ref()
        .and_then(|store| store.setting("theme").ok().flatten())
        .and_then(|name| ThemeName::parse(&name));
    let theme = Theme::choose(theme.or(saved), std::env::var_os("NO_COLOR"));
    let mut app = App::new(course, lang, theme, tui::MIN_SIZE);
    if let (Some(store), Some(dir)) = (store, dir) {
        app = app.with_progress(store, Workspace::new(&dir));
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
    let verdict = kubetutor::grade::grade(exercise, &text);
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
