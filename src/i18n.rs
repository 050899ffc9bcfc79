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

/// Defines [`Msg`] and its lookup from one table, so that each message is
/// written once with its English and Japanese side by side, and a message
/// missing a language fails to compile.
macro_rules! messages {
    ($($name:ident { en: $en:literal, ja: $ja:literal, })*) => {
        /// A fixed string of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $($name,)*
        }

        impl Msg {
            /// The string in the given language.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Msg::$name, Lang::En) => $en,
                        (Msg::$name, Lang::Ja) => $ja,
                    )*
                }
            }
        }
    };
}

messages! {
    AppTitle {
        en: "kubetutor — learn Kubernetes resources",
        ja: "kubetutor — Kubernetesのリソースを学ぶ",
    }
    ColumnLesson {
        en: "Lesson",
        ja: "レッスン",
    }
    ColumnCategory {
        en: "Category",
        ja: "分類",
    }
    ColumnMinutes {
        en: "Min",
        ja: "分",
    }
    Objectives {
        en: "Objectives",
        ja: "学習目標",
    }
    MinutesShort {
        en: "min",
        ja: "分",
    }
    Lessons {
        en: "lessons",
        ja: "レッスン",
    }
    FallbackNote {
        en: "Not yet translated: showing the English lesson.",
        ja: "未翻訳のため英語版を表示しています。",
    }
    TooSmall {
        en: "Terminal too small. Please enlarge it",
        ja: "端末が小さすぎます。広げてください",
    }
    HelpTitle {
        en: "Keys",
        ja: "キー操作",
    }
    TocTitle {
        en: "Contents",
        ja: "目次",
    }
    TocEmpty {
        en: "This lesson has no headings.",
        ja: "このレッスンには見出しがありません。",
    }
    SearchPrompt {
        en: "Search: ",
        ja: "検索: ",
    }
    SearchNoMatch {
        en: "No match for",
        ja: "見つかりません:",
    }
    SearchMatch {
        en: "match",
        ja: "件目",
    }
    KeyHelpClose {
        en: "? or Esc closes this help",
        ja: "? または Esc で閉じる",
    }
    ActionMove {
        en: "move",
        ja: "移動",
    }
    ActionOpen {
        en: "open",
        ja: "開く",
    }
    ActionQuit {
        en: "quit",
        ja: "終了",
    }
    ActionHelp {
        en: "help",
        ja: "ヘルプ",
    }
    ActionScroll {
        en: "scroll",
        ja: "スクロール",
    }
    ActionPage {
        en: "page up / down",
        ja: "ページ送り / 戻し",
    }
    ActionTopBottom {
        en: "top / bottom",
        ja: "先頭 / 末尾",
    }
    ActionToc {
        en: "contents",
        ja: "目次",
    }
    ActionSearch {
        en: "search",
        ja: "検索",
    }
    ActionNextPrev {
        en: "next / previous match",
        ja: "次 / 前の一致",
    }
    ActionBack {
        en: "back",
        ja: "戻る",
    }
    ActionJump {
        en: "jump to heading",
        ja: "見出しへ移動",
    }
    ActionClose {
        en: "close",
        ja: "閉じる",
    }
    ActionWheel {
        en: "scroll with the mouse wheel",
        ja: "マウスホイールでスクロール",
    }
    ActionClick {
        en: "click selects, again opens",
        ja: "クリックで選択、再度で開く",
    }
    ActionSearchRun {
        en: "find",
        ja: "検索する",
    }
    ActionSearchCancel {
        en: "cancel",
        ja: "取り消す",
    }
    EmptyCourse {
        en: "This pack has no lessons.",
        ja: "このパックにはレッスンがありません。",
    }
    MouseLabel {
        en: "mouse",
        ja: "マウス",
    }
    ColumnRead {
        en: "Read",
        ja: "読了",
    }
    ColumnQuiz {
        en: "Quiz",
        ja: "クイズ",
    }
    ColumnExercises {
        en: "Exercises",
        ja: "演習",
    }
    ColumnDue {
        en: "Due",
        ja: "復習",
    }
    StatusNew {
        en: "new",
        ja: "未読",
    }
    StatusInProgress {
        en: "in progress",
        ja: "学習中",
    }
    StatusDone {
        en: "done",
        ja: "完了",
    }
    ProgressTitle {
        en: "Progress",
        ja: "学習の進み具合",
    }
    ProgressOverall {
        en: "lessons read {read}/{lessons} · quiz items right {right}/{items} · exercises passed {passed}/{exercises} · due for review {due}",
        ja: "読了したレッスン {read}/{lessons} · 正解したクイズ {right}/{items} · 合格した演習 {passed}/{exercises} · 復習待ち {due}",
    }
    ProgressNotSaved {
        en: "progress not saved",
        ja: "進み具合を保存できませんでした",
    }
    Saving {
        en: "saving… the progress database is in use elsewhere ({n} waiting)",
        ja: "保存しています…進み具合のデータベースが他で使われています（{n}件待ち）",
    }
    QuizHintMultiple {
        en: "Choose every right answer (Space or a digit toggles), then press Enter.",
        ja: "正しいものをすべて選び（Spaceか数字で切り替え）、Enterで答えます。",
    }
    QuizHintOrdering {
        en: "Move the selected step with Shift+↑↓ or J/K, then press Enter.",
        ja: "選んだ項目をShift+↑↓かJ/Kで動かし、Enterで答えます。",
    }
    QuizHintMatching {
        en: "For each item on the left, type the number of its partner (or use ←→), then press Enter.",
        ja: "左の各項目に対応する右側の番号を入力し（←→でも可）、Enterで答えます。",
    }
    QuizHintText {
        en: "Type the answer and press Enter.",
        ja: "答えを入力してEnterを押してください。",
    }
    QuizTrue {
        en: "True",
        ja: "正しい",
    }
    QuizFalse {
        en: "False",
        ja: "誤り",
    }
    QuizRight {
        en: "✓ Right",
        ja: "✓ 正解",
    }
    QuizWrong {
        en: "✗ Not quite",
        ja: "✗ 不正解",
    }
    QuizAnswerIs {
        en: "Answer:",
        ja: "正解:",
    }
    QuizAccepted {
        en: "Accepted:",
        ja: "正解とする答え:",
    }
    QuizCorrectOrder {
        en: "Correct order:",
        ja: "正しい順序:",
    }
    QuizYourOrder {
        en: "Your order:",
        ja: "あなたの順序:",
    }
    QuizYouChose {
        en: "you chose",
        ja: "選んだ答え:",
    }
    QuizSummary {
        en: "Score",
        ja: "得点",
    }
    QuizAllRight {
        en: "All right. These items come back for review later, a little further apart each time.",
        ja: "全問正解です。これらの問題は、少しずつ間隔を空けながら復習に出てきます。",
    }
    QuizReviewNote {
        en: "Missed items come back for review soon: press r on the course map.",
        ja: "間違えた問題はすぐに復習に出てきます。コースマップでrを押してください。",
    }
    QuizEmpty {
        en: "This lesson has no quiz.",
        ja: "このレッスンにはクイズがありません。",
    }
    ReviewTitle {
        en: "Review",
        ja: "復習",
    }
    ReviewEmpty {
        en: "Nothing is due for review. Answer a lesson's quiz first, or come back later.",
        ja: "今は復習する問題がありません。まずレッスンのクイズに答えるか、後でもう一度どうぞ。",
    }
    MapOverall {
        en: "read {read}/{lessons} · quiz {quiz} · exercises {passed}/{exercises} · due {due}",
        ja: "読了 {read}/{lessons} · クイズ {quiz} · 演習 {passed}/{exercises} · 復習 {due}",
    }
    ExercisesTitle {
        en: "Exercises",
        ja: "演習",
    }
    ExercisesNone {
        en: "This lesson has no exercises.",
        ja: "このレッスンには演習がありません。",
    }
    ExerciseInstructions {
        en: "Instructions",
        ja: "課題",
    }
    ExerciseYourFile {
        en: "Your file",
        ja: "あなたのファイル",
    }
    ExerciseResults {
        en: "Results",
        ja: "結果",
    }
    ExercisePassed {
        en: "★ Passed. Well done!",
        ja: "★ 合格です。おみごと！",
    }
    ExerciseNotYet {
        en: "Not passed yet",
        ja: "まだ合格していません",
    }
    ExerciseGrading {
        en: "grading…",
        ja: "採点中…",
    }
    ExerciseHint {
        en: "Hint",
        ja: "ヒント",
    }
    ExerciseNoHint {
        en: "No more hints.",
        ja: "ヒントはこれ以上ありません。",
    }
    ExerciseSolutionLocked {
        en: "The reference solution opens after a graded attempt that did not pass: save your file first.",
        ja: "解答例は、合格しなかった採点が1回あった後に見られます。まずファイルを保存してください。",
    }
    ConfirmSolution {
        en: "Show the reference solution?",
        ja: "解答例を表示しますか？",
    }
    ConfirmReset {
        en: "Replace your file with the starter? Your changes are lost.",
        ja: "ファイルをスターターに戻しますか？変更は失われます。",
    }
    ExerciseSolution {
        en: "Reference solution",
        ja: "解答例",
    }
    ExerciseEditorMissing {
        en: "No editor found: set $EDITOR (for example EDITOR=nano)",
        ja: "エディターが見つかりません。$EDITORを設定してください（例: EDITOR=nano）",
    }
    ExerciseEditorFailed {
        en: "The editor could not be started",
        ja: "エディターを起動できませんでした",
    }
    ExerciseFileProblem {
        en: "Cannot use your file",
        ja: "ファイルを使えません",
    }
    ExerciseFileAt {
        en: "File:",
        ja: "ファイル:",
    }
    ExerciseResetDone {
        en: "Your file was reset to the starter.",
        ja: "ファイルをスターターに戻しました。",
    }
    ActionQuiz {
        en: "quiz",
        ja: "クイズ",
    }
    ActionExercises {
        en: "exercises",
        ja: "演習",
    }
    ActionReview {
        en: "review",
        ja: "復習",
    }
    ActionSelect {
        en: "choose",
        ja: "選ぶ",
    }
    ActionToggle {
        en: "toggle",
        ja: "切り替え",
    }
    ActionAnswer {
        en: "answer",
        ja: "回答",
    }
    ActionNext {
        en: "next",
        ja: "次へ",
    }
    ActionMoveItem {
        en: "move item",
        ja: "項目を移動",
    }
    ActionPair {
        en: "change partner",
        ja: "組み合わせを変更",
    }
    ActionEdit {
        en: "edit",
        ja: "編集",
    }
    ActionHint {
        en: "hint",
        ja: "ヒント",
    }
    ActionSolution {
        en: "solution",
        ja: "解答例",
    }
    ActionWarnings {
        en: "show/fold warnings",
        ja: "警告の表示/折りたたみ",
    }
    ActionNextExercise {
        en: "next exercise",
        ja: "次の演習",
    }
    ExerciseWarningsFolded {
        en: "warning(s) — w to show",
        ja: "件の警告 — wで表示",
    }
    ExerciseLastOne {
        en: "This is the last exercise of the course.",
        ja: "これがコースの最後の演習です。",
    }
    ActionResetFile {
        en: "start over",
        ja: "やり直し",
    }
    ActionDetails {
        en: "details",
        ja: "詳細",
    }
    ActionPane {
        en: "switch pane",
        ja: "ペイン切り替え",
    }
    ActionYes {
        en: "yes",
        ja: "はい",
    }
    ActionNo {
        en: "no",
        ja: "いいえ",
    }
    ActionType {
        en: "type the answer",
        ja: "答えを入力",
    }
    ActionDelete {
        en: "delete",
        ja: "削除",
    }
    PlainQuestion {
        en: "Question {n} of {total}",
        ja: "問題 {n} / {total}",
    }
    PlainTimeLeft {
        en: "time left",
        ja: "残り時間",
    }
    PlainSingle {
        en: "one answer: type its letter",
        ja: "答えは1つ。文字で答えてください",
    }
    PlainMultiple {
        en: "every right answer: type the letters, e.g. a,c",
        ja: "正しいものをすべて。文字で答えてください（例: a,c）",
    }
    PlainTrueFalse {
        en: "true or false: type t or f",
        ja: "正しいか誤りか。t か f で答えてください",
    }
    PlainText {
        en: "type the answer",
        ja: "答えを入力してください",
    }
    PlainOrdering {
        en: "type the step numbers in the right order, e.g. 3 1 2",
        ja: "正しい順に番号を並べてください（例: 3 1 2）",
    }
    PlainMatching {
        en: "for a, b, c … type the number of each partner, e.g. 2 1 3",
        ja: "a, b, c … それぞれに対応する番号を順に入力してください（例: 2 1 3）",
    }
    PlainRight {
        en: "✓ Right.",
        ja: "✓ 正解です。",
    }
    PlainWrong {
        en: "✗ Not quite.",
        ja: "✗ 不正解です。",
    }
    PlainRightAnswer {
        en: "Right answer:",
        ja: "正解:",
    }
    PlainTimeUp {
        en: "Time is up: unanswered items count as wrong.",
        ja: "時間切れです。未回答の問題は不正解として数えます。",
    }
    PlainStopped {
        en: "Stopped. Answers so far are saved.",
        ja: "中断しました。ここまでの回答は保存されています。",
    }
    PlainResume {
        en: "Stopped. Continue with: kubetutor exam --resume",
        ja: "中断しました。続きは kubetutor exam --resume で再開できます。",
    }
    PlainCannotRead {
        en: "Could not read that answer:",
        ja: "その答えは読み取れませんでした:",
    }
    ActionPresent {
        en: "present",
        ja: "プレゼンテーション",
    }
    ActionSection {
        en: "next / previous section",
        ja: "次 / 前のセクション",
    }
    ActionEndPresent {
        en: "end presentation",
        ja: "プレゼンテーション終了",
    }
    PresentSection {
        en: "section",
        ja: "セクション",
    }
    ExamPassed {
        en: "passed",
        ja: "合格",
    }
    ExamNotPassed {
        en: "not passed",
        ja: "不合格",
    }
    ExamLeft {
        en: "left",
        ja: "残り",
    }
    ActionExam {
        en: "exam",
        ja: "試験",
    }
    ExamTitle {
        en: "Exam",
        ja: "試験",
    }
    QuizIncomplete {
        en: "Answer first: choose an option, pair every item or type the answer.",
        ja: "まず答えてください。選択肢を選ぶか、すべての項目を組み合わせるか、答えを入力します。",
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
