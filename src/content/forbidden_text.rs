//! Characters a pack may not contain: control characters (escape sequences,
//! bells, C1 controls) and bidirectional overrides, which can disguise text.
//! They are refused in the raw file and again after YAML parsing, since YAML
//! escapes such as `"\e[2J"` only become control characters when parsed.

use serde_yaml::Value;

pub(crate) use crate::markdown::is_forbidden_char as is_forbidden;

use super::locate::{self, Pos};

/// The message for a forbidden character.
pub(crate) fn describe(c: char) -> String {
    format!(
        "control character U+{:04X} is not allowed in pack files",
        u32::from(c)
    )
}

/// The first forbidden character in any string of a YAML text, with a
/// readable path to it (`items[2].choices[0].why`) and the best position
/// kubetutor can give. `None` when the text is clean or does not parse (the
/// typed parse reports that).
pub(crate) fn find_in_yaml(yaml: &str) -> Option<(String, Pos)> {
    let value: Value = serde_yaml::from_str(yaml).ok()?;
    let mut path = String::new();
    let c = find_in_value(&value, &mut path)?;
    let pos = locate_path(yaml, &value, &path);
    Some((format!("{path}: {}", describe(c)), pos))
}

/// The first forbidden character in a parsed YAML document, as a message
/// naming its path.
pub(crate) fn find_in_document(value: &Value) -> Option<String> {
    let mut path = String::new();
    let c = find_in_value(value, &mut path)?;
    Some(format!("{path}: {}", describe(c)))
}

fn find_in_value(value: &Value, path: &mut String) -> Option<char> {
    match value {
        Value::String(text) => text.chars().find(|&c| is_forbidden(c)),
        Value::Sequence(items) => items.iter().enumerate().find_map(|(index, item)| {
            let before = path.len();
            path.push_str(&format!("[{index}]"));
            let found = find_in_value(item, path);
            if found.is_none() {
                path.truncate(before);
            }
            found
        }),
        Value::Mapping(map) => map.iter().find_map(|(key, item)| {
            let before = path.len();
            let name = key.as_str().unwrap_or("?");
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(name);
            let found = key
                .as_str()
                .and_then(|k| k.chars().find(|&c| is_forbidden(c)));
            let found = found.or_else(|| find_in_value(item, path));
            if found.is_none() {
                path.truncate(before);
            }
            found
        }),
        Value::Tagged(tagged) => find_in_value(&tagged.value, path),
        _ => None,
    }
}

/// Points at the list item (by its `id`) or the top-level key the path starts in.
fn locate_path(yaml: &str, value: &Value, path: &str) -> Pos {
    let top = path.split(['.', '[']).next().unwrap_or_default();
    let item_id = path
        .strip_prefix(top)
        .and_then(|rest| rest.strip_prefix('['))
        .and_then(|rest| rest.split(']').next())
        .and_then(|index| index.parse::<usize>().ok())
        .and_then(|index| value.get(top)?.get(index)?.get("id")?.as_str());
    item_id
        .and_then(|id| locate::item_with_id(yaml, id, 0))
        .or_else(|| locate::top_level_key(yaml, top))
        .unwrap_or(Pos::START)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_escapes_are_found_after_parsing() {
        let yaml =
            "lesson: x\nitems:\n  - id: a\n    prompt: ok\n  - id: b\n    prompt: \"bad \\e[2J\"\n";
        let (message, pos) = find_in_yaml(yaml).unwrap();
        assert_eq!(
            message,
            "items[1].prompt: control character U+001B is not allowed in pack files"
        );
        assert_eq!(pos, Pos { line: 5, column: 5 });
    }

    #[test]
    fn top_level_keys_and_clean_texts() {
        let (message, pos) = find_in_yaml("id: a\ntitle: \"\\u202e evil\"\n").unwrap();
        assert_eq!(
            message,
            "title: control character U+202E is not allowed in pack files"
        );
        assert_eq!(pos, Pos { line: 2, column: 1 });
        assert_eq!(find_in_yaml("title: 日本語\nlist: [a, b]\n"), None);
    }
}
