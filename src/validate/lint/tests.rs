//! One test per lint and per Fargate error: the rule, where it points, and
//! the English wording.

use super::Profile;
use crate::validate::{Options, Severity, check, check_with};

/// A container that follows every habit the lints ask for.
const GOOD: &str = "  - name: app\n    image: nginx:1.27\n    resources:\n      requests: {cpu: 100m, memory: 64Mi}\n      limits: {cpu: 100m, memory: 64Mi}\n    readinessProbe:\n      httpGet: {path: /, port: 80}\n    securityContext:\n      readOnlyRootFilesystem: true\n";

fn pod(spec: &str) -> String {
    format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n{spec}")
}

/// (rule, path, English message) of the `lint/…` findings of `text`.
fn lints(text: &str) -> Vec<(String, String, String)> {
    let report = check(text);
    report
        .findings
        .into_iter()
        .filter(|f| f.rule.id.starts_with("lint/"))
        .inspect(|f| assert_eq!(f.severity, Severity::Warning))
        .map(|f| (f.rule.id.to_string(), f.path, f.message.en))
        .collect()
}

/// The findings of one lint.
fn only(text: &str, rule: &str) -> Vec<(String, String)> {
    lints(text)
        .into_iter()
        .filter(|(r, _, _)| r == rule)
        .map(|(_, path, message)| (path, message))
        .collect()
}

fn pair(path: &str, message: &str) -> (String, String) {
    (path.to_string(), message.to_string())
}

#[test]
fn a_good_pod_has_no_lints() {
    assert_eq!(lints(&pod(&format!("  containers:\n{GOOD}"))), []);
}

#[test]
fn image_tag() {
    let spec = "  containers:\n  - name: a\n    image: nginx\n  - name: b\n    image: registry:5000/team/app:latest\n  - name: c\n    image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n  - name: d\n    image: registry:5000/app:2.1\n";
    assert_eq!(
        only(&pod(spec), "lint/image-tag"),
        [
            pair(
                "spec.containers[0].image",
                "container \"a\": image \"nginx\" has no tag, so it means \"nginx:latest\""
            ),
            pair(
                "spec.containers[1].image",
                "container \"b\": image \"registry:5000/team/app:latest\" uses the latest tag"
            ),
        ]
    );
}

#[test]
fn resources_name_the_qos_class() {
    let spec = format!("  containers:\n{GOOD}  - name: side\n    image: busybox:1.36\n");
    let found = only(&pod(&spec), "lint/resources");
    assert_eq!(
        found,
        [pair(
            "spec.containers[1]",
            "container \"side\" sets no resource requests or limits (the Pod's QoS class is Burstable)"
        )]
    );
    let bare = "  containers:\n  - name: app\n    image: nginx:1.27\n";
    assert_eq!(
        only(&pod(bare), "lint/resources")[0].1,
        "container \"app\" sets no resource requests or limits (the Pod's QoS class is BestEffort)"
    );
}

#[test]
fn pod_level_resources_cover_every_container() {
    let spec = "  resources:\n    requests: {cpu: 500m, memory: 256Mi}\n  containers:\n  - name: app\n    image: nginx:1.27\n";
    assert_eq!(only(&pod(spec), "lint/resources"), []);
}

#[test]
fn probes_only_for_long_running_regular_containers() {
    let spec = "  initContainers:\n  - name: sidecar\n    image: fluent-bit:3.0\n    restartPolicy: Always\n  containers:\n  - name: app\n    image: nginx:1.27\n  - name: ok\n    image: nginx:1.27\n    livenessProbe:\n      tcpSocket: {port: 80}\n";
    assert_eq!(
        only(&pod(spec), "lint/probes"),
        [pair(
            "spec.containers[0]",
            "container \"app\" has no readinessProbe and no livenessProbe"
        )]
    );
    let finished = "  restartPolicy: Never\n  containers:\n  - name: app\n    image: nginx:1.27\n";
    assert_eq!(only(&pod(finished), "lint/probes"), []);
    let job = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: app\n        image: busybox:1.36\n";
    assert_eq!(only(job, "lint/probes"), []);
    assert_eq!(only(job, "lint/image-tag"), []);
    assert_eq!(only(job, "lint/resources").len(), 1);
}

