//! `reachability`: from every NetworkPolicy in the file, which of the named
//! Pods may open a TCP connection to which, on which port — both the
//! sender's egress and the receiver's ingress must allow it — compared with
//! the matrix the exercise expects. Every policy counts, so an extra
//! allow-all next to a default deny cannot hide.
//!
//! Modelled as the NetworkPolicy docs define it: a Pod is isolated for a
//! direction when a policy of its namespace selects it and lists that
//! direction in `policyTypes` (Ingress by default, Egress when egress rules
//! exist); policies add up; a peer is a podSelector (same namespace), a
//! namespaceSelector (namespaces carry their `kubernetes.io/metadata.name`
//! label), both, or an ipBlock (only 0.0.0.0/0 and ::/0 are taken to cover
//! Pod addresses, which other CIDRs cannot be known to).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Found, Miss, bad_param, kind, label_node, name, namespace, read};
use crate::grade::check::CheckError;
use crate::validate::{Node, Pos, Rule, Text, Value, Words, selects};

pub(in crate::grade) static REACHABILITY: Rule = Rule {
    id: "grade/reachability",
    summary: Words::new(
        "The NetworkPolicies allow exactly the expected connections between the named Pods",
        "NetworkPolicyが、指定したPod間で期待どおりの接続だけを許可している",
    ),
    help: Words::new(
        "a Pod selected by a policy for a direction accepts only what some policy for it allows; policies add up, so one allow-all opens everything a default deny closed",
        "ある方向でポリシーに選択されたPodは、いずれかのポリシーが許可した通信だけを受け付けます。ポリシーは加算されるため、allow-allが1つあるとデフォルト拒否で閉じたものがすべて開きます",
    ),
    docs: "https://kubernetes.io/docs/concepts/services-networking/network-policies/",
    ..Rule::GRADING
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    /// The namespace of the named Pods (default: `default`).
    namespace: Option<String>,
    /// Pod name → its labels.
    pods: BTreeMap<String, BTreeMap<String, String>>,
    /// `web -> api:8080`: every connection that must be allowed.
    #[serde(default)]
    allowed: Vec<String>,
    /// More ports to try (those of `allowed` are tried anyway).
    #[serde(default)]
    ports: Vec<u16>,
}

/// One connection: from a named Pod to another on a TCP port.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Connection {
    from: String,
    to: String,
    port: u16,
}

/// The check's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Reachability {
    namespace: String,
    pods: BTreeMap<String, Node>,
    allowed: Vec<Connection>,
    ports: Vec<u16>,
}

impl Reachability {
    pub(super) fn parse(params: &Node) -> Result<Reachability, CheckError> {
        let raw: Raw = read(params)?;
        if raw.pods.len() < 2 {
            return Err(bad_param(params, "pods", "name at least two Pods".into()));
        }
        let mut allowed = Vec::new();
        for line in &raw.allowed {
            let connection = parse_connection(line)
                .filter(|c| raw.pods.contains_key(&c.from) && raw.pods.contains_key(&c.to))
                .ok_or_else(|| {
                    bad_param(
                        params,
                        "allowed",
                        format!(
                            "`{line}`: write `<pod> -> <pod>:<port>` with Pods named under `pods`"
                        ),
                    )
                })?;
            allowed.push(connection);
        }
        let mut ports: Vec<u16> = allowed.iter().map(|c| c.port).chain(raw.ports).collect();
        // One more port nobody asked for catches rules that open every port.
        let other = (1..).find(|p| !ports.contains(p)).unwrap_or(1);
        ports.push(other);
        ports.sort_unstable();
        ports.dedup();
        Ok(Reachability {
            namespace: raw.namespace.unwrap_or_else(|| "default".to_string()),
            pods: raw
                .pods
                .iter()
                .map(|(name, labels)| (name.clone(), label_node(labels)))
                .collect(),
            allowed,
            ports,
        })
    }

