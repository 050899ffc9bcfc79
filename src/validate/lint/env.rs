//! Env lints: `lint/duplicate-env` (only the last of two same-named
//! variables reaches the program, so the first is a silent no-op) and
//! `lint/secret-literal-env` (a secret written into the manifest ends up in
//! Git, in `kubectl get -o yaml` and in every log that prints the spec).

use std::collections::HashMap;

use super::{Container, Lints};
use crate::validate::finding::Text;
use crate::validate::rules::go_quote;

pub(super) const DUPLICATE: &str = "lint/duplicate-env";
pub(super) const SECRET_LITERAL: &str = "lint/secret-literal-env";

/// Parts of a variable name that say its value is a credential.
const SECRET_WORDS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "SECRET",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "PRIVATE_KEY",
    "ACCESS_KEY",
    "CREDENTIAL",
];

/// Whether an env var name looks like it holds a credential.
fn looks_secret(name: &str) -> bool {
    let upper = name.to_uppercase().replace('-', "_");
    SECRET_WORDS.iter().any(|word| upper.contains(word))
}

/// Checks the `env` list of one container.
pub(super) fn check(container: &Container<'_>, lints: &mut Lints<'_, '_>) {
    let Some(env) = container.get("env") else {
        return;
    };
    let list = container.path.field("env");
    let container_name = go_quote(container.name());
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (index, var) in env.items().iter().enumerate() {
        let Some(name_node) = var.get("name") else {
            continue;
        };
        let Some(name) = name_node.as_str() else {
            continue;
        };
        let path = list.index(index);
        let shown = go_quote(name);
        if let Some(&first) = first_seen.get(name) {
            lints.warn(
                DUPLICATE,
                &path.field("name"),
                name_node.pos,
                Text::new(
                    format!("container {container_name} sets env {shown} twice (first at env[{first}]); the later value wins"),
                    format!("コンテナ{container_name}で環境変数{shown}が2回設定されています(最初はenv[{first}])。後に書いた値が使われます"),
                ),
                Text::new(
                    "keep one entry per name: delete the one you do not mean, since only the last reaches the program",
                    "名前ごとに1つだけ残してください。プログラムに渡るのは最後の値だけなので、意図しない方を削除してください",
                ),
            );
        } else {
            first_seen.insert(name, index);
        }
        let literal = var
            .get("value")
            .filter(|value| value.as_str().is_some_and(|text| !text.is_empty()));
        if let Some(value) = literal.filter(|_| looks_secret(name)) {
            lints.warn(
                SECRET_LITERAL,
                &path.field("value"),
                value.pos,
                Text::new(
                    format!("container {container_name}: env {shown} has a literal value that looks like a secret"),
                    format!("コンテナ{container_name}の環境変数{shown}に、Secretと思われる値が直接書かれています"),
                ),
                Text::new(
                    "put the value in a Secret and refer to it with `valueFrom: {secretKeyRef: {name: …, key: …}}`, or better mount the Secret as a volume (env values leak through /proc, crash dumps and logs); remember Secrets are only base64-encoded unless encryption at rest is on",
                    "値はSecretに入れ、`valueFrom: {secretKeyRef: {name: …, key: …}}`で参照してください。環境変数は/procやクラッシュダンプ、ログから漏れやすいため、Secretをボリュームとしてマウントする方がより安全です。なお、保存時の暗号化を設定しない限り、SecretはBase64でエンコードされているだけです",
                ),
            );
        }
    }
}
