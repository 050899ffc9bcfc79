//! Where things are on the screen. Both `update` (to keep a cursor in view,
//! to map a click to a row, to clamp a scroll) and the views (to draw) need
//! the same geometry, so it lives here once and both import it.

use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders};

use super::screens::exercise::Pane;

/// The smallest terminal the screens are designed for.
pub const MIN_SIZE: (u16, u16) = (40, 12);

/// Whether a terminal of `size` is below the supported size.
pub fn too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_SIZE.0 || size.1 < MIN_SIZE.1
}

/// One row of `area`.
pub fn row(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y,
        height: 1,
        ..area
    }
}

/// The screen's area for a terminal of `size`.
pub fn screen(size: (u16, u16)) -> Rect {
    Rect::new(0, 0, size.0, size.1)
}

/// The text area of a screen with a title bar and a status line, one
/// column of margin on each side (the quiz page).
pub fn body(area: Rect) -> Rect {
    Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// Rows above the course map's lesson list: title bar, overall progress,
/// column header.
const COURSE_MAP_HEADER_ROWS: u16 = 3;

/// Where the course map puts its rows: the first list row and how many fit.
pub fn course_map_rows(size: (u16, u16), lessons: usize) -> (u16, usize) {
    let room = usize::from(size.1.saturating_sub(COURSE_MAP_HEADER_ROWS + 1));
    (COURSE_MAP_HEADER_ROWS, lessons.min(room))
}

/// The exercise list's visible rows and the first entry shown, so the
/// selected one is on screen.
pub fn exercise_list_window(size: (u16, u16), selected: usize) -> (usize, usize) {
    let rows = usize::from(size.1.saturating_sub(2));
    (rows, selected.saturating_sub(rows.saturating_sub(1)))
}

/// The reader's text width and number of visible lines (one line less
/// when the fallback note shows).
pub fn reader_viewport(size: (u16, u16), fallback: bool) -> (usize, usize) {
    let width = usize::from(size.0.saturating_sub(2)).max(1);
    let chrome = 2 + u16::from(fallback);
    (width, usize::from(size.1.saturating_sub(chrome)).max(1))
}

/// The quiz page's width and visible rows.
pub fn quiz_page(size: (u16, u16)) -> (usize, usize) {
    let body = body(screen(size));
    (usize::from(body.width), usize::from(body.height).max(1))
}

/// Below this width the exercise screen shows one pane at a time.
pub const WIDE: u16 = 80;

/// Where each exercise pane's text goes (under its one-line header); `None`
/// for a pane a narrow screen does not show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneAreas {
    pub wide: bool,
    pub instructions: Option<Rect>,
    pub file: Option<Rect>,
    pub results: Option<Rect>,
}

impl PaneAreas {
    /// The text area of `pane`, if it shows.
    pub fn of(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Instructions => self.instructions,
            Pane::File => self.file,
            Pane::Results => self.results,
        }
    }
}

/// The exercise panes of a screen of `area` (title bar and status bar included).
pub fn pane_areas(area: Rect, focus: Pane) -> PaneAreas {
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    let text = |rect: Rect| Rect {
        x: rect.x + 1,
        y: rect.y + 1,
        width: rect.width.saturating_sub(2),
        height: rect.height.saturating_sub(1),
    };
    if area.width < WIDE {
        let one = Some(text(body));
        return PaneAreas {
            wide: false,
            instructions: one.filter(|_| focus == Pane::Instructions),
            file: one.filter(|_| focus == Pane::File),
            results: one.filter(|_| focus == Pane::Results),
        };
    }
    let left_width = body.width / 2;
    let left = Rect {
        width: left_width,
        ..body
    };
    let right = Rect {
        x: body.x + left_width,
        width: body.width - left_width,
        ..body
    };
    let file_height = (right.height * 2 / 5).max(3);
    let file = Rect {
        height: file_height,
        ..right
    };
    let results = Rect {
        y: right.y + file_height,
        height: right.height.saturating_sub(file_height),
        ..right
    };
    PaneAreas {
        wide: true,
        instructions: Some(text(left)),
        file: Some(text(file)),
        results: Some(text(results)),
    }
}

/// A centred rectangle of at most `width`×`height` inside `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The help pop-up's visible rows of keys for `rows` rows of help on a
/// screen of `size` (the pop-up has a border and a closing line).
pub fn help_room(rows: usize, size: (u16, u16)) -> usize {
    let popup_height = (rows + 3).min(usize::from(size.1));
    popup_height.saturating_sub(3)
}

/// The detail pop-up on a screen of `area`.
pub fn detail_popup(area: Rect) -> Rect {
    centred(
        area,
        area.width.saturating_sub(4).min(90),
        area.height.saturating_sub(2),
    )
}

/// The text area of the detail pop-up on a screen of `area`.
pub fn detail_text_area(area: Rect) -> Rect {
    let inner = Block::default()
        .borders(Borders::ALL)
        .inner(detail_popup(area));
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_exercise_screens_show_one_pane() {
        let narrow = pane_areas(Rect::new(0, 0, 40, 12), Pane::File);
        assert!(!narrow.wide);
        assert!(narrow.file.is_some() && narrow.results.is_none());
        let wide = pane_areas(Rect::new(0, 0, 100, 30), Pane::File);
        assert!(wide.wide && wide.instructions.is_some() && wide.results.is_some());
    }

    #[test]
    fn lists_keep_the_selection_in_view() {
        assert_eq!(exercise_list_window((40, 12), 3), (10, 0));
        assert_eq!(exercise_list_window((40, 12), 15), (10, 6));
        assert_eq!(course_map_rows((40, 12), 8), (3, 8));
        assert_eq!(course_map_rows((40, 10), 8), (3, 6));
    }
}
