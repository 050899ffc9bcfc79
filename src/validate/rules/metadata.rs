//! Object metadata as `ValidateObjectMeta` checks it: names per kind, the
//! namespace, label and annotation keys and values — on the object itself
//! and on the Pod, Job and claim templates it carries.

use super::names::{self, problem_text};
use super::{Ctx, catalog, is_map, key_node};
use crate::validate::finding::{Pos, Text};
use crate::validate::path::FieldPath;
use crate::validate::yaml::{Node, Value};

/// The most bytes all annotations of one object may hold (256 KiB).
const ANNOTATIONS_MAX_BYTES: usize = 256 * 1024;
/// The CronJob controller appends `-<11 characters>` to name each Job.
const CRON_JOB_NAME_MAX: usize = 52;

/// Kinds that live outside namespaces: the server drops their `metadata.namespace`.
const CLUSTER_SCOPED: &[&str] = &[
    "APIService",
    "CertificateSigningRequest",
    "ClusterRole",
    "ClusterRoleBinding",
    "ClusterTrustBundle",
    "ComponentStatus",
    "CSIDriver",
    "CSINode",
    "CustomResourceDefinition",
    "DeviceClass",
    "DeviceTaintRule",
    "FlowSchema",
    "IngressClass",
    "IPAddress",
    "MutatingAdmissionPolicy",
    "MutatingAdmissionPolicyBinding",
    "MutatingWebhookConfiguration",
    "Namespace",
    "Node",
    "PersistentVolume",
    "PriorityClass",
    "PriorityLevelConfiguration",
    "ResourceSlice",
    "RuntimeClass",
    "ServiceCIDR",
    "StorageClass",
    "StorageVersion",
    "StorageVersionMigration",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration",
    "VolumeAttachment",
    "VolumeAttributesClass",
];

/// Kinds the server does not check metadata for: discovery documents and
/// one-shot reviews that are never stored.
const NO_METADATA_RULES: &[&str] = &[
    "APIGroup",
    "APIGroupList",
    "APIResourceList",
    "APIVersions",
    "LocalSubjectAccessReview",
    "SelfSubjectAccessReview",
    "SelfSubjectReview",
    "SelfSubjectRulesReview",
    "SubjectAccessReview",
    "TokenReview",
];

/// The name rule a kind uses (its `ValidateXxxName` function).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameRule {
    Subdomain,
    Label,
    Dns1035,
    PathSegment,
    /// Anything non-empty (IPAddress names are IP addresses, checked elsewhere).
    Any,
}

/// Applies the metadata rules of `kind` to an object and its templates.
pub(super) fn check(kind: &str, root: &Node, ctx: &mut Ctx<'_>) {
    if NO_METADATA_RULES.contains(&kind) {
        return;
    }
    let path = FieldPath::default().field("metadata");
    match root.entry("metadata") {
        Some(entry) if is_map(&entry.value) => {
            check_name(kind, root, &entry.value, entry.key_pos, &path, ctx);
            check_namespace(kind, &entry.value, &path, ctx);
            check_labels_and_annotations(&entry.value, &path, ctx);
        }
        Some(entry) if entry.value.value != Value::Null => {}
        Some(entry) => required_name(&path, entry.key_pos, ctx),
        None => required_name(&path, root.pos, ctx),
    }
    check_templates(kind, root, ctx);
}

/// Reports the missing name: `name or generateName is required`.
fn required_name(metadata: &FieldPath, pos: Pos, ctx: &mut Ctx<'_>) {
    ctx.required_because(
        &metadata.field("name"),
        pos,
        Text::new(
            "name or generateName is required",
            "nameまたはgenerateNameが必要です",
        ),
        Text::new(
            "every object needs a name: add `name: my-app` under metadata (or `generateName: my-app-` to let the server add a random suffix with kubectl create)",
            "すべてのオブジェクトには名前が必要です。metadataの下に`name: my-app`を追加してください(kubectl createでは`generateName: my-app-`でランダムな接尾辞を付けさせることもできます)",
        ),
    );
}

