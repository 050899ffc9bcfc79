//! The tutor's state and the one place that changes it: [`App::update`].
//! The App holds what every screen shares (the course, the language, the
//! size, the time, progress read from the store, the pop-up, the status
//! message); each screen module holds its own state and its share of
//! `update`, reached through [`ScreenState`]. Whatever would block — saves,
//! file writes, grading, the editor, timers — is asked for as an [`Effect`].

use std::time::Duration;

use chrono::{DateTime, Utc};
use crossterm::event::{MouseButton, MouseEventKind};

use super::action::Action;
use super::effect::Effect;
use super::event::Event;
use super::keymap::{self, Context};
use super::layout;
use super::message::Message;
use super::overlays::Overlay;
use super::saver::{Save, SaveJob, SaveStatus};
use super::screens::{CourseMapState, Nav, Screen, ScreenState};
use super::theme::Theme;
use crate::content::Course;
use crate::i18n::{Lang, Msg};
use crate::progress::summary::{self, LessonSummary};
use crate::progress::{DueItem, Store};
use crate::workspace::Workspace;

/// Lines the mouse wheel scrolls in the reader.
const WHEEL_LINES: i32 = 3;

/// How long the tutor's own reads wait for another process's lock: reads
/// must not hold a frame back (writes go through the background writer).
const READ_WAIT: Duration = Duration::from_millis(200);

/// The whole state of the tutor.
pub struct App {
    pub(crate) course: Course,
    pub(crate) lang: Lang,
    pub(crate) theme: Theme,
    pub(crate) size: (u16, u16),
    pub(crate) screen: Screen,
    /// The screens under the current one; Back returns to the top one.
    stack: Vec<Screen>,
    pub(crate) overlay: Option<Overlay>,
    /// Where progress is read from; `None` runs without saving (tests).
    progress: Option<Store>,
    /// Where the learner's exercise files live; `None` without a data directory.
    workspace: Option<Workspace>,
    /// The last save that failed, shown in the status bar until one succeeds.
    pub(crate) progress_problem: Option<String>,
    /// What the background writer last said about its queue.
    pub(crate) saving: SaveStatus,
    /// Per lesson of the course, in course order.
    pub(crate) summaries: Vec<LessonSummary>,
    /// Quiz items due for review now.
    pub(crate) due: Vec<DueItem>,
    /// A one-off note for the status bar (cleared by the next key).
    pub(crate) message: Option<String>,
    /// Work for the event loop: saves, files, grading, the editor, timers.
    effects: Vec<Effect>,
    /// The seed of quiz presentation orders; `None`: from the clock.
    quiz_seed: Option<u64>,
    /// Quizzes, reviews and exams started, so each gets its own seed.
    quizzes_started: u64,
    /// The time as of the last message: what timestamps and timers count from.
    pub(crate) now: DateTime<Utc>,
    quit: bool,
}

/// What a screen's share of `update` may use and change besides its own
/// state: everything the App holds for all screens.
pub(crate) struct Shared<'a> {
    pub course: &'a Course,
    pub lang: Lang,
    pub size: (u16, u16),
    pub now: DateTime<Utc>,
    /// The lesson selected on the course map (under whatever screen is on top).
    pub lesson: usize,
    /// Reads only: writes are [`Shared::save`]d.
    pub progress: Option<&'a Store>,
    pub workspace: Option<&'a Workspace>,
    pub quiz_seed: Option<u64>,
    /// Quizzes started so far (see [`Shared::seed`]).
    pub quizzes_started: &'a mut u64,
    pub effects: &'a mut Vec<Effect>,
    pub message: &'a mut Option<String>,
    pub overlay: &'a mut Option<Overlay>,
}

