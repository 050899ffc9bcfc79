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

use KeyCode::{Backspace, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Up};

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

const HELP: &[Binding] = &[bind(
    &[Esc, Char('q'), Char('?')],
    "?/Esc",
    Action::ToggleHelp,
    Msg::ActionClose,
)];

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

/// The bindings of a context, in the order the help lists them.
pub fn bindings(context: Context) -> &'static [Binding] {
    match context {
        Context::CourseMap => COURSE_MAP,
        Context::Reader => READER,
        Context::Toc => TOC,
        Context::Help => HELP,
        Context::SearchInput => SEARCH_INPUT,
    }
}

/// The action a key asks for in a context. Ctrl-C always quits; while a
/// search is being typed, plain characters go into the search.
pub fn action_for(context: Context, key: KeyEvent) -> Option<Action> {
    let modifiers = key.modifiers - KeyModifiers::SHIFT;
    if modifiers == KeyModifiers::CONTROL && key.code == Char('c') {
        return Some(Action::Quit);
    }
    if !modifiers.is_empty() {
        return None;
    }
    let bound = bindings(context)
        .iter()
        .find(|binding| binding.keys.contains(&key.code))
        .map(|binding| binding.action);
    match (context, key.code) {
        (Context::SearchInput, Char(c)) => Some(Action::SearchChar(c)),
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
        ] {
            assert!(
                bindings(context).iter().any(|b| b.keys.contains(&Esc)),
                "{context:?}"
            );
        }
    }
}
