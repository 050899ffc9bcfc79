//! The screens: one module each, holding the screen's state, its share of
//! `update`, its view and its keys. The App reaches the screen on top only
//! through [`ScreenState`], so adding a screen is adding a module, a
//! variant of [`Screen`] and its two arms in [`Screen::state`] and
//! [`Screen::state_mut`].

pub mod course_map;
pub mod exercise;
pub mod exercise_list;
pub mod quiz;
pub mod reader;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use course_map::CourseMapState;
pub use exercise::ExerciseScreen;
pub use exercise_list::ExerciseList;
pub use quiz::QuizScreen;
pub use reader::ReaderState;

use super::app::{App, Shared};
use super::keymap::Context;
use super::message::Message;

/// The screen being shown.
pub enum Screen {
    CourseMap(CourseMapState),
    Reader(Box<ReaderState>),
    Quiz(Box<QuizScreen>),
    Exercises(ExerciseList),
    Exercise(Box<ExerciseScreen>),
}

impl Screen {
    /// The screen's state, as the App talks to it.
    pub(crate) fn state(&self) -> &dyn ScreenState {
        match self {
            Screen::CourseMap(state) => state,
            Screen::Reader(state) => state.as_ref(),
            Screen::Quiz(state) => state.as_ref(),
            Screen::Exercises(state) => state,
            Screen::Exercise(state) => state.as_ref(),
        }
    }

    /// The screen's state, to change it.
    pub(crate) fn state_mut(&mut self) -> &mut dyn ScreenState {
        match self {
            Screen::CourseMap(state) => state,
            Screen::Reader(state) => state.as_mut(),
            Screen::Quiz(state) => state.as_mut(),
            Screen::Exercises(state) => state,
            Screen::Exercise(state) => state.as_mut(),
        }
    }
}

/// Where a screen's `update` leads.
pub(crate) enum Nav {
    Stay,
    /// Show another screen over this one.
    Push(Box<Screen>),
    /// Back to the screen below.
    Pop,
    /// Leave this screen for another at the same depth (the next exercise).
    Replace(Box<Screen>),
    Quit,
}

/// What every screen does; the App calls nothing else on a screen.
pub(crate) trait ScreenState {
    /// Where keys go on this screen (it may depend on what the screen shows).
    fn context(&self) -> Context;

    /// The screen's share of `update`: an action or a background result.
    fn update(&mut self, message: &Message, shared: &mut Shared<'_>) -> Nav;

    /// The terminal changed size: lay out again, keep the cursor in view.
    fn resize(&mut self, _shared: &mut Shared<'_>) {}

    /// The screen is about to be left (popped, or the tutor quits).
    fn leave(&mut self, _shared: &mut Shared<'_>) {}

    /// The screen is on top again after the one over it was popped.
    fn resume(&mut self, _shared: &mut Shared<'_>) {}

    /// Draws the screen; views only read the state.
    fn render(&self, area: Rect, buf: &mut Buffer, app: &App);
}
