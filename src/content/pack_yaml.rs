//! Reading a pack's YAML files. Each is parsed by the validator's YAML
//! reader, which keeps positions, so every problem found after parsing
//! points at its key or item; lesson front matter and quiz files are then
//! typed with serde_yaml, exercise files from the located tree itself.
//!
//! Control characters (escape sequences, bells, C1 controls) and
//! bidirectional overrides are refused in the raw file and again after
//! parsing, since YAML escapes such as `"\e[2J"` only become control
//! characters when parsed.

use serde::de::DeserializeOwned;

pub(crate) use crate::markdown::is_forbidden_char as is_forbidden;
use crate::validate::{self, FieldPath, Node, Pos, Value};

/// The message for a forbidden character.
pub(crate) fn describe(c: char) -> String {
    format!(
        "control character U+{:04X} is not allowed in pack files",
        u32::from(c)
    )
}

/// A pack file's one document as a located tree (null when it is empty),
/// with no forbidden character in any key or string.
pub(crate) fn parse_located(yaml: &str) -> Result<Node, (String, Pos)> {
    let root = validate::parse_single(yaml)?.unwrap_or(Node {
        value: Value::Null,
        pos: Pos::START,
        raw: String::new(),
    });
    match forbidden_in(&root, &FieldPath::default()) {
        Some((path, c, pos)) => Err((format!("{path}: {}", describe(c)), pos)),
        None => Ok(root),
    }
}

/// Parses a pack file into `T` with serde_yaml, after [`parse_located`]
/// has checked it; the located tree is returned for positions.
pub(crate) fn parse_typed<T: DeserializeOwned>(yaml: &str) -> Result<(T, Node), (String, Pos)> {
    let root = parse_located(yaml)?;
    let typed = serde_yaml::from_str(yaml).map_err(|error| serde_error_parts(&error))?;
    Ok((typed, root))
}

/// Checks a file of manifests (a starter, a solution, a variant): readable
/// YAML with no forbidden character, as the grader will read it.
pub(crate) fn check_manifests(text: &str) -> Result<(), (String, Pos)> {
    let parsed = validate::parse_stream(text)?;
    for (index, root) in parsed.iter().enumerate() {
        if let Some((path, c, pos)) = forbidden_in(root, &FieldPath::default()) {
            let path = if path.as_str().is_empty() {
                String::new()
            } else {
                format!(" {path}")
            };
            return Err((
                format!("document {}{path}: {}", index + 1, describe(c)),
                pos,
            ));
        }
    }
    Ok(())
}

/// The first forbidden character in a key or string below `node`.
fn forbidden_in(node: &Node, path: &FieldPath) -> Option<(FieldPath, char, Pos)> {
    match &node.value {
        Value::Str(text) => text
            .chars()
            .find(|&c| is_forbidden(c))
            .map(|c| (path.clone(), c, node.pos)),
        Value::Seq(items) => items
            .iter()
            .enumerate()
            .find_map(|(index, item)| forbidden_in(item, &path.index(index))),
        Value::Map(entries) => entries.iter().find_map(|entry| {
            let child = path.field(&entry.key);
            match entry.key.chars().find(|&c| is_forbidden(c)) {
                Some(c) => Some((child, c, entry.key_pos)),
                None => forbidden_in(&entry.value, &child),
            }
        }),
        _ => None,
    }
}

/// Where a key of a mapping stands, else where the mapping does.
pub(crate) fn key_pos(node: &Node, key: &str) -> Pos {
    node.entry(key).map_or(node.pos, |entry| entry.key_pos)
}

/// Where item `index` of the list under `key` stands (its `id` key when it
/// has one), else where the list's key does.
pub(crate) fn item_pos(node: &Node, key: &str, index: usize) -> Pos {
    let item = node.get(key).and_then(|list| list.items().get(index));
    match item {
        Some(item) => key_pos(item, "id"),
        None => key_pos(node, key),
    }
}

/// Removes the " at line L column C" that serde_yaml appends, since problems
/// carry their position separately.
pub(crate) fn serde_error_parts(error: &serde_yaml::Error) -> (String, Pos) {
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
    fn yaml_escapes_are_found_after_parsing() {
        let yaml =
            "lesson: x\nitems:\n  - id: a\n    prompt: ok\n  - id: b\n    prompt: \"bad \\e[2J\"\n";
        let (message, pos) = parse_located(yaml).unwrap_err();
        assert_eq!(
            message,
            "items[1].prompt: control character U+001B is not allowed in pack files"
        );
        assert_eq!(
            pos,
            Pos {
                line: 6,
                column: 13
            }
        );
    }

    #[test]
    fn keys_and_clean_texts() {
        let (message, pos) = parse_located("id: a\ntitle: \"\\u202e evil\"\n").unwrap_err();
        assert_eq!(
            message,
            "title: control character U+202E is not allowed in pack files"
        );
        assert_eq!(pos, Pos { line: 2, column: 8 });
        assert!(parse_located("title: 日本語\nlist: [a, b]\n").is_ok());
    }

    #[test]
    fn items_are_found_by_index() {
        let root = parse_located("items:\n  - id: one\n  - {id: two}\n").unwrap();
        assert_eq!(item_pos(&root, "items", 1), Pos { line: 3, column: 6 });
        assert_eq!(item_pos(&root, "items", 5), Pos { line: 1, column: 1 });
        assert_eq!(key_pos(&root, "items"), Pos { line: 1, column: 1 });
    }

    #[test]
    fn serde_yaml_positions_are_one_based() {
        let error = serde_yaml::from_str::<std::collections::BTreeMap<String, u32>>("a: 1\nb: x\n")
            .unwrap_err();
        let (message, pos) = serde_error_parts(&error);
        assert_eq!(pos, Pos { line: 2, column: 4 });
        assert!(!message.contains("at line"), "{message}");
    }

    #[test]
    fn manifests_are_read_as_the_grader_reads_them() {
        assert!(check_manifests("a: 1\n---\nb: [x]\n").is_ok());
        let (message, pos) = check_manifests("a: 1\n---\nb: \"\\e\"\n").unwrap_err();
        assert_eq!(
            message,
            "document 2 b: control character U+001B is not allowed in pack files"
        );
        assert_eq!(pos.line, 3);
        assert!(check_manifests("a: [\n").is_err());
    }
}
