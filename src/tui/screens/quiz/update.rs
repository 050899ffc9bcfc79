//! The quiz screen's share of `update`: keys to quiz input, recording every
//! answer, clicks on options, the exam's clock, keeping the cursor in view.

use super::{Input, Phase, QuizInput, QuizMode, QuizScreen};
use crate::content::Answer;
use crate::i18n::Msg;
use crate::tui::action::Action;
use crate::tui::app::Shared;
use crate::tui::effect::Effect;
use crate::tui::layout::quiz_page;
use crate::tui::overlays::{Confirm, Overlay};
use crate::tui::saver::SaveJob;
use crate::tui::screens::Nav;

impl QuizScreen {
    /// One action on the quiz screen.
    pub(super) fn act(&mut self, action: Action, shared: &mut Shared<'_>) -> Nav {
        let (_, rows) = quiz_page(shared.size);
        // A page is what fits between the title and status bars, less a line
        // of context.
        let page_rows = i32::try_from(rows.saturating_sub(1).max(1)).unwrap_or(1);
        if self.phase == Phase::Intro {
            match action {
                Action::Submit | Action::Open => return self.intro_act(true, shared),
                Action::Back => return self.intro_act(false, shared),
                Action::NewExam => self.offer_new_exam(shared),
                Action::Confirmed(Confirm::DiscardExam) => self.replace_exam(shared),
                _ => {}
            }
        }
        let input = match action {
            Action::Back if self.exam_running() => {
                *shared.overlay = Some(Overlay::Confirm(Confirm::LeaveExam));
                return Nav::Stay;
            }
            Action::Confirmed(Confirm::LeaveExam) => {
                if let QuizMode::Exam(session) = &self.mode {
                    shared.effects.push(Effect::SaveExam(session.clone()));
                }
                return Nav::Pop;
            }
            Action::Back => return Nav::Pop,
            Action::Skip => QuizInput::Skip,
            Action::Move(delta) => QuizInput::Move(delta),
            Action::Pick(n) => QuizInput::Pick(n),
            Action::Toggle => QuizInput::Toggle,
            Action::Shift(delta) => QuizInput::Shift(delta),
            Action::TextChar(c) => QuizInput::Char(c),
            Action::TextBackspace => QuizInput::Backspace,
            Action::Submit | Action::Open => QuizInput::Submit,
            Action::PageDown => QuizInput::Scroll(page_rows),
            Action::PageUp => QuizInput::Scroll(-page_rows),
            Action::ClickRow(row) => {
                self.click(row, shared);
                return Nav::Stay;
            }
            _ => return Nav::Stay,
        };
        self.input(input, shared);
        Nav::Stay
    }

    /// Applies one input, records an answer it gives, and keeps the view right.
    fn input(&mut self, input: QuizInput, shared: &mut Shared<'_>) {
        let mode = self.mode.label();
        let asking = self.phase == Phase::Asking;
        let ended_before = self.phase == Phase::Summary;
        let answered = self.handle(input, shared.now);
        if input == QuizInput::Submit && asking && answered.is_none() {
            shared.say(Msg::QuizIncomplete);
        }
        if let QuizMode::Exam(session) = &self.mode
            && (answered.is_some() || input == QuizInput::Skip)
            && self.phase != Phase::Summary
        {
            shared.effects.push(Effect::SaveExam(session.clone()));
        }
        if !ended_before {
            self.finish_exam(shared);
        }
        if let Some(answered) = answered {
            shared.save(SaveJob::Answer {
                item: answered.item_id,
                lesson: answered.lesson_id,
                answer: answered.answer,
                correct: answered.correct,
                duration_ms: answered.duration_ms,
                mode,
            });
        }
        // Paging moves the view on its own; other keys bring the cursor into view.
        if matches!(input, QuizInput::Scroll(_)) {
            let max = self.max_scroll(shared);
            self.scroll = self.scroll.min(max);
        } else {
            self.keep_cursor_visible(shared);
        }
    }

    /// A click on a quiz option selects it; a click on the selected one answers.
    fn click(&mut self, screen_row: u16, shared: &mut Shared<'_>) {
        // Only rows between the title bar and the status line hold options.
        if screen_row >= shared.size.1.saturating_sub(1) {
            return;
        }
        let Some(row) = screen_row.checked_sub(1).map(usize::from) else {
            return;
        };
        let (width, _) = quiz_page(shared.size);
        let (page, cursor) = self.page(shared.lang, width);
        let Some(Some(target)) = page.targets.get(self.scroll + row) else {
            return;
        };
        let target = *target;
        let Input::Choice { chosen, .. } = &self.input else {
            self.handle(QuizInput::Point(target), shared.now);
            return;
        };
        let on_cursor = chosen.contains(&target)
            && cursor.is_some_and(|c| page.targets.get(c) == Some(&Some(target)));
        if on_cursor {
            self.input(QuizInput::Toggle, shared);
            if !self.multiple() {
                self.input(QuizInput::Submit, shared);
            }
        } else {
            self.input(QuizInput::Pick(target), shared);
        }
    }

    /// Whether the current item is multiple choice.
    fn multiple(&self) -> bool {
        self.current()
            .is_some_and(|entry| matches!(entry.item.answer, Answer::Multiple(_)))
    }

    /// Once a second during an exam: end it when the time is up, else tick on.
    pub(super) fn exam_tick(&mut self, shared: &mut Shared<'_>) {
        if !self.exam_running() {
            return;
        }
        match &self.mode {
            QuizMode::Exam(session) if session.expired(shared.now) => {
                self.time_up();
                self.finish_exam(shared);
            }
            _ => shared
                .effects
                .push(Effect::TickAfter(std::time::Duration::from_secs(1))),
        }
    }

    /// The last scroll position that still shows text.
    fn max_scroll(&self, shared: &Shared<'_>) -> usize {
        let (width, rows) = quiz_page(shared.size);
        self.page(shared.lang, width)
            .0
            .lines
            .len()
            .saturating_sub(rows)
    }

    /// Scrolls the page so the cursor's line is on screen.
    pub(super) fn keep_cursor_visible(&mut self, shared: &Shared<'_>) {
        let (width, rows) = quiz_page(shared.size);
        let (page, cursor) = self.page(shared.lang, width);
        let max = page.lines.len().saturating_sub(rows);
        if let Some(line) = cursor {
            if line < self.scroll {
                self.scroll = line.saturating_sub(1);
            } else if line >= self.scroll + rows {
                self.scroll = line + 1 - rows;
            }
        }
        self.scroll = self.scroll.min(max);
    }
}
