//! Container restart policy and rules (KEP-5307, feature gate
//! ContainerRestartRules: alpha in 1.34, beta and on from 1.35): a regular
//! or init container may set its own `restartPolicy`, and
//! `restartPolicyRules` that restart it on chosen exit codes. The rules need
//! the container's `restartPolicy` set explicitly; an ephemeral container
//! takes none. A native sidecar may carry rules too: the docs' own example
//! (pods/restart-policy/restart-all-containers.yaml) has a watcher sidecar
//! whose exit code 88 restarts the whole Pod with the `RestartAllContainers`
//! action (gate RestartAllContainersOnContainerExits, on from 1.36).

use super::*;
use crate::validate::versions::Gate;

/// What `restartPolicy` a regular or init container may set.
pub(super) const CONTAINER_RESTART_POLICIES: &[&str] = RESTART_POLICIES;

/// What a rule may do when it matches (the second only with the
/// RestartAllContainersOnContainerExits gate).
const RULE_ACTIONS: &[&str] = &["Restart", "RestartAllContainers"];

/// How a rule compares the exit code with its values.
const EXIT_CODE_OPERATORS: &[&str] = &["In", "NotIn"];

/// The API's limits on the rules of one container and on one rule's values.
const MAX_RULES: usize = 20;
const MAX_EXIT_CODES: usize = 255;

/// A container's own `restartPolicy` (regular containers; init containers
/// check theirs where it decides whether they are sidecars).
pub(super) fn check_container_restart_policy(
    container: &Node,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    let Some(node) = container.present("restartPolicy") else {
        return;
    };
    if !ctx.cluster.enabled(Gate::ContainerRestartRules) {
        let version = ctx.cluster.version;
        ctx.forbidden(
            &path.field("restartPolicy"),
            node.pos,
            Text::new(
                "may not be set for non-init containers",
                "Initコンテナ以外には設定できません",
            ),
            Text::new(
                format!("in Kubernetes {version} only an init container takes a restartPolicy (Always makes it a sidecar): a regular container's own policy needs the ContainerRestartRules gate, on from 1.35; remove it to follow the Pod's"),
                format!("Kubernetes {version}ではrestartPolicyを設定できるのはInitコンテナだけです(Alwaysでサイドカーになります)。通常のコンテナ自身のポリシーにはContainerRestartRulesゲートが必要で、1.35から有効です。削除するとPodの設定に従います"),
            ),
        );
        return;
    }
    if node
        .as_str()
        .is_some_and(|policy| !CONTAINER_RESTART_POLICIES.contains(&policy))
    {
        ctx.unsupported(
            &path.field("restartPolicy"),
            node,
            CONTAINER_RESTART_POLICIES,
            Text::new(
                "a container's own restartPolicy is Always, OnFailure or Never (from 1.35); leave it out to follow the Pod's",
                "コンテナ自身のrestartPolicyはAlways、OnFailure、Neverのいずれかです(1.35以降)。省略するとPodの設定に従います",
            ),
        );
    }
}

/// `restartPolicyRules`: only with an explicit container `restartPolicy`,
/// at most 20 rules, each with a known action and exit codes compared with
/// In or NotIn (at most 255 values).
pub(super) fn check_restart_rules(container: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(entry) = container.present_entry("restartPolicyRules") else {
        return;
    };
    if !ctx.cluster.enabled(Gate::ContainerRestartRules) {
        return;
    }
    let rules = entry.value.items();
    if rules.is_empty() {
        return;
    }
    let rules_path = path.field("restartPolicyRules");
    if container.present("restartPolicy").is_none() {
        ctx.required_because(
            &path.field("restartPolicy"),
            entry.key_pos,
            Text::new(
                "must be specified when restartPolicyRules are used",
                "restartPolicyRulesを使う場合は指定が必要です",
            ),
            Text::new(
                "restart rules need the container's own restartPolicy, even when it matches the Pod's: add `restartPolicy: Never` (or OnFailure, Always) to this container",
                "再起動ルールには、Podと同じ値であってもコンテナ自身のrestartPolicyが必要です。このコンテナに`restartPolicy: Never`(またはOnFailure、Always)を追加してください",
            ),
        );
    }
    if rules.len() > MAX_RULES {
        ctx.too_many(
            &rules_path,
            entry.key_pos,
            rules.len(),
            MAX_RULES,
            Text::new(
                "a container takes at most 20 restart rules; merge rules with the same action",
                "1つのコンテナに設定できる再起動ルールは20個までです。同じアクションのルールをまとめてください",
            ),
        );
    }
    for (index, rule) in rules.iter().enumerate() {
        check_rule(rule, &rules_path.index(index), ctx);
    }
}

/// One rule: its action, and exit codes that say when it applies.
fn check_rule(rule: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if !is_map(rule) {
        return;
    }
    let actions = if ctx
        .cluster
        .enabled(Gate::RestartAllContainersOnContainerExits)
    {
        RULE_ACTIONS
    } else {
        &RULE_ACTIONS[..1]
    };
    ctx.choice(
        rule,
        "action",
        actions,
        path,
        Text::new(
            "a restart rule's action is Restart (restart this container) or RestartAllContainers (restart the whole Pod in place, from 1.36)",
            "再起動ルールのactionはRestart(このコンテナを再起動)かRestartAllContainers(Pod全体をその場で再起動、1.36以降)です",
        ),
    );
    let Some(codes) = rule.present("exitCodes") else {
        ctx.required_because(
            &path.field("exitCodes"),
            rule.pos,
            Text::new("must be specified", "指定が必要です"),
            Text::new(
                "say which exit codes the rule matches: `exitCodes: {operator: In, values: [42]}`",
                "ルールが対象とする終了コードを指定してください。例: `exitCodes: {operator: In, values: [42]}`",
            ),
        );
        return;
    };
    if !is_map(codes) {
        return;
    }
    let codes_path = path.field("exitCodes");
    ctx.choice(
        codes,
        "operator",
        EXIT_CODE_OPERATORS,
        &codes_path,
        Text::new(
            "exit codes are compared with In (the code is one of the values) or NotIn",
            "終了コードの比較はIn(値のいずれかに一致)かNotInです",
        ),
    );
    if let Some(values) = codes.present_entry("values")
        && values.value.items().len() > MAX_EXIT_CODES
    {
        ctx.too_many(
            &codes_path.field("values"),
            values.key_pos,
            values.value.items().len(),
            MAX_EXIT_CODES,
            Text::new(
                "a rule lists at most 255 exit codes; use NotIn with the few codes that should not match",
                "1つのルールに書ける終了コードは255個までです。対象外にしたい少数のコードをNotInで指定してください",
            ),
        );
    }
}
