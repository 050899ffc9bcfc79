//! Container resource requests and limits, as `ValidateContainerResourceRequirements`
//! checks them: resource names, quantities, requests against limits, and the
//! rules for extended resources and hugepages, which cannot be overcommitted.

use super::Ctx;
use super::names::{self, problem_text};
use crate::validate::finding::{Pos, Text};
use crate::validate::go::fmt::go_quote;
use crate::validate::go::quantity::{self, Quantity};
use crate::validate::path::FieldPath;
use crate::validate::yaml::{Entry, Node};

/// The container lists of a Pod spec.
const CONTAINER_LISTS: [&str; 3] = ["initContainers", "containers", "ephemeralContainers"];
/// Resources a container may name without a domain (besides `hugepages-<size>`).
const CONTAINER_RESOURCES: [&str; 3] = ["cpu", "memory", "ephemeral-storage"];
/// Every resource name the API knows without a domain (quota names included).
const STANDARD_RESOURCES: [&str; 20] = [
    "cpu",
    "memory",
    "ephemeral-storage",
    "requests.cpu",
    "requests.memory",
    "requests.ephemeral-storage",
    "limits.cpu",
    "limits.memory",
    "limits.ephemeral-storage",
    "pods",
    "resourcequotas",
    "services",
    "replicationcontrollers",
    "secrets",
    "configmaps",
    "persistentvolumeclaims",
    "storage",
    "requests.storage",
    "services.nodeports",
    "services.loadbalancers",
];
const HUGEPAGES: &str = "hugepages-";

/// One parsed entry of `requests` or `limits`.
struct Amount<'a> {
    name: &'a str,
    node: &'a Node,
    quantity: Quantity,
}

/// Checks the resources of every container of a Pod spec.
pub(super) fn check_pod_spec(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for list in CONTAINER_LISTS {
        let Some(containers) = spec.get(list) else {
            continue;
        };
        for (index, container) in containers.items().iter().enumerate() {
            if let Some(entry) = container.entry("resources") {
                let path = path.field(list).index(index).field("resources");
                check_requirements(entry, &path, ctx);
            }
        }
    }
}

/// Checks one container's `resources`: each list, then requests against limits.
fn check_requirements(resources: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let limits_entry = resources.value.entry("limits");
    let requests_entry = resources.value.entry("requests");
    let limits = amounts(limits_entry, &path.field("limits"), ctx);
    let requests = amounts(requests_entry, &path.field("requests"), ctx);
    let limit_pos = limits_entry.map_or(resources.key_pos, |entry| entry.key_pos);
    for request in &requests {
        let limit_written =
            limits_entry.is_some_and(|entry| entry.value.get(request.name).is_some());
        match limits.iter().find(|limit| limit.name == request.name) {
            Some(limit) => compare(request, limit, &path.field("requests"), ctx),
            None if !limit_written && !overcommit_allowed(request.name) => {
                limit_required(request.name, &path.field("limits"), limit_pos, ctx);
            }
            None => {}
        }
    }
    let names = || limits.iter().chain(&requests).map(|amount| amount.name);
    if names().any(is_hugepages) && !names().any(|name| name == "cpu" || name == "memory") {
        ctx.forbidden(
            path,
            resources.key_pos,
            Text::new("HugePages require cpu or memory", "HugePagesを使うにはcpuまたはmemoryの指定が必要です"),
            Text::new(
                "a container that uses hugepages must also request or limit cpu or memory",
                "hugepagesを使うコンテナは、cpuまたはmemoryのrequestsかlimitsも指定する必要があります",
            ),
        );
    }
}

/// Validates the names and quantities of `requests` or `limits`, returning
/// the entries whose quantity could be read.
fn amounts<'a>(list: Option<&'a Entry>, path: &FieldPath, ctx: &mut Ctx<'_>) -> Vec<Amount<'a>> {
    let mut parsed = Vec::new();
    for entry in list.map_or(&[][..], |list| list.value.entries()) {
        let entry_path = path.key(&entry.key);
        check_name(entry, &entry_path, ctx);
        match quantity::quantity_of(&entry.value) {
            Some(Ok(quantity)) => {
                check_value(&entry.key, &entry.value, &quantity, &entry_path, ctx);
                parsed.push(Amount {
                    name: &entry.key,
                    node: &entry.value,
                    quantity,
                });
            }
            Some(Err(error)) => ctx.invalid(
                &entry_path,
                &entry.value,
                quantity::error_text(&error),
                quantity::error_help(&entry.value.raw),
            ),
            None => {}
        }
    }
    parsed
}

