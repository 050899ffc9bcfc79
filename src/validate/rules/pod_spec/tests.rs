use crate::validate::{Finding, Severity, check};

/// Indents every line of `text` by `spaces`.
fn indent(text: &str, spaces: usize) -> String {
    let pad = " ".repeat(spaces);
    text.lines().map(|line| format!("{pad}{line}\n")).collect()
}

/// A Pod manifest around `spec` (written without indentation).
fn pod(spec: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\nspec:\n{}",
        indent(spec, 2)
    )
}

/// A workload manifest whose Pod template has `spec`.
fn workload(api_version: &str, kind: &str, spec: &str) -> String {
    format!(
        "apiVersion: {api_version}\nkind: {kind}\nmetadata:\n  name: t\nspec:\n  selector:\n    matchLabels:\n      app: t\n  template:\n    metadata:\n      labels:\n        app: t\n    spec:\n{}",
        indent(spec, 6)
    )
}

/// Findings of `yaml` with `severity` at `path`.
fn at(yaml: &str, severity: Severity, path: &str) -> Vec<Finding> {
    check(yaml)
        .findings
        .into_iter()
        .filter(|f| f.severity == severity && f.path == path)
        .collect()
}

/// English messages of the errors at `path`.
fn errors(yaml: &str, path: &str) -> Vec<String> {
    at(yaml, Severity::Error, path)
        .into_iter()
        .map(|f| f.message.en)
        .collect()
}

/// Rule ids of every error of `yaml`.
fn rules(yaml: &str) -> Vec<&'static str> {
    check(yaml)
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule.id)
        .collect()
}

const APP: &str = "containers:\n- name: app\n  image: nginx:1.27\n";

#[test]
fn a_clean_pod_has_no_error() {
    assert_eq!(rules(&pod(APP)), Vec::<&str>::new());
}

#[test]
fn at_least_one_container() {
    let yaml = pod("containers: []\n");
    assert_eq!(
        errors(&yaml, "spec.containers"),
        ["spec.containers: Required value"]
    );
    let finding = &at(&yaml, Severity::Error, "spec.containers")[0];
    assert_eq!((finding.rule.id, finding.pos.line), ("api/required", 6));
}

#[test]
fn container_names_are_dns_labels() {
    let yaml = pod("containers:\n- name: Web_1\n  image: nginx:1.27\n");
    assert_eq!(
        errors(&yaml, "spec.containers[0].name"),
        [
            "spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
        ]
    );
    let empty = pod("containers:\n- name: \"\"\n  image: nginx:1.27\n");
    assert_eq!(
        errors(&empty, "spec.containers[0].name"),
        ["spec.containers[0].name: Required value"]
    );
}

#[test]
fn container_names_are_unique_across_lists() {
    let yaml = pod(
        "initContainers:\n- name: app\n  image: busybox:1.36\ncontainers:\n- name: app\n  image: nginx:1.27\n- name: app\n  image: nginx:1.27\n",
    );
    assert_eq!(
        errors(&yaml, "spec.containers[1].name"),
        ["spec.containers[1].name: Duplicate value: \"app\""]
    );
    assert_eq!(
        errors(&yaml, "spec.initContainers[0].name"),
        ["spec.initContainers[0].name: Duplicate value: \"app\""]
    );
}

#[test]
fn image_is_required() {
    let missing = pod("containers:\n- name: app\n");
    assert_eq!(
        errors(&missing, "spec.containers[0].image"),
        ["spec.containers[0].image: Required value"]
    );
    assert_eq!(
        at(&missing, Severity::Error, "spec.containers[0].image")[0]
            .pos
            .line,
        7
    );
    let empty = pod(
        "initContainers:\n- name: init\n  image: \"\"\ncontainers:\n- name: app\n  image: nginx:1.27\n",
    );
    assert_eq!(
        errors(&empty, "spec.initContainers[0].image"),
        ["spec.initContainers[0].image: Required value"]
    );
    let spaced = pod("containers:\n- name: app\n  image: \"nginx:1.27 \"\n");
    assert_eq!(
        errors(&spaced, "spec.containers[0].image"),
        [
            "spec.containers[0].image: Invalid value: \"nginx:1.27 \": must not have leading or trailing whitespace"
        ]
    );
}

