//! The exercise screen: the instructions beside the learner's file and the
//! grading results. The file lives in the data directory; the learner edits
//! it in their own editor (`e`, or any editor in another pane) and every save
//! is graded again.

use std::path::PathBuf;

use ratatui::layout::Rect;

use crate::content::Exercise;
use crate::grade::Verdict;
use crate::i18n::{Lang, Msg};
use crate::markdown::{self, Block, Document, Role, StyledLine};
use crate::validate::Severity;

use super::page::{Mark, Page, PageBuilder};

/// Why a grading was asked for: only the learner's saves count as attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GradeReason {
    /// The screen opened (or the file was reset): shows where things stand.
    Opened,
    /// The file was saved: an attempt, recorded in the progress store.
    Saved,
}

/// A grading to run off the event loop.
#[derive(Debug, Clone)]
pub struct GradeJob {
    pub exercise: Exercise,
    pub path: PathBuf,
    pub generation: u64,
    pub reason: GradeReason,
}

/// A finished grading.
#[derive(Debug, Clone)]
pub struct Graded {
    pub exercise_id: String,
    pub generation: u64,
    pub reason: GradeReason,
    /// The file's text and its verdict, or why the file could not be used.
    pub outcome: Result<(String, Verdict), String>,
}

/// Reads and grades the learner's file (what the grading worker runs).
pub fn run_job(job: &GradeJob) -> Graded {
    let outcome = crate::workspace::Workspace::read(&job.path)
        .map(|text| {
            let verdict = job.exercise.grade(&text);
            (text, verdict)
        })
        .map_err(|err| err.to_string());
    Graded {
        exercise_id: job.exercise.id.clone(),
        generation: job.generation,
        reason: job.reason,
        outcome,
    }
}

/// Which part of the screen keys scroll, and which one a narrow screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Instructions,
    File,
    Results,
}

impl Pane {
    fn next(self) -> Pane {
        match self {
            Pane::Instructions => Pane::File,
            Pane::File => Pane::Results,
            Pane::Results => Pane::Instructions,
        }
    }
}

/// Below this width the screen shows one pane at a time.
pub const WIDE: u16 = 80;

/// Where each pane's text goes (under its one-line header); `None` for a
/// pane a narrow screen does not show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneAreas {
    pub wide: bool,
    pub instructions: Option<Rect>,
    pub file: Option<Rect>,
    pub results: Option<Rect>,
}

/// The panes of a screen of `area` (title bar and status bar included).
pub fn pane_areas(area: Rect, focus: Pane) -> PaneAreas {
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    let text = |rect: Rect| Rect {
        x: rect.x + 1,
        y: rect.y + 1,
        width: rect.width.saturating_sub(2),
        height: rect.height.saturating_sub(1),
    };
    if area.width < WIDE {
        let one = Some(text(body));
        return PaneAreas {
            wide: false,
            instructions: one.filter(|_| focus == Pane::Instructions),
            file: one.filter(|_| focus == Pane::File),
            results: one.filter(|_| focus == Pane::Results),
        };
    }
    let left_width = body.width / 2;
    let left = Rect {
        width: left_width,
        ..body
    };
    let right = Rect {
        x: body.x + left_width,
        width: body.width - left_width,
        ..body
    };
    let file_height = (right.height * 2 / 5).max(3);
    let file = Rect {
        height: file_height,
        ..right
    };
    let results = Rect {
        y: right.y + file_height,
        height: right.height.saturating_sub(file_height),
        ..right
    };
    PaneAreas {
        wide: true,
        instructions: Some(text(left)),
        file: Some(text(file)),
        results: Some(text(results)),
    }
}

/// How a result reads: a failure to fix, a warning to consider, a pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Failed,
    Warning,
    Passed,
}

impl Level {
    fn sign(self) -> &'static str {
        match self {
            Level::Failed => "✗ ",
            Level::Warning => "! ",
            Level::Passed => "✓ ",
        }
    }
}

/// One line of the results list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultItem {
    pub level: Level,
    /// `error`, `warning`, `info`, or the check id.
    pub label: String,
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// What Enter shows: the help or the failure reason and hint.
    pub detail: String,
}

/// The exercise screen's state.
#[derive(Debug, Clone)]
pub struct ExerciseScreen {
    pub exercise: Exercise,
    pub path: PathBuf,
    pub source: Option<String>,
    pub verdict: Option<Verdict>,
    /// Why the file cannot be graded, or what went wrong with the editor.
    pub problem: Option<String>,
    pub generation: u64,
    pub grading: bool,
    pub hints_shown: usize,
    /// Graded saves that did not pass, this session and before.
    pub failed_attempts: usize,
    pub passed_ever: bool,
    /// The pass banner is showing (until the next tick).
    pub celebrating: bool,
    pub focus: Pane,
    pub instructions_scroll: usize,
    pub file_scroll: usize,
    pub results_scroll: usize,
    pub selected: usize,
    /// The text last recorded as an attempt, so an unchanged save is not counted twice.
    pub last_recorded: Option<String>,
}

