//! `kubetutor check` as a user runs it: files and stdin, text and JSON,
//! exit codes 0 (no errors), 1 (errors) and 2 (unreadable input).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::kubetutor;

const VALID: &str = "tests/fixtures/manifests/valid/deployment-rolling-update.yaml";
const RESTRICTED: &str = "tests/fixtures/manifests/valid/pod-restricted.yaml";
const INVALID: &str = "tests/fixtures/manifests/invalid/yaml-and-schema.yaml";

#[test]
fn clean_files_exit_zero() {
    let assert = kubetutor().args(["check", RESTRICTED]).assert().code(0);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert_eq!(
        out,
        "checked 1 file(s), 1 document(s): 0 error(s), 0 warning(s)\n"
    );
}

#[test]
fn restricted_violations_are_warnings_by_default() {
    let assert = kubetutor().args(["check", VALID]).assert().code(0);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(
        out.contains("warning[pss/allowPrivilegeEscalation]"),
        "{out}"
    );
    assert!(out.contains("0 error(s)"), "{out}");
}

#[test]
fn pss_makes_violations_of_the_level_errors() {
    kubetutor()
        .args(["check", "--pss", "baseline", VALID])
        .assert()
        .code(0);
    let assert = kubetutor()
        .args([
            "check",
            "--pss",
            "restricted",
            "--pss-version",
            "v1.30",
            VALID,
        ])
        .assert()
        .code(1);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(
        out.contains("error[pss/runAsNonRoot]: runAsNonRoot != true"),
        "{out}"
    );
}

#[test]
fn invalid_pss_version_is_a_usage_error() {
    let assert = kubetutor()
        .args(["check", "--pss", "baseline", "--pss-version", "1.30", VALID])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        err.contains("invalid value '1.30' for '--pss-version"),
        "{err}"
    );
}

#[test]
fn errors_are_shown_with_excerpts_and_exit_one() {
    let assert = kubetutor().args(["check", INVALID]).assert().code(1);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(
        out.contains(
            "error[schema/unknown-field]: unknown field \"spec.containers[0].imagePullPolcy\""
        ),
        "{out}"
    );
    assert!(out.contains(&format!("--> {INVALID}:10:7")), "{out}");
    assert!(
        out.contains("help: did you mean `imagePullPolicy`?"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'), "no colour when not a terminal");
}

#[test]
fn japanese_messages_follow_the_language() {
    let assert = kubetutor()
        .args(["--lang", "ja", "check", INVALID])
        .assert()
        .code(1);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(out.contains("不明なフィールド"), "{out}");
    assert!(out.contains("ファイル、"), "{out}");
}

#[test]
fn stdin_and_json() {
    let assert = kubetutor()
        .args(["check", "--format", "json", "-"])
        .write_stdin("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n")
        .assert()
        .code(1);
    let value: serde_json::Value =
        serde_json::from_slice(&assert.get_output().stdout).expect("JSON");
    assert_eq!(value["files"][0]["file"], "-");
    assert_eq!(value["files"][0]["documents"][0]["kind"], "ConfigMap");
    let finding = &value["files"][0]["findings"][0];
    assert_eq!(finding["rule"], "yaml/duplicate-key");
    assert_eq!(finding["path"], "metadata.name");
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(5), Some(3))
    );
    assert_eq!(value["summary"]["errors"], 1);
}

#[test]
fn syntax_errors_have_an_empty_path() {
    let assert = kubetutor()
        .args(["check", "--format", "json", "-"])
        .write_stdin("kind: Pod\nspec: [a, b\n")
        .assert()
        .code(1);
    let value: serde_json::Value =
        serde_json::from_slice(&assert.get_output().stdout).expect("JSON");
    let finding = &value["files"][0]["findings"][0];
    assert_eq!(finding["rule"], "yaml/syntax");
    assert_eq!(finding["path"], "");
}

#[test]
fn an_unreadable_file_exits_two_after_checking_the_rest() {
    let assert = kubetutor()
        .args(["check", VALID, "tests/fixtures/nope.yaml"])
        .assert()
        .code(2);
    let output = assert.get_output();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.starts_with("kubetutor: error: tests/fixtures/nope.yaml: "),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("checked 1 file(s)"));
}
