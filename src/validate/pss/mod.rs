//! Pod Security Standards, decided the way the official pod-security-admission
//! library decides them: the same checks, the same policy versions, the same
//! forbidden reasons, so a learner sees what `kubectl apply` would print.

mod baseline;
mod inherited;
mod namespace;
mod restricted;

use std::fmt;
use std::str::FromStr;

use super::finding::{Finding, Severity, Text};
use super::path::FieldPath;
use super::pod::PodView;
use super::rule::{Rule, Versions, Words};
use super::yaml::Node;
pub(crate) use namespace::check_labels;

/// The newest policy version any check of the library registers; `latest`
/// and every newer pinned version resolve to it, as the library clamps them.
const MAX_MINOR: u32 = 37;

/// A Pod Security level that restricts something (privileged allows all).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Baseline,
    Restricted,
}

impl Level {
    fn ja(self) -> &'static str {
        match self {
            Level::Baseline => "ベースライン",
            Level::Restricted => "制限",
        }
    }
}

impl FromStr for Level {
    type Err = String;

    fn from_str(text: &str) -> Result<Level, String> {
        match text {
            "baseline" => Ok(Level::Baseline),
            "restricted" => Ok(Level::Restricted),
            _ => Err(format!(
                "invalid level {text:?}: expected baseline or restricted"
            )),
        }
    }
}

/// A policy version: `latest` or `v1.N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Version {
    #[default]
    Latest,
    /// `v1.<minor>`.
    Minor(u32),
}

impl Version {
    /// The minor version the checks are resolved at.
    fn resolved(self) -> u32 {
        match self {
            Version::Latest => MAX_MINOR,
            Version::Minor(minor) => minor.min(MAX_MINOR),
        }
    }
}

impl Version {
    /// The policy version a cluster of `release` applies: `latest` is that
    /// release's own policy, and a newer version than the cluster knows is
    /// read as its latest, as Pod Security Admission does.
    pub fn at_most(self, release: crate::validate::KubeVersion) -> Version {
        let cluster = u32::from(release.minor());
        match self {
            Version::Latest => Version::Minor(cluster),
            Version::Minor(minor) => Version::Minor(minor.min(cluster)),
        }
    }
}

impl FromStr for Version {
    type Err = String;

    fn from_str(text: &str) -> Result<Version, String> {
        if text == "latest" {
            return Ok(Version::Latest);
        }
        text.strip_prefix("v1.")
            .filter(|minor| !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|minor| minor.parse().ok())
            .map(Version::Minor)
            .ok_or_else(|| {
                format!("invalid version {text:?}: expected latest or v1.N (v1.0 … v1.{MAX_MINOR})")
            })
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Version::Latest => f.write_str("latest"),
            Version::Minor(minor) => write!(f, "v1.{minor}"),
        }
    }
}

/// One failed check: the library's reason and detail, and where to look.
pub(crate) struct Violation {
    pub rule: &'static Rule,
    pub reason: String,
    pub detail: String,
    pub path: FieldPath,
    pub pos: super::Pos,
    pub help: Text,
}

