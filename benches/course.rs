//! Startup costs: loading the built-in course, laying out the longest lesson
//! at 80 columns, and everything up to the first drawn frame.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kubetutor::content::{Course, PackSource};
use kubetutor::i18n::Lang;
use kubetutor::markdown::layout;
use kubetutor::tui::{App, Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn longest_lesson(course: &Course) -> &kubetutor::content::Lesson {
    course
        .lessons()
        .iter()
        .flat_map(|set| Lang::ALL.into_iter().filter_map(|lang| set.get(lang)))
        .map(|localized| localized.lesson)
        .max_by_key(|lesson| lesson.body.len())
        .expect("the course has lessons")
}

fn benches(c: &mut Criterion) {
    c.bench_function("load built-in course", |b| {
        b.iter(|| Course::load(black_box(&PackSource::BuiltIn)).expect("loads"))
    });

    let course = Course::load(&PackSource::BuiltIn).expect("loads");
    let lesson = longest_lesson(&course);
    c.bench_function("parse + lay out longest lesson at 80 columns", |b| {
        b.iter(|| layout(&course.document(black_box(lesson)), 80))
    });

    let hostile = "*a* ".repeat(150_000);
    let document = kubetutor::markdown::parse(&hostile, &|_| None);
    c.bench_function("lay out a 600 KB paragraph of 150,000 styled runs", |b| {
        b.iter(|| layout(black_box(&document), 80))
    });

    c.bench_function("course load + first frame (80x24)", |b| {
        b.iter(|| {
            let course = Course::load(&PackSource::BuiltIn).expect("loads");
            let app = App::new(course, Lang::En, Theme::dark(), (80, 24));
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            terminal.draw(|frame| render(&app, frame)).expect("draws");
        })
    });
}

criterion_group!(startup, benches);
criterion_main!(startup);
