//! A custom resource against its CRD's schema, as the API server validates
//! it: defaults filled in first, then unknown fields (kubectl's strict
//! validation), types, required fields, enum, pattern, bounds, lengths and
//! counts, and the CEL rules of every level with `self` bound to the value.

use regex::Regex;
use serde_json::{Map, Value as Json};

use super::cel_rules::{RuleCache, Verdict};
use super::{CRD_RULE, CRD_VALUE, CrdVersion};
use crate::validate::finding::{Finding, Pos, Text};
use crate::validate::path::FieldPath;
use crate::validate::rule::Rule;
use crate::validate::schema::{REQUIRED, TYPE, UNKNOWN_FIELD};
use crate::validate::yaml::{Node, Value};

/// Validates `root` against the schema of a CRD's `version`.
pub(crate) fn check_instance(
    root: &Node,
    version: &CrdVersion,
    document: usize,
    cache: &mut RuleCache,
    out: &mut Vec<Finding>,
) {
    let Some(schema) = &version.schema else {
        return;
    };
    let mut walker = Walker {
        document,
        cache,
        out,
    };
    walker.walk(root, schema, &FieldPath::default(), root.pos, true);
}

struct Walker<'a> {
    document: usize,
    cache: &'a mut RuleCache,
    out: &'a mut Vec<Finding>,
}

fn flag(schema: &Json, key: &str) -> bool {
    schema.get(key).and_then(Json::as_bool) == Some(true)
}

fn number(schema: &Json, key: &str) -> Option<f64> {
    schema.get(key).and_then(Json::as_f64)
}

fn count(schema: &Json, key: &str) -> Option<usize> {
    schema
        .get(key)
        .and_then(Json::as_u64)
        .and_then(|n| usize::try_from(n).ok())
}

/// A scalar as the API server shows it: strings quoted, numbers bare.
fn shown(node: &Node) -> String {
    match &node.value {
        Value::Str(text) => format!("{text:?}"),
        _ => node.raw.clone(),
    }
}

