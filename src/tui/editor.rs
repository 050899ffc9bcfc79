//! The learner's editor: which one to start, and starting it with the
//! terminal handed over and taken back. The editor is run directly, the file
//! path one argument, never through a shell.

use std::path::Path;
use std::process::Command;

/// Why the editor could not be used, in words for the status bar.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EditorError {
    #[error("no editor found: set $VISUAL or $EDITOR (for example EDITOR=nano)")]
    NotFound,
    #[error("${variable} cannot be split into a command: {reason}")]
    Unparsable { variable: String, reason: String },
    #[error("{program} could not be started: {reason}")]
    Spawn { program: String, reason: String },
    #[error("{program} exited with {status}")]
    Failed { program: String, status: String },
}

/// The editor command (program and its arguments): `$VISUAL`, else
/// `$EDITOR`, split into words as a shell would but without running one,
/// else nano, else vi, whichever is on the PATH.
pub fn command(
    env: impl Fn(&str) -> Option<String>,
    on_path: impl Fn(&str) -> bool,
) -> Result<Vec<String>, EditorError> {
    for variable in ["VISUAL", "EDITOR"] {
        let Some(value) = env(variable).filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        let words = shell_words::split(&value).map_err(|err| EditorError::Unparsable {
            variable: variable.to_string(),
            reason: err.to_string(),
        })?;
        if !words.is_empty() {
            return Ok(words);
        }
    }
    ["nano", "vi"]
        .into_iter()
        .find(|program| on_path(program))
        .map(|program| vec![program.to_string()])
        .ok_or(EditorError::NotFound)
}

/// Whether `program` is an executable file in one of the PATH's folders.
pub fn on_path(program: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| {
        let candidate = dir.join(program);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            candidate
                .metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        }
        #[cfg(not(unix))]
        {
            candidate.is_file()
        }
    })
}

/// Runs `command` on `file` and waits for it, with the terminal's stdin,
/// stdout and stderr. The caller has put the terminal back to normal.
pub fn run(command: &[String], file: &Path) -> Result<(), EditorError> {
    let Some((program, args)) = command.split_first() else {
        return Err(EditorError::NotFound);
    };
    let status = Command::new(program)
        .args(args)
        .arg(file)
        .status()
        .map_err(|err| EditorError::Spawn {
            program: program.clone(),
            reason: err.to_string(),
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(EditorError::Failed {
            program: program.clone(),
            status: status.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_string())
        }
    }

    #[test]
    fn visual_wins_and_words_are_split_without_a_shell() {
        let found = command(env(&[("VISUAL", "code --wait"), ("EDITOR", "vim")]), |_| {
            true
        });
        assert_eq!(found.unwrap(), ["code", "--wait"]);
        let quoted = command(env(&[("EDITOR", "'/opt/my editor/ed' -n")]), |_| true);
        assert_eq!(quoted.unwrap(), ["/opt/my editor/ed", "-n"]);
        let injection = command(env(&[("EDITOR", "vi; rm -rf ~")]), |_| true);
        assert_eq!(
            injection.unwrap(),
            ["vi;", "rm", "-rf", "~"],
            "no shell runs it"
        );
    }

    #[test]
    fn falls_back_to_nano_then_vi_then_explains() {
        assert_eq!(
            command(env(&[("EDITOR", " ")]), |p| p == "vi").unwrap(),
            ["vi"]
        );
        assert_eq!(command(env(&[]), |_| true).unwrap(), ["nano"]);
        assert_eq!(command(env(&[]), |_| false), Err(EditorError::NotFound));
        assert!(matches!(
            command(env(&[("EDITOR", "vi 'unclosed")]), |_| true),
            Err(EditorError::Unparsable { .. })
        ));
    }

    #[test]
    fn a_missing_program_is_a_message() {
        let err = run(&["/nonexistent/editor".to_string()], Path::new("/tmp/x")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/nonexistent/editor could not be started"),
            "{err}"
        );
    }
}
