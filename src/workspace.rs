//! The learner's own file for each exercise: `<data dir>/exercises/<id>.yaml`,
//! created from the starter the first time, edited in the learner's editor,
//! read back for grading, and reset to the starter on request.

use std::path::{Path, PathBuf};

use crate::content::Exercise;
use crate::validate::MAX_INPUT_BYTES;

/// A problem with a learner's exercise file, naming the file.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: larger than {max} bytes; an exercise answer is a few kilobytes")]
    TooLarge { path: PathBuf, max: usize },
    #[error("{path}: not UTF-8 text")]
    NotText { path: PathBuf },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WorkspaceError {
    let path = path.to_path_buf();
    move |source| WorkspaceError::Io { path, source }
}

/// Where the learner's exercise files live.
#[derive(Debug, Clone)]
pub struct Workspace {
    data: PathBuf,
    dir: PathBuf,
}

impl Workspace {
    /// The workspace inside the data directory.
    pub fn new(data_dir: &Path) -> Workspace {
        Workspace {
            data: data_dir.to_path_buf(),
            dir: data_dir.join("exercises"),
        }
    }

    /// The data directory itself, where an unfinished exam is kept.
    pub fn data_dir(&self) -> &Path {
        &self.data
    }

    /// The folder the files are in (watched while an exercise is open).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The learner's file for an exercise.
    pub fn file(&self, exercise_id: &str) -> PathBuf {
        self.dir.join(format!("{exercise_id}.yaml"))
    }

    /// The learner's file, created from the starter when it does not exist.
    pub fn ensure(&self, exercise: &Exercise) -> Result<PathBuf, WorkspaceError> {
        let path = self.file(&exercise.id);
        if !path.exists() {
            self.reset(exercise)?;
        }
        Ok(path)
    }

    /// Replaces the learner's file with the starter, whole or not at all.
    pub fn reset(&self, exercise: &Exercise) -> Result<(), WorkspaceError> {
        crate::paths::create_private_dir(&self.dir).map_err(io(&self.dir))?;
        write_atomically(&self.file(&exercise.id), &exercise.starter)
    }

    /// Reads a learner's file for grading, refusing what no answer can be.
    pub fn read(path: &Path) -> Result<String, WorkspaceError> {
        use std::io::Read;
        let file = std::fs::File::open(path).map_err(io(path))?;
        let mut bytes = Vec::new();
        file.take(MAX_INPUT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(io(path))?;
        if bytes.len() > MAX_INPUT_BYTES {
            return Err(WorkspaceError::TooLarge {
                path: path.to_path_buf(),
                max: MAX_INPUT_BYTES,
            });
        }
        String::from_utf8(bytes).map_err(|_| WorkspaceError::NotText {
            path: path.to_path_buf(),
        })
    }
}

/// Writes `text` to a temporary file beside `path` and renames it over
/// `path`, so a crash leaves the old file or the new one, never half of one.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), WorkspaceError> {
    use std::io::Write;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.tmp"));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&temp).map_err(io(&temp))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(io(&temp))?;
    std::fs::rename(&temp, path).map_err(io(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Course, PackSource};

    fn exercise() -> Exercise {
        let course = Course::load(&PackSource::BuiltIn).unwrap();
        course.exercises()[0].clone()
    }

    #[test]
    fn the_file_starts_as_the_starter_and_is_kept_and_reset() {
        let home = tempfile::tempdir().unwrap();
        let workspace = Workspace::new(home.path());
        let exercise = exercise();
        let path = workspace.ensure(&exercise).unwrap();
        assert_eq!(Workspace::read(&path).unwrap(), exercise.starter);
        std::fs::write(&path, "kind: Pod\n").unwrap();
        workspace.ensure(&exercise).unwrap();
        assert_eq!(Workspace::read(&path).unwrap(), "kind: Pod\n");
        workspace.reset(&exercise).unwrap();
        assert_eq!(Workspace::read(&path).unwrap(), exercise.starter);
    }

    #[test]
    fn unusable_files_are_named() {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("big.yaml");
        std::fs::write(&path, vec![b'a'; MAX_INPUT_BYTES + 1]).unwrap();
        assert!(matches!(
            Workspace::read(&path),
            Err(WorkspaceError::TooLarge { .. })
        ));
        std::fs::write(&path, [0xff, 0xfe]).unwrap();
        let err = Workspace::read(&path).unwrap_err().to_string();
        assert!(err.ends_with("big.yaml: not UTF-8 text"), "{err}");
        let missing = Workspace::read(&home.path().join("nope.yaml")).unwrap_err();
        assert!(missing.to_string().contains("nope.yaml"));
    }
}
