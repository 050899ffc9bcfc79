//! API-server rules: what a real API server rejects after decoding and
//! defaulting, phrased the way it phrases them (`spec.containers[1].name:
//! Duplicate value: "app"`), with a help line in plain words.
//!
//! Each kind's rules live in their own module; `check` dispatches by kind.
//! Rules read the tree defensively: a field of the wrong type was already
//! reported by the schema layer and is simply skipped here.

mod config;
mod cron;
mod metadata;
pub(crate) mod names;
mod network_policy;
mod pod;
mod pvc;
mod quantity;
mod resources;
mod selectors;
mod service;
mod workloads;

use super::finding::{Finding, Pos, Severity, Text};
use super::path::FieldPath;
use super::yaml::{Node, Value};

/// Where rule findings go, with the document they belong to.
pub(crate) struct Ctx<'a> {
    pub document: usize,
    pub out: &'a mut Vec<Finding>,
}

impl Ctx<'_> {
    /// Reports an error with a ready message.
    pub fn error(
        &mut self,
        rule: &'static str,
        path: &FieldPath,
        pos: Pos,
        message: Text,
        help: Text,
    ) {
        self.push(Severity::Error, rule, path, pos, message, help);
    }

    /// Reports a warning (accepted by the API server, but likely a mistake).
    pub fn warning(
        &mut self,
        rule: &'static str,
        path: &FieldPath,
        pos: Pos,
        message: Text,
        help: Text,
    ) {
        self.push(Severity::Warning, rule, path, pos, message, help);
    }

    fn push(
        &mut self,
        severity: Severity,
        rule: &'static str,
        path: &FieldPath,
        pos: Pos,
        message: Text,
        help: Text,
    ) {
        self.out.push(Finding {
            document: self.document,
            severity,
            rule,
            path: path.to_string(),
            pos,
            message,
            help,
        });
    }

    /// `<path>: Required value` at `pos` (the parent's key for a missing field).
    pub fn required(&mut self, path: &FieldPath, pos: Pos, help: Text) {
        let message = Text::new(
            format!("{path}: Required value"),
            format!("{path}: 必須の値です"),
        );
        self.error("api/required", path, pos, message, help);
    }

    /// `<path>: Invalid value: <value>: <detail>`.
    pub fn invalid(&mut self, path: &FieldPath, node: &Node, detail: Text, help: Text) {
        let shown = shown(node);
        let message = Text::new(
            format!("{path}: Invalid value: {shown}: {}", detail.en),
            format!("{path}: 不正な値です: {shown}: {}", detail.ja),
        );
        self.error("api/invalid-value", path, node.pos, message, help);
    }

    /// `<path>: Unsupported value: <value>: supported values: "A", "B"`.
    pub fn unsupported(&mut self, path: &FieldPath, node: &Node, supported: &[&str], help: Text) {
        let shown = shown(node);
        let list = supported
            .iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let message = Text::new(
            format!("{path}: Unsupported value: {shown}: supported values: {list}"),
            format!("{path}: サポートされていない値です: {shown}: 使用できる値: {list}"),
        );
        self.error("api/unsupported-value", path, node.pos, message, help);
    }

    /// `<path>: Duplicate value: <value>`.
    pub fn duplicate(&mut self, path: &FieldPath, node: &Node, help: Text) {
        let shown = shown(node);
        let message = Text::new(
            format!("{path}: Duplicate value: {shown}"),
            format!("{path}: 値が重複しています: {shown}"),
        );
        self.error("api/duplicate-value", path, node.pos, message, help);
    }

    /// `<path>: Forbidden: <detail>`.
    pub fn forbidden(&mut self, path: &FieldPath, pos: Pos, detail: Text, help: Text) {
        let message = Text::new(
            format!("{path}: Forbidden: {}", detail.en),
            format!("{path}: 禁止されています: {}", detail.ja),
        );
        self.error("api/forbidden", path, pos, message, help);
    }
}

/// A value as the API server quotes it: strings in double quotes, numbers bare.
pub(crate) fn shown(node: &Node) -> String {
    match &node.value {
        Value::Str(text) => format!("{text:?}"),
        Value::Null => "null".to_string(),
        _ => node.raw.clone(),
    }
}

/// Where a kind keeps its Pod spec, with the path to it.
pub(crate) fn pod_spec<'a>(kind: &str, root: &'a Node) -> Option<(&'a Node, FieldPath)> {
    let path = FieldPath::default();
    match kind {
        "Pod" => Some((root.get("spec")?, path.field("spec"))),
        "Deployment"
        | "ReplicaSet"
        | "StatefulSet"
        | "DaemonSet"
        | "Job"
        | "ReplicationController" => Some((
            root.get("spec")?.get("template")?.get("spec")?,
            path.field("spec").field("template").field("spec"),
        )),
        "CronJob" => Some((
            root.get("spec")?
                .get("jobTemplate")?
                .get("spec")?
                .get("template")?
                .get("spec")?,
            path.field("spec")
                .field("jobTemplate")
                .field("spec")
                .field("template")
                .field("spec"),
        )),
        _ => None,
    }
}

/// Applies the API-server rules of `kind` to one object.
pub(crate) fn check(kind: &str, root: &Node, ctx: &mut Ctx<'_>) {
    metadata::check(kind, root, ctx);
    if let Some((spec, path)) = pod_spec(kind, root) {
        pod::check_pod_spec(kind, spec, &path, ctx);
        resources::check_pod_spec(spec, &path, ctx);
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
