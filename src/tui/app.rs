//! The tutor's state and the one place that changes it: `App::update`.

use chrono::Utc;
use crossterm::event::{MouseButton, MouseEventKind};

use super::action::Action;
use super::event::Event;
use super::keymap::{self, Context};
use super::search::Search;
use super::theme::Theme;
use crate::content::Course;
use crate::i18n::Lang;
use crate::markdown::{self, Document, Layout};
use crate::progress::{ProgressError, Store};

/// The smallest terminal the screens are designed for.
pub const MIN_SIZE: (u16, u16) = (40, 12);

/// Lines the mouse wheel scrolls in the reader.
const WHEEL_LINES: i32 = 3;

/// The whole state of the tutor.
pub struct App {
    pub(crate) course: Course,
    pub(crate) lang: Lang,
    pub(crate) theme: Theme,
    pub(crate) size: (u16, u16),
    pub(crate) screen: Screen,
    pub(crate) overlay: Option<Overlay>,
    /// Where reading progress is saved; `None` runs without saving (tests).
    progress: Option<Store>,
    /// The last save that failed, shown in the status bar until one succeeds.
    pub(crate) progress_problem: Option<String>,
    quit: bool,
}

/// The screen being shown.
pub enum Screen {
    CourseMap(CourseMapState),
    Reader(Box<ReaderState>),
}

/// A pop-up over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Toc { selected: usize },
}

/// The course map: which lesson is selected and which row is at the top.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CourseMapState {
    pub selected: usize,
    pub offset: usize,
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
    /// Where to return on the course map.
    back: CourseMapState,
    /// The lesson's id, for the progress store.
    lesson_id: String,
    /// The end was reached and recorded.
    finished: bool,
}

/// Where the course map puts its rows: the first list row and how many fit.
pub(crate) fn course_map_rows(size: (u16, u16), lessons: usize) -> (u16, usize) {
    let first_row = 2;
    let room = usize::from(size.1.saturating_sub(first_row + 1));
    (first_row, lessons.min(room))
}

/// The reader's text width and number of visible lines.
pub(crate) fn reader_viewport(size: (u16, u16), fallback: bool) -> (usize, usize) {
    let width = usize::from(size.0.saturating_sub(2)).max(1);
    let chrome = 2 + u16::from(fallback);
    (width, usize::from(size.1.saturating_sub(chrome)).max(1))
}

impl App {
    /// A tutor showing the course map of `course`.
    pub fn new(course: Course, lang: Lang, theme: Theme, size: (u16, u16)) -> App {
        App {
            course,
            lang,
            theme,
            size,
            screen: Screen::CourseMap(CourseMapState::default()),
            overlay: None,
            progress: None,
            progress_problem: None,
            quit: false,
        }
    }

    /// Saves reading progress (opened, finished, place) to `store`.
    pub fn with_progress(mut self, store: Store) -> App {
        self.progress = Some(store);
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

    /// Runs one save; a failure is kept for the status bar, never fatal.
    fn save(&mut self, work: impl FnOnce(&mut Store) -> Result<(), ProgressError>) {
        if let Some(store) = self.progress.as_mut() {
            self.progress_problem = work(store).err().map(|err| err.to_string());
        }
    }

    /// Keeps the reader's place in the open lesson.
    fn save_place(&mut self) {
        let Screen::Reader(reader) = &self.screen else {
            return;
        };
        let id = reader.lesson_id.clone();
        let block = u32::try_from(reader.layout.block_at(reader.scroll)).unwrap_or(u32::MAX);
        self.save(|store| store.save_scroll(&id, block, Utc::now()));
    }

    /// Records the end of the lesson once the reader has seen its last line.
    fn note_finished(&mut self) {
        let Screen::Reader(reader) = &mut self.screen else {
            return;
        };
        if reader.finished || reader.scroll < reader.max_scroll(self.size) {
            return;
        }
        reader.finished = true;
        let id = reader.lesson_id.clone();
        self.save(|store| store.lesson_finished(&id, Utc::now()));
    }

    /// The screen being shown.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// Whether the learner asked to leave.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether the terminal is below the supported size.
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_SIZE.0 || self.size.1 < MIN_SIZE.1
    }

