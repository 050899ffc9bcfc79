//! The portable progress file: `kubetutor progress export` writes it, `kubetutor
//! report` reads several. Its format is documented in docs/progress-format.md;
//! `schema_version` says which version of that format a file follows.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::error::ProgressError;
use super::schedule::ReviewState;
use super::store::{DueItem, LessonState, Store};
use super::summary::{Facts, LessonOutline};

/// The format version this kubetutor writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Exports beyond this size are refused unread: a learner's years of answers
/// take a few megabytes.
const MAX_EXPORT_BYTES: u64 = 256 << 20;

/// The oldest format version this kubetutor still reads.
const OLDEST_READABLE: u32 = 1;

/// One learner's progress, self-contained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub schema_version: u32,
    pub kubetutor_version: String,
    pub exported_at: DateTime<Utc>,
    pub learner: String,
    /// The course as the learner had it: the denominators of every score.
    pub course: Vec<LessonOutline>,
    pub lessons: Vec<ExportedLesson>,
    pub answers: Vec<ExportedAnswer>,
    pub attempts: Vec<ExportedAttempt>,
    pub review: Vec<ExportedCard>,
    pub settings: BTreeMap<String, String>,
}

/// A lesson the learner opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedLesson {
    pub lesson: String,
    pub opened_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub scroll: u32,
}

/// One quiz answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedAnswer {
    pub item: String,
    pub lesson: String,
    pub answer: String,
    pub correct: bool,
    pub answered_at: DateTime<Utc>,
    pub duration_ms: u64,
    pub mode: String,
}

/// One exercise attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedAttempt {
    pub exercise: String,
    pub lesson: String,
    pub attempted_at: DateTime<Utc>,
    pub passed: bool,
    pub findings: u32,
    pub submission_sha256: String,
}

/// One item's review schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedCard {
    pub item: String,
    pub lesson: String,
    pub due: DateTime<Utc>,
    pub state: ReviewState,
    pub reps: i32,
    pub lapses: i32,
    pub stability: f64,
    pub difficulty: f64,
    pub scheduled_days: i64,
    pub last_review: Option<DateTime<Utc>>,
}

impl Export {
    /// Gathers everything in the learner's database.
    pub fn build(
        store: &Store,
        course: Vec<LessonOutline>,
        learner: &str,
        now: DateTime<Utc>,
    ) -> Result<Export, ProgressError> {
        Ok(Export {
            schema_version: SCHEMA_VERSION,
            kubetutor_version: env!("CARGO_PKG_VERSION").to_string(),
            exported_at: now,
            learner: learner.to_string(),
            course,
            lessons: store
                .lesson_states()?
                .into_iter()
                .map(|s| ExportedLesson {
                    lesson: s.lesson_id,
                    opened_at: s.opened_at,
                    finished_at: s.finished_at,
                    scroll: s.scroll,
                })
                .collect(),
            answers: store
                .answers()?
                .into_iter()
                .map(|a| ExportedAnswer {
                    item: a.item_id,
                    lesson: a.lesson_id,
                    answer: a.answer,
                    correct: a.correct,
                    answered_at: a.answered_at,
                    duration_ms: a.duration_ms,
                    mode: a.mode,
                })
                .collect(),
            attempts: store
                .attempts()?
                .into_iter()
                .map(|a| ExportedAttempt {
                    exercise: a.exercise_id,
                    lesson: a.lesson_id,
                    attempted_at: a.attempted_at,
                    passed: a.passed,
                    findings: a.findings,
                    submission_sha256: a.submission_sha256,
                })
                .collect(),
            review: store
                .review_cards()?
                .into_iter()
                .map(|c| ExportedCard {
                    item: c.item_id,
                    lesson: c.lesson_id,
                    due: c.due,
                    state: c.state,
                    reps: c.reps,
                    lapses: c.lapses,
                    stability: c.stability,
                    difficulty: c.difficulty,
                    scheduled_days: c.scheduled_days,
                    last_review: c.last_review,
                })
                .collect(),
            settings: store.settings()?.into_iter().collect(),
        })
    }

    /// Reads an export file, refusing other formats with a located message.
    pub fn read(path: &Path) -> Result<Export, ProgressError> {
        let size = std::fs::metadata(path)
            .map_err(ProgressError::io(path))?
            .len();
        if size > MAX_EXPORT_BYTES {
            return Err(ProgressError::Export {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: format!(
                    "larger than {} MiB: not a progress export",
                    MAX_EXPORT_BYTES >> 20
                ),
            });
        }
        let text = std::fs::read_to_string(path).map_err(ProgressError::io(path))?;
        Export::parse(&text, path)
    }

