//! Findings the API server rules for workload controllers produce, checked
//! through the whole validator as a learner would see them.

use crate::validate::rules::test_support::{errors, one};
use crate::validate::{Severity, check};

fn deployment(spec: &str) -> String {
    format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n{spec}  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n"
    )
}

const SELECTOR: &str = "  selector:\n    matchLabels:\n      app: web\n";

#[test]
fn valid_deployment_is_clean() {
    assert_eq!(errors(&deployment(SELECTOR)), []);
}

#[test]
fn selector_must_match_template_labels() {
    let yaml = deployment("  selector:\n    matchLabels:\n      app: api\n");
    let (path, message) = one(&yaml);
    assert_eq!(path, "spec.template.metadata.labels");
    assert_eq!(
        message,
        "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"
    );
    let finding = check(&yaml).findings.into_iter().find(|f| f.path == path);
    let help = finding
        .map(|f| f.help)
        .unwrap_or_else(|| crate::validate::Text::new("", ""));
    assert!(help.en.contains("`app: api`"), "{}", help.en);
    assert!(help.ja.contains("`app: api`"), "{}", help.ja);
}

#[test]
fn empty_selector() {
    let found = errors(&deployment("  selector: {}\n"));
    assert_eq!(
        found,
        [(
            "spec.selector".to_string(),
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment".to_string()
        )]
    );
}

#[test]
fn invalid_selector_adds_invalid_label_selector() {
    let found = errors(&deployment(
        "  selector:\n    matchExpressions:\n      - {key: app, operator: Equals, values: [web]}\n",
    ));
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].1.ends_with(": invalid label selector"),
        "{found:#?}"
    );
    assert!(
        found[1].1.ends_with("not a valid selector operator"),
        "{found:#?}"
    );
}

#[test]
fn negative_replicas() {
    let (path, message) = one(&deployment(&format!("  replicas: -1\n{SELECTOR}")));
    assert_eq!(path, "spec.replicas");
    assert_eq!(
        message,
        "spec.replicas: Invalid value: -1: must be greater than or equal to 0"
    );
}

#[test]
fn negative_min_ready_and_history() {
    let found = errors(&deployment(&format!(
        "  minReadySeconds: -5\n  revisionHistoryLimit: -2\n{SELECTOR}"
    )));
    assert_eq!(
        found[0].1,
        "spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0"
    );
    assert_eq!(
        found[1].1,
        "spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0"
    );
}

#[test]
fn progress_deadline_must_exceed_min_ready() {
    let (_, message) = one(&deployment(&format!(
        "  minReadySeconds: 30\n  progressDeadlineSeconds: 30\n{SELECTOR}"
    )));
    assert_eq!(
        message,
        "spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds"
    );
    let (path, message) = one(&deployment(&format!("  minReadySeconds: 600\n{SELECTOR}")));
    assert_eq!(path, "spec.progressDeadlineSeconds");
    assert_eq!(
        message,
        "spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds"
    );
}

#[test]
fn recreate_forbids_rolling_update() {
    let (path, message) = one(&deployment(&format!(
        "{SELECTOR}  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 1\n"
    )));
    assert_eq!(path, "spec.strategy.rollingUpdate");
    assert_eq!(
        message,
        "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"
    );
}

#[test]
fn unknown_strategy_type() {
    let (path, message) = one(&deployment(&format!(
        "{SELECTOR}  strategy:\n    type: Rolling\n"
    )));
    assert_eq!(path, "spec.strategy");
    assert_eq!(
        message,
        "spec.strategy: Unsupported value: {\"type\":\"Rolling\"}: supported values: \"Recreate\", \"RollingUpdate\""
    );
}

