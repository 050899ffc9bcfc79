//! Pod-level policies: restartPolicy per kind, dnsPolicy and dnsConfig.

use super::*;
use crate::validate::go::fmt::{go_quote, go_strings};

/// The Pod's restartPolicy (defaulted to Always) must suit the owning kind.
pub(super) fn check_restart_policy(pod: &PodCtx<'_>, ctx: &mut Ctx<'_>) {
    let node = pod.spec.get("restartPolicy");
    let policy = match node.map(|node| &node.value) {
        None | Some(Value::Null) => "Always",
        Some(Value::Str(policy)) if policy.is_empty() => "Always",
        Some(Value::Str(policy)) => policy.as_str(),
        Some(_) => return,
    };
    let (allowed, help) = restart_policies_of(pod.kind);
    if !allowed.contains(&policy) {
        let pos = node.map_or(pod.spec.pos, |node| node.pos);
        ctx.unsupported_shown(
            &pod.path.field("restartPolicy"),
            pos,
            &go_quote(policy),
            allowed,
            help,
        );
    }
}

/// The restart policies a kind's Pods may use, with how to fix a wrong one.
pub(super) fn restart_policies_of(kind: &str) -> (&'static [&'static str], Text) {
    match kind {
        "Job" | "CronJob" => (
            JOB_RESTART_POLICIES,
            Text::new(
                "Job Pods must not restart forever: use restartPolicy: OnFailure or Never (left out, it defaults to Always)",
                "JobのPodはずっと再起動し続けてはいけません。restartPolicy: OnFailure または Never を指定してください(省略するとAlwaysになります)",
            ),
        ),
        "Deployment" | "ReplicaSet" | "StatefulSet" | "DaemonSet" | "ReplicationController" => (
            ALWAYS,
            Text::new(
                format!(
                    "a {kind} keeps its Pods running, so its Pod template only allows restartPolicy: Always (or leave it out)"
                ),
                format!(
                    "{kind}はPodを動かし続けるため、PodテンプレートのrestartPolicyにはAlwaysしか使えません(省略しても構いません)"
                ),
            ),
        ),
        _ => (
            RESTART_POLICIES,
            Text::new(
                "a Pod's restartPolicy is Always (the default), OnFailure or Never",
                "PodのrestartPolicyはAlways(既定値)、OnFailure、Neverのいずれかです",
            ),
        ),
    }
}

/// dnsPolicy is one of four values; dnsConfig is checked with it.
pub(super) fn check_dns(pod: &PodCtx<'_>, ctx: &mut Ctx<'_>) {
    ctx.choice(
        pod.spec,
        "dnsPolicy",
        DNS_POLICIES,
        pod.path,
        Text::new(
            "use ClusterFirst (the default), ClusterFirstWithHostNet, Default or None; the value is case-sensitive",
            "ClusterFirst(既定値)、ClusterFirstWithHostNet、Default、Noneのいずれかを指定してください。大文字と小文字は区別されます",
        ),
    );
    let policy = pod.spec.entry("dnsPolicy");
    let is_none = policy.is_some_and(|entry| entry.value.as_str() == Some("None"));
    let policy_pos = policy.map_or(pod.spec.pos, |entry| entry.key_pos);
    check_dns_config(pod, is_none, policy_pos, ctx);
}

/// dnsConfig: required with dnsPolicy None (with a nameserver), and within
/// the resolver's limits.
pub(super) fn check_dns_config(
    pod: &PodCtx<'_>,
    is_none: bool,
    policy_pos: Pos,
    ctx: &mut Ctx<'_>,
) {
    let path = pod.path.field("dnsConfig");
    let Some(entry) = pod.spec.present_entry("dnsConfig") else {
        if is_none {
            ctx.required_because(
                &path,
                policy_pos,
                Text::new(
                    "must provide `dnsConfig` when `dnsPolicy` is None",
                    "`dnsPolicy`がNoneの場合は`dnsConfig`を指定する必要があります",
                ),
                Text::new(
                    "with dnsPolicy: None Kubernetes writes no DNS settings: add dnsConfig with at least one nameserver",
                    "dnsPolicy: NoneではKubernetesがDNS設定を何も生成しません。少なくとも1つのネームサーバーを含むdnsConfigを追加してください",
                ),
            );
        }
        return;
    };
    let config = &entry.value;
    if !is_map(config) {
        return;
    }
    let nameservers = config.entry("nameservers");
    if is_none && nameservers.is_none_or(|e| is_empty_list(&e.value)) {
        ctx.required_because(
            &path.field("nameservers"),
            nameservers.map_or(entry.key_pos, |e| e.key_pos),
            Text::new(
                "must provide at least one DNS nameserver when `dnsPolicy` is None",
                "`dnsPolicy`がNoneの場合はDNSネームサーバーを少なくとも1つ指定する必要があります",
            ),
            Text::new(
                "list at least one nameserver IP address under dnsConfig.nameservers",
                "dnsConfig.nameserversにネームサーバーのIPアドレスを少なくとも1つ指定してください",
            ),
        );
        return;
    }
    check_nameservers(config, &path, ctx);
    check_searches(config, &path, ctx);
    check_dns_options(config, &path, ctx);
}

