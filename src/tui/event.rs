//! The one event type the loop waits on, and the threads that feed it.

use std::sync::mpsc::Sender;
use std::thread;

use crossterm::event::{KeyEvent, KeyEventKind, MouseEvent};

/// Everything that can wake the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// SIGTERM, SIGHUP or SIGINT: leave cleanly, restoring the terminal.
    Terminate,
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
            _ => None,
        }
    }
}

/// Starts the threads that read the terminal and catch termination signals;
/// both send into the loop's one channel.
pub(crate) fn spawn_sources(sender: Sender<Event>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let signal_sender = sender.clone();
    thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = signal_sender.send(Event::Terminate);
        }
    });
    thread::spawn(move || {
        loop {
            let event = match crossterm::event::read() {
                Ok(event) => Event::from_terminal(event),
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
