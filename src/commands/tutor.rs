//! `kubetutor` without a subcommand: the tutor in the terminal, with the
//! learner's progress and workspace when the data directory can be used,
//! and without saving (the status bar says why) when it cannot.

use std::io::IsTerminal;

use chrono::Utc;

use super::{CommandError, Context, Exit};
use crate::content::Course;
use crate::i18n::Errors;
use crate::paths;
use crate::progress::Store;
use crate::tui::{self, App, Theme, ThemeName};
use crate::workspace::Workspace;

/// Starts the tutor; `theme` is remembered for next time; `seed` fixes the
/// order of the first quiz or exam (and so of every later one).
pub fn run(
    context: &Context,
    theme: Option<ThemeName>,
    seed: Option<u64>,
) -> Result<Exit, CommandError> {
    let course = Course::load(&context.source)?;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(CommandError::Refused(
            Errors::NeedsTerminal.text(context.lang).into(),
        ));
    }
    let dir = paths::data_dir().ok();
    let opened = match &dir {
        Some(dir) => Store::open_in(dir, Utc::now()).map_err(|err| err.to_string()),
        None => Err(paths::data_dir()
            .err()
            .map(|err| err.to_string())
            .unwrap_or_default()),
    };
    let (mut store, problem, kept_damaged) = match opened {
        Ok(opened) => (Some(opened.store), None, opened.kept_damaged),
        Err(problem) => (None, Some(problem), None),
    };
    if let (Some(store), Some(theme)) = (store.as_mut(), theme)
        && let Err(err) = store.set_setting("theme", theme.as_str())
    {
        eprintln!("kubetutor: warning: the theme will not be remembered: {err}");
    }
    let saved = store
        .as_ref()
        .and_then(|store| store.setting("theme").ok().flatten())
        .and_then(|name| ThemeName::parse(&name));
    let theme = Theme::choose(theme.or(saved), std::env::var_os("NO_COLOR"));
    let mut app = App::new(course, context.lang, theme, tui::MIN_SIZE);
    match (store, &dir) {
        (Some(store), Some(dir)) => app = app.with_progress(store, Workspace::new(dir)),
        (None, Some(dir)) => app = app.with_workspace(Workspace::new(dir)),
        _ => {}
    }
    if let Some(problem) = problem {
        app.set_progress_problem(problem);
    }
    if let Some(seed) = seed {
        app = app.with_quiz_seed(seed);
    }
    tui::run(app).map_err(CommandError::Terminal)?;
    if let Some(kept) = kept_damaged {
        eprintln!(
            "kubetutor: note: the progress database could not be read; it was kept as {} and a new one was started",
            kept.display()
        );
    }
    Ok(Exit::Success)
}
