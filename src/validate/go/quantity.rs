//! Kubernetes resource quantities (`500m`, `128Mi`, `1e9`), parsed and
//! printed the way apimachinery's `resource.Quantity` does, so rules can
//! compare them exactly and quote them as the API server does (`0.5` is
//! shown as `500m`, `1.5Gi` as `1536Mi`).
//!
//! Values are kept in exact nano-units (`i128`): the API server itself rounds
//! everything up to a billionth, and `i128` holds every value it can store
//! (quantities beyond about 1.7e29 saturate, far past any real manifest).

use std::cmp::Ordering;
use std::fmt;

use crate::validate::finding::Text;
use crate::validate::yaml::{Node, Value};

/// The API server's message for text that is not a quantity at all.
pub(crate) const FORMAT_ERROR: &str =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/// The API server's message for a well-formed number with an unknown suffix (`10K`).
pub(crate) const SUFFIX_ERROR: &str = "unable to parse quantity's suffix";

/// Nano-units in one unit.
const NANO: i128 = 1_000_000_000;
/// The largest value the slow path keeps: `2^63 - 1` units (apimachinery's `maxAllowed`).
const CAP_NANOS: i128 = i64::MAX as i128 * NANO;
/// Characters allowed in a suffix, before its optional signed digits.
const SUFFIX_CHARS: &[u8] = b"eEinumkKMGTP";
/// Decimal SI suffixes with their power of ten.
const DECIMAL_SUFFIXES: [(&str, i64); 10] = [
    ("n", -9),
    ("u", -6),
    ("m", -3),
    ("", 0),
    ("k", 3),
    ("M", 6),
    ("G", 9),
    ("T", 12),
    ("P", 15),
    ("E", 18),
];
/// Binary SI suffixes, index `i` meaning `1024^i`.
const BINARY_SUFFIXES: [&str; 7] = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/// How a quantity was written; it decides how the API server prints it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// `1e3`, `5E-3`.
    DecimalExponent,
    /// `1Ki`, `128Mi`.
    BinarySI,
    /// `500m`, `64M`, plain numbers.
    DecimalSI,
}

/// A parsed quantity: compared by value, displayed in canonical form.
#[derive(Debug, Clone)]
pub struct Quantity {
    nanos: i128,
    text: String,
}

impl Quantity {
    /// The exact value in billionths of a unit.
    pub fn nanos(&self) -> i128 {
        self.nanos
    }

    /// Whether the value is below zero (the API server rejects negative amounts).
    pub fn is_negative(&self) -> bool {
        self.nanos < 0
    }

    /// Whether the value is exactly zero.
    pub fn is_zero(&self) -> bool {
        self.nanos == 0
    }

    /// Whole units, rounded away from zero (apimachinery's `Value()`).
    pub fn value(&self) -> i128 {
        divide_away_from_zero(self.nanos, NANO)
    }

    /// The value as a float, for comparisons with pattern bounds.
    #[allow(clippy::cast_precision_loss)]
    pub fn as_f64(&self) -> f64 {
        self.nanos as f64 / NANO as f64
    }

    /// Thousandths, rounded away from zero (apimachinery's `MilliValue()`).
    pub fn milli_value(&self) -> i128 {
        divide_away_from_zero(self.nanos, NANO / 1000)
    }
}

impl fmt::Display for Quantity {
    /// The canonical text, as the API server prints the quantity back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl PartialEq for Quantity {
    /// Equal values are equal quantities, whatever their notation (`1Gi` and `1073741824`).
    fn eq(&self, other: &Self) -> bool {
        self.nanos == other.nanos
    }
}

impl Eq for Quantity {}

impl PartialOrd for Quantity {
    /// Orders by value, so rules can compare requests with limits.
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Quantity {
    /// Orders by value.
    fn cmp(&self, other: &Self) -> Ordering {
        self.nanos.cmp(&other.nanos)
    }
}

/// Divides rounding away from zero, as apimachinery scales values down.
fn divide_away_from_zero(value: i128, divisor: i128) -> i128 {
    let quotient = value / divisor;
    match value % divisor {
        0 => quotient,
        _ if value > 0 => quotient + 1,
        _ => quotient - 1,
    }
}

/// The pieces of a quantity's text (apimachinery's `parseQuantityString`).
struct Parts<'a> {
    positive: bool,
    /// Integer digits without leading zeros (`"0"` when there are none).
    num: &'a str,
    /// Fraction digits as written.
    denom: &'a str,
    suffix: &'a str,
}

