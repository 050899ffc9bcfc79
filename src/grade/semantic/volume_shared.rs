//! `volume-shared`: one volume is declared and mounted by each named
//! container (optionally at given paths, optionally of a given type). It
//! looks at the volume the paths lead to, so a second volume shared "on the
//! side", a container that lost its mount or a hostPath declared but not
//! mounted cannot pass.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Found, Miss, and_list, bad_param, no_container, no_object, pods};
use crate::grade::check::CheckError;
use crate::validate::{Node, PodView, Pos, Rule, Text, Words};

pub(in crate::grade) static VOLUME_SHARED: Rule = Rule {
    id: "grade/volume-shared",
    summary: Words::new(
        "The named containers mount one volume (at the given paths, of the given type)",
        "指定したコンテナが1つのボリュームを(指定したパスに、指定した種類で)マウントしている",
    ),
    help: Words::new(
        "declare the volume once under the Pod's `volumes` (or as a claim template) and give each container a `volumeMounts` entry with its name and path",
        "ボリュームをPodの`volumes`(またはクレームテンプレート)に1度だけ定義し、各コンテナの`volumeMounts`にその名前とパスのエントリーを追加してください",
    ),
    docs: "https://kubernetes.io/docs/concepts/storage/volumes/",
    ..Rule::GRADING
};

/// Where a volume's data comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) enum Source {
    EmptyDir,
    HostPath,
    PersistentVolumeClaim,
    /// A StatefulSet's `volumeClaimTemplates` entry: a claim per Pod.
    VolumeClaimTemplate,
}

impl Source {
    fn name(self) -> &'static str {
        match self {
            Source::EmptyDir => "emptyDir",
            Source::HostPath => "hostPath",
            Source::PersistentVolumeClaim => "persistentVolumeClaim",
            Source::VolumeClaimTemplate => "volumeClaimTemplate",
        }
    }
}

/// The check's parameters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct VolumeShared {
    /// The volume's name; any volume when left out.
    volume: Option<String>,
    containers: Vec<String>,
    /// Container name → the path it must mount the volume at.
    #[serde(default)]
    paths: BTreeMap<String, String>,
    #[serde(rename = "type")]
    source: Option<Source>,
    /// The node path a hostPath volume must name.
    host_path: Option<String>,
    /// How many containers besides the named ones must mount it too (the
    /// learner names them).
    #[serde(default)]
    others: usize,
}

impl VolumeShared {
    /// Checks what serde cannot: containers named, paths for them only.
    pub(super) fn validated(self, params: &Node) -> Result<VolumeShared, CheckError> {
        if self.containers.is_empty() {
            return Err(bad_param(
                params,
                "containers",
                "name at least one container".into(),
            ));
        }
        if let Some(stray) = self.paths.keys().find(|c| !self.containers.contains(c)) {
            return Err(bad_param(
                params,
                "paths",
                format!("`{stray}` is not one of `containers`"),
            ));
        }
        if self.host_path.is_some() && self.source != Some(Source::HostPath) {
            return Err(bad_param(
                params,
                "hostPath",
                "`hostPath` goes with `type: hostPath`".into(),
            ));
        }
        Ok(self)
    }

    fn volume_words(&self) -> (String, String) {
        let kind = self
            .source
            .map(|s| format!(" ({})", s.name()))
            .unwrap_or_default();
        let host = self
            .host_path
            .as_ref()
            .map(|p| format!(" of the node's {p}"))
            .unwrap_or_default();
        let host_ja = self
            .host_path
            .as_ref()
            .map(|p| format!("(ノードの{p})"))
            .unwrap_or_default();
        match &self.volume {
            Some(name) => (
                format!("Volume `{name}`{kind}{host}"),
                format!("ボリューム`{name}`{kind}{host_ja}"),
            ),
            None => (
                format!("One volume{kind}{host}"),
                format!("1つのボリューム{kind}{host_ja}"),
            ),
        }
    }

