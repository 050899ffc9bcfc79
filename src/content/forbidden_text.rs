//! Characters a pack may not contain: control characters (escape sequences,
//! bells, C1 controls) and bidirectional overrides, which can disguise text.
//! They are refused in the raw file and again after YAML parsing, since YAML
//! escapes such as `"\e[2J"` only become control characters when parsed.

use serde::de::DeserializeOwned;
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

/// Parses a pack's YAML file into `T` with one pass of the YAML parser, and
/// refuses characters that only appear after parsing (escapes such as
/// `"\e[2J"`). Errors carry the message and where it applies.
pub(crate) fn parse_checked<T: DeserializeOwned>(yaml: &str) -> Result<T, (String, Pos)> {
    let value: Value = serde_yaml::from_str(yaml).map_err(|err| locate::yaml_error_parts(&err))?;
    let mut path = String::new();
    if let Some(c) = find_in_value(&value, &mut path) {
        let pos = locate_path(yaml, &value, &path);
        return Err((format!("{path}: {}", describe(c)), pos));
    }
    serde_yaml::from_value(value).map_err(|err| {
        // Errors from a value carry no position; parsing the text again does.
        match serde_yaml::from_str::<T>(yaml) {
            Err(located) => locate::yaml_error_parts(&located),
            Ok(_) => (err.to_string(), Pos::START),
        }
    })
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
        let (message, pos) = parse_checked::<Value>(yaml).unwrap_err();
        assert_eq!(
            message,
            "items[1].prompt: control character U+001B is not allowed in pack files"
        );
        assert_eq!(pos, Pos { line: 5, column: 5 });
    }

    #[test]
    fn top_level_keys_and_clean_texts() {
        let (message, pos) =
            parse_checked::<Value>("id: a\ntitle: \"\\u202e evil\"\n").unwrap_err();
        assert_eq!(
            message,
            "title: control character U+202E is not allowed in pack files"
        );
        assert_eq!(pos, Pos { line: 2, column: 1 });
        assert!(parse_checked::<Value>("title: 日本語\nlist: [a, b]\n").is_ok());
    }
}