    /// Where keys go right now.
    pub fn context(&self) -> Context {
        match (&self.overlay, &self.screen) {
            (Some(Overlay::Help), _) => Context::Help,
            (Some(Overlay::Toc { .. }), _) => Context::Toc,
            (None, Screen::Reader(reader)) if reader.search.typing() => Context::SearchInput,
            (None, Screen::Reader(_)) => Context::Reader,
            (None, Screen::CourseMap(_)) => Context::CourseMap,
        }
    }

    /// Turns an event into an action and applies it.
    pub fn handle_event(&mut self, event: Event) {
        if let Some(action) = self.action_for(event) {
            self.update(action);
        }
    }

    fn action_for(&self, event: Event) -> Option<Action> {
        let context = self.context();
        if self.too_small() {
            return match event {
                Event::Key(key) => keymap::action_for(context, key)
                    .filter(|action| matches!(action, Action::Quit | Action::Back)),
                Event::Resize(width, height) => Some(Action::Resize(width, height)),
                Event::Terminate => Some(Action::Quit),
                Event::Mouse(_) => None,
            };
        }
        match event {
            Event::Key(key) => keymap::action_for(context, key),
            Event::Resize(width, height) => Some(Action::Resize(width, height)),
            Event::Terminate => Some(Action::Quit),
            Event::Mouse(mouse) => {
                let step = if context == Context::Reader {
                    WHEEL_LINES
                } else {
                    1
                };
                match mouse.kind {
                    MouseEventKind::ScrollDown if context != Context::Help => {
                        Some(Action::Move(step))
                    }
                    MouseEventKind::ScrollUp if context != Context::Help => {
                        Some(Action::Move(-step))
                    }
                    MouseEventKind::Down(MouseButton::Left) if context == Context::CourseMap => {
                        let (first, visible) =
                            course_map_rows(self.size, self.course.lessons().len());
                        let row = mouse.row.checked_sub(first)?;
                        (usize::from(row) < visible).then_some(Action::ClickRow(row))
                    }
                    _ => None,
                }
            }
        }
    }

