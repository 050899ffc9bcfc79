//! A document laid out for a width: styled lines plus the headings' positions.

use super::document::{Block, Document, Inline, InlineStyle};
use super::table::layout_table;
use super::wrap::{display_width, hard_wrap, truncate, wrap};
use super::yaml_highlight;

/// What a piece of text is, so the theme can colour it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Text,
    Heading(u8),
    Code,
    Link,
    Url,
    /// Bullets, numbers, quote bars.
    Marker,
    CodeBlock,
    YamlKey,
    YamlValue,
    YamlComment,
    YamlMarker,
    YamlPunct,
    TableBorder,
    TableHeader,
    Diagram,
    /// Notes kubetutor adds itself, such as a missing diagram.
    Note,
    Rule,
}

/// A role plus the emphasis markdown gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextStyle {
    pub role: Role,
    pub bold: bool,
    pub italic: bool,
}

impl TextStyle {
    /// A style without emphasis.
    pub fn plain(role: Role) -> TextStyle {
        TextStyle {
            role,
            bold: false,
            italic: false,
        }
    }
}

/// Text with one style; never contains control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub style: TextStyle,
}

/// One screen line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StyledLine {
    pub segments: Vec<Segment>,
}

impl StyledLine {
    /// The line's text without styles (for search).
    pub fn plain_text(&self) -> String {
        self.segments.iter().map(|s| s.text.as_str()).collect()
    }

    /// Display width of the line.
    pub fn width(&self) -> usize {
        self.segments.iter().map(|s| display_width(&s.text)).sum()
    }
}

/// A heading and the line it starts on, for the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingEntry {
    pub level: u8,
    pub title: String,
    pub line: usize,
}

/// A document laid out for one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub width: usize,
    pub lines: Vec<StyledLine>,
    pub headings: Vec<HeadingEntry>,
    /// The first line of each top-level block, so a reader can keep its place
    /// in the text when the width changes.
    pub block_starts: Vec<usize>,
}

impl Layout {
    /// The block (paragraph, heading, code block …) shown at `line`: a place
    /// in the text that does not depend on the width.
    pub fn block_at(&self, line: usize) -> usize {
        self.block_starts
            .iter()
            .rposition(|&start| start <= line)
            .unwrap_or(0)
    }

    /// The first line of block `block`, or the end when there is no such block.
    pub fn line_of_block(&self, block: usize) -> usize {
        self.block_starts
            .get(block)
            .copied()
            .unwrap_or(self.lines.len())
    }

    /// The lesson cut at its `##` headings: the lines of each section (the
    /// text before the first one, if any, is a section too).
    pub fn sections(&self) -> Vec<std::ops::Range<usize>> {
        let mut starts: Vec<usize> = self
            .headings
            .iter()
            .filter(|h| h.level <= 2)
            .map(|h| h.line)
            .collect();
        if starts.first() != Some(&0) {
            starts.insert(0, 0);
        }
        starts
            .iter()
            .enumerate()
            .map(|(index, start)| {
                *start..starts.get(index + 1).copied().unwrap_or(self.lines.len())
            })
            .filter(|range| !range.is_empty())
            .collect()
    }

    /// The section that holds line `line`.
    pub fn section_at(&self, line: usize) -> usize {
        self.sections()
            .iter()
            .rposition(|range| range.start <= line)
            .unwrap_or(0)
    }

    /// The line in this layout that shows the same place in the text as line
    /// `line` of `other` (a layout of the same document at another width).
    pub fn same_place(&self, other: &Layout, line: usize) -> usize {
        let Some(block) = other.block_starts.iter().rposition(|&start| start <= line) else {
            return 0;
        };
        let old_start = other.block_starts[block];
        let old_end = other
            .block_starts
            .get(block + 1)
            .copied()
            .unwrap_or(other.lines.len());
        let new_start = self.block_starts.get(block).copied().unwrap_or(0);
        let new_end = self
            .block_starts
            .get(block + 1)
            .copied()
            .unwrap_or(self.lines.len());
        let within = (line - old_start) * (new_end - new_start) / (old_end - old_start).max(1);
        new_start + within
    }
}

/// Lays out `document` in lines of at most `width` display columns.
pub fn layout(document: &Document, width: usize) -> Layout {
    let width = width.max(1);
    let mut block_starts = Vec::with_capacity(document.blocks.len());
    let chunk = blocks(&document.blocks, width, true, &mut block_starts);
    Layout {
        width,
        block_starts,
        lines: chunk
            .lines
            .into_iter()
            .map(|segments| StyledLine { segments })
            .collect(),
        headings: chunk.headings,
    }
}

#[derive(Default)]
struct Chunk {
    lines: Vec<Vec<Segment>>,
    headings: Vec<HeadingEntry>,
}

impl Chunk {
    /// Appends `other` with a prefix on its first line and another on the rest.
    fn append(&mut self, other: Chunk, first: &[Segment], rest: &[Segment]) {
        let base = self.lines.len();
        self.headings
            .extend(other.headings.into_iter().map(|mut h| {
                h.line += base;
                h
            }));
        for (index, line) in other.lines.into_iter().enumerate() {
            let prefix = if index == 0 { first } else { rest };
            let mut full = prefix.to_vec();
            full.extend(line);
            self.lines.push(full);
        }
    }
}

