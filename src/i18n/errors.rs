//! The error lines a learner sees when a command cannot do its work, in
//! every language. Author-facing pack errors stay English, like `pack lint`.

messages! {
    Errors;
    Prefix {
        en: "kubetutor: error: {message}",
        ja: "kubetutor: エラー: {message}",
    }
    UnknownLesson {
        en: "no lesson `{lesson}` in this course (lessons: {known})",
        ja: "このコースにレッスン`{lesson}`はありません（レッスン: {known}）",
    }
    NoItems {
        en: "the chosen lessons have no quiz items",
        ja: "選んだレッスンにはクイズの問題がありません",
    }
    NoDataDir {
        en: "cannot find a data directory: no home directory is known; set {env}",
        ja: "データディレクトリーが見つかりません。ホームディレクトリーがわからないため、{env}を設定してください",
    }
    NewerDatabase {
        en: "{path} was written by a newer kubetutor (database version {found}; this kubetutor knows up to {supported}); it was left untouched: update kubetutor, or set KUBETUTOR_HOME to use another data directory",
        ja: "{path}は新しいkubetutorで書かれています（データベースのバージョン{found}。このkubetutorは{supported}まで）。ファイルには手を付けていません。kubetutorを更新するか、KUBETUTOR_HOMEで別のデータディレクトリーを指定してください",
    }
    CannotWrite {
        en: "cannot write {path}: {reason}",
        ja: "{path}に書き込めません: {reason}",
    }
    Terminal {
        en: "terminal error: {reason}",
        ja: "端末のエラー: {reason}",
    }
    NeedsTerminal {
        en: "the tutor needs a terminal; `kubetutor list` and `kubetutor pack lint` work without one",
        ja: "チューターには端末が必要です。`kubetutor list`と`kubetutor pack lint`は端末なしで使えます",
    }
    ConfirmForget {
        en: "this would forget {what}; run again with --yes to confirm",
        ja: "{what}を消去します。よければ --yes を付けてもう一度実行してください",
    }
    Forgot {
        en: "kubetutor: forgot {what}",
        ja: "kubetutor: {what}を消去しました",
    }
    AllProgress {
        en: "all progress (answers, attempts, reading state, reviews)",
        ja: "すべての進捗（解答、演習の提出、既読状態、復習）",
    }
    LessonProgress {
        en: "the progress of lesson `{lesson}`",
        ja: "レッスン`{lesson}`の進捗",
    }
    JunitAnswered {
        en: "answered {answer}; expected {expected}",
        ja: "解答 {answer}、正解 {expected}",
    }
    JunitUnanswered {
        en: "not answered; expected {expected}",
        ja: "未解答、正解 {expected}",
    }
    JunitWrong {
        en: "wrong answer",
        ja: "不正解",
    }
}