    fn mounts(&self) -> (String, String) {
        let (mut en, mut ja): (Vec<String>, Vec<String>) = self
            .containers
            .iter()
            .map(|c| match self.paths.get(c) {
                Some(path) => (format!("{c} at {path}"), format!("{c}({path})")),
                None => (c.clone(), c.clone()),
            })
            .unzip();
        if self.others > 0 {
            let n = self.others;
            en.push(format!("{n} other container(s)"));
            ja.push(format!("ほかの{n}個のコンテナ"));
        }
        (and_list(&en).0, and_list(&ja).1)
    }

    pub(super) fn message(&self) -> Text {
        let (volume_en, volume_ja) = self.volume_words();
        let (mounts_en, mounts_ja) = self.mounts();
        Text::new(
            format!("{volume_en} is mounted by {mounts_en}"),
            format!("{volume_ja}を{mounts_ja}がマウントしている"),
        )
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        vec![
            Text::new(
                "passes: the containers mount the same volume, declared in the Pod's volumes (or as a claim template), whatever it is called and in any field order, through any of their mounts of it; a volume without a source counts as emptyDir, as the API server defaults it; a `subPath` (or `subPathExpr`, compared as written) must be the same for all of them",
                "合格: 名前やフィールドの順序やマウントの数にかかわらず、Podのvolumes(またはクレームテンプレート)に定義された同じボリュームを各コンテナがマウントしていること。ソースのないボリュームはAPIサーバーの既定どおりemptyDirとみなします。`subPath`(または書かれたとおりに比べる`subPathExpr`)は全コンテナで同じであること",
            ),
            Text::new(
                "fails: a container that mounts another volume at the path, a volume shared by other containers than the named ones, a volume declared but not mounted, different subPaths (different directories), another volume type or host path",
                "不合格: 指定のパスに別のボリュームをマウントしているコンテナ、指定以外のコンテナ間で共有されたボリューム、定義だけでマウントされていないボリューム、異なるsubPath(別のディレクトリー)、種類やホストのパスの違い",
            ),
        ]
    }

