//! Helpers the rule tests share: they run the whole validator, as a learner
//! would, and look only at the errors so each test states the one it expects.

use crate::validate::{Severity, check};

/// The findings of one severity as (path, English message).
pub(super) fn findings(yaml: &str, severity: Severity) -> Vec<(String, String)> {
    check(yaml)
        .findings
        .into_iter()
        .filter(|f| f.severity == severity)
        .map(|f| (f.path, f.message.en))
        .collect()
}

/// The errors of a manifest as (path, English message).
pub(super) fn errors(yaml: &str) -> Vec<(String, String)> {
    findings(yaml, Severity::Error)
}

/// The single error of a manifest; fails the test when there are more or none.
pub(super) fn one(yaml: &str) -> (String, String) {
    let found = errors(yaml);
    assert_eq!(found.len(), 1, "{found:#?}");
    found.into_iter().next().unwrap_or_default()
}
