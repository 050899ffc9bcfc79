//! The quiz screen drawn: title bar with the position (or the time left in
//! an exam), the item's page, key hints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Phase, QuizMode, QuizScreen};
use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::layout::{body, row};
use crate::tui::widgets::draw_page::draw_page;
use crate::tui::widgets::text::{bar, status_line};

/// Draws the quiz screen.
pub(super) fn render(quiz: &QuizScreen, area: Rect, buf: &mut Buffer, app: &App) {
    let (lang, theme) = (app.lang, app.theme);
    let clock = |session: &crate::exam::Session| {
        let left = session.time_left(app.now).unwrap_or_default().as_secs();
        format!(
            "{} {}:{:02}",
            Msg::ExamLeft.text(lang),
            left / 60,
            left % 60
        )
    };
    let position = match (&quiz.phase, &quiz.mode) {
        (Phase::Intro, QuizMode::Exam(session)) if quiz.resumed => clock(session),
        (Phase::Intro, _) => String::new(),
        (Phase::Summary, _) => format!(
            "{} {}/{}",
            Msg::QuizSummary.text(lang),
            quiz.score(),
            quiz.entries.len()
        ),
        (_, QuizMode::Exam(session)) => format!(
            "{}/{} · {}",
            quiz.index + 1,
            quiz.entries.len(),
            clock(session)
        ),
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
    let body = body(area);
    let (page, _) = quiz.page(lang, usize::from(body.width));
    draw_page(buf, body, &page, quiz.scroll, theme);
    status_line(buf, area, app);
}
