//! `graceful-shutdown`: a container's preStop hook waits long enough for
//! the Pod's endpoints to disappear before the stop signal, and the Pod's
//! grace period covers that wait plus the app's own shutdown. The wait is
//! read from the `sleep` action or from an exec of `sleep N` (also through
//! `sh -c "sleep N; …"`); the grace period is 30 s when left out, as the API
//! server defaults it. The grace period counts from the deletion, so the
//! hook's time is taken from it.

use serde::Deserialize;

use super::{Found, Miss, any_pod, no_container};
use crate::validate::{ContainerView, Node, PodView, Rule, Text, Value, Words};

pub(in crate::grade) static GRACEFUL_SHUTDOWN: Rule = Rule {
    id: "grade/graceful-shutdown",
    summary: Words::new(
        "A preStop hook waits before the stop signal, and the grace period covers the wait and the app's shutdown",
        "preStopフックが停止シグナルの前に待機し、猶予期間が待機とアプリの終了処理の両方をまかなう",
    ),
    help: Words::new(
        "wait with `lifecycle.preStop.sleep.seconds` (or an exec of `sleep N`), and set the Pod's `terminationGracePeriodSeconds` (default 30) to at least the wait plus the time the app needs after SIGTERM: the grace period starts with the deletion, and the hook uses it up",
        "`lifecycle.preStop.sleep.seconds`(または`sleep N`のexec)で待機し、Podの`terminationGracePeriodSeconds`(既定値30)を待機時間とSIGTERM後にアプリが必要とする時間の合計以上にしてください。猶予期間は削除の時点から数え始め、フックの時間もそこから使われます",
    ),
    docs: "https://kubernetes.io/docs/concepts/workloads/pods/pod-termination/",
    ..Rule::GRADING
};

/// The check's parameters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GracefulShutdown {
    container: String,
    /// The preStop hook waits at least this many seconds.
    wait: u32,
    /// Seconds the app needs after the stop signal; the grace period must
    /// cover the wait plus these.
    #[serde(default)]
    shutdown: u32,
}

/// The API server's default `terminationGracePeriodSeconds`.
const DEFAULT_GRACE: f64 = 30.0;

/// Shells whose `-c` script the check reads.
const SHELLS: [&str; 5] = ["sh", "bash", "ash", "dash", "busybox"];

