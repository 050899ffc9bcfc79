//! Probes and lifecycle hooks: one handler each, and the fields of each handler.

use super::*;

/// Checks each probe the container has.
pub(super) fn check_probes(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for key in PROBES {
        if let Some(entry) = container.present_entry(key)
            && is_map(&entry.value)
        {
            check_probe(key, entry, &path.field(key), ctx);
        }
    }
}

/// One probe: one handler, non-negative timings, the thresholds its kind allows.
pub(super) fn check_probe(key: &str, entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
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
pub(super) fn check_probe_grace_period(
    key: &str,
    probe: &Node,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
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
pub(super) fn check_lifecycle(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(lifecycle) = container.present_entry("lifecycle") else {
        return;
    };
    for hook in ["postStart", "preStop"] {
        if let Some(entry) = lifecycle.value.present_entry(hook)
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
pub(super) fn check_handler(
    node: &Node,
    key_pos: Pos,
    path: &FieldPath,
    handlers: &[&str],
    ctx: &mut Ctx<'_>,
) {
    let mut found = false;
    for handler in handlers {
        let Some(entry) = node.present_entry(handler) else {
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
pub(super) fn check_action(handler: &str, entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
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
pub(super) fn check_exec(entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
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
pub(super) fn check_http_headers(action: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
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
