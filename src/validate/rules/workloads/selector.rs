//! The selector and the template labels, which tie a controller to its Pods;
//! a template labelled differently from the selector is the classic mistake.

use crate::validate::finding::{Pos, Text};
use crate::validate::go::fmt::{go_label_selector, go_string_map, label_text};
use crate::validate::path::FieldPath;
use crate::validate::rules::selectors::{
    check_label_selector, is_empty_selector, is_valid_selector, selects,
};
use crate::validate::rules::{Ctx, is_map};
use crate::validate::yaml::{Entry, Node, Value};

/// The controller's label selector: valid, not empty, and matching the Pod
/// template's labels — the classic mistake this catches is a template
/// labelled differently from spec.selector.matchLabels.
pub(super) fn check_selector(kind: &str, spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
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
pub(super) struct TemplateLabels<'a> {
    pub(super) labels: Option<&'a Node>,
    pos: Pos,
}

/// The template's labels; `None` when there is no template or the labels
/// are of the wrong type (both already reported elsewhere).
pub(super) fn template_labels(spec: &Node) -> Option<TemplateLabels<'_>> {
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
pub(super) fn report_mismatch(
    target: &TemplateLabels<'_>,
    path: &FieldPath,
    help: Text,
    ctx: &mut Ctx<'_>,
) {
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
pub(super) fn mismatch_help(missing: &[String], wanted_path: &FieldPath, path: &FieldPath) -> Text {
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
pub(super) fn missing_pairs(wanted: &Node, labels: Option<&Node>) -> Vec<String> {
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
