//! YAML with source positions: a located tree built from saphyr-parser events.
//!
//! Scalars are resolved the way kubectl's YAML library does (YAML 1.1: `yes`,
//! `on` and `off` are booleans, `0755` is octal), so type errors match what a
//! real apply would say. Limits protect against hostile input: size, nesting
//! depth and an alias-expansion budget.

pub mod de;
mod kubectl;

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScanError, Span};

use super::go::yaml11::resolve;

use super::finding::Pos;

/// The largest input the validator reads.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;
/// The deepest nesting of mappings and sequences accepted.
pub const MAX_DEPTH: usize = 200;
/// How many nodes aliases may copy in one input; far above any real manifest,
/// far below what an alias bomb needs.
pub const ALIAS_BUDGET: usize = 100_000;

/// A value of the located tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// A mapping entry; keys are strings (Kubernetes objects have no other keys).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_pos: Pos,
    pub value: Node,
}

/// A value and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
    /// The scalar as written, for messages (`"500m"`, `yes`).
    pub raw: String,
}

impl Node {
    /// The value under `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|entry| &entry.value)
    }

    /// The entry for `key` of a mapping (to point at the key itself).
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|entry| entry.key == key),
            _ => None,
        }
    }

    /// The entry for `key` unless it is absent or null (Go reads null as unset).
    pub fn present_entry(&self, key: &str) -> Option<&Entry> {
        self.entry(key)
            .filter(|entry| entry.value.value != Value::Null)
    }

    /// The value under `key` unless it is absent or null.
    pub fn present(&self, key: &str) -> Option<&Node> {
        self.present_entry(key).map(|entry| &entry.value)
    }

    /// The boolean under `key`, if it is one.
    pub fn flag(&self, key: &str) -> Option<bool> {
        match self.get(key)?.value {
            Value::Bool(value) => Some(value),
            _ => None,
        }
    }

    /// The integer under `key`, if it is one.
    pub fn int(&self, key: &str) -> Option<i64> {
        match self.get(key)?.value {
            Value::Int(value) => Some(value),
            _ => None,
        }
    }

    /// The string under `key`, if it is one.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.get(key)?.as_str()
    }

    /// The string value, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(text) => Some(text),
            _ => None,
        }
    }

    /// The items of a sequence (empty for anything else).
    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }

    /// The entries of a mapping (empty for anything else).
    pub fn entries(&self) -> &[Entry] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    fn size(&self) -> usize {
        1 + match &self.value {
            Value::Seq(items) => items.iter().map(Node::size).sum(),
            Value::Map(entries) => entries.iter().map(|e| e.value.size()).sum(),
            _ => 0,
        }
    }
}

/// One document of the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub root: Node,
}

/// What stopped the YAML layer, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub kind: YamlErrorKind,
    pub pos: Pos,
}

/// The reasons YAML can be unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YamlErrorKind {
    /// The parser's own reason.
    Syntax(String),
    TooLarge(usize),
    TooDeep,
    AliasBudget,
    UnknownAlias,
    NonScalarKey,
    InvalidUtf8,
}

/// A duplicate mapping key: an error, as with `kubectl --validate=strict`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    pub document: usize,
    pub key: String,
    pub pos: Pos,
    pub first: Pos,
    /// The field path of the mapping holding the key.
    pub path: String,
}

/// The parsed input: the documents read before any fatal error, the
/// duplicate keys met, and the fatal error if there was one.
#[derive(Debug, Default)]
pub struct Parsed {
    pub documents: Vec<Document>,
    pub duplicates: Vec<DuplicateKey>,
    pub error: Option<YamlError>,
}

