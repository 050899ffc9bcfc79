//! Inputs the fuzzers found interesting, kept so they are checked on every
//! test run: `check` and `grade` answer each of them without a panic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kubetutor::content::{Course, PackSource};

#[test]
fn every_kept_fuzz_input_is_answered() {
    let course = Course::load(&PackSource::BuiltIn).expect("course");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz fixtures") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("readable");
        kubetutor::validate::check_bytes(&bytes);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            for exercise in course.exercises() {
                let verdict = exercise.grade(text);
                assert!(!verdict.checks.is_empty(), "{}", path.display());
            }
        }
        seen += 1;
    }
    assert!(seen >= 8, "only {seen} kept inputs");
}