impl Shared<'_> {
    /// Asks the background writer to save `job`, stamped with the current
    /// time; nothing happens without a progress store.
    pub fn save(&mut self, job: SaveJob) {
        if self.progress.is_some() {
            let at = self.now;
            self.effects.push(Effect::Save(Save { job, at }));
        }
    }

    /// Shows a one-off note in the status bar.
    pub fn say(&mut self, note: Msg) {
        *self.message = Some(note.text(self.lang).to_string());
    }

    /// The seed of a new quiz, review or exam: the fixed one, else one from
    /// the clock, moved on by the number of quizzes started, so retaking a
    /// quiz shows its items and options in a new order every time.
    pub fn seed(&mut self) -> u64 {
        let base = self
            .quiz_seed
            .unwrap_or_else(|| u64::try_from(self.now.timestamp_millis()).unwrap_or(0));
        let seed = base.wrapping_add(*self.quizzes_started);
        *self.quizzes_started += 1;
        seed
    }
}

impl App {
    /// A tutor showing the course map of `course`.
    pub fn new(course: Course, lang: Lang, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App {
            course,
            lang,
            theme,
            size,
            screen: Screen::CourseMap(CourseMapState::default()),
            stack: Vec::new(),
            overlay: None,
            progress: None,
            workspace: None,
            progress_problem: None,
            saving: SaveStatus::default(),
            summaries: Vec::new(),
            due: Vec::new(),
            message: None,
            effects: Vec::new(),
            quiz_seed: None,
            quizzes_started: 0,
            now: Utc::now(),
            quit: false,
        };
        app.refresh_progress();
        app
    }

    /// Reads progress from `store` (writes go to the background writer) and
    /// keeps exercise files in `workspace`.
    pub fn with_progress(mut self, mut store: Store, workspace: Workspace) -> App {
        if let Err(err) = store.set_busy_timeout(READ_WAIT) {
            self.progress_problem = Some(err.to_string());
        }
        self.progress = Some(store);
        self.workspace = Some(workspace);
        self.refresh_progress();
        self
    }

    /// Keeps exercise files in `workspace` when there is no progress store.
    pub fn with_workspace(mut self, workspace: Workspace) -> App {
        self.workspace = Some(workspace);
        self
    }

    /// Starts the quiz and exam seeds from `seed` instead of the clock
    /// (`kubetutor --seed`, tests, screenshots).
    pub fn with_quiz_seed(mut self, seed: u64) -> App {
        self.quiz_seed = Some(seed);
        self
    }

    /// Shows why progress cannot be saved (the store could not be opened).
    pub fn set_progress_problem(&mut self, problem: String) {
        self.progress_problem = Some(problem);
    }

    /// The last failed save, if the one after it has not succeeded.
    pub fn progress_problem(&self) -> Option<&str> {
        self.progress_problem.as_deref()
    }

    /// The database file the background writer writes to.
    pub fn progress_path(&self) -> Option<std::path::PathBuf> {
        self.progress
            .as_ref()
            .map(|store| store.path().to_path_buf())
    }

    /// Where the learner's exercise files live, for the loop's file writes.
    pub(crate) fn workspace(&self) -> Option<&Workspace> {
        self.workspace.as_ref()
    }

    /// The screen being shown.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The time as of the last message.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The pop-up shown, if any.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// Whether the learner asked to leave.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether the terminal is below the supported size.
    pub fn too_small(&self) -> bool {
        layout::too_small(self.size)
    }

    /// The work `update` asked for since the last call, for the event loop.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Reads the per-lesson summaries and due items again.
    fn refresh_progress(&mut self) {
        let outline = summary::outline(&self.course, self.lang);
        let facts = match &self.progress {
            Some(store) => match summary::Facts::load(store, self.now) {
                Ok(facts) => facts,
                Err(err) => {
                    self.progress_problem = Some(err.to_string());
                    return;
                }
            },
            None => Default::default(),
        };
        self.summaries = summary::summarize(&outline, &facts);
        // Only items the course still has can be reviewed.
        let known = |due: &DueItem| {
            outline
                .iter()
                .any(|l| l.id == due.lesson_id && l.quiz_items.iter().any(|i| i.id == due.item_id))
        };
        self.due = facts.due.into_iter().filter(known).collect();
    }

    /// The context of the screen itself, under any pop-up.
    pub fn screen_context(&self) -> Context {
        self.screen.state().context()
    }

