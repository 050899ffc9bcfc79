//! Languages and the user-interface strings in each of them.
//!
//! Lessons carry their own language; this module decides which language the
//! learner wants and translates the fixed strings of the interface.

use std::fmt;

use serde::Deserialize;

/// A pack text in every language of the pack; English is always present.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized<T> {
    pub en: T,
    #[serde(default)]
    pub ja: Option<T>,
}

impl<T> Localized<T> {
    /// The text in `lang`, falling back to English.
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Ja => self.ja.as_ref().unwrap_or(&self.en),
            Lang::En => &self.en,
        }
    }

    /// Whether the text exists in `lang` itself (not through the fallback).
    pub fn has(&self, lang: Lang) -> bool {
        lang == Lang::En || self.ja.is_some()
    }
}

/// A language kubetutor speaks. English is the reference language of every pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ja,
}

impl Lang {
    /// Every supported language, reference language first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The folder name and `--lang` value of the language.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language's own name, as a learner would look for it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ja => "日本語",
        }
    }

    /// Parses a language code (`en`, `ja`).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// Chooses the language: the explicit choice, else the locale variables in
    /// POSIX precedence (LC_ALL, LC_MESSAGES, LANG), else English.
    pub fn detect(explicit: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = explicit {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&env)
            .find(|value| !value.is_empty());
        match locale {
            Some(value) if value.to_ascii_lowercase().starts_with("ja") => Lang::Ja,
            _ => Lang::En,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Defines a message enum and its lookup from one table, so that each
/// message is written once with its English and Japanese side by side, and a
/// message missing a language fails to compile.
macro_rules! messages {
    ($enum:ident; $($name:ident { en: $en:literal, ja: $ja:literal, })*) => {
        /// A fixed string of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $enum {
            $($name,)*
        }

        impl $enum {
            /// The string in the given language.
            pub fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                use $crate::i18n::Lang;
                match (self, lang) {
                    $(
                        ($enum::$name, Lang::En) => $en,
                        ($enum::$name, Lang::Ja) => $ja,
                    )*
                }
            }

            /// The string in `lang` with each `{name}` replaced by its value.
            pub fn fill(self, lang: $crate::i18n::Lang, values: &[(&str, &dyn std::fmt::Display)]) -> String {
                $crate::i18n::fill(self.text(lang), values)
            }
        }
    };
}

mod errors;
mod messages;
mod plain;

pub use errors::Errors;
pub use messages::Msg;
pub use plain::Plain;

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &dyn fmt::Display)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), &value.to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        }
    }

    #[test]
    fn explicit_choice_wins() {
        assert_eq!(
            Lang::detect(Some(Lang::En), env(&[("LANG", "ja_JP.UTF-8")])),
            Lang::En
        );
    }

    #[test]
    fn locale_precedence_is_posix() {
        let vars = [("LC_ALL", "ja_JP.UTF-8"), ("LANG", "en_US.UTF-8")];
        assert_eq!(Lang::detect(None, env(&vars)), Lang::Ja);
        let vars = [("LC_ALL", ""), ("LC_MESSAGES", "en_GB"), ("LANG", "ja_JP")];
        assert_eq!(Lang::detect(None, env(&vars)), Lang::En);
        assert_eq!(Lang::detect(None, env(&[("LANG", "ja")])), Lang::Ja);
    }

    #[test]
    fn unknown_locale_falls_back_to_english() {
        assert_eq!(Lang::detect(None, env(&[("LANG", "C")])), Lang::En);
        assert_eq!(Lang::detect(None, env(&[])), Lang::En);
    }
}
