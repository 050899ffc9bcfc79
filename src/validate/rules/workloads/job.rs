//! Job, and the job template of a CronJob: counts, completion modes, the
//! selector, and the hostnames an Indexed Job's Pods will get.

use super::counts::nonnegative;
use super::selector::check_template_labels;
use crate::validate::finding::Text;
use crate::validate::go::fmt::{compact, go_label_selector};
use crate::validate::path::FieldPath;
use crate::validate::rules::names::dns1123_label;
use crate::validate::rules::selectors::{check_label_selector, is_valid_selector};
use crate::validate::rules::{Ctx, is_map};
use crate::validate::yaml::{Entry, Node, Value};

/// The largest parallelism an Indexed Job may have.
const MAX_INDEXED_PARALLELISM: i64 = 100_000;

/// Job rules for the Job spec at `path` below `root`: a Job's own spec
/// (`spec`) or a CronJob's job template (`spec.jobTemplate.spec`), which
/// differ in how they treat a selector.
pub(in crate::validate::rules) fn check_job(root: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(spec) = node_at(root, path).filter(|node| is_map(node)) else {
        return;
    };
    check_job_counts(spec, path, ctx);
    check_completion_mode(spec, path, ctx);
    super::pod_failure_policy::check(spec, path, ctx);
    if root.get("kind").and_then(Node::as_str) == Some("CronJob") {
        check_job_template_selector(spec, path, ctx);
    } else {
        check_job_selector(spec, path, ctx);
        check_indexed_hostnames(root, spec, ctx);
    }
}

/// An integer field, if it is present and an integer.
fn int_field(parent: &Node, field: &str) -> Option<i64> {
    match parent.get(field)?.value {
        Value::Int(value) => Some(value),
        _ => None,
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
