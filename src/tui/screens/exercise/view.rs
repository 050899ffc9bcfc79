//! The exercise screen drawn: instructions, the learner's file and the
//! results, side by side on a wide screen or one at a time on a narrow one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use super::{ExerciseScreen, Pane};
use crate::i18n::{Lang, Msg};
use crate::tui::app::App;
use crate::tui::layout::{pane_areas, row};
use crate::tui::widgets::draw_page::draw_page;
use crate::tui::widgets::text::{bar, draw_lines, status_line};

/// Draws the exercise screen.
pub(super) fn render(screen: &ExerciseScreen, area: Rect, buf: &mut Buffer, app: &App) {
    let (lang, theme) = (app.lang, app.theme);
    let state = if screen.grading {
        Msg::ExerciseGrading.text(lang)
    } else if screen.verdict.as_ref().is_some_and(|v| v.passed) {
        "✓"
    } else {
        ""
    };
    let (title, title_style) = if screen.celebrating {
        (format!(" {}", Msg::ExercisePassed.text(lang)), theme.note())
    } else {
        (
            format!(" {}", screen.exercise.title.get(lang)),
            theme.title_bar(),
        )
    };
    bar(buf, row(area, 0), &title, &format!("{state} "), title_style);
    let areas = pane_areas(area, screen.focus);
    let panes = [
        (Pane::Instructions, Msg::ExerciseInstructions),
        (Pane::File, Msg::ExerciseYourFile),
        (Pane::Results, Msg::ExerciseResults),
    ];
    for (pane, name) in panes {
        let Some(text) = areas.of(pane) else { continue };
        let frame = Rect {
            x: text.x.saturating_sub(1),
            y: text.y.saturating_sub(1),
            width: text.width + 2,
            height: text.height + 1,
        };
        let header_style = if pane == screen.focus {
            theme.header()
        } else {
            theme.dim()
        };
        let header = if areas.wide {
            format!(" {} ", name.text(lang))
        } else {
            tabs(lang, screen.focus)
        };
        Block::new()
            .borders(if areas.wide {
                Borders::TOP
            } else {
                Borders::NONE
            })
            .border_style(theme.dim())
            .title(header)
            .title_style(header_style)
            .render(frame, buf);
        pane_text(screen, pane, text, buf, app);
    }
    status_line(buf, area, app);
}

/// The text of one pane.
fn pane_text(screen: &ExerciseScreen, pane: Pane, text: Rect, buf: &mut Buffer, app: &App) {
    let (lang, theme) = (app.lang, app.theme);
    match pane {
        Pane::Instructions => {
            let page = screen.instructions_page(lang, usize::from(text.width));
            draw_page(buf, text, &page, screen.instructions_scroll, theme);
        }
        Pane::File => {
            let lines = screen.file_lines(usize::from(text.width));
            let visible = lines.get(screen.file_scroll..).unwrap_or_default();
            draw_lines(buf, text, visible, theme, "");
        }
        Pane::Results => {
            let page = screen.results_page(lang, usize::from(text.width));
            draw_page(buf, text, &page, screen.results_scroll, theme);
        }
    }
}

/// The pane names of a narrow screen, the shown one in brackets.
fn tabs(lang: Lang, focus: Pane) -> String {
    [
        (Pane::Instructions, Msg::ExerciseInstructions),
        (Pane::File, Msg::ExerciseYourFile),
        (Pane::Results, Msg::ExerciseResults),
    ]
    .iter()
    .map(|(pane, name)| {
        if *pane == focus {
            format!("[{}]", name.text(lang))
        } else {
            name.text(lang).to_string()
        }
    })
    .collect::<Vec<_>>()
    .join(" ")
}
