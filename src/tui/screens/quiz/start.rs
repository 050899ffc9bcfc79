//! Starting a quiz: a lesson's items, the items due for review, or a timed
//! exam of a lesson.

use super::{Question, QuizMode, QuizScreen};
use crate::exam::{Session, SessionKind, SessionSpec};
use crate::i18n::Msg;
use crate::quiz::Presentation;
use crate::tui::app::Shared;
use crate::tui::effect::Effect;
use crate::tui::screens::Screen;

/// Percent of items right a TUI exam needs.
const EXAM_PASS_MARK: u32 = 70;

/// The title and items of lesson `index` (in course order), shown in the
/// order `seed` gives; `None` (with a note) when it has no quiz.
fn lesson_items(
    index: usize,
    seed: u64,
    shared: &mut Shared<'_>,
) -> Option<(String, Vec<Question>)> {
    let lesson = shared.course.lessons().get(index)?.get(shared.lang)?.lesson;
    if lesson.quiz.is_empty() {
        shared.say(Msg::QuizEmpty);
        return None;
    }
    let entries = lesson
        .quiz
        .iter()
        .map(|item| Question {
            presentation: Presentation::new(item, seed),
            item: item.clone(),
            lesson_id: lesson.meta.id.clone(),
        })
        .collect();
    Some((lesson.meta.title.clone(), entries))
}

/// The quiz of lesson `index` (in course order).
pub(crate) fn start_quiz(index: usize, shared: &mut Shared<'_>) -> Option<Screen> {
    let seed = shared.seed();
    let (title, entries) = lesson_items(index, seed, shared)?;
    let quiz = QuizScreen::new(title, QuizMode::Lesson, entries, shared.now);
    Some(Screen::Quiz(Box::new(quiz)))
}

/// An exam of lesson `index`: every item, shuffled, no feedback until the
/// end, a minute per item (at least five), pass mark 70 %. The items, their
/// order and the deadline come from the same [`Session`] `kubetutor exam`
/// uses, so one seed gives one exam in both.
pub(crate) fn start_exam(index: usize, shared: &mut Shared<'_>) -> Option<Screen> {
    let set = shared.course.lessons().get(index)?;
    let lesson = set.get(shared.lang)?.lesson;
    if lesson.quiz.is_empty() {
        shared.say(Msg::QuizEmpty);
        return None;
    }
    let spec = SessionSpec {
        kind: SessionKind::Exam,
        lessons: vec![set.id.clone()],
        count: None,
        seed: shared.seed(),
        minutes: Some(u32::try_from(lesson.quiz.len().max(5)).unwrap_or(u32::MAX)),
        pass_mark: EXAM_PASS_MARK,
    };
    let session = Session::start(shared.course, &spec, shared.now).ok()?;
    let entries = (0..session.items.len())
        .filter_map(|i| session.item(shared.course, shared.lang, i))
        .map(|(item, presentation)| Question {
            item: item.clone(),
            lesson_id: set.id.clone(),
            presentation,
        })
        .collect();
    let title = format!(
        "{} · {}",
        Msg::ExamTitle.text(shared.lang),
        lesson.meta.title
    );
    shared
        .effects
        .push(Effect::TickAfter(std::time::Duration::from_secs(1)));
    let quiz = QuizScreen::new(
        title,
        QuizMode::Exam(Box::new(session)),
        entries,
        shared.now,
    );
    Some(Screen::Quiz(Box::new(quiz)))
}

/// The items FSRS says are due, across lessons, longest waiting first.
pub(crate) fn start_review(shared: &mut Shared<'_>) -> Option<Screen> {
    let seed = shared.seed();
    let due = shared
        .progress
        .and_then(|store| store.due_items(shared.now).ok())
        .unwrap_or_default();
    let entries: Vec<Question> = due
        .iter()
        .filter_map(|due| {
            let lesson = shared
                .course
                .lessons()
                .iter()
                .find(|set| set.id == due.lesson_id)?
                .get(shared.lang)?
                .lesson;
            let item = lesson.quiz.iter().find(|item| item.id == due.item_id)?;
            Some(Question {
                presentation: Presentation::new(item, seed),
                item: item.clone(),
                lesson_id: lesson.meta.id.clone(),
            })
        })
        .collect();
    if entries.is_empty() {
        shared.say(Msg::ReviewEmpty);
        return None;
    }
    let title = Msg::ReviewTitle.text(shared.lang).to_string();
    let quiz = QuizScreen::new(title, QuizMode::Review, entries, shared.now);
    Some(Screen::Quiz(Box::new(quiz)))
}
