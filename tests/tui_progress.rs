//! The reader saves reading progress through the real update function: the
//! lesson is recorded as opened, the place is kept across sessions (also at
//! another width), reaching the end marks it finished, a database another
//! process holds shows "saving…" and the save lands once it is free, and a
//! store that cannot save says so in the status bar instead of failing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::Utc;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kubetutor::content::{Course, PackSource};
use kubetutor::i18n::Lang;
use kubetutor::progress::Store;
use kubetutor::tui::{Action, App, Event, Headless, Screen, Theme, render};
use kubetutor::workspace::Workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(home: &std::path::Path, size: (u16, u16)) -> App {
    let course = Course::load(&PackSource::BuiltIn).expect("built-in course loads");
    let store = Store::open_in(home, Utc::now()).expect("store").store;
    App::new(course, Lang::En, Theme::plain(), size).with_progress(store, Workspace::new(home))
}

/// A key, then what the loop would do with the effects.
fn press(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    Headless::new().settle(app);
}

/// The bottom line of the screen.
fn status_line(app: &App, size: (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    terminal.draw(|frame| render(app, frame)).unwrap();
    (0..size.0)
        .filter_map(|x| {
            terminal
                .backend()
                .buffer()
                .cell((x, size.1 - 1))
                .map(|c| c.symbol().to_string())
        })
        .collect()
}

fn scroll(app: &App) -> usize {
    match app.screen() {
        Screen::Reader(reader) => reader.scroll,
        _ => panic!("not reading"),
    }
}

/// The block of the lesson at the top of the reader: the place, whatever the width.
fn top_block(app: &App) -> usize {
    match app.screen() {
        Screen::Reader(reader) => reader.layout.block_at(reader.scroll),
        _ => panic!("not reading"),
    }
}

#[test]
fn the_place_in_a_lesson_is_kept_between_sessions() {
    let home = tempfile::tempdir().unwrap();
    let size = (80, 24);
    let mut first = app(home.path(), size);
    press(&mut first, KeyCode::Enter);
    for _ in 0..3 {
        press(&mut first, KeyCode::PageDown);
    }
    let place = top_block(&first);
    assert!(place > 0);
    first.update(Action::Quit);
    Headless::new().settle(&mut first);
    drop(first);

    let store = Store::open_in(home.path(), Utc::now()).unwrap().store;
    let states = store.lesson_states().unwrap();
    assert_eq!(states.len(), 1);
    assert_eq!(states[0].lesson_id, "resource-categories");
    assert_eq!(states[0].scroll as usize, place);
    assert_eq!(states[0].finished_at, None);
    drop(store);

    // Reopened, also in a narrower terminal: the same block is at the top.
    for size in [size, (40, 12)] {
        let mut again = app(home.path(), size);
        press(&mut again, KeyCode::Enter);
        assert_eq!(top_block(&again), place, "at {size:?}");
        assert!(scroll(&again) > 0);
    }
}

#[test]
fn reaching_the_end_marks_the_lesson_finished() {
    let home = tempfile::tempdir().unwrap();
    let mut app = app(home.path(), (80, 24));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Esc);
    drop(app);
    let store = Store::open_in(home.path(), Utc::now()).unwrap().store;
    let states = store.lesson_states().unwrap();
    assert_eq!(states[0].lesson_id, "workload-apis");
    assert!(states[0].finished_at.is_some());
}

#[test]
fn a_busy_database_shows_saving_and_the_save_lands_later() {
    let home = tempfile::tempdir().unwrap();
    let size = (80, 24);
    let mut app = app(home.path(), size);
    let mut effects = Headless::new();
    // Another process holds the write lock.
    let conn = rusqlite::Connection::open(home.path().join("progress.db")).unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    effects.settle(&mut app);
    assert!(
        app.progress_problem().is_none(),
        "a busy database is no failure"
    );
    let status = status_line(&app, size);
    assert!(status.contains("saving"), "{status}");
    // The reader still answers while the save waits.
    app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::PageDown,
        KeyModifiers::NONE,
    )));
    assert!(scroll(&app) > 0);
    conn.execute_batch("ROLLBACK;").unwrap();
    effects.settle(&mut app);
    assert!(!status_line(&app, size).contains("saving"));
    let store = Store::open_in(home.path(), Utc::now()).unwrap().store;
    assert_eq!(
        store.lesson_states().unwrap().len(),
        1,
        "the opening was saved"
    );
}

#[test]
fn a_failed_save_is_shown_not_fatal() {
    let home = tempfile::tempdir().unwrap();
    let size = (80, 24);
    let mut app = app(home.path(), size);
    // Another kubetutor, newer than this one, upgraded the database meanwhile.
    let conn = rusqlite::Connection::open(home.path().join("progress.db")).unwrap();
    conn.execute_batch("PRAGMA user_version = 999;").unwrap();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    let problem = app.progress_problem().expect("the failed save is kept");
    assert!(problem.contains("newer kubetutor"), "{problem}");
    let status = status_line(&app, size);
    assert!(status.contains("progress not saved:"), "{status}");
}
