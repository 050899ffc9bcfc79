//! One test per check: the rule, where it points, and the library's wording.

use crate::validate::{Level, Options, Severity, Version, check_with};

/// (rule, path, English message) of the Pod Security errors of `spec`
/// (indented Pod spec lines) under `level` at `version`.
fn run(spec: &str, level: Level, version: &str) -> Vec<(String, String, String)> {
    run_pod("", spec, level, version)
}

fn run_pod(
    annotations: &str,
    spec: &str,
    level: Level,
    version: &str,
) -> Vec<(String, String, String)> {
    let text =
        format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n{annotations}spec:\n{spec}");
    let options = Options {
        pss: Some(level),
        pss_version: version.parse().unwrap(),
        ..Options::default()
    };
    check_with(&text, &options)
        .findings
        .into_iter()
        .filter(|f| f.rule.id.starts_with("pss/") && f.severity == Severity::Error)
        .map(|f| (f.rule.id.to_string(), f.path, f.message.en))
        .collect()
}

const RESTRICTED_OK: &str =
    "  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n";
const APP_OK: &str = "  - name: app\n    image: nginx\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: [ALL]\n";

fn one(found: Vec<(String, String, String)>) -> (String, String, String) {
    assert_eq!(found.len(), 1, "{found:?}");
    found.into_iter().next().unwrap()
}

fn triple(rule: &str, path: &str, message: &str) -> (String, String, String) {
    (rule.into(), path.into(), message.into())
}

#[test]
fn host_namespaces() {
    let spec =
        "  hostNetwork: true\n  hostPID: true\n  containers:\n  - name: app\n    image: nginx\n";
    assert_eq!(
        one(run(spec, Level::Baseline, "latest")),
        triple(
            "pss/hostNamespaces",
            "spec.hostNetwork",
            "host namespaces (hostNetwork=true, hostPID=true)"
        )
    );
}

#[test]
fn privileged() {
    let spec = "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      privileged: true\n";
    assert_eq!(
        one(run(spec, Level::Baseline, "latest")),
        triple(
            "pss/privileged",
            "spec.containers[0].securityContext.privileged",
            "privileged (container \"app\" must not set securityContext.privileged=true)"
        )
    );
}

#[test]
fn capabilities_baseline() {
    let spec = "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      capabilities:\n        add: [CHOWN, NET_RAW, SYS_ADMIN]\n";
    assert_eq!(
        one(run(spec, Level::Baseline, "latest")),
        triple(
            "pss/capabilities_baseline",
            "spec.containers[0].securityContext.capabilities.add[1]",
            "non-default capabilities (container \"app\" must not include \"NET_RAW\", \"SYS_ADMIN\" in securityContext.capabilities.add)"
        )
    );
}

#[test]
fn host_path_volumes_and_restricted_volumes_replacing_them() {
    let spec = format!(
        "{RESTRICTED_OK}  containers:\n{APP_OK}  volumes:\n  - name: logs\n    hostPath:\n      path: /var/log\n"
    );
    assert_eq!(
        one(run(&spec, Level::Baseline, "latest")),
        triple(
            "pss/hostPathVolumes",
            "spec.volumes[0].hostPath",
            "hostPath volumes (volume \"logs\")"
        )
    );
    assert_eq!(
        one(run(&spec, Level::Restricted, "latest")),
        triple(
            "pss/restrictedVolumes",
            "spec.volumes[0].hostPath",
            "restricted volume types (volume \"logs\" uses restricted volume type \"hostPath\")"
        )
    );
}

#[test]
fn host_ports() {
    let spec = "  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 80\n      hostPort: 8080\n";
    assert_eq!(
        one(run(spec, Level::Baseline, "latest")),
        triple(
            "pss/hostPorts",
            "spec.containers[0].ports[0].hostPort",
            "hostPort (container \"app\" uses hostPort 8080)"
        )
    );
}

#[test]
fn apparmor_field_and_template_annotation() {
    let spec = "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      appArmorProfile:\n        type: Unconfined\n";
    assert_eq!(
        one(run(spec, Level::Baseline, "latest")),
        triple(
            "pss/appArmorProfile",
            "spec.containers[0].securityContext.appArmorProfile.type",
            "forbidden AppArmor profile (container \"app\" must not set AppArmor profile type to \"Unconfined\")"
        )
    );
    let annotations =
        "  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\n";
    let spec = "  containers:\n  - name: app\n    image: nginx\n";
    assert_eq!(
        one(run_pod(annotations, spec, Level::Baseline, "v1.20")),
        triple(
            "pss/appArmorProfile",
            "metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]",
            "forbidden AppArmor profile (container.apparmor.security.beta.kubernetes.io/app=\"unconfined\")"
        )
    );
}

