//! Name and identifier rules of the Kubernetes API (apimachinery's
//! validation package): each returns the problems as the API server words
//! them, empty when the value is fine. `problem_text` adds the Japanese.

use crate::validate::finding::Text;

/// RFC 1123 subdomain: most object names.
pub(crate) const DNS1123_SUBDOMAIN_MAX: usize = 253;
/// RFC 1123 / RFC 1035 label: container names, Service names, label parts.
pub(crate) const DNS_LABEL_MAX: usize = 63;

/// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`: qualified-name parts and label values.
fn is_alnum_dash_dot(value: &str) -> bool {
    let alnum = |c: char| c.is_ascii_alphanumeric();
    value
        .chars()
        .all(|c| alnum(c) || matches!(c, '-' | '_' | '.'))
        && value.starts_with(alnum)
        && value.ends_with(alnum)
}

fn is_alnum_lower(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

/// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63 characters.
pub(crate) fn dns1123_label(value: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if value.len() > DNS_LABEL_MAX {
        problems.push(format!("must be no more than {DNS_LABEL_MAX} characters"));
    }
    let shape_ok = !value.is_empty()
        && value.chars().all(|c| is_alnum_lower(c) || c == '-')
        && value.starts_with(is_alnum_lower)
        && value.ends_with(is_alnum_lower);
    if !shape_ok {
        problems.push("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')".to_string());
    }
    problems
}

/// Dot-separated RFC 1123 labels, at most 253 characters.
pub(crate) fn dns1123_subdomain(value: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if value.len() > DNS1123_SUBDOMAIN_MAX {
        problems.push(format!(
            "must be no more than {DNS1123_SUBDOMAIN_MAX} characters"
        ));
    }
    let shape_ok = !value.is_empty()
        && value.split('.').all(|part| {
            !part.is_empty()
                && part.chars().all(|c| is_alnum_lower(c) || c == '-')
                && part.starts_with(is_alnum_lower)
                && part.ends_with(is_alnum_lower)
        });
    if !shape_ok {
        problems.push("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')".to_string());
    }
    problems
}

/// `[a-z]([-a-z0-9]*[a-z0-9])?`, at most 63 characters: Service names.
pub(crate) fn dns1035_label(value: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if value.len() > DNS_LABEL_MAX {
        problems.push(format!("must be no more than {DNS_LABEL_MAX} characters"));
    }
    let shape_ok = !value.is_empty()
        && value.chars().all(|c| is_alnum_lower(c) || c == '-')
        && value.starts_with(|c: char| c.is_ascii_lowercase())
        && value.ends_with(is_alnum_lower);
    if !shape_ok {
        problems.push("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')".to_string());
    }
    problems
}

/// A qualified name (`[prefix/]name`): label and annotation keys.
pub(crate) fn qualified_name(value: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let (prefix, name) = match value.split_once('/') {
        Some((prefix, name)) => (Some(prefix), name),
        None => (None, value),
    };
    if let Some(prefix) = prefix {
        if prefix.is_empty() {
            problems.push("prefix part must be non-empty".to_string());
        } else {
            problems.extend(
                dns1123_subdomain(prefix)
                    .into_iter()
                    .map(|p| format!("prefix part {p}")),
            );
        }
    }
    if name.is_empty() {
        problems.push("name part must be non-empty".to_string());
    } else if name.len() > DNS_LABEL_MAX {
        problems.push(format!(
            "name part must be no more than {DNS_LABEL_MAX} characters"
        ));
    }
    if !name.is_empty() && !is_alnum_dash_dot(name) {
        problems.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')".to_string());
    }
    problems
}

/// A label value: empty, or up to 63 characters `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?`.
pub(crate) fn label_value(value: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if value.len() > DNS_LABEL_MAX {
        problems.push(format!("must be no more than {DNS_LABEL_MAX} characters"));
    }
    if !value.is_empty() && !is_alnum_dash_dot(value) {
        problems.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')".to_string());
    }
    problems
}

/// An IANA service name: port names (at most 15 characters, a letter,
/// no double or edge hyphens).
pub(crate) fn iana_svc_name(value: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if value.len() > 15 {
        problems.push("must be no more than 15 characters".to_string());
    }
    if !value.chars().all(|c| is_alnum_lower(c) || c == '-') {
        problems.push(
            "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)".to_string(),
        );
    }
    if value.contains("--") {
        problems.push("must not contain consecutive hyphens".to_string());
    }
    if !value.chars().any(|c| c.is_ascii_lowercase()) {
        problems.push("must contain at least one letter (a-z)".to_string());
    }
    if value.starts_with('-') || value.ends_with('-') {
        problems.push("must not begin or end with a hyphen".to_string());
    }
    problems
}

/// A key of a ConfigMap or Secret: `[-._a-zA-Z0-9]+`, at most 253 characters,
/// not `.` or `..`.
pub(crate) fn config_map_key(value: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if value.len() > DNS1123_SUBDOMAIN_MAX {
        problems.push(format!(
            "must be no more than {DNS1123_SUBDOMAIN_MAX} characters"
        ));
    }
    if value.is_empty()
        || !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        problems.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')".to_string());
    }
    if value == "." || value == ".." {
        problems.push(format!("must not be '{value}'"));
    }
    problems
}

