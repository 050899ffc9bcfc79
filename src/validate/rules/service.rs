//! Service: the API server's rules (core validation's `ValidateService`)
//! for the type, the ports, the selector, ExternalName and headless
//! Services, applied after the server's defaults (type ClusterIP, protocol
//! TCP, targetPort = port).

use crate::validate::go::fmt::go_quote;
use std::collections::HashSet;

use super::names::{dns1123_label, dns1123_subdomain, iana_svc_name, problem_text, qualified_name};
use super::pod_spec::is_ip_address;
use super::ports::{self, PROTOCOLS};
use super::selectors::check_labels;
use super::{Ctx, catalog, is_map};
use crate::validate::finding::{Pos, Text};
use crate::validate::path::FieldPath;
use crate::validate::yaml::{Node, Value};

/// Service types, in the order the server lists them (sorted).
const TYPES: [&str; 4] = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];

/// The default node port range of kube-apiserver (`--service-node-port-range`).
const NODE_PORTS: std::ops::RangeInclusive<i64> = 30000..=32767;

/// The kubelet's port, which a LoadBalancer may not expose.
const KUBELET_PORT: i64 = 10250;

/// What the port rules need to know about the Service.
struct Service<'a> {
    /// The type after defaulting; `None` when it is not text.
    kind: Option<&'a str>,
    headless: bool,
    ports: usize,
}

/// Applies the Service rules to one object.
pub(super) fn check(root: &Node, ctx: &mut Ctx<'_>) {
    let spec_entry = root.entry("spec");
    let empty = Node {
        value: Value::Map(Vec::new()),
        pos: root.pos,
        raw: String::new(),
    };
    let spec = spec_entry.map_or(&empty, |entry| &entry.value);
    if !is_map(spec) && spec.value != Value::Null {
        return;
    }
    let spec = if is_map(spec) { spec } else { &empty };
    let spec_pos = spec_entry.map_or(root.pos, |entry| entry.key_pos);
    let path = FieldPath::default().field("spec");
    let service = Service {
        kind: service_type(spec, &path, ctx),
        headless: is_headless(spec),
        ports: spec.get("ports").map_or(0, |ports| ports.items().len()),
    };
    check_ports_present(spec, &service, spec_pos, &path, ctx);
    check_ports(spec, &service, &path, ctx);
    check_external_name(spec, &service, spec_pos, &path, ctx);
    check_cluster_ip(spec, &service, &path, ctx);
    check_cluster_ip_values(spec, &path, ctx);
    if let Some(selector) = spec.get("selector").filter(|node| is_map(node)) {
        check_labels(selector, &path.field("selector"), ctx);
    }
    check_policies(spec, &service, &path, ctx);
}

/// The type after defaulting (ClusterIP when unset); an unknown type is
/// reported and kept, so that the type-specific rules stay quiet.
fn service_type<'a>(spec: &'a Node, path: &FieldPath, ctx: &mut Ctx<'_>) -> Option<&'a str> {
    let Some(node) = spec.get("type") else {
        return Some("ClusterIP");
    };
    match &node.value {
        Value::Null => Some("ClusterIP"),
        Value::Str(text) if text.is_empty() => Some("ClusterIP"),
        Value::Str(text) => {
            if !TYPES.contains(&text.as_str()) {
                ctx.unsupported(
                    &path.field("type"),
                    node,
                    &TYPES,
                    Text::new(
                        "ClusterIP (the default) is reachable inside the cluster, NodePort also on every node's port, LoadBalancer also through a cloud load balancer, ExternalName is a DNS alias (CNAME); the names are case-sensitive",
                        "ClusterIP(既定値)はクラスター内から、NodePortは各ノードのポートからも、LoadBalancerはクラウドのロードバランサーからも到達でき、ExternalNameはDNSの別名(CNAME)です。大文字と小文字は区別されます",
                    ),
                );
            }
            Some(text)
        }
        _ => None,
    }
}

/// A headless Service has `clusterIP: None`.
fn is_headless(spec: &Node) -> bool {
    let first_ip = spec.get("clusterIPs").and_then(|ips| ips.items().first());
    spec.get("clusterIP").and_then(Node::as_str) == Some("None")
        || first_ip.and_then(Node::as_str) == Some("None")
}

