//! Exercise folders: `exercise.yaml` with declarative checks, plus the starter
//! and the reference solution. Here they are loaded and checked for structure;
//! grading them is the job of `crate::grade`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::lesson::id_problem;
use super::pack_yaml;
use super::problem::Problem;
use crate::grade::{self, Check, Verdict};
use crate::i18n::Localized;
use crate::validate::{self, Cluster, Node, Pos};

/// What the learner does in an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExerciseKind {
    /// Write a manifest from a nearly empty starter.
    Write,
    /// Repair a broken manifest.
    Fix,
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
    /// The quiz items the exercise practises: a failed graded attempt
    /// brings those the learner has answered before forward for review.
    pub reviews: Vec<String>,
    /// Where `reviews` is written, for `pack lint`'s messages.
    pub reviews_pos: Pos,
    /// The folder, relative to the pack root.
    pub dir: PathBuf,
    /// The release and gates the answers are graded for (`kubeVersion:`,
    /// `featureGates:`).
    pub cluster: Cluster,
}

impl Exercise {
    /// Grades an answer against this exercise's checks, for its cluster.
    pub fn grade(&self, text: &str) -> Verdict {
        self.grade_on(text, &self.cluster)
    }

    /// Grades an answer for another cluster (`grade --kube-version`).
    pub fn grade_on(&self, text: &str, cluster: &Cluster) -> Verdict {
        grade::grade_for(&self.id, &self.checks, text, cluster)
    }
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
    /// Quiz item ids (checked across files by `pack lint`).
    #[serde(default)]
    reviews: Vec<String>,
    /// The Kubernetes release the exercise is graded for (`1.35`).
    #[serde(default, rename = "kubeVersion")]
    kube_version: Option<String>,
    /// Feature gates the exercise assumes (`Name=true,…`).
    #[serde(default, rename = "featureGates")]
    feature_gates: Option<String>,
    /// Read item by item from the tree, see [`checks`].
    checks: Vec<IgnoredAny>,
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
    let missing = check_files(files, problems);
    let variants = read_variants(files, problems);
    let spec = files.spec?;
    let mut report = |pos: Pos, message: String| {
        problems.push(Problem::new(&spec_path, pos.line, pos.column, message))
    };
    let root = match pack_yaml::parse_located(spec) {
        Ok(root) => root,
        Err((message, pos)) => {
            report(pos, message);
            return None;
        }
    };
    let raw: RawExercise = match validate::from_node(&root) {
        Ok(raw) => raw,
        Err(error) => {
            report(error.pos.unwrap_or(root.pos), error.to_string());
            return None;
        }
    };
    let key = |name: &str| root.entry(name).map_or(root.pos, |entry| entry.key_pos);
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
    let checks = checks(&root, &mut report);
    let cluster = cluster(&raw, &key, &mut report);
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
        reviews: raw.reviews,
        reviews_pos: key("reviews"),
        dir: files.dir.to_path_buf(),
        cluster,
    })
}

/// The cluster the exercise names (the latest release by default); a
/// release or gate kubetutor does not know is reported at its key.
fn cluster(
    raw: &RawExercise,
    key: &dyn Fn(&str) -> Pos,
    report: &mut dyn FnMut(Pos, String),
) -> Cluster {
    let mut cluster = Cluster::default();
    if let Some(text) = &raw.kube_version {
        match text.parse() {
            Ok(version) => cluster.version = version,
            Err(err) => report(key("kubeVersion"), format!("{err}")),
        }
    }
    if let Some(text) = &raw.feature_gates {
        match text.parse() {
            Ok(gates) => cluster.gates = gates,
            Err(err) => report(key("featureGates"), format!("{err}")),
        }
    }
    cluster
}

/// Reports each of the three files the folder lacks and, unless the pack
/// is trusted, a starter or solution that is not YAML; true when a file is
/// missing, as the exercise cannot be loaded then.
fn check_files(files: &ExerciseFiles<'_>, problems: &mut Vec<Problem>) -> bool {
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
    missing
}

/// The pass and fail variants of the folder, each checked to be YAML; a
/// variant whose header cannot be read is reported and left out.
fn read_variants(files: &ExerciseFiles<'_>, problems: &mut Vec<Problem>) -> Vec<Variant> {
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
    variants
}

/// The checks of exercise.yaml, each read from its own node; a check that
/// cannot be read is reported and left out, and ids must be unique.
fn checks(root: &Node, report: &mut impl FnMut(Pos, String)) -> Vec<Check> {
    let items = root.get("checks").map_or(&[][..], Node::items);
    let mut seen = BTreeSet::new();
    let mut checks = Vec::new();
    for (index, item) in items.iter().enumerate() {
        match Check::from_node(item) {
            Ok(check) => {
                if !seen.insert(check.id.clone()) {
                    report(check.pos, format!("check `{}`: id is used twice", check.id));
                }
                checks.push(check);
            }
            Err(error) => {
                let path = if error.path.is_empty() {
                    String::new()
                } else {
                    format!("checks[{index}].{}: ", error.path)
                };
                report(error.pos, format!("{path}{}", error.message));
            }
        }
    }
    checks
}

/// Checks that a manifest file is YAML the grader can read.
fn check_yaml_stream(text: &str, display: &Path, problems: &mut Vec<Problem>) {
    if let Err((message, pos)) = pack_yaml::check_manifests(text) {
        problems.push(Problem::new(display, pos.line, pos.column, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grade::{Builtin, CheckKind};
    use crate::i18n::Lang;

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
    fn an_exercise_names_its_release_and_gates() {
        let spec = SPEC.replace(
            "checks:",
            "kubeVersion: \"1.33\"\nfeatureGates: PodLevelResources=true\nchecks:",
        );
        let (exercise, problems) = run(Some(&spec), Some("kind: Job\n"));
        assert!(problems.is_empty(), "{problems:?}");
        let cluster = exercise.unwrap().cluster;
        assert_eq!(cluster.version.to_string(), "1.33");
        assert!(cluster.enabled(crate::validate::Gate::PodLevelResources));
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x, lifecycle: {stopSignal: SIGTERM}}]\n";
        let (exercise, _) = run(Some(&spec), Some("kind: Job\n"));
        let verdict = exercise.unwrap().grade(pod);
        assert!(
            verdict
                .findings
                .iter()
                .all(|f| !f.message.en.contains("stopSignal")),
            "1.33 has stopSignal"
        );
        let old = SPEC.replace("checks:", "kubeVersion: \"1.32\"\nchecks:");
        let (exercise, _) = run(Some(&old), Some("kind: Job\n"));
        let verdict = exercise.unwrap().grade(pod);
        assert!(!verdict.passed, "1.32 has no stopSignal");
        let bad = SPEC.replace("checks:", "kubeVersion: \"1.99\"\nchecks:");
        let (_, problems) = run(Some(&bad), Some("kind: Job\n"));
        assert!(
            problems
                .iter()
                .any(|p| p.contains("exercise.yaml:7:1: unknown Kubernetes version `1.99`")),
            "{problems:?}"
        );
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
                "lessons/exercises/fix-job/exercise.yaml:13:44: check `never`: `pattern`: pattern key `<(a)`: unsupported anchor (use `(key)`, `^(key)`, `X(key)` or `=(key)`)"
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
            CheckKind::Builtin(Builtin::KindsPresent {
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
        assert!(problems[0].contains("unknown rule `magic`"), "{problems:?}");
        let (_, problems) = run(Some(&SPEC.replace("ja: Jobを直す", "fr: Job")), Some("{}"));
        assert!(problems[0].contains("unknown field `fr`"), "{problems:?}");
    }
}
