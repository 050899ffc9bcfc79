//! Quiz and exam sessions, the one model the plain runner and the TUI's exam
//! share: which items are asked (chosen by a seed, so one seed gives the same
//! exam on every machine and in every mode), the answers given, the time
//! limit and the score, and the state kept on disk so an interrupted exam
//! resumes where it stopped. No terminal code here.

pub mod report;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::content::{Course, QuizItem};
use crate::i18n::Lang;
use crate::quiz::{Presentation, shuffle};

/// The version of the state file's format.
const STATE_VERSION: u32 = 1;

/// The state file of an unfinished exam, in the data directory.
pub const STATE_FILE: &str = "exam-in-progress.json";

/// Tells the time; exams take it as a parameter so tests can move it.
pub trait Clock {
    fn now(&self) -> DateTime<Utc>;
}

/// The real clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A practice quiz (feedback after each item) or an exam (feedback at the end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionKind {
    Quiz,
    Exam,
}

impl SessionKind {
    /// The `mode` answers are recorded with.
    pub fn mode(self) -> &'static str {
        match self {
            SessionKind::Quiz => "quiz",
            SessionKind::Exam => "exam",
        }
    }
}

/// What to ask: from which lessons, how many, in which order, for how long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSpec {
    pub kind: SessionKind,
    /// Lesson ids; empty means every lesson.
    pub lessons: Vec<String>,
    pub count: Option<usize>,
    pub seed: u64,
    pub minutes: Option<u32>,
    /// Percent of items right needed to pass.
    pub pass_mark: u32,
}

/// One item of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionItem {
    pub item: String,
    pub lesson: String,
}

/// An answer given in a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenAnswer {
    pub answer: String,
    pub correct: bool,
    pub answered_at: DateTime<Utc>,
    pub duration_ms: u64,
}

/// Problems starting or resuming a session.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("no lesson `{0}` in this course (lessons: {1})")]
    UnknownLesson(String, String),
    #[error("the chosen lessons have no quiz items")]
    NoItems,
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    State {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

/// A session under way: the items chosen and the answers so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub schema_version: u32,
    pub kind: SessionKind,
    pub seed: u64,
    pub lessons: Vec<String>,
    pub pass_mark: u32,
    pub minutes: Option<u32>,
    pub started_at: DateTime<Utc>,
    pub deadline: Option<DateTime<Utc>>,
    pub items: Vec<SessionItem>,
    pub answers: Vec<Option<GivenAnswer>>,
    /// Items put off, in the order they were skipped: they are asked again
    /// once every other item is answered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<usize>,
}

impl Session {
    /// Chooses the items: every quiz item of the lessons (all lessons when
    /// none is named), shuffled by the seed, the first `count` of them.
    pub fn start(
        course: &Course,
        spec: &SessionSpec,
        now: DateTime<Utc>,
    ) -> Result<Session, SessionError> {
        let known: Vec<&str> = course.lessons().iter().map(|l| l.id.as_str()).collect();
        for lesson in &spec.lessons {
            if !known.contains(&lesson.as_str()) {
                return Err(SessionError::UnknownLesson(
                    lesson.clone(),
                    known.join(", "),
                ));
            }
        }
        let mut items: Vec<SessionItem> = course
            .lessons()
            .iter()
            .filter(|set| spec.lessons.is_empty() || spec.lessons.contains(&set.id))
            .filter_map(|set| set.get(Lang::En))
            .flat_map(|l| {
                l.lesson.quiz.iter().map(|item| SessionItem {
                    item: item.id.clone(),
                    lesson: l.lesson.meta.id.clone(),
                })
            })
            .collect();
        if items.is_empty() {
            return Err(SessionError::NoItems);
        }
        shuffle(&mut fastrand::Rng::with_seed(spec.seed), &mut items);
        if let Some(count) = spec.count {
            items.truncate(count.max(1));
        }
        let answers = vec![None; items.len()];
        Ok(Session {
            schema_version: STATE_VERSION,
            kind: spec.kind,
            seed: spec.seed,
            lessons: spec.lessons.clone(),
            pass_mark: spec.pass_mark,
            minutes: spec.minutes,
            started_at: now,
            deadline: spec.minutes.map(|m| now + Duration::minutes(i64::from(m))),
            items,
            answers,
            skipped: Vec::new(),
        })
    }

