//! Scores are honest: no answer can be guessed from its position. Keys
//! spread evenly over the positions, the blind strategy "always a, always
//! false, always a,b" fails, and one seed shows the same items and options
//! in the same order in the TUI, the plain quiz, the exam and the printed
//! sheet, so a facilitator's key matches every learner's screen.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::kubetutor;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kubetutor::commands::sheet::sheet;
use kubetutor::content::{Answer, Course, PackSource};
use kubetutor::exam::{Session, SessionKind, SessionSpec};
use kubetutor::i18n::Lang;
use kubetutor::quiz::letter;
use kubetutor::tui::{App, Event, Screen, Theme};
use pulldown_cmark::{Event as Md, Parser, Tag, TagEnd};

fn course() -> Course {
    Course::load(&PackSource::BuiltIn).unwrap()
}

fn whole_course(seed: u64, count: Option<usize>) -> SessionSpec {
    SessionSpec {
        kind: SessionKind::Exam,
        lessons: Vec::new(),
        count,
        seed,
        minutes: None,
        pass_mark: 70,
    }
}

#[test]
fn over_200_seeds_every_position_holds_the_key_about_as_often() {
    let course = course();
    // Per number of choices k: how often the key was at each position.
    let mut counts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for seed in 0..200 {
        let session =
            Session::start(&course, &whole_course(seed, None), chrono::Utc::now()).unwrap();
        for index in 0..session.items.len() {
            let (item, shown) = session.item(&course, Lang::En, index).unwrap();
            let Answer::Single(choices) = &item.answer else {
                continue;
            };
            let key = choices.iter().position(|c| c.correct).unwrap();
            let row = counts
                .entry(choices.len())
                .or_insert_with(|| vec![0; choices.len()]);
            row[shown.position(key)] += 1;
        }
    }
    assert!(!counts.is_empty());
    for (k, row) in &counts {
        let total: usize = row.iter().sum();
        for (position, count) in row.iter().enumerate() {
            let share = *count as f64 / total as f64;
            let fair = 1.0 / *k as f64;
            assert!(
                (share - fair).abs() <= 0.10,
                "{k} choices: position {} holds the key in {:.1} % of {total} (fair {:.1} %)",
                letter(position),
                share * 100.0,
                fair * 100.0
            );
        }
        eprintln!(
            "{k} choices, {total} items: key share per position {:?} %",
            row.iter()
                .map(|c| (*c as f64 * 1000.0 / total as f64).round() / 10.0)
                .collect::<Vec<_>>()
        );
    }
}

/// A printed sheet with its key, read back: per question the paper
/// instruction (its kind) and the key.
fn questions_and_key(printed: &str) -> Vec<(String, String)> {
    let mut instructions: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut in_key = false;
    let mut depth = 0;
    let mut paragraph = 0;
    let mut strong = None;
    for event in Parser::new(printed) {
        match event {
            Md::Start(Tag::Heading { .. }) => {}
            Md::Rule => in_key = true,
            Md::Start(Tag::List(_)) => depth += 1,
            Md::End(TagEnd::List(_)) => depth -= 1,
            Md::Start(Tag::Item) if depth == 1 => {
                paragraph = 0;
                if !in_key {
                    instructions.push(String::new());
                }
            }
            Md::Start(Tag::Paragraph) if depth == 1 => paragraph += 1,
            Md::Start(Tag::Strong) if in_key && depth == 1 => strong = Some(String::new()),
            Md::End(TagEnd::Strong) if in_key && depth == 1 => {
                if let Some(key) = strong.take() {
                    keys.push(key);
                }
            }
            Md::Text(text) => {
                if let Some(key) = strong.as_mut() {
                    key.push_str(&text);
                } else if !in_key && depth == 1 && paragraph == 2 {
                    instructions.last_mut().unwrap().push_str(&text);
                }
            }
            _ => {}
        }
    }
    assert_eq!(instructions.len(), keys.len(), "{printed}");
    instructions.into_iter().zip(keys).collect()
}

