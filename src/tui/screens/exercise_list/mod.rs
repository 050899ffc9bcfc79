//! A lesson's exercises to choose from, each marked when it was passed.

mod view;

use crossterm::event::KeyCode::{Char, Enter, Right};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Nav, Screen, ScreenState, exercise};
use crate::i18n::Msg;
use crate::tui::action::Action;
use crate::tui::app::{App, Shared, moved};
use crate::tui::keymap::{BACK, Binding, Context, DOWN, HELP_KEY, UP, bind};
use crate::tui::layout::exercise_list_window;
use crate::tui::message::Message;

/// A lesson's exercises to choose from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseList {
    pub lesson_id: String,
    pub title: String,
    pub ids: Vec<String>,
    /// Whether each exercise was passed, read when the list is shown.
    pub passed: Vec<bool>,
    pub selected: usize,
}

pub(crate) const KEYS: &[Binding] = &[
    UP,
    DOWN,
    bind(
        &[Enter, Char('l'), Right],
        "Enter",
        Action::Open,
        Msg::ActionOpen,
    ),
    HELP_KEY,
    BACK,
];

/// The exercises of lesson `index` (in course order); `None` (with a note)
/// when it has none.
pub(crate) fn open(index: usize, shared: &mut Shared<'_>) -> Option<Screen> {
    let set = shared.course.lessons().get(index)?;
    let ids: Vec<String> = shared
        .course
        .exercises()
        .iter()
        .filter(|e| e.lesson == set.id)
        .map(|e| e.id.clone())
        .collect();
    if ids.is_empty() {
        shared.say(Msg::ExercisesNone);
        return None;
    }
    let title = set
        .get(shared.lang)
        .map_or_else(|| set.id.clone(), |l| l.lesson.meta.title.clone());
    let list = ExerciseList {
        lesson_id: set.id.clone(),
        title,
        passed: passed(&ids, shared),
        ids,
        selected: 0,
    };
    Some(Screen::Exercises(list))
}

/// Whether each exercise has been passed (for the list's marks).
fn passed(ids: &[String], shared: &Shared<'_>) -> Vec<bool> {
    let passed = shared
        .progress
        .and_then(|store| store.passed_exercises().ok())
        .unwrap_or_default();
    ids.iter()
        .map(|id| passed.iter().any(|(e, _)| e == id))
        .collect()
}

impl ScreenState for ExerciseList {
    fn context(&self) -> Context {
        Context::Exercises
    }

    fn update(&mut self, message: &Message, shared: &mut Shared<'_>) -> Nav {
        let Message::Action(action) = message else {
            return Nav::Stay;
        };
        let opened = match action {
            Action::Back => return Nav::Pop,
            Action::Open => exercise::open(&self.ids[self.selected], shared),
            Action::ClickRow(screen_row) => {
                // Only rows between the title bar and the status line hold exercises.
                if *screen_row >= shared.size.1.saturating_sub(1) {
                    return Nav::Stay;
                }
                let Some(row) = screen_row.checked_sub(1).map(usize::from) else {
                    return Nav::Stay;
                };
                let (_, offset) = exercise_list_window(shared.size, self.selected);
                let index = offset + row;
                if index == self.selected {
                    exercise::open(&self.ids[self.selected], shared)
                } else {
                    if index < self.ids.len() {
                        self.selected = index;
                    }
                    None
                }
            }
            _ => {
                self.selected = moved(self.selected, self.ids.len(), *action, 5, usize::MAX);
                None
            }
        };
        opened.map_or(Nav::Stay, |screen| Nav::Push(Box::new(screen)))
    }

    /// Back from an exercise: its mark may have changed.
    fn resume(&mut self, shared: &mut Shared<'_>) {
        self.passed = passed(&self.ids, shared);
    }

    fn render(&self, area: Rect, buf: &mut Buffer, app: &App) {
        view::render(self, area, buf, app);
    }
}