#[test]
fn selinux_types_by_version() {
    let spec = "  securityContext:\n    seLinuxOptions:\n      type: container_engine_t\n  containers:\n  - name: app\n    image: nginx\n";
    assert_eq!(
        one(run(spec, Level::Baseline, "v1.30")),
        triple(
            "pss/seLinuxOptions",
            "spec.securityContext.seLinuxOptions.type",
            "seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type \"container_engine_t\")"
        )
    );
    assert!(run(spec, Level::Baseline, "v1.31").is_empty());
}

#[test]
fn proc_mount_baseline_relaxed_for_user_namespaces_but_not_restricted() {
    let spec = "  hostUsers: false\n  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      procMount: Unmasked\n";
    let expected =
        "procMount (container \"app\" must not set securityContext.procMount to \"Unmasked\")";
    assert_eq!(
        one(run(spec, Level::Baseline, "v1.34")),
        triple(
            "pss/procMount",
            "spec.containers[0].securityContext.procMount",
            expected
        )
    );
    assert!(run(spec, Level::Baseline, "v1.35").is_empty());
    let spec = format!(
        "  hostUsers: false\n{RESTRICTED_OK}  containers:\n{APP_OK}      procMount: Unmasked\n"
    );
    assert_eq!(
        one(run(&spec, Level::Restricted, "latest")),
        triple(
            "pss/procMount_restricted",
            "spec.containers[0].securityContext.procMount",
            expected
        )
    );
}

#[test]
fn seccomp_baseline_annotations_then_fields() {
    let annotations = "  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\n";
    let spec = "  containers:\n  - name: app\n    image: nginx\n";
    assert_eq!(
        one(run_pod(annotations, spec, Level::Baseline, "v1.18")),
        triple(
            "pss/seccompProfile_baseline",
            "metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]",
            "seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod=\"unconfined\")"
        )
    );
    let spec = "  securityContext:\n    seccompProfile:\n      type: Unconfined\n  containers:\n  - name: app\n    image: nginx\n";
    assert_eq!(
        one(run(spec, Level::Baseline, "latest")),
        triple(
            "pss/seccompProfile_baseline",
            "spec.securityContext.seccompProfile.type",
            "seccompProfile (pod must not set securityContext.seccompProfile.type to \"Unconfined\")"
        )
    );
}

#[test]
fn sysctls_by_version() {
    let spec = "  securityContext:\n    sysctls:\n    - name: net.ipv4.tcp_rmem\n      value: \"4096 87380 16777216\"\n  containers:\n  - name: app\n    image: nginx\n";
    assert_eq!(
        one(run(spec, Level::Baseline, "v1.31")),
        triple(
            "pss/sysctls",
            "spec.securityContext.sysctls[0].name",
            "forbidden sysctls (net.ipv4.tcp_rmem)"
        )
    );
    assert!(run(spec, Level::Baseline, "v1.32").is_empty());
}

#[test]
fn windows_host_process() {
    let spec = "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      windowsOptions:\n        hostProcess: true\n";
    assert_eq!(
        one(run(spec, Level::Baseline, "latest")),
        triple(
            "pss/windowsHostProcess",
            "spec.containers[0].securityContext.windowsOptions.hostProcess",
            "hostProcess (container \"app\" must not set securityContext.windowsOptions.hostProcess=true)"
        )
    );
}

#[test]
fn host_probes_from_v1_34() {
    let spec = "  containers:\n  - name: app\n    image: nginx\n    livenessProbe:\n      httpGet:\n        host: example.com\n        port: 80\n";
    assert_eq!(
        one(run(spec, Level::Baseline, "v1.34")),
        triple(
            "pss/hostProbesAndHostLifecycle",
            "spec.containers[0].livenessProbe.httpGet.host",
            "probe or lifecycle host (container \"app\" uses probe or lifecycle host \"example.com\")"
        )
    );
    assert!(run(spec, Level::Baseline, "v1.33").is_empty());
}

#[test]
fn allow_privilege_escalation_missing_points_at_the_container() {
    let spec = format!(
        "{RESTRICTED_OK}  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      capabilities:\n        drop: [ALL]\n"
    );
    assert_eq!(
        one(run(&spec, Level::Restricted, "latest")),
        triple(
            "pss/allowPrivilegeEscalation",
            "spec.containers[0]",
            "allowPrivilegeEscalation != false (container \"app\" must set securityContext.allowPrivilegeEscalation=false)"
        )
    );
    assert!(run(&spec, Level::Restricted, "v1.7").is_empty());
}

