//! `config-env` and `config-file`: a container gets a key of a ConfigMap or
//! Secret of the file, as an environment variable or as a file. Both follow
//! the references the way the kubelet does. For a variable, `envFrom`
//! sources come first (with their prefix), then `env` in order, and a later
//! entry wins. For a file, the mount that the path leads to decides, then
//! the configMap, secret or projected volume behind it, with or without
//! `items`. The object must be in the file, in the Pod's namespace, and
//! hold the key: otherwise the container would not start, or the value
//! would never arrive.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Found, Miss, any_pod, bad_param, kind, name, namespace, no_container};
use crate::grade::check::CheckError;
use crate::validate::{ContainerView, Node, PodView, Pos, Rule, Text, Value, Words};

pub(in crate::grade) static CONFIG_ENV: Rule = Rule {
    id: "grade/config-env",
    summary: Words::new(
        "An environment variable takes its value from a key of a ConfigMap or Secret",
        "環境変数の値がConfigMapまたはSecretのキーから取られている",
    ),
    help: Words::new(
        "refer to the key with `valueFrom.configMapKeyRef` (or `secretKeyRef`), or import every key with `envFrom` (each variable is named prefix + key); keep the object in the Pod's namespace with the key in its `data`",
        "キーを`valueFrom.configMapKeyRef`(または`secretKeyRef`)で参照するか、`envFrom`ですべてのキーを取り込んでください(変数名はプレフィックス+キーになります)。オブジェクトはPodと同じ名前空間に置き、キーを`data`に入れてください",
    ),
    docs: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#define-container-environment-variables-using-configmap-data",
    ..Rule::GRADING
};

pub(in crate::grade) static CONFIG_FILE: Rule = Rule {
    id: "grade/config-file",
    summary: Words::new(
        "A container sees a key of a ConfigMap or Secret as a file at the given path",
        "コンテナからConfigMapまたはSecretのキーが指定のパスのファイルとして見える",
    ),
    help: Words::new(
        "declare a `configMap` (or `secret`, or `projected`) volume for the object and mount it at the file's directory; without `items` each key becomes a file named after it; leave out `subPath` when the file must follow updates",
        "オブジェクトの`configMap`(または`secret`、`projected`)ボリュームを定義し、ファイルのあるディレクトリーにマウントしてください。`items`がなければ各キーがその名前のファイルになります。ファイルを更新に追従させるなら`subPath`は使いません",
    ),
    docs: "https://kubernetes.io/docs/concepts/configuration/configmap/#using-configmaps-as-files-from-a-pod",
    ..Rule::GRADING
};

/// Where configuration is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Store {
    ConfigMap,
    Secret,
}

impl Store {
    fn kind(self) -> &'static str {
        match self {
            Store::ConfigMap => "ConfigMap",
            Store::Secret => "Secret",
        }
    }

    /// The fields that hold the keys: environment variables see only
    /// `data` of a ConfigMap (the kubelet skips `binaryData` there), a
    /// volume sees both; a Secret's `stringData` is merged into `data`.
    fn key_fields(self, for_env: bool) -> &'static [&'static str] {
        match (self, for_env) {
            (Store::ConfigMap, true) => &["data"],
            (Store::ConfigMap, false) => &["data", "binaryData"],
            (Store::Secret, _) => &["data", "stringData"],
        }
    }
}

/// A key of a named ConfigMap or Secret.
#[derive(Debug, Clone, PartialEq, Eq)]
struct KeyRef {
    store: Store,
    name: String,
    key: String,
}

impl KeyRef {
    fn words(&self) -> (String, String) {
        let (kind, name, key) = (self.store.kind(), &self.name, &self.key);
        (
            format!("key `{key}` of {kind} `{name}`"),
            format!("{kind}`{name}`のキー`{key}`"),
        )
    }
}

/// `configMap` or `secret` (exactly one) and `key`, as both checks take them.
fn target(config_map: &Option<String>, secret: &Option<String>, key: &str) -> Option<KeyRef> {
    let (store, name) = match (config_map, secret) {
        (Some(name), None) => (Store::ConfigMap, name),
        (None, Some(name)) => (Store::Secret, name),
        _ => return None,
    };
    Some(KeyRef {
        store,
        name: name.clone(),
        key: key.to_string(),
    })
}

/// Reports a check that names neither or both of `configMap` and `secret`.
fn check_target(
    config_map: &Option<String>,
    secret: &Option<String>,
    params: &Node,
) -> Result<(), CheckError> {
    match (config_map, secret) {
        (Some(_), Some(_)) => Err(bad_param(
            params,
            "secret",
            "name either `configMap` or `secret`, not both".into(),
        )),
        (None, None) => Err(bad_param(
            params,
            "configMap",
            "name the `configMap` or the `secret` that holds the key".into(),
        )),
        _ => Ok(()),
    }
}

