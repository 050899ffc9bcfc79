//! Label selectors, as apimachinery's metav1 validation checks them: which
//! keys, values and operators a selector may use, and which labels it picks;
//! also how Go prints labels and selectors in messages
//! (`map[string]string{"app":"web"}`).

use super::names::{label_value, problem_text, qualified_name};
use super::{Ctx, is_map, key_node};
use crate::validate::finding::Text;
use crate::validate::go::fmt::label_text;
use crate::validate::path::FieldPath;
use crate::validate::yaml::{Node, Value};

/// The operators of a label selector requirement.
const OPERATORS: [&str; 4] = ["In", "NotIn", "Exists", "DoesNotExist"];

/// Checks a `LabelSelector`: matchLabels keys and values, and each
/// matchExpressions requirement (operator, key, values).
pub(crate) fn check_label_selector(selector: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Some(labels) = selector.get("matchLabels") {
        check_labels(labels, &path.field("matchLabels"), ctx);
    }
    if let Some(expressions) = selector.get("matchExpressions") {
        let base = path.field("matchExpressions");
        for (index, requirement) in expressions.items().iter().enumerate() {
            check_requirement(requirement, &base.index(index), ctx);
        }
    }
}

/// Checks a label map (`ValidateLabels`): every key a qualified name, every
/// value a valid label value. Used for matchLabels and Service selectors.
pub(crate) fn check_labels(labels: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for entry in labels.entries() {
        let entry_path = path.key(&entry.key);
        for problem in qualified_name(&entry.key) {
            ctx.invalid(
                &entry_path,
                &key_node(entry),
                problem_text(&problem),
                label_key_help(),
            );
        }
        if let Value::Str(value) = &entry.value.value {
            for problem in label_value(value) {
                ctx.invalid(
                    &entry_path,
                    &entry.value,
                    problem_text(&problem),
                    label_value_help(),
                );
            }
        }
    }
}

/// One matchExpressions item: the operator decides whether values are
/// required or forbidden; the key and each value must be valid.
fn check_requirement(requirement: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    check_operator(requirement, path, ctx);
    if let Some(key) = requirement.get("key")
        && let Some(text) = key.as_str()
    {
        for problem in qualified_name(text) {
            ctx.invalid(
                &path.field("key"),
                key,
                problem_text(&problem),
                label_key_help(),
            );
        }
    }
    if let Some(values) = requirement.get("values") {
        for (index, value) in values.items().iter().enumerate() {
            if let Some(text) = value.as_str() {
                for problem in label_value(text) {
                    ctx.invalid(
                        &path.field("values").index(index),
                        value,
                        problem_text(&problem),
                        label_value_help(),
                    );
                }
            }
        }
    }
}

/// The operator and its values: In/NotIn need values, Exists/DoesNotExist
/// take none, anything else is not an operator.
fn check_operator(requirement: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(operator) = requirement.get("operator") else {
        return;
    };
    let Some(name) = operator.as_str() else {
        return;
    };
    let values = requirement.entry("values");
    let has_values = values.is_some_and(|entry| !entry.value.items().is_empty());
    match name {
        "In" | "NotIn" if !has_values => ctx.required_because(
            &path.field("values"),
            values.map_or(requirement.pos, |entry| entry.key_pos),
            Text::new(
                "must be specified when `operator` is 'In' or 'NotIn'",
                "`operator`が'In'または'NotIn'のときは指定が必要です",
            ),
            Text::new(
                "list the label values to match under `values`, or use `operator: Exists` to match any value",
                "一致させるラベルの値を`values`に列挙してください。値を問わない場合は`operator: Exists`を使います",
            ),
        ),
        "Exists" | "DoesNotExist" if has_values => {
            let pos = values.map_or(requirement.pos, |entry| entry.key_pos);
            ctx.forbidden(
                &path.field("values"),
                pos,
                Text::new(
                    "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                    "`operator`が'Exists'または'DoesNotExist'のときは指定できません",
                ),
                Text::new(
                    format!("`{name}` only looks at the key; remove `values`, or use `operator: In` to match values"),
                    format!("`{name}`はキーだけを見ます。`values`を削除するか、値で選ぶなら`operator: In`を使ってください"),
                ),
            );
        }
        "In" | "NotIn" | "Exists" | "DoesNotExist" => {}
        _ => ctx.invalid(
            &path.field("operator"),
            operator,
            Text::new(
                "not a valid selector operator",
                "セレクターの演算子として正しくありません",
            ),
            Text::new(
                format!("use one of {} (case-sensitive)", OPERATORS.join(", ")),
                format!(
                    "{}のいずれかを使ってください(大文字と小文字は区別されます)",
                    OPERATORS.join("、")
                ),
            ),
        ),
    }
}

