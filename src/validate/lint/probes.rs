//! `lint/probes`: without a readiness probe a Service sends traffic to a
//! Pod that is still starting; without a liveness probe a hung process is
//! never restarted. Only long-running Pods need them: a Job's Pods finish.

use super::{Emit, Lint, Scope};
use crate::validate::finding::Text;
use crate::validate::go::fmt::go_quote;
use crate::validate::pod::{ContainerList, PodView};
use crate::validate::rule::{Rule, Words};

pub(super) static PROBES: Lint = Lint {
    rule: Rule {
        id: "lint/probes",
        summary: Words::new(
            "A long-running container with neither a readiness nor a liveness probe",
            "readinessProbeもlivenessProbeもない、動き続けるコンテナ",
        ),
        help: Words::new(
            "add a readinessProbe so Services send traffic only once the container is ready, and a livenessProbe so a hung container is restarted (for example `httpGet: {path: /healthz, port: 8080}`)",
            "Serviceが準備のできたコンテナにだけトラフィックを送るようreadinessProbeを、応答しなくなったコンテナが再起動されるようlivenessProbeを追加してください(例: `httpGet: {path: /healthz, port: 8080}`)",
        ),
        docs: "https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/",
        ..Rule::LINT
    },
    profile: None,
    scope: Scope::Pod(check),
};

/// Whether the Pod spec runs until stopped.
fn long_running(pod: &PodView<'_>) -> bool {
    match pod.kind {
        "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet" => true,
        "Pod" => pod
            .get("restartPolicy")
            .and_then(|policy| policy.as_str())
            .is_none_or(|policy| policy == "Always"),
        _ => false,
    }
}

/// Warns about regular containers of a long-running Pod without probes
/// (native sidecars are init containers and are left alone).
fn check(pod: &PodView<'_>, emit: &mut Emit<'_>) {
    if !long_running(pod) {
        return;
    }
    for container in pod.list(ContainerList::Regular) {
        if container.get("readinessProbe").is_some() || container.get("livenessProbe").is_some() {
            continue;
        }
        let name = go_quote(container.name());
        emit.report_with_rule_help(
            &container.path,
            container.pos(),
            Text::new(
                format!("container {name} has no readinessProbe and no livenessProbe"),
                format!("コンテナ{name}にreadinessProbeもlivenessProbeもありません"),
            ),
        );
    }
}