/// Ports are required, except for headless and ExternalName Services.
fn check_ports_present(
    spec: &Node,
    service: &Service<'_>,
    spec_pos: Pos,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    let Some(kind) = service.kind else {
        return;
    };
    if service.ports > 0 || service.headless || kind == "ExternalName" {
        return;
    }
    if spec
        .get("ports")
        .is_some_and(|node| node.value != Value::Null && !matches!(node.value, Value::Seq(_)))
    {
        return;
    }
    let pos = spec.entry("ports").map_or(spec_pos, |entry| entry.key_pos);
    ctx.required(
        &path.field("ports"),
        pos,
        Text::new(
            "list at least one port, e.g. `ports: [{port: 80, targetPort: 8080}]` (port is what clients use, targetPort where the Pods listen); only headless (clusterIP: None) and ExternalName Services may have none",
            "ポートを1つ以上指定してください(例: `ports: [{port: 80, targetPort: 8080}]`。portはクライアントが使うポート、targetPortはPodが待ち受けるポートです)。ポートを省略できるのはヘッドレス(clusterIP: None)とExternalNameのServiceだけです",
        ),
    );
}

/// Every port, then the duplicates among them.
fn check_ports(spec: &Node, service: &Service<'_>, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(ports) = spec.get("ports") else {
        return;
    };
    let ports_path = path.field("ports");
    let mut names = HashSet::new();
    for (index, port) in ports.items().iter().enumerate() {
        if is_map(port) {
            check_port(port, service, &mut names, &ports_path.index(index), ctx);
        }
    }
    check_duplicate_ports(ports, &ports_path, ctx);
}

/// One port: name, number, protocol, target, app protocol and node port.
fn check_port(
    port: &Node,
    service: &Service<'_>,
    names: &mut HashSet<String>,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    check_port_name(port, service, names, path, ctx);
    if let Some(node) = port.get("port")
        && let Value::Int(number) = node.value
    {
        ports::check_number_node(node, &path.field("port"), ctx);
        if service.kind == Some("LoadBalancer") && number == KUBELET_PORT {
            let detail = Text::new(
                format!(
                    "may not expose port {KUBELET_PORT} externally since it is used by kubelet"
                ),
                format!("ポート{KUBELET_PORT}はkubeletが使うため外部に公開できません"),
            );
            let help = Text::new(
                "choose another port number",
                "別のポート番号を選んでください",
            );
            ctx.invalid_shown(path, node.pos, &number.to_string(), detail, help);
        }
    }
    ctx.choice(port, "protocol", &PROTOCOLS, path, protocol_help());
    check_target_port(port, path, ctx);
    if let Some(node) = port.get("appProtocol")
        && let Some(text) = node.as_str()
    {
        for problem in qualified_name(text) {
            let help = Text::new(
                "appProtocol is a protocol name such as `http`, `https` or `kubernetes.io/h2c`",
                "appProtocolは`http`、`https`、`kubernetes.io/h2c`のようなプロトコル名です",
            );
            ctx.invalid(
                &path.field("appProtocol"),
                node,
                problem_text(&problem),
                help,
            );
        }
    }
    check_node_port(port, service, path, ctx);
}

/// Port names: required when there are several, DNS labels, unique.
fn check_port_name(
    port: &Node,
    service: &Service<'_>,
    names: &mut HashSet<String>,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    let name_path = path.field("name");
    let name = port.get("name");
    match name.map(|node| &node.value) {
        None | Some(Value::Null) => {}
        Some(Value::Str(text)) if text.is_empty() => {}
        Some(Value::Str(text)) => {
            let Some(node) = name else {
                return;
            };
            for problem in dns1123_label(text) {
                ctx.invalid(&name_path, node, problem_text(&problem), port_name_help());
            }
            if !names.insert(text.clone()) {
                ctx.duplicate(
                    &name_path,
                    node,
                    Text::new(
                        "give each port its own name",
                        "ポートごとに異なる名前を付けてください",
                    ),
                );
            }
            return;
        }
        Some(_) => return,
    }
    if service.ports > 1 {
        ctx.required(
            &name_path,
            port.pos,
            Text::new(
                "when a Service has several ports, each needs a name (e.g. `http`, `metrics`) so that they can be told apart",
                "Serviceに複数のポートがあるときは、区別できるようにそれぞれに名前(例: `http`、`metrics`)が必要です",
            ),
        );
    }
}

