//! NetworkPolicy: the API server's rules (pkg/apis/networking/validation)
//! for the Pod selector, the ports and peers of ingress and egress rules,
//! IP blocks and policy types.

use crate::validate::go::fmt::go_quote;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::names::{iana_svc_name, problem_text};
use super::selectors::check_label_selector;
use super::{Ctx, is_map, ports};
use crate::validate::finding::Text;
use crate::validate::path::FieldPath;
use crate::validate::yaml::{Entry, Node, Value};

/// The protocols of a NetworkPolicy port, in the server's order.
const PROTOCOLS: [&str; 3] = ["TCP", "UDP", "SCTP"];

/// The server's wording for a CIDR it cannot parse.
const CIDR_MESSAGE: &str = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

/// Applies the NetworkPolicy rules to one object.
pub(super) fn check(root: &Node, ctx: &mut Ctx<'_>) {
    let Some(spec) = root.get("spec").filter(|node| is_map(node)) else {
        return;
    };
    let path = FieldPath::default().field("spec");
    if let Some(selector) = spec.get("podSelector").filter(|node| is_map(node)) {
        check_label_selector(selector, &path.field("podSelector"), ctx);
    }
    for (direction, peers) in [("ingress", "from"), ("egress", "to")] {
        let Some(rules) = spec.get(direction) else {
            continue;
        };
        for (index, rule) in rules.items().iter().enumerate() {
            check_rule(rule, peers, &path.field(direction).index(index), ctx);
        }
    }
    check_policy_types(spec, &path, ctx);
}

/// One ingress or egress rule: its ports and its peers (`from` or `to`).
fn check_rule(rule: &Node, peers: &str, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Some(ports) = rule.get("ports") {
        for (index, port) in ports.items().iter().enumerate() {
            if is_map(port) {
                check_port(port, &path.field("ports").index(index), ctx);
            }
        }
    }
    if let Some(list) = rule.get(peers) {
        for (index, peer) in list.items().iter().enumerate() {
            if is_map(peer) {
                check_peer(peer, &path.field(peers).index(index), ctx);
            }
        }
    }
}

/// A port: protocol, a number or a named port, and an end port that only a
/// numeric port can have.
fn check_port(port: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Some(node) = port.get("protocol")
        && let Some(protocol) = node.as_str()
        && !PROTOCOLS.contains(&protocol)
    {
        let help = Text::new(
            "protocol is TCP (the default), UDP or SCTP, in capitals",
            "protocolはTCP(既定値)、UDP、SCTPのいずれかで、大文字で書きます",
        );
        ctx.unsupported(&path.field("protocol"), node, &PROTOCOLS, help);
    }
    let end = port
        .present_entry("endPort")
        .filter(|entry| matches!(entry.value.value, Value::Int(_)));
    match port.present_entry("port").map(|entry| &entry.value) {
        Some(
            node @ Node {
                value: Value::Int(number),
                ..
            },
        ) => {
            ports::check_number_node(node, &path.field("port"), ctx);
            if let Some(end) = end {
                check_end_port(*number, &end.value, &path.field("endPort"), ctx);
            }
        }
        Some(
            node @ Node {
                value: Value::Str(name),
                ..
            },
        ) => {
            if let Some(end) = end {
                report_end_port(
                    end,
                    "may not be specified when `port` is non-numeric",
                    "`port`が数値でないときは指定できません",
                    path,
                    ctx,
                );
            }
            for problem in iana_svc_name(name) {
                ctx.invalid(
                    &path.field("port"),
                    node,
                    problem_text(&problem),
                    Text::new(
                        "port is a number (`8080`) or the name of a container port: at most 15 lowercase letters, digits and single '-', with at least one letter",
                        "portは番号(`8080`)かコンテナのポート名です。ポート名は英小文字・数字・'-'で15文字以内、英字を1文字以上含めます",
                    ),
                );
            }
        }
        Some(_) => {}
        None => {
            if let Some(end) = end {
                report_end_port(
                    end,
                    "may not be specified when `port` is not specified",
                    "`port`を指定しないときは指定できません",
                    path,
                    ctx,
                );
            }
        }
    }
}

/// endPort closes the range that starts at port (the server shows `port`'s
/// value when the range is backwards).
fn check_end_port(port: i64, end: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Value::Int(last) = end.value
        && last < port
    {
        ctx.invalid_shown(
            path,
            end.pos,
            &port.to_string(),
            Text::new(
                "must be greater than or equal to `port`",
                "`port`以上でなければなりません",
            ),
            Text::new(
                format!(
                    "port..endPort is a range: endPort ({last}) must not be below port ({port})"
                ),
                format!(
                    "port..endPortは範囲です。endPort({last})をport({port})より小さくはできません"
                ),
            ),
        );
    }
    ports::check_number_node(end, path, ctx);
}

