//! Per-lesson progress: what `progress show`, the course map and team reports
//! print. Computed from [`Facts`], which come either from the learner's own
//! database or from an exported file, so both agree by construction.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::error::ProgressError;
use super::store::{DueItem, LessonState, Store};
use crate::content::Course;
use crate::i18n::Lang;

/// What the course holds for one lesson: the denominators of a summary.
/// Exports carry it so a report needs no course of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonOutline {
    pub id: String,
    pub title: String,
    pub quiz_items: Vec<OutlineItem>,
    pub exercises: Vec<String>,
}

/// A quiz item of the outline, with its prompt for reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutlineItem {
    pub id: String,
    pub prompt: String,
}

/// The course's lessons as summaries count them, titles and prompts in `lang`.
pub fn outline(course: &Course, lang: Lang) -> Vec<LessonOutline> {
    course
        .lessons()
        .iter()
        .filter_map(|set| set.get(lang).map(|l| (set, l.lesson)))
        .map(|(set, lesson)| LessonOutline {
            id: set.id.clone(),
            title: lesson.meta.title.clone(),
            quiz_items: lesson
                .quiz
                .iter()
                .map(|item| OutlineItem {
                    id: item.id.clone(),
                    prompt: item.prompt.clone(),
                })
                .collect(),
            exercises: course
                .exercises()
                .iter()
                .filter(|e| e.lesson == set.id)
                .map(|e| e.id.clone())
                .collect(),
        })
        .collect()
}

/// The recorded progress a summary is computed from.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub lessons: Vec<LessonState>,
    /// Each item's latest answer: (item, lesson, correct).
    pub latest: Vec<(String, String, bool)>,
    /// Exercises passed at least once: (exercise, lesson).
    pub passed: Vec<(String, String)>,
    pub due: Vec<DueItem>,
}

impl Facts {
    /// Reads the facts from the learner's database.
    pub fn load(store: &Store, now: DateTime<Utc>) -> Result<Facts, ProgressError> {
        Ok(Facts {
            lessons: store.lesson_states()?,
            latest: store.latest_answers()?,
            passed: store.passed_exercises()?,
            due: store.due_items(now)?,
        })
    }
}

/// How far the learner has read a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReadStatus {
    New,
    InProgress,
    Done,
}

/// One lesson's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LessonSummary {
    pub lesson_id: String,
    pub title: String,
    pub read: ReadStatus,
    /// Items whose latest answer is right.
    pub quiz_correct: usize,
    /// Items answered at least once.
    pub quiz_answered: usize,
    pub quiz_total: usize,
    pub exercises_passed: usize,
    pub exercises_total: usize,
    pub due: usize,
}

impl LessonSummary {
    /// The quiz score in percent of the lesson's items, once any is answered.
    pub fn quiz_percent(&self) -> Option<u32> {
        (self.quiz_answered > 0 && self.quiz_total > 0).then(|| {
            let percent = self.quiz_correct * 100 / self.quiz_total;
            u32::try_from(percent).unwrap_or(100)
        })
    }
}

/// Summarizes every lesson of the outline, in its order.
pub fn summarize(outline: &[LessonOutline], facts: &Facts) -> Vec<LessonSummary> {
    outline
        .iter()
        .map(|lesson| {
            let state = facts.lessons.iter().find(|s| s.lesson_id == lesson.id);
            let read = match state {
                None => ReadStatus::New,
                Some(s) if s.finished_at.is_some() => ReadStatus::Done,
                Some(_) => ReadStatus::InProgress,
            };
            let latest = |item: &OutlineItem| {
                facts
                    .latest
                    .iter()
                    .find(|(id, _, _)| *id == item.id)
                    .map(|(_, _, correct)| *correct)
            };
            let answers: Vec<bool> = lesson.quiz_items.iter().filter_map(latest).collect();
            LessonSummary {
                lesson_id: lesson.id.clone(),
                title: lesson.title.clone(),
                read,
                quiz_correct: answers.iter().filter(|c| **c).count(),
                quiz_answered: answers.len(),
                quiz_total: lesson.quiz_items.len(),
                exercises_passed: lesson
                    .exercises
                    .iter()
                    .filter(|ex| facts.passed.iter().any(|(id, _)| id == *ex))
                    .count(),
                exercises_total: lesson.exercises.len(),
                due: facts
                    .due
                    .iter()
                    .filter(|d| d.lesson_id == lesson.id)
                    .count(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline() -> Vec<LessonOutline> {
        let item = |id: &str| OutlineItem {
            id: id.into(),
            prompt: format!("{id}?"),
        };
        vec![
            LessonOutline {
                id: "a".into(),
                title: "A".into(),
                quiz_items: vec![item("a1"), item("a2"), item("a3")],
                exercises: vec!["ex".into()],
            },
            LessonOutline {
                id: "b".into(),
                title: "B".into(),
                quiz_items: vec![item("b1")],
                exercises: vec![],
            },
        ]
    }

    #[test]
    fn a_lesson_counts_latest_answers_passes_and_due_items() {
        let facts = Facts {
            lessons: vec![LessonState {
                lesson_id: "a".into(),
                opened_at: DateTime::default(),
                finished_at: Some(DateTime::default()),
                scroll: 3,
            }],
            latest: vec![
                ("a1".into(), "a".into(), true),
                ("a2".into(), "a".into(), false),
                ("gone".into(), "a".into(), true),
            ],
            passed: vec![("ex".into(), "a".into())],
            due: vec![DueItem {
                item_id: "a2".into(),
                lesson_id: "a".into(),
                due: DateTime::default(),
            }],
        };
        let rows = summarize(&outline(), &facts);
        assert_eq!(rows[0].read, ReadStatus::Done);
        assert_eq!(
            (
                rows[0].quiz_correct,
                rows[0].quiz_answered,
                rows[0].quiz_total
            ),
            (1, 2, 3)
        );
        assert_eq!(rows[0].quiz_percent(), Some(33));
        assert_eq!((rows[0].exercises_passed, rows[0].due), (1, 1));
        assert_eq!(rows[1].read, ReadStatus::New);
        assert_eq!(rows[1].quiz_percent(), None);
    }
}
