//! SCAFFOLD: to be written.
#![allow(dead_code, unused_imports)]
use super::Ctx;
use crate::validate::path::FieldPath;
use crate::validate::yaml::Node;

