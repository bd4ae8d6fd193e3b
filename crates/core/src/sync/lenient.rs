//! Reading servers' JSON the way they really send it, shared by every protocol's parser: ids and
//! numbers as numbers or as text, and errors that quote only a little of a possibly huge answer.

use serde_json::Value;

/// Text, or a number as text; anything else is missing.
pub(super) fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A whole number, sent as a number (even a float that holds one) or as text.
pub(super) fn number(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.is_finite() && f.abs() < 9.0e15)
                .map(|f| f as i64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// What a value is, for an error that says what was expected and what came.
pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The start of a server's answer, without control characters, fit to quote in a message.
pub(super) fn start(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(120)]);
    text.chars().filter(|c| !c.is_control()).collect()
}
