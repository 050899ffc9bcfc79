//! The quiz page: the item with the learner's input for its kind, the
//! feedback after an answer, the summary of a quiz, and the result of an
//! exam — built by a pure function of the state and the width, so `update`
//! can keep the cursor in view and map clicks, and the view can draw it.

use std::collections::BTreeSet;

use super::{Input, Phase, Question, QuizMode, QuizScreen};
use crate::content::{Answer, Choice, Pair};
use crate::exam::Session;
use crate::i18n::{Lang, Msg, Plain};
use crate::markdown::Role;
use crate::quiz::{Marking, Presentation, Response, letter};
use crate::tui::widgets::page::{Mark, Page, PageBuilder};

impl QuizScreen {
    /// The page for the current state at `width` columns, and the line the
    /// cursor is on (to keep it visible).
    pub fn page(&self, lang: Lang, width: usize) -> (Page, Option<usize>) {
        let mut page = PageBuilder::new(width);
        if self.phase == Phase::Intro {
            self.intro(&mut page, lang);
            return (page.finish(), None);
        }
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

    fn asking(&self, page: &mut PageBuilder, entry: &Question, lang: Lang) -> Option<usize> {
        match (&entry.item.answer, &self.input) {
            (
                Answer::Single(choices) | Answer::Multiple(choices),
                Input::Choice { cursor, chosen },
            ) => {
                let multiple = matches!(entry.item.answer, Answer::Multiple(_));
                let shown: Vec<&Choice> = entry
                    .presentation
                    .order
                    .iter()
                    .filter_map(|i| choices.get(*i))
                    .collect();
                ask_choices(page, &shown, multiple, *cursor, chosen)
            }
            (Answer::TrueFalse(_), Input::Choice { cursor, chosen }) => {
                ask_true_false(page, *cursor, chosen, lang)
            }
            (Answer::ShortText(_), Input::Text(text)) => {
                page.hanging("> ", &format!("{text}▏"), Role::Code, Mark::Cursor, None);
                Some(page_len(page).saturating_sub(1))
            }
            (Answer::Ordering(steps), Input::Ordering { order, cursor }) => {
                ask_ordering(page, steps, order, *cursor)
            }
            (
                Answer::Matching(pairs),
                Input::Matching {
                    cursor,
                    pairs: chosen,
                },
            ) => ask_matching(page, entry, pairs, chosen, *cursor),
            _ => None,
        }
    }

    fn feedback(
        &self,
        page: &mut PageBuilder,
        entry: &Question,
        response: &Response,
        verdict: &Marking,
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
                choices_feedback(page, choices, &entry.presentation, response, verdict);
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
            Answer::ShortText(accept) => text_feedback(page, accept, response, verdict, lang),
            Answer::Ordering(steps) => ordering_feedback(page, steps, response, verdict, lang),
            Answer::Matching(pairs) => matching_feedback(page, pairs, response, verdict, lang),
        }
        page.blank();
        page.markdown(&entry.item.explanation);
    }

