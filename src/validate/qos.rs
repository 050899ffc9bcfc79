//! A Pod's Quality of Service class, computed as the kubelet does
//! (pkg/apis/core/helper/qos): from the cpu and memory requests and limits
//! of every init and regular container, or, when the Pod sets Pod-level
//! `spec.resources` (PodLevelResources, beta and on from 1.34), from those.
//! The lint that warns about missing resources and the grader's `qos-class`
//! check both ask here, so they cannot disagree.

use super::finding::{Pos, Text};
use super::go::fmt::go_quote;
use super::go::quantity::quantity_of;
use super::path::FieldPath;
use super::pod::{ContainerView, PodView};
use super::yaml::Node;

/// The resources the class is computed from.
const QOS_RESOURCES: [&str; 2] = ["cpu", "memory"];

/// A Pod's Quality of Service class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QosClass {
    Guaranteed,
    Burstable,
    BestEffort,
}

impl QosClass {
    /// The class as Kubernetes writes it in `status.qosClass`.
    pub fn name(self) -> &'static str {
        match self {
            QosClass::Guaranteed => "Guaranteed",
            QosClass::Burstable => "Burstable",
            QosClass::BestEffort => "BestEffort",
        }
    }

    /// The class named `name` as `status.qosClass` writes it.
    pub fn parse(name: &str) -> Option<QosClass> {
        [
            QosClass::Guaranteed,
            QosClass::Burstable,
            QosClass::BestEffort,
        ]
        .into_iter()
        .find(|class| class.name() == name)
    }
}

/// The class and, for a Pod that is not Guaranteed, the first place that
/// keeps it from being so (for BestEffort: none is needed).
#[derive(Debug, Clone, PartialEq)]
pub struct Qos {
    pub class: QosClass,
    /// Where and why the Pod misses Guaranteed (Burstable) or where it sets
    /// a resource (Guaranteed, Burstable): the field that decides the class.
    pub decided_at: Option<(FieldPath, Pos, Text)>,
    /// Whether Pod-level `spec.resources` decided it.
    pub pod_level: bool,
}

/// The QoS class of a Pod.
pub fn qos(pod: &PodView<'_>) -> Qos {
    if let Some(resources) = pod_level(pod) {
        let path = pod.spec_path.field("resources");
        let mut qos = class_of(&[Resources {
            node: resources,
            path,
            owner: Text::new("the Pod", "Pod"),
        }]);
        qos.pod_level = true;
        return qos;
    }
    let containers: Vec<Resources<'_>> = pod.running_containers().map(Resources::of).collect();
    class_of(&containers)
}

/// Pod-level `spec.resources` when it sets a cpu or memory request or limit.
pub fn pod_level<'a>(pod: &PodView<'a>) -> Option<&'a Node> {
    let resources = pod.get("resources")?;
    sets_any(resources).then_some(resources)
}

/// Whether a container (or the Pod) sets a cpu or memory request or limit.
pub fn container_sets_any(container: &ContainerView<'_>) -> bool {
    container.get("resources").is_some_and(sets_any)
}

/// The `resources` of a container or of the Pod, and whose they are.
struct Resources<'a> {
    node: &'a Node,
    path: FieldPath,
    owner: Text,
}

impl<'a> Resources<'a> {
    fn of(container: &ContainerView<'a>) -> Resources<'a> {
        let name = go_quote(container.name());
        Resources {
            node: container.get("resources").unwrap_or(container.node),
            path: container.path.field("resources"),
            owner: Text::new(format!("container {name}"), format!("コンテナ{name}")),
        }
    }

    fn amount(&self, list: &str, resource: &str) -> Option<&'a Node> {
        self.node.present(list)?.present(resource)
    }
}

fn sets_any(resources: &Node) -> bool {
    QOS_RESOURCES.iter().any(|resource| {
        ["requests", "limits"].iter().any(|list| {
            resources
                .present(list)
                .and_then(|l| l.present(resource))
                .is_some()
        })
    })
}