/// Checks `metadata.name` (or `generateName` when there is no name).
fn check_name(
    kind: &str,
    root: &Node,
    metadata: &Node,
    key_pos: Pos,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    let rule = name_rule(kind);
    let generate = metadata
        .get("generateName")
        .filter(|node| node.as_str().is_some_and(|text| !text.is_empty()));
    if let Some(node) = generate {
        let problems = name_problems(rule, node.as_str().unwrap_or_default(), true);
        report_name_problems(
            kind,
            rule,
            node,
            &problems,
            &path.field("generateName"),
            ctx,
        );
    }
    let generate = generate.is_some();
    match metadata.get("name") {
        Some(node) => match &node.value {
            Value::Str(name) if !name.is_empty() => {
                let mut problems = name_problems(rule, name, false);
                problems.extend(extra_name_problems(kind, root, name));
                report_name_problems(kind, rule, node, &problems, &path.field("name"), ctx);
            }
            Value::Str(_) | Value::Null if !generate => required_name(path, node.pos, ctx),
            _ => {}
        },
        None if !generate => required_name(path, key_pos, ctx),
        None => {}
    }
}

/// Which name rule the API server applies to `kind`.
fn name_rule(kind: &str) -> NameRule {
    match kind {
        "Namespace" | "StatefulSet" => NameRule::Label,
        "Service" => NameRule::Dns1035,
        "Role" | "ClusterRole" | "RoleBinding" | "ClusterRoleBinding" | "PodDisruptionBudget" => {
            NameRule::PathSegment
        }
        "IPAddress" => NameRule::Any,
        _ => NameRule::Subdomain,
    }
}

/// The problems of a name (or of a `generateName` prefix, whose trailing
/// dash is allowed).
fn name_problems(rule: NameRule, name: &str, prefix: bool) -> Vec<String> {
    let masked;
    let name = match name.strip_suffix('-') {
        Some(stem) if prefix && rule != NameRule::PathSegment => {
            masked = format!("{stem}a");
            masked.as_str()
        }
        _ => name,
    };
    match rule {
        NameRule::Subdomain => names::dns1123_subdomain(name),
        NameRule::Label => names::dns1123_label(name),
        NameRule::Dns1035 => names::dns1035_label(name),
        NameRule::PathSegment => path_segment_problems(name, prefix),
        NameRule::Any => Vec::new(),
    }
}

/// `IsValidPathSegmentName`: RBAC names may hold almost anything, but not
/// `/` or `%`, and may not be `.` or `..` (they end up in URLs).
fn path_segment_problems(name: &str, prefix: bool) -> Vec<String> {
    if !prefix && (name == "." || name == "..") {
        return vec![format!("may not be '{name}'")];
    }
    ["/", "%"]
        .iter()
        .filter(|bad| name.contains(**bad))
        .map(|bad| format!("may not contain '{bad}'"))
        .collect()
}

