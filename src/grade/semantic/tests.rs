//! Each semantic check against right answers in other valid styles and
//! wrong answers that look right.

use crate::grade::{Check, CheckResult, grade};

/// Grades `yaml` against one check written as YAML; the check's result.
fn result(check: &str, yaml: &str) -> CheckResult {
    let check = Check::from_yaml(check).unwrap();
    grade("t", &[check], yaml).checks.remove(0)
}

fn passes(check: &str, yaml: &str) -> bool {
    result(check, yaml).passed
}

/// The English reason of a failure.
fn reason(check: &str, yaml: &str) -> String {
    let found = result(check, yaml);
    assert!(!found.passed, "expected a failure");
    found.reason.map(|r| r.en).unwrap_or_default()
}

fn pod(spec: &str) -> String {
    format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n{spec}")
}

const SHARE: &str = "{id: s, rule: volume-shared, containers: [app, shipper], paths: {app: /var/log/app}, type: emptyDir}";

#[test]
fn volume_shared_follows_the_volume_the_path_leads_to() {
    let right = pod(
        "  volumes: [{name: logs, emptyDir: {}}]\n  containers:\n  - {name: app, image: a, volumeMounts: [{name: logs, mountPath: /var/log/app}]}\n  - {name: shipper, image: b, volumeMounts: [{name: logs, mountPath: /logs}]}\n",
    );
    assert!(passes(SHARE, &right));
    let native = pod(
        "  volumes:\n  - name: data\n  initContainers:\n  - {name: shipper, image: b, restartPolicy: Always, volumeMounts: [{name: data, mountPath: /in}]}\n  containers:\n  - {name: app, image: a, volumeMounts: [{name: data, mountPath: /var/log/app/}]}\n",
    );
    assert!(
        passes(SHARE, &native),
        "a native sidecar, no source = emptyDir, a trailing slash"
    );
    let other_volume = pod(
        "  volumes: [{name: logs, emptyDir: {}}, {name: side, emptyDir: {}}]\n  containers:\n  - {name: app, image: a, volumeMounts: [{name: logs, mountPath: /var/log/app}, {name: side, mountPath: /side}]}\n  - {name: shipper, image: b, volumeMounts: [{name: side, mountPath: /logs}]}\n",
    );
    assert!(
        reason(SHARE, &other_volume).contains("does not mount volume `logs`"),
        "sharing another volume than the log directory's"
    );
    let wrong_path = pod(
        "  volumes: [{name: logs, emptyDir: {}}]\n  containers:\n  - {name: app, image: a, volumeMounts: [{name: logs, mountPath: /var/log}]}\n  - {name: shipper, image: b, volumeMounts: [{name: logs, mountPath: /logs}]}\n",
    );
    assert!(reason(SHARE, &wrong_path).contains("at /var/log, not at /var/log/app"));
    let host = pod(
        "  volumes: [{name: logs, hostPath: {path: /tmp/logs}}]\n  containers:\n  - {name: app, image: a, volumeMounts: [{name: logs, mountPath: /var/log/app}]}\n  - {name: shipper, image: b, volumeMounts: [{name: logs, mountPath: /logs}]}\n",
    );
    assert!(reason(SHARE, &host).contains("is hostPath, not emptyDir"));
}

#[test]
fn volume_shared_compares_the_directories_subpaths_show() {
    let spec = |app: &str, shipper: &str| {
        pod(&format!(
            "  volumes: [{{name: logs, emptyDir: {{}}}}]\n  containers:\n  - {{name: app, image: a, volumeMounts: [{app}]}}\n  - {{name: shipper, image: b, volumeMounts: [{shipper}]}}\n"
        ))
    };
    let same_sub = spec(
        "{name: logs, mountPath: /var/log/app, subPath: app}",
        "{name: logs, mountPath: /logs, subPath: app/}",
    );
    assert!(passes(SHARE, &same_sub), "one subPath on both sides");
    let two_mounts = spec(
        "{name: logs, mountPath: /tmp/scratch, subPath: tmp}, {name: logs, mountPath: /var/log/app}",
        "{name: logs, mountPath: /logs}",
    );
    assert!(
        passes(SHARE, &two_mounts),
        "the mount at the path decides, not the first mount of the volume"
    );
    let other_sub = spec(
        "{name: logs, mountPath: /var/log/app, subPath: app}",
        "{name: logs, mountPath: /logs, subPath: shipper}",
    );
    assert!(reason(SHARE, &other_sub).contains("they see different directories"));
    let whole_and_sub = spec(
        "{name: logs, mountPath: /var/log/app, subPathExpr: $(POD_NAME)}",
        "{name: logs, mountPath: /logs}",
    );
    assert!(
        reason(SHARE, &whole_and_sub).contains("mounts the whole volume"),
        "the shipper would find the file one directory further down"
    );
}

