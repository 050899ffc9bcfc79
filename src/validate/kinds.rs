//! One object of the input: which kind it is, whether that kind exists in that
//! apiVersion, and the schema findings about the kind itself.

use super::component_config::component_config;
use super::crd;
use super::finding::{Finding, Text};
use super::rules;
use super::schema::{self, check_document, group_of, old_schemas, schemas};
use super::suggest;
use super::versions::{self, Cluster, KubeVersion};
use super::yaml::{Node, Value};
use super::{DocumentInfo, Options, Report, pss};

/// The objects of a document: the document itself, or the items of a `List`.
pub(crate) fn expand_list(root: &Node) -> Vec<&Node> {
    let is_list = root.get("kind").and_then(Node::as_str) == Some("List")
        && matches!(
            root.get("items").map(|items| &items.value),
            Some(Value::Seq(_))
        );
    match root.get("items") {
        Some(items) if is_list => items.items().iter().collect(),
        _ => vec![root],
    }
}

/// What custom resources are checked with: the CRDs of the input, and the
/// CEL rules compiled so far in this run.
pub(crate) struct Custom {
    pub input: Vec<crd::Crd>,
    pub rules: crd::RuleCache,
}

/// Checks one object: its apiVersion and kind, then its schema.
pub(crate) fn check_object(
    root: &Node,
    index: usize,
    options: &Options,
    custom: &mut Custom,
    report: &mut Report,
) {
    report.documents.push(document_info(root, index));
    let findings = &mut report.findings;
    if !matches!(root.value, Value::Map(_)) {
        findings.push(Finding::new(
            &schema::TYPE,
            index,
            "",
            root.pos,
            Text::new(
                "the document is not an object: a manifest is a mapping with apiVersion, kind and metadata",
                "ドキュメントがオブジェクトではありません。マニフェストはapiVersion、kind、metadataを持つマッピングです",
            ),
            Text::new("start the document with `apiVersion: …` and `kind: …`", "ドキュメントを`apiVersion: …`と`kind: …`で始めてください"),
        ));
        return;
    }
    if !check_header(root, index, findings) {
        return;
    }
    let (Some(api_version), Some(kind)) = (root.get("apiVersion"), root.get("kind")) else {
        return;
    };
    check_kind(root, api_version, kind, index, options, custom, findings);
}

/// Every object is listed in the report, even one too broken to check.
fn document_info(root: &Node, index: usize) -> DocumentInfo {
    let text = |key: &str| root.get(key).and_then(Node::as_str).map(str::to_string);
    DocumentInfo {
        index,
        api_version: text("apiVersion"),
        kind: text("kind"),
        name: root
            .get("metadata")
            .and_then(|m| m.get("name"))
            .and_then(Node::as_str)
            .map(str::to_string),
        pos: root.pos,
    }
}

/// No schema can be chosen without a textual apiVersion and kind; false stops the checks.
fn check_header(root: &Node, index: usize, findings: &mut Vec<Finding>) -> bool {
    let mut missing = false;
    for field in ["apiVersion", "kind"] {
        match root.get(field) {
            Some(node) if node.as_str().is_some_and(|s| !s.is_empty()) => {}
            Some(node) if node.value != Value::Null => {
                missing = true;
                findings.push(Finding::new(
                    &schema::TYPE,
                    index,
                    field,
                    node.pos,
                    Text::new(
                        format!(
                            "{field}: Invalid type. Expected: string, given: {}",
                            node.raw
                        ),
                        format!(
                            "{field}: 型が正しくありません。文字列が必要です(指定値: {})",
                            node.raw
                        ),
                    ),
                    Text::new(
                        format!("write {field} as text, for example `{}`", example(field)),
                        format!(
                            "{field}は`{}`のように文字列で書いてください",
                            example(field)
                        ),
                    ),
                ));
            }
            _ => {
                missing = true;
                findings.push(Finding::new(
                    &schema::REQUIRED,
                    index,
                    field,
                    root.pos,
                    Text::new(
                        format!("{field}: Required value"),
                        format!("{field}: 必須の値です"),
                    ),
                    Text::new(
                        format!(
                            "every manifest names its {field}, for example `{field}: {}`",
                            example(field)
                        ),
                        format!(
                            "すべてのマニフェストに{field}が必要です(例: `{field}: {}`)",
                            example(field)
                        ),
                    ),
                ));
            }
        }
    }
    !missing
}

