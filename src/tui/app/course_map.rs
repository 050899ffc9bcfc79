//! The course map's share of `update`: moving, opening a lesson, its quiz,
//! its exercises, and the review of due items.

use super::{App, CourseMapState, Screen};
use crate::tui::action::Action;

/// Rows above the lesson list: title bar, overall progress, column header.
const HEADER_ROWS: u16 = 3;

/// Where the course map puts its rows: the first list row and how many fit.
pub(crate) fn course_map_rows(size: (u16, u16), lessons: usize) -> (u16, usize) {
    let room = usize::from(size.1.saturating_sub(HEADER_ROWS + 1));
    (HEADER_ROWS, lessons.min(room))
}

impl App {
    pub(super) fn update_course_map(&mut self, action: Action) {
        let size = self.size;
        let lessons = self.course.lessons().len();
        let selected = self.selected_lesson();
        match action {
            Action::Back => return self.quit = true,
            Action::Open => return self.open_selected(),
            Action::StartQuiz => return self.start_quiz(selected),
            Action::OpenExercises => return self.open_exercise_list(selected),
            Action::StartReview => return self.start_review(),
            Action::StartExam => return self.start_exam(selected),
            _ => {}
        }
        let Screen::CourseMap(map) = &mut self.screen else {
            return;
        };
        match action {
            Action::ClickRow(row) => {
                let index = map.offset + usize::from(row);
                if index == map.selected {
                    self.open_selected();
                } else if index < lessons {
                    map.selected = index;
                }
            }
            _ => {
                map.selected = super::moved(map.selected, lessons, action, 1, usize::MAX);
                map.keep_visible(course_map_rows(size, lessons).1);
            }
        }
    }

    /// The selected lesson on the course map below the current screen.
    pub(super) fn selected_lesson(&self) -> usize {
        std::iter::once(&self.screen)
            .chain(self.stack.iter().rev())
            .find_map(|screen| match screen {
                Screen::CourseMap(map) => Some(map.selected),
                _ => None,
            })
            .unwrap_or(0)
    }
}

impl CourseMapState {
    pub(super) fn keep_visible(&mut self, visible: usize) {
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
    }
}
