//! The pod-security-admission library's own fixtures, read from
//! `../shared/conformance/psa` (never copied here): every Pod must get the
//! library's verdict at its level and policy version.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;
use std::time::Instant;

use kubetutor::validate::{self, Options, Severity};

#[test]
#[ignore = "reads ../shared/conformance/psa; run by scripts/psa-conformance.sh"]
fn every_fixture_agrees_with_the_library() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/psa");
    let index = fs::read_to_string(root.join("INDEX.tsv")).expect("INDEX.tsv of the PSA fixtures");
    let started = Instant::now();
    let mut total = 0;
    let mut disagreements = Vec::new();
    for row in index.lines().skip(1) {
        let fields: Vec<&str> = row.split('\t').collect();
        let [level, version, expected, _check, _case, path] = fields[..] else {
            panic!("malformed INDEX.tsv row: {row}");
        };
        total += 1;
        let options = Options {
            pss: Some(level.parse().expect("level")),
            pss_version: version.parse().expect("version"),
            ..Options::default()
        };
        let text = fs::read_to_string(root.join(path)).expect("fixture");
        let report = validate::check_with(&text, &options);
        let violations: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error && f.rule.id.starts_with("pss/"))
            .map(|f| format!("{}: {}", f.rule, f.message.en))
            .collect();
        let verdict = if violations.is_empty() {
            "pass"
        } else {
            "fail"
        };
        if verdict != expected {
            disagreements.push(format!(
                "{path}: expected {expected}, got {verdict} {violations:?}"
            ));
        }
    }
    let agree = total - disagreements.len();
    println!(
        "{agree}/{total} agree ({} ms)",
        started.elapsed().as_millis()
    );
    assert!(
        disagreements.is_empty(),
        "{} disagreement(s):\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}