/// Built-in kinds, custom resources and unknown kinds each get different checks.
fn check_kind(
    root: &Node,
    api_version: &Node,
    kind: &Node,
    index: usize,
    options: &Options,
    custom: &mut Custom,
    findings: &mut Vec<Finding>,
) {
    let (Some(api_version_text), Some(kind_text)) = (api_version.as_str(), kind.as_str()) else {
        return;
    };
    let cluster = &options.cluster;
    let served = versions::served(api_version_text, kind_text);
    if let Some(mask) = served
        && !cluster.version.in_mask(mask)
    {
        findings.push(not_served(
            index,
            api_version_text,
            kind_text,
            mask,
            cluster,
            api_version,
        ));
        return;
    }
    if let Some(warning) = deprecation(index, api_version_text, kind_text, cluster, api_version) {
        findings.push(warning);
    }
    let (schemas, shape) = match schemas().kind(api_version_text, kind_text) {
        Some(shape) => (schemas(), Some(shape)),
        None if served.is_some() => {
            let old = old_schemas();
            (old, old.kind(api_version_text, kind_text))
        }
        None => (schemas(), None),
    };
    match shape {
        Some(shape) => {
            check_document(schemas, root, shape, index, findings);
            check_built_in(root, index, options, custom, findings);
        }
        None if let Some(info) = component_config(index, api_version_text, kind_text, kind.pos) => {
            findings.push(info);
        }
        None if is_custom(api_version_text, kind_text) => {
            check_custom_resource(root, api_version, index, options, custom, findings);
        }
        None => findings.push(unknown_kind(
            index,
            api_version_text,
            kind_text,
            api_version,
            kind,
        )),
    }
}

/// The checks of a built-in kind beyond its schema: the release's fields,
/// a CRD's own rules, the API server's rules, list keys and Pod Security.
fn check_built_in(
    root: &Node,
    index: usize,
    options: &Options,
    custom: &mut Custom,
    findings: &mut Vec<Finding>,
) {
    let text = |key: &str| root.get(key).and_then(Node::as_str).unwrap_or_default();
    let (api_version, kind) = (text("apiVersion"), text("kind"));
    let cluster = &options.cluster;
    if kind == "CustomResourceDefinition" {
        crd::check_definition(root, index, &mut custom.rules, findings);
    }
    if !cluster.is_default() {
        version_fields(root, api_version, kind, cluster, index, findings);
    }
    let mut ctx = rules::Ctx {
        document: index,
        out: findings,
        cluster,
    };
    rules::check(kind, root, &mut ctx);
    rules::list_keys::check(api_version, kind, root, &mut ctx);
    pss::check_object(
        kind,
        root,
        index,
        options.pss,
        options.pss_version.at_most(cluster.version),
        findings,
    );
}

/// A custom resource: validated against its CRD when one is known (the
/// input's, `--crd`, the built-in Gateway API), else only its metadata.
fn check_custom_resource(
    root: &Node,
    version_node: &Node,
    index: usize,
    options: &Options,
    custom: &mut Custom,
    findings: &mut Vec<Finding>,
) {
    let api_version = version_node.as_str().unwrap_or_default();
    let kind = root.get("kind").and_then(Node::as_str).unwrap_or_default();
    let given = &options.crds;
    match crd::find(&custom.input, given, api_version, kind) {
        Some((_, version)) => {
            crd::check_instance(root, version, index, &mut custom.rules, findings)
        }
        None => findings.push(
            match crd::group_has_kind(&custom.input, given, api_version, kind) {
                Some(served) => {
                    crd_version_missing(index, api_version, kind, &served, version_node)
                }
                None => custom_resource(index, api_version, kind, version_node),
            },
        ),
    }
    let mut ctx = rules::Ctx {
        document: index,
        out: findings,
        cluster: &options.cluster,
    };
    rules::check_custom(root, &mut ctx);
}

/// A kind Kubernetes has never served, in a group it does not build in.
fn is_custom(api_version: &str, kind: &str) -> bool {
    let schemas = schemas();
    schemas.versions_of(kind).is_empty()
        && removed_in(api_version, kind).is_none()
        && kind != "PodSecurityPolicy"
        && !schemas.is_builtin_group(group_of(api_version))
}

/// A kind of a group Kubernetes does not build in: a custom resource, whose
/// schema lives in a CustomResourceDefinition in the cluster. Only its
/// metadata can be checked; that is worth saying, not an error.
fn custom_resource(index: usize, api_version: &str, kind: &str, version_node: &Node) -> Finding {
    Finding::new(
        &schema::CUSTOM_RESOURCE,
        index,
        "apiVersion",
        version_node.pos,
        Text::new(
            format!("{kind} ({api_version}) is a custom resource: only its metadata is checked"),
            format!("{kind} ({api_version})はカスタムリソースです。検査するのはmetadataだけです"),
        ),
        Text::new(
            "the cluster must have the CustomResourceDefinition for this kind; its own schema is not known offline",
            "クラスターにこのkindのCustomResourceDefinitionが必要です。そのスキーマはオフラインではわかりません",
        ),
    )
}

