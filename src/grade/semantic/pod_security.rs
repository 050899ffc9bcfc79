//! `pod-security`: a Namespace's Pod Security Admission labels
//! (`pod-security.kubernetes.io/<mode>`) match one of the combinations the
//! exercise accepts, because several setups are right: enforce restricted,
//! or enforce baseline while warning and auditing at restricted on the way
//! there. Modes a combination leaves out are free; an annotation is not a
//! label and does nothing.

use serde::Deserialize;

use super::{Found, Miss, bad_param, kind, name, no_object, read};
use crate::grade::check::CheckError;
use crate::validate::{Node, Pos, Rule, Text, Words};

pub(in crate::grade) static POD_SECURITY: Rule = Rule {
    id: "grade/pod-security",
    summary: Words::new(
        "A Namespace's Pod Security labels match an accepted setup",
        "NamespaceのPod Securityのラベルが認められた設定のいずれかに一致する",
    ),
    help: Words::new(
        "set `pod-security.kubernetes.io/<mode>: <level>` under the Namespace's `metadata.labels` (not annotations); modes are enforce, warn and audit",
        "Namespaceの`metadata.labels`(アノテーションではありません)に`pod-security.kubernetes.io/<mode>: <level>`を設定してください。modeはenforce、warn、auditです",
    ),
    docs: "https://kubernetes.io/docs/concepts/security/pod-security-admission/",
    ..Rule::GRADING
};

const MODES: [&str; 3] = ["enforce", "warn", "audit"];
const LEVELS: [&str; 3] = ["privileged", "baseline", "restricted"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCombo {
    enforce: Option<String>,
    warn: Option<String>,
    audit: Option<String>,
}

/// Which `-version` labels are fine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Versions {
    /// Any valid version, or none.
    #[default]
    Any,
    /// None, or `latest`.
    Latest,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    namespace: String,
    accept: Vec<RawCombo>,
    #[serde(default)]
    versions: Versions,
}

/// The check's parameters: mode → level for each accepted setup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodSecurityCheck {
    namespace: String,
    accept: Vec<Vec<(&'static str, String)>>,
    versions: Versions,
}

impl PodSecurityCheck {
    pub(super) fn parse(params: &Node) -> Result<PodSecurityCheck, CheckError> {
        let raw: Raw = read(params)?;
        if raw.accept.is_empty() {
            return Err(bad_param(
                params,
                "accept",
                "list at least one setup".into(),
            ));
        }
        let mut accept = Vec::new();
        for combo in raw.accept {
            let pairs: Vec<(&'static str, String)> = MODES
                .into_iter()
                .zip([combo.enforce, combo.warn, combo.audit])
                .filter_map(|(mode, level)| Some((mode, level?)))
                .collect();
            if pairs.is_empty() {
                return Err(bad_param(
                    params,
                    "accept",
                    "each setup names at least one of enforce, warn, audit".into(),
                ));
            }
            if let Some((_, level)) = pairs.iter().find(|(_, l)| !LEVELS.contains(&l.as_str())) {
                return Err(bad_param(
                    params,
                    "accept",
                    format!("`{level}` is not a level: privileged, baseline or restricted"),
                ));
            }
            accept.push(pairs);
        }
        Ok(PodSecurityCheck {
            namespace: raw.namespace,
            accept,
            versions: raw.versions,
        })
    }

    fn setups(&self) -> Vec<String> {
        self.accept
            .iter()
            .map(|pairs| {
                pairs
                    .iter()
                    .map(|(mode, level)| format!("{mode}={level}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    pub(super) fn message(&self) -> Text {
        let (ns, setups) = (&self.namespace, self.setups());
        Text::new(
            format!(
                "Namespace `{ns}` has the Pod Security labels of one of: {}",
                setups.join(" | ")
            ),
            format!(
                "Namespace`{ns}`のPod Securityラベルが次のいずれかに一致する: {}",
                setups.join(" | ")
            ),
        )
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        let mut lines = vec![Text::new(
            "passes: labels (not annotations) that match one setup listed above; modes a setup does not name are free",
            "合格: 上に挙げた設定のいずれかに一致するラベル(アノテーションではありません)。設定に含まれないモードは自由です",
        )];
        if self.versions == Versions::Latest {
            lines.push(Text::new(
                "the `-version` labels of the named modes must be absent or `latest`",
                "指定したモードの`-version`ラベルは省略するか`latest`にします",
            ));
        }
        lines.push(Text::new(
            "fails: another level for a named mode, a mode left out that a setup needs, the labels written as annotations",
            "不合格: 指定したモードのレベルが違う、必要なモードがない、ラベルをアノテーションとして書いた",
        ));
        lines
    }

    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        let Some(ns) = objects
            .iter()
            .find(|o| kind(o) == "Namespace" && name(o) == self.namespace)
        else {
            let wanted = &self.namespace;
            return Err(no_object(
                objects,
                &format!("Namespace `{wanted}`"),
                &format!("Namespace`{wanted}`"),
            ));
        };
        let metadata = ns.present("metadata");
        let labels = metadata.and_then(|m| m.present("labels"));
        let annotations = metadata.and_then(|m| m.present("annotations"));
        let fallback = labels.or(metadata).map_or(ns.pos, |n| n.pos);
        let mut closest: Option<Vec<Miss>> = None;
        for setup in &self.accept {
            let misses: Vec<Miss> = setup
                .iter()
                .flat_map(|(mode, level)| self.misses(mode, level, labels, annotations, fallback))
                .collect();
            if misses.is_empty() {
                return Ok(labels.map_or(ns.pos, |l| l.pos));
            }
            if closest.as_ref().is_none_or(|c| misses.len() < c.len()) {
                closest = Some(misses);
            }
        }
        Err(closest
            .and_then(|m| m.into_iter().next())
            .unwrap_or_else(|| no_object(objects, "label", "ラベル")))
    }

    /// What keeps one mode of a setup from holding.
    fn misses(
        &self,
        mode: &str,
        level: &str,
        labels: Option<&Node>,
        annotations: Option<&Node>,
        fallback: Pos,
    ) -> Vec<Miss> {
        let key = format!("pod-security.kubernetes.io/{mode}");
        let mut misses = Vec::new();
        match labels.and_then(|l| l.present(&key)) {
            Some(value) if value.as_str() == Some(level) => {}
            Some(value) => misses.push(Miss::new(
                value.pos,
                format!("{mode} is `{}`, not `{level}`", value.raw),
                format!("{mode}は`{}`で、`{level}`ではありません", value.raw),
            )),
            None => misses.push(match annotations.and_then(|a| a.present(&key)) {
                Some(annotation) => Miss::new(
                    annotation.pos,
                    format!("`{key}` is an annotation; Pod Security Admission reads labels only"),
                    format!("`{key}`はアノテーションです。Pod Security Admissionが読むのはラベルだけです"),
                ),
                None => Miss::new(
                    fallback,
                    format!("the Namespace has no label `{key}: {level}`"),
                    format!("Namespaceにラベル`{key}: {level}`がありません"),
                ),
            }),
        }
        if self.versions == Versions::Latest {
            let version_key = format!("{key}-version");
            if let Some(version) = labels.and_then(|l| l.present(&version_key))
                && version.as_str() != Some("latest")
            {
                misses.push(Miss::new(
                    version.pos,
                    format!("`{version_key}` pins {}; this exercise asks for the latest version", version.raw),
                    format!("`{version_key}`が{}に固定されています。この演習では最新のバージョンが求められています", version.raw),
                ));
            }
        }
        misses
    }
}
