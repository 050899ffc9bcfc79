//! The named checks: what a pattern over one document cannot say, because it
//! needs the validator or looks across containers and documents.

use serde::Deserialize;

use super::check::CheckError;
use super::semantic;
use super::{CheckResult, Origin};
use crate::validate::{
    self, Category, Cluster, Finding, Level, Node, Options, Report, Rule, Severity, Text, Words,
};

/// The checks the grader knows besides patterns: what a pattern cannot say
/// because it looks across documents, containers or the validator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Builtin {
    /// The validator reports no errors.
    Valid,
    PssBaseline,
    PssRestricted,
    /// Every workload's selector selects its own Pod template.
    SelectorMatchesTemplate,
    /// The input holds at least one object of each kind.
    KindsPresent {
        kinds: Vec<String>,
    },
}

/// The rule names of exercise.yaml; `kinds-present` takes its list from `kinds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum RuleName {
    Valid,
    PssBaseline,
    PssRestricted,
    SelectorMatchesTemplate,
    KindsPresent,
}

impl Builtin {
    /// Reads the built-in a check names with `rule`, with the fields it takes.
    pub(super) fn from_node(id: &str, check: &Node) -> Result<Builtin, CheckError> {
        let pos = check.entry("id").map_or(check.pos, |entry| entry.key_pos);
        let fail = |message: String| Err(CheckError::new(message, pos));
        let Some(rule) = field::<RuleName>(check, "rule")? else {
            return fail(format!("check `{id}`: needs a `rule`"));
        };
        let kinds: Option<Vec<String>> = field(check, "kinds")?;
        Ok(match (rule, kinds) {
            (RuleName::KindsPresent, Some(kinds)) if !kinds.is_empty() => {
                Builtin::KindsPresent { kinds }
            }
            (RuleName::KindsPresent, _) => {
                return fail(format!(
                    "check `{id}`: `rule: kinds-present` needs a non-empty `kinds` list"
                ));
            }
            (_, Some(_)) => {
                return fail(format!(
                    "check `{id}`: `kinds` belongs to `rule: kinds-present`"
                ));
            }
            (RuleName::Valid, None) => Builtin::Valid,
            (RuleName::PssBaseline, None) => Builtin::PssBaseline,
            (RuleName::PssRestricted, None) => Builtin::PssRestricted,
            (RuleName::SelectorMatchesTemplate, None) => Builtin::SelectorMatchesTemplate,
        })
    }

    /// Who asks for what the built-in tests.
    pub fn origin(&self) -> Origin {
        match self {
            Builtin::Valid | Builtin::SelectorMatchesTemplate => Origin::Api,
            Builtin::PssBaseline | Builtin::PssRestricted => Origin::PodSecurity,
            Builtin::KindsPresent { .. } => Origin::Exercise,
        }
    }

    /// The rule this built-in is declared as.
    pub fn rule(&self) -> &'static Rule {
        match self {
            Builtin::Valid => &VALID,
            Builtin::PssBaseline => &PSS_BASELINE,
            Builtin::PssRestricted => &PSS_RESTRICTED,
            Builtin::SelectorMatchesTemplate => &SELECTOR_MATCHES_TEMPLATE,
            Builtin::KindsPresent { .. } => &KINDS_PRESENT,
        }
    }
}

/// A field of a check read as `T`; errors name the field.
fn field<T: serde::de::DeserializeOwned>(check: &Node, key: &str) -> Result<Option<T>, CheckError> {
    check
        .get(key)
        .map(|node| {
            validate::from_node(node).map_err(|error| CheckError::reading(error, node).within(key))
        })
        .transpose()
}

const AUTHORING: &str = "https://kubernetes.io/docs/concepts/overview/working-with-objects/";

pub(crate) static VALID: Rule = Rule {
    id: "grade/valid",
    summary: Words::new(
        "The API server accepts the manifest",
        "APIサーバーがマニフェストを受け入れる",
    ),
    help: Words::new(
        "fix every error the validator reports first: a manifest the API server rejects cannot pass",
        "まず検証で報告されたエラーをすべて直してください。APIサーバーが拒否するマニフェストは合格できません",
    ),
    docs: "https://kubernetes.io/docs/reference/using-api/api-concepts/",
    ..Rule::GRADING
};

pub(crate) static PSS_BASELINE: Rule = Rule {
    id: "grade/pss-baseline",
    summary: Words::new(
        "The Pods meet the Pod Security baseline level",
        "PodがPod Securityのベースラインレベルを満たす",
    ),
    help: Words::new(
        "run `kubetutor check --pss baseline` on the file: each error names the field to change",
        "ファイルに`kubetutor check --pss baseline`を実行してください。エラーごとに変えるべきフィールドが示されます",
    ),
    docs: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ..Rule::GRADING
};

