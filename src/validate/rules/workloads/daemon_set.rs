//! DaemonSet: its update strategy, where exactly one of maxUnavailable and
//! maxSurge may be above zero.

use super::counts::{
    check_at_most_100_percent, check_int_or_percent, int_or_percent_value, nonnegative,
};
use super::selector::check_selector;
use super::{strategy_type, type_pos};
use crate::validate::finding::Text;
use crate::validate::go::fmt::{compact, go_int_or_string};
use crate::validate::path::FieldPath;
use crate::validate::rules::{Ctx, is_map};
use crate::validate::yaml::Node;

/// DaemonSet: selector and template labels, counts, update strategy.
pub(super) fn check_daemon_set(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for field in ["minReadySeconds", "revisionHistoryLimit"] {
        nonnegative(spec, field, path, ctx);
    }
    check_selector("DaemonSet", spec, path, ctx);
    check_daemon_set_strategy(spec, path, ctx);
}

/// DaemonSet update strategy: OnDelete, or RollingUpdate where exactly one
/// of maxUnavailable (default 1) and maxSurge (default 0) is non-zero.
fn check_daemon_set_strategy(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(strategy) = spec.get("updateStrategy").filter(|node| is_map(node)) else {
        return;
    };
    let strategy_path = path.field("updateStrategy");
    match strategy_type(strategy) {
        Some("OnDelete") | None => {}
        Some("RollingUpdate") => {
            if let Some(rolling) = strategy.get("rollingUpdate").filter(|node| is_map(node)) {
                check_daemon_set_rolling_update(
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
            &["RollingUpdate", "OnDelete"],
            Text::new(
                "a DaemonSet's updateStrategy `type` is `RollingUpdate` (the default) or `OnDelete`",
                "DaemonSetのupdateStrategyの`type`は`RollingUpdate`(既定値)か`OnDelete`です",
            ),
        ),
    }
}

/// A DaemonSet's rolling update numbers.
fn check_daemon_set_rolling_update(rolling: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let unavailable = rolling
        .present_entry("maxUnavailable")
        .map(|entry| &entry.value);
    let surge = rolling.present_entry("maxSurge").map(|entry| &entry.value);
    let unavailable_path = path.field("maxUnavailable");
    let surge_path = path.field("maxSurge");
    for (node, field_path) in [(unavailable, &unavailable_path), (surge, &surge_path)] {
        if let Some(node) = node {
            check_int_or_percent(node, field_path, ctx);
            check_at_most_100_percent(node, field_path, ctx);
        }
    }
    let (Some(unavailable_value), Some(surge_value)) = (
        unavailable.map_or(Some(1), int_or_percent_value),
        surge.map_or(Some(0), int_or_percent_value),
    ) else {
        return;
    };
    match (unavailable_value != 0, surge_value != 0, unavailable, surge) {
        (true, true, _, Some(node)) => ctx.invalid_shown(
            &surge_path,
            node.pos,
            &go_int_or_string(node),
            Text::new(
                "may not be set when maxUnavailable is non-zero",
                "maxUnavailableが0でないときは設定できません",
            ),
            Text::new(
                "a DaemonSet either surges (maxSurge > 0, maxUnavailable: 0) or takes Pods down (maxUnavailable > 0, which defaults to 1): to surge, also set maxUnavailable: 0",
                "DaemonSetは追加起動(maxSurge > 0、maxUnavailable: 0)か停止(maxUnavailable > 0、既定値は1)のどちらかで更新します。追加起動するならmaxUnavailable: 0も指定してください",
            ),
        ),
        (false, false, Some(node), _) => ctx.required_because(
            &unavailable_path,
            node.pos,
            Text::new(
                "cannot be 0 when maxSurge is 0",
                "maxSurgeが0のときは0にできません",
            ),
            Text::new(
                "with both at 0 an update could never replace a Pod; set maxUnavailable or maxSurge above 0",
                "両方が0だと更新でPodを置き換えられません。maxUnavailableかmaxSurgeを1以上にしてください",
            ),
        ),
        _ => {}
    }
}
