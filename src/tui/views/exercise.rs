//! The exercise list of a lesson, and the exercise screen: instructions,
//! the learner's file and the results.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use super::course_map::row;
use super::page::draw_page;
use super::text::{bar, draw_lines, fit, status_line};
use crate::i18n::Msg;
use crate::tui::app::{App, ExerciseList};
use crate::tui::exercise_screen::{ExerciseScreen, Pane, pane_areas};

pub(super) struct ExerciseListView<'a> {
    pub app: &'a App,
    pub list: &'a ExerciseList,
}

impl Widget for &ExerciseListView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, list) = (self.app, self.list);
        let (lang, theme) = (app.lang, app.theme);
        let width = usize::from(area.width);
        bar(
            buf,
            row(area, 0),
            &format!(" {} · {}", list.title, Msg::ExercisesTitle.text(lang)),
            &format!("{} ", list.ids.len()),
            theme.title_bar(),
        );
        let rows = usize::from(area.height.saturating_sub(2));
        let offset = list.selected.saturating_sub(rows.saturating_sub(1));
        for (index, id) in list.ids.iter().enumerate().skip(offset).take(rows) {
            let title = app
                .course
                .exercises()
                .iter()
                .find(|e| &e.id == id)
                .map_or(id.as_str(), |e| e.title.get(lang).as_str());
            let mark = if list.passed.get(index).copied().unwrap_or(false) {
                "✓"
            } else {
                " "
            };
            let line = format!(" {mark} {}. {title}", index + 1);
            let style = if index == list.selected {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            buf.set_stringn(
                area.x,
                area.y + 1 + (index - offset) as u16,
                fit(&line, width),
                width,
                style,
            );
        }
        status_line(buf, area, app);
    }
}

pub(super) struct ExerciseView<'a> {
    pub app: &'a App,
    pub screen: &'a ExerciseScreen,
}

impl Widget for &ExerciseView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, screen) = (self.app, self.screen);
        let (lang, theme) = (app.lang, app.theme);
        let state = if screen.grading {
            Msg::ExerciseGrading.text(lang)
        } else if screen.verdict.as_ref().is_some_and(|v| v.passed) {
            "✓"
        } else {
            ""
        };
        let title_style = if screen.celebrating {
            theme.note()
        } else {
            theme.title_bar()
        };
        let title = if screen.celebrating {
            format!(" {}", Msg::ExercisePassed.text(lang))
        } else {
            format!(" {}", screen.exercise.title.get(lang))
        };
        bar(buf, row(area, 0), &title, &format!("{state} "), title_style);

        let areas = pane_areas(area, screen.focus);
        let panes = [
            (
                Pane::Instructions,
                areas.instructions,
                Msg::ExerciseInstructions,
            ),
            (Pane::File, areas.file, Msg::ExerciseYourFile),
            (Pane::Results, areas.results, Msg::ExerciseResults),
        ];
        for (pane, rect, name) in panes {
            let Some(text) = rect else { continue };
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
        status_line(buf, area, app);
    }
}

/// The pane names of a narrow screen, the shown one in brackets.
fn tabs(lang: crate::i18n::Lang, focus: Pane) -> String {
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
