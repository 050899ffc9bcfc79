//! Drawing. Views only read the state; nothing here changes it or does I/O.

mod course_map;
mod exercise;
mod overlays;
mod page;
mod quiz;
mod reader;
mod text;

pub(crate) use overlays::{detail_max_scroll, help_max_scroll};

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::app::{App, MIN_SIZE, Overlay, Screen};
use crate::i18n::Msg;

/// Draws the whole screen for the current state.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if app.too_small() {
        frame.render_widget(&TooSmall(app), area);
        return;
    }
    match &app.screen {
        Screen::CourseMap(map) => {
            frame.render_widget(&course_map::CourseMapView { app, map }, area)
        }
        Screen::Reader(reader) => frame.render_widget(&reader::ReaderView { app, reader }, area),
        Screen::Quiz(quiz) => frame.render_widget(&quiz::QuizView { app, quiz }, area),
        Screen::Exercises(list) => {
            frame.render_widget(&exercise::ExerciseListView { app, list }, area)
        }
        Screen::Exercise(screen) => {
            frame.render_widget(&exercise::ExerciseView { app, screen }, area)
        }
    }
    match &app.overlay {
        Some(Overlay::Help { scroll }) => frame.render_widget(
            &overlays::HelpView {
                app,
                scroll: *scroll,
            },
            area,
        ),
        Some(Overlay::Toc { selected }) => {
            if let Screen::Reader(reader) = &app.screen {
                frame.render_widget(
                    &overlays::TocView {
                        app,
                        reader,
                        selected: *selected,
                    },
                    area,
                );
            }
        }
        Some(Overlay::Confirm(question)) => frame.render_widget(
            &overlays::ConfirmView {
                app,
                question: *question,
            },
            area,
        ),
        Some(Overlay::Detail {
            title,
            text,
            yaml,
            scroll,
        }) => frame.render_widget(
            &overlays::DetailView {
                app,
                title,
                text,
                yaml: *yaml,
                scroll: *scroll,
            },
            area,
        ),
        None => {}
    }
}

/// The note shown instead of a screen that cannot fit.
struct TooSmall<'a>(&'a App);

impl Widget for &TooSmall<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let message = format!(
            "{} ({}×{} → {}×{})",
            Msg::TooSmall.text(app.lang),
            area.width,
            area.height,
            MIN_SIZE.0,
            MIN_SIZE.1
        );
        let lines = text::wrap_plain(&message, usize::from(area.width));
        let top = area.height.saturating_sub(lines.len() as u16) / 2;
        let body = Rect {
            y: area.y + top,
            height: area.height - top,
            ..area
        };
        text::draw_lines(buf, body, &lines, app.theme, "");
    }
}