#[test]
fn volume_shared_finds_a_host_path_that_is_declared_but_not_mounted() {
    let check = "{id: h, rule: volume-shared, containers: [agent], paths: {agent: /var/log}, type: hostPath, hostPath: /var/log}";
    let ds = |volumes: &str, mounts: &str| {
        format!(
            "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {{name: a}}\nspec:\n  selector: {{matchLabels: {{app: a}}}}\n  template:\n    metadata: {{labels: {{app: a}}}}\n    spec:\n      volumes: {volumes}\n      containers:\n      - {{name: agent, image: x, volumeMounts: {mounts}}}\n"
        )
    };
    assert!(passes(
        check,
        &ds(
            "[{name: varlog, hostPath: {path: /var/log/}}]",
            "[{name: varlog, mountPath: /var/log, readOnly: true}]"
        )
    ));
    let unmounted = ds(
        "[{name: varlog, hostPath: {path: /var/log}}, {name: scratch, emptyDir: {}}]",
        "[{name: scratch, mountPath: /var/log}]",
    );
    assert!(reason(check, &unmounted).contains("mounts volume `scratch` at /var/log"));
}

#[test]
fn volume_shared_reads_claim_templates() {
    let check = "{id: c, rule: volume-shared, volume: data, containers: [db], paths: {db: /var/lib/postgresql/data}, type: volumeClaimTemplate}";
    let sts = |path: &str| {
        format!(
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {{name: db}}\nspec:\n  serviceName: db\n  selector: {{matchLabels: {{app: db}}}}\n  template:\n    metadata: {{labels: {{app: db}}}}\n    spec:\n      containers:\n      - {{name: db, image: postgres:16, volumeMounts: [{{name: data, mountPath: {path}}}]}}\n  volumeClaimTemplates:\n  - metadata: {{name: data}}\n    spec: {{accessModes: [ReadWriteOnce], resources: {{requests: {{storage: 1Gi}}}}}}\n"
        )
    };
    assert!(passes(check, &sts("/var/lib/postgresql/data")));
    assert!(reason(check, &sts("/data")).contains("at /data, not at /var/lib/postgresql/data"));
}

const SIDECAR: &str = "{id: s, rule: sidecar, container: shipper, app: app}";

#[test]
fn sidecar_accepts_native_and_regular_but_not_a_plain_init_container() {
    let native = pod(
        "  initContainers:\n  - {name: shipper, image: b, restartPolicy: Always}\n  containers:\n  - {name: app, image: a}\n",
    );
    assert!(passes(SIDECAR, &native));
    let regular = pod("  containers:\n  - {name: app, image: a}\n  - {name: shipper, image: b}\n");
    assert!(passes(SIDECAR, &regular));
    let plain = pod(
        "  initContainers:\n  - {name: shipper, image: b}\n  containers:\n  - {name: app, image: a}\n",
    );
    assert!(reason(SIDECAR, &plain).contains("plain init container"));
    let try_once = pod(
        "  initContainers:\n  - {name: shipper, image: b, restartPolicy: Never}\n  containers:\n  - {name: app, image: a}\n",
    );
    assert!(!passes(SIDECAR, &try_once));
    let native_only = "{id: s, rule: sidecar, container: shipper, form: native}";
    assert!(reason(native_only, &regular).contains("asks for a native sidecar"));
}

#[test]
fn a_regular_sidecar_keeps_a_job_from_completing() {
    let job = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - {name: app, image: a}\n      - {name: shipper, image: b}\n";
    assert!(reason(SIDECAR, job).contains("finish only when it exits"));
}

fn service_and_db(selector: &str, cluster_ip: &str, target: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Service\nmetadata: {{name: db}}\nspec:\n  clusterIP: {cluster_ip}\n  selector: {selector}\n  ports: [{{port: 5432, targetPort: {target}}}]\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {{name: db}}\nspec:\n  serviceName: db\n  selector: {{matchLabels: {{app: db}}}}\n  template:\n    metadata: {{labels: {{app: db, tier: data}}}}\n    spec:\n      containers:\n      - {{name: db, image: postgres:16, ports: [{{name: pg, containerPort: 5432}}]}}\n"
    )
}

#[test]
fn service_selects_the_pods_and_reaches_their_port() {
    let check =
        "{id: s, rule: service-selects, service: db, headless: true, workload: db, port: 5432}";
    assert!(passes(check, &service_and_db("{app: db}", "None", "5432")));
    assert!(
        passes(
            check,
            &service_and_db("{app: db, tier: data}", "None", "pg")
        ),
        "by name"
    );
    assert!(
        reason(check, &service_and_db("{app: database}", "None", "5432"))
            .contains("matches none of the Pods")
    );
    assert!(
        reason(check, &service_and_db("{app: db}", "10.0.0.9", "5432")).contains("clusterIP: None")
    );
    assert!(
        passes(
            check,
            &service_and_db("{app: db}", "None", "5432")
                .replace("clusterIP: None", "clusterIPs: [None]")
        ),
        "clusterIPs alone fills clusterIP"
    );
    assert!(
        reason(check, &service_and_db("{app: db}", "None", "5433"))
            .contains("targets container port 5432")
    );
    assert!(
        reason(check, &service_and_db("{app: db}", "None", "postgres"))
            .contains("targets container port 5432")
    );
}

