//! Languages and the user-interface strings in each of them.
//!
//! Lessons carry their own language; this module decides which language the
//! learner wants and translates the fixed strings of the interface.

use std::fmt;

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

/// A fixed string of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppTitle,
    ColumnLesson,
    ColumnCategory,
    ColumnMinutes,
    Objectives,
    MinutesShort,
    Lessons,
    FallbackNote,
    TooSmall,
    HelpTitle,
    TocTitle,
    TocEmpty,
    SearchPrompt,
    SearchNoMatch,
    SearchMatch,
    KeyHelpClose,
    ActionMove,
    ActionOpen,
    ActionQuit,
    ActionHelp,
    ActionScroll,
    ActionPage,
    ActionTopBottom,
    ActionToc,
    ActionSearch,
    ActionNextPrev,
    ActionBack,
    ActionJump,
    ActionClose,
    ActionWheel,
    ActionClick,
    ActionSearchRun,
    ActionSearchCancel,
    EmptyCourse,
    MouseLabel,
    ColumnRead,
    ColumnQuiz,
    ColumnExercises,
    ColumnDue,
    StatusNew,
    StatusInProgress,
    StatusDone,
    ProgressTitle,
    ProgressOverall,
    ProgressNotSaved,
}

impl Msg {
    /// The string in the given language.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Ja => self.ja(),
        }
    }

    fn en(self) -> &'static str {
        match self {
            Msg::AppTitle => "kubetutor — learn Kubernetes resources",
            Msg::ColumnLesson => "Lesson",
            Msg::ColumnCategory => "Category",
            Msg::ColumnMinutes => "Min",
            Msg::Objectives => "Objectives",
            Msg::MinutesShort => "min",
            Msg::Lessons => "lessons",
            Msg::FallbackNote => "Not yet translated: showing the English lesson.",
            Msg::TooSmall => "Terminal too small. Please enlarge it",
            Msg::HelpTitle => "Keys",
            Msg::TocTitle => "Contents",
            Msg::TocEmpty => "This lesson has no headings.",
            Msg::SearchPrompt => "Search: ",
            Msg::SearchNoMatch => "No match for",
            Msg::SearchMatch => "match",
            Msg::KeyHelpClose => "? or Esc closes this help",
            Msg::ActionMove => "move",
            Msg::ActionOpen => "open",
            Msg::ActionQuit => "quit",
            Msg::ActionHelp => "help",
            Msg::ActionScroll => "scroll",
            Msg::ActionPage => "page up / down",
            Msg::ActionTopBottom => "top / bottom",
            Msg::ActionToc => "contents",
            Msg::ActionSearch => "search",
            Msg::ActionNextPrev => "next / previous match",
            Msg::ActionBack => "back",
            Msg::ActionJump => "jump to heading",
            Msg::ActionClose => "close",
            Msg::ActionWheel => "scroll with the mouse wheel",
            Msg::ActionClick => "click selects, again opens",
            Msg::ActionSearchRun => "find",
            Msg::ActionSearchCancel => "cancel",
            Msg::EmptyCourse => "This pack has no lessons.",
            Msg::MouseLabel => "mouse",
            Msg::ColumnRead => "Read",
            Msg::ColumnQuiz => "Quiz",
            Msg::ColumnExercises => "Exercises",
            Msg::ColumnDue => "Due",
            Msg::StatusNew => "new",
            Msg::StatusInProgress => "in progress",
            Msg::StatusDone => "done",
            Msg::ProgressTitle => "Progress",
            Msg::ProgressNotSaved => "progress not saved",
            Msg::ProgressOverall => {
                "lessons read {read}/{lessons} · quiz items right {right}/{items} · exercises passed {passed}/{exercises} · due for review {due}"
            }
        }
    }

    fn ja(self) -> &'static str {
        match self {
            Msg::AppTitle => "kubetutor — Kubernetesのリソースを学ぶ",
            Msg::ColumnLesson => "レッスン",
            Msg::ColumnCategory => "分類",
            Msg::ColumnMinutes => "分",
            Msg::Objectives => "学習目標",
            Msg::MinutesShort => "分",
            Msg::Lessons => "レッスン",
            Msg::FallbackNote => "未翻訳のため英語版を表示しています。",
            Msg::TooSmall => "端末が小さすぎます。広げてください",
            Msg::HelpTitle => "キー操作",
            Msg::TocTitle => "目次",
            Msg::TocEmpty => "このレッスンには見出しがありません。",
            Msg::SearchPrompt => "検索: ",
            Msg::SearchNoMatch => "見つかりません:",
            Msg::SearchMatch => "件目",
            Msg::KeyHelpClose => "? または Esc で閉じる",
            Msg::ActionMove => "移動",
            Msg::ActionOpen => "開く",
            Msg::ActionQuit => "終了",
            Msg::ActionHelp => "ヘルプ",
            Msg::ActionScroll => "スクロール",
            Msg::ActionPage => "ページ送り / 戻し",
            Msg::ActionTopBottom => "先頭 / 末尾",
            Msg::ActionToc => "目次",
            Msg::ActionSearch => "検索",
            Msg::ActionNextPrev => "次 / 前の一致",
            Msg::ActionBack => "戻る",
            Msg::ActionJump => "見出しへ移動",
            Msg::ActionClose => "閉じる",
            Msg::ActionWheel => "マウスホイールでスクロール",
            Msg::ActionClick => "クリックで選択、再度で開く",
            Msg::ActionSearchRun => "検索する",
            Msg::ActionSearchCancel => "取り消す",
            Msg::EmptyCourse => "このパックにはレッスンがありません。",
            Msg::MouseLabel => "マウス",
            Msg::ColumnRead => "読了",
            Msg::ColumnQuiz => "クイズ",
            Msg::ColumnExercises => "演習",
            Msg::ColumnDue => "復習",
            Msg::StatusNew => "未読",
            Msg::StatusInProgress => "学習中",
            Msg::StatusDone => "完了",
            Msg::ProgressTitle => "学習の進み具合",
            Msg::ProgressNotSaved => "進み具合を保存できませんでした",
            Msg::ProgressOverall => {
                "読了したレッスン {read}/{lessons} · 正解したクイズ {right}/{items} · 合格した演習 {passed}/{exercises} · 復習待ち {due}"
            }
        }
    }
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
