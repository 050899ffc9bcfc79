//! Whatever the input, the validator answers with findings, never a panic:
//! arbitrary bytes, arbitrary text, and manifest-shaped YAML built from real
//! field names with random values.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kubetutor::validate;
use proptest::prelude::*;

const KEYS: &[&str] = &[
    "apiVersion",
    "kind",
    "metadata",
    "name",
    "labels",
    "spec",
    "template",
    "containers",
    "initContainers",
    "image",
    "ports",
    "containerPort",
    "hostPort",
    "protocol",
    "env",
    "value",
    "valueFrom",
    "resources",
    "requests",
    "limits",
    "cpu",
    "memory",
    "selector",
    "matchLabels",
    "replicas",
    "restartPolicy",
    "dnsPolicy",
    "dnsConfig",
    "nameservers",
    "volumes",
    "volumeMounts",
    "mountPath",
    "livenessProbe",
    "httpGet",
    "schedule",
    "jobTemplate",
    "data",
    "type",
    "targetPort",
    "nodePort",
    "policyTypes",
    "accessModes",
    "storage",
    "items",
];

const SCALARS: &[&str] = &[
    "v1",
    "apps/v1",
    "batch/v1",
    "Pod",
    "Deployment",
    "CronJob",
    "Service",
    "List",
    "web",
    "",
    "yes",
    "0",
    "-1",
    "65536",
    "500m",
    "1e9",
    "64M",
    "\"*/5 * * * *\"",
    "Always",
    "None",
    "~",
    "[]",
    "{}",
    "\"a b\"",
    "x--y",
    "ReadWriteOnce",
    "TZ=UTC 0 * * * *",
    "0x10",
    ".inf",
];

fn yaml_value(depth: u32) -> BoxedStrategy<String> {
    let scalar = prop::sample::select(SCALARS)
        .prop_map(str::to_string)
        .boxed();
    if depth == 0 {
        return scalar;
    }
    let map = prop::collection::vec((prop::sample::select(KEYS), yaml_value(depth - 1)), 0..5)
        .prop_map(|entries| {
            let body: Vec<String> = entries
                .into_iter()
                .map(|(k, v)| format!("{k}: {v}"))
                .collect();
            format!("{{{}}}", body.join(", "))
        });
    let seq = prop::collection::vec(yaml_value(depth - 1), 0..4)
        .prop_map(|items| format!("[{}]", items.join(", ")));
    prop_oneof![scalar, map, seq].boxed()
}

fn manifest() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&["v1", "apps/v1", "batch/v1", "networking.k8s.io/v1"][..]),
        prop::sample::select(
            &["Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service", "ConfigMap", "Secret", "NetworkPolicy", "PersistentVolumeClaim", "List"][..],
        ),
        yaml_value(4),
        yaml_value(2),
    )
        .prop_map(|(api_version, kind, spec, metadata)| {
            format!("apiVersion: {api_version}\nkind: {kind}\nmetadata: {metadata}\nspec: {spec}\nitems: [{{apiVersion: v1, kind: Pod, spec: {spec}}}]\n")
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        validate::check_bytes(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[ -~\\n\\t:{}\\[\\]&*!|>-]{0,300}") {
        validate::check(&text);
    }

    #[test]
    fn manifest_shaped_yaml_never_panics(text in manifest()) {
        let report = validate::check(&text);
        for finding in &report.findings {
            prop_assert!(finding.pos.line >= 1 && finding.pos.column >= 1);
            prop_assert!(!finding.message.en.is_empty() && !finding.message.ja.is_empty());
        }
    }
}

/// The built-in course, loaded once for the grading properties.
fn course() -> &'static kubetutor::content::Course {
    static COURSE: std::sync::OnceLock<kubetutor::content::Course> = std::sync::OnceLock::new();
    COURSE.get_or_init(|| {
        kubetutor::content::Course::load(&kubetutor::content::PackSource::BuiltIn)
            .expect("built-in course")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn grading_any_manifest_shape_never_panics_and_never_passes_garbage(
        pick in 0usize..64,
        text in manifest(),
    ) {
        let exercises = course().exercises();
        let exercise = &exercises[pick % exercises.len()];
        let verdict = exercise.grade(&text);
        prop_assert_eq!(verdict.checks.len(), exercise.checks.len());
        // Every shape generated has a field its kind does not have (`items`
        // beside a spec, or a spec on a List), so no answer built this way
        // can pass any exercise.
        prop_assert!(!verdict.passed, "{} passed garbage:\n{}", exercise.id, text);
    }

    #[test]
    fn grading_arbitrary_text_never_panics(pick in 0usize..64, text in "[ -~\\n\\t:{}\\[\\]&*!|>-]{0,300}") {
        let exercises = course().exercises();
        let verdict = exercises[pick % exercises.len()].grade(&text);
        prop_assert!(!verdict.passed || text.contains("apiVersion"));
    }
}
