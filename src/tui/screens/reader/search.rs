//! Searching the open lesson: the query being typed, the matching lines, and
//! which match is current.

use crate::markdown::Layout;

/// The reader's search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    input: Option<String>,
    query: String,
    matches: Vec<usize>,
    current: Option<usize>,
}

/// What the status line says about the search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchStatus<'a> {
    Idle,
    Typing(&'a str),
    NoMatch(&'a str),
    Match { index: usize, total: usize },
}

impl Search {
    /// Whether a query is being typed.
    pub fn typing(&self) -> bool {
        self.input.is_some()
    }

    /// The submitted query ("" when none), for highlighting.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// What to show in the status line.
    pub fn status(&self) -> SearchStatus<'_> {
        match (&self.input, self.current) {
            (Some(input), _) => SearchStatus::Typing(input),
            (None, Some(index)) => SearchStatus::Match {
                index: index + 1,
                total: self.matches.len(),
            },
            (None, None) if !self.query.is_empty() => SearchStatus::NoMatch(&self.query),
            (None, None) => SearchStatus::Idle,
        }
    }

    /// The line of the current match.
    pub fn current_line(&self) -> Option<usize> {
        self.current
            .and_then(|index| self.matches.get(index).copied())
    }

    pub(crate) fn start(&mut self) {
        self.input = Some(String::new());
    }

    pub(crate) fn push(&mut self, c: char) {
        if let Some(input) = &mut self.input
            && !c.is_control()
        {
            input.push(c);
        }
    }

    pub(crate) fn pop(&mut self) {
        if let Some(input) = &mut self.input {
            input.pop();
        }
    }

    pub(crate) fn cancel(&mut self) {
        self.input = None;
    }

    /// Runs the typed query; the first match at or below `from` becomes current.
    pub(crate) fn submit(&mut self, layout: &Layout, from: usize) {
        let query = self.input.take().unwrap_or_default();
        self.query = query.trim().to_string();
        self.matches = matching_lines(layout, &self.query);
        self.current = (!self.matches.is_empty()).then(|| {
            self.matches
                .iter()
                .position(|&line| line >= from)
                .unwrap_or(0)
        });
    }

    /// Moves to the next or previous match, wrapping around.
    pub(crate) fn step(&mut self, forward: bool, from: usize) {
        let total = self.matches.len();
        if total == 0 {
            return;
        }
        self.current = Some(match self.current {
            Some(index) if forward => (index + 1) % total,
            Some(index) => (index + total - 1) % total,
            None => self
                .matches
                .iter()
                .position(|&line| line >= from)
                .unwrap_or(0),
        });
    }

    /// Finds the matches again after the lesson was laid out anew.
    pub(crate) fn relocate(&mut self, layout: &Layout) {
        self.matches = matching_lines(layout, &self.query);
        self.current = match (self.current, self.matches.len()) {
            (_, 0) => None,
            (current, total) => current.map(|index| index.min(total - 1)),
        };
    }
}

fn matching_lines(layout: &Layout, query: &str) -> Vec<usize> {
    if query.is_empty() {
        return Vec::new();
    }
    layout
        .lines
        .iter()
        .enumerate()
        .filter(|(_, line)| !find_in_line(&line.plain_text(), query).is_empty())
        .map(|(index, _)| index)
        .collect()
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Case-insensitive occurrences of `query` in `text`, as (first char, char
/// count) pairs, so the view can highlight them.
pub(crate) fn find_in_line(text: &str, query: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = query.chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let haystack: Vec<char> = text.chars().map(fold).collect();
    let mut found = Vec::new();
    let mut start = 0;
    while start + needle.len() <= haystack.len() {
        if haystack[start..start + needle.len()] == needle[..] {
            found.push((start, needle.len()));
            start += needle.len();
        } else {
            start += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{layout, parse};

    fn lesson() -> Layout {
        layout(
            &parse(
                "Pods run.\n\nA pod is small.\n\nNothing.\n\nPOD again.",
                &|_| None,
            ),
            40,
        )
    }

    fn search(query: &str) -> Search {
        let mut search = Search::default();
        search.start();
        query.chars().for_each(|c| search.push(c));
        search.submit(&lesson(), 0);
        search
    }

    #[test]
    fn finds_lines_case_insensitively() {
        let search = search("pod");
        assert_eq!(search.matches, [0, 2, 6]);
        assert_eq!(search.status(), SearchStatus::Match { index: 1, total: 3 });
    }

    #[test]
    fn steps_wrap_around() {
        let mut search = search("pod");
        search.step(false, 0);
        assert_eq!(search.current_line(), Some(6));
        search.step(true, 0);
        assert_eq!(search.current_line(), Some(0));
    }

    #[test]
    fn no_match_is_reported() {
        let search = search("deployment");
        assert_eq!(search.status(), SearchStatus::NoMatch("deployment"));
        assert_eq!(search.current_line(), None);
    }

    #[test]
    fn finds_japanese_and_positions() {
        assert_eq!(find_in_line("PodとPOD", "pod"), [(0, 3), (4, 3)]);
        assert_eq!(find_in_line("名前空間の名前", "名前"), [(0, 2), (5, 2)]);
    }
}
