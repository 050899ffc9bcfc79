//! The quiz screen: one item at a time, the learner's input for each of the
//! six kinds, feedback after each answer, and a summary. Used for a lesson's
//! quiz and for review (the items FSRS says are due, across lessons).

use std::collections::BTreeSet;
use std::time::Instant;

use crate::content::{Answer, QuizItem};
use crate::i18n::{Lang, Msg};
use crate::markdown::Role;
use crate::quiz::{self, Presentation, Response, Verdict, letter};

use super::page::{Mark, Page, PageBuilder};

/// Why the quiz was started: it decides how answers are recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizMode {
    Lesson,
    Review,
    /// No feedback until the end; ends at the deadline.
    Exam {
        deadline: chrono::DateTime<chrono::Utc>,
        pass_mark: u32,
    },
}

impl QuizMode {
    /// The `mode` recorded with each answer.
    pub fn label(&self) -> &'static str {
        match self {
            QuizMode::Lesson => "quiz",
            QuizMode::Review => "review",
            QuizMode::Exam { .. } => "exam",
        }
    }

    fn is_exam(&self) -> bool {
        matches!(self, QuizMode::Exam { .. })
    }
}

/// One item to ask, with the lesson it belongs to.
#[derive(Debug, Clone)]
pub struct Entry {
    pub item: QuizItem,
    pub lesson_id: String,
    pub presentation: Presentation,
}

/// What the learner is doing with the current item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Single or multiple choice, and true/false (two choices: true, false).
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
    Asking,
    Answered {
        response: Response,
        verdict: Verdict,
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
    pub entries: Vec<Entry>,
    pub index: usize,
    pub input: Input,
    pub phase: Phase,
    /// Whether each answered item was right, in order.
    pub results: Vec<bool>,
    pub scroll: usize,
    started: Instant,
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
}

impl QuizScreen {
    pub fn new(title: String, mode: QuizMode, entries: Vec<Entry>) -> QuizScreen {
        let mut screen = QuizScreen {
            title,
            mode,
            entries,
            index: 0,
            input: Input::Text(String::new()),
            phase: Phase::Asking,
            results: Vec::new(),
            scroll: 0,
            started: Instant::now(),
        };
        screen.begin_item();
        screen
    }

    /// The item being asked or explained, unless the summary is shown.
    pub fn current(&self) -> Option<&Entry> {
        match self.phase {
            Phase::Summary => None,
            _ => self.entries.get(self.index),
        }
    }

