//! Go's `strconv.Atoi`: what the cron parser uses to read numbers, with
//! its reasons (`invalid syntax`, `value out of range`).

/// Go's `strconv.Atoi` on a 64-bit machine: an optional sign and decimal
/// digits; the error is its reason.
pub(crate) fn go_atoi(text: &str) -> Result<i64, &'static str> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("invalid syntax");
    }
    let magnitude: u128 = digits.parse().map_err(|_| "value out of range")?;
    let limit = if negative {
        1u128 << 63
    } else {
        (1u128 << 63) - 1
    };
    if magnitude > limit {
        return Err("value out of range");
    }
    let signed = i128::try_from(magnitude).map_err(|_| "value out of range")?;
    i64::try_from(if negative { -signed } else { signed }).map_err(|_| "value out of range")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_atoi_matches_strconv() {
        assert_eq!(go_atoi("+5"), Ok(5));
        assert_eq!(go_atoi("-5"), Ok(-5));
        assert_eq!(go_atoi(""), Err("invalid syntax"));
        assert_eq!(go_atoi("1_0"), Err("invalid syntax"));
        assert_eq!(go_atoi("99999999999999999999"), Err("value out of range"));
    }
}
