//! Work `App::update` asks the event loop to do, so `update` itself never
//! blocks, writes a file or waits for the database: the loop runs each
//! effect (on a worker thread where it may take long) and sends the result
//! back as a [`Message`](super::message::Message).

use std::path::PathBuf;
use std::time::Duration;

use super::saver::Save;
use super::screens::exercise::GradeJob;
use crate::content::Exercise;
use crate::exam::Session;

/// One piece of work for the loop.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Grade off the loop; the result comes back as `Message::Graded`.
    Grade(Box<GradeJob>),
    /// Suspend the screen and run the learner's editor on the file.
    Edit(PathBuf),
    /// Watch this folder for saves (`None`: stop watching).
    Watch(Option<PathBuf>),
    /// Send `Message::Tick` after a while (to end an animation, to count an exam down).
    TickAfter(Duration),
    /// Write to the progress store, in the background; `Message::Saved` reports.
    Save(Save),
    /// Write the exercise's starter as the learner's file: when it is missing
    /// (`reset: false`) or to start over (`reset: true`).
    WriteStarter {
        exercise: Box<Exercise>,
        reset: bool,
    },
    /// Keep the exam as it stands in the data directory, for the TUI's `E`
    /// and `kubetutor exam --resume`; a failure comes back as
    /// `Message::ExamNotSaved`.
    SaveExam(Box<Session>),
    /// Forget the saved exam: it ended.
    DiscardExam,
}
