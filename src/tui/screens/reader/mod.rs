//! The lesson reader: the laid-out lesson with scrolling, the table of
//! contents, search, presentation mode, and the learner's place in the
//! lesson kept in the progress store.

mod search;
mod view;

pub(crate) use search::find_in_line;
pub use search::{Search, SearchStatus};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Nav, Screen, ScreenState, exercise_list, quiz};
use crate::i18n::Msg;
use crate::markdown::{self, Document, Layout};
use crate::tui::action::Action;
use crate::tui::app::{App, Shared, moved};
use crate::tui::keymap::{BOTTOM, Binding, Context, HELP_KEY, PAGE_DOWN, PAGE_UP, TOP, bind};
use crate::tui::layout::reader_viewport;
use crate::tui::message::Message;
use crate::tui::overlays::Overlay;
use crate::tui::saver::SaveJob;

use crossterm::event::KeyCode::{
    Backspace, Char, Down, Enter, Esc, Left, PageDown, PageUp, Right, Up,
};

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

pub(crate) const KEYS: &[Binding] = &[
    bind(
        &[Char('j'), Down],
        "↑↓/jk",
        Action::Move(1),
        Msg::ActionScroll,
    ),
    bind(&[Char('k'), Up], "", Action::Move(-1), Msg::ActionScroll),
    bind(
        &[PageDown, Char(' ')],
        "PgUp/PgDn",
        Action::PageDown,
        Msg::ActionPage,
    ),
    bind(&[PageUp, Char('b')], "", Action::PageUp, Msg::ActionPage),
    TOP,
    BOTTOM,
    bind(&[Char('t')], "t", Action::OpenToc, Msg::ActionToc),
    bind(&[Char('/')], "/", Action::StartSearch, Msg::ActionSearch),
    bind(&[Char('n')], "n/N", Action::NextMatch, Msg::ActionNextPrev),
    bind(&[Char('N')], "", Action::PreviousMatch, Msg::ActionNextPrev),
    bind(&[Char('u')], "u", Action::StartQuiz, Msg::ActionQuiz),
    bind(
        &[Char('x')],
        "x",
        Action::OpenExercises,
        Msg::ActionExercises,
    ),
    bind(&[Char('p')], "p", Action::Present, Msg::ActionPresent),
    bind(&[Char('?')], "?", Action::ToggleHelp, Msg::ActionHelp),
    bind(
        &[Char('q'), Esc, Left],
        "q/Esc",
        Action::Back,
        Msg::ActionBack,
    ),
];

pub(crate) const SEARCH_KEYS: &[Binding] = &[
    bind(
        &[Enter],
        "Enter",
        Action::SearchSubmit,
        Msg::ActionSearchRun,
    ),
    bind(&[Esc], "Esc", Action::SearchCancel, Msg::ActionSearchCancel),
    bind(
        &[Backspace],
        "",
        Action::SearchBackspace,
        Msg::ActionSearchCancel,
    ),
];

pub(crate) const PRESENTING_KEYS: &[Binding] = &[
    bind(
        &[Right, Char('l'), Char(' '), Char('n')],
        "→/←",
        Action::Shift(1),
        Msg::ActionSection,
    ),
    bind(
        &[Left, Char('h'), Backspace],
        "",
        Action::Shift(-1),
        Msg::ActionSection,
    ),
    bind(
        &[Char('j'), Down],
        "↑↓/jk",
        Action::Move(1),
        Msg::ActionScroll,
    ),
    bind(&[Char('k'), Up], "", Action::Move(-1), Msg::ActionScroll),
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
    bind(
        &[Esc, Char('p'), Char('q')],
        "p/Esc",
        Action::Back,
        Msg::ActionEndPresent,
    ),
];