/// The share of items the blind strategy gets right: "a" for one letter,
/// "false" for true/false, "a,b" for every right letter, nothing else.
fn blind_score(printed: &str) -> (usize, usize) {
    let asked = questions_and_key(printed);
    let right = asked
        .iter()
        .filter(|(instruction, key)| {
            let blind = if instruction.starts_with("Circle one letter") {
                "a"
            } else if instruction.starts_with("Circle every right letter") {
                "a,b"
            } else if instruction.starts_with("Circle one: ") {
                "false"
            } else {
                return false;
            };
            key == blind
        })
        .count();
    (right, asked.len())
}

/// The blind strategy's average share over 50 seeded exams of the whole
/// course, and its best 12-item exam over 200 seeds.
fn blind_strategy(course: &Course) -> (f64, f64) {
    let mut shares = Vec::new();
    for seed in 0..50 {
        let session =
            Session::start(course, &whole_course(seed, None), chrono::Utc::now()).unwrap();
        let (right, total) = blind_score(&sheet(&session, course, Lang::En, true));
        shares.push(right as f64 / total as f64);
    }
    let average = shares.iter().sum::<f64>() / shares.len() as f64;
    let best_short = (0..200)
        .map(|seed| {
            let spec = whole_course(seed, Some(12));
            let session = Session::start(course, &spec, chrono::Utc::now()).unwrap();
            let (right, total) = blind_score(&sheet(&session, course, Lang::En, true));
            right as f64 / total as f64
        })
        .fold(0.0, f64::max);
    (average, best_short)
}

#[test]
fn the_blind_strategy_fails_every_seeded_exam() {
    let (average, best) = blind_strategy(&course());
    eprintln!(
        "blind strategy: {:.1} % on average over 50 whole-course exams; best 12-item exam {:.1} %",
        average * 100.0,
        best * 100.0
    );
    assert!(average <= 0.45, "{:.1} %", average * 100.0);
    assert!(
        best < 0.70,
        "a 12-item exam passed blind: {:.1} %",
        best * 100.0
    );
}

/// The built-in course rewritten the way the issue found it: every right
/// choice first and every true/false item false, choices kept in place
/// when `fixed` (as before shuffling) or shuffled as now.
fn biased_course(fixed: bool, dir: &Path) -> Course {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for lang in ["en", "ja"] {
        let target = dir.join("lessons").join(lang);
        std::fs::create_dir_all(&target).unwrap();
        for entry in std::fs::read_dir(root.join("lessons").join(lang)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let text = if name.ends_with(".quiz.yaml") {
                bias(&text, fixed)
            } else {
                text
            };
            std::fs::write(target.join(name), text).unwrap();
        }
    }
    let diagrams = dir.join("assets").join("diagrams");
    std::fs::create_dir_all(&diagrams).unwrap();
    for entry in std::fs::read_dir(root.join("assets").join("diagrams")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, diagrams.join(path.file_name().unwrap())).unwrap();
    }
    Course::load(&PackSource::Dir(dir.to_path_buf())).unwrap()
}

fn bias(text: &str, fixed: bool) -> String {
    use serde_yaml::Value;
    let mut quiz: Value = serde_yaml::from_str(text).unwrap();
    for item in quiz["items"].as_sequence_mut().unwrap() {
        let kind = item["kind"].as_str().unwrap().to_string();
        match kind.as_str() {
            "single" | "multiple" => {
                let choices = item["choices"].as_sequence_mut().unwrap();
                choices.sort_by_key(|c| !c["correct"].as_bool().unwrap_or(false));
                if fixed {
                    item["fixed_order"] = Value::Bool(true);
                }
            }
            "true-false" => item["answer"] = Value::Bool(false),
            _ => {}
        }
    }
    serde_yaml::to_string(&quiz).unwrap()
}

