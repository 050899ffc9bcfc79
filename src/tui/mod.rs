//! The terminal interface: one event loop over one event channel; keys map to
//! actions, `App::update` changes the state, and views only draw it. Slow or
//! blocking work (grading, the editor, watching files, timers) is asked for
//! by `update` as an [`Effect`] and done by the loop.

mod action;
mod app;
mod editor;
mod event;
mod exercise_screen;
mod keymap;
mod page;
mod quiz_screen;
mod search;
mod theme;
mod views;

use std::io::{self, stdout};
use std::path::Path;
use std::sync::mpsc::{self, Sender};

use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub use action::Action;
pub use app::{
    App, Confirm, CourseMapState, Effect, ExerciseList, MIN_SIZE, Overlay, ReaderState, Screen,
};
pub use editor::EditorError;
pub use event::Event;
pub use exercise_screen::{ExerciseScreen, GradeJob, GradeReason, Graded, Pane, run_job};
pub use keymap::{Binding, Context, action_for, bindings};
pub use quiz_screen::{Input, Phase, QuizScreen};
pub use search::{Search, SearchStatus};
pub use theme::{Theme, ThemeName};
pub use views::render;

use event::InputGate;

/// How long a saved file must stay unchanged before it is graded.
const SAVE_QUIET: std::time::Duration = std::time::Duration::from_millis(150);

/// Runs the tutor until the learner quits or a termination signal arrives.
/// The terminal is restored on every way out, panics included.
pub fn run(mut app: App) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste, Show);
        previous_hook(info);
    }));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        execute!(stdout(), EnableMouseCapture, EnableBracketedPaste).and_then(|()| {
            let size = terminal.size()?;
            app.update(Action::Resize(size.width, size.height));
            event_loop(&mut terminal, &mut app)
        })
    }));
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste, Show);
    ratatui::restore();
    match outcome {
        Ok(result) => result,
        Err(panic) => {
            // Keep what can still be kept (the reader's place; answers are
            // saved as they are given), then let the panic go on.
            app.update(Action::Quit);
            std::panic::resume_unwind(panic)
        }
    }
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let (sender, receiver) = mpsc::channel();
    let gate = InputGate::default();
    event::spawn_sources(sender.clone(), gate.clone())?;
    let grader = spawn_grader(sender.clone());
    let mut watcher: Option<notify::RecommendedWatcher> = None;
    while !app.should_quit() {
        for effect in app.take_effects() {
            match effect {
                Effect::Grade(job) => {
                    let _ = grader.send(*job);
                }
                Effect::Watch(dir) => watcher = dir.and_then(|dir| watch(&dir, sender.clone())),
                Effect::TickAfter(delay) => {
                    let sender = sender.clone();
                    std::thread::spawn(move || {
                        std::thread::sleep(delay);
                        let _ = sender.send(Event::Tick(chrono::Utc::now()));
                    });
                }
                Effect::Edit(path) => {
                    let result = edit(terminal, &gate, &path);
                    let _ = sender.send(Event::EditorDone(result.map_err(|e| e.to_string())));
                }
            }
        }
        if app.should_quit() {
            break;
        }
        terminal.draw(|frame| render(app, frame))?;
        let Ok(first) = receiver.recv() else {
            break;
        };
        panic_on_request(&first);
        app.handle_event(first);
        while let Ok(next) = receiver.try_recv() {
            app.handle_event(next);
        }
    }
    drop(watcher);
    Ok(())
}

/// In debug builds with `KUBETUTOR_TEST_PANIC` set, F12 panics: the tmux
/// tests prove the terminal is restored after a panic. Release builds have
/// no such key.
fn panic_on_request(event: &Event) {
    if cfg!(debug_assertions)
        && std::env::var_os("KUBETUTOR_TEST_PANIC").is_some()
        && matches!(event, Event::Key(key) if key.code == crossterm::event::KeyCode::F(12))
    {
        panic!("panic requested with F12 (KUBETUTOR_TEST_PANIC)");
    }
}

/// The grading worker: grades jobs one after another off the loop.
fn spawn_grader(events: Sender<Event>) -> Sender<GradeJob> {
    let (jobs, queue) = mpsc::channel::<GradeJob>();
    std::thread::spawn(move || {
        while let Ok(mut job) = queue.recv() {
            // An editor's save can come as several writes (truncate, write,
            // rename): grade once the file has been quiet for a moment, and
            // only the newest job.
            if job.reason == GradeReason::Saved {
                loop {
                    std::thread::sleep(SAVE_QUIET);
                    match queue.try_recv() {
                        Ok(newer) => job = newer,
                        Err(_) => break,
                    }
                }
            }
            while let Ok(newer) = queue.try_recv() {
                job = newer;
            }
            if events.send(Event::Graded(Box::new(run_job(&job)))).is_err() {
                break;
            }
        }
    });
    jobs
}

/// Watches `dir` for written files; `None` (no watching) when the platform
/// refuses, since saving from the tutor's own `e` is graded anyway.
fn watch(dir: &Path, events: Sender<Event>) -> Option<notify::RecommendedWatcher> {
    use notify::Watcher;
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        if let Ok(event) = result
            && (event.kind.is_modify() || event.kind.is_create())
        {
            for path in event.paths {
                let _ = events.send(Event::FileChanged(path));
            }
        }
    })
    .ok()?;
    watcher
        .watch(dir, notify::RecursiveMode::NonRecursive)
        .ok()?;
    Some(watcher)
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
