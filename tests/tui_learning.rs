//! The learning loop through the real update function: quizzes of every
//! item kind, feedback and summary, review, the exercise screen with grading,
//! hints, the solution and starting over, and what each answer leaves in the
//! progress store. Screens are insta snapshots at 80×24 and 40×12, en and ja.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::Utc;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kubetutor::content::{Answer, Course, PackSource, QuizKind};
use kubetutor::exam::{Session, SessionKind, SessionSpec};
use kubetutor::i18n::Lang;
use kubetutor::progress::Store;
use kubetutor::quiz::letter;
use kubetutor::tui::{
    App, Context, Effect, Event, Headless, QuizMode, QuizScreen, Screen, Theme, render,
};
use kubetutor::workspace::Workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::sync::OnceLock;

fn course() -> Course {
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE
        .get_or_init(|| Course::load(&PackSource::BuiltIn).expect("built-in course loads"))
        .clone()
}

/// A tutor with its own data directory at a fixed path (paths show on the
/// exercise screen, so they must be the same on every machine).
struct Tutor {
    app: App,
    home: PathBuf,
    size: (u16, u16),
    effects: Headless,
}

impl Tutor {
    fn new(name: &str, lang: Lang, size: (u16, u16)) -> Tutor {
        let home = PathBuf::from(format!("/tmp/kubetutor-tests/{name}"));
        let _ = std::fs::remove_dir_all(&home);
        let store = Store::open_in(&home, Utc::now()).expect("store").store;
        let app = App::new(course(), lang, Theme::plain(), size)
            .with_progress(store, Workspace::new(&home))
            .with_quiz_seed(7);
        Tutor {
            app,
            home,
            size,
            effects: Headless::new(),
        }
    }

    fn key(&mut self, code: KeyCode) {
        self.app
            .handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        self.run_effects();
    }

    /// Presses keys: `\n` Enter, `\x1b` Esc, `\t` Tab, others as characters.
    fn press(&mut self, keys: &str) {
        for c in keys.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\u{1b}' => KeyCode::Esc,
                '\t' => KeyCode::Tab,
                c => KeyCode::Char(c),
            };
            self.key(code);
        }
    }

    /// Does what the event loop would: grades, saves and writes files now,
    /// ignores watching and timers.
    fn run_effects(&mut self) {
        self.effects.settle(&mut self.app);
    }

    fn screen(&self) -> String {
        let mut terminal =
            Terminal::new(TestBackend::new(self.size.0, self.size.1)).expect("terminal");
        terminal
            .draw(|frame| render(&self.app, frame))
            .expect("draws");
        terminal.backend().to_string()
    }

    fn store(&self) -> Store {
        Store::open_in(&self.home, Utc::now()).expect("store").store
    }

    /// Answers the current item with whatever input completes it.
    fn answer_anything(&mut self) {
        match self.app.context() {
            Context::QuizChoice => self.press(" \n"),
            Context::QuizOrdering => self.press("\n"),
            Context::QuizText => self.press("x\n"),
            Context::QuizMatching => {
                for _ in 0..8 {
                    self.press("1");
                }
                self.press("\n");
            }
            other => panic!("not asking: {other:?}"),
        }
    }
}

fn snapshot(name: &str, tutor: &Tutor) {
    insta::assert_snapshot!(name, tutor.screen());
}

impl Tutor {
    /// The kind of the item being asked.
    fn kind(&self) -> QuizKind {
        let Screen::Quiz(quiz) = self.app.screen() else {
            panic!("a quiz")
        };
        quiz.entries[quiz.index].item.kind()
    }

    /// The quiz screen on top.
    fn quiz(&self) -> &QuizScreen {
        match self.app.screen() {
            Screen::Quiz(quiz) => quiz,
            _ => panic!("a quiz screen"),
        }
    }
}

