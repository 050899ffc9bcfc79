//! Go behaviour kubetutor reproduces, in one place: the API server and
//! kubectl are written in Go, and a message or verdict is only faithful when
//! numbers, durations, quantities, cron schedules, base64, JSON errors,
//! YAML scalars and printed values follow Go's own rules. Each module
//! names the Go package it reproduces.

pub(crate) mod base64;
pub(crate) mod cron;
pub(crate) mod duration;
pub(crate) mod fmt;
pub(crate) mod json;
pub(crate) mod quantity;
pub(crate) mod strconv;
pub(crate) mod yaml11;
