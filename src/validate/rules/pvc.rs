//! PersistentVolumeClaims as `ValidatePersistentVolumeClaimSpec` checks
//! them: access modes, the storage request, the volume mode and the storage
//! class name. The same checks, as warnings, serve StatefulSet claim
//! templates, which the API server only checks when the controller creates
//! each claim.

use super::names::{self, problem_text};
use super::{Ctx, is_map};
use crate::validate::finding::{Pos, Severity, Text};
use crate::validate::go::fmt::go_quote;
use crate::validate::go::quantity;
use crate::validate::path::FieldPath;
use crate::validate::yaml::{Entry, Node, Value};

/// Access modes, in the (sorted) order the server lists them.
const ACCESS_MODES: [&str; 4] = [
    "ReadOnlyMany",
    "ReadWriteMany",
    "ReadWriteOnce",
    "ReadWriteOncePod",
];
/// Volume modes, in the server's order.
const VOLUME_MODES: [&str; 2] = ["Block", "Filesystem"];
const READ_WRITE_ONCE_POD: &str = "ReadWriteOncePod";

/// Applies the PersistentVolumeClaim rules.
pub(super) fn check(root: &Node, ctx: &mut Ctx<'_>) {
    let path = FieldPath::default().field("spec");
    match root.entry("spec") {
        Some(entry) if is_map_or_null(&entry.value) => {
            check_claim_spec(Some(&entry.value), entry.key_pos, &path, ctx)
        }
        Some(_) => {}
        None => check_claim_spec(None, root.pos, &path, ctx),
    }
}

/// Checks one StatefulSet `volumeClaimTemplates[i]`, reporting warnings:
/// the API server accepts the StatefulSet, but its controller then fails to
/// create the claim, so the Pods never start.
pub(super) fn check_claim_template(template: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let mut found = Vec::new();
    let mut inner = Ctx {
        document: ctx.document,
        out: &mut found,
        cluster: ctx.cluster,
    };
    let spec_path = path.field("spec");
    match template.entry("spec") {
        Some(entry) if is_map_or_null(&entry.value) => {
            check_claim_spec(Some(&entry.value), entry.key_pos, &spec_path, &mut inner);
        }
        Some(_) => {}
        None => check_claim_spec(None, template.pos, &spec_path, &mut inner),
    }
    for mut finding in found {
        finding.severity = Severity::Warning;
        finding.help.en.push_str(
            " (the StatefulSet is accepted, but its controller cannot create this claim, so the Pods never start)",
        );
        finding
            .help
            .ja
            .push_str("(StatefulSet自体は作成されますが、コントローラーがこのPVCを作成できないためPodが起動しません)");
        ctx.out.push(finding);
    }
}

/// Whether a node is a mapping or null (anything else is a type error the
/// schema layer reports).
fn is_map_or_null(node: &Node) -> bool {
    matches!(node.value, Value::Map(_) | Value::Null)
}

/// A mapping field of `parent`: `Ok(None)` when absent or null, `Err` when
/// it has the wrong type (already reported by the schema layer).
fn map_field<'a>(parent: Option<&'a Node>, key: &str) -> Result<Option<&'a Entry>, ()> {
    match parent.and_then(|node| node.entry(key)) {
        Some(entry) if is_map(&entry.value) => Ok(Some(entry)),
        Some(entry) if entry.value.value == Value::Null => Ok(None),
        Some(_) => Err(()),
        None => Ok(None),
    }
}

/// The claim spec rules; `key_pos` is where the `spec` key (or the object) is.
fn check_claim_spec(spec: Option<&Node>, key_pos: Pos, path: &FieldPath, ctx: &mut Ctx<'_>) {
    check_access_modes(spec, key_pos, &path.field("accessModes"), ctx);
    check_storage(spec, key_pos, path, ctx);
    let volume_mode = spec.and_then(|s| s.get("volumeMode"));
    if let Some(node) =
        volume_mode.filter(|n| n.as_str().is_some_and(|mode| !VOLUME_MODES.contains(&mode)))
    {
        let help = Text::new(
            "volumeMode is Filesystem (the default: a formatted, mounted volume) or Block (a raw block device)",
            "volumeModeはFilesystem(既定値: フォーマットしてマウントするボリューム)かBlock(raw形式のブロックデバイス)です",
        );
        ctx.unsupported(&path.field("volumeMode"), node, &VOLUME_MODES, help);
    }
    check_storage_class(spec, path, ctx);
}

