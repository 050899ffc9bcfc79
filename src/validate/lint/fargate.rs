//! `--profile eks-fargate`: Fargate runs each Pod in its own micro-VM with
//! no node to share, so it rejects what needs the node (DaemonSets, the
//! host's network and ports, privileged mode, the host's filesystem). The
//! API server admits such Pods; they just never run, hence errors here.

use super::{Emit, Lint, Object, Profile, Scope, is_true};
use crate::validate::finding::Text;
use crate::validate::go::fmt::go_quote;
use crate::validate::path::FieldPath;
use crate::validate::pod::{ContainerView, PodView};
use crate::validate::rule::{Rule, Words};
use crate::validate::yaml::{Node, Value};

const FARGATE: &str = "https://docs.aws.amazon.com/eks/latest/userguide/fargate.html";

/// A Fargate rule: an error of the `eks-fargate` profile.
const fn fargate(id: &'static str, summary: Words, help: Words, scope: Scope) -> Lint {
    Lint {
        rule: Rule {
            id,
            summary,
            help,
            docs: FARGATE,
            ..Rule::PROFILE
        },
        profile: Some(Profile::EksFargate),
        scope,
    }
}

pub(super) static DAEMON_SET: Lint = fargate(
    "fargate/daemonset",
    Words::new(
        "DaemonSets, which Fargate does not run",
        "Fargateでは実行できないDaemonSet",
    ),
    Words::new(
        "run the log or metrics agent as a sidecar container in each Pod instead",
        "ログやメトリクスのエージェントは、代わりに各Podのサイドカーコンテナとして動かしてください",
    ),
    Scope::Object(daemon_set),
);

pub(super) static HOST_NETWORK: Lint = fargate(
    "fargate/host-network",
    Words::new(
        "hostNetwork: true, which Fargate does not support",
        "Fargateが対応していないhostNetwork: true",
    ),
    Words::new(
        "remove `hostNetwork: true`; the Pod gets its own VPC IP address",
        "`hostNetwork: true`を削除してください。PodにはVPCのIPアドレスが割り当てられます",
    ),
    Scope::Pod(host_network),
);

pub(super) static PRIVILEGED: Lint = fargate(
    "fargate/privileged",
    Words::new(
        "Privileged containers, which Fargate does not run",
        "Fargateでは実行できない特権コンテナ",
    ),
    Words::new(
        "remove `privileged: true`; add only the capabilities the program needs",
        "`privileged: true`を削除し、プログラムに必要なケーパビリティだけを追加してください",
    ),
    Scope::Container(privileged),
);

pub(super) static HOST_PORT: Lint = fargate(
    "fargate/host-port",
    Words::new(
        "hostPort, which Fargate does not support",
        "Fargateが対応していないhostPort",
    ),
    Words::new(
        "remove `hostPort` and reach the container through a Service",
        "`hostPort`を削除し、Service経由でコンテナにアクセスしてください",
    ),
    Scope::Container(host_ports),
);

pub(super) static HOST_PATH: Lint = fargate(
    "fargate/host-path",
    Words::new(
        "hostPath volumes, which Fargate does not support",
        "Fargateが対応していないhostPathボリューム",
    ),
    Words::new(
        "use an emptyDir for scratch space or an EFS volume for shared data (EBS volumes are not supported on Fargate either)",
        "一時領域にはemptyDirを、共有データにはEFSボリュームを使ってください(FargateではEBSボリュームも使えません)",
    ),
    Scope::Pod(host_path),
);

/// Reports a Fargate error with the rule's help and the reason they share.
fn report(emit: &mut Emit<'_>, path: &FieldPath, pos: crate::validate::Pos, message: Text) {
    let help = emit.rule_help();
    let help = Text::new(
        format!(
            "{} (each Fargate Pod runs in its own VM with no node to share)",
            help.en
        ),
        format!(
            "{}(FargateのPodはそれぞれ専用のVMで動き、共有するノードがありません)",
            help.ja
        ),
    );
    emit.report(path, pos, message, help);
}

/// A DaemonSet has no nodes to run on under Fargate.
fn daemon_set(object: &Object<'_>, _: &[Object<'_>], emit: &mut Emit<'_>) {
    let Some(node) = object
        .root
        .get("kind")
        .filter(|_| object.kind == "DaemonSet")
    else {
        return;
    };
    report(
        emit,
        &FieldPath::default().field("kind"),
        node.pos,
        Text::new(
            "Fargate does not run DaemonSets",
            "FargateではDaemonSetを実行できません",
        ),
    );
}

fn host_network(pod: &PodView<'_>, emit: &mut Emit<'_>) {
    if let Some(node) = pod.get("hostNetwork").filter(|node| is_true(Some(node))) {
        report(
            emit,
            &pod.spec_path.field("hostNetwork"),
            node.pos,
            Text::new(
                "Fargate does not support hostNetwork",
                "FargateはhostNetworkに対応していません",
            ),
        );
    }
}

fn privileged(container: &ContainerView<'_>, emit: &mut Emit<'_>) {
    if let Some((node, path)) = container
        .security_field("privileged")
        .filter(|(node, _)| is_true(Some(node)))
    {
        let name = go_quote(container.name());
        report(
            emit,
            &path,
            node.pos,
            Text::new(
                format!("Fargate does not run privileged containers (container {name})"),
                format!("Fargateでは特権コンテナを実行できません(コンテナ{name})"),
            ),
        );
    }
}

fn host_path(pod: &PodView<'_>, emit: &mut Emit<'_>) {
    let volumes = pod.get("volumes").map_or(&[][..], Node::items);
    for (index, volume) in volumes.iter().enumerate() {
        let Some(entry) = volume.present_entry("hostPath") else {
            continue;
        };
        let name = go_quote(
            volume
                .get("name")
                .and_then(Node::as_str)
                .unwrap_or_default(),
        );
        report(
            emit,
            &pod.spec_path
                .field("volumes")
                .index(index)
                .field("hostPath"),
            entry.key_pos,
            Text::new(
                format!("Fargate does not support hostPath volumes (volume {name})"),
                format!("FargateはhostPathボリュームに対応していません(ボリューム{name})"),
            ),
        );
    }
}

/// A `hostPort` on any port of the container.
fn host_ports(container: &ContainerView<'_>, emit: &mut Emit<'_>) {
    let ports = container.get("ports").map_or(&[][..], Node::items);
    for (index, port) in ports.iter().enumerate() {
        let Some(node) = port
            .get("hostPort")
            .filter(|node| !matches!(node.value, Value::Null | Value::Int(0)))
        else {
            continue;
        };
        let name = go_quote(container.name());
        report(
            emit,
            &container.path.field("ports").index(index).field("hostPort"),
            node.pos,
            Text::new(
                format!("Fargate does not support hostPort (container {name})"),
                format!("FargateはhostPortに対応していません(コンテナ{name})"),
            ),
        );
    }
}
