//! `probe`: a container's startup, liveness or readiness probe exists,
//! checks the right port and allows the right amount of time. The time is
//! what the fields mean together — `failureThreshold × periodSeconds`, plus
//! `initialDelaySeconds` for a startup probe — with the API defaults (period
//! 10 s, threshold 3) for fields left out or 0, so `30 × 10` and `10 × 30`
//! are the same answer. A named port is resolved against the probed
//! container's own ports, as the kubelet does.

use serde::Deserialize;

use super::service_selects::PortRef;
use super::{Found, Miss, any_pod, bad_param, no_container, read};
use crate::grade::check::CheckError;
use crate::validate::{ContainerView, Node, Rule, Text, Value, Words};

pub(in crate::grade) static PROBE: Rule = Rule {
    id: "grade/probe",
    summary: Words::new(
        "A container's probe checks the right port and allows the right time (failureThreshold × periodSeconds, with the API defaults)",
        "コンテナのプローブが正しいポートを確認し、適切な時間を与えている(failureThreshold × periodSeconds、APIの既定値を含む)",
    ),
    help: Words::new(
        "a startup probe gives the app initialDelaySeconds + failureThreshold × periodSeconds to start; liveness and readiness probes act after failureThreshold × periodSeconds of failures; left out, periodSeconds is 10 and failureThreshold 3",
        "startupProbeはアプリにinitialDelaySeconds + failureThreshold × periodSecondsの起動時間を与えます。livenessProbeとreadinessProbeはfailureThreshold × periodSecondsの間失敗が続くと動作します。省略時はperiodSecondsが10、failureThresholdが3です",
    ),
    docs: "https://kubernetes.io/docs/concepts/workloads/pods/probes/",
    ..Rule::GRADING
};

/// The three kinds of probe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(super) enum Kind {
    Startup,
    Liveness,
    Readiness,
}

impl Kind {
    fn field(self) -> &'static str {
        match self {
            Kind::Startup => "startupProbe",
            Kind::Liveness => "livenessProbe",
            Kind::Readiness => "readinessProbe",
        }
    }

    fn words(self) -> (&'static str, &'static str) {
        match self {
            Kind::Startup => ("startup probe", "startupProbe"),
            Kind::Liveness => ("liveness probe", "livenessProbe"),
            Kind::Readiness => ("readiness probe", "readinessProbe"),
        }
    }
}

/// The check's parameters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProbeCheck {
    container: String,
    probe: Kind,
    /// The container port the probe must check (number, or a declared name).
    port: Option<PortRef>,
    /// At least this many seconds (see the module comment for the formula).
    min: Option<u32>,
    /// At most this many seconds.
    max: Option<u32>,
}

/// The API server's defaults for fields left out or 0.
const DEFAULT_PERIOD: i64 = 10;
const DEFAULT_FAILURES: i64 = 3;

/// One timing field as the API server ends up with it.
struct Timing<'a> {
    value: i64,
    /// The field as written, unless it was left out (or 0, which means the default).
    node: Option<&'a Node>,
}

impl ProbeCheck {
    /// Parses and checks that the bounds make sense.
    pub(super) fn parse(params: &Node) -> Result<ProbeCheck, CheckError> {
        let check: ProbeCheck = read(params)?;
        if let (Some(lo), Some(hi)) = (check.min, check.max)
            && lo > hi
        {
            return Err(bad_param(
                params,
                "min",
                format!("`min` ({lo}) is above `max` ({hi})"),
            ));
        }
        Ok(check)
    }

