//! The printed quiz sheet (`kubetutor quiz --print`): CommonMark for paper
//! sessions, one numbered question per item with its options as a list, in
//! the same order and with the same letters as the screens of the same seed;
//! with `--answers`, the key on a page of its own.

use std::fmt::Write as _;

use super::session::clean;
use crate::content::{Answer, Course, QuizItem};
use crate::exam::Session;
use crate::i18n::{Lang, Plain};
use crate::quiz::{Presentation, letter, right_response};

/// The sheet of `session`'s items in `lang`: a title, a name and date line,
/// the questions worded for paper and, with `answers`, a horizontal rule
/// and the answer key with explanations.
pub fn sheet(session: &Session, course: &Course, lang: Lang, answers: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", Plain::SheetTitle.text(lang));
    let _ = writeln!(out, "{}\n", Plain::SheetName.text(lang));
    let about = Plain::SheetAbout.fill(
        lang,
        &[("count", &session.items.len()), ("seed", &session.seed)],
    );
    let _ = writeln!(out, "{about}\n");
    for index in 0..session.items.len() {
        if let Some((item, shown)) = session.item(course, lang, index) {
            question(&mut out, index + 1, item, &shown, lang);
        }
    }
    if answers {
        let _ = writeln!(out, "---\n\n## {}\n", Plain::SheetKey.text(lang));
        for index in 0..session.items.len() {
            let Some((item, shown)) = session.item(course, lang, index) else {
                continue;
            };
            let explanation = clean(&item.explanation)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let _ = writeln!(
                out,
                "{}. **{}** — {explanation}",
                index + 1,
                escape(&key(item, &shown, lang))
            );
        }
    }
    out
}

/// One question: the prompt as the list item's first paragraph, the
/// instruction for paper, then the options, steps or pairs as a nested list.
fn question(out: &mut String, number: usize, item: &QuizItem, shown: &Presentation, lang: Lang) {
    let marker = format!("{number}. ");
    let indent = " ".repeat(marker.len());
    for (line_number, line) in clean(&item.prompt).lines().enumerate() {
        let lead = if line_number == 0 { &marker } else { &indent };
        let _ = writeln!(out, "{}{line}", if line.is_empty() { "" } else { lead });
    }
    let instruction = match &item.answer {
        Answer::Single(_) => Plain::SheetSingle,
        Answer::Multiple(_) => Plain::SheetMultiple,
        Answer::TrueFalse(_) => Plain::SheetTrueFalse,
        Answer::ShortText(_) => Plain::SheetText,
        Answer::Ordering(_) => Plain::SheetOrdering,
        Answer::Matching(_) => Plain::SheetMatching,
    };
    let _ = writeln!(out, "\n{indent}{}\n", instruction.text(lang));
    let mut options: Vec<Vec<(String, String)>> = Vec::new();
    let numbered = |texts: &dyn Fn(usize) -> String| {
        shown
            .order
            .iter()
            .enumerate()
            .map(|(position, index)| (format!("{}.", position + 1), texts(*index)))
            .collect::<Vec<_>>()
    };
    match &item.answer {
        Answer::Single(choices) | Answer::Multiple(choices) => options.push(
            shown
                .order
                .iter()
                .enumerate()
                .map(|(position, index)| {
                    (
                        format!("{})", letter(position)),
                        choices[*index].text.clone(),
                    )
                })
                .collect(),
        ),
        Answer::Ordering(steps) => options.push(numbered(&|i| steps[i].clone())),
        Answer::Matching(pairs) => {
            options.push(
                pairs
                    .iter()
                    .enumerate()
                    .map(|(i, pair)| (format!("{})", letter(i)), format!("{} → ____", pair.left)))
                    .collect(),
            );
            options.push(numbered(&|i| pairs[i].right.clone()));
        }
        Answer::TrueFalse(_) | Answer::ShortText(_) => {}
    }
    // A second list takes another bullet, so CommonMark starts a new list.
    for (list, bullet) in options.into_iter().zip(["-", "*"]) {
        for (label, text) in list {
            let _ = writeln!(
                out,
                "{indent}{bullet} **{label}** {}",
                escape(&one_line(&text))
            );
        }
        out.push('\n');
    }
}

/// The answer as the sheet asks for it, in the letters and numbers printed
/// on it (the notation the plain quiz also reads): `b`, `a,c`, `true`, the
/// first accepted text, `2,3,1`, `a-2,b-1`.
fn key(item: &QuizItem, shown: &Presentation, lang: Lang) -> String {
    match (&item.answer, right_response(item)) {
        (Answer::TrueFalse(true), _) => Plain::True.text(lang).to_string(),
        (Answer::TrueFalse(false), _) => Plain::False.text(lang).to_string(),
        (Answer::ShortText(accept), _) => accept.first().cloned().unwrap_or_default(),
        (_, Some(right)) => right.shown(shown),
        (_, None) => String::new(),
    }
}