/// An endPort where no numeric port starts the range.
fn report_end_port(end: &Entry, en: &str, ja: &str, path: &FieldPath, ctx: &mut Ctx<'_>) {
    ctx.invalid(
        &path.field("endPort"),
        &end.value,
        Text::new(en, ja),
        Text::new(
            "endPort extends a numeric `port` into a range (port..endPort): set `port` to the first number or remove endPort",
            "endPortは数値の`port`を範囲(port..endPort)に広げる設定です。`port`に開始番号を指定するか、endPortを削除してください",
        ),
    );
}

/// A peer: exactly one kind of peer when ipBlock is used, and at least one.
fn check_peer(peer: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let mut kinds = 0;
    for key in ["podSelector", "namespaceSelector"] {
        if let Some(entry) = peer.present_entry(key) {
            kinds += 1;
            if is_map(&entry.value) {
                check_label_selector(&entry.value, &path.field(key), ctx);
            }
        }
    }
    let block = peer.present_entry("ipBlock");
    if let Some(entry) = block {
        kinds += 1;
        if is_map(&entry.value) {
            check_ip_block(&entry.value, entry, &path.field("ipBlock"), ctx);
        }
    }
    if kinds == 0 {
        ctx.required_because(
            path,
            peer.pos,
            Text::new("must specify a peer", "ピアを指定しなければなりません"),
            Text::new(
                "a peer is a podSelector, a namespaceSelector (or both), or an ipBlock; to allow everything, leave out the whole from/to list instead",
                "ピアはpodSelector、namespaceSelector(またはその両方)、ipBlockのいずれかです。すべてを許可するなら、from/toのリスト全体を省略してください",
            ),
        );
    } else if let Some(entry) = block.filter(|_| kinds > 1) {
        ctx.forbidden(
            path,
            entry.key_pos,
            Text::new("may not specify both ipBlock and another peer", "ipBlockとほかのピアを同時に指定することはできません"),
            Text::new(
                "put the ipBlock in its own list item (`- ipBlock: …`); items of the list are alternatives",
                "ipBlockは別のリスト項目(`- ipBlock: …`)に分けてください。リストの各項目はいずれかに一致すればよい条件です",
            ),
        );
    }
}

/// An IP block: a valid CIDR, and exceptions strictly inside it.
fn check_ip_block(block: &Node, entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(cidr_node) = block.get("cidr") else {
        return;
    };
    let Some(cidr_text) = cidr_node.as_str() else {
        return;
    };
    let cidr_path = path.field("cidr");
    if cidr_text.is_empty() {
        let pos = block
            .entry("cidr")
            .map_or(entry.key_pos, |cidr| cidr.key_pos);
        ctx.required(&cidr_path, pos, cidr_help());
        return;
    }
    let Some(cidr) = parse_cidr(cidr_text) else {
        ctx.invalid(
            &cidr_path,
            cidr_node,
            problem_text(CIDR_MESSAGE),
            cidr_help(),
        );
        return;
    };
    let Some(excepts) = block.get("except") else {
        return;
    };
    for (index, node) in excepts.items().iter().enumerate() {
        let Some(text) = node.as_str() else {
            continue;
        };
        let except_path = path.field("except").index(index);
        match parse_cidr(text) {
            None => ctx.invalid(&except_path, node, problem_text(CIDR_MESSAGE), cidr_help()),
            Some(except) if !cidr.strictly_contains(&except) => ctx.invalid(
                &except_path,
                node,
                Text::new("must be a strict subset of `cidr`", "`cidr`の真部分集合でなければなりません"),
                Text::new(
                    format!("except lists ranges inside {cidr_text} to leave out: use a smaller range within it, or drop the entry"),
                    format!("exceptには{cidr_text}の内側で除外する範囲を書きます。その中のより小さい範囲を指定するか、項目を削除してください"),
                ),
            ),
            Some(_) => {}
        }
    }
}

/// Help for a CIDR the server cannot parse.
fn cidr_help() -> Text {
    Text::new(
        "write an address range in CIDR notation: address/prefix-length, e.g. 10.0.0.0/16, 192.168.1.10/32 for one address, or 2001:db8::/64",
        "アドレス範囲をCIDR表記(アドレス/プレフィックス長)で書いてください。例: 10.0.0.0/16、単一アドレスなら192.168.1.10/32、2001:db8::/64",
    )
}

