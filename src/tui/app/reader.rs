//! The reader's share of `update`: scrolling, contents, search, and saving
//! the place in the lesson.

use chrono::Utc;

use super::{App, Overlay, ReaderState, Screen};
use crate::markdown;
use crate::tui::action::Action;
use crate::tui::search::Search;

/// The reader's text width and number of visible lines.
pub(crate) fn reader_viewport(size: (u16, u16), fallback: bool) -> (usize, usize) {
    let width = usize::from(size.0.saturating_sub(2)).max(1);
    let chrome = 2 + u16::from(fallback);
    (width, usize::from(size.1.saturating_sub(chrome)).max(1))
}

impl App {
    pub(super) fn update_reader(&mut self, action: Action) {
        let size = self.size;
        let selected = self.selected_lesson();
        let Screen::Reader(reader) = &mut self.screen else {
            return;
        };
        if let Some(mut presenting) = reader.presenting {
            let sections = reader.layout.sections();
            let (_, rows) = reader_viewport(size, false);
            match action {
                Action::Back | Action::Present => reader.presenting = None,
                Action::Shift(delta) => {
                    let last = sections.len().saturating_sub(1);
                    presenting.section = presenting
                        .section
                        .saturating_add_signed(delta as isize)
                        .min(last);
                    presenting.scroll = 0;
                    if let Some(range) = sections.get(presenting.section) {
                        reader.scroll = range.start;
                    }
                }
                _ => {
                    let length = reader.presentation_lines(presenting.section).len();
                    let max = length.saturating_sub(rows);
                    presenting.scroll = super::moved(presenting.scroll, max + 1, action, rows, max);
                }
            }
            if reader.presenting.is_some() {
                reader.presenting = Some(presenting);
            }
            return;
        }
        match action {
            Action::Present => {
                let section = reader.layout.section_at(reader.scroll);
                reader.presenting = Some(super::Presenting { section, scroll: 0 });
            }
            Action::Back => {
                self.save_place();
                self.pop();
            }
            Action::StartQuiz => {
                self.save_place();
                self.start_quiz(selected);
            }
            Action::OpenExercises => {
                self.save_place();
                self.open_exercise_list(selected);
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
                reader.scroll = super::moved(reader.scroll, max + 1, action, viewport, max);
                self.note_finished();
            }
        }
    }

    pub(super) fn update_toc(&mut self, selected: usize, action: Action) {
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
                self.note_finished();
            }
            _ => {
                let selected = super::moved(selected, count, action, 5, usize::MAX);
                self.overlay = Some(Overlay::Toc { selected });
            }
        }
    }

    /// Opens the lesson selected on the course map, where the learner left it.
    pub(super) fn open_selected(&mut self) {
        let index = self.selected_lesson();
        let Some(localized) = self
            .course
            .lessons()
            .get(index)
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
            presenting: None,
            finished: resume.is_some_and(|state| state.finished_at.is_some()),
            lesson_id: lesson_id.clone(),
        };
        reader.scroll = reader.scroll.min(reader.max_scroll(self.size));
        self.push(Screen::Reader(Box::new(reader)));
        self.save(|store| store.lesson_opened(&lesson_id, Utc::now()));
        self.note_finished();
    }

    /// Keeps the reader's place in the open lesson.
    pub(super) fn save_place(&mut self) {
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
    pub(super) fn relayout(&mut self, size: (u16, u16)) {
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