/// Parses a quantity as the API server does (`resource.ParseQuantity`), with
/// its error messages.
pub fn parse_quantity(text: &str) -> Result<Quantity, String> {
    if text.is_empty() {
        return Err(FORMAT_ERROR.to_string());
    }
    if text == "0" {
        return Ok(zero());
    }
    let parts = split(text).ok_or_else(|| FORMAT_ERROR.to_string())?;
    let (base, exponent, format) =
        interpret(parts.suffix).ok_or_else(|| SUFFIX_ERROR.to_string())?;
    Ok(build(text, &parts, base, exponent, format))
}

/// The quantity a YAML value stands for: strings as written (trimmed, as the
/// API server's decoder does), numbers as kubectl's JSON encoding prints them.
/// `None` for other types, which the schema layer reports.
pub fn quantity_of(node: &Node) -> Option<Result<Quantity, String>> {
    match &node.value {
        Value::Str(text) => Some(parse_quantity(text.trim())),
        Value::Int(number) => Some(parse_quantity(&number.to_string())),
        Value::Float(number) => Some(go_json_float(*number).and_then(|text| parse_quantity(&text))),
        _ => None,
    }
}

/// A float as Go's `encoding/json` writes it (kubectl turns YAML into JSON
/// before sending it): plain digits, or an exponent below 1e-6 and from 1e21.
fn go_json_float(number: f64) -> Result<String, String> {
    if number.is_nan() {
        return Err("json: unsupported value: NaN".to_string());
    }
    if number.is_infinite() {
        let sign = if number > 0.0 { "+" } else { "-" };
        return Err(format!("json: unsupported value: {sign}Inf"));
    }
    let size = number.abs();
    if size != 0.0 && !(1e-6..1e21).contains(&size) {
        let text = format!("{number:e}");
        return Ok(match text.split_once('e') {
            Some((mantissa, exponent)) if !exponent.starts_with('-') => {
                format!("{mantissa}e+{exponent}")
            }
            _ => text,
        });
    }
    Ok(format!("{number}"))
}

/// A parse error in both languages (the English is the API server's).
pub(crate) fn error_text(message: &str) -> Text {
    let ja = match message {
        FORMAT_ERROR => {
            "数量は正規表現'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'に一致しなければなりません"
                .to_string()
        }
        SUFFIX_ERROR => "数量の単位(接尾辞)を解釈できません".to_string(),
        _ => message.to_string(),
    };
    Text::new(message, ja)
}

/// Plain-words advice for text that is not a quantity, aimed at the usual
/// slips: a `B` after the unit, an uppercase `K`, a lowercase binary unit.
pub(crate) fn error_help(raw: &str) -> Text {
    let trimmed = raw.trim();
    let number: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let unit = &trimmed[number.len()..];
    let decimal = match unit
        .trim_end_matches(['B', 'b'])
        .to_ascii_uppercase()
        .as_str()
    {
        "K" => Some(("k", "Ki")),
        "M" => Some(("M", "Mi")),
        "G" => Some(("G", "Gi")),
        "T" => Some(("T", "Ti")),
        "KI" => Some(("k", "Ki")),
        "MI" => Some(("M", "Mi")),
        "GI" => Some(("G", "Gi")),
        "TI" => Some(("T", "Ti")),
        _ => None,
    };
    match decimal {
        Some((power_of_ten, power_of_two)) if !number.is_empty() => Text::new(
            format!(
                "units are case-sensitive and have no \"B\": write {number}{power_of_ten} (powers of 1000) or {number}{power_of_two} (powers of 1024)"
            ),
            format!(
                "単位は大文字と小文字を区別し、\"B\"は付けません。{number}{power_of_ten}(1000の累乗)または{number}{power_of_two}(1024の累乗)と書いてください"
            ),
        ),
        _ => Text::new(
            "write a number with an optional unit: 500m or 0.5 for half a CPU, 128Mi or 1Gi for memory (m = thousandths, k/M/G = powers of 1000, Ki/Mi/Gi = powers of 1024)",
            "数値と省略可能な単位で書いてください。CPUの半分なら500mまたは0.5、メモリなら128Miや1Giのように書きます(mは1000分の1、k/M/Gは1000の累乗、Ki/Mi/Giは1024の累乗)",
        ),
    }
}

/// A zero quantity; it always prints as `0`.
fn zero() -> Quantity {
    Quantity {
        nanos: 0,
        text: "0".to_string(),
    }
}

