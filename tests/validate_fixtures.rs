//! Fixture manifests with their expected findings.
//!
//! - `tests/fixtures/manifests/valid/*.yaml` are real-world manifests: they
//!   must produce no error at all.
//! - `tests/fixtures/manifests/invalid/*.yaml` declare every error they must
//!   produce with a comment on the line where it is reported:
//!   `# expect: <rule> <path>` (several separated by `;`). Every expected
//!   error must be found there, and no other error may appear.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use kubetutor::validate::{self, Severity};

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new("tests/fixtures/manifests").join(kind);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();
    files
}

/// (line, rule, path) of every `# expect:` comment.
fn expectations(text: &str) -> BTreeSet<(usize, String, String)> {
    let mut expected = BTreeSet::new();
    for (index, line) in text.lines().enumerate() {
        let Some((_, spec)) = line.split_once("# expect:") else {
            continue;
        };
        for one in spec.split(';') {
            let mut words = one.split_whitespace();
            let rule = words.next().expect("a rule after # expect:").to_string();
            let path = words.next().unwrap_or("").to_string();
            expected.insert((index + 1, rule, path));
        }
    }
    expected
}

#[test]
fn valid_real_world_manifests_stay_clean() {
    let files = fixtures("valid");
    assert!(files.len() >= 5, "too few valid fixtures");
    let mut failures = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("readable");
        let report = validate::check(&text);
        assert!(
            !report.documents.is_empty(),
            "{}: no documents",
            file.display()
        );
        for finding in report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            failures.push(format!(
                "{}:{}:{}: [{}] {}",
                file.display(),
                finding.pos.line,
                finding.pos.column,
                finding.rule,
                finding.message.en
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "valid manifests reported errors:\n{}",
        failures.join("\n")
    );
}

#[test]
fn invalid_manifests_report_exactly_the_expected_errors() {
    let files = fixtures("invalid");
    assert!(!files.is_empty(), "no invalid fixtures");
    let mut failures = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("readable");
        let expected = expectations(&text);
        assert!(
            !expected.is_empty(),
            "{}: declares no expected finding",
            file.display()
        );
        let report = validate::check(&text);
        let found: BTreeSet<(usize, String, String)> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.pos.line, f.rule.to_string(), f.path.clone()))
            .collect();
        for missing in expected.difference(&found) {
            failures.push(format!("{}: missing {missing:?}", file.display()));
        }
        for extra in found.difference(&expected) {
            let message = report
                .findings
                .iter()
                .find(|f| (f.pos.line, f.rule.to_string(), f.path.clone()) == *extra)
                .map(|f| f.message.en.clone())
                .unwrap_or_default();
            failures.push(format!(
                "{}: unexpected {extra:?}: {message}",
                file.display()
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
