//! `--profile eks-fargate`: Fargate runs each Pod in its own micro-VM with
//! no node to share, so it rejects what needs the node (DaemonSets, the
//! host's network and ports, privileged mode, the host's filesystem). The
//! API server admits such Pods; they just never run, hence errors here.

use super::{Container, PodSpec, is_true};
use crate::validate::finding::Text;
use crate::validate::path::FieldPath;
use crate::validate::rules::{Ctx, go_quote, present};
use crate::validate::yaml::{Node, Value};

/// The reason every Fargate error shares, in both languages.
fn fargate_help(en: &str, ja: &str) -> Text {
    Text::new(
        format!("{en} (each Fargate Pod runs in its own VM with no node to share)"),
        format!("{ja}(FargateのPodはそれぞれ専用のVMで動き、共有するノードがありません)"),
    )
}

/// A DaemonSet has no nodes to run on under Fargate.
pub(super) fn check_kind(kind: &str, root: &Node, ctx: &mut Ctx<'_>) {
    let Some(node) = root.get("kind").filter(|_| kind == "DaemonSet") else {
        return;
    };
    ctx.error(
        "fargate/daemonset",
        &FieldPath::default().field("kind"),
        node.pos,
        Text::new(
            "Fargate does not run DaemonSets",
            "FargateではDaemonSetを実行できません",
        ),
        fargate_help(
            "run the log or metrics agent as a sidecar container in each Pod instead",
            "ログやメトリクスのエージェントは、代わりに各Podのサイドカーコンテナとして動かしてください",
        ),
    );
}

/// The Pod-level and container-level fields Fargate refuses.
pub(super) fn check_pod(pod: &PodSpec<'_>, ctx: &mut Ctx<'_>) {
    if let Some(node) = pod.get("hostNetwork").filter(|node| is_true(Some(node))) {
        ctx.error(
            "fargate/host-network",
            &pod.path.field("hostNetwork"),
            node.pos,
            Text::new(
                "Fargate does not support hostNetwork",
                "FargateはhostNetworkに対応していません",
            ),
            fargate_help(
                "remove `hostNetwork: true`; the Pod gets its own VPC IP address",
                "`hostNetwork: true`を削除してください。PodにはVPCのIPアドレスが割り当てられます",
            ),
        );
    }
    for container in pod.containers() {
        host_ports(&container, ctx);
        if let Some((node, path)) = container
            .security("privileged")
            .filter(|(node, _)| is_true(Some(node)))
        {
            let name = go_quote(container.name());
            ctx.error(
                "fargate/privileged",
                &path,
                node.pos,
                Text::new(
                    format!("Fargate does not run privileged containers (container {name})"),
                    format!("Fargateでは特権コンテナを実行できません(コンテナ{name})"),
                ),
                fargate_help(
                    "remove `privileged: true`; add only the capabilities the program needs",
                    "`privileged: true`を削除し、プログラムに必要なケーパビリティだけを追加してください",
                ),
            );
        }
    }
    let volumes = pod.get("volumes").map_or(&[][..], Node::items);
    for (index, volume) in volumes.iter().enumerate() {
        let Some(entry) = present(volume, "hostPath") else {
            continue;
        };
        let name = go_quote(
            volume
                .get("name")
                .and_then(Node::as_str)
                .unwrap_or_default(),
        );
        ctx.error(
            "fargate/host-path",
            &pod.path.field("volumes").index(index).field("hostPath"),
            entry.key_pos,
            Text::new(
                format!("Fargate does not support hostPath volumes (volume {name})"),
                format!("FargateはhostPathボリュームに対応していません(ボリューム{name})"),
            ),
            fargate_help(
                "use an emptyDir for scratch space or an EFS volume for shared data (EBS volumes are not supported on Fargate either)",
                "一時領域にはemptyDirを、共有データにはEFSボリュームを使ってください(FargateではEBSボリュームも使えません)",
            ),
        );
    }
}

/// A `hostPort` on any port of the container.
fn host_ports(container: &Container<'_>, ctx: &mut Ctx<'_>) {
    let ports = container.get("ports").map_or(&[][..], Node::items);
    for (index, port) in ports.iter().enumerate() {
        let Some(node) = port
            .get("hostPort")
            .filter(|node| !matches!(node.value, Value::Null | Value::Int(0)))
        else {
            continue;
        };
        let name = go_quote(container.name());
        ctx.error(
            "fargate/host-port",
            &container.path.field("ports").index(index).field("hostPort"),
            node.pos,
            Text::new(
                format!("Fargate does not support hostPort (container {name})"),
                format!("FargateはhostPortに対応していません(コンテナ{name})"),
            ),
            fargate_help(
                "remove `hostPort` and reach the container through a Service",
                "`hostPort`を削除し、Service経由でコンテナにアクセスしてください",
            ),
        );
    }
}
