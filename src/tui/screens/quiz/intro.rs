//! The introduction of an exam and of a review: what they hold and how they
//! go, before the first item. An exam's says how many items, how long, the
//! pass mark and that feedback waits for the end (or, for an unfinished
//! exam, how far it got and the time left); a review's says how many items
//! are due, or when the next one is and how many items each lesson still
//! has new. Enter starts.

use chrono::{DateTime, Duration, Utc};

use super::{Phase, QuizMode, QuizScreen};
use crate::exam::Session;
use crate::i18n::{Lang, Msg};
use crate::markdown::Role;
use crate::progress::ReviewOutlook;
use crate::tui::app::Shared;
use crate::tui::effect::Effect;
use crate::tui::overlays::{Confirm, Overlay};
use crate::tui::screens::Nav;
use crate::tui::widgets::page::{Mark, PageBuilder};

/// How long until something, in words: `7 min`, `2 h 10 min`, `3 days`.
pub(crate) fn wait_words(wait: Duration, lang: Lang) -> String {
    let minutes = wait.num_minutes().max(1);
    if minutes < 60 {
        Msg::WaitMinutes.fill(lang, &[("m", &minutes)])
    } else if minutes < 48 * 60 {
        Msg::WaitHours.fill(lang, &[("h", &(minutes / 60)), ("m", &(minutes % 60))])
    } else {
        Msg::WaitDays.fill(lang, &[("d", &(minutes / (24 * 60)))])
    }
}

impl QuizScreen {
    /// The introduction's page.
    pub(super) fn intro(&self, page: &mut PageBuilder, lang: Lang) {
        match &self.mode {
            QuizMode::Exam(session) if self.resumed => {
                resume_intro(page, session, self.started, lang);
            }
            QuizMode::Exam(session) => exam_intro(page, session, lang),
            QuizMode::Review(outlook) => review_intro(page, outlook, self.started, lang),
            QuizMode::Lesson => {}
        }
    }

    /// One action on the introduction: Enter starts (a review with nothing
    /// due goes back), `n` offers to replace an unfinished exam, Esc leaves.
    pub(super) fn intro_act(&mut self, start: bool, shared: &mut Shared<'_>) -> Nav {
        if !start {
            return Nav::Pop;
        }
        let now = shared.now;
        match &mut self.mode {
            QuizMode::Exam(session) => {
                if !self.resumed {
                    session.start_clock(now);
                    shared.effects.push(Effect::SaveExam(session.clone()));
                }
                shared
                    .effects
                    .push(Effect::TickAfter(std::time::Duration::from_secs(1)));
                if session.expired(now) {
                    self.time_up();
                } else {
                    self.next_exam_item(now);
                }
                self.finish_exam(shared);
            }
            QuizMode::Review(_) if self.entries.is_empty() => return Nav::Pop,
            QuizMode::Review(_) | QuizMode::Lesson => {
                self.index = 0;
                self.begin_item(now);
            }
        }
        Nav::Stay
    }

    /// `n` on an unfinished exam's introduction: ask before discarding it.
    pub(super) fn offer_new_exam(&self, shared: &mut Shared<'_>) {
        if self.resumed && self.phase == Phase::Intro {
            *shared.overlay = Some(Overlay::Confirm(Confirm::DiscardExam));
        }
    }

    /// The learner agreed to discard the unfinished exam: forget it and
    /// introduce a new exam of the lesson selected on the course map.
    pub(super) fn replace_exam(&mut self, shared: &mut Shared<'_>) {
        shared.effects.push(Effect::DiscardExam);
        let lesson = shared.lesson;
        let Some((_, session)) =
            super::start::lesson_session(lesson, crate::exam::SessionKind::Exam, shared)
        else {
            return;
        };
        *self = super::start::exam_screen(session, false, shared);
    }

    /// Once an exam reaches its summary, its saved state is forgotten.
    pub(super) fn finish_exam(&self, shared: &mut Shared<'_>) {
        if self.mode.is_exam() && self.phase == Phase::Summary {
            shared.effects.push(Effect::DiscardExam);
        }
    }
}

fn line(page: &mut PageBuilder, text: &str, role: Role) {
    page.hanging("", text, role, Mark::Plain, None);
}

/// A new exam: size, time, pass mark and the rules.
fn exam_intro(page: &mut PageBuilder, session: &Session, lang: Lang) {
    let minutes = session.minutes.unwrap_or_default();
    line(
        page,
        &Msg::ExamIntroItems.fill(
            lang,
            &[
                ("items", &session.items.len()),
                ("minutes", &minutes),
                ("pass", &session.pass_mark),
            ],
        ),
        Role::Heading(2),
    );
    page.blank();
    for rule in [Msg::ExamIntroRules, Msg::ExamIntroSkip, Msg::ExamIntroLeave] {
        line(page, rule.text(lang), Role::Text);
        page.blank();
    }
    line(page, Msg::ExamIntroStart.text(lang), Role::Note);
}

/// An unfinished exam: how far it got, the time left, what Enter and `n` do.
fn resume_intro(page: &mut PageBuilder, session: &Session, now: DateTime<Utc>, lang: Lang) {
    line(page, Msg::ExamResumeTitle.text(lang), Role::Heading(2));
    page.blank();
    let left = session.time_left(now).unwrap_or_default().as_secs();
    let state = Msg::ExamResumeState.fill(
        lang,
        &[
            ("answered", &session.answered()),
            ("items", &session.items.len()),
            ("left", &format!("{}:{:02}", left / 60, left % 60)),
        ],
    );
    line(page, &state, Role::Text);
    page.blank();
    line(page, Msg::ExamIntroRules.text(lang), Role::Text);
    page.blank();
    line(page, Msg::ExamResumeKeys.text(lang), Role::Note);
}

/// The review: due now, or when next; new items per lesson.
fn review_intro(page: &mut PageBuilder, outlook: &ReviewOutlook, now: DateTime<Utc>, lang: Lang) {
    let headline = match outlook.next_due {
        _ if !outlook.due.is_empty() => Msg::ReviewDueNow.fill(lang, &[("n", &outlook.due.len())]),
        Some(next) => Msg::ReviewNextDue.fill(lang, &[("wait", &wait_words(next - now, lang))]),
        None => Msg::ReviewNothingSeen.text(lang).to_string(),
    };
    line(page, &headline, Role::Heading(2));
    page.blank();
    line(page, Msg::ReviewHow.text(lang), Role::Text);
    page.blank();
    line(page, Msg::ReviewNewItems.text(lang), Role::Marker);
    for (_, title, new) in &outlook.new_items {
        page.hanging(&format!("{new:>4}  "), title, Role::Text, Mark::Plain, None);
    }
}
