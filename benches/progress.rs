//! The progress store's two targets: recording one answer, committed and
//! durable (`synchronous = FULL` in WAL mode), p99 < 5 ms; and the whole
//! `kubetutor progress show` process over a database of 10,000 answers,
//! < 50 ms. Both run on a temporary directory on the machine's own disk.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;
use std::time::Instant;

use chrono::{Duration, Utc};
use kubetutor::progress::{NewAnswer, NewAttempt, Store};

const RECORDS: usize = 2_000;
const ANSWERS: usize = 10_000;
const SHOW_RUNS: usize = 30;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank]
}

fn summary(name: &str, mut times: Vec<f64>, unit: &str) {
    times.sort_by(f64::total_cmp);
    println!(
        "{name}: p50 {:.2} {unit}, p99 {:.2} {unit}, max {:.2} {unit} ({} runs)",
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times[times.len() - 1],
        times.len()
    );
}

fn answer(item: &str, correct: bool) -> NewAnswer<'_> {
    NewAnswer {
        item_id: item,
        lesson_id: "workload-apis",
        answer: "b",
        correct,
        duration_ms: 4_000,
        mode: "quiz",
    }
}

fn main() {
    let base = std::env::var_os("KUBETUTOR_BENCH_DIR").map_or_else(std::env::temp_dir, Into::into);
    let dir = tempfile::tempdir_in(base).expect("temporary directory");
    let mut store = Store::open_in(dir.path(), Utc::now()).expect("store").store;

    let times: Vec<f64> = (0..RECORDS)
        .map(|i| {
            let item = format!("item-{}", i % 40);
            let start = Instant::now();
            store
                .record_answer(&answer(&item, i % 4 != 0), Utc::now())
                .expect("recorded");
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    summary("record one answer (durable commit)", times, "ms");

    // A learner with 10,000 answers over the built-in course's real items.
    let home = tempfile::tempdir_in(dir.path()).expect("home");
    let course = kubetutor::content::Course::load(&kubetutor::content::PackSource::BuiltIn)
        .expect("built-in course");
    let items: Vec<(String, String)> = course
        .lessons()
        .iter()
        .filter_map(|set| set.get(kubetutor::i18n::Lang::En))
        .flat_map(|l| {
            l.lesson
                .quiz
                .iter()
                .map(|q| (q.id.clone(), l.lesson.meta.id.clone()))
        })
        .collect();
    let mut learner = Store::open_in(home.path(), Utc::now())
        .expect("store")
        .store;
    let start = Utc::now() - Duration::days(60);
    for i in 0..ANSWERS {
        let (item, lesson) = &items[i % items.len()];
        let when = start + Duration::minutes(i as i64 * 8);
        let answer = NewAnswer {
            lesson_id: lesson,
            ..answer(item, i % 5 != 0)
        };
        learner.record_answer(&answer, when).expect("recorded");
        if i % 100 == 0 {
            let attempt = NewAttempt {
                exercise_id: "fix-job-restart-policy",
                lesson_id: "workload-apis",
                passed: i % 200 == 0,
                findings: 1,
                submission: "kind: Job\n",
            };
            learner
                .record_attempt(&attempt, &[], when)
                .expect("recorded");
        }
    }
    drop(learner);
    let binary = env!("CARGO_BIN_EXE_kubetutor");
    let run = || {
        let start = Instant::now();
        let out = Command::new(binary)
            .args(["progress", "show"])
            .env("KUBETUTOR_HOME", home.path())
            .output()
            .expect("kubetutor runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        start.elapsed().as_secs_f64() * 1e3
    };
    run();
    let times: Vec<f64> = (0..SHOW_RUNS).map(|_| run()).collect();
    summary(
        &format!("`kubetutor progress show` with {ANSWERS} answers (whole process)"),
        times,
        "ms",
    );
}
