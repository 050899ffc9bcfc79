//! Timestamps as the database stores them: milliseconds since the Unix epoch.

use chrono::{DateTime, Utc};

/// Milliseconds since the epoch, the unit of every time column.
pub fn to_millis(time: DateTime<Utc>) -> i64 {
    time.timestamp_millis()
}

/// The time a stored column means; out-of-range values clamp to the epoch
/// rather than fail, so one odd row cannot hide a learner's progress.
pub fn from_millis(millis: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(millis).unwrap_or_default()
}
