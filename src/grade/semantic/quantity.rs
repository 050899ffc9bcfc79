//! `quantity`: a container's resource request or limit compared by value,
//! so `0.5` and `500m`, `268435456` and `256Mi` are the same answer; a
//! request left out counts as its limit, as the API server defaults it.

use serde::Deserialize;

use super::{Found, Miss, bad_param, no_container, no_object, pods, read};
use crate::grade::check::CheckError;
use crate::validate::{
    ContainerView, Node, Quantity, Rule, Text, Words, parse_quantity, quantity_of,
};

pub(in crate::grade) static QUANTITY: Rule = Rule {
    id: "grade/quantity",
    summary: Words::new(
        "A resource request or limit has the expected value (any notation)",
        "リソース要求や制限が期待どおりの値である(表記は問わない)",
    ),
    help: Words::new(
        "quantities compare by value: `500m` is half a CPU, `256Mi` is 268435456 bytes; `M` (10^6) and `Mi` (2^20) differ",
        "量は値で比べます。`500m`は0.5 CPU、`256Mi`は268435456バイトです。`M`(10^6)と`Mi`(2^20)は別の値です",
    ),
    docs: "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#resource-units-in-kubernetes",
    ..Rule::GRADING
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    container: Option<String>,
    /// `requests.cpu`, `limits.memory`, …
    resource: String,
    equals: Option<String>,
    min: Option<String>,
    max: Option<String>,
}

/// The check's parameters, with quantities parsed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityCheck {
    container: Option<String>,
    list: String,
    resource: String,
    equals: Option<Quantity>,
    min: Option<Quantity>,
    max: Option<Quantity>,
    /// The expected value in words, in English and Japanese.
    shown: (String, String),
}

impl QuantityCheck {
    pub(super) fn parse(params: &Node) -> Result<QuantityCheck, CheckError> {
        let raw: Raw = read(params)?;
        let Some((list, resource)) = raw
            .resource
            .split_once('.')
            .filter(|(list, r)| matches!(*list, "requests" | "limits") && !r.is_empty())
        else {
            return Err(bad_param(
                params,
                "resource",
                format!(
                    "`{}`: write `requests.<name>` or `limits.<name>`",
                    raw.resource
                ),
            ));
        };
        let quantity = |key: &str, text: &Option<String>| -> Result<Option<Quantity>, CheckError> {
            text.as_deref()
                .map(|t| {
                    parse_quantity(t)
                        .map_err(|_| bad_param(params, key, format!("`{t}` is not a quantity")))
                })
                .transpose()
        };
        let equals = quantity("equals", &raw.equals)?;
        let min = quantity("min", &raw.min)?;
        let max = quantity("max", &raw.max)?;
        if equals.is_none() && min.is_none() && max.is_none() {
            return Err(bad_param(
                params,
                "resource",
                "give `equals`, `min` or `max`".into(),
            ));
        }
        let shown = match (&raw.equals, &raw.min, &raw.max) {
            (Some(e), _, _) => (e.clone(), e.clone()),
            (None, Some(lo), Some(hi)) => (
                format!("between {lo} and {hi}"),
                format!("{lo}以上{hi}以下"),
            ),
            (None, Some(lo), None) => (format!("at least {lo}"), format!("{lo}以上")),
            (None, None, Some(hi)) => (format!("at most {hi}"), format!("{hi}以下")),
            (None, None, None) => (String::new(), String::new()),
        };
        Ok(QuantityCheck {
            container: raw.container,
            list: list.to_string(),
            resource: resource.to_string(),
            equals,
            min,
            max,
            shown,
        })
    }

    fn field(&self) -> String {
        format!("{}.{}", self.list, self.resource)
    }

    pub(super) fn message(&self) -> Text {
        let (field, (shown, shown_ja)) = (self.field(), &self.shown);
        match &self.container {
            Some(c) => Text::new(
                format!("Container `{c}`'s {field} is {shown}"),
                format!("コンテナ`{c}`の{field}が{shown_ja}である"),
            ),
            None => Text::new(
                format!("Every container's {field} is {shown}"),
                format!("すべてのコンテナの{field}が{shown_ja}である"),
            ),
        }
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        vec![
            Text::new(
                "passes: the value in any notation (0.5 = 500m, 268435456 = 256Mi = 0.25Gi); a request left out counts as the limit",
                "合格: 表記にかかわらず同じ値(0.5 = 500m、268435456 = 256Mi = 0.25Gi)。リソース要求を省略した場合は制限の値とみなします",
            ),
            Text::new(
                "fails: another value, a decimal unit where a binary one is meant (256M is not 256Mi), the field missing",
                "不合格: 別の値、2進の単位のつもりで10進の単位を使ったもの(256Mは256Miではありません)、フィールドがない",
            ),
        ]
    }

    /// The value the API server ends up with: a missing request is the limit.
    fn value<'a>(&self, container: &ContainerView<'a>) -> Option<&'a Node> {
        let resources = container.get("resources")?;
        let own = resources
            .present(&self.list)
            .and_then(|list| list.present(&self.resource));
        match (own, self.list.as_str()) {
            (Some(node), _) => Some(node),
            (None, "requests") => resources.present("limits")?.present(&self.resource),
            (None, _) => None,
        }
    }

    fn judge(&self, container: &ContainerView<'_>) -> Result<(), Miss> {
        let (name, field) = (container.name(), self.field());
        let Some(node) = self.value(container) else {
            return Err(Miss::new(
                container
                    .get("resources")
                    .map_or(container.pos(), |r| r.pos),
                format!("container `{name}` sets no {field}"),
                format!("コンテナ`{name}`に{field}がありません"),
            ));
        };
        let Some(Ok(value)) = quantity_of(node) else {
            return Err(Miss::new(
                node.pos,
                format!("`{}` is not a quantity", node.raw),
                format!("`{}`は量として解釈できません", node.raw),
            ));
        };
        let fits = self.equals.as_ref().is_none_or(|e| value == *e)
            && self.min.as_ref().is_none_or(|lo| value >= *lo)
            && self.max.as_ref().is_none_or(|hi| value <= *hi);
        if fits {
            Ok(())
        } else {
            let (shown, shown_ja) = &self.shown;
            Err(Miss::new(
                node.pos,
                format!("container `{name}`'s {field} is {value}, not {shown}"),
                format!("コンテナ`{name}`の{field}は{value}で、{shown_ja}ではありません"),
            ))
        }
    }

    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        let pods = pods(objects);
        let Some((first, _)) = pods.first() else {
            return Err(no_object(objects, "Pod or workload", "Podやワークロード"));
        };
        for (_, pod) in &pods {
            let targets: Vec<&ContainerView<'_>> = pod
                .running_containers()
                .filter(|c| self.container.as_deref().is_none_or(|n| c.name() == n))
                .collect();
            if targets.is_empty() {
                return Err(no_container(
                    pod,
                    self.container.as_deref().unwrap_or_default(),
                ));
            }
            for container in targets {
                self.judge(container)?;
            }
        }
        Ok(first.pos)
    }
}
