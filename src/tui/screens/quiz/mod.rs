//! The quiz screen: one item at a time, the learner's input for each of the
//! six kinds, feedback after each answer, and a summary. Used for a lesson's
//! quiz, for review (the items FSRS says are due, across lessons) and for a
//! timed exam (no feedback until the end).

mod intro;
mod page;
mod start;
mod update;
mod view;

pub(crate) use start::{start_exam, start_quiz, start_review};

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode::{Backspace, Char, Enter, Esc, Left, Right, Tab};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Nav, ScreenState};
use crate::content::{Answer, QuizItem};
use crate::exam::{self, GivenAnswer};
use crate::i18n::Msg;
use crate::progress::ReviewOutlook;
use crate::quiz::{self, Marking, Presentation, Response};
use crate::tui::action::Action;
use crate::tui::app::{App, Shared};
use crate::tui::keymap::{
    BACK, Binding, Context, DOWN, HELP_KEY, PAGE_DOWN, PAGE_UP, SCROLL_DOWN, SCROLL_UP, UP, bind,
};
use crate::tui::message::Message;

/// Tab puts the item off: it comes back after the others.
const SKIP: Binding = bind(&[Tab], "Tab", Action::Skip, Msg::ActionSkip);

pub(crate) const INTRO_KEYS: &[Binding] = &[
    bind(&[Enter], "Enter", Action::Submit, Msg::ActionStart),
    SCROLL_UP,
    SCROLL_DOWN,
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
    BACK,
];

pub(crate) const RESUME_KEYS: &[Binding] = &[
    bind(&[Enter], "Enter", Action::Submit, Msg::ActionContinue),
    bind(&[Char('n')], "n", Action::NewExam, Msg::ActionNewExam),
    SCROLL_UP,
    SCROLL_DOWN,
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
    BACK,
];

pub(crate) const CHOICE_KEYS: &[Binding] = &[
    UP,
    DOWN,
    bind(&[Char('1')], "1–9", Action::Pick(0), Msg::ActionSelect),
    bind(&[Char(' ')], "Space", Action::Toggle, Msg::ActionToggle),
    bind(&[Enter], "Enter", Action::Submit, Msg::ActionAnswer),
    SKIP,
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
    BACK,
];

pub(crate) const TEXT_KEYS: &[Binding] = &[
    bind(&[Enter], "Enter", Action::Submit, Msg::ActionAnswer),
    bind(
        &[Backspace],
        "Backspace",
        Action::TextBackspace,
        Msg::ActionDelete,
    ),
    SKIP,
    PAGE_DOWN,
    PAGE_UP,
    bind(&[Esc], "Esc", Action::Back, Msg::ActionBack),
];

pub(crate) const ORDERING_KEYS: &[Binding] = &[
    UP,
    DOWN,
    bind(
        &[Char('K')],
        "Shift+↑↓/JK",
        Action::Shift(-1),
        Msg::ActionMoveItem,
    ),
    bind(&[Char('J')], "", Action::Shift(1), Msg::ActionMoveItem),
    bind(&[Enter], "Enter", Action::Submit, Msg::ActionAnswer),
    SKIP,
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
    BACK,
];

pub(crate) const MATCHING_KEYS: &[Binding] = &[
    UP,
    DOWN,
    bind(&[Char('1')], "1–9", Action::Pick(0), Msg::ActionSelect),
    bind(&[Right, Char('l')], "←→", Action::Shift(1), Msg::ActionPair),
    bind(&[Left, Char('h')], "", Action::Shift(-1), Msg::ActionPair),
    bind(&[Enter], "Enter", Action::Submit, Msg::ActionAnswer),
    SKIP,
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
    BACK,
];

pub(crate) const FEEDBACK_KEYS: &[Binding] = &[
    bind(
        &[Enter, Char(' '), Char('n'), Right],
        "Enter",
        Action::Submit,
        Msg::ActionNext,
    ),
    SCROLL_UP,
    SCROLL_DOWN,
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
    BACK,
];

