//! Workload controllers: the API server's rules for Deployment, ReplicaSet,
//! StatefulSet and DaemonSet (pkg/apis/apps/validation), ReplicationController
//! (core validation) and Job (pkg/apis/batch/validation), applied after the
//! server's defaults (a Deployment's 25% surge, a DaemonSet's maxUnavailable
//! of 1, a progress deadline of 600 s …).
//!
//! The Pod spec inside the template is pod.rs's business; here is what ties a
//! controller to its Pods: the selector, the template labels, counts and the
//! update strategy.

mod counts;
mod daemon_set;
mod deployment;
mod job;
mod pod_failure_policy;
mod replicas;
mod selector;
mod stateful_set;

pub(super) use counts::nonnegative;
pub(super) use job::check_job;

use crate::validate::finding::Pos;
use crate::validate::path::FieldPath;
use crate::validate::rules::{Ctx, is_map};
use crate::validate::yaml::{Node, Value};
use daemon_set::check_daemon_set;
use deployment::check_deployment;
use replicas::{check_replica_set, check_replication_controller};
use stateful_set::check_stateful_set;

/// Applies the rules of a workload controller kind to one object.
pub(super) fn check(kind: &str, root: &Node, ctx: &mut Ctx<'_>) {
    let Some(spec_entry) = root.entry("spec").filter(|entry| is_map(&entry.value)) else {
        return;
    };
    let spec = &spec_entry.value;
    let path = FieldPath::default().field("spec");
    match kind {
        "Deployment" => check_deployment(spec, &path, ctx),
        "ReplicaSet" => check_replica_set(spec, &path, ctx),
        "StatefulSet" => check_stateful_set(spec, &path, ctx),
        "DaemonSet" => check_daemon_set(spec, &path, ctx),
        "ReplicationController" => check_replication_controller(spec_entry, &path, ctx),
        _ => {}
    }
}

/// A strategy's `type`, defaulted to RollingUpdate when absent or empty;
/// `None` when it is not text (already a schema error).
fn strategy_type(strategy: &Node) -> Option<&str> {
    match strategy.get("type").map(|node| &node.value) {
        None | Some(Value::Null) => Some("RollingUpdate"),
        Some(Value::Str(text)) if text.is_empty() => Some("RollingUpdate"),
        Some(Value::Str(text)) => Some(text),
        Some(_) => None,
    }
}

/// Where to point for a strategy problem: its `type`, else the strategy.
fn type_pos(strategy: &Node) -> Pos {
    strategy.get("type").map_or(strategy.pos, |node| node.pos)
}

#[cfg(test)]
mod tests;
