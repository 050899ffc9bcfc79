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
    Saving,
    QuizHintMultiple,
    QuizHintOrdering,
    QuizHintMatching,
    QuizHintText,
    QuizTrue,
    QuizFalse,
    QuizRight,
    QuizWrong,
    QuizAnswerIs,
    QuizAccepted,
    QuizCorrectOrder,
    QuizYourOrder,
    QuizYouChose,
    QuizSummary,
    QuizAllRight,
    QuizReviewNote,
    QuizEmpty,
    ReviewTitle,
    ReviewEmpty,
    MapOverall,
    ExercisesTitle,
    ExercisesNone,
    ExerciseInstructions,
    ExerciseYourFile,
    ExerciseResults,
    ExercisePassed,
    ExerciseNotYet,
    ExerciseGrading,
    ExerciseHint,
    ExerciseNoHint,
    ExerciseSolutionLocked,
    ConfirmSolution,
    ConfirmReset,
    ExerciseSolution,
    ExerciseEditorMissing,
    ExerciseEditorFailed,
    ExerciseFileProblem,
    ExerciseFileAt,
    ExerciseResetDone,
    ActionQuiz,
    ActionExercises,
    ActionReview,
    ActionSelect,
    ActionToggle,
    ActionAnswer,
    ActionNext,
    ActionMoveItem,
    ActionPair,
    ActionEdit,
    ActionHint,
    ActionSolution,
    ActionResetFile,
    ActionDetails,
    ActionPane,
    ActionYes,
    ActionNo,
    ActionType,
    ActionDelete,
    PlainQuestion,
    PlainTimeLeft,
    PlainSingle,
    PlainMultiple,
    PlainTrueFalse,
    PlainText,
    PlainOrdering,
    PlainMatching,
    PlainRight,
    PlainWrong,
    PlainRightAnswer,
    PlainTimeUp,
    PlainStopped,
    PlainResume,
    PlainCannotRead,
    ActionPresent,
    ActionSection,
    ActionEndPresent,
    PresentSection,
    ExamPassed,
    ExamNotPassed,
    ExamLeft,
    ActionExam,
    ExamTitle,
    QuizIncomplete,
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
            Msg::Saving => "saving… the progress database is in use elsewhere ({n} waiting)",
            Msg::QuizHintMultiple => {
                "Choose every right answer (Space or a digit toggles), then press Enter."
            }
            Msg::QuizHintOrdering => {
                "Move the selected step with Shift+↑↓ or J/K, then press Enter."
            }
            Msg::QuizHintMatching => {
                "For each item on the left, type the number of its partner (or use ←→), then press Enter."
            }
            Msg::QuizHintText => "Type the answer and press Enter.",
            Msg::QuizTrue => "True",
            Msg::QuizFalse => "False",
            Msg::QuizRight => "✓ Right",
            Msg::QuizWrong => "✗ Not quite",
            Msg::QuizAnswerIs => "Answer:",
            Msg::QuizAccepted => "Accepted:",
            Msg::QuizCorrectOrder => "Correct order:",
            Msg::QuizYourOrder => "Your order:",
            Msg::QuizYouChose => "you chose",
            Msg::QuizSummary => "Score",
            Msg::QuizAllRight => {
                "All right. These items come back for review later, a little further apart each time."
            }
            Msg::QuizReviewNote => {
                "Missed items come back for review soon: press r on the course map."
            }
            Msg::QuizEmpty => "This lesson has no quiz.",
            Msg::ReviewTitle => "Review",
            Msg::ReviewEmpty => {
                "Nothing is due for review. Answer a lesson's quiz first, or come back later."
            }
            Msg::MapOverall => {
                "read {read}/{lessons} · quiz {quiz} · exercises {passed}/{exercises} · due {due}"
            }
            Msg::ExercisesTitle => "Exercises",
            Msg::ExercisesNone => "This lesson has no exercises.",
            Msg::ExerciseInstructions => "Instructions",
            Msg::ExerciseYourFile => "Your file",
            Msg::ExerciseResults => "Results",
            Msg::ExercisePassed => "★ Passed. Well done!",
            Msg::ExerciseNotYet => "Not passed yet",
            Msg::ExerciseGrading => "grading…",
            Msg::ExerciseHint => "Hint",
            Msg::ExerciseNoHint => "No more hints.",
            Msg::ExerciseSolutionLocked => {
                "The reference solution opens after a graded attempt that did not pass: save your file first."
            }
            Msg::ConfirmSolution => "Show the reference solution?",
            Msg::ConfirmReset => "Replace your file with the starter? Your changes are lost.",
            Msg::ExerciseSolution => "Reference solution",
            Msg::ExerciseEditorMissing => "No editor found: set $EDITOR (for example EDITOR=nano)",
            Msg::ExerciseEditorFailed => "The editor could not be started",
            Msg::ExerciseFileProblem => "Cannot use your file",
            Msg::ExerciseFileAt => "File:",
            Msg::ExerciseResetDone => "Your file was reset to the starter.",
            Msg::ActionQuiz => "quiz",
            Msg::ActionExercises => "exercises",
            Msg::ActionReview => "review",
            Msg::ActionSelect => "choose",
            Msg::ActionToggle => "toggle",
            Msg::ActionAnswer => "answer",
            Msg::ActionNext => "next",
            Msg::ActionMoveItem => "move item",
            Msg::ActionPair => "change partner",
            Msg::ActionEdit => "edit",
            Msg::ActionHint => "hint",
            Msg::ActionSolution => "solution",
            Msg::ActionResetFile => "start over",
            Msg::ActionDetails => "details",
            Msg::ActionPane => "switch pane",
            Msg::ActionYes => "yes",
            Msg::ActionNo => "no",
            Msg::ActionType => "type the answer",
            Msg::ActionDelete => "delete",
            Msg::PlainQuestion => "Question {n} of {total}",
            Msg::PlainTimeLeft => "time left",
            Msg::PlainSingle => "one answer: type its letter",
            Msg::PlainMultiple => "every right answer: type the letters, e.g. a,c",
            Msg::PlainTrueFalse => "true or false: type t or f",
            Msg::PlainText => "type the answer",
            Msg::PlainOrdering => "type the step numbers in the right order, e.g. 3 1 2",
            Msg::PlainMatching => "for a, b, c … type the number of each partner, e.g. 2 1 3",
            Msg::PlainRight => "✓ Right.",
            Msg::PlainWrong => "✗ Not quite.",
            Msg::PlainRightAnswer => "Right answer:",
            Msg::PlainTimeUp => "Time is up: unanswered items count as wrong.",
            Msg::PlainStopped => "Stopped. Answers so far are saved.",
            Msg::PlainResume => "Stopped. Continue with: kubetutor exam --resume",
            Msg::PlainCannotRead => "Could not read that answer:",
            Msg::ActionPresent => "present",
            Msg::ActionSection => "next / previous section",
            Msg::ActionEndPresent => "end presentation",
            Msg::PresentSection => "section",
            Msg::ExamPassed => "passed",
            Msg::ExamNotPassed => "not passed",
            Msg::ExamLeft => "left",
            Msg::ActionExam => "exam",
            Msg::ExamTitle => "Exam",
            Msg::QuizIncomplete => {
                "Answer first: choose an option, pair every item or type the answer."
            }
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
            Msg::Saving => "保存しています…進み具合のデータベースが他で使われています（{n}件待ち）",
            Msg::QuizHintMultiple => {
                "正しいものをすべて選び（Spaceか数字で切り替え）、Enterで答えます。"
            }
            Msg::QuizHintOrdering => "選んだ項目をShift+↑↓かJ/Kで動かし、Enterで答えます。",
            Msg::QuizHintMatching => {
                "左の各項目に対応する右側の番号を入力し（←→でも可）、Enterで答えます。"
            }
            Msg::QuizHintText => "答えを入力してEnterを押してください。",
            Msg::QuizTrue => "正しい",
            Msg::QuizFalse => "誤り",
            Msg::QuizRight => "✓ 正解",
            Msg::QuizWrong => "✗ 不正解",
            Msg::QuizAnswerIs => "正解:",
            Msg::QuizAccepted => "正解とする答え:",
            Msg::QuizCorrectOrder => "正しい順序:",
            Msg::QuizYourOrder => "あなたの順序:",
            Msg::QuizYouChose => "選んだ答え:",
            Msg::QuizSummary => "得点",
            Msg::QuizAllRight => {
                "全問正解です。これらの問題は、少しずつ間隔を空けながら復習に出てきます。"
            }
            Msg::QuizReviewNote => {
                "間違えた問題はすぐに復習に出てきます。コースマップでrを押してください。"
            }
            Msg::QuizEmpty => "このレッスンにはクイズがありません。",
            Msg::ReviewTitle => "復習",
            Msg::ReviewEmpty => {
                "今は復習する問題がありません。まずレッスンのクイズに答えるか、後でもう一度どうぞ。"
            }
            Msg::MapOverall => {
                "読了 {read}/{lessons} · クイズ {quiz} · 演習 {passed}/{exercises} · 復習 {due}"
            }
            Msg::ExercisesTitle => "演習",
            Msg::ExercisesNone => "このレッスンには演習がありません。",
            Msg::ExerciseInstructions => "課題",
            Msg::ExerciseYourFile => "あなたのファイル",
            Msg::ExerciseResults => "結果",
            Msg::ExercisePassed => "★ 合格です。おみごと！",
            Msg::ExerciseNotYet => "まだ合格していません",
            Msg::ExerciseGrading => "採点中…",
            Msg::ExerciseHint => "ヒント",
            Msg::ExerciseNoHint => "ヒントはこれ以上ありません。",
            Msg::ExerciseSolutionLocked => {
                "解答例は、合格しなかった採点が1回あった後に見られます。まずファイルを保存してください。"
            }
            Msg::ConfirmSolution => "解答例を表示しますか？",
            Msg::ConfirmReset => "ファイルをスターターに戻しますか？変更は失われます。",
            Msg::ExerciseSolution => "解答例",
            Msg::ExerciseEditorMissing => {
                "エディターが見つかりません。$EDITORを設定してください（例: EDITOR=nano）"
            }
            Msg::ExerciseEditorFailed => "エディターを起動できませんでした",
            Msg::ExerciseFileProblem => "ファイルを使えません",
            Msg::ExerciseFileAt => "ファイル:",
            Msg::ExerciseResetDone => "ファイルをスターターに戻しました。",
            Msg::ActionQuiz => "クイズ",
            Msg::ActionExercises => "演習",
            Msg::ActionReview => "復習",
            Msg::ActionSelect => "選ぶ",
            Msg::ActionToggle => "切り替え",
            Msg::ActionAnswer => "回答",
            Msg::ActionNext => "次へ",
            Msg::ActionMoveItem => "項目を移動",
            Msg::ActionPair => "組み合わせを変更",
            Msg::ActionEdit => "編集",
            Msg::ActionHint => "ヒント",
            Msg::ActionSolution => "解答例",
            Msg::ActionResetFile => "やり直し",
            Msg::ActionDetails => "詳細",
            Msg::ActionPane => "ペイン切り替え",
            Msg::ActionYes => "はい",
            Msg::ActionNo => "いいえ",
            Msg::ActionType => "答えを入力",
            Msg::ActionDelete => "削除",
            Msg::PlainQuestion => "問題 {n} / {total}",
            Msg::PlainTimeLeft => "残り時間",
            Msg::PlainSingle => "答えは1つ。文字で答えてください",
            Msg::PlainMultiple => "正しいものをすべて。文字で答えてください（例: a,c）",
            Msg::PlainTrueFalse => "正しいか誤りか。t か f で答えてください",
            Msg::PlainText => "答えを入力してください",
            Msg::PlainOrdering => "正しい順に番号を並べてください（例: 3 1 2）",
            Msg::PlainMatching => {
                "a, b, c … それぞれに対応する番号を順に入力してください（例: 2 1 3）"
            }
            Msg::PlainRight => "✓ 正解です。",
            Msg::PlainWrong => "✗ 不正解です。",
            Msg::PlainRightAnswer => "正解:",
            Msg::PlainTimeUp => "時間切れです。未回答の問題は不正解として数えます。",
            Msg::PlainStopped => "中断しました。ここまでの回答は保存されています。",
            Msg::PlainResume => "中断しました。続きは kubetutor exam --resume で再開できます。",
            Msg::PlainCannotRead => "その答えは読み取れませんでした:",
            Msg::ActionPresent => "プレゼンテーション",
            Msg::ActionSection => "次 / 前のセクション",
            Msg::ActionEndPresent => "プレゼンテーション終了",
            Msg::PresentSection => "セクション",
            Msg::ExamPassed => "合格",
            Msg::ExamNotPassed => "不合格",
            Msg::ExamLeft => "残り",
            Msg::ActionExam => "試験",
            Msg::ExamTitle => "試験",
            Msg::QuizIncomplete => {
                "まず答えてください。選択肢を選ぶか、すべての項目を組み合わせるか、答えを入力します。"
            }
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
