//! Baseline checks on the mandatory access control profiles, AppArmor and
//! SELinux, which a Pod may tighten but not loosen.

use std::collections::BTreeSet;

use super::{First, check};
use crate::validate::finding::Text;
use crate::validate::path::FieldPath;
use crate::validate::pod::PodView;
use crate::validate::pss::{PolicyCheck, Violation, containers_phrase, join_quote, plural};
use crate::validate::rule::Words;
use crate::validate::yaml::Node;

const APPARMOR_ANNOTATION: &str = "container.apparmor.security.beta.kubernetes.io/";

pub(in crate::validate::pss) static APPARMOR: PolicyCheck = check(
    "pss/appArmorProfile",
    0,
    apparmor,
    Words::new(
        "AppArmor profiles other than RuntimeDefault or Localhost",
        "RuntimeDefaultとLocalhost以外のAppArmorプロファイル",
    ),
    Words::new(
        "set the appArmorProfile type to RuntimeDefault or Localhost, or leave it unset",
        "appArmorProfileのtypeをRuntimeDefaultかLocalhostにするか、設定しないでください",
    ),
);

fn apparmor(pod: &PodView<'_>, _: u32) -> Option<Violation> {
    let mut first = First::default();
    let mut details = Vec::new();
    let mut setters = Vec::new();
    let mut values = BTreeSet::new();
    let allowed = |node: &Node| matches!(node.text("type"), Some("RuntimeDefault" | "Localhost"));
    if let Some((profile, path)) = pod.security_field("appArmorProfile")
        && !allowed(profile)
    {
        setters.push("pod".to_string());
        values.insert(profile.text("type").unwrap_or_default().to_string());
        first.note(
            path.field("type"),
            profile.present("type").map_or(profile.pos, |t| t.pos),
        );
    }
    let mut names = Vec::new();
    for container in pod.containers() {
        if let Some((profile, path)) = container.security_field("appArmorProfile")
            && !allowed(profile)
        {
            names.push(container.name().to_string());
            values.insert(profile.text("type").unwrap_or_default().to_string());
            first.note(
                path.field("type"),
                profile.present("type").map_or(profile.pos, |t| t.pos),
            );
        }
    }
    if !names.is_empty() {
        setters.push(containers_phrase(&names));
    }
    if !setters.is_empty() {
        let values: Vec<String> = values.into_iter().collect();
        details.push(format!(
            "{} must not set AppArmor profile type to {}",
            setters.join(" and "),
            join_quote(&values)
        ));
    }
    let mut annotations = Vec::new();
    if let Some((map, annotations_path)) = pod.metadata("annotations") {
        for entry in map.entries() {
            let value = entry.value.as_str().unwrap_or_default();
            let ok =
                value.is_empty() || value == "runtime/default" || value.starts_with("localhost/");
            if entry.key.starts_with(APPARMOR_ANNOTATION) && !ok {
                annotations.push(format!(
                    "{}={}",
                    entry.key,
                    crate::validate::go::fmt::go_quote(value)
                ));
                first.note(annotations_path.key(&entry.key), entry.value.pos);
            }
        }
    }
    annotations.sort();
    let count = details.len() + annotations.len();
    details.extend(annotations);
    first.violation(
        &APPARMOR.rule,
        plural(count, "forbidden AppArmor profile", "forbidden AppArmor profiles"),
        details.join(", "),
        Text::new(
            "set appArmorProfile.type to RuntimeDefault or Localhost (or remove it); never Unconfined",
            "appArmorProfile.typeをRuntimeDefaultまたはLocalhostにする(または削除する)必要があります。Unconfinedは使えません",
        ),
    )
}

pub(in crate::validate::pss) static SELINUX: PolicyCheck = check(
    "pss/seLinuxOptions",
    0,
    selinux,
    Words::new(
        "SELinux types outside the allowed container types, or a custom SELinux user or role",
        "許可されたコンテナ用以外のSELinuxのtype、またはSELinuxのuserやroleの指定",
    ),
    Words::new(
        "leave seLinuxOptions unset, or use only an allowed type (container_t, container_init_t, container_kvm_t, container_engine_t) with no user or role",
        "seLinuxOptionsを設定しないか、許可されたtype(container_t、container_init_t、container_kvm_t、container_engine_t)だけを使い、userとroleは指定しないでください",
    ),
);

fn selinux(pod: &PodView<'_>, minor: u32) -> Option<Violation> {
    let mut allowed = vec!["", "container_t", "container_init_t", "container_kvm_t"];
    if minor >= 31 {
        allowed.push("container_engine_t");
    }
    let mut first = First::default();
    let mut types = BTreeSet::new();
    let (mut set_user, mut set_role) = (false, false);
    let mut valid = |options: &Node, path: FieldPath, first: &mut First| {
        let mut ok = true;
        let kind = options.text("type").unwrap_or_default();
        if !allowed.contains(&kind) {
            ok = false;
            types.insert(kind.to_string());
            first.note(
                path.field("type"),
                options.present("type").map_or(options.pos, |t| t.pos),
            );
        }
        for (key, set) in [("user", &mut set_user), ("role", &mut set_role)] {
            if !options.text(key).unwrap_or_default().is_empty() {
                ok = false;
                *set = true;
                first.note(
                    path.field(key),
                    options.present(key).map_or(options.pos, |t| t.pos),
                );
            }
        }
        ok
    };
    let mut setters = Vec::new();
    if let Some((options, path)) = pod.security_field("seLinuxOptions")
        && !valid(options, path, &mut first)
    {
        setters.push("pod".to_string());
    }
    let mut names = Vec::new();
    for container in pod.containers() {
        if let Some((options, path)) = container.security_field("seLinuxOptions")
            && !valid(options, path, &mut first)
        {
            names.push(container.name().to_string());
        }
    }
    if !names.is_empty() {
        setters.push(containers_phrase(&names));
    }
    let data = selinux_data(types, set_user, set_role);
    first.violation(
        &SELINUX.rule,
        "seLinuxOptions",
        format!(
            "{} set forbidden securityContext.seLinuxOptions: {}",
            setters.join(" and "),
            data.join("; ")
        ),
        Text::new(
            format!(
                "remove seLinuxOptions.user and .role, and use a type of {} (or none)",
                join_quote(&allowed[1..])
            ),
            format!(
                "seLinuxOptionsのuserとroleを削除し、typeは{}のいずれか(または指定なし)にする必要があります",
                join_quote(&allowed[1..])
            ),
        ),
    )
}

/// The library names the user and role only alongside a forbidden type, so the detail reads as it does.
fn selinux_data(types: BTreeSet<String>, set_user: bool, set_role: bool) -> Vec<String> {
    let mut data = Vec::new();
    if !types.is_empty() {
        let types: Vec<String> = types.into_iter().collect();
        data.push(format!(
            "{} {}",
            plural(types.len(), "type", "types"),
            join_quote(&types)
        ));
        if set_user {
            data.push("user may not be set".to_string());
        }
        if set_role {
            data.push("role may not be set".to_string());
        }
    }
    data
}