/// Splits sign, digits, fraction and suffix; `None` when the text does not
/// match the quantity grammar.
fn split(text: &str) -> Option<Parts<'_>> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let positive = bytes.first() != Some(&b'-');
    if matches!(bytes.first(), Some(b'-' | b'+')) {
        pos += 1;
    }
    pos += count(&bytes[pos..], |b| b == b'0');
    let mut parts = Parts {
        positive,
        num: "0",
        denom: "",
        suffix: "",
    };
    if pos == bytes.len() {
        return Some(parts);
    }
    let num_end = pos + count(&bytes[pos..], |b| b.is_ascii_digit());
    if num_end > pos {
        parts.num = text.get(pos..num_end)?;
    }
    pos = num_end;
    if bytes.get(pos) == Some(&b'.') {
        let denom_end = pos + 1 + count(&bytes[pos + 1..], |b| b.is_ascii_digit());
        parts.denom = text.get(pos + 1..denom_end)?;
        pos = denom_end;
    }
    let suffix_start = pos;
    pos += count(&bytes[pos..], |b| SUFFIX_CHARS.contains(&b));
    if matches!(bytes.get(pos), Some(b'-' | b'+')) {
        pos += 1;
    }
    pos += count(&bytes[pos..], |b| b.is_ascii_digit());
    if pos < bytes.len() {
        return None;
    }
    parts.suffix = text.get(suffix_start..)?;
    Some(parts)
}

/// How many leading bytes satisfy `accept`.
fn count(bytes: &[u8], accept: impl Fn(u8) -> bool) -> usize {
    bytes.iter().take_while(|&&b| accept(b)).count()
}

/// A suffix's base, exponent and format; `None` for an unknown suffix.
fn interpret(suffix: &str) -> Option<(u32, i64, Format)> {
    if let Some((_, exponent)) = DECIMAL_SUFFIXES.iter().find(|(name, _)| *name == suffix) {
        return Some((10, *exponent, Format::DecimalSI));
    }
    if let Some(index) = BINARY_SUFFIXES[1..].iter().position(|name| *name == suffix) {
        return Some((2, 10 * (index as i64 + 1), Format::BinarySI));
    }
    let digits = suffix
        .strip_prefix(['e', 'E'])
        .filter(|rest| !rest.is_empty())?;
    let exponent: i64 = digits.parse().ok()?;
    // Go keeps the exponent in an int32, wrapping on overflow.
    Some((10, i64::from(exponent as i32), Format::DecimalExponent))
}

/// Computes the value and canonical text from the parsed pieces, following
/// apimachinery's exact int64 path when it applies and its rounded, capped
/// decimal path otherwise.
fn build(text: &str, parts: &Parts<'_>, base: u32, exponent: i64, format: Format) -> Quantity {
    let digits = format!("{}{}", parts.num, parts.denom);
    let denom_len = parts.denom.len() as i64;
    let (exp10, exp2) = match base {
        2 => (-denom_len, exponent),
        _ => (exponent - denom_len, 0),
    };
    let magnitude = magnitude_nanos(&digits, exp10, exp2);
    let exact = fast_path(parts, exponent, format);
    let magnitude = if exact.is_some() {
        magnitude
    } else {
        magnitude.min(CAP_NANOS)
    };
    let nanos = if parts.positive {
        magnitude
    } else {
        -magnitude
    };
    if nanos == 0 {
        return zero();
    }
    let text = match exact {
        Some(true) => text.to_string(),
        _ => canonical(nanos, format),
    };
    Quantity { nanos, text }
}

/// Whether apimachinery keeps this quantity as an exact int64 amount
/// (`Some`), and if so whether it reuses the text as written (`Some(true)`,
/// when it is already canonical). `None` means the rounded, capped path.
fn fast_path(parts: &Parts<'_>, exponent: i64, format: Format) -> Option<bool> {
    let digits_len = (parts.num.len() + parts.denom.len()) as i64;
    let (scale, precision, shift) = match format {
        Format::BinarySI if parts.denom.is_empty() => {
            // Go: 15 - len(num) - int32(float32(exponent)*3/10) - 1
            let digits_of_suffix = (exponent as f32 * 3.0 / 10.0) as i64;
            (
                0,
                15 - parts.num.len() as i64 - digits_of_suffix - 1,
                exponent,
            )
        }
        Format::BinarySI => (0, -1, 0),
        _ => (exponent, 18 - digits_len, 0),
    };
    let scale = scale - parts.denom.len() as i64;
    if precision < 0 || scale < -9 {
        return None;
    }
    let shifted = format!("{}{}", parts.num, parts.denom);
    let value: i64 = shifted.parse().ok()?;
    value.checked_mul(1_i64.checked_shl(u32::try_from(shift).ok()?)?)?;
    let reuse = match format {
        Format::BinarySI => exponent % 10 == 0 && value & 0x07 != 0,
        _ => scale % 3 == 0 && !shifted.ends_with("000") && !shifted.starts_with('0'),
    };
    Some(reuse)
}