#[test]
fn qos_class_is_the_kubelets() {
    let check = "{id: q, rule: qos-class, class: Guaranteed}";
    let different_values = pod(
        "  containers:\n  - {name: api, image: a, resources: {limits: {cpu: 500m, memory: 256Mi}}}\n  - {name: helper, image: b, resources: {requests: {cpu: '0.1', memory: 67108864}, limits: {cpu: 100m, memory: 64Mi}}}\n",
    );
    assert!(passes(check, &different_values));
    let lower_request = pod(
        "  containers:\n  - {name: api, image: a, resources: {requests: {cpu: 250m, memory: 256Mi}, limits: {cpu: 500m, memory: 256Mi}}}\n",
    );
    assert!(reason(check, &lower_request).contains("requests cpu 250m but limits it to 500m"));
    let unlimited_init = pod(
        "  initContainers:\n  - {name: init, image: c}\n  containers:\n  - {name: api, image: a, resources: {limits: {cpu: 500m, memory: 256Mi}}}\n",
    );
    assert!(reason(check, &unlimited_init).contains("container \"init\" has no cpu limit"));
}

#[test]
fn schedule_compares_firing_times() {
    let check = "{id: s, rule: schedule, schedule: '*/15 * * * *'}";
    let cron = |schedule: &str| {
        format!(
            "apiVersion: batch/v1\nkind: CronJob\nmetadata: {{name: c}}\nspec:\n  schedule: '{schedule}'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{{name: c, image: busybox:1.36}}]\n"
        )
    };
    for right in [
        "0,15,30,45 * * * *",
        "0-59/15 * * * *",
        "00,15,30,45 */1 * * *",
        "0/15  *  * * *",
    ] {
        assert!(passes(check, &cron(right)), "{right}");
    }
    for wrong in ["15 * * * *", "0 */15 * * *", "*/15 * * * 1-5"] {
        assert!(
            reason(check, &cron(wrong)).contains("does not fire at the times"),
            "{wrong}"
        );
    }
    let zoned = "{id: s, rule: schedule, schedule: '0 3 * * *', timeZone: Asia/Tokyo}";
    assert!(reason(zoned, &cron("0 3 * * *")).contains("time zone Asia/Tokyo"));
}

#[test]
fn image_references_compare_after_normalisation() {
    let check = "{id: i, rule: image, container: app, image: 'busybox:1.36'}";
    for right in [
        "busybox:1.36",
        "docker.io/library/busybox:1.36",
        "index.docker.io/library/busybox:1.36",
    ] {
        assert!(
            passes(
                check,
                &pod(&format!(
                    "  containers: [{{name: app, image: '{right}'}}]\n"
                ))
            ),
            "{right}"
        );
    }
    for wrong in [
        "busybox",
        "busybox:1.37",
        "quay.io/busybox:1.36",
        "library/busybox:1.35",
    ] {
        assert!(
            !passes(
                check,
                &pod(&format!(
                    "  containers: [{{name: app, image: '{wrong}'}}]\n"
                ))
            ),
            "{wrong}"
        );
    }
    let registry = "{id: i, rule: image, image: 'registry.example.com/shop:2.3.1'}";
    assert!(passes(
        registry,
        &pod("  containers: [{name: shop, image: 'registry.example.com/shop:2.3.1'}]\n")
    ));
    assert!(!passes(
        registry,
        &pod("  containers: [{name: shop, image: 'shop:2.3.1'}]\n")
    ));
}

#[test]
fn quantities_compare_by_value() {
    let check = "{id: q, rule: quantity, container: app, resource: limits.memory, equals: 256Mi}";
    for right in ["256Mi", "268435456", "0.25Gi", "262144Ki"] {
        assert!(
            passes(
                check,
                &pod(&format!(
                    "  containers: [{{name: app, image: a, resources: {{limits: {{memory: '{right}'}}}}}}]\n"
                ))
            ),
            "{right}"
        );
    }
    assert!(
        reason(
            check,
            &pod("  containers: [{name: app, image: a, resources: {limits: {memory: 256M}}}]\n")
        )
        .contains("is 256M, not 256Mi")
    );
    let request = "{id: q, rule: quantity, resource: requests.cpu, equals: 500m}";
    assert!(
        passes(
            request,
            &pod("  containers: [{name: app, image: a, resources: {limits: {cpu: '0.5'}}}]\n")
        ),
        "a request defaults to the limit"
    );
}

const NETPOL: &str = "{id: r, rule: reachability, namespace: shop, pods: {web: {app: web}, api: {app: api}, db: {app: db}}, allowed: ['web -> api:8080']}";

