//! A read-only view of a Pod for the checks: containers in the library's
//! visiting order, and fields read as Go reads them (null is unset).

use crate::validate::path::FieldPath;
use crate::validate::yaml::{Node, Value};

/// A field that is present and not null.
pub(super) fn field<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    node.get(key).filter(|value| value.value != Value::Null)
}

/// A boolean field, if set.
pub(super) fn flag(node: &Node, key: &str) -> Option<bool> {
    match field(node, key)?.value {
        Value::Bool(value) => Some(value),
        _ => None,
    }
}

/// An integer field, if set.
pub(super) fn int(node: &Node, key: &str) -> Option<i64> {
    match field(node, key)?.value {
        Value::Int(value) => Some(value),
        _ => None,
    }
}

/// A string field, if set.
pub(super) fn text<'a>(node: &'a Node, key: &str) -> Option<&'a str> {
    field(node, key)?.as_str()
}

/// One container of any of the three lists.
pub(super) struct Container<'a> {
    pub node: &'a Node,
    pub path: FieldPath,
    pub name: String,
}

impl<'a> Container<'a> {
    /// `securityContext`, if set.
    pub fn security(&self) -> Option<&'a Node> {
        field(self.node, "securityContext")
    }

    /// A field of the security context with its path.
    pub fn security_field(&self, key: &str) -> Option<(&'a Node, FieldPath)> {
        let value = field(self.security()?, key)?;
        Some((value, self.path.field("securityContext").field(key)))
    }
}

/// The Pod as the checks see it.
pub(super) struct Pod<'a> {
    pub annotations: Option<&'a Node>,
    pub annotations_path: FieldPath,
    pub spec: &'a Node,
    pub spec_path: FieldPath,
    pub containers: Vec<Container<'a>>,
}

impl<'a> Pod<'a> {
    /// The Pod of a template (`metadata` and `spec`), if it has a spec mapping.
    pub fn new(template: &'a Node, path: &FieldPath) -> Option<Pod<'a>> {
        let spec = field(template, "spec").filter(|spec| matches!(spec.value, Value::Map(_)))?;
        let spec_path = path.field("spec");
        let mut containers = Vec::new();
        for list in ["initContainers", "containers", "ephemeralContainers"] {
            let Some(items) = field(spec, list) else {
                continue;
            };
            for (index, node) in items.items().iter().enumerate() {
                containers.push(Container {
                    node,
                    path: spec_path.field(list).index(index),
                    name: text(node, "name").unwrap_or_default().to_string(),
                });
            }
        }
        Some(Pod {
            annotations: field(template, "metadata").and_then(|meta| field(meta, "annotations")),
            annotations_path: path.field("metadata").field("annotations"),
            spec,
            spec_path,
            containers,
        })
    }

    /// The Pod-level `securityContext`, if set.
    pub fn security(&self) -> Option<&'a Node> {
        field(self.spec, "securityContext")
    }

    /// A field of the Pod-level security context with its path.
    pub fn security_field(&self, key: &str) -> Option<(&'a Node, FieldPath)> {
        let value = field(self.security()?, key)?;
        Some((value, self.spec_path.field("securityContext").field(key)))
    }

    /// `spec.os.name: windows`: the library exempts such Pods from some
    /// restricted checks from policy v1.25 on.
    pub fn is_windows(&self) -> bool {
        field(self.spec, "os").and_then(|os| text(os, "name")) == Some("windows")
    }

    /// `spec.hostUsers: false`: a user-namespaced Pod, which v1.35 relaxes
    /// some checks for.
    pub fn in_user_namespace(&self) -> bool {
        flag(self.spec, "hostUsers") == Some(false)
    }
}
