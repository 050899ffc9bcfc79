//! API-server rules for Pod specs, wherever one appears: a Pod's `spec` and
//! the Pod templates of workloads. Containers, ports, env, volumes and their
//! mounts, probes, restart and DNS policies, deadlines.
//!
//! The API server validates a spec after defaulting it (restartPolicy
//! Always, dnsPolicy ClusterFirst, protocol TCP, a pull policy, a volume
//! without a source becomes emptyDir), so defaulted fields never raise
//! "Required value" here. Messages follow pkg/apis/core/validation,
//! pkg/apis/apps/validation and pkg/apis/batch/validation, including their
//! field-path quirks.

use std::collections::HashSet;
use std::net::IpAddr;

use super::names::{self, problem_text};
use super::{Ctx, catalog, go_quote, is_map, ports, present, shown};
use crate::validate::finding::{Pos, Text};
use crate::validate::path::FieldPath;
use crate::validate::yaml::{Entry, Node, Value};

/// The Pod restart policies (pod-level `restartPolicy`).
const RESTART_POLICIES: &[&str] = &["Always", "OnFailure", "Never"];
/// What a Job's (and a CronJob's) Pod template allows.
const JOB_RESTART_POLICIES: &[&str] = &["OnFailure", "Never"];
/// What the controllers that keep Pods running allow.
const ALWAYS: &[&str] = &["Always"];
/// In the order the API server lists them.
const DNS_POLICIES: &[&str] = &["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
/// Sorted, as the API server lists set members.
const PULL_POLICIES: &[&str] = &["Always", "IfNotPresent", "Never"];
const TERMINATION_MESSAGE_POLICIES: &[&str] = &["File", "FallbackToLogsOnError"];
const HTTP_SCHEMES: &[&str] = &["HTTP", "HTTPS"];
const PROBE_HANDLERS: &[&str] = &["exec", "httpGet", "tcpSocket", "grpc"];
const LIFECYCLE_HANDLERS: &[&str] = &["exec", "httpGet", "tcpSocket", "sleep"];
const PROBES: &[&str] = &["livenessProbe", "readinessProbe", "startupProbe"];
const MAX_NAMESERVERS: usize = 3;
const MAX_SEARCHES: usize = 32;
const MAX_SEARCH_CHARS: usize = 2048;

/// Volume sources in the order the API server counts them, each with the
/// field name its message uses (`cephFS` and `downwarAPI` are the server's
/// own spellings).
const VOLUME_SOURCES: &[(&str, &str)] = &[
    ("emptyDir", "emptyDir"),
    ("hostPath", "hostPath"),
    ("gitRepo", "gitRepo"),
    ("gcePersistentDisk", "gcePersistentDisk"),
    ("awsElasticBlockStore", "awsElasticBlockStore"),
    ("secret", "secret"),
    ("nfs", "nfs"),
    ("iscsi", "iscsi"),
    ("glusterfs", "glusterfs"),
    ("flocker", "flocker"),
    ("persistentVolumeClaim", "persistentVolumeClaim"),
    ("rbd", "rbd"),
    ("cinder", "cinder"),
    ("cephfs", "cephFS"),
    ("quobyte", "quobyte"),
    ("downwardAPI", "downwarAPI"),
    ("fc", "fc"),
    ("flexVolume", "flexVolume"),
    ("configMap", "configMap"),
    ("azureFile", "azureFile"),
    ("vsphereVolume", "vsphereVolume"),
    ("photonPersistentDisk", "photonPersistentDisk"),
    ("portworxVolume", "portworxVolume"),
    ("azureDisk", "azureDisk"),
    ("storageos", "storageos"),
    ("projected", "projected"),
    ("scaleIO", "scaleIO"),
    ("csi", "csi"),
    ("ephemeral", "ephemeral"),
    ("image", "image"),
];

/// The three container lists of a Pod spec; each has its own rules.
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Regular,
    Init,
    Ephemeral,
}

impl List {
    /// The field holding the list.
    fn key(self) -> &'static str {
        match self {
            List::Regular => "containers",
            List::Init => "initContainers",
            List::Ephemeral => "ephemeralContainers",
        }
    }
}

/// The Pod's volume names: those that passed validation (the API server only
/// lets mounts refer to those) and all those written.
#[derive(Default)]
struct Volumes {
    valid: HashSet<String>,
    declared: HashSet<String>,
}

/// What the per-container rules need to know about the Pod around them.
struct Pod<'a> {
    kind: &'a str,
    spec: &'a Node,
    path: &'a FieldPath,
    /// `None` when mounts cannot be checked here: a StatefulSet's controller
    /// adds its volumeClaimTemplates as volumes.
    volumes: Option<Volumes>,
}

impl Pod<'_> {
    /// A bare Pod, not a template: some defaults and rules apply only there.
    fn is_pod(&self) -> bool {
        self.kind == "Pod"
    }

    /// `hostNetwork: true`.
    fn host_network(&self) -> bool {
        self.spec
            .get("hostNetwork")
            .is_some_and(|n| n.value == Value::Bool(true))
    }
}

/// Checks one Pod spec of an object of `kind` found at `path`.
pub(super) fn check_pod_spec(kind: &str, spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if !is_map(spec) {
        return;
    }
    let volumes = check_volumes(spec, path, ctx);
    let pod = Pod {
        kind,
        spec,
        path,
        volumes: (kind != "StatefulSet").then_some(volumes),
    };
    check_container_lists(&pod, ctx);
    check_host_ports(&pod, ctx);
    check_host_network(&pod, ctx);
    check_restart_policy(&pod, ctx);
    check_dns(&pod, ctx);
    check_deadlines(&pod, ctx);
    super::tolerations::check(spec, path, ctx);
}

// ---------------------------------------------------------------------------
// Helpers

/// A list of strings as Go's `%#v` prints a `[]string`.
fn go_strings(items: &[&str]) -> String {
    let inner: Vec<String> = items.iter().map(|item| go_quote(item)).collect();
    format!("[]string{{{}}}", inner.join(", "))
}

/// `<path>: Not found: "x"`: a reference to something the Pod does not define.
fn not_found(ctx: &mut Ctx<'_>, path: &FieldPath, node: &Node, help: Text) {
    let shown = shown(node);
    let message = Text::new(
        format!("{path}: Not found: {shown}"),
        format!("{path}: 見つかりません: {shown}"),
    );
    ctx.report(&catalog::NOT_FOUND, path, node.pos, message, help);
}

/// The string under `key`, if there is one.
fn text<'a>(node: &'a Node, key: &str) -> Option<&'a str> {
    node.get(key).and_then(Node::as_str)
}

/// The integer under `key` with its node, if there is one.
fn int<'a>(node: &'a Node, key: &str) -> Option<(i64, &'a Node)> {
    match node.get(key) {
        Some(
            found @ Node {
                value: Value::Int(number),
                ..
            },
        ) => Some((*number, found)),
        _ => None,
    }
}

/// Whether a value is "set" in Go terms: not null and not an empty list or map.
fn is_set(node: &Node) -> bool {
    match &node.value {
        Value::Null => false,
        Value::Seq(items) => !items.is_empty(),
        Value::Map(entries) => !entries.is_empty(),
        _ => true,
    }
}

/// Null or `[]` (a list of another type was reported by the schema layer).
fn is_empty_list(node: &Node) -> bool {
    match &node.value {
        Value::Null => true,
        Value::Seq(items) => items.is_empty(),
        _ => false,
    }
}

/// Null or `""` (a value of another type was reported by the schema layer).
fn is_empty_text(node: &Node) -> bool {
    match &node.value {
        Value::Null => true,
        Value::Str(text) => text.is_empty(),
        _ => false,
    }
}

/// RFC 1123 subdomain that also allows '_' (DNS search domains since
/// RelaxedDNSSearchValidation, on by default from 1.33).
fn dns1123_subdomain_with_underscore(value: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if value.len() > names::DNS1123_SUBDOMAIN_MAX {
        problems.push(format!(
            "must be no more than {} characters",
            names::DNS1123_SUBDOMAIN_MAX
        ));
    }
    let alnum = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
    let label_ok = |label: &str| {
        let body = label.strip_prefix('_').unwrap_or(label);
        !body.is_empty()
            && body.chars().all(|c| alnum(c) || c == '-' || c == '_')
            && body.starts_with(alnum)
            && body.ends_with(alnum)
    };
    if value.is_empty() || !value.split('.').all(label_ok) {
        problems.push("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')".to_string());
    }
    problems
}

// ---------------------------------------------------------------------------
// Volumes

/// Checks `volumes` and returns their names.
fn check_volumes(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) -> Volumes {
    let mut names = Volumes::default();
    let Some(volumes) = spec.get("volumes") else {
        return names;
    };
    for (index, volume) in volumes.items().iter().enumerate() {
        if !is_map(volume) {
            continue;
        }
        let volume_path = path.field("volumes").index(index);
        let mut clean = check_volume_source(volume, &volume_path, ctx);
        let Some(name_node) = volume.get("name") else {
            continue;
        };
        let Some(name) = name_node.as_str() else {
            continue;
        };
        clean &= check_volume_name(
            name_node,
            name,
            &volume_path.field("name"),
            &names.valid,
            ctx,
        );
        if clean {
            names.valid.insert(name.to_string());
        }
        names.declared.insert(name.to_string());
    }
    names
}

