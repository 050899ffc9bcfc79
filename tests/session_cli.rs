//! The plain quiz and the exam as a facilitator and a learner use them:
//! answers piped in, seeded exams, the paper sheet, reports in three formats,
//! resuming a killed exam, and the team summary over the reports.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use common::kubetutor;
use kubetutor::progress::Store;

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

fn in_home(home: &Path) -> assert_cmd::Command {
    let mut command = kubetutor();
    command.env("KUBETUTOR_HOME", home);
    command
}

/// The right answers of the items `selection` chooses, in the notation the
/// quiz reads, taken from the printed answer key (a quiz and an exam with
/// the same lessons, count and seed ask the same items).
fn answer_key(selection: &[&str]) -> Vec<String> {
    let sheet = stdout(
        &kubetutor()
            .arg("quiz")
            .args(selection)
            .args(["--print", "--answers"])
            .assert()
            .success(),
    );
    sheet
        .split("## Answer key")
        .nth(1)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split("**").nth(1).map(str::to_string))
        .collect()
}

const EXAM: [&str; 6] = ["--lesson", "pod-security", "--count", "4", "--seed", "11"];

#[test]
fn a_scripted_quiz_gives_feedback_and_saves_every_answer() {
    let home = tempfile::tempdir().unwrap();
    let key = answer_key(&[
        "--lesson",
        "resource-categories",
        "--count",
        "3",
        "--seed",
        "4",
    ]);
    assert_eq!(key.len(), 3, "{key:?}");
    let input = format!(
        "this is not an answer\n{}\n{}\n{}\n",
        key[0], key[1], key[2]
    );
    let assert = in_home(home.path())
        .args([
            "quiz",
            "--lesson",
            "resource-categories",
            "--count",
            "3",
            "--seed",
            "4",
        ])
        .write_stdin(input)
        .assert()
        .success();
    let out = stdout(&assert);
    assert!(
        out.contains("Question 1 of 3 · Kubernetes resource categories"),
        "{out}"
    );
    assert_eq!(out.matches("✓ Right.").count(), 3, "{out}");
    assert!(out.contains("3/3 (100%)"), "{out}");
    let store = Store::open_in(home.path(), chrono::Utc::now())
        .unwrap()
        .store;
    let answers = store.answers().unwrap();
    assert_eq!(answers.len(), 3);
    assert!(answers.iter().all(|a| a.correct && a.mode == "quiz"));
}

#[test]
fn the_same_seed_prints_the_same_sheet_and_another_seed_another() {
    let print = |seed: &str| {
        stdout(
            &kubetutor()
                .args(["quiz", "--count", "6", "--seed", seed, "--print"])
                .assert()
                .success(),
        )
    };
    let first = print("2026");
    assert_eq!(first, print("2026"));
    assert_ne!(first, print("2027"));
    insta::assert_snapshot!("quiz_sheet_seed_2026", first);
    let with_key = stdout(
        &kubetutor()
            .args([
                "quiz",
                "--count",
                "6",
                "--seed",
                "2026",
                "--print",
                "--answers",
            ])
            .assert()
            .success(),
    );
    assert!(with_key.starts_with(&first));
    insta::assert_snapshot!("quiz_sheet_seed_2026_answers", &with_key[first.len()..]);
}

/// The exam of [`EXAM`] as a process: its input and its output lines.
type Running = (
    std::process::Child,
    std::process::ChildStdin,
    std::io::Lines<BufReader<std::process::ChildStdout>>,
);

