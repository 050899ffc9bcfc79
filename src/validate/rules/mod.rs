//! API-server rules: what a real API server rejects after decoding and
//! defaulting, phrased the way it phrases them (`spec.containers[1].name:
//! Duplicate value: "app"`), with a help line in plain words.
//!
//! Each kind's rules live in their own module; `check` dispatches by kind.
//! What several modules need lives here once: the reporting methods of `Ctx`
//! and small node helpers (ports in `ports`, name problems in `names`).
//! Rules read the tree defensively: a field of the wrong type was already
//! reported by the schema layer and is simply skipped here.

pub(crate) mod catalog;
mod config;
mod cron;
pub(crate) mod list_keys;
mod metadata;
pub(crate) mod names;
mod network_policy;
mod pod_spec;
mod ports;
mod pvc;
mod resources;
pub(crate) mod selectors;
mod service;
#[cfg(test)]
mod test_support;
mod tolerations;
mod workloads;

use super::finding::{Finding, Pos, Text};
use super::path::FieldPath;
use super::pod::{self, PodView};
use super::rule::Rule;
use super::versions::Cluster;
use super::yaml::{Entry, Node, Value};
use crate::validate::go::fmt::shown;

/// A kind of field error: its rule, then its words in English and Japanese.
type FieldError = (&'static Rule, &'static str, &'static str);

const REQUIRED: FieldError = (&catalog::REQUIRED, "Required value", "必須の値です");
const INVALID: FieldError = (&catalog::INVALID_VALUE, "Invalid value", "不正な値です");
const UNSUPPORTED: FieldError = (
    &catalog::UNSUPPORTED_VALUE,
    "Unsupported value",
    "サポートされていない値です",
);
const DUPLICATE: FieldError = (
    &catalog::DUPLICATE_VALUE,
    "Duplicate value",
    "値が重複しています",
);
const FORBIDDEN: FieldError = (&catalog::FORBIDDEN, "Forbidden", "禁止されています");
const TOO_MANY: FieldError = (&catalog::TOO_MANY, "Too many", "多すぎます");
const TOO_LONG: FieldError = (&catalog::TOO_LONG, "Too long", "長すぎます");

/// Where rule findings go, with the document they belong to.
pub(crate) struct Ctx<'a> {
    pub document: usize,
    pub out: &'a mut Vec<Finding>,
    /// The release and gates the API server has.
    pub cluster: &'a Cluster,
}

