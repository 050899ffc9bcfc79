//! Lints: habits the API server accepts but a reviewer would question
//! (floating image tags, no resource requests, no probes, …), as warnings
//! with rule ids `lint/…`, and the errors of a platform profile such as
//! EKS on Fargate (`fargate/…`), which rejects Pods the API server admits.

mod container;
mod dns;
mod env;
mod fargate;
mod image;
mod probes;
mod resources;
mod service;

use super::Options;
use super::finding::{Finding, Pos, Text};
use super::path::FieldPath;
use super::rules::{Ctx, present};
use super::schema::schemas;
use super::yaml::{Node, Value};

/// Every lint id, for `--disable` and its error message.
pub const LINT_IDS: &[&str] = &[
    image::RULE,
    resources::RULE,
    probes::RULE,
    container::READ_ONLY_ROOT,
    env::DUPLICATE,
    service::RULE,
    dns::HOST_NETWORK,
    dns::DEFAULT,
    env::SECRET_LITERAL,
];

/// A platform whose own limits add errors on top of the API server's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    /// Amazon EKS running Pods on AWS Fargate.
    EksFargate,
}

/// Checks that `id` names a lint, so a typo in `--disable` is not silently ignored.
pub fn parse_lint_id(id: &str) -> Result<String, String> {
    if LINT_IDS.contains(&id) {
        Ok(id.to_string())
    } else {
        Err(format!(
            "unknown lint id {id:?}; known ids: {}",
            LINT_IDS.join(", ")
        ))
    }
}

/// The kinds whose Pod (template) the lints read.
const POD_KINDS: &[&str] = &[
    "Pod",
    "Deployment",
    "ReplicaSet",
    "StatefulSet",
    "DaemonSet",
    "Job",
    "CronJob",
];

/// A Pod spec with the kind that holds it.
pub(super) struct PodSpec<'a> {
    pub kind: &'a str,
    pub spec: &'a Node,
    pub path: FieldPath,
}

impl<'a> PodSpec<'a> {
    /// The regular containers, then the init containers.
    pub fn containers(&self) -> Vec<Container<'a>> {
        let mut all = self.list("containers");
        all.extend(self.list("initContainers"));
        all
    }

    /// The containers of one list (`containers`, `initContainers`).
    pub fn list(&self, list: &str) -> Vec<Container<'a>> {
        let Some(entry) = present(self.spec, list) else {
            return Vec::new();
        };
        let path = self.path.field(list);
        entry
            .value
            .items()
            .iter()
            .enumerate()
            .filter(|(_, node)| matches!(node.value, Value::Map(_)))
            .map(|(index, node)| Container {
                node,
                path: path.index(index),
            })
            .collect()
    }

    /// A field of the spec unless absent or null.
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        present(self.spec, key).map(|entry| &entry.value)
    }
}

/// One container of a Pod spec.
pub(super) struct Container<'a> {
    pub node: &'a Node,
    pub path: FieldPath,
}

impl<'a> Container<'a> {
    /// The container's name as written (empty when missing).
    pub fn name(&self) -> &'a str {
        self.get("name").and_then(Node::as_str).unwrap_or_default()
    }

    /// Where a finding about a field missing from this container points:
    /// its `name` entry, else the container itself.
    pub fn pos(&self) -> Pos {
        self.node.entry("name").map_or(self.node.pos, |e| e.key_pos)
    }

    /// A field unless absent or null.
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        present(self.node, key).map(|entry| &entry.value)
    }

    /// A field of `securityContext`, with its path.
    pub fn security(&self, key: &str) -> Option<(&'a Node, FieldPath)> {
        let value = present(self.get("securityContext")?, key)?;
        let path = self.path.field("securityContext").field(key);
        Some((&value.value, path))
    }
}

/// Whether a node is the boolean `true`.
pub(super) fn is_true(node: Option<&Node>) -> bool {
    node.is_some_and(|node| node.value == Value::Bool(true))
}

/// A warning of a lint, unless `--disable`d.
pub(super) struct Lints<'o, 'a> {
    pub options: &'o Options,
    pub ctx: Ctx<'a>,
}

impl Lints<'_, '_> {
    /// Reports a lint warning.
    pub fn warn(
        &mut self,
        rule: &'static str,
        path: &FieldPath,
        pos: Pos,
        message: Text,
        help: Text,
    ) {
        if !self.options.disabled.iter().any(|id| id == rule) {
            self.ctx.warning(rule, path, pos, message, help);
        }
    }
}

/// The kind of an object the validator knows (others were reported already).
fn known_kind(root: &Node) -> Option<&str> {
    let api_version = root.get("apiVersion")?.as_str()?;
    let kind = root.get("kind")?.as_str()?;
    schemas().kind(api_version, kind).map(|_| kind)
}

/// Lints every object of one input; `objects` are `(document index, root)`.
pub(super) fn check(objects: &[(usize, &Node)], options: &Options, out: &mut Vec<Finding>) {
    let known: Vec<(usize, &str, &Node)> = objects
        .iter()
        .filter_map(|&(document, root)| Some((document, known_kind(root)?, root)))
        .collect();
    for &(document, kind, root) in &known {
        let mut lints = Lints {
            options,
            ctx: Ctx { document, out },
        };
        if kind == "Service" {
            service::check(root, &known, &mut lints);
        }
        if !POD_KINDS.contains(&kind) {
            continue;
        }
        if options.profile == Some(Profile::EksFargate) {
            fargate::check_kind(kind, root, &mut lints.ctx);
        }
        let Some((spec, path)) = super::rules::pod_spec(kind, root) else {
            continue;
        };
        if !matches!(spec.value, Value::Map(_)) {
            continue;
        }
        let pod = PodSpec { kind, spec, path };
        lint_pod(&pod, &mut lints);
        if options.profile == Some(Profile::EksFargate) {
            fargate::check_pod(&pod, &mut lints.ctx);
        }
    }
}

/// The lints of one Pod spec.
fn lint_pod(pod: &PodSpec<'_>, lints: &mut Lints<'_, '_>) {
    for container in pod.containers() {
        image::check(&container, lints);
        container::check(&container, lints);
        env::check(&container, lints);
    }
    resources::check(pod, lints);
    probes::check(pod, lints);
    dns::check(pod, lints);
}

#[cfg(test)]
mod tests;
