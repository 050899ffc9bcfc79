//! A located problem in a pack file.

use std::fmt;
use std::path::PathBuf;

/// One problem found in a pack, printed as `path:line:column: message` so that
/// editors and terminals can jump to it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Problem {
    /// A problem at a 1-based line and column.
    pub fn new(
        path: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            path: path.into(),
            line: line.max(1),
            column: column.max(1),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display().to_string();
        write!(
            f,
            "{}:{}:{}: {}",
            printable(&path),
            self.line,
            self.column,
            printable(&self.message)
        )
    }
}

/// Escapes control characters, so a hostile file name or message can never
/// send escape sequences to the terminal that prints it.
pub(crate) fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_like_a_compiler() {
        let problem = Problem::new("lessons/en/01-a.md", 3, 7, "unknown field `x`");
        assert_eq!(
            problem.to_string(),
            "lessons/en/01-a.md:3:7: unknown field `x`"
        );
    }

    #[test]
    fn escapes_control_characters() {
        let problem = Problem::new("bad\u{1b}]52;c;x\u{7}.md", 0, 0, "oops\u{1b}[2J");
        let shown = problem.to_string();
        assert!(!shown.chars().any(char::is_control), "{shown}");
        assert!(
            shown.starts_with("bad\\u{1b}]52;c;x\\u{7}.md:1:1:"),
            "{shown}"
        );
    }
}