/// Parses raw bytes: checks size and UTF-8 first.
pub fn parse_bytes(bytes: &[u8]) -> Parsed {
    if bytes.len() > MAX_INPUT_BYTES {
        return fatal(
            YamlErrorKind::TooLarge(bytes.len()),
            Pos { line: 1, column: 1 },
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(err) => {
            let valid = String::from_utf8_lossy(&bytes[..err.valid_up_to()]).into_owned();
            let line = valid.matches('\n').count() + 1;
            let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            fatal(YamlErrorKind::InvalidUtf8, Pos { line, column })
        }
    }
}

/// Every document of a stream as a located tree, or the first error
/// (syntax, duplicate key) that makes the stream unusable.
pub fn parse_stream(text: &str) -> Result<Vec<Node>, (String, Pos)> {
    let parsed = parse(text);
    if let Some(error) = parsed.error {
        return Err((error.kind.describe(), error.pos));
    }
    if let Some(duplicate) = parsed.duplicates.first() {
        return Err(duplicate_message(duplicate));
    }
    Ok(parsed.documents.into_iter().map(|d| d.root).collect())
}

fn duplicate_message(duplicate: &DuplicateKey) -> (String, Pos) {
    (
        format!(
            "duplicate key `{}` (first at line {})",
            duplicate.key, duplicate.first.line
        ),
        duplicate.pos,
    )
}

/// A pack file's one document as a located tree: `Ok(None)` when it is
/// empty; a syntax error, a duplicate key or a second document is an error.
pub fn parse_single(text: &str) -> Result<Option<Node>, (String, Pos)> {
    let parsed = parse(text);
    if let Some(error) = parsed.error {
        return Err((error.kind.describe(), error.pos));
    }
    if let Some(duplicate) = parsed.duplicates.first() {
        return Err(duplicate_message(duplicate));
    }
    let mut documents = parsed.documents.into_iter();
    let first = documents.next().map(|document| document.root);
    match documents.next() {
        Some(second) => Err((
            "a second YAML document; this file holds one".into(),
            second.root.pos,
        )),
        None => Ok(first),
    }
}

impl YamlErrorKind {
    /// The reason in English, for pack problems.
    pub fn describe(&self) -> String {
        match self {
            YamlErrorKind::Syntax(reason) => reason.clone(),
            YamlErrorKind::TooLarge(bytes) => {
                format!("{bytes} bytes is more than {MAX_INPUT_BYTES}")
            }
            YamlErrorKind::TooDeep => format!("nesting deeper than {MAX_DEPTH} levels"),
            YamlErrorKind::AliasBudget => {
                format!("aliases expand to more than {ALIAS_BUDGET} nodes")
            }
            YamlErrorKind::UnknownAlias => "unknown anchor referenced by an alias".into(),
            YamlErrorKind::NonScalarKey => "mapping keys must be scalars".into(),
            YamlErrorKind::InvalidUtf8 => "not valid UTF-8".into(),
        }
    }
}

fn fatal(kind: YamlErrorKind, pos: Pos) -> Parsed {
    Parsed {
        error: Some(YamlError { kind, pos }),
        ..Parsed::default()
    }
}

/// Parses a YAML stream into located documents; empty documents are skipped.
pub fn parse(text: &str) -> Parsed {
    if text.len() > MAX_INPUT_BYTES {
        return fatal(
            YamlErrorKind::TooLarge(text.len()),
            Pos { line: 1, column: 1 },
        );
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut source = std::borrow::Cow::Borrowed(text);
    let mut quotes = HashMap::new();
    for _ in 0..kubectl::MAX_REWRITES {
        let parsed = parse_strict(&source, &quotes);
        let Some(rewrite) = parsed
            .error
            .as_ref()
            .and_then(|error| kubectl::rewrite(&source, error))
        else {
            return parsed;
        };
        quotes.extend(rewrite.quoted_scalar);
        source = std::borrow::Cow::Owned(rewrite.text);
    }
    parse_strict(&source, &quotes)
}

/// Parses YAML 1.2 as saphyr reads it; `quotes` are the scalars whose
/// quote escapes were rewritten (see [`kubectl`]).
fn parse_strict(text: &str, quotes: &HashMap<Pos, char>) -> Parsed {
    let mut builder = Builder {
        quotes: quotes.clone(),
        ..Builder::default()
    };
    for item in Parser::new_from_str(text) {
        let result = match item {
            Ok((event, span)) => builder.event(event, span),
            Err(err) => Err(scan_error(&err)),
        };
        if let Err(error) = result {
            builder.parsed.error = Some(error);
            break;
        }
    }
    builder.parsed
}

fn pos_of(span: &Span) -> Pos {
    Pos {
        line: span.start.line(),
        column: span.start.col() + 1,
    }
}

fn scan_error(err: &ScanError) -> YamlError {
    let kind = if err.info() == "recursion limit exceeded" {
        YamlErrorKind::TooDeep
    } else {
        YamlErrorKind::Syntax(err.info().to_string())
    };
    YamlError {
        kind,
        pos: Pos {
            line: err.marker().line(),
            column: err.marker().col() + 1,
        },
    }
}

enum Frame {
    Seq {
        items: Vec<Node>,
        pos: Pos,
        anchor: usize,
    },
    Map {
        entries: Vec<Entry>,
        /// Entries of `<<` merge keys; explicit keys win over them.
        merged: Vec<Entry>,
        /// Where each key of `entries` stands, so duplicates are found in
        /// constant time even in huge mappings.
        seen: HashMap<String, Pos>,
        pos: Pos,
        anchor: usize,
        pending_key: Option<(String, Pos)>,
    },
}

#[derive(Default)]
struct Builder {
    parsed: Parsed,
    /// Double-quoted scalars whose `\'` escapes were rewritten, by where
    /// they start, with the character that stands in for `'`.
    quotes: HashMap<Pos, char>,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    copied: usize,
    root: Option<Node>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), YamlError> {
        let pos = pos_of(&span);
        match event {
            Event::DocumentStart(_) => {
                self.anchors.clear();
                self.root = None;
            }
            Event::DocumentEnd => {
                if let Some(root) = self.root.take()
                    && !is_empty_document(&root)
                {
                    self.parsed.documents.push(Document { root });
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let text = match self.quotes.get(&pos) {
                    Some(stand_in) => std::borrow::Cow::Owned(text.replace(*stand_in, "'")),
                    None => text,
                };
                let value = resolve(&text, style, tag.as_ref().map(|t| t.suffix.as_str()));
                let node = Node {
                    value,
                    pos,
                    raw: text.into_owned(),
                };
                self.add(node, anchor)?;
            }
            Event::SequenceStart(anchor, _) => {
                self.enter(pos)?;
                self.stack.push(Frame::Seq {
                    items: Vec::new(),
                    pos,
                    anchor,
                });
            }
            Event::MappingStart(anchor, _) => {
                self.enter(pos)?;
                self.stack.push(Frame::Map {
                    entries: Vec::new(),
                    merged: Vec::new(),
                    seen: HashMap::new(),
                    pos,
                    anchor,
                    pending_key: None,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => self.leave()?,
            Event::Alias(id) => self.alias(id, pos)?,
            Event::StreamStart | Event::StreamEnd | Event::Nothing => {}
        }
        Ok(())
    }

    /// A collection becomes a node only at its end, once its merge keys can yield to explicit ones.
    fn leave(&mut self) -> Result<(), YamlError> {
        let (node, anchor) = match self.stack.pop() {
            Some(Frame::Seq { items, pos, anchor }) => (collection(Value::Seq(items), pos), anchor),
            Some(Frame::Map {
                mut entries,
                merged,
                pos,
                anchor,
                ..
            }) => {
                let mut present: std::collections::HashSet<String> =
                    entries.iter().map(|e| e.key.clone()).collect();
                for entry in merged {
                    if present.insert(entry.key.clone()) {
                        entries.push(entry);
                    }
                }
                (collection(Value::Map(entries), pos), anchor)
            }
            None => return Ok(()),
        };
        self.add(node, anchor)
    }

    /// Aliases are copied, not shared, so every copy counts against the alias budget.
    fn alias(&mut self, id: usize, pos: Pos) -> Result<(), YamlError> {
        let node = self.anchors.get(&id).ok_or(YamlError {
            kind: YamlErrorKind::UnknownAlias,
            pos,
        })?;
        let size = node.size();
        if self.copied + size > ALIAS_BUDGET {
            return Err(YamlError {
                kind: YamlErrorKind::AliasBudget,
                pos,
            });
        }
        self.copied += size;
        let mut copy = node.clone();
        copy.pos = pos;
        self.add(copy, 0)
    }

    fn enter(&self, pos: Pos) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(YamlError {
                kind: YamlErrorKind::TooDeep,
                pos,
            });
        }
        Ok(())
    }

    /// Adds a finished node to the collection being built (or makes it the root).
    fn add(&mut self, node: Node, anchor: usize) -> Result<(), YamlError> {
        if anchor > 0 {
            let size = node.size();
            if self.copied + size > ALIAS_BUDGET {
                return Err(YamlError {
                    kind: YamlErrorKind::AliasBudget,
                    pos: node.pos,
                });
            }
            self.copied += size;
            self.anchors.insert(anchor, node.clone());
        }
        let path = self.path();
        let document = self.parsed.documents.len();
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                merged,
                seen,
                pending_key,
                ..
            }) => match pending_key.take() {
                None => {
                    let key = match &node.value {
                        Value::Str(_)
                        | Value::Null
                        | Value::Bool(_)
                        | Value::Int(_)
                        | Value::Float(_) => node.raw.clone(),
                        _ => {
                            return Err(YamlError {
                                kind: YamlErrorKind::NonScalarKey,
                                pos: node.pos,
                            });
                        }
                    };
                    *pending_key = Some((key, node.pos));
                }
                Some((key, key_pos)) => {
                    if key == "<<" {
                        merge(merged, node);
                    } else if let Some(first) = first_position(entries, seen, &key) {
                        self.parsed.duplicates.push(DuplicateKey {
                            document,
                            key,
                            pos: key_pos,
                            first,
                            path,
                        });
                    } else {
                        index_key(entries, seen, &key, key_pos);
                        entries.push(Entry {
                            key,
                            key_pos,
                            value: node,
                        });
                    }
                }
            },
        }
        Ok(())
    }

    /// The field path of the innermost collection, for duplicate-key findings.
    fn path(&self) -> String {
        let mut path = String::new();
        for frame in &self.stack[..self.stack.len().saturating_sub(1)] {
            match frame {
                Frame::Seq { items, .. } => path.push_str(&format!("[{}]", items.len())),
                Frame::Map { pending_key, .. } => {
                    if let Some((key, _)) = pending_key {
                        if !path.is_empty() {
                            path.push('.');
                        }
                        path.push_str(key);
                    }
                }
            }
        }
        path
    }
}