    /// Parses an export; `path` is only for messages.
    pub fn parse(text: &str, path: &Path) -> Result<Export, ProgressError> {
        let located = |err: serde_json::Error| ProgressError::Export {
            path: path.to_path_buf(),
            line: err.line().max(1),
            column: err.column().max(1),
            message: without_position(&err),
        };
        let at_start = |message: String| ProgressError::Export {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message,
        };
        let value: serde_json::Value = serde_json::from_str(text).map_err(located)?;
        let version = match value.get("schema_version") {
            Some(serde_json::Value::Number(n)) => n.as_u64(),
            Some(_) => None,
            None => {
                return Err(at_start(
                    "not a kubetutor progress export: it has no `schema_version` (write one with `kubetutor progress export`)".into(),
                ));
            }
        };
        match version {
            Some(v) if v > u64::from(SCHEMA_VERSION) => {
                return Err(at_start(format!(
                    "written by a newer kubetutor (format version {v}; this kubetutor reads versions {OLDEST_READABLE} to {SCHEMA_VERSION}): update kubetutor to read it"
                )));
            }
            Some(v) if v >= u64::from(OLDEST_READABLE) => {}
            _ => {
                return Err(at_start(format!(
                    "unknown format version {}: this kubetutor reads versions {OLDEST_READABLE} to {SCHEMA_VERSION}",
                    value["schema_version"]
                )));
            }
        }
        // Parse the text again (not the value) so errors keep their line and column.
        serde_json::from_str(text).map_err(located)
    }

    /// The facts of this learner as of `now`, for summaries and reports.
    pub fn facts(&self, now: DateTime<Utc>) -> Facts {
        let mut latest: BTreeMap<&str, (&str, bool)> = BTreeMap::new();
        for answer in &self.answers {
            latest.insert(&answer.item, (&answer.lesson, answer.correct));
        }
        let mut passed: Vec<(String, String)> = self
            .attempts
            .iter()
            .filter(|a| a.passed)
            .map(|a| (a.exercise.clone(), a.lesson.clone()))
            .collect();
        passed.sort();
        passed.dedup();
        Facts {
            lessons: self
                .lessons
                .iter()
                .map(|l| LessonState {
                    lesson_id: l.lesson.clone(),
                    opened_at: l.opened_at,
                    finished_at: l.finished_at,
                    scroll: l.scroll,
                })
                .collect(),
            latest: latest
                .into_iter()
                .map(|(item, (lesson, correct))| (item.to_string(), lesson.to_string(), correct))
                .collect(),
            passed,
            due: self
                .review
                .iter()
                .filter(|c| c.due <= now)
                .map(|c| DueItem {
                    item_id: c.item.clone(),
                    lesson_id: c.lesson.clone(),
                    due: c.due,
                })
                .collect(),
        }
    }
}

/// serde_json's message without its " at line L column C" tail, which the
/// error puts in front as `path:line:column`.
fn without_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Export, String> {
        Export::parse(text, Path::new("team/aiko.json")).map_err(|e| e.to_string())
    }

    const MINIMAL: &str = r#"{
  "schema_version": 1,
  "kubetutor_version": "0.1.0",
  "exported_at": "2026-11-26T10:00:00Z",
  "learner": "Aiko",
  "course": [],
  "lessons": [],
  "answers": [
    {"item": "q", "lesson": "l", "answer": "b", "correct": false,
     "answered_at": "2026-11-26T09:00:00Z", "duration_ms": 1200, "mode": "quiz"},
    {"item": "q", "lesson": "l", "answer": "a", "correct": true,
     "answered_at": "2026-11-26T09:05:00Z", "duration_ms": 800, "mode": "review"}
  ],
  "attempts": [],
  "review": [],
  "settings": {}
}"#;

    #[test]
    fn reads_the_current_format_and_keeps_the_latest_answer() {
        let export = parse(MINIMAL).unwrap();
        let facts = export.facts(Utc::now());
        assert_eq!(facts.latest, vec![("q".into(), "l".into(), true)]);
    }

    #[test]
    fn other_versions_are_refused_clearly() {
        let newer = MINIMAL.replace("\"schema_version\": 1", "\"schema_version\": 7");
        assert_eq!(
            parse(&newer).unwrap_err(),
            "team/aiko.json:1:1: written by a newer kubetutor (format version 7; this kubetutor reads versions 1 to 1): update kubetutor to read it"
        );
        let zero = MINIMAL.replace("\"schema_version\": 1", "\"schema_version\": 0");
        assert!(
            parse(&zero)
                .unwrap_err()
                .contains("unknown format version 0")
        );
        let text = MINIMAL.replace("\"schema_version\": 1", "\"schema_version\": \"1\"");
        assert!(
            parse(&text)
                .unwrap_err()
                .contains("unknown format version \"1\"")
        );
        assert!(parse("{}").unwrap_err().contains("no `schema_version`"));
    }

    #[test]
    fn damaged_files_are_located() {
        assert_eq!(
            parse("{\n  \"schema_version\": 1,\n  oops\n}").unwrap_err(),
            "team/aiko.json:3:3: key must be a string"
        );
        let typo = MINIMAL.replace("\"learner\"", "\"lerner\"");
        let err = parse(&typo).unwrap_err();
        assert!(err.starts_with("team/aiko.json:5:"), "{err}");
        assert!(err.contains("unknown field `lerner`"), "{err}");
    }
}
