//! Reading a typed answer (the plain quiz and exams, where answers come one
//! line at a time, also from a pipe) into a [`Response`].

use std::collections::BTreeSet;

use super::{Presentation, Response, letter};
use crate::content::{Answer, QuizItem};

/// Why a line is not an answer to the item, with the expected form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

fn err<T>(message: String) -> Result<T, ParseError> {
    Err(ParseError(message))
}

/// A choice letter (`b`) or number (`2`) as an index below `len`.
fn choice_index(word: &str, len: usize) -> Option<usize> {
    let word = word.trim().trim_end_matches([')', '.']);
    let index = match word.parse::<usize>() {
        Ok(number) => number.checked_sub(1)?,
        Err(_) => {
            let mut chars = word.chars();
            let c = chars.next()?.to_ascii_lowercase();
            if chars.next().is_some() || !c.is_ascii_lowercase() {
                return None;
            }
            usize::from(c as u8 - b'a')
        }
    };
    (index < len).then_some(index)
}

/// The words of a list answer: `a,c`, `a c`, `ac` (letters only), `3 1 2`.
fn words(line: &str) -> Vec<String> {
    let parts: Vec<String> = line
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if parts.len() == 1 && parts[0].chars().all(|c| c.is_ascii_alphabetic()) && parts[0].len() > 1 {
        return parts[0].chars().map(String::from).collect();
    }
    parts
}

/// Reads `line` as an answer to `item` shown in `presentation`'s order.
pub fn parse_response(
    item: &QuizItem,
    presentation: &Presentation,
    line: &str,
) -> Result<Response, ParseError> {
    let line = line.trim();
    match &item.answer {
        Answer::Single(choices) => match choice_index(line, choices.len()) {
            Some(index) => Ok(Response::Single(index)),
            None => err(format!(
                "answer with one letter from a to {}",
                letter(choices.len() - 1)
            )),
        },
        Answer::Multiple(choices) => parse_multiple(line, choices.len()),
        Answer::TrueFalse(_) => parse_true_false(line),
        Answer::ShortText(_) => {
            if line.is_empty() {
                err("type the answer".into())
            } else {
                Ok(Response::ShortText(line.to_string()))
            }
        }
        Answer::Ordering(steps) => parse_ordering(line, steps.len(), presentation),
        Answer::Matching(pairs) => parse_matching(line, pairs.len(), presentation),
    }
}

/// A multiple choice answer: one or more letters out of `len` choices.
fn parse_multiple(line: &str, len: usize) -> Result<Response, ParseError> {
    let mut chosen = BTreeSet::new();
    for word in words(line) {
        match choice_index(&word, len) {
            Some(index) => {
                chosen.insert(index);
            }
            None => {
                return err(format!(
                    "answer with the letters of every right choice, for example a,c (a to {})",
                    letter(len - 1)
                ));
            }
        }
    }
    if chosen.is_empty() {
        return err("choose at least one letter, for example a,c".into());
    }
    Ok(Response::Multiple(chosen))
}

/// A true/false answer, in English or Japanese, in full or by its initial.
fn parse_true_false(line: &str) -> Result<Response, ParseError> {
    match line.to_lowercase().as_str() {
        "t" | "true" | "y" | "yes" | "正しい" | "正" | "はい" => {
            Ok(Response::TrueFalse(true))
        }
        "f" | "false" | "n" | "no" | "誤り" | "誤" | "いいえ" => {
            Ok(Response::TrueFalse(false))
        }
        _ => err("answer true or false (t or f)".into()),
    }
}

/// An ordering answer: every one of the `len` shown step numbers once,
/// mapped back to the steps' file order.
fn parse_ordering(
    line: &str,
    len: usize,
    presentation: &Presentation,
) -> Result<Response, ParseError> {
    let order: Option<Vec<usize>> = words(line)
        .iter()
        .map(|w| {
            let shown = w.parse::<usize>().ok()?.checked_sub(1)?;
            presentation.order.get(shown).copied()
        })
        .collect();
    match order {
        Some(order) if order.len() == len && order.iter().collect::<BTreeSet<_>>().len() == len => {
            Ok(Response::Ordering(order))
        }
        _ => err(format!(
            "list the {} step numbers in the right order, for example {}",
            len,
            (1..=len)
                .rev()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        )),
    }
}

