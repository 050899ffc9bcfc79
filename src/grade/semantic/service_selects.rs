//! `service-selects`: a Service (by name, optionally headless) selects the
//! Pods of a named workload of the same namespace and has a port whose
//! target reaches one of their container ports, by number or by name. A
//! Service whose selector matches no Pod gets no endpoints: it looks right
//! and routes nowhere.

use serde::Deserialize;

use super::{Found, Miss, kind, name, namespace, no_object, pods};
use crate::validate::{Node, PodView, Rule, Text, Value, Words};

pub(in crate::grade) static SERVICE_SELECTS: Rule = Rule {
    id: "grade/service-selects",
    summary: Words::new(
        "A Service selects a workload's Pods and reaches one of their ports",
        "ServiceがワークロードのPodを選択し、そのポートに届く",
    ),
    help: Words::new(
        "make every pair of the Service's `selector` a label of the workload's Pod template, and point a port's `targetPort` at a containerPort (number or name)",
        "Serviceの`selector`のすべての組をワークロードのPodテンプレートのラベルにし、ポートの`targetPort`をcontainerPort(番号または名前)に向けてください",
    ),
    docs: "https://kubernetes.io/docs/concepts/services-networking/service/",
    ..Rule::GRADING
};

/// A container port by number or by name.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub(super) enum PortRef {
    Number(i64),
    Name(String),
}

impl std::fmt::Display for PortRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PortRef::Number(n) => write!(f, "{n}"),
            PortRef::Name(name) => write!(f, "{name}"),
        }
    }
}

/// The check's parameters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceSelects {
    /// The Service's name; the first Service when left out.
    service: Option<String>,
    /// `true`: the Service must be headless (`clusterIP: None`); `false`: not.
    headless: Option<bool>,
    /// The name of the workload (or Pod) whose Pods it must select.
    workload: String,
    /// The container port the Service must reach.
    port: Option<PortRef>,
}

impl ServiceSelects {
    fn service_words(&self) -> (String, String) {
        let headless = match self.headless {
            Some(true) => (" (headless)", "(ヘッドレス)"),
            Some(false) => (" (with a cluster IP)", "(クラスターIPあり)"),
            None => ("", ""),
        };
        match &self.service {
            Some(s) => (
                format!("Service `{s}`{}", headless.0),
                format!("Service`{s}`{}", headless.1),
            ),
            None => (
                format!("a Service{}", headless.0),
                format!("Service{}", headless.1),
            ),
        }
    }

    pub(super) fn message(&self) -> Text {
        let (svc_en, svc_ja) = self.service_words();
        let w = &self.workload;
        let (port_en, port_ja) = match &self.port {
            Some(p) => (
                format!(" and reaches their port {p}"),
                format!("、そのポート{p}に届く"),
            ),
            None => (String::new(), String::new()),
        };
        Text::new(
            format!("{svc_en} selects the Pods of `{w}`{port_en}"),
            format!("{svc_ja}が`{w}`のPodを選択し{port_ja}"),
        )
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        vec![
            Text::new(
                "passes: every selector pair is a label of the workload's Pod template (extra template labels are fine), both in one namespace, and a port's targetPort (or its port when targetPort is left out) is the wanted port number, or the name of a declared containerPort",
                "合格: selectorのすべての組がワークロードのPodテンプレートのラベルにあり(テンプレート側の余分なラベルは構いません)、同じ名前空間にあり、いずれかのポートのtargetPort(省略時はport)が求められたポート番号か、宣言されたcontainerPortの名前であること",
            ),
            Text::new(
                "fails: a selector that matches no Pod, a missing or empty selector, a cluster IP where a headless Service is asked for, a targetPort no container listens on",
                "不合格: どのPodにも一致しないselector、selectorがないか空、ヘッドレスが求められているのにクラスターIPがある、どのコンテナも待ち受けていないtargetPort",
            ),
        ]
    }

    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        let services: Vec<&Node> = objects
            .iter()
            .copied()
            .filter(|o| kind(o) == "Service")
            .filter(|o| {
                self.service
                    .as_deref()
                    .is_none_or(|wanted| name(o) == wanted)
            })
            .collect();
        if services.is_empty() {
            let wanted = self.service.as_deref().unwrap_or("");
            return Err(no_object(
                objects,
                &format!("Service {wanted}"),
                &format!("Service {wanted}"),
            ));
        }
        let workloads = pods(objects);
        let Some((workload, pod)) = workloads.iter().find(|(o, _)| name(o) == self.workload) else {
            let w = &self.workload;
            return Err(no_object(
                objects,
                &format!("workload named `{w}`"),
                &format!("`{w}`という名前のワークロード"),
            ));
        };
        let mut first_miss = None;
        for service in services {
            match self.judge(service, workload, pod) {
                Ok(pos) => return Ok(pos),
                Err(miss) => {
                    first_miss.get_or_insert(miss);
                }
            }
        }
        Err(first_miss.unwrap_or_else(|| no_object(objects, "Service", "Service")))
    }

    fn judge(&self, service: &Node, workload: &Node, pod: &PodView<'_>) -> Found {
        let svc = name(service);
        let spec = service.present("spec");
        let spec_pos = spec.map_or(service.pos, |s| s.pos);
        if let Some(headless) = self.headless {
            // The server fills clusterIP from clusterIPs[0] when only the list is given.
            let ip = spec.and_then(|s| {
                s.present("clusterIP")
                    .or_else(|| s.present("clusterIPs").and_then(|ips| ips.items().first()))
            });
            let is_headless = ip.and_then(Node::as_str) == Some("None");
            if headless != is_headless {
                let at = ip.map_or(spec_pos, |n| n.pos);
                return Err(if headless {
                    Miss::new(
                        at,
                        format!(
                            "Service `{svc}` gets a cluster IP: a headless Service sets `clusterIP: None`"
                        ),
                        format!(
                            "Service`{svc}`にはクラスターIPが割り当てられます。ヘッドレスServiceには`clusterIP: None`を指定します"
                        ),
                    )
                } else {
                    Miss::new(
                        at,
                        format!(
                            "Service `{svc}` is headless; this exercise asks for one with a cluster IP"
                        ),
                        format!(
                            "Service`{svc}`はヘッドレスです。この演習ではクラスターIPを持つServiceが求められています"
                        ),
                    )
                });
            }
        }
        if namespace(service) != namespace(workload) {
            let (a, b) = (namespace(service), namespace(workload));
            return Err(Miss::new(
                service.present("metadata").map_or(service.pos, |m| m.pos),
                format!(
                    "Service `{svc}` is in namespace {a} but `{}` is in {b}: a Service selects Pods of its own namespace only",
                    self.workload
                ),
                format!(
                    "Service`{svc}`は名前空間{a}に、`{}`は{b}にあります。Serviceが選択するのは同じ名前空間のPodだけです",
                    self.workload
                ),
            ));
        }
        selector_matches(svc, spec, spec_pos, pod)?;
        match &self.port {
            Some(port) => reaches(svc, spec, spec_pos, pod, port),
            None => Ok(service.pos),
        }
    }
}

