//! Answering quiz items, the same way in the TUI, the plain `kubetutor quiz`
//! and exams: what a learner's response to each kind of item is, whether it
//! is right, which chosen options were wrong (to show their `why`), and the
//! compact notation answers are recorded in. No terminal code here.

mod parse;
mod shuffle;

use std::collections::BTreeSet;

use crate::content::{Answer, QuizItem, normalize_answer};

pub use parse::{ParseError, parse_response};
pub use shuffle::{Presentation, shuffle};

/// A learner's response. Indices refer to the item as written in its file
/// (choices, sequence steps, pairs), never to the shuffled order on screen;
/// [`Presentation`] maps between the two.
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
            let normal = |text: &str| normalize_answer(text, item.case_sensitive);
            let given = normal(text);
            Marking::of(!given.is_empty() && accept.iter().any(|a| normal(a) == given))
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
    /// The response as recorded in the progress store, in the file's order
    /// (so it names the same option whatever order it was shown in): choice
    /// letters (`b`, `a,c`), `true`/`false`, the text, step numbers from 1 in
    /// the learner's order (`2,1,3`), or pairs (`a-2,b-1`; `-` when unpaired).
    pub fn notation(&self) -> String {
        self.written(&Presentation { order: Vec::new() })
    }

    /// The response in the letters and numbers the learner saw under
    /// `shown` — what session reports and the printed key of the same seed
    /// use, and what the plain quiz reads back.
    pub fn shown(&self, shown: &Presentation) -> String {
        self.written(shown)
    }

    fn written(&self, shown: &Presentation) -> String {
        let join = |parts: Vec<String>| parts.join(",");
        let at = |file_index: usize| shown.position(file_index);
        match self {
            Response::Single(index) => letter(at(*index)).to_string(),
            Response::Multiple(set) => {
                let positions: BTreeSet<usize> = set.iter().map(|i| at(*i)).collect();
                join(positions.iter().map(|p| letter(*p).to_string()).collect())
            }
            Response::TrueFalse(value) => value.to_string(),
            Response::ShortText(text) => text.trim().to_string(),
            Response::Ordering(order) => {
                join(order.iter().map(|i| (at(*i) + 1).to_string()).collect())
            }
            Response::Matching(pairs) => join(
                pairs
                    .iter()
                    .enumerate()
                    .map(|(left, right)| match right {
                        Some(right) => format!("{}-{}", letter(left), at(*right) + 1),
                        None => format!("{}--", letter(left)),
                    })
                    .collect(),
            ),
        }
    }
}

/// The right response of an item (`None` for short text, which has no one
/// response): what the printed key and reports write in shown notation.
pub fn right_response(item: &QuizItem) -> Option<Response> {
    let correct = |choices: &[crate::content::Choice]| -> BTreeSet<usize> {
        (0..choices.len()).filter(|&i| choices[i].correct).collect()
    };
    match &item.answer {
        Answer::Single(choices) => correct(choices).first().copied().map(Response::Single),
        Answer::Multiple(choices) => Some(Response::Multiple(correct(choices))),
        Answer::TrueFalse(value) => Some(Response::TrueFalse(*value)),
        Answer::ShortText(_) => None,
        Answer::Ordering(steps) => Some(Response::Ordering((0..steps.len()).collect())),
        Answer::Matching(pairs) => Some(Response::Matching((0..pairs.len()).map(Some).collect())),
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
            fixed_order: false,
            case_sensitive: false,
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
    fn short_text_ignores_width_case_and_extra_spaces_but_not_emptiness() {
        let q = item(Answer::ShortText(vec![
            "ClusterFirst".into(),
            "29".into(),
            "localhost".into(),
            "metadata".into(),
            "cluster first".into(),
        ]));
        let right = |text: &str| check(&q, &Response::ShortText(text.into())).correct;
        assert!(right(" clusterfirst "));
        assert!(right("２９"), "full-width digits from an input method");
        assert!(right("ｌｏｃａｌｈｏｓｔ"), "full-width letters");
        assert!(right("ＣｌｕｓｔｅｒＦｉｒｓｔ"));
        assert!(right("Cluster \u{3000}  First"), "runs of space collapse");
        assert!(!right("meta DATA"), "a space is not deleted");
        assert!(!right("Default"));
        assert!(!right("  "));
        let mut exact = item(Answer::ShortText(vec!["TLS.crt".into()]));
        exact.case_sensitive = true;
        assert!(check(&exact, &Response::ShortText("ＴＬＳ.crt".into())).correct);
        assert!(!check(&exact, &Response::ShortText("tls.crt".into())).correct);
    }

    #[test]
    fn shown_notation_uses_the_screen_letters_and_numbers() {
        let shown = Presentation {
            order: vec![2, 0, 1],
        };
        assert_eq!(Response::Single(0).notation(), "a");
        assert_eq!(Response::Single(0).shown(&shown), "b");
        assert_eq!(Response::Multiple([0, 2].into()).shown(&shown), "a,b");
        assert_eq!(Response::Ordering(vec![0, 1, 2]).shown(&shown), "2,3,1");
        assert_eq!(
            Response::Matching(vec![Some(0), Some(1), Some(2)]).shown(&shown),
            "a-2,b-3,c-1"
        );
        let q = item(Answer::Multiple(choices(&[true, false, true])));
        assert_eq!(right_response(&q), Some(Response::Multiple([0, 2].into())));
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
