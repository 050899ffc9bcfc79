//! Quiz item files: six kinds of item, each checked for being answerable and
//! for explaining its answer.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;

use super::lesson::id_problem;
use super::pack_yaml::{self, item_pos, key_pos};
use super::problem::Problem;
use crate::validate::Pos;

/// The kinds of quiz item, as written in `kind:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuizKind {
    Single,
    Multiple,
    TrueFalse,
    ShortText,
    Ordering,
    Matching,
}

impl std::fmt::Display for QuizKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

impl QuizKind {
    /// The kind as written in quiz files.
    pub fn label(self) -> &'static str {
        match self {
            QuizKind::Single => "single",
            QuizKind::Multiple => "multiple",
            QuizKind::TrueFalse => "true-false",
            QuizKind::ShortText => "short-text",
            QuizKind::Ordering => "ordering",
            QuizKind::Matching => "matching",
        }
    }
}

/// One choice of a single- or multiple-choice item. `why` explains the choice,
/// so a learner who picks a wrong one learns why it is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    pub why: String,
}

/// One pair of a matching item.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub left: String,
    pub right: String,
}

/// What makes an answer right, per kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Single(Vec<Choice>),
    Multiple(Vec<Choice>),
    TrueFalse(bool),
    ShortText(Vec<String>),
    Ordering(Vec<String>),
    Matching(Vec<Pair>),
}

/// A checked quiz item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizItem {
    pub id: String,
    pub prompt: String,
    pub explanation: String,
    /// The item targets a misconception listed in the course's fact sheet.
    pub misconception: bool,
    /// Choices keep the author's order (a "none of the above" last, a
    /// numeric scale in order) instead of being shuffled.
    pub fixed_order: bool,
    /// A short-text answer must match in case too (a Secret key, say).
    pub case_sensitive: bool,
    pub answer: Answer,
}

impl QuizItem {
    /// The item's kind.
    pub fn kind(&self) -> QuizKind {
        match self.answer {
            Answer::Single(_) => QuizKind::Single,
            Answer::Multiple(_) => QuizKind::Multiple,
            Answer::TrueFalse(_) => QuizKind::TrueFalse,
            Answer::ShortText(_) => QuizKind::ShortText,
            Answer::Ordering(_) => QuizKind::Ordering,
            Answer::Matching(_) => QuizKind::Matching,
        }
    }
}