#[test]
fn port_numbers_are_in_range() {
    let yaml = pod(
        "containers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 0\n  - containerPort: 65536\n    hostPort: -1\n",
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].ports[0].containerPort"),
        ["spec.containers[0].ports[0].containerPort: Required value"]
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].ports[1].containerPort"),
        [
            "spec.containers[0].ports[1].containerPort: Invalid value: 65536: must be between 1 and 65535, inclusive"
        ]
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].ports[1].hostPort"),
        [
            "spec.containers[0].ports[1].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive"
        ]
    );
}

#[test]
fn port_names_are_iana_names_unique_per_container() {
    let yaml = pod(
        "containers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n    name: web--http\n  - containerPort: 81\n    name: http\n  - containerPort: 82\n    name: http\n",
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].ports[0].name"),
        [
            "spec.containers[0].ports[0].name: Invalid value: \"web--http\": must not contain consecutive hyphens"
        ]
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].ports[2].name"),
        ["spec.containers[0].ports[2].name: Duplicate value: \"http\""]
    );
}

#[test]
fn protocol_is_tcp_udp_or_sctp() {
    let yaml = pod(
        "containers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n    protocol: HTTP\n",
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].ports[0].protocol"),
        [
            "spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\""
        ]
    );
}

#[test]
fn host_network_host_port_must_match() {
    let yaml = pod(
        "hostNetwork: true\ncontainers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n    hostPort: 8080\n  - containerPort: 443\n",
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].ports[0].hostPort"),
        [
            "spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true"
        ]
    );
    assert!(errors(&yaml, "spec.containers[0].ports[1].hostPort").is_empty());
}

#[test]
fn host_ports_are_unique_per_protocol() {
    let two = "containers:\n- name: a\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n    hostPort: 8080\n- name: b\n  image: nginx:1.27\n  ports:\n  - containerPort: 81\n    hostPort: 8080\n  - containerPort: 82\n    hostPort: 8080\n    protocol: UDP\n";
    assert_eq!(
        errors(&pod(two), "spec.containers[1].ports[0].hostPort"),
        ["spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//8080\""]
    );
    assert!(errors(&pod(two), "spec.containers[1].ports[1].hostPort").is_empty());
    // On a bare Pod with hostNetwork the hostPort defaults to the containerPort.
    let same = "hostNetwork: true\ncontainers:\n- name: a\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n- name: b\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n";
    assert_eq!(
        errors(&pod(same), "spec.containers[1].ports[0].hostPort"),
        ["spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//80\""]
    );
    let template = workload("apps/v1", "Deployment", same);
    assert!(
        errors(
            &template,
            "spec.template.spec.containers[1].ports[0].hostPort"
        )
        .is_empty()
    );
}

#[test]
fn pod_restart_policy() {
    let yaml = pod(&format!("restartPolicy: always\n{APP}"));
    assert_eq!(
        errors(&yaml, "spec.restartPolicy"),
        [
            "spec.restartPolicy: Unsupported value: \"always\": supported values: \"Always\", \"OnFailure\", \"Never\""
        ]
    );
    assert!(
        errors(
            &pod(&format!("restartPolicy: Never\n{APP}")),
            "spec.restartPolicy"
        )
        .is_empty()
    );
}

#[test]
fn workloads_only_allow_always() {
    for (api_version, kind) in [
        ("apps/v1", "Deployment"),
        ("apps/v1", "DaemonSet"),
        ("apps/v1", "StatefulSet"),
        ("v1", "ReplicationController"),
    ] {
        let yaml = workload(api_version, kind, &format!("restartPolicy: Never\n{APP}"));
        assert_eq!(
            errors(&yaml, "spec.template.spec.restartPolicy"),
            [
                "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""
            ],
            "{kind}"
        );
        assert!(
            errors(
                &workload(api_version, kind, APP),
                "spec.template.spec.restartPolicy"
            )
            .is_empty()
        );
    }
}