fn blocks(list: &[Block], width: usize, spaced: bool, starts: &mut Vec<usize>) -> Chunk {
    let mut chunk = Chunk::default();
    for (index, block) in list.iter().enumerate() {
        let tight_list_follows = matches!(block, Block::List { .. }) && !spaced;
        if index > 0 && !tight_list_follows {
            chunk.lines.push(Vec::new());
        }
        starts.push(chunk.lines.len());
        chunk.append(one_block(block, width), &[], &[]);
    }
    chunk
}

fn one_block(block: &Block, width: usize) -> Chunk {
    match block {
        Block::Heading { level, text } => heading(*level, text, width),
        Block::Paragraph(inlines) => Chunk {
            lines: wrap(&inline_segments(inlines, Role::Text), width),
            headings: Vec::new(),
        },
        Block::List { start, items } => list(*start, items, width),
        Block::Table {
            alignments,
            header,
            rows,
        } => Chunk {
            lines: layout_table(alignments, header, rows, width),
            headings: Vec::new(),
        },
        Block::Code { lang, text } => code(lang.as_deref(), text, width),
        Block::Quote(inner) => {
            let bar = [marker("│ ")];
            let mut chunk = Chunk::default();
            chunk.append(
                blocks(inner, width.saturating_sub(2).max(1), true, &mut Vec::new()),
                &bar,
                &bar,
            );
            chunk
        }
        Block::Diagram { name, text } => diagram(name, text.as_deref(), width),
        Block::Rule => Chunk {
            lines: vec![vec![Segment {
                text: "─".repeat(width),
                style: TextStyle::plain(Role::Rule),
            }]],
            headings: Vec::new(),
        },
    }
}

fn marker(text: &str) -> Segment {
    Segment {
        text: text.into(),
        style: TextStyle::plain(Role::Marker),
    }
}

/// Converts markdown inlines into segments with `base` as the role of plain text.
pub(crate) fn inline_segments(inlines: &[Inline], base: Role) -> Vec<Segment> {
    inlines
        .iter()
        .map(|inline| Segment {
            text: inline.text.clone(),
            style: inline_style(inline.style, base),
        })
        .collect()
}

fn inline_style(style: InlineStyle, base: Role) -> TextStyle {
    let role = if style.code {
        Role::Code
    } else if style.url {
        Role::Url
    } else if style.link {
        Role::Link
    } else {
        base
    };
    TextStyle {
        role,
        bold: style.strong || matches!(base, Role::Heading(_)),
        italic: style.emphasis,
    }
}

fn heading(level: u8, text: &[Inline], width: usize) -> Chunk {
    let segments = inline_segments(text, Role::Heading(level));
    let title: String = segments.iter().map(|s| s.text.as_str()).collect();
    let mut lines = wrap(&segments, width);
    if level <= 2 {
        let underline = lines
            .iter()
            .map(|l| l.iter().map(|s| display_width(&s.text)).sum())
            .max()
            .unwrap_or(0);
        lines.push(vec![Segment {
            text: (if level == 1 { "═" } else { "─" }).repeat(underline),
            style: TextStyle::plain(Role::Heading(level)),
        }]);
    }
    Chunk {
        lines,
        headings: vec![HeadingEntry {
            level,
            title,
            line: 0,
        }],
    }
}

fn list(start: Option<u64>, items: &[Vec<Block>], width: usize) -> Chunk {
    let mut chunk = Chunk::default();
    let last_number = start.map(|s| s + items.len().saturating_sub(1) as u64);
    let number_width = last_number.map_or(0, |n| n.to_string().len());
    for (index, item) in items.iter().enumerate() {
        let bullet = match start {
            Some(first) => format!("{:>number_width$}. ", first + index as u64),
            None => "• ".to_string(),
        };
        let indent = " ".repeat(display_width(&bullet));
        let inner = blocks(
            item,
            width.saturating_sub(indent.len()).max(1),
            false,
            &mut Vec::new(),
        );
        let inner = if inner.lines.is_empty() {
            Chunk {
                lines: vec![Vec::new()],
                headings: inner.headings,
            }
        } else {
            inner
        };
        chunk.append(
            inner,
            &[marker(&bullet)],
            &[Segment {
                text: indent,
                style: TextStyle::plain(Role::Text),
            }],
        );
    }
    chunk
}

fn code(lang: Option<&str>, text: &str, width: usize) -> Chunk {
    let highlighted: Vec<Vec<Segment>> = match lang {
        Some("yaml" | "yml") => yaml_highlight::highlight(text),
        _ => text
            .split('\n')
            .map(|line| {
                vec![Segment {
                    text: line.to_string(),
                    style: TextStyle::plain(Role::CodeBlock),
                }]
            })
            .collect(),
    };
    let inner = width.saturating_sub(2).max(1);
    let gutter = [Segment {
        text: "  ".into(),
        style: TextStyle::plain(Role::CodeBlock),
    }];
    let mut chunk = Chunk::default();
    for line in highlighted {
        let wrapped = Chunk {
            lines: hard_wrap(line, inner),
            headings: Vec::new(),
        };
        chunk.append(wrapped, &gutter, &gutter);
    }
    chunk
}

