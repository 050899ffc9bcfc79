//! `pack lint`'s proof of an exercise: the reference solution passes every
//! check without validator errors, the starter fails at least one check, and
//! every check speaks every language of the pack; `pass-*.yaml` variants pass
//! and `fail-*.yaml` variants fail the checks they name. An exercise that cannot be
//! solved, or is solved before the learner starts, teaches nothing.

use std::collections::BTreeSet;
use std::path::Path;

use super::exercise::{Exercise, Expectation};
use super::problem::Problem;
use crate::grade::{Builtin, CheckKind};
use crate::i18n::Lang;
use crate::validate::Severity;

/// Grades the solution and the starter and reports what breaks the proof.
pub(crate) fn prove(
    exercise: &Exercise,
    languages: &BTreeSet<Lang>,
    root: &Path,
    problems: &mut Vec<Problem>,
) {
    let dir = root.join(&exercise.dir);
    let spec = dir.join("exercise.yaml");
    require_pass(
        exercise,
        &exercise.solution,
        &dir.join("solution.yaml"),
        "the solution",
        problems,
    );
    for variant in &exercise.variants {
        let path = dir.join(&variant.file);
        match &variant.expect {
            Expectation::Pass => require_pass(
                exercise,
                &variant.text,
                &path,
                "this correct variant",
                problems,
            ),
            Expectation::Fail(ids) => require_fail(exercise, &variant.text, ids, &path, problems),
        }
    }
    if exercise
        .grade(&exercise.starter)
        .checks
        .iter()
        .all(|c| c.passed)
    {
        problems.push(Problem::new(
            dir.join("starter.yaml"),
            1,
            1,
            "the starter passes every check: it must fail at least one",
        ));
    }
    for check in &exercise.checks {
        let description = match &check.kind {
            CheckKind::Pattern { description, .. } => description,
            CheckKind::Semantic {
                description: Some(description),
                ..
            } => description,
            _ => continue,
        };
        for lang in languages.iter().filter(|lang| !description.has(**lang)) {
            problems.push(Problem::new(
                &spec,
                check.pos.line,
                check.pos.column,
                format!("check `{}` has no description in `{lang}`", check.id),
            ));
        }
    }
}

/// Reports validator errors and failed checks of an answer that must pass.
fn require_pass(
    exercise: &Exercise,
    text: &str,
    path: &Path,
    what: &str,
    problems: &mut Vec<Problem>,
) {
    let verdict = exercise.grade(text);
    for finding in verdict
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
    {
        problems.push(Problem::new(
            path,
            finding.pos.line,
            finding.pos.column,
            format!("{what} has a validator error: {}", finding.message.en),
        ));
    }
    // A failing `valid` rule repeats the validator errors reported above.
    let failed = verdict
        .checks
        .iter()
        .zip(&exercise.checks)
        .filter(|(result, check)| {
            !result.passed && check.kind != CheckKind::Builtin(Builtin::Valid)
        });
    for (result, _) in failed {
        let pos = result.pos.unwrap_or_default();
        let reason = result.reason.as_ref().map_or("", |r| r.en.as_str());
        problems.push(Problem::new(
            path,
            pos.line,
            pos.column,
            format!("{what} fails check `{}`: {reason}", result.id),
        ));
    }
}

/// Reports a wrong answer that some of its named checks let through.
fn require_fail(
    exercise: &Exercise,
    text: &str,
    ids: &[String],
    path: &Path,
    problems: &mut Vec<Problem>,
) {
    let verdict = exercise.grade(text);
    for id in ids {
        match verdict.checks.iter().find(|c| &c.id == id) {
            None => problems.push(Problem::new(
                path,
                1,
                1,
                format!("`# fails:` names check `{id}`, which the exercise does not have"),
            )),
            Some(result) if result.passed => problems.push(Problem::new(
                path,
                1,
                1,
                format!("this wrong variant passes check `{id}`: the check must reject it"),
            )),
            Some(_) => {}
        }
    }
}
