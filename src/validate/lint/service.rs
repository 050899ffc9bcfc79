//! `lint/service-selector`: a Service whose selector matches no Pod has no
//! endpoints, and nothing says so until a request times out. Only Pods and
//! Pod templates of the same input can be compared, so the lint stays quiet
//! when the input has none.

use super::{Emit, Lint, Object, Scope};
use crate::validate::finding::Text;
use crate::validate::go::fmt::{go_quote, label_text};
use crate::validate::pod::PodView;
use crate::validate::rule::{Rule, Words};
use crate::validate::yaml::Node;

pub(super) static SERVICE_SELECTOR: Lint = Lint {
    rule: Rule {
        id: "lint/service-selector",
        summary: Words::new(
            "A Service whose selector matches no Pod or Pod template of the same input",
            "同じ入力のどのPodやPodテンプレートにも一致しないセレクターを持つService",
        ),
        help: Words::new(
            "a Service sends traffic to the Pods whose labels contain every selector pair: copy the labels of the Pod template (`spec.template.metadata.labels`) into `spec.selector`, or fix the typo",
            "Serviceは、セレクターのすべての組をラベルに持つPodへトラフィックを送ります。Podテンプレートのラベル(`spec.template.metadata.labels`)を`spec.selector`に写すか、綴りの誤りを直してください",
        ),
        docs: "https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service",
        ..Rule::LINT
    },
    profile: None,
    scope: Scope::Object(check),
};

/// `metadata.<key>` as text.
fn metadata<'a>(root: &'a Node, key: &str) -> Option<&'a Node> {
    root.get("metadata")?.get(key)
}

/// Whether two objects can share a namespace (an unset one is whatever
/// `kubectl apply -n` says, so it matches any).
pub(super) fn same_namespace(a: &Node, b: &Node) -> bool {
    let namespace = |root| metadata(root, "namespace").and_then(Node::as_str);
    match (namespace(a), namespace(b)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Whether every selector pair is among the labels.
fn selects(selector: &Node, labels: Option<&Node>) -> bool {
    selector.entries().iter().all(|entry| {
        let wanted = label_text(&entry.value);
        let have = labels
            .and_then(|labels| labels.get(&entry.key))
            .and_then(label_text);
        wanted.is_some() && wanted == have
    })
}

/// Warns when a Service's selector matches none of the input's Pods.
fn check(object: &Object<'_>, objects: &[Object<'_>], emit: &mut Emit<'_>) {
    if object.kind != "Service" {
        return;
    }
    let service = object.root;
    let Some(entry) = service.get("spec").and_then(|spec| spec.entry("selector")) else {
        return;
    };
    let selector = &entry.value;
    if selector.entries().is_empty() {
        return;
    }
    let templates: Vec<(&Node, Option<&Node>)> = objects
        .iter()
        .filter_map(|object| {
            let pod = PodView::of(object.kind, object.root)?;
            let labels = pod.metadata("labels").map(|(labels, _)| labels);
            Some((object.root, labels))
        })
        .collect();
    if templates.is_empty() {
        return;
    }
    let matched = templates
        .iter()
        .any(|&(root, labels)| same_namespace(service, root) && selects(selector, labels));
    if matched {
        return;
    }
    let pairs = selector
        .entries()
        .iter()
        .map(|entry| {
            format!(
                "{}={}",
                entry.key,
                label_text(&entry.value).unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    let name = go_quote(
        metadata(service, "name")
            .and_then(Node::as_str)
            .unwrap_or_default(),
    );
    emit.report_with_rule_help(
        &crate::validate::path::FieldPath::default().field("spec").field("selector"),
        entry.key_pos,
        Text::new(
            format!("Service {name} selects {pairs}, but no Pod or Pod template in this input has those labels"),
            format!("Service {name}のセレクター{pairs}に一致するラベルを持つPodやPodテンプレートが、この入力にありません"),
        ),
    );
}
