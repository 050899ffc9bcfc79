//! Semantic checks: what a pattern over single fields cannot say, because
//! the answer depends on what the fields mean together — which volume two
//! containers really share, whether a container runs for the Pod's life,
//! which Pods a Service reaches, the QoS class the kubelet computes, the
//! times a schedule fires, which traffic the NetworkPolicies let through,
//! how long a probe waits, whether a shutdown has time to finish, after
//! which exit codes a container is restarted.
//! Each compares meaning, so every spelling of a right answer passes, and
//! each failure names the field that decides it.

mod address;
mod config_source;
mod graceful_shutdown;
mod image;
mod pod_security;
mod probe;
mod qos_class;
mod quantity;
mod reachability;
mod restarts_on;
mod schedule;
mod service_selects;
mod sidecar;
mod volume_shared;

use serde::Deserialize;

use super::check::CheckError;
use crate::validate::{self, Node, PodView, Pos, Rule, Text, Value};

pub(super) use address::ADDRESS;
pub(super) use config_source::{CONFIG_ENV, CONFIG_FILE};
pub(super) use graceful_shutdown::GRACEFUL_SHUTDOWN;
pub(super) use image::IMAGE;
pub(super) use pod_security::POD_SECURITY;
pub(super) use probe::PROBE;
pub(super) use qos_class::QOS_CLASS;
pub(super) use quantity::QUANTITY;
pub(super) use reachability::REACHABILITY;
pub(super) use restarts_on::RESTARTS_ON;
pub(super) use schedule::SCHEDULE;
pub(super) use service_selects::SERVICE_SELECTS;
pub(super) use sidecar::SIDECAR;
pub(super) use volume_shared::VOLUME_SHARED;

/// A semantic check with its parameters from exercise.yaml.
#[derive(Debug, Clone, PartialEq)]
pub enum Semantic {
    VolumeShared(volume_shared::VolumeShared),
    Sidecar(sidecar::Sidecar),
    ServiceSelects(service_selects::ServiceSelects),
    QosClass(qos_class::QosCheck),
    Schedule(schedule::ScheduleCheck),
    Image(image::ImageCheck),
    Quantity(quantity::QuantityCheck),
    Reachability(reachability::Reachability),
    Address(address::AddressCheck),
    PodSecurity(pod_security::PodSecurityCheck),
    ConfigEnv(config_source::ConfigEnv),
    ConfigFile(config_source::ConfigFile),
    Probe(probe::ProbeCheck),
    GracefulShutdown(graceful_shutdown::GracefulShutdown),
    RestartsOn(restarts_on::RestartsOn),
}

/// The rule names of the semantic checks in exercise.yaml.
pub(super) const NAMES: [&str; 15] = [
    "volume-shared",
    "sidecar",
    "service-selects",
    "qos-class",
    "schedule",
    "image",
    "quantity",
    "reachability",
    "address",
    "pod-security",
    "config-env",
    "config-file",
    "probe",
    "graceful-shutdown",
    "restarts-on",
];

/// Why a check failed: the field that decides it, and what is wrong there.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Miss {
    pub pos: Pos,
    pub reason: Text,
}

impl Miss {
    pub(super) fn new(pos: Pos, en: impl Into<String>, ja: impl Into<String>) -> Miss {
        Miss {
            pos,
            reason: Text::new(en, ja),
        }
    }
}

/// A pass (where the deciding object is) or a miss.
pub(super) type Found = Result<Pos, Miss>;

