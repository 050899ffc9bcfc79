//! `sidecar`: a container runs alongside the app for the Pod's whole life —
//! as a native sidecar (an init container with `restartPolicy: Always`) or,
//! where the exercise allows it and the Pod is not a Job's, as a regular
//! container. A plain init container is the classic mistake: the app starts
//! only after it exits, and a helper that keeps running never does.

use serde::Deserialize;

use super::{Found, Miss, any_pod, kind, no_container};
use crate::validate::{ContainerList, ContainerView, Node, PodView, Rule, Text, Words};

pub(in crate::grade) static SIDECAR: Rule = Rule {
    id: "grade/sidecar",
    summary: Words::new(
        "A container runs alongside the app for the Pod's life (native sidecar or regular container)",
        "コンテナがPodの存続期間中アプリと並んで動く(ネイティブのサイドカーまたは通常のコンテナ)",
    ),
    help: Words::new(
        "put the helper in `initContainers` with `restartPolicy: Always` (a native sidecar), or, outside Jobs, next to the app in `containers`",
        "補助コンテナを`restartPolicy: Always`付きで`initContainers`に置く(ネイティブのサイドカー)か、Job以外ならアプリと並べて`containers`に置いてください",
    ),
    docs: "https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/",
    ..Rule::GRADING
};

/// Which forms of sidecar the exercise accepts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(super) enum Form {
    /// A native sidecar, or a regular container outside Jobs.
    #[default]
    Any,
    /// Only a native sidecar.
    Native,
}

/// The check's parameters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    container: String,
    #[serde(default)]
    form: Form,
    /// The main container, which must stay a regular container.
    app: Option<String>,
}

/// Kinds whose Pods are meant to finish.
const FINISHING: [&str; 2] = ["Job", "CronJob"];

impl Sidecar {
    pub(super) fn message(&self) -> Text {
        let c = &self.container;
        let (form_en, form_ja) = match self.form {
            Form::Any => (
                "as a native sidecar or a regular container",
                "ネイティブのサイドカーまたは通常のコンテナとして",
            ),
            Form::Native => ("as a native sidecar", "ネイティブのサイドカーとして"),
        };
        let (app_en, app_ja) = match &self.app {
            Some(app) => (
                format!(" next to the app `{app}`"),
                format!("アプリ`{app}`と並んで"),
            ),
            None => (String::new(), String::new()),
        };
        Text::new(
            format!("`{c}` runs for the Pod's whole life{app_en}, {form_en}"),
            format!("`{c}`が{app_ja}Podの存続期間中、{form_ja}動く"),
        )
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        let mut lines = vec![Text::new(
            "passes: an init container with `restartPolicy: Always` (a native sidecar), in any position among the init containers",
            "合格: `restartPolicy: Always`を持つInitコンテナ(ネイティブのサイドカー)。Initコンテナの中の位置は問いません",
        )];
        if self.form == Form::Any {
            lines.push(Text::new(
                "passes: a regular container next to the app, except in a Job's Pod (a Job completes only when every regular container has exited)",
                "合格: アプリと並ぶ通常のコンテナ。ただしJobのPodを除きます(Jobはすべての通常のコンテナが終了して初めて完了します)",
            ));
        }
        lines.push(Text::new(
            "fails: a plain init container (no restartPolicy, or Never/OnFailure): the app starts only after it exits",
            "不合格: 通常のInitコンテナ(restartPolicyなし、またはNever/OnFailure)。アプリはその終了後にしか起動しません",
        ));
        lines
    }

    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        any_pod(objects, |object, pod| self.judge(kind(object), pod))
    }

    fn judge(&self, kind: &str, pod: &PodView<'_>) -> Found {
        let name = &self.container;
        let Some(container) = pod.running_containers().find(|c| c.name() == name) else {
            return Err(no_container(pod, name));
        };
        if let Some(app) = &self.app {
            app_is_regular(pod, app)?;
        }
        match container.list {
            ContainerList::Init => native_or_plain(container),
            _ if self.form == Form::Native => Err(Miss::new(
                container.pos(),
                format!(
                    "`{name}` is a regular container; this exercise asks for a native sidecar: move it to `initContainers` with `restartPolicy: Always`"
                ),
                format!(
                    "`{name}`は通常のコンテナです。この演習ではネイティブのサイドカーが求められています。`restartPolicy: Always`を付けて`initContainers`に移してください"
                ),
            )),
            _ if FINISHING.contains(&kind) => Err(Miss::new(
                container.pos(),
                format!(
                    "`{name}` is a regular container of a {kind}'s Pod: the Pod, and the {kind}, finish only when it exits, and a helper that keeps running never does; make it a native sidecar"
                ),
                format!(
                    "`{name}`は{kind}のPodの通常のコンテナです。Podと{kind}はこのコンテナが終了して初めて完了しますが、動き続ける補助コンテナは終了しません。ネイティブのサイドカーにしてください"
                ),
            )),
            _ => Ok(container.pos()),
        }
    }
}

/// An init container passes only as a native sidecar.
fn native_or_plain(container: &ContainerView<'_>) -> Found {
    let name = container.name();
    match container.get("restartPolicy") {
        Some(policy) if policy.as_str() == Some("Always") => Ok(container.pos()),
        policy => Err(Miss::new(
            policy.map_or(container.pos(), |p| p.pos),
            format!(
                "`{name}` is a plain init container: the app containers start only after it exits, and a helper that keeps running never exits, so the app would never start; add `restartPolicy: Always` to make it a native sidecar"
            ),
            format!(
                "`{name}`は通常のInitコンテナです。アプリのコンテナはこれが終了してから起動しますが、動き続ける補助コンテナは終了しないため、アプリはいつまでも起動しません。`restartPolicy: Always`を追加してネイティブのサイドカーにしてください"
            ),
        )),
    }
}

/// The app must be a regular container of the same Pod.
fn app_is_regular(pod: &PodView<'_>, app: &str) -> Result<(), Miss> {
    match pod.running_containers().find(|c| c.name() == app) {
        Some(c) if c.list == ContainerList::Regular => Ok(()),
        Some(c) => Err(Miss::new(
            c.pos(),
            format!("the app `{app}` must stay a regular container"),
            format!("アプリ`{app}`は通常のコンテナのままでなければなりません"),
        )),
        None => Err(Miss::new(
            pod.get("containers").map_or(pod.spec.pos, |c| c.pos),
            format!("the Pod has no app container `{app}`"),
            format!("Podにアプリのコンテナ`{app}`がありません"),
        )),
    }
}