/// Kind-specific name rules beyond the name function.
fn extra_name_problems(kind: &str, root: &Node, name: &str) -> Vec<String> {
    match kind {
        "CronJob" if name.len() > CRON_JOB_NAME_MAX => vec![cron_job_too_long()],
        "CustomResourceDefinition" => {
            let names = root.get("spec").and_then(|spec| spec.get("names"));
            let plural = names.and_then(|n| n.get("plural")).and_then(Node::as_str);
            let group = root
                .get("spec")
                .and_then(|s| s.get("group"))
                .and_then(Node::as_str);
            match (plural, group) {
                (Some(plural), Some(group)) if name != format!("{plural}.{group}") => {
                    vec!["must be spec.names.plural+\".\"+spec.group".to_string()]
                }
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

/// The CronJob name-length problem, as the server words it.
fn cron_job_too_long() -> String {
    format!("must be no more than {CRON_JOB_NAME_MAX} characters")
}

/// One finding per problem of a name, with help that fits the kind.
fn report_name_problems(
    kind: &str,
    rule: NameRule,
    node: &Node,
    problems: &[String],
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    for problem in problems {
        let help = name_help(kind, rule, problem, node.as_str().unwrap_or(""));
        ctx.invalid(path, node, problem_text(problem), help);
    }
}

/// Plain-words advice for a bad object name.
fn name_help(kind: &str, rule: NameRule, problem: &str, name: &str) -> Text {
    if kind == "CronJob" && problem == cron_job_too_long() {
        return Text::new(
            "the CronJob controller names each Job `<cronjob name>-<11-character timestamp>` and Job names may have at most 63 characters, so shorten the name to 52 characters or fewer",
            "CronJobコントローラーは各Jobに`<CronJob名>-<11文字のタイムスタンプ>`という名前を付け、Job名は63文字までなので、名前を52文字以下に短くしてください",
        );
    }
    if problem.starts_with("must be spec.names.plural") {
        return Text::new(
            "a CustomResourceDefinition must be named `<spec.names.plural>.<spec.group>`, e.g. crontabs.stable.example.com",
            "CustomResourceDefinitionの名前は`<spec.names.plural>.<spec.group>`(例: crontabs.stable.example.com)でなければなりません",
        );
    }
    let example = suggest_name(name, rule);
    let (en, ja) = match rule {
        NameRule::Label if kind == "StatefulSet" => (
            "StatefulSet names become part of Pod names and hostnames, so they must be a DNS label: lowercase letters, digits and '-', no dots, at most 63 characters",
            "StatefulSetの名前はPod名やホスト名の一部になるため、DNSラベル(小文字の英数字と'-'のみ、ドットなし、63文字以下)でなければなりません",
        ),
        NameRule::Label => (
            "use a DNS label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters, no dots",
            "DNSラベル(小文字の英数字と'-'のみ、英数字で始まり英数字で終わる、63文字以下、ドットなし)を使ってください",
        ),
        NameRule::Dns1035 => (
            "Service names become DNS names: start with a lowercase letter, then use lowercase letters, digits and '-', at most 63 characters",
            "Serviceの名前はDNS名になります。小文字の英字で始め、小文字の英数字と'-'だけを使い、63文字以下にしてください",
        ),
        NameRule::PathSegment => (
            "this name is used in URLs: remove '/' and '%', and do not use '.' or '..'",
            "この名前はURLの一部になります。'/'と'%'を取り除き、'.'や'..'は使わないでください",
        ),
        _ => (
            "use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters",
            "小文字の英数字、'-'、'.'だけを使い、英数字で始まり英数字で終わる253文字以下の名前にしてください",
        ),
    };
    match example {
        Some(example) => Text::new(
            format!("{en} (e.g. `{example}`)"),
            format!("{ja}(例: `{example}`)"),
        ),
        None => Text::new(en, ja),
    }
}

/// A valid name close to the given one (`My_App` → `my-app`), if one is easy to find.
fn suggest_name(name: &str, rule: NameRule) -> Option<String> {
    if rule == NameRule::PathSegment || rule == NameRule::Any {
        return None;
    }
    let keep_dots = rule == NameRule::Subdomain;
    let mapped: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' => c,
            '.' if keep_dots => c,
            _ => '-',
        })
        .collect();
    let mut suggestion = mapped
        .trim_matches(|c: char| c == '-' || c == '.')
        .to_string();
    let limit = if keep_dots {
        names::DNS1123_SUBDOMAIN_MAX
    } else {
        names::DNS_LABEL_MAX
    };
    suggestion.truncate(limit);
    let suggestion = suggestion.trim_end_matches(['-', '.']).to_string();
    let valid = name_problems(rule, &suggestion, false).is_empty();
    (valid && suggestion != name).then_some(suggestion)
}

/// Checks `metadata.namespace`: a DNS label for namespaced kinds; ignored
/// (with a warning) for cluster-scoped ones.
fn check_namespace(kind: &str, metadata: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(node) = metadata.get("namespace") else {
        return;
    };
    let Some(namespace) = node.as_str().filter(|ns| !ns.is_empty()) else {
        return;
    };
    let path = path.field("namespace");
    if CLUSTER_SCOPED.contains(&kind) {
        ctx.report(
            &catalog::IGNORED_FIELD,
            &path,
            node.pos,
            Text::new(
                format!("{path}: ignored: {kind} is cluster-scoped"),
                format!("{path}: 無視されます: {kind}はクラスタースコープのリソースです"),
            ),
            Text::new(
                format!(
                    "a {kind} does not live in a namespace; remove `namespace:` from its metadata"
                ),
                format!("{kind}は名前空間に属しません。metadataから`namespace:`を削除してください"),
            ),
        );
        return;
    }
    for problem in names::dns1123_label(namespace) {
        let help = Text::new(
            "namespace names are DNS labels: lowercase letters, digits and '-', at most 63 characters, no dots",
            "名前空間(Namespace)の名前はDNSラベルです。小文字の英数字と'-'だけを使い、63文字以下でドットは使えません",
        );
        ctx.invalid(&path, node, problem_text(&problem), help);
    }
}

/// Checks the labels and annotations of one metadata mapping.
pub(super) fn check_labels_and_annotations(metadata: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Some(labels) = metadata.get("labels") {
        check_labels(labels, &path.field("labels"), ctx);
    }
    if let Some(entry) = metadata.entry("annotations") {
        check_annotations(&entry.value, entry.key_pos, &path.field("annotations"), ctx);
    }
}

/// Label keys must be qualified names and values valid label values.
fn check_labels(labels: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for entry in labels.entries() {
        let key_path = path.key(&entry.key);
        for problem in names::qualified_name(&entry.key) {
            ctx.invalid(
                &key_path,
                &key_node(entry),
                problem_text(&problem),
                key_help("label"),
            );
        }
        let Some(value) = entry.value.as_str() else {
            continue;
        };
        for problem in names::label_value(value) {
            let help = Text::new(
                "label values are at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or empty); free-form or longer text belongs in an annotation",
                "ラベルの値は英数字、'-'、'_'、'.'からなる63文字以下の文字列(英数字で始まり英数字で終わる)か空文字列です。自由な文や長い文字列はアノテーションに書いてください",
            );
            ctx.invalid(&key_path, &entry.value, problem_text(&problem), help);
        }
    }
}

/// Annotation keys must be qualified names (case does not matter) and all
/// annotations together at most 256 KiB.
fn check_annotations(annotations: &Node, key_pos: Pos, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let mut total = 0;
    for entry in annotations.entries() {
        for problem in names::qualified_name(&entry.key.to_lowercase()) {
            let key_path = path.key(&entry.key);
            ctx.invalid(
                &key_path,
                &key_node(entry),
                problem_text(&problem),
                key_help("annotation"),
            );
        }
        total += entry.key.len() + entry.value.as_str().map_or(0, str::len);
    }
    if total > ANNOTATIONS_MAX_BYTES {
        ctx.too_long(
            path,
            key_pos,
            ANNOTATIONS_MAX_BYTES,
            Text::new(
                "annotations are for small metadata; move large content into a ConfigMap. If the object itself is big, `kubectl apply --server-side` avoids the last-applied-configuration annotation that copies it",
                "アノテーションは小さなメタデータ用です。大きな内容はConfigMapに移してください。オブジェクト自体が大きい場合は、全体をコピーするlast-applied-configurationアノテーションを避けるため`kubectl apply --server-side`を使ってください",
            ),
        );
    }
}

/// Advice for a bad label or annotation key.
fn key_help(what: &str) -> Text {
    let (article, what_ja) = if what == "label" {
        ("a", "ラベル")
    } else {
        ("an", "アノテーション")
    };
    Text::new(
        format!(
            "{article} {what} key is an optional DNS-subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' or '.' that starts and ends with a letter or digit (e.g. `app.kubernetes.io/name`)"
        ),
        format!(
            "{what_ja}のキーは、省略可能なDNSサブドメインのプレフィックスと'/'に続けて、英数字、'-'、'_'、'.'からなる63文字以下の名前(英数字で始まり英数字で終わる)を書きます(例: `app.kubernetes.io/name`)"
        ),
    )
}

/// Labels and annotations of the templates an object carries: Pod templates,
/// a CronJob's Job template, a StatefulSet's claim templates.
fn check_templates(kind: &str, root: &Node, ctx: &mut Ctx<'_>) {
    let spec_path = FieldPath::default().field("spec");
    let spec = root.get("spec");
    match kind {
        "Deployment"
        | "ReplicaSet"
        | "StatefulSet"
        | "DaemonSet"
        | "Job"
        | "ReplicationController" => {
            template_metadata(
                spec.and_then(|s| s.get("template")),
                &spec_path.field("template"),
                ctx,
            );
        }
        "PodTemplate" => {
            template_metadata(
                root.get("template"),
                &FieldPath::default().field("template"),
                ctx,
            );
        }
        "CronJob" => {
            let job = spec.and_then(|s| s.get("jobTemplate"));
            let job_path = spec_path.field("jobTemplate");
            template_metadata(job, &job_path, ctx);
            let pod = job
                .and_then(|j| j.get("spec"))
                .and_then(|s| s.get("template"));
            template_metadata(pod, &job_path.field("spec").field("template"), ctx);
        }
        _ => {}
    }
    if kind == "StatefulSet" {
        check_claim_templates(spec, &spec_path.field("volumeClaimTemplates"), ctx);
    }
}

/// Labels and annotations of `template.metadata`, when there is one.
fn template_metadata(template: Option<&Node>, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Some(metadata) = template.and_then(|t| t.get("metadata")) {
        check_labels_and_annotations(metadata, &path.field("metadata"), ctx);
    }
}

/// Labels and annotations of each StatefulSet claim template.
fn check_claim_templates(spec: Option<&Node>, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let templates = spec.and_then(|s| s.get("volumeClaimTemplates"));
    for (index, template) in templates.map_or(&[][..], Node::items).iter().enumerate() {
        template_metadata(Some(template), &path.index(index), ctx);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::{Finding, Severity, check};

    fn errors(yaml: &str) -> Vec<Finding> {
        check(yaml)
            .findings
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect()
    }

    /// The one error reported at `path` (other rule modules may add theirs elsewhere).
    fn at(yaml: &str, path: &str) -> Finding {
        let found: Vec<Finding> = errors(yaml)
            .into_iter()
            .filter(|f| f.path == path)
            .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        found.into_iter().next().unwrap()
    }

    /// Errors whose path starts with `prefix`.
    fn under(yaml: &str, prefix: &str) -> Vec<Finding> {
        errors(yaml)
            .into_iter()
            .filter(|f| f.path.starts_with(prefix))
            .collect()
    }

    const CM: &str = "apiVersion: v1\nkind: ConfigMap\n";

    #[test]
    fn name_is_required_unless_generate_name() {
        let finding = at(
            &format!("{CM}metadata:\n  labels: {{a: b}}\n"),
            "metadata.name",
        );
        assert_eq!(finding.rule.id, "api/required");
        assert_eq!(
            finding.message.en,
            "metadata.name: Required value: name or generateName is required"
        );
        assert_eq!(
            finding.message.ja,
            "metadata.name: 必須の値です: nameまたはgenerateNameが必要です"
        );
        assert_eq!((finding.pos.line, finding.pos.column), (3, 1));
        assert!(
            under(
                &format!("{CM}metadata:\n  generateName: app-\n"),
                "metadata"
            )
            .is_empty()
        );
        at(&format!("{CM}data: {{}}\n"), "metadata.name");
    }

    #[test]
    fn names_follow_the_kind_rule() {
        let finding = at(&format!("{CM}metadata:\n  name: My_App\n"), "metadata.name");
        assert_eq!(
            finding.message.en,
            "metadata.name: Invalid value: \"My_App\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
        );
        assert!(finding.help.en.contains("`my-app`"), "{}", finding.help.en);
        assert!(finding.message.ja.contains("RFC 1123サブドメイン"));
        let service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  ports: [{port: 80}]\n";
        let service = at(service, "metadata.name");
        assert!(
            service
                .message
                .en
                .starts_with("metadata.name: Invalid value: \"1web\": a DNS-1035 label")
        );
        let namespace = at(
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team.a\n",
            "metadata.name",
        );
        assert!(
            namespace.message.en.starts_with(
                "metadata.name: Invalid value: \"team.a\": a lowercase RFC 1123 label"
            )
        );
        let role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:controller:x\n";
        assert!(under(role, "metadata").is_empty());
        let role = at(
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: a/b\n",
            "metadata.name",
        );
        assert_eq!(
            role.message.en,
            "metadata.name: Invalid value: \"a/b\": may not contain '/'"
        );
    }

    #[test]
    fn cron_job_names_leave_room_for_the_suffix() {
        let name = "a".repeat(53);
        let yaml = format!(
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: {name}\nspec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{{name: a, image: busybox:1.36}}]\n"
        );
        let finding = at(&yaml, "metadata.name");
        assert_eq!(
            finding.message.en,
            format!("metadata.name: Invalid value: \"{name}\": must be no more than 52 characters")
        );
    }

    #[test]
    fn statefulset_names_are_labels() {
        let yaml = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db.main\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: postgres:16}]\n";
        let finding = at(yaml, "metadata.name");
        assert!(
            finding.message.en.contains("RFC 1123 label"),
            "{}",
            finding.message.en
        );
    }

    #[test]
    fn namespace_is_a_label() {
        let finding = at(
            &format!("{CM}metadata:\n  name: a\n  namespace: Shop\n"),
            "metadata.namespace",
        );
        assert!(finding.message.en.starts_with(
            "metadata.namespace: Invalid value: \"Shop\": a lowercase RFC 1123 label"
        ));
    }

    #[test]
    fn label_keys_and_values() {
        let yaml = format!("{CM}metadata:\n  name: a\n  labels:\n    bad key: ok\n    app: -web\n");
        let key = at(&yaml, "metadata.labels[bad key]");
        assert_eq!((key.pos.line, key.pos.column), (6, 5));
        assert!(key.message.en.starts_with(
            "metadata.labels[bad key]: Invalid value: \"bad key\": name part must consist of"
        ));
        let value = at(&yaml, "metadata.labels[app]");
        assert_eq!((value.pos.line, value.pos.column), (7, 10));
        assert!(
            value.message.en.starts_with(
                "metadata.labels[app]: Invalid value: \"-web\": a valid label must be"
            )
        );
    }

    #[test]
    fn annotation_keys_and_size() {
        let finding = at(
            &format!("{CM}metadata:\n  name: a\n  annotations:\n    /x: v\n"),
            "metadata.annotations[/x]",
        );
        assert_eq!(
            finding.message.en,
            "metadata.annotations[/x]: Invalid value: \"/x\": prefix part must be non-empty"
        );
        assert!(
            under(
                &format!("{CM}metadata:\n  name: a\n  annotations:\n    Example.COM/Note: v\n"),
                "metadata"
            )
            .is_empty()
        );
        let big = "x".repeat(262_144);
        let finding = at(
            &format!("{CM}metadata:\n  name: a\n  annotations:\n    note: {big}\n"),
            "metadata.annotations",
        );
        assert_eq!(
            finding.message.en,
            "metadata.annotations: Too long: may not be more than 262144 bytes"
        );
        assert_eq!(finding.rule.id, "api/too-long");
    }

    #[test]
    fn template_labels_are_checked() {
        let yaml = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: '0 * * * *'\n  jobTemplate:\n    metadata:\n      labels: {team: -x}\n    spec:\n      template:\n        metadata:\n          labels: {'a b': c}\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: a, image: busybox:1.36}]\n";
        at(yaml, "spec.jobTemplate.metadata.labels[team]");
        at(yaml, "spec.jobTemplate.spec.template.metadata.labels[a b]");
    }

    #[test]
    fn cluster_scoped_namespace_is_only_a_warning() {
        let report =
            check("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  namespace: b\n");
        assert_eq!(report.count(Severity::Error), 0);
        let warning = report
            .findings
            .iter()
            .find(|f| f.rule.id == "api/ignored-field")
            .unwrap();
        assert_eq!(
            warning.message.en,
            "metadata.namespace: ignored: Namespace is cluster-scoped"
        );
    }
}
