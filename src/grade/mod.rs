//! The grader: an exercise's declarative checks turned into a verdict a
//! learner can act on. Validator errors come first, because a manifest the API
//! server rejects cannot pass whatever its checks say. No terminal code here.

mod builtin;
mod check;
mod explain;
mod matcher;
mod pattern;
mod semantic;
mod value;

pub use builtin::Builtin;
pub use check::{Check, CheckError, CheckKind};
pub use explain::Explanation;
pub use matcher::{Failure, Outcome, check};
pub use pattern::{Anchor, Field, Ordering, Pattern, PatternError, PatternProblem, Scalar, Term};
pub use semantic::Semantic;

use crate::i18n::{Lang, Localized};
use crate::validate::{self, Cluster, DocumentInfo, Finding, Node, Pos, Rule, Text};

/// The grading built-ins' rules, for the registry.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    builtin::RULES.iter().copied()
}

/// The grade of one input against one exercise.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub exercise: String,
    pub passed: bool,
    /// What the input holds, as the validator saw it.
    pub documents: Vec<DocumentInfo>,
    /// The validator's findings, errors first.
    pub findings: Vec<Finding>,
    pub checks: Vec<CheckResult>,
}

/// Who asks for what a check tests: a learner should know whether a cluster
/// would refuse the manifest or only this exercise wants more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The API server rejects a manifest that fails it.
    Api,
    /// Pod Security Admission rejects it in a namespace that enforces the level.
    PodSecurity,
    /// The exercise asks for it; a cluster would accept the manifest.
    Exercise,
}

impl Origin {
    /// The origin as JSON output names it.
    pub fn id(self) -> &'static str {
        match self {
            Origin::Api => "api",
            Origin::PodSecurity => "pod-security",
            Origin::Exercise => "exercise",
        }
    }

    /// Where the requirement comes from, as a learner reads it.
    pub fn words(self) -> Text {
        match self {
            Origin::Api => Text::new("required by the API server", "APIサーバーの要件"),
            Origin::PodSecurity => Text::new(
                "required by Pod Security admission",
                "Pod Securityアドミッションの要件",
            ),
            Origin::Exercise => Text::new("required by this exercise", "この演習の要件"),
        }
    }
}

/// One check's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckResult {
    pub id: String,
    pub passed: bool,
    /// What the check asks for (its description, or the built-in's text).
    pub message: Text,
    /// Why it failed, where there is more to say than the message.
    pub reason: Option<Text>,
    /// Where to look: the node a pattern failed at, else the document.
    pub pos: Option<Pos>,
    /// The exercise author's nudge for a failed check.
    pub hint: Option<Text>,
    pub origin: Origin,
}

impl CheckResult {
    fn pass(message: Text, pos: Option<Pos>) -> CheckResult {
        CheckResult {
            id: String::new(),
            passed: true,
            message,
            reason: None,
            pos,
            hint: None,
            origin: Origin::Exercise,
        }
    }

    fn fail(message: Text, pos: Option<Pos>, reason: Option<Text>) -> CheckResult {
        CheckResult {
            id: String::new(),
            passed: false,
            message,
            reason,
            pos,
            hint: None,
            origin: Origin::Exercise,
        }
    }
}

/// Grades `text` against every check of the exercise `exercise`.
pub fn grade(exercise: &str, checks: &[Check], text: &str) -> Verdict {
    grade_for(exercise, checks, text, &Cluster::default())
}

/// [`grade`] as the API server of `cluster` would validate the answer.
pub fn grade_for(exercise: &str, checks: &[Check], text: &str, cluster: &Cluster) -> Verdict {
    let options = validate::Options {
        cluster: cluster.clone(),
        ..validate::Options::default()
    };
    let report = validate::check_with(text, &options);
    let objects = validate::objects(text);
    let checks: Vec<CheckResult> = checks
        .iter()
        .map(|check| {
            let result = match &check.kind {
                CheckKind::Builtin(rule) => CheckResult {
                    origin: rule.origin(),
                    ..builtin::run(rule, text, &report, &objects, cluster)
                },
                CheckKind::Semantic {
                    check,
                    matcher,
                    description,
                } => run_semantic(check, matcher.as_ref(), description.as_ref(), &objects),
                CheckKind::Pattern {
                    matcher,
                    pattern,
                    description,
                    ..
                } => run_pattern(matcher.as_ref(), pattern, &objects, localized(description)),
            };
            CheckResult {
                id: check.id.clone(),
                hint: check.hint.as_ref().map(localized),
                ..result
            }
        })
        .collect();
    let mut findings = report.findings;
    findings.sort_by_key(|f| f.severity);
    let valid = !findings
        .iter()
        .any(|f| f.severity == validate::Severity::Error);
    Verdict {
        exercise: exercise.to_string(),
        passed: valid && checks.iter().all(|c| c.passed),
        documents: report.documents,
        findings,
        checks,
    }
}

/// The check's message as a [`Text`]; a missing Japanese text falls back to
/// English here, and `pack lint` reports it.
fn localized(description: &Localized<String>) -> Text {
    Text::new(description.en.clone(), description.get(Lang::Ja).clone())
}

/// A semantic check on the objects `matcher` accepts (all without one).
fn run_semantic(
    check: &semantic::Semantic,
    matcher: Option<&Pattern>,
    description: Option<&Localized<String>>,
    objects: &[Node],
) -> CheckResult {
    let message = description.map_or_else(|| check.message(), localized);
    let applicable: Vec<&Node> = objects
        .iter()
        .filter(|object| matcher.is_none_or(|m| self::check(m, object, "") == Outcome::Pass))
        .collect();
    match check.run(&applicable) {
        Ok(pos) => CheckResult::pass(message, Some(pos)),
        Err(miss) => CheckResult::fail(message, Some(miss.pos), Some(miss.reason)),
    }
}

/// Applies to the objects `matcher` accepts; passes when there is one and
/// every one matches (a conditional anchor may skip an object).
fn run_pattern(
    matcher: Option<&Pattern>,
    pattern: &Pattern,
    objects: &[Node],
    message: Text,
) -> CheckResult {
    let mut applicable = objects
        .iter()
        .filter(|object| matcher.is_none_or(|m| check(m, object, "") == Outcome::Pass))
        .peekable();
    let Some(first) = applicable.peek().map(|object| object.pos) else {
        return CheckResult::fail(
            message,
            objects.first().map(|o| o.pos),
            Some(Text::new(
                "no document matches",
                "条件に合うドキュメントがありません",
            )),
        );
    };
    for object in applicable {
        if let Outcome::Fail(failure) = check(pattern, object, "") {
            return CheckResult::fail(message, Some(failure.pos), Some(failure.reason));
        }
    }
    CheckResult::pass(message, Some(first))
}

#[cfg(test)]
mod tests;
