//! The strings of the plain-text modes (`kubetutor quiz`, `exam`, the printed
//! sheet, session and team reports), in every language. `{name}` marks a
//! value filled in with `fill`.

messages! {
    Plain;
    Question {
        en: "Question {n} of {total}",
        ja: "問題 {n} / {total}",
    }
    TimeLeft {
        en: "time left",
        ja: "残り時間",
    }
    Single {
        en: "one answer: type its letter (a–{last})",
        ja: "記号（a〜{last}）で答えてください",
    }
    Multiple {
        en: "every right answer: type the letters, e.g. a,c (a–{last})",
        ja: "正しいものをすべて、記号（a〜{last}）で答えてください（例: a,c）",
    }
    TrueFalse {
        en: "true or false: type t or f",
        ja: "正しければ t、誤りなら f で答えてください",
    }
    Text {
        en: "type the answer",
        ja: "答えを入力してください",
    }
    Ordering {
        en: "type the step numbers in the right order, e.g. 3 1 2",
        ja: "正しい順に番号を並べてください（例: 3 1 2）",
    }
    Matching {
        en: "for a, b, c … type the number of each partner, e.g. 2 1 3",
        ja: "a, b, c … それぞれに対応する番号を順に入力してください（例: 2 1 3）",
    }
    SkipHint {
        en: "an empty line skips",
        ja: "空行で後回し",
    }
    HintSingle {
        en: "answer with one letter from a to {last}",
        ja: "a〜{last} の記号を1つ入力してください",
    }
    HintMultiple {
        en: "answer with the letters of every right choice, for example a,c (a to {last})",
        ja: "正しい選択肢の記号をすべて入力してください（例: a,c。記号は a〜{last}）",
    }
    HintTrueFalse {
        en: "answer true or false (t or f)",
        ja: "正しい（t）か誤り（f）で答えてください",
    }
    HintText {
        en: "type the answer",
        ja: "答えを入力してください",
    }
    HintOrdering {
        en: "list the {len} step numbers in the right order, for example {example}",
        ja: "{len} 個の番号をすべて正しい順に並べてください（例: {example}）",
    }
    HintMatching {
        en: "give the number of the partner of each of the {len} items in order, for example {example}",
        ja: "{len} 個の項目それぞれに対応する番号を順に入力してください（例: {example}）",
    }
    Right {
        en: "✓ Right.",
        ja: "✓ 正解です。",
    }
    Wrong {
        en: "✗ Not quite.",
        ja: "✗ 不正解です。",
    }
    RightAnswer {
        en: "Right answer:",
        ja: "正解:",
    }
    Skipped {
        en: "Skipped: it comes back at the end.",
        ja: "後回しにしました。最後にもう一度出題します。",
    }
    TimeUp {
        en: "Time is up: unanswered items count as wrong.",
        ja: "時間切れです。未回答の問題は不正解として数えます。",
    }
    Stopped {
        en: "Stopped. Answers so far are saved.",
        ja: "中断しました。ここまでの回答は保存されています。",
    }
    Resume {
        en: "Stopped. Continue with: kubetutor exam --resume",
        ja: "中断しました。続きは kubetutor exam --resume で再開できます。",
    }
    CannotRead {
        en: "Could not read that answer:",
        ja: "その答えは読み取れませんでした:",
    }
    Score {
        en: "Score: {right}/{total} ({percent}%)",
        ja: "得点: {right}/{total}（{percent}%）",
    }
    ExamIntro {
        en: "Exam: {items} items · {time} · pass mark {pass}%. No feedback until the end: then your score, the score per lesson and every missed item explained.",
        ja: "試験: 全{items}問 · {time} · 合格点 {pass}%。途中で正誤は表示しません。最後に得点、レッスンごとの得点、間違えた問題の解説を表示します。",
    }
    ExamIntroKeys {
        en: "An empty line skips an item; skipped items come back at the end. Ctrl-C stops and keeps the exam: kubetutor exam --resume continues it (the clock keeps running).",
        ja: "空行を入力するとその問題を後回しにでき、後回しにした問題は最後にもう一度出題します。Ctrl-C で中断しても試験は保存され、kubetutor exam --resume で再開できます（その間も時間は進みます）。",
    }
    Minutes {
        en: "{n} minutes",
        ja: "{n}分",
    }
    NoTimeLimit {
        en: "no time limit",
        ja: "時間制限なし",
    }
    Resuming {
        en: "Resuming the exam started {started}: {answered} of {total} answered.",
        ja: "{started} に始めた試験を再開します（{total}問中 {answered}問回答済み）。",
    }
    NothingToResume {
        en: "there is no unfinished exam to resume",
        ja: "再開できる中断中の試験はありません",
    }
    ExamWaiting {
        en: "an unfinished exam started {started} is waiting: `kubetutor exam --resume` continues it, `kubetutor exam --restart` discards it",
        ja: "{started} に始めた試験が中断されたままです。`kubetutor exam --resume` で再開するか、`kubetutor exam --restart` で破棄してください",
    }
    NotSavedForResume {
        en: "kubetutor: warning: the exam could not be saved for --resume: {error}",
        ja: "kubetutor: 警告: 試験を --resume 用に保存できませんでした: {error}",
    }
    AnswersNotSaved {
        en: "kubetutor: warning: answers are not being saved: {error}",
        ja: "kubetutor: 警告: 回答を保存できていません: {error}",
    }
    True {
        en: "true",
        ja: "正しい",
    }
    False {
        en: "false",
        ja: "誤り",
    }
    SheetTitle {
        en: "kubetutor quiz",
        ja: "kubetutor 小テスト",
    }
    SheetName {
        en: "Name: ________________________ Date: ______________",
        ja: "氏名: ________________________ 日付: ______________",
    }
    SheetAbout {
        en: "{count} questions · seed {seed}. Answer on this sheet.",
        ja: "全{count}問 · シード {seed}。この用紙に答えを書いてください。",
    }
    SheetSingle {
        en: "Circle one letter.",
        ja: "正しいものを1つ選び、記号を丸で囲んでください。",
    }
    SheetMultiple {
        en: "Circle every right letter (one or more).",
        ja: "正しいものをすべて選び、記号を丸で囲んでください（1つ以上）。",
    }
    SheetTrueFalse {
        en: "Circle one: **true** / **false**",
        ja: "どちらかを丸で囲んでください: **正しい** / **誤り**",
    }
    SheetText {
        en: "Write the answer: ________________________",
        ja: "答えを書いてください: ________________________",
    }
    SheetOrdering {
        en: "Write the step numbers in the right order: ________________",
        ja: "正しい順に番号を書いてください: ________________",
    }
    SheetMatching {
        en: "Write the number of each partner beside its letter:",
        ja: "各記号の横に、対応する番号を書いてください:",
    }
    SheetKey {
        en: "Answer key",
        ja: "解答",
    }
    ReportExam {
        en: "Exam report: {learner}",
        ja: "試験結果: {learner}",
    }
    ReportQuiz {
        en: "Quiz report: {learner}",
        ja: "クイズ結果: {learner}",
    }
    ReportScore {
        en: "Score **{right}/{total} ({percent}%)**, pass mark {pass}%: **{verdict}**{time_up}. Seed {seed}, {started}.",
        ja: "得点 **{right}/{total}（{percent}%）**、合格点 {pass}%: **{verdict}**{time_up}。シード {seed}、{started}。",
    }
    Passed {
        en: "passed",
        ja: "合格",
    }
    NotPassed {
        en: "not passed",
        ja: "不合格",
    }
    TimeRanOut {
        en: " (time ran out)",
        ja: "（時間切れ）",
    }
    ColumnLesson {
        en: "Lesson",
        ja: "レッスン",
    }
    ColumnRight {
        en: "Right",
        ja: "正解",
    }
    ColumnTotal {
        en: "Total",
        ja: "出題数",
    }
    MissedItems {
        en: "Missed items",
        ja: "間違えた問題",
    }
    YourAnswer {
        en: "your answer",
        ja: "あなたの答え",
    }
    TheRightAnswer {
        en: "right answer",
        ja: "正解",
    }
    NotAnswered {
        en: "(not answered)",
        ja: "（未回答）",
    }
    ResultsTitle {
        en: "Quiz and exam results",
        ja: "クイズと試験の結果",
    }
    ColumnLearner {
        en: "Learner",
        ja: "受講者",
    }
    ColumnScore {
        en: "Score",
        ja: "得点",
    }
    VerdictQuiz {
        en: "(quiz)",
        ja: "（クイズ）",
    }
    MissedMost {
        en: "Items missed most",
        ja: "間違いの多い問題",
    }
    ColumnItem {
        en: "Item",
        ja: "問題",
    }
    ColumnMissed {
        en: "Missed",
        ja: "不正解",
    }
    ColumnPrompt {
        en: "Prompt",
        ja: "問題文",
    }
    TeamTitle {
        en: "Team progress",
        ja: "チームの学習状況",
    }
    TeamAbout {
        en: "{learners} learners, generated {generated}. Each cell: read (✓ done, … in progress, – not opened) · quiz score · exercises passed.",
        ja: "受講者 {learners} 人、{generated} 作成。各欄: 読了（✓ 完了、… 途中、– 未読）· クイズの得点 · 合格した演習。",
    }
    WeakestItems {
        en: "Weakest quiz items",
        ja: "正答率の低い問題",
    }
    NoneWrong {
        en: "No quiz item was answered wrongly.",
        ja: "間違えた問題はありません。",
    }
    ColumnMissedBy {
        en: "Missed by",
        ja: "間違えた人",
    }
    DueForReview {
        en: "Due for review",
        ja: "復習待ちの問題",
    }
    Nothing {
        en: "nothing",
        ja: "なし",
    }
}
