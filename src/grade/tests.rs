use std::path::PathBuf;

use super::*;
use crate::content::{Course, Exercise, PackSource};

/// Matches a YAML pattern against the first object of a YAML input.
fn outcome(pattern: &str, resource: &str) -> Outcome {
    let pattern = validate::parse_single(pattern).unwrap().unwrap();
    let pattern = Pattern::parse(&pattern).unwrap();
    let objects = validate::objects(resource);
    check(&pattern, &objects[0], "")
}

fn passes(pattern: &str, resource: &str) -> bool {
    outcome(pattern, resource) == Outcome::Pass
}

#[test]
fn wildcards_need_the_field() {
    assert!(passes("{a: '*'}", "a: ''"));
    assert!(!passes("{a: '*'}", "b: 1"));
    assert!(passes("{a: '?*'}", "a: x"));
    assert!(!passes("{a: '?*'}", "a: ''"));
    assert!(passes("{image: 'nginx:*'}", "image: nginx:1.27"));
    assert!(!passes("{image: 'nginx:*'}", "image: busybox"));
}

#[test]
fn operators_compare_numbers_and_quantities() {
    assert!(passes("{n: '>2'}", "n: 3"));
    assert!(!passes("{n: '>2'}", "n: 2"));
    assert!(passes("{n: '>=2'}", "n: 2"));
    assert!(passes("{n: '<2'}", "n: 1"));
    assert!(passes("{n: '<=2'}", "n: 2"));
    assert!(!passes("{n: '<=2'}", "n: two"));
    assert!(passes("{memory: '<1Gi'}", "memory: 512Mi"));
    assert!(passes("{cpu: '>=250m'}", "cpu: '0.5'"));
    assert!(passes("{n: 3}", "n: '3'"));
    assert!(passes("{n: '3'}", "n: 3"));
}

#[test]
fn not_and_alternatives() {
    assert!(passes("{p: '!Always'}", "p: Never"));
    assert!(!passes("{p: '!Always'}", "p: Always"));
    assert!(passes("{p: 'Never | OnFailure'}", "p: OnFailure"));
    assert!(!passes("{p: 'Never | OnFailure'}", "p: Always"));
    assert!(passes("{n: '>1 & <3'}", "n: 2"));
    assert!(!passes("{n: '>1 & <3'}", "n: 3"));
    assert!(passes("{b: true}", "b: true"));
    assert!(!passes("{b: true}", "b: 'true'"));
}

#[test]
fn lists_need_every_item_to_match() {
    let pattern = "{containers: [{image: '!*:latest'}]}";
    assert!(passes(pattern, "containers: [{image: a:1}, {image: b:2}]"));
    assert!(!passes(
        pattern,
        "containers: [{image: a:1}, {image: b:latest}]"
    ));
    assert!(!passes(pattern, "containers: {image: a:1}"));
}

#[test]
fn conditional_anchors_skip_objects_that_do_not_qualify() {
    let pattern = "{(kind): Job, spec: {restartPolicy: Never}}";
    assert!(passes(pattern, "{kind: Job, spec: {restartPolicy: Never}}"));
    assert!(!passes(
        pattern,
        "{kind: Job, spec: {restartPolicy: Always}}"
    ));
    assert_eq!(outcome(pattern, "{kind: Pod, spec: {}}"), Outcome::Skip);
    assert_eq!(outcome(pattern, "{spec: {}}"), Outcome::Skip);
    // In a list, only the qualifying items are checked.
    let pattern = "{containers: [{(name): app, image: 'app:*'}]}";
    assert!(passes(
        pattern,
        "containers: [{name: app, image: app:1}, {name: side, image: x}]"
    ));
    assert!(!passes(pattern, "containers: [{name: app, image: x}]"));
}

#[test]
fn existence_anchors_need_one_matching_item() {
    let pattern = "{^(containers): [{name: sidecar}]}";
    assert!(passes(
        pattern,
        "containers: [{name: app}, {name: sidecar}]"
    ));
    assert!(!passes(pattern, "containers: [{name: app}]"));
    assert!(!passes(pattern, "other: 1"));
}

