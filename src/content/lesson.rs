//! Lesson files: YAML front matter followed by a markdown body.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::pack_yaml::{self, key_pos};
use super::problem::Problem;
use super::quiz::QuizItem;
use crate::i18n::Lang;
use crate::validate::Pos;

/// The metadata of a lesson, as written between the two `---` lines.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub id: String,
    pub title: String,
    pub category: String,
    pub order: u32,
    pub minutes: u32,
    pub objectives: Vec<String>,
    #[serde(default)]
    pub prerequisites: Vec<String>,
    pub sources: Vec<String>,
}

/// One lesson in one language.
#[derive(Debug, Clone)]
pub struct Lesson {
    pub meta: FrontMatter,
    pub lang: Lang,
    /// Path relative to the pack root, for messages.
    pub path: PathBuf,
    /// The markdown body after the front matter.
    pub body: String,
    /// The file line on which the body starts, so body offsets map to file lines.
    pub body_line: usize,
    /// The lesson's quiz items, in file order (empty when it has no quiz file).
    pub quiz: Vec<QuizItem>,
    /// Where `id` and `prerequisites` stand in the file, for checks across files.
    pub(crate) id_pos: Pos,
    pub(crate) prerequisites_pos: Pos,
}

/// The file name of a lesson: `NN-<id>.md`, with NN the order.
pub(crate) fn split_lesson_name(name: &str) -> Option<(u32, &str)> {
    let stem = name.strip_suffix(".md")?;
    let (number, id) = stem.split_once('-')?;
    if number.len() != 2 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((number.parse().ok()?, id))
}

/// True for ids made of lowercase ASCII letters, digits and single dashes.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The problem with an id that is not lowercase letters, digits and dashes.
pub(crate) fn id_problem(id: &str) -> Option<String> {
    (!is_valid_id(id))
        .then(|| format!("id `{id}` must be lowercase letters, digits and single dashes"))
}

/// Parses a lesson file; rule violations are reported but the lesson is still
/// returned when its front matter could be read, so later checks can run.
pub(crate) fn parse(
    text: &str,
    rel: &Path,
    display: &Path,
    lang: Lang,
    problems: &mut Vec<Problem>,
) -> Option<Lesson> {
    let at = |pos: Pos, message: String| Problem::new(display, pos.line, pos.column, message);
    let Some((yaml, body, body_line)) = split_front_matter(text) else {
        problems.push(at(
            Pos::START,
            "a lesson starts with YAML front matter between two `---` lines".into(),
        ));
        return None;
    };
    let (meta, located): (FrontMatter, _) = match pack_yaml::parse_typed(yaml) {
        Ok(parsed) => parsed,
        Err((message, pos)) => {
            problems.push(at(pos.shifted(1), format!("front matter: {message}")));
            return None;
        }
    };
    let key = |name: &str| key_pos(&located, name).shifted(1);
    let file_name = rel.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    check_meta(&meta, file_name, &key, &mut |pos, message| {
        problems.push(at(pos, message))
    });
    Some(Lesson {
        meta,
        lang,
        path: rel.to_path_buf(),
        body: body.to_string(),
        body_line,
        quiz: Vec::new(),
        id_pos: key("id"),
        prerequisites_pos: key("prerequisites"),
    })
}

