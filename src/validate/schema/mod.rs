//! The schema layer: Kubernetes' own OpenAPI definitions (through
//! k8s-openapi's schemars schemas) compiled once into a compact graph, and a
//! walk that reports every unknown field, wrong type and missing required
//! field of a document, each at its position.

mod kinds;
mod shapes;
mod walk;

pub(crate) use shapes::{group_of, old_schemas, schemas};
pub(crate) use walk::check_document;

use super::finding::Severity;
use super::rule::{Rule, Words};

const FIELD_VALIDATION: &str =
    "https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation";

pub(crate) static UNKNOWN_FIELD: Rule = Rule {
    id: "schema/unknown-field",
    summary: Words::new(
        "A field the kind's schema does not have (kubectl --validate=strict refuses it)",
        "kindのスキーマにないフィールド(kubectl --validate=strictは拒否する)",
    ),
    help: Words::new(
        "check the spelling and the indentation: field names are case-sensitive, and a field at the wrong level is unknown there",
        "綴りとインデントを確認してください。フィールド名は大文字と小文字を区別し、違う階層に書いたフィールドはそこでは未知のフィールドになります",
    ),
    docs: FIELD_VALIDATION,
    ..Rule::SCHEMA
};

pub(crate) static TYPE: Rule = Rule {
    id: "schema/type",
    summary: Words::new(
        "A value of the wrong type (text where a number belongs, a list where an object belongs)",
        "型の違う値(数値の場所に文字列、オブジェクトの場所にリストなど)",
    ),
    help: Words::new(
        "write the value in the type the field takes; quote numbers meant as text (`\"8080\"`) and unquote numbers meant as numbers",
        "フィールドの型どおりに値を書いてください。文字列として扱う数字は引用符で囲み(`\"8080\"`)、数値は引用符を付けずに書きます",
    ),
    docs: FIELD_VALIDATION,
    ..Rule::SCHEMA
};

pub(crate) static REQUIRED: Rule = Rule {
    id: "schema/required",
    summary: Words::new(
        "A field the schema requires is missing",
        "スキーマが必須とするフィールドがない",
    ),
    help: Words::new(
        "add the field; every manifest names its apiVersion and kind, and each kind has fields of its own that it cannot do without",
        "フィールドを追加してください。すべてのマニフェストにはapiVersionとkindが必要で、kindごとにも欠かせないフィールドがあります",
    ),
    docs: "https://kubernetes.io/docs/concepts/overview/working-with-objects/#required-fields",
    ..Rule::SCHEMA
};

pub(crate) static UNKNOWN_API_VERSION: Rule = Rule {
    id: "schema/unknown-api-version",
    summary: Words::new(
        "The kind exists, but not in this apiVersion (often one that was removed)",
        "kindは存在するが、このapiVersionにはない(削除されたバージョンであることが多い)",
    ),
    help: Words::new(
        "use the apiVersion the kind is served as today; the deprecation guide lists what replaced each removed version",
        "現在そのkindを提供しているapiVersionを使ってください。削除されたバージョンの移行先は非推奨APIの移行ガイドにあります",
    ),
    docs: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/",
    ..Rule::SCHEMA
};

pub(crate) static UNKNOWN_KIND: Rule = Rule {
    id: "schema/unknown-kind",
    summary: Words::new(
        "No built-in kind of this name exists in this API group",
        "このAPIグループにこの名前の組み込みkindはない",
    ),
    help: Words::new(
        "check the spelling (kinds are case-sensitive) and the apiVersion's group",
        "綴り(kindは大文字と小文字を区別します)と、apiVersionのグループを確認してください",
    ),
    docs: "https://kubernetes.io/docs/reference/using-api/",
    ..Rule::SCHEMA
};

pub(crate) static CUSTOM_RESOURCE: Rule = Rule {
    id: "schema/custom-resource",
    summary: Words::new(
        "A custom resource: only its metadata can be checked offline",
        "カスタムリソース: オフラインで検査できるのはmetadataだけ",
    ),
    help: Words::new(
        "the cluster needs the CustomResourceDefinition of this kind; its schema is not known offline",
        "クラスターにこのkindのCustomResourceDefinitionが必要です。そのスキーマはオフラインではわかりません",
    ),
    docs: "https://kubernetes.io/docs/concepts/extend-kubernetes/api-extension/custom-resources/",
    severity: Severity::Info,
    ..Rule::SCHEMA
};

pub(crate) static DEPRECATED_API: Rule = Rule {
    id: "schema/deprecated-api",
    summary: Words::new(
        "An apiVersion the release still serves but has deprecated (the API server warns)",
        "リリースがまだ提供しているが非推奨にしたapiVersion(APIサーバーが警告する)",
    ),
    help: Words::new(
        "move to the replacement the warning names before the release that removes it",
        "削除されるリリースより前に、警告が示す移行先に切り替えてください",
    ),
    docs: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/",
    severity: Severity::Warning,
    ..Rule::SCHEMA
};

/// The rules of this layer, for the registry.
pub(crate) static RULES: &[&Rule] = &[
    &UNKNOWN_FIELD,
    &TYPE,
    &REQUIRED,
    &UNKNOWN_API_VERSION,
    &UNKNOWN_KIND,
    &CUSTOM_RESOURCE,
    &DEPRECATED_API,
];
