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
    let mut problems: String = report.problems.iter().map(|p| format!("{p}\n")).collect();
    for warning in &report.warnings {
        let mut warning = warning.clone();
        warning.message = format!("warning: {}", warning.message);
        problems.push_str(&format!("{warning}\n"));
    }
    let name = match source {
        PackSource::BuiltIn => "built-in course".to_string(),
        PackSource::Dir(dir) => sanitize(&dir.display().to_string()).replace('\n', " "),
    };
    let languages: Vec<&str> = report.languages.iter().map(|l| l.code()).collect();
    let mut verdict = match report.problems.len() {
        0 => "clean".to_string(),
        count => counted(count, "problem"),
    };
    if !report.warnings.is_empty() {
        verdict.push_str(&format!(", {}", counted(report.warnings.len(), "warning")));
    }
    let summary = format!(
        "{name}: {} ({}), {}, {}: {verdict}\n",
        counted(report.lessons, "lesson"),
        languages.join(", "),
        counted(report.quiz_items, "quiz item"),
        counted(report.exercises, "exercise")
    );
    (problems, summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Problem;
    use crate::i18n::Lang;
    use std::path::PathBuf;

    fn report(problems: Vec<Problem>) -> LintReport {
        LintReport {
            problems,
            warnings: Vec::new(),
            lessons: 1,
            languages: vec![Lang::En, Lang::Ja],
            quiz_items: 2,
            exercises: 1,
        }
    }

    #[test]
    fn a_clean_pack_prints_only_its_summary() {
        let (problems, summary) = lint_output(&PackSource::BuiltIn, &report(Vec::new()));
        assert_eq!(problems, "");
        assert_eq!(
            summary,
            "built-in course: 1 lesson (en, ja), 2 quiz items, 1 exercise: clean\n"
        );
    }

    #[test]
    fn warnings_are_marked_and_leave_the_pack_clean() {
        let mut found = report(Vec::new());
        found.warnings = vec![Problem::new("q.yaml", 1, 1, "leans one way")];
        let (lines, summary) = lint_output(&PackSource::BuiltIn, &found);
        assert_eq!(lines, "q.yaml:1:1: warning: leans one way\n");
        assert!(summary.ends_with(": clean, 1 warning\n"), "{summary}");
    }

    #[test]
    fn problems_are_one_located_line_each_and_the_pack_name_one_line() {
        let found = report(vec![
            Problem::new("a.md", 3, 7, "first"),
            Problem::new("b.yaml", 1, 1, "second"),
        ]);
        let source = PackSource::Dir(PathBuf::from("my\npack"));
        let (problems, summary) = lint_output(&source, &found);
        assert_eq!(problems.lines().count(), 2, "{problems}");
        assert!(problems.starts_with("a.md:3:7: first"), "{problems}");
        assert!(summary.starts_with("my pack: "), "{summary}");
        assert!(summary.ends_with(": 2 problems\n"), "{summary}");
    }
}
