//! Patterns compiled from exercise.yaml: anchors and operators are read once,
//! so a malformed pattern is an authoring error `pack lint` can point at rather
//! than a check that silently never passes.

use thiserror::Error;

use crate::validate::{Node, Pos, Value};

/// Why a pattern cannot be used, and the key or value at fault.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{kind}")]
pub struct PatternError {
    pub kind: PatternProblem,
    pub pos: Pos,
}

/// What is wrong with a pattern.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PatternProblem {
    #[error("pattern key `{0}`: unsupported anchor (use `(key)`, `^(key)`, `X(key)` or `=(key)`)")]
    UnsupportedAnchor(String),
    #[error("pattern key `{0}`: an existence anchor `^(…)` needs a list with one element")]
    ExistenceNeedsList(String),
    #[error("a list in a pattern has exactly one element, which every item must match")]
    ListLength,
    #[error("value pattern `{0}`: `{1}` needs a number or quantity after it")]
    NotANumber(String, String),
    #[error("value pattern `{0}` has an empty alternative")]
    EmptyAlternative(String),
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Pattern {
    Map(Vec<Field>),
    /// Every item of the resource list must match.
    List(Box<Pattern>),
    Scalar(Scalar),
}

/// One key of a map pattern with its anchor.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: String,
    pub anchor: Anchor,
    pub pattern: Pattern,
}

/// Kyverno's anchors, as far as validation uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// `key`: must exist and match.
    None,
    /// `(key)`: when it exists and matches, the siblings must match; otherwise
    /// the pattern is skipped for this object.
    Condition,
    /// `^(key)`: at least one item of the list matches.
    Existence,
    /// `X(key)`: must not exist.
    Negation,
    /// `=(key)`: when it exists, it must match.
    Equality,
}

/// A scalar pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Null,
    Bool(bool),
    Number(f64),
    /// `a | b`: any alternative; each is `x & y`: all terms.
    Text(Vec<Vec<Term>>),
}

/// One operator and its operand.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// Glob match (`*`, `?`), or numeric equality when both sides are numbers.
    Equal(String),
    NotEqual(String),
    Compare(Ordering, f64),
}

/// The comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ordering {
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
}

impl Pattern {
    /// Compiles a pattern from its YAML, read as the manifests it matches
    /// are read (YAML 1.1: `yes` is true, as it is in the manifest).
    #[allow(clippy::cast_precision_loss)]
    pub fn parse(node: &Node) -> Result<Pattern, PatternError> {
        let at = |kind: PatternProblem| PatternError {
            kind,
            pos: node.pos,
        };
        match &node.value {
            Value::Null => Ok(Pattern::Scalar(Scalar::Null)),
            Value::Bool(b) => Ok(Pattern::Scalar(Scalar::Bool(*b))),
            Value::Int(n) => Ok(Pattern::Scalar(Scalar::Number(*n as f64))),
            Value::Float(n) => Ok(Pattern::Scalar(Scalar::Number(*n))),
            Value::Str(text) => parse_text(text).map(Pattern::Scalar).map_err(at),
            Value::Seq(items) => match items.as_slice() {
                [item] => Ok(Pattern::List(Box::new(Pattern::parse(item)?))),
                _ => Err(at(PatternProblem::ListLength)),
            },
            Value::Map(entries) => entries
                .iter()
                .map(|entry| {
                    parse_field(&entry.key, &entry.value).map_err(|error| match error {
                        FieldError::Key(kind) => PatternError {
                            kind,
                            pos: entry.key_pos,
                        },
                        FieldError::Value(error) => error,
                    })
                })
                .collect::<Result<_, _>>()
                .map(Pattern::Map),
        }
    }
}

/// A field's problem: with its key (placed at the key) or deeper in its value.
enum FieldError {
    Key(PatternProblem),
    Value(PatternError),
}

