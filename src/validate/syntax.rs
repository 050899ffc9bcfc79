//! Findings of the YAML layer (`yaml/…`): what stops a file from being read
//! at all, or makes it mean something else than it seems to (a duplicate key).

use super::finding::{Finding, Text};
use super::path::FieldPath;
use super::rule::{Rule, Words};
use super::yaml::{DuplicateKey, YamlError, YamlErrorKind};

const OBJECTS: &str = "https://kubernetes.io/docs/concepts/overview/working-with-objects/";

pub(crate) static SYNTAX: Rule = Rule {
    id: "yaml/syntax",
    summary: Words::new(
        "The input is not well-formed YAML",
        "入力が正しい形式のYAMLではない",
    ),
    help: Words::new(
        "check the indentation (spaces only, no tabs) and that brackets and quotes are closed",
        "インデント(タブではなくスペース)と、括弧や引用符が閉じているかを確認してください",
    ),
    docs: OBJECTS,
    ..Rule::YAML
};

pub(crate) static DUPLICATE_KEY: Rule = Rule {
    id: "yaml/duplicate-key",
    summary: Words::new(
        "A mapping has the same key twice",
        "マッピングに同じキーが2回ある",
    ),
    help: Words::new(
        "keep one of the two entries: YAML parsers silently keep only one, and strict field validation refuses both",
        "どちらか一方だけを残してください。YAMLパーサーは黙って片方だけを使い、厳密なフィールド検証では拒否されます",
    ),
    docs: "https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation",
    ..Rule::YAML
};

pub(crate) static TOO_LARGE: Rule = Rule {
    id: "yaml/too-large",
    summary: Words::new(
        "The input is larger than kubetutor reads (4 MiB)",
        "入力がkubetutorの読み込める大きさ(4 MiB)を超えている",
    ),
    help: Words::new(
        "split the manifests into several files",
        "マニフェストを複数のファイルに分けてください",
    ),
    docs: OBJECTS,
    ..Rule::YAML
};

pub(crate) static TOO_DEEP: Rule = Rule {
    id: "yaml/too-deep",
    summary: Words::new(
        "Mappings and sequences nest deeper than any Kubernetes object",
        "マッピングやシーケンスの入れ子が、どのKubernetesオブジェクトよりも深い",
    ),
    help: Words::new(
        "no Kubernetes object nests this deeply; look for runaway brackets",
        "これほど深く入れ子になるKubernetesオブジェクトはありません。括弧の閉じ忘れを探してください",
    ),
    docs: OBJECTS,
    ..Rule::YAML
};

pub(crate) static ALIAS_BUDGET: Rule = Rule {
    id: "yaml/alias-budget",
    summary: Words::new(
        "Aliases expand to more nodes than any real manifest (an alias bomb)",
        "エイリアスの展開が実際のマニフェストではありえないほど大きい(エイリアス爆弾)",
    ),
    help: Words::new(
        "write the values out instead of nesting aliases",
        "エイリアスを入れ子にせず、値を直接書いてください",
    ),
    docs: OBJECTS,
    ..Rule::YAML
};

pub(crate) static INVALID_UTF8: Rule = Rule {
    id: "yaml/invalid-utf8",
    summary: Words::new(
        "The input is not UTF-8 text",
        "入力がUTF-8のテキストではない",
    ),
    help: Words::new(
        "save the file as UTF-8",
        "ファイルをUTF-8で保存してください",
    ),
    docs: OBJECTS,
    ..Rule::YAML
};

/// The rules of this layer, for the registry.
pub(crate) static RULES: &[&Rule] = &[
    &SYNTAX,
    &DUPLICATE_KEY,
    &TOO_LARGE,
    &TOO_DEEP,
    &ALIAS_BUDGET,
    &INVALID_UTF8,
];