/// Mappings up to this size are searched directly; bigger ones get an index.
const INDEX_FROM: usize = 16;

/// Where `key` first stands in a mapping being built.
fn first_position(entries: &[Entry], seen: &HashMap<String, Pos>, key: &str) -> Option<Pos> {
    if entries.len() <= INDEX_FROM {
        entries.iter().find(|e| e.key == key).map(|e| e.key_pos)
    } else {
        seen.get(key).copied()
    }
}

/// Keeps the index of a big mapping up to date (built once it grows past
/// [`INDEX_FROM`]), so real manifests never pay for it.
fn index_key(entries: &[Entry], seen: &mut HashMap<String, Pos>, key: &str, pos: Pos) {
    if entries.len() == INDEX_FROM {
        seen.extend(entries.iter().map(|e| (e.key.clone(), e.key_pos)));
    }
    if entries.len() >= INDEX_FROM {
        seen.insert(key.to_string(), pos);
    }
}

fn collection(value: Value, pos: Pos) -> Node {
    Node {
        value,
        pos,
        raw: String::new(),
    }
}

/// `<<: *base` merges the entries the mapping does not have yet.
fn merge(entries: &mut Vec<Entry>, node: Node) {
    let sources = match node.value {
        Value::Map(_) => vec![node],
        Value::Seq(items) => items,
        _ => Vec::new(),
    };
    for source in sources {
        if let Value::Map(merged) = source.value {
            for entry in merged {
                if !entries.iter().any(|e| e.key == entry.key) {
                    entries.push(entry);
                }
            }
        }
    }
}

