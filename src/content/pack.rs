//! Reading a pack's files, from the binary or from a folder.

use std::fs;
use std::path::{Component, Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::pack_yaml::describe;
use super::problem::Problem;
use crate::markdown::find_forbidden_char;
use crate::validate::Pos;

static BUILT_IN_LESSONS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/lessons");
static BUILT_IN_ASSETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets");

/// The largest pack file kubetutor reads; anything bigger is refused.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The top-level folders of a pack that kubetutor reads.
const PACK_FOLDERS: [&str; 2] = ["lessons", "assets"];

/// How deep folders may nest inside a pack before kubetutor stops reading.
const MAX_DEPTH: usize = 8;

/// Where a pack comes from: the course compiled into the binary, or a folder
/// given with `--lessons`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackSource {
    BuiltIn,
    Dir(PathBuf),
}

/// A pack that cannot be used at all.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("{}: no such folder", .0.display())]
    Missing(PathBuf),
    #[error("{}: not a folder", .0.display())]
    NotAFolder(PathBuf),
    #[error("{}: not a kubetutor pack: it has no lessons/ folder", .0.display())]
    NoLessons(PathBuf),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}{}", .problems.first().map(ToString::to_string).unwrap_or_default(), more_note(.problems.len(), .source_hint))]
    Invalid {
        problems: Vec<Problem>,
        source_hint: String,
    },
}

fn more_note(count: usize, source_hint: &str) -> String {
    match count {
        0 | 1 => String::new(),
        n => format!(
            " (and {} more; run `kubetutor pack lint{source_hint}`)",
            n - 1
        ),
    }
}

/// One text file of a pack, with its path relative to the pack's root.
#[derive(Debug, Clone)]
pub(crate) struct PackFile {
    pub rel: PathBuf,
    pub text: String,
}

/// Every readable file of a pack, and the problems met while reading.
#[derive(Debug, Default)]
pub(crate) struct PackFiles {
    pub files: Vec<PackFile>,
    pub problems: Vec<Problem>,
}

impl PackSource {
    /// The prefix shown before pack-relative paths in problems.
    pub fn display_root(&self) -> PathBuf {
        match self {
            PackSource::BuiltIn => PathBuf::new(),
            PackSource::Dir(dir) => dir.clone(),
        }
    }

    /// How a learner names this pack on the command line (for hints).
    pub(crate) fn cli_hint(&self) -> String {
        match self {
            PackSource::BuiltIn => String::new(),
            PackSource::Dir(dir) => format!(" {}", dir.display()),
        }
    }

    pub(crate) fn read(&self) -> Result<PackFiles, PackError> {
        let mut out = PackFiles::default();
        match self {
            PackSource::BuiltIn => {
                for (name, dir) in PACK_FOLDERS
                    .iter()
                    .zip([&BUILT_IN_LESSONS, &BUILT_IN_ASSETS])
                {
                    read_embedded(dir, Path::new(name), &mut out);
                }
            }
            PackSource::Dir(root) => read_folder(root, &mut out)?,
        }
        out.files.sort_by(|a, b| a.rel.cmp(&b.rel));
        out.problems.sort();
        Ok(out)
    }
}

fn read_embedded(dir: &Dir<'static>, prefix: &Path, out: &mut PackFiles) {
    for file in dir.files() {
        let rel = prefix.join(file.path());
        let display = rel.clone();
        accept_bytes(rel, &display, file.contents(), out);
    }
    for sub in dir.dirs() {
        read_embedded(sub, prefix, out);
    }
}

fn read_folder(root: &Path, out: &mut PackFiles) -> Result<(), PackError> {
    let meta = fs::metadata(root).map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => PackError::Missing(root.to_path_buf()),
        _ => PackError::Io {
            path: root.to_path_buf(),
            source: err,
        },
    })?;
    if !meta.is_dir() {
        return Err(PackError::NotAFolder(root.to_path_buf()));
    }
    if !root.join("lessons").is_dir() {
        return Err(PackError::NoLessons(root.to_path_buf()));
    }
    let canonical_root = fs::canonicalize(root).map_err(|source| PackError::Io {
        path: root.to_path_buf(),
        source,
    })?;
    let mut walker = FolderWalker {
        root,
        canonical_root: &canonical_root,
        out,
    };
    for name in PACK_FOLDERS {
        let folder = root.join(name);
        let is_link = fs::symlink_metadata(&folder).is_ok_and(|meta| meta.file_type().is_symlink());
        let inside =
            fs::canonicalize(&folder).is_ok_and(|target| target.starts_with(&canonical_root));
        if is_link && !inside {
            walker.problem(&folder, "symbolic link leads outside the pack; refused");
        } else if folder.is_dir() {
            walker.walk(Path::new(name), 0)?;
        }
    }
    Ok(())
}

