//! The course model: lessons, quiz items, exercises and diagrams of a pack.
//!
//! A pack is read (from the binary or a folder) into plain files, then parsed and
//! checked by one loader, so `pack lint` and the tutor can never disagree about
//! what a valid pack is. No terminal code lives here.

mod course;
mod exercise;
mod lesson;
mod pack;
mod pack_lint;
mod pack_yaml;
mod problem;
mod proof;
mod quiz;

pub use course::{Course, LessonSet, LocalizedLesson};
pub use exercise::{Exercise, ExerciseKind, Expectation, Variant};
pub use lesson::{FrontMatter, Lesson};
pub use pack::{MAX_FILE_BYTES, PackError, PackSource};
pub use pack_lint::LintReport;
pub use problem::Problem;
pub use quiz::{Answer, Choice, Pair, QuizItem, QuizKind, normalize_answer};