/// Starts the exam of [`EXAM`] in `home`, answers piped in.
fn start_exam(home: &Path) -> Running {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("kubetutor"))
        .env("KUBETUTOR_HOME", home)
        .env("LANG", "C")
        .arg("exam")
        .args(EXAM)
        .args(["--minutes", "30"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take().unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    (child, stdin, lines)
}

/// Starts an exam with piped answers and kills it after `answers` answers
/// were saved for --resume.
fn kill_exam_after(home: &Path, answers: usize) {
    let key = answer_key(&EXAM);
    let (mut child, mut stdin, mut lines) = start_exam(home);
    let state = home.join("exam-in-progress.json");
    let mut given = 0;
    while given < answers {
        let Some(Ok(line)) = lines.next() else { break };
        if line.starts_with('(') {
            writeln!(stdin, "{}", key[given]).unwrap();
            given += 1;
        }
    }
    // Wait until the state file holds the answers, then kill.
    for _ in 0..200 {
        let saved = std::fs::read_to_string(&state).unwrap_or_default();
        if saved.matches("\"answered_at\"").count() >= answers {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

/// How many answers the saved exam holds.
fn saved_answers(home: &Path) -> usize {
    std::fs::read_to_string(home.join("exam-in-progress.json"))
        .unwrap()
        .matches("\"answered_at\"")
        .count()
}

#[test]
fn a_killed_exam_resumes_where_it_stopped_and_reports_in_three_formats() {
    let home = tempfile::tempdir().unwrap();
    kill_exam_after(home.path(), 2);
    let saved = saved_answers(home.path());
    assert!(saved >= 2, "{saved}");
    // A new exam does not silently replace the unfinished one.
    let refused = in_home(home.path()).args(["exam"]).assert().code(2);
    assert!(String::from_utf8_lossy(&refused.get_output().stderr).contains("--resume"));
    // The answers to the items still open: the saved ones are not asked again.
    let rest = |saved: usize| -> String {
        answer_key(&EXAM)[saved..]
            .iter()
            .map(|a| format!("{a}\n"))
            .collect()
    };
    let report_json = home.path().join("exam.json");
    let assert = in_home(home.path())
        .args(["exam", "--resume", "--report"])
        .arg(&report_json)
        .args(["--format", "json"])
        .write_stdin(rest(saved))
        .assert();
    assert_eq!(
        assert.get_output().status.code(),
        Some(0),
        "every answer right: passed"
    );
    let out = stdout(&assert);
    assert!(out.contains("# Exam report"), "{out}");
    assert!(
        out.contains(&format!("Question {} of 4", saved + 1)),
        "resumes at the next item: {out}"
    );
    assert!(!out.contains("Question 1 of 4"), "{out}");
    assert!(!home.path().join("exam-in-progress.json").exists());

    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report_json).unwrap()).unwrap();
    assert_eq!(report["report"], "kubetutor-session");
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["kind"], "exam");
    assert_eq!(report["total"], 4);
    assert_eq!(report["items"].as_array().unwrap().len(), 4);
    assert!(
        report["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["answer"].is_string())
    );
    let store = Store::open_in(home.path(), chrono::Utc::now())
        .unwrap()
        .store;
    assert_eq!(
        store
            .answers()
            .unwrap()
            .iter()
            .filter(|a| a.mode == "exam")
            .count(),
        4
    );

    // The same exam as JUnit and Markdown.
    kill_exam_after(home.path(), 1);
    let saved = saved_answers(home.path());
    let junit = home.path().join("exam.xml");
    in_home(home.path())
        .args(["exam", "--resume", "--report"])
        .arg(&junit)
        .args(["--format", "junit"])
        .write_stdin(rest(saved))
        .assert()
        .success();
    let xml = std::fs::read_to_string(&junit).unwrap();
    let parsed = quick_junit::Report::deserialize_from_str(&xml).expect("valid JUnit XML");
    assert_eq!(parsed.tests, 4);
    assert_eq!(
        parsed
            .test_suites
            .iter()
            .map(|s| s.test_cases.len())
            .sum::<usize>(),
        4
    );
    kill_exam_after(home.path(), 1);
    let saved = saved_answers(home.path());
    let md = home.path().join("exam.md");
    in_home(home.path())
        .args(["exam", "--resume", "--report"])
        .arg(&md)
        .write_stdin(rest(saved))
        .assert()
        .success();
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Exam report"), "{text}");
    assert!(text.contains("| Lesson | Right | Total |"), "{text}");
}

#[test]
fn ctrl_c_in_an_exam_keeps_it_and_exits_3_with_the_resume_hint() {
    let home = tempfile::tempdir().unwrap();
    let key = answer_key(&EXAM);
    let (mut child, mut stdin, mut lines) = start_exam(home.path());
    let mut asked = 0;
    let mut out = String::new();
    while let Some(Ok(line)) = lines.next() {
        out.push_str(&line);
        out.push('\n');
        if line.starts_with('(') {
            asked += 1;
            if asked == 1 {
                writeln!(stdin, "{}", key[0]).unwrap();
            } else {
                // The second item is on screen: the first answer is saved.
                Command::new("kill")
                    .args(["-INT", &child.id().to_string()])
                    .status()
                    .unwrap();
            }
        }
    }
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(3), "{out}");
    assert!(
        out.contains("Stopped. Continue with: kubetutor exam --resume"),
        "{out}"
    );
    assert!(out.starts_with("Exam: 4 items · 30 minutes"), "{out}");
    let saved = std::fs::read_to_string(home.path().join("exam-in-progress.json")).unwrap();
    assert_eq!(saved.matches("\"answered_at\"").count(), 1, "{saved}");
}

#[test]
fn plain_mode_speaks_japanese_and_takes_full_width_answers() {
    let home = tempfile::tempdir().unwrap();
    let selection = ["--lesson", "pods-on-eks", "--count", "27", "--seed", "3"];
    let sheet = stdout(
        &in_home(home.path())
            .args(["--lang", "ja", "quiz"])
            .args(selection)
            .args(["--print", "--answers"])
            .assert()
            .success(),
    );
    assert!(
        sheet.starts_with("# kubetutor 小テスト\n\n氏名: "),
        "{sheet}"
    );
    assert!(sheet.contains("\n---\n\n## 解答\n"), "{sheet}");
    // The max-Pods item, answered with an input method's full-width digits.
    let position = sheet
        .split("## 解答")
        .next()
        .unwrap()
        .split("\n\n")
        .filter(|block| block.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .position(|block| block.contains("m5.large"))
        .unwrap();
    let mut input = "\n".repeat(position);
    input.push_str("２９\n");
    let out = stdout(
        &in_home(home.path())
            .args(["--lang", "ja", "quiz"])
            .args(selection)
            .write_stdin(input)
            .assert()
            .success(),
    );
    assert!(
        out.contains("後回しにしました。最後にもう一度出題します。"),
        "{out}"
    );
    assert!(out.contains("✓ 正解です。"), "{out}");
    assert!(out.contains(" · 空行で後回し)"), "{out}");
    assert!(out.contains("得点: 1/27"), "{out}");
    let store = Store::open_in(home.path(), chrono::Utc::now())
        .unwrap()
        .store;
    let answers = store.answers().unwrap();
    assert_eq!(answers.len(), 1);
    assert!(answers[0].correct && answers[0].item_id == "eks-max-pods-m5-large");
    let unknown = in_home(home.path())
        .args(["--lang", "ja", "quiz", "--lesson", "nope"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&unknown.get_output().stderr).into_owned();
    assert!(
        err.starts_with("kubetutor: エラー: このコースにレッスン`nope`はありません（レッスン: resource-categories, "),
        "{err}"
    );
}

#[test]
fn the_team_report_reads_exam_reports() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (name, count) in [("aiko", "3"), ("ben", "2")] {
        let home = dir.path().join(name);
        in_home(&home)
            .args(["progress", "export", "--name", name])
            .assert()
            .success();
        let file = dir.path().join(format!("{name}.json"));
        let selection = ["--lesson", "dns-policy", "--count", count, "--seed", "5"];
        let answers = answer_key(&selection);
        in_home(&home)
            .arg("exam")
            .args(selection)
            .arg("--report")
            .arg(&file)
            .args(["--format", "json"])
            .write_stdin(answers.iter().map(|a| format!("{a}\n")).collect::<String>())
            .assert()
            .success();
        files.push(file);
    }
    let md = stdout(&kubetutor().arg("report").args(&files).assert().success());
    assert!(md.contains("# Quiz and exam results"), "{md}");
    assert!(md.contains("| aiko |") && md.contains("| ben |"), "{md}");
    assert!(
        md.contains("## Items missed most") || md.contains("passed"),
        "{md}"
    );
    let json = stdout(
        &kubetutor()
            .args(["report", "--format", "json"])
            .args(&files)
            .assert()
            .success(),
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["sessions"]["learners"].as_array().unwrap().len(), 2);
}