fn parse_field(raw: &str, value: &Node) -> Result<Field, FieldError> {
    let (anchor, key) = match raw.strip_suffix(')') {
        Some(inner) => {
            let (anchor, key) = if let Some(key) = inner.strip_prefix("^(") {
                (Anchor::Existence, key)
            } else if let Some(key) = inner.strip_prefix("X(") {
                (Anchor::Negation, key)
            } else if let Some(key) = inner.strip_prefix("=(") {
                (Anchor::Equality, key)
            } else if let Some(key) = inner.strip_prefix('(') {
                (Anchor::Condition, key)
            } else if inner.contains('(') {
                return Err(FieldError::Key(PatternProblem::UnsupportedAnchor(
                    raw.to_string(),
                )));
            } else {
                (Anchor::None, raw)
            };
            if key.is_empty() || key.contains(['(', ')']) {
                return Err(FieldError::Key(PatternProblem::UnsupportedAnchor(
                    raw.to_string(),
                )));
            }
            (anchor, key)
        }
        None => (Anchor::None, raw),
    };
    let pattern = Pattern::parse(value).map_err(FieldError::Value)?;
    if anchor == Anchor::Existence && !matches!(pattern, Pattern::List(_)) {
        return Err(FieldError::Key(PatternProblem::ExistenceNeedsList(
            raw.to_string(),
        )));
    }
    Ok(Field {
        key: key.to_string(),
        anchor,
        pattern,
    })
}

fn parse_text(text: &str) -> Result<Scalar, PatternProblem> {
    let alternatives = text
        .split('|')
        .map(|alternative| {
            alternative
                .split('&')
                .map(|term| parse_term(text, term.trim()))
                .collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Scalar::Text(alternatives))
}

fn parse_term(whole: &str, term: &str) -> Result<Term, PatternProblem> {
    if term.is_empty() && whole.trim() != "" {
        return Err(PatternProblem::EmptyAlternative(whole.to_string()));
    }
    let compare = |op: &str, ordering: Ordering| {
        let operand = term[op.len()..].trim();
        super::value::number(operand)
            .map(|n| Term::Compare(ordering, n))
            .ok_or_else(|| PatternProblem::NotANumber(whole.to_string(), op.to_string()))
    };
    for (op, ordering) in [
        (">=", Ordering::GreaterOrEqual),
        ("<=", Ordering::LessOrEqual),
        (">", Ordering::Greater),
        ("<", Ordering::Less),
    ] {
        if term.starts_with(op) {
            return compare(op, ordering);
        }
    }
    Ok(
        match term.strip_prefix("!=").or_else(|| term.strip_prefix('!')) {
            Some(operand) => Term::NotEqual(operand.trim().to_string()),
            None => Term::Equal(term.strip_prefix("==").unwrap_or(term).trim().to_string()),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Pattern, PatternProblem> {
        let node = crate::validate::parse_single(text).unwrap().unwrap();
        Pattern::parse(&node).map_err(|error| error.kind)
    }

    #[test]
    fn anchors_are_read_from_keys() {
        let Pattern::Map(fields) = parse("{(a): 1, ^(b): [x], X(c): null, =(d): 2, e: 3}").unwrap()
        else {
            panic!("not a map");
        };
        let anchors: Vec<(&str, Anchor)> =
            fields.iter().map(|f| (f.key.as_str(), f.anchor)).collect();
        assert_eq!(
            anchors,
            [
                ("a", Anchor::Condition),
                ("b", Anchor::Existence),
                ("c", Anchor::Negation),
                ("d", Anchor::Equality),
                ("e", Anchor::None),
            ]
        );
    }

    #[test]
    fn operators_are_read_from_values() {
        assert_eq!(
            parse("'>=2 | !web & <1Gi'").unwrap(),
            Pattern::Scalar(Scalar::Text(vec![
                vec![Term::Compare(Ordering::GreaterOrEqual, 2.0)],
                vec![
                    Term::NotEqual("web".into()),
                    Term::Compare(Ordering::Less, 1024.0 * 1024.0 * 1024.0)
                ],
            ]))
        );
    }

    #[test]
    fn errors_point_at_the_key_or_value() {
        let node = crate::validate::parse_single("a:\n  \"<(b)\": 1\nc: '>x'\n")
            .unwrap()
            .unwrap();
        let error = Pattern::parse(&node).unwrap_err();
        assert_eq!(error.pos, Pos { line: 2, column: 3 });
    }

    #[test]
    fn malformed_patterns_are_errors() {
        assert_eq!(
            parse("{<(a): 1}"),
            Err(PatternProblem::UnsupportedAnchor("<(a)".into()))
        );
        assert_eq!(
            parse("{^(a): x}"),
            Err(PatternProblem::ExistenceNeedsList("^(a)".into()))
        );
        assert_eq!(parse("[a, b]"), Err(PatternProblem::ListLength));
        assert!(matches!(
            parse("'>web'"),
            Err(PatternProblem::NotANumber(..))
        ));
        assert!(matches!(
            parse("'a || b'"),
            Err(PatternProblem::EmptyAlternative(_))
        ));
    }
}
