//! CustomResourceDefinitions: a CRD is checked as the API server checks it
//! (names, versions, a structural schema, CEL rules that compile), and a
//! custom resource is validated against the CRD of its kind, from the same
//! input, from `--crd FILE|DIR`, or built in (the Gateway API's standard
//! channel). Without a CRD, a custom resource stays an info finding.

mod cel_rules;
mod definition;
mod instance;

use std::fmt;
use std::sync::{Arc, OnceLock};

use serde_json::Value as Json;

use super::rule::{Rule, Words};
use super::yaml::{self, Node};

pub(crate) use cel_rules::RuleCache;
pub(crate) use definition::check_definition;
pub(crate) use instance::check_instance;

pub(crate) static CRD_DEFINITION: Rule = Rule {
    id: "schema/crd-definition",
    summary: Words::new(
        "A CustomResourceDefinition the API server refuses: names, versions, a schema that is not structural, a CEL rule that does not compile",
        "APIサーバーが拒否するCustomResourceDefinition(名前、バージョン、構造的でないスキーマ、コンパイルできないCELルール)",
    ),
    help: Words::new(
        "every schema node names its type (object, array, string, integer, number, boolean), arrays have items, exactly one version is the storage version, and metadata.name is <plural>.<group>",
        "スキーマの各ノードに型(object、array、string、integer、number、boolean)を書き、配列にはitemsを付け、ストレージバージョンをちょうど1つにし、metadata.nameを<plural>.<group>にしてください",
    ),
    docs: "https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema",
    ..Rule::SCHEMA
};

pub(crate) static CRD_VALUE: Rule = Rule {
    id: "schema/crd-value",
    summary: Words::new(
        "A custom resource value its CRD's schema refuses: enum, pattern, format, minimum/maximum, length or item counts",
        "CRDのスキーマが拒否するカスタムリソースの値(enum、pattern、format、最小値・最大値、長さ、要素数)",
    ),
    help: Words::new(
        "give a value the CRD's schema allows; `kubetutor check --crd FILE` names the CRD it used",
        "CRDのスキーマが許す値を指定してください",
    ),
    docs: "https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation",
    ..Rule::SCHEMA
};

pub(crate) static CRD_RULE: Rule = Rule {
    id: "schema/crd-rule",
    summary: Words::new(
        "A custom resource breaks a CEL validation rule (x-kubernetes-validations) of its CRD",
        "カスタムリソースがCRDのCELの検証ルール(x-kubernetes-validations)に反している",
    ),
    help: Words::new(
        "the message is the CRD author's; read the rule it quotes to see which fields must go together",
        "メッセージはCRDの作者によるものです。引用されたルールから、どのフィールドを組み合わせるべきかを確かめてください",
    ),
    docs: "https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules",
    ..Rule::SCHEMA
};

/// The rules of this layer, for the registry.
pub(crate) static RULES: &[&Rule] = &[&CRD_DEFINITION, &CRD_VALUE, &CRD_RULE];

/// One served version of a CRD, with its schema.
#[derive(Debug, Clone)]
pub struct CrdVersion {
    pub name: String,
    pub served: bool,
    pub schema: Option<Json>,
}

/// A CustomResourceDefinition, read from YAML.
#[derive(Debug, Clone)]
pub struct Crd {
    pub group: String,
    pub kind: String,
    pub namespaced: bool,
    pub versions: Vec<CrdVersion>,
    /// Where it came from, for messages: a file, or "built in".
    pub origin: String,
}

impl Crd {
    /// Reads a CRD document; `None` for anything else or a CRD too broken
    /// to use (its own checks say why).
    pub fn from_node(node: &Node, origin: &str) -> Option<Crd> {
        if node.get("kind").and_then(Node::as_str) != Some("CustomResourceDefinition") {
            return None;
        }
        let spec = node.get("spec")?;
        let versions = spec
            .get("versions")?
            .items()
            .iter()
            .filter_map(|v| {
                let schema = v
                    .get("schema")
                    .and_then(|s| s.get("openAPIV3Schema"))
                    .and_then(|s| super::from_node::<Json>(s).ok());
                Some(CrdVersion {
                    name: v.get("name")?.as_str()?.to_string(),
                    served: v.flag("served").unwrap_or(false),
                    schema,
                })
            })
            .collect();
        Some(Crd {
            group: spec.get("group")?.as_str()?.to_string(),
            kind: spec.get("names")?.get("kind")?.as_str()?.to_string(),
            namespaced: spec.get("scope").and_then(Node::as_str) != Some("Cluster"),
            versions,
            origin: origin.to_string(),
        })
    }

