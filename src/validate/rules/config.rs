//! ConfigMaps and Secrets as `ValidateConfigMap` and `ValidateSecret` check
//! them: keys, base64 values, the 1 MiB size limit, and the keys each Secret
//! type needs. Secret `stringData` is merged into `data` first, as the API
//! server's conversion does, so its keys count as present (and are reported
//! under `data[...]`, as the server reports them).

use crate::validate::go::fmt::shown;
use std::collections::BTreeMap;

use super::names::{self, problem_text};
use super::{Ctx, key_node};
use crate::validate::finding::{Pos, Text};
use crate::validate::go::base64::decode_base64;
use crate::validate::go::json::go_json_object_error;
use crate::validate::path::FieldPath;
use crate::validate::yaml::{Entry, Node};

/// The most bytes a ConfigMap's or Secret's data may hold (1 MiB).
const MAX_DATA_BYTES: usize = 1024 * 1024;
/// What the server shows instead of Secret contents.
const REDACTED: &str = "\"<secret contents redacted>\"";
/// Longest `binaryData` value quoted in full in a message.
const SHOWN_MAX: usize = 64;

/// Applies the ConfigMap or Secret rules.
pub(super) fn check(kind: &str, root: &Node, ctx: &mut Ctx<'_>) {
    match kind {
        "ConfigMap" => check_config_map(root, ctx),
        "Secret" => check_secret(root, ctx),
        _ => {}
    }
}

/// ConfigMap: valid keys, no key in both `data` and `binaryData`, base64
/// binary values, at most 1 MiB in all.
fn check_config_map(root: &Node, ctx: &mut Ctx<'_>) {
    let data = root.entry("data");
    let binary = root.entry("binaryData");
    let mut total = 0;
    for entry in entries(data) {
        let path = FieldPath::default().field("data").key(&entry.key);
        check_key(entry, &path, false, ctx);
        if binary.is_some_and(|b| b.value.get(&entry.key).is_some()) {
            let detail = Text::new(
                "duplicate of key present in binaryData",
                "binaryDataにある同じキーと重複しています",
            );
            let help = Text::new(
                "a key may be in data or in binaryData, not both: remove or rename one of them",
                "キーはdataとbinaryDataのどちらか一方にしか書けません。どちらかを削除するか名前を変えてください",
            );
            ctx.invalid(&path, &key_node(entry), detail, help);
        }
        total += entry.value.as_str().map_or(0, str::len);
    }
    for entry in entries(binary) {
        let path = FieldPath::default().field("binaryData").key(&entry.key);
        check_key(entry, &path, false, ctx);
        total += decoded_len(entry, &path, Encoded::Binary, ctx);
    }
    if total > MAX_DATA_BYTES {
        let pos = data.or(binary).map_or(root.pos, |entry| entry.key_pos);
        // The server reports the whole object, whose path prints as `[]`.
        let help = Text::new(
            "a ConfigMap holds at most 1 MiB: split the data into several ConfigMaps, or keep large files in a volume or an image",
            "ConfigMapに入れられるのは最大1MiBです。複数のConfigMapに分けるか、大きなファイルはボリュームやイメージに置いてください",
        );
        ctx.too_long(&FieldPath::default().key(""), pos, MAX_DATA_BYTES, help);
    }
}

/// The entries of an optional mapping field.
fn entries(field: Option<&Entry>) -> &[Entry] {
    field.map_or(&[], |entry| entry.value.entries())
}

/// Reports the problems of a ConfigMap or Secret key.
fn check_key(entry: &Entry, path: &FieldPath, from_string_data: bool, ctx: &mut Ctx<'_>) {
    for problem in names::config_map_key(&entry.key) {
        let mut help = Text::new(
            "keys become file names when mounted: use letters, digits, '-', '_' and '.' only (e.g. `app.properties`, `DB_PASSWORD`)",
            "キーはマウント時のファイル名になります。英数字、'-'、'_'、'.'だけを使ってください(例: `app.properties`、`DB_PASSWORD`)",
        );
        if from_string_data {
            help.en.push_str(
                "; stringData keys are merged into data, so the API server reports them there",
            );
            help.ja.push_str(
                "。stringDataのキーはdataに統合されるため、APIサーバーはdataのキーとして報告します",
            );
        }
        ctx.invalid(path, &key_node(entry), problem_text(&problem), help);
    }
}