/// The fields of an object as the cluster's release has them: an unknown
/// field the release still has is not reported, one it lacks is.
fn version_fields(
    root: &Node,
    api_version: &str,
    kind: &str,
    cluster: &Cluster,
    index: usize,
    findings: &mut Vec<Finding>,
) {
    let version = cluster.version;
    findings.retain(|finding| {
        finding.document != index
            || finding.rule.id != schema::UNKNOWN_FIELD.id
            || versions::exists_in(api_version, kind, finding.path.as_str(), version) != Some(true)
    });
    versions::check_fields(root, api_version, kind, version, index, findings);
}

/// `no matches for kind "X" in version "Y"` from an API server of a release
/// that does not serve it (yet, or any more), with the releases that do and
/// what this one serves instead.
fn not_served(
    index: usize,
    api_version: &str,
    kind: &str,
    mask: u8,
    cluster: &Cluster,
    version_node: &Node,
) -> Finding {
    let version = cluster.version;
    let releases: Vec<KubeVersion> = KubeVersion::releases(mask).collect();
    let (first, last) = (releases.first().copied(), releases.last().copied());
    let span = match (first, last) {
        (Some(first), Some(last)) if first == last => format!("{first}"),
        (Some(first), Some(last)) => format!("{first}–{last}"),
        _ => String::new(),
    };
    let instead: Vec<String> = schemas()
        .versions_of(kind)
        .iter()
        .chain(old_schemas().versions_of(kind))
        .filter(|other| versions::served(other, kind).is_some_and(|m| version.in_mask(m)))
        .cloned()
        .collect();
    let (use_en, use_ja) = match instead.first() {
        Some(other) => (
            format!("; use `apiVersion: {other}`"),
            format!("。`apiVersion: {other}`を使ってください"),
        ),
        None => (String::new(), String::new()),
    };
    let help = Text::new(
        format!(
            "Kubernetes {version} does not serve {api_version} {kind} (served in {span}){use_en}"
        ),
        format!(
            "Kubernetes {version}は{api_version}の{kind}を提供していません({span}で提供){use_ja}"
        ),
    );
    no_matches(index, api_version, kind, version_node, help)
}

/// `no matches for kind "X" in version "Y"` at the apiVersion, with `help`.
fn no_matches(
    index: usize,
    api_version: &str,
    kind: &str,
    version_node: &Node,
    help: Text,
) -> Finding {
    Finding::new(
        &schema::UNKNOWN_API_VERSION,
        index,
        "apiVersion",
        version_node.pos,
        Text::new(
            format!("no matches for kind \"{kind}\" in version \"{api_version}\""),
            format!("バージョン\"{api_version}\"にkind\"{kind}\"はありません"),
        ),
        help,
    )
}

/// The API server's warning for a deprecated apiVersion it still serves:
/// `v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice`.
fn deprecation(
    index: usize,
    api_version: &str,
    kind: &str,
    cluster: &Cluster,
    version_node: &Node,
) -> Option<Finding> {
    let (since, instead) = versions::deprecated(api_version, kind)?;
    if cluster.version.minor() < since {
        return None;
    }
    let (use_en, use_ja) = if instead.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!("; use {instead}"),
            format!("。{instead}を使ってください"),
        )
    };
    Some(Finding::new(
        &schema::DEPRECATED_API,
        index,
        "apiVersion",
        version_node.pos,
        Text::new(
            format!("{api_version} {kind} is deprecated in v1.{since}+{use_en}"),
            format!("{api_version}の{kind}はv1.{since}以降非推奨です{use_ja}"),
        ),
        Text::new(
            "the API server accepts it with this warning; plan the move before a release removes it",
            "APIサーバーはこの警告付きで受け付けます。削除されるリリースより前に移行を計画してください",
        ),
    ))
}

/// A custom resource in a version its CRD does not serve.
fn crd_version_missing(
    index: usize,
    api_version: &str,
    kind: &str,
    served: &[String],
    version_node: &Node,
) -> Finding {
    let list = served.join(", ");
    let help = Text::new(
        format!("its CustomResourceDefinition serves {list}"),
        format!("このkindのCustomResourceDefinitionが提供しているのは{list}です"),
    );
    no_matches(index, api_version, kind, version_node, help)
}

fn example(field: &str) -> &'static str {
    if field == "kind" { "Pod" } else { "v1" }
}

