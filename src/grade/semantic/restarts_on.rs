//! `restarts-on`: after which exit codes the kubelet restarts a container,
//! worked out for every code from 0 to 255 as the kubelet decides it: the
//! container's `restartPolicyRules` in order (first match wins), then its own
//! `restartPolicy` (ContainerRestartRules, beta and on since 1.35), then the
//! Pod's (`Always` by default, which a regular init container reads as
//! `OnFailure`). So `OnFailure` and `Never` with a rule `NotIn [0]` are the
//! same answer, and a rule list that also catches other codes is not.

use serde::Deserialize;

use super::{Found, Miss, any_pod, bad_param, no_container, read};
use crate::grade::check::CheckError;
use crate::validate::{ContainerList, ContainerView, Node, PodView, Pos, Rule, Text, Words};

pub(in crate::grade) static RESTARTS_ON: Rule = Rule {
    id: "grade/restarts-on",
    summary: Words::new(
        "A container is restarted after exactly the asked exit codes (rules, its own restartPolicy, the Pod's)",
        "コンテナが求められた終了コードのときだけ再起動される(ルール、コンテナ自身のrestartPolicy、PodのrestartPolicyの順)",
    ),
    help: Words::new(
        "from 1.35 a container may set its own `restartPolicy` and `restartPolicyRules` (action Restart, exitCodes In/NotIn); the first matching rule decides, else the container's policy, else the Pod's; only `Always` on an init container makes a sidecar",
        "1.35からコンテナは自身の`restartPolicy`と`restartPolicyRules`(action Restart、exitCodesのIn/NotIn)を設定できます。最初に一致したルールが決め、なければコンテナのポリシー、それもなければPodのポリシーが決めます。Initコンテナで`Always`にするとサイドカーになります",
    ),
    docs: "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy",
    ..Rule::GRADING
};

#[derive(Deserialize)]
#[serde(untagged)]
enum RawCodes {
    List(Vec<i64>),
    Word(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    container: String,
    #[serde(rename = "exitCodes")]
    exit_codes: RawCodes,
}

/// The exit codes after which the container must be restarted.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Codes {
    /// Exactly these.
    List(Vec<i64>),
    /// Every non-zero code: a failure.
    Nonzero,
}

impl Codes {
    fn restarts(&self, code: i64) -> bool {
        match self {
            Codes::List(codes) => codes.contains(&code),
            Codes::Nonzero => code != 0,
        }
    }

    fn words(&self) -> (String, String) {
        match self {
            Codes::Nonzero => (
                "after every failure (a non-zero exit code) and never after exit code 0".into(),
                "失敗(0以外の終了コード)のたびに再起動し、終了コード0では再起動しない".into(),
            ),
            Codes::List(codes) => {
                let list: Vec<String> = codes.iter().map(i64::to_string).collect();
                let (en, _) = super::and_list(&list);
                let ja = list.join("、");
                (
                    format!("only after exit code {en}"),
                    format!("終了コード{ja}のときだけ再起動する"),
                )
            }
        }
    }
}

/// The check's parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestartsOn {
    container: String,
    codes: Codes,
}

/// The kubelet's answer for one exit code, with the field that gives it.
struct Decision {
    restart: bool,
    pos: Pos,
    why: (String, String),
}

impl RestartsOn {
    pub(super) fn parse(params: &Node) -> Result<RestartsOn, CheckError> {
        let raw: Raw = read(params)?;
        let codes = match raw.exit_codes {
            RawCodes::List(codes) if !codes.is_empty() => Codes::List(codes),
            RawCodes::Word(word) if word == "nonzero" => Codes::Nonzero,
            _ => {
                return Err(bad_param(
                    params,
                    "exitCodes",
                    "give a list of exit codes, or `nonzero` for every failure".into(),
                ));
            }
        };
        Ok(RestartsOn {
            container: raw.container,
            codes,
        })
    }

