//! Kyverno's `validate.pattern` semantics over the validator's located tree:
//! a failure carries the position of the node where it happened, so a learner
//! is sent to the line to change.

use super::pattern::{Anchor, Field, Pattern};
use super::value;
use crate::validate::{Node, Pos, Text, Value};

/// The result of matching one pattern against one node.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Pass,
    /// A conditional anchor did not hold: the pattern does not apply here.
    Skip,
    Fail(Failure),
}

/// Where and why a pattern failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub pos: Pos,
    pub reason: Text,
}

impl Outcome {
    fn fail(pos: Pos, reason: Text) -> Outcome {
        Outcome::Fail(Failure { pos, reason })
    }
}

/// Matches `node` against `pattern`; `path` names the node in reasons.
pub fn check(pattern: &Pattern, node: &Node, path: &str) -> Outcome {
    match pattern {
        Pattern::Scalar(scalar) => {
            if value::matches(scalar, node) {
                Outcome::Pass
            } else {
                let shown = if node.raw.is_empty() {
                    "null"
                } else {
                    &node.raw
                };
                Outcome::fail(
                    node.pos,
                    Text::new(
                        format!("{path}: `{shown}` does not match the expected value"),
                        format!("{path}: `{shown}`は期待される値と一致しません"),
                    ),
                )
            }
        }
        Pattern::List(item) => {
            let Value::Seq(items) = &node.value else {
                return expected(node, path, "a list", "リスト");
            };
            let mut applied = false;
            let mut skipped = false;
            for (index, element) in items.iter().enumerate() {
                match check(item, element, &format!("{path}[{index}]")) {
                    Outcome::Pass => applied = true,
                    Outcome::Skip => skipped = true,
                    fail @ Outcome::Fail(_) => return fail,
                }
            }
            if skipped && !applied {
                Outcome::Skip
            } else {
                Outcome::Pass
            }
        }
        Pattern::Map(fields) => check_map(fields, node, path),
    }
}

/// Conditions first: when one does not hold, the siblings are not checked.
fn check_map(fields: &[Field], node: &Node, path: &str) -> Outcome {
    if !matches!(node.value, Value::Map(_)) {
        return expected(node, path, "a mapping", "マッピング");
    }
    for field in fields.iter().filter(|f| f.anchor == Anchor::Condition) {
        let Some(child) = node.get(&field.key) else {
            return Outcome::Skip;
        };
        if check(&field.pattern, child, &join(path, &field.key)) != Outcome::Pass {
            return Outcome::Skip;
        }
    }
    for field in fields.iter().filter(|f| f.anchor != Anchor::Condition) {
        let outcome = check_field(field, node, path);
        if outcome != Outcome::Pass {
            return outcome;
        }
    }
    Outcome::Pass
}

fn check_field(field: &Field, node: &Node, path: &str) -> Outcome {
    let child_path = join(path, &field.key);
    let entry = node.entry(&field.key);
    match (field.anchor, entry) {
        (Anchor::Negation, None) | (Anchor::Equality, None) => Outcome::Pass,
        (Anchor::Negation, Some(entry)) => Outcome::fail(
            entry.key_pos,
            Text::new(
                format!("{child_path}: must not be set"),
                format!("{child_path}: 設定してはいけません"),
            ),
        ),
        (_, None) => Outcome::fail(
            node.pos,
            Text::new(
                format!("{child_path}: is required"),
                format!("{child_path}: 必須です"),
            ),
        ),
        (Anchor::Existence, Some(entry)) => exists(&field.pattern, &entry.value, &child_path),
        (_, Some(entry)) => check(&field.pattern, &entry.value, &child_path),
    }
}

/// `^(list)`: at least one item matches the pattern's single element.
fn exists(pattern: &Pattern, node: &Node, path: &str) -> Outcome {
    let Pattern::List(item) = pattern else {
        return check(pattern, node, path);
    };
    let Value::Seq(items) = &node.value else {
        return expected(node, path, "a list", "リスト");
    };
    let found = items
        .iter()
        .enumerate()
        .any(|(index, element)| check(item, element, &format!("{path}[{index}]")) == Outcome::Pass);
    if found {
        Outcome::Pass
    } else {
        Outcome::fail(
            node.pos,
            Text::new(
                format!("{path}: no item matches"),
                format!("{path}: 条件に合う要素がありません"),
            ),
        )
    }
}

fn expected(node: &Node, path: &str, en: &str, ja: &str) -> Outcome {
    Outcome::fail(
        node.pos,
        Text::new(
            format!("{path}: expected {en}"),
            format!("{path}: {ja}であるべきです"),
        ),
    )
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
