//! The built-in course meets the course's own rules (the content issue):
//! nine lessons in English and Japanese, prose of the right length, a
//! diagram and a misconceptions section in each, quizzes with enough items,
//! kinds and misconception items, YAML examples the validator accepts, and
//! exercises with correct and wrong variants beside them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;

use kubetutor::content::{Answer, Choice, Course, Lesson, PackSource};
use kubetutor::i18n::Lang;
use kubetutor::validate::{self, Severity};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

const LESSONS: [&str; 9] = [
    "resource-categories",
    "workload-apis",
    "the-pod",
    "pod-design-patterns",
    "dns-policy",
    "pods-on-eks",
    "pod-security",
    "pod-lifecycle",
    "configuring-pods",
];

fn course() -> Course {
    Course::load(&PackSource::BuiltIn).expect("the built-in course loads")
}

fn lessons(course: &Course, lang: Lang) -> Vec<&Lesson> {
    course
        .lessons()
        .iter()
        .filter_map(|set| set.get(lang))
        .filter(|l| !l.fallback)
        .map(|l| l.lesson)
        .collect()
}

/// Fenced code blocks: (info string, text).
fn code_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                current = Some((info.to_string(), String::new()));
            }
            Event::Text(text) => {
                if let Some((_, body)) = current.as_mut() {
                    body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

/// Words of prose: the body without fenced code blocks and diagrams.
fn prose_words(markdown: &str) -> usize {
    let mut in_code = false;
    markdown
        .lines()
        .filter(|line| {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
                return false;
            }
            !in_code
        })
        .map(|line| line.split_whitespace().count())
        .sum()
}

#[test]
fn nine_lessons_in_both_languages_in_course_order() {
    let course = course();
    for lang in Lang::ALL {
        let ids: Vec<&str> = lessons(&course, lang)
            .iter()
            .map(|l| l.meta.id.as_str())
            .collect();
        assert_eq!(ids, LESSONS, "{lang}");
    }
}

#[test]
fn each_lesson_has_prose_a_diagram_misconceptions_and_sources() {
    let course = course();
    for lesson in lessons(&course, Lang::En) {
        let words = prose_words(&lesson.body);
        assert!(
            (1_000..=2_500).contains(&words),
            "{}: {words} words of prose",
            lesson.meta.id
        );
    }
    for lang in Lang::ALL {
        let heading = match lang {
            Lang::En => "## Common misconceptions",
            Lang::Ja => "## よくある誤解",
        };
        for lesson in lessons(&course, lang) {
            let id = format!("{} ({lang})", lesson.meta.id);
            assert!(
                lesson.body.contains(heading),
                "{id}: no `{heading}` section"
            );
            assert!(
                code_blocks(&lesson.body)
                    .iter()
                    .any(|(info, _)| info.starts_with("diagram ")),
                "{id}: no diagram"
            );
            assert!(!lesson.meta.objectives.is_empty(), "{id}: no objectives");
            assert!(
                lesson
                    .meta
                    .sources
                    .iter()
                    .all(|s| s.starts_with("https://")),
                "{id}: sources"
            );
        }
    }
}

#[test]
fn every_yaml_example_passes_the_validator() {
    let course = course();
    let mut checked = 0;
    for lang in Lang::ALL {
        for lesson in lessons(&course, lang) {
            for (info, text) in code_blocks(&lesson.body) {
                let words: Vec<&str> = info.split_whitespace().collect();
                if words.first() != Some(&"yaml") || words.contains(&"fragment") {
                    continue;
                }
                // `kube-version=1.35`: the example is checked for that release.
                let mut options = validate::Options::default();
                if let Some(release) = words.iter().find_map(|w| w.strip_prefix("kube-version=")) {
                    options.cluster.version = release.parse().expect("a known release");
                }
                let errors: Vec<String> = validate::check_with(&text, &options)
                    .findings
                    .into_iter()
                    .filter(|f| f.severity == Severity::Error)
                    .map(|f| format!("{}:{}: {}", f.pos.line, f.pos.column, f.message.en))
                    .collect();
                assert!(
                    errors.is_empty(),
                    "{} ({lang}): a yaml example has errors: {errors:#?}\n{text}",
                    lesson.meta.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 30, "only {checked} examples found");
}

#[test]
fn each_quiz_has_enough_items_kinds_and_misconceptions() {
    let course = course();
    for lang in Lang::ALL {
        for lesson in lessons(&course, lang) {
            let id = format!("{} ({lang})", lesson.meta.id);
            let quiz = &lesson.quiz;
            assert!(quiz.len() >= 10, "{id}: {} quiz items", quiz.len());
            let kinds: BTreeSet<&str> = quiz.iter().map(|item| item.kind().label()).collect();
            assert!(kinds.len() >= 3, "{id}: kinds {kinds:?}");
            let misconceptions = quiz.iter().filter(|item| item.misconception).count();
            assert!(
                misconceptions >= 3,
                "{id}: {misconceptions} misconception items"
            );
            assert!(
                quiz.iter().all(|item| !item.explanation.trim().is_empty()),
                "{id}: an item without explanation"
            );
        }
    }
}

#[test]
fn pack_lint_proves_at_least_64_right_and_64_wrong_answers() {
    let course = Course::load_with_variants(&PackSource::BuiltIn).expect("course");
    let report = Course::lint(&PackSource::BuiltIn).expect("lint");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let variants = course.exercises().iter().flat_map(|e| &e.variants);
    let (pass, fail): (Vec<_>, Vec<_>) =
        variants.partition(|v| v.expect == kubetutor::content::Expectation::Pass);
    assert!(pass.len() >= 64, "{} pass variants", pass.len());
    assert!(fail.len() >= 64, "{} fail variants", fail.len());
}

#[test]
fn no_option_gives_the_answer_away_by_its_length() {
    let course = course();
    for lang in Lang::ALL {
        let (mut singles, mut longest) = (0, 0);
        let mut keys = (0, 0);
        for lesson in lessons(&course, lang) {
            for item in &lesson.quiz {
                match &item.answer {
                    Answer::Single(choices) => {
                        singles += 1;
                        let width = |c: &Choice| c.text.chars().count();
                        let max = choices.iter().map(width).max().unwrap_or(0);
                        let key = choices.iter().find(|c| c.correct).unwrap();
                        let alone = choices.iter().filter(|c| width(c) == max).count() == 1;
                        longest += usize::from(width(key) == max && alone);
                    }
                    Answer::TrueFalse(key) => {
                        keys.0 += usize::from(*key);
                        keys.1 += 1;
                    }
                    _ => {}
                }
            }
        }
        // The right option is the one longest option in well under half of
        // the single-choice items (1/k would be chance for k options).
        assert!(
            longest * 100 <= singles * 35,
            "{lang}: the key is the longest option in {longest} of {singles} items"
        );
        // About half of the true/false items are true.
        assert!(
            (40..=60).contains(&(keys.0 * 100 / keys.1)),
            "{lang}: {} of {} true/false keys are true",
            keys.0,
            keys.1
        );
    }
}

#[test]
fn the_exercises_the_course_promises_exist_with_variants() {
    let course = course();
    let ids: BTreeSet<&str> = course.exercises().iter().map(|e| e.id.as_str()).collect();
    for id in [
        "sidecar-log-shipper",
        "ambassador-proxy",
        "adapter-metrics-exporter",
        "native-sidecar",
        "fix-deployment-selector",
        "fix-job-restart-policy",
        "write-cronjob",
        "daemonset-log-agent",
        "statefulset-headless",
        "dns-policy-none",
        "hostnetwork-cluster-dns",
        "guaranteed-qos-pod",
        "irsa-service-account",
        "restricted-pod",
        "default-deny-networkpolicy",
        "restricted-namespace",
        "configmap-files-and-env",
        "startup-probe-slow-start",
        "graceful-shutdown-prestop",
        "resize-policy",
        "headless-service-dns",
        "readiness-gated-service",
        "pod-dns-config",
        "container-restart-rules",
    ] {
        assert!(ids.contains(id), "missing exercise {id}");
    }
    for exercise in course.exercises() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(&exercise.dir);
        let names: Vec<String> = std::fs::read_dir(&dir)
            .expect("exercise folder")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let count = |prefix: &str| names.iter().filter(|n| n.starts_with(prefix)).count();
        assert!(
            count("pass-") >= 4,
            "{}: {} correct variants",
            exercise.id,
            count("pass-")
        );
        assert!(
            count("fail-") >= 4,
            "{}: {} wrong variants",
            exercise.id,
            count("fail-")
        );
        for lang in Lang::ALL {
            assert!(
                exercise.instructions.has(lang),
                "{}: instructions in {lang}",
                exercise.id
            );
        }
    }
}

#[test]
fn the_promised_diagrams_exist() {
    let course = course();
    for name in [
        "workload-ownership",
        "pod-anatomy",
        "pod-pattern-sidecar",
        "pod-pattern-ambassador",
        "pod-pattern-adapter",
        "dns-resolution",
        "eks-eni-pod-ips",
        "07-pss-levels",
        "09-config-paths",
    ] {
        assert!(course.diagram(name).is_some(), "missing diagram {name}");
    }
}
