//! StatefulSet: pod management, update strategy, claim retention and the
//! names of claim templates, which end up in every Pod's volumes.

use super::counts::{
    check_at_most_100_percent, check_int_or_percent, int_or_percent_value, nonnegative,
};
use super::selector::check_selector;
use super::{strategy_type, type_pos};
use crate::validate::finding::Text;
use crate::validate::go::fmt::{compact, go_int_or_string, go_quote};
use crate::validate::path::FieldPath;
use crate::validate::rules::names::{dns1123_label, problem_text};
use crate::validate::rules::pvc::check_claim_template;
use crate::validate::rules::{Ctx, catalog, is_map};
use crate::validate::yaml::Node;

/// StatefulSet: counts, pod management and update strategy, selector and
/// template labels, claim retention, and names of claim templates.
pub(super) fn check_stateful_set(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for field in ["replicas", "minReadySeconds"] {
        nonnegative(spec, field, path, ctx);
    }
    if let Some(ordinals) = spec.get("ordinals") {
        nonnegative(ordinals, "start", &path.field("ordinals"), ctx);
    }
    check_pod_management_policy(spec, path, ctx);
    check_stateful_set_strategy(spec, path, ctx);
    check_claim_retention(spec, path, ctx);
    check_selector("StatefulSet", spec, path, ctx);
    check_claim_template_names(spec, path, ctx);
}

/// StatefulSet pod management: OrderedReady (the default) or Parallel.
fn check_pod_management_policy(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Some(node) = spec.get("podManagementPolicy")
        && let Some(text) = node.as_str()
        && !matches!(text, "" | "OrderedReady" | "Parallel")
    {
        ctx.invalid(
            &path.field("podManagementPolicy"),
            node,
            Text::new("must be 'OrderedReady' or 'Parallel'", "'OrderedReady'か'Parallel'でなければなりません"),
            Text::new(
                "OrderedReady (the default) starts Pods one at a time in order; Parallel starts them all at once",
                "OrderedReady(既定値)はPodを順番に1つずつ起動し、Parallelはすべて同時に起動します",
            ),
        );
    }
}

/// StatefulSet update strategy: RollingUpdate (partition, maxUnavailable) or
/// OnDelete, which takes no rollingUpdate.
fn check_stateful_set_strategy(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(strategy) = spec.get("updateStrategy").filter(|node| is_map(node)) else {
        return;
    };
    let strategy_path = path.field("updateStrategy");
    match strategy_type(strategy) {
        Some("OnDelete") => {
            if let Some(entry) = strategy.present_entry("rollingUpdate") {
                ctx.invalid_shown(
                    &strategy_path.field("rollingUpdate"),
                    entry.key_pos,
                    &compact(&entry.value),
                    Text::new(
                        "only allowed for updateStrategy 'RollingUpdate'",
                        "updateStrategyが'RollingUpdate'のときだけ指定できます",
                    ),
                    Text::new(
                        "with OnDelete, Pods are replaced only when you delete them, so there is nothing to roll: remove `rollingUpdate`",
                        "OnDeleteではPodは削除したときにだけ置き換えられるため、ローリングの設定はありません。`rollingUpdate`を削除してください",
                    ),
                );
            }
        }
        Some("RollingUpdate") => {
            if let Some(rolling) = strategy.get("rollingUpdate").filter(|node| is_map(node)) {
                check_stateful_set_rolling_update(
                    rolling,
                    &strategy_path.field("rollingUpdate"),
                    ctx,
                );
            }
        }
        Some(_) => ctx.invalid_shown(
            &strategy_path,
            type_pos(strategy),
            &compact(strategy),
            Text::new(
                "must be 'RollingUpdate' or 'OnDelete'",
                "'RollingUpdate'か'OnDelete'でなければなりません",
            ),
            Text::new(
                "a StatefulSet's updateStrategy `type` is `RollingUpdate` (the default) or `OnDelete`",
                "StatefulSetのupdateStrategyの`type`は`RollingUpdate`(既定値)か`OnDelete`です",
            ),
        ),
        None => {}
    }
}

/// A StatefulSet's rolling update: partition not negative; maxUnavailable a
/// number or percentage, not 0, at most 100%.
fn check_stateful_set_rolling_update(rolling: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    nonnegative(rolling, "partition", path, ctx);
    let Some(node) = rolling
        .present_entry("maxUnavailable")
        .map(|entry| &entry.value)
    else {
        return;
    };
    let unavailable_path = path.field("maxUnavailable");
    check_int_or_percent(node, &unavailable_path, ctx);
    if int_or_percent_value(node) == Some(0) {
        ctx.invalid_shown(
            &unavailable_path,
            node.pos,
            &go_int_or_string(node),
            Text::new("cannot be 0", "0にはできません"),
            Text::new(
                "at least one Pod must be allowed to be unavailable during an update; use 1 or more, or leave it out",
                "更新中に少なくとも1つのPodが利用不可になれる必要があります。1以上にするか、指定を省略してください",
            ),
        );
    }
    check_at_most_100_percent(node, &unavailable_path, ctx);
}

/// StatefulSet PVC retention: Retain (the default) or Delete.
fn check_claim_retention(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(policy) = spec.get("persistentVolumeClaimRetentionPolicy") else {
        return;
    };
    let policy_path = path.field("persistentVolumeClaimRetentionPolicy");
    for field in ["whenDeleted", "whenScaled"] {
        ctx.choice(
            policy,
            field,
            &["Retain", "Delete"],
            &policy_path,
            Text::new(
                "`Retain` keeps the PersistentVolumeClaims (the default), `Delete` removes them",
                "`Retain`はPersistentVolumeClaimを残し(既定値)、`Delete`は削除します",
            ),
        );
    }
}

/// Claim template names become volume names in every Pod and part of each
/// claim's name; the API server accepts a bad one, but no Pod can then be
/// created, so this is a warning.
fn check_claim_template_names(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(templates) = spec.get("volumeClaimTemplates") else {
        return;
    };
    for (index, template) in templates.items().iter().enumerate() {
        check_claim_template(
            template,
            &path.field("volumeClaimTemplates").index(index),
            ctx,
        );
        let Some(name) = template
            .get("metadata")
            .and_then(|metadata| metadata.get("name"))
        else {
            continue;
        };
        let Some(text) = name.as_str() else {
            continue;
        };
        let name_path = path
            .field("volumeClaimTemplates")
            .index(index)
            .field("metadata")
            .field("name");
        for problem in dns1123_label(text) {
            let reason = problem_text(&problem);
            let shown = go_quote(text);
            ctx.report(
                &catalog::VOLUME_CLAIM_TEMPLATE_NAME,
                &name_path,
                name.pos,
                Text::new(
                    format!("{name_path}: Invalid value: {shown}: {}", reason.en),
                    format!("{name_path}: 不正な値です: {shown}: {}", reason.ja),
                ),
                Text::new(
                    "the API server accepts this, but the name becomes a Pod volume name, so no Pod could be created: use a lowercase DNS label such as `data`",
                    "API サーバーは受け付けますが、この名前はPodのボリューム名になるためPodを作成できません。`data`のような小文字のDNSラベルにしてください",
                ),
            );
        }
    }
}
