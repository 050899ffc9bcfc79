//! Kubernetes releases 1.30 … 1.37: which kinds and fields each one serves,
//! and which behaviour waits on a feature gate. `check` answers as the API
//! server of the chosen release would; the tables are generated from the
//! releases' OpenAPI documents by `scripts/gen-versions.py`.

mod fields;
mod gates;
mod tables;

use std::fmt;
use std::str::FromStr;

pub(crate) use fields::{check_fields, exists_in};
pub use gates::{FeatureGates, Gate, GateError};
pub(crate) use tables::{ListMap, all_list_maps, deprecated, served};

/// A Kubernetes minor release kubetutor knows, 1.30 to 1.37.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KubeVersion(u8);

impl KubeVersion {
    /// The oldest release the tables cover.
    pub const FIRST: KubeVersion = KubeVersion(30);
    /// The newest release, and the default.
    pub const LATEST: KubeVersion = KubeVersion(37);

    /// `1.minor`, when kubetutor knows that release.
    pub fn new(minor: u8) -> Option<KubeVersion> {
        (Self::FIRST.0..=Self::LATEST.0)
            .contains(&minor)
            .then_some(KubeVersion(minor))
    }

    /// The minor number: 33 for 1.33.
    pub fn minor(self) -> u8 {
        self.0
    }

    /// This release's bit in the tables' masks.
    fn bit(self) -> u8 {
        1 << (self.0 - Self::FIRST.0)
    }

    /// Whether a mask of releases includes this one.
    pub(crate) fn in_mask(self, mask: u8) -> bool {
        mask & self.bit() != 0
    }

    /// The releases of a mask, oldest first.
    pub(crate) fn releases(mask: u8) -> impl Iterator<Item = KubeVersion> {
        (Self::FIRST.0..=Self::LATEST.0)
            .map(KubeVersion)
            .filter(move |v| v.in_mask(mask))
    }
}

impl Default for KubeVersion {
    fn default() -> KubeVersion {
        KubeVersion::LATEST
    }
}

impl fmt::Display for KubeVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "1.{}", self.0)
    }
}

/// A `--kube-version` that is not a release kubetutor knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown Kubernetes version `{0}`: kubetutor knows 1.{first} to 1.{latest} (write 1.33, v1.33 or 1.33.4)",
    first = KubeVersion::FIRST.0,
    latest = KubeVersion::LATEST.0
)]
pub struct VersionError(String);

impl FromStr for KubeVersion {
    type Err = VersionError;

    /// Reads `1.33`, `v1.33`, `1.33.4` or `latest`.
    fn from_str(text: &str) -> Result<KubeVersion, VersionError> {
        let trimmed = text.trim();
        if trimmed == "latest" {
            return Ok(KubeVersion::LATEST);
        }
        let digits = trimmed.strip_prefix('v').unwrap_or(trimmed);
        let mut parts = digits.split('.');
        let major = parts.next();
        let minor = parts.next().and_then(|m| m.parse::<u8>().ok());
        let patch_ok = parts.next().is_none_or(|p| p.parse::<u32>().is_ok());
        match (major, minor, patch_ok, parts.next()) {
            (Some("1"), Some(minor), true, None) => {
                KubeVersion::new(minor).ok_or_else(|| VersionError(text.to_string()))
            }
            _ => Err(VersionError(text.to_string())),
        }
    }
}

/// The cluster a manifest is checked for: its release and feature gates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cluster {
    pub version: KubeVersion,
    pub gates: FeatureGates,
}

/// The latest release with its default gates, for checks that have no
/// cluster of their own to ask.
pub(crate) static LATEST: Cluster = Cluster {
    version: KubeVersion::LATEST,
    gates: FeatureGates::NONE,
};

impl Cluster {
    /// Whether `gate` is on in this cluster: as set with `--feature-gates`,
    /// else the release's default.
    pub fn enabled(&self, gate: Gate) -> bool {
        gate.on(self.version, self.gates.get(gate))
    }

    /// Whether the checks differ from the latest release's defaults at all.
    pub(crate) fn is_default(&self) -> bool {
        self.version == KubeVersion::LATEST && self.gates.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_spelling_of_a_release() {
        for text in ["1.33", "v1.33", "1.33.4", " 1.33 "] {
            assert_eq!(text.parse::<KubeVersion>(), Ok(KubeVersion(33)), "{text}");
        }
        assert_eq!("latest".parse::<KubeVersion>(), Ok(KubeVersion::LATEST));
        for bad in [
            "1.29", "1.38", "2.33", "133", "1.x", "1.33.4.1", "", "1.33.x",
        ] {
            let err = bad.parse::<KubeVersion>().unwrap_err();
            assert!(err.to_string().contains("1.30 to 1.37"), "{bad}: {err}");
        }
    }

    #[test]
    fn masks_name_the_releases() {
        let mask = 0b1111_0000;
        let names: Vec<String> = KubeVersion::releases(mask).map(|v| v.to_string()).collect();
        assert_eq!(names, ["1.34", "1.35", "1.36", "1.37"]);
        assert!(!KubeVersion(33).in_mask(mask));
    }
}
