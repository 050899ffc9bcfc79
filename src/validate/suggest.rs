//! "Did you mean …?": the closest known name to a misspelt one. One helper
//! for field names, kinds, time zones and rule ids, so every suggestion is
//! made by the same measure.

/// The candidate closest to `word` (compared without case, by
/// Damerau–Levenshtein distance) if it is at most `max_distance` edits away.
/// Ties go to the first candidate in sorted order, so the answer is stable.
pub fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max_distance: usize,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|name| {
            let distance = strsim::damerau_levenshtein(&word, &name.to_lowercase());
            (distance, name)
        })
        .filter(|(distance, _)| *distance <= max_distance)
        .min()
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_closest_name_within_reach() {
        let names = ["containers", "initContainers", "volumes"];
        assert_eq!(closest("contianers", names, 2), Some("containers"));
        assert_eq!(closest("Volumes", names, 2), Some("volumes"));
        assert_eq!(closest("hostname", names, 2), None);
    }

    #[test]
    fn ties_are_broken_by_name() {
        assert_eq!(closest("ab", ["ac", "aa"], 1), Some("aa"));
    }
}