#[test]
fn both_zero_and_bad_percentages() {
    let (path, message) = one(&deployment(&format!(
        "{SELECTOR}  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n"
    )));
    assert_eq!(path, "spec.strategy.rollingUpdate.maxUnavailable");
    assert_eq!(
        message,
        "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0"
    );
    let found = errors(&deployment(&format!(
        "{SELECTOR}  strategy:\n    rollingUpdate:\n      maxSurge: 25\n      maxUnavailable: \"150%\"\n"
    )));
    assert_eq!(
        found,
        [(
            "spec.strategy.rollingUpdate.maxUnavailable".to_string(),
            "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"150%\"}: must not be greater than 100%".to_string()
        )]
    );
    let (_, message) = one(&deployment(&format!(
        "{SELECTOR}  strategy:\n    rollingUpdate:\n      maxSurge: \"25\"\n"
    )));
    assert_eq!(
        message,
        "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"25\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"
    );
}

fn stateful_set(extra: &str) -> String {
    format!(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels:\n      app: db\n{extra}  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: postgres:16.4\n"
    )
}

#[test]
fn stateful_set_policies() {
    assert_eq!(errors(&stateful_set("")), []);
    let (path, message) = one(&stateful_set("  podManagementPolicy: Serial\n"));
    assert_eq!(path, "spec.podManagementPolicy");
    assert_eq!(
        message,
        "spec.podManagementPolicy: Invalid value: \"Serial\": must be 'OrderedReady' or 'Parallel'"
    );
    let (_, message) = one(&stateful_set("  updateStrategy:\n    type: Rolling\n"));
    assert_eq!(
        message,
        "spec.updateStrategy: Invalid value: {\"type\":\"Rolling\"}: must be 'RollingUpdate' or 'OnDelete'"
    );
    let (_, message) = one(&stateful_set(
        "  updateStrategy:\n    type: OnDelete\n    rollingUpdate:\n      partition: 1\n",
    ));
    assert_eq!(
        message,
        "spec.updateStrategy.rollingUpdate: Invalid value: {\"partition\":1}: only allowed for updateStrategy 'RollingUpdate'"
    );
    let (_, message) = one(&stateful_set(
        "  updateStrategy:\n    rollingUpdate:\n      partition: -1\n",
    ));
    assert_eq!(
        message,
        "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0"
    );
    let (_, message) = one(&stateful_set(
        "  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n",
    ));
    assert_eq!(
        message,
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: cannot be 0"
    );
    let (_, message) = one(&stateful_set(
        "  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Keep\n",
    ));
    assert_eq!(
        message,
        "spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: \"Keep\": supported values: \"Retain\", \"Delete\""
    );
}

#[test]
fn stateful_set_selector_wording_and_claim_warning() {
    let yaml = stateful_set("").replace(
        "  selector:\n    matchLabels:\n      app: db\n",
        "  selector:\n    matchLabels: {}\n",
    );
    let (_, message) = one(&yaml);
    assert!(
        message.ends_with(": empty selector is invalid for statefulset"),
        "{message}"
    );
    let warned = check(&stateful_set(
        "  volumeClaimTemplates:\n    - metadata:\n        name: Data\n",
    ));
    let warning = warned
        .findings
        .iter()
        .find(|f| f.severity == Severity::Warning && f.rule.id == "api/volume-claim-template-name");
    assert!(
        warning.is_some_and(|f| f.path == "spec.volumeClaimTemplates[0].metadata.name"),
        "{:#?}",
        warned.findings
    );
}

fn daemon_set(strategy: &str) -> String {
    format!(
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels:\n      app: agent\n{strategy}  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n      containers:\n        - name: agent\n          image: busybox:1.36\n"
    )
}

#[test]
fn daemon_set_strategies() {
    assert_eq!(
        errors(&daemon_set("  updateStrategy:\n    type: OnDelete\n")),
        []
    );
    let (path, message) = one(&daemon_set(
        "  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n",
    ));
    assert_eq!(path, "spec.updateStrategy.rollingUpdate.maxSurge");
    assert_eq!(
        message,
        "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:\"\"}: may not be set when maxUnavailable is non-zero"
    );
    assert_eq!(
        errors(&daemon_set(
            "  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n"
        )),
        []
    );
    let (_, message) = one(&daemon_set(
        "  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n",
    ));
    assert_eq!(
        message,
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0"
    );
    let (path, message) = one(&daemon_set("  updateStrategy:\n    type: Always\n"));
    assert_eq!(path, "spec.updateStrategy");
    assert_eq!(
        message,
        "spec.updateStrategy: Unsupported value: {\"type\":\"Always\"}: supported values: \"RollingUpdate\", \"OnDelete\""
    );
}

