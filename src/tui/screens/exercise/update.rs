//! The exercise screen's share of `update`: opening it, the keys, gradings
//! coming back, saves from any editor, the editor itself, hints, the
//! reference solution and starting over. File writes and gradings are
//! effects; their results come back as messages.

use super::{ExerciseScreen, GradeReason, Graded, Pane};
use crate::i18n::{Lang, Msg};
use crate::tui::action::Action;
use crate::tui::app::{Shared, moved};
use crate::tui::effect::Effect;
use crate::tui::message::Message;
use crate::tui::overlays::{Confirm, Overlay};
use crate::tui::saver::SaveJob;
use crate::tui::screens::{Nav, Screen};

/// How long the pass banner stays.
const CELEBRATION: std::time::Duration = std::time::Duration::from_millis(2500);

/// Opens exercise `id`: its file is written from the starter if it does not
/// exist yet (then graded), and its folder is watched for saves.
pub(crate) fn open(id: &str, shared: &mut Shared<'_>) -> Option<Screen> {
    let exercise = shared
        .course
        .exercises()
        .iter()
        .find(|e| e.id == id)?
        .clone();
    let Some(workspace) = shared.workspace else {
        shared.say(Msg::ProgressNotSaved);
        return None;
    };
    let path = workspace.file(&exercise.id);
    let attempts = shared
        .progress
        .and_then(|store| store.attempts().ok())
        .unwrap_or_default();
    let failed = attempts
        .iter()
        .filter(|a| a.exercise_id == id && !a.passed)
        .count();
    let passed = attempts.iter().any(|a| a.exercise_id == id && a.passed);
    let mut screen = ExerciseScreen::new(exercise.clone(), path, failed, passed);
    screen.grading = true;
    // The starter first: writing it creates the folder the watcher watches.
    shared.effects.push(Effect::WriteStarter {
        exercise: Box::new(exercise),
        reset: false,
    });
    shared
        .effects
        .push(Effect::Watch(Some(workspace.dir().to_path_buf())));
    Some(Screen::Exercise(Box::new(screen)))
}

impl ExerciseScreen {
    /// One action on the exercise screen.
    pub(super) fn act(&mut self, action: Action, shared: &mut Shared<'_>) -> Nav {
        let lang = shared.lang;
        match action {
            Action::Back => return Nav::Pop,
            Action::Edit => shared.effects.push(Effect::Edit(self.path.clone())),
            Action::SwitchPane => self.next_pane(),
            Action::Hint => {
                if self.hints_shown < self.exercise.hints.get(lang).len() {
                    self.hints_shown += 1;
                    self.focus = Pane::Instructions;
                    self.instructions_scroll = usize::MAX;
                } else {
                    shared.say(Msg::ExerciseNoHint);
                }
            }
            Action::Solution => {
                if self.solution_unlocked() {
                    *shared.overlay = Some(Overlay::Confirm(Confirm::ShowSolution));
                } else {
                    shared.say(Msg::ExerciseSolutionLocked);
                }
            }
            Action::ResetFile => *shared.overlay = Some(Overlay::Confirm(Confirm::ResetFile)),
            Action::Confirmed(Confirm::ShowSolution) => {
                *shared.overlay = Some(Overlay::Detail {
                    title: Msg::ExerciseSolution.text(lang).to_string(),
                    text: self.exercise.solution.clone(),
                    yaml: true,
                    scroll: 0,
                });
            }
            Action::Confirmed(Confirm::ResetFile) => shared.effects.push(Effect::WriteStarter {
                exercise: Box::new(self.exercise.clone()),
                reset: true,
            }),
            Action::ClickRow(_) => {}
            Action::ToggleWarnings => self.show_warnings = !self.show_warnings,
            Action::NextExercise => return self.next_exercise(shared),
            Action::Open => {
                if let Some(item) = self.results(lang).get(self.selected) {
                    if item.label == super::FOLDED {
                        self.show_warnings = true;
                        return Nav::Stay;
                    }
                    *shared.overlay = Some(Overlay::Detail {
                        title: item.label.clone(),
                        text: item.detail.clone(),
                        yaml: false,
                        scroll: 0,
                    });
                }
            }
            _ => self.scroll(action, lang),
        }
        Nav::Stay
    }

    /// The next exercise of the course (lessons in order), in place of this one.
    fn next_exercise(&mut self, shared: &mut Shared<'_>) -> Nav {
        let Some(next) = shared.course.next_exercise(&self.exercise.id) else {
            shared.say(Msg::ExerciseLastOne);
            return Nav::Stay;
        };
        let id = next.id.clone();
        match open(&id, shared) {
            Some(screen) => Nav::Replace(Box::new(screen)),
            None => Nav::Stay,
        }
    }

