//! Keys → actions, per context. The help overlay and the status line are
//! generated from the same tables, so they can never disagree with the keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::{overlays, screens};
use crate::i18n::Msg;

/// Where the keys are going: the screen, or the pop-up or input line over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    CourseMap,
    Reader,
    Toc,
    Help,
    SearchInput,
    QuizIntro,
    ExamResume,
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

impl Context {
    /// Every context, so tests can go through them all.
    pub const ALL: [Context; 18] = [
        Context::CourseMap,
        Context::Reader,
        Context::Toc,
        Context::Help,
        Context::SearchInput,
        Context::QuizIntro,
        Context::ExamResume,
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
    ];
}

/// One or more keys that do one thing, and how the help names them.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [KeyCode],
    pub label: &'static str,
    pub action: Action,
    pub help: Msg,
}

pub(crate) const fn bind(
    keys: &'static [KeyCode],
    label: &'static str,
    action: Action,
    help: Msg,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
    }
}

use KeyCode::{Char, Down, End, Esc, Home, PageDown, PageUp, Up};

pub(crate) const BACK: Binding = bind(&[Esc, Char('q')], "Esc", Action::Back, Msg::ActionBack);
pub(crate) const HELP_KEY: Binding = bind(&[Char('?')], "?", Action::ToggleHelp, Msg::ActionHelp);
pub(crate) const UP: Binding = bind(&[Char('k'), Up], "↑↓/jk", Action::Move(-1), Msg::ActionMove);
pub(crate) const DOWN: Binding = bind(&[Char('j'), Down], "", Action::Move(1), Msg::ActionMove);
pub(crate) const SCROLL_UP: Binding = bind(
    &[Char('k'), Up],
    "↑↓/jk",
    Action::Move(-1),
    Msg::ActionScroll,
);
pub(crate) const SCROLL_DOWN: Binding =
    bind(&[Char('j'), Down], "", Action::Move(1), Msg::ActionScroll);
pub(crate) const TOP: Binding = bind(&[Char('g'), Home], "g/G", Action::Top, Msg::ActionTopBottom);
pub(crate) const BOTTOM: Binding =
    bind(&[Char('G'), End], "", Action::Bottom, Msg::ActionTopBottom);
pub(crate) const PAGE_DOWN: Binding =
    bind(&[PageDown], "PgUp/PgDn", Action::PageDown, Msg::ActionPage);
pub(crate) const PAGE_UP: Binding = bind(&[PageUp], "", Action::PageUp, Msg::ActionPage);

/// The bindings of a context, in the order the help lists them.
pub fn bindings(context: Context) -> &'static [Binding] {
    match context {
        Context::CourseMap => screens::course_map::KEYS,
        Context::Reader => screens::reader::KEYS,
        Context::SearchInput => screens::reader::SEARCH_KEYS,
        Context::Presenting => screens::reader::PRESENTING_KEYS,
        Context::QuizIntro => screens::quiz::INTRO_KEYS,
        Context::ExamResume => screens::quiz::RESUME_KEYS,
        Context::QuizChoice => screens::quiz::CHOICE_KEYS,
        Context::QuizText => screens::quiz::TEXT_KEYS,
        Context::QuizOrdering => screens::quiz::ORDERING_KEYS,
        Context::QuizMatching => screens::quiz::MATCHING_KEYS,
        Context::QuizFeedback => screens::quiz::FEEDBACK_KEYS,
        Context::QuizSummary => screens::quiz::SUMMARY_KEYS,
        Context::Exercises => screens::exercise_list::KEYS,
        Context::Exercise => screens::exercise::KEYS,
        Context::Help => overlays::HELP_KEYS,
        Context::Toc => overlays::TOC_KEYS,
        Context::Confirm => overlays::CONFIRM_KEYS,
        Context::Detail => overlays::DETAIL_KEYS,
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
        // The full-width digits a Japanese input method may send.
        (Context::QuizChoice | Context::QuizMatching, Char(c @ '１'..='９')) => {
            Some(Action::Pick(c as usize - '１' as usize))
        }
        _ => bound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use KeyCode::{Enter, Right};

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
            action_for(Context::QuizChoice, key(Char('３'))),
            Some(Action::Pick(2)),
            "a full-width digit picks too"
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
    fn every_context_is_listed_and_has_a_way_out() {
        for context in Context::ALL {
            // The match lists every context: a new one stops the build here
            // until it is handled, and then this test until it is in `ALL`.
            let named = match context {
                Context::CourseMap
                | Context::Reader
                | Context::Toc
                | Context::Help
                | Context::SearchInput
                | Context::QuizIntro
                | Context::ExamResume
                | Context::QuizChoice
                | Context::QuizText
                | Context::QuizOrdering
                | Context::QuizMatching
                | Context::QuizFeedback
                | Context::QuizSummary
                | Context::Exercises
                | Context::Exercise
                | Context::Confirm
                | Context::Detail
                | Context::Presenting => 18,
            };
            assert_eq!(Context::ALL.len(), named);
            assert!(
                bindings(context).iter().any(|b| b.keys.contains(&Esc)),
                "{context:?} has no Esc"
            );
        }
    }
}
