//! `lint/read-only-root`: a writable root filesystem lets an intruder
//! change the container's own binaries; writes belong in volumes.

use super::{Container, Lints, is_true};
use crate::validate::finding::Text;
use crate::validate::rules::go_quote;

pub(super) const READ_ONLY_ROOT: &str = "lint/read-only-root";

/// Warns about a container without `readOnlyRootFilesystem: true`, at the
/// value when it is set otherwise, else at the container.
pub(super) fn check(container: &Container<'_>, lints: &mut Lints<'_, '_>) {
    let set = container.security("readOnlyRootFilesystem");
    if is_true(set.as_ref().map(|(node, _)| *node)) {
        return;
    }
    let (path, pos) = match set {
        Some((node, path)) => (path, node.pos),
        None => (container.path.clone(), container.pos()),
    };
    let name = go_quote(container.name());
    lints.warn(
        READ_ONLY_ROOT,
        &path,
        pos,
        Text::new(
            format!("container {name} does not set securityContext.readOnlyRootFilesystem: true"),
            format!("コンテナ{name}はsecurityContext.readOnlyRootFilesystem: trueを設定していません"),
        ),
        Text::new(
            "add `securityContext: {readOnlyRootFilesystem: true}` to the container and mount an emptyDir where the program must write (for example /tmp)",
            "コンテナに`securityContext: {readOnlyRootFilesystem: true}`を追加し、プログラムが書き込む場所(/tmpなど)にはemptyDirをマウントしてください",
        ),
    );
}
