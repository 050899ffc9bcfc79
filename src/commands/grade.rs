//! What `kubetutor grade` prints: the validator's findings as `check` shows
//! them, then each check with ✓ or ✗; or the documented JSON.

use std::path::Path;

use serde::Serialize;

use super::check::{self, CheckFormat, Checked, JsonFinding};
pub use super::grade_explain::explain;
use super::input::read_manifest;
use super::{CommandError, Context, Exit, colour_wanted, print_out};
use crate::content::{Course, Exercise};
use crate::grade::Verdict;
use crate::i18n::Lang;
use crate::markdown::sanitize;
use crate::validate::{self, FeatureGates, KubeVersion, Report, Severity};

/// What to grade: an exercise, the answer file, and the cluster when it
/// differs from the exercise's own.
pub struct Target<'a> {
    pub exercise: &'a str,
    pub file: &'a Path,
    /// `--kube-version`: overrides the exercise's `kubeVersion`.
    pub kube_version: Option<KubeVersion>,
    /// `--feature-gates`: replace the exercise's own when given.
    pub gates: FeatureGates,
}

/// Grades the file against the exercise of the pack: exit 0 when it
/// passes, 1 when it does not.
pub fn run(
    context: &Context,
    target: &Target<'_>,
    format: CheckFormat,
) -> Result<Exit, CommandError> {
    let course = Course::load(&context.source)?;
    let exercise = find_exercise(&course, target.exercise)?;
    let file = target.file;
    let mut cluster = exercise.cluster.clone();
    if let Some(version) = target.kube_version {
        cluster.version = version;
    }
    if !target.gates.is_empty() {
        cluster.gates = target.gates.clone();
    }
    let name = file.display().to_string();
    let bytes = read_manifest(file)
        .map_err(|err| CommandError::Read(format!("{}: {err}", sanitize(&name))))?;
    if bytes.len() > validate::MAX_INPUT_BYTES {
        return Err(CommandError::Refused(format!(
            "{}: larger than {} bytes",
            sanitize(&name),
            validate::MAX_INPUT_BYTES
        )));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| CommandError::Refused(format!("{}: not UTF-8 text", sanitize(&name))))?;
    let verdict = exercise.grade_on(&text, &cluster);
    let output = match format {
        CheckFormat::Json => json(&verdict, context.lang)?,
        CheckFormat::Text => text_output(&verdict, &name, &text, context.lang, colour_wanted()),
    };
    print_out(&output)?;
    Ok(if verdict.passed {
        Exit::Success
    } else {
        Exit::Failure
    })
}

/// The exercise `id` of the course, or an error that lists the known ones.
pub(super) fn find_exercise<'c>(
    course: &'c Course,
    id: &str,
) -> Result<&'c Exercise, CommandError> {
    course
        .exercises()
        .iter()
        .find(|e| e.id == id)
        .ok_or_else(|| {
            let known: Vec<&str> = course.exercises().iter().map(|e| e.id.as_str()).collect();
            let near = crate::validate::suggest::closest(id, known.iter().copied(), 3)
                .map(|near| format!("; did you mean `{near}`?"))
                .unwrap_or_default();
            CommandError::Refused(format!(
                "no exercise `{}` in this pack{near} (exercises: {})",
                sanitize(id),
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            ))
        })
}

#[derive(Serialize)]
struct JsonVerdict<'a> {
    exercise: &'a str,
    passed: bool,
    findings: Vec<JsonFinding<'a>>,
    checks: Vec<JsonCheck<'a>>,
}

#[derive(Serialize)]
struct JsonCheck<'a> {
    id: &'a str,
    passed: bool,
    message: &'a str,
    line: Option<usize>,
    /// `api`, `pod-security` or `exercise`: who asks for it.
    origin: &'static str,
}

/// `{"exercise":…,"passed":…,"findings":[…],"checks":[…]}`, messages in `lang`.
pub fn json(verdict: &Verdict, lang: Lang) -> Result<String, serde_json::Error> {
    let output = JsonVerdict {
        exercise: &verdict.exercise,
        passed: verdict.passed,
        findings: verdict
            .findings
            .iter()
            .map(|f| JsonFinding::new(f, lang))
            .collect(),
        checks: verdict
            .checks
            .iter()
            .map(|c| JsonCheck {
                id: &c.id,
                passed: c.passed,
                message: c.message.get(lang),
                line: c.pos.map(|p| p.line),
                origin: c.origin.id(),
            })
            .collect(),
    };
    serde_json::to_string(&output).map(|text| text + "\n")
}

