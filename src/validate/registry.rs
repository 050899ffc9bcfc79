//! The validator's share of the rule registry: every rule of every layer,
//! gathered from the declarations beside the code that reports them, and
//! the lookup `--disable` and `--enable` use.

use thiserror::Error;

use super::rule::Rule;
use super::{component_config, lint, pss, rules as api, schema, suggest, syntax};

/// Every rule of the validator, layer by layer.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    syntax::RULES
        .iter()
        .copied()
        .chain(schema::RULES.iter().copied())
        .chain(super::crd::RULES.iter().copied())
        .chain([&component_config::COMPONENT_CONFIG])
        .chain(api::catalog::RULES.iter().copied())
        .chain(pss::rules())
        .chain(lint::rules())
}

/// Why a rule id given on the command line cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RuleError {
    #[error("unknown rule id {id:?}{}", did_you_mean(.suggestion))]
    Unknown {
        id: String,
        suggestion: Option<&'static str>,
    },
    #[error(
        "rule {id:?} cannot be switched off or on: only lints (lint/…) and platform rules (fargate/…) can; `kubetutor rules` lists them"
    )]
    NotSwitchable { id: String },
}

fn did_you_mean(suggestion: &Option<&'static str>) -> String {
    match suggestion {
        Some(id) => format!("; did you mean {id:?}? (`kubetutor rules` lists them all)"),
        None => "; `kubetutor rules` lists them all".to_string(),
    }
}

/// The lint or platform rule `id` names, for `--disable` and `--enable`; an
/// unknown id gets the closest one as a suggestion.
pub fn switchable(id: &str) -> Result<&'static Rule, RuleError> {
    match rules().find(|rule| rule.id == id) {
        Some(rule) if rule.switchable() => Ok(rule),
        Some(_) => Err(RuleError::NotSwitchable { id: id.to_string() }),
        None => Err(RuleError::Unknown {
            id: id.to_string(),
            suggestion: suggest::closest(
                id,
                rules().filter(|rule| rule.switchable()).map(|rule| rule.id),
                3,
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lints_and_profiles_switch() {
        assert_eq!(
            switchable("lint/image-tag").map(|r| r.id),
            Ok("lint/image-tag")
        );
        assert!(matches!(
            switchable("api/required"),
            Err(RuleError::NotSwitchable { .. })
        ));
        let error = switchable("lint/image-tga").unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown rule id \"lint/image-tga\"; did you mean \"lint/image-tag\"? (`kubetutor rules` lists them all)"
        );
    }
}
