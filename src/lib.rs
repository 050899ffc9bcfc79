//! kubetutor: an offline terminal tutor for Kubernetes resources.
//!
//! The library holds everything the binary does, so tests can drive it directly.
//! `content`, `markdown` and `i18n` have no terminal dependency; `tui` is the only
//! module that talks to ratatui and crossterm.

pub mod commands;
pub mod content;
pub mod exam;
pub mod grade;
pub mod i18n;
pub mod markdown;
pub mod paths;
pub mod progress;
pub mod quiz;
pub mod registry;
pub mod tui;
pub mod validate;
pub mod workspace;