    pub(super) fn message(&self) -> Text {
        let (c, (probe_en, probe_ja)) = (&self.container, self.probe.words());
        let (what_en, what_ja) = match self.probe {
            Kind::Startup => ("to start", "起動時間"),
            _ => (
                "of failures before it acts",
                "失敗が続いてから動作するまでの時間",
            ),
        };
        let bounds = match (self.min, self.max) {
            (Some(lo), Some(hi)) => Some((format!("{lo}–{hi} s"), format!("{lo}〜{hi}秒"))),
            (Some(lo), None) => Some((format!("at least {lo} s"), format!("{lo}秒以上"))),
            (None, Some(hi)) => Some((format!("at most {hi} s"), format!("{hi}秒以下"))),
            (None, None) => None,
        };
        let mut en = format!("Container `{c}` has a {probe_en}");
        if let Some(port) = &self.port {
            en.push_str(&format!(" that checks port {port}"));
        }
        if let Some((b, _)) = &bounds {
            en.push_str(&format!(", allowing {b} {what_en}"));
        }
        let ja = match (&self.port, &bounds) {
            (None, None) => format!("コンテナ`{c}`に{probe_ja}がある"),
            (Some(port), None) => format!("コンテナ`{c}`の{probe_ja}がポート{port}を確認している"),
            (None, Some((_, b))) => format!("コンテナ`{c}`の{probe_ja}の{what_ja}が{b}である"),
            (Some(port), Some((_, b))) => {
                format!("コンテナ`{c}`の{probe_ja}がポート{port}を確認し、{what_ja}が{b}である")
            }
        };
        Text::new(en, ja)
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        let formula = match self.probe {
            Kind::Startup => Text::new(
                "time: initialDelaySeconds + failureThreshold × periodSeconds, the time the app gets to start before the kubelet kills it; 30 × 10 and 10 × 30 are the same answer",
                "時間: initialDelaySeconds + failureThreshold × periodSeconds。kubeletがコンテナを停止するまでにアプリが起動できる時間です。30 × 10と10 × 30は同じ答えです",
            ),
            _ => Text::new(
                "time: failureThreshold × periodSeconds, how long failures last before the kubelet acts",
                "時間: failureThreshold × periodSeconds。失敗が続いてからkubeletが動作するまでの時間です",
            ),
        };
        vec![
            formula,
            Text::new(
                "fields left out (or 0) take the API defaults: periodSeconds 10, failureThreshold 3, initialDelaySeconds 0",
                "省略した(または0の)フィールドにはAPIの既定値が入ります: periodSeconds 10、failureThreshold 3、initialDelaySeconds 0",
            ),
            Text::new(
                "port: httpGet, tcpSocket or grpc on the port by number, or by a name declared in the probed container's own ports; an exec probe's target cannot be read offline, and a `host` sends the probe elsewhere than the Pod",
                "ポート: httpGet、tcpSocket、grpcで、番号またはプローブ対象のコンテナ自身のportsで宣言した名前で指定します。execプローブの確認先はオフラインでは読めません。`host`を指定するとPod以外に問い合わせます",
            ),
        ]
    }

    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        any_pod(objects, |_, pod| {
            match pod
                .running_containers()
                .find(|c| c.name() == self.container)
            {
                Some(container) => self.judge(container),
                None => Err(no_container(pod, &self.container)),
            }
        })
    }

    fn judge(&self, container: &ContainerView<'_>) -> Found {
        let (field, (probe_en, probe_ja)) = (self.probe.field(), self.probe.words());
        let name = container.name();
        let Some(probe) = container.get(field) else {
            let (why_en, why_ja) = match self.probe {
                Kind::Readiness => (
                    ": without one, the container counts as ready as soon as it runs (API default), so it gets traffic before it can serve",
                    "。ない場合、コンテナは起動した時点で準備完了とみなされ(APIの既定)、応答できる前からトラフィックを受けます",
                ),
                _ => ("", ""),
            };
            return Err(Miss::new(
                container.pos(),
                format!("container `{name}` has no {probe_en} ({field}){why_en}"),
                format!("コンテナ`{name}`に{probe_ja}がありません{why_ja}"),
            ));
        };
        if let Some(wanted) = &self.port {
            self.judge_port(container, probe, wanted)?;
        }
        self.judge_time(name, probe)?;
        Ok(probe.pos)
    }

    /// The probe's handler checks the wanted container port on the Pod.
    fn judge_port(
        &self,
        container: &ContainerView<'_>,
        probe: &Node,
        wanted: &PortRef,
    ) -> Result<(), Miss> {
        let probe_ja = self.probe.words().1;
        let handler = ["httpGet", "tcpSocket", "grpc"]
            .into_iter()
            .find_map(|h| probe.present(h).map(|node| (h, node)));
        let Some((handler, action)) = handler else {
            return Err(Miss::new(
                probe.present("exec").map_or(probe.pos, |e| e.pos),
                format!(
                    "this probe runs a command, and which port a command checks cannot be read offline; the exercise asks for a probe of port {wanted}: use httpGet, tcpSocket or grpc"
                ),
                format!(
                    "この{probe_ja}はコマンドを実行します。コマンドがどのポートを確認するかはオフラインでは読めません。この演習ではポート{wanted}を確認するプローブが求められています。httpGet、tcpSocket、grpcを使ってください"
                ),
            ));
        };
        if let Some(host) = action.present("host").filter(|h| h.as_str() != Some("")) {
            return Err(Miss::new(
                host.pos,
                format!(
                    "`{handler}.host` sends the probe to {}, not to the Pod: the kubelet probes from the node, and without `host` it connects to the Pod's IP; remove it",
                    host.raw
                ),
                format!(
                    "`{handler}.host`によりプローブはPodではなく{}に送られます。kubeletはノードからプローブを実行し、`host`がなければPodのIPに接続します。削除してください",
                    host.raw
                ),
            ));
        }
        let Some(port) = action.present("port") else {
            return Err(Miss::new(
                action.pos,
                format!("the probe's {handler} names no port"),
                format!("プローブの{handler}にポートがありません"),
            ));
        };
        let actual = probed_port(container, port)?;
        let declared = |wanted_name: &str| declared_port(container, wanted_name);
        let expected = match wanted {
            PortRef::Number(n) => Some(*n),
            PortRef::Name(w) => declared(w),
        };
        if actual.is_some() && actual == expected {
            return Ok(());
        }
        Err(Miss::new(
            port.pos,
            format!(
                "the probe checks port {}, but the exercise asks for port {wanted}, where the app serves",
                port.raw
            ),
            format!(
                "プローブが確認するのはポート{}ですが、この演習ではアプリが応答するポート{wanted}が求められています",
                port.raw
            ),
        ))
    }

    /// The probe's time is within the bounds.
    fn judge_time(&self, name: &str, probe: &Node) -> Result<(), Miss> {
        if self.min.is_none() && self.max.is_none() {
            return Ok(());
        }
        let period = timing(probe, "periodSeconds", DEFAULT_PERIOD)?;
        let failures = timing(probe, "failureThreshold", DEFAULT_FAILURES)?;
        let delay = match self.probe {
            Kind::Startup => Some(timing(probe, "initialDelaySeconds", 0)?),
            _ => None,
        };
        let total = failures.value * period.value + delay.as_ref().map_or(0, |d| d.value);
        let too_short = self.min.is_some_and(|lo| total < i64::from(lo));
        let too_long = self.max.is_some_and(|hi| total > i64::from(hi));
        if !too_short && !too_long {
            return Ok(());
        }
        let (sum_en, sum_ja) = sum_words(delay.as_ref(), &failures, &period);
        let (probe_en, probe_ja) = self.probe.words();
        let (bound_en, bound_ja) = match (too_short, self.min, self.max) {
            (true, Some(lo), _) => (format!("at least {lo} s"), format!("{lo}秒以上")),
            (_, _, Some(hi)) => (format!("at most {hi} s"), format!("{hi}秒以下")),
            _ => (String::new(), String::new()),
        };
        let at = [&failures, &period]
            .into_iter()
            .chain(delay.as_ref())
            .find_map(|t| t.node)
            .map_or(probe.pos, |n| n.pos);
        Err(Miss::new(
            at,
            format!(
                "the {probe_en} of `{name}` allows {total} s ({sum_en}); the exercise asks for {bound_en}"
            ),
            format!(
                "`{name}`の{probe_ja}が与える時間は{total}秒({sum_ja})です。この演習では{bound_ja}が求められています"
            ),
        ))
    }
}

