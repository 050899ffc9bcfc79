//! The `kubetutor` binary: parses the command line and dispatches to the
//! library's commands; every error is the library's own, printed in the
//! learner's language.

mod cli;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use kubetutor::commands::{CommandError, Context, Exit, check, grade, list, pack, progress, quiz};
use kubetutor::commands::{report, rules, tutor};
use kubetutor::content::PackSource;
use kubetutor::i18n::Lang;
use kubetutor::paths;

use cli::{Cli, Command, PackCommand, ProgressCommand};

fn main() -> ExitCode {
    let cli = parse_args();
    let lang = Lang::detect(cli.lang.map(Lang::from), |name| std::env::var(name).ok());
    match run(cli, lang) {
        Ok(exit) => ExitCode::from(exit.code()),
        Err(err) => {
            eprintln!("{}", err.line(lang));
            ExitCode::from(Exit::Unusable.code())
        }
    }
}

/// Parses the arguments; the help ends with where the data lives.
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

fn run(cli: Cli, lang: Lang) -> Result<Exit, CommandError> {
    let source = cli.lessons.map_or(PackSource::BuiltIn, PackSource::Dir);
    let context = Context { source, lang };
    let exit = match cli.command {
        None => tutor::run(&context, cli.theme.map(Into::into), cli.seed)?,
        Some(Command::List { format }) => list::run(&context, format.into())?,
        Some(Command::Check(args)) => {
            let mut options = args.options();
            options.crds = check::load_crds(&args.crd)?;
            check::run(&args.files, lang, args.format.into(), &options)?
        }
        Some(Command::Rules { format }) => rules::run(lang, format.into())?,
        Some(Command::Grade {
            format,
            explain,
            cluster,
            exercise,
            file,
        }) => match (explain, file) {
            (false, Some(file)) => {
                let target = grade::Target {
                    exercise: &exercise,
                    file: &file,
                    kube_version: cluster.kube_version,
                    gates: cluster.feature_gates,
                };
                grade::run(&context, &target, format.into())?
            }
            _ => grade::explain(&context, &exercise, format.into())?,
        },
        Some(Command::Pack {
            command: PackCommand::Lint { dir },
        }) => pack::lint(&dir.map_or(context.source, PackSource::Dir))?,
        Some(Command::Progress { command }) => match command {
            ProgressCommand::Show { format } => progress::run_show(&context, format.into())?,
            ProgressCommand::Export { out, name } => progress::run_export(&context, out, name)?,
            ProgressCommand::Reset { lesson, yes } => progress::run_reset(&context, lesson, yes)?,
        },
        Some(Command::Report { format, files }) => report::run(&files, format.into(), lang)?,
        Some(Command::Quiz {
            items,
            print,
            answers,
            report,
        }) => {
            let mode = quiz::SessionMode::Quiz { print, answers };
            quiz::run(&context, &mode, &items.into(), &report.into())?
        }
        Some(Command::Exam(args)) => {
            let mode = quiz::SessionMode::Exam(args.options());
            quiz::run(&context, &mode, &args.items.into(), &args.report.into())?
        }
    };
    Ok(exit)
}
