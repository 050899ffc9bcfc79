//! The same manifest checked for several Kubernetes releases: each fixture in
//! tests/fixtures/versions/ says, per release (and feature gates), which
//! errors and warnings the API server of that release gives, or `clean`.
//!
//! Header lines: `# --pss LEVEL` once, then `# 1.33[ Gate=true,…]: clean` or
//! `# 1.33[ …]: error|warning RULE [PATH]`; several lines for one release add up.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::fs;

use kubetutor::validate::{self, Cluster, Level, Options, Severity};

/// (release and gates as written) → expected (severity, rule, path) findings.
type Expectations = BTreeMap<String, Vec<(String, String, Option<String>)>>;

fn expectations(text: &str) -> (Option<Level>, Expectations) {
    let mut pss = None;
    let mut expected = Expectations::new();
    for line in text.lines().map_while(|l| l.strip_prefix("# ")) {
        if let Some(level) = line.strip_prefix("--pss ") {
            pss = Some(level.parse().expect("a level"));
            continue;
        }
        let (target, verdict) = line.split_once(": ").expect("`# RELEASE: VERDICT`");
        let findings = expected.entry(target.to_string()).or_default();
        if verdict != "clean" {
            let words: Vec<&str> = verdict.split_whitespace().collect();
            findings.push((
                words[0].to_string(),
                words[1].to_string(),
                words.get(2).map(|p| p.to_string()),
            ));
        }
    }
    (pss, expected)
}

fn cluster(target: &str) -> Cluster {
    let mut parts = target.split_whitespace();
    Cluster {
        version: parts.next().unwrap().parse().expect("a release"),
        gates: parts.next().unwrap_or("").parse().expect("gates"),
    }
}

#[test]
fn each_release_gives_its_own_verdict() {
    let mut checked = 0;
    let mut wrong = Vec::new();
    let mut files: Vec<_> = fs::read_dir("tests/fixtures/versions")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let (pss, expected) = expectations(&text);
        assert!(
            expected.len() >= 2,
            "{}: compare at least two releases",
            path.display()
        );
        for (target, wanted) in &expected {
            let options = Options {
                pss,
                cluster: cluster(target),
                ..Options::default()
            };
            let found: Vec<(String, String, String)> = validate::check_with(&text, &options)
                .findings
                .into_iter()
                .filter(|f| {
                    f.rule.id.starts_with("schema/")
                        || f.rule.id.starts_with("api/")
                        || pss.is_some()
                            && f.rule.id.starts_with("pss/")
                            && f.severity == Severity::Error
                })
                .map(|f| {
                    let severity = match f.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Info => "info",
                    };
                    (severity.to_string(), f.rule.id.to_string(), f.path.clone())
                })
                .collect();
            let matches = |(severity, rule, path): &(String, String, Option<String>)| {
                found.iter().any(|(s, r, p)| {
                    s == severity && r == rule && path.as_ref().is_none_or(|w| w == p)
                })
            };
            let missing: Vec<_> = wanted.iter().filter(|w| !matches(w)).collect();
            let extra: Vec<_> = found
                .iter()
                .filter(|(s, r, p)| {
                    !wanted.iter().any(|(ws, wr, wp)| {
                        ws == s && wr == r && wp.as_ref().is_none_or(|w| w == p)
                    })
                })
                .collect();
            if !missing.is_empty() || !extra.is_empty() {
                wrong.push(format!(
                    "{} @ {target}: missing {missing:?}, unexpected {extra:?}",
                    path.display()
                ));
            }
            checked += 1;
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert!(checked >= 25, "only {checked} release verdicts");
}
