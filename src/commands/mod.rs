//! What the non-interactive subcommands print, kept in the library so it can
//! be tested without a process and so every pack string is escaped in one place.

pub mod check;
pub mod grade;
pub mod progress;
pub mod rules;
pub mod session;

use serde::Serialize;

use crate::content::{Course, LintReport, PackSource};
use crate::i18n::Lang;
use crate::markdown::{display_width, sanitize};

/// Output formats of `kubetutor list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Serialize)]
struct ListEntry<'a> {
    id: &'a str,
    title: &'a str,
    category: &'a str,
    order: u32,
    minutes: u32,
    lang: Lang,
    fallback: bool,
}

/// The lessons in course order in `lang`: aligned text, or a JSON array of
/// objects with `id`, `title`, `category`, `order`, `minutes`, `lang` and
/// `fallback` (true when the lesson is shown in English instead).
pub fn list(course: &Course, lang: Lang, format: ListFormat) -> Result<String, serde_json::Error> {
    let entries: Vec<ListEntry> = course
        .lessons()
        .iter()
        .filter_map(|set| set.get(lang))
        .map(|localized| {
            let meta = &localized.lesson.meta;
            ListEntry {
                id: &meta.id,
                title: &meta.title,
                category: &meta.category,
                order: meta.order,
                minutes: meta.minutes,
                lang: localized.lesson.lang,
                fallback: localized.fallback,
            }
        })
        .collect();
    if format == ListFormat::Json {
        return serde_json::to_string_pretty(&entries).map(|json| json + "\n");
    }
    let id_width = entries
        .iter()
        .map(|e| display_width(e.id))
        .max()
        .unwrap_or(0);
    Ok(entries
        .iter()
        .map(|entry| {
            let note = if entry.fallback { " (en)" } else { "" };
            format!(
                "{:>2}  {:<id_width$}  {:>3} min  {}{note}\n",
                entry.order,
                entry.id,
                entry.minutes,
                sanitize(entry.title).replace('\n', " ")
            )
        })
        .collect())
}

/// What `pack lint` prints: one line per problem (for stdout), and a summary
/// line (stdout when clean, stderr otherwise).
pub fn lint_output(source: &PackSource, report: &LintReport) -> (String, String) {
    let problems: String = report.problems.iter().map(|p| format!("{p}\n")).collect();
    let name = match source {
        PackSource::BuiltIn => "built-in course".to_string(),
        PackSource::Dir(dir) => sanitize(&dir.display().to_string()).replace('\n', " "),
    };
    let languages: Vec<&str> = report.languages.iter().map(|l| l.code()).collect();
    let verdict = match report.problems.len() {
        0 => "clean".to_string(),
        count => counted(count, "problem"),
    };
    let summary = format!(
        "{name}: {} ({}), {}, {}: {verdict}\n",
        counted(report.lessons, "lesson"),
        languages.join(", "),
        counted(report.quiz_items, "quiz item"),
        counted(report.exercises, "exercise")
    );
    (problems, summary)
}

/// "1 lesson", "2 lessons".
fn counted(count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {noun}{plural}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        assert_eq!(counted(1, "lesson"), "1 lesson");
        assert_eq!(counted(0, "exercise"), "0 exercises");
    }

    #[test]
    fn list_text_aligns_ids() {
        let course = Course::load(&PackSource::BuiltIn).unwrap();
        let text = list(&course, Lang::En, ListFormat::Text).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), course.lessons().len());
        assert!(lines[0].starts_with(" 1  resource-categories  "), "{text}");
    }
}
