//! The loaded course: every lesson in every language, exercises and diagrams.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use super::exercise::{self, Exercise, ExerciseFiles, Variant};
use super::lesson::{self, Lesson, is_valid_id};
use super::pack::{PackError, PackFile, PackSource};
use super::pack_lint::{self, LintReport, SourceMap};
use super::problem::Problem;
use super::quiz;
use crate::i18n::Lang;
use crate::markdown::{self, Document};
use crate::validate::Pos;

/// A lesson in all the languages the pack has it in.
#[derive(Debug, Clone)]
pub struct LessonSet {
    pub id: String,
    variants: BTreeMap<Lang, Lesson>,
}

/// A lesson picked for a language; `fallback` is set when the pack lacks that
/// language and English is shown instead.
#[derive(Debug, Clone, Copy)]
pub struct LocalizedLesson<'a> {
    pub lesson: &'a Lesson,
    pub fallback: bool,
}

impl LessonSet {
    /// The lesson in `lang`, or in English when it is not translated.
    pub fn get(&self, lang: Lang) -> Option<LocalizedLesson<'_>> {
        if let Some(lesson) = self.variants.get(&lang) {
            return Some(LocalizedLesson {
                lesson,
                fallback: false,
            });
        }
        self.variants
            .get(&Lang::En)
            .or_else(|| self.variants.values().next())
            .map(|lesson| LocalizedLesson {
                lesson,
                fallback: true,
            })
    }

    /// The languages this lesson is written in.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.variants.keys().copied()
    }

    /// The course position (from the reference language when present).
    pub fn order(&self) -> u32 {
        self.get(Lang::En).map_or(u32::MAX, |l| l.lesson.meta.order)
    }
}

/// A whole course pack, checked and ready to teach.
#[derive(Debug, Clone)]
pub struct Course {
    lessons: Vec<LessonSet>,
    exercises: Vec<Exercise>,
    diagrams: BTreeMap<String, String>,
}

impl Course {
    /// Loads a pack; any problem makes the pack unusable, so the tutor never
    /// teaches from a half-valid course.
    ///
    /// Packs from disk get every check `pack lint` makes. The built-in pack
    /// is trusted: the test suite lints it, so at startup it is only parsed
    /// (no exercise proofs, no cross-file checks), which keeps startup fast.
    pub fn load(source: &PackSource) -> Result<Course, PackError> {
        let scrutiny = match source {
            PackSource::BuiltIn => Scrutiny::Trusted,
            PackSource::Dir(_) => Scrutiny::Full,
        };
        Course::load_as(source, scrutiny)
    }

    /// Loads a pack with every check `pack lint` makes, the built-in one
    /// too, so the exercises carry their sample answers (`grade --explain`).
    pub fn load_with_variants(source: &PackSource) -> Result<Course, PackError> {
        Course::load_as(source, Scrutiny::Full)
    }

    fn load_as(source: &PackSource, scrutiny: Scrutiny) -> Result<Course, PackError> {
        let (course, problems, _) = analyze(source, scrutiny)?;
        if problems.is_empty() {
            Ok(course)
        } else {
            Err(PackError::Invalid {
                problems,
                source_hint: source.cli_hint(),
            })
        }
    }

    /// Checks a pack and reports every problem, for `kubetutor pack lint`.
    pub fn lint(source: &PackSource) -> Result<LintReport, PackError> {
        let (course, problems, warnings) = analyze(source, Scrutiny::Full)?;
        Ok(LintReport::new(&course, problems, warnings))
    }

    /// Lessons in course order.
    pub fn lessons(&self) -> &[LessonSet] {
        &self.lessons
    }

    /// The exercises, sorted by id.
    pub fn exercises(&self) -> &[Exercise] {
        &self.exercises
    }

    /// The exercise after `id` in course order (by lesson, then by id).
    pub fn next_exercise(&self, id: &str) -> Option<&Exercise> {
        let in_order: Vec<&Exercise> = self
            .lessons
            .iter()
            .flat_map(|set| self.exercises.iter().filter(move |e| e.lesson == set.id))
            .collect();
        let here = in_order.iter().position(|e| e.id == id)?;
        in_order.get(here + 1).copied()
    }

    /// The text of `assets/diagrams/<name>.txt`.
    pub fn diagram(&self, name: &str) -> Option<&str> {
        self.diagrams.get(name).map(String::as_str)
    }

    /// The lesson's body as a document, with its diagrams embedded.
    pub fn document(&self, lesson: &Lesson) -> Document {
        markdown::parse(&lesson.body, &|name| self.diagram(name).map(str::to_string))
    }
}

/// How closely a pack is checked while it is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scrutiny {
    /// Everything `pack lint` checks, exercise proofs included.
    Full,
    /// Only what parsing needs: for the built-in pack, which the tests lint.
    Trusted,
}