#[test]
fn jobs_reject_the_default_always() {
    let job = format!(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t\nspec:\n  template:\n    spec:\n{}",
        indent(APP, 6)
    );
    assert_eq!(
        errors(&job, "spec.template.spec.restartPolicy"),
        [
            "spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\""
        ]
    );
    let finding = &at(&job, Severity::Error, "spec.template.spec.restartPolicy")[0];
    assert!(
        finding
            .help
            .en
            .starts_with("Job Pods must not restart forever")
    );
    assert_ne!(finding.message.ja, finding.message.en);
    let cron = format!(
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: t\nspec:\n  schedule: \"@hourly\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Always\n{}",
        indent(APP, 10)
    );
    assert_eq!(
        errors(&cron, "spec.jobTemplate.spec.template.spec.restartPolicy"),
        [
            "spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\""
        ]
    );
}

#[test]
fn containers_take_their_own_restart_policy_from_1_35() {
    // The docs' own examples: a try-once container and a try-once init container.
    let regular = pod(&format!(
        "restartPolicy: OnFailure\ncontainers:\n- name: once\n  image: busybox:1.36\n  restartPolicy: Never\n{}",
        "- name: keep\n  image: busybox:1.36\n"
    ));
    assert_eq!(rules(&regular), Vec::<&str>::new());
    let init = pod(&format!(
        "initContainers:\n- name: init-once\n  image: busybox:1.36\n  restartPolicy: Never\n{APP}"
    ));
    assert_eq!(rules(&init), Vec::<&str>::new());
    let typo = pod("containers:\n- name: app\n  image: nginx:1.27\n  restartPolicy: never\n");
    assert_eq!(
        errors(&typo, "spec.containers[0].restartPolicy"),
        [
            "spec.containers[0].restartPolicy: Unsupported value: \"never\": supported values: \"Always\", \"OnFailure\", \"Never\""
        ]
    );
    let init_typo = pod(&format!(
        "initContainers:\n- name: init\n  image: busybox:1.36\n  restartPolicy: Sometimes\n{APP}"
    ));
    assert_eq!(
        rules(&init_typo),
        ["api/unsupported-value"],
        "an unknown init policy is unsupported"
    );
}

/// A container with `rules` under restartPolicyRules and `policy` lines before them.
fn restart_rules(policy: &str, rules: &str) -> String {
    pod(&format!(
        "restartPolicy: Never\ncontainers:\n- name: app\n  image: busybox:1.36\n{policy}  restartPolicyRules:\n{rules}"
    ))
}

#[test]
fn restart_rules_follow_the_api() {
    let exit_42 = "  - action: Restart\n    exitCodes:\n      operator: In\n      values: [42]\n";
    assert_eq!(
        rules(&restart_rules("  restartPolicy: Never\n", exit_42)),
        Vec::<&str>::new(),
        "the docs' restart-on-exit-codes example"
    );
    assert_eq!(
        errors(
            &restart_rules("", exit_42),
            "spec.containers[0].restartPolicy"
        ),
        [
            "spec.containers[0].restartPolicy: Required value: must be specified when restartPolicyRules are used"
        ]
    );
    let bad = "  - action: Reboot\n    exitCodes:\n      operator: Equals\n      values: [1]\n  - action: Restart\n";
    let yaml = restart_rules("  restartPolicy: Never\n", bad);
    assert_eq!(
        errors(&yaml, "spec.containers[0].restartPolicyRules[0].action"),
        [
            "spec.containers[0].restartPolicyRules[0].action: Unsupported value: \"Reboot\": supported values: \"Restart\", \"RestartAllContainers\""
        ]
    );
    assert_eq!(
        errors(
            &yaml,
            "spec.containers[0].restartPolicyRules[0].exitCodes.operator"
        ),
        [
            "spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: \"Equals\": supported values: \"In\", \"NotIn\""
        ]
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].restartPolicyRules[1].exitCodes"),
        ["spec.containers[0].restartPolicyRules[1].exitCodes: Required value: must be specified"]
    );
    let many = exit_42.repeat(21);
    assert_eq!(
        errors(
            &restart_rules("  restartPolicy: Never\n", &many),
            "spec.containers[0].restartPolicyRules"
        ),
        ["spec.containers[0].restartPolicyRules: Too many: 21: must have at most 20 items"]
    );
    let codes: Vec<String> = (1..=256).map(|c| c.to_string()).collect();
    let wide = format!(
        "  - action: Restart\n    exitCodes:\n      operator: NotIn\n      values: [{}]\n",
        codes.join(", ")
    );
    assert_eq!(
        errors(
            &restart_rules("  restartPolicy: Never\n", &wide),
            "spec.containers[0].restartPolicyRules[0].exitCodes.values"
        ),
        [
            "spec.containers[0].restartPolicyRules[0].exitCodes.values: Too many: 256: must have at most 255 items"
        ]
    );
}

