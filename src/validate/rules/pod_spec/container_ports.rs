//! Container ports and host ports, and `hostNetwork` with them.

use super::*;
use crate::validate::go::fmt::go_quote;

/// Each port: name, containerPort, hostPort, protocol.
pub(super) fn check_ports(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(ports) = container.get("ports") else {
        return;
    };
    let mut names = HashSet::new();
    for (index, port) in ports.items().iter().enumerate() {
        if !is_map(port) {
            continue;
        }
        let path = path.field("ports").index(index);
        check_port_name(port, &path, &mut names, ctx);
        check_port_numbers(port, &path, ctx);
        ctx.choice(
            port,
            "protocol",
            &ports::PROTOCOLS,
            &path,
            Text::new(
                "use TCP, UDP or SCTP in capital letters, or leave it out for TCP",
                "TCP、UDP、SCTPのいずれかを大文字で指定するか、省略してTCPにしてください",
            ),
        );
    }
}

/// A port name is an IANA service name, unique within the container.
pub(super) fn check_port_name(
    port: &Node,
    path: &FieldPath,
    names: &mut HashSet<String>,
    ctx: &mut Ctx<'_>,
) {
    let Some(node) = port.get("name") else { return };
    let Some(name) = node.as_str().filter(|name| !name.is_empty()) else {
        return;
    };
    let path = path.field("name");
    let problems = names::iana_svc_name(name);
    for problem in &problems {
        ctx.invalid(
            &path,
            node,
            problem_text(problem),
            Text::new(
                "port names are at most 15 lowercase letters, digits and '-', with at least one letter (e.g. `http`, `metrics`)",
                "ポート名は英小文字・数字・'-'で15文字以内、英字を少なくとも1文字含めてください(例: `http`、`metrics`)",
            ),
        );
    }
    if problems.is_empty() && !names.insert(name.to_string()) {
        ctx.duplicate(
            &path,
            node,
            Text::new(
                "port names must be unique within a container: rename or remove the second one",
                "ポート名はコンテナ内で一意でなければなりません。2つ目の名前を変えるか削除してください",
            ),
        );
    }
}

/// containerPort is required and 1–65535; hostPort, when set, is 1–65535.
pub(super) fn check_port_numbers(port: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Some((number, node)) = int(port, "containerPort") {
        if number == 0 {
            ctx.required(
                &path.field("containerPort"),
                node.pos,
                Text::new(
                    "containerPort is the port the container listens on: a number from 1 to 65535",
                    "containerPortはコンテナが待ち受けるポート番号です。1から65535の数値を指定してください",
                ),
            );
        } else {
            check_port_range(number, node, &path.field("containerPort"), ctx);
        }
    }
    if let Some((number, node)) = int(port, "hostPort")
        && number != 0
    {
        check_port_range(number, node, &path.field("hostPort"), ctx);
    }
}

/// containerPort and hostPort: the server prints the parsed number.
pub(super) fn check_port_range(number: i64, node: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let help = Text::new(
        "port numbers go from 1 to 65535",
        "ポート番号は1から65535の範囲で指定してください",
    );
    ports::check_number(number, path, node.pos, &number.to_string(), help, ctx);
}

/// A port reference of a probe or hook: a number or a port name.
pub(super) fn check_port_ref(node: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let help = || {
        Text::new(
            "use a port number (1–65535) or the name of one of the container's ports",
            "ポート番号(1〜65535)か、コンテナのポート名を指定してください",
        )
    };
    match &node.value {
        Value::Int(number) => {
            ports::check_number(*number, path, node.pos, &number.to_string(), help(), ctx);
        }
        Value::Str(name) => {
            for problem in names::iana_svc_name(name) {
                ctx.invalid(path, node, problem_text(&problem), help());
            }
        }
        _ => {}
    }
}

