//! The exercises' share of `update`: the list of a lesson's exercises, the
//! exercise screen, grading results coming back, saves, the editor, hints,
//! the reference solution and starting over.

use std::path::Path;

use chrono::Utc;

use super::{App, CELEBRATION, Confirm, Effect, ExerciseList, Overlay, Screen};
use crate::i18n::Msg;
use crate::progress::NewAttempt;
use crate::tui::action::Action;
use crate::tui::exercise_screen::{ExerciseScreen, GradeReason, Graded, Pane};

impl App {
    /// The exercises of lesson `index` (in course order).
    pub(super) fn open_exercise_list(&mut self, index: usize) {
        let Some(set) = self.course.lessons().get(index) else {
            return;
        };
        let ids: Vec<String> = self
            .course
            .exercises()
            .iter()
            .filter(|e| e.lesson == set.id)
            .map(|e| e.id.clone())
            .collect();
        if ids.is_empty() {
            self.message = Some(Msg::ExercisesNone.text(self.lang).to_string());
            return;
        }
        let title = set
            .get(self.lang)
            .map_or_else(|| set.id.clone(), |l| l.lesson.meta.title.clone());
        let passed = ids.iter().map(|id| self.exercise_passed(id)).collect();
        let list = ExerciseList {
            lesson_id: set.id.clone(),
            title,
            ids,
            passed,
            selected: 0,
        };
        self.push(Screen::Exercises(list));
    }

    pub(super) fn update_exercise_list(&mut self, action: Action) {
        let Screen::Exercises(list) = &mut self.screen else {
            return;
        };
        match action {
            Action::Back => self.pop(),
            Action::Open => {
                let id = list.ids[list.selected].clone();
                self.open_exercise(&id);
            }
            Action::ClickRow(row) => {
                // The same offset the list view scrolls by.
                let rows = usize::from(self.size.1.saturating_sub(2)).max(1);
                let offset = list.selected.saturating_sub(rows - 1);
                let index = offset + usize::from(row);
                if index == list.selected {
                    let id = list.ids[list.selected].clone();
                    self.open_exercise(&id);
                } else if index < list.ids.len() {
                    list.selected = index;
                }
            }
            _ => list.selected = super::moved(list.selected, list.ids.len(), action, 5, usize::MAX),
        }
    }

    /// Whether exercise `id` has been passed (for the list's marks).
    pub(super) fn exercise_passed(&self, id: &str) -> bool {
        self.progress
            .as_ref()
            .and_then(|store| store.passed_exercises().ok())
            .is_some_and(|passed| passed.iter().any(|(e, _)| e == id))
    }

    fn open_exercise(&mut self, id: &str) {
        let Some(exercise) = self.course.exercises().iter().find(|e| e.id == id).cloned() else {
            return;
        };
        let Some(workspace) = self.workspace.clone() else {
            self.message = Some(Msg::ProgressNotSaved.text(self.lang).to_string());
            return;
        };
        let path = match workspace.ensure(&exercise) {
            Ok(path) => path,
            Err(err) => {
                self.message = Some(format!(
                    "{}: {err}",
                    Msg::ExerciseFileProblem.text(self.lang)
                ));
                return;
            }
        };
        let attempts = self
            .progress
            .as_ref()
            .and_then(|store| store.attempts().ok())
            .unwrap_or_default();
        let failed = attempts
            .iter()
            .filter(|a| a.exercise_id == id && !a.passed)
            .count();
        let passed = attempts.iter().any(|a| a.exercise_id == id && a.passed);
        let mut screen = ExerciseScreen::new(exercise, path, failed, passed);
        let job = screen.job(GradeReason::Opened);
        self.push(Screen::Exercise(Box::new(screen)));
        self.effects
            .push(Effect::Watch(Some(workspace.dir().to_path_buf())));
        self.effects.push(Effect::Grade(Box::new(job)));
    }