pub(crate) const SUMMARY_KEYS: &[Binding] = &[
    bind(
        &[Enter, Esc, Char('q')],
        "Enter",
        Action::Back,
        Msg::ActionBack,
    ),
    SCROLL_UP,
    SCROLL_DOWN,
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
];

/// Why the quiz was started: it decides how answers are recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizMode {
    Lesson,
    /// The items due, with what its introduction tells: the next due time
    /// and the new items per lesson.
    Review(Box<ReviewOutlook>),
    /// No feedback until the end; ends at the deadline. The session is the
    /// same model `kubetutor exam` keeps (and the same saved file), so both
    /// choose, time, score and resume an exam alike.
    Exam(Box<exam::Session>),
}

impl QuizMode {
    /// The `mode` recorded with each answer.
    pub fn label(&self) -> &'static str {
        match self {
            QuizMode::Lesson => "quiz",
            QuizMode::Review(_) => "review",
            QuizMode::Exam(_) => "exam",
        }
    }

    fn is_exam(&self) -> bool {
        matches!(self, QuizMode::Exam(_))
    }
}

/// One item to ask, with the lesson it belongs to.
#[derive(Debug, Clone)]
pub struct Question {
    pub item: QuizItem,
    pub lesson_id: String,
    pub presentation: Presentation,
}

/// What the learner is doing with the current item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Single or multiple choice, and true/false (two choices: true, false);
    /// the cursor and the chosen options are screen positions.
    Choice {
        cursor: usize,
        chosen: BTreeSet<usize>,
    },
    Text(String),
    /// Steps in screen order (file indices); the cursor is a screen position.
    Ordering {
        order: Vec<usize>,
        cursor: usize,
    },
    /// For each left item, the chosen right item (file index).
    Matching {
        cursor: usize,
        pairs: Vec<Option<usize>>,
    },
}

/// Where the screen is in the item's life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// Before an exam or a review: what it holds and how it goes; Enter starts.
    Intro,
    Asking,
    Answered {
        response: Response,
        verdict: Marking,
    },
    Summary,
}

/// An answer to record in the progress store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub item_id: String,
    pub lesson_id: String,
    pub answer: String,
    pub correct: bool,
    pub duration_ms: u64,
}

/// The quiz screen's state.
#[derive(Debug, Clone)]
pub struct QuizScreen {
    pub title: String,
    pub mode: QuizMode,
    pub entries: Vec<Question>,
    pub index: usize,
    pub input: Input,
    pub phase: Phase,
    /// Whether each answered item was right, in order (an exam keeps its
    /// answers in its session).
    pub results: Vec<bool>,
    pub scroll: usize,
    /// An exam that was saved before (by the tutor or `kubetutor exam`) and
    /// is continued: its clock has been running since it started.
    pub resumed: bool,
    /// When the current item (or the introduction) was shown, for the time
    /// an answer took.
    started: DateTime<Utc>,
}

/// The learner's intent on the quiz screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizInput {
    Move(i32),
    /// A digit: choose option n (from 0) / pair the selected left item with right n.
    Pick(usize),
    Toggle,
    /// Move the selected step (ordering) or change the paired right item (matching).
    Shift(i32),
    Char(char),
    Backspace,
    /// Enter: answer, or go on after feedback.
    Submit,
    Scroll(i32),
    /// A click: put the cursor on option, step or left item n.
    Point(usize),
    /// Tab: put the item off until the others are answered.
    Skip,
}

impl QuizScreen {
    /// A quiz of `entries`, its first item shown at `now`; an exam or a
    /// review shows its introduction first.
    pub fn new(
        title: String,
        mode: QuizMode,
        entries: Vec<Question>,
        now: DateTime<Utc>,
    ) -> QuizScreen {
        let mut screen = QuizScreen {
            title,
            mode,
            entries,
            index: 0,
            input: Input::Text(String::new()),
            phase: Phase::Intro,
            results: Vec::new(),
            scroll: 0,
            resumed: false,
            started: now,
        };
        if screen.mode == QuizMode::Lesson {
            screen.begin_item(now);
        }
        screen
    }