fn one_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text that CommonMark shows as written: cron's `*/15 * * * *` is not
/// emphasis, `<svc>` is not an HTML tag.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::PackSource;
    use crate::exam::{SessionKind, SessionSpec};
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};

    fn session(seed: u64, count: Option<usize>) -> (Course, Session) {
        let course = Course::load(&PackSource::BuiltIn).unwrap();
        let spec = SessionSpec {
            kind: SessionKind::Quiz,
            lessons: Vec::new(),
            count,
            seed,
            minutes: None,
            pass_mark: 0,
        };
        let session = Session::start(&course, &spec, chrono::Utc::now()).unwrap();
        (course, session)
    }

    /// The items of the outer list: for each, the texts of its nested list
    /// items, and the headings of the document.
    fn structure(markdown: &str) -> (Vec<Vec<String>>, Vec<String>, usize) {
        let mut questions: Vec<Vec<String>> = Vec::new();
        let mut headings = Vec::new();
        let mut depth = 0;
        let mut rules = 0;
        let mut text: Option<String> = None;
        let mut in_heading = false;
        for event in Parser::new(markdown) {
            match event {
                Event::Start(Tag::List(_)) => depth += 1,
                Event::End(TagEnd::List(_)) => depth -= 1,
                Event::Start(Tag::Item) if depth == 1 => questions.push(Vec::new()),
                Event::Start(Tag::Item) if depth == 2 => text = Some(String::new()),
                Event::End(TagEnd::Item) if depth == 2 => {
                    if let (Some(question), Some(done)) = (questions.last_mut(), text.take()) {
                        question.push(done);
                    }
                }
                Event::Start(Tag::Heading { .. }) => {
                    in_heading = true;
                    headings.push(String::new());
                }
                Event::End(TagEnd::Heading(_)) => in_heading = false,
                Event::Rule => rules += 1,
                Event::Text(t) | Event::Code(t) => {
                    if let Some(current) = text.as_mut() {
                        current.push_str(&t);
                    }
                    if in_heading && let Some(heading) = headings.last_mut() {
                        heading.push_str(&t);
                    }
                }
                _ => {}
            }
        }
        (questions, headings, rules)
    }

    #[test]
    fn every_option_is_its_own_list_item_of_its_numbered_question() {
        let (course, session) = session(2026, None);
        let text = sheet(&session, &course, Lang::En, false);
        let (questions, headings, rules) = structure(&text);
        assert_eq!(headings, ["kubetutor quiz"]);
        assert_eq!(rules, 0, "no key without --answers");
        assert_eq!(questions.len(), session.items.len());
        assert!(text.contains("Name: ____"), "{text}");
        for (index, options) in questions.iter().enumerate() {
            let (item, shown) = session.item(&course, Lang::En, index).unwrap();
            let expected: Vec<String> = match &item.answer {
                Answer::Single(choices) | Answer::Multiple(choices) => shown
                    .order
                    .iter()
                    .enumerate()
                    .map(|(p, i)| format!("{}) {}", letter(p), one_line(&choices[*i].text)))
                    .collect(),
                Answer::Ordering(steps) => shown
                    .order
                    .iter()
                    .enumerate()
                    .map(|(p, i)| format!("{}. {}", p + 1, one_line(&steps[*i])))
                    .collect(),
                Answer::Matching(pairs) => {
                    let mut lines: Vec<String> = pairs
                        .iter()
                        .enumerate()
                        .map(|(i, pair)| format!("{}) {} → ____", letter(i), one_line(&pair.left)))
                        .collect();
                    lines.extend(
                        shown
                            .order
                            .iter()
                            .enumerate()
                            .map(|(p, i)| format!("{}. {}", p + 1, one_line(&pairs[*i].right))),
                    );
                    lines
                }
                Answer::TrueFalse(_) | Answer::ShortText(_) => Vec::new(),
            };
            assert_eq!(options, &expected, "question {}", index + 1);
        }
    }

    #[test]
    fn the_key_is_on_its_own_page_and_headings_follow_the_language() {
        let (course, session) = session(5, Some(8));
        let text = sheet(&session, &course, Lang::Ja, true);
        let (questions, headings, rules) = structure(&text);
        assert_eq!(headings, ["kubetutor 小テスト", "解答"]);
        assert_eq!(rules, 1, "a horizontal rule before the key");
        assert_eq!(questions.len(), 8 + 8, "questions, then the key's list");
        assert!(text.contains("氏名: ____"), "{text}");
        let key_part = text.split("## 解答").nth(1).unwrap();
        assert_eq!(key_part.matches("**").count(), 16, "{key_part}");
    }

    #[test]
    fn the_key_gives_the_printed_letters() {
        let (course, session) = session(11, None);
        for index in 0..session.items.len() {
            let (item, shown) = session.item(&course, Lang::En, index).unwrap();
            if let Some(right) = right_response(item) {
                assert_eq!(key(item, &shown, Lang::En), right.shown(&shown));
                let line = key(item, &shown, Lang::En);
                let read = crate::quiz::parse_response(item, &shown, &line).unwrap();
                assert!(
                    crate::quiz::check(item, &read).correct,
                    "{}: {line}",
                    item.id
                );
            }
        }
    }

    #[test]
    fn option_text_is_escaped_for_commonmark() {
        assert_eq!(escape("*/15 * * * *"), "\\*/15 \\* \\* \\* \\*");
        assert_eq!(escape("pod-N.<svc>"), "pod-N.\\<svc\\>");
    }
}
