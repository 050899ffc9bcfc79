//! The SQLite progress database: opening (with recovery and migrations) and
//! every read and write the rest of kubetutor needs.
//!
//! WAL mode, `synchronous = FULL` and a busy timeout make each save durable
//! once it returns and let two kubetutor processes of one learner share the
//! file. Every write is one transaction.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use sha2::{Digest, Sha256};

use super::error::ProgressError;
use super::schedule::{Recall, ReviewCard, ReviewState};
use super::schema;
use super::time::{from_millis, to_millis};

/// The database's file name inside the data directory.
pub const DATABASE_FILE: &str = "progress.db";

/// How long a write waits for another kubetutor process to finish its own.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open progress database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// The result of opening: the store, and where a damaged file was kept when
/// one had to be moved aside, so the learner can be told.
pub struct Opened {
    pub store: Store,
    pub kept_damaged: Option<PathBuf>,
}

/// What the learner has done with one lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonState {
    pub lesson_id: String,
    pub opened_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub scroll: u32,
}

/// One recorded quiz answer: the review log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizAnswer {
    pub id: i64,
    pub item_id: String,
    pub lesson_id: String,
    /// The answer as given, in the quiz's own notation (for example `b,d`).
    pub answer: String,
    pub correct: bool,
    pub answered_at: DateTime<Utc>,
    pub duration_ms: u64,
    /// Where it was given: `quiz`, `review` or `exam`.
    pub mode: String,
}

/// One graded exercise submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub exercise_id: String,
    pub lesson_id: String,
    pub attempted_at: DateTime<Utc>,
    pub passed: bool,
    pub findings: u32,
    pub submission_sha256: String,
}

/// A quiz item that is due for review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueItem {
    pub item_id: String,
    pub lesson_id: String,
    pub due: DateTime<Utc>,
}

impl Store {
    /// Opens (creating if needed) the database in `dir`. A damaged file is
    /// renamed to `progress.db.damaged-<time>` and a fresh one started.
    pub fn open_in(dir: &Path, now: DateTime<Utc>) -> Result<Opened, ProgressError> {
        crate::paths::create_private_dir(dir).map_err(ProgressError::io(dir))?;
        let path = dir.join(DATABASE_FILE);
        match Store::open(&path) {
            Ok(store) => Ok(Opened {
                store,
                kept_damaged: None,
            }),
            Err(err) if err.is_damage() => {
                let kept = move_aside(&path, now)?;
                Ok(Opened {
                    store: Store::open(&path)?,
                    kept_damaged: Some(kept),
                })
            }
            Err(err) => Err(err),
        }
    }

    /// Opens the database file at `path`, migrating it to the current schema.
    /// Two processes opening a new database at once can find it locked
    /// while the other one sets it up; that is waited out.
    pub fn open(path: &Path) -> Result<Store, ProgressError> {
        let started = std::time::Instant::now();
        loop {
            match Store::open_once(path) {
                Err(err) if err.is_busy() && started.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                result => return result,
            }
        }
    }

    fn open_once(path: &Path) -> Result<Store, ProgressError> {
        create_private_file(path)?;
        let db = ProgressError::db(path);
        let conn = Connection::open(path).map_err(ProgressError::db(path))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(ProgressError::db(path))?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(ProgressError::db(path))?;
        if version > schema::LATEST {
            return Err(ProgressError::NewerDatabase {
                path: path.to_path_buf(),
                found: version,
                supported: schema::LATEST,
            });
        }
        let check: String = conn
            .pragma_query_value(None, "quick_check", |row| row.get(0))
            .map_err(ProgressError::db(path))?;
        if check != "ok" {
            return Err(db(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(check),
            )));
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .and_then(|()| conn.pragma_update(None, "synchronous", "FULL"))
            .map_err(ProgressError::db(path))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.migrate()?;
        Ok(store)
    }

    /// How long a write waits for another kubetutor process before it fails
    /// (10 s unless changed).
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<(), ProgressError> {
        self.conn
            .busy_timeout(timeout)
            .map_err(ProgressError::db(&self.path))
    }