#[test]
fn quiz_items_of_every_kind_en_80x24() {
    let mut t = Tutor::new("kinds-en", Lang::En, (80, 24));
    t.press("u");
    let total = t.quiz().entries.len();
    let mut seen = Vec::new();
    let mut wrong_pick = None;
    while t.app.context() != Context::QuizSummary {
        let kind = t.kind();
        if !seen.contains(&kind) {
            seen.push(kind);
            match kind {
                QuizKind::Single => {
                    snapshot("quiz_single_en_80x24", &t);
                    let (key, file_index) = wrong_option(&t);
                    let entry = &t.quiz().entries[t.quiz().index];
                    wrong_pick = Some((entry.item.id.clone(), letter(file_index)));
                    t.press(&format!("{key}\n"));
                    snapshot("quiz_feedback_wrong_en_80x24", &t);
                }
                QuizKind::TrueFalse => {
                    snapshot("quiz_true_false_en_80x24", &t);
                    t.press("2\n");
                }
                QuizKind::Multiple => {
                    t.press("1 3");
                    snapshot("quiz_multiple_en_80x24", &t);
                    t.press("\n");
                }
                QuizKind::ShortText => {
                    t.press("kind\n");
                    snapshot("quiz_short_text_feedback_en_80x24", &t);
                }
                QuizKind::Matching => {
                    t.press("2");
                    snapshot("quiz_matching_en_80x24", &t);
                    t.answer_anything();
                }
                QuizKind::Ordering => {
                    t.press("J");
                    snapshot("quiz_ordering_en_80x24", &t);
                    t.press("\n");
                }
            }
        } else {
            t.answer_anything();
        }
        t.press("\n");
    }
    assert_eq!(seen.len(), 6, "the lesson has every kind: {seen:?}");
    snapshot("quiz_summary_en_80x24", &t);
    let answers = t.store().answers().unwrap();
    assert_eq!(answers.len(), total);
    assert!(
        answers
            .iter()
            .all(|a| a.mode == "quiz" && a.lesson_id == "resource-categories")
    );
    // The store keeps the option as the file lists it, whatever its place on screen.
    let (item, letter) = wrong_pick.unwrap();
    let recorded = answers.iter().find(|a| a.item_id == item).unwrap();
    assert_eq!(recorded.answer, letter.to_string());
    t.press("\n");
    snapshot("course_map_after_quiz_en_80x24", &t);
}

#[test]
fn retaking_a_quiz_shows_a_new_order() {
    let mut t = Tutor::new("retake", Lang::En, (80, 24));
    let order = |t: &Tutor| -> Vec<(String, Vec<usize>)> {
        t.quiz()
            .entries
            .iter()
            .map(|e| (e.item.id.clone(), e.presentation.order.clone()))
            .collect()
    };
    t.press("u");
    let first = order(&t);
    t.press("\x1bu");
    let second = order(&t);
    assert_ne!(first, second);
    let ids = |o: &[(String, Vec<usize>)]| o.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
    assert_ne!(
        ids(&first),
        ids(&second),
        "the items come in a new order too"
    );
}

#[test]
fn quiz_in_japanese_at_40x12_with_japanese_text_input() {
    let mut t = Tutor::new("kinds-ja", Lang::Ja, (40, 12));
    t.press("u");
    snapshot("quiz_first_ja_40x12", &t);
    t.answer_anything();
    snapshot("quiz_feedback_ja_40x12", &t);
    t.press("\n");
    while t.app.context() != Context::QuizText {
        t.answer_anything();
        t.press("\n");
    }
    t.app.handle_event(Event::Paste("種類".into()));
    snapshot("quiz_short_text_ja_40x12", &t);
    t.press("\n");
    let answers = t.store().answers().unwrap();
    assert_eq!(answers.last().unwrap().answer, "種類");
}