struct FolderWalker<'a> {
    root: &'a Path,
    canonical_root: &'a Path,
    out: &'a mut PackFiles,
}

impl FolderWalker<'_> {
    fn walk(&mut self, rel_dir: &Path, depth: usize) -> Result<(), PackError> {
        let dir = self.root.join(rel_dir);
        let io_error = |source| PackError::Io {
            path: dir.clone(),
            source,
        };
        if depth > MAX_DEPTH {
            self.problem(
                &dir,
                "folders nest too deeply; kubetutor stops reading here",
            );
            return Ok(());
        }
        let mut entries = fs::read_dir(&dir)
            .map_err(io_error)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(io_error)?;
        entries.sort_by_key(|entry| entry.file_name());
        for entry in entries {
            let rel = rel_dir.join(entry.file_name());
            let path = self.root.join(&rel);
            let meta = fs::symlink_metadata(&path).map_err(|source| PackError::Io {
                path: path.clone(),
                source,
            })?;
            if meta.file_type().is_symlink() {
                self.read_symlink(rel, &path);
            } else if meta.is_dir() {
                self.walk(&rel, depth + 1)?;
            } else if meta.is_file() {
                self.read_file(rel, &path, meta.len());
            }
        }
        Ok(())
    }

    fn read_symlink(&mut self, rel: PathBuf, path: &Path) {
        match fs::canonicalize(path) {
            Ok(target) if target.starts_with(self.canonical_root) && target.is_file() => {
                let len = fs::metadata(&target).map_or(0, |meta| meta.len());
                self.read_file(rel, path, len);
            }
            Ok(target) if target.starts_with(self.canonical_root) => {
                self.problem(path, "symbolic links to folders are not followed");
            }
            _ => self.problem(path, "symbolic link leads outside the pack; refused"),
        }
    }

    fn read_file(&mut self, rel: PathBuf, path: &Path, len: u64) {
        if len > MAX_FILE_BYTES {
            self.problem(
                path,
                format!("file is {len} bytes; pack files may be at most {MAX_FILE_BYTES} bytes"),
            );
            return;
        }
        match fs::read(path) {
            Ok(bytes) => accept_bytes(rel, path, &bytes, self.out),
            Err(err) => self.problem(path, format!("cannot read: {err}")),
        }
    }

    fn problem(&mut self, path: &Path, message: impl Into<String>) {
        self.out.problems.push(Problem::new(path, 1, 1, message));
    }
}

/// Keeps a file that is valid UTF-8 without control characters; anything else
/// becomes a located problem, so nothing hostile reaches a terminal.
fn accept_bytes(rel: PathBuf, display: &Path, bytes: &[u8], out: &mut PackFiles) {
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        out.problems
            .push(Problem::new(display, 1, 1, "path leaves the pack; refused"));
        return;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            let pos = Pos::of_offset(&String::from_utf8_lossy(valid), valid.len());
            out.problems.push(Problem::new(
                display,
                pos.line,
                pos.column,
                "file is not valid UTF-8",
            ));
            return;
        }
    };
    if let Some((offset, c)) = find_forbidden_char(text) {
        let pos = Pos::of_offset(text, offset);
        out.problems
            .push(Problem::new(display, pos.line, pos.column, describe(c)));
        return;
    }
    out.files.push(PackFile {
        rel,
        text: text.strip_prefix('\u{feff}').unwrap_or(text).to_string(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_pack_has_lessons_in_both_languages() {
        let files = PackSource::BuiltIn.read().unwrap();
        assert!(files.problems.is_empty(), "{:?}", files.problems);
        for lang in ["en", "ja"] {
            let prefix = Path::new("lessons").join(lang);
            assert!(files.files.iter().any(|f| f.rel.starts_with(&prefix)));
        }
    }

    #[test]
    fn control_characters_are_located() {
        let mut out = PackFiles::default();
        accept_bytes(
            "lessons/en/01-a.md".into(),
            Path::new("x.md"),
            b"ok\nab\x1b[2J",
            &mut out,
        );
        assert!(out.files.is_empty());
        assert_eq!(
            out.problems[0].to_string(),
            "x.md:2:3: control character U+001B is not allowed in pack files"
        );
    }

    #[test]
    fn invalid_utf8_is_located() {
        let mut out = PackFiles::default();
        accept_bytes(
            "lessons/en/01-a.md".into(),
            Path::new("x.md"),
            b"a\nbc\xff",
            &mut out,
        );
        assert_eq!(
            out.problems[0].to_string(),
            "x.md:2:3: file is not valid UTF-8"
        );
    }

    #[test]
    fn missing_folder_is_an_error() {
        let err = PackSource::Dir("/nonexistent/kubetutor-pack".into())
            .read()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "/nonexistent/kubetutor-pack: no such folder"
        );
    }
}