    pub(super) fn update_exercise(&mut self, action: Action) {
        let size = self.size;
        let lang = self.lang;
        let Screen::Exercise(screen) = &mut self.screen else {
            return;
        };
        match action {
            Action::Back => self.pop(),
            Action::Edit => self.effects.push(Effect::Edit(screen.path.clone())),
            Action::SwitchPane => screen.next_pane(),
            Action::Hint => {
                let hints = screen.exercise.hints.get(lang).len();
                if screen.hints_shown < hints {
                    screen.hints_shown += 1;
                    screen.focus = Pane::Instructions;
                    screen.instructions_scroll = usize::MAX;
                } else {
                    self.message = Some(Msg::ExerciseNoHint.text(lang).to_string());
                }
            }
            Action::Solution => {
                if screen.solution_unlocked() {
                    self.overlay = Some(Overlay::Confirm(Confirm::ShowSolution));
                } else {
                    self.message = Some(Msg::ExerciseSolutionLocked.text(lang).to_string());
                }
            }
            Action::ResetFile => self.overlay = Some(Overlay::Confirm(Confirm::ResetFile)),
            Action::Open => {
                if let Some(item) = screen.results(lang).get(screen.selected) {
                    self.overlay = Some(Overlay::Detail {
                        title: item.label.clone(),
                        text: item.detail.clone(),
                        yaml: false,
                        scroll: 0,
                    });
                }
            }
            Action::ClickRow(_) => {}
            _ => match screen.focus {
                Pane::Results => {
                    let count = screen.results(lang).len();
                    screen.selected = super::moved(screen.selected, count, action, 5, usize::MAX);
                }
                Pane::Instructions => {
                    screen.instructions_scroll = scrolled(screen.instructions_scroll, action);
                }
                Pane::File => screen.file_scroll = scrolled(screen.file_scroll, action),
            },
        }
        if let Screen::Exercise(screen) = &mut self.screen {
            screen.clamp_scrolls(lang, size);
        }
    }

    pub(super) fn answer_confirm(&mut self, question: Confirm, action: Action) {
        match action {
            Action::Yes => {
                self.overlay = None;
                let lang = self.lang;
                let workspace = self.workspace.clone();
                let Screen::Exercise(screen) = &mut self.screen else {
                    return;
                };
                match question {
                    Confirm::ShowSolution => {
                        self.overlay = Some(Overlay::Detail {
                            title: Msg::ExerciseSolution.text(lang).to_string(),
                            text: screen.exercise.solution.clone(),
                            yaml: true,
                            scroll: 0,
                        });
                    }
                    Confirm::ResetFile => {
                        let reset = workspace.map(|w| w.reset(&screen.exercise));
                        match reset {
                            Some(Ok(())) => {
                                let starter = screen.exercise.starter.clone();
                                screen.reset_to(&starter);
                                self.message = Some(Msg::ExerciseResetDone.text(lang).to_string());
                                let job = screen.job(GradeReason::Opened);
                                self.effects.push(Effect::Grade(Box::new(job)));
                            }
                            Some(Err(err)) => screen.problem = Some(err.to_string()),
                            None => {}
                        }
                    }
                }
            }
            Action::No | Action::Back => self.overlay = None,
            _ => {}
        }
    }

    /// A grading came back: show it, record the attempt, celebrate a pass.
    pub(super) fn take_grading(&mut self, graded: Graded) {
        let Screen::Exercise(screen) = &mut self.screen else {
            return;
        };
        if graded.exercise_id != screen.exercise.id {
            return;
        }
        let recorded = screen.graded(graded);
        screen.clamp_scrolls(self.lang, self.size);
        let Some((text, passed, findings)) = recorded else {
            return;
        };
        let celebrating = screen.celebrating;
        let exercise_id = screen.exercise.id.clone();
        let lesson_id = screen.exercise.lesson.clone();
        let items: Vec<String> = self
            .course
            .lessons()
            .iter()
            .find(|set| set.id == lesson_id)
            .and_then(|set| set.get(crate::i18n::Lang::En))
            .map(|l| l.lesson.quiz.iter().map(|q| q.id.clone()).collect())
            .unwrap_or_default();
        let attempt = NewAttempt {
            exercise_id: &exercise_id,
            lesson_id: &lesson_id,
            passed,
            findings,
            submission: &text,
        };
        let item_refs: Vec<&str> = items.iter().map(String::as_str).collect();
        self.save(|store| store.record_attempt(&attempt, &item_refs, Utc::now()));
        if celebrating {
            self.effects.push(Effect::TickAfter(CELEBRATION));
        }
    }

    /// A file in the watched folder changed: grade it if it is the one open.
    pub(super) fn file_changed(&mut self, path: &Path) {
        let Screen::Exercise(screen) = &mut self.screen else {
            return;
        };
        if path.file_name() == screen.path.file_name() {
            let job = screen.job(GradeReason::Saved);
            self.effects.push(Effect::Grade(Box::new(job)));
        }
    }

    /// The editor was closed: grade what it saved, or say why it did not run.
    pub(super) fn editor_done(&mut self, result: Result<(), String>) {
        let lang = self.lang;
        let Screen::Exercise(screen) = &mut self.screen else {
            return;
        };
        match result {
            Ok(()) => {
                let job = screen.job(GradeReason::Saved);
                self.effects.push(Effect::Grade(Box::new(job)));
            }
            Err(problem) => {
                self.message = Some(format!(
                    "{}: {problem}",
                    Msg::ExerciseEditorFailed.text(lang)
                ));
            }
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