/// Help for a port name that is not a DNS label.
fn port_name_help() -> Text {
    Text::new(
        "a Service port name is a lowercase DNS label: lowercase letters, digits and '-', at most 63 characters (e.g. `http`, `grpc-web`)",
        "Serviceのポート名は小文字のDNSラベルです。英小文字・数字・'-'で63文字以内にしてください(例: `http`、`grpc-web`)",
    )
}

/// Help for an unknown port protocol.
fn protocol_help() -> Text {
    Text::new(
        "protocol is TCP (the default), UDP or SCTP, in capitals; HTTP is not a protocol here (see appProtocol)",
        "protocolはTCP(既定値)、UDP、SCTPのいずれかで、大文字で書きます。HTTPはここでは指定できません(appProtocolを使います)",
    )
}

/// targetPort: a port number or the name of a container port (IANA service
/// name); 0 and "" mean "same as port".
fn check_target_port(port: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(node) = port.get("targetPort") else {
        return;
    };
    let target_path = path.field("targetPort");
    match &node.value {
        Value::Int(0) => {}
        Value::Int(_) => ports::check_number_node(node, &target_path, ctx),
        Value::Str(text) if !text.is_empty() => {
            for problem in iana_svc_name(text) {
                ctx.invalid(
                    &target_path,
                    node,
                    problem_text(&problem),
                    Text::new(
                        "targetPort is a number (`8080`) or the name of a container port: at most 15 lowercase letters, digits and single '-', with at least one letter; a number in quotes is a name, so write it without quotes",
                        "targetPortは番号(`8080`)かコンテナのポート名です。ポート名は英小文字・数字・'-'で15文字以内、英字を1文字以上含めます。引用符で囲んだ数字は名前として扱われるため、引用符を外してください",
                    ),
                );
            }
        }
        _ => {}
    }
}

/// nodePort: not with ClusterIP; outside the default range a warning (the
/// range is a cluster setting).
fn check_node_port(port: &Node, service: &Service<'_>, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(entry) = port.entry("nodePort") else {
        return;
    };
    let Value::Int(number) = entry.value.value else {
        return;
    };
    let node_port_path = path.field("nodePort");
    match service.kind {
        Some("ClusterIP") if number != 0 => ctx.forbidden(
            &node_port_path,
            entry.key_pos,
            Text::new("may not be used when `type` is 'ClusterIP'", "`type`が'ClusterIP'のときは使えません"),
            Text::new(
                "a nodePort opens the port on every node, which only NodePort and LoadBalancer Services do: remove nodePort or set `type: NodePort`",
                "nodePortは各ノードでポートを開く設定で、NodePortとLoadBalancerのServiceだけが使えます。nodePortを削除するか`type: NodePort`にしてください",
            ),
        ),
        Some("NodePort" | "LoadBalancer") if number != 0 && !NODE_PORTS.contains(&number) => {
            let message = Text::new(
                format!("{node_port_path}: Invalid value: {number}: provided port is not in the valid range. The range of valid ports is 30000-32767"),
                format!("{node_port_path}: 不正な値です: {number}: ポートが有効な範囲にありません。有効なポートの範囲は30000-32767です"),
            );
            ctx.report(
                &catalog::NODE_PORT_RANGE,
                &node_port_path,
                entry.value.pos,
                message,
                Text::new(
                    "clusters allocate node ports from 30000-32767 unless the administrator changed --service-node-port-range; pick a port in that range or leave nodePort out to get a free one",
                    "管理者が--service-node-port-rangeを変更していない限り、ノードポートは30000-32767から割り当てられます。この範囲のポートを選ぶか、nodePortを省略して空きポートを割り当ててもらってください",
                ),
            );
        }
        _ => {}
    }
}

