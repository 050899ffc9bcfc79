//! The `kubetutor` binary: parses the command line and dispatches to the library.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{CommandFactory, FromArgMatches};
use kubetutor::content::{Course, PackSource};
use kubetutor::i18n::Lang;
use kubetutor::markdown::display_width;
use kubetutor::paths;
use kubetutor::tui::{self, App, Theme};

use cli::{Cli, Command, Format, PackCommand};

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
        None => run_tutor(&source, lang),
        Some(Command::List { format }) => list(&source, lang, format),
        Some(Command::Pack {
            command: PackCommand::Lint { dir },
        }) => lint(dir.map_or(source, PackSource::Dir)),
    }
}

fn run_tutor(source: &PackSource, lang: Lang) -> anyhow::Result<ExitCode> {
    let course = Course::load(source)?;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        bail!(
            "the tutor needs a terminal; `kubetutor list` and `kubetutor pack lint` work without one"
        );
    }
    let theme = Theme::from_env(std::env::var_os("NO_COLOR"));
    let app = App::new(course, lang, theme, tui::MIN_SIZE);
    tui::run(app).context("terminal error")?;
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Serialize)]
struct ListEntry<'a> {
    id: &'a str,
    title: &'a str,
    category: &'a str,
    order: u32,
    minutes: u32,
    lang: Lang,
    fallback: bool,
}

fn list(source: &PackSource, lang: Lang, format: Format) -> anyhow::Result<ExitCode> {
    let course = Course::load(source)?;
    let entries: Vec<ListEntry> = course
        .lessons()
        .iter()
        .filter_map(|set| set.get(lang))
        .map(|localized| {
            let meta = &localized.lesson.meta;
            ListEntry {
                id: &meta.id,
                title: &meta.title,
                category: &meta.category,
                order: meta.order,
                minutes: meta.minutes,
                lang: localized.lesson.lang,
                fallback: localized.fallback,
            }
        })
        .collect();
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&entries)?)?,
        Format::Text => {
            let id_width = entries
                .iter()
                .map(|e| display_width(e.id))
                .max()
                .unwrap_or(0);
            for entry in &entries {
                let note = if entry.fallback { " (en)" } else { "" };
                writeln!(
                    out,
                    "{:>2}  {:<id_width$}  {:>3} min  {}{note}",
                    entry.order, entry.id, entry.minutes, entry.title
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn lint(source: PackSource) -> anyhow::Result<ExitCode> {
    let report = Course::lint(&source)?;
    let mut out = std::io::stdout().lock();
    for problem in &report.problems {
        writeln!(out, "{problem}")?;
    }
    let name = match &source {
        PackSource::BuiltIn => "built-in course".to_string(),
        PackSource::Dir(dir) => dir.display().to_string(),
    };
    let languages: Vec<&str> = report.languages.iter().map(|l| l.code()).collect();
    let summary = format!(
        "{name}: {} ({}), {}, {}",
        counted(report.lessons, "lesson"),
        languages.join(", "),
        counted(report.quiz_items, "quiz item"),
        counted(report.exercises, "exercise")
    );
    if report.problems.is_empty() {
        writeln!(out, "{summary}: clean")?;
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{summary}: {}", counted(report.problems.len(), "problem"));
        Ok(ExitCode::from(1))
    }
}

/// "1 lesson", "2 lessons".
fn counted(count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {noun}{plural}")
}
