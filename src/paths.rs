//! Where kubetutor keeps the learner's data.

use std::path::PathBuf;

/// Environment variable that overrides the data directory, so tests and
/// portable installs never touch the real home directory.
pub const HOME_ENV: &str = "KUBETUTOR_HOME";

/// Failure to find a place for the learner's data.
#[derive(Debug, thiserror::Error)]
#[error("cannot find a data directory: no home directory is known; set {HOME_ENV}")]
pub struct NoDataDir;

/// The data directory: `$KUBETUTOR_HOME` when set, else the platform's data
/// directory for kubetutor (for example `~/.local/share/kubetutor`).
pub fn data_dir() -> Result<PathBuf, NoDataDir> {
    data_dir_from(std::env::var_os(HOME_ENV))
}

fn data_dir_from(home: Option<std::ffi::OsString>) -> Result<PathBuf, NoDataDir> {
    match home {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("dev", "kubetutor", "kubetutor")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or(NoDataDir),
    }
}

/// Creates `dir` (and its parents) readable by the learner only: progress
/// and answers are nobody else's business.
pub fn create_private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_override_wins() {
        let dir = data_dir_from(Some("/tmp/kt-home".into())).unwrap();
        assert_eq!(dir, PathBuf::from("/tmp/kt-home"));
    }

    #[test]
    fn empty_override_is_ignored() {
        let dir = data_dir_from(Some("".into()));
        if let Ok(dir) = dir {
            assert!(dir.ends_with("kubetutor"), "{dir:?}");
        }
    }
}
