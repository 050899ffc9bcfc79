//! Keys → actions, per context. The help overlay and the status line are
//! generated from the same tables, so they can never disagree with the keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::i18n::Msg;

/// Where the keys are going: the screen, or the pop-up or input line over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    CourseMap,
    Reader,
    Toc,
    Help,
    SearchInput,
    QuizChoice,
    QuizText,
    QuizOrdering,
    QuizMatching,
    QuizFeedback,
    QuizSummary,
    Exercises,
    Exercise,
    Confirm,
    Detail,
    Presenting,
}

/// One or more keys that do one thing, and how the help names them.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [KeyCode],
    pub label: &'static str,
    pub action: Action,
    pub help: Msg,
}

const fn bind(keys: &'static [KeyCode], label: &'static str, action: Action, help: Msg) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
    }
}

use KeyCode::{
    BackTab, Backspace, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

const COURSE_MAP: &[Binding] = &[
    bind(&[Char('k'), Up], "↑↓/jk", Action::Move(-1), Msg::ActionMove),
    bind(&[Char('j'), Down], "", Action::Move(1), Msg::ActionMove),
    bind(&[Char('g'), Home], "g/G", Action::Top, Msg::ActionTopBottom),
    bind(&[Char('G'), End], "", Action::Bottom, Msg::ActionTopBottom),
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

const READER: &[Binding] = &[
    bind(
        &[Char('j'), Down],
        "↑↓/jk",
        Action::Move(1),
        Msg::ActionScroll,
    ),
    bind(&[Char('k'), Up], "", Action::Move(-1), Msg::ActionScroll),
    bind(
        &[PageDown, Char(' ')],
        "PgUp/PgDn",
        Action::PageDown,
        Msg::ActionPage,
    ),
    bind(&[PageUp, Char('b')], "", Action::PageUp, Msg::ActionPage),
    bind(&[Char('g'), Home], "g/G", Action::Top, Msg::ActionTopBottom),
    bind(&[Char('G'), End], "", Action::Bottom, Msg::ActionTopBottom),
    bind(&[Char('t')], "t", Action::OpenToc, Msg::ActionToc),
    bind(&[Char('/')], "/", Action::StartSearch, Msg::ActionSearch),
    bind(&[Char('n')], "n/N", Action::NextMatch, Msg::ActionNextPrev),
    bind(&[Char('N')], "", Action::PreviousMatch, Msg::ActionNextPrev),
    bind(&[Char('u')], "u", Action::StartQuiz, Msg::ActionQuiz),
    bind(
        &[Char('x')],
        "x",
        Action::OpenExercises,
        Msg::ActionExercises,
    ),
    bind(&[Char('p')], "p", Action::Present, Msg::ActionPresent),
    bind(&[Char('?')], "?", Action::ToggleHelp, Msg::ActionHelp),
    bind(
        &[Char('q'), Esc, Left],
        "q/Esc",
        Action::Back,
        Msg::ActionBack,
    ),
];

const TOC: &[Binding] = &[
    bind(&[Char('k'), Up], "↑↓/jk", Action::Move(-1), Msg::ActionMove),
    bind(&[Char('j'), Down], "", Action::Move(1), Msg::ActionMove),
    bind(&[Enter], "Enter", Action::Open, Msg::ActionJump),
    bind(
        &[Esc, Char('q'), Char('t')],
        "Esc",
        Action::Back,
        Msg::ActionClose,
    ),
];

const HELP: &[Binding] = &[
    bind(
        &[Esc, Char('q'), Char('?')],
        "?/Esc",
        Action::ToggleHelp,
        Msg::ActionClose,
    ),
    bind(
        &[Char('k'), Up],
        "↑↓/jk",
        Action::Move(-1),
        Msg::ActionScroll,
    ),
    bind(&[Char('j'), Down], "", Action::Move(1), Msg::ActionScroll),
];

const SEARCH_INPUT: &[Binding] = &[
    bind(
        &[Enter],
        "Enter",
        Action::SearchSubmit,
        Msg::ActionSearchRun,
    ),
    bind(&[Esc], "Esc", Action::SearchCancel, Msg::ActionSearchCancel),
    bind(
        &[Backspace],
        "",
        Action::SearchBackspace,
        Msg::ActionSearchCancel,
    ),
];

const BACK: Binding = bind(&[Esc, Char('q')], "Esc", Action::Back, Msg::ActionBack);
const HELP_KEY: Binding = bind(&[Char('?')], "?", Action::ToggleHelp, Msg::ActionHelp);
const UP: Binding = bind(&[Char('k'), Up], "↑↓/jk", Action::Move(-1), Msg::ActionMove);
const DOWN: Binding = bind(&[Char('j'), Down], "", Action::Move(1), Msg::ActionMove);
const PAGE_DOWN: Binding = bind(&[PageDown], "PgUp/PgDn", Action::PageDown, Msg::ActionPage);
const PAGE_UP: Binding = bind(&[PageUp], "", Action::PageUp, Msg::ActionPage);

const QUIZ_CHOICE: &[Binding] = &[
    UP,
    DOWN,
    bind(&[Char('1')], "1–9", Action::Pick(0), Msg::ActionSelect),
    bind(&[Char(' ')], "Space", Action::Toggle, Msg::ActionToggle),
    bind(&[Enter], "Enter", Action::Submit, Msg::ActionAnswer),
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
    BACK,
];

const QUIZ_TEXT: &[Binding] = &[
    bind(&[Enter], "Enter", Action::Submit, Msg::ActionAnswer),
    bind(
        &[Backspace],
        "Backspace",
        Action::TextBackspace,
        Msg::ActionDelete,
    ),
    PAGE_DOWN,
    PAGE_UP,
    bind(&[Esc], "Esc", Action::Back, Msg::ActionBack),
];

const QUIZ_ORDERING: &[Binding] = &[
    UP,
    DOWN,
    bind(
        &[Char('K')],
        "Shift+↑↓/JK",
        Action::Shift(-1),
        Msg::ActionMoveItem,
    ),
    bind(&[Char('J')], "", Action::Shift(1), Msg::ActionMoveItem),
    bind(&[Enter], "Enter", Action::Submit, Msg::ActionAnswer),
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
    BACK,
];

const QUIZ_MATCHING: &[Binding] = &[
    UP,
    DOWN,
    bind(&[Char('1')], "1–9", Action::Pick(0), Msg::ActionSelect),
    bind(&[Right, Char('l')], "←→", Action::Shift(1), Msg::ActionPair),
    bind(&[Left, Char('h')], "", Action::Shift(-1), Msg::ActionPair),
    bind(&[Enter], "Enter", Action::Submit, Msg::ActionAnswer),
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
    BACK,
];

const QUIZ_FEEDBACK: &[Binding] = &[
    bind(
        &[Enter, Char(' '), Char('n'), Right],
        "Enter",
        Action::Submit,
        Msg::ActionNext,
    ),
    bind(
        &[Char('k'), Up],
        "↑↓/jk",
        Action::Move(-1),
        Msg::ActionScroll,
    ),
    bind(&[Char('j'), Down], "", Action::Move(1), Msg::ActionScroll),
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
    BACK,
];

const QUIZ_SUMMARY: &[Binding] = &[
    bind(
        &[Enter, Esc, Char('q')],
        "Enter",
        Action::Back,
        Msg::ActionBack,
    ),
    bind(
        &[Char('k'), Up],
        "↑↓/jk",
        Action::Move(-1),
        Msg::ActionScroll,
    ),
    bind(&[Char('j'), Down], "", Action::Move(1), Msg::ActionScroll),
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
];

const EXERCISES: &[Binding] = &[
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

const EXERCISE: &[Binding] = &[
    bind(&[Char('e')], "e", Action::Edit, Msg::ActionEdit),
    bind(&[Tab, BackTab], "Tab", Action::SwitchPane, Msg::ActionPane),
    bind(&[Char('k'), Up], "↑↓/jk", Action::Move(-1), Msg::ActionMove),
    bind(&[Char('j'), Down], "", Action::Move(1), Msg::ActionMove),
    PAGE_DOWN,
    PAGE_UP,
    bind(&[Enter], "Enter", Action::Open, Msg::ActionDetails),
    bind(&[Char('h')], "h", Action::Hint, Msg::ActionHint),
    bind(&[Char('s')], "s", Action::Solution, Msg::ActionSolution),
    bind(&[Char('r')], "r", Action::ResetFile, Msg::ActionResetFile),
    HELP_KEY,
    BACK,
];

const CONFIRM: &[Binding] = &[
    bind(&[Char('y'), Enter], "y", Action::Yes, Msg::ActionYes),
    bind(&[Char('n'), Esc, Char('q')], "n", Action::No, Msg::ActionNo),
];

const DETAIL: &[Binding] = &[
    bind(
        &[Char('k'), Up],
        "↑↓/jk",
        Action::Move(-1),
        Msg::ActionScroll,
    ),
    bind(&[Char('j'), Down], "", Action::Move(1), Msg::ActionScroll),
    PAGE_DOWN,
    PAGE_UP,
    bind(
        &[Esc, Char('q'), Enter],
        "Esc",
        Action::Back,
        Msg::ActionClose,
    ),
];

const PRESENTING: &[Binding] = &[
    bind(
        &[Right, Char('l'), Char(' '), Char('n')],
        "→/←",
        Action::Shift(1),
        Msg::ActionSection,
    ),
    bind(
        &[Left, Char('h'), Backspace],
        "",
        Action::Shift(-1),
        Msg::ActionSection,
    ),
    bind(
        &[Char('j'), Down],
        "↑↓/jk",
        Action::Move(1),
        Msg::ActionScroll,
    ),
    bind(&[Char('k'), Up], "", Action::Move(-1), Msg::ActionScroll),
    PAGE_DOWN,
    PAGE_UP,
    HELP_KEY,
    bind(
        &[Esc, Char('p'), Char('q')],
        "p/Esc",
        Action::Back,
        Msg::ActionEndPresent,
    ),
];

/// The bindings of a context, in the order the help lists them.
pub fn bindings(context: Context) -> &'static [Binding] {
    match context {
        Context::CourseMap => COURSE_MAP,
        Context::Reader => READER,
        Context::Toc => TOC,
        Context::Help => HELP,
        Context::SearchInput => SEARCH_INPUT,
        Context::QuizChoice => QUIZ_CHOICE,
        Context::QuizText => QUIZ_TEXT,
        Context::QuizOrdering => QUIZ_ORDERING,
        Context::QuizMatching => QUIZ_MATCHING,
        Context::QuizFeedback => QUIZ_FEEDBACK,
        Context::QuizSummary => QUIZ_SUMMARY,
        Context::Exercises => EXERCISES,
        Context::Exercise => EXERCISE,
        Context::Confirm => CONFIRM,
        Context::Detail => DETAIL,
        Context::Presenting => PRESENTING,
    }
}

/// The action a key asks for in a context. Ctrl-C always quits; while a
/// search is being typed, plain characters go into the search.
pub fn action_for(context: Context, key: KeyEvent) -> Option<Action> {
    let modifiers = key.modifiers - KeyModifiers::SHIFT;
    if modifiers == KeyModifiers::CONTROL && key.code == Char('c') {
        return Some(Action::Quit);
    }
    let shifted = key.modifiers.contains(KeyModifiers::SHIFT);
    if !modifiers.is_empty() {
        return None;
    }
    let bound = bindings(context)
        .iter()
        .find(|binding| binding.keys.contains(&key.code))
        .map(|binding| binding.action);
    match (context, key.code) {
        (Context::SearchInput, Char(c)) => Some(Action::SearchChar(c)),
        (Context::QuizText, Char(c)) => Some(Action::TextChar(c)),
        (Context::QuizOrdering, Up) if shifted => Some(Action::Shift(-1)),
        (Context::QuizOrdering, Down) if shifted => Some(Action::Shift(1)),
        (Context::QuizChoice | Context::QuizMatching, Char(c @ '1'..='9')) => {
            Some(Action::Pick(usize::from(c as u8 - b'1')))
        }
        _ => bound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn same_key_differs_by_context() {
        assert_eq!(
            action_for(Context::Reader, key(Char('q'))),
            Some(Action::Back)
        );
        assert_eq!(
            action_for(Context::SearchInput, key(Char('q'))),
            Some(Action::SearchChar('q'))
        );
        assert_eq!(action_for(Context::Toc, key(Enter)), Some(Action::Open));
    }

    #[test]
    fn quiz_keys_per_item_kind() {
        assert_eq!(
            action_for(Context::QuizChoice, key(Char('3'))),
            Some(Action::Pick(2))
        );
        assert_eq!(
            action_for(Context::QuizText, key(Char('3'))),
            Some(Action::TextChar('3'))
        );
        assert_eq!(
            action_for(Context::QuizText, key(Char('q'))),
            Some(Action::TextChar('q'))
        );
        assert_eq!(
            action_for(Context::QuizText, key(Char('日'))),
            Some(Action::TextChar('日'))
        );
        let shift_up = KeyEvent::new(Up, KeyModifiers::SHIFT);
        assert_eq!(
            action_for(Context::QuizOrdering, shift_up),
            Some(Action::Shift(-1))
        );
        assert_eq!(
            action_for(Context::QuizOrdering, key(Up)),
            Some(Action::Move(-1))
        );
        assert_eq!(
            action_for(Context::QuizMatching, key(Right)),
            Some(Action::Shift(1))
        );
        assert_eq!(
            action_for(Context::QuizFeedback, key(Enter)),
            Some(Action::Submit)
        );
        assert_eq!(
            action_for(Context::Confirm, key(Char('y'))),
            Some(Action::Yes)
        );
    }

    #[test]
    fn shifted_letters_and_ctrl_c() {
        let shifted = KeyEvent::new(Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Context::Reader, shifted), Some(Action::Bottom));
        let ctrl_c = KeyEvent::new(Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Context::SearchInput, ctrl_c), Some(Action::Quit));
        let ctrl_j = KeyEvent::new(Char('j'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Context::Reader, ctrl_j), None);
    }

    #[test]
    fn every_context_has_a_way_out() {
        for context in [
            Context::CourseMap,
            Context::Reader,
            Context::Toc,
            Context::Help,
            Context::QuizChoice,
            Context::QuizText,
            Context::QuizOrdering,
            Context::QuizMatching,
            Context::QuizFeedback,
            Context::QuizSummary,
            Context::Exercises,
            Context::Exercise,
            Context::Confirm,
            Context::Detail,
            Context::Presenting,
        ] {
            assert!(
                bindings(context).iter().any(|b| b.keys.contains(&Esc)),
                "{context:?}"
            );
        }
    }
}
