//! An exercise's checks as exercise.yaml declares them: a built-in check by
//! its rule name, or a Kyverno-style pattern. They are read from the
//! validator's located tree, so patterns compare values with the same YAML
//! rules as the manifests they grade, and every problem has a position.

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::builtin::Builtin;
use super::pattern::Pattern;
use crate::i18n::Localized;
use crate::validate::{self, Node, Pos};

/// What a check tests.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckKind {
    Builtin(Builtin),
    /// A Kyverno-style pattern, applied to the documents `matcher` accepts.
    Pattern {
        matcher: Option<Pattern>,
        pattern: Pattern,
        description: Localized<String>,
    },
}

/// One check of an exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub id: String,
    pub kind: CheckKind,
    /// Shown when the check fails: a nudge, not the answer.
    pub hint: Option<Localized<String>>,
    /// Where exercise.yaml declares it.
    pub pos: Pos,
}

/// Why a check cannot be used, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckError {
    /// The field of the check at fault (`rule`, `hint.ja`), empty for the whole check.
    pub path: String,
    pub message: String,
    pub pos: Pos,
}

impl CheckError {
    /// An error about the whole check.
    pub(super) fn new(message: String, pos: Pos) -> CheckError {
        CheckError {
            path: String::new(),
            message,
            pos,
        }
    }

    /// An error of reading `node` (or a field below it) as a typed value.
    pub(super) fn reading(error: validate::NodeError, node: &Node) -> CheckError {
        CheckError {
            path: error.path,
            message: error.message,
            pos: error.pos.unwrap_or(node.pos),
        }
    }

    /// The same error one level down: `field` leads from the check to `self.path`.
    pub(super) fn within(mut self, field: &str) -> CheckError {
        self.path = if self.path.is_empty() {
            field.to_string()
        } else {
            format!("{field}.{}", self.path)
        };
        self
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    id: String,
    rule: Option<IgnoredAny>,
    kinds: Option<IgnoredAny>,
    /// Compiled from its node, see [`Pattern::parse`].
    #[serde(rename = "pattern")]
    _pattern: Option<IgnoredAny>,
    #[serde(rename = "match")]
    matcher: Option<IgnoredAny>,
    description: Option<Localized<String>>,
    hint: Option<Localized<String>>,
}

impl Check {
    /// Reads one item of exercise.yaml's `checks` list.
    pub fn from_node(node: &Node) -> Result<Check, CheckError> {
        let raw: RawCheck =
            validate::from_node(node).map_err(|error| CheckError::reading(error, node))?;
        let pos = node.entry("id").map_or(node.pos, |entry| entry.key_pos);
        let id = raw.id;
        let fail = |message: String| CheckError::new(message, pos);
        let kind = match (raw.rule.is_some(), node.get("pattern")) {
            (true, None) => {
                if raw.matcher.is_some() || raw.description.is_some() {
                    return Err(fail(format!(
                        "check `{id}`: a `rule` check takes no `match` or `description`"
                    )));
                }
                CheckKind::Builtin(Builtin::from_node(&id, node)?)
            }
            (false, Some(_)) if raw.kinds.is_some() => {
                return Err(fail(format!(
                    "check `{id}`: `kinds` belongs to `rule: kinds-present`"
                )));
            }
            (false, Some(pattern)) => {
                let description = raw.description.ok_or_else(|| {
                    fail(format!(
                        "check `{id}`: a `pattern` check needs a `description`"
                    ))
                })?;
                let compile = |node: &Node, what: &str| {
                    Pattern::parse(node).map_err(|err| {
                        CheckError::new(format!("check `{id}`: `{what}`: {err}"), err.pos)
                    })
                };
                CheckKind::Pattern {
                    matcher: node.get("match").map(|m| compile(m, "match")).transpose()?,
                    pattern: compile(pattern, "pattern")?,
                    description,
                }
            }
            _ => {
                return Err(fail(format!(
                    "check `{id}`: needs exactly one of `rule` or `pattern`"
                )));
            }
        };
        Ok(Check {
            id,
            kind,
            hint: raw.hint,
            pos,
        })
    }

    /// The registered rule of a built-in check (patterns have none).
    pub fn rule(&self) -> Option<&'static crate::validate::Rule> {
        match &self.kind {
            CheckKind::Builtin(builtin) => Some(builtin.rule()),
            CheckKind::Pattern { .. } => None,
        }
    }

    /// Reads a check written on its own, as YAML (tests and fixtures).
    pub fn from_yaml(text: &str) -> Result<Check, CheckError> {
        match validate::parse_single(text) {
            Ok(Some(node)) => Check::from_node(&node),
            Ok(None) => Err(CheckError::new(
                "an empty check".into(),
                Pos { line: 1, column: 1 },
            )),
            Err((message, pos)) => Err(CheckError::new(message, pos)),
        }
    }
}
