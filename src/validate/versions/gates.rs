//! The feature gates whose state changes what the API server accepts for
//! what the course teaches, with each release's default (Kubernetes'
//! kube_features.go as ../shared/content-facts.md records it).

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use super::KubeVersion;

/// A feature gate the validator follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gate {
    /// A container's own `restartPolicy` and `restartPolicyRules` (KEP-5307).
    ContainerRestartRules,
    /// The `RestartAllContainers` rule action (KEP-5532).
    RestartAllContainersOnContainerExits,
    /// `Gt` and `Lt` toleration operators.
    TaintTolerationComparisonOperators,
    /// Pod-level `spec.resources` (KEP-2837).
    PodLevelResources,
    /// In-place resize and `resizePolicy` (KEP-1287).
    InPlacePodVerticalScaling,
    /// `hostUsers: false` (user namespaces).
    UserNamespacesSupport,
}

impl Gate {
    /// Every gate, in the order help lists them.
    pub const ALL: [Gate; 6] = [
        Gate::ContainerRestartRules,
        Gate::RestartAllContainersOnContainerExits,
        Gate::TaintTolerationComparisonOperators,
        Gate::PodLevelResources,
        Gate::InPlacePodVerticalScaling,
        Gate::UserNamespacesSupport,
    ];

    /// The gate's name, as `--feature-gates` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Gate::ContainerRestartRules => "ContainerRestartRules",
            Gate::RestartAllContainersOnContainerExits => "RestartAllContainersOnContainerExits",
            Gate::TaintTolerationComparisonOperators => "TaintTolerationComparisonOperators",
            Gate::PodLevelResources => "PodLevelResources",
            Gate::InPlacePodVerticalScaling => "InPlacePodVerticalScaling",
            Gate::UserNamespacesSupport => "UserNamespacesSupport",
        }
    }

    /// (first release with the gate, first release it is on by default).
    fn stages(self) -> (u8, Option<u8>) {
        match self {
            Gate::ContainerRestartRules => (34, Some(35)),
            Gate::RestartAllContainersOnContainerExits => (35, Some(36)),
            Gate::TaintTolerationComparisonOperators => (35, None),
            Gate::PodLevelResources => (32, Some(34)),
            Gate::InPlacePodVerticalScaling => (27, Some(33)),
            Gate::UserNamespacesSupport => (25, Some(33)),
        }
    }

    /// The release from which the feature is GA and the gate locked on.
    fn locked_from(self) -> Option<u8> {
        match self {
            Gate::InPlacePodVerticalScaling => Some(35),
            Gate::UserNamespacesSupport => Some(36),
            _ => None,
        }
    }

    /// Whether the feature is on in `version` with the gate set to `set`
    /// (`None`: the release's default). A gate the release does not have is
    /// off whatever is set; a GA feature's locked gate is on.
    pub fn on(self, version: KubeVersion, set: Option<bool>) -> bool {
        if !self.exists_in(version) {
            return false;
        }
        if self.locked_from().is_some_and(|ga| version.minor() >= ga) {
            return true;
        }
        set.unwrap_or_else(|| self.default_on(version))
    }

    /// Whether a release turns the gate on by itself.
    pub fn default_on(self, version: KubeVersion) -> bool {
        self.stages().1.is_some_and(|on| version.minor() >= on)
    }

    /// Whether the release knows the gate at all (before, the feature does
    /// not exist and no flag turns it on).
    pub fn exists_in(self, version: KubeVersion) -> bool {
        version.minor() >= self.stages().0
    }

    /// "alpha, off by default in 1.33" and the like, for messages.
    pub fn stage_words(self, version: KubeVersion) -> (String, String) {
        let name = self.name();
        match self.stages() {
            (since, _) if version.minor() < since => (
                format!("{name} does not exist before 1.{since}"),
                format!("{name}は1.{since}より前には存在しません"),
            ),
            (_, Some(on)) if version.minor() >= on => (
                format!("{name} is on by default from 1.{on}"),
                format!("{name}は1.{on}から既定で有効です"),
            ),
            (_, Some(on)) => (
                format!("{name} is alpha and off by default in {version} (on from 1.{on})"),
                format!("{name}は{version}ではアルファ版で既定では無効です(1.{on}から有効)"),
            ),
            (_, None) => (
                format!("{name} is alpha and off by default in {version}"),
                format!("{name}は{version}ではアルファ版で既定では無効です"),
            ),
        }
    }
}