fn policies(extra: &str) -> String {
    format!(
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: deny, namespace: shop}}\nspec:\n  podSelector: {{}}\n  policyTypes: [Ingress]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: api, namespace: shop}}\nspec:\n  podSelector: {{matchLabels: {{app: api}}}}\n  ingress:\n  - from: [{{podSelector: {{matchLabels: {{app: web}}}}}}]\n    ports: [{{port: 8080}}]\n{extra}"
    )
}

#[test]
fn reachability_counts_every_policy() {
    assert!(passes(NETPOL, &policies("")));
    let allow_all = "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: open, namespace: shop}\nspec:\n  podSelector: {}\n  ingress: [{}]\n";
    assert!(reason(NETPOL, &policies(allow_all)).contains("should be denied"));
    let wrong_port = policies("").replace("port: 8080", "port: 80");
    assert!(reason(NETPOL, &wrong_port).contains("web → api:8080 should be allowed"));
    let any_port = policies("").replace("    ports: [{port: 8080}]\n", "");
    assert!(
        reason(NETPOL, &any_port).contains("should be denied"),
        "a rule without ports opens every port"
    );
    let other_namespace = policies("").replace(
        "namespace: shop}\nspec:\n  podSelector: {}",
        "namespace: default}\nspec:\n  podSelector: {}",
    );
    assert!(
        !passes(NETPOL, &other_namespace),
        "a deny policy in another namespace isolates nothing here"
    );
}

#[test]
fn address_compares_host_and_port() {
    let check =
        "{id: a, rule: address, container: shop, env: CACHE_ADDR, host: localhost, port: 6379}";
    let shop = |value: &str| {
        pod(&format!(
            "  containers:\n  - name: shop\n    image: s\n    env: [{{name: CACHE_ADDR, value: '{value}'}}]\n"
        ))
    };
    for right in [
        "localhost:6379",
        "127.0.0.1:6379",
        "redis://localhost:6379/0",
        "redis://localhost",
        "[::1]:6379",
    ] {
        assert!(passes(check, &shop(right)), "{right}");
    }
    assert!(reason(check, &shop("localhost-cache:6379")).contains("host `localhost-cache`"));
    assert!(reason(check, &shop("localhost:6380")).contains("port 6380"));
    assert!(reason(check, &shop("cache.shop.svc:6379")).contains("not `localhost`"));
    let optional =
        "{id: a, rule: address, container: shop, env: REDIS_ADDR, host: localhost, optional: true}";
    assert!(passes(
        optional,
        &pod("  containers: [{name: shop, image: s}]\n")
    ));
    let twice = pod(
        "  containers:\n  - name: shop\n    image: s\n    env: [{name: CACHE_ADDR, value: 'localhost:6379'}, {name: CACHE_ADDR, value: 'cache:6379'}]\n",
    );
    assert!(
        reason(check, &twice).contains("host `cache`"),
        "the kubelet uses the last entry of a name"
    );
    assert!(reason(check, &shop("localhost")).contains("names no port"));
    let with_default = "{id: a, rule: address, container: shop, env: CACHE_ADDR, host: localhost, port: 6379, defaultPort: 6379}";
    assert!(passes(with_default, &shop("localhost")));
    assert!(reason(with_default, &shop("localhost:6380")).contains("port 6380"));
}

#[test]
fn pod_security_accepts_any_listed_setup() {
    let check = "{id: p, rule: pod-security, namespace: pay, accept: [{enforce: restricted}, {enforce: baseline, warn: restricted, audit: restricted}]}";
    let ns = |labels: &str| {
        format!("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: pay\n  labels: {{{labels}}}\n")
    };
    assert!(passes(
        check,
        &ns("pod-security.kubernetes.io/enforce: restricted")
    ));
    assert!(passes(
        check,
        &ns(
            "pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/warn: restricted"
        )
    ));
    assert!(passes(
        check,
        &ns(
            "pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/warn: restricted, pod-security.kubernetes.io/audit: restricted"
        )
    ));
    assert!(!passes(
        check,
        &ns("pod-security.kubernetes.io/enforce: baseline")
    ));
    let annotated = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: pay\n  annotations: {pod-security.kubernetes.io/enforce: restricted}\n";
    assert!(reason(check, annotated).contains("is an annotation"));
}

#[test]
fn unknown_rules_and_bad_parameters_are_located() {
    let err = Check::from_yaml("{id: x, rule: volume-share, containers: [a]}").unwrap_err();
    assert!(
        err.message.contains("did you mean `volume-shared`"),
        "{}",
        err.message
    );
    let err = Check::from_yaml("{id: x, rule: qos-class, class: Gold}").unwrap_err();
    assert!(err.message.contains("not a QoS class"), "{}", err.message);
    let err = Check::from_yaml("{id: x, rule: schedule, schedule: '61 * * * *'}").unwrap_err();
    assert!(err.message.contains("not a schedule"), "{}", err.message);
    let err = Check::from_yaml("{id: x, rule: sidecar, container: a, colour: red}").unwrap_err();
    assert!(err.message.contains("colour"), "{}", err.message);
}