#[test]
fn replica_set_and_daemon_set_mismatch() {
    let yaml = daemon_set("").replace(
        "      labels:\n        app: agent\n",
        "      labels:\n        app: other\n",
    );
    let (path, _) = one(&yaml);
    assert_eq!(path, "spec.template.metadata.labels");
    let rs = deployment(SELECTOR)
        .replace("kind: Deployment", "kind: ReplicaSet")
        .replace("app: web\n  template", "app: api\n  template");
    let (_, message) = one(&rs);
    assert!(
        message.ends_with("`selector` does not match template `labels`"),
        "{message}"
    );
}

fn controller(spec: &str) -> String {
    format!("apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n{spec}")
}

const RC_TEMPLATE: &str = "  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n";

#[test]
fn replication_controller_selector() {
    assert_eq!(errors(&controller(RC_TEMPLATE)), []);
    assert_eq!(
        errors(&controller(&format!(
            "  selector:\n    app: web\n{RC_TEMPLATE}"
        ))),
        []
    );
    let (path, message) = one(&controller(&format!(
        "  selector:\n    app: api\n{RC_TEMPLATE}"
    )));
    assert_eq!(path, "spec.template.metadata.labels");
    assert_eq!(
        message,
        "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"
    );
    let found = errors(&controller("  replicas: 1\n"));
    assert_eq!(
        found,
        [
            (
                "spec.template".to_string(),
                "spec.template: Required value".to_string()
            ),
            (
                "spec.selector".to_string(),
                "spec.selector: Required value".to_string()
            ),
        ]
    );
}

fn job(spec: &str) -> String {
    format!(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n{spec}  template:\n    metadata:\n      labels:\n        app: pi\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: pi\n          image: perl:5.34.0\n"
    )
}

#[test]
fn job_counts() {
    assert_eq!(errors(&job("  backoffLimit: 4\n")), []);
    for field in [
        "parallelism",
        "completions",
        "backoffLimit",
        "activeDeadlineSeconds",
        "ttlSecondsAfterFinished",
    ] {
        let (path, message) = one(&job(&format!("  {field}: -1\n")));
        assert_eq!(path, format!("spec.{field}"));
        assert_eq!(
            message,
            format!("spec.{field}: Invalid value: -1: must be greater than or equal to 0")
        );
    }
}

#[test]
fn job_completion_mode() {
    let (path, message) = one(&job("  completionMode: Ordered\n"));
    assert_eq!(path, "spec.completionMode");
    assert_eq!(
        message,
        "spec.completionMode: Unsupported value: \"Ordered\": supported values: \"NonIndexed\", \"Indexed\""
    );
    let (_, message) = one(&job("  completionMode: Indexed\n"));
    assert_eq!(
        message,
        "spec.completions: Required value: when completion mode is Indexed"
    );
    assert_eq!(
        errors(&job("  completionMode: Indexed\n  completions: 5\n")),
        []
    );
    let (_, message) = one(&job("  backoffLimitPerIndex: 1\n"));
    assert_eq!(
        message,
        "spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode"
    );
}

