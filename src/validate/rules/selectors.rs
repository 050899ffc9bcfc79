//! SCAFFOLD: to be written.
#![allow(dead_code, unused_imports)]
use super::Ctx;
use crate::validate::path::FieldPath;
use crate::validate::yaml::Node;
pub(crate) fn check_label_selector(_selector: &Node, _path: &FieldPath, _ctx: &mut Ctx<'_>) {}
