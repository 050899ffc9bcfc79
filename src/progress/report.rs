//! The team report: several learners' exports merged into one table of
//! learners × lessons, the quiz items the team misses most, and who has what
//! due — for a facilitator after an onboarding session.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::export::Export;
use super::summary::{LessonOutline, LessonSummary, summarize};
use crate::i18n::{Lang, Plain};

/// How many of the most-missed items the report lists.
const WEAKEST: usize = 10;

/// The merged report.
#[derive(Debug, Clone, Serialize)]
pub struct TeamReport {
    pub generated_at: DateTime<Utc>,
    pub lessons: Vec<ReportLesson>,
    pub learners: Vec<LearnerRow>,
    pub weakest_items: Vec<WeakItem>,
}

/// A lesson column of the table.
#[derive(Debug, Clone, Serialize)]
pub struct ReportLesson {
    pub id: String,
    pub title: String,
}

/// One learner's row.
#[derive(Debug, Clone, Serialize)]
pub struct LearnerRow {
    pub learner: String,
    pub file: PathBuf,
    pub exported_at: DateTime<Utc>,
    pub lessons: Vec<LessonSummary>,
    /// Items due for review at the report's time.
    pub due_items: Vec<String>,
}

/// A quiz item the team gets wrong.
#[derive(Debug, Clone, Serialize)]
pub struct WeakItem {
    pub item: String,
    pub lesson: String,
    pub prompt: String,
    pub answers: usize,
    pub wrong: usize,
    /// Learners whose latest answer to it is wrong.
    pub missed_by: Vec<String>,
}

impl WeakItem {
    fn correct_rate(&self) -> f64 {
        (self.answers - self.wrong) as f64 / self.answers.max(1) as f64
    }
}

/// Merges the exports, lessons in the order the first file lists them.
pub fn build(exports: &[(PathBuf, Export)], now: DateTime<Utc>) -> TeamReport {
    let mut outline: Vec<LessonOutline> = Vec::new();
    for (_, export) in exports {
        for lesson in &export.course {
            if !outline.iter().any(|l| l.id == lesson.id) {
                outline.push(lesson.clone());
            }
        }
    }
    let learners = exports
        .iter()
        .map(|(file, export)| {
            let facts = export.facts(now);
            LearnerRow {
                learner: export.learner.clone(),
                file: file.clone(),
                exported_at: export.exported_at,
                lessons: summarize(&outline, &facts),
                due_items: facts.due.into_iter().map(|d| d.item_id).collect(),
            }
        })
        .collect();
    TeamReport {
        generated_at: now,
        lessons: outline
            .iter()
            .map(|l| ReportLesson {
                id: l.id.clone(),
                title: l.title.clone(),
            })
            .collect(),
        learners,
        weakest_items: weakest(exports, &outline, now),
    }
}

fn weakest(
    exports: &[(PathBuf, Export)],
    outline: &[LessonOutline],
    now: DateTime<Utc>,
) -> Vec<WeakItem> {
    let mut items: BTreeMap<&str, WeakItem> = BTreeMap::new();
    for (_, export) in exports {
        for answer in &export.answers {
            let item = items.entry(&answer.item).or_insert_with(|| WeakItem {
                item: answer.item.clone(),
                lesson: answer.lesson.clone(),
                prompt: prompt_of(outline, &answer.item),
                answers: 0,
                wrong: 0,
                missed_by: Vec::new(),
            });
            item.answers += 1;
            item.wrong += usize::from(!answer.correct);
        }
        for (item, _, correct) in export.facts(now).latest {
            if let Some(weak) = items.get_mut(item.as_str()).filter(|_| !correct) {
                weak.missed_by.push(export.learner.clone());
            }
        }
    }
    let mut weak: Vec<WeakItem> = items.into_values().filter(|i| i.wrong > 0).collect();
    weak.sort_by(|a, b| {
        a.correct_rate()
            .total_cmp(&b.correct_rate())
            .then(b.answers.cmp(&a.answers))
            .then(a.item.cmp(&b.item))
    });
    weak.truncate(WEAKEST);
    weak
}

fn prompt_of(outline: &[LessonOutline], item: &str) -> String {
    outline
        .iter()
        .flat_map(|l| &l.quiz_items)
        .find(|i| i.id == item)
        .map(|i| i.prompt.clone())
        .unwrap_or_default()
}

