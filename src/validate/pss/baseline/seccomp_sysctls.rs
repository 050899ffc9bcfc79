//! Baseline checks on the kernel interface: the seccomp profile that filters
//! system calls, and the sysctls a Pod may set.

use std::collections::BTreeSet;

use super::{First, check};
use crate::validate::finding::Text;
use crate::validate::pod::PodView;
use crate::validate::pss::inherited::{Bad, Inherited};
use crate::validate::pss::{PolicyCheck, Violation, containers_phrase, join_quote, plural};
use crate::validate::rule::Words;

const SECCOMP_POD_ANNOTATION: &str = "seccomp.security.alpha.kubernetes.io/pod";

const SECCOMP_CONTAINER_ANNOTATION: &str = "container.seccomp.security.alpha.kubernetes.io/";

fn seccomp_help() -> Text {
    Text::new(
        "set `securityContext.seccompProfile.type: RuntimeDefault` (or Localhost) on the Pod",
        "PodのsecurityContextに`seccompProfile.type: RuntimeDefault`(またはLocalhost)を設定する必要があります",
    )
}

pub(in crate::validate::pss) static SECCOMP: PolicyCheck = check(
    "pss/seccompProfile_baseline",
    0,
    seccomp,
    Words::new(
        "The seccomp profile Unconfined",
        "seccompプロファイルUnconfined",
    ),
    Words::new(
        "use RuntimeDefault or Localhost, or leave the seccomp profile unset",
        "RuntimeDefaultかLocalhostを使うか、seccompプロファイルを設定しないでください",
    ),
);

fn seccomp(pod: &PodView<'_>, minor: u32) -> Option<Violation> {
    if minor >= 19 {
        return seccomp_fields(pod, false);
    }
    let mut first = First::default();
    let mut forbidden = BTreeSet::new();
    let valid = |value: &str| {
        value == "runtime/default" || value == "docker/default" || value.starts_with("localhost/")
    };
    let mut keys = vec![SECCOMP_POD_ANNOTATION.to_string()];
    keys.extend(
        pod.containers()
            .iter()
            .map(|c| format!("{SECCOMP_CONTAINER_ANNOTATION}{}", c.name())),
    );
    let annotations = pod.metadata("annotations");
    for key in keys {
        let Some((map, annotations_path)) = &annotations else {
            break;
        };
        if let Some(node) = map.get(&key) {
            let value = node.as_str().unwrap_or(&node.raw);
            if !valid(value) {
                forbidden.insert(format!(
                    "{key}={}",
                    crate::validate::go::fmt::go_quote(value)
                ));
                first.note(annotations_path.key(&key), node.pos);
            }
        }
    }
    let forbidden: Vec<String> = forbidden.into_iter().collect();
    first.violation(
        &SECCOMP.rule,
        "seccompProfile",
        format!(
            "forbidden {} {}",
            plural(forbidden.len(), "annotation", "annotations"),
            forbidden.join(", ")
        ),
        seccomp_help(),
    )
}

/// The field-based seccomp check of v1.19+; `restricted` also requires a profile.
pub(in crate::validate::pss) fn seccomp_fields(
    pod: &PodView<'_>,
    restricted: bool,
) -> Option<Violation> {
    let rule = if restricted {
        &crate::validate::pss::restricted::SECCOMP.rule
    } else {
        &SECCOMP.rule
    };
    let tally = Inherited::of(pod, "seccompProfile", |profile, path| {
        if matches!(profile.text("type"), Some("RuntimeDefault" | "Localhost")) {
            return None;
        }
        Some(Bad {
            path: path.field("type"),
            pos: profile.present("type").map_or(profile.pos, |t| t.pos),
            shown: profile.text("type").unwrap_or_default().to_string(),
        })
    });
    if !tally.setters.is_empty() {
        let values: Vec<String> = tally.shown.into_iter().collect();
        return tally.first.violation(
            rule,
            "seccompProfile",
            format!(
                "{} must not set securityContext.seccompProfile.type to {}",
                tally.setters.join(" and "),
                join_quote(&values)
            ),
            seccomp_help(),
        );
    }
    if !restricted {
        return None;
    }
    tally.missing.violation(
        rule,
        "seccompProfile",
        format!(
            "pod or {} must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
            containers_phrase(&tally.implicit)
        ),
        seccomp_help(),
    )
}

fn safe_sysctls(minor: u32) -> Vec<&'static str> {
    let mut safe = vec![
        "kernel.shm_rmid_forced",
        "net.ipv4.ip_local_port_range",
        "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range",
        "net.ipv4.ip_unprivileged_port_start",
    ];
    let added: [(u32, &[&str]); 4] = [
        (27, &["net.ipv4.ip_local_reserved_ports"]),
        (
            29,
            &[
                "net.ipv4.tcp_keepalive_time",
                "net.ipv4.tcp_fin_timeout",
                "net.ipv4.tcp_keepalive_intvl",
                "net.ipv4.tcp_keepalive_probes",
            ],
        ),
        (32, &["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"]),
        (
            37,
            &[
                "net.ipv4.tcp_slow_start_after_idle",
                "net.ipv4.tcp_notsent_lowat",
            ],
        ),
    ];
    for (since, names) in added {
        if minor >= since {
            safe.extend_from_slice(names);
        }
    }
    safe
}

pub(in crate::validate::pss) static SYSCTLS: PolicyCheck = check(
    "pss/sysctls",
    0,
    sysctls,
    Words::new("Sysctls outside the safe set", "安全なセット以外のsysctl"),
    Words::new(
        "set only safe sysctls (such as net.ipv4.ip_local_port_range or net.ipv4.ip_unprivileged_port_start); others need the node's allowance and a privileged namespace",
        "安全なsysctl(net.ipv4.ip_local_port_rangeやnet.ipv4.ip_unprivileged_port_startなど)だけを設定してください。それ以外はノード側での許可と、privilegedの名前空間が必要です",
    ),
);

fn sysctls(pod: &PodView<'_>, minor: u32) -> Option<Violation> {
    let safe = safe_sysctls(minor);
    let (list, path) = pod.security_field("sysctls")?;
    let mut first = First::default();
    let mut forbidden = Vec::new();
    for (index, sysctl) in list.items().iter().enumerate() {
        let name = sysctl.text("name").unwrap_or_default();
        if !safe.contains(&name) {
            forbidden.push(name.to_string());
            first.note(
                path.index(index).field("name"),
                sysctl.present("name").map_or(sysctl.pos, |n| n.pos),
            );
        }
    }
    first.violation(
        &SYSCTLS.rule,
        "forbidden sysctls",
        forbidden.join(", "),
        Text::new(
            format!(
                "remove the sysctl; at this policy version only these are allowed: {}",
                safe.join(", ")
            ),
            format!(
                "このsysctlを削除する必要があります。このポリシーバージョンで使えるのは{}だけです",
                safe.join(", ")
            ),
        ),
    )
}