/// Whether the API server could turn this selector into a working one
/// (`LabelSelectorAsSelector` succeeds exactly when the checks above pass).
pub(crate) fn is_valid_selector(selector: &Node) -> bool {
    let mut scratch = Vec::new();
    let mut ctx = Ctx {
        document: 0,
        out: &mut scratch,
        cluster: &crate::validate::versions::LATEST,
    };
    check_label_selector(selector, &FieldPath::default(), &mut ctx);
    scratch.is_empty()
}

/// Whether a selector has neither matchLabels nor matchExpressions entries.
pub(crate) fn is_empty_selector(selector: &Node) -> bool {
    let labels = selector
        .get("matchLabels")
        .map_or(0, |node| node.entries().len());
    let expressions = selector
        .get("matchExpressions")
        .map_or(0, |node| node.items().len());
    labels + expressions == 0
}

/// Whether `selector` picks an object with these `labels`: every matchLabels
/// pair present, every matchExpressions requirement met. An empty selector
/// picks everything; a selector that is not a mapping picks nothing.
pub(crate) fn selects(selector: &Node, labels: Option<&Node>) -> bool {
    if !is_map(selector) {
        return false;
    }
    let label = |key: &str| labels.and_then(|map| map.get(key)).and_then(label_text);
    let pairs_match = selector.get("matchLabels").is_none_or(|wanted| {
        wanted.entries().iter().all(|entry| {
            label_text(&entry.value).is_some_and(|value| label(&entry.key) == Some(value))
        })
    });
    let expressions_match = selector.get("matchExpressions").is_none_or(|expressions| {
        expressions
            .items()
            .iter()
            .all(|requirement| requirement_matches(requirement, &label))
    });
    pairs_match && expressions_match
}

/// One matchExpressions requirement against the labels (`label` looks one up).
fn requirement_matches(requirement: &Node, label: &dyn Fn(&str) -> Option<String>) -> bool {
    let Some(key) = requirement.get("key").and_then(Node::as_str) else {
        return false;
    };
    let values: Vec<String> = requirement
        .get("values")
        .map(|node| node.items().iter().filter_map(label_text).collect())
        .unwrap_or_default();
    let current = label(key);
    match requirement.get("operator").and_then(Node::as_str) {
        Some("In") => current.is_some_and(|value| values.contains(&value)),
        Some("NotIn") => current.is_none_or(|value| !values.contains(&value)),
        Some("Exists") => current.is_some(),
        Some("DoesNotExist") => current.is_none(),
        _ => false,
    }
}

/// Help for a label key that is not a qualified name.
fn label_key_help() -> Text {
    Text::new(
        "a label key is an optional DNS subdomain prefix and `/`, then a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (e.g. `app` or `app.kubernetes.io/name`)",
        "ラベルのキーは、省略可能なDNSサブドメインのプレフィックスと`/`に続けて、英数字・'-'・'_'・'.'からなる63文字以内の名前を書きます。先頭と末尾は英数字です(例: `app`、`app.kubernetes.io/name`)",
    )
}

