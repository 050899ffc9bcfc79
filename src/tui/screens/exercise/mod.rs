//! The exercise screen: the instructions beside the learner's file and the
//! grading results. The file lives in the data directory; the learner edits
//! it in their own editor (`e`, or any editor in another pane) and every save
//! is graded again.

mod pages;
mod update;
mod view;

pub(crate) use update::open;

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use crossterm::event::KeyCode::{BackTab, Char, Enter, Tab};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Nav, ScreenState};
use crate::content::Exercise;
use crate::grade::Verdict;
use crate::i18n::{Lang, Msg};
use crate::tui::action::Action;
use crate::tui::app::{App, Shared};
use crate::tui::keymap::{BACK, Binding, Context, DOWN, HELP_KEY, PAGE_DOWN, PAGE_UP, UP, bind};
use crate::tui::layout::{pane_areas, screen};
use crate::tui::message::Message;
use crate::validate::Severity;

pub(crate) const KEYS: &[Binding] = &[
    bind(&[Char('e')], "e", Action::Edit, Msg::ActionEdit),
    bind(&[Tab, BackTab], "Tab", Action::SwitchPane, Msg::ActionPane),
    UP,
    DOWN,
    PAGE_DOWN,
    PAGE_UP,
    bind(&[Enter], "Enter", Action::Open, Msg::ActionDetails),
    bind(&[Char('h')], "h", Action::Hint, Msg::ActionHint),
    bind(&[Char('s')], "s", Action::Solution, Msg::ActionSolution),
    bind(&[Char('r')], "r", Action::ResetFile, Msg::ActionResetFile),
    bind(
        &[Char('w')],
        "w",
        Action::ToggleWarnings,
        Msg::ActionWarnings,
    ),
    bind(
        &[Char('n')],
        "n",
        Action::NextExercise,
        Msg::ActionNextExercise,
    ),
    HELP_KEY,
    BACK,
];

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
    pub(crate) fn next(self) -> Pane {
        match self {
            Pane::Instructions => Pane::File,
            Pane::File => Pane::Results,
            Pane::Results => Pane::Instructions,
        }
    }
}

/// How a result reads: a failure to fix, a warning to consider, a pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultKind {
    Failed,
    Warning,
    Passed,
}

impl ResultKind {
    pub(crate) fn sign(self) -> &'static str {
        match self {
            ResultKind::Failed => "✗ ",
            ResultKind::Warning => "! ",
            ResultKind::Passed => "✓ ",
        }
    }
}

/// The label of the line that stands for folded warnings.
pub const FOLDED: &str = "warnings";

/// One line of the results list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultItem {
    pub level: ResultKind,
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
    /// Warnings under a passing verdict are folded into one line until `w`.
    pub show_warnings: bool,
    /// A failed graded attempt of this sitting (since the screen opened)
    /// already brought the exercise's quiz items forward for review; later
    /// saves of the sitting are attempts that move nothing.
    pub reviews_brought_forward: bool,
}

