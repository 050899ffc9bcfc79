use super::*;
use crate::content::{Choice, Pair};
use crate::i18n::Lang;

/// The time every input of these tests is given at.
fn at() -> DateTime<Utc> {
    DateTime::UNIX_EPOCH
}

fn entry(id: &str, answer: Answer) -> Question {
    let item = QuizItem {
        id: id.into(),
        prompt: format!("Prompt {id}?"),
        explanation: "Because.".into(),
        misconception: false,
        // Choices in place, so the tests can name them by position.
        fixed_order: true,
        case_sensitive: false,
        answer,
    };
    Question {
        presentation: Presentation::new(&item, 1),
        item,
        lesson_id: "l".into(),
    }
}

fn choices(correct: &[bool]) -> Vec<Choice> {
    correct
        .iter()
        .enumerate()
        .map(|(i, c)| Choice {
            text: format!("option {i}"),
            correct: *c,
            why: format!("why {i}"),
        })
        .collect()
}

fn quiz(entries: Vec<Question>) -> QuizScreen {
    QuizScreen::new("T".into(), QuizMode::Lesson, entries, at())
}

#[test]
fn single_choice_by_digit_arrows_and_enter() {
    let mut q = quiz(vec![entry(
        "s",
        Answer::Single(choices(&[false, true, false])),
    )]);
    assert_eq!(
        q.handle(QuizInput::Submit, at()).map(|a| a.correct),
        Some(false),
        "cursor on 1"
    );
    assert_eq!(q.results, [false]);
    let mut q = quiz(vec![entry(
        "s",
        Answer::Single(choices(&[false, true, false])),
    )]);
    q.handle(QuizInput::Move(1), at());
    let answered = q.handle(QuizInput::Submit, at()).unwrap();
    assert_eq!((answered.answer.as_str(), answered.correct), ("b", true));
    let mut q = quiz(vec![entry(
        "s",
        Answer::Single(choices(&[false, true, false])),
    )]);
    q.handle(QuizInput::Pick(2), at());
    assert_eq!(q.handle(QuizInput::Submit, at()).unwrap().answer, "c");
    assert!(matches!(q.phase, Phase::Answered { .. }));
    q.handle(QuizInput::Submit, at());
    assert_eq!(q.phase, Phase::Summary);
}

#[test]
fn multiple_choice_toggles_and_needs_a_choice() {
    let mut q = quiz(vec![entry(
        "m",
        Answer::Multiple(choices(&[true, false, true])),
    )]);
    assert_eq!(
        q.handle(QuizInput::Submit, at()),
        None,
        "nothing chosen yet"
    );
    q.handle(QuizInput::Toggle, at());
    q.handle(QuizInput::Pick(2), at());
    q.handle(QuizInput::Pick(1), at());
    q.handle(QuizInput::Pick(1), at());
    let answered = q.handle(QuizInput::Submit, at()).unwrap();
    assert_eq!((answered.answer.as_str(), answered.correct), ("a,c", true));
}

#[test]
fn true_false_and_short_text_with_japanese_input() {
    let mut q = quiz(vec![
        entry("tf", Answer::TrueFalse(false)),
        entry("t", Answer::ShortText(vec!["クラスター".into()])),
    ]);
    q.handle(QuizInput::Pick(1), at());
    assert_eq!(q.handle(QuizInput::Submit, at()).unwrap().answer, "false");
    q.handle(QuizInput::Submit, at());
    assert!(q.typing());
    assert_eq!(
        q.handle(QuizInput::Submit, at()),
        None,
        "empty text is not an answer"
    );
    for c in "クラスタ x".chars() {
        q.handle(QuizInput::Char(c), at());
    }
    q.handle(QuizInput::Backspace, at());
    q.handle(QuizInput::Backspace, at());
    q.handle(QuizInput::Char('ー'), at());
    let answered = q.handle(QuizInput::Submit, at()).unwrap();
    assert_eq!(
        (answered.answer.as_str(), answered.correct),
        ("クラスター", true)
    );
}

#[test]
fn ordering_moves_the_selected_step() {
    let steps: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
    let mut q = quiz(vec![entry("o", Answer::Ordering(steps))]);
    let Input::Ordering { order, .. } = q.input.clone() else {
        panic!("ordering input")
    };
    assert_ne!(order, [0, 1, 2], "shown shuffled");
    // Sort by moving steps: selection sort with Shift moves.
    for target in 0..3 {
        let Input::Ordering { order, .. } = q.input.clone() else {
            unreachable!()
        };
        let from = order.iter().position(|s| *s == target).unwrap();
        q.handle(QuizInput::Move(-5), at());
        q.handle(QuizInput::Move(from as i32), at());
        for _ in target..from {
            q.handle(QuizInput::Shift(-1), at());
        }
    }
    let answered = q.handle(QuizInput::Submit, at()).unwrap();
    assert_eq!(
        (answered.answer.as_str(), answered.correct),
        ("1,2,3", true)
    );
}

#[test]
fn matching_pairs_by_number_and_arrows() {
    let pairs = ["x", "y", "z"]
        .iter()
        .map(|s| Pair {
            left: s.to_string(),
            right: s.to_uppercase(),
        })
        .collect();
    let mut q = quiz(vec![entry("p", Answer::Matching(pairs))]);
    let order = q.entries[0].presentation.order.clone();
    assert_eq!(q.handle(QuizInput::Submit, at()), None, "unpaired items");
    for left in 0..3 {
        let position = order.iter().position(|r| *r == left).unwrap();
        q.handle(QuizInput::Pick(position), at());
    }
    q.handle(QuizInput::Point(2), at());
    q.handle(QuizInput::Shift(1), at());
    q.handle(QuizInput::Shift(-1), at());
    let answered = q.handle(QuizInput::Submit, at()).unwrap();
    assert_eq!(
        (answered.answer.as_str(), answered.correct),
        ("a-1,b-2,c-3", true)
    );
}

#[test]
fn feedback_explains_chosen_wrong_options() {
    let mut q = quiz(vec![entry("s", Answer::Single(choices(&[false, true])))]);
    q.handle(QuizInput::Submit, at());
    let (page, _) = q.page(Lang::En, 60);
    let text: Vec<String> = page.lines.iter().map(|l| l.plain_text()).collect();
    assert!(text.iter().any(|l| l.contains("Not quite")), "{text:#?}");
    assert!(text.iter().any(|l| l.trim() == "why 0"), "{text:#?}");
    assert!(text.iter().any(|l| l.contains("Because.")), "{text:#?}");
}
