//! Names a person gives things (tags, kept searches): made tidy, or refused with the reason.

use crate::{Error, Result};

/// What a kind of name must be, and how its refusals read.
pub(super) struct NameRule {
    /// "a tag's name"
    pub whose: &'static str,
    /// "a tag needs a name"
    pub missing: &'static str,
    pub max_chars: usize,
}

/// `typed` made tidy (spaces trimmed, runs of them made one), or why it cannot be a name.
pub(super) fn tidy_name(typed: &str, rule: &NameRule) -> Result<String> {
    if typed.chars().any(char::is_control) {
        return Err(Error::Invalid(format!(
            "{} cannot hold control characters (a tab or a line break)",
            rule.whose
        )));
    }
    let name = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(Error::Invalid(rule.missing.to_string()));
    }
    if name.chars().count() > rule.max_chars {
        return Err(Error::Invalid(format!(
            "{} is at most {} characters long",
            rule.whose, rule.max_chars
        )));
    }
    Ok(name)
}
