//! Go's `time.ParseDuration`: signed sums of decimal numbers with units
//! (`1h30m`, `1.5h`, `500ms`, `µs`), checked for validity and the int64
//! nanosecond range, with Go's error texts (`time: invalid duration "x"`).

/// Nanoseconds per Go duration unit.
fn unit_nanos(unit: &str) -> Option<u128> {
    Some(match unit {
        "ns" => 1,
        "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
        "ms" => 1_000_000,
        "s" => 1_000_000_000,
        "m" => 60_000_000_000,
        "h" => 3_600_000_000_000,
        _ => return None,
    })
}

/// Go's `time.ParseDuration`, for validity only; the error is Go's.
pub(crate) fn parse_go_duration(text: &str) -> Result<(), String> {
    let invalid = || format!("time: invalid duration {}", time_quote(text));
    let mut rest = text;
    let negative = rest.starts_with('-');
    if rest.starts_with(['-', '+']) {
        rest = &rest[1..];
    }
    if rest == "0" {
        return Ok(());
    }
    if rest.is_empty() {
        return Err(invalid());
    }
    let mut total: u128 = 0;
    while !rest.is_empty() {
        let (value, remainder) = duration_term(rest, text)?;
        rest = remainder;
        total += value;
        if total > 1 << 63 {
            return Err(invalid());
        }
    }
    if !negative && total > (1 << 63) - 1 {
        return Err(invalid());
    }
    Ok(())
}

/// One `<number><unit>` term of a duration: its nanoseconds and the rest.
fn duration_term<'a>(text: &'a str, whole: &str) -> Result<(u128, &'a str), String> {
    let invalid = || format!("time: invalid duration {}", time_quote(whole));
    if !text.starts_with(|c: char| c == '.' || c.is_ascii_digit()) {
        return Err(invalid());
    }
    let (integer, mut rest) = leading_int(text).ok_or_else(invalid)?;
    let before_integer = rest.len() != text.len();
    let (mut fraction, mut scale, mut after_fraction) = (0u128, 1f64, false);
    if let Some(digits) = rest.strip_prefix('.') {
        let (value, divisor, remainder) = leading_fraction(digits);
        after_fraction = remainder.len() != digits.len();
        (fraction, scale, rest) = (value, divisor, remainder);
    }
    if !before_integer && !after_fraction {
        return Err(invalid());
    }
    let unit_len = rest
        .find(|c: char| c == '.' || c.is_ascii_digit())
        .unwrap_or(rest.len());
    if unit_len == 0 {
        return Err(format!(
            "time: missing unit in duration {}",
            time_quote(whole)
        ));
    }
    let (unit, rest) = rest.split_at(unit_len);
    let Some(nanos) = unit_nanos(unit) else {
        return Err(format!(
            "time: unknown unit {} in duration {}",
            time_quote(unit),
            time_quote(whole)
        ));
    };
    if integer > (1 << 63) / nanos {
        return Err(invalid());
    }
    let mut value = integer * nanos;
    if fraction > 0 {
        value += (fraction as f64 * (nanos as f64 / scale)) as u128;
        if value > 1 << 63 {
            return Err(invalid());
        }
    }
    Ok((value, rest))
}

/// Leading decimal digits; `None` on overflow past 2^63.
fn leading_int(text: &str) -> Option<(u128, &str)> {
    let len = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let mut value: u128 = 0;
    for digit in text[..len].bytes() {
        value = value * 10 + u128::from(digit - b'0');
        if value > 1 << 63 {
            return None;
        }
    }
    Some((value, &text[len..]))
}

/// Leading fraction digits: their value, the power of ten dividing it, and
/// the rest (digits past what fits are skipped, as Go does).
fn leading_fraction(text: &str) -> (u128, f64, &str) {
    let len = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (mut value, mut scale, mut overflow) = (0u128, 1f64, false);
    for digit in text[..len].bytes() {
        if overflow {
            continue;
        }
        let next = value * 10 + u128::from(digit - b'0');
        if value > ((1 << 63) - 1) / 10 || next > 1 << 63 {
            overflow = true;
            continue;
        }
        value = next;
        scale *= 10.0;
    }
    (value, scale, &text[len..])
}

/// A string quoted as Go's time package quotes it in errors.
fn time_quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if !c.is_ascii() || c < ' ' {
            let mut buffer = [0u8; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("\\x{byte:02x}"));
            }
        } else {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out.push('"');
    out
}