    /// Where keys go right now.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(overlay) => overlay.context(),
            None => self.screen_context(),
        }
    }

    /// Takes an event the loop received at `now`.
    pub fn handle_event_at(&mut self, event: Event, now: DateTime<Utc>) {
        self.now = now;
        self.handle_event(event);
    }

    /// Turns an event into a message and applies it (at the last known time).
    pub fn handle_event(&mut self, event: Event) {
        let message = match event {
            Event::Paste(text) => Some(Message::Paste(text)),
            Event::Graded(graded) => Some(Message::Graded(graded)),
            Event::FileChanged(path) => Some(Message::FileChanged(path)),
            Event::EditorDone(result) => Some(Message::EditorDone(result)),
            Event::StarterWritten {
                exercise_id,
                reset,
                result,
            } => Some(Message::StarterWritten {
                exercise_id,
                reset,
                result,
            }),
            Event::Tick(now) => Some(Message::Tick(now)),
            Event::Saved(status) => Some(Message::Saved(status)),
            Event::ExamNotSaved(why) => Some(Message::ExamNotSaved(why)),
            event => self.action_for(&event).map(Message::Action),
        };
        if let Some(message) = message {
            self.update(message);
        }
    }

    fn action_for(&self, event: &Event) -> Option<Action> {
        let context = self.context();
        match event {
            Event::Key(key) => keymap::action_for(context, *key).filter(|action| {
                !self.too_small() || matches!(action, Action::Quit | Action::Back)
            }),
            Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
            Event::Terminate => Some(Action::Quit),
            Event::Mouse(mouse) if !self.too_small() => {
                let step = if context == Context::Reader {
                    WHEEL_LINES
                } else {
                    1
                };
                match mouse.kind {
                    MouseEventKind::ScrollDown => Some(Action::Move(step)),
                    MouseEventKind::ScrollUp => Some(Action::Move(-step)),
                    MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickRow(mouse.row)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Applies one message. The only function that changes the state.
    pub fn update(&mut self, message: impl Into<Message>) {
        match message.into() {
            Message::Action(action) => self.act(action),
            Message::Paste(text) => {
                let typing = match self.context() {
                    Context::QuizText => Some(Action::TextChar as fn(char) -> Action),
                    Context::SearchInput => Some(Action::SearchChar as fn(char) -> Action),
                    _ => None,
                };
                if let Some(typed) = typing {
                    for c in text.chars().filter(|c| !c.is_control()) {
                        self.act(typed(c));
                    }
                }
            }
            Message::Saved(status) => self.saved(status),
            Message::ExamNotSaved(why) => {
                self.message = Some(format!("{}: {why}", Msg::ExamNotSaved.text(self.lang)));
            }
            Message::Tick(now) => {
                self.now = now;
                self.send_to_screen(&Message::Tick(now));
            }
            other => self.send_to_screen(&other),
        }
    }

    /// An action: a pop-up takes it first, then the screen.
    fn act(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        match action {
            Action::Quit => {
                let nav = self.with_screen(|screen, shared| {
                    screen.leave(shared);
                    Nav::Quit
                });
                self.navigate(nav);
            }
            Action::Resize(width, height) => self.resize(width, height),
            Action::ToggleHelp if self.context() != Context::QuizText => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help { .. }) => None,
                    _ => Some(Overlay::Help { scroll: 0 }),
                }
            }
            _ => match self.overlay.take() {
                Some(overlay) => {
                    let under = self.screen_context();
                    let (kept, follow_up) = overlay.update(action, under, self.lang, self.size);
                    self.overlay = kept;
                    if let Some(follow_up) = follow_up {
                        self.send_to_screen(&Message::Action(follow_up));
                    }
                }
                None => self.send_to_screen(&Message::Action(action)),
            },
        }
    }

    /// The writer's queue changed: keep its state for the status bar, show a
    /// failure until a save succeeds, and read progress again once all is written.
    fn saved(&mut self, status: SaveStatus) {
        if let Some(failed) = &status.failed {
            self.progress_problem = Some(failed.clone());
        } else if !status.busy {
            self.progress_problem = None;
        }
        let settled = status.waiting == 0 && !status.busy;
        self.saving = status;
        if settled {
            self.refresh_progress();
        }
    }

    /// Gives a message to the screen on top, then follows where it leads.
    fn send_to_screen(&mut self, message: &Message) {
        let nav = self.with_screen(|screen, shared| screen.update(message, shared));
        self.navigate(nav);
    }

    /// Runs `work` on the screen on top with the shared state beside it.
    fn with_screen<T>(
        &mut self,
        work: impl FnOnce(&mut dyn ScreenState, &mut Shared<'_>) -> T,
    ) -> T {
        let lesson = self.selected_lesson();
        let App {
            course,
            lang,
            size,
            now,
            screen,
            overlay,
            progress,
            workspace,
            message,
            effects,
            quiz_seed,
            quizzes_started,
            ..
        } = self;
        let mut shared = Shared {
            course,
            lang: *lang,
            size: *size,
            now: *now,
            lesson,
            progress: progress.as_ref(),
            workspace: workspace.as_ref(),
            quiz_seed: *quiz_seed,
            quizzes_started,
            effects,
            message,
            overlay,
        };
        work(screen.state_mut(), &mut shared)
    }

    fn navigate(&mut self, nav: Nav) {
        match nav {
            Nav::Stay => {}
            Nav::Push(screen) => {
                let previous = std::mem::replace(&mut self.screen, *screen);
                self.stack.push(previous);
            }
            Nav::Pop => self.pop(),
            Nav::Replace(screen) => {
                self.with_screen(|screen, shared| screen.leave(shared));
                self.screen = *screen;
                self.with_screen(|screen, shared| screen.resume(shared));
                self.resize(self.size.0, self.size.1);
            }
            Nav::Quit => self.quit = true,
        }
    }

    /// Goes back to the screen below; the course map has none.
    fn pop(&mut self) {
        self.with_screen(|screen, shared| screen.leave(shared));
        match self.stack.pop() {
            Some(screen) => self.screen = screen,
            None => self.quit = true,
        }
        self.refresh_progress();
        self.with_screen(|screen, shared| screen.resume(shared));
        self.resize(self.size.0, self.size.1);
    }

    /// The lesson selected on the course map, whatever screen is on top.
    fn selected_lesson(&self) -> usize {
        std::iter::once(&self.screen)
            .chain(self.stack.iter().rev())
            .find_map(|screen| match screen {
                Screen::CourseMap(map) => Some(map.selected),
                _ => None,
            })
            .unwrap_or(0)
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        if self.too_small() {
            return;
        }
        self.with_screen(|screen, shared| screen.resize(shared));
    }
}

/// Moves an index within `0..len` for a movement action; `page` is the page
/// size and `max` an extra upper bound (for scrolling).
pub(crate) fn moved(index: usize, len: usize, action: Action, page: usize, max: usize) -> usize {
    let last = len.saturating_sub(1).min(max);
    let target = match action {
        Action::Move(delta) => index.saturating_add_signed(delta as isize),
        Action::PageDown => index.saturating_add(page.max(1)),
        Action::PageUp => index.saturating_sub(page.max(1)),
        Action::Top => 0,
        Action::Bottom => last,
        _ => index,
    };
    target.min(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn movement_stays_within_the_list() {
        assert_eq!(moved(0, 5, Action::Move(-1), 1, usize::MAX), 0);
        assert_eq!(moved(3, 5, Action::PageDown, 10, usize::MAX), 4);
        assert_eq!(moved(3, 5, Action::Top, 1, usize::MAX), 0);
        assert_eq!(moved(0, 50, Action::Bottom, 1, 7), 7);
    }

    #[test]
    fn overlays_take_keys_before_the_screen() {
        let course = Course::load(&crate::content::PackSource::BuiltIn).unwrap();
        let mut app = App::new(course, Lang::En, Theme::plain(), (80, 24));
        app.overlay = Some(Overlay::Help { scroll: 0 });
        assert_eq!(app.context(), Context::Help);
        app.update(Action::Move(1));
        assert!(matches!(app.screen(), Screen::CourseMap(map) if map.selected == 0));
        app.update(Action::Back);
        assert_eq!(app.context(), Context::CourseMap);
    }
}
