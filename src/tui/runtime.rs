//! The event loop and the effects it runs. One channel carries every event
//! (keys, signals, gradings, file changes, editor exits, ticks, the
//! progress writer's reports); the loop draws, waits for the next event,
//! stamps it with the time and hands it to `App::update`, then runs the
//! effects `update` asked for. Slow work runs on threads: grading, the
//! progress writer, the file watcher and timers.

use std::collections::VecDeque;
use std::io;
use std::path::Path;
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

use chrono::Utc;

use super::app::App;
use super::edit;
use super::effect::Effect;
use super::event::{self, Event, InputGate};
use super::saver::{self, Save, SaveStatus};
use super::screens::exercise::{GradeJob, GradeReason, run_job};
use super::view::render;
use crate::exam::Session;
use crate::progress::Store;

/// How long a saved file must stay unchanged before it is graded.
const SAVE_QUIET: std::time::Duration = std::time::Duration::from_millis(150);

/// The progress writer as the loop holds it: its queue, and the thread to
/// wait for on the way out.
pub(super) struct Writer {
    queue: Option<Sender<Save>>,
    thread: Option<JoinHandle<usize>>,
}

impl Writer {
    /// Starts the writer for the app's store (none without one); its reports
    /// reach the loop as `Event::Saved`.
    pub(super) fn start(app: &App, events: &Sender<Event>) -> Writer {
        let Some(path) = app.progress_path() else {
            return Writer {
                queue: None,
                thread: None,
            };
        };
        let events = events.clone();
        let (queue, thread) = saver::spawn(path, move |status| {
            let _ = events.send(Event::Saved(status));
        });
        Writer {
            queue: Some(queue),
            thread: Some(thread),
        }
    }

    fn send(&self, save: Save) {
        if let Some(queue) = &self.queue {
            let _ = queue.send(save);
        }
    }

    /// Closes the queue and waits for the writes still in it; returns how
    /// many could not be written in time.
    pub(super) fn finish(mut self, app: &mut App) -> usize {
        for effect in app.take_effects() {
            if let Effect::Save(save) = effect {
                self.send(save);
            }
        }
        self.queue = None;
        self.thread
            .take()
            .map_or(0, |thread| thread.join().unwrap_or(0))
    }
}

/// Runs the loop until the learner quits or a termination signal arrives.
pub(super) fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    sender: &Sender<Event>,
    receiver: &mpsc::Receiver<Event>,
    writer: &Writer,
) -> io::Result<()> {
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
                        let _ = sender.send(Event::Tick(Utc::now()));
                    });
                }
                Effect::Edit(path) => {
                    let result = edit(terminal, &gate, &path);
                    let _ = sender.send(Event::EditorDone(result.map_err(|e| e.to_string())));
                }
                Effect::Save(save) => writer.send(save),
                Effect::WriteStarter { exercise, reset } => {
                    let _ = sender.send(write_starter(app, &exercise, reset));
                }
                Effect::SaveExam(session) => keep_exam(app, Some(&session), sender),
                Effect::DiscardExam => keep_exam(app, None, sender),
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
        app.handle_event_at(first, Utc::now());
        while let Ok(next) = receiver.try_recv() {
            app.handle_event_at(next, Utc::now());
        }
    }
    drop(watcher);
    Ok(())
}

/// Writes the exercise's starter where the learner's file goes: always when
/// starting over, else only when the file does not exist yet.
fn write_starter(app: &App, exercise: &crate::content::Exercise, reset: bool) -> Event {
    let result = match app.workspace() {
        None => Err("no data directory".to_string()),
        Some(workspace) if reset => workspace.reset(exercise).map_err(|e| e.to_string()),
        Some(workspace) => workspace
            .ensure(exercise)
            .map(|_| ())
            .map_err(|e| e.to_string()),
    };
    Event::StarterWritten {
        exercise_id: exercise.id.clone(),
        reset,
        result,
    }
}

