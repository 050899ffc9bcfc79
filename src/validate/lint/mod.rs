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
use super::pod::{ContainerView, PodView};
use super::rule::Rule;
use super::rules::Ctx;
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
    /// Every container a created Pod runs (regular and init) of every Pod spec.
    Container(fn(&ContainerView<'_>, &mut Emit<'_>)),
    /// Every Pod spec.
    Pod(fn(&PodView<'_>, &mut Emit<'_>)),
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
        let pod = PodView::of(object.kind, object.root);
        for lint in &lints {
            let mut emit = Emit {
                rule: &lint.rule,
                ctx: Ctx {
                    document: object.document,
                    out,
                    cluster: &crate::validate::versions::LATEST,
                },
            };
            match (&lint.scope, &pod) {
                (Scope::Object(run), _) => run(object, &known, &mut emit),
                (Scope::Pod(run), Some(pod)) => run(pod, &mut emit),
                (Scope::Container(run), Some(pod)) => {
                    for container in pod.running_containers() {
                        run(container, &mut emit);
                    }
                }
                (_, None) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests;