    fn begin_item(&mut self) {
        self.scroll = 0;
        self.started = Instant::now();
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

    /// Applies one input; returns the answer to record when one was given.
    pub fn handle(&mut self, input: QuizInput) -> Option<Answered> {
        match self.phase.clone() {
            Phase::Summary => {
                if let QuizInput::Move(delta) | QuizInput::Scroll(delta) = input {
                    self.scroll = self.scroll.saturating_add_signed(delta as isize);
                }
                None
            }
            Phase::Answered { .. } => {
                match input {
                    QuizInput::Submit => {
                        self.index += 1;
                        self.begin_item();
                    }
                    QuizInput::Move(delta) | QuizInput::Scroll(delta) => {
                        self.scroll = self.scroll.saturating_add_signed(delta as isize);
                    }
                    _ => {}
                }
                None
            }
            Phase::Asking => self.handle_asking(input),
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

    fn handle_asking(&mut self, input: QuizInput) -> Option<Answered> {
        let options = self.options();
        let multiple = matches!(
            self.entries.get(self.index).map(|e| &e.item.answer),
            Some(Answer::Multiple(_))
        );
        match (&mut self.input, input) {
            (_, QuizInput::Submit) => return self.submit(),
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
        match (&entry.item.answer, &self.input) {
            (Answer::Single(_), Input::Choice { chosen, cursor }) => {
                Some(Response::Single(chosen.first().copied().unwrap_or(*cursor)))
            }
            (Answer::Multiple(_), Input::Choice { chosen, .. }) => {
                (!chosen.is_empty()).then(|| Response::Multiple(chosen.clone()))
            }
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

    fn submit(&mut self) -> Option<Answered> {
        let response = self.response()?;
        let entry = self.entries.get(self.index)?;
        let verdict = quiz::check(&entry.item, &response);
        let answered = Answered {
            item_id: entry.item.id.clone(),
            lesson_id: entry.lesson_id.clone(),
            answer: response.notation(),
            correct: verdict.correct,
            duration_ms: u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX),
        };
        self.results.push(verdict.correct);
        if self.mode.is_exam() {
            self.index += 1;
            self.begin_item();
        } else {
            self.phase = Phase::Answered { response, verdict };
            self.scroll = 0;
        }
        Some(answered)
    }

    /// Ends an exam whose time ran out: what is unanswered counts as wrong.
    pub fn time_up(&mut self) {
        self.phase = Phase::Summary;
        self.scroll = 0;
    }

    /// Whether an exam is still asking.
    pub fn exam_running(&self) -> bool {
        self.mode.is_exam() && self.phase != Phase::Summary
    }

    /// Right answers so far.
    pub fn score(&self) -> usize {
        self.results.iter().filter(|r| **r).count()
    }

    /// The page for the current state at `width` columns, and the line the
    /// cursor is on (to keep it visible).
    pub fn page(&self, lang: Lang, width: usize) -> (Page, Option<usize>) {
        let mut page = PageBuilder::new(width);
        let Some(entry) = self.current() else {
            self.summary(&mut page, lang);
            return (page.finish(), None);
        };
        let item = &entry.item;
        page.markdown(&item.prompt);
        page.blank();
        let hint = match (&item.answer, &self.phase) {
            (_, Phase::Answered { .. }) => None,
            (Answer::Multiple(_), _) => Some(Msg::QuizHintMultiple),
            (Answer::Ordering(_), _) => Some(Msg::QuizHintOrdering),
            (Answer::Matching(_), _) => Some(Msg::QuizHintMatching),
            (Answer::ShortText(_), _) => Some(Msg::QuizHintText),
            _ => None,
        };
        if let Some(hint) = hint {
            page.text(hint.text(lang), Role::Note);
            page.blank();
        }
        let cursor = match &self.phase {
            Phase::Answered { response, verdict } => {
                self.feedback(&mut page, entry, response, verdict, lang);
                None
            }
            _ => self.asking(&mut page, entry, lang),
        };
        (page.finish(), cursor)
    }

    fn asking(&self, page: &mut PageBuilder, entry: &Entry, lang: Lang) -> Option<usize> {
        let mut cursor_line = None;
        let mut mark_cursor = |page: &PageBuilder, selected: bool| {
            if selected {
                cursor_line = Some(page_len(page));
            }
        };
        match (&entry.item.answer, &self.input) {
            (
                Answer::Single(choices) | Answer::Multiple(choices),
                Input::Choice { cursor, chosen },
            ) => {
                let multiple = matches!(entry.item.answer, Answer::Multiple(_));
                for (index, choice) in choices.iter().enumerate() {
                    let picked = chosen.contains(&index);
                    let box_ = match (multiple, picked) {
                        (true, true) => "[x]",
                        (true, false) => "[ ]",
                        (false, true) => "(•)",
                        (false, false) => "( )",
                    };
                    mark_cursor(page, index == *cursor);
                    page.hanging(
                        &format!("{}{} {box_} ", pointer(index == *cursor), index + 1),
                        &choice.text,
                        Role::Text,
                        mark(index == *cursor),
                        Some(index),
                    );
                }
            }
            (Answer::TrueFalse(_), Input::Choice { cursor, chosen }) => {
                for (index, label) in [Msg::QuizTrue, Msg::QuizFalse].into_iter().enumerate() {
                    let box_ = if chosen.contains(&index) {
                        "(•)"
                    } else {
                        "( )"
                    };
                    mark_cursor(page, index == *cursor);
                    page.hanging(
                        &format!("{}{} {box_} ", pointer(index == *cursor), index + 1),
                        label.text(lang),
                        Role::Text,
                        mark(index == *cursor),
                        Some(index),
                    );
                }
            }
            (Answer::ShortText(_), Input::Text(text)) => {
                page.hanging("> ", &format!("{text}▏"), Role::Code, Mark::Cursor, None);
                cursor_line = Some(page_len(page).saturating_sub(1));
            }
            (Answer::Ordering(steps), Input::Ordering { order, cursor }) => {
                for (position, step) in order.iter().enumerate() {
                    mark_cursor(page, position == *cursor);
                    page.hanging(
                        &format!("{}{}. ", pointer(position == *cursor), position + 1),
                        steps.get(*step).map_or("", String::as_str),
                        Role::Text,
                        mark(position == *cursor),
                        Some(position),
                    );
                }
            }
            (
                Answer::Matching(pairs),
                Input::Matching {
                    cursor,
                    pairs: chosen,
                },
            ) => {
                for (left, pair) in pairs.iter().enumerate() {
                    let right = chosen[left]
                        .and_then(|r| {
                            let position = entry.presentation.order.iter().position(|o| *o == r)?;
                            Some(format!("{} {}", position + 1, pairs.get(r)?.right))
                        })
                        .unwrap_or_else(|| "…".to_string());
                    mark_cursor(page, left == *cursor);
                    page.hanging(
                        &format!("{}{} ", pointer(left == *cursor), letter(left)),
                        &format!("{} → {right}", pair.left),
                        Role::Text,
                        mark(left == *cursor),
                        Some(left),
                    );
                }
                page.blank();
                for (position, right) in entry.presentation.order.iter().enumerate() {
                    page.hanging(
                        &format!("{} ", position + 1),
                        pairs.get(*right).map_or("", |p| p.right.as_str()),
                        Role::Code,
                        Mark::Plain,
                        None,
                    );
                }
            }
            _ => {}
        }
        cursor_line
    }

    fn feedback(
        &self,
        page: &mut PageBuilder,
        entry: &Entry,
        response: &Response,
        verdict: &Verdict,
        lang: Lang,
    ) {
        let (headline, headline_mark) = if verdict.correct {
            (Msg::QuizRight, Mark::Right)
        } else {
            (Msg::QuizWrong, Mark::Wrong)
        };
        page.hanging(
            "",
            headline.text(lang),
            Role::Heading(2),
            headline_mark,
            None,
        );
        page.blank();
        match &entry.item.answer {
            Answer::Single(choices) | Answer::Multiple(choices) => {
                let chosen: BTreeSet<usize> = match response {
                    Response::Single(i) => BTreeSet::from([*i]),
                    Response::Multiple(set) => set.clone(),
                    _ => BTreeSet::new(),
                };
                for (index, choice) in choices.iter().enumerate() {
                    let picked = chosen.contains(&index);
                    let (sign, line_mark) = match (choice.correct, picked) {
                        (true, _) => ("✓", Mark::Right),
                        (false, true) => ("✗", Mark::Wrong),
                        (false, false) => (" ", Mark::Plain),
                    };
                    let you = if picked { "▸" } else { " " };
                    page.hanging(
                        &format!("{you}{sign} "),
                        &choice.text,
                        Role::Text,
                        line_mark,
                        None,
                    );
                    if verdict.wrong_choices.contains(&index)
                        || verdict.missed_choices.contains(&index)
                    {
                        page.hanging("     ", &choice.why, Role::Note, Mark::Plain, None);
                    }
                }
            }
            Answer::TrueFalse(answer) => {
                let right = if *answer {
                    Msg::QuizTrue
                } else {
                    Msg::QuizFalse
                };
                page.hanging(
                    &format!("{} ", Msg::QuizAnswerIs.text(lang)),
                    right.text(lang),
                    Role::Text,
                    Mark::Right,
                    None,
                );
            }
            Answer::ShortText(accept) => {
                if let Response::ShortText(text) = response {
                    let line_mark = if verdict.correct {
                        Mark::Right
                    } else {
                        Mark::Wrong
                    };
                    page.hanging("▸ ", text, Role::Code, line_mark, None);
                }
                page.hanging(
                    &format!("{} ", Msg::QuizAccepted.text(lang)),
                    &accept.join(" · "),
                    Role::Text,
                    Mark::Right,
                    None,
                );
            }
            Answer::Ordering(steps) => {
                page.text(Msg::QuizCorrectOrder.text(lang), Role::Marker);
                for (index, step) in steps.iter().enumerate() {
                    page.hanging(
                        &format!("{}. ", index + 1),
                        step,
                        Role::Text,
                        Mark::Right,
                        None,
                    );
                }
                if let Response::Ordering(order) = response
                    && !verdict.correct
                {
                    page.blank();
                    page.text(Msg::QuizYourOrder.text(lang), Role::Marker);
                    for (position, step) in order.iter().enumerate() {
                        let line_mark = if verdict.wrong_positions.contains(&position) {
                            Mark::Wrong
                        } else {
                            Mark::Plain
                        };
                        page.hanging(
                            &format!("{}. ", position + 1),
                            steps.get(*step).map_or("", String::as_str),
                            Role::Text,
                            line_mark,
                            None,
                        );
                    }
                }
            }
            Answer::Matching(pairs) => {
                let chosen = match response {
                    Response::Matching(chosen) => chosen.clone(),
                    _ => Vec::new(),
                };
                for (left, pair) in pairs.iter().enumerate() {
                    let wrong = verdict.wrong_positions.contains(&left);
                    let mut text = format!("{} → {}", pair.left, pair.right);
                    if wrong
                        && let Some(Some(given)) = chosen.get(left)
                        && let Some(given) = pairs.get(*given)
                    {
                        text.push_str(&format!(
                            "  ({} {})",
                            Msg::QuizYouChose.text(lang),
                            given.right
                        ));
                    }
                    page.hanging(
                        &format!("{} ", letter(left)),
                        &text,
                        Role::Text,
                        if wrong { Mark::Wrong } else { Mark::Right },
                        None,
                    );
                }
            }
        }
        page.blank();
        page.markdown(&entry.item.explanation);
    }

    fn summary(&self, page: &mut PageBuilder, lang: Lang) {
        if let QuizMode::Exam { pass_mark, .. } = self.mode {
            self.exam_summary(page, lang, pass_mark);
            return;
        }
        let total = self.results.len();
        page.hanging(
            "",
            &format!("{} {}/{}", Msg::QuizSummary.text(lang), self.score(), total),
            Role::Heading(2),
            Mark::Plain,
            None,
        );
        page.blank();
        for (entry, right) in self.entries.iter().zip(&self.results) {
            let (sign, line_mark) = if *right {
                ("✓ ", Mark::Right)
            } else {
                ("✗ ", Mark::Wrong)
            };
            let prompt = entry.item.prompt.lines().next().unwrap_or_default();
            page.hanging(sign, prompt, Role::Text, line_mark, None);
        }
        page.blank();
        let note = if self.results.iter().all(|r| *r) {
            Msg::QuizAllRight
        } else {
            Msg::QuizReviewNote
        };
        page.text(note.text(lang), Role::Note);
    }
}

impl QuizScreen {
    /// The end of an exam: score against the pass mark, the score per
    /// lesson, and every missed item with its right answer and explanation.
    fn exam_summary(&self, page: &mut PageBuilder, lang: Lang, pass_mark: u32) {
        let total = self.entries.len();
        let score = self.score();
        let percent = score * 100 / total.max(1);
        let passed = percent >= pass_mark as usize;
        let (verdict, verdict_mark) = if passed {
            (Msg::ExamPassed, Mark::Right)
        } else {
            (Msg::ExamNotPassed, Mark::Wrong)
        };
        page.hanging(
            "",
            &format!(
                "{} {score}/{total} ({percent}%) · {}",
                Msg::QuizSummary.text(lang),
                verdict.text(lang)
            ),
            Role::Heading(2),
            verdict_mark,
            None,
        );
        page.blank();
        let mut lessons: Vec<(&str, usize, usize)> = Vec::new();
        for (index, entry) in self.entries.iter().enumerate() {
            let right = self.results.get(index).copied().unwrap_or(false);
            match lessons.iter_mut().find(|(id, _, _)| *id == entry.lesson_id) {
                Some(row) => {
                    row.1 += usize::from(right);
                    row.2 += 1;
                }
                None => lessons.push((&entry.lesson_id, usize::from(right), 1)),
            }
        }
        for (lesson, right, asked) in lessons {
            page.hanging(
                "  ",
                &format!("{lesson}: {right}/{asked}"),
                Role::Text,
                Mark::Plain,
                None,
            );
        }
        for (index, entry) in self.entries.iter().enumerate() {
            if self.results.get(index).copied().unwrap_or(false) {
                continue;
            }
            page.blank();
            page.hanging("✗ ", &entry.item.prompt, Role::Text, Mark::Wrong, None);
            page.hanging(
                &format!("  {} ", Msg::PlainRightAnswer.text(lang)),
                &crate::exam::report::expected(&entry.item),
                Role::Text,
                Mark::Right,
                None,
            );
            page.hanging("  ", &entry.item.explanation, Role::Note, Mark::Plain, None);
        }
    }
}

fn page_len(page: &PageBuilder) -> usize {
    page.len()
}

/// The text mark of the line under the cursor, so it shows without colour
/// and to screen readers too.
fn pointer(selected: bool) -> &'static str {
    if selected { "›" } else { " " }
}

fn mark(selected: bool) -> Mark {
    if selected { Mark::Cursor } else { Mark::Plain }
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
mod tests {
    use super::*;
    use crate::content::{Choice, Pair};

    fn entry(id: &str, answer: Answer) -> Entry {
        let item = QuizItem {
            id: id.into(),
            prompt: format!("Prompt {id}?"),
            explanation: "Because.".into(),
            misconception: false,
            answer,
        };
        Entry {
            presentation: Presentation::new(&item, 1),
            item,
            lesson_id: "l".into(),
        }
    }

    fn choices(correct: &[bool]) -> Vec<Choice> {
        correct
            .iter()
            .enumerate()
            .map(|(i, c)| Choice {
                text: format!("option {i}"),
                correct: *c,
                why: format!("why {i}"),
            })
            .collect()
    }

    fn quiz(entries: Vec<Entry>) -> QuizScreen {
        QuizScreen::new("T".into(), QuizMode::Lesson, entries)
    }

    #[test]
    fn single_choice_by_digit_arrows_and_enter() {
        let mut q = quiz(vec![entry(
            "s",
            Answer::Single(choices(&[false, true, false])),
        )]);
        assert_eq!(
            q.handle(QuizInput::Submit).map(|a| a.correct),
            Some(false),
            "cursor on 1"
        );
        assert_eq!(q.results, [false]);
        let mut q = quiz(vec![entry(
            "s",
            Answer::Single(choices(&[false, true, false])),
        )]);
        q.handle(QuizInput::Move(1));
        let answered = q.handle(QuizInput::Submit).unwrap();
        assert_eq!((answered.answer.as_str(), answered.correct), ("b", true));
        let mut q = quiz(vec![entry(
            "s",
            Answer::Single(choices(&[false, true, false])),
        )]);
        q.handle(QuizInput::Pick(2));
        assert_eq!(q.handle(QuizInput::Submit).unwrap().answer, "c");
        assert!(matches!(q.phase, Phase::Answered { .. }));
        q.handle(QuizInput::Submit);
        assert_eq!(q.phase, Phase::Summary);
    }

    #[test]
    fn multiple_choice_toggles_and_needs_a_choice() {
        let mut q = quiz(vec![entry(
            "m",
            Answer::Multiple(choices(&[true, false, true])),
        )]);
        assert_eq!(q.handle(QuizInput::Submit), None, "nothing chosen yet");
        q.handle(QuizInput::Toggle);
        q.handle(QuizInput::Pick(2));
        q.handle(QuizInput::Pick(1));
        q.handle(QuizInput::Pick(1));
        let answered = q.handle(QuizInput::Submit).unwrap();
        assert_eq!((answered.answer.as_str(), answered.correct), ("a,c", true));
    }

    #[test]
    fn true_false_and_short_text_with_japanese_input() {
        let mut q = quiz(vec![
            entry("tf", Answer::TrueFalse(false)),
            entry("t", Answer::ShortText(vec!["クラスター".into()])),
        ]);
        q.handle(QuizInput::Pick(1));
        assert_eq!(q.handle(QuizInput::Submit).unwrap().answer, "false");
        q.handle(QuizInput::Submit);
        assert!(q.typing());
        assert_eq!(
            q.handle(QuizInput::Submit),
            None,
            "empty text is not an answer"
        );
        for c in "クラスタ x".chars() {
            q.handle(QuizInput::Char(c));
        }
        q.handle(QuizInput::Backspace);
        q.handle(QuizInput::Backspace);
        q.handle(QuizInput::Char('ー'));
        let answered = q.handle(QuizInput::Submit).unwrap();
        assert_eq!(
            (answered.answer.as_str(), answered.correct),
            ("クラスター", true)
        );
    }

    #[test]
    fn ordering_moves_the_selected_step() {
        let steps: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let mut q = quiz(vec![entry("o", Answer::Ordering(steps))]);
        let Input::Ordering { order, .. } = q.input.clone() else {
            panic!("ordering input")
        };
        assert_ne!(order, [0, 1, 2], "shown shuffled");
        // Sort by moving steps: selection sort with Shift moves.
        for target in 0..3 {
            let Input::Ordering { order, .. } = q.input.clone() else {
                unreachable!()
            };
            let from = order.iter().position(|s| *s == target).unwrap();
            q.handle(QuizInput::Move(-5));
            q.handle(QuizInput::Move(from as i32));
            for _ in target..from {
                q.handle(QuizInput::Shift(-1));
            }
        }
        let answered = q.handle(QuizInput::Submit).unwrap();
        assert_eq!(
            (answered.answer.as_str(), answered.correct),
            ("1,2,3", true)
        );
    }

    #[test]
    fn matching_pairs_by_number_and_arrows() {
        let pairs = ["x", "y", "z"]
            .iter()
            .map(|s| Pair {
                left: s.to_string(),
                right: s.to_uppercase(),
            })
            .collect();
        let mut q = quiz(vec![entry("p", Answer::Matching(pairs))]);
        let order = q.entries[0].presentation.order.clone();
        assert_eq!(q.handle(QuizInput::Submit), None, "unpaired items");
        for left in 0..3 {
            let position = order.iter().position(|r| *r == left).unwrap();
            q.handle(QuizInput::Pick(position));
        }
        q.handle(QuizInput::Point(2));
        q.handle(QuizInput::Shift(1));
        q.handle(QuizInput::Shift(-1));
        let answered = q.handle(QuizInput::Submit).unwrap();
        assert_eq!(
            (answered.answer.as_str(), answered.correct),
            ("a-1,b-2,c-3", true)
        );
    }

    #[test]
    fn feedback_explains_chosen_wrong_options() {
        let mut q = quiz(vec![entry("s", Answer::Single(choices(&[false, true])))]);
        q.handle(QuizInput::Submit);
        let (page, _) = q.page(Lang::En, 60);
        let text: Vec<String> = page.lines.iter().map(|l| l.plain_text()).collect();
        assert!(text.iter().any(|l| l.contains("Not quite")), "{text:#?}");
        assert!(text.iter().any(|l| l.trim() == "why 0"), "{text:#?}");
        assert!(text.iter().any(|l| l.contains("Because.")), "{text:#?}");
    }
}