impl fmt::Display for Gate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Gates set with `--feature-gates Name=true,Other=false`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeatureGates(BTreeMap<Gate, bool>);

impl FeatureGates {
    /// No gate set: every gate at its release's default.
    pub const NONE: FeatureGates = FeatureGates(BTreeMap::new());

    /// The state set for `gate`, if any.
    pub fn get(&self, gate: Gate) -> Option<bool> {
        self.0.get(&gate).copied()
    }

    /// Whether nothing was set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A `--feature-gates` value kubetutor cannot use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GateError {
    #[error("`{0}`: write Name=true or Name=false, separated by commas")]
    Syntax(String),
    #[error("unknown feature gate `{0}`: kubetutor follows {known}", known = known_gates())]
    Unknown(String),
}

fn known_gates() -> String {
    Gate::ALL.map(Gate::name).join(", ")
}

impl FromStr for FeatureGates {
    type Err = GateError;

    fn from_str(text: &str) -> Result<FeatureGates, GateError> {
        let mut gates = BTreeMap::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, value) = part
                .split_once('=')
                .ok_or_else(|| GateError::Syntax(part.to_string()))?;
            let value = match value.trim().to_ascii_lowercase().as_str() {
                "true" => true,
                "false" => false,
                _ => return Err(GateError::Syntax(part.to_string())),
            };
            let gate = Gate::ALL
                .into_iter()
                .find(|g| g.name() == name.trim())
                .ok_or_else(|| GateError::Unknown(name.trim().to_string()))?;
            gates.insert(gate, value);
        }
        Ok(FeatureGates(gates))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(minor: u8) -> KubeVersion {
        KubeVersion::new(minor).unwrap()
    }

    #[test]
    fn defaults_follow_the_releases() {
        assert!(!Gate::ContainerRestartRules.default_on(v(34)));
        assert!(Gate::ContainerRestartRules.default_on(v(35)));
        assert!(!Gate::RestartAllContainersOnContainerExits.default_on(v(35)));
        assert!(Gate::RestartAllContainersOnContainerExits.default_on(v(36)));
        assert!(!Gate::TaintTolerationComparisonOperators.default_on(v(37)));
        assert!(!Gate::PodLevelResources.default_on(v(33)));
        assert!(Gate::PodLevelResources.default_on(v(34)));
        assert!(!Gate::InPlacePodVerticalScaling.default_on(v(32)));
        assert!(!Gate::ContainerRestartRules.exists_in(v(33)));
        assert!(
            !Gate::ContainerRestartRules.on(v(33), Some(true)),
            "no gate, no feature"
        );
        assert!(
            Gate::InPlacePodVerticalScaling.on(v(35), Some(false)),
            "GA: locked on"
        );
        assert!(Gate::TaintTolerationComparisonOperators.on(v(36), Some(true)));
    }

    #[test]
    fn parses_the_flag() {
        let gates: FeatureGates = "PodLevelResources=true, ContainerRestartRules=False"
            .parse()
            .unwrap();
        assert_eq!(gates.get(Gate::PodLevelResources), Some(true));
        assert_eq!(gates.get(Gate::ContainerRestartRules), Some(false));
        assert_eq!(gates.get(Gate::UserNamespacesSupport), None);
        assert!(matches!(
            "Nope=true".parse::<FeatureGates>(),
            Err(GateError::Unknown(_))
        ));
        assert!(matches!(
            "PodLevelResources".parse::<FeatureGates>(),
            Err(GateError::Syntax(_))
        ));
    }
}
