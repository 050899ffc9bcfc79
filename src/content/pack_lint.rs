//! Checks across files: every lesson in every language with the same quiz
//! items, unique ids, existing prerequisites, diagrams, links and lessons.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use super::course::Course;
use super::lesson::Lesson;
use super::problem::Problem;
use super::proof;
use super::quiz::{Answer, QuizItem, QuizKind};
use crate::i18n::Lang;
use crate::i18n::Localized;
use crate::markdown::{MAX_NESTING, RefKind, references, too_deep};
use crate::validate::Pos;

/// The outcome of `pack lint`: every problem, every warning (what a pack
/// may do but a fair quiz should not), and what the pack holds.
#[derive(Debug)]
pub struct LintReport {
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
    pub lessons: usize,
    pub languages: Vec<Lang>,
    pub quiz_items: usize,
    pub exercises: usize,
}

impl LintReport {
    pub(crate) fn new(
        course: &Course,
        problems: Vec<Problem>,
        warnings: Vec<Problem>,
    ) -> LintReport {
        let languages: BTreeSet<Lang> = course
            .lessons()
            .iter()
            .flat_map(|set| set.languages())
            .collect();
        let quiz_items = course
            .lessons()
            .iter()
            .filter_map(|set| set.get(Lang::En))
            .map(|l| l.lesson.quiz.len())
            .sum();
        LintReport {
            problems,
            warnings,
            lessons: course.lessons().len(),
            languages: languages.into_iter().collect(),
            quiz_items,
            exercises: course.exercises().len(),
        }
    }
}

/// Where things were found, so checks across files can point at a line.
#[derive(Debug, Default)]
pub(crate) struct SourceMap {
    lessons: BTreeMap<(String, Lang), LessonSource>,
    quizzes: BTreeMap<(String, Lang), QuizSource>,
}

#[derive(Debug)]
struct LessonSource {
    display: PathBuf,
    id: Pos,
    prerequisites: Pos,
}

#[derive(Debug)]
struct QuizSource {
    display: PathBuf,
    items: BTreeMap<String, (QuizKind, Pos)>,
}

impl SourceMap {
    pub(crate) fn add_lesson(&mut self, lesson: &Lesson, display: PathBuf) {
        self.lessons
            .entry((lesson.meta.id.clone(), lesson.lang))
            .or_insert(LessonSource {
                display,
                id: lesson.id_pos,
                prerequisites: lesson.prerequisites_pos,
            });
    }

    pub(crate) fn add_quiz(
        &mut self,
        lesson: &Lesson,
        display: PathBuf,
        declared: Vec<(String, QuizKind, Pos)>,
    ) {
        let items = declared
            .into_iter()
            .map(|(id, kind, pos)| (id, (kind, pos)))
            .collect();
        self.quizzes.insert(
            (lesson.meta.id.clone(), lesson.lang),
            QuizSource { display, items },
        );
    }

