//! Exercise folders: `exercise.yaml` with declarative checks, plus the starter
//! and the reference solution. Here they are loaded and checked for structure;
//! grading them is the job of `crate::grade`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::forbidden_text;
use super::lesson::id_problem;
use super::locate::{self, Pos};
use super::problem::Problem;
use crate::grade::Pattern;
use crate::i18n::Lang;

/// A text in every language of the pack; English is always present.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized<T> {
    pub en: T,
    #[serde(default)]
    pub ja: Option<T>,
}

impl<T> Localized<T> {
    /// The text in `lang`, falling back to English.
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Ja => self.ja.as_ref().unwrap_or(&self.en),
            Lang::En => &self.en,
        }
    }

    /// Whether the text exists in `lang` itself (not through the fallback).
    pub fn has(&self, lang: Lang) -> bool {
        lang == Lang::En || self.ja.is_some()
    }
}

/// What the learner does in an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExerciseKind {
    /// Write a manifest from a nearly empty starter.
    Write,
    /// Repair a broken manifest.
    Fix,
}

/// The named checks the grader knows besides patterns: what a pattern cannot
/// say because it looks across documents, containers or the validator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuiltinRule {
    /// The validator reports no errors.
    Valid,
    PssBaseline,
    PssRestricted,
    /// Every workload's selector selects its own Pod template.
    SelectorMatchesTemplate,
    /// Some Pod volume is mounted by at least two containers.
    SharedVolume,
    /// The input holds at least one object of each kind.
    KindsPresent {
        kinds: Vec<String>,
    },
}

/// The rule names of exercise.yaml; `kinds-present` takes its list from `kinds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum RuleName {
    Valid,
    PssBaseline,
    PssRestricted,
    SelectorMatchesTemplate,
    SharedVolume,
    KindsPresent,
}

/// What a check tests.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckKind {
    Rule(BuiltinRule),
    /// A Kyverno-style pattern, applied to documents that match `matcher`.
    Pattern {
        matcher: Option<Pattern>,
        pattern: Pattern,
        description: Localized<String>,
    },
}

/// One check of an exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub id: String,
    pub kind: CheckKind,
    /// Shown when the check fails: a nudge, not the answer.
    pub hint: Option<Localized<String>>,
    /// Where exercise.yaml declares it, for `pack lint`'s proofs.
    pub(crate) pos: Pos,
}

/// A structurally valid exercise.
#[derive(Debug, Clone)]
pub struct Exercise {
    pub id: String,
    pub lesson: String,
    pub kind: ExerciseKind,
    pub title: Localized<String>,
    pub instructions: Localized<String>,
    pub hints: Localized<Vec<String>>,
    pub checks: Vec<Check>,
    pub starter: String,
    pub solution: String,
    /// Other answers the checks must accept or reject, proved by `pack lint`.
    pub variants: Vec<Variant>,
    /// The folder, relative to the pack root.
    pub dir: PathBuf,
}

/// A sample answer kept beside the exercise so that `pack lint` proves the
/// checks accept every correct variant and reject the typical mistakes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The file name inside the exercise folder.
    pub file: String,
    pub expect: Expectation,
    pub text: String,
}

/// What grading a variant must give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expectation {
    /// `pass-*.yaml`: no validator error, every check passes.
    Pass,
    /// `fail-*.yaml`: at least these checks fail (from its `# fails:` line).
    Fail(Vec<String>),
}

impl Variant {
    /// Reads a `pass-*.yaml` or `fail-*.yaml` file; `None` for other names.
    pub(crate) fn from_file(file: &str, text: &str) -> Option<Result<Self, String>> {
        let stem = file.strip_suffix(".yaml")?;
        let expect = if stem.strip_prefix("pass-").is_some_and(|n| !n.is_empty()) {
            Ok(Expectation::Pass)
        } else if stem.strip_prefix("fail-").is_some_and(|n| !n.is_empty()) {
            failing_checks(text).map(Expectation::Fail)
        } else {
            return None;
        };
        Some(expect.map(|expect| Variant {
            file: file.to_string(),
            expect,
            text: text.to_string(),
        }))
    }
}