/// A matching answer: the shown number of the partner of each of the `len`
/// left items (optionally labelled `a=2`), mapped back to file order.
fn parse_matching(
    line: &str,
    len: usize,
    presentation: &Presentation,
) -> Result<Response, ParseError> {
    let numbers: Vec<String> = words(line)
        .iter()
        .map(|w| {
            w.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '=')
                .to_string()
        })
        .collect();
    let chosen: Option<Vec<Option<usize>>> = numbers
        .iter()
        .map(|n| {
            let shown = n.parse::<usize>().ok()?.checked_sub(1)?;
            Some(Some(*presentation.order.get(shown)?))
        })
        .collect();
    match chosen {
        Some(chosen) if chosen.len() == len => Ok(Response::Matching(chosen)),
        _ => err(format!(
            "give the number of the partner of each of the {} items in order, for example {}",
            len,
            (1..=len)
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        )),
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
            explanation: "e".into(),
            misconception: false,
            answer,
        }
    }

    fn choices(n: usize) -> Vec<Choice> {
        (0..n)
            .map(|i| Choice {
                text: format!("c{i}"),
                correct: i == 1,
                why: "w".into(),
            })
            .collect()
    }

    fn identity(n: usize) -> Presentation {
        Presentation {
            order: (0..n).collect(),
        }
    }

    #[test]
    fn letters_numbers_and_lists() {
        let single = item(Answer::Single(choices(3)));
        let p = identity(3);
        assert_eq!(parse_response(&single, &p, " B "), Ok(Response::Single(1)));
        assert_eq!(parse_response(&single, &p, "3"), Ok(Response::Single(2)));
        assert_eq!(parse_response(&single, &p, "c)"), Ok(Response::Single(2)));
        assert!(parse_response(&single, &p, "d").is_err());
        assert!(parse_response(&single, &p, "").is_err());
        let multiple = item(Answer::Multiple(choices(3)));
        let both = Response::Multiple([0, 2].into());
        for line in ["a,c", "a c", "ac", "A; C", "1 3"] {
            assert_eq!(
                parse_response(&multiple, &p, line),
                Ok(both.clone()),
                "{line}"
            );
        }
        let tf = item(Answer::TrueFalse(true));
        assert_eq!(parse_response(&tf, &p, "F"), Ok(Response::TrueFalse(false)));
        assert_eq!(
            parse_response(&tf, &p, "正しい"),
            Ok(Response::TrueFalse(true))
        );
    }

    #[test]
    fn orderings_and_matchings_use_the_shown_numbers() {
        let steps = item(Answer::Ordering(vec!["x".into(), "y".into(), "z".into()]));
        let shown = Presentation {
            order: vec![2, 0, 1],
        };
        // Shown: 1=z, 2=x, 3=y; the learner orders x y z as 2 3 1.
        assert_eq!(
            parse_response(&steps, &shown, "2 3 1"),
            Ok(Response::Ordering(vec![0, 1, 2]))
        );
        assert!(parse_response(&steps, &shown, "2 2 1").is_err());
        assert!(parse_response(&steps, &shown, "2 3").is_err());
        let pairs = item(Answer::Matching(
            ["a", "b"]
                .iter()
                .map(|s| Pair {
                    left: s.to_string(),
                    right: s.to_uppercase(),
                })
                .collect(),
        ));
        let shown = Presentation { order: vec![1, 0] };
        let right = Response::Matching(vec![Some(0), Some(1)]);
        assert_eq!(parse_response(&pairs, &shown, "2 1"), Ok(right.clone()));
        assert_eq!(parse_response(&pairs, &shown, "a2 b1"), Ok(right.clone()));
        assert_eq!(parse_response(&pairs, &shown, "a-2, b-1"), Ok(right));
        assert!(parse_response(&pairs, &shown, "3 1").is_err());
    }
}
