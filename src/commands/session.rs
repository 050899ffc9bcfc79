//! The plain, line-oriented quiz and exam: items printed as text, answers
//! read one line at a time (from a terminal, over ssh, from a screen reader
//! or from a pipe), and the quiz sheet for paper sessions.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::content::{Answer, Course, QuizItem};
use crate::exam::report::expected;
use crate::exam::{Clock, GivenAnswer, Session, SessionKind};
use crate::i18n::{Lang, Msg};
use crate::markdown::sanitize;
use crate::quiz::{self, Presentation, letter, parse_response};

/// One read from the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Text(String),
    /// The input ended (Ctrl-D, end of a piped file, closed terminal).
    Eof,
    /// No answer before the deadline.
    TimedOut,
}

/// Where answers come from; waits at most `timeout` when one is given.
pub trait LineSource {
    fn next_line(&mut self, timeout: Option<Duration>) -> Line;
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every item was answered.
    Finished,
    TimeUp,
    /// The input ended first.
    Stopped,
}

/// An item as plain text: position, prompt, the parts in their shown order
/// and how to answer.
pub fn item_text(item: &QuizItem, presentation: &Presentation, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", clean(&item.prompt));
    match &item.answer {
        Answer::Single(choices) | Answer::Multiple(choices) => {
            for (index, choice) in choices.iter().enumerate() {
                let _ = writeln!(out, "  {}) {}", letter(index), clean(&choice.text));
            }
        }
        Answer::TrueFalse(_) | Answer::ShortText(_) => {}
        Answer::Ordering(steps) => {
            for (position, step) in presentation.order.iter().enumerate() {
                let _ = writeln!(out, "  {}. {}", position + 1, clean(&steps[*step]));
            }
        }
        Answer::Matching(pairs) => {
            for (index, pair) in pairs.iter().enumerate() {
                let _ = writeln!(out, "  {}) {}", letter(index), clean(&pair.left));
            }
            let _ = writeln!(out);
            for (position, right) in presentation.order.iter().enumerate() {
                let _ = writeln!(out, "  {}. {}", position + 1, clean(&pairs[*right].right));
            }
        }
    }
    let how = match &item.answer {
        Answer::Single(_) => Msg::PlainSingle,
        Answer::Multiple(_) => Msg::PlainMultiple,
        Answer::TrueFalse(_) => Msg::PlainTrueFalse,
        Answer::ShortText(_) => Msg::PlainText,
        Answer::Ordering(_) => Msg::PlainOrdering,
        Answer::Matching(_) => Msg::PlainMatching,
    };
    let _ = writeln!(out, "({})", how.text(lang));
    out
}

/// Feedback after an answer: right or wrong, why each chosen wrong option
/// is wrong, the right answer and the explanation.
pub fn feedback_text(item: &QuizItem, response: &quiz::Response, lang: Lang) -> String {
    let verdict = quiz::check(item, response);
    let mut out = String::new();
    let headline = if verdict.correct {
        Msg::PlainRight
    } else {
        Msg::PlainWrong
    };
    let _ = writeln!(out, "{}", headline.text(lang));
    if let Answer::Single(choices) | Answer::Multiple(choices) = &item.answer {
        for index in verdict.wrong_choices.iter().chain(&verdict.missed_choices) {
            if let Some(choice) = choices.get(*index) {
                let _ = writeln!(
                    out,
                    "  {}) {}: {}",
                    letter(*index),
                    clean(&choice.text),
                    clean(&choice.why)
                );
            }
        }
    }
    if !verdict.correct {
        let _ = writeln!(
            out,
            "{} {}",
            Msg::PlainRightAnswer.text(lang),
            clean(&expected(item))
        );
    }
    let _ = writeln!(out, "{}", clean(&item.explanation));
    out
}

fn clean(text: &str) -> String {
    sanitize(text.trim_end())
}