#[test]
fn review_brings_back_missed_items() {
    let mut t = Tutor::new("review", Lang::En, (80, 24));
    t.press("r");
    assert_eq!(t.app.context(), Context::QuizIntro);
    snapshot("review_nothing_due_en_80x24", &t);
    t.press("\n");
    assert_eq!(
        t.app.context(),
        Context::CourseMap,
        "Enter with nothing due goes back"
    );
    t.press("u");
    while t.kind() != QuizKind::Single {
        t.press("\t");
    }
    let (wrong, _) = wrong_option(&t);
    t.press(&format!("{wrong}\n\x1b"));
    t.press("r");
    snapshot("review_next_due_en_80x24", &t);
    t.press("\x1b");
    // The wrong answer comes back after a minute: two minutes later it is due.
    let later = t.app.now() + chrono::Duration::minutes(2);
    t.app.handle_event(Event::Tick(later));
    t.press("r");
    snapshot("review_due_en_80x24", &t);
    t.press("\n");
    assert_eq!(t.app.context(), Context::QuizChoice);
    snapshot("review_item_en_80x24", &t);
}

/// The digit key of a wrong option of the single-choice item on screen,
/// and that option's index in the file.
fn wrong_option(t: &Tutor) -> (char, usize) {
    let quiz = t.quiz();
    let entry = &quiz.entries[quiz.index];
    let Answer::Single(choices) = &entry.item.answer else {
        panic!("a single-choice item")
    };
    let position = entry
        .presentation
        .order
        .iter()
        .position(|&i| !choices[i].correct)
        .unwrap();
    let key = char::from_digit(u32::try_from(position).unwrap() + 1, 10).unwrap();
    (key, entry.presentation.order[position])
}

#[test]
fn exercise_screen_grades_saves_and_records_attempts() {
    let mut t = Tutor::new("exercise-en", Lang::En, (100, 30));
    t.press("jx");
    snapshot("exercise_list_en_100x30", &t);
    t.press("j\n");
    let Screen::Exercise(screen) = t.app.screen() else {
        panic!("exercise screen")
    };
    let path = screen.path.clone();
    let solution = screen.exercise.solution.clone();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        screen.exercise.starter
    );
    snapshot("exercise_starter_en_100x30", &t);

    t.press("s");
    snapshot("exercise_solution_locked_en_100x30", &t);
    // A save that does not pass: an attempt, which unlocks the solution.
    std::fs::write(&path, format!("{}# a first try\n", screen_starter(&t))).unwrap();
    t.app.handle_event(Event::FileChanged(path.clone()));
    t.run_effects();
    t.press("s");
    snapshot("exercise_confirm_solution_en_100x30", &t);
    t.press("y");
    snapshot("exercise_solution_en_100x30", &t);
    t.press("\x1b");
    t.press("hh");
    snapshot("exercise_hints_en_100x30", &t);

    std::fs::write(&path, &solution).unwrap();
    t.app.handle_event(Event::FileChanged(path.clone()));
    t.run_effects();
    snapshot("exercise_passed_en_100x30", &t);
    t.app.handle_event(Event::Tick(Utc::now()));
    let attempts = t.store().attempts().unwrap();
    assert_eq!(
        attempts.iter().map(|a| a.passed).collect::<Vec<_>>(),
        [false, true]
    );
    // A fresh learner's failed attempt makes nothing due: the exercise's
    // quiz items were never answered, so they are new, not due.
    assert!(t.store().due_items(t.app.now()).unwrap().is_empty());

    t.press("r");
    snapshot("exercise_confirm_reset_en_100x30", &t);
    t.press("y");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), screen_starter(&t));
    t.press("\x1b\x1b");
    snapshot("course_map_after_exercise_en_100x30", &t);
}

