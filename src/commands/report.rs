//! `kubetutor report`: a team summary from progress exports and quiz or
//! exam session reports, in Markdown or JSON.

use std::path::{Path, PathBuf};

use chrono::Utc;

use super::{CommandError, Exit, print_out};
use crate::exam::report::{self, REPORT_MARK, REPORT_VERSION, SessionReport};
use crate::i18n::Lang;
use crate::markdown::sanitize;
use crate::progress::{self, export::Export};

/// Output formats of `kubetutor report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Md,
    Json,
}

/// Reads every file (each refused file is reported on stderr) and prints
/// the summary, Markdown headings and columns in `lang`: exit 1 when some
/// files were refused, 2 when none was read.
pub fn run(files: &[PathBuf], format: ReportFormat, lang: Lang) -> Result<Exit, CommandError> {
    let mut exports = Vec::new();
    let mut sessions = Vec::new();
    let mut refused = 0;
    for file in files {
        match read_report_file(file) {
            Ok(ReportFile::Progress(export)) => exports.push((file.clone(), *export)),
            Ok(ReportFile::Session(report)) => sessions.push(*report),
            Err(err) => {
                eprintln!("kubetutor: error: {}", sanitize(&err));
                refused += 1;
            }
        }
    }
    if exports.is_empty() && sessions.is_empty() {
        return Ok(Exit::Unusable);
    }
    let team = (!exports.is_empty()).then(|| progress::report::build(&exports, Utc::now()));
    let results = (!sessions.is_empty()).then(|| report::summarize(&sessions));
    let text = match format {
        ReportFormat::Md => {
            let mut parts = Vec::new();
            if let Some(team) = &team {
                parts.push(progress::report::markdown(team, lang));
            }
            if let Some(results) = &results {
                parts.push(results.markdown(lang));
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
        Exit::Failure
    } else {
        Exit::Success
    })
}

/// A file `kubetutor report` reads: a progress export or a session report.
enum ReportFile {
    Progress(Box<Export>),
    Session(Box<SessionReport>),
}

/// Reads one file; the error names it (with line and column where it has them).
fn read_report_file(path: &Path) -> Result<ReportFile, String> {
    let text = std::fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))?;
    let value = serde_json::from_str::<serde_json::Value>(&text).ok();
    let is_session = value
        .as_ref()
        .and_then(|value| value.get("report").and_then(|r| r.as_str()))
        .is_some_and(|mark| mark == REPORT_MARK);
    if !is_session {
        return Export::parse(&text, path)
            .map(|export| ReportFile::Progress(Box::new(export)))
            .map_err(|err| err.to_string());
    }
    let version = value
        .as_ref()
        .and_then(|value| value.get("schema_version").and_then(|v| v.as_u64()));
    if version != Some(u64::from(REPORT_VERSION)) {
        return Err(format!(
            "{}:1:1: session report format version {} is not one this kubetutor reads ({}); a newer kubetutor wrote it, or it is damaged",
            path.display(),
            version.map_or_else(|| "(missing)".to_string(), |v| v.to_string()),
            REPORT_VERSION
        ));
    }
    let report: SessionReport = serde_json::from_str(&text)
        .map_err(|err| format!("{}:{}:{}: {err}", path.display(), err.line(), err.column()))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_survive_escaping() {
        assert_eq!(
            sanitize_lines("a\u{1b}b\nc\n"),
            "a\\u{1b}b\nc\n".replace("\\u{1b}", &sanitize("\u{1b}"))
        );
    }

    #[test]
    fn newer_session_reports_are_refused_with_their_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        std::fs::write(
            &path,
            format!("{{\"report\":\"{REPORT_MARK}\",\"schema_version\":99}}"),
        )
        .unwrap();
        let Err(err) = read_report_file(&path) else {
            panic!("a newer report was read");
        };
        assert!(
            err.ends_with("a newer kubetutor wrote it, or it is damaged"),
            "{err}"
        );
        assert!(
            err.contains("r.json:1:1: session report format version 99"),
            "{err}"
        );
    }
}
