//! The course map: every lesson with how far the learner is in it, the
//! objectives of the selected one, and the way into its lesson, quiz,
//! exercises, exam, and the review of due items.

mod view;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Nav, ScreenState, exercise_list, quiz, reader};
use crate::i18n::Msg;
use crate::tui::action::Action;
use crate::tui::app::{App, Shared, moved};
use crate::tui::keymap::{BOTTOM, Binding, Context, DOWN, TOP, UP, bind};
use crate::tui::layout::course_map_rows;
use crate::tui::message::Message;

use crossterm::event::KeyCode::{Char, Enter, Esc, Right};

/// The course map: which lesson is selected and which row is at the top.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CourseMapState {
    pub selected: usize,
    pub offset: usize,
}

pub(crate) const KEYS: &[Binding] = &[
    UP,
    DOWN,
    TOP,
    BOTTOM,
    bind(
        &[Enter, Char('l'), Right],
        "Enter",
        Action::Open,
        Msg::ActionOpen,
    ),
    bind(&[Char('u')], "u", Action::StartQuiz, Msg::ActionQuiz),
    bind(
        &[Char('x')],
        "x",
        Action::OpenExercises,
        Msg::ActionExercises,
    ),
    bind(&[Char('r')], "r", Action::StartReview, Msg::ActionReview),
    bind(&[Char('E')], "E", Action::StartExam, Msg::ActionExam),
    bind(&[Char('?')], "?", Action::ToggleHelp, Msg::ActionHelp),
    bind(&[Char('q'), Esc], "q", Action::Back, Msg::ActionQuit),
];

impl ScreenState for CourseMapState {
    fn context(&self) -> Context {
        Context::CourseMap
    }

    fn update(&mut self, message: &Message, shared: &mut Shared<'_>) -> Nav {
        let Message::Action(action) = message else {
            return Nav::Stay;
        };
        let lessons = shared.course.lessons().len();
        let opened = match action {
            Action::Back => return Nav::Quit,
            Action::Open => reader::open(self.selected, shared),
            Action::StartQuiz => quiz::start_quiz(self.selected, shared),
            Action::OpenExercises => exercise_list::open(self.selected, shared),
            Action::StartReview => quiz::start_review(shared),
            Action::StartExam => quiz::start_exam(self.selected, shared),
            Action::ClickRow(row) => {
                let (first, visible) = course_map_rows(shared.size, lessons);
                let Some(row) = row.checked_sub(first).map(usize::from) else {
                    return Nav::Stay;
                };
                if row >= visible {
                    return Nav::Stay;
                }
                let index = self.offset + row;
                if index == self.selected {
                    reader::open(self.selected, shared)
                } else {
                    if index < lessons {
                        self.selected = index;
                    }
                    None
                }
            }
            _ => {
                self.selected = moved(self.selected, lessons, *action, 1, usize::MAX);
                self.keep_visible(course_map_rows(shared.size, lessons).1);
                None
            }
        };
        opened.map_or(Nav::Stay, |screen| Nav::Push(Box::new(screen)))
    }

    fn resize(&mut self, shared: &mut Shared<'_>) {
        let lessons = shared.course.lessons().len();
        self.keep_visible(course_map_rows(shared.size, lessons).1);
    }

    fn render(&self, area: Rect, buf: &mut Buffer, app: &App) {
        view::render(self, area, buf, app);
    }
}

impl CourseMapState {
    fn keep_visible(&mut self, visible: usize) {
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
    }
}