#[test]
fn a_failed_exercise_brings_forward_only_the_seen_items_it_practises() {
    let mut t = Tutor::new("review-after-exercise", Lang::En, (100, 30));
    t.press("j");
    let exercise = course()
        .exercises()
        .iter()
        .find(|e| e.lesson == "workload-apis")
        .unwrap()
        .clone();
    let listed = |id: &str| exercise.reviews.iter().any(|r| r == id);
    // Answer five items of the lesson, one of them listed by the exercise
    // and four not; skip the rest.
    t.press("u");
    let (mut listed_answered, mut others) = (0, 0);
    while listed_answered + others < 5 {
        let id = t.quiz().entries[t.quiz().index].item.id.clone();
        if (listed(&id) && listed_answered < 1) || (!listed(&id) && others < 4) {
            if listed(&id) {
                listed_answered += 1;
            } else {
                others += 1;
            }
            t.answer_anything();
            t.press("\n");
        } else {
            t.press("\t");
        }
    }
    t.press("\x1b");
    let answered: Vec<String> = t
        .store()
        .answers()
        .unwrap()
        .into_iter()
        .map(|a| a.item_id)
        .collect();
    assert_eq!(answered.len(), 5);
    assert!(t.store().due_items(t.app.now()).unwrap().is_empty());
    // Fail the exercise twice in one sitting.
    t.press("x");
    let position = course()
        .exercises()
        .iter()
        .filter(|e| e.lesson == "workload-apis")
        .position(|e| e.id == exercise.id)
        .unwrap();
    t.press(&"j".repeat(position));
    t.press("\n");
    let path = match t.app.screen() {
        Screen::Exercise(screen) => screen.path.clone(),
        _ => panic!("exercise screen"),
    };
    for attempt in ["# a first try\n", "# a second try\n"] {
        std::fs::write(&path, format!("{}{attempt}", exercise.starter)).unwrap();
        t.app.handle_event(Event::FileChanged(path.clone()));
        t.run_effects();
        if attempt.contains("first") {
            snapshot("exercise_reviews_due_en_100x30", &t);
        }
    }
    let due: Vec<String> = t
        .store()
        .due_items(t.app.now())
        .unwrap()
        .into_iter()
        .map(|d| d.item_id)
        .collect();
    let expected: Vec<String> = answered.iter().filter(|id| listed(id)).cloned().collect();
    assert_eq!(due, expected, "only the listed items that were answered");
    assert_eq!(due.len(), 1);
    assert_eq!(t.store().attempts().unwrap().len(), 2);
}

fn screen_starter(t: &Tutor) -> String {
    match t.app.screen() {
        Screen::Exercise(screen) => screen.exercise.starter.clone(),
        _ => panic!("exercise screen"),
    }
}

#[test]
fn exercise_screen_at_80x24_and_40x12_in_both_languages() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Ja, "ja")] {
        for size in [(80, 24), (40, 12)] {
            let name = format!("exercise_{code}_{}x{}", size.0, size.1);
            let mut t = Tutor::new(&name, lang, size);
            t.press("jx\n");
            snapshot(&name, &t);
            t.press("\t\t");
            snapshot(&format!("{name}_results"), &t);
            t.key(KeyCode::Enter);
            snapshot(&format!("{name}_detail"), &t);
        }
    }
}

#[test]
fn help_on_every_screen_comes_from_the_key_map() {
    let mut t = Tutor::new("help", Lang::En, (80, 24));
    t.press("u?");
    snapshot("help_quiz_en_80x24", &t);
    t.press("?\x1bjx\n?");
    snapshot("help_exercise_en_80x24", &t);
}

#[test]
fn quiz_and_exercises_open_from_the_reader() {
    let mut t = Tutor::new("reader", Lang::En, (80, 24));
    t.press("j\nu");
    assert_eq!(t.app.context(), Context::QuizChoice);
    t.press("\x1b");
    assert_eq!(t.app.context(), Context::Reader, "back to the lesson");
    t.press("x");
    assert_eq!(t.app.context(), Context::Exercises);
    t.press("\x1b\x1b");
    assert_eq!(t.app.context(), Context::CourseMap);
    t.press("kx");
    assert_eq!(
        t.app.context(),
        Context::CourseMap,
        "lesson 1 has no exercises"
    );
    snapshot("course_map_no_exercises_en_80x24", &t);
}