#[test]
fn sidecars_may_restart_the_whole_pod() {
    // The docs' restart-all-containers example: a watcher sidecar whose exit
    // code 88 restarts every container of the Pod in place.
    let rule = "  restartPolicyRules:\n  - action: RestartAllContainers\n    exitCodes:\n      operator: In\n      values: [88]\n";
    let sidecar = pod(&format!(
        "restartPolicy: Never\ninitContainers:\n- name: watcher\n  image: busybox:1.36\n  restartPolicy: Always\n{rule}{APP}"
    ));
    assert_eq!(rules(&sidecar), Vec::<&str>::new());
}

#[test]
fn only_sidecars_among_init_containers_have_probes() {
    let probe = "  readinessProbe:\n    tcpSocket:\n      port: 24224\n";
    let plain = pod(&format!(
        "initContainers:\n- name: init\n  image: busybox:1.36\n{probe}{APP}"
    ));
    assert_eq!(
        errors(&plain, "spec.initContainers[0].readinessProbe"),
        [
            "spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always"
        ]
    );
    let sidecar = pod(&format!(
        "initContainers:\n- name: init\n  image: busybox:1.36\n  restartPolicy: Always\n{probe}{APP}"
    ));
    assert_eq!(rules(&sidecar), Vec::<&str>::new());
}

#[test]
fn dns_policy_values() {
    let yaml = pod(&format!("dnsPolicy: Cluster\n{APP}"));
    assert_eq!(
        errors(&yaml, "spec.dnsPolicy"),
        [
            "spec.dnsPolicy: Unsupported value: \"Cluster\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\""
        ]
    );
    let host = pod(&format!(
        "hostNetwork: true\ndnsPolicy: ClusterFirstWithHostNet\n{APP}"
    ));
    assert_eq!(rules(&host), Vec::<&str>::new());
}

#[test]
fn dns_none_needs_a_config_with_a_nameserver() {
    let no_config = pod(&format!("dnsPolicy: None\n{APP}"));
    assert_eq!(
        errors(&no_config, "spec.dnsConfig"),
        ["spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None"]
    );
    let no_server = pod(&format!(
        "dnsPolicy: None\ndnsConfig:\n  searches: [example.com]\n{APP}"
    ));
    assert_eq!(
        errors(&no_server, "spec.dnsConfig.nameservers"),
        [
            "spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None"
        ]
    );
}

#[test]
fn nameservers_are_at_most_three_ip_addresses() {
    let yaml = pod(&format!(
        "dnsConfig:\n  nameservers: [10.0.0.1, \"2001:db8::1\", 10.0.0.3, dns.local]\n{APP}"
    ));
    assert_eq!(
        errors(&yaml, "spec.dnsConfig.nameservers"),
        [
            "spec.dnsConfig.nameservers: Invalid value: []string{\"10.0.0.1\", \"2001:db8::1\", \"10.0.0.3\", \"dns.local\"}: must not have more than 3 nameservers"
        ]
    );
    assert_eq!(
        errors(&yaml, "spec.dnsConfig.nameservers[3]"),
        [
            "spec.dnsConfig.nameservers[3]: Invalid value: \"dns.local\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"
        ]
    );
}

