//! What the review screen says before it starts: the items due now, when
//! the next one falls due when none is, and how many items of each lesson
//! are still new (never answered, so never reviewed: the lesson's quiz asks
//! them first).

use chrono::{DateTime, Utc};

use super::error::ProgressError;
use super::schedule::ReviewCard;
use super::store::{DueItem, Store};
use super::summary::LessonOutline;

/// The review queue as the learner sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewOutlook {
    /// Items due now, the longest waiting first.
    pub due: Vec<DueItem>,
    /// When the next item falls due, if none is due now and some will be.
    pub next_due: Option<DateTime<Utc>>,
    /// Per lesson of the course, in order: its id, its title and how many of
    /// its items were never answered.
    pub new_items: Vec<(String, String, usize)>,
}

impl ReviewOutlook {
    /// The outlook from the learner's store, for the course in `outline`.
    pub fn load(
        store: &Store,
        outline: &[LessonOutline],
        now: DateTime<Utc>,
    ) -> Result<ReviewOutlook, ProgressError> {
        Ok(ReviewOutlook::of(&store.review_cards()?, outline, now))
    }

    /// The outlook from review cards; cards of items the course no longer
    /// has are left out.
    pub fn of(
        cards: &[ReviewCard],
        outline: &[LessonOutline],
        now: DateTime<Utc>,
    ) -> ReviewOutlook {
        let known = |card: &&ReviewCard| {
            outline.iter().any(|lesson| {
                lesson.id == card.lesson_id
                    && lesson.quiz_items.iter().any(|i| i.id == card.item_id)
            })
        };
        let mut due: Vec<&ReviewCard> = cards
            .iter()
            .filter(known)
            .filter(|c| c.due <= now)
            .collect();
        due.sort_by(|a, b| a.due.cmp(&b.due).then(a.item_id.cmp(&b.item_id)));
        let next_due = cards
            .iter()
            .filter(known)
            .map(|c| c.due)
            .filter(|d| *d > now)
            .min()
            .filter(|_| due.is_empty());
        let new_items = outline
            .iter()
            .map(|lesson| {
                let seen = lesson
                    .quiz_items
                    .iter()
                    .filter(|item| cards.iter().any(|c| c.item_id == item.id))
                    .count();
                (
                    lesson.id.clone(),
                    lesson.title.clone(),
                    lesson.quiz_items.len() - seen,
                )
            })
            .collect();
        ReviewOutlook {
            due: due
                .into_iter()
                .map(|c| DueItem {
                    item_id: c.item_id.clone(),
                    lesson_id: c.lesson_id.clone(),
                    due: c.due,
                })
                .collect(),
            next_due,
            new_items,
        }
    }

    /// Whether the learner has answered anything yet.
    pub fn anything_seen(&self) -> bool {
        !self.due.is_empty() || self.next_due.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::summary::OutlineItem;
    use crate::progress::{Recall, ReviewState};
    use chrono::Duration;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(minutes)
    }

    fn outline() -> Vec<LessonOutline> {
        let lesson = |id: &str, items: &[&str]| LessonOutline {
            id: id.into(),
            title: id.to_uppercase(),
            quiz_items: items
                .iter()
                .map(|i| OutlineItem {
                    id: (*i).into(),
                    prompt: String::new(),
                })
                .collect(),
            exercises: Vec::new(),
        };
        vec![lesson("one", &["a", "b", "c"]), lesson("two", &["d"])]
    }

    #[test]
    fn new_items_are_not_due_and_the_next_due_time_is_told() {
        let fresh = ReviewOutlook::of(&[], &outline(), at(0));
        assert!(fresh.due.is_empty() && !fresh.anything_seen());
        assert_eq!(fresh.new_items[0], ("one".into(), "ONE".into(), 3));
        let right = ReviewCard::new("a", "one", at(0)).answered(Recall::Right, at(0));
        let wrong = ReviewCard::new("b", "one", at(0)).answered(Recall::Wrong, at(0));
        let gone = ReviewCard::new("z", "one", at(0));
        let cards = [right.clone(), wrong.clone(), gone];
        let soon = ReviewOutlook::of(&cards, &outline(), at(0));
        assert_eq!(soon.next_due, Some(wrong.due));
        assert_eq!(soon.new_items[0].2, 1);
        assert_eq!(soon.new_items[1].2, 1);
        let later = ReviewOutlook::of(&cards, &outline(), right.due);
        let due: Vec<&str> = later.due.iter().map(|d| d.item_id.as_str()).collect();
        assert_eq!(
            due,
            ["b", "a"],
            "the longest waiting first; `z` left the course"
        );
        assert_eq!(later.next_due, None);
        assert_eq!(right.state, ReviewState::Learning);
    }
}
