//! The three container lists: names, images, and what each kind of container may and may not set.

use super::*;
use crate::validate::versions::Gate;

/// Every container list: at least one regular container, names unique across
/// all lists, each container's own rules, and ephemeral containers refused.
pub(super) fn check_container_lists(pod: &PodCtx<'_>, ctx: &mut Ctx<'_>) {
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
    for list in [
        ContainerList::Regular,
        ContainerList::Init,
        ContainerList::Ephemeral,
    ] {
        let Some(entry) = pod.spec.entry(list.key()) else {
            continue;
        };
        let list_path = pod.path.field(list.key());
        if list == ContainerList::Ephemeral && !entry.value.items().is_empty() {
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
pub(super) fn forbid_ephemeral_containers(
    pod: &PodCtx<'_>,
    entry: &Entry,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
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
pub(super) fn check_unique_name(
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
pub(super) fn check_container(
    pod: &PodCtx<'_>,
    list: ContainerList,
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
        ContainerList::Regular => check_regular_container(container, path, ctx),
        ContainerList::Init => check_init_container(container, path, ctx),
        ContainerList::Ephemeral => check_ephemeral_container(container, path, ctx),
    }
}

/// A container name: required and a DNS label.
pub(super) fn check_container_name(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let help = Text::new(
        "give the container a name: lowercase letters, digits and '-', such as `app`",
        "コンテナに名前を付けてください。英小文字・数字・'-'を使います(例: `app`)",
    );
    let Some((node, name, path)) = name_field(container, path, help, ctx) else {
        return;
    };
    if name.is_empty() {
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
pub(super) fn check_image(
    pod: &PodCtx<'_>,
    list: ContainerList,
    container: &Node,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
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
            } else if (pod.is_pod() || list == ContainerList::Ephemeral) && image.trim() != image {
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

/// Regular containers: probes and hooks, and (from 1.35) their own restart
/// policy and rules.
pub(super) fn check_regular_container(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    check_lifecycle(container, path, ctx);
    check_probes(container, path, ctx);
    check_container_restart_policy(container, path, ctx);
    check_restart_rules(container, path, ctx);
}

/// Init containers: `restartPolicy: Always` makes a native sidecar, which may
/// have probes and hooks; a plain init container (no policy, or from 1.35
/// OnFailure or Never) may not.
pub(super) fn check_init_container(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let sidecar = match container
        .present_entry("restartPolicy")
        .map(|entry| &entry.value)
    {
        None => Some(false),
        Some(
            node @ Node {
                value: Value::Str(policy),
                ..
            },
        ) => {
            let allowed = if ctx.cluster.enabled(Gate::ContainerRestartRules) {
                CONTAINER_RESTART_POLICIES
            } else {
                &["Always"]
            };
            if !allowed.contains(&policy.as_str()) {
                ctx.unsupported(
                    &path.field("restartPolicy"),
                    node,
                    allowed,
                    Text::new(
                        "an init container's restartPolicy is Always (a native sidecar) or, from 1.35, OnFailure or Never; leave it out for a plain init container",
                        "InitコンテナのrestartPolicyはAlways(ネイティブのサイドカーコンテナ)、または1.35以降はOnFailureかNeverです。通常のInitコンテナなら省略してください",
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
    check_restart_rules(container, path, ctx);
}

/// Probes and hooks on an init container that is not a sidecar.
pub(super) fn forbid_init_fields(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for key in [
        "lifecycle",
        "livenessProbe",
        "readinessProbe",
        "startupProbe",
    ] {
        if let Some(entry) = container.present_entry(key) {
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
pub(super) fn check_ephemeral_container(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let keys = [
        "ports",
        "resources",
        "livenessProbe",
        "readinessProbe",
        "startupProbe",
        "lifecycle",
        "restartPolicy",
        "restartPolicyRules",
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
pub(super) fn forbid_for_ephemeral(path: &FieldPath, pos: Pos, ctx: &mut Ctx<'_>) {
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
