//! The baseline checks of the library (`policy/check_*.go`), one constant
//! each, grouped by what they protect; the pieces shared with the restricted
//! checks are re-exported here so that the rest of `pss` sees one module.

mod host;
mod privileges;
mod seccomp_sysctls;
mod selinux_apparmor;

pub(super) use host::{
    HOST_NAMESPACES, HOST_PATH_VOLUMES, HOST_PORTS, HOST_PROBES, WINDOWS_HOST_PROCESS, volumes,
};
pub(super) use privileges::{
    CAPABILITIES, PRIVILEGED, PROC_MOUNT, added_capabilities, proc_mount_default_only,
};
pub(super) use seccomp_sysctls::{SECCOMP, SYSCTLS, seccomp_fields};
pub(super) use selinux_apparmor::{APPARMOR, SELINUX};

use super::{Level, PolicyCheck, Violation};
use crate::validate::finding::{Pos, Text};
use crate::validate::path::FieldPath;
use crate::validate::pod::PodView;
use crate::validate::rule::{Rule, Words};

/// The first offending place, kept while a check collects all offenders.
#[derive(Default)]
pub(super) struct First(Option<(FieldPath, Pos)>);

impl First {
    pub fn note(&mut self, path: FieldPath, pos: Pos) {
        if self.0.is_none() {
            self.0 = Some((path, pos));
        }
    }

    /// The violation, pointing at the first offender.
    pub fn violation(
        self,
        rule: &'static Rule,
        reason: impl Into<String>,
        detail: String,
        help: Text,
    ) -> Option<Violation> {
        let (path, pos) = self.0?;
        Some(Violation {
            rule,
            reason: reason.into(),
            detail,
            path,
            pos,
            help,
        })
    }
}

const fn check(
    id: &'static str,
    since: u32,
    run: fn(&PodView<'_>, u32) -> Option<Violation>,
    summary: Words,
    help: Words,
) -> PolicyCheck {
    PolicyCheck {
        rule: super::rule(id, since, Level::Baseline, summary, help),
        level: Level::Baseline,
        overrides: None,
        run,
    }
}
