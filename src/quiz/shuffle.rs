//! The order in which an item's parts are shown. Choices, ordering steps and
//! matching partners are all shuffled, so no position and no file order
//! gives an answer away; a seed makes the order the same on every machine
//! and in every mode (TUI, plain quiz, exam, printed sheet).

use crate::content::{Answer, QuizItem};

/// Screen order of an item's parts: `order[screen position] = index in the
/// file` for choices, ordering steps and matching partners (the right-hand
/// items); empty for true/false and short-text items, which have no parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presentation {
    pub order: Vec<usize>,
}

impl Presentation {
    /// The order for `item` under `seed`. Choices are shuffled uniformly
    /// (every position equally likely to hold the key) unless the item says
    /// `fixed_order`; steps and partners are never left in the answer's order
    /// when there are two or more.
    pub fn new(item: &QuizItem, seed: u64) -> Presentation {
        let mut rng = fastrand::Rng::with_seed(seed ^ fnv1a(item.id.as_bytes()));
        let order = match &item.answer {
            Answer::Single(choices) | Answer::Multiple(choices) => {
                let mut order: Vec<usize> = (0..choices.len()).collect();
                if !item.fixed_order {
                    shuffle(&mut rng, &mut order);
                }
                order
            }
            Answer::Ordering(steps) => deranged(&mut rng, steps.len()),
            Answer::Matching(pairs) => deranged(&mut rng, pairs.len()),
            Answer::TrueFalse(_) | Answer::ShortText(_) => Vec::new(),
        };
        Presentation { order }
    }

    /// The file index of the part shown at `position` (the position itself
    /// for items whose parts are not reordered).
    pub fn file_index(&self, position: usize) -> usize {
        self.order.get(position).copied().unwrap_or(position)
    }

    /// The screen position of the part at `file_index` in the file.
    pub fn position(&self, file_index: usize) -> usize {
        self.order
            .iter()
            .position(|&o| o == file_index)
            .unwrap_or(file_index)
    }
}

/// `0..len` shuffled, never in order when `len` is two or more.
fn deranged(rng: &mut fastrand::Rng, len: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    if len >= 2 {
        while order.iter().enumerate().all(|(i, &o)| i == o) {
            shuffle(rng, &mut order);
        }
    }
    order
}

/// Fisher–Yates with 64-bit draws, so a seed shuffles alike on 32- and
/// 64-bit machines (fastrand's own `shuffle` draws `usize`). Exams choose
/// their items with it too.
pub fn shuffle<T>(rng: &mut fastrand::Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = rng.u64(..=i as u64);
        items.swap(i, usize::try_from(j).unwrap_or(i));
    }
}

/// A stable hash of the item id, so each item of one seed gets its own order.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Choice;

    fn item(id: &str, answer: Answer) -> QuizItem {
        QuizItem {
            id: id.into(),
            prompt: "?".into(),
            explanation: "e".into(),
            misconception: false,
            fixed_order: false,
            case_sensitive: false,
            answer,
        }
    }

    fn ordering(id: &str, steps: usize) -> QuizItem {
        item(
            id,
            Answer::Ordering((0..steps).map(|i| i.to_string()).collect()),
        )
    }

    fn single(id: &str, choices: usize) -> QuizItem {
        item(
            id,
            Answer::Single(
                (0..choices)
                    .map(|i| Choice {
                        text: i.to_string(),
                        correct: i == 0,
                        why: "w".into(),
                    })
                    .collect(),
            ),
        )
    }

    #[test]
    fn the_same_seed_gives_the_same_order_and_never_the_answer() {
        for steps in 2..8 {
            let item = ordering("rollout", steps);
            for seed in 0..50 {
                let a = Presentation::new(&item, seed);
                assert_eq!(a, Presentation::new(&item, seed));
                assert_ne!(a.order, (0..steps).collect::<Vec<_>>());
                let mut sorted = a.order.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..steps).collect::<Vec<_>>());
            }
        }
        // Pinned, so a change of generator shows up here and not in a room
        // whose printed sheet no longer matches the screens.
        assert_eq!(
            Presentation::new(&ordering("rollout", 4), 7).order,
            [3, 0, 1, 2]
        );
        assert_eq!(Presentation::new(&single("pick", 4), 7).order, [3, 0, 1, 2]);
    }

    #[test]
    fn every_position_holds_the_first_choice_about_equally_often() {
        let item = single("fair", 4);
        let mut counts = [0usize; 4];
        for seed in 0..4000 {
            let shown = Presentation::new(&item, seed);
            counts[shown.position(0)] += 1;
        }
        assert!(
            counts.iter().all(|&c| (850..1150).contains(&c)),
            "{counts:?}"
        );
    }

    #[test]
    fn fixed_order_keeps_the_choices_in_place() {
        let mut item = single("scale", 5);
        item.fixed_order = true;
        for seed in 0..20 {
            assert_eq!(Presentation::new(&item, seed).order, [0, 1, 2, 3, 4]);
        }
        let shown = Presentation {
            order: vec![2, 0, 1],
        };
        assert_eq!((shown.file_index(0), shown.position(0)), (2, 1));
    }
}
