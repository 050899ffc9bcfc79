//! Lint fixtures: `tests/fixtures/manifests/lint/*.yaml` declare every lint
//! warning they must produce with a comment on the line where it is
//! reported: `# lint: <rule> <path>` (several separated by `;`). Every
//! expected warning must be found there and no other `lint/…` warning may
//! appear. Errors are not allowed at all; Pod Security warnings are ignored.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use kubetutor::validate::{self, Severity};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new("tests/fixtures/manifests/lint");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("fixture folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();
    files
}

/// (line, rule, path) of every `# lint:` comment.
fn expectations(text: &str) -> BTreeSet<(usize, String, String)> {
    let mut expected = BTreeSet::new();
    for (index, line) in text.lines().enumerate() {
        let Some((_, spec)) = line.split_once("# lint:") else {
            continue;
        };
        for one in spec.split(';') {
            let mut words = one.split_whitespace();
            let rule = words.next().expect("a rule after # lint:").to_string();
            let path = words.next().unwrap_or("").to_string();
            expected.insert((index + 1, rule, path));
        }
    }
    expected
}

#[test]
fn lint_fixtures_report_exactly_the_expected_warnings() {
    let files = fixtures();
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
            } else if finding.rule.starts_with("lint/") {
                found.insert((
                    finding.pos.line,
                    finding.rule.to_string(),
                    finding.path.clone(),
                ));
            }
        }
        let expected = expectations(&text);
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
