//! Go's `encoding/json` errors for `.dockerconfigjson` values: the
//! API server decodes them into an object and quotes Go's syntax error.

/// Why Go's `json.Unmarshal` into a map would fail, worded as Go words it.
pub(crate) fn go_json_object_error(bytes: &[u8]) -> Option<String> {
    match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(serde_json::Value::Object(_) | serde_json::Value::Null) => None,
        Ok(other) => {
            let kind = match other {
                serde_json::Value::Array(_) => "array",
                serde_json::Value::String(_) => "string",
                serde_json::Value::Number(_) => "number",
                _ => "bool",
            };
            Some(format!(
                "json: cannot unmarshal {kind} into Go value of type map[string]interface {{}}"
            ))
        }
        Err(error) if error.is_eof() => Some("unexpected end of JSON input".to_string()),
        Err(error) => Some(go_syntax_error(bytes, &error)),
    }
}

/// A JSON syntax error in Go's words (`invalid character 'x' looking for
/// beginning of value`), where serde's reason maps onto one of Go's.
fn go_syntax_error(bytes: &[u8], error: &serde_json::Error) -> String {
    let text = error.to_string();
    let reason = text.split(" at line ").next().unwrap_or(&text);
    let offender = byte_at(bytes, error.line(), error.column());
    let context = match reason {
        "expected value" => "looking for beginning of value",
        "expected `:`" => "after object key",
        "expected `,` or `}`" => "after object key:value pair",
        "expected `,` or `]`" => "after array element",
        "key must be a string" => "looking for beginning of object key string",
        "trailing characters" => "after top-level value",
        "trailing comma" if offender == Some(b'}') => "looking for beginning of object key string",
        "trailing comma" => "looking for beginning of value",
        _ => return reason.to_string(),
    };
    match offender {
        Some(byte) => format!("invalid character {} {context}", go_quote_char(byte)),
        None => reason.to_string(),
    }
}

/// The byte at a 1-based line and column.
fn byte_at(bytes: &[u8], line: usize, column: usize) -> Option<u8> {
    let start: usize = bytes
        .split(|&b| b == b'\n')
        .take(line.saturating_sub(1))
        .map(|l| l.len() + 1)
        .sum();
    bytes.get(start + column.checked_sub(1)?).copied()
}

/// A byte quoted as Go's JSON errors quote it (`'x'`, `'\n'`).
fn go_quote_char(byte: u8) -> String {
    match byte {
        b'\'' => "'\\''".to_string(),
        b'"' => "'\"'".to_string(),
        b'\n' => "'\\n'".to_string(),
        b'\r' => "'\\r'".to_string(),
        b'\t' => "'\\t'".to_string(),
        0x20..=0x7e => format!("'{}'", byte as char),
        _ => format!("'\\x{byte:02x}'"),
    }
}
