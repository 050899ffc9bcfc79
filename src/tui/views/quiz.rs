//! The quiz screen: title bar with the position, the item's page, key hints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::course_map::row;
use super::page::draw_page;
use super::text::{bar, status_line};
use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::quiz_screen::{Phase, QuizMode, QuizScreen};

pub(super) struct QuizView<'a> {
    pub app: &'a App,
    pub quiz: &'a QuizScreen,
}

impl Widget for &QuizView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, quiz) = (self.app, self.quiz);
        let (lang, theme) = (app.lang, app.theme);
        let position = match (&quiz.phase, &quiz.mode) {
            (Phase::Summary, _) => format!(
                "{} {}/{}",
                Msg::QuizSummary.text(lang),
                quiz.score(),
                quiz.entries.len()
            ),
            (_, QuizMode::Exam { deadline, .. }) => {
                let left = (*deadline - app.now).num_seconds().max(0);
                format!(
                    "{}/{} · {} {}:{:02}",
                    quiz.index + 1,
                    quiz.entries.len(),
                    Msg::ExamLeft.text(lang),
                    left / 60,
                    left % 60
                )
            }
            _ => format!(
                "{}/{} · ✓{}",
                quiz.index + 1,
                quiz.entries.len(),
                quiz.score()
            ),
        };
        bar(
            buf,
            row(area, 0),
            &format!(" {}", quiz.title),
            &format!("{position} "),
            theme.title_bar(),
        );
        let body = Rect {
            x: area.x + 1,
            y: area.y + 1,
            width: area.width.saturating_sub(2),
            height: area.height.saturating_sub(2),
        };
        let (page, _) = quiz.page(lang, usize::from(body.width));
        draw_page(buf, body, &page, quiz.scroll, theme);
        status_line(buf, area, app);
    }
}