#[test]
fn run_as_non_root_and_user_relaxed_for_user_namespaces_from_v1_35() {
    let spec = format!(
        "  securityContext:\n    runAsUser: 0\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n{APP_OK}"
    );
    assert_eq!(
        run(&spec, Level::Restricted, "latest"),
        vec![
            triple(
                "pss/runAsUser",
                "spec.securityContext.runAsUser",
                "runAsUser=0 (pod must not set runAsUser=0)"
            ),
            triple(
                "pss/runAsNonRoot",
                "spec.containers[0]",
                "runAsNonRoot != true (pod or container \"app\" must set securityContext.runAsNonRoot=true)"
            ),
        ]
    );
    let relaxed = format!("  hostUsers: false\n{spec}");
    assert!(run(&relaxed, Level::Restricted, "v1.35").is_empty());
    assert_eq!(run(&relaxed, Level::Restricted, "v1.34").len(), 2);
}

#[test]
fn seccomp_restricted_requires_a_profile_except_on_windows() {
    let spec = format!("  securityContext:\n    runAsNonRoot: true\n  containers:\n{APP_OK}");
    assert_eq!(
        one(run(&spec, Level::Restricted, "latest")),
        triple(
            "pss/seccompProfile_restricted",
            "spec.containers[0]",
            "seccompProfile (pod or container \"app\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")"
        )
    );
    let windows = format!("  os:\n    name: windows\n{spec}");
    assert!(run(&windows, Level::Restricted, "v1.25").is_empty());
    assert_eq!(run(&windows, Level::Restricted, "v1.24").len(), 1);
}

#[test]
fn capabilities_restricted() {
    let spec = format!(
        "{RESTRICTED_OK}  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        add: [CHOWN]\n"
    );
    assert_eq!(
        one(run(&spec, Level::Restricted, "latest")),
        triple(
            "pss/capabilities_restricted",
            "spec.containers[0].securityContext.capabilities",
            "unrestricted capabilities (container \"app\" must set securityContext.capabilities.drop=[\"ALL\"]; container \"app\" must not include \"CHOWN\" in securityContext.capabilities.add)"
        )
    );
    // Before v1.22 restricted used the baseline check, which allows CHOWN.
    assert!(run(&spec, Level::Restricted, "v1.21").is_empty());
}

#[test]
fn templates_are_checked_with_their_paths_and_warn_by_default() {
    let text = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          hostPID: true\n          containers:\n          - name: app\n            image: nginx\n";
    let report = check_with(text, &Options::default());
    let pss: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule.id.starts_with("pss/"))
        .collect();
    assert!(pss.iter().all(|f| f.severity == Severity::Warning));
    let host = pss
        .iter()
        .find(|f| f.rule.id == "pss/hostNamespaces")
        .unwrap();
    assert_eq!(host.path, "spec.jobTemplate.spec.template.spec.hostPID");
    assert_eq!(host.pos.line, 12);
    assert_eq!(
        host.message.ja,
        "Podセキュリティの標準(制限)に違反しています: host namespaces (hostPID=true)"
    );
}

#[test]
fn namespace_labels() {
    let text = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n  labels:\n    pod-security.kubernetes.io/enforce: strict\n    pod-security.kubernetes.io/warn-version: \"1.30\"\n    pod-security.kubernetes.io/audit: baseline\n    pod-security.kubernetes.io/audit-version: v1.30\n";
    let report = check_with(text, &Options::default());
    let found: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule.id == "pss/namespace-label")
        .map(|f| (f.path.as_str(), f.pos.line))
        .collect();
    assert_eq!(
        found,
        vec![
            ("metadata.labels[pod-security.kubernetes.io/enforce]", 6),
            (
                "metadata.labels[pod-security.kubernetes.io/warn-version]",
                7
            ),
        ]
    );
}

#[test]
fn versions_parse_and_clamp() {
    assert_eq!("latest".parse(), Ok(Version::Latest));
    assert_eq!("v1.30".parse(), Ok(Version::Minor(30)));
    assert!("1.30".parse::<Version>().is_err());
    assert!("v2.0".parse::<Version>().is_err());
    assert_eq!(Version::Minor(99).resolved(), super::MAX_MINOR);
    assert_eq!(Version::Minor(30).to_string(), "v1.30");
}
