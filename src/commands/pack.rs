//! `kubetutor pack lint`: every problem of a pack, one located line each.

use super::{CommandError, Exit, counted, print_out};
use crate::content::{Course, LintReport, PackSource};
use crate::markdown::sanitize;

/// Lints the pack: problems and a summary on stdout when clean; problems on
/// stdout and the summary on stderr (exit 1) otherwise.
pub fn lint(source: &PackSource) -> Result<Exit, CommandError> {
    let report = Course::lint(source)?;
    let (problems, summary) = lint_output(source, &report);
    print_out(&problems)?;
    if report.problems.is_empty() {
        print_out(&summary)?;
        Ok(Exit::Success)
    } else {
        eprint!("{summary}");
        Ok(Exit::Failure)
    }
}

/// What `pack lint` prints: one line per problem (for stdout), and a summary
/// line (stdout when clean, stderr otherwise).
pub fn lint_output(source: &PackSource, report: &LintReport) -> (String, String) {
    let problems: String = report.problems.iter().map(|p| format!("{p}\n")).collect();
    let name = match source {
        PackSource::BuiltIn => "built-in course".to_string(),
        PackSource::Dir(dir) => sanitize(&dir.display().to_string()).replace('\n', " "),
    };
    let languages: Vec<&str> = report.languages.iter().map(|l| l.code()).collect();
    let verdict = match report.problems.len() {
        0 => "clean".to_string(),
        count => counted(count, "problem"),
    };
    let summary = format!(
        "{name}: {} ({}), {}, {}: {verdict}\n",
        counted(report.lessons, "lesson"),
        languages.join(", "),
        counted(report.quiz_items, "quiz item"),
        counted(report.exercises, "exercise")
    );
    (problems, summary)
}
