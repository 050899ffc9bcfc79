//! Starting a quiz: a lesson's items, the items due for review, or a timed
//! exam of a lesson (or the exam left unfinished, to resume it). Items and
//! their options come in the order a seeded [`Session`] gives, the same
//! order `kubetutor quiz`, `kubetutor exam` and the printed sheet use for
//! that seed.

use super::{Question, QuizMode, QuizScreen};
use crate::exam::{Session, SessionKind, SessionSpec};
use crate::i18n::Msg;
use crate::progress::ReviewOutlook;
use crate::progress::summary::outline;
use crate::quiz::Presentation;
use crate::tui::app::Shared;
use crate::tui::screens::Screen;

/// Percent of items right a TUI exam needs.
const EXAM_PASS_MARK: u32 = 70;

/// The questions of `session`, in its order, in the learner's language.
fn questions(session: &Session, shared: &Shared<'_>) -> Vec<Question> {
    (0..session.items.len())
        .filter_map(|index| {
            let (item, presentation) = session.item(shared.course, shared.lang, index)?;
            Some(Question {
                item: item.clone(),
                lesson_id: session.items[index].lesson.clone(),
                presentation,
            })
        })
        .collect()
}

/// A session of every item of lesson `index` (in course order) under a new
/// seed; `None` (with a note) when the lesson has no quiz.
pub(super) fn lesson_session(
    index: usize,
    kind: SessionKind,
    shared: &mut Shared<'_>,
) -> Option<(String, Session)> {
    let set = shared.course.lessons().get(index)?;
    let lesson = set.get(shared.lang)?.lesson;
    if lesson.quiz.is_empty() {
        shared.say(Msg::QuizEmpty);
        return None;
    }
    let exam = kind == SessionKind::Exam;
    let spec = SessionSpec {
        kind,
        lessons: vec![set.id.clone()],
        count: None,
        seed: shared.seed(),
        minutes: exam.then(|| u32::try_from(lesson.quiz.len().max(5)).unwrap_or(u32::MAX)),
        pass_mark: if exam { EXAM_PASS_MARK } else { 0 },
    };
    let session = Session::start(shared.course, &spec, shared.now).ok()?;
    Some((lesson.meta.title.clone(), session))
}

/// The quiz of lesson `index` (in course order): a new order of its items
/// and their options each time it is taken.
pub(crate) fn start_quiz(index: usize, shared: &mut Shared<'_>) -> Option<Screen> {
    let (title, session) = lesson_session(index, SessionKind::Quiz, shared)?;
    let entries = questions(&session, shared);
    let quiz = QuizScreen::new(title, QuizMode::Lesson, entries, shared.now);
    Some(Screen::Quiz(Box::new(quiz)))
}

/// The exam of `E`: the unfinished exam when one is saved (by the tutor or
/// `kubetutor exam`), else a new exam of lesson `index` — every item,
/// shuffled, no feedback until the end, a minute per item (at least five),
/// pass mark 70 %. Either opens on its introduction; the clock of a new
/// exam starts on Enter.
pub(crate) fn start_exam(index: usize, shared: &mut Shared<'_>) -> Option<Screen> {
    let saved = shared
        .workspace
        .and_then(|w| Session::load(w.data_dir()).ok().flatten())
        .filter(|s| s.kind == SessionKind::Exam);
    let resumed = saved.is_some();
    let session = match saved {
        Some(session) => session,
        None => lesson_session(index, SessionKind::Exam, shared)?.1,
    };
    Some(Screen::Quiz(Box::new(exam_screen(
        session, resumed, shared,
    ))))
}

/// The quiz screen of an exam, on its introduction.
pub(super) fn exam_screen(session: Session, resumed: bool, shared: &Shared<'_>) -> QuizScreen {
    let titles: Vec<String> = session
        .lessons
        .iter()
        .filter_map(|id| shared.course.lessons().iter().find(|set| set.id == *id))
        .filter_map(|set| set.get(shared.lang))
        .map(|l| l.lesson.meta.title.clone())
        .collect();
    let exam = Msg::ExamTitle.text(shared.lang);
    let title = match titles.as_slice() {
        [one] => format!("{exam} · {one}"),
        _ => exam.to_string(),
    };
    let entries = questions(&session, shared);
    let mut quiz = QuizScreen::new(
        title,
        QuizMode::Exam(Box::new(session)),
        entries,
        shared.now,
    );
    quiz.resumed = resumed;
    quiz
}

/// The review: an introduction with what is due (or when the next item
/// is, and how many items each lesson still has new), then the items FSRS
/// says are due, across lessons, longest waiting first.
pub(crate) fn start_review(shared: &mut Shared<'_>) -> Option<Screen> {
    let seed = shared.seed();
    let course_outline = outline(shared.course, shared.lang);
    let outlook = shared
        .progress
        .and_then(|store| ReviewOutlook::load(store, &course_outline, shared.now).ok())
        .unwrap_or_else(|| ReviewOutlook::of(&[], &course_outline, shared.now));
    let entries: Vec<Question> = outlook
        .due
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
    let title = Msg::ReviewTitle.text(shared.lang).to_string();
    let mode = QuizMode::Review(Box::new(outlook));
    let quiz = QuizScreen::new(title, mode, entries, shared.now);
    Some(Screen::Quiz(Box::new(quiz)))
}
