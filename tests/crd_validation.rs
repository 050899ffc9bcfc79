//! Custom resources validated against CRDs: the built-in Gateway API CRDs
//! accept every example of the Gateway API project and catch typical
//! mistakes; `--crd` brings other CRDs; without a CRD a custom resource
//! stays an info finding.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use assert_cmd::Command;
use kubetutor::validate::{self, Severity};

const GATEWAY_EXAMPLES: &str = "../shared/upstream/gateway-api-v1.6.1/examples";

fn yaml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

#[test]
fn every_gateway_api_example_validates_against_the_built_in_crds() {
    let mut files = Vec::new();
    yaml_files(Path::new(GATEWAY_EXAMPLES), &mut files);
    assert!(
        files.len() > 50,
        "the examples are beside the clone ({})",
        files.len()
    );
    let mut custom = 0;
    for file in &files {
        let report = validate::check(&std::fs::read_to_string(file).unwrap());
        let errors: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.message.en.clone())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
        assert!(
            report
                .findings
                .iter()
                .all(|f| f.rule.id != "schema/custom-resource"
                    || !f.message.en.contains("gateway.networking.k8s.io")),
            "{}: a Gateway API kind taken for an unknown custom resource",
            file.display()
        );
        custom += report
            .documents
            .iter()
            .filter(|d| {
                d.api_version
                    .as_deref()
                    .is_some_and(|v| v.starts_with("gateway.networking.k8s.io/"))
            })
            .count();
    }
    assert!(custom > 50, "only {custom} Gateway API objects");
}

#[test]
fn gateway_api_mistakes_are_caught_where_they_are() {
    let text = std::fs::read_to_string("tests/fixtures/crd/gateway-mistakes.yaml").unwrap();
    let found: Vec<(String, usize)> = validate::check(&text)
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule.id.to_string(), f.pos.line))
        .collect();
    for expected in [
        ("schema/crd-value", 6),
        ("schema/crd-value", 9),
        ("schema/crd-rule", 11),
        ("schema/crd-value", 13),
        ("schema/unknown-field", 13),
        ("schema/unknown-api-version", 15),
        ("schema/crd-rule", 26),
    ] {
        assert!(
            found
                .iter()
                .any(|(rule, line)| rule == expected.0 && *line == expected.1),
            "{expected:?} not in {found:?}"
        );
    }
}

#[test]
fn crd_flag_brings_the_schema_and_without_it_the_kind_is_info() {
    let bad = "tests/fixtures/crd/widget-bad.yaml";
    let out = Command::cargo_bin("kubetutor")
        .unwrap()
        .args(["check", "--crd", "tests/fixtures/crd/widgets", bad])
        .assert()
        .code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("spec.size in body should be greater than or equal to 1"),
        "{text}"
    );
    assert!(text.contains("unknown field \"spec.colour\""), "{text}");
    let out = Command::cargo_bin("kubetutor")
        .unwrap()
        .args(["check", bad])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("is a custom resource"), "{text}");
    let out = Command::cargo_bin("kubetutor")
        .unwrap()
        .args(["check", "--crd", "tests/fixtures/versions", bad])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("no CustomResourceDefinition found"), "{err}");
}
