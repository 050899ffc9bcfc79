//! Volumes: names, exactly one source, the fields of each source.

use super::*;

/// Checks `volumes` and returns their names.
pub(super) fn check_volumes(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) -> Volumes {
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
pub(super) fn check_volume_name(
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
pub(super) fn check_volume_source(volume: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) -> bool {
    let mut first = None;
    let mut clean = true;
    for (key, shown_as) in VOLUME_SOURCES {
        let Some(entry) = volume.present_entry(key) else {
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
pub(super) fn check_source_fields(
    key: &str,
    entry: &Entry,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) -> bool {
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
