//! The learner's data as commands open it: the progress database in the
//! data directory (telling the learner when a damaged one was kept aside),
//! and the name reports carry.

use chrono::Utc;

use super::CommandError;
use crate::paths;
use crate::progress::Store;

/// Opens the learner's database, telling them when a damaged one was kept aside.
pub fn open_store() -> Result<Store, CommandError> {
    let dir = paths::data_dir()?;
    let opened = Store::open_in(&dir, Utc::now())?;
    if let Some(kept) = opened.kept_damaged {
        eprintln!(
            "kubetutor: note: the progress database could not be read; it was kept as {} and a new one was started",
            kept.display()
        );
    }
    Ok(opened.store)
}

/// The learner's name: the one saved in the store, else the login name.
pub fn learner_name(store: Option<&Store>) -> String {
    store
        .and_then(|s| s.setting("name").ok().flatten())
        .unwrap_or_else(default_learner)
}

/// The learner's name when none was given: the login name, else "learner".
pub fn default_learner() -> String {
    learner_from(|name| std::env::var(name).ok())
}

/// The login name found by `lookup` (USER on Unix, USERNAME on Windows),
/// else "learner"; an empty variable counts as unset.
fn learner_from(lookup: impl Fn(&str) -> Option<String>) -> String {
    ["USER", "USERNAME"]
        .into_iter()
        .filter_map(lookup)
        .find(|name| !name.is_empty())
        .unwrap_or_else(|| "learner".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn the_login_name_names_the_learner() {
        assert_eq!(learner_from(env(&[("USER", "aiko")])), "aiko");
        assert_eq!(learner_from(env(&[("USERNAME", "ben")])), "ben");
        assert_eq!(
            learner_from(env(&[("USER", ""), ("USERNAME", "ben")])),
            "ben"
        );
        assert_eq!(learner_from(env(&[])), "learner");
    }

    #[test]
    fn a_saved_name_wins_over_the_login_name() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path(), Utc::now()).unwrap().store;
        store.set_setting("name", "Chidi").unwrap();
        assert_eq!(learner_name(Some(&store)), "Chidi");
    }
}
