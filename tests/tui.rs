//! Screens drawn on ratatui's TestBackend after real key presses, compared
//! with insta snapshots, at the smallest supported size and a common one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use kubetutor::content::{Course, PackSource};
use kubetutor::i18n::Lang;
use kubetutor::tui::{App, Event, Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::OnceLock;
use unicode_width::UnicodeWidthStr;

fn app(lang: Lang, size: (u16, u16)) -> App {
    static COURSE: OnceLock<Course> = OnceLock::new();
    let course =
        COURSE.get_or_init(|| Course::load(&PackSource::BuiltIn).expect("built-in course loads"));
    App::new(course.clone(), lang, Theme::plain(), size)
}

/// A screen row without the reader's scrollbar and padding.
fn text_of(row: &str) -> &str {
    row.trim_end_matches(['│', '┃', '"'])
        .trim_matches(['"', ' '])
}

/// The rows of the drawn screen as plain text.
fn rows(app: &App, size: (u16, u16)) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("test terminal");
    let frame = terminal.draw(|frame| render(app, frame)).expect("draws");
    let buffer = frame.buffer;
    (0..size.1)
        .map(|y| {
            (0..size.0)
                .filter_map(|x| buffer.cell((x, y)).map(|cell| cell.symbol().to_string()))
                .collect()
        })
        .collect()
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

fn screen(app: &App, size: (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("test terminal");
    terminal.draw(|frame| render(app, frame)).expect("draws");
    terminal.backend().to_string()
}

fn snapshot_after(name: &str, lang: Lang, size: (u16, u16), keys: &str) {
    let mut app = app(lang, size);
    press(&mut app, keys);
    insta::assert_snapshot!(name, screen(&app, size));
}

#[test]
fn course_map_en_80x24() {
    snapshot_after("course_map_en_80x24", Lang::En, (80, 24), "");
}

#[test]
fn course_map_ja_80x24() {
    snapshot_after("course_map_ja_80x24", Lang::Ja, (80, 24), "");
}

#[test]
fn course_map_en_40x12() {
    snapshot_after("course_map_en_40x12", Lang::En, (40, 12), "j");
}

#[test]
fn course_map_ja_40x12() {
    snapshot_after("course_map_ja_40x12", Lang::Ja, (40, 12), "j");
}

#[test]
fn lesson_en_80x24() {
    snapshot_after("lesson_en_80x24", Lang::En, (80, 24), "j\n");
}

#[test]
fn lesson_ja_80x24() {
    snapshot_after("lesson_ja_80x24", Lang::Ja, (80, 24), "j\n");
}

#[test]
fn lesson_en_40x12_after_paging() {
    snapshot_after("lesson_en_40x12_paged", Lang::En, (40, 12), "\n  ");
}

#[test]
fn lesson_ja_40x12() {
    snapshot_after("lesson_ja_40x12", Lang::Ja, (40, 12), "\njjj");
}

#[test]
fn table_of_contents_jumps_to_a_heading() {
    let size = (80, 24);
    let mut app = app(Lang::En, size);
    press(&mut app, "j\nt");
    insta::assert_snapshot!("toc_en_80x24", screen(&app, size));
    press(&mut app, "jj\n");
    insta::assert_snapshot!("toc_jumped_en_80x24", screen(&app, size));
}

#[test]
fn search_finds_and_steps_through_matches() {
    let size = (80, 24);
    let mut app = app(Lang::En, size);
    press(&mut app, "j\n/cronjob");
    let typing = screen(&app, size);
    assert!(typing.contains("Search: cronjob▏"), "{typing}");
    press(&mut app, "\n");
    let first = screen(&app, size);
    assert!(
        first.contains("1/") && first.contains("match “cronjob”"),
        "{first}"
    );
    press(&mut app, "n");
    insta::assert_snapshot!("search_second_match_en_80x24", screen(&app, size));
    press(&mut app, "/zzzz-not-there\n");
    assert!(screen(&app, size).contains("No match for “zzzz-not-there”"));
}

#[test]
fn help_overlay_lists_the_keys_of_the_screen() {
    snapshot_after("help_reader_ja_80x24", Lang::Ja, (80, 24), "\n?");
    snapshot_after("help_map_en_40x12", Lang::En, (40, 12), "?");
}

#[test]
fn q_and_esc_go_back_then_quit() {
    let mut app = app(Lang::En, (80, 24));
    press(&mut app, "\n?\u{1b}");
    assert!(screen(&app, (80, 24)).contains("Kubernetes resource categories"));
    press(&mut app, "q");
    assert!(screen(&app, (80, 24)).contains("Objectives"));
    assert!(!app.should_quit());
    press(&mut app, "\u{1b}");
    assert!(app.should_quit());
}

#[test]
fn resizing_relayouts_and_keeps_the_place() {
    let mut app = app(Lang::En, (80, 24));
    press(&mut app, "j\nt");
    press(&mut app, "jjj\n");
    let heading = text_of(&rows(&app, (80, 24))[1]).to_string();
    app.handle_event(Event::Resize(40, 12));
    let narrow = rows(&app, (40, 12));
    assert_eq!(text_of(&narrow[1]), heading, "{narrow:#?}");
    assert!(narrow.iter().all(|l| l.width() == 40), "{narrow:#?}");
    app.handle_event(Event::Resize(80, 24));
    assert_eq!(text_of(&rows(&app, (80, 24))[1]), heading);
}

#[test]
fn an_untranslated_lesson_shows_english_with_a_note() {
    let course =
        Course::load(&PackSource::Dir("tests/fixtures/packs/english-only".into())).expect("loads");
    let size = (40, 12);
    let mut app = App::new(course, Lang::Ja, Theme::plain(), size);
    press(&mut app, "\n");
    insta::assert_snapshot!("fallback_note_ja_40x12", screen(&app, size));
}

#[test]
fn selection_and_search_matches_are_styled() {
    let course = Course::load(&PackSource::BuiltIn).expect("loads");
    let size = (80, 24);
    let mut app = App::new(course, Lang::En, Theme::dark(), size);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("test terminal");
    let frame = terminal.draw(|frame| render(&app, frame)).expect("draws");
    let selected = frame.buffer.cell((4, 2)).expect("first lesson row").style();
    let other = frame
        .buffer
        .cell((4, 3))
        .expect("second lesson row")
        .style();
    assert_ne!(selected.bg, other.bg, "the selected row stands out");
    press(&mut app, "\n/kind\n");
    let frame = terminal.draw(|frame| render(&app, frame)).expect("draws");
    let highlighted = (0..size.1)
        .flat_map(|y| (0..size.0).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            frame
                .buffer
                .cell((x, y))
                .is_some_and(|c| c.bg == ratatui::style::Color::Yellow)
        })
        .count();
    assert!(
        highlighted >= 4,
        "the match “kind” is highlighted ({highlighted} cells)"
    );
}

#[test]
fn keys_wait_while_the_terminal_is_too_small() {
    let mut app = app(Lang::En, (80, 24));
    app.handle_event(Event::Resize(30, 8));
    press(&mut app, "\n");
    app.handle_event(Event::Resize(80, 24));
    assert!(
        screen(&app, (80, 24)).contains("Objectives"),
        "Enter did nothing while hidden"
    );
    app.handle_event(Event::Resize(30, 8));
    press(&mut app, "q");
    assert!(app.should_quit(), "q still quits");
}

#[test]
fn too_small_terminal_shows_a_note() {
    for (lang, text) in [
        (Lang::En, "Terminal too small"),
        (Lang::Ja, "端末が小さすぎます"),
    ] {
        let mut app = app(lang, (30, 8));
        app.handle_event(Event::Resize(30, 8));
        let shown = screen(&app, (30, 8));
        assert!(shown.contains(text), "{shown}");
        assert!(shown.contains("30×8"), "{shown}");
    }
}

#[test]
fn mouse_wheel_scrolls_and_click_opens() {
    let size = (80, 24);
    let mut app = app(Lang::En, size);
    let mouse = |kind, row| {
        Event::Mouse(MouseEvent {
            kind,
            column: 5,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    app.handle_event(mouse(
        MouseEventKind::Down(crossterm::event::MouseButton::Left),
        4,
    ));
    assert!(
        screen(&app, size).contains("Objectives"),
        "first click selects"
    );
    app.handle_event(mouse(
        MouseEventKind::Down(crossterm::event::MouseButton::Left),
        4,
    ));
    let opened = screen(&app, size);
    assert!(
        opened
            .lines()
            .next()
            .unwrap_or_default()
            .contains("Workload APIs"),
        "{opened}"
    );
    let before = rows(&app, size);
    app.handle_event(mouse(MouseEventKind::ScrollDown, 10));
    let after = rows(&app, size);
    assert_eq!(text_of(&after[1]), text_of(&before[4]), "three lines down");
    assert_ne!(text_of(&after[1]), text_of(&before[1]));
}

#[test]
fn every_size_from_1x1_draws_without_panicking() {
    for lang in [Lang::En, Lang::Ja] {
        for width in (1..=121).step_by(12) {
            for height in (1..=41).step_by(5) {
                for keys in ["", "\n", "\nt", "\n?", "\nG"] {
                    let mut app = app(lang, (width, height));
                    press(&mut app, keys);
                    screen(&app, (width, height));
                }
            }
        }
    }
}
