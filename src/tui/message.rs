//! What `App::update` takes: an action the learner asked for, or the result
//! of work the loop did in the background. Every change of state comes
//! through here, so the state is a function of the messages it was given.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::action::Action;
use super::saver::SaveStatus;
use super::screens::exercise::Graded;

/// One input to `App::update`.
#[derive(Debug, Clone)]
pub enum Message {
    /// What a key, a click, the wheel, a resize or a signal asked for.
    Action(Action),
    /// Text pasted into the terminal (and text an input method commits).
    Paste(String),
    /// A grading finished off the loop.
    Graded(Box<Graded>),
    /// A file in the watched folder was written.
    FileChanged(PathBuf),
    /// The learner's editor exited (or could not start: why).
    EditorDone(Result<(), String>),
    /// The exercise file was written from the starter, to open the exercise
    /// or (`reset`) to start over — or why it could not be.
    StarterWritten {
        exercise_id: String,
        reset: bool,
        result: Result<(), String>,
    },
    /// A timer ran out (the end of an animation, an exam's second).
    Tick(DateTime<Utc>),
    /// The progress writer's queue changed: what waits, and what failed.
    Saved(SaveStatus),
    /// The exam could not be kept for resuming: why.
    ExamNotSaved(String),
}

impl From<Action> for Message {
    fn from(action: Action) -> Message {
        Message::Action(action)
    }
}
