//! The quiz and review's share of `update`: starting them, passing keys to
//! the quiz screen, recording every answer, keeping the cursor in view.

use chrono::Utc;

use super::{App, Effect, Screen};

/// Percent of items right a TUI exam needs.
const EXAM_PASS_MARK: u32 = 70;
use crate::i18n::Msg;
use crate::progress::NewAnswer;
use crate::quiz::Presentation;
use crate::tui::action::Action;
use crate::tui::quiz_screen::{Entry, QuizInput, QuizMode, QuizScreen};

/// Rows the quiz screen uses around its page: title bar and status bar.
const CHROME_ROWS: u16 = 2;

impl App {
    /// The presentation seed: the fixed one, else one that differs between
    /// sessions so ordering items are not shuffled the same way every time.
    fn session_seed(&self) -> u64 {
        self.quiz_seed
            .unwrap_or_else(|| u64::try_from(Utc::now().timestamp_millis()).unwrap_or(0))
    }
}

impl App {
    /// The title and items of lesson `index` (in course order), shown in
    /// the order `seed` gives; `None` (with a note) when it has no quiz.
    fn lesson_items(&mut self, index: usize, seed: u64) -> Option<(String, Vec<Entry>)> {
        let lesson = self.course.lessons().get(index)?.get(self.lang)?.lesson;
        if lesson.quiz.is_empty() {
            self.message = Some(Msg::QuizEmpty.text(self.lang).to_string());
            return None;
        }
        let entries = lesson
            .quiz
            .iter()
            .map(|item| Entry {
                presentation: Presentation::new(item, seed),
                item: item.clone(),
                lesson_id: lesson.meta.id.clone(),
            })
            .collect();
        Some((lesson.meta.title.clone(), entries))
    }

    /// The quiz of lesson `index` (in course order).
    pub(super) fn start_quiz(&mut self, index: usize) {
        let seed = self.session_seed();
        let Some((title, entries)) = self.lesson_items(index, seed) else {
            return;
        };
        self.push(Screen::Quiz(Box::new(QuizScreen::new(
            title,
            QuizMode::Lesson,
            entries,
        ))));
    }

    /// An exam of lesson `index`: every item, shuffled, no feedback until
    /// the end, a minute per item (at least five), pass mark 70 %.
    pub(super) fn start_exam(&mut self, index: usize) {
        let seed = self.session_seed();
        let Some((lesson_title, mut entries)) = self.lesson_items(index, seed) else {
            return;
        };
        fastrand::Rng::with_seed(seed).shuffle(&mut entries);
        let minutes = i64::try_from(entries.len().max(5)).unwrap_or(5);
        let mode = QuizMode::Exam {
            deadline: self.now + chrono::Duration::minutes(minutes),
            pass_mark: EXAM_PASS_MARK,
        };
        let title = format!("{} · {lesson_title}", Msg::ExamTitle.text(self.lang));
        self.push(Screen::Quiz(Box::new(QuizScreen::new(
            title, mode, entries,
        ))));
        self.effects
            .push(Effect::TickAfter(std::time::Duration::from_secs(1)));
    }

    /// Once a second during an exam: end it when the time is up, else tick on.
    pub(super) fn exam_tick(&mut self) {
        let now = self.now;
        let Screen::Quiz(quiz) = &mut self.screen else {
            return;
        };
        if !quiz.exam_running() {
            return;
        }
        match quiz.mode {
            QuizMode::Exam { deadline, .. } if now >= deadline => quiz.time_up(),
            _ => self
                .effects
                .push(Effect::TickAfter(std::time::Duration::from_secs(1))),
        }
    }

    /// The items FSRS says are due, across lessons, longest waiting first.
    pub(super) fn start_review(&mut self) {
        self.refresh_progress();
        let seed = self.session_seed();
        let entries: Vec<Entry> = self
            .due
            .iter()
            .filter_map(|due| {
                let lesson = self
                    .course
                    .lessons()
                    .iter()
                    .find(|set| set.id == due.lesson_id)?
                    .get(self.lang)?
                    .lesson;
                let item = lesson.quiz.iter().find(|item| item.id == due.item_id)?;
                Some(Entry {
                    presentation: Presentation::new(item, seed),
                    item: item.clone(),
                    lesson_id: lesson.meta.id.clone(),
                })
            })
            .collect();
        if entries.is_empty() {
            self.message = Some(Msg::ReviewEmpty.text(self.lang).to_string());
            return;
        }
        let title = Msg::ReviewTitle.text(self.lang).to_string();
        self.push(Screen::Quiz(Box::new(QuizScreen::new(
            title,
            QuizMode::Review,
            entries,
        ))));
    }

