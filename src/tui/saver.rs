//! The progress writer: every write to the progress store happens on its own
//! thread and its own database connection, so a frame is never drawn late
//! because of the database. When another kubetutor holds the database, the
//! write is retried in the background (the learner sees "saving…") instead of
//! freezing the screen for SQLite's busy timeout; nothing is dropped unless
//! the write itself fails.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::progress::{NewAnswer, NewAttempt, ProgressError, Store};

/// How long one attempt waits for a lock before the writer tries again later.
pub(crate) const ATTEMPT_WAIT: Duration = Duration::from_millis(100);
/// The longest pause between two attempts on a busy database.
const MAX_BACKOFF: Duration = Duration::from_secs(1);
/// How long the tutor waits on the way out for writes still queued.
pub const FLUSH_LIMIT: Duration = Duration::from_secs(10);

/// One write, with everything it needs, so it can cross to the writer thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveJob {
    LessonOpened {
        lesson: String,
    },
    /// The reader's place: the block at the top of the screen.
    Place {
        lesson: String,
        block: u32,
    },
    LessonFinished {
        lesson: String,
    },
    Answer {
        item: String,
        lesson: String,
        answer: String,
        correct: bool,
        duration_ms: u64,
        mode: &'static str,
    },
    /// A graded save of an exercise; `items` are the quiz items the
    /// exercise practises, which the sitting's first failed attempt brings
    /// forward for review (empty for every other attempt).
    Attempt {
        exercise: String,
        lesson: String,
        passed: bool,
        findings: u32,
        submission: String,
        items: Vec<String>,
    },
}

/// A write and the time it stands for (the time of the message that asked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Save {
    pub job: SaveJob,
    pub at: DateTime<Utc>,
}

impl Save {
    /// Writes it to `store`, in one transaction.
    pub fn apply(&self, store: &mut Store) -> Result<(), ProgressError> {
        let at = self.at;
        match &self.job {
            SaveJob::LessonOpened { lesson } => store.lesson_opened(lesson, at),
            SaveJob::Place { lesson, block } => store.save_scroll(lesson, *block, at),
            SaveJob::LessonFinished { lesson } => store.lesson_finished(lesson, at),
            SaveJob::Answer {
                item,
                lesson,
                answer,
                correct,
                duration_ms,
                mode,
            } => {
                let answer = NewAnswer {
                    item_id: item,
                    lesson_id: lesson,
                    answer,
                    correct: *correct,
                    duration_ms: *duration_ms,
                    mode,
                };
                store.record_answer(&answer, at).map(|_| ())
            }
            SaveJob::Attempt {
                exercise,
                lesson,
                passed,
                findings,
                submission,
                items,
            } => {
                let attempt = NewAttempt {
                    exercise_id: exercise,
                    lesson_id: lesson,
                    passed: *passed,
                    findings: *findings,
                    submission,
                };
                let items: Vec<&str> = items.iter().map(String::as_str).collect();
                store.record_attempt(&attempt, &items, at)
            }
        }
    }
}

/// What the writer reports after each change of its queue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveStatus {
    /// Writes not done yet.
    pub waiting: usize,
    /// Another process holds the database; the writer keeps trying.
    pub busy: bool,
    /// The last write that failed for good, and why.
    pub failed: Option<String>,
}

/// The writer thread: sends [`SaveStatus`] reports through `report` and,
/// when its queue is closed, writes what is left (for at most
/// [`FLUSH_LIMIT`]) and returns how many writes it had to give up.
pub fn spawn(
    path: PathBuf,
    report: impl Fn(SaveStatus) + Send + 'static,
) -> (Sender<Save>, JoinHandle<usize>) {
    let (sender, receiver) = std::sync::mpsc::channel::<Save>();
    let handle = std::thread::spawn(move || run(&path, &receiver, &report));
    (sender, handle)
}

