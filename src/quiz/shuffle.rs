//! The order in which an item's parts are shown. Ordering steps and matching
//! answers must be shuffled (else the file's order gives the answer away);
//! a seed makes the order the same on every machine, for exams.

use crate::content::{Answer, QuizItem};

/// Screen order of an item's parts: `order[screen position] = index in the
/// file`. Choices keep the author's order (they may say "all of the above").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presentation {
    pub order: Vec<usize>,
}

impl Presentation {
    /// The order for `item` under `seed`: shuffled steps or right-hand
    /// items, never left in the correct order when there are two or more.
    pub fn new(item: &QuizItem, seed: u64) -> Presentation {
        let len = match &item.answer {
            Answer::Ordering(steps) => steps.len(),
            Answer::Matching(pairs) => pairs.len(),
            Answer::Single(choices) | Answer::Multiple(choices) => {
                return Presentation {
                    order: (0..choices.len()).collect(),
                };
            }
            Answer::TrueFalse(_) | Answer::ShortText(_) => 0,
        };
        let mut rng = fastrand::Rng::with_seed(seed ^ fnv1a(item.id.as_bytes()));
        let mut order: Vec<usize> = (0..len).collect();
        if len >= 2 {
            while order.iter().enumerate().all(|(i, &o)| i == o) {
                rng.shuffle(&mut order);
            }
        }
        Presentation { order }
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

    fn ordering(id: &str, steps: usize) -> QuizItem {
        QuizItem {
            id: id.into(),
            prompt: "?".into(),
            explanation: "e".into(),
            misconception: false,
            answer: Answer::Ordering((0..steps).map(|i| i.to_string()).collect()),
        }
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
        // Pinned, so a change of generator shows up here and not in exams.
        assert_eq!(
            Presentation::new(&ordering("rollout", 4), 7).order,
            [3, 2, 1, 0]
        );
    }
}