    /// The item being asked or explained, unless the introduction or the
    /// summary is shown.
    pub fn current(&self) -> Option<&Question> {
        match self.phase {
            Phase::Intro | Phase::Summary => None,
            _ => self.entries.get(self.index),
        }
    }

    fn begin_item(&mut self, now: DateTime<Utc>) {
        self.scroll = 0;
        self.started = now;
        let Some(entry) = self.entries.get(self.index) else {
            self.phase = Phase::Summary;
            return;
        };
        self.phase = Phase::Asking;
        self.input = match &entry.item.answer {
            Answer::Single(_) | Answer::Multiple(_) | Answer::TrueFalse(_) => Input::Choice {
                cursor: 0,
                chosen: BTreeSet::new(),
            },
            Answer::ShortText(_) => Input::Text(String::new()),
            Answer::Ordering(_) => Input::Ordering {
                order: entry.presentation.order.clone(),
                cursor: 0,
            },
            Answer::Matching(pairs) => Input::Matching {
                cursor: 0,
                pairs: vec![None; pairs.len()],
            },
        };
    }

    /// Whether keys are text for the input line.
    pub fn typing(&self) -> bool {
        matches!(self.phase, Phase::Asking) && matches!(self.input, Input::Text(_))
    }

    /// Applies one input given at `now`; returns the answer to record when
    /// one was given.
    pub fn handle(&mut self, input: QuizInput, now: DateTime<Utc>) -> Option<Answered> {
        match self.phase.clone() {
            Phase::Intro | Phase::Summary => {
                if let QuizInput::Move(delta) | QuizInput::Scroll(delta) = input {
                    self.scroll = self.scroll.saturating_add_signed(delta as isize);
                }
                None
            }
            Phase::Answered { .. } => {
                match input {
                    QuizInput::Submit => {
                        self.index += 1;
                        self.begin_item(now);
                    }
                    QuizInput::Move(delta) | QuizInput::Scroll(delta) => {
                        self.scroll = self.scroll.saturating_add_signed(delta as isize);
                    }
                    _ => {}
                }
                None
            }
            Phase::Asking => self.handle_asking(input, now),
        }
    }

    fn options(&self) -> usize {
        let Some(entry) = self.entries.get(self.index) else {
            return 0;
        };
        match &entry.item.answer {
            Answer::Single(choices) | Answer::Multiple(choices) => choices.len(),
            Answer::TrueFalse(_) => 2,
            Answer::Ordering(steps) => steps.len(),
            Answer::Matching(pairs) => pairs.len(),
            Answer::ShortText(_) => 0,
        }
    }

