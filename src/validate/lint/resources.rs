//! `lint/resources`: without requests the scheduler packs Pods blind and
//! the Pod is evicted early under node pressure; the warning names the QoS
//! class the Pod ends up in, computed as the kubelet does.

use super::{Emit, Lint, Scope};
use crate::validate::finding::Text;
use crate::validate::go::fmt::go_quote;
use crate::validate::go::quantity::quantity_of;
use crate::validate::pod::{ContainerView, PodView};
use crate::validate::rule::{Rule, Words};
use crate::validate::yaml::Node;

pub(super) static RESOURCES: Lint = Lint {
    rule: Rule {
        id: "lint/resources",
        summary: Words::new(
            "A container with no cpu or memory request or limit",
            "cpuやmemoryのリソース要求もリソース制限もないコンテナ",
        ),
        help: Words::new(
            "set `resources.requests` (and `limits`) for cpu and memory: BestEffort Pods (nothing set anywhere) are evicted first under node pressure; Guaranteed needs requests equal to limits for cpu and memory in every container; a limit alone makes the request default to it",
            "cpuとmemoryの`resources.requests`(と`limits`)を設定してください。何も設定しないBestEffortのPodは、ノードのリソースが逼迫したとき最初に退避されます。Guaranteedにするには、すべてのコンテナでcpuとmemoryのリソース要求とリソース制限を同じ値にします。制限だけを書くと、要求は制限と同じ値になります",
        ),
        docs: "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
        ..Rule::LINT
    },
    profile: None,
    scope: Scope::Pod(check),
};

/// The resources the QoS class is computed from.
const QOS_RESOURCES: [&str; 2] = ["cpu", "memory"];

/// A Pod's Quality of Service class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Qos {
    Guaranteed,
    Burstable,
    BestEffort,
}

impl Qos {
    fn name(self) -> &'static str {
        match self {
            Qos::Guaranteed => "Guaranteed",
            Qos::Burstable => "Burstable",
            Qos::BestEffort => "BestEffort",
        }
    }
}

/// `resources.<list>.<resource>` of a container.
fn amount<'a>(container: &ContainerView<'a>, list: &str, resource: &str) -> Option<&'a Node> {
    container.get("resources")?.get(list)?.get(resource)
}

/// Whether a container sets a cpu or memory request or limit.
fn sets_any(container: &ContainerView<'_>) -> bool {
    QOS_RESOURCES.iter().any(|resource| {
        amount(container, "requests", resource).is_some()
            || amount(container, "limits", resource).is_some()
    })
}

/// Whether a container has cpu and memory limits with requests equal to
/// them (a missing request defaults to the limit).
fn is_guaranteed(container: &ContainerView<'_>) -> bool {
    QOS_RESOURCES.iter().all(|resource| {
        let Some(limit) = amount(container, "limits", resource) else {
            return false;
        };
        let request = amount(container, "requests", resource).unwrap_or(limit);
        matches!(
            (quantity_of(request), quantity_of(limit)),
            (Some(Ok(request)), Some(Ok(limit))) if request == limit
        )
    })
}

/// The QoS class of a Pod with these containers (init containers included).
pub(super) fn qos(containers: &[&ContainerView<'_>]) -> Qos {
    if !containers.iter().any(|c| sets_any(c)) {
        Qos::BestEffort
    } else if containers.iter().all(|c| is_guaranteed(c)) {
        Qos::Guaranteed
    } else {
        Qos::Burstable
    }
}

/// Warns about every container that sets no cpu or memory request or limit.
fn check(pod: &PodView<'_>, emit: &mut Emit<'_>) {
    let containers: Vec<&ContainerView<'_>> = pod.running_containers().collect();
    let class = qos(&containers).name();
    for container in containers.into_iter().filter(|c| !sets_any(c)) {
        let name = go_quote(container.name());
        emit.report_with_rule_help(
            &container.path,
            container.pos(),
            Text::new(
                format!("container {name} sets no resource requests or limits (the Pod's QoS class is {class})"),
                format!("コンテナ{name}にリソース要求もリソース制限もありません(PodのQoSクラスは{class}です)"),
            ),
        );
    }
}