#[test]
fn the_blind_strategy_test_catches_a_course_that_can_be_passed_blind() {
    let dir = tempfile::tempdir().unwrap();
    let (average, _) = blind_strategy(&biased_course(true, dir.path()));
    eprintln!("keys first, choices in place: {:.1} %", average * 100.0);
    assert!(average > 0.45, "the measure must be able to fail");
    let dir = tempfile::tempdir().unwrap();
    let (shuffled, _) = blind_strategy(&biased_course(false, dir.path()));
    eprintln!("keys first, choices shuffled: {:.1} %", shuffled * 100.0);
    assert!(
        shuffled < average,
        "shuffling takes the first-letter gain away"
    );
}

/// What a screen or sheet shows of each question: its first line and its
/// lettered and numbered parts (`a) text`, `1. text`), in order.
type Shown = Vec<(String, Vec<String>)>;

/// The questions of the plain quiz or exam output (each item shown once:
/// every answer is an empty line, which skips it).
fn plain_questions(out: &str) -> Shown {
    let mut shown: Shown = Vec::new();
    let mut lines = out.lines().peekable();
    while let Some(line) = lines.next() {
        if line.starts_with("Question ") {
            let prompt = lines.next().unwrap_or_default().to_string();
            shown.push((prompt, Vec::new()));
            continue;
        }
        let Some((_, parts)) = shown.last_mut() else {
            continue;
        };
        let part = line.strip_prefix("  ").unwrap_or_default();
        let mut chars = part.chars();
        let labelled = match (chars.next(), chars.next()) {
            (Some(c), Some(')')) if c.is_ascii_lowercase() => true,
            (Some(c), _) if c.is_ascii_digit() => part.split_once(". ").is_some(),
            _ => false,
        };
        if labelled {
            parts.push(part.to_string());
        }
    }
    shown
}

/// The questions of a printed sheet.
fn sheet_questions(printed: &str) -> Shown {
    let mut shown: Shown = Vec::new();
    let mut depth = 0;
    let mut text: Option<String> = None;
    let mut first_paragraph = false;
    for event in Parser::new(printed) {
        match event {
            Md::Rule => break,
            Md::Start(Tag::List(_)) => depth += 1,
            Md::End(TagEnd::List(_)) => depth -= 1,
            Md::Start(Tag::Item) if depth == 1 => {
                shown.push((String::new(), Vec::new()));
                first_paragraph = true;
            }
            Md::End(TagEnd::Paragraph) if depth == 1 => first_paragraph = false,
            Md::Start(Tag::Item) if depth == 2 => text = Some(String::new()),
            Md::End(TagEnd::Item) if depth == 2 => {
                let part = text.take().unwrap();
                let part = part.trim_end_matches(" → ____").to_string();
                shown.last_mut().unwrap().1.push(part);
            }
            Md::Text(t) | Md::Code(t) => {
                if let Some(current) = text.as_mut() {
                    current.push_str(&t);
                } else if depth == 1 && first_paragraph {
                    let (prompt, _) = shown.last_mut().unwrap();
                    if !prompt.contains('\n') {
                        prompt.push_str(&t);
                    }
                }
            }
            Md::SoftBreak if depth == 1 && first_paragraph => {
                shown.last_mut().unwrap().0.push('\n');
            }
            _ => {}
        }
    }
    shown
        .into_iter()
        .map(|(prompt, parts)| (prompt.lines().next().unwrap_or_default().to_string(), parts))
        .collect()
}

