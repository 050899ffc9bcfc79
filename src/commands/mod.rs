//! The subcommands, one module each: what they do and what they print,
//! kept in the library so they can be tested without a process and so every
//! pack string is escaped in one place. `main.rs` only parses the command
//! line and calls [`run`]-style entry points here.

pub mod check;
pub mod data;
pub mod grade;
mod grade_explain;
pub mod input;
pub mod list;
pub mod pack;
pub mod progress;
pub mod quiz;
pub mod report;
pub mod rules;
pub mod session;
pub mod sheet;
pub mod tutor;

use std::io::Write;
use std::path::PathBuf;

use crate::content::{PackError, PackSource};
use crate::exam::SessionError;
use crate::i18n::{Errors, Lang};
use crate::paths::NoDataDir;
use crate::progress::ProgressError;
use crate::workspace::WorkspaceError;

/// What a command needs from the global options.
#[derive(Debug, Clone)]
pub struct Context {
    pub source: PackSource,
    pub lang: Lang,
}

/// How a command ended, as the process exit code documents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done; clean input; passed.
    Success,
    /// 1: findings with errors, a failed grade or exam, pack problems, some
    /// report files unreadable.
    Failure,
    /// 2: input kubetutor cannot use (a missing file, a broken pack).
    Unusable,
    /// 3: an exam stopped before the end (resume with `--resume`).
    Stopped,
}

impl Exit {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Failure => 1,
            Exit::Unusable => 2,
            Exit::Stopped => 3,
        }
    }
}

/// Why a command could not do its work (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Pack(#[from] PackError),
    #[error(transparent)]
    Progress(#[from] ProgressError),
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(transparent)]
    DataDir(#[from] NoDataDir),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: WorkspaceError,
    },
    #[error("{0}")]
    Read(String),
    /// The learner asked for something that cannot be done; the message says why.
    #[error("{0}")]
    Refused(String),
    #[error("terminal error: {0}")]
    Terminal(#[source] std::io::Error),
    #[error(transparent)]
    Output(#[from] std::io::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

impl CommandError {
    /// The line `kubetutor: error: …` the learner reads, in `lang`: the
    /// errors of plain mode and of the data directory are worded in every
    /// language; a pack's own errors stay English for its author.
    pub fn line(&self, lang: Lang) -> String {
        Errors::Prefix.fill(lang, &[("message", &self.localized(lang))])
    }

    fn localized(&self, lang: Lang) -> String {
        match self {
            CommandError::Session(SessionError::UnknownLesson(lesson, known)) => {
                Errors::UnknownLesson.fill(lang, &[("lesson", lesson), ("known", known)])
            }
            CommandError::Session(SessionError::NoItems) => Errors::NoItems.text(lang).into(),
            CommandError::DataDir(_) => {
                Errors::NoDataDir.fill(lang, &[("env", &crate::paths::HOME_ENV)])
            }
            CommandError::Progress(ProgressError::NewerDatabase {
                path,
                found,
                supported,
            }) => Errors::NewerDatabase.fill(
                lang,
                &[
                    ("path", &path.display()),
                    ("found", found),
                    ("supported", supported),
                ],
            ),
            CommandError::Write { path, source } => {
                Errors::CannotWrite.fill(lang, &[("path", &path.display()), ("reason", source)])
            }
            CommandError::Terminal(reason) => Errors::Terminal.fill(lang, &[("reason", reason)]),
            other => other.to_string(),
        }
    }
}

/// Writes to stdout; a reader that went away (`| head`) is not an error.
pub fn print_out(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Whether stdout is a terminal that wants colour (NO_COLOR unset or empty).
pub fn colour_wanted() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// "1 lesson", "2 lessons".
fn counted(count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {noun}{plural}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        assert_eq!(counted(1, "lesson"), "1 lesson");
        assert_eq!(counted(0, "exercise"), "0 exercises");
    }

    #[test]
    fn exit_codes_are_the_documented_ones() {
        let codes: Vec<u8> = [Exit::Success, Exit::Failure, Exit::Unusable, Exit::Stopped]
            .iter()
            .map(|exit| exit.code())
            .collect();
        assert_eq!(codes, [0, 1, 2, 3]);
    }
}
