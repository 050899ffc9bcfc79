//! Answering quiz items, the same way in the TUI, the plain `kubetutor quiz`
//! and exams: what a learner's response to each kind of item is, whether it
//! is right, which chosen options were wrong (to show their `why`), and the
//! compact notation answers are recorded in. No terminal code here.

mod parse;
mod shuffle;

use std::collections::BTreeSet;

use crate::content::{Answer, QuizItem, normalize_answer};

pub use parse::{ParseError, parse_response};
pub use shuffle::Presentation;

/// A learner's response. Indices refer to the item as written in its file
/// (choices, sequence steps, pairs), never to the shuffled order on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    Single(usize),
    Multiple(BTreeSet<usize>),
    TrueFalse(bool),
    ShortText(String),
    /// The steps in the learner's order.
    Ordering(Vec<usize>),
    /// For each left item, the right item paired with it (`None`: unpaired).
    Matching(Vec<Option<usize>>),
}

/// What the answer was worth, with what feedback needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marking {
    pub correct: bool,
    /// Chosen options that are wrong (single and multiple choice).
    pub wrong_choices: Vec<usize>,
    /// Right options that were not chosen (multiple choice).
    pub missed_choices: Vec<usize>,
    /// Positions of an ordering or left items of a matching that are wrong.
    pub wrong_positions: Vec<usize>,
}

impl Marking {
    fn of(correct: bool) -> Marking {
        Marking {
            correct,
            wrong_choices: Vec::new(),
            missed_choices: Vec::new(),
            wrong_positions: Vec::new(),
        }
    }
}

/// Grades `response` against `item`; a response of another kind is wrong.
pub fn check(item: &QuizItem, response: &Response) -> Marking {
    match (&item.answer, response) {
        (Answer::Single(choices), Response::Single(chosen)) => {
            let correct = choices.get(*chosen).is_some_and(|c| c.correct);
            Marking {
                wrong_choices: if correct { Vec::new() } else { vec![*chosen] },
                ..Marking::of(correct)
            }
        }
        (Answer::Multiple(choices), Response::Multiple(chosen)) => {
            let right: BTreeSet<usize> =
                (0..choices.len()).filter(|&i| choices[i].correct).collect();
            let wrong_choices: Vec<usize> = chosen.difference(&right).copied().collect();
            let missed_choices: Vec<usize> = right.difference(chosen).copied().collect();
            Marking {
                correct: wrong_choices.is_empty() && missed_choices.is_empty(),
                wrong_choices,
                missed_choices,
                wrong_positions: Vec::new(),
            }
        }
        (Answer::TrueFalse(answer), Response::TrueFalse(given)) => Marking::of(answer == given),
        (Answer::ShortText(accept), Response::ShortText(text)) => {
            let given = normalize_answer(text);
            Marking::of(!given.is_empty() && accept.iter().any(|a| normalize_answer(a) == given))
        }
        (Answer::Ordering(steps), Response::Ordering(order)) => {
            let wrong_positions: Vec<usize> = (0..steps.len())
                .filter(|&position| order.get(position) != Some(&position))
                .collect();
            Marking {
                wrong_positions,
                ..Marking::of(order.len() == steps.len() && (0..steps.len()).all(|i| order[i] == i))
            }
        }
        (Answer::Matching(pairs), Response::Matching(chosen)) => {
            let wrong_positions: Vec<usize> = (0..pairs.len())
                .filter(|&left| chosen.get(left).copied().flatten() != Some(left))
                .collect();
            Marking {
                correct: wrong_positions.is_empty() && chosen.len() == pairs.len(),
                wrong_positions,
                ..Marking::of(false)
            }
        }
        _ => Marking::of(false),
    }
}

/// The letter of choice `index`: a, b, c …
pub fn letter(index: usize) -> char {
    u8::try_from(index)
        .ok()
        .filter(|i| *i < 26)
        .map_or('?', |i| char::from(b'a' + i))
}

