//! Packs that try to escape their folder, flood memory or smuggle escape
//! sequences: each is refused with a located problem, never loaded.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;

use kubetutor::content::{Course, MAX_FILE_BYTES, PackSource};

const LESSON: &str = "---\nid: only\ntitle: Only\ncategory: Basics\norder: 1\nminutes: 3\nobjectives: [Read]\nsources: [https://kubernetes.io/docs/]\n---\nBody.\n";

fn pack_with(extra: impl FnOnce(&Path)) -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let en = dir.path().join("lessons/en");
    fs::create_dir_all(&en).expect("lesson folder");
    fs::write(en.join("01-only.md"), LESSON).expect("lesson");
    extra(dir.path());
    let report = Course::lint(&PackSource::Dir(dir.path().to_path_buf())).expect("lint runs");
    let root = format!("{}/", dir.path().display());
    let problems = report
        .problems
        .iter()
        .map(|p| p.to_string().replace(&root, ""))
        .collect();
    (dir, problems)
}

#[test]
fn a_clean_minimal_pack_loads() {
    let (dir, problems) = pack_with(|_| {});
    assert!(problems.is_empty(), "{problems:?}");
    assert!(Course::load(&PackSource::Dir(dir.path().to_path_buf())).is_ok());
}

#[test]
fn escape_sequences_in_a_lesson_are_refused_with_their_position() {
    let (_dir, problems) = pack_with(|root| {
        let text = LESSON.replace("Body.", "Body \u{1b}]52;c;ZXZpbA==\u{7} text");
        fs::write(root.join("lessons/en/01-only.md"), text).expect("write");
    });
    assert_eq!(
        problems,
        ["lessons/en/01-only.md:10:6: control character U+001B is not allowed in pack files"]
    );
}

#[test]
fn control_characters_in_file_names_are_escaped_in_messages() {
    let (_dir, problems) = pack_with(|root| {
        fs::write(root.join("lessons/en/02-x\u{1b}[2J.md"), "x").expect("write");
    });
    assert!(
        !problems.iter().any(|p| p.contains('\u{1b}')),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("\\u{1b}[2J")),
        "{problems:?}"
    );
}

#[test]
fn symlinks_out_of_the_pack_are_refused() {
    let outside = tempfile::NamedTempFile::new().expect("outside file");
    fs::write(outside.path(), "secret").expect("write");
    let (_dir, problems) = pack_with(|root| {
        std::os::unix::fs::symlink(outside.path(), root.join("lessons/en/02-leak.md"))
            .expect("symlink");
    });
    assert_eq!(
        problems,
        ["lessons/en/02-leak.md:1:1: symbolic link leads outside the pack; refused"]
    );
}

#[test]
fn symlinked_top_level_folders_out_of_the_pack_are_refused() {
    let outside = tempfile::tempdir().expect("outside dir");
    fs::create_dir_all(outside.path().join("diagrams")).expect("diagrams");
    fs::write(outside.path().join("diagrams/leak.txt"), "secret").expect("write");
    let (_dir, problems) = pack_with(|root| {
        std::os::unix::fs::symlink(outside.path(), root.join("assets")).expect("symlink");
    });
    assert_eq!(
        problems,
        ["assets:1:1: symbolic link leads outside the pack; refused"]
    );

    let (dir, problems) = pack_with(|_| {});
    assert!(problems.is_empty());
    let elsewhere = tempfile::tempdir().expect("pack with linked lessons");
    std::os::unix::fs::symlink(dir.path().join("lessons"), elsewhere.path().join("lessons"))
        .expect("symlink");
    let report = Course::lint(&PackSource::Dir(elsewhere.path().to_path_buf())).expect("lint runs");
    assert_eq!(report.lessons, 0);
    assert!(
        report.problems[0]
            .to_string()
            .ends_with("lessons:1:1: symbolic link leads outside the pack; refused")
    );
}

#[test]
fn yaml_escapes_that_make_control_characters_are_refused() {
    let (_dir, problems) = pack_with(|root| {
        let text = LESSON.replace("title: Only", "title: \"Evil \\e[31mred\\e]0;pwned\\a\"");
        fs::write(root.join("lessons/en/01-only.md"), text).expect("write");
    });
    assert_eq!(
        problems,
        [
            "lessons/en/01-only.md:3:8: front matter: title: control character U+001B is not allowed in pack files"
        ]
    );
}

#[test]
fn an_empty_pack_is_a_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir_all(dir.path().join("lessons/en")).expect("lesson folder");
    let report = Course::lint(&PackSource::Dir(dir.path().to_path_buf())).expect("lint runs");
    let shown: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [format!(
            "{}/lessons:1:1: the pack has no lessons: add lessons/en/01-<id>.md",
            dir.path().display()
        )]
    );
}

#[test]
fn deep_nesting_is_reported() {
    let (_dir, problems) = pack_with(|root| {
        let text = LESSON.replace("Body.", &">".repeat(20_000));
        fs::write(root.join("lessons/en/01-only.md"), text).expect("write");
    });
    assert_eq!(
        problems,
        ["lessons/en/01-only.md:10:17: quotes and lists nest more than 16 levels deep"]
    );
}

#[test]
fn huge_files_are_refused_unread() {
    let (_dir, problems) = pack_with(|root| {
        fs::create_dir_all(root.join("assets/diagrams")).expect("assets");
        let big = fs::File::create(root.join("assets/diagrams/big.txt")).expect("create");
        big.set_len(MAX_FILE_BYTES + 1).expect("grow");
    });
    assert_eq!(
        problems,
        [format!(
            "assets/diagrams/big.txt:1:1: file is {} bytes; pack files may be at most {MAX_FILE_BYTES} bytes",
            MAX_FILE_BYTES + 1
        )]
    );
}

#[test]
fn invalid_utf8_and_unknown_languages_are_reported() {
    let (_dir, problems) = pack_with(|root| {
        fs::write(
            root.join("lessons/en/01-only.quiz.yaml"),
            b"lesson: only\nitems: [\xff]\n",
        )
        .expect("write");
        fs::create_dir_all(root.join("lessons/fr")).expect("fr");
        fs::write(root.join("lessons/fr/01-only.md"), LESSON).expect("write");
    });
    assert_eq!(
        problems,
        [
            "lessons/en/01-only.quiz.yaml:2:9: file is not valid UTF-8",
            "lessons/fr/01-only.md:1:1: language folder `fr` is not supported (kubetutor speaks en and ja)",
        ]
    );
}
