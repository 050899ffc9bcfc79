//! Fixture manifests with their expected findings.
//!
//! - `tests/fixtures/manifests/valid/*.yaml` are real-world manifests: they
//!   must produce no error at all.
//! - `tests/fixtures/manifests/invalid/*.yaml` declare every error they must
//!   produce with a comment on the line where it is reported:
//!   `# expect: <rule> <path>` (several separated by `;`). Every expected
//!   error must be found there, and no other error may appear.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod manifest_fixtures;

use std::collections::BTreeSet;
use std::fs;

use kubetutor::validate::{self, Severity};

#[test]
fn valid_real_world_manifests_stay_clean() {
    let files = manifest_fixtures::files("valid");
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
    let files = manifest_fixtures::files("invalid");
    assert!(!files.is_empty(), "no invalid fixtures");
    let mut failures = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("readable");
        let expected = manifest_fixtures::expectations(&text, "# expect:");
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
            .map(|f| (f.pos.line, f.rule.id.to_string(), f.path.clone()))
            .collect();
        for missing in expected.difference(&found) {
            failures.push(format!("{}: missing {missing:?}", file.display()));
        }
        for extra in found.difference(&expected) {
            let message = report
                .findings
                .iter()
                .find(|f| (f.pos.line, f.rule.id.to_string(), f.path.clone()) == *extra)
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
