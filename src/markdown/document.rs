//! pulldown-cmark events → a width-independent document tree.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use unicode_width::UnicodeWidthChar;

use super::sanitize::sanitize;

/// A parsed lesson body, independent of the screen width.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

/// A block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    /// `start` is the first number of an ordered list; `None` for bullets.
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Table {
        alignments: Vec<Alignment>,
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Code {
        lang: Option<String>,
        text: String,
    },
    Quote(Vec<Block>),
    /// An embedded diagram; `text` is `None` when the pack has no such diagram.
    Diagram {
        name: String,
        text: Option<String>,
    },
    Rule,
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    pub style: InlineStyle,
}

/// The inline styles markdown can express.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InlineStyle {
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
    pub link: bool,
    /// The URL shown after a link's text.
    pub url: bool,
}

/// What a lesson points at outside itself, for `pack lint`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefKind {
    Diagram,
    Link,
}

/// A diagram or link target with its byte offset in the markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub kind: RefKind,
    pub target: String,
    pub offset: usize,
}

/// How deeply block quotes, lists and tables may nest; deeper ones are shown
/// flattened into the deepest allowed level, so hostile input cannot exhaust
/// the stack.
pub const MAX_NESTING: usize = 16;

fn is_container(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::BlockQuote(_) | Tag::List(_) | Tag::Item | Tag::Table(_)
    )
}

fn is_container_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::Table
    )
}

/// The byte offset of the first block nested deeper than [`MAX_NESTING`].
pub fn too_deep(markdown: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(tag) if is_container(&tag) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(range.start);
                }
            }
            Event::End(tag) if is_container_end(&tag) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn options() -> Options {
    Options::ENABLE_TABLES
}

/// The diagram name of a fenced block's info string (` ```diagram NAME`).
fn diagram_name(info: &str) -> Option<&str> {
    let mut words = info.split_whitespace();
    (words.next() == Some("diagram")).then(|| words.next().unwrap_or_default())
}

/// Lists every diagram and link a markdown body refers to.
pub fn references(markdown: &str) -> Vec<Reference> {
    Parser::new_ext(markdown, options())
        .into_offset_iter()
        .filter_map(|(event, range)| {
            let (kind, target) = match event {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                    (RefKind::Diagram, diagram_name(&info)?.to_string())
                }
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    (RefKind::Link, dest_url.to_string())
                }
                _ => return None,
            };
            Some(Reference {
                kind,
                target,
                offset: range.start,
            })
        })
        .collect()
}

/// Parses markdown; `diagram` fences are filled in through `diagrams`.
pub fn parse(markdown: &str, diagrams: &dyn Fn(&str) -> Option<String>) -> Document {
    let mut builder = Builder {
        stack: vec![Container::Blocks(Vec::new())],
        opened: Vec::new(),
        inline: None,
        code: None,
        style: InlineStyle::default(),
        strong: 0,
        emphasis: 0,
        links: Vec::new(),
        link_text: String::new(),
        pending_soft: false,
        diagrams,
    };
    for event in Parser::new_ext(markdown, options()) {
        builder.event(event);
    }
    builder.finish()
}

enum Container {
    Blocks(Vec<Block>),
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
    Table {
        alignments: Vec<Alignment>,
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        row: Vec<Vec<Inline>>,
    },
}

enum InlineTarget {
    Paragraph,
    Heading(u8),
    Cell,
}

enum CodeTarget {
    Code(Option<String>),
    Diagram(String),
    Html,
}

struct Builder<'d> {
    stack: Vec<Container>,
    /// For each open container tag: whether it got a container (false once
    /// the nesting limit is reached).
    opened: Vec<bool>,
    inline: Option<(InlineTarget, Vec<Inline>)>,
    code: Option<(CodeTarget, String)>,
    style: InlineStyle,
    strong: u32,
    emphasis: u32,
    links: Vec<String>,
    /// The text of the link being read, to avoid repeating a URL shown as text.
    link_text: String,
    pending_soft: bool,
    diagrams: &'d dyn Fn(&str) -> Option<String>,
}