/// The check's parameters for a variable.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ConfigEnv {
    container: String,
    env: String,
    config_map: Option<String>,
    secret: Option<String>,
    key: String,
}

/// The check's parameters for a file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ConfigFile {
    container: String,
    /// The absolute path of the file in the container.
    file: String,
    config_map: Option<String>,
    secret: Option<String>,
    key: String,
    /// The file must follow changes of the object: no `subPath` mount, and
    /// the object is not immutable.
    #[serde(default)]
    updates: bool,
}

/// The objects of the file a reference can resolve to.
struct Stores<'a> {
    objects: &'a [&'a Node],
}

impl<'a> Stores<'a> {
    /// The object of that kind and name in `ns` (the last one written).
    fn find(&self, store: Store, wanted: &str, ns: &str) -> Option<&'a Node> {
        self.objects
            .iter()
            .rev()
            .copied()
            .find(|o| kind(o) == store.kind() && name(o) == wanted && namespace(o) == ns)
    }

    /// Namespaces where the file has that object, for the message.
    fn elsewhere(&self, store: Store, wanted: &str) -> Option<&'a str> {
        self.objects
            .iter()
            .copied()
            .find(|o| kind(o) == store.kind() && name(o) == wanted)
            .map(namespace)
    }
}

/// The keys an object holds, for variables or for a volume.
fn keys(object: &Node, store: Store, for_env: bool) -> Vec<&str> {
    store
        .key_fields(for_env)
        .iter()
        .filter_map(|field| object.present(field))
        .flat_map(|map| map.entries().iter().map(|e| e.key.as_str()))
        .collect()
}

/// `a`, `b` and `c` as a short list for messages.
fn key_list(keys: &[&str]) -> String {
    if keys.is_empty() {
        return "none".into();
    }
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The check's object is not in the Pod's namespace: why, and what follows.
fn missing_target(
    stores: &Stores<'_>,
    target: &KeyRef,
    ns: &str,
    at: Pos,
    consequence: (&str, &str),
) -> Miss {
    let (kind, name) = (target.store.kind(), &target.name);
    let (en, ja) = match stores.elsewhere(target.store, name) {
        Some(other) => (
            format!(
                "{kind} `{name}` is in namespace `{other}`, but the Pod runs in `{ns}`: a Pod can only use {kind}s of its own namespace"
            ),
            format!(
                "{kind}`{name}`は名前空間`{other}`にありますが、Podは`{ns}`で動きます。Podが使えるのは同じ名前空間の{kind}だけです"
            ),
        ),
        None => (
            format!("the file holds no {kind} `{name}` in the Pod's namespace `{ns}`"),
            format!("ファイルのPodの名前空間`{ns}`に{kind}`{name}`がありません"),
        ),
    };
    Miss::new(
        at,
        format!("{en}; {}", consequence.0),
        format!("{ja}。{}", consequence.1),
    )
}

const NO_START: (&str, &str) = (
    "the container would not start (CreateContainerConfigError)",
    "コンテナは起動しません(CreateContainerConfigError)",
);
const SKIPPED: (&str, &str) = (
    "the optional reference is skipped and the value never arrives",
    "optionalの参照は読み飛ばされ、値は届きません",
);
const NO_MOUNT: (&str, &str) = (
    "the volume cannot be mounted and the Pod stays in ContainerCreating",
    "ボリュームをマウントできず、PodはContainerCreatingのままになります",
);
const EMPTY: (&str, &str) = (
    "the optional volume stays empty",
    "optionalのボリュームは空のままです",
);

/// Where a variable's value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    Key(KeyRef),
    /// A value written in the manifest (empty when the entry has none).
    Literal,
    /// The Downward API, a file, or an object the file does not hold.
    Elsewhere,
}

#[derive(Debug, Clone)]
struct Setting {
    origin: Origin,
    pos: Pos,
}

/// What a reference finds.
enum Lookup<'a> {
    Found(&'a Node),
    /// Optional and missing: the kubelet skips it.
    Skipped,
    /// An object the file does not hold, and not the check's: unknown.
    Unknown,
}

/// Resolves a reference to an object as the kubelet would; a missing
/// object is a miss only when it is the check's own.
fn lookup<'a>(
    stores: &Stores<'a>,
    target: &KeyRef,
    (store, wanted, optional): (Store, &str, bool),
    ns: &str,
    at: Pos,
) -> Result<Lookup<'a>, Miss> {
    if let Some(object) = stores.find(store, wanted, ns) {
        return Ok(Lookup::Found(object));
    }
    if store == target.store && wanted == target.name {
        let consequence = if optional { SKIPPED } else { NO_START };
        return Err(missing_target(stores, target, ns, at, consequence));
    }
    Ok(if optional {
        Lookup::Skipped
    } else {
        Lookup::Unknown
    })
}