fn probed(probe: &str) -> String {
    pod(&format!(
        "  containers:\n  - name: app\n    image: a\n    ports: [{{name: http, containerPort: 8080}}]\n{probe}"
    ))
}

const STARTUP: &str = "{id: p, rule: probe, container: app, probe: startup, port: 8080, min: 300}";

#[test]
fn probe_budget_multiplies_with_the_api_defaults() {
    for right in [
        "    startupProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 10, failureThreshold: 30}\n",
        "    startupProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 30, failureThreshold: 10}\n",
        "    startupProbe: {tcpSocket: {port: http}, failureThreshold: 30}\n",
        "    startupProbe: {httpGet: {port: http}, initialDelaySeconds: 60, failureThreshold: 24, periodSeconds: 0}\n",
    ] {
        assert!(passes(STARTUP, &probed(right)), "{right}");
    }
    let delay_only =
        probed("    startupProbe: {httpGet: {port: http}, initialDelaySeconds: 240}\n");
    assert!(
        reason(STARTUP, &delay_only).contains("270 s (initialDelaySeconds 240 + failureThreshold 3 (API default) × periodSeconds 10 (API default))"),
        "{}",
        reason(STARTUP, &delay_only)
    );
    let liveness_only =
        probed("    livenessProbe: {httpGet: {port: http}, initialDelaySeconds: 300}\n");
    assert!(reason(STARTUP, &liveness_only).contains("has no startup probe"));
    let strict = "{id: p, rule: probe, container: app, probe: liveness, max: 30}";
    assert!(passes(
        strict,
        &probed("    livenessProbe: {httpGet: {port: http}}\n")
    ));
    assert!(
        passes(
            strict,
            &probed(
                "    livenessProbe: {httpGet: {port: http}, initialDelaySeconds: 60, periodSeconds: 5, failureThreshold: 6}\n"
            )
        ),
        "a liveness probe's delay does not count"
    );
    assert!(
        reason(
            strict,
            &probed("    livenessProbe: {httpGet: {port: http}, failureThreshold: 30}\n")
        )
        .contains("allows 300 s")
    );
    let quoted = probed("    startupProbe: {httpGet: {port: http}, failureThreshold: '30'}\n");
    assert!(reason(STARTUP, &quoted).contains("the API takes a whole number"));
}

#[test]
fn probe_port_resolves_names_in_the_probed_container() {
    let check = "{id: p, rule: probe, container: app, probe: readiness, port: 8080}";
    assert!(passes(
        check,
        &probed("    readinessProbe: {httpGet: {path: /ready, port: http}}\n")
    ));
    let by_name = "{id: p, rule: probe, container: app, probe: readiness, port: http}";
    assert!(passes(
        by_name,
        &probed("    readinessProbe: {tcpSocket: {port: 8080}}\n")
    ));
    assert!(
        reason(
            check,
            &probed("    readinessProbe: {httpGet: {port: web}}\n")
        )
        .contains("does not declare")
    );
    assert!(
        reason(
            check,
            &probed("    readinessProbe: {httpGet: {port: 9100}}\n")
        )
        .contains("checks port 9100")
    );
    assert!(
        reason(
            check,
            &probed("    readinessProbe: {httpGet: {host: localhost, port: http}}\n")
        )
        .contains("not to the Pod")
    );
    assert!(
        reason(
            check,
            &probed("    readinessProbe: {exec: {command: [curl, localhost:8080]}}\n")
        )
        .contains("cannot be read offline")
    );
    let sidecar_port = pod(
        "  containers:\n  - {name: app, image: a}\n  - {name: side, image: b, ports: [{name: http, containerPort: 8080}]}\n",
    )
    .replace(
        "{name: app, image: a}",
        "{name: app, image: a, readinessProbe: {httpGet: {port: http}}}",
    );
    assert!(
        reason(check, &sidecar_port).contains("does not declare"),
        "a name declared by another container does not count"
    );
    assert!(reason(check, &probed("")).contains("counts as ready as soon as it runs"));
}

const SHUTDOWN: &str = "{id: g, rule: graceful-shutdown, container: web, wait: 10, shutdown: 30}";

fn stopping(grace: &str, pre_stop: &str) -> String {
    pod(&format!(
        "{grace}  containers:\n  - name: web\n    image: w\n    lifecycle:\n      preStop: {pre_stop}\n"
    ))
}