/// Two ports with the same number and protocol, or the same node port and
/// protocol, collide.
fn check_duplicate_ports(ports: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let mut seen_ports = HashSet::new();
    let mut seen_node_ports = HashSet::new();
    for (index, port) in ports.items().iter().enumerate() {
        let protocol = port
            .get("protocol")
            .and_then(Node::as_str)
            .filter(|p| !p.is_empty())
            .unwrap_or("TCP");
        let port_path = path.index(index);
        if let Some(node) = port.get("nodePort")
            && let Value::Int(number) = node.value
            && number != 0
            && !seen_node_ports.insert((protocol.to_string(), number))
        {
            ctx.duplicate(
                &port_path.field("nodePort"),
                node,
                Text::new(
                    "each nodePort can be used once per protocol",
                    "nodePortはプロトコルごとに1回しか使えません",
                ),
            );
        }
        let Some(Value::Int(number)) = port.get("port").map(|node| &node.value) else {
            continue;
        };
        if !seen_ports.insert((protocol.to_string(), *number)) {
            report_duplicate_port(protocol, *number, port, &port_path, ctx);
        }
    }
}

/// `spec.ports[1]: Duplicate value: core.ServicePort{…}`, the key printed as
/// Go prints it.
fn report_duplicate_port(
    protocol: &str,
    number: i64,
    port: &Node,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    let shown = format!(
        "core.ServicePort{{Name:\"\", Protocol:{}, AppProtocol:(*string)(nil), Port:{number}, TargetPort:intstr.IntOrString{{Type:0, IntVal:0, StrVal:\"\"}}, NodePort:0}}",
        go_quote(protocol)
    );
    let help = Text::new(
        format!(
            "port {number}/{protocol} is listed twice; each port number may appear once per protocol"
        ),
        format!(
            "ポート{number}/{protocol}が2回指定されています。同じポート番号はプロトコルごとに1回だけ使えます"
        ),
    );
    ctx.duplicate_shown(path, port.pos, &shown, help);
}

/// ExternalName: the DNS name it aliases, and no cluster IP.
fn check_external_name(
    spec: &Node,
    service: &Service<'_>,
    spec_pos: Pos,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    if service.kind != Some("ExternalName") {
        return;
    }
    let name_path = path.field("externalName");
    let node = spec.get("externalName");
    if node.is_some_and(|node| !matches!(node.value, Value::Str(_) | Value::Null)) {
        return;
    }
    let cname = node
        .and_then(Node::as_str)
        .map(|name| name.strip_suffix('.').unwrap_or(name))
        .unwrap_or_default();
    match node {
        Some(node) if !cname.is_empty() => {
            for problem in dns1123_subdomain(cname) {
                ctx.invalid_shown(
                    &name_path,
                    node.pos,
                    &go_quote(cname),
                    problem_text(&problem),
                    Text::new(
                        "externalName is a DNS name such as `db.example.com` (no scheme, port or path)",
                        "externalNameは`db.example.com`のようなDNS名です(スキーム、ポート、パスは書きません)",
                    ),
                );
            }
        }
        _ => ctx.required(
            &name_path,
            spec.entry("externalName").map_or(spec_pos, |entry| entry.key_pos),
            Text::new(
                "an ExternalName Service is a DNS alias: set spec.externalName to the name it stands for, e.g. `db.example.com`",
                "ExternalNameのServiceはDNSの別名です。spec.externalNameに参照先の名前を指定してください(例: `db.example.com`)",
            ),
        ),
    }
    if let Some(entry) = spec
        .present_entry("clusterIP")
        .filter(|entry| entry.value.as_str().is_some_and(|ip| !ip.is_empty()))
    {
        ctx.forbidden(
            &path.field("clusterIPs"),
            entry.key_pos,
            Text::new(
                "may not be set for ExternalName services",
                "ExternalNameのServiceには設定できません",
            ),
            Text::new(
                "an ExternalName Service has no cluster IP: remove clusterIP",
                "ExternalNameのServiceにはクラスターIPがありません。clusterIPを削除してください",
            ),
        );
    }
}

