//! `kubetutor progress …` and `kubetutor report` run as a learner and a
//! facilitator would, against a data directory prepared through the library.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use chrono::{Duration, Utc};
use common::kubetutor;
use kubetutor::progress::{DATABASE_FILE, NewAnswer, NewAttempt, Store};

const GOOD: &str = "tests/fixtures/packs/good";

/// The good pack's tutor with its own data directory.
fn tutor(home: &Path) -> assert_cmd::Command {
    let mut command = kubetutor();
    command
        .env("KUBETUTOR_HOME", home)
        .args(["--lessons", GOOD]);
    command
}

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

/// A learner who read the basics, answered three items and passed the exercise.
fn record_some_progress(home: &Path, wrong_item: &str) {
    // Five minutes ago: the wrong answer (back after a minute) is due, the right
    // ones (back after ten) are not yet.
    let now = Utc::now() - Duration::minutes(5);
    let mut store = Store::open_in(home, now).unwrap().store;
    store.lesson_opened("basics", now).unwrap();
    store.lesson_finished("basics", now).unwrap();
    for (item, correct) in [
        ("basics-single", true),
        ("basics-short", true),
        (wrong_item, false),
    ] {
        let answer = NewAnswer {
            item_id: item,
            lesson_id: "basics",
            answer: "a",
            correct,
            duration_ms: 900,
            mode: "quiz",
        };
        store.record_answer(&answer, now).unwrap();
    }
    let attempt = NewAttempt {
        exercise_id: "fix-job",
        lesson_id: "more",
        passed: true,
        findings: 0,
        submission: "kind: Job\n",
    };
    store.record_attempt(&attempt, &[], now).unwrap();
}

#[test]
fn show_summarizes_each_lesson() {
    let home = tempfile::tempdir().unwrap();
    record_some_progress(home.path(), "basics-order");
    let out = stdout(
        &tutor(home.path())
            .args(["progress", "show"])
            .assert()
            .success(),
    );
    let db = home.path().join(DATABASE_FILE);
    assert_eq!(
        out,
        format!(
            "Progress — {}\n    Lesson          Read  Quiz      Exercises  Due\n \
             1  Fixture basics  done  2/6  33%  –            1\n \
             2  More fixtures   new   –         1/1          0\n\n\
             lessons read 1/2 · quiz items right 2/6 · exercises passed 1/1 · due for review 1\n",
            db.display()
        )
    );
    let json = stdout(
        &tutor(home.path())
            .args(["progress", "show", "--format", "json"])
            .assert()
            .success(),
    );
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["read"], "done");
    assert_eq!(rows[0]["quiz_correct"], 2);
    assert_eq!(rows[1]["exercises_passed"], 1);
}

#[test]
fn export_and_report_merge_several_learners() {
    let team = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (name, wrong) in [
        ("Aiko", "basics-order"),
        ("Ben", "basics-order"),
        ("Chen", "basics-match"),
    ] {
        let home = team.path().join(name);
        record_some_progress(&home, wrong);
        let file = team.path().join(format!("{name}.json"));
        tutor(&home)
            .args(["progress", "export", "--name", name, "--out"])
            .arg(&file)
            .assert()
            .success();
        files.push(file);
    }
    let export: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    assert_eq!(export["schema_version"], 1);
    assert_eq!(export["learner"], "Aiko");
    assert_eq!(export["answers"].as_array().unwrap().len(), 3);
    assert_eq!(
        export["attempts"][0]["submission_sha256"]
            .as_str()
            .unwrap()
            .len(),
        64
    );
    // The name is remembered for the next export.
    let again = stdout(
        &tutor(&team.path().join("Aiko"))
            .args(["progress", "export"])
            .assert()
            .success(),
    );
    assert!(again.contains("\"learner\": \"Aiko\""));

    let md = stdout(&kubetutor().arg("report").args(&files).assert().success());
    assert!(
        md.contains("| Learner | Fixture basics | More fixtures |"),
        "{md}"
    );
    assert!(
        md.contains("| Aiko | ✓ · 33% · 0/0 | – · – · 1/1 |"),
        "{md}"
    );
    assert!(
        md.contains("| `basics-order` | basics | 0/2 | Aiko, Ben | Order the owners. |"),
        "{md}"
    );
    assert!(md.contains("- Chen: `basics-match`"), "{md}");

    let json = stdout(
        &kubetutor()
            .args(["report", "--format", "json"])
            .args(&files)
            .assert()
            .success(),
    );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["progress"]["learners"].as_array().unwrap().len(), 3);
    assert_eq!(
        report["progress"]["weakest_items"][0]["item"],
        "basics-order"
    );
    assert!(report["sessions"].is_null());
}

#[test]
fn report_refuses_other_formats_clearly_and_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    record_some_progress(&home, "basics-order");
    let good = dir.path().join("good.json");
    tutor(&home)
        .args(["progress", "export", "--out"])
        .arg(&good)
        .assert()
        .success();
    let text = std::fs::read_to_string(&good).unwrap();
    let newer = dir.path().join("newer.json");
    std::fs::write(
        &newer,
        text.replace("\"schema_version\": 1", "\"schema_version\": 2"),
    )
    .unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, &text[..text.len() / 2]).unwrap();
    let assert = kubetutor()
        .arg("report")
        .args([&good, &newer, &broken])
        .assert()
        .code(1);
    let err = stderr(&assert);
    assert!(
        err.contains(&format!(
            "{}:1:1: written by a newer kubetutor (format version 2; this kubetutor reads versions 1 to 1)",
            newer.display()
        )),
        "{err}"
    );
    assert!(err.contains(&format!("{}:", broken.display())), "{err}");
    assert!(err.contains("EOF while parsing"), "{err}");
    assert!(stdout(&assert).contains("# Team progress"));
    kubetutor().arg("report").arg(&broken).assert().code(2);
}

#[test]
fn reset_needs_confirmation_and_can_target_one_lesson() {
    let home = tempfile::tempdir().unwrap();
    record_some_progress(home.path(), "basics-order");
    let assert = tutor(home.path())
        .args(["progress", "reset"])
        .assert()
        .code(2);
    assert!(stderr(&assert).contains("run again with --yes to confirm"));
    tutor(home.path())
        .args(["progress", "reset", "--lesson", "basics", "--yes"])
        .assert()
        .success();
    let store = Store::open_in(home.path(), Utc::now()).unwrap().store;
    assert!(store.answers().unwrap().is_empty());
    assert_eq!(
        store.attempts().unwrap().len(),
        1,
        "the other lesson's attempt stays"
    );
    let assert = tutor(home.path())
        .args(["progress", "reset", "--lesson", "nope", "--yes"])
        .assert()
        .code(2);
    assert!(stderr(&assert).contains("no lesson `nope` in this course (lessons: basics, more)"));
}

#[test]
fn a_damaged_database_is_kept_and_the_learner_told() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join(DATABASE_FILE),
        "not sqlite at all".repeat(300),
    )
    .unwrap();
    let assert = tutor(home.path())
        .args(["progress", "show"])
        .assert()
        .success();
    let err = stderr(&assert);
    assert!(
        err.contains("the progress database could not be read; it was kept as"),
        "{err}"
    );
    let kept: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("progress.db.damaged-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(err.contains(&kept[0]), "{err}");
}

#[test]
fn a_database_from_a_newer_kubetutor_is_refused_untouched() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join(DATABASE_FILE);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 42;")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let assert = tutor(home.path())
        .args(["progress", "show"])
        .assert()
        .code(2);
    assert!(stderr(&assert).contains("was written by a newer kubetutor (database version 42"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
