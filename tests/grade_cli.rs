//! `kubetutor grade` and `pack lint`'s exercise proofs, run as the binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::kubetutor;

const GOOD: &str = "tests/fixtures/packs/good";
const EXERCISE: &str = "tests/fixtures/packs/good/lessons/exercises/fix-job";
const UNPROVEN: &str = "tests/fixtures/packs/unproven";

/// Runs `grade` on the good pack: (exit code, stdout, stderr).
fn grade(args: &[&str]) -> (i32, String, String) {
    let output = kubetutor()
        .args(["--lessons", GOOD, "grade"])
        .args(args)
        .output()
        .expect("kubetutor runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn the_solution_passes() {
    let (code, out, _) = grade(&["fix-job", &format!("{EXERCISE}/solution.yaml")]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.ends_with(
            "✓ valid: The API server accepts the manifest\n\
             ✓ restart-policy: The Pod template's restartPolicy is Never or OnFailure\n\
             fix-job: passed\n"
        ),
        "{out}"
    );
}

#[test]
fn the_starter_fails_with_findings_first_and_located_checks() {
    let starter = format!("{EXERCISE}/starter.yaml");
    let (code, out, _) = grade(&["fix-job", &starter]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("error[api/unsupported-value]: spec.template.spec.restartPolicy"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "✗ restart-policy: The Pod template's restartPolicy is Never or OnFailure ({starter}:8)\n    \
             (required by this exercise)\n    \
             spec.template.spec.restartPolicy: `Always` does not match the expected value\n"
        )),
        "{out}"
    );
    assert!(
        out.ends_with("fix-job: not passed (2 of 2 check(s) failed, 1 error(s))\n"),
        "{out}"
    );
}

#[test]
fn json_has_the_documented_shape() {
    let (code, out, _) = grade(&[
        "--format",
        "json",
        "fix-job",
        &format!("{EXERCISE}/starter.yaml"),
    ]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["checks", "exercise", "findings", "passed"]);
    assert_eq!(value["exercise"], "fix-job");
    assert_eq!(value["passed"], false);
    assert_eq!(
        value["checks"],
        serde_json::json!([
            {"id":"valid","passed":false,"message":"The API server accepts the manifest","line":8,"origin":"api"},
            {"id":"restart-policy","passed":false,
             "message":"The Pod template's restartPolicy is Never or OnFailure","line":8,
             "origin":"exercise"}
        ])
    );
    let first = &value["findings"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["rule"], "api/unsupported-value");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(8), Some(22))
    );
    for field in ["document", "path", "message", "help"] {
        assert!(first.get(field).is_some(), "{field} missing: {first}");
    }
}

#[test]
fn messages_follow_the_language() {
    let (_, out, _) = grade(&[
        "--lang",
        "ja",
        "--format",
        "json",
        "fix-job",
        &format!("{EXERCISE}/solution.yaml"),
    ]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        value["checks"][1]["message"],
        "PodテンプレートのrestartPolicyがNeverまたはOnFailureである"
    );
}

#[test]
fn standard_input_is_graded() {
    let solution = std::fs::read_to_string(format!("{EXERCISE}/solution.yaml")).unwrap();
    kubetutor()
        .args(["--lessons", GOOD, "grade", "fix-job", "-"])
        .write_stdin(solution)
        .assert()
        .code(0);
}

#[test]
fn unusable_input_exits_2() {
    let (code, out, err) = grade(&["nope", &format!("{EXERCISE}/solution.yaml")]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "kubetutor: error: no exercise `nope` in this pack (exercises: fix-job)\n"
    );
    let (code, _, err) = grade(&["fix-job", "tests/fixtures/missing.yaml"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("kubetutor: error: tests/fixtures/missing.yaml: "),
        "{err}"
    );
    kubetutor()
        .args([
            "--lessons",
            "tests/fixtures/packs/broken",
            "grade",
            "bad",
            "-",
        ])
        .assert()
        .code(2);
}

#[test]
fn pack_lint_proves_every_exercise() {
    let output = kubetutor()
        .args(["pack", "lint", UNPROVEN])
        .output()
        .expect("kubetutor runs");
    assert_eq!(output.status.code(), Some(1));
    let dir = format!("{UNPROVEN}/lessons/exercises");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!(
            "{dir}/presolved/starter.yaml:1:1: the starter passes every check: it must fail at least one\n\
             {dir}/unsolved/exercise.yaml:10:5: check `restart-policy` has no description in `ja`\n\
             {dir}/unsolved/solution.yaml:8:22: the solution fails check `restart-policy`: spec.template.spec.restartPolicy: `Always` does not match the expected value\n\
             {dir}/unsolved/solution.yaml:8:22: the solution has a validator error: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"\n"
        )
    );
}

#[test]
fn a_failed_check_shows_its_hint() {
    let assert = kubetutor()
        .args([
            "--lessons",
            "tests/fixtures/packs/good",
            "grade",
            "fix-job",
            "tests/fixtures/packs/good/lessons/exercises/fix-job/starter.yaml",
        ])
        .assert()
        .code(1);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(
        out.contains("    hint: A Job's Pods must finish; which restart policies allow that?"),
        "{out}"
    );
}