    /// Applies one action. The only function that changes the state.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => {
                self.save_place();
                self.quit = true;
            }
            Action::Resize(width, height) => self.resize(width, height),
            Action::ToggleHelp => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help) => None,
                    _ => Some(Overlay::Help),
                }
            }
            _ => match self.overlay {
                Some(Overlay::Toc { selected }) => self.update_toc(selected, action),
                Some(Overlay::Help) => {
                    if action == Action::Back {
                        self.overlay = None;
                    }
                }
                None => self.update_screen(action),
            },
        }
    }

    fn update_screen(&mut self, action: Action) {
        let size = self.size;
        let lessons = self.course.lessons().len();
        match &mut self.screen {
            Screen::CourseMap(map) => match action {
                Action::Back => self.quit = true,
                Action::Open => self.open_selected(),
                Action::ClickRow(row) => {
                    let index = map.offset + usize::from(row);
                    if index == map.selected {
                        self.open_selected();
                    } else if index < lessons {
                        map.selected = index;
                    }
                }
                _ => {
                    map.selected = moved(map.selected, lessons, action, 1, usize::MAX);
                    map.keep_visible(course_map_rows(size, lessons).1);
                }
            },
            Screen::Reader(reader) => match action {
                Action::Back => {
                    let back = reader.back;
                    self.save_place();
                    self.screen = Screen::CourseMap(back);
                }
                Action::OpenToc => {
                    let selected = reader.current_heading();
                    self.overlay = Some(Overlay::Toc { selected });
                }
                Action::StartSearch => reader.search.start(),
                Action::SearchChar(c) => reader.search.push(c),
                Action::SearchBackspace => reader.search.pop(),
                Action::SearchCancel => reader.search.cancel(),
                Action::SearchSubmit => {
                    reader.search.submit(&reader.layout, reader.scroll);
                    reader.show_match(size);
                }
                Action::NextMatch | Action::PreviousMatch => {
                    reader
                        .search
                        .step(action == Action::NextMatch, reader.scroll);
                    reader.show_match(size);
                }
                _ => {
                    let (_, viewport) = reader_viewport(size, reader.fallback);
                    let max = reader.max_scroll(size);
                    reader.scroll = moved(reader.scroll, max + 1, action, viewport, max);
                    self.note_finished();
                }
            },
        }
    }

    fn update_toc(&mut self, selected: usize, action: Action) {
        let Screen::Reader(reader) = &mut self.screen else {
            self.overlay = None;
            return;
        };
        let count = reader.layout.headings.len();
        match action {
            Action::Back | Action::OpenToc => self.overlay = None,
            Action::Open => {
                if let Some(heading) = reader.layout.headings.get(selected) {
                    reader.scroll = heading.line.min(reader.max_scroll(self.size));
                }
                self.overlay = None;
            }
            _ => {
                let selected = moved(selected, count, action, 5, usize::MAX);
                self.overlay = Some(Overlay::Toc { selected });
            }
        }
    }

    fn open_selected(&mut self) {
        let Screen::CourseMap(map) = &self.screen else {
            return;
        };
        let back = *map;
        let Some(localized) = self
            .course
            .lessons()
            .get(back.selected)
            .and_then(|set| set.get(self.lang))
        else {
            return;
        };
        let document = self.course.document(localized.lesson);
        let (width, _) = reader_viewport(self.size, localized.fallback);
        let lesson_id = localized.lesson.meta.id.clone();
        let resume = self.progress.as_ref().and_then(|store| {
            let states = store.lesson_states().ok()?;
            states.into_iter().find(|s| s.lesson_id == lesson_id)
        });
        let layout = markdown::layout(&document, width);
        let mut reader = ReaderState {
            title: localized.lesson.meta.title.clone(),
            fallback: localized.fallback,
            scroll: resume.as_ref().map_or(0, |state| {
                layout.line_of_block(usize::try_from(state.scroll).unwrap_or(usize::MAX))
            }),
            layout,
            document,
            search: Search::default(),
            back,
            finished: resume.is_some_and(|state| state.finished_at.is_some()),
            lesson_id: lesson_id.clone(),
        };
        reader.scroll = reader.scroll.min(reader.max_scroll(self.size));
        self.screen = Screen::Reader(Box::new(reader));
        self.save(|store| store.lesson_opened(&lesson_id, Utc::now()));
        self.note_finished();
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        if self.too_small() {
            return;
        }
        let lessons = self.course.lessons().len();
        match &mut self.screen {
            Screen::CourseMap(map) => map.keep_visible(course_map_rows(self.size, lessons).1),
            Screen::Reader(reader) => reader.relayout(self.size),
        }
    }
}

/// Moves an index within `0..len` for a movement action; `page` is the page
/// size and `max` an extra upper bound (for scrolling).
fn moved(index: usize, len: usize, action: Action, page: usize, max: usize) -> usize {
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

impl CourseMapState {
    fn keep_visible(&mut self, visible: usize) {
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
    }
}

impl ReaderState {
    fn max_scroll(&self, size: (u16, u16)) -> usize {
        let (_, viewport) = reader_viewport(size, self.fallback);
        self.layout.lines.len().saturating_sub(viewport)
    }

    /// The heading the reader is in, for the table of contents' selection.
    fn current_heading(&self) -> usize {
        self.layout
            .headings
            .iter()
            .rposition(|h| h.line <= self.scroll)
            .unwrap_or(0)
    }

    /// Lays the lesson out again for a new width, keeping the reader at the
    /// same place in the text.
    fn relayout(&mut self, size: (u16, u16)) {
        let (width, _) = reader_viewport(size, self.fallback);
        if width == self.layout.width {
            self.scroll = self.scroll.min(self.max_scroll(size));
            return;
        }
        let layout = markdown::layout(&self.document, width);
        self.scroll = layout.same_place(&self.layout, self.scroll).min(
            layout
                .lines
                .len()
                .saturating_sub(reader_viewport(size, self.fallback).1),
        );
        self.layout = layout;
        self.search.relocate(&self.layout);
    }

    /// Scrolls so the current match is visible, with two lines above it.
    fn show_match(&mut self, size: (u16, u16)) {
        if let Some(line) = self.search.current_line() {
            self.scroll = line.saturating_sub(2).min(self.max_scroll(size));
        }
    }
}
