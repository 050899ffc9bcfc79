//! What the learner asked for, independent of the key or click that asked.

use super::overlays::Confirm;

/// A change `App::update` knows how to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Leave the current screen (the course map quits).
    Back,
    /// Move a selection or scroll by lines (negative is up).
    Move(i32),
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the selected lesson or jump to the selected heading.
    Open,
    /// A left click on screen row n (each screen knows what is there).
    ClickRow(u16),
    ToggleHelp,
    OpenToc,
    StartSearch,
    SearchChar(char),
    SearchBackspace,
    SearchSubmit,
    SearchCancel,
    NextMatch,
    PreviousMatch,
    Resize(u16, u16),
    /// The selected lesson's quiz.
    StartQuiz,
    /// The selected lesson's exercises.
    OpenExercises,
    /// The quiz items due for review.
    StartReview,
    /// Choose option n (from 0): a digit key.
    Pick(usize),
    /// Space: tick or untick the option under the cursor.
    Toggle,
    /// Move the selected step, or change the paired item.
    Shift(i32),
    TextChar(char),
    TextBackspace,
    /// Enter: answer, or go on after the feedback.
    Submit,
    /// Open the learner's file in their editor.
    Edit,
    Hint,
    Solution,
    ResetFile,
    SwitchPane,
    /// Show or fold the validator's warnings under a passing verdict.
    ToggleWarnings,
    /// The next exercise of the course.
    NextExercise,
    Yes,
    No,
    /// Presentation mode on or off.
    Present,
    /// A timed exam of the selected lesson.
    StartExam,
    /// Jump to heading n of the lesson (chosen in the contents).
    GoToHeading(usize),
    /// The learner said yes to a question.
    Confirmed(Confirm),
    /// Put the quiz item off until the others are answered.
    Skip,
    /// Discard the saved exam and start a new one.
    NewExam,
}