#[test]
fn search_domains_are_limited_dns_names() {
    let many: Vec<String> = (0..33).map(|i| format!("d{i}.example.com")).collect();
    let yaml = pod(&format!(
        "dnsConfig:\n  searches: [{}]\n{APP}",
        many.join(", ")
    ));
    let messages = errors(&yaml, "spec.dnsConfig.searches");
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].ends_with(": must not have more than 32 search paths"),
        "{}",
        messages[0]
    );
    let long: Vec<String> = (0..10)
        .map(|i| format!("{}{i}.example.com", "a".repeat(200)))
        .collect();
    let yaml = pod(&format!(
        "dnsConfig:\n  searches: [{}]\n{APP}",
        long.join(", ")
    ));
    let messages = errors(&yaml, "spec.dnsConfig.searches");
    assert!(messages[0].ends_with(
        ": must not have more than 2048 characters (including spaces) in the search list"
    ));
    let shapes = pod(&format!(
        "dnsConfig:\n  searches: [ns1.svc.cluster.local., \".\", _srv.example.com, Bad.Example]\n{APP}"
    ));
    assert_eq!(rules(&shapes), ["api/invalid-value"]);
    assert!(errors(&shapes, "spec.dnsConfig.searches[3]")[0].starts_with("spec.dnsConfig.searches[3]: Invalid value: \"Bad.Example\": a lowercase RFC 1123 subdomain"));
}

#[test]
fn dns_options_have_names() {
    let yaml = pod(&format!(
        "dnsConfig:\n  options:\n  - value: \"2\"\n  - name: ndots\n{APP}"
    ));
    assert_eq!(
        errors(&yaml, "spec.dnsConfig.options[0]"),
        ["spec.dnsConfig.options[0]: Required value: must not be empty"]
    );
    assert_eq!(rules(&yaml).len(), 1);
}

#[test]
fn image_pull_policy_values() {
    let yaml =
        pod("containers:\n- name: app\n  image: nginx:1.27\n  imagePullPolicy: IfNotExists\n");
    assert_eq!(
        errors(&yaml, "spec.containers[0].imagePullPolicy"),
        [
            "spec.containers[0].imagePullPolicy: Unsupported value: \"IfNotExists\": supported values: \"Always\", \"IfNotPresent\", \"Never\""
        ]
    );
    let finding = &at(&yaml, Severity::Error, "spec.containers[0].imagePullPolicy")[0];
    assert!(!finding.message.ja.is_empty() && finding.message.ja != finding.message.en);
    assert!(!finding.help.ja.is_empty() && finding.help.ja != finding.help.en);
}

#[test]
fn env_names_are_printable_ascii_without_equals() {
    let yaml = pod(
        "containers:\n- name: app\n  image: nginx:1.27\n  env:\n  - name: MY.VAR-1 x\n    value: a\n  - name: A=B\n    value: b\n  - name: \"\"\n    value: c\n",
    );
    assert!(errors(&yaml, "spec.containers[0].env[0].name").is_empty());
    assert_eq!(
        errors(&yaml, "spec.containers[0].env[1].name"),
        [
            "spec.containers[0].env[1].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='"
        ]
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].env[2].name"),
        ["spec.containers[0].env[2].name: Required value"]
    );
}

#[test]
fn env_value_from_has_one_source_and_no_value() {
    let yaml = pod(
        "containers:\n- name: app\n  image: nginx:1.27\n  env:\n  - name: A\n    value: x\n    valueFrom:\n      fieldRef:\n        fieldPath: metadata.name\n  - name: B\n    valueFrom: {}\n  - name: C\n    valueFrom:\n      fieldRef:\n        fieldPath: metadata.name\n      secretKeyRef:\n        name: s\n        key: k\n",
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].env[0].valueFrom"),
        [
            "spec.containers[0].env[0].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty"
        ]
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].env[1].valueFrom"),
        [
            "spec.containers[0].env[1].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"
        ]
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].env[2].valueFrom"),
        [
            "spec.containers[0].env[2].valueFrom: Invalid value: \"\": may not have more than one field specified at a time"
        ]
    );
}