/// Saves the exam in the data directory (`None`: forgets it); a failure is
/// sent back so the learner hears of it.
fn keep_exam(app: &App, session: Option<&Session>, sender: &Sender<Event>) {
    let Some(dir) = app.workspace().map(|w| w.data_dir().to_path_buf()) else {
        return;
    };
    let kept = match session {
        Some(session) => session.save(&dir),
        None => Session::discard(&dir),
    };
    if let Err(err) = kept {
        let _ = sender.send(Event::ExamNotSaved(err.to_string()));
    }
}

/// In debug builds with `KUBETUTOR_TEST_PANIC` set, F12 panics: the tmux
/// tests prove the terminal is restored after a panic. Release builds have
/// no such key.
#[allow(clippy::panic, reason = "the test hook exists to panic")]
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

/// Runs effects at once, without a terminal: gradings and file writes
/// happen before it returns, each result going back through `update`;
/// saves are written as the background writer would, waiting writes kept
/// and tried again on the next call while another process holds the
/// database; watching, timers and the editor are left out. What tests and
/// scripted sessions use where the loop would run threads.
pub struct Headless {
    writer: Option<Store>,
    waiting: VecDeque<Save>,
}

impl Headless {
    /// A runner that writes progress to the app's own store file.
    pub fn new() -> Headless {
        Headless {
            writer: None,
            waiting: VecDeque::new(),
        }
    }

    /// Runs the app's effects, and those their results lead to, until none
    /// is left; saves still waiting for the database are tried again.
    pub fn settle(&mut self, app: &mut App) {
        if !self.waiting.is_empty() {
            let status = self.write(app);
            app.handle_event(Event::Saved(status));
        }
        loop {
            let effects = app.take_effects();
            if effects.is_empty() {
                return;
            }
            for effect in effects {
                self.run(app, effect);
            }
        }
    }

    fn run(&mut self, app: &mut App, effect: Effect) {
        match effect {
            Effect::Grade(job) => app.handle_event(Event::Graded(Box::new(run_job(&job)))),
            Effect::Save(save) => {
                self.waiting.push_back(save);
                let status = self.write(app);
                app.handle_event(Event::Saved(status));
            }
            Effect::WriteStarter { exercise, reset } => {
                let written = write_starter(app, &exercise, reset);
                app.handle_event(written);
            }
            Effect::SaveExam(session) => self.keep_exam(app, Some(&session)),
            Effect::DiscardExam => self.keep_exam(app, None),
            Effect::Watch(_) | Effect::TickAfter(_) | Effect::Edit(_) => {}
        }
    }

    /// Saves or forgets the exam as the loop would, at once.
    fn keep_exam(&mut self, app: &mut App, session: Option<&Session>) {
        let (sender, receiver) = mpsc::channel();
        keep_exam(app, session, &sender);
        while let Ok(event) = receiver.try_recv() {
            app.handle_event(event);
        }
    }

    /// Writes what waits, in order, until the database is busy.
    fn write(&mut self, app: &App) -> SaveStatus {
        if self.writer.is_none() {
            let opened = app.progress_path().map(|path| {
                Store::open(&path).and_then(|mut store| {
                    store.set_busy_timeout(saver::ATTEMPT_WAIT)?;
                    Ok(store)
                })
            });
            match opened {
                Some(Ok(store)) => self.writer = Some(store),
                Some(Err(err)) => {
                    self.waiting.clear();
                    return saver::failed(0, &err);
                }
                None => {
                    self.waiting.clear();
                    return SaveStatus::default();
                }
            }
        }
        let Some(store) = self.writer.as_mut() else {
            return SaveStatus::default();
        };
        while let Some(save) = self.waiting.front() {
            match save.apply(store) {
                Ok(()) => {
                    self.waiting.pop_front();
                }
                Err(err) if err.is_busy() => {
                    return SaveStatus {
                        waiting: self.waiting.len(),
                        busy: true,
                        failed: None,
                    };
                }
                Err(err) => {
                    self.waiting.pop_front();
                    return saver::failed(self.waiting.len(), &err);
                }
            }
        }
        SaveStatus::default()
    }
}

impl Default for Headless {
    fn default() -> Headless {
        Headless::new()
    }
}
