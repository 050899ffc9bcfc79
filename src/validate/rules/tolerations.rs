//! Pod tolerations: the API server's `ValidateTolerations` — the key, the
//! operator and value that go with it, and the effect. A toleration the
//! server refuses is easy to write (an empty key with `Equal`, a value with
//! `Exists`), and a Pod that silently tolerates nothing is hard to debug.

use super::names::{label_value, problem_text, qualified_name};
use super::{Ctx, is_map};
use crate::validate::finding::Text;
use crate::validate::go::fmt::go_quote;
use crate::validate::path::FieldPath;
use crate::validate::versions::Gate;
use crate::validate::yaml::Node;

/// The operators the server accepts (the comparison operators are alpha and
/// off by default).
const OPERATORS: [&str; 2] = ["Equal", "Exists"];

/// Taint effects a toleration may name, in the order the server lists them;
/// an empty effect matches all of them.
const EFFECTS: [&str; 3] = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/// Checks `spec.tolerations` of a Pod spec at `path`.
pub(super) fn check(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(list) = spec.get("tolerations") else {
        return;
    };
    let list_path = path.field("tolerations");
    for (index, toleration) in list.items().iter().enumerate() {
        if is_map(toleration) {
            check_one(toleration, &list_path.index(index), ctx);
        }
    }
}

fn text<'a>(node: &'a Node, key: &str) -> &'a str {
    node.get(key).and_then(Node::as_str).unwrap_or_default()
}

fn check_one(toleration: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let key = text(toleration, "key");
    let operator = text(toleration, "operator");
    let value = text(toleration, "value");
    let effect = text(toleration, "effect");
    let at = |field: &str| toleration.get(field).map_or(toleration.pos, |n| n.pos);
    if let Some(node) = toleration.get("key").filter(|_| !key.is_empty()) {
        for problem in qualified_name(key) {
            ctx.invalid(
                &path.field("key"),
                node,
                problem_text(&problem),
                Text::new(
                    "a toleration key is a taint key such as `node-role.kubernetes.io/control-plane`",
                    "tolerationのkeyは`node-role.kubernetes.io/control-plane`のようなtaintのキーです",
                ),
            );
        }
    }
    if key.is_empty() && operator != "Exists" {
        ctx.invalid_shown(
            &path.field("operator"),
            at("operator"),
            &go_quote(operator),
            Text::new(
                "operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
                "`key`が空のときoperatorはExistsでなければなりません(「すべてのキーと値に一致する」という意味です)",
            ),
            Text::new(
                "name the taint's key, or write `operator: Exists` to tolerate every taint",
                "taintのkeyを指定するか、すべてのtaintを許容するなら`operator: Exists`と書いてください",
            ),
        );
    }
    if toleration.get("tolerationSeconds").is_some() && effect != "NoExecute" {
        ctx.invalid_shown(
            &path.field("effect"),
            at("effect"),
            &go_quote(effect),
            Text::new(
                "effect must be 'NoExecute' when `tolerationSeconds` is set",
                "`tolerationSeconds`を指定するときeffectは'NoExecute'でなければなりません",
            ),
            Text::new(
                "tolerationSeconds says how long the Pod stays on a node after a NoExecute taint appears",
                "tolerationSecondsは、NoExecuteのtaintが付いた後にPodがノードに残る時間です",
            ),
        );
    }
    check_operator(toleration, operator, value, path, ctx);
    if let Some(node) = toleration.get("effect").filter(|_| !effect.is_empty())
        && !EFFECTS.contains(&effect)
    {
        ctx.unsupported(
            &path.field("effect"),
            node,
            &EFFECTS,
            Text::new(
                "leave effect empty to tolerate every effect of the taint",
                "taintのすべてのeffectを許容するにはeffectを空にしてください",
            ),
        );
    }
}

/// What to write instead of an operator the server refuses; `Gt` and `Lt`
/// name the gate they wait on.
fn operator_help(operator: &str, version: crate::validate::KubeVersion) -> Text {
    if matches!(operator, "Gt" | "Lt") {
        Text::new(
            format!(
                "Gt and Lt need the alpha feature gate TaintTolerationComparisonOperators, off by default in Kubernetes {version}; use Equal or Exists, or check with --feature-gates TaintTolerationComparisonOperators=true if your cluster turns it on"
            ),
            format!(
                "GtとLtにはアルファ版のフィーチャーゲートTaintTolerationComparisonOperatorsが必要で、Kubernetes {version}では既定で無効です。EqualかExistsを使うか、クラスターで有効にしている場合は--feature-gates TaintTolerationComparisonOperators=trueを付けて確認してください"
            ),
        )
    } else {
        Text::new(
            "`Exists` tolerates any value of the key; `Equal` (the default) one value",
            "`Exists`はキーの値を問わず、`Equal`(既定値)は1つの値に一致します",
        )
    }
}

/// The value a toleration may carry depends on its operator.
fn check_operator(
    toleration: &Node,
    operator: &str,
    value: &str,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
    let at = |field: &str| toleration.get(field).map_or(toleration.pos, |n| n.pos);
    match operator {
        "" | "Equal" => {
            for problem in label_value(value) {
                ctx.invalid_shown(
                    &path.field("operator"),
                    at("value"),
                    &go_quote(value),
                    problem_text(&problem),
                    Text::new(
                        "with `Equal` the value must be the taint's value, a valid label value",
                        "`Equal`のときvalueはtaintの値で、ラベル値として正しい形式でなければなりません",
                    ),
                );
            }
        }
        "Exists" if !value.is_empty() => ctx.invalid_shown(
            &path.field("operator"),
            at("value"),
            &go_quote(operator),
            Text::new(
                "value must be empty when `operator` is 'Exists'",
                "`operator`が'Exists'のときvalueは空でなければなりません",
            ),
            Text::new(
                "Exists matches any value of the key: remove `value`, or use `operator: Equal`",
                "Existsはキーの値を問いません。`value`を消すか、`operator: Equal`にしてください",
            ),
        ),
        "Exists" => {}
        "Gt" | "Lt"
            if ctx
                .cluster
                .enabled(Gate::TaintTolerationComparisonOperators) =>
        {
            if value.trim().parse::<i64>().is_err() {
                ctx.invalid_shown(
                    &path.field("value"),
                    at("value"),
                    &go_quote(value),
                    Text::new(
                        "must be an integer when `operator` is Gt or Lt",
                        "`operator`がGtまたはLtのときは整数でなければなりません",
                    ),
                    Text::new(
                        "Gt and Lt compare the taint's value as a number: write the threshold as digits, such as \"5\"",
                        "GtとLtはtaintの値を数として比べます。しきい値は\"5\"のように数字で書いてください",
                    ),
                );
            }
        }
        _ => {
            if let Some(node) = toleration.get("operator") {
                let help = operator_help(operator, ctx.cluster.version);
                ctx.unsupported(&path.field("operator"), node, &OPERATORS, help);
            }
        }
    }
}