/// The check ids of a fail variant's first line, `# fails: id, id`.
fn failing_checks(text: &str) -> Result<Vec<String>, String> {
    let first = text.lines().next().unwrap_or_default();
    let ids: Vec<String> = first
        .strip_prefix('#')
        .map(str::trim_start)
        .and_then(|rest| rest.strip_prefix("fails:"))
        .map(|list| {
            list.split(',')
                .map(|id| id.trim().to_string())
                .filter(|id| !id.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if ids.is_empty() {
        Err("a fail variant starts with `# fails: <check id>, …`: the checks it must fail".into())
    } else {
        Ok(ids)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    id: String,
    lesson: String,
    kind: ExerciseKind,
    title: Localized<String>,
    instructions: Localized<String>,
    hints: Localized<Vec<String>>,
    checks: Vec<RawCheck>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    id: String,
    rule: Option<RuleName>,
    kinds: Option<Vec<String>>,
    pattern: Option<serde_yaml::Value>,
    #[serde(rename = "match")]
    matcher: Option<serde_yaml::Value>,
    description: Option<Localized<String>>,
    hint: Option<Localized<String>>,
}

/// The three files of an exercise folder, each optional until checked.
pub(crate) struct ExerciseFiles<'a> {
    pub dir: &'a Path,
    pub display_dir: &'a Path,
    pub spec: Option<&'a str>,
    pub starter: Option<&'a str>,
    pub solution: Option<&'a str>,
    /// `pass-*.yaml` and `fail-*.yaml`: file name and text.
    pub variants: Vec<(&'a str, &'a str)>,
    /// Whether to parse the starter and solution to check they are YAML; a
    /// pack proved by its tests (the built-in one) skips it.
    pub check_answers: bool,
}

/// Parses and structurally checks an exercise folder.
pub(crate) fn parse(files: &ExerciseFiles<'_>, problems: &mut Vec<Problem>) -> Option<Exercise> {
    let spec_path = files.display_dir.join("exercise.yaml");
    let mut missing = false;
    for (name, text) in [
        ("exercise.yaml", files.spec),
        ("starter.yaml", files.starter),
        ("solution.yaml", files.solution),
    ] {
        if text.is_none() {
            problems.push(Problem::new(
                files.display_dir,
                1,
                1,
                format!("exercise folder has no {name}"),
            ));
            missing = true;
        }
    }
    for (name, text) in [
        ("starter.yaml", files.starter),
        ("solution.yaml", files.solution),
    ] {
        if let Some(text) = text.filter(|_| files.check_answers) {
            check_yaml_stream(text, &files.display_dir.join(name), problems);
        }
    }
    let mut variants = Vec::new();
    for (name, text) in &files.variants {
        let display = files.display_dir.join(name);
        check_yaml_stream(text, &display, problems);
        match Variant::from_file(name, text) {
            Some(Ok(variant)) => variants.push(variant),
            Some(Err(message)) => problems.push(Problem::new(&display, 1, 1, message)),
            None => {}
        }
    }
    let spec = files.spec?;
    let raw: RawExercise = match forbidden_text::parse_checked(spec) {
        Ok(raw) => raw,
        Err((message, pos)) => {
            problems.push(Problem::new(&spec_path, pos.line, pos.column, message));
            return None;
        }
    };
    let mut report = |pos: Pos, message: String| {
        problems.push(Problem::new(&spec_path, pos.line, pos.column, message))
    };
    let key = |name: &str| locate::top_level_key(spec, name).unwrap_or(Pos::START);
    let folder = files
        .dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if let Some(message) = id_problem(&raw.id) {
        report(key("id"), message);
    }
    if raw.id != folder {
        report(
            key("id"),
            format!("id `{}` does not match the folder name `{folder}`", raw.id),
        );
    }
    if raw.checks.is_empty() {
        report(key("checks"), "an exercise needs at least one check".into());
    }
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut checks = Vec::new();
    let ids = locate::IdIndex::new(spec);
    for raw_check in raw.checks {
        let occurrence = seen.entry(raw_check.id.clone()).or_default();
        let pos = ids
            .find(&raw_check.id, *occurrence)
            .unwrap_or_else(|| key("checks"));
        *occurrence += 1;
        if *occurrence > 1 {
            report(pos, format!("check `{}`: id is used twice", raw_check.id));
        }
        match build_check(raw_check, pos) {
            Ok(check) => checks.push(check),
            Err(message) => report(pos, message),
        }
    }
    (!missing).then(|| Exercise {
        id: raw.id,
        lesson: raw.lesson,
        kind: raw.kind,
        title: raw.title,
        instructions: raw.instructions,
        hints: raw.hints,
        checks,
        starter: files.starter.unwrap_or_default().to_string(),
        solution: files.solution.unwrap_or_default().to_string(),
        variants,
        dir: files.dir.to_path_buf(),
    })
}

fn build_check(raw: RawCheck, pos: Pos) -> Result<Check, String> {
    let id = raw.id;
    let kind = match (raw.rule, raw.pattern) {
        (Some(rule), None) => {
            if raw.matcher.is_some() || raw.description.is_some() {
                return Err(format!(
                    "check `{id}`: a `rule` check takes no `match` or `description`"
                ));
            }
            CheckKind::Rule(builtin(&id, rule, raw.kinds)?)
        }
        (None, Some(_)) if raw.kinds.is_some() => {
            return Err(format!(
                "check `{id}`: `kinds` belongs to `rule: kinds-present`"
            ));
        }
        (None, Some(pattern)) => {
            let description = raw
                .description
                .ok_or_else(|| format!("check `{id}`: a `pattern` check needs a `description`"))?;
            let compile = |yaml: &serde_yaml::Value, what: &str| {
                Pattern::parse(yaml).map_err(|err| format!("check `{id}`: `{what}`: {err}"))
            };
            CheckKind::Pattern {
                matcher: raw
                    .matcher
                    .as_ref()
                    .map(|m| compile(m, "match"))
                    .transpose()?,
                pattern: compile(&pattern, "pattern")?,
                description,
            }
        }
        _ => {
            return Err(format!(
                "check `{id}`: needs exactly one of `rule` or `pattern`"
            ));
        }
    };
    Ok(Check {
        id,
        kind,
        hint: raw.hint,
        pos,
    })
}

/// The built-in rule, with `kinds` where (and only where) it takes them.
fn builtin(id: &str, rule: RuleName, kinds: Option<Vec<String>>) -> Result<BuiltinRule, String> {
    Ok(match (rule, kinds) {
        (RuleName::KindsPresent, Some(kinds)) if !kinds.is_empty() => {
            BuiltinRule::KindsPresent { kinds }
        }
        (RuleName::KindsPresent, _) => {
            return Err(format!(
                "check `{id}`: `rule: kinds-present` needs a non-empty `kinds` list"
            ));
        }
        (_, Some(_)) => {
            return Err(format!(
                "check `{id}`: `kinds` belongs to `rule: kinds-present`"
            ));
        }
        (RuleName::Valid, None) => BuiltinRule::Valid,
        (RuleName::PssBaseline, None) => BuiltinRule::PssBaseline,
        (RuleName::PssRestricted, None) => BuiltinRule::PssRestricted,
        (RuleName::SelectorMatchesTemplate, None) => BuiltinRule::SelectorMatchesTemplate,
        (RuleName::SharedVolume, None) => BuiltinRule::SharedVolume,
    })
}

/// Checks that a manifest file is a readable YAML stream.
fn check_yaml_stream(text: &str, display: &Path, problems: &mut Vec<Problem>) {
    for (index, document) in serde_yaml::Deserializer::from_str(text).enumerate() {
        match serde_yaml::Value::deserialize(document) {
            Err(err) => {
                let (message, pos) = locate::yaml_error_parts(&err);
                problems.push(Problem::new(display, pos.line, pos.column, message));
                return;
            }
            Ok(value) => {
                if let Some(message) = forbidden_text::find_in_document(&value) {
                    problems.push(Problem::new(
                        display,
                        1,
                        1,
                        format!("document {}: {message}", index + 1),
                    ));
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = r#"id: fix-job
lesson: workload-apis
kind: fix
title: { en: Fix a Job, ja: Jobを直す }
instructions: { en: Do it., ja: 直してください。 }
hints: { en: [Think], ja: [考えて] }
checks:
  - id: valid
    rule: valid
  - id: never
    description: { en: Never, ja: Never }
    match: { kind: Job }
    pattern: { spec: { template: { spec: { restartPolicy: "Never | OnFailure" } } } }
"#;

    fn run(spec: Option<&str>, starter: Option<&str>) -> (Option<Exercise>, Vec<String>) {
        let mut problems = Vec::new();
        let files = ExerciseFiles {
            dir: Path::new("lessons/exercises/fix-job"),
            display_dir: Path::new("lessons/exercises/fix-job"),
            spec,
            starter,
            solution: Some("kind: Job\n"),
            variants: Vec::new(),
            check_answers: true,
        };
        let exercise = parse(&files, &mut problems);
        (exercise, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn variants_are_named_by_prefix_and_fail_variants_name_their_checks() {
        let pass = Variant::from_file("pass-onfailure.yaml", "kind: Job\n");
        assert_eq!(pass.unwrap().unwrap().expect, Expectation::Pass);
        let fail = Variant::from_file("fail-x.yaml", "# fails: never, valid\nkind: Job\n");
        assert_eq!(
            fail.unwrap().unwrap().expect,
            Expectation::Fail(vec!["never".into(), "valid".into()])
        );
        assert!(
            Variant::from_file("fail-x.yaml", "kind: Job\n")
                .unwrap()
                .is_err()
        );
        assert!(Variant::from_file("pass-.yaml", "").is_none());
        assert!(Variant::from_file("notes.yaml", "").is_none());
        let mut problems = Vec::new();
        let files = ExerciseFiles {
            dir: Path::new("lessons/exercises/fix-job"),
            display_dir: Path::new("lessons/exercises/fix-job"),
            spec: Some(SPEC),
            starter: Some("kind: Job\n"),
            solution: Some("kind: Job\n"),
            variants: vec![
                ("pass-onfailure.yaml", "kind: Job\n"),
                ("fail-always.yaml", "kind: Job\n"),
            ],
            check_answers: true,
        };
        let exercise = parse(&files, &mut problems).unwrap();
        assert_eq!(exercise.variants.len(), 1);
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "lessons/exercises/fix-job/fail-always.yaml:1:1: a fail variant starts with `# fails: <check id>, …`: the checks it must fail"
            ]
        );
    }

    #[test]
    fn parses_a_complete_exercise() {
        let (exercise, problems) = run(Some(SPEC), Some("kind: Job\n---\nkind: Pod\n"));
        assert!(problems.is_empty(), "{problems:?}");
        let exercise = exercise.unwrap();
        assert_eq!(exercise.checks.len(), 2);
        assert_eq!(exercise.title.get(Lang::Ja), "Jobを直す");
    }

    #[test]
    fn missing_starter_and_broken_yaml_are_reported() {
        let (exercise, problems) = run(Some(SPEC), None);
        assert!(exercise.is_none());
        assert_eq!(
            problems,
            ["lessons/exercises/fix-job:1:1: exercise folder has no starter.yaml"]
        );
        let (_, problems) = run(Some(SPEC), Some("a: [1,\n"));
        assert!(
            problems[0].starts_with("lessons/exercises/fix-job/starter.yaml:"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_check_needs_exactly_one_of_rule_or_pattern() {
        let spec = SPEC.replace("    rule: valid", "    rule: valid\n    pattern: {}");
        let (_, problems) = run(Some(&spec), Some("{}"));
        assert_eq!(
            problems,
            [
                "lessons/exercises/fix-job/exercise.yaml:8:5: check `valid`: needs exactly one of `rule` or `pattern`"
            ]
        );
    }

    #[test]
    fn malformed_patterns_are_reported() {
        let spec = SPEC.replace("restartPolicy: \"Never | OnFailure\"", "\"<(a)\": 1");
        let (_, problems) = run(Some(&spec), Some("{}"));
        assert_eq!(
            problems,
            [
                "lessons/exercises/fix-job/exercise.yaml:10:5: check `never`: `pattern`: pattern key `<(a)`: unsupported anchor (use `(key)`, `^(key)`, `X(key)` or `=(key)`)"
            ]
        );
    }

    #[test]
    fn kinds_belong_to_kinds_present() {
        let spec = SPEC.replace("rule: valid", "rule: kinds-present\n    kinds: [Job]");
        let (exercise, problems) = run(Some(&spec), Some("{}"));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            exercise.unwrap().checks[0].kind,
            CheckKind::Rule(BuiltinRule::KindsPresent {
                kinds: vec!["Job".into()]
            })
        );
        let (_, problems) = run(
            Some(&SPEC.replace("rule: valid", "rule: kinds-present")),
            Some("{}"),
        );
        assert_eq!(
            problems,
            [
                "lessons/exercises/fix-job/exercise.yaml:8:5: check `valid`: `rule: kinds-present` needs a non-empty `kinds` list"
            ]
        );
        let spec = SPEC.replace("rule: valid", "rule: valid\n    kinds: [Job]");
        let (_, problems) = run(Some(&spec), Some("{}"));
        assert!(
            problems[0].ends_with("`kinds` belongs to `rule: kinds-present`"),
            "{problems:?}"
        );
    }

    #[test]
    fn unknown_rules_and_languages_are_errors() {
        let (_, problems) = run(
            Some(&SPEC.replace("rule: valid", "rule: magic")),
            Some("{}"),
        );
        assert!(
            problems[0].contains("unknown variant `magic`"),
            "{problems:?}"
        );
        let (_, problems) = run(Some(&SPEC.replace("ja: Jobを直す", "fr: Job")), Some("{}"));
        assert!(problems[0].contains("unknown field `fr`"), "{problems:?}");
    }
}
