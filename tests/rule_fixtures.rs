//! Every rule of the registry is proved by fixtures: `tests/fixtures/rules/<id>/`
//! holds `fail*.yaml` files that must trigger the rule and `pass*.yaml` files
//! that must not. A rule without both fails this test, and so does a fixture
//! folder that names no rule. Every finding of every fixture must carry a
//! registered rule.
//!
//! A fixture may start with directive comments:
//! - `# options: --pss baseline --profile eks-fargate --enable ID --disable ID`
//!   (as `kubetutor check` takes them);
//! - `# check: {id: x, rule: kinds-present, kinds: [Service]}`: the exercise
//!   check a grading rule's fixtures are graded with;
//! - `# expand: TEXT N`: TEXT in the body stands for N copies of itself
//!   (a file larger than the limits without a large file in the repository).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

use kubetutor::grade::Check;
use kubetutor::registry;
use kubetutor::validate::{self, Category, Finding, Level, Options, Profile, Rule};

const ROOT: &str = "tests/fixtures/rules";

/// One fixture file: its directives and its body.
struct Fixture {
    path: PathBuf,
    options: Options,
    check: Option<String>,
    bytes: Vec<u8>,
}

fn read_fixture(path: &Path) -> Fixture {
    let raw = fs::read(path).expect("readable fixture");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let mut options = Options::default();
    let mut check = None;
    let mut expand: Option<(String, usize)> = None;
    let mut header_bytes = 0;
    for line in text.lines() {
        let Some(directive) = line.strip_prefix("# ") else {
            break;
        };
        let Some((name, value)) = directive.split_once(": ") else {
            break;
        };
        match name {
            "options" => parse_options(value, &mut options, path),
            "check" => check = Some(value.to_string()),
            "expand" => {
                let (text, count) = value.rsplit_once(' ').expect("`# expand: TEXT N`");
                expand = Some((text.to_string(), count.parse().expect("a count")));
            }
            _ => break,
        }
        header_bytes += line.len() + 1;
    }
    let mut bytes = raw[header_bytes..].to_vec();
    if let Some((text, count)) = expand {
        let body = String::from_utf8(bytes).expect("an expanded fixture is text");
        bytes = body.replace(&text, &text.repeat(count)).into_bytes();
    }
    Fixture {
        path: path.to_path_buf(),
        options,
        check,
        bytes,
    }
}

fn parse_options(value: &str, options: &mut Options, path: &Path) {
    let words: Vec<&str> = value.split_whitespace().collect();
    for pair in words.chunks(2) {
        let [flag, arg] = pair else {
            panic!("{}: options come in pairs", path.display());
        };
        match *flag {
            "--pss" => options.pss = Some(arg.parse::<Level>().expect("a level")),
            "--pss-version" => options.pss_version = arg.parse().expect("a version"),
            "--profile" if *arg == "eks-fargate" => options.profile = Some(Profile::EksFargate),
            "--enable" => options
                .enabled
                .push(validate::switchable(arg).expect("a rule")),
            "--kube-version" => options.cluster.version = arg.parse().expect("a release"),
            "--feature-gates" => options.cluster.gates = arg.parse().expect("gates"),
            "--disable" => options
                .disabled
                .push(validate::switchable(arg).expect("a rule")),
            other => panic!("{}: unknown option {other}", path.display()),
        }
    }
}

/// The `fail*` and `pass*` files of a rule's folder.
fn fixtures_of(rule: &Rule) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let dir = Path::new(ROOT).join(rule.id);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let named = |prefix: &str| -> Vec<PathBuf> {
        files
            .iter()
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".yaml"))
            })
            .cloned()
            .collect()
    };
    (named("fail"), named("pass"))
}

