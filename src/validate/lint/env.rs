//! Env lints: `lint/duplicate-env` (only the last of two same-named
//! variables reaches the program, so the first is a silent no-op) and
//! `lint/secret-literal-env` (a secret written into the manifest ends up in
//! Git, in `kubectl get -o yaml` and in every log that prints the spec).

use crate::validate::go::fmt::go_quote;
use std::collections::HashMap;

use super::{Emit, Lint, Scope};
use crate::validate::finding::Text;
use crate::validate::pod::ContainerView;
use crate::validate::rule::{Rule, Words};
use crate::validate::yaml::Node;

pub(super) static DUPLICATE: Lint = Lint {
    rule: Rule {
        id: "lint/duplicate-env",
        summary: Words::new(
            "A container sets the same environment variable twice",
            "コンテナが同じ環境変数を2回設定している",
        ),
        help: Words::new(
            "keep one entry per name: delete the one you do not mean, since only the last reaches the program",
            "名前ごとに1つだけ残してください。プログラムに渡るのは最後の値だけなので、意図しない方を削除してください",
        ),
        docs: "https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/",
        ..Rule::LINT
    },
    profile: None,
    scope: Scope::Container(duplicates),
};

pub(super) static SECRET_LITERAL: Lint = Lint {
    rule: Rule {
        id: "lint/secret-literal-env",
        summary: Words::new(
            "A credential written as a literal environment variable value",
            "環境変数の値として直接書かれた認証情報",
        ),
        help: Words::new(
            "put the value in a Secret and refer to it with `valueFrom: {secretKeyRef: {name: …, key: …}}`, or better mount the Secret as a volume (env values leak through /proc, crash dumps and logs); remember Secrets are only base64-encoded unless encryption at rest is on",
            "値はSecretに入れ、`valueFrom: {secretKeyRef: {name: …, key: …}}`で参照してください。環境変数は/procやクラッシュダンプ、ログから漏れやすいため、Secretをボリュームとしてマウントする方がより安全です。なお、保存時の暗号化を設定しない限り、SecretはBase64でエンコードされているだけです",
        ),
        docs: "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables",
        ..Rule::LINT
    },
    profile: None,
    scope: Scope::Container(secret_literals),
};

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
        && !["_FILE", "_PATH", "_DIR"]
            .iter()
            .any(|end| upper.ends_with(end))
}

/// Values that configure how a credential is handled rather than being one:
/// switches (`MYSQL_ALLOW_EMPTY_PASSWORD: "1"`, `MYSQL_RANDOM_ROOT_PASSWORD:
/// "yes"`), file paths and references to other variables (`$(DB_PASSWORD)`).
fn is_switch_or_reference(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "1" | "0" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    ) || lower.starts_with('/')
        || (lower.starts_with("$(") && lower.ends_with(')') && !lower[2..].contains("$("))
}

/// The named entries of a container's `env` list: index, name node and name.
fn named_vars<'a>(
    container: &ContainerView<'a>,
) -> impl Iterator<Item = (usize, &'a Node, &'a str)> {
    let env = container.get("env").map_or(&[][..], Node::items);
    env.iter().enumerate().filter_map(|(index, var)| {
        let name_node = var.get("name")?;
        Some((index, name_node, name_node.as_str()?))
    })
}

/// Warns about a variable set a second time in one container.
fn duplicates(container: &ContainerView<'_>, emit: &mut Emit<'_>) {
    let list = container.path.field("env");
    let container_name = go_quote(container.name());
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (index, name_node, name) in named_vars(container) {
        let Some(&first) = first_seen.get(name) else {
            first_seen.insert(name, index);
            continue;
        };
        let shown = go_quote(name);
        emit.report_with_rule_help(
            &list.index(index).field("name"),
            name_node.pos,
            Text::new(
                format!("container {container_name} sets env {shown} twice (first at env[{first}]); the later value wins"),
                format!("コンテナ{container_name}で環境変数{shown}が2回設定されています(最初はenv[{first}])。後に書いた値が使われます"),
            ),
        );
    }
}

/// Warns about a literal value under a name that says it is a credential.
fn secret_literals(container: &ContainerView<'_>, emit: &mut Emit<'_>) {
    let list = container.path.field("env");
    let container_name = go_quote(container.name());
    let env = container.get("env").map_or(&[][..], Node::items);
    for (index, _, name) in named_vars(container) {
        let literal = env[index].get("value").filter(|value| {
            value
                .as_str()
                .is_some_and(|text| !text.is_empty() && !is_switch_or_reference(text))
        });
        let Some(value) = literal.filter(|_| looks_secret(name)) else {
            continue;
        };
        let shown = go_quote(name);
        emit.report_with_rule_help(
            &list.index(index).field("value"),
            value.pos,
            Text::new(
                format!("container {container_name}: env {shown} has a literal value that looks like a secret"),
                format!("コンテナ{container_name}の環境変数{shown}に、Secretと思われる値が直接書かれています"),
            ),
        );
    }
}
