//! The terminal interface: one event loop over one event channel; keys map to
//! actions, `App::update` changes the state, and views only draw it. Each
//! screen is a module with its state, its share of `update`, its view and its
//! keys. Slow or blocking work (saving progress, writing files, grading, the
//! editor, watching files, timers) is asked for by `update` as an [`Effect`]
//! and done by the loop, whose results come back through `update`.

mod action;
mod app;
mod editor;
mod effect;
mod event;
mod keymap;
mod layout;
mod message;
mod overlays;
mod runtime;
mod saver;
mod screens;
mod theme;
mod view;
mod widgets;

use std::io::{self, stdout};
use std::path::Path;
use std::sync::mpsc;

use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub use action::Action;
pub use app::App;
pub use editor::EditorError;
pub use effect::Effect;
pub use event::Event;
pub use keymap::{Binding, Context, action_for, bindings};
pub use layout::MIN_SIZE;
pub use message::Message;
pub use overlays::{Confirm, Overlay};
pub use runtime::Headless;
pub use saver::{Save, SaveJob, SaveStatus};
pub use screens::exercise::{ExerciseScreen, GradeJob, GradeReason, Graded, Pane, run_job};
pub use screens::quiz::{Input, Phase, QuizMode, QuizScreen};
pub use screens::reader::{ReaderState, Search, SearchStatus};
pub use screens::{CourseMapState, ExerciseList, Screen};
pub use theme::{Theme, ThemeName};
pub use view::render;

use event::InputGate;
use runtime::Writer;

/// Runs the tutor until the learner quits or a termination signal arrives.
/// The terminal is restored on every way out, panics included, and progress
/// still queued is written before it returns.
pub fn run(mut app: App) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste, Show);
        previous_hook(info);
    }));
    let (sender, receiver) = mpsc::channel();
    let writer = Writer::start(&app, &sender);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        execute!(stdout(), EnableMouseCapture, EnableBracketedPaste).and_then(|()| {
            let size = terminal.size()?;
            app.update(Action::Resize(size.width, size.height));
            runtime::event_loop(&mut terminal, &mut app, &sender, &receiver, &writer)
        })
    }));
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste, Show);
    ratatui::restore();
    if outcome.is_err() {
        // Keep what can still be kept (the reader's place) on the way out.
        app.update(Action::Quit);
    }
    let unsaved = writer.finish(&mut app);
    if unsaved > 0 {
        eprintln!(
            "kubetutor: warning: {unsaved} progress changes could not be saved: another program kept the progress database locked"
        );
    }
    match outcome {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Hands the terminal to the learner's editor and takes it back intact.
fn edit(
    terminal: &mut ratatui::DefaultTerminal,
    gate: &InputGate,
    path: &Path,
) -> Result<(), EditorError> {
    let command = editor::command(|name| std::env::var(name).ok(), editor::on_path)?;
    gate.pause();
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
    let result = editor::run(&command, path);
    let _ = enable_raw_mode();
    let _ = execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    );
    let _ = terminal.clear();
    gate.resume();
    result
}
