//! `lint/image-tag`: a tag that moves (`latest`, or none, which means
//! `latest`) lets Pods of one workload run different code and defeats rollbacks.

use super::{Container, Lints};
use crate::validate::finding::Text;
use crate::validate::rules::go_quote;

pub(super) const RULE: &str = "lint/image-tag";

/// The tag of an image reference, `None` without one; a digest pins the
/// image whatever the tag says, so it counts as a fixed tag.
fn tag(image: &str) -> Option<&str> {
    if image.contains('@') {
        return Some("");
    }
    let last = image.rsplit('/').next().unwrap_or(image);
    last.split_once(':').map(|(_, tag)| tag)
}

/// Warns about a container image without a tag or with `:latest`.
pub(super) fn check(container: &Container<'_>, lints: &mut Lints<'_, '_>) {
    let Some(node) = container.get("image") else {
        return;
    };
    let Some(image) = node.as_str().filter(|image| !image.trim().is_empty()) else {
        return;
    };
    let name = go_quote(container.name());
    let shown = go_quote(image);
    let message = match tag(image) {
        None => Text::new(
            format!("container {name}: image {shown} has no tag, so it means \"{image}:latest\""),
            format!(
                "コンテナ{name}のイメージ{shown}にタグがありません。\"{image}:latest\"として扱われます"
            ),
        ),
        Some("latest") => Text::new(
            format!("container {name}: image {shown} uses the latest tag"),
            format!("コンテナ{name}のイメージ{shown}はlatestタグを使っています"),
        ),
        Some(_) => return,
    };
    lints.warn(
        RULE,
        &container.path.field("image"),
        node.pos,
        message,
        Text::new(
            "pin a version tag such as `nginx:1.27` or a digest (`@sha256:…`): `latest` moves, so Pods started at different times run different code, a rollback cannot go back, and the pull policy defaults to Always",
            "`nginx:1.27`のようなバージョンタグか、ダイジェスト(`@sha256:…`)で固定してください。`latest`は指す中身が変わるため、起動した時期によってPodごとに違うコードが動き、ロールバックでも元に戻せません。また、イメージのプルポリシーの既定値がAlwaysになります",
        ),
    );
}
