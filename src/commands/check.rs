//! What `kubetutor check` prints: rustc-style excerpts with a caret under the
//! offending node, or the documented JSON.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use std::path::PathBuf;

use super::input::read_manifest;
use super::{CommandError, Exit, colour_wanted, print_out};
use crate::i18n::Lang;
use crate::markdown::{is_forbidden_char, sanitize};
use crate::validate::{self, Crd, Crds, DocumentInfo, Finding, Options, Report, Severity};

/// Output formats of `kubetutor check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    Text,
    Json,
}

/// Validates every file and prints the findings: exit 0 without errors, 1
/// with errors, 2 when a file cannot be read (the others are still checked).
/// Reads the CRDs of `--crd` paths: files, or folders whose `.yaml`, `.yml`
/// and `.json` files are read (sorted, not recursing into hidden folders).
/// A path without any CRD is an error, so a typo does not go unnoticed.
pub fn load_crds(paths: &[PathBuf]) -> Result<Crds, CommandError> {
    let mut crds = Vec::new();
    for path in paths {
        let files = crd_files(path)?;
        let before = crds.len();
        for file in &files {
            let name = file.display().to_string();
            let bytes = read_manifest(file)
                .map_err(|err| CommandError::Read(format!("{}: {err}", sanitize(&name))))?;
            let text = String::from_utf8_lossy(&bytes);
            crds.extend(Crd::all_in(&text, &name));
        }
        if crds.len() == before {
            return Err(CommandError::Refused(format!(
                "{}: no CustomResourceDefinition found (--crd takes CRD files or folders of them)",
                sanitize(&path.display().to_string())
            )));
        }
    }
    Ok(Crds(std::sync::Arc::new(crds)))
}

fn crd_files(path: &std::path::Path) -> Result<Vec<PathBuf>, CommandError> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut found = Vec::new();
    let mut folders = vec![path.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|err| {
            CommandError::Read(format!(
                "{}: {err}",
                sanitize(&folder.display().to_string())
            ))
        })?;
        for entry in entries.flatten() {
            let file = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if file.is_dir() {
                folders.push(file);
            } else if [".yaml", ".yml", ".json"]
                .iter()
                .any(|ext| name.ends_with(ext))
            {
                found.push(file);
            }
        }
    }
    found.sort();
    Ok(found)
}

pub fn run(
    files: &[PathBuf],
    lang: Lang,
    format: CheckFormat,
    options: &Options,
) -> Result<Exit, CommandError> {
    let mut checked = Vec::new();
    let mut unreadable = false;
    for file in files {
        let name = file.display().to_string();
        match read_manifest(file) {
            Ok(bytes) => checked.push(Checked {
                report: validate::check_bytes_with(&bytes, options),
                source: String::from_utf8_lossy(&bytes).into_owned(),
                file: name,
            }),
            Err(err) => {
                eprintln!("kubetutor: error: {}: {err}", sanitize(&name));
                unreadable = true;
            }
        }
    }
    let output = match format {
        CheckFormat::Json => json(&checked, lang)?,
        CheckFormat::Text => text(&checked, lang, colour_wanted()),
    };
    print_out(&output)?;
    Ok(if unreadable {
        Exit::Unusable
    } else if summary(&checked).errors > 0 {
        Exit::Failure
    } else {
        Exit::Success
    })
}

/// One checked input: its name as given on the command line, its text, and
/// the validator's report.
pub struct Checked {
    pub file: String,
    pub source: String,
    pub report: Report,
}

/// Totals over every input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub documents: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// Adds up the inputs.
pub fn summary(checked: &[Checked]) -> Summary {
    checked.iter().fold(Summary::default(), |sum, c| Summary {
        files: sum.files + 1,
        documents: sum.documents + c.report.documents.len(),
        errors: sum.errors + c.report.count(Severity::Error),
        warnings: sum.warnings + c.report.count(Severity::Warning),
    })
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    files: Vec<JsonFile<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    file: &'a str,
    documents: &'a [DocumentInfo],
    findings: Vec<JsonFinding<'a>>,
}

/// One finding as `check --format json` and `grade --format json` show it.
#[derive(Serialize)]
pub(crate) struct JsonFinding<'a> {
    document: usize,
    severity: Severity,
    rule: &'a str,
    path: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
    help: &'a str,
}

