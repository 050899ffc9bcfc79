//! Workload controllers: the API server's rules for Deployment, ReplicaSet,
//! StatefulSet and DaemonSet (pkg/apis/apps/validation), ReplicationController
//! (core validation) and Job (pkg/apis/batch/validation), applied after the
//! server's defaults (a Deployment's 25% surge, a DaemonSet's maxUnavailable
//! of 1, a progress deadline of 600 s …).
//!
//! The Pod spec inside the template is pod.rs's business; here is what ties a
//! controller to its Pods: the selector, the template labels, counts and the
//! update strategy.

use super::names::{dns1123_label, problem_text};
use super::selectors::{check_label_selector, is_empty_selector, is_valid_selector, selects};
use super::{Ctx, catalog, is_map};
use crate::validate::finding::{Pos, Text};
use crate::validate::go::fmt::{
    compact, go_int_or_string, go_label_selector, go_quote, go_string_map, label_text,
};
use crate::validate::path::FieldPath;
use crate::validate::yaml::{Entry, Node, Value};

/// The API server's wording of a percentage problem (`IsValidPercent`).
const PERCENT_MESSAGE: &str = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

/// A Deployment's default progress deadline, in seconds.
const DEFAULT_PROGRESS_DEADLINE: i64 = 600;

/// The largest parallelism an Indexed Job may have.
const MAX_INDEXED_PARALLELISM: i64 = 100_000;

/// Applies the rules of a workload controller kind to one object.
pub(super) fn check(kind: &str, root: &Node, ctx: &mut Ctx<'_>) {
    let Some(spec_entry) = root.entry("spec").filter(|entry| is_map(&entry.value)) else {
        return;
    };
    let spec = &spec_entry.value;
    let path = FieldPath::default().field("spec");
    match kind {
        "Deployment" => check_deployment(spec, &path, ctx),
        "ReplicaSet" => check_replica_set(spec, &path, ctx),
        "StatefulSet" => check_stateful_set(spec, &path, ctx),
        "DaemonSet" => check_daemon_set(spec, &path, ctx),
        "ReplicationController" => check_replication_controller(spec_entry, &path, ctx),
        _ => {}
    }
}

/// Deployment: counts, selector and template labels, strategy, deadlines.
fn check_deployment(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for field in ["replicas", "minReadySeconds", "revisionHistoryLimit"] {
        nonnegative(spec, field, path, ctx);
    }
    check_selector("Deployment", spec, path, ctx);
    check_deployment_strategy(spec, path, ctx);
    check_progress_deadline(spec, path, ctx);
}

/// ReplicaSet: counts, selector and template labels.
fn check_replica_set(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for field in ["replicas", "minReadySeconds"] {
        nonnegative(spec, field, path, ctx);
    }
    check_selector("ReplicaSet", spec, path, ctx);
}