fn run(path: &Path, jobs: &Receiver<Save>, report: &dyn Fn(SaveStatus)) -> usize {
    let Some(mut store) = open(path, jobs, report) else {
        return 0;
    };
    let mut queue: VecDeque<Save> = VecDeque::new();
    let mut closed = false;
    let mut backoff = ATTEMPT_WAIT;
    let mut flush_until: Option<Instant> = None;
    loop {
        if queue.is_empty() {
            match jobs.recv() {
                Ok(save) => queue.push_back(save),
                Err(_) => return 0,
            }
        }
        closed |= take_queued(jobs, &mut queue);
        let Some(save) = queue.front() else {
            continue;
        };
        match save.apply(&mut store) {
            Ok(()) => {
                queue.pop_front();
                backoff = ATTEMPT_WAIT;
                report(SaveStatus {
                    waiting: queue.len(),
                    ..SaveStatus::default()
                });
                if closed && queue.is_empty() {
                    return 0;
                }
            }
            Err(err) if err.is_busy() => {
                report(SaveStatus {
                    waiting: queue.len(),
                    busy: true,
                    failed: None,
                });
                if closed {
                    let deadline = *flush_until.get_or_insert_with(|| Instant::now() + FLUSH_LIMIT);
                    if Instant::now() >= deadline {
                        return queue.len();
                    }
                }
                // Wait before trying again, taking new writes (and noticing
                // the end) meanwhile.
                match jobs.recv_timeout(backoff) {
                    Ok(save) => queue.push_back(save),
                    Err(RecvTimeoutError::Disconnected) => closed = true,
                    Err(RecvTimeoutError::Timeout) => {}
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
            Err(err) => {
                queue.pop_front();
                report(failed(queue.len(), &err));
                if closed && queue.is_empty() {
                    return 0;
                }
            }
        }
    }
}

/// Opens the writer's own connection, waiting only briefly on locks so a
/// busy database is retried here rather than blocking; when it cannot be
/// opened, every write asked for is reported as failed, with why.
fn open(path: &Path, jobs: &Receiver<Save>, report: &dyn Fn(SaveStatus)) -> Option<Store> {
    let opened = Store::open(path).and_then(|mut store| {
        store.set_busy_timeout(ATTEMPT_WAIT)?;
        Ok(store)
    });
    match opened {
        Ok(store) => Some(store),
        Err(err) => {
            report(failed(0, &err));
            for _ in jobs.iter() {
                report(failed(0, &err));
            }
            None
        }
    }
}

/// Moves every write already sent onto the queue without waiting, so the
/// reported count is current; true when the sender has gone, which means
/// the tutor is closing and the queue is to be flushed.
fn take_queued(jobs: &Receiver<Save>, queue: &mut VecDeque<Save>) -> bool {
    loop {
        match jobs.try_recv() {
            Ok(save) => queue.push_back(save),
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => return true,
        }
    }
}

pub(crate) fn failed(waiting: usize, err: &ProgressError) -> SaveStatus {
    SaveStatus {
        waiting,
        busy: false,
        failed: Some(err.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    fn answer(item: &str) -> Save {
        Save {
            job: SaveJob::Answer {
                item: item.into(),
                lesson: "l".into(),
                answer: "a".into(),
                correct: true,
                duration_ms: 1,
                mode: "quiz",
            },
            at: Utc::now(),
        }
    }

    #[test]
    fn writes_wait_for_a_held_lock_and_land_when_it_is_released() {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("progress.db");
        drop(Store::open(&path).unwrap());
        let holder = rusqlite::Connection::open(&path).unwrap();
        holder.execute_batch("BEGIN IMMEDIATE").unwrap();
        let reports = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&reports);
        let (sender, handle) = spawn(path.clone(), move |status| {
            seen.lock().unwrap().push(status);
        });
        sender.send(answer("one")).unwrap();
        sender.send(answer("two")).unwrap();
        std::thread::sleep(Duration::from_millis(400));
        assert!(
            reports
                .lock()
                .unwrap()
                .iter()
                .any(|s| s.busy && s.waiting >= 1),
            "{:?}",
            reports.lock().unwrap()
        );
        holder.execute_batch("COMMIT").unwrap();
        drop(sender);
        assert_eq!(handle.join().unwrap(), 0, "nothing given up");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.answers().unwrap().len(), 2);
        let last = reports.lock().unwrap().last().cloned().unwrap();
        assert_eq!(last, SaveStatus::default());
    }

    #[test]
    fn a_database_that_cannot_be_opened_is_reported_for_every_write() {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("progress.db");
        std::fs::create_dir(&path).unwrap();
        let reports = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&reports);
        let (sender, handle) = spawn(path, move |status| {
            seen.lock().unwrap().push(status);
        });
        sender.send(answer("x")).unwrap();
        drop(sender);
        assert_eq!(handle.join().unwrap(), 0);
        let reports = reports.lock().unwrap();
        assert_eq!(reports.len(), 2, "{reports:?}");
        assert!(reports.iter().all(|s| s.failed.is_some()));
    }
}
