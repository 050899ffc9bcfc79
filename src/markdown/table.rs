//! GFM tables laid out by display width: columns share the available width,
//! cells wrap inside their column, and the frame is drawn with box characters.

use pulldown_cmark::Alignment;

use super::document::Inline;
use super::layout::{Role, Segment, TextStyle, inline_segments};
use super::wrap::{display_width, unbreakable_widths, wrap};

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
    let mut floor = vec![1usize; columns];
    for row in all_rows {
        for (index, cell) in row.iter().enumerate() {
            let text: String = cell.iter().map(|s| s.text.as_str()).collect();
            let (word, character) = unbreakable_widths(&text);
            natural[index] = natural[index].max(display_width(&text));
            minimum[index] = minimum[index].max(word);
            floor[index] = floor[index].max(character);
        }
    }
    let available = width.saturating_sub(3 * columns + 1);
    let widths = column_widths(&natural, &minimum, &floor, available);

    let mut lines = vec![border(&widths, '┌', '┬', '┐')];
    lines.extend(row_lines(&header_cells, &widths, alignments));
    lines.push(border(&widths, '├', '┼', '┤'));
    for row in &body {
        lines.extend(row_lines(row, &widths, alignments));
    }
    lines.push(border(&widths, '└', '┴', '┘'));
    lines
}

/// Column widths that add up to at most `available` when that is possible:
/// natural widths when they fit; otherwise each column gets at least its
/// longest word and the rest is shared by how much more each one wants; when
/// even the words do not fit, the widest columns give way first, never below
/// `floor` (the widest character, so a wide character is never split).
pub(crate) fn column_widths(
    natural: &[usize],
    minimum: &[usize],
    floor: &[usize],
    available: usize,
) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= available {
        return natural.to_vec();
    }
    let mut widths: Vec<usize> = minimum
        .iter()
        .zip(natural)
        .map(|(m, n)| (*m).min(*n))
        .collect();
    let total: usize = widths.iter().sum();
    if total <= available {
        let mut spare = available - total;
        let wants: Vec<usize> = natural.iter().zip(&widths).map(|(n, w)| n - w).collect();
        let total_wants: usize = wants.iter().sum::<usize>().max(1);
        for (width, want) in widths.iter_mut().zip(&wants) {
            let share = want * spare / total_wants;
            *width += share;
        }
        spare = available - widths.iter().sum::<usize>();
        while spare > 0 {
            let Some(index) = (0..widths.len())
                .filter(|&i| widths[i] < natural[i])
                .max_by_key(|&i| natural[i] - widths[i])
            else {
                break;
            };
            widths[index] += 1;
            spare -= 1;
        }
        return widths;
    }
    let mut excess = total - available;
    while excess > 0 {
        let Some(index) = (0..widths.len())
            .filter(|&i| widths[i] > floor[i].max(1))
            .max_by_key(|&i| widths[i])
        else {
            break;
        };
        widths[index] -= 1;
        excess -= 1;
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
        assert_eq!(column_widths(&[5, 10], &[3, 4], &[1, 1], 20), [5, 10]);
    }

    #[test]
    fn shares_all_the_space_beyond_minimums() {
        let widths = column_widths(&[10, 40], &[5, 6], &[1, 1], 30);
        assert_eq!(widths.iter().sum::<usize>(), 30);
        assert!(widths[0] >= 5 && widths[1] >= 6, "{widths:?}");
        assert_eq!(
            column_widths(&[20, 20, 20], &[5, 5, 5], &[1, 1, 1], 28)
                .iter()
                .sum::<usize>(),
            28
        );
    }

    #[test]
    fn squeezes_the_widest_first_but_never_below_a_character() {
        let widths = column_widths(&[20, 20, 20], &[12, 12, 4], &[1, 2, 1], 12);
        assert_eq!(widths.iter().sum::<usize>(), 12, "{widths:?}");
        assert!(widths[1] >= 2);
        let tiny = column_widths(&[9; 10], &[9; 10], &[2; 10], 5);
        assert_eq!(tiny, [2; 10]);
    }

    fn plain(text: &str) -> Vec<Inline> {
        vec![Inline {
            text: text.into(),
            style: crate::markdown::InlineStyle::default(),
        }]
    }

    #[test]
    fn tables_fit_every_width_they_can() {
        let header: Vec<Vec<Inline>> = ["Kind", "カテゴリー", "Notes"]
            .iter()
            .map(|t| plain(t))
            .collect();
        let rows = vec![
            [
                "PersistentVolumeClaim",
                "ストレージ",
                "only the claim is Storage",
            ]
            .iter()
            .map(|t| plain(t))
            .collect(),
            ["Deployment", "ワークロード", "apps/v1"]
                .iter()
                .map(|t| plain(t))
                .collect::<Vec<_>>(),
        ];
        for width in 16..=80 {
            let lines = layout_table(&[Alignment::None; 3], &header, &rows, width);
            let widths: Vec<usize> = lines
                .iter()
                .map(|line| line.iter().map(|s| display_width(&s.text)).sum())
                .collect();
            assert!(
                widths.iter().all(|w| *w == widths[0]),
                "width {width}: {widths:?}"
            );
            assert!(widths[0] <= width, "width {width}: {}", widths[0]);
        }
    }
}
