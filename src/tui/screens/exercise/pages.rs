//! The exercise screen's three panes as text: the instructions with the
//! hints revealed so far, the learner's file with line numbers, and the
//! results with the source line and a caret under the column.

use super::{ExerciseScreen, ResultKind};
use crate::i18n::{Lang, Msg};
use crate::markdown::{self, Role, StyledLine};
use crate::tui::widgets::page::{Mark, Page, PageBuilder};

impl ExerciseScreen {
    /// The instructions, with the hints revealed so far at the end.
    pub fn instructions_page(&self, lang: Lang, width: usize) -> Page {
        let mut page = PageBuilder::new(width);
        page.markdown(self.exercise.instructions.get(lang));
        let hints = self.exercise.hints.get(lang);
        for (index, hint) in hints.iter().take(self.hints_shown).enumerate() {
            page.blank();
            page.hanging(
                &format!(
                    "{} {}/{}: ",
                    Msg::ExerciseHint.text(lang),
                    index + 1,
                    hints.len()
                ),
                hint,
                Role::Note,
                Mark::Plain,
                None,
            );
        }
        page.blank();
        page.hanging(
            &format!("{} ", Msg::ExerciseFileAt.text(lang)),
            &self.path.display().to_string(),
            Role::Url,
            Mark::Plain,
            None,
        );
        page.finish()
    }

    /// The learner's file with line numbers, YAML highlighted; a wrapped
    /// line's continuation has an empty gutter, so the numbers stay the file's.
    pub fn file_lines(&self, width: usize) -> Vec<StyledLine> {
        match &self.source {
            Some(source) => markdown::numbered_yaml(source, width),
            None => Vec::new(),
        }
    }

    /// The results page: each result with the source line it points at and a
    /// caret under the column; `targets` maps lines to result indices.
    pub fn results_page(&self, lang: Lang, width: usize) -> Page {
        let mut page = PageBuilder::new(width);
        if let Some(problem) = &self.problem {
            page.hanging(
                "✗ ",
                &format!("{}: {problem}", Msg::ExerciseFileProblem.text(lang)),
                Role::Text,
                Mark::Wrong,
                None,
            );
            return page.finish();
        }
        let Some(verdict) = &self.verdict else {
            page.text(Msg::ExerciseGrading.text(lang), Role::Note);
            return page.finish();
        };
        let (headline, mark) = if verdict.passed {
            (Msg::ExercisePassed, Mark::Right)
        } else {
            (Msg::ExerciseNotYet, Mark::Wrong)
        };
        page.hanging("", headline.text(lang), Role::Heading(2), mark, None);
        let source_lines: Vec<&str> = self.source.as_deref().unwrap_or_default().lines().collect();
        for (index, item) in self.results(lang).iter().enumerate() {
            let line_mark = match (index == self.selected, item.level) {
                (true, _) => Mark::Cursor,
                (false, ResultKind::Failed) => Mark::Wrong,
                (false, ResultKind::Warning) => Mark::Plain,
                (false, ResultKind::Passed) => Mark::Right,
            };
            page.hanging(
                item.level.sign(),
                &item.message,
                Role::Text,
                line_mark,
                Some(index),
            );
            if item.level == ResultKind::Passed {
                continue;
            }
            if let (Some(line), Some(column)) = (item.line, item.column)
                && let Some(text) = source_lines.get(line.saturating_sub(1))
            {
                let number = line.to_string();
                page.hanging(
                    &format!("  {number} │ "),
                    text,
                    Role::Code,
                    Mark::Plain,
                    Some(index),
                );
                let caret_at = markdown::display_width(
                    text.char_indices()
                        .nth(column.saturating_sub(1))
                        .map_or(*text, |(offset, _)| &text[..offset]),
                );
                page.hanging(
                    &format!("  {} │ {}", " ".repeat(number.len()), " ".repeat(caret_at)),
                    "^",
                    Role::Note,
                    Mark::Plain,
                    Some(index),
                );
            }
        }
        page.finish()
    }
}