impl GracefulShutdown {
    pub(super) fn message(&self) -> Text {
        let (c, wait, shutdown) = (&self.container, self.wait, self.shutdown);
        if shutdown == 0 {
            return Text::new(
                format!("`{c}`'s preStop hook waits at least {wait} s, within the grace period"),
                format!("`{c}`のpreStopフックが{wait}秒以上待機し、猶予期間内に収まる"),
            );
        }
        Text::new(
            format!(
                "`{c}`'s preStop hook waits at least {wait} s, and the grace period covers the wait plus {shutdown} s of shutdown"
            ),
            format!(
                "`{c}`のpreStopフックが{wait}秒以上待機し、猶予期間が待機時間と{shutdown}秒の終了処理をまかなう"
            ),
        )
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        vec![
            Text::new(
                "passes: `preStop: {sleep: {seconds: N}}` (GA since 1.34, needs nothing in the image), or an exec of `sleep N` / `/bin/sleep N`, also as `sh -c \"sleep N; …\"` (the image must then have the shell and sleep); N may carry an s, m or h suffix",
                "合格: `preStop: {sleep: {seconds: N}}`(1.34でGA。イメージに何も必要ありません)、または`sleep N`や`/bin/sleep N`のexec。`sh -c \"sleep N; …\"`の形でも構いません(この場合イメージにシェルとsleepが必要です)。Nにはs、m、hの単位を付けられます",
            ),
            Text::new(
                "grace period: terminationGracePeriodSeconds on the Pod (30 when left out); it counts from the deletion, so it must hold the wait and the app's shutdown after SIGTERM",
                "猶予期間: PodのterminationGracePeriodSeconds(省略時は30)。削除の時点から数えるため、待機時間とSIGTERM後のアプリの終了処理の両方が収まる必要があります",
            ),
            Text::new(
                "fails: no preStop hook, a postStart hook, a shorter wait, `command: [\"sleep 10\"]` (one word: no such program), an httpGet hook (how long it takes cannot be known offline), a grace period that ends before the app has finished",
                "不合格: preStopフックがない、postStartフック、短すぎる待機、`command: [\"sleep 10\"]`(1語として扱われ、そのようなプログラムはありません)、httpGetフック(かかる時間をオフラインでは知ることができません)、アプリの終了前に終わる猶予期間",
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
        let Some(hook) = container
            .get("lifecycle")
            .and_then(|l| l.present("preStop"))
        else {
            return Err(Miss::new(
                container
                    .get("lifecycle")
                    .map_or(container.pos(), |l| l.pos),
                format!(
                    "container `{name}` has no preStop hook: on deletion it gets the stop signal at once, while Services may still send it requests"
                ),
                format!(
                    "コンテナ`{name}`にpreStopフックがありません。削除されるとすぐに停止シグナルを受け取りますが、その時点ではServiceからまだリクエストが届くことがあります"
                ),
            ));
        };
        let (wait, at) = hook_wait(hook)?;
        if wait < f64::from(self.wait) {
            let wanted = self.wait;
            return Err(Miss::new(
                at,
                format!(
                    "the preStop hook waits {} s; the exercise asks for at least {wanted} s, so that the endpoint removal reaches every proxy before the stop signal",
                    seconds(wait)
                ),
                format!(
                    "preStopフックの待機は{}秒です。この演習では、停止シグナルの前にエンドポイントの削除がすべてのプロキシに届くよう、{wanted}秒以上が求められています",
                    seconds(wait)
                ),
            ));
        }
        self.judge_grace(pod, wait)?;
        Ok(hook.pos)
    }

    /// The grace period holds the wait and the app's shutdown.
    fn judge_grace(&self, pod: &PodView<'_>, wait: f64) -> Result<(), Miss> {
        let field = pod.get("terminationGracePeriodSeconds");
        let grace = match field {
            None => DEFAULT_GRACE,
            Some(node) => match node.value {
                Value::Int(n) => n as f64,
                _ => return Err(not_integer("terminationGracePeriodSeconds", node)),
            },
        };
        let needed = wait + f64::from(self.shutdown);
        if grace >= needed {
            return Ok(());
        }
        let (shown_en, shown_ja) = match field {
            Some(_) => (seconds(grace), seconds(grace)),
            None => (
                format!("{} (the API default, as it is left out)", seconds(grace)),
                format!("{}(省略したためAPIの既定値)", seconds(grace)),
            ),
        };
        let (w, s, n) = (seconds(wait), self.shutdown, seconds(needed));
        Err(Miss::new(
            field.map_or(pod.spec.pos, |f| f.pos),
            format!(
                "terminationGracePeriodSeconds is {shown_en}, but the hook waits {w} s and the app needs up to {s} s after SIGTERM (the exercise's figure): the grace period counts from the deletion, and the kubelet sends SIGKILL when it ends; make it at least {n}"
            ),
            format!(
                "terminationGracePeriodSecondsは{shown_ja}ですが、フックが{w}秒待機し、アプリはSIGTERM後に最大{s}秒を必要とします(この演習の条件)。猶予期間は削除の時点から数え、終わるとkubeletがSIGKILLを送ります。{n}以上にしてください"
            ),
        ))
    }
}

/// How long the hook waits, and the field that says so.
fn hook_wait(hook: &Node) -> Result<(f64, crate::validate::Pos), Miss> {
    if let Some(sleep) = hook.present("sleep") {
        return match sleep.present("seconds") {
            Some(node) => match node.value {
                Value::Int(n) => Ok((n as f64, node.pos)),
                _ => Err(not_integer("sleep.seconds", node)),
            },
            None => Err(Miss::new(
                sleep.pos,
                "the sleep action needs `seconds`",
                "sleepアクションには`seconds`が必要です",
            )),
        };
    }
    if let Some(exec) = hook.present("exec") {
        let command = exec.present("command");
        let words: Vec<&str> = command
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .map(|w| w.as_str().unwrap_or(&w.raw))
            .collect();
        let at = command.map_or(exec.pos, |c| c.pos);
        return exec_wait(&words)
            .map(|wait| (wait, at))
            .map_err(|problem| exec_miss(problem, &words, at));
    }
    Err(Miss::new(
        hook.pos,
        "this preStop hook does not wait a known time: an httpGet hook ends when the request returns, which cannot be known offline; use the sleep action",
        "このpreStopフックの待機時間は決まっていません。httpGetフックはリクエストが返ると終わり、その時間はオフラインでは分かりません。sleepアクションを使ってください",
    ))
}

/// Why an exec command's wait is not known.
enum ExecProblem {
    /// `["sleep 10"]`: one word, the name of a program that does not exist.
    OneWord,
    /// `sleep 10 &`: the shell returns at once.
    Background,
    /// Anything else: its duration cannot be read offline.
    Unknown,
}

/// The seconds an exec command sleeps before anything else: `sleep N`,
/// `/bin/sleep N`, or a shell's `-c` script that starts with `sleep N`.
fn exec_wait(words: &[&str]) -> Result<f64, ExecProblem> {
    match words {
        [program, arg] if program_is(program, "sleep") => duration(arg).ok_or(ExecProblem::Unknown),
        [shell, flag, script, ..]
            if SHELLS.iter().any(|s| program_is(shell, s))
                && flag.starts_with('-')
                && flag.ends_with('c') =>
        {
            let end = script.find([';', '&', '|', '\n']).unwrap_or(script.len());
            let rest = &script[end..];
            if rest.starts_with('&') && !rest.starts_with("&&") {
                return Err(ExecProblem::Background);
            }
            match script[..end].split_whitespace().collect::<Vec<_>>()[..] {
                [program, arg] if program_is(program, "sleep") => {
                    duration(arg).ok_or(ExecProblem::Unknown)
                }
                _ => Err(ExecProblem::Unknown),
            }
        }
        [one] if one.contains(char::is_whitespace) => Err(ExecProblem::OneWord),
        _ => Err(ExecProblem::Unknown),
    }
}

/// The miss for an exec hook whose wait is not known.
fn exec_miss(problem: ExecProblem, words: &[&str], at: crate::validate::Pos) -> Miss {
    let shown = words.join(" ");
    match problem {
        ExecProblem::OneWord => Miss::new(
            at,
            format!(
                "`command` is the single word `{shown}`: the kubelet runs no shell, so it looks for a program of that name, the hook fails at once and the stop signal follows without a wait; give each word its own item, such as [\"sleep\", \"10\"]"
            ),
            format!(
                "`command`が`{shown}`という1つの単語になっています。kubeletはシェルを使わないため、その名前のプログラムを探してフックはすぐに失敗し、待たずに停止シグナルが送られます。[\"sleep\", \"10\"]のように単語ごとに要素を分けてください"
            ),
        ),
        ExecProblem::Background => Miss::new(
            at,
            format!(
                "`{shown}` runs sleep in the background: the shell returns at once, the hook is over, and the stop signal follows without a wait"
            ),
            format!(
                "`{shown}`はsleepをバックグラウンドで実行します。シェルはすぐに戻ってフックが終わり、待たずに停止シグナルが送られます"
            ),
        ),
        ExecProblem::Unknown => Miss::new(
            at,
            format!(
                "how long `{shown}` runs cannot be told offline: write the wait as `sleep: {{seconds: N}}`, or run `sleep N` (directly or first in `sh -c`)"
            ),
            format!(
                "`{shown}`がどれだけ動くかはオフラインでは分かりません。待機は`sleep: {{seconds: N}}`と書くか、`sleep N`を実行してください(直接、または`sh -c`の最初のコマンドとして)"
            ),
        ),
    }
}

/// `sleep`, `/bin/sleep`, `/usr/bin/sleep` …
fn program_is(word: &str, program: &str) -> bool {
    word.rsplit('/').next() == Some(program)
}

/// `10`, `10s`, `1.5m`, `1h`: the durations sleep(1) reads, in seconds.
fn duration(arg: &str) -> Option<f64> {
    let (number, unit) = match arg.char_indices().last()? {
        (i, 's') => (&arg[..i], 1.0),
        (i, 'm') => (&arg[..i], 60.0),
        (i, 'h') => (&arg[..i], 3600.0),
        (i, 'd') => (&arg[..i], 86400.0),
        _ => (arg, 1.0),
    };
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    number
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .map(|n| n * unit)
}

/// The miss for a field the API takes as a whole number.
fn not_integer(key: &str, node: &Node) -> Miss {
    let shown = node
        .as_str()
        .map_or(node.raw.clone(), |s| format!("\"{s}\""));
    Miss::new(
        node.pos,
        format!("{key} is {shown}: the API takes a whole number of seconds here"),
        format!("{key}が{shown}です。APIはここに秒数を整数で求めます"),
    )
}

/// `10` or `1.5`, for messages.
fn seconds(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}