    /// Passes when some Pod has a volume meeting every requirement; else
    /// reports the first unmet requirement of the closest volume.
    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        let pods = pods(objects);
        if pods.is_empty() {
            return Err(no_object(objects, "Pod or workload", "Podやワークロード"));
        }
        let mut closest: Option<Vec<Miss>> = None;
        for (object, pod) in &pods {
            for (volume_name, volume, source) in volumes(object, pod) {
                if self
                    .volume
                    .as_ref()
                    .is_some_and(|wanted| *wanted != volume_name)
                {
                    continue;
                }
                let misses = self.misses(pod, &volume_name, volume, source);
                if misses.is_empty() {
                    return Ok(volume.pos);
                }
                if closest.as_ref().is_none_or(|c| misses.len() < c.len()) {
                    closest = Some(misses);
                }
            }
        }
        match closest.and_then(|misses| misses.into_iter().next()) {
            Some(miss) => Err(miss),
            None => {
                let (_, pod) = &pods[0];
                let at = pod.get("volumes").map_or(pod.spec.pos, |v| v.pos);
                Err(match &self.volume {
                    Some(name) => Miss::new(
                        at,
                        format!("the Pod declares no volume named `{name}`"),
                        format!("Podに`{name}`という名前のボリュームがありません"),
                    ),
                    None => Miss::new(
                        at,
                        "the Pod declares no volume",
                        "Podにボリュームがありません",
                    ),
                })
            }
        }
    }

    /// What keeps `volume` from meeting the requirements, in order.
    fn misses(
        &self,
        pod: &PodView<'_>,
        name: &str,
        volume: &Node,
        source: Option<Source>,
    ) -> Vec<Miss> {
        let mut misses = Vec::new();
        if let Some(wanted) = self.source
            && source != Some(wanted)
        {
            let actual = source.map_or("another kind of volume", Source::name);
            misses.push(Miss::new(
                volume.pos,
                format!("volume `{name}` is {actual}, not {}", wanted.name()),
                format!(
                    "ボリューム`{name}`は{actual}で、{}ではありません",
                    wanted.name()
                ),
            ));
        }
        if let Some(wanted) = &self.host_path {
            let path_node = volume.present("hostPath").and_then(|h| h.present("path"));
            let actual = path_node.and_then(Node::as_str).unwrap_or_default();
            if trim(actual) != trim(wanted) {
                misses.push(Miss::new(
                    path_node.map_or(volume.pos, |p| p.pos),
                    format!("volume `{name}` uses the node's `{actual}`, not `{wanted}`"),
                    format!("ボリューム`{name}`はノードの`{actual}`を使っており、`{wanted}`ではありません"),
                ));
            }
        }
        let mut views: Vec<(&str, Vec<SubPath<'_>>)> = Vec::new();
        for container_name in &self.containers {
            match self.mounted_views(pod, name, container_name) {
                Ok(seen) => views.push((container_name, seen)),
                Err(miss) => misses.push(miss),
            }
        }
        if let Some(miss) = different_directories(name, &views) {
            misses.push(miss);
        }
        let others = pod
            .running_containers()
            .filter(|c| !self.containers.iter().any(|n| n == c.name()))
            .filter(|c| {
                c.get("volumeMounts")
                    .is_some_and(|m| m.items().iter().any(|m| m.text("name") == Some(name)))
            })
            .count();
        if others < self.others {
            let named = and_list(&self.containers);
            misses.push(Miss::new(
                volume.pos,
                format!("no container besides {} mounts volume `{name}`, so nothing else can read what is written there", named.0),
                format!("{}以外にボリューム`{name}`をマウントしているコンテナがないため、書かれた内容をほかのコンテナは読めません", named.1),
            ));
        }
        misses
    }

    /// The parts of the volume `container` sees through its mounts of it (at
    /// its path, if one is asked), or why it sees none.
    fn mounted_views<'a>(
        &self,
        pod: &PodView<'a>,
        volume: &str,
        container: &str,
    ) -> Result<Vec<SubPath<'a>>, Miss> {
        let Some(view) = pod.running_containers().find(|c| c.name() == container) else {
            return Err(no_container(pod, container));
        };
        let mounts = view
            .get("volumeMounts")
            .map(Node::items)
            .unwrap_or_default();
        let of_volume: Vec<&Node> = mounts
            .iter()
            .filter(|m| m.text("name") == Some(volume))
            .collect();
        let wanted = self.paths.get(container);
        let at_path: Vec<SubPath<'a>> = of_volume
            .iter()
            .filter(|m| {
                wanted.is_none_or(|path| m.text("mountPath").is_some_and(|p| trim(p) == trim(path)))
            })
            .map(|m| SubPath::of(m))
            .collect();
        if !at_path.is_empty() {
            return Ok(at_path);
        }
        Err(match (of_volume.first(), wanted) {
            (Some(mount), Some(path)) => {
                let actual = mount.text("mountPath").unwrap_or_default();
                Miss::new(
                    mount.present("mountPath").map_or(mount.pos, |p| p.pos),
                    format!("`{container}` mounts `{volume}` at {actual}, not at {path}"),
                    format!(
                        "`{container}`は`{volume}`を{actual}にマウントしており、{path}ではありません"
                    ),
                )
            }
            _ => mount_elsewhere(mounts, wanted, container, volume).unwrap_or_else(|| {
                Miss::new(
                    view.get("volumeMounts").map_or(view.pos(), |m| m.pos),
                    format!("container `{container}` does not mount volume `{volume}`"),
                    format!("コンテナ`{container}`がボリューム`{volume}`をマウントしていません"),
                )
            }),
        })
    }
}

/// A container that mounts another volume at the path asked for.
fn mount_elsewhere(
    mounts: &[Node],
    wanted: Option<&String>,
    container: &str,
    volume: &str,
) -> Option<Miss> {
    let path = wanted?;
    let other = mounts
        .iter()
        .find(|m| m.text("mountPath").is_some_and(|p| trim(p) == trim(path)))?;
    let other_name = other.text("name").unwrap_or_default();
    Some(Miss::new(
        other.present("name").map_or(other.pos, |n| n.pos),
        format!(
            "`{container}` mounts volume `{other_name}` at {path}, not `{volume}`: the two containers do not see the same files"
        ),
        format!(
            "`{container}`が{path}にマウントしているのは`{other_name}`で、`{volume}`ではありません。2つのコンテナは同じファイルを見ていません"
        ),
    ))
}