/// `no matches for kind "X" in version "Y"`, with the version to use instead.
fn unknown_kind(
    index: usize,
    api_version: &str,
    kind: &str,
    version_node: &Node,
    kind_node: &Node,
) -> Finding {
    let schemas = schemas();
    let versions = schemas.versions_of(kind);
    let message = Text::new(
        format!("no matches for kind \"{kind}\" in version \"{api_version}\""),
        format!("バージョン\"{api_version}\"にkind\"{kind}\"はありません"),
    );
    if let Some(current) = versions.first() {
        let removed = removed_in(api_version, kind);
        let (help_en, help_ja) = match removed {
            Some(release) => (
                format!(
                    "{api_version} {kind} was removed in Kubernetes {release}; use `apiVersion: {current}`"
                ),
                format!(
                    "{api_version}の{kind}はKubernetes {release}で削除されました。`apiVersion: {current}`を使ってください"
                ),
            ),
            None => (
                format!(
                    "{kind} is served as {}; use `apiVersion: {current}`",
                    versions.join(", ")
                ),
                format!(
                    "{kind}は{}で提供されています。`apiVersion: {current}`を使ってください",
                    versions.join(", ")
                ),
            ),
        };
        return Finding::new(
            &schema::UNKNOWN_API_VERSION,
            index,
            "apiVersion",
            version_node.pos,
            message,
            Text::new(help_en, help_ja),
        );
    }
    if kind == "PodSecurityPolicy" {
        return Finding::new(
            &schema::UNKNOWN_KIND,
            index,
            "kind",
            kind_node.pos,
            message,
            Text::new(
                "PodSecurityPolicy was removed in Kubernetes 1.25; use Pod Security Admission: label the namespace with pod-security.kubernetes.io/enforce",
                "PodSecurityPolicyはKubernetes 1.25で削除されました。Podセキュリティアドミッションを使い、名前空間にpod-security.kubernetes.io/enforceラベルを付けてください",
            ),
        );
    }
    let suggestion = suggest::closest(kind, schemas.kind_names(), 2);
    let (help_en, help_ja) = match suggestion {
        Some(name) => (
            format!("did you mean `kind: {name}`? Kinds are case-sensitive"),
            format!("`kind: {name}`の誤りではありませんか? kindは大文字と小文字を区別します"),
        ),
        None => (
            "kubetutor knows the built-in kinds only; a custom resource needs its CustomResourceDefinition in the cluster".to_string(),
            "kubetutorが知っているのは組み込みのkindだけです。カスタムリソースにはクラスター側のCustomResourceDefinitionが必要です".to_string(),
        ),
    };
    Finding::new(
        &schema::UNKNOWN_KIND,
        index,
        "kind",
        kind_node.pos,
        message,
        Text::new(help_en, help_ja),
    )
}

/// The release that removed a once-served apiVersion of a kind
/// (from the Kubernetes deprecated API migration guide).
fn removed_in(api_version: &str, kind: &str) -> Option<&'static str> {
    const REMOVED: &[(&str, &[&str], &str)] = &[
        (
            "extensions/v1beta1",
            &["Deployment", "DaemonSet", "ReplicaSet", "NetworkPolicy"],
            "1.16",
        ),
        (
            "apps/v1beta1",
            &[
                "Deployment",
                "StatefulSet",
                "ReplicaSet",
                "ControllerRevision",
            ],
            "1.16",
        ),
        (
            "apps/v1beta2",
            &[
                "Deployment",
                "StatefulSet",
                "DaemonSet",
                "ReplicaSet",
                "ControllerRevision",
            ],
            "1.16",
        ),
        ("extensions/v1beta1", &["Ingress"], "1.22"),
        (
            "networking.k8s.io/v1beta1",
            &["Ingress", "IngressClass"],
            "1.22",
        ),
        (
            "rbac.authorization.k8s.io/v1beta1",
            &["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"],
            "1.22",
        ),
        (
            "apiextensions.k8s.io/v1beta1",
            &["CustomResourceDefinition"],
            "1.22",
        ),
        (
            "admissionregistration.k8s.io/v1beta1",
            &[
                "MutatingWebhookConfiguration",
                "ValidatingWebhookConfiguration",
            ],
            "1.22",
        ),
        ("scheduling.k8s.io/v1beta1", &["PriorityClass"], "1.22"),
        ("coordination.k8s.io/v1beta1", &["Lease"], "1.22"),
        (
            "certificates.k8s.io/v1beta1",
            &["CertificateSigningRequest"],
            "1.22",
        ),
        (
            "storage.k8s.io/v1beta1",
            &["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"],
            "1.22",
        ),
        ("batch/v1beta1", &["CronJob"], "1.25"),
        ("policy/v1beta1", &["PodDisruptionBudget"], "1.25"),
        ("discovery.k8s.io/v1beta1", &["EndpointSlice"], "1.25"),
        ("events.k8s.io/v1beta1", &["Event"], "1.25"),
        ("autoscaling/v2beta1", &["HorizontalPodAutoscaler"], "1.25"),
        ("autoscaling/v2beta2", &["HorizontalPodAutoscaler"], "1.26"),
        ("storage.k8s.io/v1beta1", &["CSIStorageCapacity"], "1.27"),
    ];
    REMOVED
        .iter()
        .find(|(version, kinds, _)| *version == api_version && kinds.contains(&kind))
        .map(|(_, _, release)| *release)
}
