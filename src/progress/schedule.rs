//! Spaced review of quiz items with FSRS, through the rs-fsrs crate.
//!
//! A wrong answer rates the item *Again* (it comes back within minutes), a
//! right one *Good* (minutes while learning, then days that grow with every
//! right answer). Fuzz is off so that the same answers give the same schedule.

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating, State};
use serde::{Deserialize, Serialize};

/// How an answer went, as the scheduler sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recall {
    Wrong,
    Right,
}

impl Recall {
    /// The grade of a quiz answer.
    pub fn of(correct: bool) -> Recall {
        if correct {
            Recall::Right
        } else {
            Recall::Wrong
        }
    }

    fn rating(self) -> Rating {
        match self {
            Recall::Wrong => Rating::Again,
            Recall::Right => Rating::Good,
        }
    }
}

/// Where an item stands in the FSRS cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewState {
    New,
    Learning,
    Review,
    Relearning,
}

impl ReviewState {
    /// The number stored in the database.
    pub(crate) fn code(self) -> i64 {
        match self {
            ReviewState::New => 0,
            ReviewState::Learning => 1,
            ReviewState::Review => 2,
            ReviewState::Relearning => 3,
        }
    }

    /// Reads a stored number; unknown numbers count as new, so the item is
    /// simply asked again.
    pub(crate) fn from_code(code: i64) -> ReviewState {
        match code {
            1 => ReviewState::Learning,
            2 => ReviewState::Review,
            3 => ReviewState::Relearning,
            _ => ReviewState::New,
        }
    }

    fn fsrs(self) -> State {
        match self {
            ReviewState::New => State::New,
            ReviewState::Learning => State::Learning,
            ReviewState::Review => State::Review,
            ReviewState::Relearning => State::Relearning,
        }
    }

    fn from_fsrs(state: State) -> ReviewState {
        match state {
            State::New => ReviewState::New,
            State::Learning => ReviewState::Learning,
            State::Review => ReviewState::Review,
            State::Relearning => ReviewState::Relearning,
        }
    }
}

/// One quiz item's review schedule: an FSRS card plus the item it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewCard {
    pub item_id: String,
    pub lesson_id: String,
    pub due: DateTime<Utc>,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: i32,
    pub lapses: i32,
    pub state: ReviewState,
    pub last_review: Option<DateTime<Utc>>,
}

impl ReviewCard {
    /// A card never reviewed, due at `now`.
    pub fn new(item_id: &str, lesson_id: &str, now: DateTime<Utc>) -> ReviewCard {
        ReviewCard {
            item_id: item_id.to_string(),
            lesson_id: lesson_id.to_string(),
            due: now,
            stability: 0.0,
            difficulty: 0.0,
            elapsed_days: 0,
            scheduled_days: 0,
            reps: 0,
            lapses: 0,
            state: ReviewState::New,
            last_review: None,
        }
    }

    /// The card after an answer given at `now`.
    pub fn answered(&self, grade: Recall, now: DateTime<Utc>) -> ReviewCard {
        let card = Card {
            due: self.due,
            stability: self.stability,
            difficulty: self.difficulty,
            elapsed_days: self.elapsed_days,
            scheduled_days: self.scheduled_days,
            reps: self.reps,
            lapses: self.lapses,
            state: self.state.fsrs(),
            last_review: self.last_review.unwrap_or(now),
        };
        let next = scheduler().next(card, now, grade.rating()).card;
        ReviewCard {
            item_id: self.item_id.clone(),
            lesson_id: self.lesson_id.clone(),
            due: next.due,
            stability: next.stability,
            difficulty: next.difficulty,
            elapsed_days: next.elapsed_days,
            scheduled_days: next.scheduled_days,
            reps: next.reps,
            lapses: next.lapses,
            state: ReviewState::from_fsrs(next.state),
            last_review: Some(next.last_review),
        }
    }
}

fn scheduler() -> FSRS {
    FSRS::new(Parameters {
        enable_fuzz: false,
        ..Parameters::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn at(hours: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::hours(hours)
    }

    #[test]
    fn a_wrong_answer_comes_back_within_minutes() {
        let card = ReviewCard::new("q", "l", at(0)).answered(Recall::Wrong, at(0));
        assert!(card.due - at(0) <= Duration::minutes(10), "{:?}", card.due);
        assert_eq!(card.state, ReviewState::Learning);
    }

    #[test]
    fn right_answers_space_the_item_out() {
        let mut card = ReviewCard::new("q", "l", at(0));
        let mut gaps = Vec::new();
        let mut now = at(0);
        for _ in 0..5 {
            card = card.answered(Recall::Right, now);
            gaps.push(card.due - now);
            now = card.due;
        }
        assert!(gaps.windows(2).all(|w| w[1] > w[0]), "{gaps:?}");
        assert!(gaps[4] >= Duration::days(7), "{gaps:?}");
        assert_eq!(card.state, ReviewState::Review);
    }

    #[test]
    fn a_lapse_shortens_the_interval_and_counts() {
        let mut card = ReviewCard::new("q", "l", at(0));
        let mut now = at(0);
        for _ in 0..4 {
            card = card.answered(Recall::Right, now);
            now = card.due;
        }
        let long = card.due - card.last_review.unwrap();
        let lapsed = card.answered(Recall::Wrong, now);
        assert_eq!(lapsed.lapses, 1);
        assert_eq!(lapsed.state, ReviewState::Relearning);
        assert!(lapsed.due - now < long);
    }

    #[test]
    fn the_schedule_is_deterministic() {
        let a = ReviewCard::new("q", "l", at(0)).answered(Recall::Right, at(0));
        let b = ReviewCard::new("q", "l", at(0)).answered(Recall::Right, at(0));
        assert_eq!(a, b);
    }

    #[test]
    fn state_codes_round_trip() {
        for state in [
            ReviewState::New,
            ReviewState::Learning,
            ReviewState::Review,
            ReviewState::Relearning,
        ] {
            assert_eq!(ReviewState::from_code(state.code()), state);
        }
        assert_eq!(ReviewState::from_code(99), ReviewState::New);
    }
}