#[test]
fn graceful_shutdown_reads_every_way_to_wait() {
    let grace = |n: u32| format!("  terminationGracePeriodSeconds: {n}\n");
    for (seconds, hook) in [
        (40, "{sleep: {seconds: 10}}"),
        (45, "{exec: {command: [sleep, '15']}}"),
        (40, "{exec: {command: [/bin/sleep, 10s]}}"),
        (40, "{exec: {command: [/bin/sh, -c, 'sleep 10; echo bye']}}"),
        (
            60,
            "{exec: {command: [sh, -ec, 'sleep 0.5m && nginx -s quit']}}",
        ),
    ] {
        assert!(passes(SHUTDOWN, &stopping(&grace(seconds), hook)), "{hook}");
    }
    assert!(
        reason(SHUTDOWN, &stopping("", "{sleep: {seconds: 10}}"))
            .contains("30 (the API default, as it is left out)")
    );
    assert!(
        reason(SHUTDOWN, &stopping(&grace(25), "{sleep: {seconds: 15}}"))
            .contains("make it at least 45")
    );
    assert!(
        reason(SHUTDOWN, &stopping(&grace(60), "{sleep: {seconds: 3}}"))
            .contains("waits 3 s; the exercise asks for at least 10 s")
    );
    assert!(
        reason(
            SHUTDOWN,
            &stopping(&grace(45), "{exec: {command: ['sleep 10']}}")
        )
        .contains("single word")
    );
    assert!(
        reason(
            SHUTDOWN,
            &stopping(&grace(45), "{exec: {command: [sh, -c, 'sleep 10 &']}}")
        )
        .contains("in the background")
    );
    assert!(
        reason(
            SHUTDOWN,
            &stopping(
                &grace(45),
                "{exec: {command: [sh, -c, 'echo bye; sleep 10']}}"
            )
        )
        .contains("cannot be told offline")
    );
    assert!(
        reason(
            SHUTDOWN,
            &stopping(&grace(45), "{httpGet: {path: /drain, port: 8080}}")
        )
        .contains("httpGet hook")
    );
    let post_start = pod(
        "  terminationGracePeriodSeconds: 45\n  containers:\n  - name: web\n    image: w\n    lifecycle:\n      postStart: {sleep: {seconds: 10}}\n",
    );
    assert!(reason(SHUTDOWN, &post_start).contains("has no preStop hook"));
}

fn restarting(init: &str, app: &str) -> String {
    pod(&format!(
        "  restartPolicy: Never\n  initContainers:\n  - {{name: fetch, image: f{init}}}\n  containers:\n  - {{name: app, image: a{app}}}\n"
    ))
}

#[test]
fn restarts_on_works_out_every_exit_code() {
    let on_42 = "{id: r, rule: restarts-on, container: app, exitCodes: [42]}";
    let rule = |op: &str, values: &str| {
        format!(
            ", restartPolicy: Never, restartPolicyRules: [{{action: Restart, exitCodes: {{operator: {op}, values: {values}}}}}]"
        )
    };
    assert!(passes(on_42, &restarting("", &rule("In", "[42]"))));
    assert!(
        reason(on_42, &restarting("", &rule("In", "[1, 42]")))
            .contains("restarted after exit code 1: rule 1")
    );
    assert!(reason(on_42, &restarting("", &rule("NotIn", "[42]"))).contains("exit code 0"));
    let on_failure = rule("In", "[42]").replace("Never", "OnFailure");
    assert!(
        reason(on_42, &restarting("", &on_failure)).contains("its own restartPolicy OnFailure")
    );
    assert!(
        reason(on_42, &restarting("", ""))
            .contains("not restarted after exit code 42: the Pod's restartPolicy Never")
    );
    let no_policy =
        ", restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]";
    assert!(reason(on_42, &restarting("", no_policy)).contains("without its own restartPolicy"));
    let retried = "{id: r, rule: restarts-on, container: fetch, exitCodes: nonzero}";
    assert!(passes(
        retried,
        &restarting(", restartPolicy: OnFailure", "")
    ));
    assert!(
        passes(retried, &restarting(&rule("NotIn", "[0]"), "")),
        "Never with a NotIn [0] rule is OnFailure"
    );
    assert!(
        passes(
            retried,
            &restarting("", "").replace("restartPolicy: Never", "restartPolicy: Always")
        ),
        "a regular init container reads the Pod's Always as OnFailure"
    );
    assert!(reason(retried, &restarting(", restartPolicy: Always", "")).contains("native sidecar"));
    let err =
        Check::from_yaml("{id: r, rule: restarts-on, container: a, exitCodes: all}").unwrap_err();
    assert!(err.message.contains("nonzero"), "{}", err.message);
    let err =
        Check::from_yaml("{id: p, rule: probe, container: a, probe: startup, min: 60, max: 30}")
            .unwrap_err();
    assert!(err.message.contains("above `max`"), "{}", err.message);
}

const ENV: &str = "{id: e, rule: config-env, container: app, env: LOG_LEVEL, configMap: app-config, key: LOG_LEVEL}";

/// A ConfigMap `app-config` in `shop` with `data`, then a Pod in `shop`.
fn config_and_pod(data: &str, spec: &str) -> String {
    format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: app-config, namespace: shop}}\ndata: {data}\n---\napiVersion: v1\nkind: Pod\nmetadata: {{name: p, namespace: shop}}\nspec:\n{spec}"
    )
}

fn app(fields: &str) -> String {
    format!("  containers:\n  - {{name: app, image: a, {fields}}}\n")
}

