//! The database schema and its forward migrations, versioned by
//! `PRAGMA user_version`: migration N brings a database from version N-1 to N.

/// Every migration in order; the database version is the number applied.
pub(crate) const MIGRATIONS: &[&str] = &[V1];

/// The newest database version this kubetutor writes.
pub(crate) const LATEST: i64 = MIGRATIONS.len() as i64;

const V1: &str = "
CREATE TABLE lesson_state (
    lesson_id   TEXT PRIMARY KEY,
    opened_at   INTEGER NOT NULL,
    finished_at INTEGER,
    scroll      INTEGER NOT NULL DEFAULT 0,
    updated_at  INTEGER NOT NULL
);
CREATE TABLE quiz_answer (
    id          INTEGER PRIMARY KEY,
    item_id     TEXT NOT NULL,
    lesson_id   TEXT NOT NULL,
    answer      TEXT NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    answered_at INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
    mode        TEXT NOT NULL
);
CREATE INDEX quiz_answer_by_item ON quiz_answer (item_id, id);
CREATE INDEX quiz_answer_by_lesson ON quiz_answer (lesson_id);
CREATE TABLE exercise_attempt (
    id                INTEGER PRIMARY KEY,
    exercise_id       TEXT NOT NULL,
    lesson_id         TEXT NOT NULL,
    attempted_at      INTEGER NOT NULL,
    passed            INTEGER NOT NULL CHECK (passed IN (0, 1)),
    findings          INTEGER NOT NULL CHECK (findings >= 0),
    submission_sha256 TEXT NOT NULL
);
CREATE INDEX exercise_attempt_by_lesson ON exercise_attempt (lesson_id);
CREATE TABLE review_card (
    item_id        TEXT PRIMARY KEY,
    lesson_id      TEXT NOT NULL,
    due            INTEGER NOT NULL,
    stability      REAL NOT NULL,
    difficulty     REAL NOT NULL,
    elapsed_days   INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    reps           INTEGER NOT NULL,
    lapses         INTEGER NOT NULL,
    state          INTEGER NOT NULL,
    last_review    INTEGER
);
CREATE INDEX review_card_by_due ON review_card (due);
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
";
