//! Lint fixtures: `tests/fixtures/manifests/lint/*.yaml` declare every lint
//! warning they must produce with a comment on the line where it is
//! reported: `# lint: <rule> <path>` (several separated by `;`). Every
//! expected warning must be found there and no other `lint/…` warning may
//! appear. Errors are not allowed at all; Pod Security warnings are ignored.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod manifest_fixtures;

use std::collections::BTreeSet;
use std::fs;

use kubetutor::validate::{self, Severity};

#[test]
fn lint_fixtures_report_exactly_the_expected_warnings() {
    let files = manifest_fixtures::files("lint");
    assert!(files.len() >= 3, "too few lint fixtures");
    let mut failures = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("readable");
        let report = validate::check(&text);
        let mut found = BTreeSet::new();
        for finding in &report.findings {
            if finding.severity == Severity::Error {
                failures.push(format!(
                    "{}:{}: unexpected error [{}] {}",
                    file.display(),
                    finding.pos.line,
                    finding.rule,
                    finding.message.en
                ));
            } else if finding.rule.id.starts_with("lint/") {
                found.insert((
                    finding.pos.line,
                    finding.rule.id.to_string(),
                    finding.path.clone(),
                ));
            }
        }
        let expected = manifest_fixtures::expectations(&text, "# lint:");
        for (line, rule, path) in expected.difference(&found) {
            failures.push(format!("{}:{line}: missing {rule} {path}", file.display()));
        }
        for (line, rule, path) in found.difference(&expected) {
            failures.push(format!(
                "{}:{line}: unexpected {rule} {path}",
                file.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