/// The `protocol/hostIP/hostPort` key the API server uses for host ports,
/// with where to report it. On a bare Pod with hostNetwork, an unset hostPort
/// is defaulted to the containerPort.
pub(super) fn host_port_key(pod: &PodCtx<'_>, port: &Node) -> Option<(String, Pos)> {
    let explicit = int(port, "hostPort").filter(|(number, _)| *number != 0);
    let (number, node) = match explicit {
        Some(found) => found,
        None if pod.is_pod() && pod.host_network() => {
            int(port, "containerPort").filter(|(number, _)| *number != 0)?
        }
        None => return None,
    };
    let protocol = text(port, "protocol")
        .filter(|p| !p.is_empty())
        .unwrap_or("TCP");
    let host_ip = text(port, "hostIP").unwrap_or("");
    Some((format!("{protocol}/{host_ip}/{number}"), node.pos))
}

/// A host port and protocol may be used once: across the regular containers,
/// and within each init container (they run one at a time).
pub(super) fn check_host_ports(pod: &PodCtx<'_>, ctx: &mut Ctx<'_>) {
    let regular = pod.spec.get("containers").map_or(&[][..], Node::items);
    let mut seen = HashSet::new();
    for (index, container) in regular.iter().enumerate() {
        let path = pod.path.field("containers").index(index);
        check_container_host_ports(pod, container, &path, &mut seen, ctx);
    }
    let init = pod.spec.get("initContainers").map_or(&[][..], Node::items);
    for (index, container) in init.iter().enumerate() {
        let path = pod.path.field("initContainers").index(index);
        check_container_host_ports(pod, container, &path, &mut HashSet::new(), ctx);
    }
}

/// Reports each host port of one container already in `seen`.
pub(super) fn check_container_host_ports(
    pod: &PodCtx<'_>,
    container: &Node,
    path: &FieldPath,
    seen: &mut HashSet<String>,
    ctx: &mut Ctx<'_>,
) {
    let ports = container.get("ports").map_or(&[][..], Node::items);
    for (index, port) in ports.iter().enumerate() {
        let Some((key, pos)) = host_port_key(pod, port) else {
            continue;
        };
        if !seen.insert(key.clone()) {
            ctx.duplicate_shown(
                &path.field("ports").index(index).field("hostPort"),
                pos,
                &go_quote(&key),
                Text::new(
                    "two containers cannot claim the same host port and protocol on one node: use another hostPort, or drop hostPort and expose the Pod through a Service",
                    "同じノード上で2つのコンテナが同じホストポートとプロトコルを使うことはできません。別のhostPortを使うか、hostPortをやめてServiceで公開してください",
                ),
            );
        }
    }
}

/// With hostNetwork the container listens on the node itself, so a hostPort
/// must equal its containerPort.
pub(super) fn check_host_network(pod: &PodCtx<'_>, ctx: &mut Ctx<'_>) {
    if !pod.host_network() {
        return;
    }
    let containers = pod.spec.get("containers").map_or(&[][..], Node::items);
    for (index, container) in containers.iter().enumerate() {
        let ports = container.get("ports").map_or(&[][..], Node::items);
        for (port_index, port) in ports.iter().enumerate() {
            let Some((host, node)) = int(port, "hostPort") else {
                continue;
            };
            let Some((container_port, _)) = int(port, "containerPort") else {
                continue;
            };
            if host != 0 && host != container_port {
                let path = pod
                    .path
                    .field("containers")
                    .index(index)
                    .field("ports")
                    .index(port_index);
                ctx.invalid_shown(
                    &path.field("hostPort"),
                    node.pos,
                    &host.to_string(),
                    Text::new(
                        "must match `containerPort` when `hostNetwork` is true",
                        "`hostNetwork`がtrueの場合は`containerPort`と一致しなければなりません",
                    ),
                    Text::new(
                        "with hostNetwork: true the container uses the node's ports directly, so hostPort must equal containerPort (or be left out)",
                        "hostNetwork: trueではコンテナがノードのポートを直接使うため、hostPortはcontainerPortと同じ値にする(または省略する)必要があります",
                    ),
                );
            }
        }
    }
}