impl ConfigEnv {
    pub(super) fn validated(self, params: &Node) -> Result<ConfigEnv, CheckError> {
        check_target(&self.config_map, &self.secret, params)?;
        Ok(self)
    }

    fn target(&self) -> KeyRef {
        target(&self.config_map, &self.secret, &self.key).unwrap_or(KeyRef {
            store: Store::ConfigMap,
            name: String::new(),
            key: self.key.clone(),
        })
    }

    pub(super) fn message(&self) -> Text {
        let (c, env) = (&self.container, &self.env);
        let (en, ja) = self.target().words();
        Text::new(
            format!("`{c}`'s {env} takes its value from {en}"),
            format!("`{c}`の環境変数{env}の値が{ja}から取られている"),
        )
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        vec![
            Text::new(
                "passes: the variable's last setting is that key: `valueFrom` with `configMapKeyRef` (or `secretKeyRef`) naming it, or `envFrom` of the object whose prefix plus the key is the variable's name (an `env` entry overrides `envFrom`, of two entries the last counts, `$(VAR)` of such a variable counts too); the object is in the file, in the Pod's namespace, and holds the key in `data` (`optional` does not matter then)",
                "合格: 変数の最後の設定がそのキーであること。それを指す`configMapKeyRef`(または`secretKeyRef`)付きの`valueFrom`か、プレフィックスとキーを合わせると変数名になる、そのオブジェクトの`envFrom`(`env`のエントリーは`envFrom`より優先され、2つあれば後のものが有効で、そうした変数の`$(VAR)`も数えます)。オブジェクトがファイルにあり、Podと同じ名前空間にあり、`data`にキーを持つこと(そのとき`optional`は関係しません)",
            ),
            Text::new(
                "fails: a literal value, another key or object, a prefix that renames the variable, a later entry that overrides it, an object in another namespace or missing from the file, a key the object lacks (the container would not start, or an optional reference is skipped)",
                "不合格: 直接書いた値、別のキーやオブジェクト、変数名を変えてしまうプレフィックス、後から上書きするエントリー、別の名前空間にあるかファイルにないオブジェクト、オブジェクトにないキー(コンテナが起動しないか、optionalの参照が読み飛ばされます)",
            ),
        ]
    }

    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        let stores = Stores { objects };
        let target = self.target();
        any_pod(objects, |object, pod| {
            let Some(container) = pod
                .running_containers()
                .find(|c| c.name() == self.container)
            else {
                return Err(no_container(pod, &self.container));
            };
            self.judge(&stores, &target, namespace(object), container)
        })
    }

    /// The variables the kubelet would set, with their origins.
    fn environment(
        &self,
        stores: &Stores<'_>,
        target: &KeyRef,
        ns: &str,
        container: &ContainerView<'_>,
    ) -> Result<(BTreeMap<String, Setting>, Option<Setting>), Miss> {
        let mut vars: BTreeMap<String, Setting> = BTreeMap::new();
        for source in container
            .get("envFrom")
            .map(Node::items)
            .unwrap_or_default()
        {
            let prefix = source.text("prefix").unwrap_or_default();
            let (store, reference) =
                match (source.present("configMapRef"), source.present("secretRef")) {
                    (Some(r), _) => (Store::ConfigMap, r),
                    (None, Some(r)) => (Store::Secret, r),
                    _ => continue,
                };
            let wanted = reference.text("name").unwrap_or_default();
            let optional = reference.flag("optional") == Some(true);
            if let Lookup::Found(object) =
                lookup(stores, target, (store, wanted, optional), ns, reference.pos)?
            {
                for key in keys(object, store, true) {
                    let origin = Origin::Key(KeyRef {
                        store,
                        name: wanted.to_string(),
                        key: key.to_string(),
                    });
                    vars.insert(
                        format!("{prefix}{key}"),
                        Setting {
                            origin,
                            pos: source.pos,
                        },
                    );
                }
            }
        }
        // What envFrom alone would give the variable, for the message when
        // an `env` entry overrides it.
        let from_env_from = vars.get(&self.env).cloned();
        for var in container.get("env").map(Node::items).unwrap_or_default() {
            let Some(var_name) = var.text("name") else {
                continue;
            };
            let value = var.present("value").filter(|v| v.as_str() != Some(""));
            let setting = match (value, var.present("valueFrom")) {
                (Some(value), _) => Some(Self::literal(&vars, value)),
                (None, Some(from)) => self.value_from(stores, target, ns, from)?,
                (None, None) => Some(Setting {
                    origin: Origin::Literal,
                    pos: var.pos,
                }),
            };
            if let Some(setting) = setting {
                vars.insert(var_name.to_string(), setting);
            }
        }
        Ok((vars, from_env_from))
    }

    /// A written value; exactly `$(NAME)` takes over an earlier variable's origin.
    fn literal(vars: &BTreeMap<String, Setting>, value: &Node) -> Setting {
        let text = value.as_str().unwrap_or(&value.raw);
        let referred = text
            .strip_prefix("$(")
            .and_then(|rest| rest.strip_suffix(')'))
            .filter(|inner| !inner.contains(['$', '(', ')']))
            .and_then(|inner| vars.get(inner));
        Setting {
            origin: referred.map_or(Origin::Literal, |s| s.origin.clone()),
            pos: value.pos,
        }
    }

    /// `valueFrom`: its origin, or `None` when an optional reference is skipped.
    fn value_from(
        &self,
        stores: &Stores<'_>,
        target: &KeyRef,
        ns: &str,
        from: &Node,
    ) -> Result<Option<Setting>, Miss> {
        let (store, reference) = match (
            from.present("configMapKeyRef"),
            from.present("secretKeyRef"),
        ) {
            (Some(r), _) => (Store::ConfigMap, r),
            (None, Some(r)) => (Store::Secret, r),
            _ => {
                return Ok(Some(Setting {
                    origin: Origin::Elsewhere,
                    pos: from.pos,
                }));
            }
        };
        let wanted = reference.text("name").unwrap_or_default();
        let key = reference.text("key").unwrap_or_default();
        let optional = reference.flag("optional") == Some(true);
        let at = reference.pos;
        match lookup(stores, target, (store, wanted, optional), ns, at)? {
            Lookup::Found(object) => {
                let held = keys(object, store, true);
                if held.contains(&key) {
                    return Ok(Some(Setting {
                        origin: Origin::Key(KeyRef {
                            store,
                            name: wanted.to_string(),
                            key: key.to_string(),
                        }),
                        pos: at,
                    }));
                }
                if optional {
                    return Ok(None);
                }
                let kind = store.kind();
                let list = key_list(&held);
                Err(Miss::new(
                    reference.present("key").map_or(at, |k| k.pos),
                    format!(
                        "{kind} `{wanted}` has no key `{key}` (its keys: {list}); {}",
                        NO_START.0
                    ),
                    format!(
                        "{kind}`{wanted}`にキー`{key}`がありません(キー: {list})。{}",
                        NO_START.1
                    ),
                ))
            }
            Lookup::Skipped => Ok(None),
            Lookup::Unknown => Ok(Some(Setting {
                origin: Origin::Elsewhere,
                pos: at,
            })),
        }
    }

    fn judge(
        &self,
        stores: &Stores<'_>,
        target: &KeyRef,
        ns: &str,
        container: &ContainerView<'_>,
    ) -> Found {
        let (vars, from_env_from) = self.environment(stores, target, ns, container)?;
        let env = &self.env;
        let (want_en, want_ja) = target.words();
        let overridden = from_env_from.is_some_and(|s| s.origin == Origin::Key(target.clone()));
        let (note_en, note_ja) = if overridden {
            (
                "; an `env` entry overrides what `envFrom` imports, wherever it is written",
                "。`env`のエントリーは、どこに書いても`envFrom`で取り込んだ値より優先されます",
            )
        } else {
            ("", "")
        };
        match vars.get(env) {
            Some(Setting {
                origin: Origin::Key(found),
                pos,
            }) if found == target => Ok(*pos),
            Some(Setting {
                origin: Origin::Key(other),
                pos,
            }) => {
                let (en, ja) = other.words();
                Err(Miss::new(
                    *pos,
                    format!("{env} takes its value from {en}, not from {want_en}{note_en}"),
                    format!("{env}の値は{ja}から取られており、{want_ja}ではありません{note_ja}"),
                ))
            }
            Some(Setting {
                origin: Origin::Literal,
                pos,
            }) => Err(Miss::new(
                *pos,
                format!(
                    "{env} is written into the manifest; it does not come from {want_en}{note_en}"
                ),
                format!(
                    "{env}の値はマニフェストに直接書かれており、{want_ja}から取られていません{note_ja}"
                ),
            )),
            Some(Setting {
                origin: Origin::Elsewhere,
                pos,
            }) => Err(Miss::new(
                *pos,
                format!("{env} takes its value from elsewhere, not from {want_en}{note_en}"),
                format!("{env}の値は別の場所から取られており、{want_ja}ではありません{note_ja}"),
            )),
            None => Err(self.unset(stores, target, ns, container, &vars)),
        }
    }

    /// Why the variable is not set at all.
    fn unset(
        &self,
        stores: &Stores<'_>,
        target: &KeyRef,
        ns: &str,
        container: &ContainerView<'_>,
        vars: &BTreeMap<String, Setting>,
    ) -> Miss {
        let (env, c) = (&self.env, container.name());
        let kind = target.store.kind();
        let object = stores.find(target.store, &target.name, ns);
        let held = object
            .map(|o| keys(o, target.store, true))
            .unwrap_or_default();
        let at = container
            .get("env")
            .or(container.get("envFrom"))
            .map_or(container.pos(), |n| n.pos);
        if object.is_some() && !held.contains(&target.key.as_str()) {
            let (name, key, list) = (&target.name, &target.key, key_list(&held));
            return Miss::new(
                at,
                format!(
                    "{kind} `{name}` has no key `{key}` in `data` (its keys: {list}), so {env} is never set"
                ),
                format!(
                    "{kind}`{name}`の`data`にキー`{key}`がないため(キー: {list})、{env}は設定されません"
                ),
            );
        }
        let renamed = vars
            .iter()
            .find(|(var, s)| s.origin == Origin::Key(target.clone()) && var.as_str() != env);
        if let Some((var, setting)) = renamed {
            return Miss::new(
                setting.pos,
                format!(
                    "`{c}` gets the key as {var}, not as {env}: envFrom names each variable prefix + key"
                ),
                format!(
                    "`{c}`はキーを{env}ではなく{var}として受け取ります。envFromの変数名はプレフィックス+キーです"
                ),
            );
        }
        Miss::new(
            at,
            format!("container `{c}` does not set {env}"),
            format!("コンテナ`{c}`に{env}がありません"),
        )
    }
}