    /// The database file, for messages.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn migrate(&mut self) -> Result<(), ProgressError> {
        let path = self.path.clone();
        // An up-to-date database needs no write lock: opening it must not
        // wait for another process that is writing.
        let current: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(ProgressError::db(&path))?;
        if current == schema::LATEST {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(ProgressError::db(&path))?;
        // Read again inside the write lock: another process may have migrated.
        let version: i64 = tx
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(ProgressError::db(&path))?;
        if version > schema::LATEST {
            return Err(ProgressError::NewerDatabase {
                path,
                found: version,
                supported: schema::LATEST,
            });
        }
        let applied = usize::try_from(version).unwrap_or(0);
        for sql in schema::MIGRATIONS.iter().skip(applied) {
            tx.execute_batch(sql).map_err(ProgressError::db(&path))?;
        }
        if applied < schema::MIGRATIONS.len() {
            tx.pragma_update(None, "user_version", schema::LATEST)
                .map_err(ProgressError::db(&path))?;
        }
        tx.commit().map_err(ProgressError::db(&path))
    }

    /// Runs `work` in one write transaction: all of it is saved, or none.
    fn write<T>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, ProgressError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(ProgressError::db(&path))?;
        let value = work(&tx).map_err(ProgressError::db(&path))?;
        tx.commit().map_err(ProgressError::db(&path))?;
        Ok(value)
    }

    /// Notes that a lesson was opened (the first time counts as its start).
    pub fn lesson_opened(
        &mut self,
        lesson_id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), ProgressError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO lesson_state (lesson_id, opened_at, updated_at) VALUES (?1, ?2, ?2)
                 ON CONFLICT (lesson_id) DO UPDATE SET updated_at = excluded.updated_at",
                params![lesson_id, to_millis(now)],
            )
            .map(drop)
        })
    }

    /// Keeps the reader's place in a lesson.
    pub fn save_scroll(
        &mut self,
        lesson_id: &str,
        scroll: u32,
        now: DateTime<Utc>,
    ) -> Result<(), ProgressError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO lesson_state (lesson_id, opened_at, scroll, updated_at) VALUES (?1, ?2, ?3, ?2)
                 ON CONFLICT (lesson_id) DO UPDATE SET scroll = excluded.scroll, updated_at = excluded.updated_at",
                params![lesson_id, to_millis(now), scroll],
            )
            .map(drop)
        })
    }

    /// Marks a lesson as read to the end (the first time counts).
    pub fn lesson_finished(
        &mut self,
        lesson_id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), ProgressError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO lesson_state (lesson_id, opened_at, finished_at, updated_at) VALUES (?1, ?2, ?2, ?2)
                 ON CONFLICT (lesson_id) DO UPDATE SET
                   finished_at = coalesce(finished_at, excluded.finished_at),
                   updated_at = excluded.updated_at",
                params![lesson_id, to_millis(now)],
            )
            .map(drop)
        })
    }

    /// Every lesson the learner has opened.
    pub fn lesson_states(&self) -> Result<Vec<LessonState>, ProgressError> {
        self.query(
            "SELECT lesson_id, opened_at, finished_at, scroll FROM lesson_state ORDER BY lesson_id",
            [],
            |row| {
                Ok(LessonState {
                    lesson_id: row.get(0)?,
                    opened_at: from_millis(row.get(1)?),
                    finished_at: row.get::<_, Option<i64>>(2)?.map(from_millis),
                    scroll: row.get(3)?,
                })
            },
        )
    }

    /// Records a quiz answer and moves the item's review schedule (unless it
    /// is a right answer to an item not yet due), in one transaction.
    /// Returns the answer's id once it is durably committed.
    pub fn record_answer(
        &mut self,
        answer: &NewAnswer<'_>,
        now: DateTime<Utc>,
    ) -> Result<i64, ProgressError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO quiz_answer (item_id, lesson_id, answer, correct, answered_at, duration_ms, mode)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    answer.item_id,
                    answer.lesson_id,
                    answer.answer,
                    answer.correct,
                    to_millis(now),
                    i64::try_from(answer.duration_ms).unwrap_or(i64::MAX),
                    answer.mode,
                ],
            )?;
            let id = tx.last_insert_rowid();
            let card = card_of(tx, answer.item_id)?;
            // A right answer before the item is due (taking the lesson's quiz
            // again) leaves the schedule alone; a wrong one always counts.
            let early_and_right = answer.correct && card.as_ref().is_some_and(|c| c.due > now);
            if !early_and_right {
                let card =
                    card.unwrap_or_else(|| ReviewCard::new(answer.item_id, answer.lesson_id, now));
                put_card(tx, &card.answered(Recall::of(answer.correct), now))?;
            }
            Ok(id)
        })
    }

    /// Records an exercise attempt. A failed graded attempt brings the quiz
    /// items the exercise practises (`reviews`) forward, due now — but only
    /// those the learner has answered before: an item never answered stays
    /// new (it is asked in its lesson's quiz, not reviewed). Pass no items
    /// for an attempt that should move nothing (a later save of one sitting).
    pub fn record_attempt(
        &mut self,
        attempt: &NewAttempt<'_>,
        reviews: &[&str],
        now: DateTime<Utc>,
    ) -> Result<(), ProgressError> {
        let hash = submission_hash(attempt.submission);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO exercise_attempt (exercise_id, lesson_id, attempted_at, passed, findings, submission_sha256)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    attempt.exercise_id,
                    attempt.lesson_id,
                    to_millis(now),
                    attempt.passed,
                    attempt.findings,
                    hash
                ],
            )?;
            if !attempt.passed {
                for item in reviews {
                    if let Some(card) = card_of(tx, item)?
                        && card.due > now
                    {
                        put_card(tx, &ReviewCard { due: now, ..card })?;
                    }
                }
            }
            Ok(())
        })
    }

    /// Quiz items due at `now`, the longest-waiting first.
    pub fn due_items(&self, now: DateTime<Utc>) -> Result<Vec<DueItem>, ProgressError> {
        self.query(
            "SELECT item_id, lesson_id, due FROM review_card WHERE due <= ?1 ORDER BY due, item_id",
            [to_millis(now)],
            |row| {
                Ok(DueItem {
                    item_id: row.get(0)?,
                    lesson_id: row.get(1)?,
                    due: from_millis(row.get(2)?),
                })
            },
        )
    }

    /// Every recorded answer, oldest first.
    pub fn answers(&self) -> Result<Vec<QuizAnswer>, ProgressError> {
        self.query(
            "SELECT id, item_id, lesson_id, answer, correct, answered_at, duration_ms, mode
             FROM quiz_answer ORDER BY id",
            [],
            |row| {
                Ok(QuizAnswer {
                    id: row.get(0)?,
                    item_id: row.get(1)?,
                    lesson_id: row.get(2)?,
                    answer: row.get(3)?,
                    correct: row.get(4)?,
                    answered_at: from_millis(row.get(5)?),
                    duration_ms: u64::try_from(row.get::<_, i64>(6)?).unwrap_or(0),
                    mode: row.get(7)?,
                })
            },
        )
    }

    /// The latest answer to each item: whether the learner knows it now.
    pub fn latest_answers(&self) -> Result<Vec<(String, String, bool)>, ProgressError> {
        self.query(
            "SELECT item_id, lesson_id, correct FROM quiz_answer
             WHERE id IN (SELECT max(id) FROM quiz_answer GROUP BY item_id) ORDER BY item_id",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
    }

    /// Every exercise attempt, oldest first.
    pub fn attempts(&self) -> Result<Vec<Attempt>, ProgressError> {
        self.query(
            "SELECT exercise_id, lesson_id, attempted_at, passed, findings, submission_sha256
             FROM exercise_attempt ORDER BY id",
            [],
            |row| {
                Ok(Attempt {
                    exercise_id: row.get(0)?,
                    lesson_id: row.get(1)?,
                    attempted_at: from_millis(row.get(2)?),
                    passed: row.get(3)?,
                    findings: row.get(4)?,
                    submission_sha256: row.get(5)?,
                })
            },
        )
    }

    /// The exercises passed at least once.
    pub fn passed_exercises(&self) -> Result<Vec<(String, String)>, ProgressError> {
        self.query(
            "SELECT DISTINCT exercise_id, lesson_id FROM exercise_attempt WHERE passed = 1 ORDER BY exercise_id",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
    }

    /// Every review card.
    pub fn review_cards(&self) -> Result<Vec<ReviewCard>, ProgressError> {
        self.query(
            "SELECT item_id, lesson_id, due, stability, difficulty, elapsed_days, scheduled_days,
                    reps, lapses, state, last_review
             FROM review_card ORDER BY item_id",
            [],
            card_from_row,
        )
    }

    /// A setting (`lang`, `theme`, `name`), if the learner chose one.
    pub fn setting(&self, key: &str) -> Result<Option<String>, ProgressError> {
        self.conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()
            .map_err(ProgressError::db(&self.path))
    }

    /// Every setting, by key.
    pub fn settings(&self) -> Result<Vec<(String, String)>, ProgressError> {
        self.query("SELECT key, value FROM setting ORDER BY key", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
    }

    /// Saves a setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), ProgressError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map(drop)
        })
    }

    /// Forgets a lesson's progress (`Some`), or everything but the settings.
    pub fn reset(&mut self, lesson_id: Option<&str>) -> Result<(), ProgressError> {
        self.write(|tx| {
            for table in [
                "lesson_state",
                "quiz_answer",
                "exercise_attempt",
                "review_card",
            ] {
                match lesson_id {
                    Some(lesson) => tx.execute(
                        &format!("DELETE FROM {table} WHERE lesson_id = ?1"),
                        [lesson],
                    )?,
                    None => tx.execute(&format!("DELETE FROM {table}"), [])?,
                };
            }
            Ok(())
        })
    }

    fn query<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, ProgressError> {
        let run = || -> rusqlite::Result<Vec<T>> {
            let mut statement = self.conn.prepare_cached(sql)?;
            let rows = statement.query_map(params, map)?;
            rows.collect()
        };
        run().map_err(ProgressError::db(&self.path))
    }
}

