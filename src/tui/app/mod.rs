//! The tutor's state and the one place that changes it: `App::update`.
//! Each screen's share of `update` lives in its own file of this module.

mod course_map;
mod exercise;
mod quiz;
mod reader;

use std::path::PathBuf;
use std::time::Duration;

use chrono::Utc;
use crossterm::event::{MouseButton, MouseEventKind};

use super::action::Action;
use super::event::Event;
use super::exercise_screen::{ExerciseScreen, GradeJob};
use super::keymap::{self, Context};
use super::quiz_screen::{Input, Phase, QuizScreen};
use super::search::Search;
use super::theme::Theme;
use crate::content::Course;
use crate::i18n::Lang;
use crate::markdown::{Document, Layout};
use crate::progress::summary::LessonSummary;
use crate::progress::{DueItem, ProgressError, Store};
use crate::workspace::Workspace;

pub(crate) use course_map::course_map_rows;
pub(crate) use reader::reader_viewport;

/// The smallest terminal the screens are designed for.
pub const MIN_SIZE: (u16, u16) = (40, 12);

/// Lines the mouse wheel scrolls in the reader.
const WHEEL_LINES: i32 = 3;

/// How long the pass banner stays.
const CELEBRATION: Duration = Duration::from_millis(2500);

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
    /// Where progress is saved; `None` runs without saving (tests).
    progress: Option<Store>,
    /// Where the learner's exercise files live; `None` without a data directory.
    workspace: Option<Workspace>,
    /// The last save that failed, shown in the status bar until one succeeds.
    pub(crate) progress_problem: Option<String>,
    /// Per lesson of the course, in course order.
    pub(crate) summaries: Vec<LessonSummary>,
    /// Quiz items due for review now.
    pub(crate) due: Vec<DueItem>,
    /// A one-off note for the status bar (cleared by the next key).
    pub(crate) message: Option<String>,
    /// Work for the event loop: grading, the editor, watching, timers.
    effects: Vec<Effect>,
    /// The seed of quiz presentation orders; `None`: new each session.
    quiz_seed: Option<u64>,
    /// The time as of the last tick: what exam timers count from.
    pub(crate) now: chrono::DateTime<Utc>,
    quit: bool,
}

/// The screen being shown.
pub enum Screen {
    CourseMap(CourseMapState),
    Reader(Box<ReaderState>),
    Quiz(Box<QuizScreen>),
    Exercises(ExerciseList),
    Exercise(Box<ExerciseScreen>),
}

/// A pop-up over the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The keys of the screen below, scrolled by `scroll` rows.
    Help {
        scroll: usize,
    },
    Toc {
        selected: usize,
    },
    Confirm(Confirm),
    /// A text to read: a result's help, the reference solution.
    Detail {
        title: String,
        text: String,
        yaml: bool,
        scroll: usize,
    },
}

/// What a yes/no question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    ShowSolution,
    ResetFile,
}

/// Work `update` asks the event loop to do, so `update` itself never blocks.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Grade off the loop; the result comes back as `Event::Graded`.
    Grade(Box<GradeJob>),
    /// Suspend the screen and run the learner's editor on the file.
    Edit(PathBuf),
    /// Watch this folder for saves (`None`: stop watching).
    Watch(Option<PathBuf>),
    /// Send `Event::Tick` after a while (to end an animation, to count an exam down).
    TickAfter(Duration),
}

/// The course map: which lesson is selected and which row is at the top.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CourseMapState {
    pub selected: usize,
    pub offset: usize,
}

/// A lesson's exercises to choose from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseList {
    pub lesson_id: String,
    pub title: String,
    pub ids: Vec<String>,
    /// Whether each exercise was passed, read when the list is shown.
    pub passed: Vec<bool>,
    pub selected: usize,
}

/// An open lesson, laid out for the current width.
pub struct ReaderState {
    pub title: String,
    /// The lesson is shown in English because it is not translated.
    pub fallback: bool,
    document: Document,
    pub layout: Layout,
    pub scroll: usize,
    pub search: Search,
    /// The lesson's id, for the progress store.
    pub lesson_id: String,
    /// The end was reached and recorded.
    finished: bool,
    /// Presentation mode: one section per screen, for a facilitator.
    pub presenting: Option<Presenting>,
}