/// The findings as `check` prints them, each check, then the verdict.
/// `source` is the graded input, `file` its name on the command line.
pub fn text_output(
    verdict: &Verdict,
    file: &str,
    source: &str,
    lang: Lang,
    colour: bool,
) -> String {
    let report = Report {
        documents: verdict.documents.clone(),
        findings: verdict.findings.clone(),
    };
    let checked = [Checked {
        file: file.to_string(),
        source: source.to_string(),
        report,
    }];
    let mut out = String::new();
    if !verdict.findings.is_empty() {
        out.push_str(&check::text(&checked, lang, colour));
        out.push('\n');
    }
    for result in &verdict.checks {
        let mark = if result.passed { '✓' } else { '✗' };
        let line = result
            .pos
            .filter(|_| !result.passed)
            .map(|p| format!(" ({file}:{})", p.line))
            .unwrap_or_default();
        out.push_str(&format!(
            "{mark} {}: {}{}\n",
            sanitize(&result.id),
            sanitize(result.message.get(lang)).replace('\n', " "),
            sanitize(&line)
        ));
        if !result.passed {
            out.push_str(&format!("    ({})\n", result.origin.words().get(lang)));
        }
        if let Some(reason) = result.reason.as_ref().filter(|_| !result.passed) {
            out.push_str(&format!(
                "    {}\n",
                sanitize(reason.get(lang)).replace('\n', " ")
            ));
        }
        if let Some(hint) = result.hint.as_ref().filter(|_| !result.passed) {
            let label = match lang {
                Lang::En => "hint",
                Lang::Ja => "ヒント",
            };
            out.push_str(&format!(
                "    {label}: {}\n",
                sanitize(hint.get(lang)).replace('\n', " ")
            ));
        }
    }
    let errors = verdict
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let failed = verdict.checks.iter().filter(|c| !c.passed).count();
    let exercise = sanitize(&verdict.exercise);
    out.push_str(&match (lang, verdict.passed) {
        (Lang::En, true) => format!("{exercise}: passed\n"),
        (Lang::En, false) => format!(
            "{exercise}: not passed ({failed} of {} check(s) failed, {errors} error(s))\n",
            verdict.checks.len()
        ),
        (Lang::Ja, true) => format!("{exercise}: 合格\n"),
        (Lang::Ja, false) => format!(
            "{exercise}: 不合格({}件中{failed}件のチェックが不合格、エラー{errors}件)\n",
            verdict.checks.len()
        ),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::PackSource;

    fn verdict(manifest: &str) -> Verdict {
        let course = Course::load(&PackSource::BuiltIn).unwrap();
        let exercise = course.exercises().first().unwrap();
        exercise.grade(manifest)
    }

    #[test]
    fn a_failing_answer_lists_each_check_and_a_localised_verdict() {
        let failed = verdict("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        let en = text_output(&failed, "answer.yaml", "", Lang::En, false);
        assert!(en.lines().any(|l| l.starts_with("✗ ")), "{en}");
        assert!(en.trim_end().ends_with(" error(s))"), "{en}");
        let ja = text_output(&failed, "answer.yaml", "", Lang::Ja, false);
        assert!(ja.trim_end().ends_with("件)"), "{ja}");
    }

    #[test]
    fn the_solution_passes_with_every_check_ticked() {
        let course = Course::load(&PackSource::BuiltIn).unwrap();
        let exercise = course.exercises().first().unwrap();
        let passed = exercise.grade(&exercise.solution);
        let out = text_output(&passed, "a.yaml", &exercise.solution, Lang::En, false);
        assert!(out.ends_with(": passed\n"), "{out}");
        assert!(!out.contains('✗'), "{out}");
    }

    #[test]
    fn json_carries_every_check_and_the_verdict() {
        let failed = verdict("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        let value: serde_json::Value =
            serde_json::from_str(&json(&failed, Lang::En).unwrap()).unwrap();
        assert_eq!(value["passed"], false);
        assert_eq!(
            value["checks"].as_array().map(Vec::len),
            Some(failed.checks.len())
        );
        assert_eq!(value["exercise"], failed.exercise.as_str());
    }
}
