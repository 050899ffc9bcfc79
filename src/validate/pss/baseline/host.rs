//! Baseline checks that keep a Pod off the node itself: its namespaces, its
//! filesystem, its ports, Windows host processes, and probes aimed at other hosts.

use std::collections::BTreeSet;

use super::{First, check};
use crate::validate::finding::Text;
use crate::validate::path::FieldPath;
use crate::validate::pod::PodView;
use crate::validate::pss::{PolicyCheck, Violation, containers_phrase, join_quote, plural};
use crate::validate::rule::Words;
use crate::validate::yaml::Node;

pub(in crate::validate::pss) static HOST_NAMESPACES: PolicyCheck = check(
    "pss/hostNamespaces",
    0,
    host_namespaces,
    Words::new(
        "Sharing the node's namespaces (hostNetwork, hostPID, hostIPC)",
        "ノードの名前空間の共有(hostNetwork、hostPID、hostIPC)",
    ),
    Words::new(
        "remove hostNetwork, hostPID and hostIPC, or set them to false",
        "hostNetwork、hostPID、hostIPCを削除するか、falseにしてください",
    ),
);

fn host_namespaces(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut bad = Vec::new();
    for key in ["hostNetwork", "hostPID", "hostIPC"] {
        if pod.spec.flag(key) == Some(true) {
            bad.push(format!("{key}=true"));
            if let Some(node) = pod.spec.present(key) {
                first.note(pod.spec_path.field(key), node.pos);
            }
        }
    }
    first.violation(
        &HOST_NAMESPACES.rule,
        "host namespaces",
        bad.join(", "),
        Text::new(
            "remove hostNetwork, hostPID and hostIPC (or set them to false): the Pod must not share the node's namespaces",
            "hostNetwork、hostPID、hostIPCを削除する(またはfalseにする)必要があります。Podはノードの名前空間を共有できません",
        ),
    )
}

/// The Pod's volumes with their paths.
pub(in crate::validate::pss) fn volumes<'a>(pod: &PodView<'a>) -> Vec<(&'a Node, FieldPath)> {
    let path = pod.spec_path.field("volumes");
    pod.spec
        .present("volumes")
        .map(|volumes| volumes.items())
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(index, node)| (node, path.index(index)))
        .collect()
}

pub(in crate::validate::pss) static HOST_PATH_VOLUMES: PolicyCheck = check(
    "pss/hostPathVolumes",
    0,
    host_path_volumes,
    Words::new("hostPath volumes", "hostPathボリューム"),
    Words::new(
        "use an emptyDir, a PersistentVolumeClaim, a ConfigMap or a Secret instead",
        "代わりにemptyDir、PersistentVolumeClaim、ConfigMap、Secretを使ってください",
    ),
);

fn host_path_volumes(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut names = Vec::new();
    for (volume, path) in volumes(pod) {
        if let Some(host_path) = volume.present("hostPath") {
            names.push(volume.text("name").unwrap_or_default().to_string());
            first.note(path.field("hostPath"), host_path.pos);
        }
    }
    first.violation(
        &HOST_PATH_VOLUMES.rule,
        "hostPath volumes",
        format!(
            "{} {}",
            plural(names.len(), "volume", "volumes"),
            join_quote(&names)
        ),
        Text::new(
            "replace the hostPath volume with an emptyDir, configMap, secret or persistentVolumeClaim volume",
            "hostPathボリュームをemptyDir、configMap、secret、persistentVolumeClaimなどのボリュームに置き換える必要があります",
        ),
    )
}

pub(in crate::validate::pss) static HOST_PORTS: PolicyCheck = check(
    "pss/hostPorts",
    0,
    host_ports,
    Words::new("hostPort on container ports", "コンテナポートのhostPort"),
    Words::new(
        "remove hostPort (or set it to 0) and reach the Pod through a Service",
        "hostPortを削除し(または0にし)、Service経由でPodにアクセスしてください",
    ),
);

fn host_ports(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut names = Vec::new();
    let mut ports = BTreeSet::new();
    for container in pod.containers() {
        let mut bad = false;
        let list = container.path.field("ports");
        let items = container
            .node
            .present("ports")
            .map(Node::items)
            .unwrap_or_default();
        for (index, port) in items.iter().enumerate() {
            if let Some(host_port) = port.int("hostPort").filter(|p| *p != 0) {
                bad = true;
                ports.insert(host_port.to_string());
                if let Some(node) = port.present("hostPort") {
                    first.note(list.index(index).field("hostPort"), node.pos);
                }
            }
        }
        if bad {
            names.push(container.name().to_string());
        }
    }
    let ports: Vec<String> = ports.into_iter().collect();
    first.violation(
        &HOST_PORTS.rule,
        "hostPort",
        format!(
            "{} {} {} {}",
            containers_phrase(&names),
            plural(names.len(), "uses", "use"),
            plural(ports.len(), "hostPort", "hostPorts"),
            ports.join(", ")
        ),
        Text::new(
            "remove hostPort from the container's ports and expose the Pod through a Service instead",
            "コンテナのportsからhostPortを削除し、代わりにServiceでPodを公開する必要があります",
        ),
    )
}

