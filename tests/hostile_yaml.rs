//! Hostile YAML given to `kubetutor check` and `kubetutor grade`: each one is
//! a clear, located error or a correct result — never a panic, a hang or a
//! silent pass. (How long each takes is measured by `cargo bench --bench
//! hostile`, not here.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::kubetutor;
use kubetutor::validate::{self, Severity};

const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n";

/// The first error's message and position, or `None` for a clean report.
fn first_error(bytes: &[u8]) -> Option<(String, usize, usize)> {
    validate::check_bytes(bytes)
        .findings
        .into_iter()
        .find(|f| f.severity == Severity::Error)
        .map(|f| (f.message.en, f.pos.line, f.pos.column))
}

#[test]
fn an_alias_bomb_is_refused() {
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for level in 1..10 {
        let prev = (b'a' + level - 1) as char;
        let name = (b'a' + level) as char;
        bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    let (message, line, _) = first_error(bomb.as_bytes()).expect("refused");
    assert!(message.contains("alias"), "{message}");
    assert!(line >= 1);
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_with_a_position() {
    let deep = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
    let (message, line, column) = first_error(deep.as_bytes()).expect("refused");
    assert!(
        message.contains("deep") || message.contains("nest"),
        "{message}"
    );
    assert_eq!(line, 1);
    assert!(column > 1);
    let mapping: String = (0..10_000)
        .map(|i| format!("{}a:\n", " ".repeat(i)))
        .collect();
    assert!(first_error(mapping.as_bytes()).is_some());
}

#[test]
fn inputs_over_4_mib_are_refused_and_long_lines_are_fine() {
    let big = vec![b'#'; 4 * 1024 * 1024 + 1];
    let (message, _, _) = first_error(&big).expect("refused");
    assert!(
        message.contains("larger") || message.contains("bytes"),
        "{message}"
    );
    let long = format!("{POD}# {}\n", "x".repeat(1_000_000));
    assert_eq!(
        first_error(long.as_bytes()),
        None,
        "a long comment line is fine"
    );
}

#[test]
fn invalid_utf8_and_nul_bytes_are_located() {
    let (message, line, column) =
        first_error(b"kind: Pod\nmetadata:\n  name: \xc3\x28\n").expect("refused");
    assert!(message.contains("UTF-8"), "{message}");
    assert_eq!((line, column), (3, 9));
    let (message, line, _) =
        first_error(b"kind: Pod\nmetadata:\n  name: a\x00b\n").expect("refused");
    assert!(!message.is_empty());
    assert_eq!(line, 3);
}

#[test]
fn tabs_as_indentation_are_a_syntax_error_with_a_position() {
    let (message, line, _) = first_error(b"kind: Pod\nmetadata:\n\tname: web\n").expect("refused");
    assert!(!message.is_empty());
    assert_eq!(line, 3);
}

#[test]
fn a_bom_and_crlf_line_ends_are_read_correctly() {
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(POD.as_bytes());
    assert_eq!(first_error(&bom), None);
    let crlf = POD.replace('\n', "\r\n");
    assert_eq!(first_error(crlf.as_bytes()), None);
    // And mistakes in them are still found at the right line.
    let broken = POD
        .replace("containers", "containerz")
        .replace('\n', "\r\n");
    let unknown = validate::check_bytes(broken.as_bytes())
        .findings
        .into_iter()
        .find(|f| f.message.en.contains("containerz"))
        .expect("unknown field reported");
    assert_eq!((unknown.pos.line, unknown.pos.column), (6, 3));
}

#[test]
fn the_commands_report_hostile_input_without_crashing() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, Vec<u8>); 5] = [
        (
            "bom.yaml",
            [b"\xef\xbb\xbf".as_slice(), POD.as_bytes()].concat(),
        ),
        ("nul.yaml", b"kind: Pod\x00\n".to_vec()),
        ("utf8.yaml", b"kind: \xff\n".to_vec()),
        (
            "deep.yaml",
            format!("{}1{}", "{a: ".repeat(5_000), "}".repeat(5_000)).into_bytes(),
        ),
        ("big.yaml", vec![b' '; 5 * 1024 * 1024]),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let check = kubetutor().arg("check").arg(&path).assert();
        let code = check.get_output().status.code();
        assert!(matches!(code, Some(0..=2)), "{name}: {code:?}");
        let grade = kubetutor()
            .args(["grade", "fix-job-restart-policy"])
            .arg(&path)
            .assert();
        let code = grade.get_output().status.code();
        assert!(
            matches!(code, Some(1 | 2)),
            "{name}: a hostile file never passes: {code:?}"
        );
        let stderr = String::from_utf8_lossy(&grade.get_output().stderr);
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}
