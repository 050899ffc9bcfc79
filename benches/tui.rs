//! Key press to frame: one key through `App::handle_event` (the same update
//! function the event loop runs) and a full redraw into an 80×24 buffer, for
//! the keys a learner presses most: scrolling a lesson, moving on the course
//! map, choosing and answering quiz options, moving in the exercise results.
//! Target: < 16 ms per key (one frame at 60 Hz).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kubetutor::content::{Course, PackSource};
use kubetutor::i18n::Lang;
use kubetutor::tui::{App, Effect, Event, Theme, render, run_job};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        app.handle_event(key(code));
        for effect in app.take_effects() {
            if let Effect::Grade(job) = effect {
                app.handle_event(Event::Graded(Box::new(run_job(&job))));
            }
        }
    }
}

fn benches(c: &mut Criterion) {
    let course = Course::load(&PackSource::BuiltIn).expect("loads");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut bench = |name: &str, lang: Lang, setup: &str, keys: [KeyCode; 2]| {
        let mut app = App::new(course.clone(), lang, Theme::dark(), (80, 24)).with_quiz_seed(1);
        press(&mut app, setup);
        let mut flip = 0;
        c.bench_function(name, |b| {
            b.iter(|| {
                flip ^= 1;
                app.handle_event(key(black_box(keys[flip])));
                terminal.draw(|frame| render(&app, frame)).expect("draws");
            })
        });
    };
    bench(
        "key to frame: course map j/k",
        Lang::En,
        "",
        [KeyCode::Char('j'), KeyCode::Char('k')],
    );
    bench(
        "key to frame: lesson scroll (ja) j/k",
        Lang::Ja,
        "j\n",
        [KeyCode::Char('j'), KeyCode::Char('k')],
    );
    bench(
        "key to frame: quiz option ↓/↑",
        Lang::En,
        "ju",
        [KeyCode::Down, KeyCode::Up],
    );
    bench(
        "key to frame: quiz feedback scroll",
        Lang::En,
        "ju \n",
        [KeyCode::Down, KeyCode::Up],
    );
}

criterion_group!(tui, benches);
criterion_main!(tui);