/// Which base64 field a value is in, for the message and advice.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoded {
    Binary,
    Secret,
}

/// Decodes a base64 value as the API server does, reporting a bad one;
/// returns the decoded size (0 when it cannot be decoded or is not a string).
fn decoded_len(entry: &Entry, path: &FieldPath, field: Encoded, ctx: &mut Ctx<'_>) -> usize {
    let Some(text) = entry.value.as_str() else {
        return 0;
    };
    match decode_base64(text.as_bytes()) {
        Ok(bytes) => bytes.len(),
        Err(offset) => {
            report_base64(&entry.value, text, offset, path, field, ctx);
            0
        }
    }
}

/// `data[KEY]: Invalid value: …: illegal base64 data at input byte N`.
fn report_base64(
    node: &Node,
    text: &str,
    offset: usize,
    path: &FieldPath,
    field: Encoded,
    ctx: &mut Ctx<'_>,
) {
    let detail = Text::new(
        format!("illegal base64 data at input byte {offset}"),
        format!("入力のバイト位置{offset}(0始まり)に不正なBase64データがあります"),
    );
    let (help, value) = match field {
        Encoded::Secret => (
            Text::new(
                "values under data must be base64-encoded (e.g. `echo -n 'value' | base64`); to write plain text, put it under stringData instead. Base64 is only an encoding, not encryption: anyone who can read the Secret can decode it",
                "dataの値はBase64でエンコードする必要があります(例: `echo -n 'value' | base64`)。平文で書く場合はstringDataに書いてください。Base64は暗号化ではなく単なるエンコードなので、Secretを読める人なら誰でも元に戻せます",
            ),
            REDACTED.to_string(),
        ),
        Encoded::Binary => (
            Text::new(
                "values under binaryData must be base64-encoded (e.g. `base64 -w0 file`); put text under data instead",
                "binaryDataの値はBase64でエンコードする必要があります(例: `base64 -w0 file`)。テキストはdataに書いてください",
            ),
            if text.len() <= SHOWN_MAX {
                shown(node)
            } else {
                format!("\"<{} bytes>\"", text.len())
            },
        ),
    };
    ctx.invalid_shown(path, node.pos, &value, detail, help);
}

/// One key of a Secret after `stringData` is merged into `data`.
struct SecretValue<'a> {
    entry: &'a Entry,
    /// The decoded bytes (`None` when the value is not valid).
    bytes: Option<Vec<u8>>,
}

/// Secret: valid keys and base64, at most 1 MiB, and the keys its type needs.
fn check_secret(root: &Node, ctx: &mut Ctx<'_>) {
    let data_path = FieldPath::default().field("data");
    let mut merged: BTreeMap<&str, SecretValue<'_>> = BTreeMap::new();
    for entry in entries(root.entry("data")) {
        let path = data_path.key(&entry.key);
        check_key(entry, &path, false, ctx);
        let bytes = entry
            .value
            .as_str()
            .and_then(|text| match decode_base64(text.as_bytes()) {
                Ok(bytes) => Some(bytes),
                Err(offset) => {
                    report_base64(&entry.value, text, offset, &path, Encoded::Secret, ctx);
                    None
                }
            });
        merged.insert(&entry.key, SecretValue { entry, bytes });
    }
    for entry in entries(root.entry("stringData")) {
        if !merged.contains_key(entry.key.as_str()) {
            check_key(entry, &data_path.key(&entry.key), true, ctx);
        }
        let bytes = entry.value.as_str().map(|text| text.as_bytes().to_vec());
        merged.insert(&entry.key, SecretValue { entry, bytes });
    }
    let total: usize = merged
        .values()
        .filter_map(|v| v.bytes.as_ref())
        .map(Vec::len)
        .sum();
    let data_pos = root
        .entry("data")
        .or(root.entry("stringData"))
        .map(|entry| entry.key_pos);
    if total > MAX_DATA_BYTES {
        let help = Text::new(
            "a Secret holds at most 1 MiB: keep large files elsewhere (a volume or an image) and only credentials in the Secret",
            "Secretに入れられるのは最大1MiBです。大きなファイルはボリュームやイメージに置き、Secretには認証情報だけを入れてください",
        );
        ctx.too_long(
            &data_path,
            data_pos.unwrap_or(root.pos),
            MAX_DATA_BYTES,
            help,
        );
    }
    check_secret_type(root, &merged, data_pos, ctx);
}