/// Reports what is wrong with a resource name (`validateContainerResourceName`).
fn check_name(entry: &Entry, path: &FieldPath, ctx: &mut Ctx<'_>) {
    for problem in name_problems(&entry.key) {
        ctx.invalid_shown(
            path,
            entry.key_pos,
            &entry.key,
            problem_text(&problem),
            name_help(&entry.key),
        );
    }
}

/// The server's problems with a container resource name, in its order.
fn name_problems(name: &str) -> Vec<String> {
    let mut problems = names::qualified_name(name);
    let unprefixed = !name.contains('/');
    if problems.is_empty() && unprefixed && !is_standard_resource(name) {
        problems.push("must be a standard resource type or fully qualified".to_string());
    }
    if unprefixed && !is_container_resource(name) {
        problems.push("must be a standard resource for containers".to_string());
    } else if !unprefixed && !is_native(name) && !is_extended(name) {
        problems.push("doesn't follow extended resource name standard".to_string());
    }
    problems
}

/// Known without a domain: core resources, quota names and hugepages.
fn is_standard_resource(name: &str) -> bool {
    STANDARD_RESOURCES.contains(&name)
        || is_hugepages(name)
        || name.starts_with("requests.hugepages-")
}

/// What a container may request without a domain.
fn is_container_resource(name: &str) -> bool {
    CONTAINER_RESOURCES.contains(&name) || is_hugepages(name)
}

/// `hugepages-<page size>`.
fn is_hugepages(name: &str) -> bool {
    name.starts_with(HUGEPAGES)
}

/// Kubernetes' own resources: unprefixed or under `kubernetes.io/`.
fn is_native(name: &str) -> bool {
    !name.contains('/') || name.contains("kubernetes.io/")
}

/// Extended resources (`example.com/gpu`): a foreign domain, and still a
/// qualified name when quota prefixes it with `requests.`.
fn is_extended(name: &str) -> bool {
    !is_native(name)
        && !name.starts_with("requests.")
        && names::qualified_name(&format!("requests.{name}")).is_empty()
}

/// Only native, non-hugepage resources may have requests below limits.
fn overcommit_allowed(name: &str) -> bool {
    is_native(name) && !is_hugepages(name)
}

/// Extended resources are counted in whole devices.
fn is_integer_resource(name: &str) -> bool {
    is_extended(name)
}

/// Checks one quantity on its own: not negative, whole for extended
/// resources, a whole number of pages for hugepages.
fn check_value(name: &str, node: &Node, quantity: &Quantity, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if quantity.is_negative() {
        let detail = Text::new(
            "must be greater than or equal to 0",
            "0以上でなければなりません",
        );
        let help = Text::new(
            "resource amounts cannot be negative; remove the '-'",
            "リソース量に負の値は指定できません。'-'を取り除いてください",
        );
        ctx.invalid_shown(
            path,
            node.pos,
            &go_quote(&quantity.to_string()),
            detail,
            help,
        );
    }
    if is_integer_resource(name) && quantity.milli_value() % 1000 != 0 {
        let detail = Text::new("must be an integer", "整数でなければなりません");
        let help = Text::new(
            format!(
                "{name} is an extended resource, counted in whole devices: use a whole number such as 1"
            ),
            format!(
                "{name}は拡張リソースで、デバイス単位で数えます。1のような整数を指定してください"
            ),
        );
        ctx.invalid_shown(path, node.pos, &quantity.to_string(), detail, help);
    }
    if is_hugepages(name) && !whole_pages(name, quantity) {
        let shown = quantity.to_string();
        let detail = Text::new(
            format!("{shown} is not positive integer multiple of {name}"),
            format!("{shown}は{name}の正の整数倍ではありません"),
        );
        let size = name.trim_start_matches(HUGEPAGES);
        let help = Text::new(
            format!(
                "hugepages are allocated in whole pages: use a multiple of the page size {size}"
            ),
            format!(
                "hugepagesはページ単位で割り当てられます。ページサイズ{size}の倍数を指定してください"
            ),
        );
        ctx.invalid_shown(path, node.pos, &go_quote(&shown), detail, help);
    }
}

/// Whether a hugepages amount is a whole number of pages of the size in its name.
fn whole_pages(name: &str, quantity: &Quantity) -> bool {
    let Ok(page) = quantity::parse_quantity(name.trim_start_matches(HUGEPAGES)) else {
        return false;
    };
    if page.nanos() <= 0 || page.milli_value() % 1000 != 0 {
        return false;
    }
    quantity.value() % page.value() == 0
}