/// `clusterIP: None` (headless) only with type ClusterIP.
fn check_cluster_ip(spec: &Node, service: &Service<'_>, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(kind @ ("NodePort" | "LoadBalancer")) = service.kind else {
        return;
    };
    if !service.headless {
        return;
    }
    let node = spec
        .get("clusterIP")
        .filter(|node| node.as_str() == Some("None"))
        .or_else(|| spec.get("clusterIPs").and_then(|ips| ips.items().first()));
    let pos = node.map_or(spec.pos, |node| node.pos);
    ctx.invalid_shown(
        &path.field("clusterIPs").index(0),
        pos,
        "\"None\"",
        Text::new(
            format!("may not be set to 'None' for {kind} services"),
            format!("{kind}のServiceでは'None'にできません"),
        ),
        Text::new(
            format!(
                "`clusterIP: None` makes a headless Service, which only type ClusterIP can be; remove clusterIP or drop `type: {kind}`"
            ),
            format!(
                "`clusterIP: None`はヘッドレスServiceを意味し、type ClusterIPでしか使えません。clusterIPを削除するか`type: {kind}`をやめてください"
            ),
        ),
    );
}

/// A cluster IP is an IP address, `None` (headless) or empty (the server
/// picks one); `none` or a host name is rejected, reported at `clusterIPs`,
/// which the server fills from `clusterIP`.
fn check_cluster_ip_values(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let listed = spec.get("clusterIPs").map(Node::items).unwrap_or_default();
    let ips: Vec<&Node> = if listed.is_empty() {
        spec.get("clusterIP").into_iter().collect()
    } else {
        listed.iter().collect()
    };
    for (index, node) in ips.into_iter().enumerate() {
        let Some(ip) = node.as_str() else { continue };
        if ip.is_empty() || ip == "None" || is_ip_address(ip) {
            continue;
        }
        ctx.invalid(
            &path.field("clusterIPs").index(index),
            node,
            Text::new(
                "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
                "有効なIPアドレスでなければなりません(例: 10.9.8.7、2001:db8::ffff)",
            ),
            Text::new(
                "write `None` (capital N) for a headless Service, an IP address from the Service range, or leave clusterIP out to get one assigned",
                "ヘッドレスServiceには`None`(先頭は大文字)を書きます。それ以外はServiceの範囲のIPアドレスを書くか、clusterIPを省略して割り当てさせてください",
            ),
        );
    }
}

/// sessionAffinity and the traffic policies.
fn check_policies(spec: &Node, service: &Service<'_>, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let text = |key: &str| {
        spec.get(key)
            .filter(|node| node.as_str().is_some_and(|text| !text.is_empty()))
    };
    let help = Text::new(
        "None (the default) spreads requests; ClientIP sends a client to the same Pod",
        "None(既定値)はリクエストを分散し、ClientIPは同じクライアントを同じPodに送ります",
    );
    ctx.choice(spec, "sessionAffinity", &["ClientIP", "None"], path, help);
    ctx.choice(
        spec,
        "internalTrafficPolicy",
        &["Cluster", "Local"],
        path,
        traffic_help(),
    );
    let Some(node) = text("externalTrafficPolicy") else {
        return;
    };
    let external_ips = spec
        .get("externalIPs")
        .is_some_and(|ips| !ips.items().is_empty());
    let reachable = matches!(service.kind, Some("NodePort" | "LoadBalancer")) || external_ips;
    if service.kind.is_some() && !reachable {
        ctx.invalid(
            &path.field("externalTrafficPolicy"),
            node,
            Text::new("may only be set for externally-accessible services", "外部からアクセスできるServiceにだけ設定できます"),
            Text::new(
                "externalTrafficPolicy is about traffic from outside the cluster: use it with type NodePort or LoadBalancer, or remove it",
                "externalTrafficPolicyはクラスター外からの通信の設定です。type NodePortかLoadBalancerで使うか、削除してください",
            ),
        );
    } else if reachable && !matches!(node.as_str(), Some("Cluster" | "Local")) {
        ctx.unsupported(
            &path.field("externalTrafficPolicy"),
            node,
            &["Cluster", "Local"],
            traffic_help(),
        );
    }
}

