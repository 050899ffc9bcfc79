//! Baseline checks on what a container may do beyond an ordinary process:
//! privileged mode, added capabilities and an unmasked /proc.

use std::collections::BTreeSet;

use super::{First, check};
use crate::validate::finding::Text;
use crate::validate::path::FieldPath;
use crate::validate::pod::{ContainerView, PodView};
use crate::validate::pss::{PolicyCheck, Violation, containers_phrase, join_quote};
use crate::validate::rule::{Rule, Words};
use crate::validate::yaml::Node;

pub(in crate::validate::pss) static PRIVILEGED: PolicyCheck = check(
    "pss/privileged",
    0,
    privileged,
    Words::new("Privileged containers", "特権コンテナ"),
    Words::new(
        "remove `privileged: true` from the container's securityContext",
        "コンテナのsecurityContextから`privileged: true`を削除してください",
    ),
);

fn privileged(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut names = Vec::new();
    for container in pod.containers() {
        if let Some((node, path)) = container.security_field("privileged")
            && node.value == crate::validate::yaml::Value::Bool(true)
        {
            names.push(container.name().to_string());
            first.note(path, node.pos);
        }
    }
    first.violation(
        &PRIVILEGED.rule,
        "privileged",
        format!(
            "{} must not set securityContext.privileged=true",
            containers_phrase(&names)
        ),
        Text::new(
            "remove `privileged: true` from the container's securityContext (or set `privileged: false`)",
            "コンテナのsecurityContextから`privileged: true`を削除する(または`privileged: false`にする)必要があります",
        ),
    )
}

const CAPABILITIES_ALLOWED: &[&str] = &[
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
];

/// The `capabilities.add` entries of a container with their paths.
pub(in crate::validate::pss) fn added_capabilities<'a>(
    container: &ContainerView<'a>,
) -> Vec<(&'a Node, FieldPath)> {
    let Some((capabilities, path)) = container.security_field("capabilities") else {
        return Vec::new();
    };
    let Some(add) = capabilities.present("add") else {
        return Vec::new();
    };
    let path = path.field("add");
    add.items()
        .iter()
        .enumerate()
        .map(|(index, node)| (node, path.index(index)))
        .collect()
}

pub(in crate::validate::pss) static CAPABILITIES: PolicyCheck = check(
    "pss/capabilities_baseline",
    0,
    capabilities,
    Words::new(
        "Added capabilities beyond the baseline's list",
        "ベースラインが許可するもの以外のケーパビリティの追加",
    ),
    Words::new(
        "add only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT",
        "追加できるのはAUDIT_WRITE、CHOWN、DAC_OVERRIDE、FOWNER、FSETID、KILL、MKNOD、NET_BIND_SERVICE、SETFCAP、SETGID、SETPCAP、SETUID、SYS_CHROOTだけです",
    ),
);

fn capabilities(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut names = Vec::new();
    let mut forbidden = BTreeSet::new();
    for container in pod.containers() {
        let mut bad = false;
        for (node, path) in added_capabilities(container) {
            let name = node.as_str().unwrap_or(&node.raw);
            if !CAPABILITIES_ALLOWED.contains(&name) {
                bad = true;
                forbidden.insert(name.to_string());
                first.note(path, node.pos);
            }
        }
        if bad {
            names.push(container.name().to_string());
        }
    }
    let forbidden: Vec<String> = forbidden.into_iter().collect();
    first.violation(
        &CAPABILITIES.rule,
        "non-default capabilities",
        format!(
            "{} must not include {} in securityContext.capabilities.add",
            containers_phrase(&names),
            join_quote(&forbidden)
        ),
        Text::new(
            format!(
                "remove {} from securityContext.capabilities.add; baseline allows only {}",
                join_quote(&forbidden),
                CAPABILITIES_ALLOWED.join(", ")
            ),
            format!(
                "securityContext.capabilities.addから{}を削除する必要があります。ベースラインで追加できるのは{}だけです",
                join_quote(&forbidden),
                CAPABILITIES_ALLOWED.join(", ")
            ),
        ),
    )
}

/// Containers whose procMount is set to anything but `Default`.
pub(in crate::validate::pss) fn proc_mount_default_only(
    pod: &PodView<'_>,
    rule: &'static Rule,
) -> Option<Violation> {
    let mut first = First::default();
    let mut names = Vec::new();
    let mut values = BTreeSet::new();
    for container in pod.containers() {
        if let Some((node, path)) = container.security_field("procMount") {
            let value = node.as_str().unwrap_or(&node.raw);
            if value != "Default" {
                names.push(container.name().to_string());
                values.insert(value.to_string());
                first.note(path, node.pos);
            }
        }
    }
    let values: Vec<String> = values.into_iter().collect();
    first.violation(
        rule,
        "procMount",
        format!(
            "{} must not set securityContext.procMount to {}",
            containers_phrase(&names),
            join_quote(&values)
        ),
        Text::new(
            "remove securityContext.procMount or set it to `Default`",
            "securityContext.procMountを削除するか`Default`にする必要があります",
        ),
    )
}

pub(in crate::validate::pss) static PROC_MOUNT: PolicyCheck = check(
    "pss/procMount",
    0,
    proc_mount,
    Words::new("procMount other than Default", "Default以外のprocMount"),
    Words::new(
        "remove procMount or set it to Default (from v1.35 baseline allows Unmasked with hostUsers: false)",
        "procMountを削除するか、Defaultにしてください(v1.35からはhostUsers: falseのときベースラインでUnmaskedを使えます)",
    ),
);

fn proc_mount(pod: &PodView<'_>, minor: u32) -> Option<Violation> {
    if minor >= 35 && pod.in_user_namespace() {
        return None;
    }
    proc_mount_default_only(pod, &PROC_MOUNT.rule)
}