/// A quiz answer to record.
#[derive(Debug, Clone, Copy)]
pub struct NewAnswer<'a> {
    pub item_id: &'a str,
    pub lesson_id: &'a str,
    pub answer: &'a str,
    pub correct: bool,
    pub duration_ms: u64,
    pub mode: &'a str,
}

/// An exercise submission to record; only its hash is kept.
#[derive(Debug, Clone, Copy)]
pub struct NewAttempt<'a> {
    pub exercise_id: &'a str,
    pub lesson_id: &'a str,
    pub passed: bool,
    pub findings: u32,
    pub submission: &'a str,
}

fn submission_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn card_of(tx: &rusqlite::Transaction<'_>, item_id: &str) -> rusqlite::Result<Option<ReviewCard>> {
    tx.query_row(
        "SELECT item_id, lesson_id, due, stability, difficulty, elapsed_days, scheduled_days,
                reps, lapses, state, last_review
         FROM review_card WHERE item_id = ?1",
        [item_id],
        card_from_row,
    )
    .optional()
}

fn card_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ReviewCard> {
    Ok(ReviewCard {
        item_id: row.get(0)?,
        lesson_id: row.get(1)?,
        due: from_millis(row.get(2)?),
        stability: row.get(3)?,
        difficulty: row.get(4)?,
        elapsed_days: row.get(5)?,
        scheduled_days: row.get(6)?,
        reps: row.get(7)?,
        lapses: row.get(8)?,
        state: ReviewState::from_code(row.get(9)?),
        last_review: row.get::<_, Option<i64>>(10)?.map(from_millis),
    })
}