    fn handle_asking(&mut self, input: QuizInput, now: DateTime<Utc>) -> Option<Answered> {
        let options = self.options();
        let multiple = matches!(
            self.entries.get(self.index).map(|e| &e.item.answer),
            Some(Answer::Multiple(_))
        );
        match (&mut self.input, input) {
            (_, QuizInput::Submit) => return self.submit(now),
            (_, QuizInput::Skip) => self.skip(now),
            (_, QuizInput::Scroll(delta)) => {
                self.scroll = self.scroll.saturating_add_signed(delta as isize);
            }
            (
                Input::Choice { cursor, .. }
                | Input::Ordering { cursor, .. }
                | Input::Matching { cursor, .. },
                QuizInput::Point(n),
            ) if n < options => *cursor = n,
            (Input::Choice { cursor, chosen }, QuizInput::Move(delta)) => {
                *cursor = step(*cursor, delta, options);
                // A single answer follows the cursor, so Enter answers what is highlighted.
                if !multiple && !chosen.is_empty() {
                    *chosen = BTreeSet::from([*cursor]);
                }
            }
            (Input::Choice { cursor, chosen }, QuizInput::Pick(n)) if n < options => {
                *cursor = n;
                if multiple {
                    toggle(chosen, n);
                } else {
                    *chosen = BTreeSet::from([n]);
                }
            }
            (Input::Choice { cursor, chosen }, QuizInput::Toggle) => {
                if multiple {
                    toggle(chosen, *cursor);
                } else {
                    *chosen = BTreeSet::from([*cursor]);
                }
            }
            (Input::Text(text), QuizInput::Char(c)) if !c.is_control() => text.push(c),
            (Input::Text(text), QuizInput::Backspace) => {
                text.pop();
            }
            (Input::Ordering { cursor, .. }, QuizInput::Move(delta)) => {
                *cursor = step(*cursor, delta, options);
            }
            (Input::Ordering { order, cursor }, QuizInput::Shift(delta)) => {
                let target = step(*cursor, delta, options);
                order.swap(*cursor, target);
                *cursor = target;
            }
            (Input::Matching { cursor, .. }, QuizInput::Move(delta)) => {
                *cursor = step(*cursor, delta, options);
            }
            (Input::Matching { cursor, pairs }, QuizInput::Pick(n)) if n < options => {
                let right = self.entries[self.index].presentation.order[n];
                pairs[*cursor] = Some(right);
                *cursor = (*cursor + 1).min(options.saturating_sub(1));
            }
            (Input::Matching { cursor, pairs }, QuizInput::Shift(delta)) => {
                let order = &self.entries[self.index].presentation.order;
                let position = pairs[*cursor]
                    .and_then(|right| order.iter().position(|o| *o == right))
                    .map_or(if delta > 0 { 0 } else { options - 1 }, |p| {
                        step_around(p, delta, options)
                    });
                pairs[*cursor] = Some(order[position]);
            }
            _ => {}
        }
        None
    }

    /// The response the input stands for, when it is complete enough to answer.
    fn response(&self) -> Option<Response> {
        let entry = self.entries.get(self.index)?;
        let shown = &entry.presentation;
        match (&entry.item.answer, &self.input) {
            (Answer::Single(_), Input::Choice { chosen, cursor }) => Some(Response::Single(
                shown.file_index(chosen.first().copied().unwrap_or(*cursor)),
            )),
            (Answer::Multiple(_), Input::Choice { chosen, .. }) => (!chosen.is_empty())
                .then(|| Response::Multiple(chosen.iter().map(|p| shown.file_index(*p)).collect())),
            (Answer::TrueFalse(_), Input::Choice { chosen, cursor }) => Some(Response::TrueFalse(
                chosen.first().copied().unwrap_or(*cursor) == 0,
            )),
            (Answer::ShortText(_), Input::Text(text)) => {
                (!text.trim().is_empty()).then(|| Response::ShortText(text.clone()))
            }
            (Answer::Ordering(_), Input::Ordering { order, .. }) => {
                Some(Response::Ordering(order.clone()))
            }
            (Answer::Matching(_), Input::Matching { pairs, .. }) => pairs
                .iter()
                .all(Option::is_some)
                .then(|| Response::Matching(pairs.clone())),
            _ => None,
        }
    }

    fn submit(&mut self, now: DateTime<Utc>) -> Option<Answered> {
        let response = self.response()?;
        let entry = self.entries.get(self.index)?;
        let verdict = quiz::check(&entry.item, &response);
        let answered = Answered {
            item_id: entry.item.id.clone(),
            lesson_id: entry.lesson_id.clone(),
            answer: response.notation(),
            correct: verdict.correct,
            duration_ms: u64::try_from((now - self.started).num_milliseconds()).unwrap_or(0),
        };
        if let QuizMode::Exam(session) = &mut self.mode {
            let given = GivenAnswer {
                answer: response.shown(&entry.presentation),
                correct: answered.correct,
                answered_at: now,
                duration_ms: answered.duration_ms,
            };
            if !session.record(self.index, given) {
                self.time_up();
                return None;
            }
            self.next_exam_item(now);
        } else {
            self.results.push(verdict.correct);
            self.phase = Phase::Answered { response, verdict };
            self.scroll = 0;
        }
        Some(answered)
    }