    /// The CRDs of a YAML stream.
    pub fn all_in(text: &str, origin: &str) -> Vec<Crd> {
        yaml::parse(text)
            .documents
            .iter()
            .filter_map(|d| Crd::from_node(&d.root, origin))
            .collect()
    }

    /// The served version of `api_version` (`group/version`).
    fn version(&self, api_version: &str) -> Option<&CrdVersion> {
        let (group, version) = api_version.rsplit_once('/')?;
        (group == self.group)
            .then(|| self.versions.iter().find(|v| v.name == version && v.served))
            .flatten()
    }
}

/// CRDs given with `--crd`, shared by every input of one run.
#[derive(Clone, Default)]
pub struct Crds(pub Arc<Vec<Crd>>);

impl fmt::Debug for Crds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Crds({})", self.0.len())
    }
}

impl PartialEq for Crds {
    fn eq(&self, other: &Crds) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || (self.0.is_empty() && other.0.is_empty())
    }
}

impl Eq for Crds {}

/// The Gateway API v1.6.1 standard-channel CRDs (all ten), by kind.
const GATEWAY_API: [(&str, &str); 10] = [
    (
        "GatewayClass",
        include_str!("gateway-api-v1.6.1/gateway.networking.k8s.io_gatewayclasses.yaml"),
    ),
    (
        "Gateway",
        include_str!("gateway-api-v1.6.1/gateway.networking.k8s.io_gateways.yaml"),
    ),
    (
        "HTTPRoute",
        include_str!("gateway-api-v1.6.1/gateway.networking.k8s.io_httproutes.yaml"),
    ),
    (
        "GRPCRoute",
        include_str!("gateway-api-v1.6.1/gateway.networking.k8s.io_grpcroutes.yaml"),
    ),
    (
        "ReferenceGrant",
        include_str!("gateway-api-v1.6.1/gateway.networking.k8s.io_referencegrants.yaml"),
    ),
    (
        "BackendTLSPolicy",
        include_str!("gateway-api-v1.6.1/gateway.networking.k8s.io_backendtlspolicies.yaml"),
    ),
    (
        "ListenerSet",
        include_str!("gateway-api-v1.6.1/gateway.networking.k8s.io_listenersets.yaml"),
    ),
    (
        "TCPRoute",
        include_str!("gateway-api-v1.6.1/gateway.networking.k8s.io_tcproutes.yaml"),
    ),
    (
        "TLSRoute",
        include_str!("gateway-api-v1.6.1/gateway.networking.k8s.io_tlsroutes.yaml"),
    ),
    (
        "UDPRoute",
        include_str!("gateway-api-v1.6.1/gateway.networking.k8s.io_udproutes.yaml"),
    ),
];

/// The built-in CRD of a kind of an API group, read on first use and only
/// for that kind (reading all ten costs tens of milliseconds).
fn built_in_for(group: &str, kind: &str) -> &'static [Crd] {
    static PARSED: [OnceLock<Vec<Crd>>; 10] = [const { OnceLock::new() }; 10];
    if group != "gateway.networking.k8s.io" {
        return &[];
    }
    let Some(index) = GATEWAY_API.iter().position(|(k, _)| *k == kind) else {
        return &[];
    };
    PARSED[index].get_or_init(|| Crd::all_in(GATEWAY_API[index].1, "Gateway API v1.6.1 (built in)"))
}

/// The CRD and the schema a custom resource is validated with: the input's
/// own CRDs first, then `--crd`, then the built-in ones.
pub(crate) fn find<'a>(
    input: &'a [Crd],
    given: &'a Crds,
    api_version: &str,
    kind: &str,
) -> Option<(&'a Crd, &'a CrdVersion)> {
    let group = api_version.rsplit_once('/').map(|(g, _)| g)?;
    input
        .iter()
        .chain(given.0.iter())
        .chain(built_in_for(group, kind))
        .filter(|crd| crd.kind == kind)
        .find_map(|crd| crd.version(api_version).map(|v| (crd, v)))
}

/// Whether some CRD defines `kind` in the group of `api_version`, though
/// perhaps not in that version.
pub(crate) fn group_has_kind(
    input: &[Crd],
    given: &Crds,
    api_version: &str,
    kind: &str,
) -> Option<Vec<String>> {
    let group = api_version.rsplit_once('/').map(|(g, _)| g)?;
    let builtin = built_in_for(group, kind);
    let versions: Vec<String> = input
        .iter()
        .chain(given.0.iter())
        .chain(builtin)
        .filter(|crd| crd.kind == kind && crd.group == group)
        .flat_map(|crd| {
            crd.versions
                .iter()
                .filter(|v| v.served)
                .map(|v| format!("{group}/{}", v.name))
        })
        .collect();
    (!versions.is_empty()).then_some(versions)
}
