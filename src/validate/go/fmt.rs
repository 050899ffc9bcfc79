//! Go values printed as the API server prints them in messages: `%q`
//! strings, `%#v` string slices, `map[string]string` and label selectors
//! as `String()` renders them, and `IntOrString` values.

use crate::validate::{Node, Value};

/// A string quoted as Go's `%q` does for printable text.
pub(crate) fn go_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A list of strings as Go's `%#v` prints a `[]string`.
pub(crate) fn go_strings(items: &[&str]) -> String {
    let inner: Vec<String> = items.iter().map(|item| go_quote(item)).collect();
    format!("[]string{{{}}}", inner.join(", "))
}

/// A label map as Go's `%#v` prints a `map[string]string`: sorted keys,
/// `(nil)` when absent.
pub(crate) fn go_string_map(labels: Option<&Node>) -> String {
    let Some(labels) = labels.filter(|node| matches!(node.value, Value::Map(_))) else {
        return "map[string]string(nil)".to_string();
    };
    let mut pairs: Vec<(String, String)> = labels
        .entries()
        .iter()
        .map(|entry| {
            (
                entry.key.clone(),
                label_text(&entry.value).unwrap_or_default(),
            )
        })
        .collect();
    pairs.sort();
    let body: Vec<String> = pairs
        .iter()
        .map(|(key, value)| format!("{}:{}", go_quote(key), go_quote(value)))
        .collect();
    format!("map[string]string{{{}}}", body.join(", "))
}

/// A label selector as Go's `%#v` prints a `v1.LabelSelector`.
pub(crate) fn go_label_selector(selector: &Node) -> String {
    let expressions = match selector.get("matchExpressions") {
        Some(list) if matches!(list.value, Value::Seq(_)) => {
            let items: Vec<String> = list.items().iter().map(go_requirement).collect();
            format!("[]v1.LabelSelectorRequirement{{{}}}", items.join(", "))
        }
        _ => "[]v1.LabelSelectorRequirement(nil)".to_string(),
    };
    format!(
        "v1.LabelSelector{{MatchLabels:{}, MatchExpressions:{expressions}}}",
        go_string_map(selector.get("matchLabels"))
    )
}

/// One requirement as Go's `%#v` prints a `v1.LabelSelectorRequirement`.
pub(crate) fn go_requirement(requirement: &Node) -> String {
    let text = |key: &str| {
        requirement
            .get(key)
            .and_then(label_text)
            .unwrap_or_default()
    };
    let values = match requirement.get("values") {
        Some(list) if matches!(list.value, Value::Seq(_)) => {
            let items: Vec<String> = list
                .items()
                .iter()
                .map(|value| go_quote(&label_text(value).unwrap_or_default()))
                .collect();
            format!("[]string{{{}}}", items.join(", "))
        }
        _ => "[]string(nil)".to_string(),
    };
    format!(
        "v1.LabelSelectorRequirement{{Key:{}, Operator:{}, Values:{values}}}",
        go_quote(&text("key")),
        go_quote(&text("operator"))
    )
}

/// An int-or-string as Go's `%#v` prints an `intstr.IntOrString`.
pub(crate) fn go_int_or_string(node: &Node) -> String {
    match &node.value {
        Value::Str(text) => format!(
            "intstr.IntOrString{{Type:1, IntVal:0, StrVal:{}}}",
            go_quote(text)
        ),
        Value::Int(value) => format!("intstr.IntOrString{{Type:0, IntVal:{value}, StrVal:\"\"}}"),
        _ => compact(node),
    }
}

/// A value as the API server quotes it: strings in double quotes, numbers bare.
pub(crate) fn shown(node: &Node) -> String {
    match &node.value {
        Value::Str(text) => format!("{text:?}"),
        Value::Null => "null".to_string(),
        _ => node.raw.clone(),
    }
}

/// A label value as text: strings as they are, other scalars as written.
pub(crate) fn label_text(node: &Node) -> Option<String> {
    match &node.value {
        Value::Str(text) => Some(text.clone()),
        Value::Null => Some(String::new()),
        Value::Bool(_) | Value::Int(_) | Value::Float(_) => Some(node.raw.clone()),
        Value::Seq(_) | Value::Map(_) => None,
    }
}

/// A value as compact JSON-like text, for structs the server prints with Go
/// pointers that cannot be reproduced (`{"type":"Rolling"}`).
pub(crate) fn compact(node: &Node) -> String {
    match &node.value {
        Value::Map(entries) => {
            let body: Vec<String> = entries
                .iter()
                .map(|entry| format!("{}:{}", go_quote(&entry.key), compact(&entry.value)))
                .collect();
            format!("{{{}}}", body.join(","))
        }
        Value::Seq(items) => {
            let body: Vec<String> = items.iter().map(compact).collect();
            format!("[{}]", body.join(","))
        }
        _ => shown(node),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(text: &str) -> Node {
        crate::validate::parse_single(text).unwrap().unwrap()
    }

    #[test]
    fn go_renderings() {
        assert_eq!(
            go_string_map(Some(&node("{b: \"2\", a: x}"))),
            "map[string]string{\"a\":\"x\", \"b\":\"2\"}"
        );
        assert_eq!(go_string_map(None), "map[string]string(nil)");
        assert_eq!(
            go_label_selector(&node("{}")),
            "v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}"
        );
        assert_eq!(
            go_label_selector(&node("matchExpressions: [{key: a, operator: Exists}]")),
            "v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"a\", Operator:\"Exists\", Values:[]string(nil)}}}"
        );
        assert_eq!(
            compact(&node("{type: Rolling, n: [1, \"a\"]}")),
            "{\"type\":\"Rolling\",\"n\":[1,\"a\"]}"
        );
        assert_eq!(go_quote("a\"b"), "\"a\\\"b\"");
    }
}
