//! The tutor's own strings (screens, keys, status line), in every language.

messages! {
    Msg;
    AppTitle {
        en: "kubetutor — learn Kubernetes resources",
        ja: "kubetutor — Kubernetesのリソースを学ぶ",
    }
    ColumnLesson {
        en: "Lesson",
        ja: "レッスン",
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
    ActionDelete {
        en: "delete",
        ja: "削除",
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
    ExamNotSaved {
        en: "The exam could not be saved for resuming",
        ja: "試験を再開用に保存できませんでした",
    }
    ExamIntroItems {
        en: "{items} items · {minutes} minutes · pass mark {pass}%",
        ja: "全{items}問 · {minutes}分 · 合格点 {pass}%",
    }
    ExamIntroRules {
        en: "No feedback until the end: then you see your score, the score per lesson and every missed item explained.",
        ja: "途中で正誤は表示しません。最後に得点、レッスンごとの得点、間違えた問題の解説を表示します。",
    }
    ExamIntroSkip {
        en: "Tab skips an item; skipped items come back at the end.",
        ja: "Tabでその問題を後回しにできます。後回しにした問題は最後にもう一度出題します。",
    }
    ExamIntroLeave {
        en: "Esc asks before leaving. A left exam stays saved: E on the course map or kubetutor exam --resume continues it, and the clock keeps running meanwhile.",
        ja: "Escを押すと中断する前に確認します。中断した試験は保存され、コースマップのEか kubetutor exam --resume で再開できます。その間も時間は進みます。",
    }
    ExamIntroStart {
        en: "Press Enter to start: the clock starts then.",
        ja: "Enterを押すと開始し、そこから時間を計ります。",
    }
    ExamResumeTitle {
        en: "An unfinished exam is waiting",
        ja: "中断中の試験があります",
    }
    ExamResumeState {
        en: "{answered} of {items} answered · {left} left",
        ja: "{items}問中 {answered}問回答済み · 残り {left}",
    }
    ExamResumeKeys {
        en: "Enter continues it. n discards it and starts a new exam of the selected lesson.",
        ja: "Enterで再開します。nを押すと破棄して、選択中のレッスンの試験を新しく始めます。",
    }
    ConfirmLeaveExam {
        en: "Leave the exam? It stays saved and resumable; the clock keeps running.",
        ja: "試験を中断しますか？試験は保存され、後で再開できます。その間も時間は進みます。",
    }
    ConfirmDiscardExam {
        en: "Discard the unfinished exam and start a new one?",
        ja: "中断中の試験を破棄して、新しい試験を始めますか？",
    }
    ActionStart {
        en: "start",
        ja: "開始",
    }
    ActionSkip {
        en: "skip (comes back at the end)",
        ja: "後回し（最後に再出題）",
    }
    ActionNewExam {
        en: "discard and start a new exam",
        ja: "破棄して新しい試験",
    }
    ReviewDueNow {
        en: "Due for review now: {n}. Press Enter to start.",
        ja: "今、復習する問題: {n}問。Enterで始めます。",
    }
    ReviewNextDue {
        en: "Nothing is due now. The next item is due in {wait}.",
        ja: "今は復習する問題がありません。次の問題はあと{wait}で復習の時期になります。",
    }
    ReviewNothingSeen {
        en: "Nothing to review yet: items come up for review after you have answered them in a lesson's quiz.",
        ja: "まだ復習する問題はありません。レッスンのクイズで答えた問題が、時期が来ると復習に出てきます。",
    }
    ReviewHow {
        en: "A wrong answer comes back within minutes, right answers later and later. New items are asked in the lesson's quiz (u), not here.",
        ja: "間違えた問題は数分後に、正解した問題は間隔を広げながら出てきます。新しい問題は復習ではなく、レッスンのクイズ（u）で出題します。",
    }
    ReviewNewItems {
        en: "New items (never answered) per lesson:",
        ja: "レッスンごとの新しい問題（まだ答えていない問題）:",
    }
    WaitMinutes {
        en: "{m} min",
        ja: "{m}分",
    }
    WaitHours {
        en: "{h} h {m} min",
        ja: "{h}時間{m}分",
    }
    WaitDays {
        en: "{d} days",
        ja: "{d}日",
    }
    ExerciseReviewsDue {
        en: "Quiz items this exercise practises that are due again: {n} (r on the course map)",
        ja: "この演習に関係し、復習の対象になった問題: {n}問（コースマップでr）",
    }
    ActionContinue {
        en: "continue",
        ja: "再開",
    }
}