#[test]
fn every_screen_in_both_languages_at_80x24_and_40x12() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Ja, "ja")] {
        for size in [(80, 24), (40, 12)] {
            let name = |screen: &str| format!("screen_{screen}_{code}_{}x{}", size.0, size.1);
            let mut t = Tutor::new(&name("all"), lang, size);
            snapshot(&name("course_map"), &t);
            t.press("j\n");
            snapshot(&name("reader"), &t);
            t.press("u");
            snapshot(&name("quiz"), &t);
            t.press(" \n");
            snapshot(&name("quiz_feedback"), &t);
            t.press("?");
            snapshot(&name("quiz_help"), &t);
            t.press("?\x1bx");
            snapshot(&name("exercise_list"), &t);
            t.press("\n");
            snapshot(&name("exercise"), &t);
            t.press("r");
            snapshot(&name("exercise_confirm"), &t);
            t.press("n\x1b\x1b\x1b");
            assert_eq!(t.app.context(), Context::CourseMap);
        }
    }
}

#[test]
fn every_screen_draws_at_every_size_without_panicking() {
    let mut t = Tutor::new("sweep", Lang::Ja, (80, 24));
    // The exam under way goes last: Esc there asks before leaving.
    let journeys: [&str; 9] = [
        "",
        "u",
        "u \n",
        "u \n\n\n\n",
        "jx",
        "jx\n",
        "r",
        "jE",
        "jE\n",
    ];
    for keys in journeys {
        t.press("\x1b\x1b\x1b");
        t.app.handle_event(Event::Resize(80, 24));
        t.size = (80, 24);
        t.press(keys);
        for width in (1..=301).step_by(20) {
            for height in (1..=101).step_by(10) {
                t.app.handle_event(Event::Resize(width, height));
                t.size = (width, height);
                t.screen();
            }
        }
    }
}

#[test]
fn long_help_scrolls_at_40x12() {
    let mut t = Tutor::new("help-small", Lang::En, (40, 12));
    t.press("jx\n?");
    let top = t.screen();
    snapshot("help_exercise_en_40x12", &t);
    t.press("jjjjjjjjjj");
    let scrolled = t.screen();
    assert_ne!(top, scrolled);
    assert!(scrolled.contains("Ctrl-C"), "{scrolled}");
    t.press("?");
    assert_eq!(t.app.context(), Context::Exercise);
}

#[test]
fn presentation_mode_shows_one_section_per_screen() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Ja, "ja")] {
        let mut t = Tutor::new(&format!("present-{code}"), lang, (80, 24));
        t.press("j\np");
        assert_eq!(t.app.context(), Context::Presenting);
        snapshot(&format!("present_first_{code}_80x24"), &t);
        t.key(KeyCode::Right);
        t.key(KeyCode::Right);
        snapshot(&format!("present_third_{code}_80x24"), &t);
        t.key(KeyCode::Left);
        let second = t.screen();
        assert!(second.contains("2/"), "{second}");
        t.press("p");
        assert_eq!(t.app.context(), Context::Reader);
        // The reader stays at the section that was shown.
        let Screen::Reader(reader) = t.app.screen() else {
            panic!("reader")
        };
        assert_eq!(reader.layout.section_at(reader.scroll), 1);
    }
}

#[test]
fn an_exam_opens_on_its_introduction_in_both_languages() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Ja, "ja")] {
        let mut t = Tutor::new(&format!("exam-intro-{code}"), lang, (80, 24));
        t.press("jE");
        assert_eq!(t.app.context(), Context::QuizIntro);
        snapshot(&format!("exam_intro_{code}_80x24"), &t);
        t.press("\x1b");
        assert_eq!(t.app.context(), Context::CourseMap, "Esc before the start");
        assert!(
            !t.home.join("exam-in-progress.json").exists(),
            "nothing started"
        );
    }
}

