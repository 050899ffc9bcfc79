//! Go's `encoding/base64` `StdEncoding` decoder as the API server applies it
//! to Secret `data` and ConfigMap `binaryData`: padding required, newlines
//! ignored, and the error names the first bad input byte.

/// Base64 with padding, as Go's `base64.StdEncoding` decodes it (line
/// breaks are skipped); `Err` holds the byte offset Go reports.
pub(crate) fn decode_base64(src: &[u8]) -> Result<Vec<u8>, usize> {
    let mut out = Vec::with_capacity(src.len() / 4 * 3);
    let mut pos = 0;
    while pos < src.len() {
        pos = decode_quantum(src, pos, &mut out)?;
    }
    Ok(out)
}

/// The value of one base64 character.
fn sextet(byte: u8) -> Option<u8> {
    match byte {
        b'A'..=b'Z' => Some(byte - b'A'),
        b'a'..=b'z' => Some(byte - b'a' + 26),
        b'0'..=b'9' => Some(byte - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Whether a byte is a line break, which Go's decoder skips.
fn is_newline(byte: u8) -> bool {
    byte == b'\n' || byte == b'\r'
}

/// Decodes one group of four characters (Go's `decodeQuantum`), returning
/// where the next group starts.
fn decode_quantum(src: &[u8], mut pos: usize, out: &mut Vec<u8>) -> Result<usize, usize> {
    let mut group = [0_u8; 4];
    let mut len = 0;
    while len < 4 {
        let Some(&byte) = src.get(pos) else {
            return if len == 0 { Ok(pos) } else { Err(pos - len) };
        };
        pos += 1;
        if let Some(value) = sextet(byte) {
            group[len] = value;
            len += 1;
        } else if !is_newline(byte) {
            if byte != b'=' || len < 2 {
                return Err(pos - 1);
            }
            pos = padding(src, pos, len)?;
            break;
        }
    }
    let bits = group.iter().fold(0_u32, |acc, &v| acc << 6 | u32::from(v));
    let bytes = bits.to_be_bytes();
    out.extend_from_slice(&bytes[1..len]);
    Ok(pos)
}

/// Checks the padding after a first `=` (a second one when only two
/// characters came before it) and that nothing but line breaks follows.
fn padding(src: &[u8], mut pos: usize, len: usize) -> Result<usize, usize> {
    let skip = |mut at: usize| {
        while src.get(at).copied().is_some_and(is_newline) {
            at += 1;
        }
        at
    };
    if len == 2 {
        pos = skip(pos);
        match src.get(pos) {
            None => return Err(src.len()),
            Some(b'=') => pos += 1,
            Some(_) => return Err(pos - 1),
        }
    }
    pos = skip(pos);
    if pos < src.len() {
        return Err(pos);
    }
    Ok(pos)
}