#[test]
fn indexed_job_limits() {
    let (path, message) = one(&job(
        "  completionMode: Indexed\n  completions: 4\n  parallelism: 100001\n",
    ));
    assert_eq!(path, "spec.parallelism");
    assert_eq!(
        message,
        "spec.parallelism: Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed"
    );
    let (_, message) = one(&job(
        "  completionMode: Indexed\n  completions: 2\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 3\n",
    ));
    assert_eq!(
        message,
        "spec.maxFailedIndexes: Invalid value: 3: must be less than or equal to completions"
    );
    let (_, message) = one(&job(
        "  completionMode: Indexed\n  completions: 2\n  maxFailedIndexes: 1\n",
    ));
    assert_eq!(
        message,
        "spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified"
    );
    let long = job("  completionMode: Indexed\n  completions: 10\n")
        .replace("name: pi\n", &format!("name: {}\n", "a".repeat(62)));
    let found = errors(&long);
    let hostname = found
        .iter()
        .find(|(path, _)| path == "metadata.name")
        .map(|(_, message)| message.clone());
    assert_eq!(
        hostname.unwrap_or_default(),
        format!(
            "metadata.name: Invalid value: \"{0}\": will not able to create pod with invalid DNS label: {0}-9",
            "a".repeat(62)
        )
    );
}

#[test]
fn unusable_selectors_per_kind() {
    let bad = "  selector:\n    matchLabels:\n      app: db\n    matchExpressions:\n      - {key: x, operator: Has}\n";
    let found =
        errors(&stateful_set("").replace("  selector:\n    matchLabels:\n      app: db\n", bad));
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].1.starts_with("spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"db\"}"));
    assert!(
        found[0].1.ends_with("Values:[]string(nil)}}}"),
        "{}",
        found[0].1
    );
    let daemon = daemon_set("").replace(
        "  selector:\n    matchLabels:\n      app: agent\n",
        "  selector:\n    matchExpressions:\n      - {key: x, operator: Has}\n",
    );
    let (path, _) = one(&daemon);
    assert_eq!(path, "spec.selector.matchExpressions[0].operator");
}

#[test]
fn job_selector_needs_manual_selector() {
    let (path, message) = one(&job("  selector:\n    matchLabels:\n      app: pi\n"));
    assert_eq!(path, "spec.selector");
    assert_eq!(
        message,
        "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"pi\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated"
    );
    assert_eq!(
        errors(&job(
            "  manualSelector: true\n  selector:\n    matchLabels:\n      app: pi\n"
        )),
        []
    );
    let (path, message) = one(&job(
        "  manualSelector: true\n  selector:\n    matchLabels:\n      app: other\n",
    ));
    assert_eq!(path, "spec.template.metadata.labels");
    assert!(message.ends_with("`selector` does not match template `labels`"));
    let (_, message) = one(&job("  manualSelector: true\n"));
    assert_eq!(message, "spec.selector: Required value");
}

#[test]
fn pod_failure_policy_rules_and_restart_policy() {
    let job = |rules: &str, restart: &str| {
        format!(
            "apiVersion: batch/v1\nkind: Job\nmetadata: {{name: j}}\nspec:\n  podFailurePolicy:\n    rules:\n{rules}  template:\n    spec:\n      restartPolicy: {restart}\n      containers: [{{name: main, image: busybox:1.36}}]\n"
        )
    };
    let good = "    - action: FailJob\n      onExitCodes: {containerName: main, operator: In, values: [1, 42]}\n    - action: Ignore\n      onPodConditions: [{type: DisruptionTarget, status: \"True\"}]\n";
    assert_eq!(errors(&job(good, "Never")), []);
    let found = errors(&job(good, "OnFailure"));
    assert_eq!(
        found,
        [(
            "spec.template.spec.restartPolicy".to_string(),
            "spec.template.spec.restartPolicy: Invalid value: \"OnFailure\": only \"Never\" is supported when podFailurePolicy is specified".to_string()
        )]
    );
    let bad = "    - action: FailIndex\n      onExitCodes: {operator: In, values: [42, 0]}\n    - action: Count\n";
    let messages: Vec<String> = errors(&job(bad, "Never"))
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    assert_eq!(
        messages,
        [
            "spec.podFailurePolicy.rules[0].action: Invalid value: \"FailIndex\": requires the backoffLimitPerIndex to be set",
            "spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{42, 0}: must be ordered",
            "spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator",
            "spec.podFailurePolicy.rules[1]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required",
        ]
    );
}
