//! Scalar comparison: globs for text, numbers and Kubernetes quantities
//! compared by value, so `"<1Gi"` accepts `512Mi` and `">=2"` accepts `3`.

use super::pattern::{Ordering, Scalar, Term};
use crate::validate::{Node, Value, parse_quantity};

/// A number or a Kubernetes quantity (`500m`, `1.5Gi`, `2e3`) as a float,
/// read by the validator's quantity parser, as the API server reads it.
pub(crate) fn number(text: &str) -> Option<f64> {
    parse_quantity(text.trim())
        .ok()
        .map(|quantity| quantity.as_f64())
}

/// Whether a resource value matches a scalar pattern.
pub(crate) fn matches(pattern: &Scalar, node: &Node) -> bool {
    match pattern {
        Scalar::Null => node.value == Value::Null,
        Scalar::Bool(expected) => node.value == Value::Bool(*expected),
        Scalar::Number(expected) => numeric(node) == Some(*expected),
        Scalar::Text(alternatives) => alternatives
            .iter()
            .any(|terms| terms.iter().all(|term| term_matches(term, node))),
    }
}

fn term_matches(term: &Term, node: &Node) -> bool {
    match term {
        Term::Equal(operand) => equal(operand, node),
        Term::NotEqual(operand) => !equal(operand, node),
        Term::Compare(ordering, bound) => numeric(node).is_some_and(|n| match ordering {
            Ordering::Greater => n > *bound,
            Ordering::GreaterOrEqual => n >= *bound,
            Ordering::Less => n < *bound,
            Ordering::LessOrEqual => n <= *bound,
        }),
    }
}

/// Wildcards match any scalar's text; otherwise numbers compare by value.
fn equal(operand: &str, node: &Node) -> bool {
    if matches!(node.value, Value::Map(_) | Value::Seq(_)) {
        return operand == "*";
    }
    if let (Some(expected), Some(actual)) = (number(operand), numeric(node)) {
        return expected == actual;
    }
    glob(operand, &text(node))
}

/// The resource value as a number, when it is one or a quantity string.
fn numeric(node: &Node) -> Option<f64> {
    match &node.value {
        Value::Int(n) => Some(*n as f64),
        Value::Float(n) => Some(*n),
        Value::Str(text) => number(text),
        _ => None,
    }
}

fn text(node: &Node) -> String {
    match &node.value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Int(n) => n.to_string(),
        Value::Float(n) => n.to_string(),
        Value::Str(text) => text.clone(),
        Value::Seq(_) | Value::Map(_) => node.raw.clone(),
    }
}

/// `*` matches any run of characters, `?` exactly one.
fn glob(pattern: &str, text: &str) -> bool {
    let pattern = glob_tokens(pattern);
    let text: Vec<char> = text.chars().collect();
    // Iterative matching with backtracking to the last star: linear in practice.
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(Glob::Star) => {
                star = Some((p, t));
                p += 1;
            }
            Some(Glob::One) => {
                p += 1;
                t += 1;
            }
            Some(Glob::Literal(c)) if *c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((star_p, star_t)) => {
                    p = star_p + 1;
                    t = star_t + 1;
                    star = Some((star_p, star_t + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|g| *g == Glob::Star)
}

/// One element of a glob: `*`, `?`, or a character to match as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glob {
    Star,
    One,
    Literal(char),
}

/// Splits a glob; `\*`, `\?` and `\\` stand for the characters themselves, so
/// a pattern can ask for a literal `*` (a cron schedule `0 3 \* \* \*`).
fn glob_tokens(pattern: &str) -> Vec<Glob> {
    let mut tokens = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        tokens.push(match c {
            '*' => Glob::Star,
            '?' => Glob::One,
            '\\' => match chars.next() {
                Some(escaped) => Glob::Literal(escaped),
                None => Glob::Literal('\\'),
            },
            c => Glob::Literal(c),
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_are_numbers() {
        assert_eq!(number("500m"), Some(0.5));
        assert_eq!(number("1Gi"), Some(1_073_741_824.0));
        assert_eq!(number("3"), Some(3.0));
        assert_eq!(number("web"), None);
        // A bare suffix is zero to the API server's parser, so it is here too.
        assert_eq!(number("Mi"), Some(0.0));
        assert_eq!(number("1.5Gi"), Some(1_610_612_736.0));
        assert_eq!(number("2e3"), Some(2000.0));
        assert_eq!(number("5x"), None);
    }

    #[test]
    fn globs_match_like_kyverno() {
        assert!(glob("*", ""));
        assert!(!glob("?*", ""));
        assert!(glob("?*", "x"));
        assert!(glob("nginx:*", "nginx:1.27"));
        assert!(!glob("nginx:*", "busybox:1"));
        assert!(glob("*a*b", "xxaxxb"));
        assert!(!glob("a?c", "ac"));
    }

    #[test]
    fn escaped_wildcards_are_literal() {
        assert!(glob(r"0 3 \* \* \*", "0 3 * * *"));
        assert!(!glob(r"0 3 \* \* \*", "0 3 1 * 5"));
        assert!(glob(r"what\?", "what?"));
        assert!(!glob(r"what\?", "whats"));
    }
}
