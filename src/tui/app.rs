//! The tutor's state and the one place that changes it: `App::update`.

use crossterm::event::{MouseButton, MouseEventKind};

use super::action::Action;
use super::event::Event;
use super::keymap::{self, Context};
use super::search::Search;
use super::theme::Theme;
use crate::content::Course;
use crate::i18n::Lang;
use crate::markdown::{self, Document, Layout};

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
            quit: false,
        }
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
            Action::Quit => self.quit = true,
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
                Action::Back => self.screen = Screen::CourseMap(reader.back),
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
        self.screen = Screen::Reader(Box::new(ReaderState {
            title: localized.lesson.meta.title.clone(),
            fallback: localized.fallback,
            layout: markdown::layout(&document, width),
            document,
            scroll: 0,
            search: Search::default(),
            back,
        }));
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
