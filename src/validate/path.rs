//! Kubernetes-style field paths: `spec.containers[1].name`, `metadata.labels[app]`.

use std::fmt;

/// A field path, built as the validator walks down a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath(String);

impl FieldPath {
    /// The path of a field below this one.
    pub fn field(&self, name: &str) -> FieldPath {
        if self.0.is_empty() {
            FieldPath(name.to_string())
        } else {
            FieldPath(format!("{}.{name}", self.0))
        }
    }

    /// The path of a list item.
    pub fn index(&self, index: usize) -> FieldPath {
        FieldPath(format!("{}[{index}]", self.0))
    }

    /// The path of a map entry, written with its key in brackets.
    pub fn key(&self, key: &str) -> FieldPath {
        FieldPath(format!("{}[{key}]", self.0))
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_kubernetes_paths() {
        let root = FieldPath::default();
        assert_eq!(
            root.field("spec")
                .field("containers")
                .index(1)
                .field("name")
                .as_str(),
            "spec.containers[1].name"
        );
        assert_eq!(
            root.field("metadata").field("labels").key("app").as_str(),
            "metadata.labels[app]"
        );
    }
}
