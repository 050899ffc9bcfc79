//! Deadlines and grace periods: activeDeadlineSeconds and terminationGracePeriodSeconds.

use super::*;

/// The controller kind named in "activeDeadlineSeconds in X is not Supported"
/// (a Deployment's template is validated as a ReplicaSet's).
pub(super) fn deadline_owner(kind: &str) -> Option<&'static str> {
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
pub(super) fn check_deadlines(pod: &PodCtx<'_>, ctx: &mut Ctx<'_>) {
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
pub(super) fn check_active_deadline(
    pod: &PodCtx<'_>,
    entry: &Entry,
    seconds: i64,
    ctx: &mut Ctx<'_>,
) {
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