/// Help for an unknown traffic policy.
fn traffic_help() -> Text {
    Text::new(
        "Cluster (the default) may forward to Pods on any node; Local only to Pods on the node that received the traffic",
        "Cluster(既定値)は任意のノードのPodに転送し、Localは通信を受けたノード上のPodにだけ転送します",
    )
}

#[cfg(test)]
mod tests {
    use crate::validate::Severity;
    use crate::validate::rules::test_support::{errors, findings, one};

    fn service(spec: &str) -> String {
        format!("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n{spec}")
    }

    const PORT: &str = "  ports:\n    - port: 80\n";

    #[test]
    fn valid_services_are_clean() {
        assert_eq!(
            errors(&service(&format!("  selector:\n    app: web\n{PORT}"))),
            []
        );
        assert_eq!(
            errors(&service("  clusterIP: None\n  selector:\n    app: db\n")),
            []
        );
        assert_eq!(
            errors(&service(
                "  type: ExternalName\n  externalName: db.example.com.\n"
            )),
            []
        );
        let node_port = service(
            "  type: NodePort\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n      nodePort: 30080\n",
        );
        assert_eq!(errors(&node_port), []);
        assert_eq!(findings(&node_port, Severity::Warning), []);
    }

    #[test]
    fn type_and_ports_required() {
        let (path, message) = one(&service(&format!("  type: Nodeport\n{PORT}")));
        assert_eq!(path, "spec.type");
        assert_eq!(
            message,
            "spec.type: Unsupported value: \"Nodeport\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""
        );
        let (path, message) = one(&service("  selector:\n    app: web\n"));
        assert_eq!(path, "spec.ports");
        assert_eq!(message, "spec.ports: Required value");
    }

    #[test]
    fn port_fields() {
        let (_, message) = one(&service("  ports:\n    - port: 0\n"));
        assert_eq!(
            message,
            "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"
        );
        let (_, message) = one(&service("  ports:\n    - port: 80\n      protocol: HTTP\n"));
        assert_eq!(
            message,
            "spec.ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\""
        );
        let (_, message) = one(&service(
            "  ports:\n    - port: 80\n      targetPort: 70000\n",
        ));
        assert_eq!(
            message,
            "spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive"
        );
        let (_, message) = one(&service(
            "  ports:\n    - port: 80\n      targetPort: \"8080\"\n",
        ));
        assert_eq!(
            message,
            "spec.ports[0].targetPort: Invalid value: \"8080\": must contain at least one letter (a-z)"
        );
        let (_, message) = one(&service("  ports:\n    - port: 80\n      name: HTTP\n"));
        assert!(
            message.starts_with(
                "spec.ports[0].name: Invalid value: \"HTTP\": a lowercase RFC 1123 label"
            ),
            "{message}"
        );
    }

    #[test]
    fn names_with_several_ports() {
        let found = errors(&service("  ports:\n    - port: 80\n    - port: 443\n"));
        assert_eq!(
            found,
            [
                (
                    "spec.ports[0].name".to_string(),
                    "spec.ports[0].name: Required value".to_string()
                ),
                (
                    "spec.ports[1].name".to_string(),
                    "spec.ports[1].name: Required value".to_string()
                ),
            ]
        );
        let (_, message) = one(&service(
            "  ports:\n    - {name: web, port: 80}\n    - {name: web, port: 443}\n",
        ));
        assert_eq!(message, "spec.ports[1].name: Duplicate value: \"web\"");
    }

    #[test]
    fn duplicate_port_and_protocol() {
        let (path, message) = one(&service(
            "  ports:\n    - {name: a, port: 80}\n    - {name: b, port: 80, protocol: TCP}\n",
        ));
        assert_eq!(path, "spec.ports[1]");
        assert_eq!(
            message,
            "spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}"
        );
        assert_eq!(
            errors(&service(
                "  ports:\n    - {name: a, port: 53}\n    - {name: b, port: 53, protocol: UDP}\n"
            )),
            []
        );
    }