/// A volume name: required, a DNS label, unique. Returns whether it is fine.
fn check_volume_name(
    node: &Node,
    name: &str,
    path: &FieldPath,
    valid: &HashSet<String>,
    ctx: &mut Ctx<'_>,
) -> bool {
    let mut clean = true;
    if name.is_empty() {
        ctx.required(
            path,
            node.pos,
            Text::new(
                "give the volume a name that volumeMounts can refer to",
                "volumeMountsから参照できるよう、ボリュームに名前を付けてください",
            ),
        );
        clean = false;
    }
    for problem in if name.is_empty() {
        Vec::new()
    } else {
        names::dns1123_label(name)
    } {
        ctx.invalid(
            path,
            node,
            problem_text(&problem),
            Text::new(
                "volume names are DNS labels: lowercase letters, digits and '-', at most 63 characters",
                "ボリューム名はDNSラベルです。英小文字・数字・'-'で63文字以内にしてください",
            ),
        );
        clean = false;
    }
    if valid.contains(name) {
        ctx.duplicate(
            path,
            node,
            Text::new(
                "volume names must be unique within the Pod: rename one of them",
                "ボリューム名はPod内で一意でなければなりません。どちらかの名前を変更してください",
            ),
        );
        clean = false;
    }
    clean
}

/// At most one volume source per volume (none is fine: the server defaults it
/// to emptyDir), and the fields the chosen source needs. Returns whether it is fine.
fn check_volume_source(volume: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) -> bool {
    let mut first = None;
    let mut clean = true;
    for (key, shown_as) in VOLUME_SOURCES {
        let Some(entry) = present(volume, key) else {
            continue;
        };
        if first.is_some() {
            ctx.forbidden(
                &path.field(shown_as),
                entry.key_pos,
                Text::new("may not specify more than 1 volume type", "ボリュームの種類は1つしか指定できません"),
                Text::new(
                    "a volume has exactly one source (emptyDir, configMap, secret, persistentVolumeClaim, …): split it into separate volumes",
                    "1つのボリュームに指定できるソース(emptyDir、configMap、secret、persistentVolumeClaimなど)は1つだけです。別々のボリュームに分けてください",
                ),
            );
            clean = false;
        } else {
            first = Some(*key);
            clean &= check_source_fields(key, entry, &path.field(shown_as), ctx);
        }
    }
    clean
}

/// The name a source needs: which Secret, ConfigMap, claim or host path.
fn check_source_fields(key: &str, entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) -> bool {
    let (field, required_when_missing, help) = match key {
        "secret" => (
            "secretName",
            true,
            Text::new(
                "name the Secret to mount with `secretName` (not `name`)",
                "マウントするSecretを`secretName`で指定してください(`name`ではありません)",
            ),
        ),
        "configMap" => (
            "name",
            false,
            Text::new(
                "name the ConfigMap to mount with `name`",
                "マウントするConfigMapを`name`で指定してください",
            ),
        ),
        "persistentVolumeClaim" => (
            "claimName",
            false,
            Text::new(
                "name the PersistentVolumeClaim to use with `claimName`",
                "使用するPersistentVolumeClaimを`claimName`で指定してください",
            ),
        ),
        "hostPath" => (
            "path",
            false,
            Text::new(
                "give the path on the node to mount",
                "マウントするノード上のパスを指定してください",
            ),
        ),
        _ => return true,
    };
    let source = &entry.value;
    if !is_map(source) {
        return true;
    }
    match source.get(field) {
        Some(node) if node.as_str() == Some("") => ctx.required(&path.field(field), node.pos, help),
        Some(node) if node.value != Value::Null => return true,
        // A field the schema requires is reported there when missing.
        _ if !required_when_missing => return true,
        _ => ctx.required(&path.field(field), entry.key_pos, help),
    }
    false
}

// ---------------------------------------------------------------------------
// Containers

/// Every container list: at least one regular container, names unique across
/// all lists, each container's own rules, and ephemeral containers refused.
fn check_container_lists(pod: &Pod<'_>, ctx: &mut Ctx<'_>) {
    if let Some(entry) = pod.spec.entry("containers")
        && matches!(&entry.value.value, Value::Seq(items) if items.is_empty())
    {
        ctx.required(
            &pod.path.field("containers"),
            entry.key_pos,
            Text::new(
                "a Pod needs at least one container: add an entry under `containers` with a name and an image",
                "Podには少なくとも1つのコンテナが必要です。`containers`に名前とイメージを持つ要素を追加してください",
            ),
        );
    }
    let mut names = HashSet::new();
    for list in [List::Regular, List::Init, List::Ephemeral] {
        let Some(entry) = pod.spec.entry(list.key()) else {
            continue;
        };
        let list_path = pod.path.field(list.key());
        if list == List::Ephemeral && !entry.value.items().is_empty() {
            forbid_ephemeral_containers(pod, entry, &list_path, ctx);
        }
        for (index, container) in entry.value.items().iter().enumerate() {
            if is_map(container) {
                let path = list_path.index(index);
                check_container(pod, list, container, &path, ctx);
                check_unique_name(container, &path.field("name"), &mut names, ctx);
            }
        }
    }
}

/// Ephemeral containers are added with `kubectl debug`, never in a manifest.
fn forbid_ephemeral_containers(pod: &Pod<'_>, entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let detail = if pod.is_pod() {
        Text::new("cannot be set on create", "作成時には設定できません")
    } else {
        Text::new(
            "ephemeral containers not allowed in pod template",
            "Podテンプレートではエフェメラルコンテナを使用できません",
        )
    };
    ctx.forbidden(
        path,
        entry.key_pos,
        detail,
        Text::new(
            "ephemeral containers are added to a running Pod with `kubectl debug`; they are not written in a manifest",
            "エフェメラルコンテナは実行中のPodに`kubectl debug`で追加するもので、マニフェストには書けません",
        ),
    );
}

/// Container names must be unique across init, regular and ephemeral containers.
fn check_unique_name(
    container: &Node,
    path: &FieldPath,
    names: &mut HashSet<String>,
    ctx: &mut Ctx<'_>,
) {
    let Some(node) = container.get("name") else {
        return;
    };
    let Some(name) = node.as_str() else { return };
    if !name.is_empty() && !names.insert(name.to_string()) {
        ctx.duplicate(
            path,
            node,
            Text::new(
                "every container of a Pod (init, regular and ephemeral) needs its own name: rename one of them",
                "Pod内のコンテナ(Initコンテナ、通常のコンテナ、エフェメラルコンテナ)にはそれぞれ別の名前が必要です。どちらかの名前を変更してください",
            ),
        );
    }
}

/// The rules common to every container, then those of its list.
fn check_container(
    pod: &Pod<'_>,
    list: List,
    container: &Node,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    check_container_name(container, path, ctx);
    check_image(pod, list, container, path, ctx);
    ctx.choice(
        container,
        "imagePullPolicy",
        PULL_POLICIES,
        path,
        Text::new(
            "use Always, IfNotPresent or Never (case-sensitive), or leave it out to get the default",
            "Always、IfNotPresent、Neverのいずれかを指定するか(大文字と小文字は区別されます)、省略して既定値を使ってください",
        ),
    );
    ctx.choice(
        container,
        "terminationMessagePolicy",
        TERMINATION_MESSAGE_POLICIES,
        path,
        Text::new(
            "use File or FallbackToLogsOnError, or leave it out (the default is File)",
            "FileかFallbackToLogsOnErrorを指定するか、省略してください(既定値はFile)",
        ),
    );
    check_ports(container, path, ctx);
    check_env(container, path, ctx);
    check_mounts(pod, list, container, path, ctx);
    match list {
        List::Regular => check_regular_container(container, path, ctx),
        List::Init => check_init_container(container, path, ctx),
        List::Ephemeral => check_ephemeral_container(container, path, ctx),
    }
}

/// A container name: required and a DNS label.
fn check_container_name(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(node) = container.get("name") else {
        return;
    };
    let Some(name) = node.as_str() else { return };
    let path = path.field("name");
    if name.is_empty() {
        ctx.required(
            &path,
            node.pos,
            Text::new(
                "give the container a name: lowercase letters, digits and '-', such as `app`",
                "コンテナに名前を付けてください。英小文字・数字・'-'を使います(例: `app`)",
            ),
        );
        return;
    }
    for problem in names::dns1123_label(name) {
        ctx.invalid(
            &path,
            node,
            problem_text(&problem),
            Text::new(
                "container names are DNS labels: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (e.g. `web-server`)",
                "コンテナ名はDNSラベルです。英小文字・数字・'-'だけを使い、先頭と末尾は英数字、63文字以内にしてください(例: `web-server`)",
            ),
        );
    }
}

/// The image is required (an empty string too); a Pod's image has no
/// surrounding spaces.
fn check_image(pod: &Pod<'_>, list: List, container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let path = path.field("image");
    let help = Text::new(
        "name the container image to run, with a tag, such as `image: nginx:1.27`",
        "実行するコンテナイメージをタグ付きで指定してください(例: `image: nginx:1.27`)",
    );
    match container.get("image") {
        None
        | Some(Node {
            value: Value::Null, ..
        }) => ctx.required(&path, container.pos, help),
        Some(
            node @ Node {
                value: Value::Str(image),
                ..
            },
        ) => {
            if image.is_empty() {
                ctx.required(&path, node.pos, help);
            } else if (pod.is_pod() || list == List::Ephemeral) && image.trim() != image {
                ctx.invalid(
                    &path,
                    node,
                    Text::new(
                        "must not have leading or trailing whitespace",
                        "先頭や末尾に空白を含めることはできません",
                    ),
                    Text::new(
                        "remove the spaces around the image name",
                        "イメージ名の前後の空白を削除してください",
                    ),
                );
            }
        }
        Some(_) => {}
    }
}

