//! A CustomResourceDefinition as the API server checks it before it serves
//! the kind: its name, its versions, a structural schema (every node says
//! its type, arrays say their items) and CEL rules that compile.

use super::CRD_DEFINITION;
use super::cel_rules::RuleCache;
use crate::validate::finding::{Finding, Pos, Text};
use crate::validate::path::FieldPath;
use crate::validate::yaml::{Node, Value};

const TYPES: &[&str] = &["array", "boolean", "integer", "number", "object", "string"];

/// Checks a CRD document (apiextensions.k8s.io/v1).
pub(crate) fn check_definition(
    root: &Node,
    document: usize,
    cache: &mut RuleCache,
    out: &mut Vec<Finding>,
) {
    let Some(spec) = root.present("spec") else {
        return;
    };
    let mut report = |path: &FieldPath, pos: Pos, en: String, ja: String, help: (&str, &str)| {
        out.push(Finding::new(
            &CRD_DEFINITION,
            document,
            path,
            pos,
            Text::new(en, ja),
            Text::new(help.0, help.1),
        ));
    };
    check_name(root, spec, &mut report);
    let versions_path = FieldPath::default().field("spec").field("versions");
    let versions = spec
        .present("versions")
        .map(Node::items)
        .unwrap_or_default();
    let storage = versions
        .iter()
        .filter(|v| v.flag("storage") == Some(true))
        .count();
    if !versions.is_empty() && storage != 1 {
        let at = spec.entry("versions").map_or(spec.pos, |e| e.key_pos);
        report(
            &versions_path,
            at,
            format!(
                "{versions_path}: Invalid value: \"[]apiextensions.CustomResourceDefinitionVersion\": must have exactly one version marked as storage version"
            ),
            format!(
                "{versions_path}: 不正な値です: ストレージバージョンはちょうど1つでなければなりません"
            ),
            (
                "mark exactly one version `storage: true`",
                "ちょうど1つのバージョンに`storage: true`を付けてください",
            ),
        );
    }
    for (index, version) in versions.iter().enumerate() {
        let schema_path = versions_path
            .index(index)
            .field("schema")
            .field("openAPIV3Schema");
        match version
            .present("schema")
            .and_then(|s| s.present("openAPIV3Schema"))
        {
            Some(schema) => check_schema(schema, &schema_path, true, cache, &mut report),
            None => report(
                &schema_path,
                version.pos,
                format!("{schema_path}: Required value: schemas are required"),
                format!("{schema_path}: 必須の値です: スキーマが必要です"),
                (
                    "apiextensions.k8s.io/v1 needs a schema for every version",
                    "apiextensions.k8s.io/v1では各バージョンにスキーマが必要です",
                ),
            ),
        }
    }
}

type Report<'a> = dyn FnMut(&FieldPath, Pos, String, String, (&str, &str)) + 'a;

fn check_name(root: &Node, spec: &Node, report: &mut Report<'_>) {
    let plural = spec
        .present("names")
        .and_then(|n| n.present("plural"))
        .and_then(Node::as_str);
    let group = spec.present("group").and_then(Node::as_str);
    let name_node = root.present("metadata").and_then(|m| m.present("name"));
    if let (Some(plural), Some(group), Some(node)) = (plural, group, name_node)
        && node.as_str() != Some(&format!("{plural}.{group}"))
    {
        let path = FieldPath::default().field("metadata").field("name");
        report(
            &path,
            node.pos,
            format!(
                "{path}: Invalid value: \"{}\": must be spec.names.plural+\".\"+spec.group",
                node.raw
            ),
            format!(
                "{path}: 不正な値です: \"{}\": spec.names.plural+\".\"+spec.groupでなければなりません",
                node.raw
            ),
            (
                "name the CRD <plural>.<group>",
                "CRDの名前は<plural>.<group>にしてください",
            ),
        );
    }
}

/// One schema node and everything below it.
fn check_schema(
    schema: &Node,
    path: &FieldPath,
    root: bool,
    cache: &mut RuleCache,
    report: &mut Report<'_>,
) {
    if !matches!(schema.value, Value::Map(_)) {
        return;
    }
    let typed = schema.present("type");
    let free = schema.flag("x-kubernetes-int-or-string") == Some(true)
        || schema.flag("x-kubernetes-preserve-unknown-fields") == Some(true);
    match typed.and_then(Node::as_str) {
        Some(kind) if !TYPES.contains(&kind) => {
            let field = path.field("type");
            let list = TYPES
                .iter()
                .map(|t| format!("\"{t}\""))
                .collect::<Vec<_>>()
                .join(", ");
            report(
                &field,
                typed.map_or(schema.pos, |t| t.pos),
                format!("{field}: Unsupported value: \"{kind}\": supported values: {list}"),
                format!("{field}: サポートされていない値です: \"{kind}\": 使える値: {list}"),
                (
                    "a schema type is one of array, boolean, integer, number, object, string",
                    "スキーマの型はarray、boolean、integer、number、object、stringのいずれかです",
                ),
            );
        }
        None if !free && !root => {
            let field = path.field("type");
            report(
                &field,
                schema.pos,
                format!("{field}: Required value: must not be empty for specified object fields"),
                format!("{field}: 必須の値です: 指定したフィールドには型が必要です"),
                (
                    "a structural schema names the type of every field",
                    "構造的スキーマではすべてのフィールドに型を書きます",
                ),
            );
        }
        Some("array") if schema.present("items").is_none() => {
            let field = path.field("items");
            report(
                &field,
                schema.pos,
                format!("{field}: Required value: must be specified"),
                format!("{field}: 必須の値です: 指定が必要です"),
                (
                    "say what the items of the array are: `items: {type: string}`",
                    "配列の要素を指定してください。例: `items: {type: string}`",
                ),
            );
        }
        _ => {}
    }
    check_rules(schema, path, cache, report);
    if let Some(properties) = schema.present("properties") {
        for entry in properties.entries() {
            check_schema(
                &entry.value,
                &path.field("properties").key(&entry.key),
                false,
                cache,
                report,
            );
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(sub) = schema.present(key) {
            check_schema(sub, &path.field(key), false, cache, report);
        }
    }
}

fn check_rules(schema: &Node, path: &FieldPath, cache: &mut RuleCache, report: &mut Report<'_>) {
    let Some(rules) = schema.present("x-kubernetes-validations") else {
        return;
    };
    for (index, rule) in rules.items().iter().enumerate() {
        let Some(text_node) = rule.present("rule") else {
            continue;
        };
        let Some(text) = text_node.as_str() else {
            continue;
        };
        if let Err(err) = cache.compile(text) {
            let field = path
                .field("x-kubernetes-validations")
                .index(index)
                .field("rule");
            let first = err.lines().next().unwrap_or_default().to_string();
            report(
                &field,
                text_node.pos,
                format!("{field}: Invalid value: {text:?}: compilation failed: {first}"),
                format!("{field}: 不正な値です: {text:?}: コンパイルに失敗しました: {first}"),
                (
                    "fix the CEL expression: the API server refuses the CRD while it does not compile",
                    "CELの式を直してください。コンパイルできない間、APIサーバーはCRDを拒否します",
                ),
            );
        }
    }
}
