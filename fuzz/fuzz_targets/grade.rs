//! Any text graded against any built-in exercise (the first byte picks it).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![no_main]

use std::sync::OnceLock;

use kubetutor::content::{Course, PackSource};
use libfuzzer_sys::fuzz_target;

fn course() -> &'static Course {
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE.get_or_init(|| Course::load(&PackSource::BuiltIn).expect("built-in course"))
}

fuzz_target!(|data: &[u8]| {
    let Some((pick, rest)) = data.split_first() else {
        return;
    };
    let exercises = course().exercises();
    let exercise = &exercises[usize::from(*pick) % exercises.len()];
    if let Ok(text) = std::str::from_utf8(rest) {
        let _ = exercise.grade(text);
    }
});
