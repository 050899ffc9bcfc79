//! What the validator reports: located, bilingual findings with stable rule ids.

use std::fmt::Display;

use serde::Serialize;

use super::rule::Rule;
use crate::i18n::Lang;

/// How bad a finding is. Errors are what the API server would reject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// A 1-based line and column (columns count characters): where a finding,
/// a pack problem or a grading failure is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    /// The start of a file.
    pub const START: Pos = Pos { line: 1, column: 1 };

    /// The position of a byte offset in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Pos {
        let offset = offset.min(text.len());
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Pos { line, column }
    }

    /// Moves a position found in an embedded text (front matter) down to
    /// where that text starts in its file.
    pub fn shifted(self, lines: usize) -> Pos {
        Pos {
            line: self.line + lines,
            column: self.column,
        }
    }
}

/// A text in both languages kubetutor speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub en: String,
    pub ja: String,
}

impl Text {
    /// A text given in English and Japanese.
    pub fn new(en: impl Into<String>, ja: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            ja: ja.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }
}

/// One problem in one document of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Index of the document in the input (0 for syntax errors before any).
    pub document: usize,
    pub severity: Severity,
    /// The rule it breaks (`yaml/duplicate-key`, `api/invalid-value`, …).
    pub rule: &'static Rule,
    /// Kubernetes field path (`spec.containers[1].name`, `metadata.labels[app]`);
    /// empty for problems of the whole input.
    pub path: String,
    pub pos: Pos,
    /// Phrased as the API server phrases it, path first where it has one.
    pub message: Text,
    /// What to do about it, in plain words.
    pub help: Text,
}

impl Finding {
    /// A finding of `rule` at the rule's own severity: the one way findings
    /// are made, so none can carry an id the registry does not declare.
    pub fn new(
        rule: &'static Rule,
        document: usize,
        path: impl Display,
        pos: Pos,
        message: Text,
        help: Text,
    ) -> Finding {
        Finding {
            document,
            severity: rule.severity,
            rule,
            path: path.to_string(),
            pos,
            message,
            help,
        }
    }

    /// The same finding at another severity (an enforced Pod Security level).
    pub fn with_severity(self, severity: Severity) -> Finding {
        Finding { severity, ..self }
    }
}