/// What a pack gave: the course, its problems and (under full scrutiny)
/// its warnings.
type Analysis = (Course, Vec<Problem>, Vec<Problem>);

/// Reads, parses and cross-checks a pack; returns what could be loaded,
/// every problem found and, under full scrutiny, every warning.
fn analyze(source: &PackSource, scrutiny: Scrutiny) -> Result<Analysis, PackError> {
    let files = source.read()?;
    let root = source.display_root();
    let mut problems = files.problems;
    let mut sorted = SortedFiles::default();
    for file in &files.files {
        sorted.add(file, &root, &mut problems);
    }
    let SortedFiles {
        mut lessons,
        quizzes,
        exercise_dirs,
        diagrams,
        mut sources,
    } = sorted;

    let has_lesson_files = files.files.iter().any(|file| {
        file.rel.starts_with("lessons")
            && file.rel.components().count() == 3
            && file.rel.extension().is_some_and(|ext| ext == "md")
    });
    if !has_lesson_files && problems.is_empty() {
        problems.push(Problem::new(
            root.join("lessons"),
            1,
            1,
            "the pack has no lessons: add lessons/en/01-<id>.md",
        ));
    }
    attach_quizzes(&mut lessons, quizzes, &mut sources, &mut problems);
    let exercises = load_exercises(&root, &exercise_dirs, scrutiny, &mut problems);
    let rels: Vec<&Path> = files
        .files
        .iter()
        .map(|f: &PackFile| f.rel.as_path())
        .collect();
    let course = Course {
        lessons: group_lessons(lessons, &root, &sources, &mut problems),
        exercises,
        diagrams,
    };
    let mut warnings = Vec::new();
    if scrutiny == Scrutiny::Full {
        pack_lint::cross_check(&course, &sources, &rels, &root, &mut problems);
        warnings = pack_lint::warnings(&course, &sources);
    }
    problems.sort();
    problems.dedup();
    Ok((course, problems, warnings))
}

/// The pack's files sorted by what their place in the pack says they are,
/// so the later steps can attach quizzes and load exercises as a whole.
#[derive(Default)]
struct SortedFiles<'a> {
    lessons: Vec<Lesson>,
    quizzes: Vec<(Lang, String, &'a PackFile, PathBuf)>,
    exercise_dirs: BTreeMap<PathBuf, BTreeMap<String, &'a str>>,
    diagrams: BTreeMap<String, String>,
    sources: SourceMap,
}

impl<'a> SortedFiles<'a> {
    /// Files `file` by its path, parsing lessons on the way; a file in no
    /// known place becomes a problem saying where such files belong.
    fn add(&mut self, file: &'a PackFile, root: &Path, problems: &mut Vec<Problem>) {
        let display = root.join(&file.rel);
        let parts: Vec<&str> = file
            .rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(part) => part.to_str(),
                _ => None,
            })
            .collect();
        let unexpected =
            |why: &str| Problem::new(&display, 1, 1, format!("unexpected file: {why}"));
        match parts.as_slice() {
            ["lessons", "exercises", id, name] => {
                self.exercise_dirs
                    .entry(Path::new("lessons/exercises").join(id))
                    .or_default()
                    .insert((*name).to_string(), file.text.as_str());
            }
            ["lessons", "exercises", ..] => problems.push(unexpected(
                "an exercise is a folder lessons/exercises/<id>/ with exercise.yaml, starter.yaml and solution.yaml",
            )),
            ["lessons", lang, name] => {
                let Some(lang) = Lang::from_code(lang) else {
                    problems.push(Problem::new(
                        &display,
                        1,
                        1,
                        format!("language folder `{lang}` is not supported (kubetutor speaks en and ja)"),
                    ));
                    return;
                };
                if let Some(stem) = name.strip_suffix(".quiz.yaml") {
                    self.quizzes.push((lang, stem.to_string(), file, display));
                } else if name.ends_with(".md") {
                    if let Some(lesson) = lesson::parse(&file.text, &file.rel, &display, lang, problems) {
                        self.sources.add_lesson(&lesson, display);
                        self.lessons.push(lesson);
                    }
                } else {
                    problems.push(unexpected("lesson folders hold NN-<id>.md and NN-<id>.quiz.yaml"));
                }
            }
            ["lessons", ..] => problems.push(unexpected("lessons live in lessons/<lang>/")),
            ["assets", "diagrams", name] => match name.strip_suffix(".txt") {
                Some(stem) if is_valid_id(stem) => {
                    self.diagrams.insert(stem.to_string(), file.text.clone());
                }
                _ => problems.push(unexpected("diagrams are assets/diagrams/<name>.txt, name in lowercase letters, digits and dashes")),
            },
            _ => {}
        }
    }
}