/// `digits × 10^exp10 × 2^exp2` in nano-units, rounded up; saturates at
/// `i128::MAX`. Digits beyond 38 significant ones only round the last nano.
fn magnitude_nanos(digits: &str, exp10: i64, exp2: i64) -> i128 {
    let digits = digits.trim_start_matches('0');
    let significant = digits.trim_end_matches('0');
    if significant.is_empty() {
        return 0;
    }
    let mut exp10 = exp10.saturating_add(9 + (digits.len() - significant.len()) as i64);
    let kept = &significant[..significant.len().min(38)];
    exp10 = exp10.saturating_add((significant.len() - kept.len()) as i64);
    let mut sticky = kept.len() < significant.len();
    let mut number = kept
        .bytes()
        .fold(0_u128, |acc, digit| acc * 10 + u128::from(digit - b'0'));
    for _ in 0..exp2.clamp(0, 128) {
        while number.checked_mul(2).is_none() {
            sticky |= number % 10 != 0;
            number /= 10;
            exp10 = exp10.saturating_add(1);
        }
        number *= 2;
    }
    saturate(scale_by_ten(number, exp10, sticky))
}

/// `number × 10^exp10`, rounded up when digits were dropped (`sticky`) or
/// the division is inexact; `u128::MAX` on overflow.
fn scale_by_ten(number: u128, exp10: i64, sticky: bool) -> u128 {
    if exp10 >= 0 {
        return u32::try_from(exp10)
            .ok()
            .and_then(|exp| 10_u128.checked_pow(exp))
            .and_then(|factor| number.checked_mul(factor))
            .unwrap_or(u128::MAX);
    }
    let Some(divisor) = u32::try_from(exp10.unsigned_abs())
        .ok()
        .and_then(|exp| 10_u128.checked_pow(exp))
    else {
        return 1;
    };
    number / divisor + u128::from(!number.is_multiple_of(divisor) || sticky)
}

/// Clamps an unsigned magnitude into `i128`.
fn saturate(value: u128) -> i128 {
    i128::try_from(value).unwrap_or(i128::MAX)
}

/// The canonical text apimachinery prints (`CanonicalizeBytes`): the largest
/// suffix that keeps the number whole, binary only for whole multiples of 1024.
fn canonical(nanos: i128, format: Format) -> String {
    let binary = format == Format::BinarySI && nanos.abs() >= 1024 * NANO && nanos % NANO == 0;
    if binary {
        return canonical_binary(nanos / NANO);
    }
    let format = if format == Format::BinarySI {
        Format::DecimalSI
    } else {
        format
    };
    canonical_decimal(nanos, format)
}

/// `1536Mi`: whole units with the largest power of 1024 taken out.
fn canonical_binary(units: i128) -> String {
    let (mut number, mut times) = (units, 0);
    while number.abs() >= 1024 && number % 1024 == 0 && times + 1 < BINARY_SUFFIXES.len() {
        number /= 1024;
        times += 1;
    }
    format!("{number}{}", BINARY_SUFFIXES[times])
}

