//! A page of wrapped, styled lines for the quiz and exercise screens, built
//! by a pure function of the state and the width: `update` builds it to keep
//! the cursor visible and to map clicks, views build it to draw.

use crate::markdown::{
    self, Block, Document, Inline, InlineStyle, Role, Segment, StyledLine, TextStyle, display_width,
};

/// How a line is emphasised beyond its own styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// Under the cursor.
    Cursor,
    /// A right answer, in feedback.
    Right,
    /// A wrong answer, in feedback.
    Wrong,
}

/// Lines with their marks and the option (if any) each line belongs to.
#[derive(Debug, Default)]
pub struct Page {
    pub lines: Vec<StyledLine>,
    pub marks: Vec<Mark>,
    /// For each line, the index of the option it shows, for clicks.
    pub targets: Vec<Option<usize>>,
}

impl Page {
    /// The first line of option `target`.
    pub fn line_of(&self, target: usize) -> Option<usize> {
        self.targets.iter().position(|t| *t == Some(target))
    }
}

/// Builds a page `width` columns wide.
pub struct PageBuilder {
    width: usize,
    page: Page,
}

impl PageBuilder {
    pub fn new(width: usize) -> PageBuilder {
        PageBuilder {
            width: width.max(1),
            page: Page::default(),
        }
    }

    pub fn finish(self) -> Page {
        self.page
    }

    /// Lines so far: the index the next line will have.
    pub fn len(&self) -> usize {
        self.page.lines.len()
    }

    fn push(&mut self, line: StyledLine, mark: Mark, target: Option<usize>) {
        self.page.lines.push(line);
        self.page.marks.push(mark);
        self.page.targets.push(target);
    }

    pub fn blank(&mut self) {
        if self
            .page
            .lines
            .last()
            .is_some_and(|l| !l.segments.is_empty())
        {
            self.push(StyledLine::default(), Mark::Plain, None);
        }
    }

    /// Markdown text from the pack (prompts, explanations, instructions).
    pub fn markdown(&mut self, text: &str) {
        let document = markdown::parse(text, &|_| None);
        for line in markdown::layout(&document, self.width).lines {
            self.push(line, Mark::Plain, None);
        }
    }

    /// A YAML file, highlighted.
    pub fn yaml(&mut self, text: &str) {
        let document = Document {
            blocks: vec![Block::Code {
                lang: Some("yaml".into()),
                text: text.to_string(),
            }],
        };
        for line in markdown::layout(&document, self.width).lines {
            self.push(line, Mark::Plain, None);
        }
    }

    /// Interface text in one role, wrapped.
    pub fn text(&mut self, text: &str, role: Role) {
        self.hanging("", text, role, Mark::Plain, None);
    }

    /// Text after a prefix (a number, a marker), wrapped with the following
    /// lines indented under the text.
    pub fn hanging(
        &mut self,
        prefix: &str,
        text: &str,
        role: Role,
        mark: Mark,
        target: Option<usize>,
    ) {
        let indent = display_width(prefix);
        let room = self.width.saturating_sub(indent).max(1);
        let document = Document {
            blocks: vec![Block::Paragraph(vec![Inline {
                text: markdown::sanitize(text),
                style: InlineStyle::default(),
            }])],
        };
        let lines = markdown::layout(&document, room).lines;
        for (index, line) in lines.into_iter().enumerate() {
            let lead = if index == 0 {
                prefix.to_string()
            } else {
                " ".repeat(indent)
            };
            let mut segments = vec![Segment {
                text: lead,
                style: TextStyle::plain(Role::Marker),
            }];
            segments.extend(line.segments.into_iter().map(|s| Segment {
                style: TextStyle {
                    role: if s.style.role == Role::Text {
                        role
                    } else {
                        s.style.role
                    },
                    ..s.style
                },
                ..s
            }));
            self.push(StyledLine { segments }, mark, target);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hanging_text_wraps_under_itself_and_keeps_its_target() {
        let mut page = PageBuilder::new(12);
        page.hanging(
            "1. ",
            "alpha beta gamma delta",
            Role::Text,
            Mark::Cursor,
            Some(4),
        );
        let page = page.finish();
        let text: Vec<String> = page.lines.iter().map(StyledLine::plain_text).collect();
        assert_eq!(text, ["1. alpha", "   beta", "   gamma", "   delta"]);
        assert!(page.marks.iter().all(|m| *m == Mark::Cursor));
        assert_eq!(page.line_of(4), Some(0));
    }
}