impl Semantic {
    /// Reads the check `name` from its parameters (the check's own keys
    /// removed); problems point into exercise.yaml.
    pub(super) fn parse(name: &str, params: &Node) -> Result<Semantic, CheckError> {
        Ok(match name {
            "volume-shared" => Semantic::VolumeShared(
                read::<volume_shared::VolumeShared>(params)?.validated(params)?,
            ),
            "sidecar" => Semantic::Sidecar(read(params)?),
            "service-selects" => Semantic::ServiceSelects(read(params)?),
            "qos-class" => Semantic::QosClass(qos_class::QosCheck::parse(params)?),
            "schedule" => Semantic::Schedule(schedule::ScheduleCheck::parse(params)?),
            "image" => Semantic::Image(read(params)?),
            "quantity" => Semantic::Quantity(quantity::QuantityCheck::parse(params)?),
            "reachability" => Semantic::Reachability(reachability::Reachability::parse(params)?),
            "address" => {
                Semantic::Address(read::<address::AddressCheck>(params)?.validated(params)?)
            }
            "config-env" => {
                Semantic::ConfigEnv(read::<config_source::ConfigEnv>(params)?.validated(params)?)
            }
            "config-file" => {
                Semantic::ConfigFile(read::<config_source::ConfigFile>(params)?.validated(params)?)
            }
            "probe" => Semantic::Probe(probe::ProbeCheck::parse(params)?),
            "graceful-shutdown" => Semantic::GracefulShutdown(read(params)?),
            "restarts-on" => Semantic::RestartsOn(restarts_on::RestartsOn::parse(params)?),
            _ => Semantic::PodSecurity(pod_security::PodSecurityCheck::parse(params)?),
        })
    }

    /// The rule this check is declared as.
    pub(super) fn rule(&self) -> &'static Rule {
        match self {
            Semantic::VolumeShared(_) => &VOLUME_SHARED,
            Semantic::Sidecar(_) => &SIDECAR,
            Semantic::ServiceSelects(_) => &SERVICE_SELECTS,
            Semantic::QosClass(_) => &QOS_CLASS,
            Semantic::Schedule(_) => &SCHEDULE,
            Semantic::Image(_) => &IMAGE,
            Semantic::Quantity(_) => &QUANTITY,
            Semantic::Reachability(_) => &REACHABILITY,
            Semantic::Address(_) => &ADDRESS,
            Semantic::PodSecurity(_) => &POD_SECURITY,
            Semantic::ConfigEnv(_) => &CONFIG_ENV,
            Semantic::ConfigFile(_) => &CONFIG_FILE,
            Semantic::Probe(_) => &PROBE,
            Semantic::GracefulShutdown(_) => &GRACEFUL_SHUTDOWN,
            Semantic::RestartsOn(_) => &RESTARTS_ON,
        }
    }

    /// What the check asks for, in one line.
    pub(super) fn message(&self) -> Text {
        match self {
            Semantic::VolumeShared(check) => check.message(),
            Semantic::Sidecar(check) => check.message(),
            Semantic::ServiceSelects(check) => check.message(),
            Semantic::QosClass(check) => check.message(),
            Semantic::Schedule(check) => check.message(),
            Semantic::Image(check) => check.message(),
            Semantic::Quantity(check) => check.message(),
            Semantic::Reachability(check) => check.message(),
            Semantic::Address(check) => check.message(),
            Semantic::PodSecurity(check) => check.message(),
            Semantic::ConfigEnv(check) => check.message(),
            Semantic::ConfigFile(check) => check.message(),
            Semantic::Probe(check) => check.message(),
            Semantic::GracefulShutdown(check) => check.message(),
            Semantic::RestartsOn(check) => check.message(),
        }
    }

    /// What passes and what does not, for `grade --explain`.
    pub(super) fn explain(&self) -> Vec<Text> {
        match self {
            Semantic::VolumeShared(check) => check.explain(),
            Semantic::Sidecar(check) => check.explain(),
            Semantic::ServiceSelects(check) => check.explain(),
            Semantic::QosClass(check) => check.explain(),
            Semantic::Schedule(check) => check.explain(),
            Semantic::Image(check) => check.explain(),
            Semantic::Quantity(check) => check.explain(),
            Semantic::Reachability(check) => check.explain(),
            Semantic::Address(check) => check.explain(),
            Semantic::PodSecurity(check) => check.explain(),
            Semantic::ConfigEnv(check) => check.explain(),
            Semantic::ConfigFile(check) => check.explain(),
            Semantic::Probe(check) => check.explain(),
            Semantic::GracefulShutdown(check) => check.explain(),
            Semantic::RestartsOn(check) => check.explain(),
        }
    }

    /// Runs the check on the objects its `match` selects (all without one).
    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        match self {
            Semantic::VolumeShared(check) => check.run(objects),
            Semantic::Sidecar(check) => check.run(objects),
            Semantic::ServiceSelects(check) => check.run(objects),
            Semantic::QosClass(check) => check.run(objects),
            Semantic::Schedule(check) => check.run(objects),
            Semantic::Image(check) => check.run(objects),
            Semantic::Quantity(check) => check.run(objects),
            Semantic::Reachability(check) => check.run(objects),
            Semantic::Address(check) => check.run(objects),
            Semantic::PodSecurity(check) => check.run(objects),
            Semantic::ConfigEnv(check) => check.run(objects),
            Semantic::ConfigFile(check) => check.run(objects),
            Semantic::Probe(check) => check.run(objects),
            Semantic::GracefulShutdown(check) => check.run(objects),
            Semantic::RestartsOn(check) => check.run(objects),
        }
    }
}