    pub(super) fn message(&self) -> Text {
        let list: Vec<String> = self
            .allowed
            .iter()
            .map(|c| format!("{} → {}:{}", c.from, c.to, c.port))
            .collect();
        if list.is_empty() {
            Text::new(
                "No connection between the named Pods is allowed",
                "指定したPod間の接続がすべて拒否される",
            )
        } else {
            let list = list.join(", ");
            Text::new(
                format!("Only these connections are allowed: {list}"),
                format!("許可される接続がこれだけである: {list}"),
            )
        }
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        let pods: Vec<&str> = self.pods.keys().map(String::as_str).collect();
        let ports: Vec<String> = self.ports.iter().map(u16::to_string).collect();
        vec![
            Text::new(
                format!(
                    "tries every connection between the Pods {} on TCP ports {}, through every NetworkPolicy of the file (ingress at the receiver and egress at the sender)",
                    pods.join(", "),
                    ports.join(", ")
                ),
                format!(
                    "ファイル内のすべてのNetworkPolicyを通して、Pod {} 間の接続をTCPポート{}で試します(受信側のingressと送信側のegress)",
                    pods.join("、"),
                    ports.join("、")
                ),
            ),
            Text::new(
                "passes: any set of policies (one or several, any order, labels or namespace selectors) that allows exactly the listed connections",
                "合格: 列挙した接続だけを許可するポリシーの組み合わせなら、数や順序、ラベルや名前空間セレクターの使い方は問いません",
            ),
            Text::new(
                "fails: a connection the exercise expects that is blocked, or any other connection that is allowed — an extra allow-all policy included",
                "不合格: 期待する接続が遮断される、またはそれ以外の接続が許可される(余分なallow-allポリシーを含む)",
            ),
        ]
    }

    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        let policies: Vec<&Node> = objects
            .iter()
            .copied()
            .filter(|o| kind(o) == "NetworkPolicy")
            .collect();
        for from in self.pods.keys() {
            for to in self.pods.keys().filter(|to| *to != from) {
                for &port in &self.ports {
                    let connection = Connection {
                        from: from.clone(),
                        to: to.clone(),
                        port,
                    };
                    let expected = self.allowed.contains(&connection);
                    let verdict = self.decide(&policies, &connection);
                    if verdict.allowed != expected {
                        return Err(self.miss(objects, &connection, expected, verdict));
                    }
                }
            }
        }
        Ok(policies
            .first()
            .map_or(super::nothing_at(objects), |p| p.pos))
    }

    /// Whether the connection is allowed, and the policy that decides it.
    fn decide(&self, policies: &[&Node], c: &Connection) -> Verdict {
        let egress = self.direction(policies, &c.from, &c.to, c.port, Direction::Egress);
        if !egress.allowed {
            return egress;
        }
        let ingress = self.direction(policies, &c.to, &c.from, c.port, Direction::Ingress);
        if !ingress.allowed {
            return ingress;
        }
        Verdict {
            allowed: true,
            decided_at: ingress.decided_at.or(egress.decided_at),
            isolated: ingress.isolated || egress.isolated,
        }
    }

    /// One direction: `subject` is the Pod the policies select, `peer` the other end.
    fn direction(
        &self,
        policies: &[&Node],
        subject: &str,
        peer: &str,
        port: u16,
        direction: Direction,
    ) -> Verdict {
        let mut isolating = None;
        for policy in policies {
            if namespace(policy) != self.namespace || !applies(policy, direction) {
                continue;
            }
            let spec = policy.present("spec");
            let selector = spec.and_then(|s| s.present("podSelector"));
            let empty = Node {
                value: Value::Map(Vec::new()),
                pos: Pos::START,
                raw: String::new(),
            };
            if !selects(selector.unwrap_or(&empty), self.pods.get(subject)) {
                continue;
            }
            isolating.get_or_insert(policy.pos);
            let rules = spec
                .and_then(|s| s.present(direction.rules()))
                .map(Node::items)
                .unwrap_or_default();
            if let Some(rule) = rules
                .iter()
                .find(|rule| self.peers_match(rule, direction, peer) && ports_match(rule, port))
            {
                return Verdict {
                    allowed: true,
                    decided_at: Some(rule.pos),
                    isolated: true,
                };
            }
        }
        Verdict {
            allowed: isolating.is_none(),
            decided_at: isolating,
            isolated: isolating.is_some(),
        }
    }

    /// Whether a rule's `from`/`to` admits the peer (no list admits anyone).
    fn peers_match(&self, rule: &Node, direction: Direction, peer: &str) -> bool {
        let Some(peers) = rule.present(direction.peers()) else {
            return true;
        };
        peers
            .items()
            .iter()
            .any(|entry| self.peer_matches(entry, peer))
    }

    fn peer_matches(&self, entry: &Node, peer: &str) -> bool {
        if let Some(block) = entry.present("ipBlock") {
            return matches!(block.text("cidr"), Some("0.0.0.0/0" | "::/0"));
        }
        let pod_selector = entry.present("podSelector");
        let ns_selector = entry.present("namespaceSelector");
        if pod_selector.is_none() && ns_selector.is_none() {
            return false;
        }
        let namespace_ok = match ns_selector {
            None => true,
            Some(selector) => {
                let mut labels = BTreeMap::new();
                labels.insert(
                    "kubernetes.io/metadata.name".to_string(),
                    self.namespace.clone(),
                );
                selects(selector, Some(&label_node(&labels)))
            }
        };
        let pod_ok = pod_selector.is_none_or(|s| selects(s, self.pods.get(peer)));
        namespace_ok && pod_ok
    }

    fn miss(&self, objects: &[&Node], c: &Connection, expected: bool, verdict: Verdict) -> Miss {
        let (from, to, port) = (&c.from, &c.to, c.port);
        let at = verdict.decided_at.unwrap_or(super::nothing_at(objects));
        let named = |pos: Pos| {
            objects
                .iter()
                .find(|o| o.pos <= pos)
                .map(|o| name(o).to_string())
                .unwrap_or_default()
        };
        if expected {
            let policy = named(at);
            Miss::new(
                at,
                format!(
                    "{from} → {to}:{port} should be allowed, but policy `{policy}` isolates a side and no rule lets it through"
                ),
                format!(
                    "{from} → {to}:{port} は許可されるべきですが、ポリシー`{policy}`が一方を分離しており、通すルールがありません"
                ),
            )
        } else if verdict.isolated {
            Miss::new(
                at,
                format!("{from} → {to}:{port} should be denied, but this rule allows it"),
                format!("{from} → {to}:{port} は拒否されるべきですが、このルールが許可しています"),
            )
        } else {
            Miss::new(
                at,
                format!(
                    "{from} → {to}:{port} should be denied, but no policy selects {to} for Ingress, so everything may reach it"
                ),
                format!(
                    "{from} → {to}:{port} は拒否されるべきですが、{to}をIngressで選択するポリシーがないため、すべての通信が届きます"
                ),
            )
        }
    }
}

