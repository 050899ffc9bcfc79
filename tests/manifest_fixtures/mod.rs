//! What the fixture-manifest tests share: listing a fixture folder and
//! reading the expectations written as comments in the fixtures.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The `*.yaml` files of `tests/fixtures/manifests/<folder>`, sorted.
pub fn files(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new("tests/fixtures/manifests").join(folder);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();
    files
}

/// (line, rule, path) of every `<marker> <rule> <path>` comment (several
/// separated by `;`), e.g. `# expect: api/required spec.containers`.
pub fn expectations(text: &str, marker: &str) -> BTreeSet<(usize, String, String)> {
    let mut expected = BTreeSet::new();
    for (index, line) in text.lines().enumerate() {
        let Some((_, spec)) = line.split_once(marker) else {
            continue;
        };
        for one in spec.split(';') {
            let mut words = one.split_whitespace();
            let rule = words.next().expect("a rule after the marker").to_string();
            let path = words.next().unwrap_or("").to_string();
            expected.insert((index + 1, rule, path));
        }
    }
    expected
}