fn put_card(tx: &rusqlite::Transaction<'_>, card: &ReviewCard) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO review_card (item_id, lesson_id, due, stability, difficulty, elapsed_days,
                                  scheduled_days, reps, lapses, state, last_review)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (item_id) DO UPDATE SET
           lesson_id = excluded.lesson_id, due = excluded.due, stability = excluded.stability,
           difficulty = excluded.difficulty, elapsed_days = excluded.elapsed_days,
           scheduled_days = excluded.scheduled_days, reps = excluded.reps, lapses = excluded.lapses,
           state = excluded.state, last_review = excluded.last_review",
        params![
            card.item_id,
            card.lesson_id,
            to_millis(card.due),
            card.stability,
            card.difficulty,
            card.elapsed_days,
            card.scheduled_days,
            card.reps,
            card.lapses,
            card.state.code(),
            card.last_review.map(to_millis),
        ],
    )
    .map(drop)
}

/// Renames a damaged database (and its WAL files) so nothing is lost; returns
/// the name the database file was kept under.
fn move_aside(path: &Path, now: DateTime<Utc>) -> Result<PathBuf, ProgressError> {
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let kept = PathBuf::from(format!("{}.damaged-{stamp}", path.display()));
    std::fs::rename(path, &kept).map_err(ProgressError::io(path))?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            let target = PathBuf::from(format!("{}{suffix}", kept.display()));
            std::fs::rename(&side, target).map_err(ProgressError::io(&side))?;
        }
    }
    Ok(kept)
}