/// Numbers the exercise screens opened, so a grading from an earlier visit
/// to the same exercise is never taken for this one's.
static SCREENS_OPENED: AtomicU64 = AtomicU64::new(1);

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
            generation: SCREENS_OPENED.fetch_add(1, Ordering::Relaxed) << 32,
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
            show_warnings: false,
            reviews_brought_forward: false,
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
        let area = screen(size);
        let wide = pane_areas(area, self.focus).wide;
        let full = |pane: Pane| pane_areas(area, pane).of(pane).unwrap_or_default();
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

    /// The results list in `lang`. Not passed: failed checks, then validator
    /// errors and warnings, then passed checks. Passed: the checks first, then
    /// the warnings folded into one line until `w` shows them.
    pub fn results(&self, lang: Lang) -> Vec<ResultItem> {
        let Some(verdict) = &self.verdict else {
            return Vec::new();
        };
        let failed = verdict
            .checks
            .iter()
            .filter(|c| !c.passed)
            .map(|c| failed_item(c, lang));
        let findings = verdict.findings.iter().map(|f| finding_item(f, lang));
        let passed = verdict
            .checks
            .iter()
            .filter(|c| c.passed)
            .map(|c| passed_item(c, lang));
        if !verdict.passed {
            return failed.chain(findings).chain(passed).collect();
        }
        let mut items: Vec<ResultItem> = passed.collect();
        let findings: Vec<ResultItem> = findings.collect();
        if self.show_warnings || findings.len() < 2 {
            items.extend(findings);
        } else {
            let count = findings.len();
            let detail = findings
                .iter()
                .map(|f| format!("! {}", f.message))
                .collect::<Vec<_>>()
                .join("\n");
            let separator = if lang == Lang::En { " " } else { "" };
            items.push(ResultItem {
                level: ResultKind::Warning,
                label: FOLDED.to_string(),
                message: format!(
                    "{count}{separator}{}",
                    Msg::ExerciseWarningsFolded.text(lang)
                ),
                line: None,
                column: None,
                detail,
            });
        }
        items
    }
}

/// A check that failed, with its reason, where the requirement comes from and the hint.
fn failed_item(check: &crate::grade::CheckResult, lang: Lang) -> ResultItem {
    let mut detail = check.message.get(lang).to_string();
    if let Some(reason) = &check.reason {
        detail.push_str("\n\n");
        detail.push_str(reason.get(lang));
    }
    detail.push_str(&format!("\n\n({})", check.origin.words().get(lang)));
    if let Some(hint) = &check.hint {
        detail.push_str(&format!(
            "\n\n{}: {}",
            Msg::ExerciseHint.text(lang),
            hint.get(lang)
        ));
    }
    ResultItem {
        level: ResultKind::Failed,
        label: check.id.clone(),
        message: check.message.get(lang).to_string(),
        line: check.pos.map(|p| p.line),
        column: check.pos.map(|p| p.column),
        detail,
    }
}

/// A validator finding: an error fails, a warning or note does not.
fn finding_item(finding: &crate::validate::Finding, lang: Lang) -> ResultItem {
    let (label, level) = match finding.severity {
        Severity::Error => ("error", ResultKind::Failed),
        Severity::Warning => ("warning", ResultKind::Warning),
        Severity::Info => ("info", ResultKind::Warning),
    };
    ResultItem {
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
    }
}

fn passed_item(check: &crate::grade::CheckResult, lang: Lang) -> ResultItem {
    ResultItem {
        level: ResultKind::Passed,
        label: check.id.clone(),
        message: check.message.get(lang).to_string(),
        line: None,
        column: None,
        detail: check.message.get(lang).to_string(),
    }
}

impl ScreenState for ExerciseScreen {
    fn context(&self) -> Context {
        Context::Exercise
    }

    fn update(&mut self, message: &Message, shared: &mut Shared<'_>) -> Nav {
        let nav = match message {
            Message::Action(action) => self.act(*action, shared),
            other => {
                self.background(other, shared);
                Nav::Stay
            }
        };
        self.clamp_scrolls(shared.lang, shared.size);
        nav
    }

    fn resize(&mut self, shared: &mut Shared<'_>) {
        self.clamp_scrolls(shared.lang, shared.size);
    }

    /// Leaving the exercise stops watching its folder.
    fn leave(&mut self, shared: &mut Shared<'_>) {
        shared.effects.push(crate::tui::effect::Effect::Watch(None));
    }

    /// On top again (or just replacing another exercise): watch the folder.
    fn resume(&mut self, shared: &mut Shared<'_>) {
        if let Some(dir) = self.path.parent() {
            shared
                .effects
                .push(crate::tui::effect::Effect::Watch(Some(dir.to_path_buf())));
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, app: &App) {
        view::render(self, area, buf, app);
    }
}

#[cfg(test)]
mod tests;