/// The outcome of one direction or a whole connection.
struct Verdict {
    allowed: bool,
    /// The rule that allows it, else the first policy that isolates.
    decided_at: Option<Pos>,
    /// Whether some policy selects the Pod for the direction.
    isolated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Ingress,
    Egress,
}

impl Direction {
    fn rules(self) -> &'static str {
        match self {
            Direction::Ingress => "ingress",
            Direction::Egress => "egress",
        }
    }

    fn peers(self) -> &'static str {
        match self {
            Direction::Ingress => "from",
            Direction::Egress => "to",
        }
    }

    fn type_name(self) -> &'static str {
        match self {
            Direction::Ingress => "Ingress",
            Direction::Egress => "Egress",
        }
    }
}

/// Whether a policy governs a direction: `policyTypes` when written, else
/// Ingress always and Egress when it has egress rules.
fn applies(policy: &Node, direction: Direction) -> bool {
    let spec = policy.present("spec");
    match spec.and_then(|s| s.present("policyTypes")) {
        Some(types) => types
            .items()
            .iter()
            .any(|t| t.as_str() == Some(direction.type_name())),
        None => match direction {
            Direction::Ingress => true,
            Direction::Egress => spec.is_some_and(|s| s.present("egress").is_some()),
        },
    }
}

/// Whether a rule's `ports` admit a TCP port (no list admits all).
fn ports_match(rule: &Node, port: u16) -> bool {
    let Some(ports) = rule.present("ports") else {
        return true;
    };
    ports.items().iter().any(|entry| {
        let protocol = entry.text("protocol").unwrap_or("TCP");
        if protocol != "TCP" {
            return false;
        }
        match entry.present("port") {
            None => true,
            Some(p) => match p.value {
                Value::Int(start) => {
                    let end = entry.int("endPort").unwrap_or(start);
                    (start..=end).contains(&i64::from(port))
                }
                _ => false,
            },
        }
    })
}

/// `web -> api:8080`.
fn parse_connection(line: &str) -> Option<Connection> {
    let (from, rest) = line.split_once("->")?;
    let (to, port) = rest.trim().rsplit_once(':')?;
    Some(Connection {
        from: from.trim().to_string(),
        to: to.trim().to_string(),
        port: port.trim().parse().ok()?,
    })
}
