//! Each check of an exercise in words — what it asks, who asks for it, what
//! passes and what does not — so an author (or a curious learner) can read
//! what an exercise accepts without reading its YAML.

use super::builtin::{self, Builtin};
use super::check::{Check, CheckKind};
use super::{Origin, localized};
use crate::validate::Text;

/// One check, explained.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub id: String,
    /// The registered rule (`grade/…`), none for a pattern.
    pub rule: Option<&'static str>,
    pub origin: Origin,
    pub message: Text,
    /// What passes and what does not, one sentence each.
    pub lines: Vec<Text>,
}

impl Check {
    /// The check in words.
    pub fn explain(&self) -> Explanation {
        let (origin, message, lines) = match &self.kind {
            CheckKind::Builtin(rule) => {
                (rule.origin(), builtin::message(rule), builtin_lines(rule))
            }
            CheckKind::Semantic {
                check, description, ..
            } => (
                Origin::Exercise,
                description
                    .as_ref()
                    .map_or_else(|| check.message(), localized),
                check.explain(),
            ),
            CheckKind::Pattern {
                description,
                shown: (matcher, pattern),
                ..
            } => (
                Origin::Exercise,
                localized(description),
                pattern_lines(matcher.as_deref(), pattern),
            ),
        };
        Explanation {
            id: self.id.clone(),
            rule: self.rule().map(|rule| rule.id),
            origin,
            message,
            lines,
        }
    }
}

fn builtin_lines(rule: &Builtin) -> Vec<Text> {
    match rule {
        Builtin::Valid => vec![Text::new(
            "passes: `kubetutor check` reports no error for any document (warnings are fine)",
            "合格: `kubetutor check`がどのドキュメントにもエラーを報告しないこと(警告は構いません)",
        )],
        Builtin::PssBaseline | Builtin::PssRestricted => {
            let level = if *rule == Builtin::PssBaseline {
                "baseline"
            } else {
                "restricted"
            };
            vec![Text::new(
                format!(
                    "passes: `kubetutor check --pss {level}` reports no pss/… error: every Pod would be admitted to a namespace that enforces {level}"
                ),
                format!(
                    "合格: `kubetutor check --pss {level}`がpss/…のエラーを報告しないこと。{level}を強制する名前空間にすべてのPodが受け入れられます"
                ),
            )]
        }
        Builtin::SelectorMatchesTemplate => vec![Text::new(
            "passes: every workload's selector selects the labels of its own Pod template (the API server rejects it otherwise)",
            "合格: すべてのワークロードのselectorが自身のPodテンプレートのラベルを選択すること(そうでなければAPIサーバーが拒否します)",
        )],
        Builtin::KindsPresent { kinds } => vec![Text::new(
            format!(
                "passes: the file holds at least one object of each kind: {}",
                kinds.join(", ")
            ),
            format!(
                "合格: ファイルに次の種類のオブジェクトがそれぞれ1つ以上あること: {}",
                kinds.join("、")
            ),
        )],
    }
}

fn pattern_lines(matcher: Option<&str>, pattern: &str) -> Vec<Text> {
    let mut lines = Vec::new();
    match matcher {
        Some(matcher) => lines.push(Text::new(
            format!("applies to every document that matches {matcher}; fails when there is none"),
            format!("{matcher}に一致するすべてのドキュメントに適用します。1つもなければ不合格です"),
        )),
        None => lines.push(Text::new(
            "applies to every document; fails when there is none",
            "すべてのドキュメントに適用します。1つもなければ不合格です",
        )),
    }
    lines.push(Text::new(
        format!("passes: each of those matches the pattern {pattern} (a Kyverno-style pattern; docs/authoring.md explains the notation)"),
        format!("合格: それぞれがパターン{pattern}に一致すること(Kyverno形式のパターン。記法はdocs/authoring.mdにあります)"),
    ));
    lines
}
