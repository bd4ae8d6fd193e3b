//! Base64, for Atom bodies that carry a document of another type (`mode="base64"` in Atom 0.3,
//! or a non-text MIME type in Atom 1.0). Lenient like the rest: whitespace is skipped, padding
//! is optional, and the URL-safe alphabet is accepted.

/// The text a base64 body encodes, when it is base64 of UTF-8 text.
pub(super) fn decode_text(encoded: &[u8]) -> Option<String> {
    String::from_utf8(decode(encoded)?).ok()
}

fn decode(encoded: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(encoded.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0;
    for &b in encoded {
        let value = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            b if b.is_ascii_whitespace() => continue,
            _ => return None,
        };
        // Only the bits not yet written matter; masking keeps the shift from overflowing.
        buffer = ((buffer << 6) | u32::from(value)) & 0xFFFF;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
#[path = "tests/base64.rs"]
mod tests;