/// The keys each built-in Secret type requires.
fn check_secret_type(
    root: &Node,
    merged: &BTreeMap<&str, SecretValue<'_>>,
    data_pos: Option<Pos>,
    ctx: &mut Ctx<'_>,
) {
    let Some(type_node) = root.get("type") else {
        return;
    };
    let Some(secret_type) = type_node.as_str() else {
        return;
    };
    let pos = data_pos.unwrap_or(type_node.pos);
    let has = |key: &str| merged.contains_key(key);
    match secret_type {
        "kubernetes.io/service-account-token" => check_service_account_name(root, ctx),
        "kubernetes.io/dockercfg" => check_docker_config(merged, ".dockercfg", pos, ctx),
        "kubernetes.io/dockerconfigjson" => {
            check_docker_config(merged, ".dockerconfigjson", pos, ctx)
        }
        "kubernetes.io/basic-auth" if !has("username") && !has("password") => {
            missing_key(secret_type, "username", pos, ctx);
            missing_key(secret_type, "password", pos, ctx);
        }
        "kubernetes.io/ssh-auth" => match merged.get("ssh-privatekey") {
            None => missing_key(secret_type, "ssh-privatekey", pos, ctx),
            // Present but empty counts as missing; point at the empty value.
            Some(value) if value.bytes.as_ref().is_some_and(Vec::is_empty) => {
                missing_key(secret_type, "ssh-privatekey", value.entry.value.pos, ctx);
            }
            Some(_) => {}
        },
        "kubernetes.io/tls" => {
            for key in ["tls.crt", "tls.key"].into_iter().filter(|key| !has(key)) {
                missing_key(secret_type, key, pos, ctx);
            }
        }
        _ => {}
    }
}

/// `data[KEY]: Required value` for a key the Secret's type needs.
fn missing_key(secret_type: &str, key: &str, pos: Pos, ctx: &mut Ctx<'_>) {
    let (en, ja) = match secret_type {
        "kubernetes.io/tls" => (
            "a kubernetes.io/tls Secret needs both tls.crt (the certificate) and tls.key (its private key); `kubectl create secret tls NAME --cert=FILE --key=FILE` writes both",
            "kubernetes.io/tls型のSecretにはtls.crt(証明書)とtls.key(秘密鍵)の両方が必要です。`kubectl create secret tls NAME --cert=FILE --key=FILE`で両方を作成できます",
        ),
        "kubernetes.io/basic-auth" => (
            "a kubernetes.io/basic-auth Secret needs username or password (or both); put plain text under stringData",
            "kubernetes.io/basic-auth型のSecretにはusernameまたはpassword(あるいは両方)が必要です。平文はstringDataに書けます",
        ),
        "kubernetes.io/ssh-auth" => (
            "a kubernetes.io/ssh-auth Secret needs a non-empty ssh-privatekey holding the private key",
            "kubernetes.io/ssh-auth型のSecretには、秘密鍵を入れた空でないssh-privatekeyが必要です",
        ),
        _ => (
            "a registry credential Secret needs its Docker config file under this key; `kubectl create secret docker-registry` writes it",
            "レジストリ認証用のSecretには、このキーにDockerの設定ファイルが必要です。`kubectl create secret docker-registry`で作成できます",
        ),
    };
    let path = FieldPath::default().field("data").key(key);
    ctx.required(&path, pos, Text::new(en, ja));
}