#[test]
fn volumes_have_unique_label_names_and_one_source() {
    let yaml = pod(&format!(
        "volumes:\n- name: data\n  emptyDir: {{}}\n- name: data\n  emptyDir: {{}}\n- name: Cache\n- name: both\n  emptyDir: {{}}\n  configMap:\n    name: cfg\n- name: plain\n{APP}"
    ));
    assert_eq!(
        errors(&yaml, "spec.volumes[1].name"),
        ["spec.volumes[1].name: Duplicate value: \"data\""]
    );
    assert_eq!(errors(&yaml, "spec.volumes[2].name").len(), 1);
    assert_eq!(
        errors(&yaml, "spec.volumes[3].configMap"),
        ["spec.volumes[3].configMap: Forbidden: may not specify more than 1 volume type"]
    );
    // No source at all is defaulted to emptyDir.
    assert!(
        check(&yaml)
            .findings
            .iter()
            .all(|f| !f.path.starts_with("spec.volumes[4]"))
    );
}

#[test]
fn volume_sources_name_what_they_mount() {
    let yaml = pod(&format!(
        "volumes:\n- name: s\n  secret:\n    name: db\n- name: c\n  configMap:\n    name: \"\"\n{APP}"
    ));
    assert_eq!(
        errors(&yaml, "spec.volumes[0].secret.secretName"),
        ["spec.volumes[0].secret.secretName: Required value"]
    );
    assert_eq!(
        errors(&yaml, "spec.volumes[1].configMap.name"),
        ["spec.volumes[1].configMap.name: Required value"]
    );
}

#[test]
fn mounts_refer_to_volumes() {
    let spec = "volumes:\n- name: data\n  emptyDir: {}\ncontainers:\n- name: app\n  image: nginx:1.27\n  volumeMounts:\n  - name: data\n    mountPath: /data\n  - name: logs\n    mountPath: /data\n    subPath: ../up\n";
    let yaml = pod(spec);
    let missing = at(
        &yaml,
        Severity::Error,
        "spec.containers[0].volumeMounts[1].name",
    );
    assert_eq!(missing.len(), 1);
    assert_eq!(
        (missing[0].rule.id, missing[0].message.en.as_str()),
        (
            "api/not-found",
            "spec.containers[0].volumeMounts[1].name: Not found: \"logs\""
        )
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].volumeMounts[1].mountPath"),
        ["spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/data\": must be unique"]
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].volumeMounts.subPath"),
        [
            "spec.containers[0].volumeMounts.subPath: Invalid value: \"../up\": must not contain '..'"
        ]
    );
    // A StatefulSet's controller adds its volumeClaimTemplates as volumes.
    let sts = workload("apps/v1", "StatefulSet", spec);
    assert!(
        errors(
            &sts,
            "spec.template.spec.containers[0].volumeMounts[1].name"
        )
        .is_empty()
    );
}

#[test]
fn mount_path_is_required() {
    let yaml = pod(
        "volumes:\n- name: data\ncontainers:\n- name: app\n  image: nginx:1.27\n  volumeMounts:\n  - name: data\n    mountPath: \"\"\n",
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].volumeMounts[0].mountPath"),
        ["spec.containers[0].volumeMounts[0].mountPath: Required value"]
    );
}

#[test]
fn probes_have_exactly_one_handler() {
    let yaml = pod(
        "containers:\n- name: app\n  image: nginx:1.27\n  livenessProbe:\n    periodSeconds: 5\n  readinessProbe:\n    exec:\n      command: [cat, /ready]\n    httpGet:\n      port: 80\n",
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].livenessProbe"),
        ["spec.containers[0].livenessProbe: Required value: must specify a handler type"]
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].readinessProbe.httpGet"),
        [
            "spec.containers[0].readinessProbe.httpGet: Forbidden: may not specify more than 1 handler type"
        ]
    );
}