/// StatefulSet: counts, pod management and update strategy, selector and
/// template labels, claim retention, and names of claim templates.
fn check_stateful_set(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
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

/// DaemonSet: selector and template labels, counts, update strategy.
fn check_daemon_set(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for field in ["minReadySeconds", "revisionHistoryLimit"] {
        nonnegative(spec, field, path, ctx);
    }
    check_selector("DaemonSet", spec, path, ctx);
    check_daemon_set_strategy(spec, path, ctx);
}

// ---------------------------------------------------------------------------
// Counts
// ---------------------------------------------------------------------------

/// `ValidateNonnegativeField`: counts and durations cannot be negative.
pub(super) fn nonnegative(parent: &Node, field: &str, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Some(node) = parent.get(field)
        && let Value::Int(value) = node.value
        && value < 0
    {
        ctx.invalid(
            &path.field(field),
            node,
            Text::new(
                "must be greater than or equal to 0",
                "0以上でなければなりません",
            ),
            Text::new(
                format!("`{field}` cannot be negative; use 0 or a positive number"),
                format!("`{field}`に負の値は使えません。0以上の数を指定してください"),
            ),
        );
    }
}

/// An integer field, if it is present and an integer.
fn int_field(parent: &Node, field: &str) -> Option<i64> {
    match parent.get(field)?.value {
        Value::Int(value) => Some(value),
        _ => None,
    }
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

// ---------------------------------------------------------------------------
// Selector and template labels
// ---------------------------------------------------------------------------

/// The controller's label selector: valid, not empty, and matching the Pod
/// template's labels — the classic mistake this catches is a template
/// labelled differently from spec.selector.matchLabels.
fn check_selector(kind: &str, spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(entry) = spec.entry("selector").filter(|entry| is_map(&entry.value)) else {
        return;
    };
    let selector = &entry.value;
    let selector_path = path.field("selector");
    check_label_selector(selector, &selector_path, ctx);
    let empty = is_empty_selector(selector);
    if empty {
        report_empty_selector(kind, entry, &selector_path, ctx);
    }
    if !is_valid_selector(selector) {
        report_unusable_selector(kind, entry, &selector_path, ctx);
        return;
    }
    if !empty {
        check_template_labels(spec, selector, path, ctx);
    }
}

/// `empty selector is invalid for deployment` (ReplicaSets share the wording).
fn report_empty_selector(kind: &str, entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let word = match kind {
        "StatefulSet" => "statefulset",
        "DaemonSet" => "daemonset",
        _ => "deployment",
    };
    ctx.invalid_shown(
        path,
        entry.key_pos,
        &go_label_selector(&entry.value),
        Text::new(
            format!("empty selector is invalid for {word}"),
            format!("空のセレクターは{word}には使えません"),
        ),
        Text::new(
            format!(
                "a {kind} must say which Pods it owns: put the template's labels under spec.selector.matchLabels (note the capital L in matchLabels)"
            ),
            format!(
                "{kind}は自分が管理するPodを指定する必要があります。テンプレートのラベルをspec.selector.matchLabelsに書いてください(matchLabelsのLは大文字です)"
            ),
        ),
    );
}

/// What a Deployment, ReplicaSet or StatefulSet adds when its selector cannot
/// be used at all (a DaemonSet adds nothing).
fn report_unusable_selector(kind: &str, entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let detail = match kind {
        "Deployment" | "ReplicaSet" => Text::new(
            "invalid label selector",
            "ラベルセレクターが正しくありません",
        ),
        "StatefulSet" => Text::new("", ""),
        _ => return,
    };
    ctx.invalid_shown(
        path,
        entry.key_pos,
        &go_label_selector(&entry.value),
        detail,
        Text::new(
            "fix the selector's other errors first; until then the controller cannot tell which Pods are its own",
            "まずセレクターのほかのエラーを直してください。直すまでコントローラーは自分のPodを判別できません",
        ),
    );
}

/// The Pod template's labels and where to point when they are wrong.
struct TemplateLabels<'a> {
    labels: Option<&'a Node>,
    pos: Pos,
}

/// The template's labels; `None` when there is no template or the labels
/// are of the wrong type (both already reported elsewhere).
fn template_labels(spec: &Node) -> Option<TemplateLabels<'_>> {
    let template = spec
        .present_entry("template")
        .filter(|entry| is_map(&entry.value))?;
    let metadata = template.value.entry("metadata");
    let labels_entry = metadata.and_then(|entry| entry.value.entry("labels"));
    let labels = labels_entry.map(|entry| &entry.value);
    if labels.is_some_and(|node| node.value != Value::Null && !is_map(node)) {
        return None;
    }
    let pos = labels_entry
        .or(metadata)
        .map_or(template.key_pos, |entry| entry.key_pos);
    Some(TemplateLabels {
        labels: labels.filter(|node| is_map(node)),
        pos,
    })
}

/// `spec.template.metadata.labels: Invalid value: map[string]string{…}:
/// `selector` does not match template `labels``.
pub(super) fn check_template_labels(
    spec: &Node,
    selector: &Node,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    let Some(target) = template_labels(spec) else {
        return;
    };
    if selects(selector, target.labels) {
        return;
    }
    let wanted = selector.get("matchLabels");
    let missing = wanted
        .map(|pairs| missing_pairs(pairs, target.labels))
        .unwrap_or_default();
    let wanted_path = path.field("selector").field("matchLabels");
    report_mismatch(
        &target,
        path,
        mismatch_help(&missing, &wanted_path, path),
        ctx,
    );
}

/// The mismatch finding itself.
fn report_mismatch(target: &TemplateLabels<'_>, path: &FieldPath, help: Text, ctx: &mut Ctx<'_>) {
    ctx.selector_mismatch(
        &path.field("template").field("metadata").field("labels"),
        target.pos,
        &go_string_map(target.labels),
        Text::new(
            "`selector` does not match template `labels`",
            "`selector`がテンプレートの`labels`と一致しません",
        ),
        help,
    );
}

/// Help for the selector/label mismatch, naming the labels to add.
fn mismatch_help(missing: &[String], wanted_path: &FieldPath, path: &FieldPath) -> Text {
    if missing.is_empty() {
        let expressions = path.field("selector").field("matchExpressions");
        return Text::new(
            format!(
                "the selector picks Pods by label, so the Pod template must carry labels that satisfy {expressions}"
            ),
            format!(
                "セレクターはラベルでPodを選ぶため、Podテンプレートのラベルが{expressions}を満たす必要があります"
            ),
        );
    }
    let list = missing.join(", ");
    Text::new(
        format!(
            "the selector picks Pods by label; give the template the same labels as {wanted_path} (add under {path}.template.metadata.labels: {list})"
        ),
        format!(
            "セレクターはラベルでPodを選びます。テンプレートに{wanted_path}と同じラベルを付けてください({path}.template.metadata.labelsに追加: {list})"
        ),
    )
}

