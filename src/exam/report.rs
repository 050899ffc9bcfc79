//! What a finished quiz or exam leaves behind: a report in JSON (documented
//! in docs/session-report.md), JUnit XML (one test case per item, so results
//! show in CI dashboards) or Markdown for people.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Session, SessionKind};
use crate::content::{Answer, Course, QuizItem};
use crate::i18n::{Errors, Lang, Plain};
use crate::quiz::{Presentation, letter};

/// The value of `report` that marks a session report among other JSON files.
pub const REPORT_MARK: &str = "kubetutor-session";

/// The version of the report format.
pub const REPORT_VERSION: u32 = 1;

/// A finished session, self-contained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionReport {
    pub report: String,
    pub schema_version: u32,
    pub kind: SessionKind,
    pub kubetutor_version: String,
    pub learner: String,
    pub lang: String,
    pub seed: u64,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub minutes: Option<u32>,
    /// The session ended because the time ran out.
    pub time_up: bool,
    pub pass_mark: u32,
    pub passed: bool,
    pub correct: usize,
    pub total: usize,
    pub percent: u32,
    pub lessons: Vec<LessonScore>,
    pub items: Vec<ItemResult>,
}

/// The score of one lesson's items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonScore {
    pub id: String,
    pub title: String,
    pub correct: usize,
    pub total: usize,
}

/// One item as asked and answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemResult {
    pub id: String,
    pub lesson: String,
    pub kind: String,
    pub prompt: String,
    /// The answer given, in the letters and numbers shown to the learner
    /// (the printed sheet of the same seed shows the same); `None`: not
    /// answered.
    pub answer: Option<String>,
    pub correct: bool,
    /// The right answer in words, choices with their shown letters.
    pub expected: String,
    pub explanation: String,
}

/// The right answer of an item in words; choices carry the letter they were
/// shown under in `shown` (as in the plain quiz and on the printed sheet).
pub fn expected(item: &QuizItem, shown: &Presentation, lang: Lang) -> String {
    right_answer(item, Some(shown), lang)
}

/// The right answer of an item in words, without letters: for the TUI,
/// which numbers its options instead.
pub fn expected_words(item: &QuizItem, lang: Lang) -> String {
    right_answer(item, None, lang)
}