/// Guaranteed when every owner has cpu and memory limits with requests equal
/// to them (a missing request defaults to its limit); BestEffort when none
/// sets anything; else Burstable, with the first owner that misses Guaranteed.
fn class_of(owners: &[Resources<'_>]) -> Qos {
    let set = owners.iter().find_map(first_setting);
    let Some(set) = set else {
        return Qos {
            class: QosClass::BestEffort,
            decided_at: None,
            pod_level: false,
        };
    };
    match owners.iter().find_map(why_not_guaranteed) {
        Some(reason) => Qos {
            class: QosClass::Burstable,
            decided_at: Some(reason),
            pod_level: false,
        },
        None => Qos {
            class: QosClass::Guaranteed,
            decided_at: Some(set),
            pod_level: false,
        },
    }
}

/// The first cpu or memory request or limit an owner sets.
fn first_setting(owner: &Resources<'_>) -> Option<(FieldPath, Pos, Text)> {
    ["limits", "requests"].iter().find_map(|list| {
        QOS_RESOURCES.iter().find_map(|resource| {
            let node = owner.amount(list, resource)?;
            let owner_en = &owner.owner.en;
            let owner_ja = &owner.owner.ja;
            Some((
                owner.path.field(list).field(resource),
                node.pos,
                Text::new(
                    format!("{owner_en} sets {list}.{resource}"),
                    format!("{owner_ja}が{list}.{resource}を設定しています"),
                ),
            ))
        })
    })
}

/// Why an owner keeps the Pod from being Guaranteed, at the deciding field.
fn why_not_guaranteed(owner: &Resources<'_>) -> Option<(FieldPath, Pos, Text)> {
    let (en, ja) = (&owner.owner.en, &owner.owner.ja);
    QOS_RESOURCES.iter().find_map(|resource| {
        let Some(limit) = owner.amount("limits", resource) else {
            let pos = owner
                .node
                .present("limits")
                .map_or(owner.node.pos, |l| l.pos);
            return Some((
                owner.path.field("limits").field(resource),
                pos,
                Text::new(
                    format!("{en} has no {resource} limit"),
                    format!("{ja}に{resource}のリソース制限がありません"),
                ),
            ));
        };
        let request = owner.amount("requests", resource)?;
        match (quantity_of(request), quantity_of(limit)) {
            (Some(Ok(r)), Some(Ok(l))) if r != l => Some((
                owner.path.field("requests").field(resource),
                request.pos,
                Text::new(
                    format!("{en} requests {resource} {r} but limits it to {l}"),
                    format!("{ja}の{resource}のリソース要求{r}がリソース制限{l}と異なります"),
                ),
            )),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::objects;

    fn class(yaml: &str) -> QosClass {
        let objects = objects(yaml);
        let object = &objects[0];
        let kind = object.text("kind").unwrap_or_default();
        qos(&PodView::of(kind, object).unwrap()).class
    }

    fn pod(containers: &str) -> String {
        format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n{containers}")
    }

    const FULL: &str = "    resources:\n      requests: {cpu: 500m, memory: 256Mi}\n      limits: {cpu: 500m, memory: 256Mi}\n";

    #[test]
    fn guaranteed_needs_equal_cpu_and_memory_in_every_container() {
        let two = pod(&format!(
            "  containers:\n  - name: a\n    image: x\n{FULL}  - name: b\n    image: y\n    resources:\n      limits: {{cpu: '1', memory: 1Gi}}\n"
        ));
        assert_eq!(
            class(&two),
            QosClass::Guaranteed,
            "values may differ per container"
        );
        let units = pod(
            "  containers:\n  - name: a\n    image: x\n    resources:\n      requests: {cpu: '0.5', memory: 268435456}\n      limits: {cpu: 500m, memory: 256Mi}\n",
        );
        assert_eq!(
            class(&units),
            QosClass::Guaranteed,
            "values compare by value"
        );
        let init = pod(&format!(
            "  initContainers:\n  - name: i\n    image: z\n  containers:\n  - name: a\n    image: x\n{FULL}"
        ));
        assert_eq!(class(&init), QosClass::Burstable, "init containers count");
        assert_eq!(
            class(&pod("  containers:\n  - name: a\n    image: x\n")),
            QosClass::BestEffort
        );
        let cpu_only = pod(
            "  containers:\n  - name: a\n    image: x\n    resources:\n      requests: {cpu: 100m}\n",
        );
        assert_eq!(class(&cpu_only), QosClass::Burstable);
    }

    #[test]
    fn pod_level_resources_decide_when_set() {
        let yaml = pod(
            "  resources:\n    limits: {cpu: '1', memory: 1Gi}\n  containers:\n  - name: a\n    image: x\n  - name: b\n    image: y\n",
        );
        assert_eq!(class(&yaml), QosClass::Guaranteed);
    }
}