/// At least one access mode, each a known one, ReadWriteOncePod alone.
fn check_access_modes(spec: Option<&Node>, key_pos: Pos, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let entry = spec.and_then(|s| s.entry("accessModes"));
    let modes = match entry.map(|e| &e.value.value) {
        Some(Value::Seq(items)) if !items.is_empty() => items,
        Some(Value::Seq(_) | Value::Null) | None => {
            let pos = entry.map_or(key_pos, |e| e.key_pos);
            ctx.required_because(
                path,
                pos,
                Text::new(
                    "at least 1 access mode is required",
                    "少なくとも1つのアクセスモードが必要です",
                ),
                Text::new(
                    "add `accessModes: [ReadWriteOnce]` (one node mounts it read-write); ReadOnlyMany and ReadWriteMany need a storage class that supports sharing",
                    "`accessModes: [ReadWriteOnce]`(1つのノードが読み書き可能でマウント)を追加してください。ReadOnlyManyとReadWriteManyは共有に対応したストレージクラスが必要です",
                ),
            );
            return;
        }
        Some(_) => return,
    };
    let (mut once_pod, mut others) = (false, false);
    for node in modes {
        let Some(mode) = node.as_str() else {
            continue;
        };
        if !ACCESS_MODES.contains(&mode) {
            let help = Text::new(
                "access modes are ReadWriteOnce, ReadOnlyMany, ReadWriteMany and ReadWriteOncePod, spelled exactly so",
                "アクセスモードはReadWriteOnce、ReadOnlyMany、ReadWriteMany、ReadWriteOncePodのいずれかで、大文字と小文字も正確に書きます",
            );
            ctx.unsupported(path, node, &ACCESS_MODES, help);
        }
        once_pod |= mode == READ_WRITE_ONCE_POD;
        others |= mode != READ_WRITE_ONCE_POD && ACCESS_MODES.contains(&mode);
    }
    if once_pod && others {
        let pos = entry.map_or(key_pos, |e| e.key_pos);
        ctx.forbidden(
            path,
            pos,
            Text::new(
                "may not use ReadWriteOncePod with other access modes",
                "ReadWriteOncePodは他のアクセスモードと組み合わせられません",
            ),
            Text::new(
                "ReadWriteOncePod means a single Pod: list it alone, or drop it and keep the other modes",
                "ReadWriteOncePodは1つのPodだけが使うことを意味します。単独で指定するか、削除して他のモードを残してください",
            ),
        );
    }
}

/// `resources.requests.storage`: present and a positive quantity.
fn check_storage(spec: Option<&Node>, key_pos: Pos, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Ok(resources) = map_field(spec, "resources") else {
        return;
    };
    let Ok(requests) = map_field(resources.map(|e| &e.value), "requests") else {
        return;
    };
    let storage_path = path.field("resources").key("storage");
    let storage = requests
        .and_then(|e| e.value.get("storage"))
        .filter(|n| n.value != Value::Null);
    let Some(node) = storage else {
        let pos = requests.or(resources).map_or(key_pos, |e| e.key_pos);
        let help = Text::new(
            "say how much storage the claim needs: add `resources: {requests: {storage: 1Gi}}`",
            "必要なストレージ容量を指定してください。`resources: {requests: {storage: 1Gi}}`を追加します",
        );
        ctx.required(&storage_path, pos, help);
        return;
    };
    match quantity::quantity_of(node) {
        Some(Ok(amount)) if amount.is_zero() || amount.is_negative() => {
            let detail = Text::new("must be greater than zero", "0より大きくなければなりません");
            let help = Text::new(
                "request a positive size such as 1Gi or 500Mi",
                "1Giや500Miのような正のサイズを指定してください",
            );
            ctx.invalid_shown(
                &storage_path,
                node.pos,
                &go_quote(&amount.to_string()),
                detail,
                help,
            );
        }
        Some(Err(error)) => {
            let path = path.field("resources").field("requests").key("storage");
            ctx.invalid(
                &path,
                node,
                quantity::error_text(&error),
                quantity::error_help(&node.raw),
            );
        }
        _ => {}
    }
}

