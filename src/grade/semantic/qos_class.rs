//! `qos-class`: the Pod's Quality of Service class as the kubelet computes
//! it (init containers and sidecars included, values compared by quantity,
//! a limit alone counting as the request, Pod-level resources deciding when
//! set). Containers may use different values and stay Guaranteed.

use serde::Deserialize;

use super::{Found, Miss, bad_param, no_object, pods, read};
use crate::grade::check::CheckError;
use crate::validate::qos::{QosClass, qos};
use crate::validate::{Node, Rule, Text, Words};

pub(in crate::grade) static QOS_CLASS: Rule = Rule {
    id: "grade/qos-class",
    summary: Words::new(
        "The Pods have the asked QoS class, computed as the kubelet does",
        "Podが求められたQoSクラスになっている(kubeletと同じ計算)",
    ),
    help: Words::new(
        "Guaranteed: every container, init containers and sidecars included, sets cpu and memory limits and requests equal to them (each container may use its own values); BestEffort: none sets any",
        "Guaranteed: Initコンテナやサイドカーを含むすべてのコンテナがcpuとmemoryのリソース制限を設定し、リソース要求をそれと同じにします(値はコンテナごとに違って構いません)。BestEffort: どのコンテナも何も設定しません",
    ),
    docs: "https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/",
    ..Rule::GRADING
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    class: String,
}

/// The check's parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QosCheck {
    class: QosClass,
}

impl QosCheck {
    pub(super) fn parse(params: &Node) -> Result<QosCheck, CheckError> {
        let raw: Raw = read(params)?;
        let class = QosClass::parse(&raw.class).ok_or_else(|| {
            bad_param(
                params,
                "class",
                format!(
                    "`{}` is not a QoS class: Guaranteed, Burstable or BestEffort",
                    raw.class
                ),
            )
        })?;
        Ok(QosCheck { class })
    }

    pub(super) fn message(&self) -> Text {
        let class = self.class.name();
        Text::new(
            format!("The Pod's QoS class is {class}"),
            format!("PodのQoSクラスが{class}である"),
        )
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        vec![
            Text::new(
                "computed as the kubelet does: every init and regular container counts; a limit without a request counts as both; 0.5 and 500m, 268435456 and 256Mi are the same value; Pod-level spec.resources decide when set",
                "kubeletと同じ計算: Initコンテナと通常のコンテナをすべて数えます。要求のない制限は要求と制限の両方とみなします。0.5と500m、268435456と256Miは同じ値です。Pod単位のspec.resourcesがあればそれで決まります",
            ),
            Text::new(
                "Guaranteed does not need the same values in every container: each one needs requests equal to its own limits",
                "Guaranteedでも全コンテナが同じ値である必要はありません。各コンテナで要求と制限が等しければよいのです",
            ),
        ]
    }

    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        let pods = pods(objects);
        let Some((first, _)) = pods.first() else {
            return Err(no_object(objects, "Pod or workload", "Podやワークロード"));
        };
        for (_, pod) in &pods {
            let found = qos(pod);
            if found.class != self.class {
                let (at, why) = match found.decided_at {
                    Some((_, pos, why)) => (pos, Some(why)),
                    None => (pod.spec.pos, None),
                };
                let (actual, wanted) = (found.class.name(), self.class.name());
                let (why_en, why_ja) = why.map_or((String::new(), String::new()), |w| {
                    (format!(": {}", w.en), format!("。{}", w.ja))
                });
                return Err(Miss::new(
                    at,
                    format!("the Pod's QoS class is {actual}, not {wanted}{why_en}"),
                    format!("PodのQoSクラスは{actual}で、{wanted}ではありません{why_ja}"),
                ));
            }
        }
        Ok(first.pos)
    }
}