impl Builder<'_> {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(text) => {
                let style = InlineStyle {
                    code: true,
                    ..self.style
                };
                self.push_inline(&text, style);
            }
            Event::Html(text) | Event::InlineHtml(text)
                if !text.trim_start().starts_with("<!--") =>
            {
                self.text(&text)
            }
            Event::SoftBreak => self.pending_soft = true,
            Event::HardBreak => self.push_inline("\n", self.style),
            Event::Rule => self.push_block(Block::Rule),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        if is_container(&tag) {
            let room = self.stack.len() <= MAX_NESTING;
            self.opened.push(room);
            if !room {
                self.close_implicit();
                return;
            }
        }
        match tag {
            Tag::Paragraph => self.open_inline(InlineTarget::Paragraph),
            Tag::Heading { level, .. } => {
                self.open_inline(InlineTarget::Heading(heading_level(level)))
            }
            Tag::BlockQuote(_) => {
                self.close_implicit();
                self.stack.push(Container::Quote(Vec::new()));
            }
            Tag::CodeBlock(kind) => {
                self.close_implicit();
                let target = match &kind {
                    CodeBlockKind::Fenced(info) => match diagram_name(info) {
                        Some(name) => CodeTarget::Diagram(name.to_string()),
                        None => CodeTarget::Code(
                            info.split_whitespace().next().map(str::to_ascii_lowercase),
                        ),
                    },
                    CodeBlockKind::Indented => CodeTarget::Code(None),
                };
                self.code = Some((target, String::new()));
            }
            Tag::HtmlBlock => {
                self.close_implicit();
                self.code = Some((CodeTarget::Html, String::new()));
            }
            Tag::List(start) => {
                self.close_implicit();
                self.stack.push(Container::List {
                    start,
                    items: Vec::new(),
                });
            }
            Tag::Item => self.stack.push(Container::Item(Vec::new())),
            Tag::Table(alignments) => {
                self.close_implicit();
                self.stack.push(Container::Table {
                    alignments,
                    header: Vec::new(),
                    rows: Vec::new(),
                    row: Vec::new(),
                });
            }
            Tag::TableCell => self.open_inline(InlineTarget::Cell),
            Tag::Emphasis => {
                self.emphasis += 1;
                self.restyle();
            }
            Tag::Strong => {
                self.strong += 1;
                self.restyle();
            }
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.links.push(dest_url.to_string());
                self.link_text.clear();
                self.restyle();
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if is_container_end(&tag) && !self.opened.pop().unwrap_or(false) {
            self.close_implicit();
            return;
        }
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.close_inline(),
            TagEnd::TableCell => {
                if let Some((_, inlines)) = self.inline.take() {
                    match self.stack.last_mut() {
                        Some(Container::Table { row, .. }) => row.push(inlines),
                        _ => self.push_block(Block::Paragraph(inlines)),
                    }
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(Container::Table {
                    header, rows, row, ..
                }) = self.stack.last_mut()
                {
                    let cells = std::mem::take(row);
                    if matches!(tag, TagEnd::TableHead) {
                        *header = cells;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock => self.close_code(),
            TagEnd::Item => {
                self.close_implicit();
                if let Some(Container::Item(blocks)) = self.stack.pop()
                    && let Some(Container::List { items, .. }) = self.stack.last_mut()
                {
                    items.push(blocks);
                }
            }
            TagEnd::List(_) | TagEnd::BlockQuote(_) | TagEnd::Table => self.close_container(),
            TagEnd::Emphasis => {
                self.emphasis = self.emphasis.saturating_sub(1);
                self.restyle();
            }
            TagEnd::Strong => {
                self.strong = self.strong.saturating_sub(1);
                self.restyle();
            }
            TagEnd::Link | TagEnd::Image => self.close_link(),
            _ => {}
        }
    }

    /// Ends a list, quote or table: the container on top of the stack
    /// becomes a block of its parent; anything else on top is put back
    /// untouched.
    fn close_container(&mut self) {
        self.close_implicit();
        let block = match self.stack.pop() {
            Some(Container::List { start, items }) => Block::List { start, items },
            Some(Container::Quote(blocks)) => Block::Quote(blocks),
            Some(Container::Table {
                alignments,
                header,
                rows,
                ..
            }) => Block::Table {
                alignments,
                header,
                rows,
            },
            Some(other) => {
                self.stack.push(other);
                return;
            }
            None => return,
        };
        self.push_block(block);
    }

    /// Ends a link or image; a web address that its text does not already
    /// show is written after it, so it is not lost on a terminal.
    fn close_link(&mut self) {
        if let Some(url) = self.links.pop() {
            self.restyle();
            let shown = url.trim_start_matches("mailto:") == self.link_text.trim();
            if url.contains("://") && !shown {
                let style = InlineStyle {
                    url: true,
                    ..InlineStyle::default()
                };
                self.push_inline(&format!(" ({url})"), style);
            }
        }
    }

    fn restyle(&mut self) {
        self.style = InlineStyle {
            strong: self.strong > 0,
            emphasis: self.emphasis > 0,
            link: !self.links.is_empty(),
            ..InlineStyle::default()
        };
    }

    fn text(&mut self, text: &str) {
        if let Some((_, buffer)) = &mut self.code {
            buffer.push_str(text);
        } else {
            if !self.links.is_empty() {
                self.link_text.push_str(text);
            }
            self.push_inline(text, self.style);
        }
    }

    fn open_inline(&mut self, target: InlineTarget) {
        self.close_implicit();
        self.inline = Some((target, Vec::new()));
        self.pending_soft = false;
    }

    /// Tight list items carry text without a paragraph: open one implicitly.
    fn push_inline(&mut self, text: &str, style: InlineStyle) {
        let (_, inlines) = self
            .inline
            .get_or_insert_with(|| (InlineTarget::Paragraph, Vec::new()));
        let mut text = sanitize(text);
        if text != "\n" {
            text = text.replace('\n', " ");
        }
        if std::mem::take(&mut self.pending_soft) {
            let before = inlines.last().and_then(|i| i.text.chars().last());
            let after = text.chars().next();
            if !(is_wide(before) && is_wide(after)) {
                text.insert(0, ' ');
            }
        }
        match inlines.last_mut() {
            Some(last) if last.style == style && text != "\n" && last.text != "\n" => {
                last.text.push_str(&text)
            }
            _ => inlines.push(Inline { text, style }),
        }
    }

    fn close_inline(&mut self) {
        if let Some((target, inlines)) = self.inline.take() {
            let block = match target {
                InlineTarget::Heading(level) => Block::Heading {
                    level,
                    text: inlines,
                },
                InlineTarget::Paragraph | InlineTarget::Cell => Block::Paragraph(inlines),
            };
            self.push_block(block);
        }
    }

    fn close_implicit(&mut self) {
        if matches!(self.inline, Some((InlineTarget::Paragraph, _))) {
            self.close_inline();
        }
    }

    fn close_code(&mut self) {
        let Some((target, text)) = self.code.take() else {
            return;
        };
        let text = sanitize(text.trim_end_matches('\n'));
        let block = match target {
            CodeTarget::Code(lang) => Block::Code { lang, text },
            CodeTarget::Diagram(name) => {
                let text = (self.diagrams)(&name).map(|t| sanitize(t.trim_end_matches('\n')));
                Block::Diagram { name, text }
            }
            CodeTarget::Html => Block::Paragraph(vec![Inline {
                text: text.replace('\n', " "),
                style: InlineStyle::default(),
            }]),
        };
        self.push_block(block);
    }

    fn push_block(&mut self, block: Block) {
        if !matches!(block, Block::Paragraph(_) | Block::Heading { .. }) {
            self.close_implicit();
        }
        if let Some(
            Container::Blocks(blocks) | Container::Quote(blocks) | Container::Item(blocks),
        ) = self.stack.last_mut()
        {
            blocks.push(block);
        }
    }

    fn finish(mut self) -> Document {
        self.close_inline();
        self.opened.clear();
        while self.stack.len() > 1 {
            self.opened.push(true);
            self.end(match self.stack.last() {
                Some(Container::Item(_)) => TagEnd::Item,
                Some(Container::Table { .. }) => TagEnd::Table,
                _ => TagEnd::List(false),
            });
        }
        match self.stack.pop() {
            Some(Container::Blocks(blocks)) => Document { blocks },
            _ => Document::default(),
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn is_wide(c: Option<char>) -> bool {
    c.and_then(UnicodeWidthChar::width).is_some_and(|w| w >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_diagrams(_: &str) -> Option<String> {
        None
    }

    fn plain(text: &str) -> Inline {
        Inline {
            text: text.into(),
            style: InlineStyle::default(),
        }
    }

    #[test]
    fn builds_nested_lists() {
        let doc = parse("- one\n  - two\n- three\n", &no_diagrams);
        let Block::List { start: None, items } = &doc.blocks[0] else {
            panic!("{doc:?}")
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0][0], Block::Paragraph(vec![plain("one")]));
        assert!(matches!(items[0][1], Block::List { .. }));
    }

    #[test]
    fn links_show_their_url() {
        let doc = parse("See [docs](https://kubernetes.io).", &no_diagrams);
        let Block::Paragraph(inlines) = &doc.blocks[0] else {
            panic!()
        };
        let text: String = inlines.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(text, "See docs (https://kubernetes.io).");
        assert!(inlines[1].style.link && inlines[2].style.url);
    }

    #[test]
    fn local_links_and_autolinks_show_no_repeated_url() {
        let text = |markdown: &str| {
            let doc = parse(markdown, &no_diagrams);
            let Block::Paragraph(inlines) = &doc.blocks[0] else {
                panic!("{doc:?}")
            };
            inlines.iter().map(|i| i.text.as_str()).collect::<String>()
        };
        assert_eq!(text("see [next](02-more.md)"), "see next");
        assert_eq!(text("<https://k8s.io>"), "https://k8s.io");
        assert_eq!(text("<a@b.c> x <!-- hidden -->"), "a@b.c x ");
    }

    #[test]
    fn soft_breaks_between_japanese_add_no_space() {
        let doc = parse("日本語の\n文章です。\nand English\nwords", &no_diagrams);
        let Block::Paragraph(inlines) = &doc.blocks[0] else {
            panic!()
        };
        assert_eq!(inlines[0].text, "日本語の文章です。 and English words");
    }

    #[test]
    fn diagram_fences_embed_the_asset() {
        let diagrams = |name: &str| (name == "flow").then(|| "A → B\n".to_string());
        let doc = parse("```diagram flow\n```\n\n```diagram nope\n```\n", &diagrams);
        assert_eq!(
            doc.blocks[0],
            Block::Diagram {
                name: "flow".into(),
                text: Some("A → B".into())
            }
        );
        assert_eq!(
            doc.blocks[1],
            Block::Diagram {
                name: "nope".into(),
                text: None
            }
        );
    }

    #[test]
    fn tables_keep_header_and_rows() {
        let doc = parse("| a | b |\n|---|:-:|\n| 1 | 2 |\n", &no_diagrams);
        let Block::Table {
            alignments,
            header,
            rows,
        } = &doc.blocks[0]
        else {
            panic!("{doc:?}")
        };
        assert_eq!(alignments, &[Alignment::None, Alignment::Center]);
        assert_eq!(header, &[vec![plain("a")], vec![plain("b")]]);
        assert_eq!(rows, &[vec![vec![plain("1")], vec![plain("2")]]]);
    }

    #[test]
    fn control_characters_never_survive() {
        let doc = parse(
            "hi \u{1b}[31mred `co\u{7}de`\n\n```yaml\na: \u{1b}]0;t\u{7}\n```",
            &no_diagrams,
        );
        let debug = format!("{doc:?}");
        assert!(
            !debug.contains("\\u{1b}") && !debug.contains("\\u{7}"),
            "{debug}"
        );
    }

    #[test]
    fn deep_nesting_is_flattened_not_recursed() {
        let hostile = ">".repeat(30_000) + " deep";
        let doc = parse(&hostile, &no_diagrams);
        let mut depth = 0;
        let mut blocks = &doc.blocks;
        while let Some(Block::Quote(inner)) = blocks.first() {
            depth += 1;
            blocks = inner;
        }
        assert_eq!(depth, MAX_NESTING);
        assert_eq!(blocks[0], Block::Paragraph(vec![plain("deep")]));
        assert_eq!(too_deep(&hostile), Some(MAX_NESTING));
        assert_eq!(too_deep("> a\n>> b\n"), None);
        let lists = "- a\n".to_string()
            + &(1..40)
                .map(|i| format!("{}- x\n", "  ".repeat(i)))
                .collect::<String>();
        assert!(too_deep(&lists).is_some());
        parse(&lists, &no_diagrams);
    }

    #[test]
    fn references_list_diagrams_and_links() {
        let refs = references("x [a](02-b.md)\n\n```diagram flow\n```\n");
        assert_eq!(
            refs[0],
            Reference {
                kind: RefKind::Link,
                target: "02-b.md".into(),
                offset: 2
            }
        );
        assert_eq!(refs[1].kind, RefKind::Diagram);
        assert_eq!(refs[1].target, "flow");
    }
}
