//! The named checks: what a pattern over one document cannot say, because it
//! needs the validator or looks across containers and documents.

use super::CheckResult;
use crate::content::BuiltinRule;
use crate::validate::{self, Finding, Level, Node, Options, Pos, Report, Severity, Text};

/// The validator's rule id for a workload whose selector misses its template.
const SELECTOR_MISMATCH: &str = "api/selector-mismatch";

/// Runs a built-in rule on the input (`report` is the default validation).
pub(super) fn run(
    rule: &BuiltinRule,
    text: &str,
    report: &Report,
    objects: &[Node],
) -> CheckResult {
    let message = message(rule);
    let first_object = objects.first().map(|o| o.pos);
    let from_finding = |finding: Option<&Finding>| match finding {
        None => CheckResult::pass(message.clone(), first_object),
        Some(f) => CheckResult::fail(message.clone(), Some(f.pos), Some(f.message.clone())),
    };
    match rule {
        BuiltinRule::Valid => from_finding(report.findings.iter().find(|f| is_error(f))),
        BuiltinRule::PssBaseline | BuiltinRule::PssRestricted => {
            let level = if *rule == BuiltinRule::PssBaseline {
                Level::Baseline
            } else {
                Level::Restricted
            };
            let options = Options {
                pss: Some(level),
                ..Options::default()
            };
            let strict = validate::check_with(text, &options);
            from_finding(
                strict
                    .findings
                    .iter()
                    .find(|f| is_error(f) && f.rule.starts_with("pss/")),
            )
        }
        BuiltinRule::SelectorMatchesTemplate => {
            from_finding(report.findings.iter().find(|f| f.rule == SELECTOR_MISMATCH))
        }
        BuiltinRule::SharedVolume => match objects.iter().find_map(shared_volume) {
            Some(pos) => CheckResult::pass(message, Some(pos)),
            None => CheckResult::fail(
                message,
                first_object,
                Some(Text::new(
                    "no volume of a Pod is mounted by two of its containers",
                    "2つのコンテナがマウントしているPodのボリュームがありません",
                )),
            ),
        },
        BuiltinRule::KindsPresent { kinds } => {
            let missing: Vec<&str> = kinds
                .iter()
                .filter(|kind| !objects.iter().any(|o| kind_of(o) == Some(kind.as_str())))
                .map(String::as_str)
                .collect();
            if missing.is_empty() {
                CheckResult::pass(message, first_object)
            } else {
                let list = missing.join(", ");
                CheckResult::fail(
                    message,
                    first_object,
                    Some(Text::new(
                        format!("missing: {list}"),
                        format!("ありません: {list}"),
                    )),
                )
            }
        }
    }
}

/// The fixed message of a built-in rule.
pub(super) fn message(rule: &BuiltinRule) -> Text {
    match rule {
        BuiltinRule::Valid => Text::new(
            "The API server accepts the manifest",
            "APIサーバーがマニフェストを受け入れる",
        ),
        BuiltinRule::PssBaseline => Text::new(
            "The Pods meet the Pod Security baseline level",
            "PodがPod Securityのベースラインレベルを満たす",
        ),
        BuiltinRule::PssRestricted => Text::new(
            "The Pods meet the Pod Security restricted level",
            "PodがPod Securityの制限レベルを満たす",
        ),
        BuiltinRule::SelectorMatchesTemplate => Text::new(
            "Each workload's selector matches its Pod template's labels",
            "各ワークロードのセレクターがPodテンプレートのラベルと一致する",
        ),
        BuiltinRule::SharedVolume => Text::new(
            "A volume is mounted by at least two containers",
            "1つのボリュームを2つ以上のコンテナがマウントしている",
        ),
        BuiltinRule::KindsPresent { kinds } => {
            let list = kinds.join(", ");
            Text::new(
                format!("The manifests contain: {list}"),
                format!("マニフェストに次の種類が含まれる: {list}"),
            )
        }
    }
}

fn is_error(finding: &Finding) -> bool {
    finding.severity == Severity::Error
}

fn kind_of(object: &Node) -> Option<&str> {
    object.get("kind").and_then(Node::as_str)
}

/// The position of a Pod volume that two containers (init or regular) mount.
fn shared_volume(object: &Node) -> Option<Pos> {
    let spec = validate::pod_template(kind_of(object)?, object)?.get("spec")?;
    let containers: Vec<&Node> = ["containers", "initContainers"]
        .iter()
        .filter_map(|key| spec.get(key))
        .flat_map(Node::items)
        .collect();
    spec.get("volumes")?.items().iter().find_map(|volume| {
        let name = volume.get("name")?.as_str()?;
        let mounting = containers
            .iter()
            .filter(|container| {
                container.get("volumeMounts").is_some_and(|mounts| {
                    mounts
                        .items()
                        .iter()
                        .any(|m| m.get("name").and_then(Node::as_str) == Some(name))
                })
            })
            .count();
        (mounting >= 2).then_some(volume.pos)
    })
}