#[test]
fn config_env_follows_value_from_and_env_from_as_the_kubelet_does() {
    let data = "{LOG_LEVEL: info, app.properties: 'a=1'}";
    let key_ref = app(
        "env: [{name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: app-config, key: LOG_LEVEL}}}]",
    );
    assert!(passes(ENV, &config_and_pod(data, &key_ref)));
    let env_from = app("envFrom: [{configMapRef: {name: app-config}}]");
    assert!(passes(ENV, &config_and_pod(data, &env_from)), "envFrom");
    let optional = app("envFrom: [{configMapRef: {name: app-config, optional: true}}]");
    assert!(
        passes(ENV, &config_and_pod(data, &optional)),
        "optional, and present"
    );
    let expanded = app(
        "envFrom: [{prefix: CM_, configMapRef: {name: app-config}}], env: [{name: LOG_LEVEL, value: $(CM_LOG_LEVEL)}]",
    );
    assert!(
        passes(ENV, &config_and_pod(data, &expanded)),
        "$(VAR) of a variable from the key"
    );
    let deployment = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {LOG_LEVEL: info}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec:\n      containers: [{name: app, image: a, envFrom: [{configMapRef: {name: app-config}}]}]\n";
    assert!(
        passes(ENV, deployment),
        "a Deployment, both in the default namespace"
    );

    let literal = app(
        "envFrom: [{configMapRef: {name: app-config}}], env: [{name: LOG_LEVEL, value: debug}]",
    );
    assert!(
        reason(ENV, &config_and_pod(data, &literal))
            .contains("an `env` entry overrides what `envFrom` imports"),
        "env overrides envFrom wherever it is written"
    );
    let prefixed = app("envFrom: [{prefix: APP_, configMapRef: {name: app-config}}]");
    assert!(
        reason(ENV, &config_and_pod(data, &prefixed))
            .contains("as APP_LOG_LEVEL, not as LOG_LEVEL")
    );
    let wrong_key = app(
        "env: [{name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: app-config, key: log-level}}}]",
    );
    let why = reason(ENV, &config_and_pod(data, &wrong_key));
    assert!(
        why.contains("has no key `log-level`") && why.contains("CreateContainerConfigError"),
        "{why}"
    );
    let optional_key = app(
        "env: [{name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: app-config, key: log-level, optional: true}}}]",
    );
    assert!(reason(ENV, &config_and_pod(data, &optional_key)).contains("does not set LOG_LEVEL"));
    let other_ns = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {LOG_LEVEL: info}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  containers: [{name: app, image: a, envFrom: [{configMapRef: {name: app-config}}]}]\n";
    assert!(
        reason(ENV, other_ns).contains("is in namespace `default`, but the Pod runs in `shop`")
    );
    let binary = app(
        "env: [{name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: app-config, key: LOG_LEVEL}}}]",
    );
    let binary = config_and_pod("{}\nbinaryData: {LOG_LEVEL: aW5mbw==}", &binary);
    assert!(
        reason(ENV, &binary).contains("has no key `LOG_LEVEL`"),
        "the kubelet reads only data for variables"
    );
    let later_secret = app(
        "env: [{name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: app-config, key: LOG_LEVEL}}}, {name: LOG_LEVEL, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]",
    );
    assert!(reason(ENV, &config_and_pod(data, &later_secret)).contains("from elsewhere"));
    let skipped_later = app(
        "env: [{name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: app-config, key: LOG_LEVEL}}}, {name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: app-config, key: nope, optional: true}}}]",
    );
    assert!(
        passes(ENV, &config_and_pod(data, &skipped_later)),
        "a skipped optional entry leaves the earlier value"
    );
}

const FILE: &str = "{id: f, rule: config-file, container: app, file: /etc/app/app.properties, configMap: app-config, key: app.properties, updates: true}";

