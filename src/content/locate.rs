//! Source positions inside pack files.
//!
//! serde_yaml reports positions for syntax and type errors only; these helpers
//! find the line of a key or a list item so rule violations found after parsing
//! still point at the right place.

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    pub const START: Pos = Pos { line: 1, column: 1 };

    /// The position of a byte offset in `text` (columns count characters).
    pub fn of_offset(text: &str, offset: usize) -> Pos {
        let offset = offset.min(text.len());
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Pos { line, column }
    }

    /// Moves a position found in an embedded text (front matter) to the file.
    pub fn shifted(self, lines: usize) -> Pos {
        Pos {
            line: self.line + lines,
            column: self.column,
        }
    }
}

/// The first line that starts with `key:` at the top level of a YAML mapping.
pub(crate) fn top_level_key(yaml: &str, key: &str) -> Option<Pos> {
    yaml.lines().enumerate().find_map(|(index, line)| {
        let rest = line.strip_prefix(key)?;
        rest.starts_with(':').then_some(Pos {
            line: index + 1,
            column: 1,
        })
    })
}

/// The `nth` (0-based) list entry whose `id` is `id`, in block style
/// (`- id: x`) or flow style (`- { id: x, … }`).
pub(crate) fn item_with_id(yaml: &str, id: &str, nth: usize) -> Option<Pos> {
    id_lines(yaml)
        .filter(|(value, _)| *value == id)
        .map(|(_, pos)| pos)
        .nth(nth)
}

/// Every `id:` line of a YAML text, read once: files with many items look
/// each one up without scanning the text again.
pub(crate) struct IdIndex<'a>(Vec<(&'a str, Pos)>);

impl<'a> IdIndex<'a> {
    pub(crate) fn new(yaml: &'a str) -> IdIndex<'a> {
        IdIndex(id_lines(yaml).collect())
    }

    /// Like [`item_with_id`].
    pub(crate) fn find(&self, id: &str, nth: usize) -> Option<Pos> {
        self.0
            .iter()
            .filter(|(value, _)| *value == id)
            .map(|(_, pos)| *pos)
            .nth(nth)
    }
}

/// The id and position of each list item (or flow mapping) that starts with `id:`.
fn id_lines(yaml: &str) -> impl Iterator<Item = (&str, Pos)> {
    yaml.lines().enumerate().filter_map(|(index, line)| {
        let trimmed = line.trim_start();
        let after_dash = trimmed.strip_prefix('-').map_or(trimmed, str::trim_start);
        let after_brace = after_dash
            .strip_prefix('{')
            .map_or(after_dash, str::trim_start);
        let value = after_brace.strip_prefix("id:")?;
        let value = value.split([',', '}', '#']).next().unwrap_or(value).trim();
        let value = value.trim_matches(|c| c == '"' || c == '\'');
        Some((
            value,
            Pos {
                line: index + 1,
                column: line.len() - after_dash.len() + 1,
            },
        ))
    })
}

/// Removes the " at line L column C" that serde_yaml appends, since problems
/// carry their position separately.
pub(crate) fn yaml_error_parts(error: &serde_yaml::Error) -> (String, Pos) {
    let text = error.to_string();
    let message = match text.rfind(" at line ") {
        Some(index) => text[..index].to_string(),
        None => text,
    };
    let pos = error.location().map_or(Pos::START, |loc| Pos {
        line: loc.line(),
        column: loc.column(),
    });
    (message, pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters() {
        let text = "ab\nあいう x";
        assert_eq!(Pos::of_offset(text, 0), Pos { line: 1, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(Pos::of_offset(text, x), Pos { line: 2, column: 5 });
    }

    #[test]
    fn finds_items_by_id() {
        let yaml = "items:\n  - id: one\n    kind: single\n  - id: \"two\" # note\n";
        assert_eq!(
            item_with_id(yaml, "two", 0),
            Some(Pos { line: 4, column: 5 })
        );
        assert_eq!(item_with_id(yaml, "three", 0), None);
    }

    #[test]
    fn finds_repeated_and_flow_style_items() {
        let yaml = "items:\n  - { id: a, kind: single }\n  - id: b\n  - id: a\n";
        assert_eq!(item_with_id(yaml, "a", 0), Some(Pos { line: 2, column: 5 }));
        assert_eq!(item_with_id(yaml, "a", 1), Some(Pos { line: 4, column: 5 }));
    }

    #[test]
    fn serde_yaml_positions_are_one_based() {
        let error = serde_yaml::from_str::<std::collections::BTreeMap<String, u32>>("a: 1\nb: x\n")
            .unwrap_err();
        let (message, pos) = yaml_error_parts(&error);
        assert_eq!(pos, Pos { line: 2, column: 4 });
        assert!(!message.contains("at line"), "{message}");
    }
}