    pub(super) fn update_quiz(&mut self, action: Action) {
        let page_rows = i32::from(self.size.1.saturating_sub(CHROME_ROWS + 1)).max(1);
        let input = match action {
            Action::Back => {
                self.pop();
                return;
            }
            Action::Move(delta) => QuizInput::Move(delta),
            Action::Pick(n) => QuizInput::Pick(n),
            Action::Toggle => QuizInput::Toggle,
            Action::Shift(delta) => QuizInput::Shift(delta),
            Action::TextChar(c) => QuizInput::Char(c),
            Action::TextBackspace => QuizInput::Backspace,
            Action::Submit | Action::Open => QuizInput::Submit,
            Action::PageDown => QuizInput::Scroll(page_rows),
            Action::PageUp => QuizInput::Scroll(-page_rows),
            Action::ClickRow(row) => return self.click_quiz(usize::from(row)),
            _ => return,
        };
        let Screen::Quiz(quiz) = &mut self.screen else {
            return;
        };
        let mode = quiz.mode.label();
        let asking = quiz.phase == crate::tui::quiz_screen::Phase::Asking;
        let answered = quiz.handle(input);
        if input == QuizInput::Submit && asking && answered.is_none() {
            self.message = Some(Msg::QuizIncomplete.text(self.lang).to_string());
        }
        if let Some(answered) = answered {
            let answer = NewAnswer {
                item_id: &answered.item_id,
                lesson_id: &answered.lesson_id,
                answer: &answered.answer,
                correct: answered.correct,
                duration_ms: answered.duration_ms,
                mode,
            };
            let recorded = self
                .progress
                .as_mut()
                .map(|store| store.record_answer(&answer, Utc::now()));
            if let Some(result) = recorded {
                self.progress_problem = result.err().map(|err| err.to_string());
            }
        }
        // Paging moves the view on its own; other keys bring the cursor into view.
        if !matches!(input, QuizInput::Scroll(_)) {
            self.keep_quiz_cursor_visible();
        } else {
            let max = self.quiz_max_scroll();
            if let Screen::Quiz(quiz) = &mut self.screen {
                quiz.scroll = quiz.scroll.min(max);
            }
        }
    }

    /// A click on a quiz option selects it; a click on the selected one answers.
    fn click_quiz(&mut self, row: usize) {
        let width = usize::from(self.size.0.saturating_sub(2));
        let lang = self.lang;
        let Screen::Quiz(quiz) = &mut self.screen else {
            return;
        };
        let (page, cursor) = quiz.page(lang, width);
        let line = quiz.scroll + row;
        let Some(Some(target)) = page.targets.get(line) else {
            return;
        };
        let target = *target;
        let chosen = matches!(&quiz.input, crate::tui::quiz_screen::Input::Choice { chosen, .. } if chosen.contains(&target));
        let on_cursor =
            chosen && cursor.is_some_and(|c| page.targets.get(c) == Some(&Some(target)));
        if !matches!(quiz.input, crate::tui::quiz_screen::Input::Choice { .. }) {
            quiz.handle(QuizInput::Point(target));
        } else if on_cursor {
            self.update_quiz(Action::Toggle);
            if !matches!(quiz_multiple(self), Some(true)) {
                self.update_quiz(Action::Submit);
            }
        } else {
            self.update_quiz(Action::Pick(target));
        }
    }

    /// The last scroll position that still shows text.
    fn quiz_max_scroll(&self) -> usize {
        let width = usize::from(self.size.0.saturating_sub(2));
        let rows = usize::from(self.size.1.saturating_sub(CHROME_ROWS)).max(1);
        match &self.screen {
            Screen::Quiz(quiz) => quiz
                .page(self.lang, width)
                .0
                .lines
                .len()
                .saturating_sub(rows),
            _ => 0,
        }
    }

    /// Scrolls the quiz page so the cursor's line is on screen.
    pub(super) fn keep_quiz_cursor_visible(&mut self) {
        let width = usize::from(self.size.0.saturating_sub(2));
        let rows = usize::from(self.size.1.saturating_sub(CHROME_ROWS)).max(1);
        let lang = self.lang;
        let Screen::Quiz(quiz) = &mut self.screen else {
            return;
        };
        let (page, cursor) = quiz.page(lang, width);
        let max = page.lines.len().saturating_sub(rows);
        if let Some(line) = cursor {
            if line < quiz.scroll {
                quiz.scroll = line.saturating_sub(1);
            } else if line >= quiz.scroll + rows {
                quiz.scroll = line + 1 - rows;
            }
        }
        quiz.scroll = quiz.scroll.min(max);
    }
}

/// Whether the current quiz item is multiple choice.
fn quiz_multiple(app: &App) -> Option<bool> {
    match &app.screen {
        Screen::Quiz(quiz) => quiz
            .current()
            .map(|entry| matches!(entry.item.answer, crate::content::Answer::Multiple(_))),
        _ => None,
    }
}