fn check_meta(
    meta: &FrontMatter,
    file_name: &str,
    key: &dyn Fn(&str) -> Pos,
    report: &mut dyn FnMut(Pos, String),
) {
    if let Some(message) = id_problem(&meta.id) {
        report(key("id"), message);
    }
    match split_lesson_name(file_name) {
        Some((number, id)) => {
            if id != meta.id {
                report(
                    key("id"),
                    format!(
                        "id `{}` does not match the file name `{file_name}`",
                        meta.id
                    ),
                );
            }
            if number != meta.order {
                report(
                    key("order"),
                    format!(
                        "order {} does not match the file name `{file_name}`",
                        meta.order
                    ),
                );
            }
        }
        None => report(
            Pos::START,
            format!("lesson file `{file_name}` must be named NN-<id>.md (NN = two-digit order)"),
        ),
    }
    if !(1..=99).contains(&meta.order) {
        report(
            key("order"),
            format!("order must be between 1 and 99, not {}", meta.order),
        );
    }
    if !(1..=240).contains(&meta.minutes) {
        report(
            key("minutes"),
            format!("minutes must be between 1 and 240, not {}", meta.minutes),
        );
    }
    for (field, value) in [("title", &meta.title), ("category", &meta.category)] {
        if value.trim().is_empty() {
            report(key(field), format!("{field} must not be empty"));
        }
    }
    if meta.objectives.iter().all(|o| o.trim().is_empty()) {
        report(
            key("objectives"),
            "a lesson needs at least one objective".into(),
        );
    }
    if meta.sources.is_empty() {
        report(
            key("sources"),
            "a lesson needs at least one source URL".into(),
        );
    }
    for source in &meta.sources {
        if !source.starts_with("https://") || source.contains(char::is_whitespace) {
            report(
                key("sources"),
                format!("source `{source}` must be an https:// URL"),
            );
        }
    }
}

/// Splits `---\n<yaml>---\n<body>`; returns the YAML, the body and the file line
/// on which the body starts.
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for (index, line) in lines.enumerate() {
        if line.trim_end() == "---" {
            let yaml = &text[yaml_start..offset];
            let body = &text[offset + line.len()..];
            return Some((yaml, body, index + 3));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "---\nid: pods\ntitle: Pods\ncategory: Basics\norder: 3\nminutes: 10\nobjectives: [Know Pods]\nsources: [https://kubernetes.io/docs/concepts/workloads/pods/]\n---\nBody line\n";

    fn parse_named(name: &str, text: &str) -> (Option<Lesson>, Vec<Problem>) {
        let mut problems = Vec::new();
        let rel = Path::new("lessons/en").join(name);
        let lesson = parse(text, &rel, &rel, Lang::En, &mut problems);
        (lesson, problems)
    }

    #[test]
    fn parses_front_matter_and_body() {
        let (lesson, problems) = parse_named("03-pods.md", GOOD);
        assert!(problems.is_empty(), "{problems:?}");
        let lesson = lesson.unwrap();
        assert_eq!(lesson.meta.id, "pods");
        assert_eq!(lesson.body, "Body line\n");
        assert_eq!(lesson.body_line, 10);
    }

    #[test]
    fn unknown_field_is_located_in_the_file() {
        let text = GOOD.replace("minutes: 10", "minutes: 10\nobjective: typo");
        let (lesson, problems) = parse_named("03-pods.md", &text);
        assert!(lesson.is_none());
        assert_eq!(problems.len(), 1);
        let shown = problems[0].to_string();
        assert!(
            shown.starts_with("lessons/en/03-pods.md:7:1: front matter: unknown field `objective`"),
            "{shown}"
        );
    }

    #[test]
    fn rule_violations_point_at_their_key() {
        let text = GOOD
            .replace("order: 3", "order: 4")
            .replace("https://", "http://");
        let (lesson, problems) = parse_named("03-pods.md", &text);
        assert!(lesson.is_some());
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            shown.contains(
                &"lessons/en/03-pods.md:5:1: order 4 does not match the file name `03-pods.md`"
                    .to_string()
            ),
            "{shown:?}"
        );
        assert!(
            shown
                .iter()
                .any(|s| s.starts_with("lessons/en/03-pods.md:8:1: source `http://")),
            "{shown:?}"
        );
    }

    #[test]
    fn missing_front_matter_is_reported() {
        let (lesson, problems) = parse_named("03-pods.md", "# Just markdown\n");
        assert!(lesson.is_none());
        assert!(
            problems[0]
                .to_string()
                .starts_with("lessons/en/03-pods.md:1:1: a lesson starts")
        );
    }

    #[test]
    fn ids_are_kebab_case() {
        assert!(is_valid_id("workload-apis"));
        assert!(is_valid_id("pod2"));
        for bad in ["", "Pods", "a--b", "-a", "a-", "a_b", "ぽっど"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