#[test]
fn an_exam_in_the_tui_counts_down_and_ends_when_the_time_is_up() {
    let mut t = Tutor::new("exam", Lang::En, (80, 24));
    t.press("jE");
    let Screen::Quiz(quiz) = t.app.screen() else {
        panic!("an exam")
    };
    let QuizMode::Exam(session) = &quiz.mode else {
        panic!("in exam mode")
    };
    // `kubetutor exam` with the same seed chooses the same items in the same order.
    let spec = SessionSpec {
        kind: SessionKind::Exam,
        lessons: session.lessons.clone(),
        count: None,
        seed: session.seed,
        minutes: session.minutes,
        pass_mark: session.pass_mark,
    };
    let plain = Session::start(&course(), &spec, session.started_at).unwrap();
    assert_eq!(plain, **session);
    let asked: Vec<&str> = quiz.entries.iter().map(|e| e.item.id.as_str()).collect();
    let chosen: Vec<&str> = plain.items.iter().map(|i| i.item.as_str()).collect();
    assert_eq!(asked, chosen);
    let total = quiz.entries.len();
    t.app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    let effects = t.app.take_effects();
    assert!(
        effects.iter().any(|e| matches!(e, Effect::TickAfter(_))),
        "the timer ticks once the exam starts"
    );
    assert!(effects.iter().any(|e| matches!(e, Effect::SaveExam(_))));
    snapshot("exam_question_en_80x24", &t);
    t.answer_anything();
    t.answer_anything();
    let shown = t.screen();
    assert!(
        shown.contains(&format!("3/{total}")),
        "no feedback between items: {shown}"
    );
    // An hour later the exam (a minute per item) is over.
    t.app
        .handle_event(Event::Tick(t.app.now() + chrono::Duration::minutes(60)));
    t.run_effects();
    snapshot("exam_time_up_en_80x24", &t);
    assert!(
        !t.home.join("exam-in-progress.json").exists(),
        "a finished exam is forgotten"
    );
    let answers = t.store().answers().unwrap();
    assert_eq!(answers.len(), 2);
    assert!(answers.iter().all(|a| a.mode == "exam"));
    let Screen::Quiz(quiz) = t.app.screen() else {
        panic!("the exam's summary")
    };
    let QuizMode::Exam(session) = &quiz.mode else {
        panic!("in exam mode")
    };
    assert_eq!(session.answers.iter().flatten().count(), 2);
    assert_eq!(quiz.score(), session.score());
}

/// The exam under way on the tutor's screen.
fn exam_session(t: &Tutor) -> Session {
    match &t.quiz().mode {
        QuizMode::Exam(session) => (**session).clone(),
        _ => panic!("an exam"),
    }
}

#[test]
fn esc_asks_and_a_left_exam_resumes_with_the_time_left() {
    let mut t = Tutor::new("exam-resume", Lang::En, (80, 24));
    t.press("jE\n");
    let started = exam_session(&t);
    let deadline = started.deadline.unwrap();
    t.answer_anything();
    t.press("\t");
    t.answer_anything();
    t.press("\x1b");
    assert_eq!(t.app.context(), Context::Confirm, "Esc asks first");
    snapshot("exam_confirm_leave_en_80x24", &t);
    t.press("n");
    assert!(
        !matches!(t.app.context(), Context::Confirm | Context::CourseMap),
        "still asking"
    );
    assert!(exam_session(&t).answered() == 2);
    t.press("\x1by");
    assert_eq!(t.app.context(), Context::CourseMap);
    let saved = Session::load(&t.home).unwrap().expect("kept for resuming");
    assert_eq!((saved.answered(), saved.skipped.clone()), (2, vec![1]));

    // `kubetutor exam --resume` sees the same exam.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("kubetutor"))
        .env("KUBETUTOR_HOME", &t.home)
        .env("LANG", "C")
        .args(["exam", "--resume"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("2 of {} answered", saved.items.len())),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(3), "stopped again: {text}");

    // Five minutes later, E resumes it with the time that is left.
    let later = t.app.now() + chrono::Duration::minutes(5);
    t.app.handle_event(Event::Tick(later));
    t.press("E");
    assert_eq!(t.app.context(), Context::ExamResume);
    snapshot("exam_resume_en_80x24", &t);
    t.press("\n");
    let resumed = exam_session(&t);
    assert_eq!(resumed.deadline, Some(deadline), "the clock kept running");
    assert_eq!(resumed.answered(), 2);
    assert_eq!(
        t.quiz().index,
        3,
        "the next unanswered item; the skipped one comes last"
    );
    let left = resumed.time_left(later).unwrap();
    assert_eq!(left, (deadline - later).to_std().unwrap());
    assert!(t.screen().contains(&format!(
        "{}:{:02}",
        left.as_secs() / 60,
        left.as_secs() % 60
    )));
}

