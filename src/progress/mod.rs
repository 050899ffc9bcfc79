//! The learner's progress on disk: an SQLite database in the data directory,
//! the FSRS review schedule of quiz items, and the portable export that team
//! reports are built from.
//!
//! Progress is the one thing kubetutor must never lose, so every save is one
//! transaction, a damaged file is kept aside rather than reset, and a database
//! from a newer kubetutor is refused rather than altered. No terminal code here.

mod error;
pub mod export;
mod outlook;
pub mod report;
mod schedule;
mod schema;
mod store;
pub mod summary;
mod time;

pub use error::ProgressError;
pub use outlook::ReviewOutlook;
pub use schedule::{Recall, ReviewCard, ReviewState};
pub use store::{
    Attempt, DATABASE_FILE, DueItem, LessonState, NewAnswer, NewAttempt, Opened, QuizAnswer, Store,
};
pub use time::{from_millis, to_millis};