fn right_answer(item: &QuizItem, lettered: Option<&Presentation>, lang: Lang) -> String {
    match &item.answer {
        Answer::Single(choices) | Answer::Multiple(choices) => {
            let mut right: Vec<(usize, &str)> = choices
                .iter()
                .enumerate()
                .filter(|(_, c)| c.correct)
                .map(|(i, c)| {
                    (
                        lettered.map_or(i, |shown| shown.position(i)),
                        c.text.as_str(),
                    )
                })
                .collect();
            right.sort_unstable();
            right
                .iter()
                .map(|(position, text)| match lettered {
                    Some(_) => format!("{}) {text}", letter(*position)),
                    None => (*text).to_string(),
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
        Answer::TrueFalse(true) => Plain::True.text(lang).to_string(),
        Answer::TrueFalse(false) => Plain::False.text(lang).to_string(),
        Answer::ShortText(accept) => accept.join(" / "),
        Answer::Ordering(steps) => steps.join(" → "),
        Answer::Matching(pairs) => pairs
            .iter()
            .map(|p| format!("{} → {}", p.left, p.right))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

impl SessionReport {
    /// The report of `session` as it stands.
    pub fn build(
        session: &Session,
        course: &Course,
        lang: Lang,
        learner: &str,
        finished_at: DateTime<Utc>,
        time_up: bool,
    ) -> SessionReport {
        let mut lessons: Vec<LessonScore> = Vec::new();
        let mut items = Vec::new();
        for (index, (wanted, given)) in session.items.iter().zip(&session.answers).enumerate() {
            let Some((item, shown)) = session.item(course, lang, index) else {
                continue;
            };
            let correct = given.as_ref().is_some_and(|g| g.correct);
            let title = course
                .lessons()
                .iter()
                .find(|set| set.id == wanted.lesson)
                .and_then(|set| set.get(lang))
                .map_or_else(|| wanted.lesson.clone(), |l| l.lesson.meta.title.clone());
            match lessons.iter_mut().find(|l| l.id == wanted.lesson) {
                Some(score) => {
                    score.total += 1;
                    score.correct += usize::from(correct);
                }
                None => lessons.push(LessonScore {
                    id: wanted.lesson.clone(),
                    title,
                    correct: usize::from(correct),
                    total: 1,
                }),
            }
            items.push(ItemResult {
                id: item.id.clone(),
                lesson: wanted.lesson.clone(),
                kind: item.kind().label().to_string(),
                prompt: item.prompt.clone(),
                answer: given.as_ref().map(|g| g.answer.clone()),
                correct,
                expected: expected(item, &shown, lang),
                explanation: item.explanation.clone(),
            });
        }
        let total = session.items.len();
        let correct = session.score();
        SessionReport {
            report: REPORT_MARK.to_string(),
            schema_version: REPORT_VERSION,
            kind: session.kind,
            kubetutor_version: env!("CARGO_PKG_VERSION").to_string(),
            learner: learner.to_string(),
            lang: lang.code().to_string(),
            seed: session.seed,
            started_at: session.started_at,
            finished_at,
            minutes: session.minutes,
            time_up,
            pass_mark: session.pass_mark,
            passed: session.passed(),
            correct,
            total,
            percent: u32::try_from(correct * 100 / total.max(1)).unwrap_or(100),
            lessons,
            items,
        }
    }

    /// The report as JSON.
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// The report as JUnit XML: a test suite per lesson, a test case per
    /// item, a failure for each wrong or unanswered item.
    pub fn junit(&self) -> String {
        use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
        let lang = Lang::from_code(&self.lang).unwrap_or(Lang::En);
        let name = format!("kubetutor {} ({})", self.kind.mode(), self.learner);
        let mut report = Report::new(name);
        report.set_timestamp(self.started_at);
        if let Ok(time) = (self.finished_at - self.started_at).to_std() {
            report.set_time(time);
        }
        for lesson in &self.lessons {
            let mut suite = TestSuite::new(lesson.id.clone());
            for item in self.items.iter().filter(|i| i.lesson == lesson.id) {
                let status = if item.correct {
                    TestCaseStatus::success()
                } else {
                    let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                    let message = match &item.answer {
                        Some(answer) => Errors::JunitAnswered
                            .fill(lang, &[("answer", answer), ("expected", &item.expected)]),
                        None => Errors::JunitUnanswered.fill(lang, &[("expected", &item.expected)]),
                    };
                    status
                        .set_message(message)
                        .set_type(Errors::JunitWrong.text(lang))
                        .set_description(item.explanation.clone());
                    status
                };
                let mut case = TestCase::new(item.id.clone(), status);
                case.set_classname(lesson.id.clone());
                suite.add_test_case(case);
            }
            report.add_test_suite(suite);
        }
        report.to_string().unwrap_or_default()
    }

    /// The report as Markdown, for people, in the report's language.
    pub fn markdown(&self) -> String {
        let lang = Lang::from_code(&self.lang).unwrap_or(Lang::En);
        let mut out = String::new();
        let title = match self.kind {
            SessionKind::Quiz => Plain::ReportQuiz,
            SessionKind::Exam => Plain::ReportExam,
        };
        let verdict = if self.passed {
            Plain::Passed
        } else {
            Plain::NotPassed
        };
        let time_up = if self.time_up {
            Plain::TimeRanOut.text(lang)
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "# {}\n",
            title.fill(lang, &[("learner", &self.learner)])
        );
        let started = self.started_at.format("%Y-%m-%d %H:%M UTC");
        let score = Plain::ReportScore.fill(
            lang,
            &[
                ("right", &self.correct),
                ("total", &self.total),
                ("percent", &self.percent),
                ("pass", &self.pass_mark),
                ("verdict", &verdict.text(lang)),
                ("time_up", &time_up),
                ("seed", &self.seed),
                ("started", &started),
            ],
        );
        let _ = writeln!(out, "{score}\n");
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|---|",
            Plain::ColumnLesson.text(lang),
            Plain::ColumnRight.text(lang),
            Plain::ColumnTotal.text(lang)
        );
        for lesson in &self.lessons {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(&lesson.title),
                lesson.correct,
                lesson.total
            );
        }
        self.missed_markdown(&mut out, lang);
        out
    }

    /// The missed items of the Markdown report, each with both answers.
    fn missed_markdown(&self, out: &mut String, lang: Lang) {
        let missed: Vec<&ItemResult> = self.items.iter().filter(|i| !i.correct).collect();
        if missed.is_empty() {
            return;
        }
        let _ = writeln!(out, "\n## {}\n", Plain::MissedItems.text(lang));
        for item in missed {
            let given = item
                .answer
                .as_deref()
                .unwrap_or(Plain::NotAnswered.text(lang));
            let _ = writeln!(
                out,
                "- **{}** (`{}`)\n  - {}: {given}\n  - {}: {}\n  - {}\n",
                one_line(&item.prompt),
                item.id,
                Plain::YourAnswer.text(lang),
                Plain::TheRightAnswer.text(lang),
                one_line(&item.expected),
                one_line(&item.explanation)
            );
        }
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

/// Several learners' session reports side by side: scores per lesson and
/// the items missed most, for a facilitator after a session.
#[derive(Debug, Clone, Serialize)]
pub struct SessionSummary {
    /// Lessons in the order they first appear.
    pub lessons: Vec<(String, String)>,
    pub learners: Vec<LearnerScore>,
    pub most_missed: Vec<MissedItem>,
}

/// One learner's session in the summary.
#[derive(Debug, Clone, Serialize)]
pub struct LearnerScore {
    pub learner: String,
    pub kind: SessionKind,
    pub percent: u32,
    pub passed: bool,
    /// Per lesson of the summary: (right, total), `None` when not asked.
    pub lessons: Vec<Option<(usize, usize)>>,
}

/// An item missed by some learners.
#[derive(Debug, Clone, Serialize)]
pub struct MissedItem {
    pub id: String,
    pub prompt: String,
    pub missed: usize,
    pub asked: usize,
}

/// Merges session reports.
pub fn summarize(reports: &[SessionReport]) -> SessionSummary {
    let mut lessons: Vec<(String, String)> = Vec::new();
    for report in reports {
        for lesson in &report.lessons {
            if !lessons.iter().any(|(id, _)| *id == lesson.id) {
                lessons.push((lesson.id.clone(), lesson.title.clone()));
            }
        }
    }
    let learners = reports
        .iter()
        .map(|report| LearnerScore {
            learner: report.learner.clone(),
            kind: report.kind,
            percent: report.percent,
            passed: report.passed,
            lessons: lessons
                .iter()
                .map(|(id, _)| {
                    report
                        .lessons
                        .iter()
                        .find(|l| l.id == *id)
                        .map(|l| (l.correct, l.total))
                })
                .collect(),
        })
        .collect();
    let mut items: Vec<MissedItem> = Vec::new();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for item in reports.iter().flat_map(|r| &r.items) {
        let at = *seen.entry(item.id.as_str()).or_insert_with(|| {
            items.push(MissedItem {
                id: item.id.clone(),
                prompt: one_line(&item.prompt),
                missed: 0,
                asked: 0,
            });
            items.len() - 1
        });
        let entry = &mut items[at];
        entry.asked += 1;
        entry.missed += usize::from(!item.correct);
    }
    items.retain(|m| m.missed > 0);
    items.sort_by(|a, b| b.missed.cmp(&a.missed).then(a.id.cmp(&b.id)));
    items.truncate(10);
    SessionSummary {
        lessons,
        learners,
        most_missed: items,
    }
}

impl SessionSummary {
    /// The summary as Markdown, headings and columns in `lang`.
    pub fn markdown(&self, lang: Lang) -> String {
        let mut out = format!(
            "# {}\n\n| {} | {} |",
            Plain::ResultsTitle.text(lang),
            Plain::ColumnLearner.text(lang),
            Plain::ColumnScore.text(lang)
        );
        let mut rule = String::from("|---|---|");
        for (_, title) in &self.lessons {
            let _ = write!(out, " {} |", cell(title));
            rule.push_str("---|");
        }
        let _ = writeln!(out, "\n{rule}");
        for learner in &self.learners {
            let verdict = match (learner.kind, learner.passed) {
                (SessionKind::Exam, true) => format!(" ✓ {}", Plain::Passed.text(lang)),
                (SessionKind::Exam, false) => format!(" ✗ {}", Plain::NotPassed.text(lang)),
                (SessionKind::Quiz, _) => format!(" {}", Plain::VerdictQuiz.text(lang)),
            };
            let _ = write!(
                out,
                "| {} | {}%{verdict} |",
                cell(&learner.learner),
                learner.percent
            );
            for score in &learner.lessons {
                match score {
                    Some((right, total)) => {
                        let _ = write!(out, " {right}/{total} |");
                    }
                    None => out.push_str(" – |"),
                }
            }
            out.push('\n');
        }
        if !self.most_missed.is_empty() {
            let _ = writeln!(
                out,
                "\n## {}\n\n| {} | {} | {} |\n|---|---|---|",
                Plain::MissedMost.text(lang),
                Plain::ColumnItem.text(lang),
                Plain::ColumnMissed.text(lang),
                Plain::ColumnPrompt.text(lang)
            );
            for item in &self.most_missed {
                let _ = writeln!(
                    out,
                    "| `{}` | {}/{} | {} |",
                    item.id,
                    item.missed,
                    item.asked,
                    cell(&item.prompt)
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::PackSource;
    use crate::exam::{GivenAnswer, SessionSpec};

    fn report(lang: Lang) -> SessionReport {
        let course = Course::load(&PackSource::BuiltIn).unwrap();
        let spec = SessionSpec {
            kind: SessionKind::Exam,
            lessons: vec!["workload-apis".into()],
            count: Some(3),
            seed: 9,
            minutes: Some(5),
            pass_mark: 70,
        };
        let at = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut session = Session::start(&course, &spec, at).unwrap();
        session.record(
            0,
            GivenAnswer {
                answer: "x".into(),
                correct: false,
                answered_at: at,
                duration_ms: 1,
            },
        );
        SessionReport::build(&session, &course, lang, "Aiko", at, true)
    }

    #[test]
    fn the_markdown_report_speaks_the_report_language() {
        let en = report(Lang::En).markdown();
        assert!(en.starts_with("# Exam report: Aiko\n"), "{en}");
        assert!(
            en.contains("pass mark 70%: **not passed** (time ran out)"),
            "{en}"
        );
        assert!(en.contains("| Lesson | Right | Total |"), "{en}");
        assert!(en.contains("  - your answer: x\n"), "{en}");
        assert!(en.contains("  - your answer: (not answered)\n"), "{en}");
        let ja = report(Lang::Ja).markdown();
        assert!(ja.starts_with("# 試験結果: Aiko\n"), "{ja}");
        assert!(ja.contains("合格点 70%: **不合格**（時間切れ）"), "{ja}");
        assert!(ja.contains("| レッスン | 正解 | 出題数 |"), "{ja}");
        assert!(ja.contains("## 間違えた問題"), "{ja}");
        assert!(ja.contains("  - あなたの答え: （未回答）\n"), "{ja}");
        let summary = summarize(&[report(Lang::Ja)]).markdown(Lang::Ja);
        assert!(
            summary.starts_with("# クイズと試験の結果\n\n| 受講者 | 得点 |"),
            "{summary}"
        );
        assert!(summary.contains("✗ 不合格"), "{summary}");
        assert!(summary.contains("## 間違いの多い問題"), "{summary}");
        let junit = report(Lang::Ja).junit();
        assert!(junit.contains("message=\"解答 x、正解 "), "{junit}");
        assert!(junit.contains("message=\"未解答、正解 "), "{junit}");
        assert!(junit.contains("type=\"不正解\""), "{junit}");
        assert!(
            report(Lang::En)
                .junit()
                .contains("message=\"answered x; expected ")
        );
    }

    #[test]
    fn the_expected_answer_names_the_shown_letter() {
        let course = Course::load(&PackSource::BuiltIn).unwrap();
        let item = course.lessons()[1].get(Lang::En).unwrap().lesson.quiz[0].clone();
        let Answer::Single(choices) = &item.answer else {
            panic!("a single-choice item")
        };
        let key = choices.iter().position(|c| c.correct).unwrap();
        let shown = Presentation {
            order: (0..choices.len()).rev().collect(),
        };
        let position = choices.len() - 1 - key;
        assert_eq!(
            expected(&item, &shown, Lang::En),
            format!("{}) {}", letter(position), choices[key].text)
        );
        assert_eq!(expected_words(&item, Lang::En), choices[key].text);
    }
}