#[test]
fn negation_anchors_forbid_the_field() {
    assert!(passes("{X(hostPath): null}", "emptyDir: {}"));
    let Outcome::Fail(failure) = outcome("{X(hostPath): null}", "name: a\nhostPath: {path: /}")
    else {
        panic!("expected a failure");
    };
    assert_eq!(failure.pos, Pos { line: 2, column: 1 });
    assert_eq!(failure.reason.en, "hostPath: must not be set");
}

#[test]
fn equality_anchors_check_only_present_fields() {
    assert!(passes("{=(hostNetwork): false}", "a: 1"));
    assert!(passes("{=(hostNetwork): false}", "hostNetwork: false"));
    assert!(!passes("{=(hostNetwork): false}", "hostNetwork: true"));
}

#[test]
fn failures_point_at_the_node() {
    let Outcome::Fail(failure) = outcome(
        "{spec: {template: {spec: {restartPolicy: Never}}}}",
        "spec:\n  template:\n    spec:\n      restartPolicy: Always\n",
    ) else {
        panic!("expected a failure");
    };
    assert_eq!(
        failure.pos,
        Pos {
            line: 4,
            column: 22
        }
    );
    assert_eq!(
        failure.reason.en,
        "spec.template.spec.restartPolicy: `Always` does not match the expected value"
    );
}

fn fixture() -> Exercise {
    let source = PackSource::Dir(PathBuf::from("tests/fixtures/packs/good"));
    let course = Course::load(&source).unwrap();
    course.exercises()[0].clone()
}

#[test]
fn the_fixture_solution_passes_and_the_starter_fails() {
    let exercise = fixture();
    let verdict = exercise.grade(&exercise.solution);
    assert!(verdict.passed, "{verdict:#?}");
    assert!(verdict.checks.iter().all(|c| c.passed));

    let verdict = exercise.grade(&exercise.starter);
    assert!(!verdict.passed);
    assert_eq!(verdict.findings[0].severity, validate::Severity::Error);
    let failed: Vec<(&str, Option<usize>)> = verdict
        .checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| (c.id.as_str(), c.pos.map(|p| p.line)))
        .collect();
    assert_eq!(failed, [("valid", Some(8)), ("restart-policy", Some(8))]);
}

#[test]
fn a_pattern_needs_a_matching_document() {
    let exercise = fixture();
    let verdict = exercise.grade("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    let check = &verdict.checks[1];
    assert!(!check.passed);
    assert_eq!(check.reason.as_ref().unwrap().en, "no document matches");
}

fn with_rule(rule: Builtin) -> Exercise {
    let exercise = fixture();
    Exercise {
        checks: vec![Check {
            id: "rule".into(),
            kind: CheckKind::Builtin(rule),
            hint: None,
            pos: exercise.checks[0].pos,
        }],
        ..exercise
    }
}

const SHARED: &str = "apiVersion: v1
kind: Pod
metadata: {name: two}
spec:
  volumes:
    - name: data
      emptyDir: {}
  containers:
    - name: a
      image: busybox:1.36
      volumeMounts: [{name: data, mountPath: /a}]
    - name: b
      image: busybox:1.36
      volumeMounts: [{name: data, mountPath: /b}]
";

#[test]
fn kinds_present_names_what_is_missing() {
    let exercise = with_rule(Builtin::KindsPresent {
        kinds: vec!["Pod".into(), "Service".into()],
    });
    let check = &exercise.grade(SHARED).checks[0];
    assert!(!check.passed);
    assert_eq!(check.reason.as_ref().unwrap().en, "missing: Service");
}

#[test]
fn pod_security_rules_use_the_level() {
    let privileged = SHARED.replace(
        "    - name: b\n",
        "    - name: b\n      securityContext: {privileged: true}\n",
    );
    let baseline = with_rule(Builtin::PssBaseline);
    assert!(baseline.grade(SHARED).checks[0].passed);
    assert!(!baseline.grade(&privileged).checks[0].passed);
    assert!(!with_rule(Builtin::PssRestricted).grade(SHARED).checks[0].passed);
}

#[test]
fn selector_mismatch_fails_its_rule() {
    let deployment = "apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: web, image: nginx:1.27}]
";
    let exercise = with_rule(Builtin::SelectorMatchesTemplate);
    assert!(!exercise.grade(deployment).checks[0].passed);
    let fixed = deployment.replace("app: api", "app: web");
    assert!(exercise.grade(&fixed).checks[0].passed);
}
