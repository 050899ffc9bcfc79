//! The Pod Security labels of a Namespace: a level and a policy version per mode.

use crate::validate::finding::{Finding, Severity, Text};
use crate::validate::path::FieldPath;
use crate::validate::rule::{Rule, Words};

use super::super::yaml::Node;

const PREFIX: &str = "pod-security.kubernetes.io/";

pub(crate) static NAMESPACE_LABEL: Rule = Rule {
    id: "pss/namespace-label",
    severity: Severity::Error,
    summary: Words::new(
        "A pod-security.kubernetes.io label of a Namespace that the admission plugin cannot read",
        "Podセキュリティアドミッションが読めない、Namespaceのpod-security.kubernetes.ioラベル",
    ),
    help: Words::new(
        "A mode label (enforce, audit, warn) takes privileged, baseline or restricted; a -version label takes latest or v1.N",
        "モードのラベル(enforce、audit、warn)の値はprivileged、baseline、restrictedのいずれか、-versionのラベルの値はlatestかv1.Nです",
    ),
    docs: "https://kubernetes.io/docs/concepts/security/pod-security-admission/",
    ..Rule::POD_SECURITY
};

/// Reports `pod-security.kubernetes.io/<mode>[-version]` labels the admission
/// plugin cannot read.
pub(crate) fn check_labels(root: &Node, document: usize, out: &mut Vec<Finding>) {
    let Some(labels) = root.get("metadata").and_then(|meta| meta.get("labels")) else {
        return;
    };
    let path = FieldPath::default().field("metadata").field("labels");
    for entry in labels.entries() {
        let Some(mode) = entry.key.strip_prefix(PREFIX) else {
            continue;
        };
        let value = entry.value.as_str().unwrap_or(&entry.value.raw);
        let (mode, is_version) = match mode.strip_suffix("-version") {
            Some(mode) => (mode, true),
            None => (mode, false),
        };
        if !matches!(mode, "enforce" | "audit" | "warn") {
            continue;
        }
        let (ok, expected_en, expected_ja) = if is_version {
            (
                valid_version(value),
                "`latest` or a version such as `v1.30`",
                "`latest`または`v1.30`のようなバージョン",
            )
        } else {
            (
                matches!(value, "privileged" | "baseline" | "restricted"),
                "privileged, baseline or restricted",
                "privileged、baseline、restrictedのいずれか",
            )
        };
        if ok {
            continue;
        }
        let label = path.key(&entry.key);
        out.push(Finding::new(
            &NAMESPACE_LABEL,
            document,
            &label,
            entry.value.pos,
            Text::new(
                format!("{label}: Invalid value: {value:?}: must be {expected_en}"),
                format!("{label}: 不正な値です: {value:?}: {expected_ja}でなければなりません"),
            ),
            Text::new(
                format!("set the label to {expected_en}"),
                format!("ラベルの値を{expected_ja}にしてください"),
            ),
        ));
    }
}

/// `vX.Y` with decimal numbers, as the admission plugin parses versions.
fn valid_version(value: &str) -> bool {
    if value == "latest" {
        return true;
    }
    let Some((major, minor)) = value.strip_prefix('v').and_then(|v| v.split_once('.')) else {
        return false;
    };
    let number = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    number(major) && number(minor)
}
