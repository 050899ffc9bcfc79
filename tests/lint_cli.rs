//! `kubetutor check --disable` and `--profile eks-fargate` as a user runs them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::kubetutor;

const HABITS: &str = "tests/fixtures/manifests/lint/deployment-habits.yaml";

const DAEMON_SET: &str = "apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
      - name: agent
        image: agent:1.0
        securityContext:
          privileged: true
";

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).to_string()
}

#[test]
fn lints_are_warnings_and_can_be_disabled() {
    let all = kubetutor().args(["check", HABITS]).assert().code(0);
    let out = stdout(&all);
    assert!(out.contains("warning[lint/image-tag]"), "{out}");
    assert!(out.contains("warning[lint/resources]"), "{out}");

    let some = kubetutor()
        .args(["check", "--disable", "lint/image-tag,lint/resources"])
        .args(["--disable", "lint/probes", HABITS])
        .assert()
        .code(0);
    let out = stdout(&some);
    for gone in ["lint/image-tag", "lint/resources", "lint/probes"] {
        assert!(!out.contains(&format!("[{gone}]")), "{out}");
    }
    assert!(out.contains("warning[lint/duplicate-env]"), "{out}");
}

#[test]
fn unknown_rule_ids_are_refused_with_a_suggestion() {
    let assert = kubetutor()
        .args(["check", "--disable", "lint/image-tags", HABITS])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(err.contains("invalid value 'lint/image-tags'"), "{err}");
    assert!(err.contains("did you mean \"lint/image-tag\"?"), "{err}");
    let assert = kubetutor()
        .args(["check", "--enable", "api/required", HABITS])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(err.contains("cannot be switched off or on"), "{err}");
}

#[test]
fn lints_that_are_off_by_default_can_be_enabled() {
    let rule = "lint/automount-service-account-token";
    let off = kubetutor().args(["check", HABITS]).assert();
    assert!(!stdout(&off).contains(rule));
    let on = kubetutor()
        .args(["check", "--enable", rule, HABITS])
        .assert();
    assert!(
        stdout(&on).contains(&format!("warning[{rule}]")),
        "{}",
        stdout(&on)
    );
}

#[test]
fn eks_fargate_profile_adds_errors() {
    kubetutor()
        .args(["check", "-"])
        .write_stdin(DAEMON_SET)
        .assert()
        .code(0);
    let assert = kubetutor()
        .args(["check", "--profile", "eks-fargate", "--format", "json", "-"])
        .write_stdin(DAEMON_SET)
        .assert()
        .code(1);
    let report: serde_json::Value =
        serde_json::from_slice(&assert.get_output().stdout).expect("json");
    let errors: Vec<&str> = report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "error")
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert_eq!(errors, ["fargate/daemonset", "fargate/privileged"]);
}