/// A service-account-token Secret names its ServiceAccount in an annotation.
fn check_service_account_name(root: &Node, ctx: &mut Ctx<'_>) {
    const KEY: &str = "kubernetes.io/service-account.name";
    let metadata = root.entry("metadata");
    let annotations = metadata.and_then(|m| m.value.entry("annotations"));
    let named = annotations
        .and_then(|a| a.value.get(KEY))
        .and_then(Node::as_str)
        .is_some_and(|name| !name.is_empty());
    if named {
        return;
    }
    let pos = annotations
        .or(metadata)
        .map_or(root.pos, |entry| entry.key_pos);
    let path = FieldPath::default()
        .field("metadata")
        .field("annotations")
        .key(KEY);
    ctx.required(
        &path,
        pos,
        Text::new(
            "a kubernetes.io/service-account-token Secret names its ServiceAccount in the annotation kubernetes.io/service-account.name; the token controller then fills in the token",
            "kubernetes.io/service-account-token型のSecretは、アノテーションkubernetes.io/service-account.nameでServiceAccountを指定します。トークンはトークンコントローラーが書き込みます",
        ),
    );
}

/// A registry Secret needs its config file, and it must be a JSON object.
fn check_docker_config(
    merged: &BTreeMap<&str, SecretValue<'_>>,
    key: &str,
    pos: Pos,
    ctx: &mut Ctx<'_>,
) {
    let Some(value) = merged.get(key) else {
        missing_key("docker", key, pos, ctx);
        return;
    };
    let Some(error) = value.bytes.as_deref().and_then(go_json_object_error) else {
        return;
    };
    let path = FieldPath::default().field("data").key(key);
    let detail = Text::new(error.clone(), format!("JSONとして読めません: {error}"));
    let help = Text::new(
        "this key holds a Docker config file, a JSON object such as {\"auths\":{\"registry.example.com\":{\"auth\":\"…\"}}}; `kubectl create secret docker-registry` writes it for you",
        "このキーにはDockerの設定ファイル({\"auths\":{\"registry.example.com\":{\"auth\":\"…\"}}}のようなJSONオブジェクト)を入れます。`kubectl create secret docker-registry`で作成できます",
    );
    ctx.invalid_shown(&path, value.entry.value.pos, REDACTED, detail, help);
}

#[cfg(test)]
mod tests {
    use super::decode_base64;
    use crate::validate::{Finding, Severity, check};

    /// Errors outside metadata (metadata rules are tested in their module).
    fn errors(yaml: &str) -> Vec<Finding> {
        check(yaml)
            .findings
            .into_iter()
            .filter(|f| f.severity == Severity::Error && !f.path.starts_with("metadata.name"))
            .collect()
    }

    fn messages(yaml: &str) -> Vec<String> {
        errors(yaml).into_iter().map(|f| f.message.en).collect()
    }

    fn config_map(body: &str) -> String {
        format!("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n{body}")
    }

    fn secret(body: &str) -> String {
        format!("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n{body}")
    }

    #[test]
    fn base64_errors_match_go() {
        assert_eq!(decode_base64(b"cGFzc3dvcmQ=").unwrap(), b"password");
        assert_eq!(decode_base64(b"YWRt\naW4=\n").unwrap(), b"admin");
        assert_eq!(decode_base64(b"").unwrap(), b"");
        assert_eq!(decode_base64(b"admin"), Err(4));
        assert_eq!(decode_base64(b"cGFzc3dvcmQ"), Err(8));
        assert_eq!(decode_base64(b"hello world"), Err(5));
        assert_eq!(decode_base64(b"YQ="), Err(3));
        assert_eq!(decode_base64(b"YQ==YQ=="), Err(4));
        assert_eq!(decode_base64(b"Y==="), Err(1));
        assert_eq!(decode_base64(b"YWI=x"), Err(4));
    }