impl Response {
    /// The response as recorded in the progress store: choice letters
    /// (`b`, `a,c`), `true`/`false`, the text, step numbers from 1 in the
    /// learner's order (`2,1,3`), or pairs (`a-2,b-1`; `-` when unpaired).
    pub fn notation(&self) -> String {
        let join = |parts: Vec<String>| parts.join(",");
        match self {
            Response::Single(index) => letter(*index).to_string(),
            Response::Multiple(set) => join(set.iter().map(|i| letter(*i).to_string()).collect()),
            Response::TrueFalse(value) => value.to_string(),
            Response::ShortText(text) => text.trim().to_string(),
            Response::Ordering(order) => join(order.iter().map(|i| (i + 1).to_string()).collect()),
            Response::Matching(pairs) => join(
                pairs
                    .iter()
                    .enumerate()
                    .map(|(left, right)| match right {
                        Some(right) => format!("{}-{}", letter(left), right + 1),
                        None => format!("{}--", letter(left)),
                    })
                    .collect(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Choice, Pair};

    fn item(answer: Answer) -> QuizItem {
        QuizItem {
            id: "q".into(),
            prompt: "?".into(),
            explanation: "because".into(),
            misconception: false,
            answer,
        }
    }

    fn choices(correct: &[bool]) -> Vec<Choice> {
        correct
            .iter()
            .enumerate()
            .map(|(i, c)| Choice {
                text: format!("choice {i}"),
                correct: *c,
                why: format!("why {i}"),
            })
            .collect()
    }

    #[test]
    fn single_choice_names_the_wrong_pick() {
        let q = item(Answer::Single(choices(&[false, true, false])));
        assert!(check(&q, &Response::Single(1)).correct);
        let wrong = check(&q, &Response::Single(2));
        assert!(!wrong.correct);
        assert_eq!(wrong.wrong_choices, [2]);
        assert!(!check(&q, &Response::Single(9)).correct);
        assert!(!check(&q, &Response::TrueFalse(true)).correct);
    }

    #[test]
    fn multiple_choice_needs_exactly_the_right_set() {
        let q = item(Answer::Multiple(choices(&[true, false, true])));
        assert!(check(&q, &Response::Multiple([0, 2].into())).correct);
        let partial = check(&q, &Response::Multiple([0, 1].into()));
        assert!(!partial.correct);
        assert_eq!(
            (partial.wrong_choices, partial.missed_choices),
            (vec![1], vec![2])
        );
        assert!(!check(&q, &Response::Multiple(BTreeSet::new())).correct);
        assert_eq!(Response::Multiple([0, 2].into()).notation(), "a,c");
    }

    #[test]
    fn short_text_ignores_case_and_spaces_but_not_emptiness() {
        let q = item(Answer::ShortText(vec![
            "ClusterFirst".into(),
            "クラスター優先".into(),
        ]));
        assert!(check(&q, &Response::ShortText(" clusterfirst ".into())).correct);
        assert!(check(&q, &Response::ShortText("クラスター 優先".into())).correct);
        assert!(!check(&q, &Response::ShortText("Default".into())).correct);
        assert!(!check(&q, &Response::ShortText("  ".into())).correct);
    }

    #[test]
    fn ordering_and_matching_point_at_wrong_positions() {
        let q = item(Answer::Ordering(vec!["a".into(), "b".into(), "c".into()]));
        assert!(check(&q, &Response::Ordering(vec![0, 1, 2])).correct);
        let swapped = check(&q, &Response::Ordering(vec![1, 0, 2]));
        assert_eq!(
            (swapped.correct, swapped.wrong_positions),
            (false, vec![0, 1])
        );
        assert_eq!(Response::Ordering(vec![1, 0, 2]).notation(), "2,1,3");

        let pairs = ["x", "y"]
            .iter()
            .map(|s| Pair {
                left: s.to_string(),
                right: s.to_uppercase(),
            })
            .collect();
        let q = item(Answer::Matching(pairs));
        assert!(check(&q, &Response::Matching(vec![Some(0), Some(1)])).correct);
        let crossed = check(&q, &Response::Matching(vec![Some(1), None]));
        assert_eq!(
            (crossed.correct, crossed.wrong_positions),
            (false, vec![0, 1])
        );
        assert_eq!(
            Response::Matching(vec![Some(1), None]).notation(),
            "a-2,b--"
        );
    }

    #[test]
    fn true_false() {
        let q = item(Answer::TrueFalse(false));
        assert!(check(&q, &Response::TrueFalse(false)).correct);
        assert!(!check(&q, &Response::TrueFalse(true)).correct);
    }
}