#[test]
fn probe_numbers() {
    let yaml = pod(
        "containers:\n- name: app\n  image: nginx:1.27\n  startupProbe:\n    tcpSocket:\n      port: 70000\n    successThreshold: 3\n    failureThreshold: -2\n  readinessProbe:\n    grpc:\n      port: 9090\n    successThreshold: 3\n    terminationGracePeriodSeconds: 10\n",
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].startupProbe.successThreshold"),
        ["spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1"]
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].startupProbe.failureThreshold"),
        [
            "spec.containers[0].startupProbe.failureThreshold: Invalid value: -2: must be greater than or equal to 0"
        ]
    );
    assert_eq!(
        errors(&yaml, "spec.containers[0].startupProbe.tcpSocket.port"),
        [
            "spec.containers[0].startupProbe.tcpSocket.port: Invalid value: 70000: must be between 1 and 65535, inclusive"
        ]
    );
    assert!(errors(&yaml, "spec.containers[0].readinessProbe.successThreshold").is_empty());
    assert_eq!(
        errors(
            &yaml,
            "spec.containers[0].readinessProbe.terminationGracePeriodSeconds"
        ),
        [
            "spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes"
        ]
    );
}

#[test]
fn exec_needs_a_command() {
    let yaml =
        pod("containers:\n- name: app\n  image: nginx:1.27\n  livenessProbe:\n    exec: {}\n");
    assert_eq!(
        errors(&yaml, "spec.containers[0].livenessProbe.exec.command"),
        ["spec.containers[0].livenessProbe.exec.command: Required value"]
    );
}

#[test]
fn active_deadline_seconds() {
    let yaml = pod(&format!("activeDeadlineSeconds: 0\n{APP}"));
    assert_eq!(
        errors(&yaml, "spec.activeDeadlineSeconds"),
        [
            "spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive"
        ]
    );
    let deployment = workload(
        "apps/v1",
        "Deployment",
        &format!("activeDeadlineSeconds: 60\n{APP}"),
    );
    assert_eq!(
        errors(&deployment, "spec.template.spec.activeDeadlineSeconds"),
        [
            "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported"
        ]
    );
    let job = format!(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      activeDeadlineSeconds: 60\n{}",
        indent(APP, 6)
    );
    assert_eq!(rules(&job), Vec::<&str>::new());
}

#[test]
fn negative_grace_period_is_a_warning() {
    let yaml = pod(&format!("terminationGracePeriodSeconds: -1\n{APP}"));
    assert_eq!(rules(&yaml), Vec::<&str>::new());
    let warnings = at(
        &yaml,
        Severity::Warning,
        "spec.terminationGracePeriodSeconds",
    );
    assert_eq!(
        warnings[0].message.en,
        "spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1"
    );
    assert_ne!(warnings[0].message.ja, warnings[0].message.en);
}

#[test]
fn ephemeral_containers_are_not_written_in_manifests() {
    let spec = format!(
        "ephemeralContainers:\n- name: debug\n  image: busybox:1.36\n  readinessProbe:\n    exec:\n      command: [\"true\"]\n{APP}"
    );
    assert_eq!(
        errors(&pod(&spec), "spec.ephemeralContainers"),
        ["spec.ephemeralContainers: Forbidden: cannot be set on create"]
    );
    assert_eq!(
        errors(&pod(&spec), "spec.ephemeralContainers[0].readinessProbe"),
        [
            "spec.ephemeralContainers[0].readinessProbe: Forbidden: cannot be set for an Ephemeral Container"
        ]
    );
    let template = workload("apps/v1", "Deployment", &spec);
    assert_eq!(
        errors(&template, "spec.template.spec.ephemeralContainers"),
        [
            "spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template"
        ]
    );
}

#[test]
fn japanese_messages_translate_name_problems() {
    let yaml = pod("containers:\n- name: App\n  image: nginx:1.27\n");
    let finding = &at(&yaml, Severity::Error, "spec.containers[0].name")[0];
    assert!(
        finding
            .message
            .ja
            .starts_with("spec.containers[0].name: 不正な値です: \"App\": 小文字のRFC 1123ラベル")
    );
    assert!(finding.help.ja.contains("DNSラベル"));
}
