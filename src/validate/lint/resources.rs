//! `lint/resources`: without requests the scheduler packs Pods blind and
//! the Pod is evicted early under node pressure; the warning names the QoS
//! class the Pod ends up in, computed as the kubelet does.

use super::{Emit, Lint, Scope};
use crate::validate::finding::Text;
use crate::validate::go::fmt::go_quote;
use crate::validate::pod::PodView;
use crate::validate::qos::{container_sets_any, pod_level, qos};
use crate::validate::rule::{Rule, Words};

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

/// Warns about every container that sets no cpu or memory request or limit,
/// unless Pod-level resources cover them.
fn check(pod: &PodView<'_>, emit: &mut Emit<'_>) {
    if pod_level(pod).is_some() {
        return;
    }
    let class = qos(pod).class.name();
    for container in pod.running_containers().filter(|c| !container_sets_any(c)) {
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