/// Empty, comment-only and `null` documents are skipped, as kubectl does.
fn is_empty_document(root: &Node) -> bool {
    root.value == Value::Null
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn one(text: &str) -> Node {
        let parsed = parse(text);
        assert_eq!(parsed.error, None);
        parsed
            .documents
            .into_iter()
            .next()
            .expect("a document")
            .root
    }

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let root = one("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n");
        let entry = root.entry("kind").unwrap();
        assert_eq!(entry.key_pos, Pos { line: 2, column: 1 });
        assert_eq!(entry.value.pos, Pos { line: 2, column: 7 });
        let name = root.get("spec").unwrap().get("containers").unwrap().items()[0]
            .get("name")
            .unwrap();
        assert_eq!(
            name.pos,
            Pos {
                line: 5,
                column: 13
            }
        );
    }

    #[test]
    fn resolves_scalars_like_kubectl() {
        let root = one(
            "a: yes\nb: off\nc: 0755\nd: 1e3\ne: \"1\"\nf: 500m\ng: ~\nh: 0x1F\ni: 1_000\nj: 0.5\nk: .5\n",
        );
        let value = |key: &str| root.get(key).unwrap().value.clone();
        assert_eq!(value("a"), Value::Bool(true));
        assert_eq!(value("b"), Value::Bool(false));
        assert_eq!(value("c"), Value::Int(0o755));
        assert_eq!(value("d"), Value::Float(1000.0));
        assert_eq!(value("e"), Value::Str("1".into()));
        assert_eq!(value("f"), Value::Str("500m".into()));
        assert_eq!(value("g"), Value::Null);
        assert_eq!(value("h"), Value::Int(31));
        assert_eq!(value("i"), Value::Int(1000));
        assert_eq!(value("j"), Value::Float(0.5));
        assert_eq!(value("k"), Value::Float(0.5));
    }

    #[test]
    fn numbers_go_yaml_reads_differently() {
        let root = one("a: 08\nb: 0o700\nc: 99999999999999999999\nd: 3.0\n");
        assert_eq!(root.get("a").unwrap().value, Value::Float(8.0));
        assert_eq!(root.get("b").unwrap().value, Value::Int(0o700));
        assert_eq!(root.get("c").unwrap().value, Value::Float(1e20));
        assert_eq!(root.get("d").unwrap().value, Value::Float(3.0));
        assert_eq!(parse("~\n---\nnull\n").documents.len(), 0);
    }

    #[test]
    fn many_anchors_count_against_the_budget() {
        let mut text = String::from("a0: &a0 [");
        text.push_str(&"x, ".repeat(2000));
        text.push_str("x]\n");
        let nested = (1..200)
            .map(|i| format!("a{i}: &a{i} [{}]\n", "y, ".repeat(600)))
            .collect::<String>();
        text.push_str(&nested);
        assert_eq!(parse(&text).error.unwrap().kind, YamlErrorKind::AliasBudget);
    }

    #[test]
    fn huge_mappings_are_linear() {
        let text: String = (0..200_000).map(|i| format!("k{i}: {i}\n")).collect();
        let start = Instant::now();
        let parsed = parse(&text);
        assert!(parsed.duplicates.is_empty());
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn several_documents_and_empty_ones() {
        let parsed = parse("---\n# only a comment\n---\nkind: A\n---\n---\nkind: B\n...\n");
        assert_eq!(parsed.documents.len(), 2);
        assert_eq!(parsed.documents[1].root.get("kind").unwrap().pos.line, 7);
    }

    #[test]
    fn duplicate_keys_are_recorded_with_both_positions() {
        let parsed = parse("metadata:\n  name: a\n  labels: {}\n  name: b\n");
        assert_eq!(
            parsed.duplicates,
            [DuplicateKey {
                document: 0,
                key: "name".into(),
                pos: Pos { line: 4, column: 3 },
                first: Pos { line: 2, column: 3 },
                path: "metadata".into()
            }]
        );
        assert_eq!(
            parsed.documents[0]
                .root
                .get("metadata")
                .unwrap()
                .get("name")
                .unwrap()
                .raw,
            "a"
        );
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let parsed = parse("kind: Pod\nspec: [a, b\n");
        let error = parsed.error.unwrap();
        assert!(matches!(error.kind, YamlErrorKind::Syntax(_)));
        assert_eq!(error.pos.line, 3);
    }

    #[test]
    fn anchors_aliases_and_merge_keys() {
        let root = one("base: &b {cpu: 1, memory: 2}\nuse: *b\nmerged:\n  <<: *b\n  cpu: 3\n");
        assert_eq!(
            root.get("use").unwrap().get("memory").unwrap().value,
            Value::Int(2)
        );
        let merged = root.get("merged").unwrap();
        assert_eq!(merged.get("cpu").unwrap().value, Value::Int(3));
        assert_eq!(merged.get("memory").unwrap().value, Value::Int(2));
    }

    #[test]
    fn an_alias_bomb_is_refused_quickly() {
        let mut bomb = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for level in 0..9u8 {
            let previous = (b'a' + level) as char;
            let name = (b'b' + level) as char;
            bomb.push_str(&format!("{name}: &{name} [*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous}]\n"));
        }
        let start = Instant::now();
        let parsed = parse(&bomb);
        assert!(
            start.elapsed() < Duration::from_millis(100),
            "{:?}",
            start.elapsed()
        );
        assert_eq!(parsed.error.unwrap().kind, YamlErrorKind::AliasBudget);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let parsed = parse(&deep);
        assert_eq!(parsed.error.unwrap().kind, YamlErrorKind::TooDeep);
    }

    #[test]
    fn size_and_encoding_limits() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert_eq!(
            parse_bytes(&big).error.unwrap().kind,
            YamlErrorKind::TooLarge(MAX_INPUT_BYTES + 1)
        );
        let error = parse_bytes(b"kind: Pod\nname: \xff\n").error.unwrap();
        assert_eq!(
            (error.kind, error.pos),
            (YamlErrorKind::InvalidUtf8, Pos { line: 2, column: 7 })
        );
    }
}