/// A duplicate key, as `kubectl --validate=strict` reports it.
pub(crate) fn duplicate_key(duplicate: &DuplicateKey) -> Finding {
    let path = FieldPath::default();
    let path = duplicate
        .path
        .split('.')
        .filter(|part| !part.is_empty())
        .fold(path, |path, part| path.field(part))
        .field(&duplicate.key);
    Finding::new(
        &DUPLICATE_KEY,
        duplicate.document,
        path,
        duplicate.pos,
        Text::new(
            format!(
                "mapping key \"{}\" already defined at line {}",
                duplicate.key, duplicate.first.line
            ),
            format!(
                "マッピングのキー\"{}\"は{}行目ですでに定義されています",
                duplicate.key, duplicate.first.line
            ),
        ),
        Text::new(
            "keep one of the two entries: YAML parsers silently keep only one, the API server refuses both",
            "どちらか一方だけを残してください。YAMLパーサーは黙って片方だけを使い、厳密な検証では拒否されます",
        ),
    )
}

/// A rule with the message and help of one finding.
type Explained = (&'static Rule, Text, Text);

/// The finding for a YAML layer failure.
pub(crate) fn yaml_error(failure: &YamlError, document: usize) -> Finding {
    let (rule, message, help) = match &failure.kind {
        YamlErrorKind::Syntax(reason) => (
            &SYNTAX,
            Text::new(
                format!("YAML syntax error: {reason}"),
                format!("YAMLの構文エラー: {reason}"),
            ),
            Text::new(
                "check the indentation (spaces only, no tabs) and that brackets and quotes are closed",
                "インデント(タブではなくスペース)と、括弧や引用符が閉じているかを確認してください",
            ),
        ),
        YamlErrorKind::TooLarge(_) => too_large(),
        YamlErrorKind::TooDeep => too_deep(),
        YamlErrorKind::AliasBudget => alias_budget(),
        YamlErrorKind::UnknownAlias => (
            &SYNTAX,
            Text::new(
                "unknown anchor referenced by an alias",
                "エイリアスが未定義のアンカーを参照しています",
            ),
            Text::new(
                "define `&name` before using `*name`",
                "`*name`を使う前に`&name`を定義してください",
            ),
        ),
        YamlErrorKind::NonScalarKey => (
            &SYNTAX,
            Text::new(
                "mapping keys must be scalars",
                "マッピングのキーはスカラー値でなければなりません",
            ),
            Text::new(
                "a key is a plain name followed by `:`",
                "キーは名前のあとに`:`を付けて書きます",
            ),
        ),
        YamlErrorKind::InvalidUtf8 => (
            &INVALID_UTF8,
            Text::new(
                "input is not valid UTF-8",
                "入力が正しいUTF-8ではありません",
            ),
            Text::new(
                "save the file as UTF-8",
                "ファイルをUTF-8で保存してください",
            ),
        ),
    };
    Finding::new(rule, document, "", failure.pos, message, help)
}

/// Input past the size limit is refused before parsing, so the finding names the limit.
fn too_large() -> Explained {
    (
        &TOO_LARGE,
        Text::new(
            format!(
                "input is larger than {} bytes, the most kubetutor reads",
                super::yaml::MAX_INPUT_BYTES
            ),
            format!(
                "入力が{}バイトを超えています。kubetutorが読み込めるのはここまでです",
                super::yaml::MAX_INPUT_BYTES
            ),
        ),
        Text::new(
            "split the manifests into several files",
            "マニフェストを複数のファイルに分けてください",
        ),
    )
}

/// Nesting is capped to bound the parser's stack; no Kubernetes object needs that depth.
fn too_deep() -> Explained {
    (
        &TOO_DEEP,
        Text::new(
            format!("nesting deeper than {} levels", super::yaml::MAX_DEPTH),
            format!("入れ子が{}段を超えています", super::yaml::MAX_DEPTH),
        ),
        Text::new(
            "no Kubernetes object nests this deeply",
            "これほど深く入れ子になるKubernetesオブジェクトはありません",
        ),
    )
}

/// Alias expansion is capped so that an alias bomb cannot exhaust memory.
fn alias_budget() -> Explained {
    (
        &ALIAS_BUDGET,
        Text::new(
            format!(
                "aliases expand to more than {} nodes; refused",
                super::yaml::ALIAS_BUDGET
            ),
            format!(
                "エイリアスの展開が{}ノードを超えるため拒否しました",
                super::yaml::ALIAS_BUDGET
            ),
        ),
        Text::new(
            "this looks like an alias bomb; write the values out instead of nesting aliases",
            "エイリアス爆弾のように見えます。エイリアスを入れ子にせず値を直接書いてください",
        ),
    )
}
