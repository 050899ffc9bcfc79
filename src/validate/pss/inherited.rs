//! A securityContext field that containers inherit from the Pod
//! (`seccompProfile`, `runAsNonRoot`): the library reports who sets a bad
//! value, and, where the field is required, the containers that leave it
//! unset while the Pod sets no good value. Both checks tally alike.

use std::collections::BTreeSet;

use super::baseline::First;
use super::containers_phrase;
use crate::validate::finding::Pos;
use crate::validate::path::FieldPath;
use crate::validate::pod::PodView;
use crate::validate::yaml::Node;

/// A value the check does not allow, where it stands and how it is shown.
pub(super) struct Bad {
    pub path: FieldPath,
    pub pos: Pos,
    pub shown: String,
}

/// How the Pod and its containers set the field.
pub(super) struct Inherited {
    /// "pod" and/or `containers "a", "b"`: who sets a bad value.
    pub setters: Vec<String>,
    /// The first bad value.
    pub first: First,
    /// The bad values as shown, sorted.
    pub shown: BTreeSet<String>,
    /// Containers that leave the field unset while the Pod sets no good value.
    pub implicit: Vec<String>,
    /// The first of them.
    pub missing: First,
}

impl Inherited {
    /// Tallies `field` over the Pod and every container; `judge` returns the
    /// bad value of a set field, `None` when the value is allowed.
    pub fn of(
        pod: &PodView<'_>,
        field: &str,
        judge: impl Fn(&Node, &FieldPath) -> Option<Bad>,
    ) -> Inherited {
        let mut tally = Inherited {
            setters: Vec::new(),
            first: First::default(),
            shown: BTreeSet::new(),
            implicit: Vec::new(),
            missing: First::default(),
        };
        let mut pod_set = false;
        if let Some((node, path)) = pod.security_field(field) {
            match judge(node, &path) {
                Some(bad) => {
                    tally.setters.push("pod".to_string());
                    tally.note(bad);
                }
                None => pod_set = true,
            }
        }
        let mut explicit = Vec::new();
        for container in pod.containers() {
            match container.security_field(field) {
                Some((node, path)) => {
                    if let Some(bad) = judge(node, &path) {
                        explicit.push(container.name().to_string());
                        tally.note(bad);
                    }
                }
                None if !pod_set => {
                    tally.implicit.push(container.name().to_string());
                    tally
                        .missing
                        .note(container.path.clone(), container.node.pos);
                }
                None => {}
            }
        }
        if !explicit.is_empty() {
            tally.setters.push(containers_phrase(&explicit));
        }
        tally
    }

    fn note(&mut self, bad: Bad) {
        self.shown.insert(bad.shown);
        self.first.note(bad.path, bad.pos);
    }
}
