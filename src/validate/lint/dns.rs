//! DNS policy lints: `lint/host-network-dns` (a host-network Pod
//! silently loses cluster DNS) and `lint/dns-default` (`Default` is the
//! node's resolver, a common misreading of the name).

use super::{Lints, PodSpec, is_true};
use crate::validate::finding::Text;

pub(super) const HOST_NETWORK: &str = "lint/host-network-dns";
pub(super) const DEFAULT: &str = "lint/dns-default";

/// Checks `hostNetwork` against `dnsPolicy`, and `dnsPolicy: Default`.
pub(super) fn check(pod: &PodSpec<'_>, lints: &mut Lints<'_, '_>) {
    let policy_node = pod.get("dnsPolicy");
    let policy = policy_node.and_then(|node| node.as_str());
    let host_network = pod.get("hostNetwork");
    if is_true(host_network)
        && let Some(node) = host_network
        && policy.is_none_or(|policy| policy == "ClusterFirst")
    {
        lints.warn(
            HOST_NETWORK,
            &pod.path.field("hostNetwork"),
            node.pos,
            Text::new(
                "hostNetwork: true without dnsPolicy: ClusterFirstWithHostNet: the Pod falls back to the node's DNS resolver (like dnsPolicy: Default), so cluster Service names do not resolve",
                "dnsPolicy: ClusterFirstWithHostNetなしでhostNetwork: trueを使っています。Podはノードのリゾルバーを使う(dnsPolicy: Defaultと同じ動作になる)ため、クラスター内のService名を名前解決できません",
            ),
            Text::new(
                "add `dnsPolicy: ClusterFirstWithHostNet` to keep cluster DNS on the host network",
                "ホストネットワークでもクラスターDNSを使うには`dnsPolicy: ClusterFirstWithHostNet`を追加してください",
            ),
        );
    }
    if let Some(node) = policy_node.filter(|_| policy == Some("Default")) {
        lints.warn(
            DEFAULT,
            &pod.path.field("dnsPolicy"),
            node.pos,
            Text::new(
                "dnsPolicy: Default uses the node's DNS resolver, not cluster DNS; the default policy is ClusterFirst",
                "dnsPolicy: Defaultはクラスターではなくノードのリゾルバーの設定を引き継ぎます。既定のポリシーはClusterFirstです",
            ),
            Text::new(
                "remove dnsPolicy (or write ClusterFirst) so the Pod can resolve Service names; keep Default only if the Pod must not use cluster DNS",
                "Service名を名前解決できるように、dnsPolicyを削除してください(またはClusterFirstにしてください)。クラスターDNSを使ってはいけないPodの場合だけDefaultのままにします",
            ),
        );
    }
}