/// Whether a fixture triggers its rule, and every finding it produced.
fn triggers(rule: &Rule, fixture: &Fixture) -> (bool, Vec<Finding>) {
    let report = validate::check_bytes_with(&fixture.bytes, &fixture.options);
    if rule.category != Category::Grading {
        let hit = report.findings.iter().any(|f| f.rule.id == rule.id);
        return (hit, report.findings);
    }
    let spec = fixture.check.as_deref().unwrap_or_else(|| {
        panic!(
            "{}: a grading fixture names its check with `# check:`",
            fixture.path.display()
        )
    });
    let check = Check::from_yaml(spec).unwrap_or_else(|e| panic!("{spec}: {e:?}"));
    assert_eq!(check.rule().map(|r| r.id), Some(rule.id), "{spec}");
    let text = String::from_utf8(fixture.bytes.clone()).expect("a grading fixture is text");
    let verdict = kubetutor::grade::grade("fixture", &[check], &text);
    (!verdict.checks[0].passed, report.findings)
}

#[test]
fn every_rule_has_a_fixture_that_triggers_it_and_one_that_passes() {
    let registered: Vec<&str> = registry::all().map(|rule| rule.id).collect();
    let mut failures = Vec::new();
    for rule in registry::all() {
        let (fails, passes) = fixtures_of(rule);
        if fails.is_empty() || passes.is_empty() {
            failures.push(format!(
                "{}: needs fail*.yaml and pass*.yaml in {ROOT}/{}",
                rule.id, rule.id
            ));
            continue;
        }
        for (files, expected) in [(fails, true), (passes, false)] {
            for path in files {
                let fixture = read_fixture(&path);
                let (hit, findings) = triggers(rule, &fixture);
                if hit != expected {
                    let seen: Vec<String> = findings
                        .iter()
                        .map(|f| format!("{} {}", f.rule.id, f.message.en))
                        .collect();
                    failures.push(format!(
                        "{}: {} {}; findings: {seen:?}",
                        path.display(),
                        if expected {
                            "does not trigger"
                        } else {
                            "triggers"
                        },
                        rule.id
                    ));
                }
                for finding in findings {
                    if !registered.contains(&finding.rule.id) {
                        failures.push(format!(
                            "{}: finding with unregistered rule {}",
                            path.display(),
                            finding.rule.id
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_folder_names_a_rule() {
    let mut stale = Vec::new();
    for category in fs::read_dir(ROOT).expect("fixture root") {
        let category = category.expect("entry").path();
        for rule in fs::read_dir(&category).expect("category folder") {
            let rule = rule.expect("entry").path();
            let id = rule
                .strip_prefix(ROOT)
                .expect("below the root")
                .to_string_lossy()
                .replace('\\', "/");
            if registry::find(&id).is_none() {
                stale.push(id);
            }
        }
    }
    assert!(stale.is_empty(), "fixtures for unknown rules: {stale:?}");
}

#[test]
fn findings_of_every_manifest_fixture_are_registered() {
    let mut unregistered = Vec::new();
    for folder in ["valid", "invalid", "lint"] {
        let dir = Path::new("tests/fixtures/manifests").join(folder);
        for entry in fs::read_dir(dir).expect("fixture folder") {
            let path = entry.expect("entry").path();
            let bytes = fs::read(&path).expect("readable");
            for options in [
                Options::default(),
                Options {
                    pss: Some(Level::Baseline),
                    profile: Some(Profile::EksFargate),
                    ..Options::default()
                },
            ] {
                for finding in validate::check_bytes_with(&bytes, &options).findings {
                    if registry::find(finding.rule.id).is_none() {
                        unregistered.push(format!("{}: {}", path.display(), finding.rule.id));
                    }
                }
            }
        }
    }
    assert!(unregistered.is_empty(), "{unregistered:?}");
}

#[test]
fn docs_rules_md_is_generated_from_the_registry() {
    let expected = kubetutor::commands::rules::rules(
        kubetutor::i18n::Lang::En,
        kubetutor::commands::rules::RulesFormat::Markdown,
    )
    .expect("markdown");
    let current = fs::read_to_string("docs/rules.md").unwrap_or_default();
    assert!(
        current == expected,
        "docs/rules.md is stale: run `cargo run -- rules --format md > docs/rules.md`"
    );
}
