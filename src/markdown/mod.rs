//! Markdown: parsed once into a width-independent [`Document`], then laid out
//! for a given width into styled lines. No terminal code lives here; the TUI maps
//! each [`Role`] to a colour of its theme.

mod document;
mod layout;
mod numbered;
mod sanitize;
mod table;
mod wrap;
mod yaml_highlight;

pub use document::{
    Block, Document, Inline, InlineStyle, MAX_NESTING, RefKind, Reference, parse, references,
    too_deep,
};
pub use layout::{HeadingEntry, Layout, Role, Segment, StyledLine, TextStyle, layout};
pub use numbered::numbered_yaml;
pub use sanitize::{find_forbidden_char, is_forbidden_char, sanitize};
pub use wrap::{display_width, truncate};