/// Every size from 1×1 to 300×100 on one screen, reached by `keys`; too
/// slow for every test run (CI runs the stepped sweep above). Run them with
/// `cargo test --test tui_learning full_sweep -- --ignored` (one test per screen,
/// so they run in parallel).
fn full_sweep(keys: &str) {
    let mut t = Tutor::new(&format!("full-sweep-{}", keys.len()), Lang::Ja, (80, 24));
    t.press(keys);
    if keys.contains('E') {
        // The exam's time is up: its summary is the screen swept.
        t.app
            .handle_event(Event::Tick(Utc::now() + chrono::Duration::days(1)));
    }
    let mut terminal = Terminal::new(TestBackend::new(300, 100)).expect("terminal");
    for width in 1..=300 {
        for height in 1..=100 {
            t.app.handle_event(Event::Resize(width, height));
            terminal.backend_mut().resize(width, height);
            terminal.draw(|frame| render(&t.app, frame)).expect("draws");
        }
    }
}

#[test]
#[ignore = "minutes; the stepped sweep runs in CI"]
fn full_sweep_course_map() {
    full_sweep("");
}

#[test]
#[ignore = "minutes; the stepped sweep runs in CI"]
fn full_sweep_reader() {
    full_sweep("j\n");
}

#[test]
#[ignore = "minutes; the stepped sweep runs in CI"]
fn full_sweep_quiz() {
    full_sweep("u");
}

#[test]
#[ignore = "minutes; the stepped sweep runs in CI"]
fn full_sweep_quiz_feedback() {
    full_sweep("u \n");
}

#[test]
#[ignore = "minutes; the stepped sweep runs in CI"]
fn full_sweep_exam_summary() {
    full_sweep("jE\n");
}

#[test]
#[ignore = "minutes; the stepped sweep runs in CI"]
fn full_sweep_exercise_list() {
    full_sweep("jx");
}

#[test]
#[ignore = "minutes; the stepped sweep runs in CI"]
fn full_sweep_exercise() {
    full_sweep("jx\n");
}

#[test]
fn a_pass_comes_first_with_its_warnings_folded_and_n_opens_the_next_exercise() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Ja, "ja")] {
        let mut t = Tutor::new(&format!("fold-{code}"), lang, (100, 30));
        t.press("jx\n");
        let Screen::Exercise(screen) = t.app.screen() else {
            panic!("exercise screen")
        };
        let (path, id) = (screen.path.clone(), screen.exercise.id.clone());
        // The solution and a scratch Pod that only draws lint warnings.
        let noisy = format!(
            "{}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: scratch\nspec:\n  containers:\n    - name: scratch\n      image: busybox\n",
            screen.exercise.solution
        );
        std::fs::write(&path, noisy).unwrap();
        t.app.handle_event(Event::FileChanged(path.clone()));
        t.run_effects();
        t.app.handle_event(Event::Tick(Utc::now()));
        let Screen::Exercise(screen) = t.app.screen() else {
            panic!("exercise screen")
        };
        let verdict = screen.verdict.as_ref().unwrap();
        assert!(verdict.passed, "{verdict:#?}");
        assert!(verdict.findings.len() >= 2);
        snapshot(&format!("exercise_pass_folded_{code}_100x30"), &t);
        t.press("w");
        let shown = t.screen();
        assert!(
            !shown.contains("w to show") && !shown.contains("wで表示"),
            "{shown}"
        );
        t.press("n");
        let Screen::Exercise(next) = t.app.screen() else {
            panic!("the next exercise")
        };
        let expected = course().next_exercise(&id).map(|e| e.id.clone());
        assert_eq!(Some(next.exercise.id.clone()), expected);
        t.press("\x1b");
        assert_eq!(t.app.context(), Context::Exercises, "n replaced the screen");
    }
}