/// `500m`, `64M`, `1e9`: the exponent lowered to a multiple of three.
fn canonical_decimal(nanos: i128, format: Format) -> String {
    let (mut number, mut exponent) = (nanos, -9_i64);
    while number.abs() >= 10 && number % 10 == 0 {
        number /= 10;
        exponent += 1;
    }
    let extra = exponent.rem_euclid(3);
    number *= 10_i128.pow(extra as u32);
    exponent -= extra;
    let suffix = match format {
        Format::DecimalExponent if exponent == 0 => String::new(),
        Format::DecimalExponent => format!("e{exponent}"),
        _ => DECIMAL_SUFFIXES
            .iter()
            .find(|(_, power)| *power == exponent)
            .map_or_else(String::new, |(name, _)| (*name).to_string()),
    };
    format!("{number}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical_of(text: &str) -> String {
        parse_quantity(text).unwrap().to_string()
    }

    fn nanos_of(text: &str) -> i128 {
        parse_quantity(text).unwrap().nanos()
    }

    #[test]
    fn accepts_the_usual_spellings() {
        assert_eq!(nanos_of("0.5"), 500_000_000);
        assert_eq!(nanos_of("500m"), 500_000_000);
        assert_eq!(nanos_of("1e9"), 1_000_000_000 * NANO);
        assert_eq!(nanos_of("1E3"), 1000 * NANO);
        assert_eq!(nanos_of("64M"), 64_000_000 * NANO);
        assert_eq!(nanos_of("128Mi"), 128 * 1024 * 1024 * NANO);
        assert_eq!(nanos_of("1.5Gi"), 1_610_612_736 * NANO);
        assert_eq!(nanos_of("1"), NANO);
        assert_eq!(nanos_of("+2k"), 2000 * NANO);
        assert_eq!(nanos_of("-1"), -NANO);
        assert_eq!(nanos_of("100n"), 100);
        assert_eq!(nanos_of("5u"), 5000);
        assert_eq!(nanos_of("1.G"), 1_000_000_000 * NANO);
    }

    #[test]
    fn prints_like_the_api_server() {
        assert_eq!(canonical_of("0.5"), "500m");
        assert_eq!(canonical_of("500m"), "500m");
        assert_eq!(canonical_of("1.5"), "1500m");
        assert_eq!(canonical_of("1.0"), "1");
        assert_eq!(canonical_of("1e9"), "1e9");
        assert_eq!(canonical_of("1000000000"), "1G");
        assert_eq!(canonical_of("1.5Gi"), "1536Mi");
        assert_eq!(canonical_of("1024Ki"), "1Mi");
        assert_eq!(canonical_of("1536Ki"), "1536Ki");
        assert_eq!(canonical_of("0.5Ki"), "512");
        assert_eq!(canonical_of("0Gi"), "0");
        assert_eq!(canonical_of("2000m"), "2");
        assert_eq!(canonical_of("128974848"), "128974848");
    }

    #[test]
    fn rounds_up_to_nano_and_caps_huge_values() {
        assert_eq!(nanos_of("0.0000000001"), 1);
        assert_eq!(canonical_of("0.0000000001"), "1n");
        assert_eq!(canonical_of("99999999999999999999"), "9223372036854775807");
        assert_eq!(nanos_of("-0.0000000001"), -1);
    }

    #[test]
    fn rejects_what_the_api_server_rejects() {
        for bad in ["", "1.2.3", "10MB", "abc", "1 Gi", "1Gi ", "1gi"] {
            assert_eq!(parse_quantity(bad).unwrap_err(), FORMAT_ERROR, "{bad:?}");
        }
        for bad in ["10K", "1e", "1Mi2", "1mi"] {
            assert_eq!(parse_quantity(bad).unwrap_err(), SUFFIX_ERROR, "{bad:?}");
        }
    }

    #[test]
    fn explains_common_unit_slips() {
        assert!(
            error_help("10MB")
                .en
                .contains("10M (powers of 1000) or 10Mi")
        );
        assert!(
            error_help("512K")
                .en
                .contains("512k (powers of 1000) or 512Ki")
        );
        assert!(error_help("1gi").en.contains("1G (powers of 1000) or 1Gi"));
        assert!(error_help("lots").en.starts_with("write a number"));
        assert_eq!(
            error_text(SUFFIX_ERROR).ja,
            "数量の単位(接尾辞)を解釈できません"
        );
    }

    #[test]
    fn compares_by_value() {
        let q = |text: &str| parse_quantity(text).unwrap();
        assert!(q("1Gi") > q("1G"));
        assert_eq!(q("1000m"), q("1"));
        assert!(q("500m") < q("0.6"));
        assert_eq!(q("2").value(), 2);
        assert_eq!(q("1500m").milli_value(), 1500);
        assert_eq!(q("1500m").value(), 2);
    }

    #[test]
    fn reads_yaml_numbers_as_kubectl_sends_them() {
        let node = |value: Value| Node {
            value,
            pos: Default::default(),
            raw: String::new(),
        };
        let of = |value: Value| quantity_of(&node(value)).unwrap().unwrap().to_string();
        assert_eq!(of(Value::Float(0.5)), "500m");
        assert_eq!(of(Value::Float(1e9)), "1G");
        assert_eq!(of(Value::Int(2)), "2");
        assert_eq!(of(Value::Str(" 1Gi ".into())), "1Gi");
        assert_eq!(of(Value::Float(1e21)), "1e+21");
        assert!(quantity_of(&node(Value::Bool(true))).is_none());
        assert!(quantity_of(&node(Value::Float(f64::NAN))).unwrap().is_err());
    }
}