/// The comparable form of a short-text answer: Unicode NFKC (so a Japanese
/// input method's full-width `２９` or `ｌｏｃａｌｈｏｓｔ` is the half-width
/// answer), trimmed, every run of white space one space (`meta DATA` stays
/// two words), and lower case unless the item is `case_sensitive`.
pub fn normalize_answer(answer: &str, case_sensitive: bool) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = answer.nfkc().collect();
    let words = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    if case_sensitive {
        words
    } else {
        words.to_lowercase()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuizFile {
    lesson: String,
    items: Vec<RawItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    kind: QuizKind,
    prompt: String,
    explanation: String,
    #[serde(default)]
    misconception: bool,
    #[serde(default)]
    fixed_order: bool,
    #[serde(default)]
    case_sensitive: bool,
    choices: Option<Vec<Choice>>,
    answer: Option<bool>,
    accept: Option<Vec<String>>,
    sequence: Option<Vec<String>>,
    pairs: Option<Vec<Pair>>,
}

/// A parsed quiz file: the lesson it belongs to and its valid items.
#[derive(Debug)]
pub(crate) struct QuizFile {
    pub lesson: String,
    pub lesson_pos: Pos,
    pub items: Vec<QuizItem>,
    /// Every item the file declares, valid or not, so translations are
    /// compared against what the author wrote.
    pub declared: Vec<(String, QuizKind, Pos)>,
}

const MAX_OPTIONS: usize = 8;

/// Parses a quiz file, reporting every malformed item with its position.
pub(crate) fn parse(text: &str, display: &Path, problems: &mut Vec<Problem>) -> Option<QuizFile> {
    let (raw, located): (RawQuizFile, _) = match pack_yaml::parse_typed(text) {
        Ok(parsed) => parsed,
        Err((message, pos)) => {
            problems.push(Problem::new(display, pos.line, pos.column, message));
            return None;
        }
    };
    let mut items = Vec::new();
    let mut declared = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (index, raw_item) in raw.items.into_iter().enumerate() {
        let pos = item_pos(&located, "items", index);
        let repeated = !seen.insert(raw_item.id.clone());
        declared.push((raw_item.id.clone(), raw_item.kind, pos));
        let id = raw_item.id.clone();
        let mut report = |message: String| {
            problems.push(Problem::new(
                display,
                pos.line,
                pos.column,
                format!("item `{id}`: {message}"),
            ))
        };
        if let Some(message) = id_problem(&raw_item.id) {
            report(message);
        }
        if repeated {
            report("id is used twice in this file".into());
        }
        if let Some(item) = build_item(raw_item, &mut report) {
            items.push(item);
        }
    }
    let lesson_pos = key_pos(&located, "lesson");
    Some(QuizFile {
        lesson: raw.lesson,
        lesson_pos,
        items,
        declared,
    })
}

fn build_item(mut raw: RawItem, report: &mut dyn FnMut(String)) -> Option<QuizItem> {
    let kind = raw.kind;
    let wanted = match kind {
        QuizKind::Single | QuizKind::Multiple => "choices",
        QuizKind::TrueFalse => "answer",
        QuizKind::ShortText => "accept",
        QuizKind::Ordering => "sequence",
        QuizKind::Matching => "pairs",
    };
    let fields_ok = check_fields(&raw, wanted, report);
    let Some((answer, answer_ok)) = take_answer(&mut raw, report) else {
        report(format!("a {} item needs `{wanted}`", kind.label()));
        return None;
    };
    (fields_ok && answer_ok).then_some(QuizItem {
        id: raw.id,
        prompt: raw.prompt,
        explanation: raw.explanation,
        misconception: raw.misconception,
        fixed_order: raw.fixed_order,
        case_sensitive: raw.case_sensitive,
        answer,
    })
}

/// Reports answer fields of other kinds than `wanted`, which the author
/// likely meant for another item, and an empty prompt or explanation;
/// false when anything was reported.
fn check_fields(raw: &RawItem, wanted: &str, report: &mut dyn FnMut(String)) -> bool {
    let fields = [
        ("choices", raw.choices.is_some()),
        ("answer", raw.answer.is_some()),
        ("accept", raw.accept.is_some()),
        ("sequence", raw.sequence.is_some()),
        ("pairs", raw.pairs.is_some()),
    ];
    let mut ok = true;
    for (field, present) in fields {
        if present && field != wanted {
            report(format!(
                "field `{field}` does not belong to a {} item",
                raw.kind.label()
            ));
            ok = false;
        }
    }
    if raw.fixed_order && wanted != "choices" {
        report(
            "`fixed_order` only applies to single and multiple items (steps and pairs are always shuffled)"
                .into(),
        );
        ok = false;
    }
    if raw.case_sensitive && raw.kind != QuizKind::ShortText {
        report("`case_sensitive` only applies to short-text items".into());
        ok = false;
    }
    for (field, value) in [("prompt", &raw.prompt), ("explanation", &raw.explanation)] {
        if value.trim().is_empty() {
            report(format!("`{field}` must not be empty"));
            ok = false;
        }
    }
    ok
}

/// Takes the answer out of the field the item's kind uses and checks it,
/// returning it with whether it passed; `None` when that field is missing.
fn take_answer(raw: &mut RawItem, report: &mut dyn FnMut(String)) -> Option<(Answer, bool)> {
    let kind = raw.kind;
    let mut ok = true;
    let answer = match kind {
        QuizKind::Single | QuizKind::Multiple => raw.choices.take().map(|choices| {
            ok &= check_choices(kind, &choices, report);
            if kind == QuizKind::Single {
                Answer::Single(choices)
            } else {
                Answer::Multiple(choices)
            }
        }),
        QuizKind::TrueFalse => raw.answer.map(Answer::TrueFalse),
        QuizKind::ShortText => raw.accept.take().map(|accept| {
            let case_sensitive = raw.case_sensitive;
            ok &= check_distinct(
                "accepted answers (after normalising width, case and spaces)",
                accept.iter().map(|a| normalize_answer(a, case_sensitive)),
                1,
                report,
            );
            Answer::ShortText(accept)
        }),
        QuizKind::Ordering => raw.sequence.take().map(|sequence| {
            ok &= check_distinct(
                "steps",
                sequence.iter().map(|s| s.trim().to_string()),
                2,
                report,
            );
            Answer::Ordering(sequence)
        }),
        QuizKind::Matching => raw.pairs.take().map(|pairs| {
            ok &= check_distinct(
                "left sides",
                pairs.iter().map(|p| p.left.trim().to_string()),
                2,
                report,
            );
            ok &= check_distinct(
                "right sides",
                pairs.iter().map(|p| p.right.trim().to_string()),
                2,
                report,
            );
            Answer::Matching(pairs)
        }),
    };
    answer.map(|answer| (answer, ok))
}

fn check_choices(kind: QuizKind, choices: &[Choice], report: &mut dyn FnMut(String)) -> bool {
    let mut ok = check_distinct(
        "choices",
        choices.iter().map(|c| c.text.trim().to_string()),
        2,
        report,
    );
    let correct = choices.iter().filter(|c| c.correct).count();
    if kind == QuizKind::Single && correct != 1 {
        report(format!(
            "a single item needs exactly one correct choice (found {correct})"
        ));
        ok = false;
    }
    if kind == QuizKind::Multiple && correct == 0 {
        report("a multiple item needs at least one correct choice".into());
        ok = false;
    }
    for (index, choice) in choices.iter().enumerate() {
        if choice.why.trim().is_empty() {
            report(format!(
                "choice {} (`{}`) needs a `why`",
                index + 1,
                choice.text
            ));
            ok = false;
        }
    }
    ok
}

/// Checks that a list has between `min` and 8 distinct, non-empty entries.
fn check_distinct(
    what: &str,
    values: impl Iterator<Item = String>,
    min: usize,
    report: &mut dyn FnMut(String),
) -> bool {
    let values: Vec<String> = values.collect();
    let mut ok = true;
    if values.len() < min || values.len() > MAX_OPTIONS {
        report(format!(
            "needs {min} to {MAX_OPTIONS} {what}, has {}",
            values.len()
        ));
        ok = false;
    }
    if values.iter().any(String::is_empty) {
        report(format!("{what} must not be empty"));
        ok = false;
    }
    let distinct: BTreeSet<&String> = values.iter().collect();
    if distinct.len() != values.len() {
        report(format!("{what} must be distinct"));
        ok = false;
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Option<QuizFile>, Vec<String>) {
        let mut problems = Vec::new();
        let file = parse(text, Path::new("q.yaml"), &mut problems);
        (file, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn parses_all_six_kinds() {
        let text = r#"
lesson: demo
items:
  - id: a
    kind: single
    prompt: P
    explanation: E
    choices:
      - { text: x, correct: true, why: right }
      - { text: y, why: wrong }
  - id: b
    kind: multiple
    prompt: P
    explanation: E
    choices:
      - { text: x, correct: true, why: right }
      - { text: y, correct: true, why: right }
  - id: c
    kind: true-false
    prompt: P
    explanation: E
    answer: false
  - id: d
    kind: short-text
    prompt: P
    explanation: E
    accept: [ClusterFirst]
  - id: e
    kind: ordering
    prompt: P
    explanation: E
    sequence: [one, two]
  - id: f
    kind: matching
    prompt: P
    explanation: E
    pairs: [{ left: a, right: b }, { left: c, right: d }]
"#;
        let (file, problems) = parse_text(text);
        assert!(problems.is_empty(), "{problems:?}");
        let kinds: Vec<QuizKind> = file.unwrap().items.iter().map(QuizItem::kind).collect();
        use QuizKind::*;
        assert_eq!(
            kinds,
            [Single, Multiple, TrueFalse, ShortText, Ordering, Matching]
        );
    }

    #[test]
    fn single_needs_exactly_one_correct_choice() {
        let text = "lesson: demo\nitems:\n  - id: a\n    kind: single\n    prompt: P\n    explanation: E\n    choices:\n      - { text: x, correct: true, why: w }\n      - { text: y, correct: true, why: w }\n";
        let (file, problems) = parse_text(text);
        assert!(file.unwrap().items.is_empty());
        assert_eq!(
            problems,
            ["q.yaml:3:5: item `a`: a single item needs exactly one correct choice (found 2)"]
        );
    }

    #[test]
    fn missing_why_is_a_located_yaml_error() {
        let text = "lesson: demo\nitems:\n  - id: a\n    kind: single\n    prompt: P\n    explanation: E\n    choices:\n      - text: x\n        correct: true\n";
        let (file, problems) = parse_text(text);
        assert!(file.is_none());
        assert!(
            problems[0].starts_with("q.yaml:8:9: items[0].choices[0]: missing field `why`"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_repeated_id_is_reported_where_it_repeats() {
        let item = "  - id: a\n    kind: true-false\n    prompt: P\n    explanation: E\n    answer: true\n";
        let text = format!("lesson: demo\nitems:\n{item}{item}");
        let (_, problems) = parse_text(&text);
        assert_eq!(
            problems,
            ["q.yaml:8:5: item `a`: id is used twice in this file"]
        );
    }

    #[test]
    fn fields_of_another_kind_are_refused() {
        let text = "lesson: demo\nitems:\n  - id: a\n    kind: true-false\n    prompt: P\n    explanation: E\n    answer: true\n    accept: [x]\n";
        let (_, problems) = parse_text(text);
        assert_eq!(
            problems,
            ["q.yaml:3:5: item `a`: field `accept` does not belong to a true-false item"]
        );
    }

    #[test]
    fn unknown_kind_lists_the_kinds() {
        let text =
            "lesson: demo\nitems:\n  - id: a\n    kind: essay\n    prompt: P\n    explanation: E\n";
        let (_, problems) = parse_text(text);
        assert!(
            problems[0].contains("unknown variant `essay`"),
            "{problems:?}"
        );
        assert!(problems[0].starts_with("q.yaml:4:11"), "{problems:?}");
    }

    #[test]
    fn answers_normalize_width_case_and_runs_of_space() {
        assert_eq!(
            normalize_answer(" Cluster \t First ", false),
            "cluster first"
        );
        assert_eq!(normalize_answer("ＡＢ", false), "ab");
        assert_eq!(normalize_answer("２９", false), "29");
        assert_eq!(normalize_answer("ｌｏｃａｌｈｏｓｔ", false), "localhost");
        assert_eq!(
            normalize_answer("クラスター\u{3000}優先", false),
            "クラスター 優先"
        );
        assert_ne!(
            normalize_answer("meta DATA", false),
            normalize_answer("metadata", false)
        );
        assert_eq!(normalize_answer("TLS.crt", true), "TLS.crt");
    }

    #[test]
    fn fixed_order_and_case_sensitive_belong_to_their_kinds() {
        let text = "lesson: demo\nitems:\n  - id: a\n    kind: ordering\n    fixed_order: true\n    prompt: P\n    explanation: E\n    sequence: [x, y]\n  - id: b\n    kind: single\n    case_sensitive: true\n    prompt: P\n    explanation: E\n    choices:\n      - { text: x, correct: true, why: w }\n      - { text: y, why: w }\n  - id: c\n    kind: short-text\n    case_sensitive: true\n    prompt: P\n    explanation: E\n    accept: [Key, key]\n  - id: d\n    kind: short-text\n    prompt: P\n    explanation: E\n    accept: [\"２９\", \"29\"]\n";
        let (file, problems) = parse_text(text);
        assert_eq!(
            problems,
            [
                "q.yaml:3:5: item `a`: `fixed_order` only applies to single and multiple items (steps and pairs are always shuffled)",
                "q.yaml:9:5: item `b`: `case_sensitive` only applies to short-text items",
                "q.yaml:23:5: item `d`: accepted answers (after normalising width, case and spaces) must be distinct",
            ]
        );
        let items = file.unwrap().items;
        assert_eq!(items.len(), 1);
        assert!(
            items[0].case_sensitive,
            "Key and key differ when case counts"
        );
    }
}