/// The port number a probe's `port` reaches: a number, or a name the probed
/// container declares (the kubelet looks nowhere else).
fn probed_port(container: &ContainerView<'_>, port: &Node) -> Result<Option<i64>, Miss> {
    let name = container.name();
    match &port.value {
        Value::Int(n) => Ok(Some(*n)),
        Value::Str(s) => match declared_port(container, s) {
            Some(n) => Ok(Some(n)),
            None => Err(Miss::new(
                port.pos,
                format!(
                    "the probe names port `{s}`, which container `{name}` does not declare: the kubelet looks a probe's named port up in the probed container's own ports only, so every check fails"
                ),
                format!(
                    "プローブはポート`{s}`を指定していますが、コンテナ`{name}`はこの名前のポートを宣言していません。kubeletはプローブの名前付きポートをプローブ対象のコンテナ自身のportsでしか探さないため、確認は毎回失敗します"
                ),
            )),
        },
        _ => Ok(None),
    }
}

/// The number of a declared port of the container, by name.
fn declared_port(container: &ContainerView<'_>, wanted: &str) -> Option<i64> {
    container
        .get("ports")
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .find(|p| p.text("name") == Some(wanted))
        .and_then(|p| p.int("containerPort"))
}

/// A timing field, with the API default for a field left out or 0.
fn timing<'a>(probe: &'a Node, key: &str, default: i64) -> Result<Timing<'a>, Miss> {
    match probe.present(key) {
        None => Ok(Timing {
            value: default,
            node: None,
        }),
        Some(node) => match node.value {
            Value::Int(0) => Ok(Timing {
                value: default,
                node: None,
            }),
            Value::Int(n) => Ok(Timing {
                value: n,
                node: Some(node),
            }),
            _ => {
                let shown = node
                    .as_str()
                    .map_or(node.raw.clone(), |s| format!("\"{s}\""));
                Err(Miss::new(
                    node.pos,
                    format!("{key} is {shown}: the API takes a whole number here"),
                    format!("{key}が{shown}です。APIはここに整数を求めます"),
                ))
            }
        },
    }
}

/// `initialDelaySeconds 0 + failureThreshold 30 × periodSeconds 10 (API default)`.
fn sum_words(
    delay: Option<&Timing<'_>>,
    failures: &Timing<'_>,
    period: &Timing<'_>,
) -> (String, String) {
    let term = |key: &str, t: &Timing<'_>| {
        if t.node.is_some() {
            (format!("{key} {}", t.value), format!("{key} {}", t.value))
        } else {
            (
                format!("{key} {} (API default)", t.value),
                format!("{key} {}(APIの既定値)", t.value),
            )
        }
    };
    let (f_en, f_ja) = term("failureThreshold", failures);
    let (p_en, p_ja) = term("periodSeconds", period);
    match delay {
        Some(d) => {
            let (d_en, d_ja) = term("initialDelaySeconds", d);
            (
                format!("{d_en} + {f_en} × {p_en}"),
                format!("{d_ja} + {f_ja} × {p_ja}"),
            )
        }
        None => (format!("{f_en} × {p_en}"), format!("{f_ja} × {p_ja}")),
    }
}