/// Help for a label value the server refuses.
fn label_value_help() -> Text {
    Text::new(
        "a label value is empty or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit; quote values such as \"1.0\"",
        "ラベルの値は空文字列か、英数字・'-'・'_'・'.'からなる63文字以内の文字列で、先頭と末尾は英数字です。\"1.0\"のような値は引用符で囲んでください",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::test_support::errors;
    use crate::validate::yaml::parse;

    fn node(text: &str) -> Node {
        parse(text).documents.remove(0).root
    }

    const NETPOL: &str = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector:\n";

    #[test]
    fn match_labels_and_expressions_select_together() {
        let selector = node(
            "matchLabels: {app: web}\nmatchExpressions:\n  - {key: tier, operator: In, values: [fe, be]}\n  - {key: canary, operator: DoesNotExist}\n  - {key: env, operator: NotIn, values: [dev]}\n  - {key: app, operator: Exists}\n",
        );
        assert!(selects(&selector, Some(&node("{app: web, tier: fe}"))));
        assert!(selects(
            &selector,
            Some(&node("{app: web, tier: be, env: prod}"))
        ));
        assert!(!selects(&selector, Some(&node("{app: web, tier: db}"))));
        assert!(!selects(
            &selector,
            Some(&node("{app: web, tier: fe, canary: \"yes\"}"))
        ));
        assert!(!selects(
            &selector,
            Some(&node("{app: web, tier: fe, env: dev}"))
        ));
        assert!(!selects(&selector, Some(&node("{app: api, tier: fe}"))));
        assert!(!selects(&selector, None));
    }

    #[test]
    fn empty_selector_selects_everything_and_bad_operator_nothing() {
        assert!(selects(&node("{}"), None));
        assert!(selects(&node("matchLabels: {}"), Some(&node("{a: b}"))));
        assert!(!selects(
            &node("matchExpressions: [{key: a, operator: Equals, values: [b]}]"),
            Some(&node("{a: b}"))
        ));
        assert!(!selects(&node("[a]"), None));
        assert!(is_empty_selector(&node(
            "{matchLabels: {}, matchExpressions: []}"
        )));
        assert!(!is_empty_selector(&node("{matchLabels: {a: b}}")));
    }

    #[test]
    fn invalid_operator() {
        let yaml = format!(
            "{NETPOL}    matchExpressions:\n      - key: tier\n        operator: Equals\n        values: [fe]\n"
        );
        assert_eq!(
        errors(&yaml),
        [(
            "spec.podSelector.matchExpressions[0].operator".to_string(),
            "spec.podSelector.matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector operator".to_string()
        )]
    );
    }

    #[test]
    fn values_required_for_in() {
        let yaml =
            format!("{NETPOL}    matchExpressions:\n      - key: tier\n        operator: In\n");
        assert_eq!(
        errors(&yaml),
        [(
            "spec.podSelector.matchExpressions[0].values".to_string(),
            "spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'".to_string()
        )]
    );
    }

    #[test]
    fn values_forbidden_for_exists() {
        let yaml = format!(
            "{NETPOL}    matchExpressions:\n      - key: tier\n        operator: Exists\n        values: [fe]\n"
        );
        assert_eq!(
        errors(&yaml),
        [(
            "spec.podSelector.matchExpressions[0].values".to_string(),
            "spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'".to_string()
        )]
    );
    }

    #[test]
    fn bad_keys_and_values() {
        let yaml = format!(
            "{NETPOL}    matchLabels:\n      app: -web\n    matchExpressions:\n      - {{key: \"bad key\", operator: In, values: [\"ok\", \"no way\"]}}\n"
        );
        let found = errors(&yaml);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].1.starts_with("spec.podSelector.matchLabels[app]: Invalid value: \"-web\": a valid label must be an empty string"));
        assert!(found[1].1.starts_with("spec.podSelector.matchExpressions[0].key: Invalid value: \"bad key\": name part must consist of"));
        assert!(found[2].1.starts_with("spec.podSelector.matchExpressions[0].values[1]: Invalid value: \"no way\": a valid label"));
    }
}