    fn summary(&self, page: &mut PageBuilder, lang: Lang) {
        if let QuizMode::Exam(session) = &self.mode {
            self.exam_summary(page, lang, session);
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
    fn exam_summary(&self, page: &mut PageBuilder, lang: Lang, session: &Session) {
        let total = self.entries.len();
        let score = session.score();
        let percent = score * 100 / total.max(1);
        let (verdict, verdict_mark) = if session.passed() {
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
            let right = self.right(index);
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
            if self.right(index) {
                continue;
            }
            page.blank();
            page.hanging("✗ ", &entry.item.prompt, Role::Text, Mark::Wrong, None);
            page.hanging(
                &format!("  {} ", Plain::RightAnswer.text(lang)),
                &crate::exam::report::expected_words(&entry.item, lang),
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

/// The options of a single or multiple choice item in their shown order
/// while the learner picks, boxes for multiple and radio marks for single;
/// returns the cursor's line.
fn ask_choices(
    page: &mut PageBuilder,
    choices: &[&Choice],
    multiple: bool,
    cursor: usize,
    chosen: &BTreeSet<usize>,
) -> Option<usize> {
    let mut cursor_line = None;
    for (index, choice) in choices.iter().enumerate() {
        let picked = chosen.contains(&index);
        let box_ = match (multiple, picked) {
            (true, true) => "[x]",
            (true, false) => "[ ]",
            (false, true) => "(•)",
            (false, false) => "( )",
        };
        if index == cursor {
            cursor_line = Some(page_len(page));
        }
        page.hanging(
            &format!("{}{} {box_} ", pointer(index == cursor), index + 1),
            &choice.text,
            Role::Text,
            mark(index == cursor),
            Some(index),
        );
    }
    cursor_line
}

/// The two options of a true/false item, in the learner's language;
/// returns the cursor's line.
fn ask_true_false(
    page: &mut PageBuilder,
    cursor: usize,
    chosen: &BTreeSet<usize>,
    lang: Lang,
) -> Option<usize> {
    let mut cursor_line = None;
    for (index, label) in [Msg::QuizTrue, Msg::QuizFalse].into_iter().enumerate() {
        let box_ = if chosen.contains(&index) {
            "(•)"
        } else {
            "( )"
        };
        if index == cursor {
            cursor_line = Some(page_len(page));
        }
        page.hanging(
            &format!("{}{} {box_} ", pointer(index == cursor), index + 1),
            label.text(lang),
            Role::Text,
            mark(index == cursor),
            Some(index),
        );
    }
    cursor_line
}

/// The steps of an ordering item in the learner's current order; returns
/// the cursor's line.
fn ask_ordering(
    page: &mut PageBuilder,
    steps: &[String],
    order: &[usize],
    cursor: usize,
) -> Option<usize> {
    let mut cursor_line = None;
    for (position, step) in order.iter().enumerate() {
        if position == cursor {
            cursor_line = Some(page_len(page));
        }
        page.hanging(
            &format!("{}{}. ", pointer(position == cursor), position + 1),
            steps.get(*step).map_or("", String::as_str),
            Role::Text,
            mark(position == cursor),
            Some(position),
        );
    }
    cursor_line
}

/// The left items of a matching item with the partners chosen so far, then
/// the numbered right items to choose from; returns the cursor's line.
fn ask_matching(
    page: &mut PageBuilder,
    entry: &Question,
    pairs: &[Pair],
    chosen: &[Option<usize>],
    cursor: usize,
) -> Option<usize> {
    let mut cursor_line = None;
    for (left, pair) in pairs.iter().enumerate() {
        let right = chosen[left]
            .and_then(|r| {
                let position = entry.presentation.order.iter().position(|o| *o == r)?;
                Some(format!("{} {}", position + 1, pairs.get(r)?.right))
            })
            .unwrap_or_else(|| "…".to_string());
        if left == cursor {
            cursor_line = Some(page_len(page));
        }
        page.hanging(
            &format!("{}{} ", pointer(left == cursor), letter(left)),
            &format!("{} → {right}", pair.left),
            Role::Text,
            mark(left == cursor),
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
    cursor_line
}

/// Every option of a choice item in its shown order, marked right or wrong,
/// the learner's picks pointed at, and the reason under each option they got
/// wrong or missed.
fn choices_feedback(
    page: &mut PageBuilder,
    choices: &[Choice],
    shown: &Presentation,
    response: &Response,
    verdict: &Marking,
) {
    let chosen: BTreeSet<usize> = match response {
        Response::Single(i) => BTreeSet::from([*i]),
        Response::Multiple(set) => set.clone(),
        _ => BTreeSet::new(),
    };
    for &index in &shown.order {
        let Some(choice) = choices.get(index) else {
            continue;
        };
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
        if verdict.wrong_choices.contains(&index) || verdict.missed_choices.contains(&index) {
            page.hanging("     ", &choice.why, Role::Note, Mark::Plain, None);
        }
    }
}

/// The learner's typed answer, marked, and every answer that is accepted.
fn text_feedback(
    page: &mut PageBuilder,
    accept: &[String],
    response: &Response,
    verdict: &Marking,
    lang: Lang,
) {
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

/// The correct order of the steps and, after a wrong answer, the learner's
/// order with the misplaced steps marked.
fn ordering_feedback(
    page: &mut PageBuilder,
    steps: &[String],
    response: &Response,
    verdict: &Marking,
    lang: Lang,
) {
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

/// Every right pair, marked, with the learner's partner beside each pair
/// they got wrong.
fn matching_feedback(
    page: &mut PageBuilder,
    pairs: &[Pair],
    response: &Response,
    verdict: &Marking,
    lang: Lang,
) {
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