fn attach_quizzes(
    lessons: &mut [Lesson],
    quizzes: Vec<(Lang, String, &PackFile, PathBuf)>,
    sources: &mut SourceMap,
    problems: &mut Vec<Problem>,
) {
    for (lang, stem, file, display) in quizzes {
        let Some(parsed) = quiz::parse(&file.text, &display, problems) else {
            continue;
        };
        let owner = lessons.iter_mut().find(|lesson| {
            lesson.lang == lang
                && lesson.path.file_stem().and_then(|s| s.to_str()) == Some(stem.as_str())
        });
        let Some(lesson) = owner else {
            problems.push(Problem::new(
                &display,
                1,
                1,
                format!("quiz file has no lesson: expected {stem}.md beside it"),
            ));
            continue;
        };
        if parsed.lesson != lesson.meta.id {
            let pos = parsed.lesson_pos;
            problems.push(Problem::new(
                &display,
                pos.line,
                pos.column,
                format!(
                    "`lesson: {}` does not match the lesson's id `{}`",
                    parsed.lesson, lesson.meta.id
                ),
            ));
        }
        sources.add_quiz(lesson, display, parsed.declared);
        lesson.quiz = parsed.items;
    }
}

/// Loads the exercise folders; their variants, and the check that starter
/// and solution are YAML, only under full scrutiny.
fn load_exercises(
    root: &Path,
    dirs: &BTreeMap<PathBuf, BTreeMap<String, &str>>,
    scrutiny: Scrutiny,
    problems: &mut Vec<Problem>,
) -> Vec<Exercise> {
    let mut exercises = Vec::new();
    for (dir, files) in dirs {
        let display_dir = root.join(dir);
        for name in files.keys() {
            let known = matches!(
                name.as_str(),
                "exercise.yaml" | "starter.yaml" | "solution.yaml"
            ) || Variant::from_file(name, "").is_some();
            if !known {
                problems.push(Problem::new(
                    display_dir.join(name),
                    1,
                    1,
                    "unexpected file: an exercise folder holds exercise.yaml, starter.yaml, solution.yaml, pass-*.yaml and fail-*.yaml",
                ));
            }
        }
        let variants = files
            .iter()
            .filter(|(name, _)| {
                scrutiny == Scrutiny::Full && Variant::from_file(name, "").is_some()
            })
            .map(|(name, text)| (name.as_str(), *text))
            .collect();
        let files = ExerciseFiles {
            dir,
            display_dir: &display_dir,
            spec: files.get("exercise.yaml").copied(),
            starter: files.get("starter.yaml").copied(),
            solution: files.get("solution.yaml").copied(),
            variants,
            check_answers: scrutiny == Scrutiny::Full,
        };
        if let Some(exercise) = exercise::parse(&files, problems) {
            exercises.push(exercise);
        }
    }
    exercises
}

/// Groups the per-language lessons by id, reporting ids or orders used twice.
fn group_lessons(
    lessons: Vec<Lesson>,
    root: &Path,
    sources: &SourceMap,
    problems: &mut Vec<Problem>,
) -> Vec<LessonSet> {
    let mut sets: BTreeMap<String, LessonSet> = BTreeMap::new();
    let mut orders: BTreeMap<(Lang, u32), String> = BTreeMap::new();
    for lesson in lessons {
        let display = root.join(&lesson.path);
        let pos = sources
            .lesson(&lesson.meta.id, lesson.lang)
            .filter(|(path, _)| *path == display)
            .map_or(Pos::START, |(_, pos)| pos);
        if let Some(other) = orders.insert((lesson.lang, lesson.meta.order), lesson.meta.id.clone())
            && other != lesson.meta.id
        {
            problems.push(Problem::new(
                &display,
                pos.line,
                pos.column,
                format!(
                    "order {} is also used by lesson `{other}`",
                    lesson.meta.order
                ),
            ));
        }
        let set = sets
            .entry(lesson.meta.id.clone())
            .or_insert_with(|| LessonSet {
                id: lesson.meta.id.clone(),
                variants: BTreeMap::new(),
            });
        if set.variants.contains_key(&lesson.lang) {
            problems.push(Problem::new(
                &display,
                pos.line,
                pos.column,
                format!(
                    "lesson id `{}` is used twice in `{}`",
                    lesson.meta.id, lesson.lang
                ),
            ));
            continue;
        }
        set.variants.insert(lesson.lang, lesson);
    }
    let mut sets: Vec<LessonSet> = sets.into_values().collect();
    sets.sort_by(|a, b| a.order().cmp(&b.order()).then_with(|| a.id.cmp(&b.id)));
    sets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_pack_is_clean() {
        let report = Course::lint(&PackSource::BuiltIn).unwrap();
        let shown: Vec<String> = report
            .problems
            .iter()
            .chain(&report.warnings)
            .map(ToString::to_string)
            .collect();
        assert!(shown.is_empty(), "{shown:#?}");
        assert_eq!(report.languages, [Lang::En, Lang::Ja]);
    }
}
