//! English credit lines: `By Jane Doe`, `Editor: …`, `Source: …`, `Author: …`.

use crate::script::at_most;

use super::{Credits, collapse};

/// An English credit line: `By Jane Doe`, `Editor: …`, `Source: …`, `Author: …`.
pub(super) fn english(t: &str) -> Option<Credits> {
    if let Some(rest) = t.strip_prefix("By ").or_else(|| t.strip_prefix("BY ")) {
        let words = rest.split_whitespace().count();
        let name_like = rest
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || w == "and");
        return ((1..=6).contains(&words) && name_like).then(|| Credits {
            byline: Some(collapse(rest)),
            ..Credits::default()
        });
    }
    let (label, value) = t.split_once(':')?;
    let value = collapse(value);
    if value.is_empty() || !at_most(&value, 60) || value.contains(". ") {
        return None;
    }
    let mut out = Credits::default();
    match label.trim() {
        "Editor" | "Edited by" => out.editor = Some(value),
        "Source" => out.source = Some(value),
        "Author" | "Written by" => out.byline = Some(value),
        _ => return None,
    }
    Some(out)
}