/// policyTypes: at most two, each Ingress or Egress.
fn check_policy_types(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(entry) = spec.entry("policyTypes") else {
        return;
    };
    let types = entry.value.items();
    let types_path = path.field("policyTypes");
    if types.len() > 2 {
        let shown: Vec<String> = types
            .iter()
            .map(|node| go_quote(node.as_str().unwrap_or(&node.raw)))
            .collect();
        ctx.invalid_shown(
            &types_path,
            entry.key_pos,
            &format!("[]networking.PolicyType{{{}}}", shown.join(", ")),
            Text::new(
                "may not specify more than two policyTypes",
                "policyTypesは2つまでしか指定できません",
            ),
            Text::new(
                "list each of Ingress and Egress at most once",
                "IngressとEgressをそれぞれ1回までにしてください",
            ),
        );
        return;
    }
    for (index, node) in types.iter().enumerate() {
        if let Some(kind) = node.as_str()
            && !matches!(kind, "Ingress" | "Egress")
        {
            ctx.unsupported(
                &types_path.index(index),
                node,
                &["Ingress", "Egress"],
                Text::new(
                    "Ingress restricts traffic into the selected Pods, Egress traffic out of them; the names are case-sensitive",
                    "Ingressは選択したPodへの通信を、Egressは選択したPodからの通信を制限します。大文字と小文字は区別されます",
                ),
            );
        }
    }
}

// ---------------------------------------------------------------------------
// CIDRs (Go's ParseCIDR in its "sloppy" form, which allows leading zeros)
// ---------------------------------------------------------------------------

/// A network: its (masked) address and prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cidr {
    network: IpAddr,
    prefix: u32,
}

impl Cidr {
    /// Whether `inner` lies inside this network and is strictly smaller.
    fn strictly_contains(&self, inner: &Cidr) -> bool {
        self.prefix < inner.prefix && mask(inner.network, self.prefix) == Some(self.network)
    }
}

/// Parses `address/prefix` as netutils.ParseCIDRSloppy does.
fn parse_cidr(text: &str) -> Option<Cidr> {
    let (address, prefix) = text.split_once('/')?;
    let address = parse_ip(address)?;
    let bits = if address.is_ipv4() { 32 } else { 128 };
    if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let prefix: u32 = prefix.parse().ok().filter(|length| *length <= bits)?;
    Some(Cidr {
        network: mask(address, prefix)?,
        prefix,
    })
}

/// An IPv4 address (leading zeros allowed, read as decimal) or IPv6 address.
fn parse_ip(text: &str) -> Option<IpAddr> {
    if text.contains(':') {
        return text.parse::<Ipv6Addr>().ok().map(IpAddr::V6);
    }
    let parts: Vec<&str> = text.split('.').collect();
    if parts.len() != 4 {
        return None;
    }
    let mut octets = [0u8; 4];
    for (octet, part) in octets.iter_mut().zip(&parts) {
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *octet = part.parse().ok()?;
    }
    Some(IpAddr::V4(Ipv4Addr::from(octets)))
}

