//! Pop-ups over a screen: the key help, the lesson's contents, a yes/no
//! question, and a text to read (a result's help, the reference solution).
//! A pop-up takes the keys while it is open; what it decides for the screen
//! below comes back as a follow-up action.

mod view;

pub(crate) use view::render;

use crossterm::event::KeyCode::{Char, Enter, Esc};

use super::action::Action;
use super::app::moved;
use super::keymap::{
    Binding, Context, DOWN, PAGE_DOWN, PAGE_UP, SCROLL_DOWN, SCROLL_UP, UP, bind, bindings,
};
use super::layout::{self, detail_text_area, screen};
use super::widgets::page::{Page, PageBuilder};
use crate::i18n::{Lang, Msg};
use crate::markdown::{Role, display_width};

/// A pop-up over the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The keys of the screen below, scrolled by `scroll` rows.
    Help {
        scroll: usize,
    },
    /// The contents of the lesson below: `count` headings, one selected.
    Toc {
        selected: usize,
        count: usize,
    },
    Confirm(Confirm),
    /// A text to read: a result's help, the reference solution.
    Detail {
        title: String,
        text: String,
        yaml: bool,
        scroll: usize,
    },
}

/// What a yes/no question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    ShowSolution,
    ResetFile,
    /// Leave an exam under way (it stays saved and resumable).
    LeaveExam,
    /// Throw the saved exam away for a new one.
    DiscardExam,
}

pub(crate) const HELP_KEYS: &[Binding] = &[
    bind(
        &[Esc, Char('q'), Char('?')],
        "?/Esc",
        Action::ToggleHelp,
        Msg::ActionClose,
    ),
    SCROLL_UP,
    SCROLL_DOWN,
];

pub(crate) const TOC_KEYS: &[Binding] = &[
    UP,
    DOWN,
    bind(&[Enter], "Enter", Action::Open, Msg::ActionJump),
    bind(
        &[Esc, Char('q'), Char('t')],
        "Esc",
        Action::Back,
        Msg::ActionClose,
    ),
];

pub(crate) const CONFIRM_KEYS: &[Binding] = &[
    bind(&[Char('y'), Enter], "y", Action::Yes, Msg::ActionYes),
    bind(&[Char('n'), Esc, Char('q')], "n", Action::No, Msg::ActionNo),
];

pub(crate) const DETAIL_KEYS: &[Binding] = &[
    SCROLL_UP,
    SCROLL_DOWN,
    PAGE_DOWN,
    PAGE_UP,
    bind(
        &[Esc, Char('q'), Enter],
        "Esc",
        Action::Back,
        Msg::ActionClose,
    ),
];

impl Overlay {
    /// Where keys go while it is open.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Help { .. } => Context::Help,
            Overlay::Toc { .. } => Context::Toc,
            Overlay::Confirm(_) => Context::Confirm,
            Overlay::Detail { .. } => Context::Detail,
        }
    }

    /// One action while the pop-up is open over a screen whose keys are
    /// `under`: the pop-up as it stays (`None` when it closes) and what the
    /// screen below should do, if anything.
    pub(crate) fn update(
        self,
        action: Action,
        under: Context,
        lang: Lang,
        size: (u16, u16),
    ) -> (Option<Overlay>, Option<Action>) {
        match self {
            Overlay::Help { scroll } => match action {
                Action::Back | Action::ToggleHelp => (None, None),
                Action::Move(_) | Action::PageDown | Action::PageUp | Action::Top => {
                    let max = help_max_scroll(under, lang, size);
                    let scroll = moved(scroll, max + 1, action, 5, max);
                    (Some(Overlay::Help { scroll }), None)
                }
                _ => (Some(self), None),
            },
            Overlay::Toc { selected, count } => match action {
                Action::Back | Action::OpenToc => (None, None),
                Action::Open => (None, Some(Action::GoToHeading(selected))),
                _ => {
                    let selected = moved(selected, count, action, 5, usize::MAX);
                    (Some(Overlay::Toc { selected, count }), None)
                }
            },
            Overlay::Confirm(question) => match action {
                Action::Yes => (None, Some(Action::Confirmed(question))),
                Action::No | Action::Back => (None, None),
                _ => (Some(self), None),
            },
            Overlay::Detail {
                title,
                text,
                yaml,
                scroll,
            } => match action {
                Action::Back | Action::Open | Action::Submit => (None, None),
                _ => {
                    let max = detail_max_scroll(&text, yaml, size);
                    let scroll = moved(scroll, max + 1, action, 5, max);
                    let detail = Overlay::Detail {
                        title,
                        text,
                        yaml,
                        scroll,
                    };
                    (Some(detail), None)
                }
            },
        }
    }
}

/// The status-line summary of a context's keys: help and back first, then
/// the others in table order, as many whole hints as fit in `width` columns.
pub(crate) fn key_hints(context: Context, lang: Lang, width: usize) -> String {
    let mut hints: Vec<_> = bindings(context)
        .iter()
        .filter(|binding| !binding.label.is_empty())
        .collect();
    hints.sort_by_key(|binding| match binding.action {
        Action::ToggleHelp => 0,
        Action::Back => 1,
        Action::Open | Action::SearchSubmit => 2,
        _ => 3,
    });
    let mut line = String::new();
    for binding in hints {
        let hint = format!("{} {}", binding.label, binding.help.text(lang));
        let separator = if line.is_empty() { "" } else { " · " };
        if display_width(&line) + display_width(separator) + display_width(&hint) <= width {
            line.push_str(separator);
            line.push_str(&hint);
        }
    }
    line
}

/// The rows of the key help for a screen: its bindings, the mouse, Ctrl-C.
pub(crate) fn help_rows(under: Context, lang: Lang) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = bindings(under)
        .iter()
        .filter(|b| !b.label.is_empty() && b.action != Action::ToggleHelp)
        .map(|b| (b.label.to_string(), b.help.text(lang).to_string()))
        .collect();
    let mouse = match under {
        Context::Reader | Context::QuizFeedback | Context::QuizSummary | Context::Exercise => {
            Msg::ActionWheel
        }
        _ => Msg::ActionClick,
    };
    rows.push((
        Msg::MouseLabel.text(lang).to_string(),
        mouse.text(lang).to_string(),
    ));
    rows.push(("Ctrl-C".to_string(), Msg::ActionQuit.text(lang).to_string()));
    rows
}

/// How far the help can scroll on a screen of `size`.
pub(crate) fn help_max_scroll(under: Context, lang: Lang, size: (u16, u16)) -> usize {
    let rows = help_rows(under, lang).len();
    rows.saturating_sub(layout::help_room(rows, size))
}

/// The detail pop-up's text, laid out for `width`.
fn detail_page(text: &str, yaml: bool, width: usize) -> Page {
    let mut page = PageBuilder::new(width);
    if yaml {
        page.yaml(text);
    } else {
        for (index, paragraph) in text.split("\n\n").enumerate() {
            if index > 0 {
                page.blank();
            }
            page.text(paragraph, Role::Text);
        }
    }
    page.finish()
}

/// How far the detail pop-up can scroll on a screen of `size`.
pub(crate) fn detail_max_scroll(text: &str, yaml: bool, size: (u16, u16)) -> usize {
    let area = detail_text_area(screen(size));
    let lines = detail_page(text, yaml, usize::from(area.width)).lines.len();
    lines.saturating_sub(usize::from(area.height))
}
