//! Drawing pieces every screen uses: text lines with search highlights,
//! bars and status lines, and pages of marked lines with their builder.

pub mod draw_page;
pub mod page;
pub mod text;