/// The pairs of a label map (`wanted`) that the labels lack, as `key: value`.
fn missing_pairs(wanted: &Node, labels: Option<&Node>) -> Vec<String> {
    wanted
        .entries()
        .iter()
        .filter_map(|entry| {
            let value = label_text(&entry.value)?;
            let current = labels
                .and_then(|map| map.get(&entry.key))
                .and_then(label_text);
            (current.as_deref() != Some(value.as_str()))
                .then(|| format!("`{}: {value}`", entry.key))
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Update strategies
// ---------------------------------------------------------------------------

/// A strategy's `type`, defaulted to RollingUpdate when absent or empty;
/// `None` when it is not text (already a schema error).
fn strategy_type(strategy: &Node) -> Option<&str> {
    match strategy.get("type").map(|node| &node.value) {
        None | Some(Value::Null) => Some("RollingUpdate"),
        Some(Value::Str(text)) if text.is_empty() => Some("RollingUpdate"),
        Some(Value::Str(text)) => Some(text),
        Some(_) => None,
    }
}

/// Where to point for a strategy problem: its `type`, else the strategy.
fn type_pos(strategy: &Node) -> Pos {
    strategy.get("type").map_or(strategy.pos, |node| node.pos)
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
        super::pvc::check_claim_template(
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

// ---------------------------------------------------------------------------
// Int-or-percent values
// ---------------------------------------------------------------------------

/// `ValidatePositiveIntOrPercent`: a non-negative whole number or `N%`.
fn check_int_or_percent(node: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    match &node.value {
        Value::Str(text) if !is_percent(text) => ctx.invalid_shown(
            path,
            node.pos,
            &go_int_or_string(node),
            problem_text(PERCENT_MESSAGE),
            Text::new(
                "write a whole number (`1`) or a percentage of the replicas (`25%`)",
                "整数(`1`)かレプリカ数に対する割合(`25%`)で書いてください",
            ),
        ),
        Value::Int(value) if *value < 0 => ctx.invalid(
            path,
            node,
            Text::new(
                "must be greater than or equal to 0",
                "0以上でなければなりません",
            ),
            Text::new("use 0 or a positive number", "0以上の数を指定してください"),
        ),
        _ => {}
    }
}

/// `IsNotMoreThan100Percent`.
fn check_at_most_100_percent(node: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Value::Str(text) = &node.value
        && is_percent(text)
        && int_or_percent_value(node).is_some_and(|value| value > 100)
    {
        ctx.invalid_shown(
            path,
            node.pos,
            &go_int_or_string(node),
            Text::new("must not be greater than 100%", "100%を超えてはなりません"),
            Text::new(
                "a percentage of the replicas is at most 100%",
                "レプリカ数に対する割合は100%以下です",
            ),
        );
    }
}

/// `[0-9]+%`.
fn is_percent(text: &str) -> bool {
    text.strip_suffix('%')
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// The number the server uses for an int-or-percent (`getIntOrPercentValue`):
/// the percentage, the integer, or a string's integer value (0 if none).
fn int_or_percent_value(node: &Node) -> Option<i64> {
    match &node.value {
        Value::Int(value) => Some(*value),
        Value::Str(text) => {
            let digits = text
                .strip_suffix('%')
                .filter(|_| is_percent(text))
                .unwrap_or(text);
            Some(digits.parse().unwrap_or(0))
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// ReplicationController
// ---------------------------------------------------------------------------

/// ReplicationController: counts, a template, and a selector (defaulted from
/// the template's labels) that the template's labels satisfy.
fn check_replication_controller(spec_entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let spec = &spec_entry.value;
    for field in ["replicas", "minReadySeconds"] {
        nonnegative(spec, field, path, ctx);
    }
    let template = spec
        .present_entry("template")
        .filter(|entry| is_map(&entry.value));
    let labels = template
        .and_then(|entry| entry.value.get("metadata"))
        .and_then(|metadata| metadata.get("labels"))
        .filter(|node| is_map(node));
    let selector = spec.entry("selector");
    if selector.is_some_and(|entry| entry.value.value != Value::Null && !is_map(&entry.value)) {
        return;
    }
    let explicit = selector
        .map(|entry| &entry.value)
        .filter(|node| !node.entries().is_empty());
    if template.is_none() {
        ctx.required(
            &path.field("template"),
            spec_entry.key_pos,
            Text::new(
                "a ReplicationController creates its Pods from `template`; add one with labels and a Pod spec",
                "ReplicationControllerは`template`からPodを作成します。ラベルとPodのspecを持つtemplateを追加してください",
            ),
        );
    }
    match explicit {
        None if labels.is_none_or(|node| node.entries().is_empty()) => ctx.required(
            &path.field("selector"),
            selector.map_or(spec_entry.key_pos, |entry| entry.key_pos),
            Text::new(
                "give the Pod template labels (the selector defaults to them) or set spec.selector",
                "Podテンプレートにラベルを付けるか(セレクターの既定値になります)、spec.selectorを指定してください",
            ),
        ),
        Some(wanted) => {
            if let Some(target) = template_labels(spec)
                && !map_selects(wanted, target.labels)
            {
                let missing = missing_pairs(wanted, target.labels);
                let help = mismatch_help(&missing, &path.field("selector"), path);
                report_mismatch(&target, path, help, ctx);
            }
        }
        _ => {}
    }
}

/// Whether every pair of a plain selector map is among the labels.
fn map_selects(wanted: &Node, labels: Option<&Node>) -> bool {
    wanted.entries().iter().all(|entry| {
        let current = labels
            .and_then(|map| map.get(&entry.key))
            .and_then(label_text);
        current.is_some() && current == label_text(&entry.value)
    })
}

// ---------------------------------------------------------------------------
// Job
// ---------------------------------------------------------------------------

/// Job rules for the Job spec at `path` below `root`: a Job's own spec
/// (`spec`) or a CronJob's job template (`spec.jobTemplate.spec`), which
/// differ in how they treat a selector.
pub(super) fn check_job(root: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(spec) = node_at(root, path).filter(|node| is_map(node)) else {
        return;
    };
    check_job_counts(spec, path, ctx);
    check_completion_mode(spec, path, ctx);
    if root.get("kind").and_then(Node::as_str) == Some("CronJob") {
        check_job_template_selector(spec, path, ctx);
    } else {
        check_job_selector(spec, path, ctx);
        check_indexed_hostnames(root, spec, ctx);
    }
}

/// The node at a dotted field path (no list indices) below `root`.
fn node_at<'a>(root: &'a Node, path: &FieldPath) -> Option<&'a Node> {
    path.as_str()
        .split('.')
        .filter(|part| !part.is_empty())
        .try_fold(root, |node, part| node.get(part))
}

/// Counts and durations of a Job, and maxFailedIndexes needing a per-index
/// backoff limit.
fn check_job_counts(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for field in [
        "parallelism",
        "completions",
        "activeDeadlineSeconds",
        "backoffLimit",
        "ttlSecondsAfterFinished",
        "backoffLimitPerIndex",
        "maxFailedIndexes",
    ] {
        nonnegative(spec, field, path, ctx);
    }
    if let Some(entry) = spec.present_entry("maxFailedIndexes")
        && spec.present_entry("backoffLimitPerIndex").is_none()
    {
        ctx.required_because(
            &path.field("backoffLimitPerIndex"),
            entry.key_pos,
            Text::new(
                "when maxFailedIndexes is specified",
                "maxFailedIndexesを指定する場合",
            ),
            Text::new(
                "maxFailedIndexes counts indexes that used up their own retries: set backoffLimitPerIndex too",
                "maxFailedIndexesはインデックスごとの再試行を使い切った数を数えます。backoffLimitPerIndexも指定してください",
            ),
        );
    }
}

/// completionMode: NonIndexed (the default) or Indexed, and the fields that
/// only make sense for one of them.
fn check_completion_mode(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let mode = spec.present_entry("completionMode");
    let indexed = match mode.map(|entry| &entry.value) {
        None => false,
        Some(node) => match node.as_str() {
            Some("Indexed") => true,
            Some("NonIndexed") => false,
            Some(_) => {
                ctx.unsupported(
                    &path.field("completionMode"),
                    node,
                    &["NonIndexed", "Indexed"],
                    Text::new(
                        "`NonIndexed` (the default) counts successful Pods; `Indexed` gives each Pod an index from 0 to completions-1",
                        "`NonIndexed`(既定値)は成功したPodの数を数え、`Indexed`は各Podに0からcompletions-1までのインデックスを付けます",
                    ),
                );
                return;
            }
            None => return,
        },
    };
    match mode {
        Some(entry) if indexed => check_indexed(spec, entry, path, ctx),
        _ => check_non_indexed(spec, path, ctx),
    }
}

/// An Indexed Job needs completions and bounded parallelism and failures.
fn check_indexed(spec: &Node, mode: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let completions = int_field(spec, "completions");
    if spec.present_entry("completions").is_none() {
        ctx.required_because(
            &path.field("completions"),
            mode.key_pos,
            Text::new(
                "when completion mode is Indexed",
                "completionModeがIndexedの場合",
            ),
            Text::new(
                "an Indexed Job runs one Pod per index 0…completions-1, so it needs `completions`",
                "Indexed Jobはインデックス0からcompletions-1ごとにPodを実行するため、`completions`が必要です",
            ),
        );
    }
    if let Some(node) = spec.get("parallelism")
        && let Value::Int(parallelism) = node.value
        && parallelism > MAX_INDEXED_PARALLELISM
    {
        ctx.invalid(
            &path.field("parallelism"),
            node,
            Text::new(
                format!("must be less than or equal to {MAX_INDEXED_PARALLELISM} when completion mode is Indexed"),
                format!("completionModeがIndexedのときは{MAX_INDEXED_PARALLELISM}以下でなければなりません"),
            ),
            Text::new("lower parallelism", "parallelismを小さくしてください"),
        );
    }
    if let Some(node) = spec.get("maxFailedIndexes")
        && let (Value::Int(failed), Some(completions)) = (&node.value, completions)
        && *failed > completions
    {
        ctx.invalid(
            &path.field("maxFailedIndexes"),
            node,
            Text::new(
                "must be less than or equal to completions",
                "completions以下でなければなりません",
            ),
            Text::new(
                "no more indexes can fail than there are indexes",
                "失敗できるインデックスの数はインデックスの総数を超えられません",
            ),
        );
    }
}

/// Per-index fields on a NonIndexed Job.
fn check_non_indexed(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for field in ["backoffLimitPerIndex", "maxFailedIndexes"] {
        if let Some(entry) = spec.present_entry(field) {
            ctx.invalid(
                &path.field(field),
                &entry.value,
                Text::new("requires indexed completion mode", "completionModeがIndexedである必要があります"),
                Text::new(
                    format!("`{field}` is about indexes: set `completionMode: Indexed` or remove it"),
                    format!("`{field}`はインデックスに関する設定です。`completionMode: Indexed`を指定するか削除してください"),
                ),
            );
        }
    }
}

/// A Job's selector: with `manualSelector: true` it is required and must
/// match the template; otherwise the server generates it and refuses one
/// written by hand.
fn check_job_selector(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let manual = spec
        .get("manualSelector")
        .filter(|node| node.value == Value::Bool(true));
    let selector = spec.present_entry("selector");
    let selector_path = path.field("selector");
    match (manual, selector) {
        (Some(_), None) => {
            let pos = spec
                .entry("manualSelector")
                .map_or(spec.pos, |entry| entry.key_pos);
            ctx.required(
                &selector_path,
                pos,
                Text::new(
                    "with `manualSelector: true` you must write the selector yourself; usually it is better to drop manualSelector and let Kubernetes generate a unique one",
                    "`manualSelector: true`のときはセレクターを自分で書く必要があります。通常はmanualSelectorを削除し、Kubernetesに一意なセレクターを生成させるほうが安全です",
                ),
            );
        }
        (Some(_), Some(entry)) if is_map(&entry.value) => {
            check_label_selector(&entry.value, &selector_path, ctx);
            if is_valid_selector(&entry.value) {
                check_template_labels(spec, &entry.value, path, ctx);
            }
        }
        (None, Some(entry)) if is_map(&entry.value) => {
            check_label_selector(&entry.value, &selector_path, ctx);
            if is_valid_selector(&entry.value) {
                ctx.invalid_shown(
                    &selector_path,
                    entry.key_pos,
                    &go_label_selector(&entry.value),
                    Text::new(
                        "`selector` not auto-generated",
                        "`selector`が自動生成されたものではありません",
                    ),
                    Text::new(
                        "a Job's selector is generated from its unique id: remove spec.selector (unlike a Deployment, a Job needs none); set `manualSelector: true` only if you really must pick Pods yourself",
                        "Jobのセレクターは一意なIDから自動生成されます。spec.selectorを削除してください(Deploymentと違いJobには不要です)。どうしても自分でPodを選ぶ場合だけ`manualSelector: true`を指定します",
                    ),
                );
            }
        }
        _ => {}
    }
}

/// A CronJob's job template never carries a selector: each Job gets a
/// generated one.
fn check_job_template_selector(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Some(entry) = spec.present_entry("selector") {
        let shown = if is_map(&entry.value) {
            go_label_selector(&entry.value)
        } else {
            compact(&entry.value)
        };
        ctx.invalid_shown(
            &path.field("selector"),
            entry.key_pos,
            &shown,
            Text::new(
                "`selector` will be auto-generated",
                "`selector`は自動生成されます",
            ),
            Text::new(
                "remove the selector from the job template: every Job the CronJob creates gets its own generated selector",
                "ジョブテンプレートからselectorを削除してください。CronJobが作成する各Jobには自動生成されたセレクターが付きます",
            ),
        );
    }
    if let Some(node) = spec.get("manualSelector")
        && node.value == Value::Bool(true)
    {
        ctx.unsupported(
            &path.field("manualSelector"),
            node,
            &["nil", "false"],
            Text::new(
                "a CronJob's jobs always use generated selectors: remove manualSelector",
                "CronJobのJobは常に自動生成されたセレクターを使います。manualSelectorを削除してください",
            ),
        );
    }
}

/// An Indexed Job's Pods are named `<job>-<index>`: the longest such
/// hostname must still be a DNS label.
fn check_indexed_hostnames(root: &Node, spec: &Node, ctx: &mut Ctx<'_>) {
    let indexed = spec.get("completionMode").and_then(Node::as_str) == Some("Indexed");
    let Some(completions) = int_field(spec, "completions").filter(|count| indexed && *count > 0)
    else {
        return;
    };
    let Some(name) = root
        .get("metadata")
        .and_then(|metadata| metadata.get("name"))
    else {
        return;
    };
    let Some(text) = name.as_str() else {
        return;
    };
    let hostname = format!("{text}-{}", completions - 1);
    if !dns1123_label(&hostname).is_empty() {
        ctx.invalid(
            &FieldPath::default().field("metadata").field("name"),
            name,
            Text::new(
                format!("will not able to create pod with invalid DNS label: {hostname}"),
                format!("Podのホスト名が不正なDNSラベルになるためPodを作成できません: {hostname}"),
            ),
            Text::new(
                "each Pod's hostname is `<job name>-<index>`, at most 63 lowercase letters, digits and '-': shorten the Job name",
                "各Podのホスト名は`<Job名>-<インデックス>`で、英小文字・数字・'-'の63文字以内です。Job名を短くしてください",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::{Severity, check};

    /// The errors of a manifest as (path, English message).
    fn errors(yaml: &str) -> Vec<(String, String)> {
        check(yaml)
            .findings
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.path, f.message.en))
            .collect()
    }

    fn one(yaml: &str) -> (String, String) {
        let found = errors(yaml);
        assert_eq!(found.len(), 1, "{found:#?}");
        found.into_iter().next().unwrap_or_default()
    }

    fn deployment(spec: &str) -> String {
        format!(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n{spec}  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n"
        )
    }

    const SELECTOR: &str = "  selector:\n    matchLabels:\n      app: web\n";

    #[test]
    fn valid_deployment_is_clean() {
        assert_eq!(errors(&deployment(SELECTOR)), []);
    }

    #[test]
    fn selector_must_match_template_labels() {
        let yaml = deployment("  selector:\n    matchLabels:\n      app: api\n");
        let (path, message) = one(&yaml);
        assert_eq!(path, "spec.template.metadata.labels");
        assert_eq!(
            message,
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"
        );
        let finding = check(&yaml).findings.into_iter().find(|f| f.path == path);
        let help = finding
            .map(|f| f.help)
            .unwrap_or_else(|| crate::validate::Text::new("", ""));
        assert!(help.en.contains("`app: api`"), "{}", help.en);
        assert!(help.ja.contains("`app: api`"), "{}", help.ja);
    }

    #[test]
    fn empty_selector() {
        let found = errors(&deployment("  selector: {}\n"));
        assert_eq!(
            found,
            [(
                "spec.selector".to_string(),
                "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment".to_string()
            )]
        );
    }

    #[test]
    fn invalid_selector_adds_invalid_label_selector() {
        let found = errors(&deployment(
            "  selector:\n    matchExpressions:\n      - {key: app, operator: Equals, values: [web]}\n",
        ));
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found[0].1.ends_with(": invalid label selector"),
            "{found:#?}"
        );
        assert!(
            found[1].1.ends_with("not a valid selector operator"),
            "{found:#?}"
        );
    }

    #[test]
    fn negative_replicas() {
        let (path, message) = one(&deployment(&format!("  replicas: -1\n{SELECTOR}")));
        assert_eq!(path, "spec.replicas");
        assert_eq!(
            message,
            "spec.replicas: Invalid value: -1: must be greater than or equal to 0"
        );
    }

    #[test]
    fn negative_min_ready_and_history() {
        let found = errors(&deployment(&format!(
            "  minReadySeconds: -5\n  revisionHistoryLimit: -2\n{SELECTOR}"
        )));
        assert_eq!(
            found[0].1,
            "spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0"
        );
        assert_eq!(
            found[1].1,
            "spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0"
        );
    }

    #[test]
    fn progress_deadline_must_exceed_min_ready() {
        let (_, message) = one(&deployment(&format!(
            "  minReadySeconds: 30\n  progressDeadlineSeconds: 30\n{SELECTOR}"
        )));
        assert_eq!(
            message,
            "spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds"
        );
        let (path, message) = one(&deployment(&format!("  minReadySeconds: 600\n{SELECTOR}")));
        assert_eq!(path, "spec.progressDeadlineSeconds");
        assert_eq!(
            message,
            "spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds"
        );
    }

    #[test]
    fn recreate_forbids_rolling_update() {
        let (path, message) = one(&deployment(&format!(
            "{SELECTOR}  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 1\n"
        )));
        assert_eq!(path, "spec.strategy.rollingUpdate");
        assert_eq!(
            message,
            "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"
        );
    }

    #[test]
    fn unknown_strategy_type() {
        let (path, message) = one(&deployment(&format!(
            "{SELECTOR}  strategy:\n    type: Rolling\n"
        )));
        assert_eq!(path, "spec.strategy");
        assert_eq!(
            message,
            "spec.strategy: Unsupported value: {\"type\":\"Rolling\"}: supported values: \"Recreate\", \"RollingUpdate\""
        );
    }

    #[test]
    fn both_zero_and_bad_percentages() {
        let (path, message) = one(&deployment(&format!(
            "{SELECTOR}  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n"
        )));
        assert_eq!(path, "spec.strategy.rollingUpdate.maxUnavailable");
        assert_eq!(
            message,
            "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0"
        );
        let found = errors(&deployment(&format!(
            "{SELECTOR}  strategy:\n    rollingUpdate:\n      maxSurge: 25\n      maxUnavailable: \"150%\"\n"
        )));
        assert_eq!(
            found,
            [(
                "spec.strategy.rollingUpdate.maxUnavailable".to_string(),
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"150%\"}: must not be greater than 100%".to_string()
            )]
        );
        let (_, message) = one(&deployment(&format!(
            "{SELECTOR}  strategy:\n    rollingUpdate:\n      maxSurge: \"25\"\n"
        )));
        assert_eq!(
            message,
            "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"25\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"
        );
    }

    fn stateful_set(extra: &str) -> String {
        format!(
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels:\n      app: db\n{extra}  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: postgres:16.4\n"
        )
    }

    #[test]
    fn stateful_set_policies() {
        assert_eq!(errors(&stateful_set("")), []);
        let (path, message) = one(&stateful_set("  podManagementPolicy: Serial\n"));
        assert_eq!(path, "spec.podManagementPolicy");
        assert_eq!(
            message,
            "spec.podManagementPolicy: Invalid value: \"Serial\": must be 'OrderedReady' or 'Parallel'"
        );
        let (_, message) = one(&stateful_set("  updateStrategy:\n    type: Rolling\n"));
        assert_eq!(
            message,
            "spec.updateStrategy: Invalid value: {\"type\":\"Rolling\"}: must be 'RollingUpdate' or 'OnDelete'"
        );
        let (_, message) = one(&stateful_set(
            "  updateStrategy:\n    type: OnDelete\n    rollingUpdate:\n      partition: 1\n",
        ));
        assert_eq!(
            message,
            "spec.updateStrategy.rollingUpdate: Invalid value: {\"partition\":1}: only allowed for updateStrategy 'RollingUpdate'"
        );
        let (_, message) = one(&stateful_set(
            "  updateStrategy:\n    rollingUpdate:\n      partition: -1\n",
        ));
        assert_eq!(
            message,
            "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0"
        );
        let (_, message) = one(&stateful_set(
            "  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n",
        ));
        assert_eq!(
            message,
            "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: cannot be 0"
        );
        let (_, message) = one(&stateful_set(
            "  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Keep\n",
        ));
        assert_eq!(
            message,
            "spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: \"Keep\": supported values: \"Retain\", \"Delete\""
        );
    }

    #[test]
    fn stateful_set_selector_wording_and_claim_warning() {
        let yaml = stateful_set("").replace(
            "  selector:\n    matchLabels:\n      app: db\n",
            "  selector:\n    matchLabels: {}\n",
        );
        let (_, message) = one(&yaml);
        assert!(
            message.ends_with(": empty selector is invalid for statefulset"),
            "{message}"
        );
        let warned = check(&stateful_set(
            "  volumeClaimTemplates:\n    - metadata:\n        name: Data\n",
        ));
        let warning = warned.findings.iter().find(|f| {
            f.severity == Severity::Warning && f.rule.id == "api/volume-claim-template-name"
        });
        assert!(
            warning.is_some_and(|f| f.path == "spec.volumeClaimTemplates[0].metadata.name"),
            "{:#?}",
            warned.findings
        );
    }

    fn daemon_set(strategy: &str) -> String {
        format!(
            "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels:\n      app: agent\n{strategy}  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n      containers:\n        - name: agent\n          image: busybox:1.36\n"
        )
    }

    #[test]
    fn daemon_set_strategies() {
        assert_eq!(
            errors(&daemon_set("  updateStrategy:\n    type: OnDelete\n")),
            []
        );
        let (path, message) = one(&daemon_set(
            "  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n",
        ));
        assert_eq!(path, "spec.updateStrategy.rollingUpdate.maxSurge");
        assert_eq!(
            message,
            "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:\"\"}: may not be set when maxUnavailable is non-zero"
        );
        assert_eq!(
            errors(&daemon_set(
                "  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n"
            )),
            []
        );
        let (_, message) = one(&daemon_set(
            "  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n",
        ));
        assert_eq!(
            message,
            "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0"
        );
        let (path, message) = one(&daemon_set("  updateStrategy:\n    type: Always\n"));
        assert_eq!(path, "spec.updateStrategy");
        assert_eq!(
            message,
            "spec.updateStrategy: Unsupported value: {\"type\":\"Always\"}: supported values: \"RollingUpdate\", \"OnDelete\""
        );
    }

    #[test]
    fn replica_set_and_daemon_set_mismatch() {
        let yaml = daemon_set("").replace(
            "      labels:\n        app: agent\n",
            "      labels:\n        app: other\n",
        );
        let (path, _) = one(&yaml);
        assert_eq!(path, "spec.template.metadata.labels");
        let rs = deployment(SELECTOR)
            .replace("kind: Deployment", "kind: ReplicaSet")
            .replace("app: web\n  template", "app: api\n  template");
        let (_, message) = one(&rs);
        assert!(
            message.ends_with("`selector` does not match template `labels`"),
            "{message}"
        );
    }

    fn controller(spec: &str) -> String {
        format!("apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n{spec}")
    }

    const RC_TEMPLATE: &str = "  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n";

    #[test]
    fn replication_controller_selector() {
        assert_eq!(errors(&controller(RC_TEMPLATE)), []);
        assert_eq!(
            errors(&controller(&format!(
                "  selector:\n    app: web\n{RC_TEMPLATE}"
            ))),
            []
        );
        let (path, message) = one(&controller(&format!(
            "  selector:\n    app: api\n{RC_TEMPLATE}"
        )));
        assert_eq!(path, "spec.template.metadata.labels");
        assert_eq!(
            message,
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"
        );
        let found = errors(&controller("  replicas: 1\n"));
        assert_eq!(
            found,
            [
                (
                    "spec.template".to_string(),
                    "spec.template: Required value".to_string()
                ),
                (
                    "spec.selector".to_string(),
                    "spec.selector: Required value".to_string()
                ),
            ]
        );
    }

    fn job(spec: &str) -> String {
        format!(
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n{spec}  template:\n    metadata:\n      labels:\n        app: pi\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: pi\n          image: perl:5.34.0\n"
        )
    }

    #[test]
    fn job_counts() {
        assert_eq!(errors(&job("  backoffLimit: 4\n")), []);
        for field in [
            "parallelism",
            "completions",
            "backoffLimit",
            "activeDeadlineSeconds",
            "ttlSecondsAfterFinished",
        ] {
            let (path, message) = one(&job(&format!("  {field}: -1\n")));
            assert_eq!(path, format!("spec.{field}"));
            assert_eq!(
                message,
                format!("spec.{field}: Invalid value: -1: must be greater than or equal to 0")
            );
        }
    }

    #[test]
    fn job_completion_mode() {
        let (path, message) = one(&job("  completionMode: Ordered\n"));
        assert_eq!(path, "spec.completionMode");
        assert_eq!(
            message,
            "spec.completionMode: Unsupported value: \"Ordered\": supported values: \"NonIndexed\", \"Indexed\""
        );
        let (_, message) = one(&job("  completionMode: Indexed\n"));
        assert_eq!(
            message,
            "spec.completions: Required value: when completion mode is Indexed"
        );
        assert_eq!(
            errors(&job("  completionMode: Indexed\n  completions: 5\n")),
            []
        );
        let (_, message) = one(&job("  backoffLimitPerIndex: 1\n"));
        assert_eq!(
            message,
            "spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode"
        );
    }

    #[test]
    fn indexed_job_limits() {
        let (path, message) = one(&job(
            "  completionMode: Indexed\n  completions: 4\n  parallelism: 100001\n",
        ));
        assert_eq!(path, "spec.parallelism");
        assert_eq!(
            message,
            "spec.parallelism: Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed"
        );
        let (_, message) = one(&job(
            "  completionMode: Indexed\n  completions: 2\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 3\n",
        ));
        assert_eq!(
            message,
            "spec.maxFailedIndexes: Invalid value: 3: must be less than or equal to completions"
        );
        let (_, message) = one(&job(
            "  completionMode: Indexed\n  completions: 2\n  maxFailedIndexes: 1\n",
        ));
        assert_eq!(
            message,
            "spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified"
        );
        let long = job("  completionMode: Indexed\n  completions: 10\n")
            .replace("name: pi\n", &format!("name: {}\n", "a".repeat(62)));
        let found = errors(&long);
        let hostname = found
            .iter()
            .find(|(path, _)| path == "metadata.name")
            .map(|(_, message)| message.clone());
        assert_eq!(
            hostname.unwrap_or_default(),
            format!(
                "metadata.name: Invalid value: \"{0}\": will not able to create pod with invalid DNS label: {0}-9",
                "a".repeat(62)
            )
        );
    }

    #[test]
    fn unusable_selectors_per_kind() {
        let bad = "  selector:\n    matchLabels:\n      app: db\n    matchExpressions:\n      - {key: x, operator: Has}\n";
        let found = errors(
            &stateful_set("").replace("  selector:\n    matchLabels:\n      app: db\n", bad),
        );
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].1.starts_with("spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"db\"}"));
        assert!(
            found[0].1.ends_with("Values:[]string(nil)}}}"),
            "{}",
            found[0].1
        );
        let daemon = daemon_set("").replace(
            "  selector:\n    matchLabels:\n      app: agent\n",
            "  selector:\n    matchExpressions:\n      - {key: x, operator: Has}\n",
        );
        let (path, _) = one(&daemon);
        assert_eq!(path, "spec.selector.matchExpressions[0].operator");
    }

    #[test]
    fn job_selector_needs_manual_selector() {
        let (path, message) = one(&job("  selector:\n    matchLabels:\n      app: pi\n"));
        assert_eq!(path, "spec.selector");
        assert_eq!(
            message,
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"pi\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated"
        );
        assert_eq!(
            errors(&job(
                "  manualSelector: true\n  selector:\n    matchLabels:\n      app: pi\n"
            )),
            []
        );
        let (path, message) = one(&job(
            "  manualSelector: true\n  selector:\n    matchLabels:\n      app: other\n",
        ));
        assert_eq!(path, "spec.template.metadata.labels");
        assert!(message.ends_with("`selector` does not match template `labels`"));
        let (_, message) = one(&job("  manualSelector: true\n"));
        assert_eq!(message, "spec.selector: Required value");
    }
}
