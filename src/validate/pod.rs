//! One view of a Pod over every kind that carries one: a Pod itself, the
//! Pod template of a PodTemplate, ReplicationController, ReplicaSet,
//! Deployment, StatefulSet, DaemonSet and Job, and the Job template's Pod
//! template of a CronJob. The API rules, Pod Security, the lints and the
//! grader all ask here, so a kind added to [`TEMPLATE_FIELDS`] is covered
//! everywhere at once.

use super::Pos;
use super::path::FieldPath;
use super::yaml::{Node, Value};

/// The fields that lead from an object of each kind to its Pod template
/// (the mapping that holds the Pod's `metadata` and `spec`); a Pod is its
/// own template.
const TEMPLATE_FIELDS: &[(&str, &[&str])] = &[
    ("Pod", &[]),
    ("PodTemplate", &["template"]),
    ("ReplicationController", &["spec", "template"]),
    ("ReplicaSet", &["spec", "template"]),
    ("Deployment", &["spec", "template"]),
    ("StatefulSet", &["spec", "template"]),
    ("DaemonSet", &["spec", "template"]),
    ("Job", &["spec", "template"]),
    ("CronJob", &["spec", "jobTemplate", "spec", "template"]),
];

fn template_fields(kind: &str) -> Option<&'static [&'static str]> {
    TEMPLATE_FIELDS
        .iter()
        .find(|(name, _)| *name == kind)
        .map(|(_, fields)| *fields)
}

/// Where the Pod template of an object would be, and how far it exists:
/// the deepest node present on the way, with its path, and whether that is
/// the template itself.
pub(crate) struct TemplateWay<'a> {
    pub node: &'a Node,
    pub path: FieldPath,
    /// The field missing (or null) below `node`, if the way stops short.
    pub missing: Option<&'static str>,
}

/// Follows the way to the Pod template of an object of `kind`; `None` for
/// kinds without one.
pub(crate) fn way_to_template<'a>(kind: &str, root: &'a Node) -> Option<TemplateWay<'a>> {
    let mut node = root;
    let mut path = FieldPath::default();
    for field in template_fields(kind)? {
        match node.present(field) {
            Some(child) => {
                node = child;
                path = path.field(field);
            }
            None => {
                return Some(TemplateWay {
                    node,
                    path,
                    missing: Some(field),
                });
            }
        }
    }
    Some(TemplateWay {
        node,
        path,
        missing: None,
    })
}

/// Where the API server reports a Pod spec left out (or null): the full
/// path `….spec.containers` it says is required, at the `spec` key when it
/// is written as null, else at the key of the mapping that lacks it (the
/// start of the document for a top-level spec). `None` when the spec is
/// there, or when the way to it stops at a missing template (the schema
/// reports that).
pub(crate) fn missing_spec(kind: &str, root: &Node) -> Option<(FieldPath, Pos)> {
    let fields: Vec<&str> = template_fields(kind)?
        .iter()
        .copied()
        .chain(["spec"])
        .collect();
    let full = fields
        .iter()
        .fold(FieldPath::default(), |path, field| path.field(field))
        .field("containers");
    let mut node = root;
    let mut pos = root.pos;
    for field in &fields {
        if !matches!(node.value, Value::Map(_)) {
            return None;
        }
        match node.entry(field) {
            Some(entry) if entry.value.value != Value::Null => {
                pos = entry.key_pos;
                node = &entry.value;
            }
            _ if *field != "spec" => return None,
            Some(entry) => return Some((full, entry.key_pos)),
            None => return Some((full, pos)),
        }
    }
    None
}

/// The three container lists of a Pod spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContainerList {
    Init,
    Regular,
    Ephemeral,
}

impl ContainerList {
    /// In the order the Pod Security library visits them.
    pub const ALL: [ContainerList; 3] = [
        ContainerList::Init,
        ContainerList::Regular,
        ContainerList::Ephemeral,
    ];

