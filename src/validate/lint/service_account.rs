//! `lint/automount-service-account-token` (off unless `--enable`d): a Pod
//! that never calls the Kubernetes API still gets a token for it mounted,
//! and whoever breaks into the container can use it. Off by default because
//! many Pods do call the API, and only the team knows which.

use super::service::same_namespace;
use super::{Emit, Lint, Object, Scope};
use crate::validate::finding::Text;
use crate::validate::go::fmt::go_quote;
use crate::validate::pod::PodView;
use crate::validate::rule::{Rule, Words};
use crate::validate::yaml::{Node, Value};

pub(super) static AUTOMOUNT_TOKEN: Lint = Lint {
    rule: Rule {
        id: "lint/automount-service-account-token",
        summary: Words::new(
            "A Pod that gets a ServiceAccount token mounted without opting out (off unless enabled)",
            "ServiceAccountのトークンの自動マウントを止めていないPod(有効にしたときだけ検査)",
        ),
        help: Words::new(
            "if the Pod does not call the Kubernetes API, set `automountServiceAccountToken: false` in the Pod spec or on its ServiceAccount: a token in the container is a key to the API for whoever breaks in",
            "PodがKubernetes APIを呼ばないなら、Podのspecか、そのServiceAccountで`automountServiceAccountToken: false`を設定してください。コンテナ内のトークンは、侵入した者にとってAPIへの鍵になります",
        ),
        docs: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting",
        enabled_by_default: false,
        ..Rule::LINT
    },
    profile: None,
    scope: Scope::Object(check),
};

/// `automountServiceAccountToken` of a Pod spec or ServiceAccount, when it is a boolean.
fn automount(node: &Node) -> Option<bool> {
    match node.get("automountServiceAccountToken")?.value {
        Value::Bool(value) => Some(value),
        _ => None,
    }
}

/// Warns about a Pod spec that mounts the token, unless the ServiceAccount
/// it runs as (when it is in the same input) opts out.
fn check(object: &Object<'_>, objects: &[Object<'_>], emit: &mut Emit<'_>) {
    let Some(pod) = PodView::of(object.kind, object.root) else {
        return;
    };
    let account = pod
        .get("serviceAccountName")
        .and_then(Node::as_str)
        .filter(|name| !name.is_empty())
        .unwrap_or("default");
    let opted_out = match automount(pod.spec) {
        Some(value) => !value,
        None => objects
            .iter()
            .filter(|other| {
                other.kind == "ServiceAccount" && same_namespace(other.root, object.root)
            })
            .filter(|other| {
                let name = other.root.get("metadata").and_then(|m| m.get("name"));
                name.and_then(Node::as_str) == Some(account)
            })
            .any(|other| automount(other.root) == Some(false)),
    };
    if opted_out {
        return;
    }
    let (path, pos) = match pod.spec.entry("automountServiceAccountToken") {
        Some(entry) => (
            pod.spec_path.field("automountServiceAccountToken"),
            entry.value.pos,
        ),
        None => (pod.spec_path.clone(), pod.spec.pos),
    };
    let shown = go_quote(account);
    emit.report_with_rule_help(
        &path,
        pos,
        Text::new(
            format!("the Pod gets the token of ServiceAccount {shown} mounted (automountServiceAccountToken is not false)"),
            format!("PodにServiceAccount {shown}のトークンがマウントされます(automountServiceAccountTokenがfalseではありません)"),
        ),
    );
}
