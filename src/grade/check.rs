//! An exercise's checks as exercise.yaml declares them: a built-in check by
//! its rule name, or a Kyverno-style pattern. They are read from the
//! validator's located tree, so patterns compare values with the same YAML
//! rules as the manifests they grade, and every problem has a position.

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::builtin::Builtin;
use super::pattern::Pattern;
use super::semantic::{self, Semantic};
use crate::i18n::Localized;
use crate::validate::{self, Entry, Node, Pos, Value};

/// What a check tests.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckKind {
    Builtin(Builtin),
    /// A semantic check over the documents `matcher` accepts.
    Semantic {
        check: Semantic,
        matcher: Option<Pattern>,
        description: Option<Localized<String>>,
    },
    /// A Kyverno-style pattern, applied to the documents `matcher` accepts.
    Pattern {
        matcher: Option<Pattern>,
        pattern: Pattern,
        description: Localized<String>,
        /// The match and the pattern as written (flow style), for `--explain`.
        shown: (Option<String>, String),
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

/// The keys every rule check may have besides its parameters.
const CHECK_KEYS: [&str; 5] = ["id", "rule", "description", "hint", "match"];

/// The names `rule:` accepts, for did-you-mean.
const RULE_NAMES: [&str; 5] = [
    "valid",
    "pss-baseline",
    "pss-restricted",
    "selector-matches-template",
    "kinds-present",
];

#[derive(Deserialize)]
struct RawSemantic {
    id: String,
    description: Option<Localized<String>>,
    hint: Option<Localized<String>>,
}

impl Check {
    /// Reads one item of exercise.yaml's `checks` list.
    pub fn from_node(node: &Node) -> Result<Check, CheckError> {
        if let Some(rule) = node.get("rule").and_then(Node::as_str) {
            if semantic::NAMES.contains(&rule) {
                return Check::semantic(rule, node);
            }
            if !RULE_NAMES.contains(&rule) {
                return Err(unknown_rule(rule, node));
            }
        }
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
                    shown: (
                        node.get("match").map(validate::compact),
                        validate::compact(pattern),
                    ),
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

    /// A semantic check: its own keys, then its parameters.
    fn semantic(rule: &str, node: &Node) -> Result<Check, CheckError> {
        let raw: RawSemantic =
            validate::from_node(node).map_err(|error| CheckError::reading(error, node))?;
        let pos = node.entry("id").map_or(node.pos, |entry| entry.key_pos);
        let id = raw.id;
        let params = Node {
            value: Value::Map(
                node.entries()
                    .iter()
                    .filter(|entry| !CHECK_KEYS.contains(&entry.key.as_str()))
                    .cloned()
                    .collect::<Vec<Entry>>(),
            ),
            pos: node.pos,
            raw: String::new(),
        };
        let check = Semantic::parse(rule, &params).map_err(|mut err| {
            err.message = format!("check `{id}`: {}", err.message);
            err
        })?;
        let matcher = node
            .get("match")
            .map(|m| {
                Pattern::parse(m).map_err(|err| {
                    CheckError::new(format!("check `{id}`: `match`: {err}"), err.pos)
                })
            })
            .transpose()?;
        Ok(Check {
            id,
            kind: CheckKind::Semantic {
                check,
                matcher,
                description: raw.description,
            },
            hint: raw.hint,
            pos,
        })
    }

    /// The registered rule of a built-in or semantic check (patterns have none).
    pub fn rule(&self) -> Option<&'static crate::validate::Rule> {
        match &self.kind {
            CheckKind::Builtin(builtin) => Some(builtin.rule()),
            CheckKind::Semantic { check, .. } => Some(check.rule()),
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

/// `rule: <unknown>`, with the closest known name.
fn unknown_rule(rule: &str, node: &Node) -> CheckError {
    let names = RULE_NAMES.iter().chain(semantic::NAMES.iter()).copied();
    let hint = validate::suggest::closest(rule, names.clone(), 2)
        .map(|near| format!("; did you mean `{near}`?"))
        .unwrap_or_default();
    let pos = node.get("rule").map_or(node.pos, |r| r.pos);
    let all: Vec<&str> = names.collect();
    CheckError {
        path: "rule".into(),
        message: format!("unknown rule `{rule}`{hint} (rules: {})", all.join(", ")),
        pos,
    }
}
