//! Fields that some release of a kind lacks: a field added later is unknown
//! to an older API server (kubectl's strict validation refuses it), and a
//! field a release dropped is unknown from then on.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::KubeVersion;
use super::tables::rows;
use crate::validate::finding::{Finding, Text};
use crate::validate::path::FieldPath;
use crate::validate::schema::UNKNOWN_FIELD;
use crate::validate::yaml::{Node, Value};

const FIELDS: &str = include_str!("fields.tsv");

/// The version-dependent fields of one kind, as a tree of path segments
/// (`[]` a list item, `*` a map value).
#[derive(Debug, Default)]
struct Trie {
    /// The releases that have this field; all of the kind's when not listed.
    mask: Option<u8>,
    children: HashMap<&'static str, Trie>,
}

impl Trie {
    fn insert(&mut self, path: &'static str, mask: u8) {
        let mut node = self;
        for segment in segments(path) {
            node = node.children.entry(segment).or_default();
        }
        node.mask = Some(mask);
    }
}

/// `spec.containers[].env` → spec, containers, [], env.
fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('.')
        .flat_map(|part| match part.strip_suffix("[]") {
            Some(name) => vec![name, "[]"],
            None => vec![part],
        })
}

fn tries() -> &'static HashMap<(&'static str, &'static str), Trie> {
    static TRIES: OnceLock<HashMap<(&'static str, &'static str), Trie>> = OnceLock::new();
    TRIES.get_or_init(|| {
        let mut by_kind: HashMap<(&'static str, &'static str), Trie> = HashMap::new();
        for row in rows(FIELDS) {
            if let [api_version, kind, path, mask] = row.as_slice()
                && let Ok(mask) = mask.parse()
            {
                by_kind
                    .entry((api_version, kind))
                    .or_default()
                    .insert(path, mask);
            }
        }
        by_kind
    })
}

/// Reports every field of `root` that `version` does not have.
pub(crate) fn check_fields(
    root: &Node,
    api_version: &str,
    kind: &str,
    version: KubeVersion,
    document: usize,
    out: &mut Vec<Finding>,
) {
    if let Some(trie) = tries().get(&(api_version, kind)) {
        walk(root, trie, &FieldPath::default(), version, document, out);
    }
}

fn walk(
    node: &Node,
    trie: &Trie,
    path: &FieldPath,
    version: KubeVersion,
    document: usize,
    out: &mut Vec<Finding>,
) {
    match &node.value {
        Value::Map(entries) => {
            for entry in entries {
                let (child, field) = match (
                    trie.children.get(entry.key.as_str()),
                    trie.children.get("*"),
                ) {
                    (Some(child), _) => (child, path.field(&entry.key)),
                    (None, Some(child)) => (child, path.key(&entry.key)),
                    (None, None) => continue,
                };
                match child.mask {
                    Some(mask) if !version.in_mask(mask) => {
                        out.push(unavailable(&field, entry.key_pos, mask, version, document));
                    }
                    _ => walk(&entry.value, child, &field, version, document, out),
                }
            }
        }
        Value::Seq(items) => {
            if let Some(child) = trie.children.get("[]") {
                for (index, item) in items.iter().enumerate() {
                    walk(item, child, &path.index(index), version, document, out);
                }
            }
        }
        _ => {}
    }
}

fn unavailable(
    path: &FieldPath,
    pos: crate::validate::Pos,
    mask: u8,
    version: KubeVersion,
    document: usize,
) -> Finding {
    let first = KubeVersion::releases(mask).next();
    let last = KubeVersion::releases(mask).last();
    let (en, ja) = match (first, last) {
        (Some(first), _) if first > version => (
            format!(
                "Kubernetes {version} does not have this field: it was added in {first}; upgrade the cluster, or check for the release you run with --kube-version"
            ),
            format!(
                "Kubernetes {version}にはこのフィールドがありません。{first}で追加されました。クラスターを更新するか、使っているリリースを--kube-versionで指定して確認してください"
            ),
        ),
        (_, Some(last)) => (
            format!(
                "Kubernetes {version} no longer has this field: {last} was the last release with it; remove it"
            ),
            format!(
                "Kubernetes {version}にはこのフィールドがもうありません。最後にあったのは{last}です。削除してください"
            ),
        ),
        _ => (String::new(), String::new()),
    };
    Finding::new(
        &UNKNOWN_FIELD,
        document,
        path,
        pos,
        Text::new(
            format!("unknown field \"{path}\""),
            format!("不明なフィールド \"{path}\""),
        ),
        Text::new(en, ja),
    )
}

/// Whether `version` has the field at `path` (a finding's path, with list
/// indices and map keys), when the tables know it: a field a later release
/// dropped is unknown to the latest schema but fine for an older cluster.
pub(crate) fn exists_in(
    api_version: &str,
    kind: &str,
    path: &str,
    version: KubeVersion,
) -> Option<bool> {
    let mut node = tries().get(&(api_version, kind))?;
    let mut mask = None;
    for segment in finding_segments(path) {
        node = match (
            node.children.get(segment.as_str()),
            segment.starts_with('['),
        ) {
            (Some(child), false) => child,
            (_, true) => node.children.get("[]").or_else(|| node.children.get("*"))?,
            (None, false) => node.children.get("*")?,
        };
        mask = node.mask.or(mask);
    }
    mask.map(|mask| version.in_mask(mask))
}

/// `spec.containers[0].env[FOO]` → spec, containers, [0], env, [FOO].
fn finding_segments(path: &str) -> Vec<String> {
    let mut segments = Vec::new();
    for part in path.split('.') {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            segments.push(rest[..open].to_string());
            rest = &rest[open..];
            while let Some(close) = rest.find(']') {
                segments.push(rest[..=close].to_string());
                rest = &rest[close + 1..];
            }
        } else {
            segments.push(rest.to_string());
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::yaml;

    fn findings(text: &str, version: u8) -> Vec<Finding> {
        let parsed = yaml::parse(text);
        let root = &parsed.documents[0].root;
        let mut out = Vec::new();
        check_fields(
            root,
            "v1",
            "Pod",
            KubeVersion::new(version).unwrap(),
            0,
            &mut out,
        );
        out
    }

    #[test]
    fn a_field_added_later_is_unknown_to_an_older_release() {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    restartPolicy: Never\n    restartPolicyRules:\n    - {action: Restart, exitCodes: {operator: In, values: [42]}}\n";
        assert!(findings(pod, 34).is_empty());
        let old = findings(pod, 33);
        assert_eq!(old.len(), 1, "the rules' own fields are not reported again");
        assert_eq!(
            old[0].message.en,
            "unknown field \"spec.containers[0].restartPolicyRules\""
        );
        assert!(
            old[0].help.en.contains("added in 1.34"),
            "{}",
            old[0].help.en
        );
        assert_eq!((old[0].pos.line, old[0].pos.column), (9, 5));
    }

    #[test]
    fn finding_paths_are_looked_up_through_indices_and_keys() {
        assert_eq!(
            exists_in(
                "v1",
                "Pod",
                "spec.containers[3].restartPolicyRules",
                KubeVersion::new(33).unwrap()
            ),
            Some(false)
        );
        assert_eq!(
            exists_in(
                "v1",
                "Pod",
                "spec.containers[3].restartPolicyRules[0].action",
                KubeVersion::new(35).unwrap()
            ),
            Some(true)
        );
        assert_eq!(
            exists_in(
                "v1",
                "Pod",
                "spec.containers[0].image",
                KubeVersion::new(30).unwrap()
            ),
            None
        );
    }
}
