//! Every example of the Kubernetes documentation, read from
//! `../shared/conformance/k8s-examples` (never copied here), must get the
//! verdict kubectl gives: no error for the valid ones and for component
//! configuration files, an error on the named field for the invalid ones.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;
use std::time::Instant;

use kubetutor::validate::{self, Severity};

#[test]
#[ignore = "reads ../shared/conformance/k8s-examples; run by scripts/examples-conformance.sh"]
fn every_docs_example_gets_kubectls_verdict() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/k8s-examples");
    let index = fs::read_to_string(root.join("INDEX.tsv")).expect("INDEX.tsv of the examples");
    let started = Instant::now();
    let mut total = 0;
    let mut wrong = Vec::new();
    for row in index.lines().skip(1) {
        let fields: Vec<&str> = row.split('\t').collect();
        let [file, expect, path, ..] = fields[..] else {
            panic!("malformed INDEX.tsv row: {row}");
        };
        total += 1;
        let bytes = fs::read(root.join("examples").join(file)).expect("example");
        let report = validate::check_bytes(&bytes);
        let errors: Vec<(String, String)> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.path.clone(), format!("{}: {}", f.rule, f.message.en)))
            .collect();
        let right = match expect {
            "valid" | "no-error" => errors.is_empty(),
            _ if path.is_empty() => !errors.is_empty(),
            _ => errors.iter().any(|(at, _)| at.starts_with(path)),
        };
        if !right {
            wrong.push(format!(
                "{file}: expected {expect} {path:?}, got {errors:?}"
            ));
        }
    }
    println!(
        "{}/{total} agree ({} ms)",
        total - wrong.len(),
        started.elapsed().as_millis()
    );
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
