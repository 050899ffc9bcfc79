//! DNS policy lints: `lint/host-network-dns` (a host-network Pod
//! silently loses cluster DNS) and `lint/dns-default` (`Default` is the
//! node's resolver, a common misreading of the name).

use super::{Emit, Lint, Scope, is_true};
use crate::validate::finding::Text;
use crate::validate::pod::PodView;
use crate::validate::rule::{Rule, Words};

const DNS_POLICY: &str =
    "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy";

pub(super) static HOST_NETWORK: Lint = Lint {
    rule: Rule {
        id: "lint/host-network-dns",
        summary: Words::new(
            "hostNetwork: true without dnsPolicy: ClusterFirstWithHostNet (cluster names stop resolving)",
            "dnsPolicy: ClusterFirstWithHostNetなしのhostNetwork: true(クラスター内の名前を解決できなくなる)",
        ),
        help: Words::new(
            "add `dnsPolicy: ClusterFirstWithHostNet` to keep cluster DNS on the host network",
            "ホストネットワークでもクラスターDNSを使うには`dnsPolicy: ClusterFirstWithHostNet`を追加してください",
        ),
        docs: DNS_POLICY,
        ..Rule::LINT
    },
    profile: None,
    scope: Scope::Pod(host_network),
};

pub(super) static DEFAULT: Lint = Lint {
    rule: Rule {
        id: "lint/dns-default",
        summary: Words::new(
            "dnsPolicy: Default, which is the node's resolver and not the default policy",
            "dnsPolicy: Default(ノードのリゾルバーを使う設定で、既定のポリシーではない)",
        ),
        help: Words::new(
            "remove dnsPolicy (or write ClusterFirst) so the Pod can resolve Service names; keep Default only if the Pod must not use cluster DNS",
            "Service名を名前解決できるように、dnsPolicyを削除してください(またはClusterFirstにしてください)。クラスターDNSを使ってはいけないPodの場合だけDefaultのままにします",
        ),
        docs: DNS_POLICY,
        ..Rule::LINT
    },
    profile: None,
    scope: Scope::Pod(default_policy),
};

/// Warns about host networking that loses cluster DNS.
fn host_network(pod: &PodView<'_>, emit: &mut Emit<'_>) {
    let policy = pod.get("dnsPolicy").and_then(|node| node.as_str());
    let host_network = pod.get("hostNetwork");
    if is_true(host_network)
        && let Some(node) = host_network
        && policy.is_none_or(|policy| policy == "ClusterFirst")
    {
        emit.report_with_rule_help(
            &pod.spec_path.field("hostNetwork"),
            node.pos,
            Text::new(
                "hostNetwork: true without dnsPolicy: ClusterFirstWithHostNet: the Pod falls back to the node's DNS resolver (like dnsPolicy: Default), so cluster Service names do not resolve",
                "dnsPolicy: ClusterFirstWithHostNetなしでhostNetwork: trueを使っています。Podはノードのリゾルバーを使う(dnsPolicy: Defaultと同じ動作になる)ため、クラスター内のService名を名前解決できません",
            ),
        );
    }
}

/// Warns about `dnsPolicy: Default`.
fn default_policy(pod: &PodView<'_>, emit: &mut Emit<'_>) {
    let Some(node) = pod
        .get("dnsPolicy")
        .filter(|node| node.as_str() == Some("Default"))
    else {
        return;
    };
    emit.report_with_rule_help(
        &pod.spec_path.field("dnsPolicy"),
        node.pos,
        Text::new(
            "dnsPolicy: Default uses the node's DNS resolver, not cluster DNS; the default policy is ClusterFirst",
            "dnsPolicy: Defaultはクラスターではなくノードのリゾルバーの設定を引き継ぎます。既定のポリシーはClusterFirstです",
        ),
    );
}
