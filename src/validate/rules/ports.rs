//! Port numbers and protocols, shared by the Pod, Service and NetworkPolicy
//! rules (core validation's `IsValidPortNum` and port protocols).

use super::Ctx;
use crate::validate::finding::{Pos, Text};
use crate::validate::go::fmt::shown;
use crate::validate::path::FieldPath;
use crate::validate::yaml::{Node, Value};

/// Port protocols of Pods and Services, sorted as the server lists them.
pub(super) const PROTOCOLS: [&str; 3] = ["SCTP", "TCP", "UDP"];

/// Reports a port number outside 1–65535, shown as `shown` (the Pod rules
/// print the parsed number, the others the number as written).
pub(super) fn check_number(
    number: i64,
    path: &FieldPath,
    pos: Pos,
    shown: &str,
    help: Text,
    ctx: &mut Ctx<'_>,
) {
    if !(1..=65535).contains(&number) {
        let detail = Text::new(
            "must be between 1 and 65535, inclusive",
            "1以上65535以下でなければなりません",
        );
        ctx.invalid_shown(path, pos, shown, detail, help);
    }
}

/// [`check_number`] for a Service or NetworkPolicy port written as a number.
pub(super) fn check_number_node(node: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    if let Value::Int(number) = node.value {
        let help = Text::new(
            "a port number is from 1 to 65535",
            "ポート番号は1から65535までです",
        );
        check_number(number, path, node.pos, &shown(node), help, ctx);
    }
}