/// Creates the database file with owner-only permissions before SQLite
/// opens it; SQLite gives its WAL files the same permissions.
fn create_private_file(path: &Path) -> Result<(), ProgressError> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .map(drop)
        .map_err(ProgressError::io(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(minutes)
    }

    fn open(dir: &Path) -> Store {
        let opened = Store::open_in(dir, at(0)).unwrap();
        assert_eq!(opened.kept_damaged, None);
        opened.store
    }

    fn answer<'a>(item: &'a str, correct: bool) -> NewAnswer<'a> {
        NewAnswer {
            item_id: item,
            lesson_id: "pods",
            answer: "b",
            correct,
            duration_ms: 1500,
            mode: "quiz",
        }
    }

    #[test]
    fn answers_attempts_and_lessons_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut store = open(dir.path());
            store.lesson_opened("pods", at(0)).unwrap();
            store.save_scroll("pods", 42, at(1)).unwrap();
            store.lesson_finished("pods", at(2)).unwrap();
            store.lesson_finished("pods", at(9)).unwrap();
            let id = store.record_answer(&answer("q1", true), at(3)).unwrap();
            assert!(id > 0);
            let attempt = NewAttempt {
                exercise_id: "ex",
                lesson_id: "pods",
                passed: true,
                findings: 0,
                submission: "kind: Pod\n",
            };
            store.record_attempt(&attempt, &[], at(4)).unwrap();
            store.set_setting("lang", "ja").unwrap();
        }
        let store = open(dir.path());
        let lessons = store.lesson_states().unwrap();
        assert_eq!(lessons.len(), 1);
        assert_eq!(lessons[0].scroll, 42);
        assert_eq!(lessons[0].opened_at, at(0));
        assert_eq!(lessons[0].finished_at, Some(at(2)));
        let answers = store.answers().unwrap();
        assert_eq!(answers.len(), 1);
        assert_eq!(
            (answers[0].duration_ms, answers[0].answered_at),
            (1500, at(3))
        );
        let attempts = store.attempts().unwrap();
        assert_eq!(attempts[0].submission_sha256.len(), 64);
        assert_eq!(store.setting("lang").unwrap().as_deref(), Some("ja"));
        assert_eq!(store.setting("theme").unwrap(), None);
    }

    #[test]
    fn wrong_answers_come_due_soon_and_right_ones_later() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(dir.path());
        store.record_answer(&answer("wrong", false), at(0)).unwrap();
        store.record_answer(&answer("right", true), at(0)).unwrap();
        let due: Vec<String> = store
            .due_items(at(5))
            .unwrap()
            .into_iter()
            .map(|d| d.item_id)
            .collect();
        assert_eq!(due, ["wrong"]);
        assert_eq!(store.due_items(at(60)).unwrap().len(), 2);
        assert!(store.due_items(at(0)).unwrap().is_empty());
    }

    #[test]
    fn a_full_disk_is_an_error_and_loses_nothing_already_saved() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(dir.path());
        for i in 0..50 {
            store
                .record_answer(&answer(&format!("saved-{i}"), true), at(i))
                .unwrap();
        }
        // The disk is full: the file may not grow by a single page more.
        let pages: i64 = store
            .conn
            .pragma_query_value(None, "page_count", |row| row.get(0))
            .unwrap();
        store
            .conn
            .pragma_update(None, "max_page_count", pages)
            .unwrap();
        let long = "x".repeat(8_000);
        let failure = (0..200).find_map(|i| {
            let id = format!("late-{i}");
            let answer = NewAnswer {
                answer: &long,
                ..answer(&id, true)
            };
            store.record_answer(&answer, at(100 + i)).err()
        });
        let failure = failure.expect("the full disk is reported").to_string();
        assert!(failure.contains("full"), "{failure}");
        drop(store);
        let store = open(dir.path());
        let saved = store.answers().unwrap();
        assert!(
            saved
                .iter()
                .filter(|a| a.item_id.starts_with("saved-"))
                .count()
                == 50
        );
        let check: String = store
            .conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }

    #[test]
    fn a_right_answer_before_the_item_is_due_keeps_the_schedule() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(dir.path());
        store.record_answer(&answer("q", true), at(0)).unwrap();
        let scheduled = store.review_cards().unwrap();
        store.record_answer(&answer("q", true), at(1)).unwrap();
        assert_eq!(store.review_cards().unwrap(), scheduled);
        store.record_answer(&answer("q", false), at(2)).unwrap();
        let lapsed = store.review_cards().unwrap();
        assert_ne!(lapsed, scheduled, "a wrong answer always counts");
        assert_eq!(store.answers().unwrap().len(), 3);
    }

    #[test]
    fn a_failed_exercise_brings_forward_only_the_seen_items_it_lists() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(dir.path());
        let failed = NewAttempt {
            exercise_id: "ex",
            lesson_id: "pods",
            passed: false,
            findings: 2,
            submission: "kind: Pod\n",
        };
        // A fresh learner: nothing answered, nothing becomes due.
        store
            .record_attempt(&failed, &["known", "unseen"], at(0))
            .unwrap();
        assert!(store.due_items(at(0)).unwrap().is_empty());
        assert!(store.review_cards().unwrap().is_empty(), "unseen stays new");
        store.record_answer(&answer("known", true), at(1)).unwrap();
        store.record_answer(&answer("other", true), at(1)).unwrap();
        store
            .record_attempt(&failed, &["known", "unseen"], at(2))
            .unwrap();
        let due = store.due_items(at(2)).unwrap();
        let ids: Vec<&str> = due.iter().map(|d| d.item_id.as_str()).collect();
        assert_eq!(ids, ["known"], "seen and listed; not other, not unseen");
        // The known item keeps its FSRS history; only its due time moved.
        let cards = store.review_cards().unwrap();
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].reps, 1);
    }

    #[test]
    fn reset_forgets_one_lesson_or_everything_but_settings() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(dir.path());
        store.record_answer(&answer("q1", true), at(0)).unwrap();
        let other = NewAnswer {
            lesson_id: "dns",
            ..answer("d1", false)
        };
        store.record_answer(&other, at(0)).unwrap();
        store.set_setting("theme", "light").unwrap();
        store.reset(Some("pods")).unwrap();
        let left: Vec<String> = store
            .answers()
            .unwrap()
            .into_iter()
            .map(|a| a.item_id)
            .collect();
        assert_eq!(left, ["d1"]);
        assert_eq!(store.review_cards().unwrap().len(), 1);
        store.reset(None).unwrap();
        assert!(store.answers().unwrap().is_empty());
        assert_eq!(store.setting("theme").unwrap().as_deref(), Some("light"));
    }

    #[test]
    fn a_damaged_file_is_kept_aside_and_a_fresh_one_started() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        std::fs::write(
            &path,
            "this is not a database, but it might be someone's notes\n".repeat(100),
        )
        .unwrap();
        let opened = Store::open_in(dir.path(), at(0)).unwrap();
        let kept = opened.kept_damaged.expect("the damaged file is reported");
        assert!(
            kept.to_string_lossy()
                .ends_with("progress.db.damaged-20270115T080000Z"),
            "{kept:?}"
        );
        assert!(
            std::fs::read_to_string(&kept)
                .unwrap()
                .starts_with("this is not a database")
        );
        assert!(opened.store.answers().unwrap().is_empty());
    }

    #[test]
    fn a_corrupted_page_is_detected() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut store = open(dir.path());
            for i in 0..300 {
                store
                    .record_answer(&answer(&format!("item-{i}"), i % 2 == 0), at(i))
                    .unwrap();
            }
            store
                .conn
                .pragma_update(None, "wal_checkpoint", "TRUNCATE")
                .unwrap();
        }
        let path = dir.path().join(DATABASE_FILE);
        let mut bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() > 8192);
        for byte in &mut bytes[4096..8192] {
            *byte = 0xA5;
        }
        std::fs::write(&path, bytes).unwrap();
        let opened = Store::open_in(dir.path(), at(0)).unwrap();
        assert!(opened.kept_damaged.is_some());
    }

    #[test]
    fn a_newer_database_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open_in(dir.path(), at(0)).err().expect("refused");
        assert!(
            matches!(err, ProgressError::NewerDatabase { found: 99, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("newer kubetutor"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn an_old_database_is_migrated_forward() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        Connection::open(&path)
            .unwrap()
            .execute_batch("PRAGMA user_version = 0;")
            .unwrap();
        let store = open(dir.path());
        let version: i64 = store
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        assert_eq!(version, schema::LATEST);
    }

    #[cfg(unix)]
    #[test]
    fn the_database_is_private_to_the_learner() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        let mut store = open(&home);
        store.record_answer(&answer("q", true), at(0)).unwrap();
        for name in [DATABASE_FILE, "progress.db-wal"] {
            let mode = std::fs::metadata(home.join(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
        let mode = std::fs::metadata(&home).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
