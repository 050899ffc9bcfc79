//! What a rule is: every finding names one, declared once beside the code
//! that reports it, so ids, summaries, severities and documentation never
//! drift apart. The registry (`crate::registry`) lists them all.

use std::fmt;

use super::finding::Severity;
use crate::i18n::Lang;

/// The layer a rule belongs to, in the order the validator applies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// The YAML itself: syntax, size, nesting, aliases, duplicate keys.
    Yaml,
    /// The kind's OpenAPI schema: fields, types, required fields, kinds.
    Schema,
    /// What the API server rejects (or warns about) after decoding.
    Api,
    /// Pod Security Standards, decided as the admission library decides them.
    PodSecurity,
    /// Habits the API server accepts but a reviewer would question.
    Lint,
    /// Limits of a platform (`--profile`), beyond the API server's.
    Profile,
    /// Named checks exercises use to grade an answer.
    Grading,
}

impl Category {
    /// Every category, in the order the registry lists them.
    pub const ALL: [Category; 7] = [
        Category::Yaml,
        Category::Schema,
        Category::Api,
        Category::PodSecurity,
        Category::Lint,
        Category::Profile,
        Category::Grading,
    ];

    /// The category's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Category::Yaml, Lang::En) => "YAML",
            (Category::Yaml, Lang::Ja) => "YAML",
            (Category::Schema, Lang::En) => "Schema",
            (Category::Schema, Lang::Ja) => "スキーマ",
            (Category::Api, Lang::En) => "API server",
            (Category::Api, Lang::Ja) => "APIサーバー",
            (Category::PodSecurity, Lang::En) => "Pod Security Standards",
            (Category::PodSecurity, Lang::Ja) => "Podセキュリティの標準",
            (Category::Lint, Lang::En) => "Lints",
            (Category::Lint, Lang::Ja) => "リント",
            (Category::Profile, Lang::En) => "Platform profiles",
            (Category::Profile, Lang::Ja) => "プラットフォームのプロファイル",
            (Category::Grading, Lang::En) => "Grading",
            (Category::Grading, Lang::Ja) => "採点",
        }
    }

    /// Whether `--disable` may switch its rules off: only opinions and
    /// platform limits; what the API server says cannot be switched off.
    pub fn switchable(self) -> bool {
        matches!(self, Category::Lint | Category::Profile)
    }
}

/// A fixed text in both languages, for declarations made at compile time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub en: &'static str,
    pub ja: &'static str,
}

impl Words {
    /// A text given in English and Japanese.
    pub const fn new(en: &'static str, ja: &'static str) -> Words {
        Words { en, ja }
    }

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ja => self.ja,
        }
    }
}

/// The Kubernetes minor versions (1.x) a rule applies to; `None` is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Versions {
    /// The first minor version the rule applies to.
    pub from: Option<u32>,
    /// The last minor version the rule applies to.
    pub until: Option<u32>,
}

impl Versions {
    /// Every version.
    pub const ALL: Versions = Versions {
        from: None,
        until: None,
    };

    /// From `1.<minor>` on.
    pub const fn from(minor: u32) -> Versions {
        Versions {
            from: Some(minor),
            until: None,
        }
    }

    /// Whether the rule applies at `1.<minor>`.
    pub fn includes(self, minor: u32) -> bool {
        self.from.is_none_or(|from| from <= minor) && self.until.is_none_or(|until| minor <= until)
    }
}

impl fmt::Display for Versions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.until) {
            (None, None) => f.write_str("all"),
            (Some(from), None) => write!(f, "1.{from}+"),
            (None, Some(until)) => write!(f, "≤ 1.{until}"),
            (Some(from), Some(until)) => write!(f, "1.{from}–1.{until}"),
        }
    }
}

/// One rule: its id as findings, `--disable` and exercises name it, and what
/// a reader of `kubetutor rules` needs to know about it.
pub struct Rule {
    /// `category/name`, stable: JSON output, `--disable` and exercises use it.
    pub id: &'static str,
    pub category: Category,
    /// The severity its findings have unless an option raises it
    /// (`--pss` makes Pod Security violations errors).
    pub severity: Severity,
    /// What the rule looks for, in one line.
    pub summary: Words,
    /// What to do about a finding, in general; findings add specifics.
    pub help: Words,
    /// The Kubernetes documentation page behind the rule.
    pub docs: &'static str,
    pub versions: Versions,
    /// Off rules run only when `--enable`d.
    pub enabled_by_default: bool,
}

impl Rule {
    /// The fields most rules of a category share; a declaration fills in the rest.
    const fn base(category: Category, severity: Severity) -> Rule {
        Rule {
            id: "",
            category,
            severity,
            summary: Words { en: "", ja: "" },
            help: Words { en: "", ja: "" },
            docs: "",
            versions: Versions::ALL,
            enabled_by_default: true,
        }
    }

    pub const YAML: Rule = Rule::base(Category::Yaml, Severity::Error);
    pub const SCHEMA: Rule = Rule::base(Category::Schema, Severity::Error);
    pub const API: Rule = Rule::base(Category::Api, Severity::Error);
    pub const API_WARNING: Rule = Rule::base(Category::Api, Severity::Warning);
    pub const POD_SECURITY: Rule = Rule::base(Category::PodSecurity, Severity::Warning);
    pub const LINT: Rule = Rule::base(Category::Lint, Severity::Warning);
    pub const PROFILE: Rule = Rule::base(Category::Profile, Severity::Error);
    pub const GRADING: Rule = Rule::base(Category::Grading, Severity::Error);

    /// Whether `--disable` may switch this rule off.
    pub fn switchable(&self) -> bool {
        self.category.switchable()
    }
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)
    }
}

/// Rules are the same when their ids are: an id is declared once.
impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.id == other.id
    }
}

impl Eq for Rule {}

impl PartialOrd for Rule {
    fn partial_cmp(&self, other: &Rule) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rule {
    fn cmp(&self, other: &Rule) -> std::cmp::Ordering {
        self.id.cmp(other.id)
    }
}

impl std::hash::Hash for Rule {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_ranges_read_naturally() {
        assert_eq!(Versions::ALL.to_string(), "all");
        assert_eq!(Versions::from(35).to_string(), "1.35+");
        assert!(Versions::from(35).includes(35));
        assert!(!Versions::from(35).includes(34));
        let closed = Versions {
            from: Some(30),
            until: Some(32),
        };
        assert_eq!(closed.to_string(), "1.30–1.32");
        assert!(!closed.includes(33));
    }
}
