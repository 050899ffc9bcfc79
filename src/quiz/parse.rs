//! Reading a typed answer (the plain quiz and exams, where answers come one
//! line at a time, also from a pipe) into a [`Response`].

use std::collections::BTreeSet;

use super::{Presentation, Response, letter};
use crate::content::{Answer, QuizItem};
use crate::i18n::{Lang, Plain};

/// Why a line is not an answer to the item; [`ParseError::message`] says
/// what the expected form is, in the learner's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Not one letter of the `len` choices.
    Single {
        len: usize,
    },
    /// Not letters of the `len` choices.
    Multiple {
        len: usize,
    },
    TrueFalse,
    Text,
    /// Not every one of the `len` step numbers once.
    Ordering {
        len: usize,
    },
    /// Not a partner number for each of the `len` left items.
    Matching {
        len: usize,
    },
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ParseError {}

impl ParseError {
    /// What a right answer looks like, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let numbers = |numbers: Vec<usize>| {
            numbers
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        };
        match *self {
            ParseError::Single { len } => {
                Plain::HintSingle.fill(lang, &[("last", &letter(len.saturating_sub(1)))])
            }
            ParseError::Multiple { len } => {
                Plain::HintMultiple.fill(lang, &[("last", &letter(len.saturating_sub(1)))])
            }
            ParseError::TrueFalse => Plain::HintTrueFalse.text(lang).to_string(),
            ParseError::Text => Plain::HintText.text(lang).to_string(),
            ParseError::Ordering { len } => Plain::HintOrdering.fill(
                lang,
                &[
                    ("len", &len),
                    ("example", &numbers((1..=len).rev().collect())),
                ],
            ),
            ParseError::Matching { len } => Plain::HintMatching.fill(
                lang,
                &[("len", &len), ("example", &numbers((1..=len).collect()))],
            ),
        }
    }
}

/// A choice letter (`b`) or number (`2`) as a screen position below `len`;
/// full-width letters and digits from an input method count.
fn choice_index(word: &str, len: usize) -> Option<usize> {
    let word = word.trim().trim_end_matches([')', '.', '）']);
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
        .split(|c: char| c == ',' || c == ';' || c == '、' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if parts.len() == 1 && parts[0].chars().all(|c| c.is_ascii_alphabetic()) && parts[0].len() > 1 {
        return parts[0].chars().map(String::from).collect();
    }
    parts
}

/// Reads `line` as an answer to `item` shown in `presentation`'s order: the
/// letters and numbers are those on screen, the response names the parts
/// by their place in the file.
pub fn parse_response(
    item: &QuizItem,
    presentation: &Presentation,
    line: &str,
) -> Result<Response, ParseError> {
    use unicode_normalization::UnicodeNormalization;
    let line: String = line.nfkc().collect();
    let line = line.trim();
    match &item.answer {
        Answer::Single(choices) => match choice_index(line, choices.len()) {
            Some(position) => Ok(Response::Single(presentation.file_index(position))),
            None => Err(ParseError::Single { len: choices.len() }),
        },
        Answer::Multiple(choices) => parse_multiple(line, choices.len(), presentation),
        Answer::TrueFalse(_) => parse_true_false(line),
        Answer::ShortText(_) => {
            if line.is_empty() {
                Err(ParseError::Text)
            } else {
                Ok(Response::ShortText(line.to_string()))
            }
        }
        Answer::Ordering(steps) => parse_ordering(line, steps.len(), presentation),
        Answer::Matching(pairs) => parse_matching(line, pairs.len(), presentation),
    }
}

/// A multiple choice answer: one or more letters out of `len` choices.
fn parse_multiple(
    line: &str,
    len: usize,
    presentation: &Presentation,
) -> Result<Response, ParseError> {
    let chosen: Option<BTreeSet<usize>> = words(line)
        .iter()
        .map(|word| choice_index(word, len).map(|p| presentation.file_index(p)))
        .collect();
    match chosen {
        Some(chosen) if !chosen.is_empty() => Ok(Response::Multiple(chosen)),
        _ => Err(ParseError::Multiple { len }),
    }
}

/// A true/false answer, in English or Japanese, in full or by its initial.
fn parse_true_false(line: &str) -> Result<Response, ParseError> {
    match line.to_lowercase().as_str() {
        "t" | "true" | "y" | "yes" | "正しい" | "正" | "はい" | "○" | "◯" => {
            Ok(Response::TrueFalse(true))
        }
        "f" | "false" | "n" | "no" | "誤り" | "誤" | "いいえ" | "×" => {
            Ok(Response::TrueFalse(false))
        }
        _ => Err(ParseError::TrueFalse),
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
        _ => Err(ParseError::Ordering { len }),
    }
}

/// A matching answer: the shown number of the partner of each of the `len`
/// left items (optionally labelled `a=2` or `a-2`), mapped back to file order.
fn parse_matching(
    line: &str,
    len: usize,
    presentation: &Presentation,
) -> Result<Response, ParseError> {
    let chosen: Option<Vec<Option<usize>>> = words(line)
        .iter()
        .map(|w| {
            let number =
                w.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '=');
            let shown = number.parse::<usize>().ok()?.checked_sub(1)?;
            Some(Some(*presentation.order.get(shown)?))
        })
        .collect();
    match chosen {
        Some(chosen) if chosen.len() == len => Ok(Response::Matching(chosen)),
        _ => Err(ParseError::Matching { len }),
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
            fixed_order: false,
            case_sensitive: false,
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