/// Where a presentation is: which section, scrolled how far within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presenting {
    pub section: usize,
    pub scroll: usize,
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
            summaries: Vec::new(),
            due: Vec::new(),
            message: None,
            effects: Vec::new(),
            quiz_seed: None,
            now: Utc::now(),
            quit: false,
        };
        app.refresh_progress();
        app
    }

    /// Saves progress to `store` and keeps exercise files in `workspace`.
    pub fn with_progress(mut self, store: Store, workspace: Workspace) -> App {
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

    /// Shows ordering and matching items in the same order every time (tests,
    /// screenshots).
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

    /// The screen being shown.
    pub fn screen(&self) -> &Screen {
        &self.screen
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
        self.size.0 < MIN_SIZE.0 || self.size.1 < MIN_SIZE.1
    }

    /// The work `update` asked for since the last call, for the event loop.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Runs one save; a failure is kept for the status bar, never fatal.
    fn save(&mut self, work: impl FnOnce(&mut Store) -> Result<(), ProgressError>) {
        if let Some(store) = self.progress.as_mut() {
            self.progress_problem = work(store).err().map(|err| err.to_string());
        }
    }

    /// Reads the per-lesson summaries and due items again.
    fn refresh_progress(&mut self) {
        let outline = crate::progress::summary::outline(&self.course, self.lang);
        let facts = match &self.progress {
            Some(store) => match crate::progress::summary::Facts::load(store, Utc::now()) {
                Ok(facts) => facts,
                Err(err) => {
                    self.progress_problem = Some(err.to_string());
                    return;
                }
            },
            None => Default::default(),
        };
        self.summaries = crate::progress::summary::summarize(&outline, &facts);
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
        match &self.screen {
            Screen::CourseMap(_) => Context::CourseMap,
            Screen::Reader(reader) if reader.search.typing() => Context::SearchInput,
            Screen::Reader(reader) if reader.presenting.is_some() => Context::Presenting,
            Screen::Reader(_) => Context::Reader,
            Screen::Quiz(quiz) => match (&quiz.phase, &quiz.input) {
                (Phase::Summary, _) => Context::QuizSummary,
                (Phase::Answered { .. }, _) => Context::QuizFeedback,
                (Phase::Asking, Input::Text(_)) => Context::QuizText,
                (Phase::Asking, Input::Ordering { .. }) => Context::QuizOrdering,
                (Phase::Asking, Input::Matching { .. }) => Context::QuizMatching,
                (Phase::Asking, Input::Choice { .. }) => Context::QuizChoice,
            },
            Screen::Exercises(_) => Context::Exercises,
            Screen::Exercise(_) => Context::Exercise,
        }
    }

    /// Where keys go right now.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Help { .. }) => Context::Help,
            Some(Overlay::Toc { .. }) => Context::Toc,
            Some(Overlay::Confirm(_)) => Context::Confirm,
            Some(Overlay::Detail { .. }) => Context::Detail,
            None => self.screen_context(),
        }
    }

    /// Turns an event into actions and applies them.
    pub fn handle_event(&mut self, event: Event) {
        match event {
            Event::Paste(text) if self.context() == Context::QuizText => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    self.update(Action::TextChar(c));
                }
            }
            Event::Paste(text) if self.context() == Context::SearchInput => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    self.update(Action::SearchChar(c));
                }
            }
            Event::Graded(graded) => self.take_grading(*graded),
            Event::FileChanged(path) => self.file_changed(&path),
            Event::EditorDone(result) => self.editor_done(result),
            Event::Tick(now) => self.tick(now),
            event => {
                if let Some(action) = self.action_for(&event) {
                    self.update(action);
                }
            }
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
                    MouseEventKind::Down(MouseButton::Left) => self.click(context, mouse.row),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A left click on screen row `row`.
    fn click(&self, context: Context, row: u16) -> Option<Action> {
        match context {
            Context::CourseMap => {
                let (first, visible) = course_map_rows(self.size, self.course.lessons().len());
                let row = row.checked_sub(first)?;
                (usize::from(row) < visible).then_some(Action::ClickRow(row))
            }
            // Only rows between the title bar and the status line hold options.
            Context::QuizChoice
            | Context::QuizOrdering
            | Context::QuizMatching
            | Context::Exercises
                if row < self.size.1.saturating_sub(1) =>
            {
                row.checked_sub(1).map(Action::ClickRow)
            }
            _ => None,
        }
    }

    /// Applies one action. The only function that changes the state.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        match action {
            Action::Quit => {
                self.save_place();
                self.quit = true;
            }
            Action::Resize(width, height) => self.resize(width, height),
            Action::ToggleHelp if self.context() != Context::QuizText => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help { .. }) => None,
                    _ => Some(Overlay::Help { scroll: 0 }),
                }
            }
            _ => match self.overlay.clone() {
                Some(Overlay::Toc { selected }) => self.update_toc(selected, action),
                Some(Overlay::Help { scroll }) => match action {
                    Action::Back | Action::ToggleHelp => self.overlay = None,
                    Action::Move(_) | Action::PageDown | Action::PageUp | Action::Top => {
                        let max = super::views::help_max_scroll(
                            self.screen_context(),
                            self.lang,
                            self.size,
                        );
                        let scroll = moved(scroll, max + 1, action, 5, max);
                        self.overlay = Some(Overlay::Help { scroll });
                    }
                    _ => {}
                },
                Some(Overlay::Confirm(question)) => self.answer_confirm(question, action),
                Some(Overlay::Detail { .. }) => self.update_detail(action),
                None => self.update_screen(action),
            },
        }
    }

    fn update_screen(&mut self, action: Action) {
        match &self.screen {
            Screen::CourseMap(_) => self.update_course_map(action),
            Screen::Reader(_) => self.update_reader(action),
            Screen::Quiz(_) => self.update_quiz(action),
            Screen::Exercises(_) => self.update_exercise_list(action),
            Screen::Exercise(_) => self.update_exercise(action),
        }
    }

    /// Shows `screen`, keeping the current one to come back to.
    fn push(&mut self, screen: Screen) {
        let previous = std::mem::replace(&mut self.screen, screen);
        self.stack.push(previous);
    }

    /// Goes back to the screen below; the course map has none.
    fn pop(&mut self) {
        if matches!(self.screen, Screen::Exercise(_)) {
            self.effects.push(Effect::Watch(None));
        }
        match self.stack.pop() {
            Some(screen) => self.screen = screen,
            None => self.quit = true,
        }
        if matches!(self.screen, Screen::CourseMap(_) | Screen::Exercises(_)) {
            self.refresh_progress();
        }
        let passed: Option<Vec<bool>> = match &self.screen {
            Screen::Exercises(list) => {
                Some(list.ids.iter().map(|id| self.exercise_passed(id)).collect())
            }
            _ => None,
        };
        if let (Screen::Exercises(list), Some(passed)) = (&mut self.screen, passed) {
            list.passed = passed;
        }
        self.resize(self.size.0, self.size.1);
    }

    fn update_detail(&mut self, action: Action) {
        let size = self.size;
        let Some(Overlay::Detail {
            scroll, text, yaml, ..
        }) = &mut self.overlay
        else {
            return;
        };
        let max = super::views::detail_max_scroll(text, *yaml, size);
        match action {
            Action::Back | Action::Open | Action::Submit => self.overlay = None,
            _ => *scroll = moved(*scroll, max + 1, action, 5, max),
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        if self.too_small() {
            return;
        }
        let lessons = self.course.lessons().len();
        let size = self.size;
        match &mut self.screen {
            Screen::CourseMap(map) => map.keep_visible(course_map_rows(size, lessons).1),
            Screen::Reader(reader) => reader.relayout(size),
            Screen::Quiz(_) => self.keep_quiz_cursor_visible(),
            Screen::Exercise(screen) => screen.clamp_scrolls(self.lang, size),
            Screen::Exercises(_) => {}
        }
    }

    fn tick(&mut self, now: chrono::DateTime<Utc>) {
        self.now = now;
        match &mut self.screen {
            Screen::Exercise(screen) => screen.celebrating = false,
            Screen::Quiz(_) => self.exam_tick(),
            _ => {}
        }
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
