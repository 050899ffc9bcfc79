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
    ["USER", "USERNAME"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|name| !name.is_empty())
        .unwrap_or_else(|| "learner".to_string())
}