    /// The field holding the list.
    pub fn key(self) -> &'static str {
        match self {
            ContainerList::Init => "initContainers",
            ContainerList::Regular => "containers",
            ContainerList::Ephemeral => "ephemeralContainers",
        }
    }
}

/// The containers of one list of a spec, mappings only (others were
/// reported by the schema layer).
fn containers_of<'a>(
    spec: &'a Node,
    spec_path: &FieldPath,
    list: ContainerList,
) -> Vec<ContainerView<'a>> {
    let Some(items) = spec.present(list.key()) else {
        return Vec::new();
    };
    let path = spec_path.field(list.key());
    items
        .items()
        .iter()
        .enumerate()
        .filter(|(_, node)| matches!(node.value, Value::Map(_)))
        .map(|(index, node)| ContainerView {
            node,
            path: path.index(index),
            list,
        })
        .collect()
}

/// A Pod as every check sees it: the object's kind, the template (holding
/// `metadata`) and the spec, each with its field path.
pub struct PodView<'a> {
    pub kind: &'a str,
    pub template: &'a Node,
    pub template_path: FieldPath,
    /// A mapping: objects whose spec is missing or of another type have no view.
    pub spec: &'a Node,
    pub spec_path: FieldPath,
    /// Every container that is a mapping: init, regular, then ephemeral
    /// (the order the Pod Security library visits them in).
    containers: Vec<ContainerView<'a>>,
}

impl<'a> PodView<'a> {
    /// The Pod of an object of `kind`, when it has a spec mapping.
    pub fn of(kind: &'a str, root: &'a Node) -> Option<PodView<'a>> {
        let way = way_to_template(kind, root)?;
        if way.missing.is_some() {
            return None;
        }
        let spec = way.node.present("spec")?;
        if !matches!(spec.value, Value::Map(_)) {
            return None;
        }
        let spec_path = way.path.field("spec");
        let containers = ContainerList::ALL
            .into_iter()
            .flat_map(|list| containers_of(spec, &spec_path, list))
            .collect();
        Some(PodView {
            kind,
            template: way.node,
            template_path: way.path,
            spec,
            spec_path,
            containers,
        })
    }

    /// A field of the spec unless absent or null.
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.spec.present(key)
    }

    /// A field of the template's metadata (`labels`, `annotations`) with its path.
    pub fn metadata(&self, key: &str) -> Option<(&'a Node, FieldPath)> {
        let value = self.template.present("metadata")?.present(key)?;
        Some((value, self.template_path.field("metadata").field(key)))
    }

    /// The containers of one list.
    pub fn list(&self, list: ContainerList) -> impl Iterator<Item = &ContainerView<'a>> {
        self.containers.iter().filter(move |c| c.list == list)
    }

    /// Every container: init, regular, then ephemeral.
    pub fn containers(&self) -> &[ContainerView<'a>] {
        &self.containers
    }

    /// The containers a created Pod runs: init and regular ones (ephemeral
    /// containers are only ever added later, by `kubectl debug`).
    pub fn running_containers(&self) -> impl Iterator<Item = &ContainerView<'a>> {
        self.containers
            .iter()
            .filter(|c| c.list != ContainerList::Ephemeral)
    }

    /// A field of the Pod-level `securityContext`, with its path.
    pub fn security_field(&self, key: &str) -> Option<(&'a Node, FieldPath)> {
        let value = self.get("securityContext")?.present(key)?;
        Some((value, self.spec_path.field("securityContext").field(key)))
    }

    /// `spec.os.name: windows`.
    pub fn is_windows(&self) -> bool {
        self.get("os").and_then(|os| os.text("name")) == Some("windows")
    }

    /// `spec.hostUsers: false`: a user-namespaced Pod.
    pub fn in_user_namespace(&self) -> bool {
        self.spec.flag("hostUsers") == Some(false)
    }

    /// `spec.hostNetwork: true`.
    pub fn host_network(&self) -> bool {
        self.spec.flag("hostNetwork") == Some(true)
    }
}