pub(in crate::validate::pss) static WINDOWS_HOST_PROCESS: PolicyCheck = check(
    "pss/windowsHostProcess",
    0,
    windows_host_process,
    Words::new(
        "Windows HostProcess containers",
        "WindowsのHostProcessコンテナ",
    ),
    Words::new(
        "remove `windowsOptions.hostProcess: true`",
        "`windowsOptions.hostProcess: true`を削除してください",
    ),
);

/// `windowsOptions.hostProcess` when it is true.
fn host_process(security: Option<&Node>) -> Option<&Node> {
    let options = security?.present("windowsOptions")?;
    options
        .present("hostProcess")
        .filter(|node| node.value == crate::validate::yaml::Value::Bool(true))
}

fn windows_host_process(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut setters = Vec::new();
    if let Some(node) = host_process(pod.get("securityContext")) {
        setters.push("pod".to_string());
        first.note(
            pod.spec_path
                .field("securityContext")
                .field("windowsOptions")
                .field("hostProcess"),
            node.pos,
        );
    }
    let mut names = Vec::new();
    for container in pod.containers() {
        if let Some(node) = host_process(container.get("securityContext")) {
            names.push(container.name().to_string());
            first.note(
                container
                    .path
                    .field("securityContext")
                    .field("windowsOptions")
                    .field("hostProcess"),
                node.pos,
            );
        }
    }
    if !names.is_empty() {
        setters.push(containers_phrase(&names));
    }
    first.violation(
        &WINDOWS_HOST_PROCESS.rule,
        "hostProcess",
        format!(
            "{} must not set securityContext.windowsOptions.hostProcess=true",
            setters.join(" and ")
        ),
        Text::new(
            "remove `windowsOptions.hostProcess: true` (or set it to false)",
            "`windowsOptions.hostProcess: true`を削除する(またはfalseにする)必要があります",
        ),
    )
}

pub(in crate::validate::pss) static HOST_PROBES: PolicyCheck = check(
    "pss/hostProbesAndHostLifecycle",
    34,
    host_probes,
    Words::new(
        "Probes and lifecycle hooks that name a host other than the Pod's own",
        "Pod自身以外のホストを指定するプローブやライフサイクルフック",
    ),
    Words::new(
        "remove `host` from httpGet and tcpSocket probes and hooks; they then reach the Pod's own IP",
        "プローブやフックのhttpGet・tcpSocketから`host`を削除してください。Pod自身のIPが対象になります",
    ),
);

fn host_probes(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut names = BTreeSet::new();
    let mut hosts = BTreeSet::new();
    for container in pod.containers() {
        let mut handlers: Vec<(&Node, FieldPath)> = Vec::new();
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
            if let Some(node) = container.node.present(probe) {
                handlers.push((node, container.path.field(probe)));
            }
        }
        if let Some(lifecycle) = container.node.present("lifecycle") {
            for hook in ["postStart", "preStop"] {
                if let Some(node) = lifecycle.present(hook) {
                    handlers.push((node, container.path.field("lifecycle").field(hook)));
                }
            }
        }
        for (handler, path) in handlers {
            for action in ["httpGet", "tcpSocket"] {
                let Some(action_node) = handler.present(action) else {
                    continue;
                };
                let Some(host) = action_node.present("host") else {
                    continue;
                };
                let value = host.as_str().unwrap_or(&host.raw);
                if !value.is_empty() {
                    names.insert(container.name().to_string());
                    hosts.insert(value.to_string());
                    first.note(path.field(action).field("host"), host.pos);
                }
            }
        }
    }
    let names: Vec<String> = names.into_iter().collect();
    let hosts: Vec<String> = hosts.into_iter().collect();
    first.violation(
        &HOST_PROBES.rule,
        "probe or lifecycle host",
        format!(
            "{} {} {} {}",
            containers_phrase(&names),
            plural(names.len(), "uses", "use"),
            plural(hosts.len(), "probe or lifecycle host", "probe or lifecycle hosts"),
            join_quote(&hosts)
        ),
        Text::new(
            "remove `host` from the probe or lifecycle handler: it then targets the Pod's own IP",
            "プローブまたはライフサイクルハンドラーから`host`を削除する必要があります。省略するとPod自身のIPが対象になります",
        ),
    )
}