    /// Goes on to the exam's next unanswered item (skipped ones last), or
    /// to the summary when every item is answered.
    fn next_exam_item(&mut self, now: DateTime<Utc>) {
        let next = match &self.mode {
            QuizMode::Exam(session) => session.next_unanswered(),
            _ => None,
        };
        match next {
            Some(index) => {
                self.index = index;
                self.begin_item(now);
            }
            None => self.time_up(),
        }
    }

    /// Puts the current item off: an exam asks it after the others; a
    /// quiz or a review moves it to the end of its list.
    fn skip(&mut self, now: DateTime<Utc>) {
        if let QuizMode::Exam(session) = &mut self.mode {
            session.skip(self.index);
            self.next_exam_item(now);
        } else if self.index + 1 < self.entries.len() {
            let entry = self.entries.remove(self.index);
            self.entries.push(entry);
            self.begin_item(now);
        }
    }

    /// Ends an exam whose time ran out or whose items are all answered:
    /// what is unanswered counts as wrong.
    pub fn time_up(&mut self) {
        self.phase = Phase::Summary;
        self.scroll = 0;
    }

    /// Whether an exam is still asking.
    pub fn exam_running(&self) -> bool {
        self.mode.is_exam() && matches!(self.phase, Phase::Asking | Phase::Answered { .. })
    }

    /// Right answers so far.
    pub fn score(&self) -> usize {
        match &self.mode {
            QuizMode::Exam(session) => session.score(),
            _ => self.results.iter().filter(|r| **r).count(),
        }
    }

    /// Whether item `index` was answered right.
    fn right(&self, index: usize) -> bool {
        match &self.mode {
            QuizMode::Exam(session) => session
                .answers
                .get(index)
                .is_some_and(|a| a.as_ref().is_some_and(|a| a.correct)),
            _ => self.results.get(index).copied().unwrap_or(false),
        }
    }
}

impl ScreenState for QuizScreen {
    fn context(&self) -> Context {
        match (&self.phase, &self.input) {
            (Phase::Intro, _) if self.resumed => Context::ExamResume,
            (Phase::Intro, _) => Context::QuizIntro,
            (Phase::Summary, _) => Context::QuizSummary,
            (Phase::Answered { .. }, _) => Context::QuizFeedback,
            (Phase::Asking, Input::Text(_)) => Context::QuizText,
            (Phase::Asking, Input::Ordering { .. }) => Context::QuizOrdering,
            (Phase::Asking, Input::Matching { .. }) => Context::QuizMatching,
            (Phase::Asking, Input::Choice { .. }) => Context::QuizChoice,
        }
    }

    fn update(&mut self, message: &Message, shared: &mut Shared<'_>) -> Nav {
        match message {
            Message::Action(action) => self.act(*action, shared),
            Message::Tick(_) => {
                self.exam_tick(shared);
                Nav::Stay
            }
            _ => Nav::Stay,
        }
    }

    fn resize(&mut self, shared: &mut Shared<'_>) {
        self.keep_cursor_visible(shared);
    }

    fn render(&self, area: Rect, buf: &mut Buffer, app: &App) {
        view::render(self, area, buf, app);
    }
}

fn toggle(set: &mut BTreeSet<usize>, index: usize) {
    if !set.remove(&index) {
        set.insert(index);
    }
}

/// Moves within `0..len`, stopping at the ends.
fn step(index: usize, delta: i32, len: usize) -> usize {
    index
        .saturating_add_signed(delta as isize)
        .min(len.saturating_sub(1))
}

/// Moves within `0..len`, wrapping around.
fn step_around(index: usize, delta: i32, len: usize) -> usize {
    let len = len.max(1) as i64;
    (index as i64 + i64::from(delta)).rem_euclid(len) as usize
}

#[cfg(test)]
mod tests;