    #[test]
    fn config_map_keys_and_duplicates() {
        let found = errors(&config_map(
            "data:\n  bad key: x\n  shared: z\nbinaryData:\n  shared: eA==\n",
        ));
        let messages: Vec<&str> = found.iter().map(|f| f.message.en.as_str()).collect();
        assert_eq!(
            messages,
            [
                "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
                "data[shared]: Invalid value: \"shared\": duplicate of key present in binaryData",
            ]
        );
        assert_eq!((found[0].pos.line, found[0].pos.column), (6, 3));
    }

    #[test]
    fn config_map_binary_data_is_base64() {
        assert_eq!(
            messages(&config_map("binaryData:\n  logo.png: not base64\n")),
            [
                "binaryData[logo.png]: Invalid value: \"not base64\": illegal base64 data at input byte 3"
            ]
        );
    }

    #[test]
    fn config_map_size() {
        let big = "x".repeat(1024 * 1024 + 1);
        assert_eq!(
            messages(&config_map(&format!("data:\n  big: {big}\n"))),
            ["[]: Too long: may not be more than 1048576 bytes"]
        );
    }

    #[test]
    fn secret_values_are_base64() {
        let found = errors(&secret("data:\n  password: admin\n"));
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message.en,
            "data[password]: Invalid value: \"<secret contents redacted>\": illegal base64 data at input byte 4"
        );
        assert!(found[0].help.en.contains("not encryption"));
        assert!(found[0].help.ja.contains("暗号化ではなく"));
        assert_eq!(
            messages(&secret(
                "data:\n  password: cGFzc3dvcmQ=\nstringData:\n  user: admin\n"
            )),
            Vec::<String>::new()
        );
    }

    #[test]
    fn secret_size_counts_decoded_and_string_data() {
        let big = "x".repeat(1024 * 1024);
        assert_eq!(
            messages(&secret(&format!(
                "data:\n  a: eA==\nstringData:\n  b: {big}\n"
            ))),
            ["data: Too long: may not be more than 1048576 bytes"]
        );
    }

    #[test]
    fn secret_types_need_their_keys() {
        assert_eq!(
            messages(&secret("type: kubernetes.io/tls\ndata:\n  tls.crt: eA==\n")),
            ["data[tls.key]: Required value"]
        );
        assert_eq!(
            messages(&secret(
                "type: kubernetes.io/tls\nstringData:\n  tls.crt: c\n  tls.key: k\n"
            )),
            Vec::<String>::new()
        );
        assert_eq!(
            messages(&secret("type: kubernetes.io/basic-auth\nstringData: {}\n")),
            [
                "data[username]: Required value",
                "data[password]: Required value"
            ]
        );
        assert_eq!(
            messages(&secret(
                "type: kubernetes.io/ssh-auth\nstringData:\n  ssh-privatekey: ''\n"
            )),
            ["data[ssh-privatekey]: Required value"]
        );
        assert_eq!(
            messages(&secret("type: kubernetes.io/dockerconfigjson\n")),
            ["data[.dockerconfigjson]: Required value"]
        );
        assert_eq!(
            messages(&secret("type: kubernetes.io/service-account-token\n")),
            ["metadata.annotations[kubernetes.io/service-account.name]: Required value"]
        );
    }

    #[test]
    fn docker_config_must_be_a_json_object() {
        let yaml = secret(
            "type: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: '{\"auths\": }'\n",
        );
        assert_eq!(
            messages(&yaml),
            [
                "data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": invalid character '}' looking for beginning of value"
            ]
        );
        let yaml = secret(
            "type: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: '[]'\n",
        );
        assert!(messages(&yaml)[0].ends_with(
            "json: cannot unmarshal array into Go value of type map[string]interface {}"
        ));
        let yaml = secret(
            "type: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: '{\"auths\": {}'\n",
        );
        assert!(messages(&yaml)[0].ends_with("unexpected end of JSON input"));
    }
}
