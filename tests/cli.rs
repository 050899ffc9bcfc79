//! The built binary run against fixture packs, as a learner or author would.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::kubetutor;

use assert_cmd::Command;

const GOOD: &str = "tests/fixtures/packs/good";
const BROKEN: &str = "tests/fixtures/packs/broken";

fn stdout_of(command: &mut Command) -> String {
    let output = command.output().expect("kubetutor runs");
    String::from_utf8(output.stdout).expect("utf-8 output")
}

#[test]
fn list_shows_the_built_in_course_in_order() {
    let out = stdout_of(kubetutor().arg("list"));
    insta::assert_snapshot!("list_builtin_en", out);
}

#[test]
fn list_follows_the_locale() {
    let out = stdout_of(kubetutor().env("LANG", "ja_JP.UTF-8").arg("list"));
    assert!(out.contains("ワークロード"), "{out}");
    let out = stdout_of(
        kubetutor()
            .env("LANG", "ja_JP.UTF-8")
            .args(["--lang", "en", "list"]),
    );
    assert!(out.contains("Workload APIs"), "{out}");
}

#[test]
fn list_json_has_the_documented_fields() {
    let out = stdout_of(kubetutor().args([
        "--lessons",
        GOOD,
        "--lang",
        "ja",
        "list",
        "--format",
        "json",
    ]));
    let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let entries = value.as_array().expect("an array");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["id"], "basics");
    assert_eq!(entries[0]["title"], "フィクスチャの基本");
    assert_eq!(entries[0]["order"], 1);
    assert_eq!(entries[0]["minutes"], 5);
    assert_eq!(entries[1]["id"], "more");
}

#[test]
fn missing_translation_falls_back_to_english_with_a_note() {
    let out = stdout_of(kubetutor().args([
        "--lessons",
        "tests/fixtures/packs/english-only",
        "--lang",
        "ja",
        "list",
    ]));
    assert_eq!(out, " 1  only    3 min  More fixtures (en)\n");
}

#[test]
fn pack_lint_passes_the_built_in_and_good_packs() {
    kubetutor().args(["pack", "lint"]).assert().success();
    let out = stdout_of(kubetutor().args(["pack", "lint", GOOD]));
    assert_eq!(
        out,
        "tests/fixtures/packs/good: 2 lessons (en, ja), 6 quiz items, 1 exercise: clean\n"
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("kubetutor"))
        .args(["list", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("finishes");
    assert!(
        output.status.success(),
        "{:?}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty());
}

#[test]
fn pack_lint_lists_every_problem_with_its_position() {
    let assert = kubetutor().args(["pack", "lint", BROKEN]).assert().code(1);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    insta::assert_snapshot!("lint_broken_pack", out);
}

#[test]
fn pack_lint_warns_about_unfair_quizzes_and_checks_exercise_reviews() {
    let assert = kubetutor()
        .args(["pack", "lint", "tests/fixtures/packs/unfair"])
        .assert()
        .code(1);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    insta::assert_snapshot!("lint_unfair_pack", out);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(err.ends_with("2 problems, 3 warnings\n"), "{err}");
}

#[test]
fn lessons_option_is_used_by_pack_lint_without_dir() {
    kubetutor()
        .args(["--lessons", BROKEN, "pack", "lint"])
        .assert()
        .code(1);
}

#[test]
fn a_broken_pack_stops_the_tutor_with_one_located_line() {
    let assert = kubetutor().args(["--lessons", BROKEN]).assert().code(2);
    let output = assert.get_output();
    assert!(output.stdout.is_empty(), "nothing may be drawn");
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("kubetutor: error: tests/fixtures/packs/broken/lessons/en/01-basics.md:6:1: front matter: unknown field `objective`"),
        "{err}"
    );
    assert!(
        err.contains("(and 11 more; run `kubetutor pack lint tests/fixtures/packs/broken`)"),
        "{err}"
    );
}

#[test]
fn a_missing_pack_folder_is_a_clear_error() {
    for args in [
        &["--lessons", "tests/fixtures/nope", "list"][..],
        &["pack", "lint", "tests/fixtures/nope"],
    ] {
        let assert = kubetutor().args(args).assert().code(2);
        let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
        assert_eq!(
            err,
            "kubetutor: error: tests/fixtures/nope: no such folder\n"
        );
    }
}

#[test]
fn a_folder_without_lessons_is_not_a_pack() {
    let assert = kubetutor()
        .args(["--lessons", "tests/fixtures", "list"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert_eq!(
        err,
        "kubetutor: error: tests/fixtures: not a kubetutor pack: it has no lessons/ folder\n"
    );
}

#[test]
fn the_tutor_refuses_to_draw_without_a_terminal() {
    let assert = kubetutor().write_stdin("").assert().code(2);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(err.contains("the tutor needs a terminal"), "{err}");
}

#[test]
fn help_names_the_data_directory() {
    let out = stdout_of(kubetutor().arg("--help"));
    assert!(
        out.contains(&format!("Data directory: {}", env!("CARGO_TARGET_TMPDIR"))),
        "{out}"
    );
    assert!(
        out.contains("--lang <LANG>") && out.contains("--lessons <DIR>"),
        "{out}"
    );
}

/// Copies a fixture pack into a temporary folder that a test may change.
fn scratch_pack(from: &str) -> tempfile::TempDir {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).expect("create folder");
        for entry in std::fs::read_dir(from).expect("read fixture") {
            let entry = entry.expect("fixture entry");
            let target = to.join(entry.file_name());
            if entry.file_type().expect("file type").is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).expect("copy fixture");
            }
        }
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    copy(std::path::Path::new(from), dir.path());
    dir
}

#[test]
fn pack_lint_proves_exercise_variants() {
    let pack = scratch_pack(GOOD);
    let exercise = pack.path().join("lessons/exercises/fix-job");
    let solution = std::fs::read_to_string(exercise.join("solution.yaml")).expect("solution");
    let always = solution.replace("restartPolicy: Never", "restartPolicy: Always");
    std::fs::write(exercise.join("pass-always.yaml"), &always).expect("write");
    std::fs::write(
        exercise.join("fail-never.yaml"),
        format!("# fails: restart-policy, nope\n{solution}"),
    )
    .expect("write");
    std::fs::write(exercise.join("fail-unnamed.yaml"), &always).expect("write");
    let assert = kubetutor()
        .args(["pack", "lint"])
        .arg(pack.path())
        .assert()
        .code(1);
    let out = String::from_utf8_lossy(&assert.get_output().stdout)
        .replace(&format!("{}/", pack.path().display()), "");
    for expected in [
        "lessons/exercises/fix-job/pass-always.yaml:8:22: this correct variant has a validator error:",
        "lessons/exercises/fix-job/fail-never.yaml:1:1: this wrong variant passes check `restart-policy`: the check must reject it",
        "lessons/exercises/fix-job/fail-never.yaml:1:1: `# fails:` names check `nope`, which the exercise does not have",
        "lessons/exercises/fix-job/fail-unnamed.yaml:1:1: a fail variant starts with `# fails: <check id>, …`",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}
