//! A Job's `podFailurePolicy` (GA in 1.31): rules that fail the Job, ignore
//! a failure or count it, by exit code or Pod condition. The API server
//! checks each rule's action and matcher, and that the Pods never restart in
//! place (`restartPolicy: Never`), since a policy can only judge a Pod that
//! has failed.

use crate::validate::finding::Text;
use crate::validate::path::FieldPath;
use crate::validate::rules::{Ctx, is_map};
use crate::validate::yaml::{Node, Value};

const ACTIONS: &[&str] = &["Count", "FailIndex", "FailJob", "Ignore"];
const OPERATORS: &[&str] = &["In", "NotIn"];
const STATUSES: &[&str] = &["False", "True", "Unknown"];
const MAX_RULES: usize = 20;
const MAX_VALUES: usize = 255;

/// Checks `spec.podFailurePolicy` of the Job spec at `path`.
pub(super) fn check(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(policy) = spec.present("podFailurePolicy").filter(|p| is_map(p)) else {
        return;
    };
    let policy_path = path.field("podFailurePolicy");
    check_restart_policy(spec, path, ctx);
    let Some(rules) = policy.present_entry("rules") else {
        return;
    };
    let rules_path = policy_path.field("rules");
    let items = rules.value.items();
    if items.len() > MAX_RULES {
        ctx.too_many(
            &rules_path,
            rules.key_pos,
            items.len(),
            MAX_RULES,
            Text::new(
                "a Job takes at most 20 failure rules: merge rules with the same action",
                "失敗ポリシーのルールは20個までです。同じアクションのルールをまとめてください",
            ),
        );
    }
    let containers = container_names(spec);
    for (index, rule) in items.iter().enumerate() {
        if is_map(rule) {
            check_rule(spec, rule, &rules_path.index(index), &containers, ctx);
        }
    }
}

/// `only "Never" is supported when podFailurePolicy is specified` (a left
/// out policy defaults to Always, which the Job rules already refuse).
fn check_restart_policy(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(node) = spec
        .present("template")
        .and_then(|t| t.present("spec"))
        .and_then(|s| s.present("restartPolicy"))
    else {
        return;
    };
    if node.as_str() == Some("OnFailure") {
        ctx.invalid(
            &path.field("template").field("spec").field("restartPolicy"),
            node,
            Text::new(
                "only \"Never\" is supported when podFailurePolicy is specified",
                "podFailurePolicyを指定する場合は\"Never\"だけが使えます",
            ),
            Text::new(
                "with OnFailure the kubelet restarts the container in the same Pod, so the Pod never fails and the policy never sees an exit code: use `restartPolicy: Never`",
                "OnFailureではkubeletが同じPodの中でコンテナを再起動するため、Podは失敗せず、ポリシーが終了コードを見ることもありません。`restartPolicy: Never`にしてください",
            ),
        );
    }
}

/// The names an `onExitCodes.containerName` may refer to.
fn container_names(spec: &Node) -> Vec<&str> {
    let Some(pod) = spec.present("template").and_then(|t| t.present("spec")) else {
        return Vec::new();
    };
    ["initContainers", "containers"]
        .iter()
        .filter_map(|list| pod.present(list))
        .flat_map(Node::items)
        .filter_map(|c| c.present("name").and_then(Node::as_str))
        .collect()
}

fn check_rule(spec: &Node, rule: &Node, path: &FieldPath, containers: &[&str], ctx: &mut Ctx<'_>) {
    check_action(spec, rule, path, ctx);
    let exit_codes = rule.present("onExitCodes");
    let conditions = rule
        .present("onPodConditions")
        .filter(|c| !c.items().is_empty());
    if let Some(codes) = exit_codes.filter(|c| is_map(c)) {
        check_exit_codes(codes, &path.field("onExitCodes"), containers, ctx);
    }
    if let Some(conditions) = conditions {
        check_conditions(conditions, &path.field("onPodConditions"), ctx);
    }
    let detail = match (exit_codes.is_some(), conditions.is_some()) {
        (true, true) => Some((
            "specifying both OnExitCodes and OnPodConditions is not supported",
            "OnExitCodesとOnPodConditionsの両方を指定することはできません",
        )),
        (false, false) => Some((
            "specifying one of OnExitCodes and OnPodConditions is required",
            "OnExitCodesかOnPodConditionsのどちらかを指定する必要があります",
        )),
        _ => None,
    };
    if let Some((en, ja)) = detail {
        ctx.invalid_omitted(
            path,
            rule.pos,
            Text::new(en, ja),
            Text::new(
                "a rule matches either exit codes (`onExitCodes`) or Pod conditions (`onPodConditions`): write exactly one",
                "ルールは終了コード(`onExitCodes`)かPodの状態(`onPodConditions`)のどちらか一方で判定します。ちょうど1つを書いてください",
            ),
        );
    }
}