/// Japanese for the problems above and for the other reasons the rules pass
/// on verbatim, matched by how they start (the first match wins, so longer
/// phrases come before their prefixes).
const PROBLEMS_JA: [(&str, &str); 26] = [
    (
        "a lowercase RFC 1123 label",
        "小文字のRFC 1123ラベルは英小文字・数字・'-'だけで構成し、先頭と末尾は英数字でなければなりません(例: 'my-name'、'123-abc')",
    ),
    (
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_'",
        "英小文字・数字・'_'・'-'・'.'だけからなり、先頭と末尾が英数字でなければなりません(RFC 1123サブドメイン。例: 'example.com')",
    ),
    (
        "a lowercase RFC 1123 subdomain",
        "英小文字・数字・'-'・'.'だけからなり、先頭と末尾が英数字でなければなりません(RFC 1123サブドメイン。例: 'example.com')",
    ),
    (
        "a DNS-1035 label",
        "英小文字・数字・'-'だけからなり、英字で始まり英数字で終わらなければなりません(DNS-1035ラベル。例: 'my-name'、'abc-123')",
    ),
    (
        "must consist of alphanumeric characters",
        "英数字・'-'・'_'・'.'だけからなり、先頭と末尾が英数字でなければなりません(例: 'MyName'、'my.name'、'123-abc')",
    ),
    (
        "a valid label must be an empty string",
        "ラベルの値は空文字列か、英数字・'-'・'_'・'.'だけからなり先頭と末尾が英数字の文字列でなければなりません(例: 'MyValue'、'my_value'、'12345')",
    ),
    (
        "a valid config key",
        "設定のキーは英数字、'-'、'_'、'.'だけで構成する必要があります(例: 'key.name'、'KEY_NAME'、'key-name')",
    ),
    ("must be non-empty", "空にはできません"),
    ("must not be '..'", "'..'は使用できません"),
    ("must not be '.'", "'.'は使用できません"),
    ("may not be '..'", "'..'は使用できません"),
    ("may not be '.'", "'.'は使用できません"),
    ("may not contain '/'", "'/'を含めることはできません"),
    ("may not contain '%'", "'%'を含めることはできません"),
    (
        "must be spec.names.plural+\".\"+spec.group",
        "spec.names.plural+\".\"+spec.groupでなければなりません",
    ),
    (
        "must contain only alpha-numeric characters",
        "英小文字(a-z)、数字(0-9)、ハイフン(-)だけを使えます",
    ),
    (
        "must not contain consecutive hyphens",
        "ハイフンを連続させることはできません",
    ),
    (
        "must contain at least one letter",
        "英字(a-z)を1文字以上含めなければなりません",
    ),
    (
        "must not begin or end with a hyphen",
        "先頭と末尾にハイフンは使えません",
    ),
    ("must not contain dots", "ドットを含めることはできません"),
    (
        "must be between 1 and 65535, inclusive",
        "1以上65535以下でなければなりません",
    ),
    (
        "must be a valid CIDR value",
        "CIDRとして正しい値でなければなりません(例: 10.9.8.0/24、2001:db8::/64)",
    ),
    (
        "a valid percent string",
        "パーセント文字列は数字のあとに'%'を付けた形でなければなりません(例: '1%'、'93%')",
    ),
    (
        "must be a standard resource type or fully qualified",
        "標準のリソース種別か、ドメイン付きの完全修飾名でなければなりません",
    ),
    (
        "must be a standard resource for containers",
        "コンテナで使える標準リソースでなければなりません",
    ),
    (
        "doesn't follow extended resource name standard",
        "拡張リソース名の規則に従っていません",
    ),
];