impl Walker<'_> {
    fn report(
        &mut self,
        rule: &'static Rule,
        path: &FieldPath,
        pos: Pos,
        en: String,
        ja: String,
        help: (&str, &str),
    ) {
        let finding = Finding::new(
            rule,
            self.document,
            path,
            pos,
            Text::new(en, ja),
            Text::new(help.0, help.1),
        );
        self.out.push(finding);
    }

    /// Checks `node` and returns its value with the schema's defaults, as
    /// CEL rules see it.
    fn walk(
        &mut self,
        node: &Node,
        schema: &Json,
        path: &FieldPath,
        key_pos: Pos,
        root: bool,
    ) -> Json {
        let value = match &node.value {
            Value::Null => Json::Null,
            Value::Map(_) => self.object(node, schema, path, key_pos, root),
            Value::Seq(items) => self.array(node, items, schema, path),
            _ => self.scalar(node, schema, path),
        };
        self.rules(node, schema, path, &value);
        value
    }

    fn type_error(&mut self, node: &Node, path: &FieldPath, expected: &str) {
        let given = match node.value {
            Value::Map(_) => "object",
            Value::Seq(_) => "array",
            Value::Str(_) => "string",
            Value::Bool(_) => "boolean",
            Value::Int(_) | Value::Float(_) => "number",
            Value::Null => "null",
        };
        self.report(
            &TYPE,
            path,
            node.pos,
            format!("{path}: Invalid value: \"{given}\": {path} in body must be of type {expected}: \"{given}\""),
            format!("{path}: 不正な値です: \"{given}\": {path}は{expected}型でなければなりません"),
            ("give a value of the type the CRD's schema says", "CRDのスキーマが指定する型の値を書いてください"),
        );
    }

    fn object(
        &mut self,
        node: &Node,
        schema: &Json,
        path: &FieldPath,
        key_pos: Pos,
        root: bool,
    ) -> Json {
        let declared = schema.get("type").and_then(Json::as_str);
        if declared.is_some_and(|t| t != "object") {
            self.type_error(node, path, declared.unwrap_or_default());
            return Json::Null;
        }
        let empty = Map::new();
        let properties = schema
            .get("properties")
            .and_then(Json::as_object)
            .unwrap_or(&empty);
        let additional = schema.get("additionalProperties").filter(|a| a.is_object());
        let open = flag(schema, "x-kubernetes-preserve-unknown-fields")
            || (properties.is_empty() && additional.is_none())
            || flag(schema, "x-kubernetes-embedded-resource");
        let mut value = Map::new();
        for entry in node.entries() {
            let child = match additional {
                Some(_) if properties.is_empty() => path.key(&entry.key),
                _ => path.field(&entry.key),
            };
            if root && matches!(entry.key.as_str(), "apiVersion" | "kind" | "metadata") {
                value.insert(
                    entry.key.clone(),
                    crate::validate::from_node(&entry.value).unwrap_or(Json::Null),
                );
                continue;
            }
            let sub = properties.get(&entry.key).or(additional);
            match sub {
                Some(sub) => {
                    let json = self.walk(&entry.value, sub, &child, entry.key_pos, false);
                    value.insert(entry.key.clone(), json);
                }
                None if open => {
                    value.insert(entry.key.clone(), crate::validate::from_node(&entry.value).unwrap_or(Json::Null));
                }
                None => self.report(
                    &UNKNOWN_FIELD,
                    &child,
                    entry.key_pos,
                    format!("unknown field \"{child}\""),
                    format!("不明なフィールド \"{child}\""),
                    ("the CRD's schema has no such field here: check the spelling and the indentation", "CRDのスキーマのこの位置にそのフィールドはありません。綴りとインデントを確認してください"),
                ),
            }
        }
        for (name, sub) in properties {
            if !value.contains_key(name)
                && let Some(default) = sub.get("default")
            {
                value.insert(name.clone(), default.clone());
            }
        }
        self.required(schema, &value, node, path, key_pos);
        self.property_counts(schema, value.len(), node, path);
        Json::Object(value)
    }

    fn required(
        &mut self,
        schema: &Json,
        value: &Map<String, Json>,
        node: &Node,
        path: &FieldPath,
        key_pos: Pos,
    ) {
        let names = schema
            .get("required")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default();
        for name in names.iter().filter_map(Json::as_str) {
            if value.get(name).is_none_or(Json::is_null) {
                let field = path.field(name);
                let at = node.entry(name).map_or(key_pos, |e| e.key_pos);
                self.report(
                    &REQUIRED,
                    &field,
                    at,
                    format!("{field}: Required value"),
                    format!("{field}: 必須の値です"),
                    (
                        "the CRD's schema requires this field",
                        "CRDのスキーマがこのフィールドを必須にしています",
                    ),
                );
            }
        }
    }

    fn property_counts(&mut self, schema: &Json, len: usize, node: &Node, path: &FieldPath) {
        if let Some(max) = count(schema, "maxProperties").filter(|max| len > *max) {
            self.value_error(
                node,
                path,
                format!("must have at most {max} properties"),
                format!("プロパティは{max}個以下でなければなりません"),
            );
        }
        if let Some(min) = count(schema, "minProperties").filter(|min| len < *min) {
            self.value_error(
                node,
                path,
                format!("must have at least {min} properties"),
                format!("プロパティは{min}個以上でなければなりません"),
            );
        }
    }

    fn value_error(&mut self, node: &Node, path: &FieldPath, en: String, ja: String) {
        let value = match node.value {
            Value::Map(_) => "\"object\"".to_string(),
            Value::Seq(_) => "\"array\"".to_string(),
            _ => shown(node),
        };
        self.report(
            &CRD_VALUE,
            path,
            node.pos,
            format!("{path}: Invalid value: {value}: {en}"),
            format!("{path}: 不正な値です: {value}: {ja}"),
            (
                "give a value the CRD's schema allows",
                "CRDのスキーマが許す値を指定してください",
            ),
        );
    }

    fn array(&mut self, node: &Node, items: &[Node], schema: &Json, path: &FieldPath) -> Json {
        let declared = schema.get("type").and_then(Json::as_str);
        if declared.is_some_and(|t| t != "array") {
            self.type_error(node, path, declared.unwrap_or_default());
            return Json::Null;
        }
        let item_schema = schema
            .get("items")
            .cloned()
            .unwrap_or(Json::Object(Map::new()));
        let values: Vec<Json> = items
            .iter()
            .enumerate()
            .map(|(index, item)| self.walk(item, &item_schema, &path.index(index), item.pos, false))
            .collect();
        if let Some(max) = count(schema, "maxItems").filter(|max| items.len() > *max) {
            self.report(
                &CRD_VALUE,
                path,
                node.pos,
                format!(
                    "{path}: Too many: {}: must have at most {max} items",
                    items.len()
                ),
                format!(
                    "{path}: 多すぎます: {}: {max}個以下でなければなりません",
                    items.len()
                ),
                (
                    "remove items: the CRD allows at most this many",
                    "要素を減らしてください",
                ),
            );
        }
        if let Some(min) = count(schema, "minItems").filter(|min| items.len() < *min) {
            self.value_error(
                node,
                path,
                format!("{path} in body should have at least {min} items"),
                format!("{path}には{min}個以上の要素が必要です"),
            );
        }
        Json::Array(values)
    }

    fn scalar(&mut self, node: &Node, schema: &Json, path: &FieldPath) -> Json {
        let json = crate::validate::from_node::<Json>(node).unwrap_or(Json::Null);
        if flag(schema, "x-kubernetes-int-or-string") {
            if !matches!(node.value, Value::Int(_) | Value::Str(_)) {
                self.type_error(node, path, "integer or string");
            }
            return json;
        }
        let fits = match (schema.get("type").and_then(Json::as_str), &node.value) {
            (None, _) => true,
            (Some("string"), Value::Str(_)) | (Some("boolean"), Value::Bool(_)) => true,
            (Some("integer"), Value::Int(_)) => true,
            (Some("number"), Value::Int(_) | Value::Float(_)) => true,
            (Some(expected), _) => {
                self.type_error(node, path, expected);
                false
            }
        };
        if fits {
            self.enum_check(node, schema, &json, path);
            self.bounds(node, schema, &json, path);
            if let Value::Str(text) = &node.value {
                self.string(node, schema, text, path);
            }
        }
        json
    }

    fn enum_check(&mut self, node: &Node, schema: &Json, json: &Json, path: &FieldPath) {
        let Some(allowed) = schema.get("enum").and_then(Json::as_array) else {
            return;
        };
        if allowed.contains(json) {
            return;
        }
        let list: Vec<String> = allowed.iter().map(ToString::to_string).collect();
        let list = list.join(", ");
        self.report(
            &CRD_VALUE,
            path,
            node.pos,
            format!(
                "{path}: Unsupported value: {}: supported values: {list}",
                shown(node)
            ),
            format!(
                "{path}: サポートされていない値です: {}: 使える値: {list}",
                shown(node)
            ),
            (
                "use one of the values the CRD lists (they are case-sensitive)",
                "CRDが挙げる値のいずれかを使ってください(大文字と小文字は区別されます)",
            ),
        );
    }

    fn bounds(&mut self, node: &Node, schema: &Json, json: &Json, path: &FieldPath) {
        let Some(value) = json.as_f64() else {
            return;
        };
        if let Some(max) = number(schema, "maximum") {
            let exclusive = flag(schema, "exclusiveMaximum");
            if value > max || (exclusive && value >= max) {
                let words = if exclusive {
                    "less than"
                } else {
                    "less than or equal to"
                };
                self.value_error(
                    node,
                    path,
                    format!("{path} in body should be {words} {max}"),
                    format!("{path}は{max}以下でなければなりません"),
                );
            }
        }
        if let Some(min) = number(schema, "minimum") {
            let exclusive = flag(schema, "exclusiveMinimum");
            if value < min || (exclusive && value <= min) {
                let words = if exclusive {
                    "greater than"
                } else {
                    "greater than or equal to"
                };
                self.value_error(
                    node,
                    path,
                    format!("{path} in body should be {words} {min}"),
                    format!("{path}は{min}以上でなければなりません"),
                );
            }
        }
    }

    fn string(&mut self, node: &Node, schema: &Json, text: &str, path: &FieldPath) {
        let length = text.chars().count();
        if let Some(max) = count(schema, "maxLength").filter(|max| length > *max) {
            self.report(
                &CRD_VALUE,
                path,
                node.pos,
                format!("{path}: Too long: may not be more than {max} bytes"),
                format!("{path}: 長すぎます: {max}バイト以下でなければなりません"),
                ("shorten the value", "値を短くしてください"),
            );
        }
        if let Some(min) = count(schema, "minLength").filter(|min| length < *min) {
            self.value_error(
                node,
                path,
                format!("{path} in body should be at least {min} chars long"),
                format!("{path}は{min}文字以上でなければなりません"),
            );
        }
        if let Some(pattern) = schema.get("pattern").and_then(Json::as_str)
            && let Ok(regex) = Regex::new(pattern)
            && !regex.is_match(text)
        {
            self.value_error(
                node,
                path,
                format!("{path} in body should match '{pattern}'"),
                format!("{path}は'{pattern}'に一致しなければなりません"),
            );
        }
    }

    /// The CEL rules of this level, with `self` = the value.
    fn rules(&mut self, node: &Node, schema: &Json, path: &FieldPath, value: &Json) {
        let Some(rules) = schema
            .get("x-kubernetes-validations")
            .and_then(Json::as_array)
        else {
            return;
        };
        if value.is_null() {
            return;
        }
        for rule in rules {
            let Some(text) = rule.get("rule").and_then(Json::as_str) else {
                continue;
            };
            if self.cache.evaluate(text, value) != Verdict::Broken {
                continue;
            }
            let message = rule
                .get("message")
                .and_then(Json::as_str)
                .map_or_else(|| format!("failed rule: {}", text.trim()), str::to_string);
            let kind = match value {
                Json::Object(_) => "object",
                Json::Array(_) => "array",
                Json::String(_) => "string",
                Json::Bool(_) => "boolean",
                _ => "number",
            };
            self.report(
                &CRD_RULE,
                path,
                node.pos,
                format!("{path}: Invalid value: \"{kind}\": {message}"),
                format!("{path}: 不正な値です: \"{kind}\": {message}"),
                (
                    "the CRD's validation rule above says what must hold",
                    "上のCRDの検証ルールが満たすべき条件を示しています",
                ),
            );
        }
    }
}