/// The address with only its first `prefix` bits kept (`None` when the
/// prefix is longer than the address).
fn mask(address: IpAddr, prefix: u32) -> Option<IpAddr> {
    match address {
        IpAddr::V4(v4) => {
            let hidden = 32u32.checked_sub(prefix)?;
            let kept = u32::MAX.checked_shl(hidden).unwrap_or(0);
            Some(IpAddr::V4(Ipv4Addr::from(u32::from(v4) & kept)))
        }
        IpAddr::V6(v6) => {
            let hidden = 128u32.checked_sub(prefix)?;
            let kept = u128::MAX.checked_shl(hidden).unwrap_or(0);
            Some(IpAddr::V6(Ipv6Addr::from(u128::from(v6) & kept)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::test_support::{errors, one};

    fn policy(spec: &str) -> String {
        format!(
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector:\n    matchLabels:\n      app: db\n{spec}"
        )
    }

    #[test]
    fn valid_policy_is_clean() {
        let yaml = policy(
            "  policyTypes: [Ingress, Egress]\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels: {app: web}\n          namespaceSelector:\n            matchLabels: {team: shop}\n        - ipBlock:\n            cidr: 10.0.0.0/16\n            except: [10.0.1.0/24]\n      ports:\n        - {protocol: TCP, port: 5432}\n        - {port: 32000, endPort: 32768}\n        - {port: metrics}\n  egress:\n    - to:\n        - ipBlock: {cidr: \"2001:db8::/64\"}\n",
        );
        assert_eq!(errors(&yaml), []);
    }

    #[test]
    fn policy_types() {
        let (path, message) = one(&policy("  policyTypes: [Ingres]\n"));
        assert_eq!(path, "spec.policyTypes[0]");
        assert_eq!(
            message,
            "spec.policyTypes[0]: Unsupported value: \"Ingres\": supported values: \"Ingress\", \"Egress\""
        );
        let (path, message) = one(&policy("  policyTypes: [Ingress, Egress, Ingress]\n"));
        assert_eq!(path, "spec.policyTypes");
        assert_eq!(
            message,
            "spec.policyTypes: Invalid value: []networking.PolicyType{\"Ingress\", \"Egress\", \"Ingress\"}: may not specify more than two policyTypes"
        );
    }

    #[test]
    fn ports() {
        let rule = |port: &str| policy(&format!("  ingress:\n    - ports:\n        - {port}\n"));
        let (path, message) = one(&rule("{protocol: tcp, port: 80}"));
        assert_eq!(path, "spec.ingress[0].ports[0].protocol");
        assert_eq!(
            message,
            "spec.ingress[0].ports[0].protocol: Unsupported value: \"tcp\": supported values: \"TCP\", \"UDP\", \"SCTP\""
        );
        let (_, message) = one(&rule("{port: 70000}"));
        assert_eq!(
            message,
            "spec.ingress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive"
        );
        let (_, message) = one(&rule("{port: 9000, endPort: 8000}"));
        assert_eq!(
            message,
            "spec.ingress[0].ports[0].endPort: Invalid value: 9000: must be greater than or equal to `port`"
        );
        let (_, message) = one(&rule("{port: http, endPort: 8000}"));
        assert_eq!(
            message,
            "spec.ingress[0].ports[0].endPort: Invalid value: 8000: may not be specified when `port` is non-numeric"
        );
        let (_, message) = one(&rule("{endPort: 8000}"));
        assert_eq!(
            message,
            "spec.ingress[0].ports[0].endPort: Invalid value: 8000: may not be specified when `port` is not specified"
        );
        let (_, message) = one(&rule("{port: my_port}"));
        assert_eq!(
            message,
            "spec.ingress[0].ports[0].port: Invalid value: \"my_port\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"
        );
    }

    #[test]
    fn peers() {
        let rule = |peer: &str| policy(&format!("  egress:\n    - to:\n        - {peer}\n"));
        let (path, message) = one(&rule("{}"));
        assert_eq!(path, "spec.egress[0].to[0]");
        assert_eq!(
            message,
            "spec.egress[0].to[0]: Required value: must specify a peer"
        );
        let (path, message) = one(&rule("{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}"));
        assert_eq!(path, "spec.egress[0].to[0]");
        assert_eq!(
            message,
            "spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer"
        );
        let (path, message) = one(&rule("{ipBlock: {cidr: 10.0.0.0/33}}"));
        assert_eq!(path, "spec.egress[0].to[0].ipBlock.cidr");
        assert_eq!(
            message,
            "spec.egress[0].to[0].ipBlock.cidr: Invalid value: \"10.0.0.0/33\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"
        );
        let (_, message) = one(&rule(
            "{ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}}",
        ));
        assert_eq!(
            message,
            "spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"10.1.0.0/24\": must be a strict subset of `cidr`"
        );
        let (_, message) = one(&rule("{ipBlock: {cidr: \"\"}}"));
        assert_eq!(message, "spec.egress[0].to[0].ipBlock.cidr: Required value");
        let (path, _) = one(&rule("{namespaceSelector: {matchLabels: {team: \"a b\"}}}"));
        assert_eq!(
            path,
            "spec.egress[0].to[0].namespaceSelector.matchLabels[team]"
        );
    }

    #[test]
    fn cidr_parsing() {
        let cidr = |text: &str| parse_cidr(text);
        assert_eq!(
            cidr("10.0.0.1/8").map(|c| c.network.to_string()),
            Some("10.0.0.0".to_string())
        );
        assert!(cidr("010.000.0.0/8").is_some());
        assert!(cidr("10.0.0.0").is_none());
        assert!(cidr("10.0.0/8").is_none());
        assert!(cidr("256.0.0.0/8").is_none());
        assert!(cidr("10.0.0.0/-1").is_none());
        assert!(cidr("::/0").is_some());
        assert!(cidr("2001:db8::/129").is_none());
        let outer = cidr("10.0.0.0/16");
        let inner = cidr("10.0.5.0/24");
        assert!(
            outer
                .zip(inner)
                .is_some_and(|(o, i)| o.strictly_contains(&i))
        );
        assert!(outer.is_some_and(|o| !o.strictly_contains(&o)));
        let v6 = cidr("2001:db8::/64");
        assert!(outer.zip(v6).is_some_and(|(o, i)| !o.strictly_contains(&i)));
        assert!(v6.zip(outer).is_some_and(|(o, i)| !o.strictly_contains(&i)));
    }
}