/// Regular containers: probes and hooks are checked; a container
/// restartPolicy is for init containers only.
fn check_regular_container(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    check_lifecycle(container, path, ctx);
    check_probes(container, path, ctx);
    if let Some(entry) = present(container, "restartPolicy") {
        ctx.forbidden(
            &path.field("restartPolicy"),
            entry.key_pos,
            Text::new("may not be set for non-init containers", "Initコンテナ以外には設定できません"),
            Text::new(
                "only init containers take a restartPolicy (Always makes them native sidecars): remove it here, or move this container to initContainers",
                "restartPolicyを設定できるのはInitコンテナだけです(Alwaysにするとネイティブのサイドカーコンテナになります)。ここから削除するか、このコンテナをinitContainersに移してください",
            ),
        );
    }
}

/// Init containers: `restartPolicy: Always` makes a native sidecar, which may
/// have probes and hooks; a plain init container may not.
fn check_init_container(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let sidecar = match present(container, "restartPolicy").map(|entry| &entry.value) {
        None => Some(false),
        Some(
            node @ Node {
                value: Value::Str(policy),
                ..
            },
        ) => {
            if policy != "Always" {
                ctx.unsupported(
                    &path.field("restartPolicy"),
                    node,
                    ALWAYS,
                    Text::new(
                        "an init container's restartPolicy can only be Always, which makes it a native sidecar; remove it for a plain init container",
                        "InitコンテナのrestartPolicyに指定できるのはAlwaysだけで、これによりネイティブのサイドカーコンテナになります。通常のInitコンテナにするなら削除してください",
                    ),
                );
            }
            Some(policy == "Always")
        }
        Some(_) => None,
    };
    match sidecar {
        Some(true) => {
            check_lifecycle(container, path, ctx);
            check_probes(container, path, ctx);
        }
        Some(false) => forbid_init_fields(container, path, ctx),
        None => {}
    }
}

/// Probes and hooks on an init container that is not a sidecar.
fn forbid_init_fields(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for key in [
        "lifecycle",
        "livenessProbe",
        "readinessProbe",
        "startupProbe",
    ] {
        if let Some(entry) = present(container, key) {
            ctx.forbidden(
                &path.field(key),
                entry.key_pos,
                Text::new(
                    "may not be set for init containers without restartPolicy=Always",
                    "restartPolicy=AlwaysでないInitコンテナには設定できません",
                ),
                Text::new(
                    "init containers run to completion before the app starts, so they take no probes or lifecycle hooks: add `restartPolicy: Always` to make it a sidecar, or remove this field",
                    "Initコンテナはアプリの起動前に完了するため、プローブやライフサイクルフックは使えません。サイドカーにするなら`restartPolicy: Always`を追加し、そうでなければこのフィールドを削除してください",
                ),
            );
        }
    }
}

/// Ephemeral containers are for debugging: no ports, probes, resources or hooks.
fn check_ephemeral_container(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let keys = [
        "ports",
        "resources",
        "livenessProbe",
        "readinessProbe",
        "startupProbe",
        "lifecycle",
        "restartPolicy",
        "resizePolicy",
    ];
    for key in keys {
        if let Some(entry) = container.entry(key)
            && is_set(&entry.value)
        {
            forbid_for_ephemeral(&path.field(key), entry.key_pos, ctx);
        }
    }
}

/// `Forbidden: cannot be set for an Ephemeral Container`.
fn forbid_for_ephemeral(path: &FieldPath, pos: Pos, ctx: &mut Ctx<'_>) {
    ctx.forbidden(
        path,
        pos,
        Text::new("cannot be set for an Ephemeral Container", "エフェメラルコンテナには設定できません"),
        Text::new(
            "ephemeral containers are for debugging: they cannot have ports, probes, resources, lifecycle hooks or subPath mounts",
            "エフェメラルコンテナはデバッグ用で、ポート、プローブ、リソース、ライフサイクルフック、subPathのマウントは持てません",
        ),
    );
}

// ---------------------------------------------------------------------------
// Ports

/// Each port: name, containerPort, hostPort, protocol.
fn check_ports(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(ports) = container.get("ports") else {
        return;
    };
    let mut names = HashSet::new();
    for (index, port) in ports.items().iter().enumerate() {
        if !is_map(port) {
            continue;
        }
        let path = path.field("ports").index(index);
        check_port_name(port, &path, &mut names, ctx);
        check_port_numbers(port, &path, ctx);
        ctx.choice(
            port,
            "protocol",
            &ports::PROTOCOLS,
            &path,
            Text::new(
                "use TCP, UDP or SCTP in capital letters, or leave it out for TCP",
                "TCP、UDP、SCTPのいずれかを大文字で指定するか、省略してTCPにしてください",
            ),
        );
    }
}

/// A port name is an IANA service name, unique within the container.
fn check_port_name(port: &Node, path: &FieldPath, names: &mut HashSet<String>, ctx: &mut Ctx<'_>) {
    let Some(node) = port.get("name") else { return };
    let Some(name) = node.as_str().filter(|name| !name.is_empty()) else {
        return;
    };
    let path = path.field("name");
    let problems = names::iana_svc_name(name);
    for problem in &problems {
        ctx.invalid(
            &path,
            node,
            problem_text(problem),
            Text::new(
                "port names are at most 15 lowercase letters, digits and '-', with at least one letter (e.g. `http`, `metrics`)",
                "ポート名は英小文字・数字・'-'で15文字以内、英字を少なくとも1文字含めてください(例: `http`、`metrics`)",
            ),
        );
    }
    if problems.is_empty() && !names.insert(name.to_string()) {
        ctx.duplicate(
            &path,
            node,
            Text::new(
                "port names must be unique within a container: rename or remove the second one",
                "ポート名はコンテナ内で一意でなければなりません。2つ目の名前を変えるか削除してください",
            ),
        );
    }
}

/// containerPort is required and 1–65535; hostPort, when set, is 1–65535.
fn check_port_numbers(port: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Some((number, node)) = int(port, "containerPort") {
        if number == 0 {
            ctx.required(
                &path.field("containerPort"),
                node.pos,
                Text::new(
                    "containerPort is the port the container listens on: a number from 1 to 65535",
                    "containerPortはコンテナが待ち受けるポート番号です。1から65535の数値を指定してください",
                ),
            );
        } else {
            check_port_range(number, node, &path.field("containerPort"), ctx);
        }
    }
    if let Some((number, node)) = int(port, "hostPort")
        && number != 0
    {
        check_port_range(number, node, &path.field("hostPort"), ctx);
    }
}

/// containerPort and hostPort: the server prints the parsed number.
fn check_port_range(number: i64, node: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let help = Text::new(
        "port numbers go from 1 to 65535",
        "ポート番号は1から65535の範囲で指定してください",
    );
    ports::check_number(number, path, node.pos, &number.to_string(), help, ctx);
}

/// A port reference of a probe or hook: a number or a port name.
fn check_port_ref(node: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let help = || {
        Text::new(
            "use a port number (1–65535) or the name of one of the container's ports",
            "ポート番号(1〜65535)か、コンテナのポート名を指定してください",
        )
    };
    match &node.value {
        Value::Int(number) => {
            ports::check_number(*number, path, node.pos, &number.to_string(), help(), ctx);
        }
        Value::Str(name) => {
            for problem in names::iana_svc_name(name) {
                ctx.invalid(path, node, problem_text(&problem), help());
            }
        }
        _ => {}
    }
}

/// The `protocol/hostIP/hostPort` key the API server uses for host ports,
/// with where to report it. On a bare Pod with hostNetwork, an unset hostPort
/// is defaulted to the containerPort.
fn host_port_key(pod: &Pod<'_>, port: &Node) -> Option<(String, Pos)> {
    let explicit = int(port, "hostPort").filter(|(number, _)| *number != 0);
    let (number, node) = match explicit {
        Some(found) => found,
        None if pod.is_pod() && pod.host_network() => {
            int(port, "containerPort").filter(|(number, _)| *number != 0)?
        }
        None => return None,
    };
    let protocol = text(port, "protocol")
        .filter(|p| !p.is_empty())
        .unwrap_or("TCP");
    let host_ip = text(port, "hostIP").unwrap_or("");
    Some((format!("{protocol}/{host_ip}/{number}"), node.pos))
}

/// A host port and protocol may be used once: across the regular containers,
/// and within each init container (they run one at a time).
fn check_host_ports(pod: &Pod<'_>, ctx: &mut Ctx<'_>) {
    let regular = pod.spec.get("containers").map_or(&[][..], Node::items);
    let mut seen = HashSet::new();
    for (index, container) in regular.iter().enumerate() {
        let path = pod.path.field("containers").index(index);
        check_container_host_ports(pod, container, &path, &mut seen, ctx);
    }
    let init = pod.spec.get("initContainers").map_or(&[][..], Node::items);
    for (index, container) in init.iter().enumerate() {
        let path = pod.path.field("initContainers").index(index);
        check_container_host_ports(pod, container, &path, &mut HashSet::new(), ctx);
    }
}