    #[test]
    fn node_ports() {
        let (path, message) = one(&service(
            "  ports:\n    - port: 80\n      nodePort: 30080\n",
        ));
        assert_eq!(path, "spec.ports[0].nodePort");
        assert_eq!(
            message,
            "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"
        );
        let yaml = service("  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 8080\n");
        assert_eq!(errors(&yaml), []);
        assert_eq!(
            findings(&yaml, Severity::Warning),
            [(
                "spec.ports[0].nodePort".to_string(),
                "spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767".to_string()
            )]
        );
        let (_, message) = one(&service(
            "  type: NodePort\n  ports:\n    - {name: a, port: 80, nodePort: 30080}\n    - {name: b, port: 81, nodePort: 30080}\n",
        ));
        assert_eq!(message, "spec.ports[1].nodePort: Duplicate value: 30080");
    }

    #[test]
    fn external_name_and_headless() {
        let (path, message) = one(&service("  type: ExternalName\n"));
        assert_eq!(path, "spec.externalName");
        assert_eq!(message, "spec.externalName: Required value");
        let (_, message) = one(&service(
            "  type: ExternalName\n  externalName: https://db.example.com\n",
        ));
        assert!(message.starts_with("spec.externalName: Invalid value: \"https://db.example.com\": a lowercase RFC 1123 subdomain"), "{message}");
        let (path, message) = one(&service(&format!(
            "  type: NodePort\n  clusterIP: None\n{PORT}"
        )));
        assert_eq!(path, "spec.clusterIPs[0]");
        assert_eq!(
            message,
            "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"
        );
        let (path, message) = one(&service(&format!("  clusterIP: none\n{PORT}")));
        assert_eq!(path, "spec.clusterIPs[0]");
        assert_eq!(
            message,
            "spec.clusterIPs[0]: Invalid value: \"none\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"
        );
        assert!(errors(&service(&format!("  clusterIP: 10.96.0.20\n{PORT}"))).is_empty());
        assert!(errors(&service(&format!("  clusterIP: \"\"\n{PORT}"))).is_empty());
        let (_, message) = one(&service(
            "  type: ExternalName\n  externalName: db.example.com\n  clusterIP: 10.0.0.10\n",
        ));
        assert_eq!(
            message,
            "spec.clusterIPs: Forbidden: may not be set for ExternalName services"
        );
    }

    #[test]
    fn app_protocol_and_internal_policy() {
        let (path, message) = one(&service(
            "  ports:\n    - port: 80\n      appProtocol: \"http 2\"\n",
        ));
        assert_eq!(path, "spec.ports[0].appProtocol");
        assert!(
            message.starts_with(
                "spec.ports[0].appProtocol: Invalid value: \"http 2\": name part must consist of"
            ),
            "{message}"
        );
        let (_, message) = one(&service(&format!("  internalTrafficPolicy: Node\n{PORT}")));
        assert_eq!(
            message,
            "spec.internalTrafficPolicy: Unsupported value: \"Node\": supported values: \"Cluster\", \"Local\""
        );
        let (_, message) = one(&service(
            "  type: NodePort\n  externalTrafficPolicy: Global\n  ports:\n    - port: 80\n",
        ));
        assert_eq!(
            message,
            "spec.externalTrafficPolicy: Unsupported value: \"Global\": supported values: \"Cluster\", \"Local\""
        );
    }

    #[test]
    fn selector_and_policies() {
        let (path, message) = one(&service(&format!("  selector:\n    app: -web\n{PORT}")));
        assert_eq!(path, "spec.selector[app]");
        assert!(
            message
                .starts_with("spec.selector[app]: Invalid value: \"-web\": a valid label must be"),
            "{message}"
        );
        let (_, message) = one(&service(&format!("  sessionAffinity: Sticky\n{PORT}")));
        assert_eq!(
            message,
            "spec.sessionAffinity: Unsupported value: \"Sticky\": supported values: \"ClientIP\", \"None\""
        );
        let (_, message) = one(&service(&format!("  externalTrafficPolicy: Local\n{PORT}")));
        assert_eq!(
            message,
            "spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for externally-accessible services"
        );
        let (_, message) = one(&service(
            "  type: LoadBalancer\n  ports:\n    - port: 10250\n",
        ));
        assert_eq!(
            message,
            "spec.ports[0]: Invalid value: 10250: may not expose port 10250 externally since it is used by kubelet"
        );
    }
}