    /// The quiz items a lesson's quiz file declares, with their kinds.
    fn declared_items(&self, lesson: &Lesson) -> BTreeMap<&str, QuizKind> {
        self.quizzes
            .get(&(lesson.meta.id.clone(), lesson.lang))
            .map(|quiz| {
                quiz.items
                    .iter()
                    .map(|(id, (kind, _))| (id.as_str(), *kind))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub(crate) fn lesson(&self, id: &str, lang: Lang) -> Option<(&Path, Pos)> {
        self.lessons
            .get(&(id.to_string(), lang))
            .map(|source| (source.display.as_path(), source.id))
    }

    fn problem_at_lesson(
        &self,
        lesson: &Lesson,
        pick: fn(&LessonSource) -> Pos,
        message: String,
    ) -> Problem {
        match self.lessons.get(&(lesson.meta.id.clone(), lesson.lang)) {
            Some(source) => {
                let pos = pick(source);
                Problem::new(&source.display, pos.line, pos.column, message)
            }
            None => Problem::new(&lesson.path, 1, 1, message),
        }
    }

    /// A problem at the top of the lesson's quiz file, or at its id when it
    /// has none.
    fn problem_at_quiz(&self, lesson: &Lesson, message: String) -> Problem {
        match self.quizzes.get(&(lesson.meta.id.clone(), lesson.lang)) {
            Some(quiz) => Problem::new(&quiz.display, 1, 1, message),
            None => self.problem_at_lesson(lesson, |s| s.id, message),
        }
    }

    fn problem_at_item(&self, lesson: &Lesson, item: &str, message: String) -> Problem {
        match self.quizzes.get(&(lesson.meta.id.clone(), lesson.lang)) {
            Some(quiz) => {
                let pos = quiz.items.get(item).map_or(Pos::START, |(_, pos)| *pos);
                Problem::new(&quiz.display, pos.line, pos.column, message)
            }
            None => self.problem_at_lesson(lesson, |s| s.id, message),
        }
    }
}

pub(crate) fn cross_check(
    course: &Course,
    sources: &SourceMap,
    files: &[&Path],
    root: &Path,
    problems: &mut Vec<Problem>,
) {
    let languages: BTreeSet<Lang> = course
        .lessons()
        .iter()
        .flat_map(|set| set.languages())
        .collect();
    let ids: BTreeSet<&str> = course.lessons().iter().map(|set| set.id.as_str()).collect();
    let files: BTreeSet<&Path> = files.iter().copied().collect();
    let mut item_owners: BTreeMap<(Lang, &str), &str> = BTreeMap::new();

    for set in course.lessons() {
        let Some(reference) = set.get(Lang::En).filter(|l| !l.fallback).map(|l| l.lesson) else {
            if let Some(any) = set.get(Lang::En) {
                problems.push(sources.problem_at_lesson(
                    any.lesson,
                    |s| s.id,
                    format!("lesson `{}` has no English version in lessons/en/", set.id),
                ));
            }
            continue;
        };
        for &lang in &languages {
            match set.get(lang) {
                Some(localized) if !localized.fallback => {
                    compare_translation(reference, localized.lesson, sources, problems)
                }
                _ => problems.push(sources.problem_at_lesson(
                    reference,
                    |s| s.id,
                    format!(
                        "lesson `{}` is missing in `{lang}`: expected lessons/{lang}/{:02}-{}.md",
                        set.id, reference.meta.order, set.id
                    ),
                )),
            }
        }
        for lang in set.languages() {
            let Some(lesson) = set.get(lang).map(|l| l.lesson) else {
                continue;
            };
            for prerequisite in &lesson.meta.prerequisites {
                if prerequisite == &lesson.meta.id || !ids.contains(prerequisite.as_str()) {
                    problems.push(sources.problem_at_lesson(
                        lesson,
                        |s| s.prerequisites,
                        format!("prerequisite `{prerequisite}` is not another lesson of this pack"),
                    ));
                }
            }
            for item in &lesson.quiz {
                if let Some(owner) =
                    item_owners.insert((lang, item.id.as_str()), lesson.meta.id.as_str())
                    && owner != lesson.meta.id
                {
                    problems.push(sources.problem_at_item(
                        lesson,
                        &item.id,
                        format!(
                            "quiz item id `{}` is also used in lesson `{owner}`",
                            item.id
                        ),
                    ));
                }
            }
            check_references(course, lesson, &files, root, problems);
        }
    }
    check_exercises(course, &ids, &languages, root, problems);
}

/// A translation has the same order and the same quiz items, kind for kind.
fn compare_translation(
    reference: &Lesson,
    other: &Lesson,
    sources: &SourceMap,
    problems: &mut Vec<Problem>,
) {
    if reference.lang == other.lang {
        return;
    }
    if reference.meta.order != other.meta.order {
        problems.push(sources.problem_at_lesson(
            other,
            |s| s.id,
            format!(
                "order {} differs from the English lesson's order {}",
                other.meta.order, reference.meta.order
            ),
        ));
    }
    let theirs = sources.declared_items(other);
    let ours = sources.declared_items(reference);
    for (id, kind) in &ours {
        match theirs.get(id) {
            None => problems.push(sources.problem_at_quiz(
                other,
                format!(
                    "quiz item `{id}` of the English lesson is missing in `{}`",
                    other.lang
                ),
            )),
            Some(their_kind) if their_kind != kind => problems.push(sources.problem_at_item(
                other,
                id,
                format!("quiz item `{id}` has kind {their_kind} here but {kind} in English"),
            )),
            Some(_) => {}
        }
    }
    for id in theirs.keys().filter(|id| !ours.contains_key(*id)) {
        problems.push(sources.problem_at_item(
            other,
            id,
            format!("quiz item `{id}` does not exist in the English lesson"),
        ));
    }
}

fn check_references(
    course: &Course,
    lesson: &Lesson,
    files: &BTreeSet<&Path>,
    root: &Path,
    problems: &mut Vec<Problem>,
) {
    let folder = lesson.path.parent().unwrap_or(Path::new(""));
    let at = |offset: usize| Pos::of_offset(&lesson.body, offset).shifted(lesson.body_line - 1);
    if let Some(offset) = too_deep(&lesson.body) {
        let pos = at(offset);
        problems.push(Problem::new(
            root.join(&lesson.path),
            pos.line,
            pos.column,
            format!("quotes and lists nest more than {MAX_NESTING} levels deep"),
        ));
    }
    for reference in references(&lesson.body) {
        let message = match reference.kind {
            RefKind::Diagram if reference.target.is_empty() => {
                Some("a diagram fence needs a name: ```diagram NAME".to_string())
            }
            RefKind::Diagram if course.diagram(&reference.target).is_none() => Some(format!(
                "diagram `{0}` not found: expected assets/diagrams/{0}.txt",
                reference.target
            )),
            RefKind::Link => local_link_problem(folder, &reference.target, files),
            RefKind::Diagram => None,
        };
        if let Some(message) = message {
            let pos = at(reference.offset);
            problems.push(Problem::new(
                root.join(&lesson.path),
                pos.line,
                pos.column,
                message,
            ));
        }
    }
}

fn local_link_problem(folder: &Path, target: &str, files: &BTreeSet<&Path>) -> Option<String> {
    let path = target.split('#').next().unwrap_or_default();
    if path.is_empty() || is_external(target) {
        return None;
    }
    let mut resolved = PathBuf::new();
    for component in folder.join(path).components() {
        match component {
            Component::Normal(part) => resolved.push(part),
            Component::ParentDir if resolved.pop() => {}
            Component::CurDir => {}
            _ => return Some(format!("link `{target}` leaves the pack")),
        }
    }
    (!files.contains(resolved.as_path()))
        .then(|| format!("link `{target}` points at a file the pack does not have"))
}

/// A link with a URL scheme (`https:`, `mailto:`, `tel:` …) or an e-mail
/// address points outside the pack.
fn is_external(target: &str) -> bool {
    let scheme = target.split_once(':').map(|(scheme, _)| scheme);
    let has_scheme = scheme.is_some_and(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    has_scheme || (target.contains('@') && !target.contains('/'))
}

fn check_exercises(
    course: &Course,
    ids: &BTreeSet<&str>,
    languages: &BTreeSet<Lang>,
    root: &Path,
    problems: &mut Vec<Problem>,
) {
    let items: BTreeSet<&str> = course
        .lessons()
        .iter()
        .filter_map(|set| set.get(Lang::En))
        .flat_map(|l| l.lesson.quiz.iter().map(|item| item.id.as_str()))
        .collect();
    for exercise in course.exercises() {
        let spec = root.join(&exercise.dir).join("exercise.yaml");
        let mut listed = BTreeSet::new();
        for item in &exercise.reviews {
            let message = if !items.contains(item.as_str()) {
                format!("reviews: `{item}` is not a quiz item of this pack")
            } else if !listed.insert(item.as_str()) {
                format!("reviews: `{item}` is listed twice")
            } else {
                continue;
            };
            let pos = exercise.reviews_pos;
            problems.push(Problem::new(&spec, pos.line, pos.column, message));
        }
        if !ids.contains(exercise.lesson.as_str()) {
            problems.push(Problem::new(
                &spec,
                1,
                1,
                format!("lesson `{}` is not a lesson of this pack", exercise.lesson),
            ));
        }
        let missing = |text: &Localized<String>, lang: Lang| !text.has(lang);
        for &lang in languages {
            if missing(&exercise.title, lang)
                || missing(&exercise.instructions, lang)
                || !exercise.hints.has(lang)
            {
                problems.push(Problem::new(
                    &spec,
                    1,
                    1,
                    format!(
                        "exercise `{}` needs title, instructions and hints in `{lang}`",
                        exercise.id
                    ),
                ));
            }
        }
        proof::prove(exercise, languages, root, problems);
    }
}

/// The warnings of `pack lint`: choices that only make sense in their place
/// (`none of the above`, a numeric scale) without `fixed_order: true`, and
/// lessons (with two or more true/false items) whose true/false keys lean
/// more than 70 % one way.
pub(crate) fn warnings(course: &Course, sources: &SourceMap) -> Vec<Problem> {
    let mut warnings = Vec::new();
    for set in course.lessons() {
        for lang in set.languages() {
            let Some(lesson) = set.get(lang).filter(|l| !l.fallback).map(|l| l.lesson) else {
                continue;
            };
            for item in &lesson.quiz {
                if let Some(message) = fixed_order_warning(item) {
                    warnings.push(sources.problem_at_item(lesson, &item.id, message));
                }
            }
            let keys: Vec<bool> = lesson
                .quiz
                .iter()
                .filter_map(|item| match item.answer {
                    Answer::TrueFalse(key) => Some(key),
                    _ => None,
                })
                .collect();
            let trues = keys.iter().filter(|k| **k).count();
            let most = trues.max(keys.len() - trues);
            // A single true/false item has no balance to keep.
            if keys.len() >= 2 && most * 10 > keys.len() * 7 {
                let (side, count) = if trues >= keys.len() - trues {
                    ("true", trues)
                } else {
                    ("false", keys.len() - trues)
                };
                warnings.push(sources.problem_at_quiz(
                    lesson,
                    format!(
                        "{count} of the lesson's {} true/false items are {side} (more than 70 % one way): a learner who always answers {side} does well without reading; reword some items the other way",
                        keys.len()
                    ),
                ));
            }
        }
    }
    warnings.sort();
    warnings
}

/// Phrases that name other options by their place, which shuffling breaks.
const PLACED: [&str; 6] = [
    "of the above",
    "of these",
    "above options",
    "上記",
    "以上のいずれ",
    "以上のすべて",
];

/// Why an item's choices should keep their order, if they should and the
/// item does not say `fixed_order: true`.
fn fixed_order_warning(item: &QuizItem) -> Option<String> {
    let (Answer::Single(choices) | Answer::Multiple(choices)) = &item.answer else {
        return None;
    };
    if item.fixed_order {
        return None;
    }
    if let Some(choice) = choices.iter().find(|c| {
        let text = c.text.to_lowercase();
        PLACED.iter().any(|phrase| text.contains(phrase))
    }) {
        return Some(format!(
            "item `{}`: choice `{}` refers to the others by place, but choices are shown shuffled: add `fixed_order: true`",
            item.id,
            choice.text.trim()
        ));
    }
    let numeric = choices.len() >= 3 && choices.iter().all(|c| is_number(&c.text));
    numeric.then(|| {
        format!(
            "item `{}`: the choices are a numeric scale, which reads best in order: add `fixed_order: true`",
            item.id
        )
    })
}

/// A number, perhaps with a short unit: `29`, `1.5`, `300 s`, `250 Pods`.
fn is_number(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let number = |word: &str| {
        let digits = word.trim_end_matches('%').replace([',', '_'], "");
        !digits.is_empty() && digits.parse::<f64>().is_ok()
    };
    match words.as_slice() {
        [value] => number(value) || number(value.trim_end_matches(char::is_alphabetic)),
        [value, unit] => number(value) && unit.chars().count() <= 8,
        _ => false,
    }
}
