//! What the learner asked for, independent of the key or click that asked.

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
    /// A click on the n-th visible row of a list.
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
}
