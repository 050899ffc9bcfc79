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
mod service_account;

use super::Options;
use super::finding::{Finding, Pos, Text};
use super::path::FieldPath;
use super::rule::Rule;
use super::rules::{Ctx, present};
use super::schema::schemas;
use super::yaml::{Node, Value};

/// A platform whose own limits add errors on top of the API server's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    /// Amazon EKS running Pods on AWS Fargate.
    EksFargate,
}

/// One lint or platform check: its rule, the platform it belongs to (none
/// for a lint), and where it looks. Adding a lint is adding one of these to
/// [`LINTS`], with its check function and two fixtures.
pub(crate) struct Lint {
    pub rule: Rule,
    pub profile: Option<Profile>,
    pub scope: Scope,
}

/// What a lint's check function looks at.
pub(crate) enum Scope {
    /// Every container, init containers included, of every Pod spec.
    Container(fn(&Container<'_>, &mut Emit<'_>)),
    /// Every Pod spec.
    Pod(fn(&PodSpec<'_>, &mut Emit<'_>)),
    /// Every object of a known kind, with all the others of the input.
    Object(fn(&Object<'_>, &[Object<'_>], &mut Emit<'_>)),
}

/// Every lint and platform check.
pub(crate) static LINTS: &[&Lint] = &[
    &image::IMAGE_TAG,
    &resources::RESOURCES,
    &probes::PROBES,
    &container::READ_ONLY_ROOT,
    &env::DUPLICATE,
    &env::SECRET_LITERAL,
    &service::SERVICE_SELECTOR,
    &dns::HOST_NETWORK,
    &dns::DEFAULT,
    &service_account::AUTOMOUNT_TOKEN,
    &fargate::DAEMON_SET,
    &fargate::HOST_NETWORK,
    &fargate::PRIVILEGED,
    &fargate::HOST_PORT,
    &fargate::HOST_PATH,
];

/// The rules of lints and platform checks, for the registry.
pub(crate) fn rules() -> impl Iterator<Item = &'static Rule> {
    LINTS.iter().map(|lint| &lint.rule)
}

/// An object of a kind the validator knows.
pub(crate) struct Object<'a> {
    pub document: usize,
    pub kind: &'a str,
    pub root: &'a Node,
}

/// Where a lint's findings go. The rule is fixed, so a check function can
/// only report its own rule.
pub(crate) struct Emit<'a> {
    rule: &'static Rule,
    ctx: Ctx<'a>,
}

impl Emit<'_> {
    /// Reports a finding with its own message and help.
    pub fn report(&mut self, path: &FieldPath, pos: Pos, message: Text, help: Text) {
        self.ctx.report(self.rule, path, pos, message, help);
    }

    /// The rule's own help.
    pub fn rule_help(&self) -> Text {
        Text::new(self.rule.help.en, self.rule.help.ja)
    }

    /// Reports a finding whose help is the rule's own.
    pub fn report_with_rule_help(&mut self, path: &FieldPath, pos: Pos, message: Text) {
        let help = self.rule_help();
        self.report(path, pos, message, help);
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

/// The kind of an object the validator knows (others were reported already).
fn known_kind(root: &Node) -> Option<&str> {
    let api_version = root.get("apiVersion")?.as_str()?;
    let kind = root.get("kind")?.as_str()?;
    schemas().kind(api_version, kind).map(|_| kind)
}

/// Whether a lint runs with these options.
fn runs(lint: &Lint, options: &Options) -> bool {
    let named = |list: &[&Rule]| list.iter().any(|rule| **rule == lint.rule);
    let switched = if lint.rule.enabled_by_default {
        !named(&options.disabled)
    } else {
        named(&options.enabled)
    };
    switched
        && lint
            .profile
            .is_none_or(|profile| options.profile == Some(profile))
}

/// Lints every object of one input; `objects` are `(document index, root)`.
pub(super) fn check(objects: &[(usize, &Node)], options: &Options, out: &mut Vec<Finding>) {
    let known: Vec<Object<'_>> = objects
        .iter()
        .filter_map(|&(document, root)| {
            Some(Object {
                document,
                kind: known_kind(root)?,
                root,
            })
        })
        .collect();
    let lints: Vec<&Lint> = LINTS
        .iter()
        .copied()
        .filter(|lint| runs(lint, options))
        .collect();
    for object in &known {
        let pod = pod_spec(object);
        for lint in &lints {
            let mut emit = Emit {
                rule: &lint.rule,
                ctx: Ctx {
                    document: object.document,
                    out,
                },
            };
            match (&lint.scope, &pod) {
                (Scope::Object(run), _) => run(object, &known, &mut emit),
                (Scope::Pod(run), Some(pod)) => run(pod, &mut emit),
                (Scope::Container(run), Some(pod)) => {
                    for container in pod.containers() {
                        run(&container, &mut emit);
                    }
                }
                (_, None) => {}
            }
        }
    }
}

/// The Pod spec of an object that holds one as a mapping.
pub(super) fn pod_spec<'a>(object: &Object<'a>) -> Option<PodSpec<'a>> {
    if !POD_KINDS.contains(&object.kind) {
        return None;
    }
    let (spec, path) = super::rules::pod_spec(object.kind, object.root)?;
    matches!(spec.value, Value::Map(_)).then_some(PodSpec {
        kind: object.kind,
        spec,
        path,
    })
}

#[cfg(test)]
mod tests;
