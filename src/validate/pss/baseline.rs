//! The baseline checks of the library (`policy/check_*.go`), one constant each.

use std::collections::BTreeSet;

use super::{Level, PolicyCheck, Violation, containers_phrase, join_quote, plural};
use crate::validate::finding::{Pos, Text};
use crate::validate::path::FieldPath;
use crate::validate::pod::{ContainerView, PodView};
use crate::validate::rule::{Rule, Words};
use crate::validate::yaml::Node;

/// The first offending place, kept while a check collects all offenders.
#[derive(Default)]
pub(super) struct First(Option<(FieldPath, Pos)>);

impl First {
    pub fn note(&mut self, path: FieldPath, pos: Pos) {
        if self.0.is_none() {
            self.0 = Some((path, pos));
        }
    }

    /// The violation, pointing at the first offender.
    pub fn violation(
        self,
        rule: &'static Rule,
        reason: impl Into<String>,
        detail: String,
        help: Text,
    ) -> Option<Violation> {
        let (path, pos) = self.0?;
        Some(Violation {
            rule,
            reason: reason.into(),
            detail,
            path,
            pos,
            help,
        })
    }
}

const fn check(
    id: &'static str,
    since: u32,
    run: fn(&PodView<'_>, u32) -> Option<Violation>,
    summary: Words,
    help: Words,
) -> PolicyCheck {
    PolicyCheck {
        rule: super::rule(id, since, Level::Baseline, summary, help),
        level: Level::Baseline,
        overrides: None,
        run,
    }
}

pub(super) static HOST_NAMESPACES: PolicyCheck = check(
    "pss/hostNamespaces",
    0,
    host_namespaces,
    Words::new(
        "Sharing the node's namespaces (hostNetwork, hostPID, hostIPC)",
        "ノードの名前空間の共有(hostNetwork、hostPID、hostIPC)",
    ),
    Words::new(
        "remove hostNetwork, hostPID and hostIPC, or set them to false",
        "hostNetwork、hostPID、hostIPCを削除するか、falseにしてください",
    ),
);
pub(super) static PRIVILEGED: PolicyCheck = check(
    "pss/privileged",
    0,
    privileged,
    Words::new("Privileged containers", "特権コンテナ"),
    Words::new(
        "remove `privileged: true` from the container's securityContext",
        "コンテナのsecurityContextから`privileged: true`を削除してください",
    ),
);
pub(super) static CAPABILITIES: PolicyCheck = check(
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
pub(super) static HOST_PATH_VOLUMES: PolicyCheck = check(
    "pss/hostPathVolumes",
    0,
    host_path_volumes,
    Words::new("hostPath volumes", "hostPathボリューム"),
    Words::new(
        "use an emptyDir, a PersistentVolumeClaim, a ConfigMap or a Secret instead",
        "代わりにemptyDir、PersistentVolumeClaim、ConfigMap、Secretを使ってください",
    ),
);
pub(super) static HOST_PORTS: PolicyCheck = check(
    "pss/hostPorts",
    0,
    host_ports,
    Words::new("hostPort on container ports", "コンテナポートのhostPort"),
    Words::new(
        "remove hostPort (or set it to 0) and reach the Pod through a Service",
        "hostPortを削除し(または0にし)、Service経由でPodにアクセスしてください",
    ),
);
pub(super) static APPARMOR: PolicyCheck = check(
    "pss/appArmorProfile",
    0,
    apparmor,
    Words::new(
        "AppArmor profiles other than RuntimeDefault or Localhost",
        "RuntimeDefaultとLocalhost以外のAppArmorプロファイル",
    ),
    Words::new(
        "set the appArmorProfile type to RuntimeDefault or Localhost, or leave it unset",
        "appArmorProfileのtypeをRuntimeDefaultかLocalhostにするか、設定しないでください",
    ),
);
pub(super) static SELINUX: PolicyCheck = check(
    "pss/seLinuxOptions",
    0,
    selinux,
    Words::new(
        "SELinux types outside the allowed container types, or a custom SELinux user or role",
        "許可されたコンテナ用以外のSELinuxのtype、またはSELinuxのuserやroleの指定",
    ),
    Words::new(
        "leave seLinuxOptions unset, or use only an allowed type (container_t, container_init_t, container_kvm_t, container_engine_t) with no user or role",
        "seLinuxOptionsを設定しないか、許可されたtype(container_t、container_init_t、container_kvm_t、container_engine_t)だけを使い、userとroleは指定しないでください",
    ),
);
pub(super) static PROC_MOUNT: PolicyCheck = check(
    "pss/procMount",
    0,
    proc_mount,
    Words::new("procMount other than Default", "Default以外のprocMount"),
    Words::new(
        "remove procMount or set it to Default (from v1.35 baseline allows Unmasked with hostUsers: false)",
        "procMountを削除するか、Defaultにしてください(v1.35からはhostUsers: falseのときベースラインでUnmaskedを使えます)",
    ),
);
pub(super) static SECCOMP: PolicyCheck = check(
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
pub(super) static SYSCTLS: PolicyCheck = check(
    "pss/sysctls",
    0,
    sysctls,
    Words::new("Sysctls outside the safe set", "安全なセット以外のsysctl"),
    Words::new(
        "set only safe sysctls (such as net.ipv4.ip_local_port_range or net.ipv4.ip_unprivileged_port_start); others need the node's allowance and a privileged namespace",
        "安全なsysctl(net.ipv4.ip_local_port_rangeやnet.ipv4.ip_unprivileged_port_startなど)だけを設定してください。それ以外はノード側での許可と、privilegedの名前空間が必要です",
    ),
);
pub(super) static WINDOWS_HOST_PROCESS: PolicyCheck = check(
    "pss/windowsHostProcess",
    0,
    windows_host_process,
    Words::new(
        "Windows HostProcess containers",
        "WindowsのHostProcessコンテナ",
    ),
    Words::new(
        "remove `windowsOptions.hostProcess: true`",
        "`windowsOptions.hostProcess: true`を削除してください",
    ),
);
pub(super) static HOST_PROBES: PolicyCheck = check(
    "pss/hostProbesAndHostLifecycle",
    34,
    host_probes,
    Words::new(
        "Probes and lifecycle hooks that name a host other than the Pod's own",
        "Pod自身以外のホストを指定するプローブやライフサイクルフック",
    ),
    Words::new(
        "remove `host` from httpGet and tcpSocket probes and hooks; they then reach the Pod's own IP",
        "プローブやフックのhttpGet・tcpSocketから`host`を削除してください。Pod自身のIPが対象になります",
    ),
);

fn host_namespaces(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut bad = Vec::new();
    for key in ["hostNetwork", "hostPID", "hostIPC"] {
        if pod.spec.flag(key) == Some(true) {
            bad.push(format!("{key}=true"));
            if let Some(node) = pod.spec.present(key) {
                first.note(pod.spec_path.field(key), node.pos);
            }
        }
    }
    first.violation(
        &HOST_NAMESPACES.rule,
        "host namespaces",
        bad.join(", "),
        Text::new(
            "remove hostNetwork, hostPID and hostIPC (or set them to false): the Pod must not share the node's namespaces",
            "hostNetwork、hostPID、hostIPCを削除する(またはfalseにする)必要があります。Podはノードの名前空間を共有できません",
        ),
    )
}

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
pub(super) fn added_capabilities<'a>(container: &ContainerView<'a>) -> Vec<(&'a Node, FieldPath)> {
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

/// The Pod's volumes with their paths.
pub(super) fn volumes<'a>(pod: &PodView<'a>) -> Vec<(&'a Node, FieldPath)> {
    let path = pod.spec_path.field("volumes");
    pod.spec
        .present("volumes")
        .map(|volumes| volumes.items())
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(index, node)| (node, path.index(index)))
        .collect()
}

fn host_path_volumes(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut names = Vec::new();
    for (volume, path) in volumes(pod) {
        if let Some(host_path) = volume.present("hostPath") {
            names.push(volume.text("name").unwrap_or_default().to_string());
            first.note(path.field("hostPath"), host_path.pos);
        }
    }
    first.violation(
        &HOST_PATH_VOLUMES.rule,
        "hostPath volumes",
        format!(
            "{} {}",
            plural(names.len(), "volume", "volumes"),
            join_quote(&names)
        ),
        Text::new(
            "replace the hostPath volume with an emptyDir, configMap, secret or persistentVolumeClaim volume",
            "hostPathボリュームをemptyDir、configMap、secret、persistentVolumeClaimなどのボリュームに置き換える必要があります",
        ),
    )
}

fn host_ports(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut names = Vec::new();
    let mut ports = BTreeSet::new();
    for container in pod.containers() {
        let mut bad = false;
        let list = container.path.field("ports");
        let items = container
            .node
            .present("ports")
            .map(Node::items)
            .unwrap_or_default();
        for (index, port) in items.iter().enumerate() {
            if let Some(host_port) = port.int("hostPort").filter(|p| *p != 0) {
                bad = true;
                ports.insert(host_port.to_string());
                if let Some(node) = port.present("hostPort") {
                    first.note(list.index(index).field("hostPort"), node.pos);
                }
            }
        }
        if bad {
            names.push(container.name().to_string());
        }
    }
    let ports: Vec<String> = ports.into_iter().collect();
    first.violation(
        &HOST_PORTS.rule,
        "hostPort",
        format!(
            "{} {} {} {}",
            containers_phrase(&names),
            plural(names.len(), "uses", "use"),
            plural(ports.len(), "hostPort", "hostPorts"),
            ports.join(", ")
        ),
        Text::new(
            "remove hostPort from the container's ports and expose the Pod through a Service instead",
            "コンテナのportsからhostPortを削除し、代わりにServiceでPodを公開する必要があります",
        ),
    )
}

const APPARMOR_ANNOTATION: &str = "container.apparmor.security.beta.kubernetes.io/";

fn apparmor(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut details = Vec::new();
    let mut setters = Vec::new();
    let mut values = BTreeSet::new();
    let allowed = |node: &Node| matches!(node.text("type"), Some("RuntimeDefault" | "Localhost"));
    if let Some((profile, path)) = pod.security_field("appArmorProfile")
        && !allowed(profile)
    {
        setters.push("pod".to_string());
        values.insert(profile.text("type").unwrap_or_default().to_string());
        first.note(
            path.field("type"),
            profile.present("type").map_or(profile.pos, |t| t.pos),
        );
    }
    let mut names = Vec::new();
    for container in pod.containers() {
        if let Some((profile, path)) = container.security_field("appArmorProfile")
            && !allowed(profile)
        {
            names.push(container.name().to_string());
            values.insert(profile.text("type").unwrap_or_default().to_string());
            first.note(
                path.field("type"),
                profile.present("type").map_or(profile.pos, |t| t.pos),
            );
        }
    }
    if !names.is_empty() {
        setters.push(containers_phrase(&names));
    }
    if !setters.is_empty() {
        let values: Vec<String> = values.into_iter().collect();
        details.push(format!(
            "{} must not set AppArmor profile type to {}",
            setters.join(" and "),
            join_quote(&values)
        ));
    }
    let mut annotations = Vec::new();
    if let Some((map, annotations_path)) = pod.metadata("annotations") {
        for entry in map.entries() {
            let value = entry.value.as_str().unwrap_or_default();
            let ok =
                value.is_empty() || value == "runtime/default" || value.starts_with("localhost/");
            if entry.key.starts_with(APPARMOR_ANNOTATION) && !ok {
                annotations.push(format!(
                    "{}={}",
                    entry.key,
                    crate::validate::go::fmt::go_quote(value)
                ));
                first.note(annotations_path.key(&entry.key), entry.value.pos);
            }
        }
    }
    annotations.sort();
    let count = details.len() + annotations.len();
    details.extend(annotations);
    first.violation(
        &APPARMOR.rule,
        plural(count, "forbidden AppArmor profile", "forbidden AppArmor profiles"),
        details.join(", "),
        Text::new(
            "set appArmorProfile.type to RuntimeDefault or Localhost (or remove it); never Unconfined",
            "appArmorProfile.typeをRuntimeDefaultまたはLocalhostにする(または削除する)必要があります。Unconfinedは使えません",
        ),
    )
}

fn selinux(pod: &PodView<'_>, minor: u32) -> Option<Violation> {
    let mut allowed = vec!["", "container_t", "container_init_t", "container_kvm_t"];
    if minor >= 31 {
        allowed.push("container_engine_t");
    }
    let mut first = First::default();
    let mut types = BTreeSet::new();
    let (mut set_user, mut set_role) = (false, false);
    let mut valid = |options: &Node, path: FieldPath, first: &mut First| {
        let mut ok = true;
        let kind = options.text("type").unwrap_or_default();
        if !allowed.contains(&kind) {
            ok = false;
            types.insert(kind.to_string());
            first.note(
                path.field("type"),
                options.present("type").map_or(options.pos, |t| t.pos),
            );
        }
        for (key, set) in [("user", &mut set_user), ("role", &mut set_role)] {
            if !options.text(key).unwrap_or_default().is_empty() {
                ok = false;
                *set = true;
                first.note(
                    path.field(key),
                    options.present(key).map_or(options.pos, |t| t.pos),
                );
            }
        }
        ok
    };
    let mut setters = Vec::new();
    if let Some((options, path)) = pod.security_field("seLinuxOptions")
        && !valid(options, path, &mut first)
    {
        setters.push("pod".to_string());
    }
    let mut names = Vec::new();
    for container in pod.containers() {
        if let Some((options, path)) = container.security_field("seLinuxOptions")
            && !valid(options, path, &mut first)
        {
            names.push(container.name().to_string());
        }
    }
    if !names.is_empty() {
        setters.push(containers_phrase(&names));
    }
    let mut data = Vec::new();
    if !types.is_empty() {
        let types: Vec<String> = types.into_iter().collect();
        data.push(format!(
            "{} {}",
            plural(types.len(), "type", "types"),
            join_quote(&types)
        ));
        if set_user {
            data.push("user may not be set".to_string());
        }
        if set_role {
            data.push("role may not be set".to_string());
        }
    }
    first.violation(
        &SELINUX.rule,
        "seLinuxOptions",
        format!(
            "{} set forbidden securityContext.seLinuxOptions: {}",
            setters.join(" and "),
            data.join("; ")
        ),
        Text::new(
            format!(
                "remove seLinuxOptions.user and .role, and use a type of {} (or none)",
                join_quote(&allowed[1..])
            ),
            format!(
                "seLinuxOptionsのuserとroleを削除し、typeは{}のいずれか(または指定なし)にする必要があります",
                join_quote(&allowed[1..])
            ),
        ),
    )
}

/// Containers whose procMount is set to anything but `Default`.
pub(super) fn proc_mount_default_only(pod: &PodView<'_>, rule: &'static Rule) -> Option<Violation> {
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

fn proc_mount(pod: &PodView<'_>, minor: u32) -> Option<Violation> {
    if minor >= 35 && pod.in_user_namespace() {
        return None;
    }
    proc_mount_default_only(pod, &PROC_MOUNT.rule)
}

const SECCOMP_POD_ANNOTATION: &str = "seccomp.security.alpha.kubernetes.io/pod";
const SECCOMP_CONTAINER_ANNOTATION: &str = "container.seccomp.security.alpha.kubernetes.io/";

pub(super) fn seccomp_help() -> Text {
    Text::new(
        "set `securityContext.seccompProfile.type: RuntimeDefault` (or Localhost) on the Pod",
        "PodのsecurityContextに`seccompProfile.type: RuntimeDefault`(またはLocalhost)を設定する必要があります",
    )
}

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
pub(super) fn seccomp_fields(pod: &PodView<'_>, restricted: bool) -> Option<Violation> {
    let rule = if restricted {
        &super::restricted::SECCOMP.rule
    } else {
        &SECCOMP.rule
    };
    let valid =
        |profile: &Node| matches!(profile.text("type"), Some("RuntimeDefault" | "Localhost"));
    let mut first = First::default();
    let mut setters = Vec::new();
    let mut values = BTreeSet::new();
    let mut pod_set = false;
    if let Some((profile, path)) = pod.security_field("seccompProfile") {
        if valid(profile) {
            pod_set = true;
        } else {
            setters.push("pod".to_string());
            values.insert(profile.text("type").unwrap_or_default().to_string());
            first.note(
                path.field("type"),
                profile.present("type").map_or(profile.pos, |t| t.pos),
            );
        }
    }
    let mut explicit = Vec::new();
    let mut implicit = Vec::new();
    let mut missing = First::default();
    for container in pod.containers() {
        match container.security_field("seccompProfile") {
            Some((profile, path)) if !valid(profile) => {
                explicit.push(container.name().to_string());
                values.insert(profile.text("type").unwrap_or_default().to_string());
                first.note(
                    path.field("type"),
                    profile.present("type").map_or(profile.pos, |t| t.pos),
                );
            }
            Some(_) => {}
            None if !pod_set => {
                implicit.push(container.name().to_string());
                missing.note(container.path.clone(), container.node.pos);
            }
            None => {}
        }
    }
    if !explicit.is_empty() {
        setters.push(containers_phrase(&explicit));
    }
    if !setters.is_empty() {
        let values: Vec<String> = values.into_iter().collect();
        return first.violation(
            rule,
            "seccompProfile",
            format!(
                "{} must not set securityContext.seccompProfile.type to {}",
                setters.join(" and "),
                join_quote(&values)
            ),
            seccomp_help(),
        );
    }
    if !restricted {
        return None;
    }
    missing.violation(
        rule,
        "seccompProfile",
        format!(
            "pod or {} must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
            containers_phrase(&implicit)
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

/// `windowsOptions.hostProcess` when it is true.
fn host_process(security: Option<&Node>) -> Option<&Node> {
    let options = security?.present("windowsOptions")?;
    options
        .present("hostProcess")
        .filter(|node| node.value == crate::validate::yaml::Value::Bool(true))
}

fn windows_host_process(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut setters = Vec::new();
    if let Some(node) = host_process(pod.get("securityContext")) {
        setters.push("pod".to_string());
        first.note(
            pod.spec_path
                .field("securityContext")
                .field("windowsOptions")
                .field("hostProcess"),
            node.pos,
        );
    }
    let mut names = Vec::new();
    for container in pod.containers() {
        if let Some(node) = host_process(container.get("securityContext")) {
            names.push(container.name().to_string());
            first.note(
                container
                    .path
                    .field("securityContext")
                    .field("windowsOptions")
                    .field("hostProcess"),
                node.pos,
            );
        }
    }
    if !names.is_empty() {
        setters.push(containers_phrase(&names));
    }
    first.violation(
        &WINDOWS_HOST_PROCESS.rule,
        "hostProcess",
        format!(
            "{} must not set securityContext.windowsOptions.hostProcess=true",
            setters.join(" and ")
        ),
        Text::new(
            "remove `windowsOptions.hostProcess: true` (or set it to false)",
            "`windowsOptions.hostProcess: true`を削除する(またはfalseにする)必要があります",
        ),
    )
}

fn host_probes(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut names = BTreeSet::new();
    let mut hosts = BTreeSet::new();
    for container in pod.containers() {
        let mut handlers: Vec<(&Node, FieldPath)> = Vec::new();
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
            if let Some(node) = container.node.present(probe) {
                handlers.push((node, container.path.field(probe)));
            }
        }
        if let Some(lifecycle) = container.node.present("lifecycle") {
            for hook in ["postStart", "preStop"] {
                if let Some(node) = lifecycle.present(hook) {
                    handlers.push((node, container.path.field("lifecycle").field(hook)));
                }
            }
        }
        for (handler, path) in handlers {
            for action in ["httpGet", "tcpSocket"] {
                let Some(action_node) = handler.present(action) else {
                    continue;
                };
                let Some(host) = action_node.present("host") else {
                    continue;
                };
                let value = host.as_str().unwrap_or(&host.raw);
                if !value.is_empty() {
                    names.insert(container.name().to_string());
                    hosts.insert(value.to_string());
                    first.note(path.field(action).field("host"), host.pos);
                }
            }
        }
    }
    let names: Vec<String> = names.into_iter().collect();
    let hosts: Vec<String> = hosts.into_iter().collect();
    first.violation(
        &HOST_PROBES.rule,
        "probe or lifecycle host",
        format!(
            "{} {} {} {}",
            containers_phrase(&names),
            plural(names.len(), "uses", "use"),
            plural(hosts.len(), "probe or lifecycle host", "probe or lifecycle hosts"),
            join_quote(&hosts)
        ),
        Text::new(
            "remove `host` from the probe or lifecycle handler: it then targets the Pod's own IP",
            "プローブまたはライフサイクルハンドラーから`host`を削除する必要があります。省略するとPod自身のIPが対象になります",
        ),
    )
}