/// Opens lesson `index` (in course order) where the learner left it.
pub(crate) fn open(index: usize, shared: &mut Shared<'_>) -> Option<Screen> {
    let localized = shared.course.lessons().get(index)?.get(shared.lang)?;
    let document = shared.course.document(localized.lesson);
    let (width, _) = reader_viewport(shared.size, localized.fallback);
    let lesson_id = localized.lesson.meta.id.clone();
    let resume = shared.progress.and_then(|store| {
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
        presenting: None,
        finished: resume.is_some_and(|state| state.finished_at.is_some()),
        lesson_id: lesson_id.clone(),
    };
    reader.scroll = reader.scroll.min(reader.max_scroll(shared.size));
    shared.save(SaveJob::LessonOpened { lesson: lesson_id });
    reader.note_finished(shared);
    Some(Screen::Reader(Box::new(reader)))
}

impl ScreenState for ReaderState {
    fn context(&self) -> Context {
        if self.search.typing() {
            Context::SearchInput
        } else if self.presenting.is_some() {
            Context::Presenting
        } else {
            Context::Reader
        }
    }

    fn update(&mut self, message: &Message, shared: &mut Shared<'_>) -> Nav {
        let Message::Action(action) = message else {
            return Nav::Stay;
        };
        let action = *action;
        if self.presenting.is_some() {
            self.present(action, shared.size);
            return Nav::Stay;
        }
        let size = shared.size;
        let opened = match action {
            Action::Present => {
                let section = self.layout.section_at(self.scroll);
                self.presenting = Some(Presenting { section, scroll: 0 });
                None
            }
            // Leaving keeps the place (see `leave`).
            Action::Back => return Nav::Pop,
            Action::StartQuiz => {
                self.save_place(shared);
                quiz::start_quiz(shared.lesson, shared)
            }
            Action::OpenExercises => {
                self.save_place(shared);
                exercise_list::open(shared.lesson, shared)
            }
            Action::OpenToc => {
                *shared.overlay = Some(Overlay::Toc {
                    selected: self.current_heading(),
                    count: self.layout.headings.len(),
                });
                None
            }
            Action::GoToHeading(heading) => {
                if let Some(heading) = self.layout.headings.get(heading) {
                    self.scroll = heading.line.min(self.max_scroll(size));
                }
                self.note_finished(shared);
                None
            }
            Action::StartSearch => {
                self.search.start();
                None
            }
            Action::SearchChar(c) => {
                self.search.push(c);
                None
            }
            Action::SearchBackspace => {
                self.search.pop();
                None
            }
            Action::SearchCancel => {
                self.search.cancel();
                None
            }
            Action::SearchSubmit => {
                self.search.submit(&self.layout, self.scroll);
                self.show_match(size);
                None
            }
            Action::NextMatch | Action::PreviousMatch => {
                self.search.step(action == Action::NextMatch, self.scroll);
                self.show_match(size);
                None
            }
            _ => {
                let (_, viewport) = reader_viewport(size, self.fallback);
                let max = self.max_scroll(size);
                self.scroll = moved(self.scroll, max + 1, action, viewport, max);
                self.note_finished(shared);
                None
            }
        };
        opened.map_or(Nav::Stay, |screen| Nav::Push(Box::new(screen)))
    }

    fn resize(&mut self, shared: &mut Shared<'_>) {
        self.relayout(shared.size);
    }

    /// Keeps the place when the learner goes back or quits.
    fn leave(&mut self, shared: &mut Shared<'_>) {
        self.save_place(shared);
    }

    fn render(&self, area: Rect, buf: &mut Buffer, app: &App) {
        view::render(self, area, buf, app);
    }
}

impl ReaderState {
    /// Presentation mode's keys: a section at a time, scrolling within it.
    fn present(&mut self, action: Action, size: (u16, u16)) {
        let Some(mut presenting) = self.presenting else {
            return;
        };
        let sections = self.layout.sections();
        let (_, rows) = reader_viewport(size, false);
        match action {
            Action::Back | Action::Present => {
                self.presenting = None;
                return;
            }
            Action::Shift(delta) => {
                let last = sections.len().saturating_sub(1);
                presenting.section = presenting
                    .section
                    .saturating_add_signed(delta as isize)
                    .min(last);
                presenting.scroll = 0;
                if let Some(range) = sections.get(presenting.section) {
                    self.scroll = range.start;
                }
            }
            _ => {
                let length = self.presentation_lines(presenting.section).len();
                let max = length.saturating_sub(rows);
                presenting.scroll = moved(presenting.scroll, max + 1, action, rows, max);
            }
        }
        self.presenting = Some(presenting);
    }

    /// Keeps the reader's place in the lesson.
    fn save_place(&self, shared: &mut Shared<'_>) {
        let block = u32::try_from(self.layout.block_at(self.scroll)).unwrap_or(u32::MAX);
        shared.save(SaveJob::Place {
            lesson: self.lesson_id.clone(),
            block,
        });
    }

    /// Records the end of the lesson once the reader has seen its last line.
    fn note_finished(&mut self, shared: &mut Shared<'_>) {
        if self.finished || self.scroll < self.max_scroll(shared.size) {
            return;
        }
        self.finished = true;
        shared.save(SaveJob::LessonFinished {
            lesson: self.lesson_id.clone(),
        });
    }
}

impl ReaderState {
    /// A section as presentation mode shows it: every gap between blocks
    /// doubled, so text stands apart on a projector while diagrams and code
    /// keep their shape.
    pub(crate) fn presentation_lines(&self, section: usize) -> Vec<markdown::StyledLine> {
        let range = self.layout.sections().get(section).cloned().unwrap_or(0..0);
        self.layout.lines[range]
            .iter()
            .flat_map(|line| {
                let gap = line.segments.is_empty();
                std::iter::once(line.clone()).chain(gap.then(markdown::StyledLine::default))
            })
            .collect()
    }

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