impl Ctx<'_> {
    /// Reports a finding of `rule` (at the rule's severity) with a ready message.
    pub fn report(
        &mut self,
        rule: &'static Rule,
        path: &FieldPath,
        pos: Pos,
        message: Text,
        help: Text,
    ) {
        let finding = Finding::new(rule, self.document, path, pos, message, help);
        self.out.push(finding);
    }

    /// An error worded as the server's field errors,
    /// `<path>: <kind>[: <value>][: <detail>]`; `kind` is the rule id and the
    /// kind's words in English and Japanese.
    fn field_error(
        &mut self,
        (rule, en, ja): FieldError,
        path: &FieldPath,
        pos: Pos,
        value: Option<&str>,
        detail: Text,
        help: Text,
    ) {
        let line = |kind: &str, detail: &str| {
            let mut line = format!("{path}: {kind}");
            for part in value
                .into_iter()
                .chain(Some(detail).filter(|d| !d.is_empty()))
            {
                line.push_str(": ");
                line.push_str(part);
            }
            line
        };
        let message = Text::new(line(en, &detail.en), line(ja, &detail.ja));
        self.report(rule, path, pos, message, help);
    }

    /// `<path>: Required value` at `pos` (the parent's key for a missing field).
    pub fn required(&mut self, path: &FieldPath, pos: Pos, help: Text) {
        self.required_because(path, pos, Text::new("", ""), help);
    }

    /// `<path>: Required value: <detail>`, the server's Required with a reason.
    pub fn required_because(&mut self, path: &FieldPath, pos: Pos, detail: Text, help: Text) {
        self.field_error(REQUIRED, path, pos, None, detail, help);
    }

    /// `<path>: Invalid value: <value>: <detail>`.
    pub fn invalid(&mut self, path: &FieldPath, node: &Node, detail: Text, help: Text) {
        self.invalid_shown(path, node.pos, &shown(node), detail, help);
    }

    /// [`Ctx::invalid`] for a value the server prints other than as written
    /// (a defaulted value, a Go struct). An empty detail ends the message at
    /// the value, as the server does.
    pub fn invalid_shown(
        &mut self,
        path: &FieldPath,
        pos: Pos,
        shown: &str,
        detail: Text,
        help: Text,
    ) {
        self.field_error(INVALID, path, pos, Some(shown), detail, help);
    }

    /// `<path>: Invalid value: <detail>`, for an error about a whole object
    /// whose value the server leaves out (Go's `field.OmitValueType`).
    pub fn invalid_omitted(&mut self, path: &FieldPath, pos: Pos, detail: Text, help: Text) {
        self.field_error(INVALID, path, pos, None, detail, help);
    }

    /// The selector/template-labels mismatch: worded like any invalid value,
    /// but with its own rule id, because exercises and lessons test for it.
    pub fn selector_mismatch(
        &mut self,
        path: &FieldPath,
        pos: Pos,
        shown: &str,
        detail: Text,
        help: Text,
    ) {
        let (_, en, ja) = INVALID;
        self.field_error(
            (&catalog::SELECTOR_MISMATCH, en, ja),
            path,
            pos,
            Some(shown),
            detail,
            help,
        );
    }

    /// `<path>: Unsupported value: <value>: supported values: "A", "B"`.
    pub fn unsupported(&mut self, path: &FieldPath, node: &Node, supported: &[&str], help: Text) {
        self.unsupported_shown(path, node.pos, &shown(node), supported, help);
    }

    /// [`Ctx::unsupported`] for a value the server prints other than as written.
    pub fn unsupported_shown(
        &mut self,
        path: &FieldPath,
        pos: Pos,
        shown: &str,
        supported: &[&str],
        help: Text,
    ) {
        let list = supported
            .iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let detail = Text::new(
            format!("supported values: {list}"),
            format!("使用できる値: {list}"),
        );
        self.field_error(UNSUPPORTED, path, pos, Some(shown), detail, help);
    }

    /// Reports a non-empty string under `key` that is not one of `allowed`
    /// (an empty one is defaulted by the server and therefore fine).
    pub fn choice(
        &mut self,
        node: &Node,
        key: &str,
        allowed: &[&str],
        path: &FieldPath,
        help: Text,
    ) {
        let Some(value) = node.get(key) else { return };
        let Some(chosen) = value.as_str() else { return };
        if !chosen.is_empty() && !allowed.contains(&chosen) {
            self.unsupported(&path.field(key), value, allowed, help);
        }
    }

    /// `<path>: Duplicate value: <value>`.
    pub fn duplicate(&mut self, path: &FieldPath, node: &Node, help: Text) {
        self.duplicate_shown(path, node.pos, &shown(node), help);
    }

    /// [`Ctx::duplicate`] for a value the server prints other than as written.
    pub fn duplicate_shown(&mut self, path: &FieldPath, pos: Pos, shown: &str, help: Text) {
        let detail = Text::new("", "");
        self.field_error(DUPLICATE, path, pos, Some(shown), detail, help);
    }

    /// `<path>: Forbidden: <detail>`.
    pub fn forbidden(&mut self, path: &FieldPath, pos: Pos, detail: Text, help: Text) {
        self.field_error(FORBIDDEN, path, pos, None, detail, help);
    }

    /// `<path>: Too many: <count>: must have at most <max> items`.
    pub fn too_many(&mut self, path: &FieldPath, pos: Pos, count: usize, max: usize, help: Text) {
        let detail = Text::new(
            format!("must have at most {max} items"),
            format!("{max}個以下でなければなりません"),
        );
        self.field_error(TOO_MANY, path, pos, Some(&count.to_string()), detail, help);
    }

    /// `<path>: Too long: may not be more than <max> bytes`.
    pub fn too_long(&mut self, path: &FieldPath, pos: Pos, max: usize, help: Text) {
        let detail = Text::new(
            format!("may not be more than {max} bytes"),
            format!("{max}バイト以下でなければなりません"),
        );
        self.field_error(TOO_LONG, path, pos, None, detail, help);
    }
}

/// A map key as a node, so that a finding about the key points at it.
pub(crate) fn key_node(entry: &Entry) -> Node {
    Node {
        value: Value::Str(entry.key.clone()),
        pos: entry.key_pos,
        raw: entry.key.clone(),
    }
}

/// Whether a node is a mapping (fields of another type were already reported
/// by the schema layer and are skipped).
pub(crate) fn is_map(node: &Node) -> bool {
    matches!(node.value, Value::Map(_))
}

/// A Pod spec left out entirely still needs containers: the API server says
/// so at `….spec.containers`. Only a missing `spec` is reported here; the
/// schema layer already reports a missing `template` or `jobTemplate`.
fn missing_pod_spec(kind: &str, root: &Node, ctx: &mut Ctx<'_>) {
    if let Some((path, pos)) = pod::missing_spec(kind, root) {
        let help = Text::new(
            "a Pod needs a spec with at least one container (name and image)",
            "Podには、少なくとも1つのコンテナ(nameとimage)を持つspecが必要です",
        );
        ctx.required(&path, pos, help);
    }
}

/// A custom resource: only the metadata rules every object shares apply.
pub(crate) fn check_custom(root: &Node, ctx: &mut Ctx<'_>) {
    metadata::check("CustomResource", root, ctx);
}

/// Applies the API-server rules of `kind` to one object.
pub(crate) fn check(kind: &str, root: &Node, ctx: &mut Ctx<'_>) {
    metadata::check(kind, root, ctx);
    match PodView::of(kind, root) {
        Some(view) => {
            pod_spec::check_pod_spec(&view, ctx);
            resources::check_pod_spec(view.spec, &view.spec_path, ctx);
        }
        None => missing_pod_spec(kind, root, ctx),
    }
    match kind {
        "Deployment" | "ReplicaSet" | "StatefulSet" | "DaemonSet" | "ReplicationController" => {
            workloads::check(kind, root, ctx)
        }
        "Job" => workloads::check_job(root, &FieldPath::default().field("spec"), ctx),
        "CronJob" => cron::check(root, ctx),
        "Service" => service::check(root, ctx),
        "ConfigMap" | "Secret" => config::check(kind, root, ctx),
        "PersistentVolumeClaim" => pvc::check(root, ctx),
        "NetworkPolicy" => network_policy::check(root, ctx),
        _ => {}
    }
}