#[test]
fn config_file_follows_the_mount_and_the_volume_to_the_key() {
    let data = "{LOG_LEVEL: info, app.properties: 'a=1'}";
    let spec = |volume: &str, mounts: &str| {
        format!(
            "  volumes: [{volume}]\n  containers:\n  - {{name: app, image: a, volumeMounts: [{mounts}]}}\n"
        )
    };
    let whole = spec(
        "{name: config, configMap: {name: app-config}}",
        "{name: config, mountPath: /etc/app/, readOnly: true}",
    );
    assert!(passes(FILE, &config_and_pod(data, &whole)));
    let items = spec(
        "{name: config, configMap: {name: app-config, defaultMode: 0440, items: [{key: app.properties, path: app.properties}]}}",
        "{name: config, mountPath: /etc/app}",
    );
    assert!(passes(FILE, &config_and_pod(data, &items)), "items");
    let nested = spec(
        "{name: config, configMap: {name: app-config, items: [{key: app.properties, path: conf/app.properties}]}}",
        "{name: config, mountPath: /etc/app}",
    );
    let in_conf = FILE.replace("/etc/app/app.properties", "/etc/app/conf/app.properties");
    assert!(
        passes(&in_conf, &config_and_pod(data, &nested)),
        "an item path below the mount"
    );
    let over_etc = spec(
        "{name: config, configMap: {name: app-config, items: [{key: app.properties, path: app/app.properties}]}}",
        "{name: config, mountPath: /etc}",
    );
    assert!(
        reason(FILE, &config_and_pod(data, &over_etc))
            .contains("hides everything the image keeps there")
    );
    let projected = spec(
        "{name: config, projected: {sources: [{configMap: {name: app-config}}, {downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}}, {serviceAccountToken: {path: token}}]}}",
        "{name: config, mountPath: /etc/app}",
    );
    assert!(passes(FILE, &config_and_pod(data, &projected)), "projected");

    let sub_path = spec(
        "{name: config, configMap: {name: app-config}}",
        "{name: config, mountPath: /etc/app/app.properties, subPath: app.properties}",
    );
    assert!(reason(FILE, &config_and_pod(data, &sub_path)).contains("never receives updates"));
    let no_updates = FILE.replace(", updates: true", "");
    assert!(
        passes(&no_updates, &config_and_pod(data, &sub_path)),
        "the file is there when updates do not matter"
    );
    let immutable = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: app-config, namespace: shop}}\nimmutable: true\ndata: {data}\n---\napiVersion: v1\nkind: Pod\nmetadata: {{name: p, namespace: shop}}\nspec:\n{whole}"
    );
    assert!(reason(FILE, &immutable).contains("is immutable"));
    let moved = spec(
        "{name: config, configMap: {name: app-config, items: [{key: app.properties, path: conf/app.properties}]}}",
        "{name: config, mountPath: /etc/app}",
    );
    assert!(reason(FILE, &config_and_pod(data, &moved)).contains("has no file `app.properties`"));
    let missing_item = spec(
        "{name: config, configMap: {name: app-config, items: [{key: app.properties, path: app.properties}, {key: extra, path: extra}]}}",
        "{name: config, mountPath: /etc/app}",
    );
    assert!(reason(FILE, &config_and_pod(data, &missing_item)).contains("ContainerCreating"));
    let unmounted = "  volumes: [{name: config, configMap: {name: app-config}}, {name: tmp, emptyDir: {}}]\n  containers:\n  - {name: app, image: a, volumeMounts: [{name: tmp, mountPath: /tmp}]}\n";
    assert!(
        reason(FILE, &config_and_pod(data, unmounted))
            .contains("volume `config` holds the key, but container `app` mounts nothing")
    );
    let shadowed = spec(
        "{name: config, configMap: {name: app-config}}, {name: tmp, emptyDir: {}}",
        "{name: config, mountPath: /etc/app}, {name: tmp, mountPath: /etc/app/app.properties}",
    );
    assert!(
        reason(FILE, &config_and_pod(data, &shadowed)).contains("which is not a configMap"),
        "a deeper mount hides the file"
    );
    let other_map = spec(
        "{name: config, configMap: {name: other}}",
        "{name: config, mountPath: /etc/app}",
    );
    let other_map = format!(
        "{}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: other, namespace: shop}}\ndata: {{app.properties: b}}\n",
        config_and_pod(data, &other_map)
    );
    assert!(reason(FILE, &other_map).contains("holds key `app.properties` of ConfigMap `other`"));
    let directory = spec(
        "{name: config, configMap: {name: app-config}}",
        "{name: config, mountPath: /etc/app/app.properties}",
    );
    assert!(reason(FILE, &config_and_pod(data, &directory)).contains("a directory, not the file"));
}

#[test]
fn config_checks_read_secrets_too() {
    let env =
        "{id: e, rule: config-env, container: app, env: DB_PASSWORD, secret: db, key: password}";
    let file = "{id: f, rule: config-file, container: app, file: /run/secrets/db/password, secret: db, key: password}";
    let yaml = "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: s3cret}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  volumes: [{name: db, secret: {secretName: db, defaultMode: 0400}}]\n  containers:\n  - name: app\n    image: a\n    env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]\n    volumeMounts: [{name: db, mountPath: /run/secrets/db, readOnly: true}]\n";
    assert!(passes(env, yaml));
    assert!(passes(file, yaml));
    let as_config_map = yaml.replace("secretKeyRef", "configMapKeyRef");
    assert!(
        !passes(env, &as_config_map),
        "a ConfigMap of that name is not there"
    );
    let err = Check::from_yaml(
        "{id: x, rule: config-env, container: a, env: A, configMap: c, secret: s, key: k}",
    )
    .unwrap_err();
    assert!(err.message.contains("not both"), "{}", err.message);
    let err = Check::from_yaml(
        "{id: x, rule: config-file, container: a, file: app.conf, configMap: c, key: k}",
    )
    .unwrap_err();
    assert!(err.message.contains("absolute path"), "{}", err.message);
}
