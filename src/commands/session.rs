//! The plain, line-oriented quiz and exam: items printed as text, answers
//! read one line at a time (from a terminal, over ssh, from a screen reader
//! or from a pipe). An empty line skips an item until the others are done.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::content::{Answer, Course, QuizItem};
use crate::exam::report::expected;
use crate::exam::{Clock, GivenAnswer, Session, SessionKind};
use crate::i18n::{Lang, Plain};
use crate::markdown::sanitize;
use crate::quiz::{self, Presentation, Response, letter, parse_response};

/// One read from the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Text(String),
    /// The input ended (Ctrl-D, end of a piped file, closed terminal).
    Eof,
    /// Ctrl-C: stop now, keeping what was answered.
    Interrupted,
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
    /// The input ended or the learner pressed Ctrl-C first.
    Stopped,
}

/// An item as plain text: the prompt, the parts in their shown order with
/// the letters and numbers the answer uses, and how to answer.
pub fn item_text(item: &QuizItem, presentation: &Presentation, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", clean(&item.prompt));
    match &item.answer {
        Answer::Single(choices) | Answer::Multiple(choices) => {
            for (position, index) in presentation.order.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "  {}) {}",
                    letter(position),
                    clean(&choices[*index].text)
                );
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
    let last = letter(presentation.order.len().saturating_sub(1));
    let how = match &item.answer {
        Answer::Single(_) => Plain::Single.fill(lang, &[("last", &last)]),
        Answer::Multiple(_) => Plain::Multiple.fill(lang, &[("last", &last)]),
        Answer::TrueFalse(_) => Plain::TrueFalse.text(lang).to_string(),
        Answer::ShortText(_) => Plain::Text.text(lang).to_string(),
        Answer::Ordering(_) => Plain::Ordering.text(lang).to_string(),
        Answer::Matching(_) => Plain::Matching.text(lang).to_string(),
    };
    let _ = writeln!(out, "({how} · {})", Plain::SkipHint.text(lang));
    out
}

/// Feedback after an answer: right or wrong, why each chosen wrong option
/// (and each missed right one) is so, the right answer and the explanation;
/// letters are those shown.
pub fn feedback_text(
    item: &QuizItem,
    presentation: &Presentation,
    response: &Response,
    lang: Lang,
) -> String {
    let verdict = quiz::check(item, response);
    let mut out = String::new();
    let headline = if verdict.correct {
        Plain::Right
    } else {
        Plain::Wrong
    };
    let _ = writeln!(out, "{}", headline.text(lang));
    if let Answer::Single(choices) | Answer::Multiple(choices) = &item.answer {
        for index in verdict.wrong_choices.iter().chain(&verdict.missed_choices) {
            if let Some(choice) = choices.get(*index) {
                let _ = writeln!(
                    out,
                    "  {}) {}: {}",
                    letter(presentation.position(*index)),
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
            Plain::RightAnswer.text(lang),
            clean(&expected(item, presentation, lang))
        );
    }
    let _ = writeln!(out, "{}", clean(&item.explanation));
    out
}

pub(crate) fn clean(text: &str) -> String {
    sanitize(text.trim_end())
}

fn minutes_seconds(left: Duration) -> String {
    let seconds = left.as_secs();
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// What reading one item's answer came to.
enum Read {
    Answer(Response),
    Skip,
    End(Ending),
}

/// Asks every unanswered item of `session`, calling `answered` after each
/// answer (to record and save it) with the answer as the session keeps it
/// and the response itself. Quizzes give feedback at once; exams keep it
/// for the end. An empty line puts an item off until the others are done.
pub fn run(
    session: &mut Session,
    course: &Course,
    lang: Lang,
    input: &mut dyn LineSource,
    out: &mut dyn Write,
    clock: &dyn Clock,
    answered: &mut dyn FnMut(&Session, usize, &GivenAnswer, &Response),
) -> io::Result<Ending> {
    while let Some(index) = session.next_unanswered() {
        let now = clock.now();
        if session.expired(now) {
            writeln!(out, "{}", Plain::TimeUp.text(lang))?;
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
        let response = match read_answer(session, item, &presentation, lang, input, out, clock)? {
            Read::Answer(response) => response,
            Read::Skip => {
                session.skip(index);
                writeln!(out, "{}", Plain::Skipped.text(lang))?;
                continue;
            }
            Read::End(ending) => return Ok(ending),
        };
        let now = clock.now();
        let verdict = quiz::check(item, &response);
        let given = GivenAnswer {
            answer: response.shown(&presentation),
            correct: verdict.correct,
            answered_at: now,
            duration_ms: u64::try_from((now - asked).num_milliseconds()).unwrap_or(0),
        };
        if !session.record(index, given.clone()) {
            writeln!(out, "{}", Plain::TimeUp.text(lang))?;
            return Ok(Ending::TimeUp);
        }
        answered(session, index, &given, &response);
        if session.kind == SessionKind::Quiz {
            write!(
                out,
                "{}",
                feedback_text(item, &presentation, &response, lang)
            )?;
        }
    }
    Ok(Ending::Finished)
}

/// Reads lines until one is an answer to `item`, an empty line (skip), or
/// the input, the learner or the clock ends the session.
fn read_answer(
    session: &Session,
    item: &QuizItem,
    presentation: &Presentation,
    lang: Lang,
    input: &mut dyn LineSource,
    out: &mut dyn Write,
    clock: &dyn Clock,
) -> io::Result<Read> {
    loop {
        write!(out, "> ")?;
        out.flush()?;
        match input.next_line(session.time_left(clock.now())) {
            Line::Eof | Line::Interrupted => {
                writeln!(out)?;
                return Ok(Read::End(Ending::Stopped));
            }
            Line::TimedOut => {
                writeln!(out, "\n{}", Plain::TimeUp.text(lang))?;
                return Ok(Read::End(Ending::TimeUp));
            }
            Line::Text(text) if text.trim().is_empty() => return Ok(Read::Skip),
            Line::Text(text) => match parse_response(item, presentation, &text) {
                Ok(response) => return Ok(Read::Answer(response)),
                Err(problem) => writeln!(
                    out,
                    "{} {}",
                    Plain::CannotRead.text(lang),
                    problem.message(lang)
                )?,
            },
        }
    }
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
    let mut header = Plain::Question.fill(
        lang,
        &[("n", &(index + 1)), ("total", &session.items.len())],
    );
    header.push_str(&format!(" · {}", clean(&lesson)));
    if let Some(left) = session.time_left(now) {
        header.push_str(&format!(
            " · {} {}",
            Plain::TimeLeft.text(lang),
            minutes_seconds(left)
        ));
    }
    header
}

/// What an exam says before its first item (or when it resumes): items,
/// time, pass mark, no feedback until the end, how to skip and to stop.
pub fn exam_intro(session: &Session, lang: Lang, resumed: bool) -> String {
    let time = match session.minutes {
        Some(n) => Plain::Minutes.fill(lang, &[("n", &n)]),
        None => Plain::NoTimeLimit.text(lang).to_string(),
    };
    let mut out = Plain::ExamIntro.fill(
        lang,
        &[
            ("items", &session.items.len()),
            ("time", &time),
            ("pass", &session.pass_mark),
        ],
    );
    out.push('\n');
    out.push_str(Plain::ExamIntroKeys.text(lang));
    out.push('\n');
    if resumed {
        let started = session.started_at.format("%Y-%m-%d %H:%M UTC");
        out.push_str(&Plain::Resuming.fill(
            lang,
            &[
                ("started", &started),
                ("answered", &session.answered()),
                ("total", &session.items.len()),
            ],
        ));
        out.push('\n');
    }
    out
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

    /// Runs the session on `input` and returns how it ended and what it printed.
    fn play(
        session: &mut Session,
        course: &Course,
        lang: Lang,
        input: &mut dyn LineSource,
        clock: &FakeClock,
        answered: &mut dyn FnMut(&Session, usize, &GivenAnswer, &Response),
    ) -> (Ending, String) {
        let mut out = Vec::new();
        let ending = run(session, course, lang, input, &mut out, clock, answered).unwrap();
        (ending, String::from_utf8(out).unwrap())
    }

    #[test]
    fn the_exam_ends_when_the_time_runs_out() {
        let (course, mut session, clock) = exam(1);
        let mut input = Scripted {
            lines: vec![ANY; 4],
            clock: &clock,
            think: 25,
        };
        let mut recorded = 0;
        let (ending, text) = play(
            &mut session,
            &course,
            Lang::En,
            &mut input,
            &clock,
            &mut |_, _, _, _| recorded += 1,
        );
        assert_eq!(ending, Ending::TimeUp);
        assert_eq!(recorded, 2, "two answers fit in the minute");
        assert_eq!(session.answers.iter().filter(|a| a.is_some()).count(), 2);
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
    fn an_empty_line_skips_and_the_item_comes_back_last() {
        let (course, mut session, clock) = exam(30);
        let first = session.items[0].item.clone();
        let mut input = Scripted {
            lines: vec!["", ANY, ANY, ANY, ANY],
            clock: &clock,
            think: 5,
        };
        let mut order = Vec::new();
        let (ending, text) = play(
            &mut session,
            &course,
            Lang::En,
            &mut input,
            &clock,
            &mut |s, index, _, _| order.push(s.items[index].item.clone()),
        );
        assert_eq!(ending, Ending::Finished);
        assert_eq!(order.len(), 4);
        assert_eq!(order[3], first, "the skipped item came back at the end");
        assert!(
            text.contains("Skipped: it comes back at the end."),
            "{text}"
        );
        assert_eq!(text.matches("Question 1 of 4").count(), 2, "{text}");
    }

    /// Answers that end with Ctrl-C.
    struct Interrupting(Vec<Line>);

    impl LineSource for Interrupting {
        fn next_line(&mut self, _: Option<Duration>) -> Line {
            if self.0.is_empty() {
                Line::Eof
            } else {
                self.0.remove(0)
            }
        }
    }

    #[test]
    fn ctrl_c_stops_with_what_was_answered_and_japanese_hints() {
        let (course, mut session, clock) = exam(30);
        let mut input = Interrupting(vec![
            Line::Text("たぶん".into()),
            Line::Text("ｔ".into()),
            Line::Interrupted,
        ]);
        let (ending, text) = play(
            &mut session,
            &course,
            Lang::Ja,
            &mut input,
            &clock,
            &mut |_, _, _, _| {},
        );
        assert_eq!(ending, Ending::Stopped);
        assert_eq!(session.answered(), 1, "the full-width ｔ counts as t");
        assert!(text.contains("問題 1 / 4"), "{text}");
        assert!(
            text.contains("その答えは読み取れませんでした: 正しい（t）か誤り（f）で答えてください"),
            "{text}"
        );
        assert!(
            text.contains("正しければ t、誤りなら f で答えてください"),
            "{text}"
        );
    }

    #[test]
    fn the_single_choice_prompt_names_the_letters_in_japanese() {
        let course = Course::load(&PackSource::BuiltIn).unwrap();
        let item = course
            .lessons()
            .iter()
            .filter_map(|set| set.get(Lang::Ja))
            .flat_map(|l| l.lesson.quiz.iter())
            .find(|q| matches!(&q.answer, Answer::Single(c) if c.len() == 4))
            .unwrap();
        let shown = Presentation::new(item, 1);
        let text = item_text(item, &shown, Lang::Ja);
        assert!(text.contains("記号（a〜d）で答えてください"), "{text}");
        let problem = parse_response(item, &shown, "e").unwrap_err();
        assert_eq!(
            problem.message(Lang::Ja),
            "a〜d の記号を1つ入力してください"
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
        let (ending, text) = play(
            &mut session,
            &course,
            Lang::En,
            &mut input,
            &clock,
            &mut |_, _, _, _| {},
        );
        assert_eq!(ending, Ending::Finished);
        assert!(text.contains("Could not read that answer"), "{text}");
        assert!(
            !text.contains("Right.") && !text.contains("Not quite."),
            "{text}"
        );
    }
}