/// The string items of a list field, with their nodes.
pub(super) fn strings_of<'a>(node: &'a Node, key: &str) -> Vec<(&'a str, &'a Node)> {
    node.get(key)
        .map_or(&[][..], Node::items)
        .iter()
        .filter_map(|item| item.as_str().map(|s| (s, item)))
        .collect()
}

/// At most 3 nameservers, each an IP address.
pub(super) fn check_nameservers(config: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let path = path.field("nameservers");
    let servers = strings_of(config, "nameservers");
    if servers.len() > MAX_NAMESERVERS
        && let Some(entry) = config.entry("nameservers")
    {
        let values: Vec<&str> = servers.iter().map(|(s, _)| *s).collect();
        ctx.invalid_shown(
            &path,
            entry.key_pos,
            &go_strings(&values),
            Text::new(
                format!("must not have more than {MAX_NAMESERVERS} nameservers"),
                format!("ネームサーバーは{MAX_NAMESERVERS}つまでです"),
            ),
            Text::new(
                "the resolver uses at most 3 nameservers: keep 3 or fewer",
                "リゾルバーが使えるネームサーバーは3つまでです。3つ以下にしてください",
            ),
        );
    }
    for (index, (server, node)) in servers.iter().enumerate() {
        if !is_ip_address(server) {
            ctx.invalid(
                &path.index(index),
                node,
                Text::new(
                    "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
                    "有効なIPアドレスでなければなりません(例: 10.9.8.7、2001:db8::ffff)",
                ),
                Text::new(
                    "nameservers are IP addresses such as 10.96.0.10, not host names",
                    "ネームサーバーには10.96.0.10のようなIPアドレスを指定します。ホスト名は使えません",
                ),
            );
        }
    }
}

/// An IP address as Go's sloppy parser reads it: also IPv4 with leading zeros.
pub(in crate::validate::rules) fn is_ip_address(value: &str) -> bool {
    if value.parse::<IpAddr>().is_ok() {
        return true;
    }
    let octets: Vec<&str> = value.split('.').collect();
    octets.len() == 4
        && octets.iter().all(|o| {
            !o.is_empty()
                && o.len() <= 3
                && o.bytes().all(|b| b.is_ascii_digit())
                && o.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// At most 32 search domains and 2048 characters, each a DNS name (a
/// trailing dot is fine, "." alone too).
pub(super) fn check_searches(config: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let path = path.field("searches");
    let searches = strings_of(config, "searches");
    let values: Vec<&str> = searches.iter().map(|(s, _)| *s).collect();
    if let Some(entry) = config.entry("searches") {
        check_search_limits(&values, entry, &path, ctx);
    }
    for (index, (search, node)) in searches.iter().enumerate() {
        check_search_domain(search, node, &path.index(index), ctx);
    }
}

/// The resolver's limits: 32 domains, 2048 characters with the spaces.
pub(super) fn check_search_limits(
    values: &[&str],
    entry: &Entry,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    let help = || {
        Text::new(
            "keep at most 32 search domains and 2048 characters in total",
            "検索ドメインは32個まで、合計2048文字までにしてください",
        )
    };
    if values.len() > MAX_SEARCHES {
        let detail = Text::new(
            format!("must not have more than {MAX_SEARCHES} search paths"),
            format!("検索パスは{MAX_SEARCHES}個までです"),
        );
        ctx.invalid_shown(path, entry.key_pos, &go_strings(values), detail, help());
    }
    if values.join(" ").len() > MAX_SEARCH_CHARS {
        let detail = Text::new(
            format!(
                "must not have more than {MAX_SEARCH_CHARS} characters (including spaces) in the search list"
            ),
            format!("検索リストは空白を含めて{MAX_SEARCH_CHARS}文字までです"),
        );
        ctx.invalid_shown(path, entry.key_pos, &go_strings(values), detail, help());
    }
}

/// One search domain: a DNS name; a trailing dot is fine, "." alone too.
pub(super) fn check_search_domain(search: &str, node: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if search == "." {
        return;
    }
    let domain = search.strip_suffix('.').unwrap_or(search);
    for problem in dns1123_subdomain_with_underscore(domain) {
        ctx.invalid_shown(
            path,
            node.pos,
            &go_quote(domain),
            problem_text(&problem),
            Text::new(
                "search domains are DNS names such as my-ns.svc.cluster.local: lowercase letters, digits, '-', '_' and '.'",
                "検索ドメインはmy-ns.svc.cluster.localのようなDNS名です。英小文字・数字・'-'・'_'・'.'を使ってください",
            ),
        );
    }
}

/// Each resolver option has a name.
pub(super) fn check_dns_options(config: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let options = config.get("options").map_or(&[][..], Node::items);
    for (index, option) in options.iter().enumerate() {
        if !is_map(option) {
            continue;
        }
        if option.get("name").is_none_or(is_empty_text) {
            ctx.required_because(
                &path.field("options").index(index),
                option.pos,
                Text::new("must not be empty", "空にはできません"),
                Text::new(
                    "each DNS option needs a name, such as `ndots`",
                    "DNSオプションにはそれぞれ`ndots`のような名前が必要です",
                ),
            );
        }
    }
}
