//! `lint/read-only-root`: a writable root filesystem lets an intruder
//! change the container's own binaries; writes belong in volumes.

use super::{Emit, Lint, Scope, is_true};
use crate::validate::finding::Text;
use crate::validate::go::fmt::go_quote;
use crate::validate::pod::ContainerView;
use crate::validate::rule::{Rule, Words};

pub(super) static READ_ONLY_ROOT: Lint = Lint {
    rule: Rule {
        id: "lint/read-only-root",
        summary: Words::new(
            "A container whose root filesystem is writable",
            "ルートファイルシステムに書き込めるコンテナ",
        ),
        help: Words::new(
            "add `securityContext: {readOnlyRootFilesystem: true}` to the container and mount an emptyDir where the program must write (for example /tmp)",
            "コンテナに`securityContext: {readOnlyRootFilesystem: true}`を追加し、プログラムが書き込む場所(/tmpなど)にはemptyDirをマウントしてください",
        ),
        docs: "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
        ..Rule::LINT
    },
    profile: None,
    scope: Scope::Container(check),
};

/// Warns about a container without `readOnlyRootFilesystem: true`, at the
/// value when it is set otherwise, else at the container.
fn check(container: &ContainerView<'_>, emit: &mut Emit<'_>) {
    let set = container.security_field("readOnlyRootFilesystem");
    if is_true(set.as_ref().map(|(node, _)| *node)) {
        return;
    }
    let (path, pos) = match set {
        Some((node, path)) => (path, node.pos),
        None => (container.path.clone(), container.pos()),
    };
    let name = go_quote(container.name());
    emit.report_with_rule_help(
        &path,
        pos,
        Text::new(
            format!("container {name} does not set securityContext.readOnlyRootFilesystem: true"),
            format!(
                "コンテナ{name}はsecurityContext.readOnlyRootFilesystem: trueを設定していません"
            ),
        ),
    );
}