/// A storage class name, when given, is a DNS subdomain (empty means "no class").
fn check_storage_class(spec: Option<&Node>, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(node) = spec.and_then(|s| s.get("storageClassName")) else {
        return;
    };
    let Some(name) = node.as_str().filter(|name| !name.is_empty()) else {
        return;
    };
    for problem in names::dns1123_subdomain(name) {
        let help = Text::new(
            "storage class names are DNS subdomains (lowercase letters, digits, '-' and '.'); `kubectl get storageclass` lists the cluster's classes",
            "ストレージクラス名はDNSサブドメイン(小文字の英数字、'-'、'.')です。`kubectl get storageclass`でクラスター上のクラスを確認できます",
        );
        ctx.invalid(
            &path.field("storageClassName"),
            node,
            problem_text(&problem),
            help,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::check_claim_template;
    use crate::validate::rules::Ctx;
    use crate::validate::yaml::parse;
    use crate::validate::{FieldPath, Finding, Severity, check};

    fn claim(spec: &str) -> String {
        format!("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n{spec}")
    }

    fn errors(yaml: &str) -> Vec<Finding> {
        check(yaml)
            .findings
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect()
    }

    fn messages(yaml: &str) -> Vec<String> {
        errors(yaml).into_iter().map(|f| f.message.en).collect()
    }

    const STORAGE: &str = "  resources:\n    requests:\n      storage: 1Gi\n";

    #[test]
    fn a_usual_claim_is_fine() {
        assert_eq!(
            messages(&claim(&format!(
                "spec:\n  accessModes: [ReadWriteOnce]\n{STORAGE}  volumeMode: Block\n  storageClassName: fast-ssd\n"
            ))),
            Vec::<String>::new()
        );
    }

    #[test]
    fn access_modes_are_required() {
        let found = errors(&claim(&format!("spec:\n{STORAGE}")));
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message.en,
            "spec.accessModes: Required value: at least 1 access mode is required"
        );
        assert_eq!(found[0].pos.line, 5);
        assert_eq!(
            messages(&claim(&format!("spec:\n  accessModes: []\n{STORAGE}"))),
            ["spec.accessModes: Required value: at least 1 access mode is required"]
        );
    }

    #[test]
    fn access_modes_are_known_and_read_write_once_pod_alone() {
        assert_eq!(
            messages(&claim(&format!(
                "spec:\n  accessModes: [ReadWriteOne]\n{STORAGE}"
            ))),
            [
                "spec.accessModes: Unsupported value: \"ReadWriteOne\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\""
            ]
        );
        assert_eq!(
            messages(&claim(&format!(
                "spec:\n  accessModes: [ReadWriteOncePod, ReadOnlyMany]\n{STORAGE}"
            ))),
            ["spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes"]
        );
    }

    #[test]
    fn storage_is_required_and_positive() {
        let found = errors(&claim(
            "spec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests: {}\n",
        ));
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message.en,
            "spec.resources[storage]: Required value"
        );
        assert_eq!(found[0].pos.line, 8);
        assert_eq!(
            messages(&claim(
                "spec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 0Gi\n"
            )),
            ["spec.resources[storage]: Invalid value: \"0\": must be greater than zero"]
        );
        assert_eq!(
            messages(&claim(
                "spec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 10GB\n"
            )),
            [
                "spec.resources.requests[storage]: Invalid value: \"10GB\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
            ]
        );
        assert_eq!(
            messages(&claim("")),
            [
                "spec.accessModes: Required value: at least 1 access mode is required",
                "spec.resources[storage]: Required value"
            ]
        );
    }

    #[test]
    fn volume_mode_and_class_name() {
        assert_eq!(
            messages(&claim(&format!(
                "spec:\n  accessModes: [ReadWriteOnce]\n{STORAGE}  volumeMode: filesystem\n"
            ))),
            [
                "spec.volumeMode: Unsupported value: \"filesystem\": supported values: \"Block\", \"Filesystem\""
            ]
        );
        let found = messages(&claim(&format!(
            "spec:\n  accessModes: [ReadWriteOnce]\n{STORAGE}  storageClassName: Fast_SSD\n"
        )));
        assert!(found[0].starts_with(
            "spec.storageClassName: Invalid value: \"Fast_SSD\": a lowercase RFC 1123 subdomain"
        ));
    }

    #[test]
    fn claim_templates_get_warnings() {
        let parsed = parse(
            "metadata:\n  name: data\nspec:\n  resources:\n    requests:\n      storage: 1Gi\n",
        );
        let template = &parsed.documents[0].root;
        let mut out = Vec::new();
        let mut ctx = Ctx {
            document: 0,
            out: &mut out,
            cluster: &crate::validate::versions::LATEST,
        };
        let path = FieldPath::default()
            .field("spec")
            .field("volumeClaimTemplates")
            .index(0);
        check_claim_template(template, &path, &mut ctx);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
        assert_eq!(
            out[0].message.en,
            "spec.volumeClaimTemplates[0].spec.accessModes: Required value: at least 1 access mode is required"
        );
        assert!(out[0].help.en.ends_with("so the Pods never start)"));
    }
}
