//! Volume mounts: the volume they name, their paths and sub-paths.

use super::*;

/// Each mount refers to a volume of the Pod, at a unique mountPath, with a
/// relative subPath.
pub(super) fn check_mounts(
    pod: &PodCtx<'_>,
    list: ContainerList,
    container: &Node,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
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
pub(super) fn check_mount_name(
    pod: &PodCtx<'_>,
    mount: &Node,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    let help = Text::new(
        "name the volume to mount; it must be listed under the Pod's `volumes`",
        "マウントするボリュームの名前を指定してください。Podの`volumes`にあるものでなければなりません",
    );
    let Some((node, name, path)) = name_field(mount, path, help, ctx) else {
        return;
    };
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
pub(super) fn check_mount_path(
    mount: &Node,
    path: &FieldPath,
    seen: &mut HashSet<String>,
    ctx: &mut Ctx<'_>,
) {
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
pub(super) fn check_sub_paths(
    list: ContainerList,
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
        if list == ContainerList::Ephemeral {
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
pub(super) fn check_descending_path(node: &Node, value: &str, path: &FieldPath, ctx: &mut Ctx<'_>) {
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