/// The questions of the TUI's quiz (or exam) screen, from its state.
fn tui_questions(app: &App) -> Shown {
    let Screen::Quiz(quiz) = app.screen() else {
        panic!("a quiz screen")
    };
    quiz.entries
        .iter()
        .map(|entry| {
            let order = &entry.presentation.order;
            let parts = match &entry.item.answer {
                Answer::Single(choices) | Answer::Multiple(choices) => order
                    .iter()
                    .enumerate()
                    .map(|(p, i)| format!("{}) {}", letter(p), choices[*i].text.trim()))
                    .collect(),
                Answer::Ordering(steps) => order
                    .iter()
                    .enumerate()
                    .map(|(p, i)| format!("{}. {}", p + 1, steps[*i].trim()))
                    .collect(),
                Answer::Matching(pairs) => {
                    let mut parts: Vec<String> = pairs
                        .iter()
                        .enumerate()
                        .map(|(i, pair)| format!("{}) {}", letter(i), pair.left.trim()))
                        .collect();
                    parts.extend(
                        order
                            .iter()
                            .enumerate()
                            .map(|(p, i)| format!("{}. {}", p + 1, pairs[*i].right.trim())),
                    );
                    parts
                }
                Answer::TrueFalse(_) | Answer::ShortText(_) => Vec::new(),
            };
            let prompt = entry.item.prompt.lines().next().unwrap_or_default();
            (prompt.trim_end().to_string(), parts)
        })
        .collect()
}

fn tutor_on(keys: &[KeyEvent], seed: u64) -> App {
    let mut app = App::new(course(), Lang::En, Theme::plain(), (100, 30)).with_quiz_seed(seed);
    for key in keys {
        app.handle_event(Event::Key(*key));
    }
    app
}

fn key(c: char) -> KeyEvent {
    let shift = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), shift)
}

#[test]
fn one_seed_shows_the_same_order_in_the_tui_the_plain_quiz_the_exam_and_on_paper() {
    let lesson = "workload-apis";
    let seed = "2026";
    let items = course().lessons()[1]
        .get(Lang::En)
        .unwrap()
        .lesson
        .quiz
        .len();
    let skips = "\n".repeat(items);
    let plain = |command: &str| {
        let home = tempfile::tempdir().unwrap();
        let out = kubetutor()
            .env("KUBETUTOR_HOME", home.path())
            .args([command, "--lesson", lesson, "--seed", seed])
            .write_stdin(skips.clone())
            .output()
            .unwrap();
        // Every item is shown once, skipped, then the first comes back.
        let mut shown = plain_questions(&String::from_utf8(out.stdout).unwrap());
        shown.truncate(items);
        shown
    };
    let quiz = plain("quiz");
    let exam = plain("exam");
    let printed = kubetutor()
        .args(["quiz", "--lesson", lesson, "--seed", seed, "--print"])
        .output()
        .unwrap();
    let paper = sheet_questions(&String::from_utf8(printed.stdout).unwrap());
    let seed: u64 = seed.parse().unwrap();
    let tui_quiz = tui_questions(&tutor_on(&[key('j'), key('u')], seed));
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    let tui_exam = tui_questions(&tutor_on(&[key('j'), key('E'), enter], seed));
    let [quiz, exam, paper, tui_quiz, tui_exam] =
        [quiz, exam, paper, tui_quiz, tui_exam].map(|shown| plain_text(&shown));
    assert_eq!(quiz.len(), items);
    assert!(quiz.iter().any(|(_, parts)| parts.len() >= 4));
    assert_eq!(quiz, exam, "plain quiz and exam");
    assert_eq!(quiz, paper, "plain quiz and printed sheet");
    assert_eq!(quiz, tui_quiz, "plain quiz and the TUI's quiz");
    assert_eq!(quiz, tui_exam, "plain quiz and the TUI's exam");
    // Another seed, another order.
    let other = plain_text(&tui_questions(&tutor_on(
        &[key('j'), key('u')],
        seed + 1000,
    )));
    assert_ne!(quiz, other);
}

/// Without Markdown's marks, which the sheet renders and the screens show.
fn plain_text(shown: &Shown) -> Shown {
    let strip = |text: &str| text.replace(['`', '*', '_'], "");
    shown
        .iter()
        .map(|(prompt, parts)| (strip(prompt), parts.iter().map(|p| strip(p)).collect()))
        .collect()
}