#[test]
fn read_only_root() {
    let spec = "  containers:\n  - name: a\n    image: nginx:1.27\n  - name: b\n    image: nginx:1.27\n    securityContext:\n      readOnlyRootFilesystem: false\n";
    let text = pod(spec);
    let report = check(&text);
    let found: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule.id == "lint/read-only-root")
        .map(|f| (f.path.as_str(), f.pos.line, f.message.en.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "spec.containers[0]",
                7,
                "container \"a\" does not set securityContext.readOnlyRootFilesystem: true"
            ),
            (
                "spec.containers[1].securityContext.readOnlyRootFilesystem",
                12,
                "container \"b\" does not set securityContext.readOnlyRootFilesystem: true"
            ),
        ]
    );
}

#[test]
fn duplicate_env() {
    let spec = "  containers:\n  - name: app\n    image: nginx:1.27\n    env:\n    - name: MODE\n      value: a\n    - name: OTHER\n      value: b\n    - name: MODE\n      value: c\n";
    assert_eq!(
        only(&pod(spec), "lint/duplicate-env"),
        [pair(
            "spec.containers[0].env[2].name",
            "container \"app\" sets env \"MODE\" twice (first at env[0]); the later value wins"
        )]
    );
}

#[test]
fn secret_literal_env() {
    let spec = "  containers:\n  - name: app\n    image: nginx:1.27\n    env:\n    - name: DB_PASSWORD\n      value: hunter2\n    - name: api-key\n      value: abc\n    - name: GITHUB_TOKEN\n      value: \"\"\n    - name: AUTH_SECRET\n      valueFrom:\n        secretKeyRef: {name: s, key: k}\n    - name: LOG_LEVEL\n      value: debug\n";
    assert_eq!(
        only(&pod(spec), "lint/secret-literal-env"),
        [
            pair(
                "spec.containers[0].env[0].value",
                "container \"app\": env \"DB_PASSWORD\" has a literal value that looks like a secret"
            ),
            pair(
                "spec.containers[0].env[1].value",
                "container \"app\": env \"api-key\" has a literal value that looks like a secret"
            ),
        ]
    );
}

#[test]
fn switches_paths_and_references_are_not_secrets() {
    let spec = "  containers:\n  - name: db\n    image: mysql:8.4\n    env:\n    - name: MYSQL_ALLOW_EMPTY_PASSWORD\n      value: \"1\"\n    - name: MYSQL_RANDOM_ROOT_PASSWORD\n      value: \"yes\"\n    - name: POSTGRES_PASSWORD_FILE\n      value: /run/secrets/pg\n    - name: APP_TOKEN\n      value: $(TOKEN_FROM_SECRET)\n    - name: ROOT_PASSWORD\n      value: s3cr3t\n";
    let found = only(&pod(spec), "lint/secret-literal-env");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "spec.containers[0].env[4].value");
}

#[test]
fn service_selector() {
    let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web, tier: front}\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n";
    let service = |selector: &str| {
        format!(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {selector}\n  ports:\n  - port: 80\n"
        )
    };
    let both = |selector: &str| format!("{deployment}---\n{}", service(selector));
    assert_eq!(only(&both("{app: web}"), "lint/service-selector"), []);
    assert_eq!(
        only(&both("{app: wbe}"), "lint/service-selector"),
        [pair(
            "spec.selector",
            "Service \"web\" selects app=wbe, but no Pod or Pod template in this input has those labels"
        )]
    );
    // Without any Pod in the input there is nothing to compare with.
    assert_eq!(only(&service("{app: wbe}"), "lint/service-selector"), []);
}

#[test]
fn host_network_dns() {
    let spec = "  hostNetwork: true\n  containers:\n  - name: app\n    image: nginx:1.27\n";
    assert_eq!(
        only(&pod(spec), "lint/host-network-dns"),
        [pair(
            "spec.hostNetwork",
            "hostNetwork: true without dnsPolicy: ClusterFirstWithHostNet: the Pod falls back to the node's DNS resolver (like dnsPolicy: Default), so cluster Service names do not resolve"
        )]
    );
    let fixed = format!("  dnsPolicy: ClusterFirstWithHostNet\n{spec}");
    assert_eq!(only(&pod(&fixed), "lint/host-network-dns"), []);
}

