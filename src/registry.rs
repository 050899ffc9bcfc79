//! The rule registry: every rule kubetutor reports or grades with — YAML,
//! schema, API server, Pod Security, lints, platform profiles and the
//! grading built-ins — declared once beside its code and listed here, for
//! `kubetutor rules`, docs/rules.md, `--disable` and the tests that prove
//! every rule has a fixture.

use crate::grade;
use crate::validate::{self, Rule};

/// Every rule, layer by layer, in declaration order.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    validate::rules().chain(grade::rules())
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    all().find(|rule| rule.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_id_is_declared_once_and_documented() {
        let mut seen = HashSet::new();
        for rule in all() {
            assert!(seen.insert(rule.id), "{} is declared twice", rule.id);
            let (prefix, name) = rule.id.split_once('/').expect("category/name");
            assert!(!name.is_empty() && !prefix.is_empty(), "{}", rule.id);
            assert!(!rule.summary.en.is_empty() && !rule.summary.ja.is_empty());
            assert!(!rule.help.en.is_empty() && !rule.help.ja.is_empty());
            assert!(rule.docs.starts_with("https://"), "{}", rule.id);
        }
        assert!(find("grade/volume-shared").is_some());
        assert!(find("lint/image-tag").is_some());
        assert!(find("nope/nothing").is_none());
    }
}
