//! Drawing a [`Page`] into an area, with its marks, from a scroll position.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::page::{Mark, Page};
use crate::tui::theme::Theme;

/// Draws the page's lines from `scroll`; returns the scroll actually used
/// (clamped so the last line is at the bottom at most).
pub(crate) fn draw_page(
    buf: &mut Buffer,
    area: Rect,
    page: &Page,
    scroll: usize,
    theme: Theme,
) -> usize {
    let rows = usize::from(area.height);
    let scroll = scroll.min(page.lines.len().saturating_sub(rows));
    for (row, (line, mark)) in page
        .lines
        .iter()
        .zip(&page.marks)
        .skip(scroll)
        .take(rows)
        .enumerate()
    {
        let over = match mark {
            Mark::Plain => None,
            Mark::Cursor => Some(theme.selected()),
            Mark::Right => Some(theme.right()),
            Mark::Wrong => Some(theme.wrong()),
        };
        let spans: Vec<Span> = line
            .segments
            .iter()
            .map(|segment| {
                let style = theme.text(segment.style);
                Span::styled(
                    segment.text.as_str(),
                    over.map_or(style, |o| style.patch(o)),
                )
            })
            .collect();
        let y = area.y + row as u16;
        if *mark == Mark::Cursor {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                theme.selected(),
            );
        }
        buf.set_line(area.x, y, &Line::from(spans), area.width);
    }
    scroll
}
