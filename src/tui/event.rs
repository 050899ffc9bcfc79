//! The one event type the loop waits on, and the threads that feed it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use crossterm::event::{KeyEvent, KeyEventKind, MouseEvent};

use super::saver::SaveStatus;
use super::screens::exercise::Graded;

/// Everything that can wake the event loop.
#[derive(Debug, Clone)]
pub enum Event {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// Text pasted into the terminal (and text an input method commits).
    Paste(String),
    /// SIGTERM, SIGHUP or SIGINT: leave cleanly, restoring the terminal.
    Terminate,
    /// A file in a watched folder was written.
    FileChanged(PathBuf),
    /// A grading finished off the loop.
    Graded(Box<Graded>),
    /// The learner's editor exited (or could not start: why).
    EditorDone(Result<(), String>),
    /// A timer ran out (the end of an animation, an exam's second), at this time.
    Tick(chrono::DateTime<chrono::Utc>),
    /// The exercise file was written from the starter (or why not).
    StarterWritten {
        exercise_id: String,
        reset: bool,
        result: Result<(), String>,
    },
    /// The progress writer's queue changed.
    Saved(SaveStatus),
    /// The exam could not be kept for resuming: why.
    ExamNotSaved(String),
}

impl Event {
    /// Converts a terminal event; key releases and focus changes are dropped.
    pub fn from_terminal(event: crossterm::event::Event) -> Option<Event> {
        match event {
            crossterm::event::Event::Key(key) if key.kind != KeyEventKind::Release => {
                Some(Event::Key(key))
            }
            crossterm::event::Event::Mouse(mouse) => Some(Event::Mouse(mouse)),
            crossterm::event::Event::Resize(width, height) => Some(Event::Resize(width, height)),
            crossterm::event::Event::Paste(text) => Some(Event::Paste(text)),
            _ => None,
        }
    }
}

/// Lets the loop stop the input thread from reading the terminal while an
/// editor owns it, and know when the thread has stopped.
#[derive(Clone, Default)]
pub(crate) struct InputGate {
    paused: Arc<AtomicBool>,
    idle: Arc<AtomicBool>,
}

/// How often a paused or idle input thread looks again.
const POLL: Duration = Duration::from_millis(100);

impl InputGate {
    /// Stops reading; returns once the input thread no longer reads.
    pub(crate) fn pause(&self) {
        self.idle.store(false, Ordering::SeqCst);
        self.paused.store(true, Ordering::SeqCst);
        while !self.idle.load(Ordering::SeqCst) {
            thread::sleep(Duration::from_millis(5));
        }
    }

    pub(crate) fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
    }
}

/// Starts the threads that read the terminal and catch termination signals;
/// both send into the loop's one channel.
pub(crate) fn spawn_sources(sender: Sender<Event>, gate: InputGate) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let signal_sender = sender.clone();
    let signal_gate = gate.clone();
    thread::spawn(move || {
        for signal in signals.forever() {
            // Ctrl-C in the learner's editor is the editor's business.
            if signal == SIGINT && signal_gate.paused.load(Ordering::SeqCst) {
                continue;
            }
            let _ = signal_sender.send(Event::Terminate);
            break;
        }
    });
    thread::spawn(move || {
        loop {
            if gate.paused.load(Ordering::SeqCst) {
                gate.idle.store(true, Ordering::SeqCst);
                thread::sleep(POLL);
                continue;
            }
            let event = match crossterm::event::poll(POLL) {
                Ok(false) => continue,
                Ok(true) => match crossterm::event::read() {
                    Ok(event) => Event::from_terminal(event),
                    Err(_) => Some(Event::Terminate),
                },
                Err(_) => Some(Event::Terminate),
            };
            if let Some(event) = event
                && sender.send(event).is_err()
            {
                break;
            }
        }
    });
    Ok(())
}