fn diagram(name: &str, text: Option<&str>, width: usize) -> Chunk {
    let Some(text) = text else {
        return Chunk {
            lines: wrap(
                &[Segment {
                    text: format!("[diagram `{name}` is missing]"),
                    style: TextStyle::plain(Role::Note),
                }],
                width,
            ),
            headings: Vec::new(),
        };
    };
    let lines = text
        .split('\n')
        .map(|line| {
            if display_width(line) <= width {
                return vec![Segment {
                    text: line.to_string(),
                    style: TextStyle::plain(Role::Diagram),
                }];
            }
            vec![
                Segment {
                    text: truncate(line, width.saturating_sub(1)).to_string(),
                    style: TextStyle::plain(Role::Diagram),
                },
                marker("›"),
            ]
        })
        .collect();
    Chunk {
        lines,
        headings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::document::parse;

    fn lay(markdown: &str, width: usize) -> Layout {
        layout(
            &parse(markdown, &|_| {
                Some("┌──────────┐\n│ wide box │\n└──────────┘".into())
            }),
            width,
        )
    }

    fn text(layout: &Layout) -> Vec<String> {
        layout.lines.iter().map(StyledLine::plain_text).collect()
    }

    #[test]
    fn every_line_fits_the_width() {
        let markdown = "## Heading that is long\n\nSome **bold** text and `code` that wraps.\n\n- a list item that also wraps around\n  1. nested\n\n> quoted text here\n\n```yaml\napiVersion: apps/v1 # a long comment that must wrap\n```\n\n| kind | group |\n|---|---|\n| Deployment | apps/v1 |\n\n```diagram x\n```\n";
        for width in [12, 20, 40, 80] {
            let laid = lay(markdown, width);
            for line in &laid.lines {
                assert!(
                    line.width() <= width,
                    "width {width}: {:?}",
                    line.plain_text()
                );
            }
        }
    }

    #[test]
    fn same_place_maps_lines_between_widths() {
        let markdown = "Intro paragraph that is long enough to wrap a few times at narrow widths.\n\n## Target\n\nText after.";
        let wide = lay(markdown, 80);
        let narrow = lay(markdown, 20);
        let heading = wide.headings[0].line;
        assert_eq!(narrow.same_place(&wide, heading), narrow.headings[0].line);
        assert_eq!(wide.same_place(&narrow, narrow.headings[0].line), heading);
    }

    #[test]
    fn nested_and_ordered_lists() {
        let laid = lay("1. first\n2. second\n   - inner\n", 40);
        assert_eq!(text(&laid), ["1. first", "2. second", "   • inner"]);
    }

    #[test]
    fn headings_are_recorded_with_their_lines() {
        let laid = lay("Intro\n\n## One\n\nText\n\n### Two\n", 40);
        assert_eq!(laid.headings.len(), 2);
        assert_eq!(laid.lines[laid.headings[0].line].plain_text(), "One");
        assert_eq!(laid.lines[laid.headings[1].line].plain_text(), "Two");
    }

    #[test]
    fn japanese_paragraph_wraps_by_display_width() {
        let laid = lay(
            "Podは、Kubernetesでデプロイできる最小の単位です。同じPodのコンテナはネットワーク名前空間を共有します。",
            20,
        );
        assert!(laid.lines.len() > 3);
        for line in &laid.lines {
            assert!(line.width() <= 20, "{}", line.plain_text());
        }
    }

    #[test]
    fn wide_table_wraps_cells_inside_columns() {
        let markdown = "| Category | Kinds |\n|---|---|\n| Cluster | Node, Namespace, PersistentVolume, ResourceQuota, ServiceAccount, Role |\n| ワークロード | Pod、ReplicaSet、Deployment、DaemonSet |\n";
        let laid = lay(markdown, 40);
        let lines = text(&laid);
        assert!(lines.len() > 6, "{lines:#?}");
        for line in &laid.lines {
            assert_eq!(line.width(), laid.lines[0].width(), "{lines:#?}");
            assert!(line.width() <= 40);
        }
        assert!(lines[0].starts_with('┌') && lines.last().unwrap().starts_with('└'));
    }

    #[test]
    fn diagrams_are_cut_with_a_mark_not_wrapped() {
        let laid = lay("```diagram x\n```", 8);
        assert_eq!(text(&laid), ["┌──────›", "│ wide ›", "└──────›"]);
    }

    #[test]
    fn yaml_code_is_highlighted() {
        let laid = lay("```yaml\nkind: Pod\n```", 40);
        let roles: Vec<Role> = laid.lines[0]
            .segments
            .iter()
            .map(|s| s.style.role)
            .collect();
        assert_eq!(
            roles,
            [
                Role::CodeBlock,
                Role::YamlKey,
                Role::YamlPunct,
                Role::YamlValue
            ]
        );
    }
}
