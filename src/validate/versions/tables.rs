//! The generated tables, read once on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

const KINDS: &str = include_str!("kinds.tsv");
const LIST_MAPS: &str = include_str!("listmaps.tsv");

/// The rows of a generated table: comment lines skipped, fields split on tabs.
pub(super) fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| line.split('\t').collect())
}

/// The releases (a mask) that serve `kind` in `api_version`; none for a kind
/// no release 1.30 … 1.37 has (a custom resource, a typo, an old removal).
pub(crate) fn served(api_version: &str, kind: &str) -> Option<u8> {
    static KIND_MASKS: OnceLock<HashMap<(&'static str, &'static str), u8>> = OnceLock::new();
    KIND_MASKS
        .get_or_init(|| {
            rows(KINDS)
                .filter_map(|row| match row.as_slice() {
                    [api_version, kind, mask] => Some(((*api_version, *kind), mask.parse().ok()?)),
                    _ => None,
                })
                .collect()
        })
        .get(&(api_version, kind))
        .copied()
}

/// A served apiVersion and kind the API server warns about: from which
/// release, and what to use instead (its own warning's words).
pub(crate) fn deprecated(api_version: &str, kind: &str) -> Option<(u8, &'static str)> {
    const DEPRECATED: &[(&str, &str, u8, &str)] = &[
        ("v1", "Endpoints", 33, "discovery.k8s.io/v1 EndpointSlice"),
        ("v1", "ComponentStatus", 19, ""),
        (
            "flowcontrol.apiserver.k8s.io/v1beta3",
            "FlowSchema",
            29,
            "flowcontrol.apiserver.k8s.io/v1 FlowSchema",
        ),
        (
            "flowcontrol.apiserver.k8s.io/v1beta3",
            "PriorityLevelConfiguration",
            29,
            "flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration",
        ),
    ];
    DEPRECATED
        .iter()
        .find(|(v, k, _, _)| *v == api_version && *k == kind)
        .map(|(_, _, since, instead)| (*since, *instead))
}

/// A list whose entries are unique by their keys (`x-kubernetes-list-type`
/// map, with its keys) or by their whole value (set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ListMap {
    /// The list's path: `spec.containers[].ports` (`[]` an item, `*` a map value).
    pub path: &'static str,
    /// The keys of a map list; empty for a set.
    pub keys: Vec<&'static str>,
}

/// The unique-keyed lists of every kind (as the latest release declares
/// them): apiVersion, kind and its lists.
pub(crate) fn all_list_maps()
-> impl Iterator<Item = (&'static str, &'static str, &'static [ListMap])> {
    type ByKind = HashMap<(&'static str, &'static str), Vec<ListMap>>;
    static LISTS: OnceLock<ByKind> = OnceLock::new();
    LISTS
        .get_or_init(|| {
            let mut by_kind = ByKind::new();
            for row in rows(LIST_MAPS) {
                if let [api_version, kind, path, list_type, keys] = row.as_slice() {
                    let keys = match *list_type {
                        "map" => keys.split(',').filter(|k| !k.is_empty()).collect(),
                        _ => Vec::new(),
                    };
                    by_kind
                        .entry((api_version, kind))
                        .or_default()
                        .push(ListMap { path, keys });
                }
            }
            by_kind
        })
        .iter()
        .map(|((api_version, kind), lists)| (*api_version, *kind, lists.as_slice()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::versions::KubeVersion;

    #[test]
    fn kinds_come_and_go_with_releases() {
        let pods = served("v1", "Pod").unwrap();
        assert_eq!(KubeVersion::releases(pods).count(), 8);
        let flow = served("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema").unwrap();
        let names: Vec<String> = KubeVersion::releases(flow).map(|v| v.to_string()).collect();
        assert_eq!(names, ["1.30", "1.31"]);
        assert_eq!(served("example.com/v1", "Widget"), None);
    }

    #[test]
    fn ports_are_unique_by_port_and_protocol() {
        let (_, _, lists) = all_list_maps()
            .find(|(v, k, _)| *v == "v1" && *k == "Pod")
            .unwrap();
        let ports = lists
            .iter()
            .find(|l| l.path == "spec.containers[].ports")
            .unwrap();
        assert_eq!(ports.keys, ["containerPort", "protocol"]);
    }
}
