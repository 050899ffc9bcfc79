//! Lists whose entries are unique by their keys (`x-kubernetes-list-type:
//! map` with `x-kubernetes-list-map-keys`, or `set`): the API server warns
//! about a second entry with the same keys, server-side apply rejects it
//! ("duplicate entries for key"), and a client-side apply may merge the two
//! into one. Lists whose duplicates validation already refuses (container
//! and volume names, mount paths, Service ports) keep that error alone.

use super::Ctx;
use crate::validate::finding::{Finding, Pos, Severity, Text};
use crate::validate::path::FieldPath;
use crate::validate::rule::{Rule, Words};
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::validate::versions::{ListMap, all_list_maps};
use crate::validate::yaml::{Node, Value};

pub(crate) static DUPLICATE_LIST_KEY: Rule = Rule {
    id: "api/duplicate-list-key",
    summary: Words::new(
        "Two entries of a keyed list (ports, env, …) with the same key: server-side apply rejects the object",
        "キーで区別するリスト(ports、envなど)に同じキーのエントリーが2つある(サーバーサイド適用は拒否する)",
    ),
    help: Words::new(
        "keep one entry per key: merge the two, or change the key of one of them",
        "キーごとにエントリーを1つにしてください。2つをまとめるか、どちらかのキーを変えます",
    ),
    docs: "https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy",
    ..Rule::API_WARNING
};

/// The keyed lists of one kind as a tree of path segments, so a document
/// is walked once, and only where such lists can be.
#[derive(Default)]
struct Trie {
    list: Option<&'static ListMap>,
    children: HashMap<&'static str, Trie>,
}

fn trie(api_version: &str, kind: &str) -> Option<&'static Trie> {
    type ByKind = HashMap<&'static str, HashMap<&'static str, Trie>>;
    static TRIES: OnceLock<ByKind> = OnceLock::new();
    TRIES
        .get_or_init(|| {
            let mut tries = ByKind::new();
            for (api_version, kind, lists) in all_list_maps() {
                let trie = tries
                    .entry(api_version)
                    .or_default()
                    .entry(kind)
                    .or_default();
                for list in lists {
                    let mut node = &mut *trie;
                    let mut rest = list.path;
                    while let Some((head, tail)) = split_first(rest) {
                        node = node.children.entry(head).or_default();
                        rest = tail;
                    }
                    node.list = Some(list);
                }
            }
            tries
        })
        .get(api_version)
        .and_then(|kinds| kinds.get(kind))
}

/// Reports each entry that repeats the keys of an earlier one.
pub(crate) fn check(api_version: &str, kind: &str, root: &Node, ctx: &mut Ctx<'_>) {
    if let Some(trie) = trie(api_version, kind) {
        walk(root, trie, &FieldPath::default(), ctx);
    }
}

fn walk(node: &Node, trie: &Trie, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Some(list) = trie.list {
        check_list(list, node, path, ctx);
    }
    match &node.value {
        Value::Map(entries) => {
            for entry in entries {
                if let Some(child) = trie.children.get(entry.key.as_str()) {
                    walk(&entry.value, child, &path.field(&entry.key), ctx);
                }
                if let Some(child) = trie.children.get("*") {
                    walk(&entry.value, child, &path.key(&entry.key), ctx);
                }
            }
        }
        Value::Seq(items) => {
            if let Some(child) = trie.children.get("[]") {
                for (index, item) in items.iter().enumerate() {
                    walk(item, child, &path.index(index), ctx);
                }
            }
        }
        _ => {}
    }
}

/// `spec.containers[].ports` → (`spec`, `containers[].ports`); `[]` and `*`
/// are segments of their own.
fn split_first(path: &str) -> Option<(&str, &str)> {
    if path.is_empty() {
        return None;
    }
    if let Some(rest) = path.strip_prefix("[]") {
        return Some(("[]", rest.strip_prefix('.').unwrap_or(rest)));
    }
    let end = path.find(['.', '[']).unwrap_or(path.len());
    let rest = &path[end..];
    Some((&path[..end], rest.strip_prefix('.').unwrap_or(rest)))
}

fn check_list(list: &ListMap, node: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (index, item) in node.items().iter().enumerate() {
        let Some(key) = key_of(list, item) else {
            continue;
        };
        match seen.iter().find(|(k, _)| *k == key) {
            Some((_, first)) => {
                let item_path = path.index(index);
                if !already_refused(ctx.out, ctx.document, &item_path) {
                    report(list, item, &item_path, &path.index(*first), &key, ctx);
                }
            }
            None => seen.push((key, index)),
        }
    }
}