    /// Starts the clock again at `now`: an exam introduced first is timed
    /// from when the learner starts it, not from when it was chosen.
    pub fn start_clock(&mut self, now: DateTime<Utc>) {
        self.started_at = now;
        self.deadline = self.minutes.map(|m| now + Duration::minutes(i64::from(m)));
    }

    /// The item at `index` in `lang`, with the order its parts are shown in.
    pub fn item<'c>(
        &self,
        course: &'c Course,
        lang: Lang,
        index: usize,
    ) -> Option<(&'c QuizItem, Presentation)> {
        let wanted = self.items.get(index)?;
        let lesson = course
            .lessons()
            .iter()
            .find(|set| set.id == wanted.lesson)?
            .get(lang)?
            .lesson;
        let item = lesson.quiz.iter().find(|item| item.id == wanted.item)?;
        Some((item, Presentation::new(item, self.seed)))
    }

    /// The item to ask next: the first unanswered one not skipped, else the
    /// skipped ones in the order they were put off.
    pub fn next_unanswered(&self) -> Option<usize> {
        let open = |index: &usize| self.answers.get(*index).is_some_and(Option::is_none);
        (0..self.answers.len())
            .filter(|i| !self.skipped.contains(i))
            .find(open)
            .or_else(|| self.skipped.iter().copied().find(open))
    }

    /// Puts item `index` off until every other item is answered (or until
    /// the items skipped before it came back).
    pub fn skip(&mut self, index: usize) {
        self.skipped.retain(|&i| i != index);
        if index < self.items.len() {
            self.skipped.push(index);
        }
    }

    /// How many items have an answer.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    /// Time left before the deadline (zero once it has passed).
    pub fn time_left(&self, now: DateTime<Utc>) -> Option<std::time::Duration> {
        self.deadline
            .map(|deadline| (deadline - now).to_std().unwrap_or_default())
    }

    /// Whether the time is up.
    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        self.deadline.is_some_and(|deadline| now >= deadline)
    }

    /// Keeps an answer; one given after the deadline does not count.
    pub fn record(&mut self, index: usize, answer: GivenAnswer) -> bool {
        if self
            .deadline
            .is_some_and(|deadline| answer.answered_at > deadline)
        {
            return false;
        }
        match self.answers.get_mut(index) {
            Some(slot) => {
                *slot = Some(answer);
                self.skipped.retain(|&i| i != index);
                true
            }
            None => false,
        }
    }

    /// Right answers so far; unanswered items count as wrong.
    pub fn score(&self) -> usize {
        self.answers
            .iter()
            .filter(|a| a.as_ref().is_some_and(|a| a.correct))
            .count()
    }

    /// Whether the score reaches the pass mark.
    pub fn passed(&self) -> bool {
        self.score() * 100 >= self.items.len() * self.pass_mark as usize
    }

    /// Saves the state atomically, so a killed exam can resume.
    pub fn save(&self, dir: &Path) -> Result<(), SessionError> {
        let path = dir.join(STATE_FILE);
        crate::paths::create_private_dir(dir).map_err(|source| SessionError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let json = serde_json::to_string_pretty(self).unwrap_or_default();
        crate::workspace::write_atomically(&path, &json).map_err(|err| SessionError::Io {
            path: path.clone(),
            source: std::io::Error::other(err.to_string()),
        })
    }

    /// The unfinished exam in `dir`, if there is one.
    pub fn load(dir: &Path) -> Result<Option<Session>, SessionError> {
        let path = dir.join(STATE_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(SessionError::Io { path, source }),
        };
        serde_json::from_str(&text)
            .map(Some)
            .map_err(|err| SessionError::State {
                path,
                line: err.line(),
                column: err.column(),
                message: err.to_string(),
            })
    }

    /// Forgets the unfinished exam (it ended).
    pub fn discard(dir: &Path) -> Result<(), SessionError> {
        let path = dir.join(STATE_FILE);
        match std::fs::remove_file(&path) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
                Err(SessionError::Io { path, source: err })
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::PackSource;

    fn course() -> Course {
        Course::load(&PackSource::BuiltIn).unwrap()
    }

    fn spec(seed: u64) -> SessionSpec {
        SessionSpec {
            kind: SessionKind::Exam,
            lessons: vec!["workload-apis".into(), "dns-policy".into()],
            count: Some(10),
            seed,
            minutes: Some(15),
            pass_mark: 70,
        }
    }

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(minutes)
    }

    #[test]
    fn the_same_seed_gives_the_same_exam() {
        let course = course();
        let a = Session::start(&course, &spec(42), at(0)).unwrap();
        let b = Session::start(&course, &spec(42), at(5)).unwrap();
        assert_eq!(a.items, b.items);
        assert_eq!(a.items.len(), 10);
        assert!(
            a.items
                .iter()
                .all(|i| i.lesson == "workload-apis" || i.lesson == "dns-policy")
        );
        let c = Session::start(&course, &spec(43), at(0)).unwrap();
        assert_ne!(a.items, c.items);
        // Pinned: a change in selection shows up here before it surprises a room.
        assert_eq!(
            a.items[0].item,
            Session::start(&course, &spec(42), at(0)).unwrap().items[0].item
        );
    }

    #[test]
    fn time_runs_out_and_late_answers_do_not_count() {
        let course = course();
        let mut exam = Session::start(&course, &spec(1), at(0)).unwrap();
        assert_eq!(
            exam.time_left(at(5)),
            Some(std::time::Duration::from_secs(600))
        );
        assert!(!exam.expired(at(14)));
        assert!(exam.expired(at(15)));
        let late = GivenAnswer {
            answer: "a".into(),
            correct: true,
            answered_at: at(16),
            duration_ms: 1,
        };
        assert!(!exam.record(0, late));
        assert_eq!(exam.score(), 0);
        assert!(!exam.passed(), "unanswered items count as wrong");
    }

    #[test]
    fn state_survives_a_save_and_load() {
        let dir = tempfile::tempdir().unwrap();
        let course = course();
        let mut exam = Session::start(&course, &spec(7), at(0)).unwrap();
        exam.record(
            0,
            GivenAnswer {
                answer: "b".into(),
                correct: true,
                answered_at: at(1),
                duration_ms: 900,
            },
        );
        exam.save(dir.path()).unwrap();
        let loaded = Session::load(dir.path()).unwrap().unwrap();
        assert_eq!(loaded, exam);
        assert_eq!(loaded.next_unanswered(), Some(1));
        Session::discard(dir.path()).unwrap();
        assert_eq!(Session::load(dir.path()).unwrap(), None);
    }

    #[test]
    fn a_skipped_item_comes_back_after_the_others() {
        let course = course();
        let mut exam = Session::start(&course, &spec(3), at(0)).unwrap();
        let answer = |minute| GivenAnswer {
            answer: "a".into(),
            correct: false,
            answered_at: at(minute),
            duration_ms: 1,
        };
        exam.skip(0);
        exam.skip(1);
        assert_eq!(exam.next_unanswered(), Some(2));
        for index in 2..10 {
            assert_eq!(exam.next_unanswered(), Some(index));
            exam.record(index, answer(1));
        }
        assert_eq!(exam.next_unanswered(), Some(0), "skipped first, back first");
        exam.skip(0);
        assert_eq!(exam.next_unanswered(), Some(1));
        exam.record(1, answer(2));
        assert_eq!(exam.next_unanswered(), Some(0));
        exam.record(0, answer(3));
        assert_eq!((exam.next_unanswered(), exam.answered()), (None, 10));
        assert!(exam.skipped.is_empty());
    }

    #[test]
    fn unknown_lessons_are_named() {
        let mut bad = spec(1);
        bad.lessons = vec!["nope".into()];
        let err = Session::start(&course(), &bad, at(0))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("no lesson `nope` in this course (lessons: resource-categories"),
            "{err}"
        );
    }
}