/// A request against the limit of the same resource: never above it, and
/// equal to it where overcommitting is not allowed.
fn compare(request: &Amount<'_>, limit: &Amount<'_>, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let (name, shown, limit_text) = (
        request.name,
        go_quote(&request.quantity.to_string()),
        limit.quantity.to_string(),
    );
    if request.quantity != limit.quantity && !overcommit_allowed(name) {
        let detail = Text::new(
            format!("must be equal to {name} limit of {limit_text}"),
            format!("{name}の制限値{limit_text}と等しくなければなりません"),
        );
        let help = Text::new(
            format!(
                "{name} cannot be overcommitted: set the request equal to the limit, or set only the limit (the request then defaults to it)"
            ),
            format!(
                "{name}はオーバーコミットできません。requestsをlimitsと同じ値にするか、limitsだけを指定してください(requestsは同じ値になります)"
            ),
        );
        ctx.invalid_shown(path, request.node.pos, &shown, detail, help);
    } else if request.quantity > limit.quantity {
        let detail = Text::new(
            format!("must be less than or equal to {name} limit of {limit_text}"),
            format!("{name}の制限値{limit_text}以下でなければなりません"),
        );
        let help = Text::new(
            "the request is what the scheduler reserves for the container, the limit the most it may use, so the request cannot exceed the limit: lower the request or raise the limit",
            "リソース要求(requests)はスケジューラーがコンテナのために確保する量、リソース制限(limits)は使用できる上限なので、要求が制限を超えることはできません。要求を下げるか制限を上げてください",
        );
        ctx.invalid_shown(path, request.node.pos, &shown, detail, help);
    }
}

/// A request for a resource that cannot be overcommitted needs a limit.
fn limit_required(name: &str, path: &FieldPath, pos: Pos, ctx: &mut Ctx<'_>) {
    ctx.required_because(
        path,
        pos,
        Text::new(
            "Limit must be set for non overcommitable resources",
            "オーバーコミットできないリソースには制限値(limits)を設定する必要があります",
        ),
        Text::new(
            format!(
                "add `{name}` under limits with the same amount as the request: extended resources and hugepages cannot be overcommitted"
            ),
            format!(
                "limitsにrequestsと同じ量の`{name}`を追加してください。拡張リソースとhugepagesはオーバーコミットできません"
            ),
        ),
    );
}

/// Advice for a bad resource name, with the likely intended one.
fn name_help(name: &str) -> Text {
    let lower = name.to_ascii_lowercase();
    if lower != name && is_container_resource(&lower) {
        return Text::new(
            format!("resource names are lowercase: write `{lower}`"),
            format!("リソース名は小文字です。`{lower}`と書いてください"),
        );
    }
    if name == "storage" {
        return Text::new(
            "storage is requested by a PersistentVolumeClaim, not by a container; for a container's scratch space use ephemeral-storage",
            "storageはPersistentVolumeClaimで要求するもので、コンテナでは指定できません。コンテナの一時領域にはephemeral-storageを使ってください",
        );
    }
    Text::new(
        "containers name cpu, memory, ephemeral-storage or hugepages-<size> directly; anything else (GPUs, devices) is an extended resource written with its vendor's domain, e.g. `nvidia.com/gpu`",
        "コンテナで直接書けるのはcpu、memory、ephemeral-storage、hugepages-<サイズ>だけです。それ以外(GPUやデバイス)は`nvidia.com/gpu`のようにベンダーのドメイン付きの拡張リソース名で書きます",
    )
}

#[cfg(test)]
mod tests {
    use crate::validate::{Finding, Severity, check};

