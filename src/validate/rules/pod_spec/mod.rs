//! API-server rules for Pod specs, wherever one appears (one file per part): a Pod's `spec` and
//! the Pod templates of workloads. Containers, ports, env, volumes and their
//! mounts, probes, restart and DNS policies, deadlines.
//!
//! The API server validates a spec after defaulting it (restartPolicy
//! Always, dnsPolicy ClusterFirst, protocol TCP, a pull policy, a volume
//! without a source becomes emptyDir), so defaulted fields never raise
//! "Required value" here. Messages follow pkg/apis/core/validation,
//! pkg/apis/apps/validation and pkg/apis/batch/validation, including their
//! field-path quirks.

mod container_ports;
mod containers;
mod deadlines;
mod env;
mod gated;
mod mounts;
mod policies;
mod probes;
mod restart_rules;
mod volumes;

pub(super) use policies::is_ip_address;

use crate::validate::go::fmt::shown;
use std::collections::HashSet;
use std::net::IpAddr;

use container_ports::*;
use containers::*;
use deadlines::*;
use env::*;
use mounts::*;
use policies::*;
use probes::*;
use restart_rules::*;
use volumes::*;

use super::names::{self, problem_text};
use super::{Ctx, catalog, is_map, ports};
use crate::validate::finding::{Pos, Text};
use crate::validate::path::FieldPath;
use crate::validate::pod::{ContainerList, PodView};
use crate::validate::yaml::{Entry, Node, Value};

/// The `name` field of a container, env var or mount with its path: absent
/// or not text gives `None`; empty is reported `Required value` (with `help`)
/// and still returned, for the checks that go on.
fn name_field<'n>(
    parent: &'n Node,
    path: &FieldPath,
    help: Text,
    ctx: &mut Ctx<'_>,
) -> Option<(&'n Node, &'n str, FieldPath)> {
    let node = parent.get("name")?;
    let name = node.as_str()?;
    let path = path.field("name");
    if name.is_empty() {
        ctx.required(&path, node.pos, help);
    }
    Some((node, name, path))
}

/// The Pod restart policies (pod-level `restartPolicy`).
const RESTART_POLICIES: &[&str] = &["Always", "OnFailure", "Never"];
/// What a Job's (and a CronJob's) Pod template allows.
const JOB_RESTART_POLICIES: &[&str] = &["OnFailure", "Never"];
/// What the controllers that keep Pods running allow.
const ALWAYS: &[&str] = &["Always"];
/// In the order the API server lists them.
const DNS_POLICIES: &[&str] = &["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
/// Sorted, as the API server lists set members.
const PULL_POLICIES: &[&str] = &["Always", "IfNotPresent", "Never"];
const TERMINATION_MESSAGE_POLICIES: &[&str] = &["File", "FallbackToLogsOnError"];
const HTTP_SCHEMES: &[&str] = &["HTTP", "HTTPS"];
const PROBE_HANDLERS: &[&str] = &["exec", "httpGet", "tcpSocket", "grpc"];
const LIFECYCLE_HANDLERS: &[&str] = &["exec", "httpGet", "tcpSocket", "sleep"];
const PROBES: &[&str] = &["livenessProbe", "readinessProbe", "startupProbe"];
const MAX_NAMESERVERS: usize = 3;
const MAX_SEARCHES: usize = 32;
const MAX_SEARCH_CHARS: usize = 2048;

/// Volume sources in the order the API server counts them, each with the
/// field name its message uses (`cephFS` and `downwarAPI` are the server's
/// own spellings).
const VOLUME_SOURCES: &[(&str, &str)] = &[
    ("emptyDir", "emptyDir"),
    ("hostPath", "hostPath"),
    ("gitRepo", "gitRepo"),
    ("gcePersistentDisk", "gcePersistentDisk"),
    ("awsElasticBlockStore", "awsElasticBlockStore"),
    ("secret", "secret"),
    ("nfs", "nfs"),
    ("iscsi", "iscsi"),
    ("glusterfs", "glusterfs"),
    ("flocker", "flocker"),
    ("persistentVolumeClaim", "persistentVolumeClaim"),
    ("rbd", "rbd"),
    ("cinder", "cinder"),
    ("cephfs", "cephFS"),
    ("quobyte", "quobyte"),
    ("downwardAPI", "downwarAPI"),
    ("fc", "fc"),
    ("flexVolume", "flexVolume"),
    ("configMap", "configMap"),
    ("azureFile", "azureFile"),
    ("vsphereVolume", "vsphereVolume"),
    ("photonPersistentDisk", "photonPersistentDisk"),
    ("portworxVolume", "portworxVolume"),
    ("azureDisk", "azureDisk"),
    ("storageos", "storageos"),
    ("projected", "projected"),
    ("scaleIO", "scaleIO"),
    ("csi", "csi"),
    ("ephemeral", "ephemeral"),
    ("image", "image"),
];

/// The Pod's volume names: those that passed validation (the API server only
/// lets mounts refer to those) and all those written.
#[derive(Default)]
struct Volumes {
    valid: HashSet<String>,
    declared: HashSet<String>,
}

/// What the per-container rules need to know about the Pod around them.
struct PodCtx<'a> {
    kind: &'a str,
    spec: &'a Node,
    path: &'a FieldPath,
    /// `None` when mounts cannot be checked here: a StatefulSet's controller
    /// adds its volumeClaimTemplates as volumes.
    volumes: Option<Volumes>,
}