/// A problem in both languages: the English is the server's, kept as is.
pub(crate) fn problem_text(problem: &str) -> Text {
    Text::new(problem, problem_ja(problem))
}

/// Japanese wording of a problem; an unknown one stays in English.
fn problem_ja(problem: &str) -> String {
    if let Some(rest) = problem.strip_prefix("prefix part ") {
        return format!("プレフィックス部分: {}", problem_ja(rest));
    }
    if let Some(rest) = problem.strip_prefix("name part ") {
        return format!("名前部分: {}", problem_ja(rest));
    }
    if let Some(count) = problem
        .strip_prefix("must be no more than ")
        .and_then(|rest| rest.strip_suffix(" characters"))
    {
        return format!("{count}文字以下でなければなりません");
    }
    let Some((_, ja)) = PROBLEMS_JA.iter().find(|(en, _)| problem.starts_with(en)) else {
        return problem.to_string();
    };
    let regex = problem
        .split_once("regex used for validation is '")
        .and_then(|(_, rest)| rest.rsplit_once('\''))
        .map(|(regex, _)| format!("(検証に使われる正規表現: '{regex}')"))
        .unwrap_or_default();
    format!("{ja}{regex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_subdomains() {
        assert!(dns1123_label("web-1").is_empty());
        assert_eq!(dns1123_label("Web").len(), 1);
        assert_eq!(
            dns1123_label(&"a".repeat(64)),
            ["must be no more than 63 characters"]
        );
        assert!(dns1123_subdomain("my.app-1").is_empty());
        assert!(!dns1123_subdomain("my..app").is_empty());
        assert!(dns1035_label("web").is_empty());
        assert!(!dns1035_label("1web").is_empty());
    }

    #[test]
    fn keys_values_and_port_names() {
        assert!(qualified_name("app.kubernetes.io/name").is_empty());
        assert!(!qualified_name("bad key").is_empty());
        assert!(!qualified_name("/x").is_empty());
        assert!(label_value("").is_empty());
        assert!(label_value("v1.2_3").is_empty());
        assert!(!label_value("-x").is_empty());
        assert!(iana_svc_name("http").is_empty());
        assert!(!iana_svc_name("80").is_empty());
        assert!(!iana_svc_name("web--metrics").is_empty());
        assert!(config_map_key("app.properties").is_empty());
        assert!(!config_map_key("..").is_empty());
        assert!(!config_map_key("a/b").is_empty());
    }

    #[test]
    fn japanese_reasons() {
        assert_eq!(
            problem_ja("must be no more than 63 characters"),
            "63文字以下でなければなりません"
        );
        assert_eq!(
            problem_ja("name part must be no more than 63 characters"),
            "名前部分: 63文字以下でなければなりません"
        );
        assert!(
            problem_ja("prefix part a lowercase RFC 1123 subdomain must …")
                .starts_with("プレフィックス部分: 英小文字")
        );
        assert_eq!(problem_ja("something new"), "something new");
    }
}