/// Reports each host port of one container already in `seen`.
fn check_container_host_ports(
    pod: &Pod<'_>,
    container: &Node,
    path: &FieldPath,
    seen: &mut HashSet<String>,
    ctx: &mut Ctx<'_>,
) {
    let ports = container.get("ports").map_or(&[][..], Node::items);
    for (index, port) in ports.iter().enumerate() {
        let Some((key, pos)) = host_port_key(pod, port) else {
            continue;
        };
        if !seen.insert(key.clone()) {
            ctx.duplicate_shown(
                &path.field("ports").index(index).field("hostPort"),
                pos,
                &go_quote(&key),
                Text::new(
                    "two containers cannot claim the same host port and protocol on one node: use another hostPort, or drop hostPort and expose the Pod through a Service",
                    "同じノード上で2つのコンテナが同じホストポートとプロトコルを使うことはできません。別のhostPortを使うか、hostPortをやめてServiceで公開してください",
                ),
            );
        }
    }
}

/// With hostNetwork the container listens on the node itself, so a hostPort
/// must equal its containerPort.
fn check_host_network(pod: &Pod<'_>, ctx: &mut Ctx<'_>) {
    if !pod.host_network() {
        return;
    }
    let containers = pod.spec.get("containers").map_or(&[][..], Node::items);
    for (index, container) in containers.iter().enumerate() {
        let ports = container.get("ports").map_or(&[][..], Node::items);
        for (port_index, port) in ports.iter().enumerate() {
            let Some((host, node)) = int(port, "hostPort") else {
                continue;
            };
            let Some((container_port, _)) = int(port, "containerPort") else {
                continue;
            };
            if host != 0 && host != container_port {
                let path = pod
                    .path
                    .field("containers")
                    .index(index)
                    .field("ports")
                    .index(port_index);
                ctx.invalid_shown(
                    &path.field("hostPort"),
                    node.pos,
                    &host.to_string(),
                    Text::new(
                        "must match `containerPort` when `hostNetwork` is true",
                        "`hostNetwork`がtrueの場合は`containerPort`と一致しなければなりません",
                    ),
                    Text::new(
                        "with hostNetwork: true the container uses the node's ports directly, so hostPort must equal containerPort (or be left out)",
                        "hostNetwork: trueではコンテナがノードのポートを直接使うため、hostPortはcontainerPortと同じ値にする(または省略する)必要があります",
                    ),
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Environment variables

/// Each env var: a name, and at most one of `value` and `valueFrom`.
fn check_env(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let vars = container.get("env").map_or(&[][..], Node::items);
    for (index, var) in vars.iter().enumerate() {
        if is_map(var) {
            let path = path.field("env").index(index);
            check_env_name(var, &path, ctx);
            check_value_from(var, &path, ctx);
        }
    }
}

/// Since 1.34 (RelaxedEnvironmentVariableValidation GA) any printable ASCII
/// character except '=' may appear in a name.
fn check_env_name(var: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(node) = var.get("name") else { return };
    let Some(name) = node.as_str() else { return };
    let path = path.field("name");
    if name.is_empty() {
        ctx.required(
            &path,
            node.pos,
            Text::new(
                "give the environment variable a name",
                "環境変数に名前を付けてください",
            ),
        );
    } else if name.chars().any(|c| !(' '..='~').contains(&c) || c == '=') {
        ctx.invalid(
            &path,
            node,
            Text::new(
                "a valid environment variable name must consist only of printable ASCII characters other than '='",
                "環境変数名は'='以外の表示可能なASCII文字だけで構成しなければなりません",
            ),
            Text::new(
                "use printable ASCII characters other than '=' (conventionally upper case and '_', such as LOG_LEVEL)",
                "'='以外の表示可能なASCII文字を使ってください(慣習的にはLOG_LEVELのような大文字と'_')",
            ),
        );
    }
}

/// `valueFrom` names exactly one source and excludes a non-empty `value`.
fn check_value_from(var: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(entry) = present(var, "valueFrom") else {
        return;
    };
    if !is_map(&entry.value) {
        return;
    }
    let sources = [
        "fieldRef",
        "resourceFieldRef",
        "configMapKeyRef",
        "secretKeyRef",
        "fileKeyRef",
    ];
    let count = sources
        .iter()
        .filter(|key| present(&entry.value, key).is_some())
        .count();
    let has_value = text(var, "value").is_some_and(|value| !value.is_empty());
    if let Some((detail, help)) = value_from_problem(count, has_value) {
        ctx.invalid_shown(
            &path.field("valueFrom"),
            entry.key_pos,
            "\"\"",
            detail,
            help,
        );
    }
}

/// What is wrong with a valueFrom naming `count` sources next to a
/// (non-)empty `value`, in the order the API server checks it.
fn value_from_problem(count: usize, has_value: bool) -> Option<(Text, Text)> {
    let problem = if count == 0 {
        (
            Text::new(
                "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`",
                "`fieldRef`、`resourceFieldRef`、`configMapKeyRef`、`secretKeyRef`のいずれかを指定する必要があります",
            ),
            Text::new(
                "under valueFrom, say where the value comes from: fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef",
                "valueFromの下に値の取得元(fieldRef、resourceFieldRef、configMapKeyRef、secretKeyRefのいずれか)を指定してください",
            ),
        )
    } else if has_value {
        (
            Text::new(
                "may not be specified when `value` is not empty",
                "`value`が空でない場合は指定できません",
            ),
            Text::new(
                "an environment variable takes either a literal `value` or a `valueFrom` source, not both: remove one",
                "環境変数には直接の`value`か取得元の`valueFrom`のどちらか一方だけを指定します。片方を削除してください",
            ),
        )
    } else if count > 1 {
        (
            Text::new(
                "may not have more than one field specified at a time",
                "同時に指定できるフィールドは1つだけです",
            ),
            Text::new(
                "valueFrom takes exactly one source: keep one of them",
                "valueFromに指定できる取得元は1つだけです。1つを残して削除してください",
            ),
        )
    } else {
        return None;
    };
    Some(problem)
}

// ---------------------------------------------------------------------------
// Volume mounts

/// Each mount refers to a volume of the Pod, at a unique mountPath, with a
/// relative subPath.
fn check_mounts(pod: &Pod<'_>, list: List, container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let mounts = container.get("volumeMounts").map_or(&[][..], Node::items);
    let mut mount_paths = HashSet::new();
    for (index, mount) in mounts.iter().enumerate() {
        if is_map(mount) {
            let mount_path = path.field("volumeMounts").index(index);
            check_mount_name(pod, mount, &mount_path, ctx);
            check_mount_path(mount, &mount_path, &mut mount_paths, ctx);
            check_sub_paths(list, mount, path, &mount_path, ctx);
        }
    }
}

/// The mount's volume name is required and must name a volume of the Pod.
fn check_mount_name(pod: &Pod<'_>, mount: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(node) = mount.get("name") else {
        return;
    };
    let Some(name) = node.as_str() else { return };
    let path = path.field("name");
    if name.is_empty() {
        ctx.required(
            &path,
            node.pos,
            Text::new(
                "name the volume to mount; it must be listed under the Pod's `volumes`",
                "マウントするボリュームの名前を指定してください。Podの`volumes`にあるものでなければなりません",
            ),
        );
    }
    if let Some(volumes) = &pod.volumes
        && !volumes.valid.contains(name)
    {
        let help = if volumes.declared.contains(name) {
            Text::new(
                format!(
                    "the volume \"{name}\" has problems of its own (see its errors); the API server only accepts mounts of valid volumes"
                ),
                format!(
                    "ボリューム\"{name}\"自体にエラーがあります(そちらのエラーを参照してください)。APIサーバーは正しいボリュームのマウントしか受け付けません"
                ),
            )
        } else {
            Text::new(
                format!(
                    "volumeMounts refer to volumes by name: add a volume named \"{name}\" under `volumes`, or fix the name"
                ),
                format!(
                    "volumeMountsはボリュームを名前で参照します。`volumes`に\"{name}\"という名前のボリュームを追加するか、名前を修正してください"
                ),
            )
        };
        not_found(ctx, &path, node, help);
    }
}

/// mountPath is required and unique within the container.
fn check_mount_path(mount: &Node, path: &FieldPath, seen: &mut HashSet<String>, ctx: &mut Ctx<'_>) {
    let Some(node) = mount.get("mountPath") else {
        return;
    };
    let Some(mount_path) = node.as_str() else {
        return;
    };
    let path = path.field("mountPath");
    if mount_path.is_empty() {
        ctx.required(
            &path,
            node.pos,
            Text::new(
                "give the path inside the container where the volume appears, such as /data",
                "コンテナ内でボリュームを見せるパスを指定してください(例: /data)",
            ),
        );
    } else if !seen.insert(mount_path.to_string()) {
        ctx.invalid(
            &path,
            node,
            Text::new("must be unique", "一意でなければなりません"),
            Text::new(
                "two mounts of one container cannot share a mountPath: use different paths",
                "1つのコンテナ内で2つのマウントが同じmountPathを使うことはできません。別のパスにしてください",
            ),
        );
    }
}

/// subPath and subPathExpr: relative, without '..', not both, and never on
/// an ephemeral container. The API server reports the path checks at
/// `volumeMounts.subPath`, without the index; so do we.
fn check_sub_paths(
    list: List,
    mount: &Node,
    container_path: &FieldPath,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    let sub_path = text(mount, "subPath").filter(|s| !s.is_empty());
    for key in ["subPath", "subPathExpr"] {
        let Some(node) = mount.get(key) else { continue };
        let Some(value) = node.as_str().filter(|s| !s.is_empty()) else {
            continue;
        };
        if list == List::Ephemeral {
            forbid_for_ephemeral(&path.field(key), node.pos, ctx);
        }
        if key == "subPathExpr" && sub_path.is_some() {
            ctx.invalid(
                &path.field(key),
                node,
                Text::new(
                    "subPathExpr and subPath are mutually exclusive",
                    "subPathExprとsubPathは同時に指定できません",
                ),
                Text::new(
                    "use either subPath or subPathExpr, not both",
                    "subPathかsubPathExprのどちらか一方だけを使ってください",
                ),
            );
        }
        check_descending_path(
            node,
            value,
            &container_path.field("volumeMounts").field(key),
            ctx,
        );
    }
}

/// A path inside a volume: relative, and never stepping up with '..'.
fn check_descending_path(node: &Node, value: &str, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let help = || {
        Text::new(
            "subPath is a path inside the volume: relative (no leading '/') and without '..'",
            "subPathはボリューム内の相対パスです。先頭の'/'や'..'は使えません",
        )
    };
    if value.starts_with('/') {
        ctx.invalid(
            path,
            node,
            Text::new("must be a relative path", "相対パスでなければなりません"),
            help(),
        );
    }
    if value.split('/').any(|part| part == "..") {
        ctx.invalid(
            path,
            node,
            Text::new("must not contain '..'", "'..'を含めることはできません"),
            help(),
        );
    }
}

// ---------------------------------------------------------------------------
// Probes and lifecycle hooks

/// Checks each probe the container has.
fn check_probes(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for key in PROBES {
        if let Some(entry) = present(container, key)
            && is_map(&entry.value)
        {
            check_probe(key, entry, &path.field(key), ctx);
        }
    }
}

/// One probe: one handler, non-negative timings, the thresholds its kind allows.
fn check_probe(key: &str, entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let probe = &entry.value;
    check_handler(probe, entry.key_pos, path, PROBE_HANDLERS, ctx);
    for field in [
        "initialDelaySeconds",
        "timeoutSeconds",
        "periodSeconds",
        "successThreshold",
        "failureThreshold",
    ] {
        if let Some((number, node)) = int(probe, field)
            && number < 0
        {
            ctx.invalid_shown(
                &path.field(field),
                node.pos,
                &number.to_string(),
                Text::new(
                    "must be greater than or equal to 0",
                    "0以上でなければなりません",
                ),
                Text::new(
                    "probe timings and thresholds cannot be negative",
                    "プローブの時間やしきい値に負の値は使えません",
                ),
            );
        }
    }
    if key != "readinessProbe"
        && let Some((number, node)) = int(probe, "successThreshold")
        && number != 0
        && number != 1
    {
        ctx.invalid_shown(
            &path.field("successThreshold"),
            node.pos,
            &number.to_string(),
            Text::new("must be 1", "1でなければなりません"),
            Text::new(
                "liveness and startup probes pass after one success: set successThreshold to 1 or leave it out",
                "livenessProbeとstartupProbeは1回の成功で成功とみなされます。successThresholdは1にするか省略してください",
            ),
        );
    }
    check_probe_grace_period(key, probe, path, ctx);
}

/// A probe's own terminationGracePeriodSeconds: positive, and not on readiness probes.
fn check_probe_grace_period(key: &str, probe: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some((number, node)) = int(probe, "terminationGracePeriodSeconds") else {
        return;
    };
    let path = path.field("terminationGracePeriodSeconds");
    if number <= 0 {
        ctx.invalid_shown(
            &path,
            node.pos,
            &number.to_string(),
            Text::new("must be greater than 0", "0より大きくなければなりません"),
            Text::new(
                "give at least 1 second, or leave it out to use the Pod's terminationGracePeriodSeconds",
                "1秒以上を指定するか、省略してPodのterminationGracePeriodSecondsを使ってください",
            ),
        );
    }
    if key == "readinessProbe" {
        ctx.invalid_shown(
            &path,
            node.pos,
            &number.to_string(),
            Text::new(
                "must not be set for readinessProbes",
                "readinessProbeには設定できません",
            ),
            Text::new(
                "a failing readiness probe never stops the container, so it takes no terminationGracePeriodSeconds: remove it",
                "readinessProbeが失敗してもコンテナは停止されないため、terminationGracePeriodSecondsは指定できません。削除してください",
            ),
        );
    }
}

/// postStart and preStop hooks each need one handler.
fn check_lifecycle(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(lifecycle) = present(container, "lifecycle") else {
        return;
    };
    for hook in ["postStart", "preStop"] {
        if let Some(entry) = present(&lifecycle.value, hook)
            && is_map(&entry.value)
        {
            let hook_path = path.field("lifecycle").field(hook);
            check_handler(
                &entry.value,
                entry.key_pos,
                &hook_path,
                LIFECYCLE_HANDLERS,
                ctx,
            );
        }
    }
}

/// Exactly one handler among `handlers`; the first one is checked further.
fn check_handler(
    node: &Node,
    key_pos: Pos,
    path: &FieldPath,
    handlers: &[&str],
    ctx: &mut Ctx<'_>,
) {
    let mut found = false;
    for handler in handlers {
        let Some(entry) = present(node, handler) else {
            continue;
        };
        if found {
            ctx.forbidden(
                &path.field(handler),
                entry.key_pos,
                Text::new(
                    "may not specify more than 1 handler type",
                    "ハンドラーの種類は1つしか指定できません",
                ),
                Text::new(
                    "a probe or hook uses exactly one handler: keep one of them",
                    "プローブやフックのハンドラーは1つだけです。1つを残して削除してください",
                ),
            );
        } else {
            found = true;
            check_action(handler, entry, &path.field(handler), ctx);
        }
    }
    if !found {
        ctx.required_because(
            path,
            key_pos,
            Text::new(
                "must specify a handler type",
                "ハンドラーの種類を指定する必要があります",
            ),
            Text::new(
                format!(
                    "say how to check or act: add exactly one of {}",
                    handlers.join(", ")
                ),
                format!(
                    "確認や実行の方法を指定してください。{}のうち1つを追加します",
                    handlers.join("、")
                ),
            ),
        );
    }
}

/// The fields a handler needs: a command, a valid port, a known scheme.
fn check_action(handler: &str, entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let action = &entry.value;
    if !is_map(action) {
        return;
    }
    match handler {
        "exec" => check_exec(entry, path, ctx),
        "httpGet" => {
            if let Some(port) = action.get("port") {
                check_port_ref(port, &path.field("port"), ctx);
            }
            ctx.choice(
                action,
                "scheme",
                HTTP_SCHEMES,
                path,
                Text::new(
                    "use HTTP or HTTPS, or leave it out for HTTP",
                    "HTTPかHTTPSを指定するか、省略してHTTPにしてください",
                ),
            );
            check_http_headers(action, path, ctx);
        }
        "tcpSocket" | "grpc" => {
            if let Some(port) = action.get("port") {
                check_port_ref(port, &path.field("port"), ctx);
            }
        }
        _ => {}
    }
}

/// An exec handler needs a command.
fn check_exec(entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let command = entry.value.get("command");
    if command.is_some_and(|node| !matches!(node.value, Value::Seq(_) | Value::Null)) {
        return;
    }
    if command.is_none_or(|node| node.items().is_empty()) {
        ctx.required(
            &path.field("command"),
            command
                .filter(|node| node.value != Value::Null)
                .map_or(entry.key_pos, |node| node.pos),
            Text::new(
                "give the command to run as a list, such as [\"cat\", \"/tmp/healthy\"]",
                "実行するコマンドをリストで指定してください(例: [\"cat\", \"/tmp/healthy\"])",
            ),
        );
    }
}

/// HTTP header names: letters, digits and '-'. The server reports them at
/// `httpHeaders`, without the index.
fn check_http_headers(action: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let headers = action.get("httpHeaders").map_or(&[][..], Node::items);
    for header in headers {
        let Some(node) = header.get("name") else {
            continue;
        };
        let Some(name) = node.as_str() else { continue };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            ctx.invalid(
                &path.field("httpHeaders"),
                node,
                Text::new(
                    "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
                    "HTTPヘッダー名は英数字と'-'だけで構成しなければなりません(例: 'X-Header-Name')",
                ),
                Text::new(
                    "HTTP header names use letters, digits and '-', such as X-Custom-Header",
                    "HTTPヘッダー名にはX-Custom-Headerのように英数字と'-'を使います",
                ),
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Pod-level policies

/// The Pod's restartPolicy (defaulted to Always) must suit the owning kind.
fn check_restart_policy(pod: &Pod<'_>, ctx: &mut Ctx<'_>) {
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
fn restart_policies_of(kind: &str) -> (&'static [&'static str], Text) {
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
fn check_dns(pod: &Pod<'_>, ctx: &mut Ctx<'_>) {
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
fn check_dns_config(pod: &Pod<'_>, is_none: bool, policy_pos: Pos, ctx: &mut Ctx<'_>) {
    let path = pod.path.field("dnsConfig");
    let Some(entry) = present(pod.spec, "dnsConfig") else {
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
fn strings_of<'a>(node: &'a Node, key: &str) -> Vec<(&'a str, &'a Node)> {
    node.get(key)
        .map_or(&[][..], Node::items)
        .iter()
        .filter_map(|item| item.as_str().map(|s| (s, item)))
        .collect()
}

/// At most 3 nameservers, each an IP address.
fn check_nameservers(config: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
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
fn is_ip_address(value: &str) -> bool {
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
fn check_searches(config: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
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
fn check_search_limits(values: &[&str], entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
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
fn check_search_domain(search: &str, node: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
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
fn check_dns_options(config: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
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

// ---------------------------------------------------------------------------
// Deadlines and grace periods

/// The controller kind named in "activeDeadlineSeconds in X is not Supported"
/// (a Deployment's template is validated as a ReplicaSet's).
fn deadline_owner(kind: &str) -> Option<&'static str> {
    match kind {
        "Deployment" | "ReplicaSet" => Some("ReplicaSet"),
        "StatefulSet" => Some("StatefulSet"),
        "DaemonSet" => Some("DaemonSet"),
        "ReplicationController" => Some("ReplicationController"),
        _ => None,
    }
}

/// activeDeadlineSeconds: 1 to 2^31-1, and not for long-running controllers;
/// a negative terminationGracePeriodSeconds is accepted with a warning.
fn check_deadlines(pod: &Pod<'_>, ctx: &mut Ctx<'_>) {
    if let Some(entry) = pod.spec.entry("activeDeadlineSeconds")
        && let Value::Int(seconds) = entry.value.value
    {
        check_active_deadline(pod, entry, seconds, ctx);
    }
    if let Some((seconds, node)) = int(pod.spec, "terminationGracePeriodSeconds")
        && seconds < 0
    {
        let path = pod.path.field("terminationGracePeriodSeconds");
        ctx.report(
            &catalog::WARNING,
            &path,
            node.pos,
            Text::new(
                format!(
                    "{path}: must be >= 0; negative values are invalid and will be treated as 1"
                ),
                format!("{path}: 0以上でなければなりません。負の値は無効で、1として扱われます"),
            ),
            Text::new(
                "give the seconds the containers get to shut down: 0 or more (the default is 30)",
                "コンテナの終了処理に与える秒数を0以上で指定してください(既定値は30秒)",
            ),
        );
    }
}

/// One activeDeadlineSeconds value.
fn check_active_deadline(pod: &Pod<'_>, entry: &Entry, seconds: i64, ctx: &mut Ctx<'_>) {
    let path = pod.path.field("activeDeadlineSeconds");
    if !(1..=i64::from(i32::MAX)).contains(&seconds) {
        ctx.invalid_shown(
            &path,
            entry.value.pos,
            &seconds.to_string(),
            Text::new(
                format!("must be between 1 and {}, inclusive", i32::MAX),
                format!("1以上{}以下でなければなりません", i32::MAX),
            ),
            Text::new(
                "activeDeadlineSeconds is how many seconds the Pod may run: at least 1",
                "activeDeadlineSecondsはPodが実行できる秒数です。1以上を指定してください",
            ),
        );
    }
    if let Some(owner) = deadline_owner(pod.kind) {
        ctx.forbidden(
            &path,
            entry.key_pos,
            Text::new(
                format!("activeDeadlineSeconds in {owner} is not Supported"),
                format!("{owner}ではactiveDeadlineSecondsはサポートされていません"),
            ),
            Text::new(
                format!("a {}'s Pods are meant to keep running, so they cannot have a deadline: remove activeDeadlineSeconds", pod.kind),
                format!("{}のPodは動き続けることが前提なので、期限は設定できません。activeDeadlineSecondsを削除してください", pod.kind),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::{Finding, Severity, check};

    /// Indents every line of `text` by `spaces`.
    fn indent(text: &str, spaces: usize) -> String {
        let pad = " ".repeat(spaces);
        text.lines().map(|line| format!("{pad}{line}\n")).collect()
    }

    /// A Pod manifest around `spec` (written without indentation).
    fn pod(spec: &str) -> String {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\nspec:\n{}",
            indent(spec, 2)
        )
    }

    /// A workload manifest whose Pod template has `spec`.
    fn workload(api_version: &str, kind: &str, spec: &str) -> String {
        format!(
            "apiVersion: {api_version}\nkind: {kind}\nmetadata:\n  name: t\nspec:\n  selector:\n    matchLabels:\n      app: t\n  template:\n    metadata:\n      labels:\n        app: t\n    spec:\n{}",
            indent(spec, 6)
        )
    }

    /// Findings of `yaml` with `severity` at `path`.
    fn at(yaml: &str, severity: Severity, path: &str) -> Vec<Finding> {
        check(yaml)
            .findings
            .into_iter()
            .filter(|f| f.severity == severity && f.path == path)
            .collect()
    }

    /// English messages of the errors at `path`.
    fn errors(yaml: &str, path: &str) -> Vec<String> {
        at(yaml, Severity::Error, path)
            .into_iter()
            .map(|f| f.message.en)
            .collect()
    }

    /// Rule ids of every error of `yaml`.
    fn rules(yaml: &str) -> Vec<&'static str> {
        check(yaml)
            .findings
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.rule.id)
            .collect()
    }

    const APP: &str = "containers:\n- name: app\n  image: nginx:1.27\n";

    #[test]
    fn a_clean_pod_has_no_error() {
        assert_eq!(rules(&pod(APP)), Vec::<&str>::new());
    }

    #[test]
    fn at_least_one_container() {
        let yaml = pod("containers: []\n");
        assert_eq!(
            errors(&yaml, "spec.containers"),
            ["spec.containers: Required value"]
        );
        let finding = &at(&yaml, Severity::Error, "spec.containers")[0];
        assert_eq!((finding.rule.id, finding.pos.line), ("api/required", 6));
    }

    #[test]
    fn container_names_are_dns_labels() {
        let yaml = pod("containers:\n- name: Web_1\n  image: nginx:1.27\n");
        assert_eq!(
            errors(&yaml, "spec.containers[0].name"),
            [
                "spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
            ]
        );
        let empty = pod("containers:\n- name: \"\"\n  image: nginx:1.27\n");
        assert_eq!(
            errors(&empty, "spec.containers[0].name"),
            ["spec.containers[0].name: Required value"]
        );
    }

    #[test]
    fn container_names_are_unique_across_lists() {
        let yaml = pod(
            "initContainers:\n- name: app\n  image: busybox:1.36\ncontainers:\n- name: app\n  image: nginx:1.27\n- name: app\n  image: nginx:1.27\n",
        );
        assert_eq!(
            errors(&yaml, "spec.containers[1].name"),
            ["spec.containers[1].name: Duplicate value: \"app\""]
        );
        assert_eq!(
            errors(&yaml, "spec.initContainers[0].name"),
            ["spec.initContainers[0].name: Duplicate value: \"app\""]
        );
    }

    #[test]
    fn image_is_required() {
        let missing = pod("containers:\n- name: app\n");
        assert_eq!(
            errors(&missing, "spec.containers[0].image"),
            ["spec.containers[0].image: Required value"]
        );
        assert_eq!(
            at(&missing, Severity::Error, "spec.containers[0].image")[0]
                .pos
                .line,
            7
        );
        let empty = pod(
            "initContainers:\n- name: init\n  image: \"\"\ncontainers:\n- name: app\n  image: nginx:1.27\n",
        );
        assert_eq!(
            errors(&empty, "spec.initContainers[0].image"),
            ["spec.initContainers[0].image: Required value"]
        );
        let spaced = pod("containers:\n- name: app\n  image: \"nginx:1.27 \"\n");
        assert_eq!(
            errors(&spaced, "spec.containers[0].image"),
            [
                "spec.containers[0].image: Invalid value: \"nginx:1.27 \": must not have leading or trailing whitespace"
            ]
        );
    }

    #[test]
    fn port_numbers_are_in_range() {
        let yaml = pod(
            "containers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 0\n  - containerPort: 65536\n    hostPort: -1\n",
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].ports[0].containerPort"),
            ["spec.containers[0].ports[0].containerPort: Required value"]
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].ports[1].containerPort"),
            [
                "spec.containers[0].ports[1].containerPort: Invalid value: 65536: must be between 1 and 65535, inclusive"
            ]
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].ports[1].hostPort"),
            [
                "spec.containers[0].ports[1].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive"
            ]
        );
    }

    #[test]
    fn port_names_are_iana_names_unique_per_container() {
        let yaml = pod(
            "containers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n    name: web--http\n  - containerPort: 81\n    name: http\n  - containerPort: 82\n    name: http\n",
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].ports[0].name"),
            [
                "spec.containers[0].ports[0].name: Invalid value: \"web--http\": must not contain consecutive hyphens"
            ]
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].ports[2].name"),
            ["spec.containers[0].ports[2].name: Duplicate value: \"http\""]
        );
    }

    #[test]
    fn protocol_is_tcp_udp_or_sctp() {
        let yaml = pod(
            "containers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n    protocol: HTTP\n",
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].ports[0].protocol"),
            [
                "spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\""
            ]
        );
    }

    #[test]
    fn host_network_host_port_must_match() {
        let yaml = pod(
            "hostNetwork: true\ncontainers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n    hostPort: 8080\n  - containerPort: 443\n",
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].ports[0].hostPort"),
            [
                "spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true"
            ]
        );
        assert!(errors(&yaml, "spec.containers[0].ports[1].hostPort").is_empty());
    }

    #[test]
    fn host_ports_are_unique_per_protocol() {
        let two = "containers:\n- name: a\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n    hostPort: 8080\n- name: b\n  image: nginx:1.27\n  ports:\n  - containerPort: 81\n    hostPort: 8080\n  - containerPort: 82\n    hostPort: 8080\n    protocol: UDP\n";
        assert_eq!(
            errors(&pod(two), "spec.containers[1].ports[0].hostPort"),
            ["spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//8080\""]
        );
        assert!(errors(&pod(two), "spec.containers[1].ports[1].hostPort").is_empty());
        // On a bare Pod with hostNetwork the hostPort defaults to the containerPort.
        let same = "hostNetwork: true\ncontainers:\n- name: a\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n- name: b\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n";
        assert_eq!(
            errors(&pod(same), "spec.containers[1].ports[0].hostPort"),
            ["spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//80\""]
        );
        let template = workload("apps/v1", "Deployment", same);
        assert!(
            errors(
                &template,
                "spec.template.spec.containers[1].ports[0].hostPort"
            )
            .is_empty()
        );
    }

    #[test]
    fn pod_restart_policy() {
        let yaml = pod(&format!("restartPolicy: always\n{APP}"));
        assert_eq!(
            errors(&yaml, "spec.restartPolicy"),
            [
                "spec.restartPolicy: Unsupported value: \"always\": supported values: \"Always\", \"OnFailure\", \"Never\""
            ]
        );
        assert!(
            errors(
                &pod(&format!("restartPolicy: Never\n{APP}")),
                "spec.restartPolicy"
            )
            .is_empty()
        );
    }

    #[test]
    fn workloads_only_allow_always() {
        for (api_version, kind) in [
            ("apps/v1", "Deployment"),
            ("apps/v1", "DaemonSet"),
            ("apps/v1", "StatefulSet"),
            ("v1", "ReplicationController"),
        ] {
            let yaml = workload(api_version, kind, &format!("restartPolicy: Never\n{APP}"));
            assert_eq!(
                errors(&yaml, "spec.template.spec.restartPolicy"),
                [
                    "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""
                ],
                "{kind}"
            );
            assert!(
                errors(
                    &workload(api_version, kind, APP),
                    "spec.template.spec.restartPolicy"
                )
                .is_empty()
            );
        }
    }

    #[test]
    fn jobs_reject_the_default_always() {
        let job = format!(
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t\nspec:\n  template:\n    spec:\n{}",
            indent(APP, 6)
        );
        assert_eq!(
            errors(&job, "spec.template.spec.restartPolicy"),
            [
                "spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\""
            ]
        );
        let finding = &at(&job, Severity::Error, "spec.template.spec.restartPolicy")[0];
        assert!(
            finding
                .help
                .en
                .starts_with("Job Pods must not restart forever")
        );
        assert_ne!(finding.message.ja, finding.message.en);
        let cron = format!(
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: t\nspec:\n  schedule: \"@hourly\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Always\n{}",
            indent(APP, 10)
        );
        assert_eq!(
            errors(&cron, "spec.jobTemplate.spec.template.spec.restartPolicy"),
            [
                "spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\""
            ]
        );
    }

    #[test]
    fn container_restart_policy_is_for_init_containers() {
        let regular =
            pod("containers:\n- name: app\n  image: nginx:1.27\n  restartPolicy: Always\n");
        assert_eq!(
            errors(&regular, "spec.containers[0].restartPolicy"),
            ["spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers"]
        );
        let init = pod(&format!(
            "initContainers:\n- name: init\n  image: busybox:1.36\n  restartPolicy: Never\n{APP}"
        ));
        assert_eq!(
            errors(&init, "spec.initContainers[0].restartPolicy"),
            [
                "spec.initContainers[0].restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""
            ]
        );
    }

    #[test]
    fn only_sidecars_among_init_containers_have_probes() {
        let probe = "  readinessProbe:\n    tcpSocket:\n      port: 24224\n";
        let plain = pod(&format!(
            "initContainers:\n- name: init\n  image: busybox:1.36\n{probe}{APP}"
        ));
        assert_eq!(
            errors(&plain, "spec.initContainers[0].readinessProbe"),
            [
                "spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always"
            ]
        );
        let sidecar = pod(&format!(
            "initContainers:\n- name: init\n  image: busybox:1.36\n  restartPolicy: Always\n{probe}{APP}"
        ));
        assert_eq!(rules(&sidecar), Vec::<&str>::new());
    }

    #[test]
    fn dns_policy_values() {
        let yaml = pod(&format!("dnsPolicy: Cluster\n{APP}"));
        assert_eq!(
            errors(&yaml, "spec.dnsPolicy"),
            [
                "spec.dnsPolicy: Unsupported value: \"Cluster\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\""
            ]
        );
        let host = pod(&format!(
            "hostNetwork: true\ndnsPolicy: ClusterFirstWithHostNet\n{APP}"
        ));
        assert_eq!(rules(&host), Vec::<&str>::new());
    }

    #[test]
    fn dns_none_needs_a_config_with_a_nameserver() {
        let no_config = pod(&format!("dnsPolicy: None\n{APP}"));
        assert_eq!(
            errors(&no_config, "spec.dnsConfig"),
            ["spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None"]
        );
        let no_server = pod(&format!(
            "dnsPolicy: None\ndnsConfig:\n  searches: [example.com]\n{APP}"
        ));
        assert_eq!(
            errors(&no_server, "spec.dnsConfig.nameservers"),
            [
                "spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None"
            ]
        );
    }

    #[test]
    fn nameservers_are_at_most_three_ip_addresses() {
        let yaml = pod(&format!(
            "dnsConfig:\n  nameservers: [10.0.0.1, \"2001:db8::1\", 10.0.0.3, dns.local]\n{APP}"
        ));
        assert_eq!(
            errors(&yaml, "spec.dnsConfig.nameservers"),
            [
                "spec.dnsConfig.nameservers: Invalid value: []string{\"10.0.0.1\", \"2001:db8::1\", \"10.0.0.3\", \"dns.local\"}: must not have more than 3 nameservers"
            ]
        );
        assert_eq!(
            errors(&yaml, "spec.dnsConfig.nameservers[3]"),
            [
                "spec.dnsConfig.nameservers[3]: Invalid value: \"dns.local\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"
            ]
        );
    }

    #[test]
    fn search_domains_are_limited_dns_names() {
        let many: Vec<String> = (0..33).map(|i| format!("d{i}.example.com")).collect();
        let yaml = pod(&format!(
            "dnsConfig:\n  searches: [{}]\n{APP}",
            many.join(", ")
        ));
        let messages = errors(&yaml, "spec.dnsConfig.searches");
        assert_eq!(messages.len(), 1);
        assert!(
            messages[0].ends_with(": must not have more than 32 search paths"),
            "{}",
            messages[0]
        );
        let long: Vec<String> = (0..10)
            .map(|i| format!("{}{i}.example.com", "a".repeat(200)))
            .collect();
        let yaml = pod(&format!(
            "dnsConfig:\n  searches: [{}]\n{APP}",
            long.join(", ")
        ));
        let messages = errors(&yaml, "spec.dnsConfig.searches");
        assert!(messages[0].ends_with(
            ": must not have more than 2048 characters (including spaces) in the search list"
        ));
        let shapes = pod(&format!(
            "dnsConfig:\n  searches: [ns1.svc.cluster.local., \".\", _srv.example.com, Bad.Example]\n{APP}"
        ));
        assert_eq!(rules(&shapes), ["api/invalid-value"]);
        assert!(errors(&shapes, "spec.dnsConfig.searches[3]")[0].starts_with("spec.dnsConfig.searches[3]: Invalid value: \"Bad.Example\": a lowercase RFC 1123 subdomain"));
    }

    #[test]
    fn dns_options_have_names() {
        let yaml = pod(&format!(
            "dnsConfig:\n  options:\n  - value: \"2\"\n  - name: ndots\n{APP}"
        ));
        assert_eq!(
            errors(&yaml, "spec.dnsConfig.options[0]"),
            ["spec.dnsConfig.options[0]: Required value: must not be empty"]
        );
        assert_eq!(rules(&yaml).len(), 1);
    }

    #[test]
    fn image_pull_policy_values() {
        let yaml =
            pod("containers:\n- name: app\n  image: nginx:1.27\n  imagePullPolicy: IfNotExists\n");
        assert_eq!(
            errors(&yaml, "spec.containers[0].imagePullPolicy"),
            [
                "spec.containers[0].imagePullPolicy: Unsupported value: \"IfNotExists\": supported values: \"Always\", \"IfNotPresent\", \"Never\""
            ]
        );
        let finding = &at(&yaml, Severity::Error, "spec.containers[0].imagePullPolicy")[0];
        assert!(!finding.message.ja.is_empty() && finding.message.ja != finding.message.en);
        assert!(!finding.help.ja.is_empty() && finding.help.ja != finding.help.en);
    }

    #[test]
    fn env_names_are_printable_ascii_without_equals() {
        let yaml = pod(
            "containers:\n- name: app\n  image: nginx:1.27\n  env:\n  - name: MY.VAR-1 x\n    value: a\n  - name: A=B\n    value: b\n  - name: \"\"\n    value: c\n",
        );
        assert!(errors(&yaml, "spec.containers[0].env[0].name").is_empty());
        assert_eq!(
            errors(&yaml, "spec.containers[0].env[1].name"),
            [
                "spec.containers[0].env[1].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='"
            ]
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].env[2].name"),
            ["spec.containers[0].env[2].name: Required value"]
        );
    }

    #[test]
    fn env_value_from_has_one_source_and_no_value() {
        let yaml = pod(
            "containers:\n- name: app\n  image: nginx:1.27\n  env:\n  - name: A\n    value: x\n    valueFrom:\n      fieldRef:\n        fieldPath: metadata.name\n  - name: B\n    valueFrom: {}\n  - name: C\n    valueFrom:\n      fieldRef:\n        fieldPath: metadata.name\n      secretKeyRef:\n        name: s\n        key: k\n",
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].env[0].valueFrom"),
            [
                "spec.containers[0].env[0].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty"
            ]
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].env[1].valueFrom"),
            [
                "spec.containers[0].env[1].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"
            ]
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].env[2].valueFrom"),
            [
                "spec.containers[0].env[2].valueFrom: Invalid value: \"\": may not have more than one field specified at a time"
            ]
        );
    }

    #[test]
    fn volumes_have_unique_label_names_and_one_source() {
        let yaml = pod(&format!(
            "volumes:\n- name: data\n  emptyDir: {{}}\n- name: data\n  emptyDir: {{}}\n- name: Cache\n- name: both\n  emptyDir: {{}}\n  configMap:\n    name: cfg\n- name: plain\n{APP}"
        ));
        assert_eq!(
            errors(&yaml, "spec.volumes[1].name"),
            ["spec.volumes[1].name: Duplicate value: \"data\""]
        );
        assert_eq!(errors(&yaml, "spec.volumes[2].name").len(), 1);
        assert_eq!(
            errors(&yaml, "spec.volumes[3].configMap"),
            ["spec.volumes[3].configMap: Forbidden: may not specify more than 1 volume type"]
        );
        // No source at all is defaulted to emptyDir.
        assert!(
            check(&yaml)
                .findings
                .iter()
                .all(|f| !f.path.starts_with("spec.volumes[4]"))
        );
    }

    #[test]
    fn volume_sources_name_what_they_mount() {
        let yaml = pod(&format!(
            "volumes:\n- name: s\n  secret:\n    name: db\n- name: c\n  configMap:\n    name: \"\"\n{APP}"
        ));
        assert_eq!(
            errors(&yaml, "spec.volumes[0].secret.secretName"),
            ["spec.volumes[0].secret.secretName: Required value"]
        );
        assert_eq!(
            errors(&yaml, "spec.volumes[1].configMap.name"),
            ["spec.volumes[1].configMap.name: Required value"]
        );
    }

    #[test]
    fn mounts_refer_to_volumes() {
        let spec = "volumes:\n- name: data\n  emptyDir: {}\ncontainers:\n- name: app\n  image: nginx:1.27\n  volumeMounts:\n  - name: data\n    mountPath: /data\n  - name: logs\n    mountPath: /data\n    subPath: ../up\n";
        let yaml = pod(spec);
        let missing = at(
            &yaml,
            Severity::Error,
            "spec.containers[0].volumeMounts[1].name",
        );
        assert_eq!(missing.len(), 1);
        assert_eq!(
            (missing[0].rule.id, missing[0].message.en.as_str()),
            (
                "api/not-found",
                "spec.containers[0].volumeMounts[1].name: Not found: \"logs\""
            )
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].volumeMounts[1].mountPath"),
            [
                "spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/data\": must be unique"
            ]
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].volumeMounts.subPath"),
            [
                "spec.containers[0].volumeMounts.subPath: Invalid value: \"../up\": must not contain '..'"
            ]
        );
        // A StatefulSet's controller adds its volumeClaimTemplates as volumes.
        let sts = workload("apps/v1", "StatefulSet", spec);
        assert!(
            errors(
                &sts,
                "spec.template.spec.containers[0].volumeMounts[1].name"
            )
            .is_empty()
        );
    }

    #[test]
    fn mount_path_is_required() {
        let yaml = pod(
            "volumes:\n- name: data\ncontainers:\n- name: app\n  image: nginx:1.27\n  volumeMounts:\n  - name: data\n    mountPath: \"\"\n",
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].volumeMounts[0].mountPath"),
            ["spec.containers[0].volumeMounts[0].mountPath: Required value"]
        );
    }

    #[test]
    fn probes_have_exactly_one_handler() {
        let yaml = pod(
            "containers:\n- name: app\n  image: nginx:1.27\n  livenessProbe:\n    periodSeconds: 5\n  readinessProbe:\n    exec:\n      command: [cat, /ready]\n    httpGet:\n      port: 80\n",
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].livenessProbe"),
            ["spec.containers[0].livenessProbe: Required value: must specify a handler type"]
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].readinessProbe.httpGet"),
            [
                "spec.containers[0].readinessProbe.httpGet: Forbidden: may not specify more than 1 handler type"
            ]
        );
    }

    #[test]
    fn probe_numbers() {
        let yaml = pod(
            "containers:\n- name: app\n  image: nginx:1.27\n  startupProbe:\n    tcpSocket:\n      port: 70000\n    successThreshold: 3\n    failureThreshold: -2\n  readinessProbe:\n    grpc:\n      port: 9090\n    successThreshold: 3\n    terminationGracePeriodSeconds: 10\n",
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].startupProbe.successThreshold"),
            ["spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1"]
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].startupProbe.failureThreshold"),
            [
                "spec.containers[0].startupProbe.failureThreshold: Invalid value: -2: must be greater than or equal to 0"
            ]
        );
        assert_eq!(
            errors(&yaml, "spec.containers[0].startupProbe.tcpSocket.port"),
            [
                "spec.containers[0].startupProbe.tcpSocket.port: Invalid value: 70000: must be between 1 and 65535, inclusive"
            ]
        );
        assert!(errors(&yaml, "spec.containers[0].readinessProbe.successThreshold").is_empty());
        assert_eq!(
            errors(
                &yaml,
                "spec.containers[0].readinessProbe.terminationGracePeriodSeconds"
            ),
            [
                "spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes"
            ]
        );
    }

    #[test]
    fn exec_needs_a_command() {
        let yaml =
            pod("containers:\n- name: app\n  image: nginx:1.27\n  livenessProbe:\n    exec: {}\n");
        assert_eq!(
            errors(&yaml, "spec.containers[0].livenessProbe.exec.command"),
            ["spec.containers[0].livenessProbe.exec.command: Required value"]
        );
    }

    #[test]
    fn active_deadline_seconds() {
        let yaml = pod(&format!("activeDeadlineSeconds: 0\n{APP}"));
        assert_eq!(
            errors(&yaml, "spec.activeDeadlineSeconds"),
            [
                "spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive"
            ]
        );
        let deployment = workload(
            "apps/v1",
            "Deployment",
            &format!("activeDeadlineSeconds: 60\n{APP}"),
        );
        assert_eq!(
            errors(&deployment, "spec.template.spec.activeDeadlineSeconds"),
            [
                "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported"
            ]
        );
        let job = format!(
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      activeDeadlineSeconds: 60\n{}",
            indent(APP, 6)
        );
        assert_eq!(rules(&job), Vec::<&str>::new());
    }

    #[test]
    fn negative_grace_period_is_a_warning() {
        let yaml = pod(&format!("terminationGracePeriodSeconds: -1\n{APP}"));
        assert_eq!(rules(&yaml), Vec::<&str>::new());
        let warnings = at(
            &yaml,
            Severity::Warning,
            "spec.terminationGracePeriodSeconds",
        );
        assert_eq!(
            warnings[0].message.en,
            "spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1"
        );
        assert_ne!(warnings[0].message.ja, warnings[0].message.en);
    }

    #[test]
    fn ephemeral_containers_are_not_written_in_manifests() {
        let spec = format!(
            "ephemeralContainers:\n- name: debug\n  image: busybox:1.36\n  readinessProbe:\n    exec:\n      command: [\"true\"]\n{APP}"
        );
        assert_eq!(
            errors(&pod(&spec), "spec.ephemeralContainers"),
            ["spec.ephemeralContainers: Forbidden: cannot be set on create"]
        );
        assert_eq!(
            errors(&pod(&spec), "spec.ephemeralContainers[0].readinessProbe"),
            [
                "spec.ephemeralContainers[0].readinessProbe: Forbidden: cannot be set for an Ephemeral Container"
            ]
        );
        let template = workload("apps/v1", "Deployment", &spec);
        assert_eq!(
            errors(&template, "spec.template.spec.ephemeralContainers"),
            [
                "spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template"
            ]
        );
    }

    #[test]
    fn japanese_messages_translate_name_problems() {
        let yaml = pod("containers:\n- name: App\n  image: nginx:1.27\n");
        let finding = &at(&yaml, Severity::Error, "spec.containers[0].name")[0];
        assert!(
            finding.message.ja.starts_with(
                "spec.containers[0].name: 不正な値です: \"App\": 小文字のRFC 1123ラベル"
            )
        );
        assert!(finding.help.ja.contains("DNSラベル"));
    }
}