impl PodCtx<'_> {
    /// A bare Pod, not a template: some defaults and rules apply only there.
    fn is_pod(&self) -> bool {
        self.kind == "Pod"
    }

    /// `hostNetwork: true`.
    fn host_network(&self) -> bool {
        self.spec.flag("hostNetwork") == Some(true)
    }
}

/// Checks the Pod spec of one object.
pub(super) fn check_pod_spec(view: &PodView<'_>, ctx: &mut Ctx<'_>) {
    let (kind, spec, path) = (view.kind, view.spec, &view.spec_path);
    let volumes = check_volumes(spec, path, ctx);
    let pod = PodCtx {
        kind,
        spec,
        path,
        volumes: (kind != "StatefulSet").then_some(volumes),
    };
    check_container_lists(&pod, ctx);
    check_host_ports(&pod, ctx);
    check_host_network(&pod, ctx);
    check_restart_policy(&pod, ctx);
    check_dns(&pod, ctx);
    check_deadlines(&pod, ctx);
    gated::check_gated_fields(&pod, ctx);
    super::tolerations::check(spec, path, ctx);
}

// Helpers

/// `<path>: Not found: "x"`: a reference to something the Pod does not define.
fn not_found(ctx: &mut Ctx<'_>, path: &FieldPath, node: &Node, help: Text) {
    let shown = shown(node);
    let message = Text::new(
        format!("{path}: Not found: {shown}"),
        format!("{path}: 見つかりません: {shown}"),
    );
    ctx.report(&catalog::NOT_FOUND, path, node.pos, message, help);
}

/// The string under `key`, if there is one.
fn text<'a>(node: &'a Node, key: &str) -> Option<&'a str> {
    node.get(key).and_then(Node::as_str)
}

/// The integer under `key` with its node, if there is one.
fn int<'a>(node: &'a Node, key: &str) -> Option<(i64, &'a Node)> {
    match node.get(key) {
        Some(
            found @ Node {
                value: Value::Int(number),
                ..
            },
        ) => Some((*number, found)),
        _ => None,
    }
}

/// Whether a value is "set" in Go terms: not null and not an empty list or map.
fn is_set(node: &Node) -> bool {
    match &node.value {
        Value::Null => false,
        Value::Seq(items) => !items.is_empty(),
        Value::Map(entries) => !entries.is_empty(),
        _ => true,
    }
}

/// Null or `[]` (a list of another type was reported by the schema layer).
fn is_empty_list(node: &Node) -> bool {
    match &node.value {
        Value::Null => true,
        Value::Seq(items) => items.is_empty(),
        _ => false,
    }
}

/// Null or `""` (a value of another type was reported by the schema layer).
fn is_empty_text(node: &Node) -> bool {
    match &node.value {
        Value::Null => true,
        Value::Str(text) => text.is_empty(),
        _ => false,
    }
}

/// RFC 1123 subdomain that also allows '_' (DNS search domains since
/// RelaxedDNSSearchValidation, on by default from 1.33).
fn dns1123_subdomain_with_underscore(value: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if value.len() > names::DNS1123_SUBDOMAIN_MAX {
        problems.push(format!(
            "must be no more than {} characters",
            names::DNS1123_SUBDOMAIN_MAX
        ));
    }
    let alnum = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
    let label_ok = |label: &str| {
        let body = label.strip_prefix('_').unwrap_or(label);
        !body.is_empty()
            && body.chars().all(|c| alnum(c) || c == '-' || c == '_')
            && body.starts_with(alnum)
            && body.ends_with(alnum)
    };
    if value.is_empty() || !value.split('.').all(label_ok) {
        problems.push("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')".to_string());
    }
    problems
}

#[cfg(test)]
mod tests;
