//! Drawing the whole screen: the screen on top, then any pop-up over it.
//! Views only read the state; nothing here changes it or does I/O.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::app::App;
use super::layout::MIN_SIZE;
use super::overlays;
use super::widgets::text::{draw_lines, wrap_plain};
use crate::i18n::Msg;

/// Draws the whole screen for the current state.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    if app.too_small() {
        too_small(area, buf, app);
        return;
    }
    app.screen.state().render(area, buf, app);
    if let Some(overlay) = &app.overlay {
        overlays::render(overlay, area, buf, app);
    }
}

/// The note shown instead of a screen that cannot fit.
fn too_small(area: Rect, buf: &mut Buffer, app: &App) {
    let message = format!(
        "{} ({}×{} → {}×{})",
        Msg::TooSmall.text(app.lang),
        area.width,
        area.height,
        MIN_SIZE.0,
        MIN_SIZE.1
    );
    let lines = wrap_plain(&message, usize::from(area.width));
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let body = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    draw_lines(buf, body, &lines, app.theme, "");
}