/// The parameters as `T`; errors point at the parameter at fault.
pub(super) fn read<'n, T: Deserialize<'n>>(params: &'n Node) -> Result<T, CheckError> {
    validate::from_node(params).map_err(|error| CheckError::reading(error, params))
}

/// A parameter problem found after reading, at the parameter `key`.
pub(super) fn bad_param(params: &Node, key: &str, message: String) -> CheckError {
    let pos = params.entry(key).map_or(params.pos, |entry| entry.key_pos);
    CheckError::new(message, pos).within(key)
}

/// `kind` of an object.
pub(super) fn kind(object: &Node) -> &str {
    object.text("kind").unwrap_or_default()
}

/// `metadata.name` of an object.
pub(super) fn name(object: &Node) -> &str {
    object
        .present("metadata")
        .and_then(|m| m.text("name"))
        .unwrap_or_default()
}

/// `metadata.namespace`, `default` when unset (as kubectl applies it).
pub(super) fn namespace(object: &Node) -> &str {
    object
        .present("metadata")
        .and_then(|m| m.text("namespace"))
        .filter(|ns| !ns.is_empty())
        .unwrap_or("default")
}

/// The objects that carry a Pod, each with its Pod view.
pub(super) fn pods<'a>(objects: &[&'a Node]) -> Vec<(&'a Node, PodView<'a>)> {
    objects
        .iter()
        .filter_map(|object| Some((*object, PodView::of(kind(object), object)?)))
        .collect()
}

/// Passes when some Pod of the objects passes `judge`; else the first miss
/// (or that there is no Pod at all).
pub(super) fn any_pod<'a>(
    objects: &[&'a Node],
    judge: impl Fn(&'a Node, &PodView<'a>) -> Found,
) -> Found {
    let mut first_miss = None;
    for (object, pod) in pods(objects) {
        match judge(object, &pod) {
            Ok(pos) => return Ok(pos),
            Err(miss) => {
                first_miss.get_or_insert(miss);
            }
        }
    }
    Err(first_miss.unwrap_or_else(|| no_object(objects, "Pod or workload", "Podやワークロード")))
}

/// The miss for a container the Pod does not have, at its container list.
pub(super) fn no_container(pod: &PodView<'_>, name: &str) -> Miss {
    Miss::new(
        pod.get("containers").map_or(pod.spec.pos, |c| c.pos),
        format!("the Pod has no container named `{name}`"),
        format!("Podに`{name}`という名前のコンテナがありません"),
    )
}

/// Where a check that found no object to look at points: the first object.
pub(super) fn nothing_at(objects: &[&Node]) -> Pos {
    objects.first().map_or(Pos::START, |o| o.pos)
}

/// The miss for input without an object the check can look at.
pub(super) fn no_object(objects: &[&Node], what_en: &str, what_ja: &str) -> Miss {
    Miss::new(
        nothing_at(objects),
        format!("the file holds no {what_en}"),
        format!("ファイルに{what_ja}がありません"),
    )
}

/// A label map written as a mapping node, for the selector matcher.
pub(super) fn label_node(labels: &std::collections::BTreeMap<String, String>) -> Node {
    let entries = labels
        .iter()
        .map(|(key, value)| validate::Entry {
            key: key.clone(),
            key_pos: Pos::START,
            value: Node {
                value: Value::Str(value.clone()),
                pos: Pos::START,
                raw: value.clone(),
            },
        })
        .collect();
    Node {
        value: Value::Map(entries),
        pos: Pos::START,
        raw: String::new(),
    }
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn and_list(items: &[String]) -> (String, String) {
    let en = match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    (en, items.join("、"))
}

#[cfg(test)]
mod tests;
