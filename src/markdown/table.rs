//! GFM tables laid out by display width: columns share the available width,
//! cells wrap inside their column, and the frame is drawn with box characters.

use pulldown_cmark::Alignment;

use super::document::Inline;
use super::layout::{Role, Segment, TextStyle, inline_segments};
use super::wrap::{display_width, wrap};

/// Lays out a table into lines of at most `width` columns (when the width
/// allows at least one column per cell).
pub(crate) fn layout_table(
    alignments: &[Alignment],
    header: &[Vec<Inline>],
    rows: &[Vec<Vec<Inline>>],
    width: usize,
) -> Vec<Vec<Segment>> {
    let columns = std::iter::once(header.len())
        .chain(rows.iter().map(Vec::len))
        .max()
        .unwrap_or(0);
    if columns == 0 {
        return Vec::new();
    }
    let header_cells: Vec<Vec<Segment>> = header
        .iter()
        .map(|cell| {
            let mut segments = inline_segments(cell, Role::TableHeader);
            for segment in &mut segments {
                segment.style.bold = true;
            }
            segments
        })
        .collect();
    let body: Vec<Vec<Vec<Segment>>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| inline_segments(cell, Role::Text))
                .collect()
        })
        .collect();
    let all_rows = std::iter::once(&header_cells).chain(body.iter());
    let mut natural = vec![1usize; columns];
    let mut minimum = vec![1usize; columns];
    for row in all_rows {
        for (index, cell) in row.iter().enumerate() {
            let text: String = cell.iter().map(|s| s.text.as_str()).collect();
            natural[index] = natural[index].max(display_width(&text));
            let longest_word = text
                .split_whitespace()
                .map(display_width)
                .max()
                .unwrap_or(0);
            minimum[index] = minimum[index].max(longest_word.min(12));
        }
    }
    let available = width.saturating_sub(3 * columns + 1).max(columns);
    let widths = column_widths(&natural, &minimum, available);

    let mut lines = vec![border(&widths, '┌', '┬', '┐')];
    lines.extend(row_lines(&header_cells, &widths, alignments));
    lines.push(border(&widths, '├', '┼', '┤'));
    for row in &body {
        lines.extend(row_lines(row, &widths, alignments));
    }
    lines.push(border(&widths, '└', '┴', '┘'));
    lines
}

/// Natural widths when they fit; otherwise every column gets its minimum (or a
/// proportional share of the space when even that is too much) and the rest is
/// shared in proportion to how much each column wants beyond its minimum.
pub(crate) fn column_widths(natural: &[usize], minimum: &[usize], available: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= available {
        return natural.to_vec();
    }
    let minimum: Vec<usize> = minimum
        .iter()
        .zip(natural)
        .map(|(m, n)| (*m).min(*n))
        .collect();
    let min_total: usize = minimum.iter().sum();
    if min_total >= available {
        return minimum
            .iter()
            .map(|m| (m * available / min_total.max(1)).max(1))
            .collect();
    }
    let spare = available - min_total;
    let wants: Vec<usize> = natural.iter().zip(&minimum).map(|(n, m)| n - m).collect();
    let total_wants: usize = wants.iter().sum::<usize>().max(1);
    let mut widths: Vec<usize> = minimum
        .iter()
        .zip(&wants)
        .map(|(m, w)| m + w * spare / total_wants)
        .collect();
    let mut left = available - widths.iter().sum::<usize>();
    for (width, (want, min)) in widths.iter_mut().zip(wants.iter().zip(&minimum)) {
        if left == 0 {
            break;
        }
        if *width < min + want {
            *width += 1;
            left -= 1;
        }
    }
    widths
}

fn border(widths: &[usize], left: char, middle: char, right: char) -> Vec<Segment> {
    let mut text = String::new();
    text.push(left);
    for (index, width) in widths.iter().enumerate() {
        if index > 0 {
            text.push(middle);
        }
        text.push_str(&"─".repeat(width + 2));
    }
    text.push(right);
    vec![Segment {
        text,
        style: TextStyle::plain(Role::TableBorder),
    }]
}

fn row_lines(
    cells: &[Vec<Segment>],
    widths: &[usize],
    alignments: &[Alignment],
) -> Vec<Vec<Segment>> {
    let wrapped: Vec<Vec<Vec<Segment>>> = widths
        .iter()
        .enumerate()
        .map(|(index, width)| match cells.get(index) {
            Some(cell) => wrap(cell, *width),
            None => vec![Vec::new()],
        })
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    let bar = || Segment {
        text: "│".into(),
        style: TextStyle::plain(Role::TableBorder),
    };
    (0..height)
        .map(|row| {
            let mut line = vec![bar()];
            for (index, width) in widths.iter().enumerate() {
                let content = wrapped[index].get(row).cloned().unwrap_or_default();
                let used: usize = content.iter().map(|s| display_width(&s.text)).sum();
                let spare = width.saturating_sub(used);
                let (before, after) = match alignments.get(index) {
                    Some(Alignment::Right) => (spare, 0),
                    Some(Alignment::Center) => (spare / 2, spare - spare / 2),
                    _ => (0, spare),
                };
                line.push(Segment {
                    text: " ".repeat(before + 1),
                    style: TextStyle::plain(Role::Text),
                });
                line.extend(content);
                line.push(Segment {
                    text: " ".repeat(after + 1),
                    style: TextStyle::plain(Role::Text),
                });
                line.push(bar());
            }
            line
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_widths_when_they_fit() {
        assert_eq!(column_widths(&[5, 10], &[3, 4], 20), [5, 10]);
    }

    #[test]
    fn shares_space_beyond_minimums() {
        let widths = column_widths(&[10, 40], &[5, 6], 30);
        assert_eq!(widths.iter().sum::<usize>(), 30);
        assert!(widths[0] >= 5 && widths[1] >= 6, "{widths:?}");
    }

    #[test]
    fn squeezes_below_minimums_when_needed() {
        let widths = column_widths(&[20, 20, 20], &[12, 12, 12], 12);
        assert!(widths.iter().sum::<usize>() <= 12, "{widths:?}");
        assert!(widths.iter().all(|w| *w >= 1));
    }
}