/// The first ConfigMap or Secret a volume shows that the file does not
/// hold in `ns`: its kind and name.
fn unknown_source<'a>(
    stores: &Stores<'_>,
    ns: &str,
    volume: &'a Node,
) -> Option<(&'static str, &'a str)> {
    let projected = volume
        .present("projected")
        .and_then(|p| p.get("sources"))
        .map(Node::items)
        .unwrap_or_default();
    let direct = [
        (Store::ConfigMap, volume.present("configMap"), "name"),
        (Store::Secret, volume.present("secret"), "secretName"),
    ];
    let nested = projected.iter().flat_map(|source| {
        [
            (Store::ConfigMap, source.present("configMap"), "name"),
            (Store::Secret, source.present("secret"), "name"),
        ]
    });
    direct
        .into_iter()
        .chain(nested)
        .filter_map(|(store, node, field)| Some((store, node?.text(field)?)))
        .find(|(store, name)| stores.find(*store, name, ns).is_none())
        .map(|(store, name)| (store.kind(), name))
}

/// Directories of an image that a volume must not hide.
const SYSTEM_DIRECTORIES: [&str; 11] = [
    "/", "/etc", "/usr", "/bin", "/sbin", "/lib", "/lib64", "/var", "/dev", "/proc", "/sys",
];

