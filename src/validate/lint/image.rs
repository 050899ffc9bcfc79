//! `lint/image-tag`: a tag that moves (`latest`, or none, which means
//! `latest`) lets Pods of one workload run different code and defeats rollbacks.

use super::{Emit, Lint, Scope};
use crate::validate::finding::Text;
use crate::validate::go::fmt::go_quote;
use crate::validate::pod::ContainerView;
use crate::validate::rule::{Rule, Words};

pub(super) static IMAGE_TAG: Lint = Lint {
    rule: Rule {
        id: "lint/image-tag",
        summary: Words::new(
            "A container image without a tag, or with the moving tag `latest`",
            "タグのない、または中身の変わる`latest`タグのコンテナイメージ",
        ),
        help: Words::new(
            "pin a version tag such as `nginx:1.27` or a digest (`@sha256:…`): `latest` moves, so Pods started at different times run different code, a rollback cannot go back, and the pull policy defaults to Always",
            "`nginx:1.27`のようなバージョンタグか、ダイジェスト(`@sha256:…`)で固定してください。`latest`は指す中身が変わるため、起動した時期によってPodごとに違うコードが動き、ロールバックでも元に戻せません。また、イメージのプルポリシーの既定値がAlwaysになります",
        ),
        docs: "https://kubernetes.io/docs/concepts/containers/images/#image-names",
        ..Rule::LINT
    },
    profile: None,
    scope: Scope::Container(check),
};

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
fn check(container: &ContainerView<'_>, emit: &mut Emit<'_>) {
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
    emit.report_with_rule_help(&container.path.field("image"), node.pos, message);
}
