//! ReplicaSet and ReplicationController: controllers with no update strategy,
//! only counts and the selector that their template must satisfy.

use super::counts::nonnegative;
use super::selector::{
    check_selector, mismatch_help, missing_pairs, report_mismatch, template_labels,
};
use crate::validate::finding::Text;
use crate::validate::go::fmt::label_text;
use crate::validate::path::FieldPath;
use crate::validate::rules::{Ctx, is_map};
use crate::validate::yaml::{Entry, Node, Value};

/// ReplicaSet: counts, selector and template labels.
pub(super) fn check_replica_set(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for field in ["replicas", "minReadySeconds"] {
        nonnegative(spec, field, path, ctx);
    }
    check_selector("ReplicaSet", spec, path, ctx);
}

/// ReplicationController: counts, a template, and a selector (defaulted from
/// the template's labels) that the template's labels satisfy.
pub(super) fn check_replication_controller(
    spec_entry: &Entry,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
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
