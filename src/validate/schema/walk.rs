//! Checking a document against its kind's schema.

use std::collections::HashMap;

use super::shapes::{Schemas, Shape, ShapeId};
use crate::validate::finding::{Finding, Pos, Text};
use crate::validate::path::FieldPath;
use crate::validate::rule::Rule;
use crate::validate::suggest;
use crate::validate::yaml::{Entry, Node, Value};

/// Reports every unknown field, wrong type and missing required field.
pub(crate) fn check_document(
    schemas: &Schemas,
    root: &Node,
    shape: ShapeId,
    document: usize,
    out: &mut Vec<Finding>,
) {
    let mut walker = Walker {
        schemas,
        document,
        out,
    };
    walker.walk(root, shape, &FieldPath::default(), root.pos);
}

struct Walker<'a> {
    schemas: &'a Schemas,
    document: usize,
    out: &'a mut Vec<Finding>,
}

impl Walker<'_> {
    fn report(
        &mut self,
        rule: &'static Rule,
        path: &FieldPath,
        pos: Pos,
        message: Text,
        help: Text,
    ) {
        let finding = Finding::new(rule, self.document, path, pos, message, help);
        self.out.push(finding);
    }

    /// `key_pos` is where the key that leads to `node` stands: missing fields
    /// are reported there.
    fn walk(&mut self, node: &Node, shape: ShapeId, path: &FieldPath, key_pos: Pos) {
        if node.value == Value::Null {
            return;
        }
        match self.schemas.shape(shape) {
            Shape::Any => {}
            Shape::Object {
                properties,
                required,
                additional,
                open,
            } => {
                let Value::Map(entries) = &node.value else {
                    self.wrong_type(node, path, "object");
                    return;
                };
                self.walk_fields(entries, properties, *additional, *open, path);
                self.check_required(node, required, path, key_pos);
            }
            Shape::Array(items) => {
                let Value::Seq(nodes) = &node.value else {
                    self.wrong_type(node, path, "array");
                    return;
                };
                for (index, item) in nodes.iter().enumerate() {
                    self.walk(item, *items, &path.index(index), item.pos);
                }
            }
            Shape::String => {
                if !matches!(node.value, Value::Str(_)) {
                    self.wrong_type(node, path, "string");
                }
            }
            Shape::Integer { int32 } => match node.value {
                Value::Int(value) if *int32 && i32::try_from(value).is_err() => {
                    self.out_of_range(node, path)
                }
                Value::Int(_) => {}
                Value::Float(value) if value.is_finite() && value.fract() == 0.0 => {
                    if *int32 && (value < f64::from(i32::MIN) || value > f64::from(i32::MAX)) {
                        self.out_of_range(node, path);
                    }
                }
                _ => self.wrong_type(node, path, "integer"),
            },
            Shape::Number => {
                if !matches!(node.value, Value::Int(_) | Value::Float(_)) {
                    self.wrong_type(node, path, "number");
                }
            }
            Shape::Boolean => {
                if !matches!(node.value, Value::Bool(_)) {
                    self.wrong_type(node, path, "boolean");
                }
            }
            Shape::IntOrString => {
                if !matches!(node.value, Value::Int(_) | Value::Str(_)) {
                    self.wrong_type(node, path, "integer or string");
                }
            }
            Shape::Quantity => {
                if !matches!(node.value, Value::Int(_) | Value::Float(_) | Value::Str(_)) {
                    self.wrong_type(node, path, "quantity (string or number)");
                }
            }
        }
    }

    /// A map shape without properties is keyed by data, so its paths use the key form.
    fn walk_fields(
        &mut self,
        entries: &[Entry],
        properties: &HashMap<String, ShapeId>,
        additional: Option<ShapeId>,
        open: bool,
        path: &FieldPath,
    ) {
        for entry in entries {
            let child = match additional {
                Some(_) if properties.is_empty() => path.key(&entry.key),
                _ => path.field(&entry.key),
            };
            if let Some(&id) = properties.get(&entry.key) {
                self.walk(&entry.value, id, &child, entry.key_pos);
            } else if let Some(id) = additional {
                self.walk(&entry.value, id, &child, entry.key_pos);
            } else if !open {
                let names: Vec<&str> = properties.keys().map(String::as_str).collect();
                self.unknown_field(&child, &entry.key, entry.key_pos, &names);
            }
        }
    }

    /// `metadata` is left to the rules, which say more about it than the schema can.
    fn check_required(&mut self, node: &Node, required: &[String], path: &FieldPath, key_pos: Pos) {
        for name in required {
            let present = node
                .get(name)
                .is_some_and(|value| value.value != Value::Null);
            let reported_by_rules = path.as_str().is_empty() && name == "metadata";
            if !present && !reported_by_rules {
                let at = node.entry(name).map_or(key_pos, |entry| entry.key_pos);
                self.report(
                    &super::REQUIRED,
                    &path.field(name),
                    at,
                    Text::new(
                        format!("{}: Required value", path.field(name)),
                        format!("{}: 必須の値です", path.field(name)),
                    ),
                    Text::new(
                        format!("add the field `{name}` here"),
                        format!("ここにフィールド`{name}`を追加してください"),
                    ),
                );
            }
        }
    }

    fn wrong_type(&mut self, node: &Node, path: &FieldPath, expected: &str) {
        let given = type_name(&node.value);
        let (help_en, help_ja) = match (&node.value, expected) {
            (Value::Bool(_), "string") => (
                format!(
                    "YAML reads `{}` as a boolean; quote it: \"{}\"",
                    node.raw, node.raw
                ),
                format!(
                    "YAMLでは`{}`は真偽値として読まれます。\"{}\"のように引用符で囲んでください",
                    node.raw, node.raw
                ),
            ),
            (Value::Int(_) | Value::Float(_), "string") => (
                format!(
                    "YAML reads `{}` as a number; quote it: \"{}\"",
                    node.raw, node.raw
                ),
                format!(
                    "YAMLでは`{}`は数値として読まれます。\"{}\"のように引用符で囲んでください",
                    node.raw, node.raw
                ),
            ),
            (Value::Str(_), "integer" | "number") if node.raw.trim().parse::<f64>().is_ok() => (
                "write the number without quotes".to_string(),
                "数値は引用符で囲まずに書いてください".to_string(),
            ),
            (_, "object") => (
                "this field holds fields (`key: value` lines indented below it)".to_string(),
                "このフィールドには、下にインデントした`キー: 値`の行を書きます".to_string(),
            ),
            (_, "array") => (
                "this field holds a list: one `- item` per line".to_string(),
                "このフィールドはリストです。1行に1つ`- 要素`の形で書きます".to_string(),
            ),
            _ => (
                format!("give a value of type {expected}"),
                format!("{}で指定してください", type_name_ja(expected)),
            ),
        };
        self.report(
            &super::TYPE,
            path,
            node.pos,
            Text::new(
                format!("{path}: Invalid type. Expected: {expected}, given: {given}"),
                format!(
                    "{path}: 型が正しくありません。期待される型: {}、指定された型: {}",
                    type_name_ja(expected),
                    type_name_ja(given)
                ),
            ),
            Text::new(help_en, help_ja),
        );
    }

    /// An integer that does not fit the field's 32 bits, which the API
    /// server cannot decode.
    fn out_of_range(&mut self, node: &Node, path: &FieldPath) {
        self.report(
            &super::TYPE,
            path,
            node.pos,
            Text::new(
                format!(
                    "{path}: Invalid value: {}: must fit in a 32-bit integer",
                    node.raw
                ),
                format!(
                    "{path}: 不正な値です: {}: 32ビット整数の範囲に収まらなければなりません",
                    node.raw
                ),
            ),
            Text::new(
                format!("use a number between {} and {}", i32::MIN, i32::MAX),
                format!("{}から{}までの数を指定してください", i32::MIN, i32::MAX),
            ),
        );
    }

    fn unknown_field(&mut self, path: &FieldPath, key: &str, pos: Pos, names: &[&str]) {
        let suggestion = suggest::closest(key, names.iter().copied(), 2.max(key.len() / 4));
        let (help_en, help_ja) = match suggestion {
            Some(name) => (
                format!("did you mean `{name}`? Field names are case-sensitive"),
                format!("`{name}`の誤りではありませんか? フィールド名は大文字と小文字を区別します"),
            ),
            None => (
                format!("`{key}` is not a field here; remove it or check where it belongs"),
                format!(
                    "ここに`{key}`というフィールドはありません。削除するか、正しい位置を確認してください"
                ),
            ),
        };
        self.report(
            &super::UNKNOWN_FIELD,
            path,
            pos,
            Text::new(
                format!("unknown field \"{path}\""),
                format!("不明なフィールド \"{path}\""),
            ),
            Text::new(help_en, help_ja),
        );
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Int(_) => "integer",
        Value::Float(_) => "number",
        Value::Str(_) => "string",
        Value::Seq(_) => "array",
        Value::Map(_) => "object",
    }
}

/// The Japanese name of a schema type, as shown in type errors.
fn type_name_ja(name: &str) -> &str {
    match name {
        "null" => "null",
        "boolean" => "真偽値",
        "integer" => "整数",
        "number" => "数値",
        "string" => "文字列",
        "array" => "配列",
        "object" => "オブジェクト",
        "integer or string" => "整数または文字列",
        "quantity (string or number)" => "数量(文字列または数値)",
        other => other,
    }
}
