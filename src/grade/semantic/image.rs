//! `image`: a container runs the expected image, compared after the
//! normalisation the container runtime applies (`nginx` is
//! `docker.io/library/nginx`, a missing tag is `latest`), so the fully
//! qualified spelling of the same image passes.

use serde::Deserialize;

use super::{Found, Miss, any_pod, no_container};
use crate::validate::{ContainerView, Node, Rule, Text, Words};

pub(in crate::grade) static IMAGE: Rule = Rule {
    id: "grade/image",
    summary: Words::new(
        "A container runs the expected image (however the reference is spelled)",
        "コンテナが期待どおりのイメージを実行している(参照の書き方は問わない)",
    ),
    help: Words::new(
        "write the image as `[registry/]repository:tag`; `nginx:1.27` and `docker.io/library/nginx:1.27` name the same image",
        "イメージは`[レジストリ/]リポジトリ:タグ`の形で書きます。`nginx:1.27`と`docker.io/library/nginx:1.27`は同じイメージです",
    ),
    docs: "https://kubernetes.io/docs/concepts/containers/images/#image-names",
    ..Rule::GRADING
};

/// The check's parameters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageCheck {
    /// The container; any running container of the Pod when left out.
    container: Option<String>,
    image: String,
}

/// An image reference after normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Reference {
    pub repository: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

/// Normalises like distribution/reference's `ParseNormalizedNamed` plus the
/// runtime's default tag: a first component with a dot or colon, or
/// `localhost`, is a registry, else the registry is docker.io; a docker.io
/// name without a slash is under `library/`; no tag and no digest means `latest`.
pub(super) fn normalize(image: &str) -> Reference {
    let (name, digest) = match image.split_once('@') {
        Some((name, digest)) => (name, Some(digest.to_string())),
        None => (image, None),
    };
    let (name, tag) = match name.rfind(':') {
        Some(colon) if !name[colon..].contains('/') => {
            (&name[..colon], Some(name[colon + 1..].to_string()))
        }
        _ => (name, None),
    };
    let (registry, path) = match name.split_once('/') {
        Some((first, rest))
            if first.contains('.') || first.contains(':') || first == "localhost" =>
        {
            (first, rest.to_string())
        }
        _ => ("docker.io", name.to_string()),
    };
    let registry = if registry == "index.docker.io" {
        "docker.io"
    } else {
        registry
    };
    let path = if registry == "docker.io" && !path.contains('/') {
        format!("library/{path}")
    } else {
        path
    };
    let tag = match (tag, &digest) {
        (None, None) => Some("latest".to_string()),
        (tag, _) => tag,
    };
    Reference {
        repository: format!("{registry}/{path}"),
        tag,
        digest,
    }
}

impl ImageCheck {
    fn who(&self) -> (String, String) {
        match &self.container {
            Some(c) => (format!("Container `{c}`"), format!("コンテナ`{c}`")),
            None => ("A container".into(), "いずれかのコンテナ".into()),
        }
    }

    pub(super) fn message(&self) -> Text {
        let (who_en, who_ja) = self.who();
        let image = &self.image;
        Text::new(
            format!("{who_en} runs the image {image}"),
            format!("{who_ja}がイメージ{image}を実行している"),
        )
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        vec![
            Text::new(
                "passes: the same repository and tag however written (`busybox:1.36`, `docker.io/library/busybox:1.36`, `index.docker.io/library/busybox:1.36`); a digest must match when the expected image names one",
                "合格: 書き方にかかわらず同じリポジトリとタグ(`busybox:1.36`、`docker.io/library/busybox:1.36`、`index.docker.io/library/busybox:1.36`)。期待するイメージにダイジェストがあれば一致が必要です",
            ),
            Text::new(
                "fails: another tag (no tag means latest), another repository or registry",
                "不合格: 別のタグ(タグなしはlatest)、別のリポジトリやレジストリ",
            ),
        ]
    }

    fn matches(&self, container: &ContainerView<'_>) -> bool {
        let wanted = normalize(&self.image);
        let Some(actual) = container.get("image").and_then(Node::as_str) else {
            return false;
        };
        let actual = normalize(actual.trim());
        actual.repository == wanted.repository
            && (wanted.tag.is_none() || actual.tag == wanted.tag)
            && (wanted.digest.is_none() || actual.digest == wanted.digest)
    }

    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        any_pod(objects, |_, pod| {
            let candidates: Vec<&ContainerView<'_>> = pod
                .running_containers()
                .filter(|c| self.container.as_deref().is_none_or(|n| c.name() == n))
                .collect();
            if let Some(hit) = candidates.iter().find(|c| self.matches(c)) {
                return Ok(hit.get("image").map_or(hit.pos(), |i| i.pos));
            }
            Err(match candidates.first() {
                Some(c) => {
                    let actual = c.get("image").and_then(Node::as_str).unwrap_or_default();
                    let (name, wanted) = (c.name(), &self.image);
                    Miss::new(
                        c.get("image").map_or(c.pos(), |i| i.pos),
                        format!("container `{name}` runs {actual}, not {wanted}"),
                        format!(
                            "コンテナ`{name}`が実行しているのは{actual}で、{wanted}ではありません"
                        ),
                    )
                }
                None => no_container(pod, self.container.as_deref().unwrap_or_default()),
            })
        })
    }
}