/// A check of the library: its rule (whose first version is the first
/// policy version the check exists at), its level, and the baseline check it
/// replaces when restricted is in force.
pub(crate) struct PolicyCheck {
    pub rule: Rule,
    level: Level,
    overrides: Option<&'static PolicyCheck>,
    run: fn(&PodView<'_>, u32) -> Option<Violation>,
}

impl PolicyCheck {
    fn since(&self) -> u32 {
        self.rule.versions.from.unwrap_or(0)
    }
}

/// The rule of a check at `level`, first in force at policy version
/// `since` (0: from the start).
const fn rule(id: &'static str, since: u32, level: Level, summary: Words, help: Words) -> Rule {
    let docs = match level {
        Level::Baseline => {
            "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"
        }
        Level::Restricted => {
            "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"
        }
    };
    Rule {
        id,
        summary,
        help,
        docs,
        versions: if since == 0 {
            Versions::ALL
        } else {
            Versions::from(since)
        },
        ..Rule::POD_SECURITY
    }
}

/// Every check, in the library's order.
pub(crate) static CHECKS: &[&PolicyCheck] = &[
    &baseline::HOST_NAMESPACES,
    &baseline::PRIVILEGED,
    &baseline::CAPABILITIES,
    &baseline::HOST_PATH_VOLUMES,
    &baseline::HOST_PORTS,
    &baseline::APPARMOR,
    &baseline::SELINUX,
    &baseline::PROC_MOUNT,
    &baseline::SECCOMP,
    &baseline::SYSCTLS,
    &baseline::WINDOWS_HOST_PROCESS,
    &baseline::HOST_PROBES,
    &restricted::VOLUMES,
    &restricted::PRIVILEGE_ESCALATION,
    &restricted::RUN_AS_NON_ROOT,
    &restricted::RUN_AS_USER,
    &restricted::SECCOMP,
    &restricted::CAPABILITIES,
    &restricted::PROC_MOUNT,
];

/// The rules of Pod Security, for the registry: every check, then the
/// Namespace labels.
pub(crate) fn rules() -> impl Iterator<Item = &'static Rule> {
    CHECKS
        .iter()
        .map(|check| &check.rule)
        .chain(std::iter::once(&namespace::NAMESPACE_LABEL))
}

/// The checks in force at `level` and `minor`, in the library's order.
fn checks_at(level: Level, minor: u32) -> impl Iterator<Item = &'static PolicyCheck> {
    let active = move |check: &PolicyCheck| check.level <= level && check.since() <= minor;
    CHECKS
        .iter()
        .copied()
        .filter(move |check| active(check))
        .filter(move |check| {
            !CHECKS.iter().filter(|other| active(other)).any(|other| {
                other
                    .overrides
                    .is_some_and(|replaced| std::ptr::eq(replaced, *check))
            })
        })
}

/// Violations of a Pod (or Pod template) at this level and version.
pub(crate) fn evaluate(pod: &PodView<'_>, level: Level, version: Version) -> Vec<Violation> {
    let minor = version.resolved();
    checks_at(level, minor)
        .filter_map(|check| (check.run)(pod, minor))
        .collect()
}

/// The findings for one object: errors at an explicit level, otherwise
/// restricted violations as warnings (the `warn` mode of admission).
pub(crate) fn check_object(
    kind: &str,
    root: &Node,
    document: usize,
    level: Option<Level>,
    version: Version,
    out: &mut Vec<Finding>,
) {
    if kind == "Namespace" {
        check_labels(root, document, out);
    }
    let Some(pod) = PodView::of(kind, root) else {
        return;
    };
    let (severity, level) = match level {
        Some(level) => (Severity::Error, level),
        None => (Severity::Warning, Level::Restricted),
    };
    for violation in evaluate(&pod, level, version) {
        out.push(finding(violation, document, severity, level));
    }
}

fn finding(violation: Violation, document: usize, severity: Severity, level: Level) -> Finding {
    let wording = format!("{} ({})", violation.reason, violation.detail);
    let message = Text::new(
        wording.clone(),
        format!(
            "Podセキュリティの標準({})に違反しています: {wording}",
            level.ja()
        ),
    );
    Finding::new(
        violation.rule,
        document,
        &violation.path,
        violation.pos,
        message,
        violation.help,
    )
    .with_severity(severity)
}

/// `"a", "b"`: names quoted and joined as the library's `joinQuote` does.
fn join_quote<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|item| super::go::fmt::go_quote(item.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The library's `pluralize`.
fn plural(count: usize, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 { one } else { many }
}

/// `container "a"` / `containers "a", "b"`.
fn containers_phrase<S: AsRef<str>>(names: &[S]) -> String {
    format!(
        "{} {}",
        plural(names.len(), "container", "containers"),
        join_quote(names)
    )
}

#[cfg(test)]
mod tests;
