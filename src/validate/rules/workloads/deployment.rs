//! Deployment: its strategy (Recreate or RollingUpdate and the rolling-update
//! numbers) and its progress deadline, checked after the server's defaults.

use super::counts::{
    check_at_most_100_percent, check_int_or_percent, int_or_percent_value, nonnegative,
};
use super::selector::check_selector;
use super::{strategy_type, type_pos};
use crate::validate::finding::Text;
use crate::validate::go::fmt::{compact, go_int_or_string};
use crate::validate::path::FieldPath;
use crate::validate::rules::{Ctx, is_map};
use crate::validate::yaml::{Node, Value};

/// A Deployment's default progress deadline, in seconds.
const DEFAULT_PROGRESS_DEADLINE: i64 = 600;

/// Deployment: counts, selector and template labels, strategy, deadlines.
pub(super) fn check_deployment(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for field in ["replicas", "minReadySeconds", "revisionHistoryLimit"] {
        nonnegative(spec, field, path, ctx);
    }
    check_selector("Deployment", spec, path, ctx);
    check_deployment_strategy(spec, path, ctx);
    check_progress_deadline(spec, path, ctx);
}

/// A Deployment's progress deadline must exceed minReadySeconds; when it is
/// not set the server's default of 600 s is compared.
fn check_progress_deadline(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    nonnegative(spec, "progressDeadlineSeconds", path, ctx);
    let min_ready = match spec.get("minReadySeconds").map(|node| &node.value) {
        None | Some(Value::Null) => 0,
        Some(Value::Int(value)) => *value,
        Some(_) => return,
    };
    let deadline_path = path.field("progressDeadlineSeconds");
    let detail = Text::new(
        "must be greater than minReadySeconds",
        "minReadySecondsより大きくなければなりません",
    );
    match spec
        .present_entry("progressDeadlineSeconds")
        .map(|entry| &entry.value)
    {
        Some(node) => {
            if let Value::Int(deadline) = node.value
                && deadline <= min_ready
            {
                ctx.invalid(&deadline_path, node, detail, deadline_help(min_ready));
            }
        }
        None if DEFAULT_PROGRESS_DEADLINE <= min_ready => {
            let pos = spec
                .get("minReadySeconds")
                .map_or(spec.pos, |node| node.pos);
            let help = Text::new(
                format!(
                    "progressDeadlineSeconds defaults to 600, which is not more than minReadySeconds ({min_ready}); set progressDeadlineSeconds above {min_ready} or lower minReadySeconds"
                ),
                format!(
                    "progressDeadlineSecondsの既定値は600で、minReadySeconds({min_ready})以下です。progressDeadlineSecondsを{min_ready}より大きく設定するか、minReadySecondsを下げてください"
                ),
            );
            ctx.invalid_shown(
                &deadline_path,
                pos,
                &DEFAULT_PROGRESS_DEADLINE.to_string(),
                detail,
                help,
            );
        }
        None => {}
    }
}

/// Help for a progress deadline not above minReadySeconds.
fn deadline_help(min_ready: i64) -> Text {
    Text::new(
        format!(
            "a rollout is reported as stuck after progressDeadlineSeconds, so it must leave Pods more than minReadySeconds ({min_ready}) to become available; raise it"
        ),
        format!(
            "progressDeadlineSecondsを過ぎるとロールアウトは停滞とみなされるため、Podが利用可能になるまでのminReadySeconds({min_ready})より長くしてください"
        ),
    )
}

/// Deployment strategy: Recreate takes no rollingUpdate; RollingUpdate's
/// numbers must be usable; nothing else exists.
fn check_deployment_strategy(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(strategy) = spec.get("strategy").filter(|node| is_map(node)) else {
        return;
    };
    let strategy_path = path.field("strategy");
    match strategy_type(strategy) {
        Some("Recreate") => {
            if let Some(entry) = strategy.present_entry("rollingUpdate") {
                ctx.forbidden(
                    &strategy_path.field("rollingUpdate"),
                    entry.key_pos,
                    Text::new(
                        "may not be specified when strategy `type` is 'Recreate'",
                        "strategyの`type`が'Recreate'のときは指定できません",
                    ),
                    Text::new(
                        "Recreate stops all old Pods before starting new ones, so it has no rolling-update settings: remove `rollingUpdate` or use `type: RollingUpdate`",
                        "Recreateは古いPodをすべて停止してから新しいPodを起動するため、ローリングアップデートの設定はありません。`rollingUpdate`を削除するか`type: RollingUpdate`にしてください",
                    ),
                );
            }
        }
        Some("RollingUpdate") => {
            if let Some(rolling) = strategy.get("rollingUpdate").filter(|node| is_map(node)) {
                check_deployment_rolling_update(
                    rolling,
                    &strategy_path.field("rollingUpdate"),
                    ctx,
                );
            }
        }
        Some(_) => ctx.unsupported_shown(
            &strategy_path,
            type_pos(strategy),
            &compact(strategy),
            &["Recreate", "RollingUpdate"],
            Text::new(
                "a Deployment's strategy `type` is `RollingUpdate` (the default) or `Recreate`",
                "Deploymentのstrategyの`type`は`RollingUpdate`(既定値)か`Recreate`です",
            ),
        ),
        None => {}
    }
}

/// maxUnavailable and maxSurge (both 25% when unset): whole numbers or
/// percentages, not both zero, maxUnavailable at most 100%.
fn check_deployment_rolling_update(rolling: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let unavailable = rolling
        .present_entry("maxUnavailable")
        .map(|entry| &entry.value);
    let surge = rolling.present_entry("maxSurge").map(|entry| &entry.value);
    let unavailable_path = path.field("maxUnavailable");
    if let Some(node) = unavailable {
        check_int_or_percent(node, &unavailable_path, ctx);
    }
    if let Some(node) = surge {
        check_int_or_percent(node, &path.field("maxSurge"), ctx);
    }
    let value = |node: Option<&Node>| node.map_or(Some(25), int_or_percent_value);
    if let Some(node) = unavailable
        && value(unavailable) == Some(0)
        && value(surge) == Some(0)
    {
        ctx.invalid_shown(
            &unavailable_path,
            node.pos,
            &go_int_or_string(node),
            Text::new(
                "may not be 0 when `maxSurge` is 0",
                "`maxSurge`が0のときは0にできません",
            ),
            Text::new(
                "with both at 0 a rollout could neither stop an old Pod nor start a new one; allow at least one (e.g. maxSurge: 1)",
                "両方が0だとロールアウトは古いPodを止めることも新しいPodを増やすこともできません。どちらかを1以上にしてください(例: maxSurge: 1)",
            ),
        );
    }
    if let Some(node) = unavailable {
        check_at_most_100_percent(node, &unavailable_path, ctx);
    }
}