fn minutes_seconds(left: Duration) -> String {
    let seconds = left.as_secs();
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Asks every unanswered item of `session`, calling `answered` after each
/// answer (to record and save it). Quizzes give feedback at once; exams keep
/// it for the end.
pub fn run(
    session: &mut Session,
    course: &Course,
    lang: Lang,
    input: &mut dyn LineSource,
    out: &mut dyn Write,
    clock: &dyn Clock,
    answered: &mut dyn FnMut(&Session, usize, &GivenAnswer),
) -> io::Result<Ending> {
    while let Some(index) = session.next_unanswered() {
        let now = clock.now();
        if session.expired(now) {
            writeln!(out, "{}", Msg::PlainTimeUp.text(lang))?;
            return Ok(Ending::TimeUp);
        }
        let Some((item, presentation)) = session.item(course, lang, index) else {
            // An item the course no longer has: count it as unanswered.
            session.answers[index] = Some(GivenAnswer {
                answer: String::new(),
                correct: false,
                answered_at: now,
                duration_ms: 0,
            });
            continue;
        };
        let header = question_header(session, course, lang, index, now);
        writeln!(out, "\n{header}")?;
        write!(out, "{}", item_text(item, &presentation, lang))?;
        let asked = clock.now();
        let response = loop {
            write!(out, "> ")?;
            out.flush()?;
            match input.next_line(session.time_left(clock.now())) {
                Line::Eof => {
                    writeln!(out)?;
                    return Ok(Ending::Stopped);
                }
                Line::TimedOut => {
                    writeln!(out, "\n{}", Msg::PlainTimeUp.text(lang))?;
                    return Ok(Ending::TimeUp);
                }
                Line::Text(text) => match parse_response(item, &presentation, &text) {
                    Ok(response) => break response,
                    Err(problem) => {
                        writeln!(out, "{} {problem}", Msg::PlainCannotRead.text(lang))?;
                    }
                },
            }
        };
        let now = clock.now();
        let verdict = quiz::check(item, &response);
        let given = GivenAnswer {
            answer: response.notation(),
            correct: verdict.correct,
            answered_at: now,
            duration_ms: u64::try_from((now - asked).num_milliseconds()).unwrap_or(0),
        };
        if !session.record(index, given.clone()) {
            writeln!(out, "{}", Msg::PlainTimeUp.text(lang))?;
            return Ok(Ending::TimeUp);
        }
        answered(session, index, &given);
        if session.kind == SessionKind::Quiz {
            write!(out, "{}", feedback_text(item, &response, lang))?;
        }
    }
    Ok(Ending::Finished)
}

/// The line above an item: its number, the lesson it comes from and, in a
/// timed exam, the time left, so a learner who only hears or reads the text
/// knows where they are.
fn question_header(
    session: &Session,
    course: &Course,
    lang: Lang,
    index: usize,
    now: DateTime<Utc>,
) -> String {
    let lesson = course
        .lessons()
        .iter()
        .find(|set| set.id == session.items[index].lesson)
        .and_then(|set| set.get(lang))
        .map_or_else(String::new, |l| l.lesson.meta.title.clone());
    let mut header = Msg::PlainQuestion
        .text(lang)
        .replace("{n}", &(index + 1).to_string())
        .replace("{total}", &session.items.len().to_string());
    header.push_str(&format!(" · {}", clean(&lesson)));
    if let Some(left) = session.time_left(now) {
        header.push_str(&format!(
            " · {} {}",
            Msg::PlainTimeLeft.text(lang),
            minutes_seconds(left)
        ));
    }
    header
}

/// A Markdown sheet of the session's items for a paper quiz: numbered
/// items, lettered choices; with `answers`, the key with explanations.
pub fn sheet(session: &Session, course: &Course, lang: Lang, answers: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# kubetutor quiz (seed {})\n", session.seed);
    for index in 0..session.items.len() {
        let Some((item, presentation)) = session.item(course, lang, index) else {
            continue;
        };
        let text = item_text(item, &presentation, lang);
        let mut lines = text.lines();
        let _ = writeln!(out, "{}. {}", index + 1, lines.next().unwrap_or_default());
        for line in lines {
            let _ = writeln!(out, "   {line}");
        }
        let _ = writeln!(out);
    }
    if answers {
        let _ = writeln!(out, "## Answer key\n");
        for index in 0..session.items.len() {
            let Some((item, presentation)) = session.item(course, lang, index) else {
                continue;
            };
            let _ = writeln!(
                out,
                "{}. **{}** — {}\n",
                index + 1,
                key(item, &presentation),
                clean(&item.explanation)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
    }
    out
}

/// The answer as the sheet asks for it: letters, numbers in shown order.
fn key(item: &QuizItem, presentation: &Presentation) -> String {
    let shown = |file_index: usize| {
        presentation
            .order
            .iter()
            .position(|o| *o == file_index)
            .map_or(0, |p| p + 1)
    };
    match &item.answer {
        Answer::Single(choices) | Answer::Multiple(choices) => choices
            .iter()
            .enumerate()
            .filter(|(_, c)| c.correct)
            .map(|(i, _)| letter(i).to_string())
            .collect::<Vec<_>>()
            .join(","),
        Answer::TrueFalse(value) => value.to_string(),
        Answer::ShortText(accept) => accept.first().cloned().unwrap_or_default(),
        Answer::Ordering(steps) => (0..steps.len())
            .map(|i| shown(i).to_string())
            .collect::<Vec<_>>()
            .join(" "),
        Answer::Matching(pairs) => (0..pairs.len())
            .map(|i| format!("{}{}", letter(i), shown(i)))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use chrono::{DateTime, Utc};

    use super::*;
    use crate::content::PackSource;
    use crate::exam::{SessionSpec, report::SessionReport};

    /// A clock the answers move forward.
    struct FakeClock(Cell<DateTime<Utc>>);

    impl Clock for FakeClock {
        fn now(&self) -> DateTime<Utc> {
            self.0.get()
        }
    }

    /// Answers that each take `think` seconds of the fake clock.
    struct Scripted<'a> {
        lines: Vec<&'static str>,
        clock: &'a FakeClock,
        think: i64,
    }

    impl LineSource for Scripted<'_> {
        fn next_line(&mut self, timeout: Option<Duration>) -> Line {
            let think = chrono::Duration::seconds(self.think);
            if timeout.is_some_and(|t| think.to_std().unwrap_or_default() > t) {
                self.clock.0.set(
                    self.clock.0.get()
                        + chrono::Duration::from_std(timeout.unwrap_or_default())
                            .unwrap_or_default(),
                );
                return Line::TimedOut;
            }
            self.clock.0.set(self.clock.0.get() + think);
            if self.lines.is_empty() {
                return Line::Eof;
            }
            Line::Text(self.lines.remove(0).to_string())
        }
    }

    fn exam(minutes: u32) -> (Course, Session, FakeClock) {
        let course = Course::load(&PackSource::BuiltIn).unwrap();
        let start = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let spec = SessionSpec {
            kind: SessionKind::Exam,
            lessons: vec!["dns-policy".into()],
            count: Some(4),
            seed: 3,
            minutes: Some(minutes),
            pass_mark: 50,
        };
        let mut session = Session::start(&course, &spec, start).unwrap();
        // Four true/false items, so one scripted answer fits every item.
        session.items = course
            .lessons()
            .iter()
            .filter_map(|set| set.get(Lang::En))
            .flat_map(|l| {
                l.lesson
                    .quiz
                    .iter()
                    .filter(|q| matches!(q.answer, Answer::TrueFalse(_)))
                    .map(|q| crate::exam::SessionItem {
                        item: q.id.clone(),
                        lesson: l.lesson.meta.id.clone(),
                    })
            })
            .take(4)
            .collect();
        session.answers = vec![None; 4];
        (course, session, FakeClock(Cell::new(start)))
    }

    /// An answer every true/false item accepts.
    const ANY: &str = "t";

    #[test]
    fn the_exam_ends_when_the_time_runs_out() {
        let (course, mut session, clock) = exam(1);
        let mut input = Scripted {
            lines: vec![ANY; 4],
            clock: &clock,
            think: 25,
        };
        let mut out = Vec::new();
        let mut recorded = 0;
        let ending = run(
            &mut session,
            &course,
            Lang::En,
            &mut input,
            &mut out,
            &clock,
            &mut |_, _, _| recorded += 1,
        )
        .unwrap();
        assert_eq!(ending, Ending::TimeUp);
        assert_eq!(recorded, 2, "two answers fit in the minute");
        assert_eq!(session.answers.iter().filter(|a| a.is_some()).count(), 2);
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("time left 1:00"), "{text}");
        assert!(text.contains("time left 0:35"), "{text}");
        assert!(text.contains("Time is up"), "{text}");
        let report = SessionReport::build(&session, &course, Lang::En, "A", clock.now(), true);
        assert!(report.time_up);
        assert_eq!(
            report.items.iter().filter(|i| i.answer.is_none()).count(),
            2
        );
        assert!(
            report
                .items
                .iter()
                .filter(|i| i.answer.is_none())
                .all(|i| !i.correct)
        );
    }

    #[test]
    fn an_exam_gives_no_feedback_until_the_end() {
        let (course, mut session, clock) = exam(30);
        let mut input = Scripted {
            lines: vec!["nonsense", ANY, ANY, ANY, ANY],
            clock: &clock,
            think: 5,
        };
        let mut out = Vec::new();
        let ending = run(
            &mut session,
            &course,
            Lang::En,
            &mut input,
            &mut out,
            &clock,
            &mut |_, _, _| {},
        )
        .unwrap();
        assert_eq!(ending, Ending::Finished);
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("Could not read that answer"), "{text}");
        assert!(
            !text.contains("Right.") && !text.contains("Not quite."),
            "{text}"
        );
    }
}