#[test]
fn dns_default() {
    let spec = "  dnsPolicy: Default\n  containers:\n  - name: app\n    image: nginx:1.27\n";
    assert_eq!(
        only(&pod(spec), "lint/dns-default"),
        [pair(
            "spec.dnsPolicy",
            "dnsPolicy: Default uses the node's DNS resolver, not cluster DNS; the default policy is ClusterFirst"
        )]
    );
}

#[test]
fn every_lint_has_japanese() {
    let host = "  hostNetwork: true\n  containers:\n  - name: app\n    image: nginx\n    env:\n    - {name: TOKEN, value: x}\n    - {name: TOKEN, value: y}\n";
    let service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector: {app: x}\n  ports:\n  - port: 80\n";
    let text = format!(
        "{}---\n{}---\n{service}",
        pod(host),
        pod("  dnsPolicy: Default\n  containers:\n  - name: b\n    image: b:1\n")
    );
    let report = check(&text);
    let mut seen: Vec<&str> = Vec::new();
    for finding in report
        .findings
        .iter()
        .filter(|f| f.rule.id.starts_with("lint/"))
    {
        assert_ne!(finding.message.ja, finding.message.en);
        assert_ne!(finding.help.ja, finding.help.en);
        seen.push(finding.rule.id);
    }
    seen.sort_unstable();
    seen.dedup();
    let mut all: Vec<&str> = super::rules()
        .filter(|rule| rule.id.starts_with("lint/") && rule.enabled_by_default)
        .map(|rule| rule.id)
        .collect();
    all.sort_unstable();
    assert_eq!(seen, all);
}

#[test]
fn disabled_lints_are_not_reported() {
    let text = pod("  containers:\n  - name: app\n    image: nginx\n");
    let options = Options {
        disabled: vec![
            &super::image::IMAGE_TAG.rule,
            &super::resources::RESOURCES.rule,
        ],
        ..Options::default()
    };
    let rules: Vec<_> = check_with(&text, &options)
        .findings
        .into_iter()
        .map(|f| f.rule.id)
        .filter(|rule| rule.starts_with("lint/"))
        .collect();
    assert_eq!(rules, ["lint/probes", "lint/read-only-root"]);
}

#[test]
fn fargate_profile_adds_errors() {
    let daemon_set = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels: {app: agent}\n  template:\n    metadata:\n      labels: {app: agent}\n    spec:\n      hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n      containers:\n      - name: agent\n        image: agent:1.0\n        ports:\n        - containerPort: 9100\n          hostPort: 9100\n        securityContext:\n          privileged: true\n      volumes:\n      - name: logs\n        hostPath: {path: /var/log}\n";
    let options = Options {
        profile: Some(Profile::EksFargate),
        ..Options::default()
    };
    let errors: Vec<_> = check_with(daemon_set, &options)
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule.id, f.path, f.message.en))
        .collect();
    let expected = [
        (
            "fargate/daemonset",
            "kind",
            "Fargate does not run DaemonSets",
        ),
        (
            "fargate/host-network",
            "spec.template.spec.hostNetwork",
            "Fargate does not support hostNetwork",
        ),
        (
            "fargate/host-port",
            "spec.template.spec.containers[0].ports[0].hostPort",
            "Fargate does not support hostPort (container \"agent\")",
        ),
        (
            "fargate/privileged",
            "spec.template.spec.containers[0].securityContext.privileged",
            "Fargate does not run privileged containers (container \"agent\")",
        ),
        (
            "fargate/host-path",
            "spec.template.spec.volumes[0].hostPath",
            "Fargate does not support hostPath volumes (volume \"logs\")",
        ),
    ]
    .map(|(rule, path, message)| (rule, path.to_string(), message.to_string()));
    assert_eq!(errors, expected);
    let without = check(daemon_set);
    assert_eq!(without.count(Severity::Error), 0);
}