/// Every selector pair must be a label of the Pod template.
fn selector_matches(
    svc: &str,
    spec: Option<&Node>,
    spec_pos: crate::validate::Pos,
    pod: &PodView<'_>,
) -> Result<(), Miss> {
    let selector = spec.and_then(|s| s.present("selector"));
    let pairs = selector.map(Node::entries).unwrap_or_default();
    if pairs.is_empty() {
        return Err(Miss::new(
            selector.map_or(spec_pos, |s| s.pos),
            format!("Service `{svc}` has no selector, so no Pod becomes its endpoint"),
            format!("Service`{svc}`にselectorがないため、どのPodもエンドポイントになりません"),
        ));
    }
    let labels = pod.metadata("labels").map(|(labels, _)| labels);
    for pair in pairs {
        let wanted = label_text(&pair.value);
        let actual = labels.and_then(|l| l.get(&pair.key)).map(label_text);
        if actual != Some(wanted.clone()) {
            let shown = labels
                .map(|l| {
                    l.entries()
                        .iter()
                        .map(|e| format!("{}={}", e.key, label_text(&e.value)))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            let key = &pair.key;
            return Err(Miss::new(
                pair.value.pos,
                format!(
                    "selector {key}={wanted} of Service `{svc}` matches none of the Pods (their labels: {shown}), so it routes nowhere"
                ),
                format!(
                    "Service`{svc}`のselector {key}={wanted} はどのPodにも一致しません(Podのラベル: {shown})。トラフィックはどこにも届きません"
                ),
            ));
        }
    }
    Ok(())
}

fn label_text(node: &Node) -> String {
    match &node.value {
        Value::Str(s) => s.clone(),
        _ => node.raw.clone(),
    }
}

/// Some Service port's target is the wanted container port.
fn reaches(
    svc: &str,
    spec: Option<&Node>,
    spec_pos: crate::validate::Pos,
    pod: &PodView<'_>,
    wanted: &PortRef,
) -> Found {
    let ports = spec.and_then(|s| s.present("ports"));
    let container_ports: Vec<(Option<&str>, Option<i64>)> = pod
        .running_containers()
        .flat_map(|c| c.get("ports").map(Node::items).unwrap_or_default())
        .map(|p| (p.text("name"), p.int("containerPort")))
        .collect();
    for port in ports.map(Node::items).unwrap_or_default() {
        let target = port.present("targetPort").or_else(|| port.present("port"));
        let Some(target) = target else { continue };
        // A number reaches that port of the Pod whether or not a container
        // declares it; a name must be a declared container port.
        let reached = match &target.value {
            Value::Int(n) => match wanted {
                PortRef::Number(w) => w == n,
                PortRef::Name(w) => container_ports
                    .iter()
                    .any(|(name, number)| *name == Some(w.as_str()) && *number == Some(*n)),
            },
            Value::Str(s) => container_ports
                .iter()
                .find(|(name, _)| *name == Some(s.as_str()))
                .is_some_and(|(_, number)| match wanted {
                    PortRef::Number(w) => *number == Some(*w),
                    PortRef::Name(w) => w == s,
                }),
            _ => false,
        };
        if reached {
            return Ok(port.pos);
        }
    }
    Err(Miss::new(
        ports.map_or(spec_pos, |p| p.pos),
        format!("no port of Service `{svc}` targets container port {wanted} of the selected Pods"),
        format!(
            "Service`{svc}`のどのポートも、選択したPodのコンテナポート{wanted}を指していません"
        ),
    ))
}