/// One container of a Pod spec.
pub struct ContainerView<'a> {
    pub node: &'a Node,
    pub path: FieldPath,
    pub list: ContainerList,
}

impl<'a> ContainerView<'a> {
    /// The container's name as written (empty when missing).
    pub fn name(&self) -> &'a str {
        self.node.text("name").unwrap_or_default()
    }

    /// A field unless absent or null.
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.node.present(key)
    }

    /// Where a finding about a field missing from this container points:
    /// its `name` key, else the container itself.
    pub fn pos(&self) -> super::Pos {
        self.node.entry("name").map_or(self.node.pos, |e| e.key_pos)
    }

    /// A field of the container's `securityContext`, with its path.
    pub fn security_field(&self, key: &str) -> Option<(&'a Node, FieldPath)> {
        let value = self.get("securityContext")?.present(key)?;
        Some((value, self.path.field("securityContext").field(key)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> Node {
        crate::validate::parse_single(text).unwrap().unwrap()
    }

    #[test]
    fn every_kind_with_a_pod_has_a_view() {
        let spec = "spec:\n  containers: [{name: a, image: x}]\n";
        let nest = |fields: &[&str]| {
            let mut text = String::new();
            for (depth, field) in fields.iter().enumerate() {
                text.push_str(&format!("{}{field}:\n", "  ".repeat(depth)));
            }
            let indent = "  ".repeat(fields.len());
            for line in spec.lines() {
                text.push_str(&format!("{indent}{line}\n"));
            }
            text
        };
        for (kind, fields) in TEMPLATE_FIELDS {
            let node = root(&nest(fields));
            let view = PodView::of(kind, &node).unwrap_or_else(|| panic!("{kind}"));
            assert_eq!(view.containers().len(), 1, "{kind}");
            assert!(view.spec_path.as_str().ends_with("spec"), "{kind}");
        }
        assert!(PodView::of("Service", &root(spec)).is_none());
    }

    #[test]
    fn the_way_stops_where_a_field_is_missing_or_null() {
        let node = root("spec:\n  template: null\n");
        let way = way_to_template("Deployment", &node).unwrap();
        assert_eq!(way.missing, Some("template"));
        assert_eq!(way.path.as_str(), "spec");
        assert!(PodView::of("Deployment", &node).is_none());
    }

    #[test]
    fn a_missing_spec_is_placed_at_its_key_or_the_document_start() {
        let pod = root("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n");
        let (path, pos) = missing_spec("Pod", &pod).unwrap();
        assert_eq!((path.as_str(), pos.line), ("spec.containers", 1));
        let null = root("apiVersion: v1\nkind: Pod\nspec: null\n");
        assert_eq!(missing_spec("Pod", &null).map(|(_, p)| p.line), Some(3));
        let deployment = root("kind: Deployment\nspec:\n  template:\n    metadata: {}\n");
        let (path, pos) = missing_spec("Deployment", &deployment).unwrap();
        assert_eq!(
            (path.as_str(), pos.line),
            ("spec.template.spec.containers", 3)
        );
        assert!(missing_spec("Deployment", &root("kind: Deployment\nspec: {}\n")).is_none());
        let null_spec = root("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n");
        let (path, pos) = missing_spec("Deployment", &null_spec).unwrap();
        assert_eq!(
            (path.as_str(), pos.line),
            ("spec.template.spec.containers", 4),
            "a null spec: the full path, at its key"
        );
        assert!(missing_spec("Pod", &root("spec: {containers: []}\n")).is_none());
    }

    #[test]
    fn containers_come_init_first() {
        let node = root(
            "spec:\n  containers: [{name: b}]\n  initContainers: [{name: a}]\n  ephemeralContainers: [{name: c}]\n",
        );
        let view = PodView::of("Pod", &node).unwrap();
        let names: Vec<&str> = view.containers().iter().map(ContainerView::name).collect();
        assert_eq!(view.running_containers().count(), 2);
        assert_eq!(names, ["a", "b", "c"]);
    }
}