    pub(super) fn message(&self) -> Text {
        let c = &self.container;
        let (en, ja) = self.codes.words();
        Text::new(format!("`{c}` is restarted {en}"), format!("`{c}`が{ja}"))
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        vec![
            Text::new(
                "worked out for every exit code 0–255 as the kubelet does: the first matching rule of restartPolicyRules (In/NotIn), else the container's own restartPolicy, else the Pod's (Always by default; a regular init container reads Always as OnFailure)",
                "終了コード0〜255のそれぞれについてkubeletと同じように判断します: restartPolicyRulesで最初に一致したルール(In/NotIn)、なければコンテナ自身のrestartPolicy、なければPodのrestartPolicy(既定はAlways。通常のInitコンテナはAlwaysをOnFailureとして扱います)",
            ),
            Text::new(
                "passes any spelling with the same behaviour: OnFailure, or Never with a Restart rule for NotIn [0]",
                "同じ動作になる書き方はどれも合格です: OnFailure、またはNeverとNotIn [0]でRestartするルール",
            ),
            Text::new(
                "fails: restartPolicy Always on an init container (a native sidecar, restarted after every exit), rules that catch other codes, a fallback policy that restarts failures the rules leave out",
                "不合格: InitコンテナのrestartPolicy Always(ネイティブのサイドカーになり、終了のたびに再起動されます)、ほかのコードも拾うルール、ルールが拾わない失敗を再起動してしまう代替のポリシー",
            ),
        ]
    }

    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        any_pod(objects, |_, pod| {
            match pod
                .running_containers()
                .find(|c| c.name() == self.container)
            {
                Some(container) => self.judge(pod, container),
                None => Err(no_container(pod, &self.container)),
            }
        })
    }

    fn judge(&self, pod: &PodView<'_>, container: &ContainerView<'_>) -> Found {
        let name = container.name();
        let rules = container
            .get("restartPolicyRules")
            .map(Node::items)
            .unwrap_or_default();
        if !rules.is_empty() && container.get("restartPolicy").is_none() {
            return Err(Miss::new(
                container
                    .get("restartPolicyRules")
                    .map_or(container.pos(), |r| r.pos),
                format!(
                    "container `{name}` sets restartPolicyRules without its own restartPolicy: the API server rejects that; the container's restartPolicy is the fallback when no rule matches"
                ),
                format!(
                    "コンテナ`{name}`は自身のrestartPolicyなしでrestartPolicyRulesを設定しています。APIサーバーはこれを拒否します。どのルールにも一致しないときは、コンテナのrestartPolicyが使われます"
                ),
            ));
        }
        for code in 0..=255 {
            let decision = decide(pod, container, rules, code);
            if decision.restart == self.codes.restarts(code) {
                continue;
            }
            let (want_en, want_ja) = self.codes.words();
            let (why_en, why_ja) = decision.why;
            let (is_en, is_ja) = if decision.restart {
                ("is restarted", "再起動されます")
            } else {
                ("is not restarted", "再起動されません")
            };
            return Err(Miss::new(
                decision.pos,
                format!(
                    "`{name}` {is_en} after exit code {code}: {why_en}; the exercise asks that it be restarted {want_en}"
                ),
                format!(
                    "`{name}`は終了コード{code}のとき{is_ja}。{why_ja}。この演習では、{want_ja}ことが求められています"
                ),
            ));
        }
        Ok(container.pos())
    }
}

/// What the kubelet does when the container exits with `code`.
fn decide(pod: &PodView<'_>, container: &ContainerView<'_>, rules: &[Node], code: i64) -> Decision {
    for (index, rule) in rules.iter().enumerate() {
        if rule_matches(rule, code) {
            let n = index + 1;
            return Decision {
                restart: true,
                pos: rule.pos,
                why: (
                    format!("rule {n} of restartPolicyRules matches it"),
                    format!("restartPolicyRulesの{n}番目のルールに一致します"),
                ),
            };
        }
    }
    by_policy(pod, container, !rules.is_empty(), code)
}

/// What the fallback policy does: the container's own, else the Pod's.
fn by_policy(
    pod: &PodView<'_>,
    container: &ContainerView<'_>,
    has_rules: bool,
    code: i64,
) -> Decision {
    let own = container.get("restartPolicy");
    let init = container.list == ContainerList::Init;
    let (policy, pos, whose_en, whose_ja) = match own {
        Some(node) => (
            node.as_str().unwrap_or_default(),
            node.pos,
            "its own",
            "自身の",
        ),
        None => {
            let pod_policy = pod.get("restartPolicy");
            (
                pod_policy.and_then(Node::as_str).unwrap_or("Always"),
                pod_policy.map_or(container.pos(), |p| p.pos),
                "the Pod's",
                "Podの",
            )
        }
    };
    if init && own.is_some() && policy == "Always" {
        return Decision {
            restart: true,
            pos,
            why: (
                "restartPolicy Always makes this init container a native sidecar, restarted after every exit, and the app containers start as soon as it has started instead of after it has finished".into(),
                "restartPolicy AlwaysによりこのInitコンテナはネイティブのサイドカーになり、終了のたびに再起動されます。また、アプリのコンテナはこれが完了した後ではなく、起動した時点で起動します".into(),
            ),
        };
    }
    let restart = match policy {
        "Always" if init => code != 0,
        "Always" => true,
        "OnFailure" => code != 0,
        _ => false,
    };
    let (rules_en, rules_ja) = if has_rules {
        (" (no rule matches it)", "(どのルールにも一致しません)")
    } else {
        ("", "")
    };
    let (init_en, init_ja) = if init && own.is_none() && policy == "Always" {
        (
            ", which an init container reads as OnFailure",
            "(InitコンテナではOnFailureとして扱われます)",
        )
    } else {
        ("", "")
    };
    Decision {
        restart,
        pos,
        why: (
            format!("{whose_en} restartPolicy {policy} decides{init_en}{rules_en}"),
            format!("{whose_ja}restartPolicy {policy}{init_ja}で決まります{rules_ja}"),
        ),
    }
}

/// A rule with a known action whose exit-code condition holds for `code`.
fn rule_matches(rule: &Node, code: i64) -> bool {
    if !matches!(
        rule.text("action"),
        Some("Restart" | "RestartAllContainers")
    ) {
        return false;
    }
    let Some(condition) = rule.present("exitCodes") else {
        return false;
    };
    let listed = condition
        .get("values")
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .any(|v| matches!(v.value, crate::validate::Value::Int(n) if n == code));
    match condition.text("operator") {
        Some("In") => listed,
        Some("NotIn") => !listed,
        _ => false,
    }
}