pub(crate) static PSS_RESTRICTED: Rule = Rule {
    id: "grade/pss-restricted",
    summary: Words::new(
        "The Pods meet the Pod Security restricted level",
        "PodがPod Securityの制限レベルを満たす",
    ),
    help: Words::new(
        "run `kubetutor check --pss restricted` on the file: each error names the field to change",
        "ファイルに`kubetutor check --pss restricted`を実行してください。エラーごとに変えるべきフィールドが示されます",
    ),
    docs: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    ..Rule::GRADING
};

pub(crate) static SELECTOR_MATCHES_TEMPLATE: Rule = Rule {
    id: "grade/selector-matches-template",
    summary: Words::new(
        "Each workload's selector matches its Pod template's labels",
        "各ワークロードのセレクターがPodテンプレートのラベルと一致する",
    ),
    help: Words::new(
        "make every pair of `spec.selector.matchLabels` a label of `spec.template.metadata.labels`",
        "`spec.selector.matchLabels`のすべての組を`spec.template.metadata.labels`のラベルにしてください",
    ),
    docs: "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector",
    ..Rule::GRADING
};

pub(crate) static KINDS_PRESENT: Rule = Rule {
    id: "grade/kinds-present",
    summary: Words::new(
        "The manifests contain an object of each named kind",
        "指定した種類のオブジェクトがマニフェストにそれぞれ含まれる",
    ),
    help: Words::new(
        "add the missing objects; several objects go in one file separated by `---`",
        "足りないオブジェクトを追加してください。1つのファイルに複数のオブジェクトを書くときは`---`で区切ります",
    ),
    docs: AUTHORING,
    ..Rule::GRADING
};

/// The built-in checks' rules, for the registry.
pub(crate) static RULES: &[&Rule] = &[
    &VALID,
    &PSS_BASELINE,
    &PSS_RESTRICTED,
    &SELECTOR_MATCHES_TEMPLATE,
    &KINDS_PRESENT,
    &semantic::VOLUME_SHARED,
    &semantic::SIDECAR,
    &semantic::SERVICE_SELECTS,
    &semantic::QOS_CLASS,
    &semantic::SCHEDULE,
    &semantic::IMAGE,
    &semantic::QUANTITY,
    &semantic::REACHABILITY,
    &semantic::ADDRESS,
    &semantic::POD_SECURITY,
    &semantic::CONFIG_ENV,
    &semantic::CONFIG_FILE,
    &semantic::PROBE,
    &semantic::GRACEFUL_SHUTDOWN,
    &semantic::RESTARTS_ON,
];

/// Runs a built-in rule on the input (`report` is the default validation).
pub(super) fn run(
    rule: &Builtin,
    text: &str,
    report: &Report,
    objects: &[Node],
    cluster: &Cluster,
) -> CheckResult {
    let message = message(rule);
    let first_object = objects.first().map(|o| o.pos);
    let from_finding = |finding: Option<&Finding>| match finding {
        None => CheckResult::pass(message.clone(), first_object),
        Some(f) => CheckResult::fail(message.clone(), Some(f.pos), Some(f.message.clone())),
    };
    match rule {
        Builtin::Valid => from_finding(report.findings.iter().find(|f| is_error(f))),
        Builtin::PssBaseline | Builtin::PssRestricted => {
            let level = if *rule == Builtin::PssBaseline {
                Level::Baseline
            } else {
                Level::Restricted
            };
            let options = Options {
                pss: Some(level),
                cluster: cluster.clone(),
                ..Options::default()
            };
            let strict = validate::check_with(text, &options);
            from_finding(
                strict
                    .findings
                    .iter()
                    .find(|f| is_error(f) && f.rule.category == Category::PodSecurity),
            )
        }
        Builtin::SelectorMatchesTemplate => from_finding(
            report
                .findings
                .iter()
                .find(|f| *f.rule == validate::SELECTOR_MISMATCH),
        ),
        Builtin::KindsPresent { kinds } => {
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

/// The message of a built-in rule: its summary, with the kinds it names.
pub(super) fn message(rule: &Builtin) -> Text {
    match rule {
        Builtin::KindsPresent { kinds } => {
            let list = kinds.join(", ");
            Text::new(
                format!("The manifests contain: {list}"),
                format!("マニフェストに次の種類が含まれる: {list}"),
            )
        }
        other => {
            let summary = other.rule().summary;
            Text::new(summary.en, summary.ja)
        }
    }
}

fn is_error(finding: &Finding) -> bool {
    finding.severity == Severity::Error
}

fn kind_of(object: &Node) -> Option<&str> {
    object.get("kind").and_then(Node::as_str)
}