fn check_action(spec: &Node, rule: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let action_path = path.field("action");
    let help = Text::new(
        "FailJob fails the whole Job, Ignore does not count the failure, Count counts it against backoffLimit, FailIndex fails one index (with backoffLimitPerIndex)",
        "FailJobはJob全体を失敗させ、Ignoreは失敗を数えず、CountはbackoffLimitに数え、FailIndexは1つのインデックスを失敗させます(backoffLimitPerIndexと一緒に使います)",
    );
    match rule.present("action") {
        None => ctx.required_because(
            &action_path,
            rule.pos,
            Text::new(
                format!("valid values: {}", quoted(ACTIONS)),
                format!("有効な値: {}", quoted(ACTIONS)),
            ),
            help,
        ),
        Some(node) if node.as_str() == Some("FailIndex") => {
            if spec.present("backoffLimitPerIndex").is_none() {
                ctx.invalid(
                    &action_path,
                    node,
                    Text::new(
                        "requires the backoffLimitPerIndex to be set",
                        "backoffLimitPerIndexの指定が必要です",
                    ),
                    Text::new(
                        "FailIndex fails one index of an Indexed Job: set `backoffLimitPerIndex` (and `completionMode: Indexed`), or use FailJob",
                        "FailIndexはIndexed Jobの1つのインデックスを失敗させます。`backoffLimitPerIndex`(と`completionMode: Indexed`)を指定するか、FailJobを使ってください",
                    ),
                );
            }
        }
        Some(node) if node.as_str().is_some_and(|a| !ACTIONS.contains(&a)) => {
            ctx.unsupported(&action_path, node, ACTIONS, help);
        }
        Some(_) => {}
    }
}

/// `["Count", "FailIndex"]` as Go's `%q` prints a list.
fn quoted(values: &[&str]) -> String {
    let inner: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
    format!("[{}]", inner.join(" "))
}

fn check_exit_codes(codes: &Node, path: &FieldPath, containers: &[&str], ctx: &mut Ctx<'_>) {
    match codes.present("operator") {
        None => ctx.required_because(
            &path.field("operator"),
            codes.pos,
            Text::new(
                format!("valid values: {}", quoted(OPERATORS)),
                format!("有効な値: {}", quoted(OPERATORS)),
            ),
            Text::new(
                "write `operator: In` or `operator: NotIn`",
                "`operator: In`か`operator: NotIn`を書いてください",
            ),
        ),
        Some(node) if node.as_str().is_some_and(|o| !OPERATORS.contains(&o)) => ctx.unsupported(
            &path.field("operator"),
            node,
            OPERATORS,
            Text::new(
                "In matches the listed exit codes, NotIn every other code",
                "Inは列挙した終了コードに、NotInはそれ以外のコードに一致します",
            ),
        ),
        Some(_) => {}
    }
    if let Some(name) = codes.present("containerName")
        && name.as_str().is_some_and(|n| !containers.contains(&n))
    {
        ctx.invalid(
            &path.field("containerName"),
            name,
            Text::new(
                "must be one of the container or initContainer names in the pod template",
                "Podテンプレートのコンテナ名かInitコンテナ名のいずれかでなければなりません",
            ),
            Text::new(
                format!("the template's containers are: {}", containers.join(", ")),
                format!("テンプレートのコンテナ: {}", containers.join(", ")),
            ),
        );
    }
    check_values(codes, path, ctx);
}

fn check_values(codes: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let values_path = path.field("values");
    let items = codes.present("values").map(Node::items).unwrap_or_default();
    let numbers: Vec<(i64, &Node)> = items
        .iter()
        .filter_map(|n| match n.value {
            Value::Int(v) => Some((v, n)),
            _ => None,
        })
        .collect();
    let shown = format!(
        "[]int32{{{}}}",
        numbers
            .iter()
            .map(|(v, _)| v.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let at = codes
        .present_entry("values")
        .map_or(codes.pos, |e| e.key_pos);
    let help = Text::new(
        "list the exit codes in increasing order, each once, for example `values: [1, 42]`",
        "終了コードは小さい順に、重複なく並べてください。例: `values: [1, 42]`",
    );
    if items.is_empty() {
        let detail = Text::new(
            "at least one value is required",
            "値が少なくとも1つ必要です",
        );
        ctx.invalid_shown(&values_path, at, "null", detail, help);
        return;
    }
    if items.len() > MAX_VALUES {
        ctx.too_many(&values_path, at, items.len(), MAX_VALUES, help.clone());
    }
    let operator_in = codes.present("operator").and_then(Node::as_str) == Some("In");
    let mut seen = Vec::new();
    for (index, (value, node)) in numbers.iter().enumerate() {
        let value_path = values_path.index(index);
        if operator_in && *value == 0 {
            let detail = Text::new(
                "must not be 0 for the In operator",
                "In演算子では0にできません",
            );
            ctx.invalid(&value_path, node, detail, help.clone());
        }
        if seen.contains(value) {
            ctx.duplicate(&value_path, node, help.clone());
        }
        seen.push(*value);
    }
    if numbers.windows(2).any(|pair| pair[0].0 > pair[1].0) {
        let detail = Text::new("must be ordered", "順に並んでいなければなりません");
        ctx.invalid_shown(&values_path, at, &shown, detail, help);
    }
}

fn check_conditions(conditions: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for (index, condition) in conditions.items().iter().enumerate() {
        let condition_path = path.index(index);
        if let Some(status) = condition.present("status")
            && status.as_str().is_some_and(|s| !STATUSES.contains(&s))
        {
            ctx.unsupported(
                &condition_path.field("status"),
                status,
                STATUSES,
                Text::new(
                    "a condition's status is True, False or Unknown",
                    "状態のstatusはTrue、False、Unknownのいずれかです",
                ),
            );
        }
    }
}
