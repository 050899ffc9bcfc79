//! Fields behind a feature gate the cluster has off: the API server drops
//! them from a new object without a word (its `dropDisabledFields`), so the
//! Pod runs without what the learner asked for. Worth a warning that names
//! the gate, and the release that turns it on.

use super::*;
use crate::validate::versions::Gate;

/// Pod-level fields, each with the gate that keeps it.
const POD_FIELDS: &[(&str, Gate)] = &[
    ("resources", Gate::PodLevelResources),
    ("hostUsers", Gate::UserNamespacesSupport),
];

/// Container fields, each with the gate that keeps it.
const CONTAINER_FIELDS: &[(&str, Gate)] = &[
    ("resizePolicy", Gate::InPlacePodVerticalScaling),
    ("restartPolicyRules", Gate::ContainerRestartRules),
];

/// Warns about every field of the Pod spec whose gate is off.
pub(super) fn check_gated_fields(pod: &PodCtx<'_>, ctx: &mut Ctx<'_>) {
    for (field, gate) in POD_FIELDS {
        if let Some(entry) = pod.spec.present_entry(field) {
            dropped(&pod.path.field(field), entry.key_pos, *gate, ctx);
        }
    }
    for list in ["initContainers", "containers"] {
        let Some(containers) = pod.spec.present(list) else {
            continue;
        };
        for (index, container) in containers.items().iter().enumerate() {
            let path = pod.path.field(list).index(index);
            for (field, gate) in CONTAINER_FIELDS {
                if let Some(entry) = container.present_entry(field) {
                    dropped(&path.field(field), entry.key_pos, *gate, ctx);
                }
            }
        }
    }
}

/// The warning for one dropped field; nothing when the gate is on, or when
/// the release has neither gate nor field (the schema reports that).
fn dropped(path: &FieldPath, pos: Pos, gate: Gate, ctx: &mut Ctx<'_>) {
    let cluster = ctx.cluster;
    if cluster.enabled(gate) || !gate.exists_in(cluster.version) {
        return;
    }
    let version = cluster.version;
    let (stage_en, stage_ja) = gate.stage_words(version);
    ctx.report(
        &catalog::FEATURE_GATE_OFF,
        path,
        pos,
        Text::new(
            format!("{path}: dropped: the feature gate {gate} is off in Kubernetes {version}"),
            format!("{path}: 破棄されます: Kubernetes {version}ではフィーチャーゲート{gate}が無効です"),
        ),
        Text::new(
            format!("{stage_en}; the API server drops this field, so it has no effect. If your cluster turns the gate on, check with --feature-gates {gate}=true"),
            format!("{stage_ja}。APIサーバーはこのフィールドを破棄するため、効果がありません。クラスターでゲートを有効にしている場合は--feature-gates {gate}=trueを付けて確認してください"),
        ),
    );
}