    /// A Pod whose only container has these resources.
    fn pod(resources: &str) -> String {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n{resources}"
        )
    }

    /// Errors under the container's resources.
    fn errors(resources: &str) -> Vec<Finding> {
        check(&pod(resources))
            .findings
            .into_iter()
            .filter(|f| {
                f.severity == Severity::Error && f.path.starts_with("spec.containers[0].resources")
            })
            .collect()
    }

    fn messages(resources: &str) -> Vec<String> {
        errors(resources)
            .into_iter()
            .map(|f| f.message.en)
            .collect()
    }

    #[test]
    fn usual_quantities_pass() {
        let ok = "        requests: {cpu: 0.5, memory: 1e9, ephemeral-storage: 64M}\n        limits: {cpu: \"1\", memory: 2Gi, nvidia.com/gpu: 1}\n";
        assert_eq!(messages(ok), Vec::<String>::new());
        assert_eq!(
            messages("        requests: {cpu: 500m, memory: 1.5Gi}\n"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn request_above_limit() {
        let found = errors(
            "        requests:\n          cpu: \"2\"\n        limits:\n          cpu: \"1\"\n",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message.en,
            "spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1"
        );
        assert_eq!(found[0].path, "spec.containers[0].resources.requests");
        assert_eq!(found[0].pos.line, 11);
        let canonical =
            messages("        requests: {memory: 1.5Gi}\n        limits: {memory: 0.5Gi}\n");
        assert_eq!(
            canonical,
            [
                "spec.containers[0].resources.requests: Invalid value: \"1536Mi\": must be less than or equal to memory limit of 512Mi"
            ]
        );
    }

    #[test]
    fn bad_quantities() {
        assert_eq!(
            messages("        limits: {memory: 10MB}\n"),
            [
                "spec.containers[0].resources.limits[memory]: Invalid value: \"10MB\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
            ]
        );
        assert_eq!(
            messages("        limits: {cpu: -1}\n"),
            [
                "spec.containers[0].resources.limits[cpu]: Invalid value: \"-1\": must be greater than or equal to 0"
            ]
        );
        let found = errors("        limits: {memory: 512K}\n");
        assert!(
            found[0]
                .message
                .en
                .ends_with("unable to parse quantity's suffix")
        );
        assert!(found[0].help.en.contains("512k"), "{}", found[0].help.en);
    }

    #[test]
    fn resource_names() {
        assert_eq!(
            messages("        limits: {gpu: 1}\n"),
            [
                "spec.containers[0].resources.limits[gpu]: Invalid value: gpu: must be a standard resource type or fully qualified",
                "spec.containers[0].resources.limits[gpu]: Invalid value: gpu: must be a standard resource for containers",
            ]
        );
        assert_eq!(
            messages("        requests: {storage: 1Gi}\n"),
            [
                "spec.containers[0].resources.requests[storage]: Invalid value: storage: must be a standard resource for containers"
            ]
        );
        let found = errors("        limits: {Memory: 1Gi}\n");
        assert!(found[0].help.en.contains("`memory`"));
        assert_eq!(
            messages("        limits: {example_com/gpu: 1}\n")
                .last()
                .unwrap(),
            "spec.containers[0].resources.limits[example_com/gpu]: Invalid value: example_com/gpu: doesn't follow extended resource name standard"
        );
    }

    #[test]
    fn extended_resources_are_whole_and_not_overcommitted() {
        assert_eq!(
            messages("        limits: {example.com/gpu: 500m}\n"),
            [
                "spec.containers[0].resources.limits[example.com/gpu]: Invalid value: 500m: must be an integer"
            ]
        );
        assert_eq!(
            messages(
                "        requests: {example.com/gpu: 1}\n        limits: {example.com/gpu: 2}\n"
            ),
            [
                "spec.containers[0].resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit of 2"
            ]
        );
        assert_eq!(
            messages("        requests: {example.com/gpu: 1}\n"),
            [
                "spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources"
            ]
        );
    }

    #[test]
    fn hugepages() {
        assert_eq!(
            messages(
                "        limits: {hugepages-2Mi: 2Mi}\n        requests: {hugepages-2Mi: 2Mi}\n"
            ),
            ["spec.containers[0].resources: Forbidden: HugePages require cpu or memory"]
        );
        assert_eq!(
            messages(
                "        limits: {hugepages-2Mi: 3Mi, memory: 1Gi}\n        requests: {hugepages-2Mi: 3Mi}\n"
            ),
            [
                "spec.containers[0].resources.limits[hugepages-2Mi]: Invalid value: \"3Mi\": 3Mi is not positive integer multiple of hugepages-2Mi",
                "spec.containers[0].resources.requests[hugepages-2Mi]: Invalid value: \"3Mi\": 3Mi is not positive integer multiple of hugepages-2Mi",
            ]
        );
    }

    #[test]
    fn init_containers_too() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: init\n      image: busybox:1.36\n      resources: {limits: {cpu: 1x}}\n  containers:\n    - name: app\n      image: nginx:1.27\n";
        let report = check(yaml);
        assert!(
            report
                .findings
                .iter()
                .any(|f| f.path == "spec.initContainers[0].resources.limits[cpu]")
        );
    }
}