    /// Movement keys scroll (or move the selection in) the focused pane.
    fn scroll(&mut self, action: Action, lang: Lang) {
        match self.focus {
            Pane::Results => {
                let count = self.results(lang).len();
                self.selected = moved(self.selected, count, action, 5, usize::MAX);
            }
            Pane::Instructions => {
                self.instructions_scroll = scrolled(self.instructions_scroll, action);
            }
            Pane::File => self.file_scroll = scrolled(self.file_scroll, action),
        }
    }

    /// What the loop sends back: gradings, saves, the editor, the starter, ticks.
    pub(super) fn background(&mut self, message: &Message, shared: &mut Shared<'_>) {
        match message {
            Message::Graded(graded) => self.take_grading(graded, shared),
            Message::FileChanged(path) if path.file_name() == self.path.file_name() => {
                self.grade(GradeReason::Saved, shared);
            }
            Message::EditorDone(Ok(())) => self.grade(GradeReason::Saved, shared),
            Message::EditorDone(Err(problem)) => {
                *shared.message = Some(format!(
                    "{}: {problem}",
                    Msg::ExerciseEditorFailed.text(shared.lang)
                ));
            }
            Message::StarterWritten {
                exercise_id,
                reset,
                result,
            } if *exercise_id == self.exercise.id => self.starter_written(*reset, result, shared),
            Message::Tick(_) => self.celebrating = false,
            _ => {}
        }
    }

    /// Asks for a grading of the file as it is now.
    fn grade(&mut self, reason: GradeReason, shared: &mut Shared<'_>) {
        let job = self.job(reason);
        shared.effects.push(Effect::Grade(Box::new(job)));
    }

    /// The starter was written (to open the exercise, or to start over).
    fn starter_written(
        &mut self,
        reset: bool,
        result: &Result<(), String>,
        shared: &mut Shared<'_>,
    ) {
        match result {
            Ok(()) => {
                if reset {
                    // Starting over: the starter is the new baseline.
                    let starter = self.exercise.starter.clone();
                    self.reset_to(&starter);
                    shared.say(Msg::ExerciseResetDone);
                }
                self.grade(GradeReason::Opened, shared);
            }
            Err(problem) => {
                self.grading = false;
                self.problem = Some(problem.clone());
            }
        }
    }

    /// A grading came back: show it, record the attempt, celebrate a pass.
    fn take_grading(&mut self, graded: &Graded, shared: &mut Shared<'_>) {
        if graded.exercise_id != self.exercise.id {
            return;
        }
        let Some((text, passed, findings)) = self.graded(graded.clone()) else {
            return;
        };
        // The first failing save of the sitting is the graded attempt that
        // brings the quiz items the exercise lists (and the learner has
        // answered before) forward; the later saves of the sitting do not.
        let items = if passed || self.reviews_brought_forward {
            Vec::new()
        } else {
            self.reviews_brought_forward = true;
            self.exercise.reviews.clone()
        };
        self.say_reviews_due(&items, shared);
        shared.save(SaveJob::Attempt {
            exercise: self.exercise.id.clone(),
            lesson: self.exercise.lesson.clone(),
            passed,
            findings,
            submission: text,
            items,
        });
        if self.celebrating {
            shared.effects.push(Effect::TickAfter(CELEBRATION));
        }
    }
}

impl ExerciseScreen {
    /// Tells how many quiz items the failed attempt brings forward: those
    /// of `items` the learner has answered and that are not due already.
    fn say_reviews_due(&self, items: &[String], shared: &mut Shared<'_>) {
        let cards = shared
            .progress
            .and_then(|store| store.review_cards().ok())
            .unwrap_or_default();
        let count = cards
            .iter()
            .filter(|card| items.contains(&card.item_id) && card.due > shared.now)
            .count();
        if count > 0 {
            *shared.message = Some(Msg::ExerciseReviewsDue.fill(shared.lang, &[("n", &count)]));
        }
    }
}

fn scrolled(scroll: usize, action: Action) -> usize {
    match action {
        Action::Move(delta) => scroll.saturating_add_signed(delta as isize),
        Action::PageDown => scroll.saturating_add(10),
        Action::PageUp => scroll.saturating_sub(10),
        Action::Top => 0,
        Action::Bottom => usize::MAX,
        _ => scroll,
    }
}