/// One file of a volume: its path inside the volume and the key it holds
/// (`None` for a file of another kind of source).
struct VolumeFile {
    path: Vec<String>,
    key: Option<KeyRef>,
}

/// `/etc//app/` → `["etc", "app"]`.
fn components(path: &str) -> Vec<String> {
    path.split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .map(str::to_string)
        .collect()
}

impl ConfigFile {
    pub(super) fn validated(self, params: &Node) -> Result<ConfigFile, CheckError> {
        check_target(&self.config_map, &self.secret, params)?;
        if !self.file.starts_with('/') || components(&self.file).is_empty() {
            return Err(bad_param(
                params,
                "file",
                format!(
                    "`{}` is not the absolute path of a file (such as /etc/app/app.conf)",
                    self.file
                ),
            ));
        }
        Ok(self)
    }

    fn target(&self) -> KeyRef {
        target(&self.config_map, &self.secret, &self.key).unwrap_or(KeyRef {
            store: Store::ConfigMap,
            name: String::new(),
            key: self.key.clone(),
        })
    }

    pub(super) fn message(&self) -> Text {
        let (c, file) = (&self.container, &self.file);
        let (en, ja) = self.target().words();
        if self.updates {
            Text::new(
                format!("`{c}` sees {en} as {file}, and changes reach the file"),
                format!("`{c}`から{ja}が{file}として見え、変更もファイルに届く"),
            )
        } else {
            Text::new(
                format!("`{c}` sees {en} as {file}"),
                format!("`{c}`から{ja}が{file}として見える"),
            )
        }
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        let (updates_en, updates_ja) = if self.updates {
            (
                "; the mount has no `subPath` and the object is not immutable, so changes reach the file",
                "。マウントに`subPath`がなく、オブジェクトがimmutableでないので、変更がファイルに届くこと",
            )
        } else {
            ("", "")
        };
        let (fails_en, fails_ja) = if self.updates {
            (
                ", a `subPath` mount (it never receives updates), an immutable object",
                "、`subPath`でのマウント(更新が届きません)、immutableなオブジェクト",
            )
        } else {
            ("", "")
        };
        vec![
            Text::new(
                format!(
                    "passes: the mount the path leads to (the deepest mountPath at or above it) shows a configMap, secret or projected volume whose file at that place is the key: each key under its own name without `items`, or at the `path` an item gives it; the object is in the file, in the Pod's namespace, and holds the key; any defaultMode or readOnly; the mount does not hide a system directory such as /etc{updates_en}"
                ),
                format!(
                    "合格: パスがたどり着くマウント(そのパスかその上にある最も深いmountPath)がconfigMap、secret、projectedのボリュームを見せ、その場所のファイルがそのキーであること。`items`がなければ各キーは自分の名前で、あれば項目の`path`の場所に置かれます。オブジェクトがファイルにあり、Podと同じ名前空間にあり、キーを持つこと。defaultModeやreadOnlyは問いません。マウントが/etcのようなシステムのディレクトリーを隠さないこと{updates_ja}"
                ),
            ),
            Text::new(
                format!(
                    "fails: a volume declared but not mounted, another object or key at the path, an item `path` that puts the file elsewhere, an item key the object lacks (the volume cannot be mounted), an object in another namespace or missing from the file{fails_en}"
                ),
                format!(
                    "不合格: 定義だけでマウントされていないボリューム、そのパスにある別のオブジェクトやキー、ファイルを別の場所に置く項目の`path`、オブジェクトにない項目のキー(ボリュームをマウントできません)、別の名前空間にあるかファイルにないオブジェクト{fails_ja}"
                ),
            ),
        ]
    }

    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        let stores = Stores { objects };
        let target = self.target();
        any_pod(objects, |object, pod| {
            let Some(container) = pod
                .running_containers()
                .find(|c| c.name() == self.container)
            else {
                return Err(no_container(pod, &self.container));
            };
            self.judge(&stores, &target, namespace(object), pod, container)
        })
    }

    fn judge(
        &self,
        stores: &Stores<'_>,
        target: &KeyRef,
        ns: &str,
        pod: &PodView<'_>,
        container: &ContainerView<'_>,
    ) -> Found {
        let file = components(&self.file);
        let shown = &self.file;
        let mounts = container
            .get("volumeMounts")
            .map(Node::items)
            .unwrap_or_default();
        // The mount the path leads to: the deepest mountPath at or above it.
        let mount = mounts
            .iter()
            .filter_map(|m| {
                let at = components(m.text("mountPath")?);
                file.starts_with(&at).then_some((m, at.len()))
            })
            .max_by_key(|(_, depth)| *depth);
        let Some((mount, depth)) = mount else {
            return Err(self.not_mounted(stores, target, ns, pod, container));
        };
        let volume_name = mount.text("name").unwrap_or_default();
        let mount_path = mount.text("mountPath").unwrap_or_default();
        if SYSTEM_DIRECTORIES.contains(&format!("/{}", file[..depth].join("/")).as_str()) {
            return Err(Miss::new(
                mount.present("mountPath").map_or(mount.pos, |p| p.pos),
                format!(
                    "volume `{volume_name}` is mounted over {mount_path}: it hides everything the image keeps there (certificates, users, libraries …); mount it at the file's own directory"
                ),
                format!(
                    "ボリューム`{volume_name}`が{mount_path}にマウントされており、イメージがそこに置いているもの(証明書、ユーザー、ライブラリーなど)がすべて隠れます。ファイルのあるディレクトリーにマウントしてください"
                ),
            ));
        }
        let volume = pod
            .get("volumes")
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .find(|v| v.text("name") == Some(volume_name));
        let Some(volume) = volume else {
            return Err(Miss::new(
                mount.pos,
                format!("the Pod declares no volume `{volume_name}`"),
                format!("Podに`{volume_name}`という名前のボリュームがありません"),
            ));
        };
        let (sub_path, sub_node) = match (mount.present("subPath"), mount.present("subPathExpr")) {
            (Some(node), _) => (node.as_str().unwrap_or_default(), Some(node)),
            (None, Some(node)) => {
                let text = node.as_str().unwrap_or_default();
                if text.contains("$(") {
                    return Err(Miss::new(
                        node.pos,
                        format!(
                            "subPathExpr `{text}` depends on the Pod's variables, so where {shown} leads cannot be told offline"
                        ),
                        format!(
                            "subPathExpr`{text}`はPodの変数で決まるため、{shown}がどこを指すかはオフラインでは判断できません"
                        ),
                    ));
                }
                (text, Some(node))
            }
            (None, None) => ("", None),
        };
        let mut inner = components(sub_path);
        inner.extend(file[depth..].iter().cloned());
        let files = self.projection(stores, target, ns, volume)?;
        if !["configMap", "secret", "projected"]
            .iter()
            .any(|source| volume.present(source).is_some())
        {
            return Err(Miss::new(
                mount.pos,
                format!(
                    "{shown} leads to volume `{volume_name}`, which is not a configMap, secret or projected volume"
                ),
                format!(
                    "{shown}の先はボリューム`{volume_name}`で、configMap、secret、projectedのボリュームではありません"
                ),
            ));
        }
        if inner.is_empty() {
            return Err(Miss::new(
                mount.pos,
                format!(
                    "volume `{volume_name}` itself is mounted at {shown}: that is a directory, not the file"
                ),
                format!(
                    "{shown}にはボリューム`{volume_name}`そのものがマウントされており、ファイルではなくディレクトリーです"
                ),
            ));
        }
        let (want_en, want_ja) = target.words();
        let Some(found) = files.iter().find(|f| f.path == inner) else {
            let inner = inner.join("/");
            if let Some((kind, name)) =
                unknown_source(stores, ns, volume).filter(|_| files.is_empty())
            {
                return Err(Miss::new(
                    volume.pos,
                    format!(
                        "volume `{volume_name}` shows {kind} `{name}`, which the file does not hold in namespace `{ns}`, so {shown} does not hold {want_en}"
                    ),
                    format!(
                        "ボリューム`{volume_name}`が見せるのは{kind}`{name}`ですが、ファイルの名前空間`{ns}`にはないため、{shown}に{want_ja}はありません"
                    ),
                ));
            }
            let listed: Vec<String> = files.iter().map(|f| f.path.join("/")).collect();
            let listed: Vec<&str> = listed.iter().map(String::as_str).collect();
            let list = key_list(&listed);
            return Err(Miss::new(
                volume.pos,
                format!(
                    "volume `{volume_name}` has no file `{inner}` (its files: {list}), so {shown} does not hold {want_en}"
                ),
                format!(
                    "ボリューム`{volume_name}`にファイル`{inner}`がないため(ファイル: {list})、{shown}に{want_ja}はありません"
                ),
            ));
        };
        match &found.key {
            Some(key) if key == target => {}
            Some(other) => {
                let (en, ja) = other.words();
                return Err(Miss::new(
                    volume.pos,
                    format!("{shown} holds {en}, not {want_en}"),
                    format!("{shown}にあるのは{ja}で、{want_ja}ではありません"),
                ));
            }
            None => {
                return Err(Miss::new(
                    volume.pos,
                    format!(
                        "{shown} comes from another source of volume `{volume_name}`, not from {want_en}"
                    ),
                    format!(
                        "{shown}はボリューム`{volume_name}`の別のソースから来ており、{want_ja}ではありません"
                    ),
                ));
            }
        }
        if self.updates {
            if let Some(node) = sub_node.filter(|_| !sub_path.trim_matches('/').is_empty()) {
                return Err(Miss::new(
                    node.pos,
                    format!(
                        "{shown} is mounted with subPath `{sub_path}`: a subPath mount never receives updates of the {}; mount the volume as a directory",
                        target.store.kind()
                    ),
                    format!(
                        "{shown}はsubPath`{sub_path}`でマウントされています。subPathのマウントには{}の更新が届きません。ボリュームをディレクトリーとしてマウントしてください",
                        target.store.kind()
                    ),
                ));
            }
            let object = stores.find(target.store, &target.name, ns);
            if let Some(flag) = object
                .and_then(|o| o.present("immutable"))
                .filter(|f| f.value == Value::Bool(true))
            {
                let (kind, name) = (target.store.kind(), &target.name);
                return Err(Miss::new(
                    flag.pos,
                    format!(
                        "{kind} `{name}` is immutable: it can never change, so no update reaches {shown}"
                    ),
                    format!(
                        "{kind}`{name}`はimmutableなので変更できず、{shown}に更新が届くことはありません"
                    ),
                ));
            }
        }
        Ok(mount.pos)
    }

    /// No mount leads to the file: name the volume that holds the object,
    /// if the Pod declares one.
    fn not_mounted(
        &self,
        stores: &Stores<'_>,
        target: &KeyRef,
        ns: &str,
        pod: &PodView<'_>,
        container: &ContainerView<'_>,
    ) -> Miss {
        let (c, shown) = (container.name(), &self.file);
        let holder = pod
            .get("volumes")
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .find(|v| {
                self.projection(stores, target, ns, v)
                    .is_ok_and(|files| files.iter().any(|f| f.key.as_ref() == Some(target)))
            });
        let at = container
            .get("volumeMounts")
            .map_or(container.pos(), |m| m.pos);
        match holder {
            Some(volume) => {
                let v = volume.text("name").unwrap_or_default();
                Miss::new(
                    at,
                    format!(
                        "volume `{v}` holds the key, but container `{c}` mounts nothing at {shown} or above it"
                    ),
                    format!(
                        "ボリューム`{v}`にキーがありますが、コンテナ`{c}`は{shown}にもその上にも何もマウントしていません"
                    ),
                )
            }
            None => Miss::new(
                at,
                format!("container `{c}` mounts nothing at {shown} or above it"),
                format!("コンテナ`{c}`は{shown}にもその上にも何もマウントしていません"),
            ),
        }
    }

    /// The files a volume shows, or why it cannot be mounted.
    fn projection(
        &self,
        stores: &Stores<'_>,
        target: &KeyRef,
        ns: &str,
        volume: &Node,
    ) -> Result<Vec<VolumeFile>, Miss> {
        let mut files = Vec::new();
        if let Some(source) = volume.present("configMap") {
            let wanted = source.text("name").unwrap_or_default();
            self.project(
                stores,
                target,
                ns,
                (Store::ConfigMap, wanted, source),
                &mut files,
            )?;
        } else if let Some(source) = volume.present("secret") {
            let wanted = source.text("secretName").unwrap_or_default();
            self.project(
                stores,
                target,
                ns,
                (Store::Secret, wanted, source),
                &mut files,
            )?;
        } else if let Some(projected) = volume.present("projected") {
            let sources = projected
                .get("sources")
                .map(Node::items)
                .unwrap_or_default();
            for source in sources {
                if let Some(cm) = source.present("configMap") {
                    let wanted = cm.text("name").unwrap_or_default();
                    self.project(
                        stores,
                        target,
                        ns,
                        (Store::ConfigMap, wanted, cm),
                        &mut files,
                    )?;
                } else if let Some(secret) = source.present("secret") {
                    let wanted = secret.text("name").unwrap_or_default();
                    self.project(
                        stores,
                        target,
                        ns,
                        (Store::Secret, wanted, secret),
                        &mut files,
                    )?;
                } else {
                    // downwardAPI items, a serviceAccountToken, … : other files.
                    for entry in source.entries() {
                        let inner = &entry.value;
                        let paths = inner
                            .get("items")
                            .map(Node::items)
                            .unwrap_or_default()
                            .iter()
                            .filter_map(|item| item.text("path"))
                            .chain(inner.text("path"));
                        files.extend(paths.map(|p| VolumeFile {
                            path: components(p),
                            key: None,
                        }));
                    }
                }
            }
        }
        Ok(files)
    }

    /// The files of one configMap or secret source.
    fn project(
        &self,
        stores: &Stores<'_>,
        target: &KeyRef,
        ns: &str,
        (store, wanted, source): (Store, &str, &Node),
        files: &mut Vec<VolumeFile>,
    ) -> Result<(), Miss> {
        let optional = source.flag("optional") == Some(true);
        let items = source.present("items").map(Node::items);
        let key_ref = |key: &str| KeyRef {
            store,
            name: wanted.to_string(),
            key: key.to_string(),
        };
        let Some(object) = stores.find(store, wanted, ns) else {
            if store == target.store && wanted == target.name {
                let consequence = if optional { EMPTY } else { NO_MOUNT };
                return Err(missing_target(stores, target, ns, source.pos, consequence));
            }
            // An object the file does not hold: only its items are known.
            if !optional {
                for item in items.unwrap_or_default() {
                    if let (Some(key), Some(path)) = (item.text("key"), item.text("path")) {
                        files.push(VolumeFile {
                            path: components(path),
                            key: Some(key_ref(key)),
                        });
                    }
                }
            }
            return Ok(());
        };
        let held = keys(object, store, false);
        match items {
            None => files.extend(held.iter().map(|key| VolumeFile {
                path: components(key),
                key: Some(key_ref(key)),
            })),
            Some(items) => {
                for item in items {
                    let (Some(key), Some(path)) = (item.text("key"), item.text("path")) else {
                        continue;
                    };
                    if held.contains(&key) {
                        files.push(VolumeFile {
                            path: components(path),
                            key: Some(key_ref(key)),
                        });
                    } else if !optional {
                        let (kind, list) = (store.kind(), key_list(&held));
                        return Err(Miss::new(
                            item.present("key").map_or(item.pos, |k| k.pos),
                            format!(
                                "{kind} `{wanted}` has no key `{key}` (its keys: {list}); {}",
                                NO_MOUNT.0
                            ),
                            format!(
                                "{kind}`{wanted}`にキー`{key}`がありません(キー: {list})。{}",
                                NO_MOUNT.1
                            ),
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}
