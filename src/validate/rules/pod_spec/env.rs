//! Environment variables: names, and `value` against `valueFrom`.

use super::*;

/// Each env var: a name, and at most one of `value` and `valueFrom`.
pub(super) fn check_env(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
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
pub(super) fn check_env_name(var: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let help = Text::new(
        "give the environment variable a name",
        "環境変数に名前を付けてください",
    );
    let Some((node, name, path)) = name_field(var, path, help, ctx) else {
        return;
    };
    if name.chars().any(|c| !(' '..='~').contains(&c) || c == '=') {
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
pub(super) fn check_value_from(var: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(entry) = var.present_entry("valueFrom") else {
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
        .filter(|key| entry.value.present_entry(key).is_some())
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
pub(super) fn value_from_problem(count: usize, has_value: bool) -> Option<(Text, Text)> {
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
