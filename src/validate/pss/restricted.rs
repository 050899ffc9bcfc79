//! The restricted checks of the library, including those that replace a
//! baseline check while restricted is in force.

use std::collections::BTreeSet;

use super::baseline::{
    self, First, added_capabilities, proc_mount_default_only, seccomp_fields, volumes,
};
use super::inherited::{Bad, Inherited};
use super::{Level, PolicyCheck, Violation, containers_phrase, join_quote, plural};
use crate::validate::finding::Text;
use crate::validate::pod::PodView;
use crate::validate::rule::Words;
use crate::validate::yaml::Value;

const fn check(
    id: &'static str,
    since: u32,
    overrides: Option<&'static PolicyCheck>,
    run: fn(&PodView<'_>, u32) -> Option<Violation>,
    summary: Words,
    help: Words,
) -> PolicyCheck {
    PolicyCheck {
        rule: super::rule(id, since, Level::Restricted, summary, help),
        level: Level::Restricted,
        overrides,
        run,
    }
}

pub(super) static VOLUMES: PolicyCheck = check(
    "pss/restrictedVolumes",
    0,
    Some(&baseline::HOST_PATH_VOLUMES),
    restricted_volumes,
    Words::new(
        "Volume types other than configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret",
        "configMap、csi、downwardAPI、emptyDir、ephemeral、image、persistentVolumeClaim、projected、secret以外のボリューム",
    ),
    Words::new(
        "use one of the allowed volume types; other storage is reached through a PersistentVolumeClaim",
        "許可された種類のボリュームを使ってください。それ以外のストレージにはPersistentVolumeClaimを使います",
    ),
);
pub(super) static PRIVILEGE_ESCALATION: PolicyCheck = check(
    "pss/allowPrivilegeEscalation",
    8,
    None,
    privilege_escalation,
    Words::new(
        "Containers that do not set allowPrivilegeEscalation: false",
        "allowPrivilegeEscalation: falseを設定していないコンテナ",
    ),
    Words::new(
        "set `allowPrivilegeEscalation: false` in every container's securityContext",
        "すべてのコンテナのsecurityContextで`allowPrivilegeEscalation: false`を設定してください",
    ),
);
pub(super) static RUN_AS_NON_ROOT: PolicyCheck = check(
    "pss/runAsNonRoot",
    0,
    None,
    run_as_non_root,
    Words::new(
        "Pods that do not require a non-root user (runAsNonRoot: true at Pod level or in every container)",
        "root以外のユーザーを必須にしていないPod(Podレベルまたはすべてのコンテナでの`runAsNonRoot: true`)",
    ),
    Words::new(
        "set `runAsNonRoot: true` in the Pod's securityContext, or in every container's",
        "PodのsecurityContext、またはすべてのコンテナのsecurityContextで`runAsNonRoot: true`を設定してください",
    ),
);
pub(super) static RUN_AS_USER: PolicyCheck = check(
    "pss/runAsUser",
    23,
    None,
    run_as_user,
    Words::new("runAsUser: 0 (root)", "runAsUser: 0(root)"),
    Words::new(
        "use a non-zero user id, or leave runAsUser unset and set runAsNonRoot: true",
        "0以外のユーザーIDを使うか、runAsUserを設定せずにrunAsNonRoot: trueを設定してください",
    ),
);
pub(super) static SECCOMP: PolicyCheck = check(
    "pss/seccompProfile_restricted",
    19,
    Some(&baseline::SECCOMP),
    seccomp,
    Words::new(
        "No seccomp profile, or one other than RuntimeDefault or Localhost",
        "seccompプロファイルがない、またはRuntimeDefaultとLocalhost以外",
    ),
    Words::new(
        "set `seccompProfile: {type: RuntimeDefault}` in the Pod's securityContext",
        "PodのsecurityContextで`seccompProfile: {type: RuntimeDefault}`を設定してください",
    ),
);
pub(super) static CAPABILITIES: PolicyCheck = check(
    "pss/capabilities_restricted",
    22,
    Some(&baseline::CAPABILITIES),
    capabilities,
    Words::new(
        "Containers that do not drop ALL capabilities, or add any but NET_BIND_SERVICE",
        "ALLをdropしていない、またはNET_BIND_SERVICE以外を追加しているコンテナ",
    ),
    Words::new(
        "set `capabilities: {drop: [ALL]}` and add at most NET_BIND_SERVICE",
        "`capabilities: {drop: [ALL]}`を設定し、追加するのはNET_BIND_SERVICEだけにしてください",
    ),
);
pub(super) static PROC_MOUNT: PolicyCheck = check(
    "pss/procMount_restricted",
    35,
    Some(&baseline::PROC_MOUNT),
    proc_mount,
    Words::new(
        "procMount other than Default, also with user namespaces",
        "Default以外のprocMount(ユーザー名前空間を使っていても)",
    ),
    Words::new(
        "remove procMount or set it to Default",
        "procMountを削除するか、Defaultにしてください",
    ),
);

/// Windows Pods are exempt from some restricted checks from v1.25 on.
fn windows_exempt(pod: &PodView<'_>, minor: u32) -> bool {
    minor >= 25 && pod.is_windows()
}

const ALLOWED_VOLUMES: &[&str] = &[
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "image",
    "persistentVolumeClaim",
    "projected",
    "secret",
];

/// Volume sources in the order the library names the first one it finds.
const OTHER_VOLUMES: &[&str] = &[
    "hostPath",
    "gcePersistentDisk",
    "awsElasticBlockStore",
    "gitRepo",
    "nfs",
    "iscsi",
    "glusterfs",
    "rbd",
    "flexVolume",
    "cinder",
    "cephfs",
    "flocker",
    "fc",
    "azureFile",
    "vsphereVolume",
    "quobyte",
    "azureDisk",
    "photonPersistentDisk",
    "portworxVolume",
    "scaleIO",
    "storageos",
];

fn restricted_volumes(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut names = Vec::new();
    let mut types = BTreeSet::new();
    for (volume, path) in volumes(pod) {
        if ALLOWED_VOLUMES
            .iter()
            .any(|key| volume.present(key).is_some())
        {
            continue;
        }
        let source = OTHER_VOLUMES
            .iter()
            .find(|key| volume.present(key).is_some())
            .copied();
        // The API server defaults a volume without a source to emptyDir.
        let sourceless = volume.entries().iter().all(|entry| entry.key == "name");
        if source.is_none() && sourceless {
            continue;
        }
        names.push(volume.text("name").unwrap_or_default().to_string());
        types.insert(source.unwrap_or("unknown").to_string());
        match source.and_then(|key| volume.present(key).map(|node| (key, node))) {
            Some((key, node)) => first.note(path.field(key), node.pos),
            None => first.note(path, volume.pos),
        }
    }
    let types: Vec<String> = types.into_iter().collect();
    first.violation(
        &VOLUMES.rule,
        "restricted volume types",
        format!(
            "{} {} {} {} {}",
            plural(names.len(), "volume", "volumes"),
            join_quote(&names),
            plural(names.len(), "uses", "use"),
            plural(
                types.len(),
                "restricted volume type",
                "restricted volume types"
            ),
            join_quote(&types)
        ),
        Text::new(
            format!(
                "use only these volume types: {}",
                ALLOWED_VOLUMES.join(", ")
            ),
            format!(
                "ボリュームの種類は{}だけを使う必要があります",
                ALLOWED_VOLUMES.join(", ")
            ),
        ),
    )
}

fn privilege_escalation(pod: &PodView<'_>, minor: u32) -> Option<Violation> {
    if windows_exempt(pod, minor) {
        return None;
    }
    let mut first = First::default();
    let mut names = Vec::new();
    for container in pod.containers() {
        match container.security_field("allowPrivilegeEscalation") {
            Some((node, _)) if node.value == Value::Bool(false) => {}
            Some((node, path)) => {
                names.push(container.name().to_string());
                first.note(path, node.pos);
            }
            None => {
                names.push(container.name().to_string());
                first.note(container.path.clone(), container.node.pos);
            }
        }
    }
    first.violation(
        &PRIVILEGE_ESCALATION.rule,
        "allowPrivilegeEscalation != false",
        format!(
            "{} must set securityContext.allowPrivilegeEscalation=false",
            containers_phrase(&names)
        ),
        Text::new(
            "add `allowPrivilegeEscalation: false` to the securityContext of every container",
            "すべてのコンテナのsecurityContextに`allowPrivilegeEscalation: false`を追加する必要があります",
        ),
    )
}

fn run_as_non_root(pod: &PodView<'_>, minor: u32) -> Option<Violation> {
    if minor >= 35 && pod.in_user_namespace() {
        return None;
    }
    let help = || {
        Text::new(
            "add `runAsNonRoot: true` to the Pod's securityContext (and do not set it to false on a container)",
            "PodのsecurityContextに`runAsNonRoot: true`を追加する必要があります(コンテナでfalseにしないでください)",
        )
    };
    let tally = Inherited::of(pod, "runAsNonRoot", |node, path| {
        (node.value == Value::Bool(false)).then(|| Bad {
            path: path.clone(),
            pos: node.pos,
            shown: "false".to_string(),
        })
    });
    if !tally.setters.is_empty() {
        return tally.first.violation(
            &RUN_AS_NON_ROOT.rule,
            "runAsNonRoot != true",
            format!(
                "{} must not set securityContext.runAsNonRoot=false",
                tally.setters.join(" and ")
            ),
            help(),
        );
    }
    tally.missing.violation(
        &RUN_AS_NON_ROOT.rule,
        "runAsNonRoot != true",
        format!(
            "pod or {} must set securityContext.runAsNonRoot=true",
            containers_phrase(&tally.implicit)
        ),
        help(),
    )
}

fn run_as_user(pod: &PodView<'_>, minor: u32) -> Option<Violation> {
    if minor >= 35 && pod.in_user_namespace() {
        return None;
    }
    let mut first = First::default();
    let mut setters = Vec::new();
    if let Some((node, path)) = pod.security_field("runAsUser")
        && pod.get("securityContext").and_then(|s| s.int("runAsUser")) == Some(0)
    {
        setters.push("pod".to_string());
        first.note(path, node.pos);
    }
    let mut names = Vec::new();
    for container in pod.containers() {
        if let Some((node, path)) = container.security_field("runAsUser")
            && node.value == Value::Int(0)
        {
            names.push(container.name().to_string());
            first.note(path, node.pos);
        }
    }
    if !names.is_empty() {
        setters.push(containers_phrase(&names));
    }
    first.violation(
        &RUN_AS_USER.rule,
        "runAsUser=0",
        format!("{} must not set runAsUser=0", setters.join(" and ")),
        Text::new(
            "remove `runAsUser: 0` or set a non-zero user id such as `runAsUser: 1000`",
            "`runAsUser: 0`を削除するか、`runAsUser: 1000`のように0以外のユーザーIDを設定する必要があります",
        ),
    )
}

fn seccomp(pod: &PodView<'_>, minor: u32) -> Option<Violation> {
    if windows_exempt(pod, minor) {
        return None;
    }
    seccomp_fields(pod, true)
}

fn capabilities(pod: &PodView<'_>, minor: u32) -> Option<Violation> {
    if windows_exempt(pod, minor) {
        return None;
    }
    let mut first = First::default();
    let mut missing_drop = Vec::new();
    let mut adding = Vec::new();
    let mut forbidden = BTreeSet::new();
    for container in pod.containers() {
        let capabilities = container.security_field("capabilities");
        let dropped_all = capabilities
            .as_ref()
            .and_then(|(caps, _)| caps.present("drop"))
            .is_some_and(|drop| drop.items().iter().any(|c| c.as_str() == Some("ALL")));
        if !dropped_all {
            missing_drop.push(container.name().to_string());
            match &capabilities {
                Some((caps, path)) => first.note(path.clone(), caps.pos),
                None => first.note(container.path.clone(), container.node.pos),
            }
        }
        let mut bad = false;
        for (node, path) in added_capabilities(container) {
            let name = node.as_str().unwrap_or(&node.raw);
            if name != "NET_BIND_SERVICE" {
                bad = true;
                forbidden.insert(name.to_string());
                first.note(path, node.pos);
            }
        }
        if bad {
            adding.push(container.name().to_string());
        }
    }
    let mut details = Vec::new();
    if !missing_drop.is_empty() {
        details.push(format!(
            "{} must set securityContext.capabilities.drop=[\"ALL\"]",
            containers_phrase(&missing_drop)
        ));
    }
    if !adding.is_empty() {
        let forbidden: Vec<String> = forbidden.into_iter().collect();
        details.push(format!(
            "{} must not include {} in securityContext.capabilities.add",
            containers_phrase(&adding),
            join_quote(&forbidden)
        ));
    }
    first.violation(
        &CAPABILITIES.rule,
        "unrestricted capabilities",
        details.join("; "),
        Text::new(
            "add `capabilities: {drop: [\"ALL\"]}` to every container's securityContext; only NET_BIND_SERVICE may be added back",
            "すべてのコンテナのsecurityContextに`capabilities: {drop: [\"ALL\"]}`を追加する必要があります。addで戻せるのはNET_BIND_SERVICEだけです",
        ),
    )
}

fn proc_mount(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    proc_mount_default_only(pod, &PROC_MOUNT.rule)
}