/// The directory of a volume a mount shows: the whole volume, a `subPath`
/// or a `subPathExpr` (compared as written: its variables are the Pod's).
#[derive(Debug, Clone, Copy)]
struct SubPath<'a> {
    key: &'a str,
    pos: Pos,
}

impl<'a> SubPath<'a> {
    fn of(mount: &'a Node) -> SubPath<'a> {
        let node = mount
            .present("subPath")
            .or_else(|| mount.present("subPathExpr"));
        let key = node.and_then(Node::as_str).unwrap_or_default();
        SubPath {
            key: key.trim_matches('/'),
            pos: node.map_or(mount.pos, |n| n.pos),
        }
    }

    fn words(&self) -> (String, String) {
        if self.key.is_empty() {
            ("the whole volume".into(), "ボリューム全体".into())
        } else {
            (
                format!("subPath `{}`", self.key),
                format!("subPath`{}`", self.key),
            )
        }
    }
}

/// The named containers must see one directory of the volume: a mount with
/// `subPath` shows only that directory, so two different ones share nothing
/// at the paths the exercise names.
fn different_directories(volume: &str, views: &[(&str, Vec<SubPath<'_>>)]) -> Option<Miss> {
    let ((first, first_seen), rest) = views.split_first()?;
    let common = first_seen.iter().any(|dir| {
        rest.iter()
            .all(|(_, seen)| seen.iter().any(|s| s.key == dir.key))
    });
    if common {
        return None;
    }
    let (other, other_seen) = rest.iter().find(|(_, seen)| {
        !seen
            .iter()
            .any(|s| first_seen.iter().any(|f| f.key == s.key))
    })?;
    let (mine, theirs) = (first_seen[0], other_seen[0]);
    let ((mine_en, mine_ja), (theirs_en, theirs_ja)) = (mine.words(), theirs.words());
    let at = if theirs.key.is_empty() {
        mine.pos
    } else {
        theirs.pos
    };
    Some(Miss::new(
        at,
        format!(
            "`{first}` mounts {mine_en} of `{volume}` and `{other}` mounts {theirs_en}: they see different directories, not the same files"
        ),
        format!(
            "`{first}`は`{volume}`の{mine_ja}を、`{other}`は{theirs_ja}をマウントしており、同じファイルではなく別のディレクトリーを見ています"
        ),
    ))
}

/// `/var/log/` and `/var/log` are the same path.
fn trim(path: &str) -> &str {
    if path.len() > 1 {
        path.trim_end_matches('/')
    } else {
        path
    }
}

/// The volumes of a Pod with their source, and a StatefulSet's claim templates.
fn volumes<'a>(object: &'a Node, pod: &PodView<'a>) -> Vec<(String, &'a Node, Option<Source>)> {
    let mut found: Vec<(String, &'a Node, Option<Source>)> = pod
        .get("volumes")
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .filter_map(|volume| Some((volume.text("name")?.to_string(), volume, source_of(volume))))
        .collect();
    let templates = object
        .present("spec")
        .and_then(|spec| spec.present("volumeClaimTemplates"))
        .map(Node::items)
        .unwrap_or_default();
    found.extend(templates.iter().filter_map(|claim| {
        let name = claim.present("metadata")?.text("name")?;
        Some((name.to_string(), claim, Some(Source::VolumeClaimTemplate)))
    }));
    found
}

/// The source a volume declares; none at all is defaulted to emptyDir.
fn source_of(volume: &Node) -> Option<Source> {
    let keys: Vec<&str> = volume
        .entries()
        .iter()
        .map(|e| e.key.as_str())
        .filter(|k| *k != "name")
        .collect();
    match keys.as_slice() {
        [] | ["emptyDir"] => Some(Source::EmptyDir),
        ["hostPath"] => Some(Source::HostPath),
        ["persistentVolumeClaim"] => Some(Source::PersistentVolumeClaim),
        _ => None,
    }
}