impl ExerciseScreen {
    pub fn new(
        exercise: Exercise,
        path: PathBuf,
        failed_attempts: usize,
        passed_ever: bool,
    ) -> ExerciseScreen {
        ExerciseScreen {
            exercise,
            path,
            source: None,
            verdict: None,
            problem: None,
            // Distinct per screen, so a grading from an earlier visit to the
            // same exercise is never taken for this one's.
            generation: u64::try_from(chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0))
                .unwrap_or(0)
                << 8,
            grading: false,
            hints_shown: 0,
            failed_attempts,
            passed_ever,
            celebrating: false,
            focus: Pane::Instructions,
            instructions_scroll: 0,
            file_scroll: 0,
            results_scroll: 0,
            selected: 0,
            last_recorded: None,
        }
    }

    /// A new grading job for the current file.
    pub fn job(&mut self, reason: GradeReason) -> GradeJob {
        self.generation += 1;
        self.grading = true;
        GradeJob {
            exercise: self.exercise.clone(),
            path: self.path.clone(),
            generation: self.generation,
            reason,
        }
    }

    /// Takes a grading result; returns whether it is an attempt to record
    /// (a save whose text differs from the last recorded one).
    pub fn graded(&mut self, graded: Graded) -> Option<(String, bool, u32)> {
        if graded.generation != self.generation {
            return None;
        }
        self.grading = false;
        match graded.outcome {
            Err(problem) => {
                self.problem = Some(problem);
                None
            }
            Ok((text, verdict)) => {
                self.problem = None;
                let passed = verdict.passed;
                let findings = verdict
                    .findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .count()
                    + verdict.checks.iter().filter(|c| !c.passed).count();
                self.source = Some(text.clone());
                self.verdict = Some(verdict);
                self.selected = 0;
                let new_text = self.last_recorded.as_deref() != Some(text.as_str());
                // What the file held when the screen opened (or was reset) is
                // the baseline: only a save that changes it is an attempt.
                if graded.reason == GradeReason::Opened && self.last_recorded.is_none() {
                    self.last_recorded = Some(text);
                    return None;
                }
                if graded.reason != GradeReason::Saved || !new_text {
                    return None;
                }
                self.last_recorded = Some(text.clone());
                if passed {
                    self.celebrating = !self.passed_ever || self.failed_attempts > 0;
                    self.passed_ever = true;
                } else {
                    self.failed_attempts += 1;
                }
                Some((text, passed, u32::try_from(findings).unwrap_or(u32::MAX)))
            }
        }
    }

    /// Switches the pane keys go to.
    pub fn next_pane(&mut self) {
        self.focus = self.focus.next();
    }

    /// The file was just reset to the starter by the tutor itself: that text
    /// is the new baseline, not an attempt.
    pub fn reset_to(&mut self, starter: &str) {
        self.last_recorded = Some(starter.to_string());
    }

    /// Keeps every scroll position within its pane's text for a screen of
    /// `size`, and the selected result in view.
    pub fn clamp_scrolls(&mut self, lang: Lang, size: (u16, u16)) {
        let area = Rect::new(0, 0, size.0, size.1);
        let wide = pane_areas(area, self.focus).wide;
        let full = |pane: Pane| {
            let areas = pane_areas(area, pane);
            let rect = match pane {
                Pane::Instructions => areas.instructions,
                Pane::File => areas.file,
                Pane::Results => areas.results,
            };
            rect.unwrap_or_default()
        };
        let instructions = full(Pane::Instructions);
        let lines = self
            .instructions_page(lang, usize::from(instructions.width))
            .lines
            .len();
        self.instructions_scroll = self
            .instructions_scroll
            .min(lines.saturating_sub(usize::from(instructions.height)));
        let file = full(Pane::File);
        let lines = self.file_lines(usize::from(file.width)).len();
        self.file_scroll = self
            .file_scroll
            .min(lines.saturating_sub(usize::from(file.height)));
        let count = self.results(lang).len();
        self.selected = self.selected.min(count.saturating_sub(1));
        if wide || self.focus == Pane::Results {
            let results = full(Pane::Results);
            let page = self.results_page(lang, usize::from(results.width));
            if let Some(line) = page.line_of(self.selected) {
                let rows = usize::from(results.height).max(1);
                if line < self.results_scroll {
                    self.results_scroll = line;
                } else if line + 3 > self.results_scroll + rows {
                    self.results_scroll = (line + 3).saturating_sub(rows);
                }
            }
            self.results_scroll = self
                .results_scroll
                .min(page.lines.len().saturating_sub(usize::from(results.height)));
        }
    }

    /// Whether the solution may be shown: after a graded save that failed.
    pub fn solution_unlocked(&self) -> bool {
        self.failed_attempts > 0
    }

    /// The results list in `lang`: failed checks, then validator errors and
    /// warnings, then passed checks.
    pub fn results(&self, lang: Lang) -> Vec<ResultItem> {
        let Some(verdict) = &self.verdict else {
            return Vec::new();
        };
        let mut items = Vec::new();
        for check in verdict.checks.iter().filter(|c| !c.passed) {
            let mut detail = check.message.get(lang).to_string();
            if let Some(reason) = &check.reason {
                detail.push_str("\n\n");
                detail.push_str(reason.get(lang));
            }
            if let Some(hint) = &check.hint {
                detail.push_str(&format!(
                    "\n\n{}: {}",
                    Msg::ExerciseHint.text(lang),
                    hint.get(lang)
                ));
            }
            items.push(ResultItem {
                level: Level::Failed,
                label: check.id.clone(),
                message: check.message.get(lang).to_string(),
                line: check.pos.map(|p| p.line),
                column: check.pos.map(|p| p.column),
                detail,
            });
        }
        for finding in &verdict.findings {
            let (label, level) = match finding.severity {
                Severity::Error => ("error", Level::Failed),
                Severity::Warning => ("warning", Level::Warning),
                Severity::Info => ("info", Level::Warning),
            };
            items.push(ResultItem {
                level,
                label: format!("{label}[{}]", finding.rule),
                message: finding.message.get(lang).to_string(),
                line: Some(finding.pos.line),
                column: Some(finding.pos.column),
                detail: format!(
                    "{}\n\n{}",
                    finding.message.get(lang),
                    finding.help.get(lang)
                ),
            });
        }
        for check in verdict.checks.iter().filter(|c| c.passed) {
            items.push(ResultItem {
                level: Level::Passed,
                label: check.id.clone(),
                message: check.message.get(lang).to_string(),
                line: None,
                column: None,
                detail: check.message.get(lang).to_string(),
            });
        }
        items
    }

    /// The instructions, with the hints revealed so far at the end.
    pub fn instructions_page(&self, lang: Lang, width: usize) -> Page {
        let mut page = PageBuilder::new(width);
        page.markdown(self.exercise.instructions.get(lang));
        let hints = self.exercise.hints.get(lang);
        for (index, hint) in hints.iter().take(self.hints_shown).enumerate() {
            page.blank();
            page.hanging(
                &format!(
                    "{} {}/{}: ",
                    Msg::ExerciseHint.text(lang),
                    index + 1,
                    hints.len()
                ),
                hint,
                Role::Note,
                Mark::Plain,
                None,
            );
        }
        page.blank();
        page.hanging(
            &format!("{} ", Msg::ExerciseFileAt.text(lang)),
            &self.path.display().to_string(),
            Role::Url,
            Mark::Plain,
            None,
        );
        page.finish()
    }

    /// The learner's file with line numbers, YAML highlighted.
    pub fn file_lines(&self, width: usize) -> Vec<StyledLine> {
        let Some(source) = &self.source else {
            return Vec::new();
        };
        let number_width = source.lines().count().max(1).to_string().len();
        let document = Document {
            blocks: vec![Block::Code {
                lang: Some("yaml".into()),
                text: source.clone(),
            }],
        };
        let room = width.saturating_sub(number_width + 3).max(1);
        let code = markdown::layout(&document, room).lines;
        code.into_iter()
            .enumerate()
            .map(|(index, mut line)| {
                let mut segments = vec![markdown::Segment {
                    text: format!("{:>number_width$} │ ", index + 1),
                    style: markdown::TextStyle::plain(Role::Marker),
                }];
                segments.append(&mut line.segments);
                StyledLine { segments }
            })
            .collect()
    }

    /// The results page: each result with the source line it points at and a
    /// caret under the column; `targets` maps lines to result indices.
    pub fn results_page(&self, lang: Lang, width: usize) -> Page {
        let mut page = PageBuilder::new(width);
        if let Some(problem) = &self.problem {
            page.hanging(
                "✗ ",
                &format!("{}: {problem}", Msg::ExerciseFileProblem.text(lang)),
                Role::Text,
                Mark::Wrong,
                None,
            );
            return page.finish();
        }
        let Some(verdict) = &self.verdict else {
            page.text(Msg::ExerciseGrading.text(lang), Role::Note);
            return page.finish();
        };
        let (headline, mark) = if verdict.passed {
            (Msg::ExercisePassed, Mark::Right)
        } else {
            (Msg::ExerciseNotYet, Mark::Wrong)
        };
        page.hanging("", headline.text(lang), Role::Heading(2), mark, None);
        let source_lines: Vec<&str> = self.source.as_deref().unwrap_or_default().lines().collect();
        for (index, item) in self.results(lang).iter().enumerate() {
            let line_mark = match (index == self.selected, item.level) {
                (true, _) => Mark::Cursor,
                (false, Level::Failed) => Mark::Wrong,
                (false, Level::Warning) => Mark::Plain,
                (false, Level::Passed) => Mark::Right,
            };
            page.hanging(
                item.level.sign(),
                &item.message,
                Role::Text,
                line_mark,
                Some(index),
            );
            if item.level == Level::Passed {
                continue;
            }
            if let (Some(line), Some(column)) = (item.line, item.column)
                && let Some(text) = source_lines.get(line.saturating_sub(1))
            {
                let number = line.to_string();
                page.hanging(
                    &format!("  {number} │ "),
                    text,
                    Role::Code,
                    Mark::Plain,
                    Some(index),
                );
                let caret_at = markdown::display_width(
                    text.char_indices()
                        .nth(column.saturating_sub(1))
                        .map_or(*text, |(offset, _)| &text[..offset]),
                );
                page.hanging(
                    &format!("  {} │ {}", " ".repeat(number.len()), " ".repeat(caret_at)),
                    "^",
                    Role::Note,
                    Mark::Plain,
                    Some(index),
                );
            }
        }
        page.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Course, PackSource};

    fn screen(id: &str) -> ExerciseScreen {
        let course = Course::load(&PackSource::BuiltIn).unwrap();
        let exercise = course
            .exercises()
            .iter()
            .find(|e| e.id == id)
            .unwrap()
            .clone();
        ExerciseScreen::new(exercise, PathBuf::from("/tmp/x.yaml"), 0, false)
    }

    fn graded(
        screen: &mut ExerciseScreen,
        text: &str,
        reason: GradeReason,
    ) -> Option<(String, bool, u32)> {
        let job = screen.job(reason);
        let verdict = job.exercise.grade(text);
        screen.graded(Graded {
            exercise_id: job.exercise.id.clone(),
            generation: job.generation,
            reason,
            outcome: Ok((text.to_string(), verdict)),
        })
    }

    #[test]
    fn only_changed_saves_are_attempts_and_a_failure_unlocks_the_solution() {
        let mut screen = screen("fix-job-restart-policy");
        let starter = screen.exercise.starter.clone();
        let solution = screen.exercise.solution.clone();
        assert_eq!(graded(&mut screen, &starter, GradeReason::Opened), None);
        assert!(!screen.solution_unlocked());
        assert_eq!(
            graded(&mut screen, &starter, GradeReason::Saved),
            None,
            "a save that changed nothing is no attempt"
        );
        assert!(!screen.solution_unlocked());
        let wrong = format!("{starter}# tried something\n");
        let (_, passed, findings) = graded(&mut screen, &wrong, GradeReason::Saved).unwrap();
        assert!(!passed && findings > 0);
        assert!(screen.solution_unlocked());
        assert_eq!(
            graded(&mut screen, &wrong, GradeReason::Saved),
            None,
            "unchanged"
        );
        let (_, passed, _) = graded(&mut screen, &solution, GradeReason::Saved).unwrap();
        assert!(passed && screen.celebrating);
    }

    #[test]
    fn stale_gradings_are_ignored() {
        let mut screen = screen("fix-job-restart-policy");
        let old = screen.job(GradeReason::Saved);
        let _new = screen.job(GradeReason::Saved);
        let stale = Graded {
            exercise_id: old.exercise.id.clone(),
            generation: old.generation,
            reason: old.reason,
            outcome: Err("gone".into()),
        };
        assert_eq!(screen.graded(stale), None);
        assert!(screen.grading && screen.problem.is_none());
    }

    #[test]
    fn results_point_at_the_line_with_a_caret() {
        let mut screen = screen("fix-job-restart-policy");
        let starter = screen.exercise.starter.clone();
        graded(&mut screen, &starter, GradeReason::Opened);
        let page = screen.results_page(Lang::En, 70);
        let text: Vec<String> = page.lines.iter().map(StyledLine::plain_text).collect();
        let caret = text
            .iter()
            .position(|l| l.trim_end().ends_with('^'))
            .expect("a caret line");
        assert!(text[caret - 1].contains("restartPolicy"), "{text:#?}");
        assert_eq!(screen.results(Lang::En)[0].level, Level::Failed);
    }
}
