//! `kubetutor list`: the lessons in course order, as aligned text or JSON.

use serde::Serialize;

use super::{CommandError, Context, Exit, print_out};
use crate::content::Course;
use crate::i18n::Lang;
use crate::markdown::{display_width, sanitize};

/// Prints the lessons of the course in `format`.
pub fn run(context: &Context, format: ListFormat) -> Result<Exit, CommandError> {
    let course = Course::load(&context.source)?;
    print_out(&list(&course, context.lang, format)?)?;
    Ok(Exit::Success)
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::PackSource;

    #[test]
    fn list_text_aligns_ids() {
        let course = Course::load(&PackSource::BuiltIn).unwrap();
        let text = list(&course, Lang::En, ListFormat::Text).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), course.lessons().len());
        assert!(lines[0].starts_with(" 1  resource-categories  "), "{text}");
    }
}
