//! What can go wrong with the progress store and the files built from it.

use std::path::PathBuf;

/// A progress problem, worded for the learner: what happened and to which file.
#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    #[error("{path}: {source}")]
    Database {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "{path} was written by a newer kubetutor (database version {found}; this kubetutor knows up to {supported}); \
         it was left untouched: update kubetutor, or set KUBETUTOR_HOME to use another data directory"
    )]
    NewerDatabase {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Export {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

impl ProgressError {
    pub(crate) fn db(path: &std::path::Path) -> impl FnOnce(rusqlite::Error) -> ProgressError {
        let path = path.to_path_buf();
        move |source| ProgressError::Database { path, source }
    }

    pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> ProgressError {
        let path = path.to_path_buf();
        move |source| ProgressError::Io { path, source }
    }

    /// Whether another connection held a lock for longer than SQLite waited.
    pub(crate) fn is_busy(&self) -> bool {
        matches!(
            self,
            ProgressError::Database {
                source: rusqlite::Error::SqliteFailure(err, _),
                ..
            } if matches!(
                err.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            )
        )
    }

    /// Whether the file itself is broken (as opposed to busy, missing or
    /// unreadable for permissions), so that it should be moved aside.
    pub(crate) fn is_damage(&self) -> bool {
        match self {
            ProgressError::Database {
                source: rusqlite::Error::SqliteFailure(err, _),
                ..
            } => matches!(
                err.code,
                rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
            ),
            _ => false,
        }
    }
}
