//! The terminal interface: one event loop over one event channel; keys map to
//! actions, `App::update` changes the state, and views only draw it.

mod action;
mod app;
mod event;
mod keymap;
mod search;
mod theme;
mod views;

use std::io::{self, stdout};
use std::sync::mpsc;

use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;

pub use action::Action;
pub use app::{App, CourseMapState, MIN_SIZE, Overlay, ReaderState, Screen};
pub use event::Event;
pub use keymap::{Binding, Context, action_for, bindings};
pub use search::{Search, SearchStatus};
pub use theme::Theme;
pub use views::render;

/// Runs the tutor until the learner quits or a termination signal arrives.
/// The terminal is restored on every way out, panics included.
pub fn run(mut app: App) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, Show);
        previous_hook(info);
    }));
    let result = execute!(stdout(), EnableMouseCapture).and_then(|()| {
        let size = terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        event_loop(&mut terminal, &mut app)
    });
    let _ = execute!(stdout(), DisableMouseCapture, Show);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let (sender, receiver) = mpsc::channel();
    event::spawn_sources(sender)?;
    while !app.should_quit() {
        terminal.draw(|frame| render(app, frame))?;
        let Ok(first) = receiver.recv() else {
            break;
        };
        app.handle_event(first);
        while let Ok(next) = receiver.try_recv() {
            app.handle_event(next);
        }
    }
    Ok(())
}
