//! Counts, durations and int-or-percent values: the number rules every
//! workload controller shares (CronJobs use the non-negative check too).

use crate::validate::finding::Text;
use crate::validate::go::fmt::go_int_or_string;
use crate::validate::path::FieldPath;
use crate::validate::rules::Ctx;
use crate::validate::rules::names::problem_text;
use crate::validate::yaml::{Node, Value};

/// The API server's wording of a percentage problem (`IsValidPercent`).
const PERCENT_MESSAGE: &str = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

/// `ValidateNonnegativeField`: counts and durations cannot be negative.
pub(in crate::validate::rules) fn nonnegative(
    parent: &Node,
    field: &str,
    path: &FieldPath,
    ctx: &mut Ctx<'_>,
) {
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

/// `ValidatePositiveIntOrPercent`: a non-negative whole number or `N%`.
pub(super) fn check_int_or_percent(node: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
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
pub(super) fn check_at_most_100_percent(node: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
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
pub(super) fn int_or_percent_value(node: &Node) -> Option<i64> {
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