/// The entry's identity: its key fields (a port's protocol defaults to
/// TCP), or the whole scalar of a set; none for what cannot be compared.
fn key_of(list: &ListMap, item: &Node) -> Option<String> {
    if list.keys.is_empty() {
        return match &item.value {
            Value::Map(_) | Value::Seq(_) | Value::Null => None,
            _ => Some(item.raw.clone()),
        };
    }
    let parts: Vec<String> = list
        .keys
        .iter()
        .map(|key| match item.present(key) {
            Some(value) => format!("{key}={}", value.as_str().unwrap_or(&value.raw)),
            None if *key == "protocol" => format!("{key}=TCP"),
            None => format!("{key}="),
        })
        .collect();
    item.present(list.keys[0])?;
    Some(parts.join(", "))
}

/// Whether validation already refused this entry (an error at or below it).
fn already_refused(findings: &[Finding], document: usize, path: &FieldPath) -> bool {
    let prefix = path.as_str();
    findings.iter().any(|f| {
        f.document == document
            && f.severity == Severity::Error
            && (f.path == prefix || f.path.starts_with(&format!("{prefix}.")))
    })
}

fn report(
    list: &ListMap,
    item: &Node,
    path: &FieldPath,
    first: &FieldPath,
    key: &str,
    ctx: &mut Ctx<'_>,
) {
    let at = list
        .keys
        .first()
        .and_then(|k| item.present(k))
        .map_or(item.pos, |n| n.pos);
    if list.path.ends_with("topologySpreadConstraints") {
        duplicate_constraint(list, item, path, at, ctx);
        return;
    }
    let (message, help) = if list.path.ends_with(".env") {
        let name = item
            .present("name")
            .and_then(Node::as_str)
            .unwrap_or_default();
        (
            Text::new(
                format!(
                    "{path}: hides previous definition of \"{name}\", which may be dropped when using apply"
                ),
                format!(
                    "{path}: 前にある\"{name}\"の定義を隠します。applyを使うと削除されることがあります"
                ),
            ),
            Text::new(
                format!("the container sees only the last {name}; keep one entry"),
                format!(
                    "コンテナから見えるのは最後の{name}だけです。エントリーを1つにしてください"
                ),
            ),
        )
    } else if list.path.ends_with(".ports") {
        (
            Text::new(
                format!("{path}: duplicate port definition with {first}"),
                format!("{path}: {first}とポートの定義が重複しています"),
            ),
            Text::new(
                "two entries with the same containerPort and protocol are one port: keep one (give it the name you need)",
                "containerPortとプロトコルが同じエントリーは同じポートです。1つにしてください(必要な名前はそちらに付けます)",
            ),
        )
    } else {
        (
            Text::new(
                format!("{path}: duplicate entries for key [{key}] (also {first})"),
                format!("{path}: キー[{key}]のエントリーが重複しています({first}と同じ)"),
            ),
            Text::new(
                "server-side apply rejects a list with two entries of one key, and a client-side apply may merge them: keep one",
                "同じキーのエントリーが2つあるリストはサーバーサイド適用で拒否され、クライアントサイドの適用では1つにまとめられることがあります。1つにしてください",
            ),
        )
    };
    ctx.report(&DUPLICATE_LIST_KEY, path, at, message, help);
}

/// Two spread constraints with one topologyKey and whenUnsatisfiable:
/// validation's own `Duplicate value`, an error.
fn duplicate_constraint(list: &ListMap, item: &Node, path: &FieldPath, at: Pos, ctx: &mut Ctx<'_>) {
    let shown = format!(
        "\"{{{}}}\"",
        list.keys
            .iter()
            .map(|k| item.present(k).and_then(Node::as_str).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let field = FieldPath::default().field(&format!("{path}.{{topologyKey, whenUnsatisfiable}}"));
    ctx.duplicate_shown(
        &field,
        at,
        &shown,
        Text::new(
            "one constraint per topologyKey and whenUnsatisfiable: merge the two, or spread over another topology key",
            "topologyKeyとwhenUnsatisfiableの組ごとに制約は1つです。2つをまとめるか、別のトポロジーキーで分散させてください",
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_schema_paths() {
        assert_eq!(
            split_first("spec.containers[].ports"),
            Some(("spec", "containers[].ports"))
        );
        assert_eq!(
            split_first("containers[].ports"),
            Some(("containers", "[].ports"))
        );
        assert_eq!(split_first("[].ports"), Some(("[]", "ports")));
        assert_eq!(split_first(""), None);
    }
}