impl<'a> JsonFinding<'a> {
    pub(crate) fn new(f: &'a Finding, lang: Lang) -> JsonFinding<'a> {
        JsonFinding {
            document: f.document,
            severity: f.severity,
            rule: f.rule.id,
            path: &f.path,
            line: f.pos.line,
            column: f.pos.column,
            message: f.message.get(lang),
            help: f.help.get(lang),
        }
    }
}

/// The JSON report: `{"files":[…],"summary":{…}}`, messages in `lang`.
pub fn json(checked: &[Checked], lang: Lang) -> Result<String, serde_json::Error> {
    let output = JsonOutput {
        files: checked
            .iter()
            .map(|c| JsonFile {
                file: &c.file,
                documents: &c.report.documents,
                findings: c
                    .report
                    .findings
                    .iter()
                    .map(|f| JsonFinding::new(f, lang))
                    .collect(),
            })
            .collect(),
        summary: summary(checked),
    };
    serde_json::to_string(&output).map(|text| text + "\n")
}

/// The text report: one excerpt per finding, then a summary line.
pub fn text(checked: &[Checked], lang: Lang, colour: bool) -> String {
    let renderer = if colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for input in checked {
        let lines = display_lines(&input.source);
        for finding in &input.report.findings {
            let line = lines
                .get(finding.pos.line.saturating_sub(1))
                .map_or("", String::as_str);
            out.push_str(&renderer.render(&render_finding(finding, line, &input.file, lang)));
            out.push_str("\n\n");
        }
    }
    let sum = summary(checked);
    let line = match lang {
        Lang::En => format!(
            "checked {} file(s), {} document(s): {} error(s), {} warning(s)\n",
            sum.files, sum.documents, sum.errors, sum.warnings
        ),
        Lang::Ja => format!(
            "{}ファイル、{}ドキュメントを検査しました: エラー{}件、警告{}件\n",
            sum.files, sum.documents, sum.errors, sum.warnings
        ),
    };
    out.push_str(&line);
    out
}

/// The source's lines as they can be shown: one character for one, so the
/// validator's columns still point at the right place, with tabs as spaces
/// and control characters as U+FFFD (never written to the terminal raw).
fn display_lines(source: &str) -> Vec<String> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    source
        .lines()
        .map(|line| {
            line.chars()
                .map(|c| match c {
                    '\t' => ' ',
                    c if is_forbidden_char(c) || c == '\r' => '\u{fffd}',
                    c => c,
                })
                .collect()
        })
        .collect()
}

/// One finding with only its own line as the excerpt, so rendering stays
/// linear however large the file and however many findings it has.
fn render_finding<'a>(
    finding: &'a Finding,
    line: &'a str,
    file: &'a str,
    lang: Lang,
) -> Vec<Group<'a>> {
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let snippet = Snippet::source(line)
        .line_start(finding.pos.line.max(1))
        .path(file)
        .annotation(AnnotationKind::Primary.span(token_span(line, finding.pos.column)));
    vec![
        level
            .primary_title(finding.message.get(lang))
            .id(finding.rule.id)
            .element(snippet),
        Group::with_title(Level::HELP.secondary_title(finding.help.get(lang))),
    ]
}

/// The byte range of the token at a 1-based column of a line: up to the next
/// space, colon or comma, at least one character.
fn token_span(line: &str, column: usize) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(offset, _)| offset);
    let token = &line[start..];
    let length = token
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || c == ':' || c == ',')
        .map_or(token.len(), |(offset, _)| offset);
    let length = if length == 0 {
        token.chars().next().map_or(0, char::len_utf8)
    } else {
        length
    };
    start..start + length
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_the_token() {
        let line = "  name: web app";
        assert_eq!(&line[token_span(line, 9)], "web");
        let key = "metadata:";
        assert_eq!(&key[token_span(key, 1)], "metadata");
        assert_eq!(token_span(line, 40), line.len()..line.len());
    }

    #[test]
    fn tabs_and_controls_keep_columns() {
        let lines = display_lines("\u{feff}a:\tb\u{1b}c\r\n");
        assert_eq!(lines, ["a: b\u{fffd}c"]);
        assert_eq!(&lines[0][token_span(&lines[0], 4)], "b\u{fffd}c");
    }

    #[test]
    fn json_has_the_documented_shape() {
        let source = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      imagePullPolcy: Always\n";
        let checked = [Checked {
            file: "pod.yaml".into(),
            source: source.into(),
            report: crate::validate::check(source),
        }];
        let value: serde_json::Value =
            serde_json::from_str(&json(&checked, Lang::En).unwrap()).unwrap();
        assert_eq!(value["files"][0]["file"], "pod.yaml");
        assert_eq!(
            value["files"][0]["documents"][0],
            serde_json::json!({"index":0,"apiVersion":"v1","kind":"Pod","name":"web"})
        );
        // Restricted Pod Security warnings and lints come first (they point at the container).
        let finding = value["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == "schema/unknown-field")
            .unwrap();
        assert_eq!(finding["path"], "spec.containers[0].imagePullPolcy");
        assert_eq!(
            (finding["line"].as_u64(), finding["column"].as_u64()),
            (Some(9), Some(7))
        );
        assert_eq!(
            value["summary"],
            serde_json::json!({"files":1,"documents":1,"errors":1,"warnings":7})
        );
    }

    #[test]
    fn text_shows_the_line_and_a_caret() {
        let source = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: \"3\"\n";
        let checked = [Checked {
            file: "deploy.yaml".into(),
            source: source.into(),
            report: crate::validate::check(source),
        }];
        let shown = text(&checked, Lang::En, false);
        assert!(
            shown.contains(
                "error[schema/type]: spec.replicas: Invalid type. Expected: integer, given: string"
            ),
            "{shown}"
        );
        assert!(shown.contains("--> deploy.yaml:6:13"), "{shown}");
        assert!(shown.contains("replicas: \"3\""), "{shown}");
        assert!(shown.contains("^^^"), "{shown}");
        assert!(
            shown.ends_with("checked 1 file(s), 1 document(s): 3 error(s), 0 warning(s)\n"),
            "{shown}"
        );
    }
}