/// The report as Markdown, for people, headings and columns in `lang`.
pub fn markdown(report: &TeamReport, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", Plain::TeamTitle.text(lang));
    let generated = report.generated_at.format("%Y-%m-%d %H:%M UTC");
    let about = Plain::TeamAbout.fill(
        lang,
        &[
            ("learners", &report.learners.len()),
            ("generated", &generated),
        ],
    );
    let _ = writeln!(out, "{about}\n");
    let mut header = format!("| {} |", Plain::ColumnLearner.text(lang));
    let mut rule = String::from("|---|");
    for lesson in &report.lessons {
        let _ = write!(header, " {} |", cell(&lesson.title));
        rule.push_str("---|");
    }
    let _ = writeln!(out, "{header}\n{rule}");
    for learner in &report.learners {
        let _ = write!(out, "| {} |", cell(&learner.learner));
        for lesson in &learner.lessons {
            let read = match lesson.read {
                super::summary::ReadStatus::Done => "✓",
                super::summary::ReadStatus::InProgress => "…",
                super::summary::ReadStatus::New => "–",
            };
            let quiz = lesson
                .quiz_percent()
                .map_or_else(|| "–".to_string(), |p| format!("{p}%"));
            let _ = write!(
                out,
                " {read} · {quiz} · {}/{} |",
                lesson.exercises_passed, lesson.exercises_total
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "\n## {}\n", Plain::WeakestItems.text(lang));
    if report.weakest_items.is_empty() {
        let _ = writeln!(out, "{}", Plain::NoneWrong.text(lang));
    } else {
        let columns = [
            Plain::ColumnItem,
            Plain::ColumnLesson,
            Plain::ColumnRight,
            Plain::ColumnMissedBy,
            Plain::ColumnPrompt,
        ];
        let names: Vec<&str> = columns.iter().map(|c| c.text(lang)).collect();
        let _ = writeln!(out, "| {} |\n|---|---|---|---|---|", names.join(" | "));
        for item in &report.weakest_items {
            let _ = writeln!(
                out,
                "| `{}` | {} | {}/{} | {} | {} |",
                item.item,
                cell(&item.lesson),
                item.answers - item.wrong,
                item.answers,
                cell(&item.missed_by.join(", ")),
                cell(&item.prompt)
            );
        }
    }
    let _ = writeln!(out, "\n## {}\n", Plain::DueForReview.text(lang));
    for learner in &report.learners {
        let due = if learner.due_items.is_empty() {
            Plain::Nothing.text(lang).to_string()
        } else {
            learner
                .due_items
                .iter()
                .map(|item| format!("`{item}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(out, "- {}: {due}", cell(&learner.learner));
    }
    out
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::export::{ExportedAnswer, SCHEMA_VERSION};
    use crate::progress::summary::OutlineItem;

    fn export(learner: &str, answers: &[(&str, bool)]) -> Export {
        Export {
            schema_version: SCHEMA_VERSION,
            kubetutor_version: "0.1.0".into(),
            exported_at: DateTime::default(),
            learner: learner.into(),
            course: vec![LessonOutline {
                id: "pods".into(),
                title: "Pods | basics".into(),
                quiz_items: ["p1", "p2"]
                    .iter()
                    .map(|id| OutlineItem {
                        id: (*id).into(),
                        prompt: format!("Prompt {id}"),
                    })
                    .collect(),
                exercises: vec![],
            }],
            lessons: vec![],
            answers: answers
                .iter()
                .map(|(item, correct)| ExportedAnswer {
                    item: (*item).into(),
                    lesson: "pods".into(),
                    answer: "a".into(),
                    correct: *correct,
                    answered_at: DateTime::default(),
                    duration_ms: 1,
                    mode: "quiz".into(),
                })
                .collect(),
            attempts: vec![],
            review: vec![],
            settings: BTreeMap::new(),
        }
    }

    #[test]
    fn merges_learners_and_ranks_the_items_missed_most() {
        let exports = vec![
            (
                PathBuf::from("a.json"),
                export("Aiko", &[("p1", false), ("p2", true)]),
            ),
            (
                PathBuf::from("b.json"),
                export("Ben", &[("p1", false), ("p1", true), ("p2", false)]),
            ),
        ];
        let report = build(&exports, Utc::now());
        assert_eq!(report.learners.len(), 2);
        assert_eq!(report.learners[0].lessons[0].quiz_percent(), Some(50));
        let order: Vec<&str> = report
            .weakest_items
            .iter()
            .map(|i| i.item.as_str())
            .collect();
        assert_eq!(order, ["p1", "p2"]);
        assert_eq!(report.weakest_items[0].missed_by, ["Aiko"]);
        let md = markdown(&report, Lang::En);
        assert!(md.contains("| Learner | Pods \\| basics |"), "{md}");
        assert!(
            md.contains("| `p1` | pods | 1/3 | Aiko | Prompt p1 |"),
            "{md}"
        );
        let ja = markdown(&report, Lang::Ja);
        assert!(ja.starts_with("# チームの学習状況\n"), "{ja}");
        assert!(ja.contains("| 受講者 | Pods \\| basics |"), "{ja}");
        assert!(
            ja.contains("| 問題 | レッスン | 正解 | 間違えた人 | 問題文 |"),
            "{ja}"
        );
        assert!(ja.contains("## 復習待ちの問題"), "{ja}");
    }
}
