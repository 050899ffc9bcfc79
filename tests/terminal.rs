//! The built tutor in a real terminal (tmux): it draws, answers keys, and
//! leaves the terminal as it found it on quit and on SIGTERM.
//!
//! Needs tmux, so it is ignored by a plain `cargo test`; `.ci/run` installs
//! tmux and runs it with `cargo test --test terminal -- --ignored`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kubetutor::content::{Course, PackSource};
use kubetutor::i18n::Lang;
use std::path::PathBuf;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A private tmux server with one 80×24 pane running a shell.
struct Tmux {
    socket: String,
    home: tempfile::TempDir,
}

impl Tmux {
    fn start(name: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("kubetutor-test-{name}-{}", std::process::id()),
            home: tempfile::tempdir().expect("temp dir"),
        };
        tmux.run(&["new-session", "-d", "-x", "80", "-y", "24", "sh"]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux is installed");
        assert!(
            output.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "0", key]);
            sleep(Duration::from_millis(60));
        }
    }

    fn type_line(&self, line: &str) {
        self.run(&["send-keys", "-t", "0", "-l", line]);
        self.run(&["send-keys", "-t", "0", "Enter"]);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "0"])
    }

    fn pane(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "0", format])
            .trim()
            .to_string()
    }

    /// Waits until the screen contains `text`.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never showed {text:?}:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the tutor has left the alternate screen.
    fn wait_restored(&self) {
        let start = Instant::now();
        while self.pane("#{alternate_on}") != "0" {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "alternate screen never left:\n{}",
                self.screen()
            );
            sleep(Duration::from_millis(50));
        }
        assert_eq!(self.pane("#{cursor_flag}"), "1", "cursor hidden after exit");
        assert_eq!(self.pane("#{mouse_any_flag}"), "0", "mouse capture left on");
    }

    fn launch(&self, args: &str) -> PathBuf {
        self.launch_with("", args)
    }

    /// Starts the tutor with extra `NAME=value` words in its environment.
    fn launch_with(&self, env: &str, args: &str) -> PathBuf {
        let pid_file = self.home.path().join("pid");
        let binary = env!("CARGO_BIN_EXE_kubetutor");
        self.type_line(&format!(
            "KUBETUTOR_HOME={} {env} sh -c 'echo $$ > {}; exec {binary} {args}'",
            self.home.path().display(),
            pid_file.display()
        ));
        pid_file
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

#[test]
#[ignore = "needs tmux; .ci/run runs it"]
fn reads_a_lesson_and_restores_the_terminal_on_quit() {
    let tmux = Tmux::start("quit");
    tmux.launch("--lang en");
    tmux.wait_for("Objectives");
    assert_eq!(tmux.pane("#{alternate_on}"), "1");
    assert_eq!(
        tmux.pane("#{mouse_any_flag}"),
        "1",
        "mouse capture is on while running"
    );
    tmux.keys(&["j", "Enter"]);
    let lesson = tmux.wait_for("%");
    assert!(
        lesson
            .lines()
            .next()
            .unwrap_or_default()
            .contains("Workload APIs"),
        "{lesson}"
    );
    tmux.keys(&["/"]);
    tmux.run(&["send-keys", "-t", "0", "-l", "cronjob"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("match “cronjob”");
    tmux.keys(&["t"]);
    tmux.wait_for("Contents");
    tmux.run(&["resize-window", "-t", "0", "-x", "40", "-y", "12"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Workload APIs");
    tmux.keys(&["q"]);
    // Back on the course map; at 40×12 its lessons leave no room for objectives.
    let lessons = Course::load(&PackSource::BuiltIn)
        .expect("course")
        .lessons()
        .len();
    tmux.wait_for(&format!("{lessons} lessons"));
    tmux.keys(&["q"]);
    tmux.wait_restored();
}

#[test]
#[ignore = "needs tmux; .ci/run runs it"]
fn sigterm_restores_the_terminal() {
    let tmux = Tmux::start("term");
    let pid_file = tmux.launch("--lang ja");
    tmux.wait_for("学習目標");
    let pid = std::fs::read_to_string(pid_file).expect("pid written");
    let status = Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    tmux.wait_restored();
}

#[test]
#[ignore = "needs tmux; .ci/run runs it"]
fn a_quiz_answer_and_an_exercise_pass_reach_the_progress_store() {
    use kubetutor::progress::Store;

    let tmux = Tmux::start("loop");
    let course = Course::load(&PackSource::BuiltIn).expect("course");
    // The first exercise the list shows for the second lesson.
    let exercise = course
        .exercises()
        .iter()
        .find(|e| e.lesson == "workload-apis")
        .expect("exercise");
    let solution = tmux.home.path().join("solution.yaml");
    std::fs::write(&solution, &exercise.solution).expect("solution written");
    // The "editor": writes the reference solution over the file it is given.
    let editor = tmux.home.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!("#!/bin/sh\ncp '{}' \"$1\"\n", solution.display()),
    )
    .expect("editor written");
    std::process::Command::new("chmod")
        .args(["+x"])
        .arg(&editor)
        .status()
        .expect("chmod");
    // A seed whose quiz of the first lesson opens on a single-choice item,
    // and the key of one of its wrong options as shown.
    let (seed, key, letter) = (0..100)
        .find_map(|seed| wrong_first_option(&course, seed).map(|(k, l)| (seed, k, l)))
        .expect("a seed");
    tmux.launch_with(
        &format!("EDITOR={}", editor.display()),
        &format!("--lang en --seed {seed}"),
    );
    tmux.wait_for("Objectives");
    tmux.keys(&["u"]);
    let first_quiz = course.lessons()[0]
        .get(Lang::En)
        .expect("English lesson")
        .lesson
        .quiz
        .len();
    tmux.wait_for(&format!("1/{first_quiz}"));
    tmux.keys(&[key.as_str(), "Enter"]);
    tmux.wait_for("Not quite");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Objectives");
    tmux.keys(&["j", "x"]);
    tmux.wait_for("Exercises");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Not passed yet");
    tmux.keys(&["e"]);
    tmux.wait_for("Passed");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Exercises");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Objectives");
    tmux.keys(&["q"]);
    tmux.wait_restored();

    let store = Store::open_in(tmux.home.path(), chrono::Utc::now())
        .expect("store opens")
        .store;
    let answers = store.answers().expect("answers");
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(answers[0].answer, letter, "the option as the file lists it");
    assert!(!answers[0].correct);
    let attempts = store.attempts().expect("attempts");
    assert!(
        attempts
            .iter()
            .any(|a| a.exercise_id == exercise.id && a.passed),
        "{attempts:?}"
    );
}

/// When the first lesson's quiz under `seed` opens on a single-choice item:
/// the digit key of a wrong option on screen and its letter in the file.
fn wrong_first_option(course: &Course, seed: u64) -> Option<(String, String)> {
    use kubetutor::content::Answer;
    use kubetutor::exam::{Session, SessionKind, SessionSpec};
    let spec = SessionSpec {
        kind: SessionKind::Quiz,
        lessons: vec![course.lessons()[0].id.clone()],
        count: None,
        seed,
        minutes: None,
        pass_mark: 0,
    };
    let session = Session::start(course, &spec, chrono::Utc::now()).ok()?;
    let (item, shown) = session.item(course, Lang::En, 0)?;
    let Answer::Single(choices) = &item.answer else {
        return None;
    };
    let position = shown.order.iter().position(|&i| !choices[i].correct)?;
    let letter = kubetutor::quiz::letter(shown.order[position]).to_string();
    Some(((position + 1).to_string(), letter))
}

#[test]
#[ignore = "needs tmux; .ci/run runs it"]
fn an_exam_left_with_esc_is_kept_for_e() {
    let tmux = Tmux::start("exam");
    tmux.launch("--lang en --seed 5");
    tmux.wait_for("Objectives");
    tmux.keys(&["j", "E"]);
    tmux.wait_for("pass mark 70%");
    tmux.keys(&["Enter"]);
    tmux.wait_for("1/28 · left");
    tmux.keys(&["Tab"]);
    tmux.wait_for("2/28 · left");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Leave the exam?");
    tmux.keys(&["y"]);
    tmux.wait_for("Objectives");
    tmux.keys(&["E"]);
    tmux.wait_for("An unfinished exam is waiting");
    tmux.wait_for("0 of 28 answered");
    tmux.keys(&["Escape", "q"]);
    tmux.wait_restored();
    let saved = tmux.home.path().join("exam-in-progress.json");
    let text = std::fs::read_to_string(saved).expect("the exam is kept");
    assert!(text.contains("\"skipped\""), "{text}");
}

#[test]
#[ignore = "needs tmux; .ci/run runs it"]
fn a_save_from_another_editor_is_graded() {
    let tmux = Tmux::start("watch");
    let course = Course::load(&PackSource::BuiltIn).expect("course");
    let exercise = course
        .exercises()
        .iter()
        .find(|e| e.lesson == "workload-apis")
        .expect("exercise");
    tmux.launch("--lang en");
    tmux.wait_for("Objectives");
    tmux.keys(&["j", "x", "Enter"]);
    tmux.wait_for("Not passed yet");
    // Another pane's editor saves the file: written to a temporary file and
    // renamed over the original, as many editors do.
    let file = tmux
        .home
        .path()
        .join("exercises")
        .join(format!("{}.yaml", exercise.id));
    let temp = file.with_extension("yaml.swp");
    std::fs::write(&temp, &exercise.solution).expect("written");
    std::fs::rename(&temp, &file).expect("renamed");
    tmux.wait_for("Passed");
    tmux.keys(&["Escape", "Escape", "q"]);
    tmux.wait_restored();
}

/// Sends `signal` to the tutor after reading into a lesson; the terminal is
/// restored and the reading place saved.
fn signal_keeps_the_place(signal: &str) {
    use kubetutor::progress::Store;

    let tmux = Tmux::start(&format!("place-{}", signal.to_lowercase()));
    let pid_file = tmux.launch("--lang en");
    tmux.wait_for("Objectives");
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("%");
    tmux.keys(&["PageDown", "PageDown", "PageDown"]);
    let pid = std::fs::read_to_string(pid_file).expect("pid written");
    let status = Command::new("kill")
        .args([format!("-{signal}").as_str(), pid.trim()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    tmux.wait_restored();
    let store = Store::open_in(tmux.home.path(), chrono::Utc::now())
        .expect("store opens")
        .store;
    let states = store.lesson_states().expect("lesson states");
    let lesson = states
        .iter()
        .find(|s| s.lesson_id == "workload-apis")
        .expect("the lesson was recorded");
    assert!(lesson.scroll > 0, "the place was saved: {lesson:?}");
}

#[test]
#[ignore = "needs tmux; .ci/run runs it"]
fn sigterm_saves_the_reading_place() {
    signal_keeps_the_place("TERM");
}

#[test]
#[ignore = "needs tmux; .ci/run runs it"]
fn sighup_saves_the_reading_place() {
    signal_keeps_the_place("HUP");
}

#[test]
#[ignore = "needs tmux; .ci/run runs it"]
fn a_panic_restores_the_terminal() {
    let tmux = Tmux::start("panic");
    tmux.launch_with("KUBETUTOR_TEST_PANIC=1 RUST_BACKTRACE=0", "--lang en");
    tmux.wait_for("Objectives");
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("%");
    tmux.keys(&["PageDown", "PageDown", "F12"]);
    tmux.wait_restored();
    let screen = tmux.wait_for("panic requested");
    assert!(screen.contains("panicked"), "{screen}");
    // The reading place was saved on the way out.
    let store = kubetutor::progress::Store::open_in(tmux.home.path(), chrono::Utc::now())
        .expect("store opens")
        .store;
    let states = store.lesson_states().expect("lesson states");
    assert!(
        states
            .iter()
            .any(|s| s.lesson_id == "workload-apis" && s.scroll > 0),
        "{states:?}"
    );
}

/// The last line of the pane (the status line) and the title's reading
/// percentage, as the learner sees them.
fn reading_percent(screen: &str) -> String {
    screen
        .lines()
        .next()
        .and_then(|title| title.split_whitespace().last())
        .unwrap_or_default()
        .to_string()
}

#[test]
#[ignore = "needs tmux; .ci/run runs it"]
fn another_process_holding_the_database_never_freezes_the_tutor() {
    use kubetutor::progress::Store;

    let tmux = Tmux::start("busy");
    // The database exists before the lock is taken (the tutor creates it).
    drop(
        Store::open_in(tmux.home.path(), chrono::Utc::now())
            .expect("store")
            .store,
    );
    let holder = rusqlite::Connection::open(tmux.home.path().join("progress.db")).expect("opens");
    holder
        .execute_batch("BEGIN EXCLUSIVE; CREATE TABLE held (x);")
        .expect("the write lock is taken");
    tmux.launch("--lang en");
    tmux.wait_for("Objectives");
    // Opening a lesson saves: the write waits for the lock in the background.
    tmux.keys(&["j", "Enter"]);
    let screen = tmux.wait_for("saving");
    let mut percent = reading_percent(&screen);
    // Keep reading: every key is answered at once, far within the 10 s an
    // SQLite write would wait for the lock.
    for _ in 0..4 {
        let asked = Instant::now();
        tmux.keys(&["PageDown"]);
        loop {
            let now = reading_percent(&tmux.screen());
            if now != percent {
                percent = now;
                break;
            }
            assert!(
                asked.elapsed() < Duration::from_secs(2),
                "the screen froze while the database was held:\n{}",
                tmux.screen()
            );
            sleep(Duration::from_millis(20));
        }
    }
    holder.execute_batch("ROLLBACK").expect("released");
    let start = Instant::now();
    while tmux.screen().contains("saving") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the saves never landed:\n{}",
            tmux.screen()
        );
        sleep(Duration::from_millis(50));
    }
    tmux.keys(&["Escape", "q"]);
    tmux.wait_restored();
    let store = Store::open_in(tmux.home.path(), chrono::Utc::now())
        .expect("store")
        .store;
    let states = store.lesson_states().expect("lesson states");
    assert!(
        states
            .iter()
            .any(|s| s.lesson_id == "workload-apis" && s.scroll > 0),
        "the opening and the place were saved once the lock was free: {states:?}"
    );
}
