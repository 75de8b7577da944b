//! English credit lines, with the lexicon's English role words: `By Jane Doe`, `Editor: …`,
//! `Source: …`, and the wire's closing `Reporting by …; Editing by …`.

use crate::article::lexicon::{self, ENGLISH_ROLES, Role};
use crate::script::at_most;

use super::{Credits, collapse};

/// Names as a credit runs them: each word capitalised (`Jane Doe`, `David Chance and Paul
/// Simao`, `Howard Schneider in Washington` is not).
fn names(value: &str) -> bool {
    let words: Vec<&str> = value.split_whitespace().collect();
    (1..=8).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "and" | "&"))
}

/// An English credit line: one or more credits apart by `;`, each a role word and its value
/// (`By Jane Doe`, `Editor: Sam Lee`, `Reporting by A; Editing by B and C`).
pub(super) fn english(t: &str) -> Option<Credits> {
    if !at_most(t, 400) {
        return None;
    }
    let mut out = Credits::default();
    for (i, part) in t.split(';').enumerate() {
        let part = part.trim().trim_end_matches('.').trim();
        if part.is_empty() {
            continue;
        }
        let (word, len, role) = ENGLISH_ROLES.iter().find_map(|&(w, r)| {
            let len = lexicon::starts(part, w)
                .or_else(|| lexicon::starts(part, &w.to_ascii_uppercase()))?;
            Some((w, len, r))
        })?;
        let rest = part.get(len..)?;
        let value = if word.ends_with(" by") || word == "By" {
            // `By Jane Doe`: the names follow a space.
            let v = rest.strip_prefix(' ')?;
            if !names(v) {
                // `Additional reporting by A in Washington, B in New York`: a later credit
                // of the line that lists places as well as names is read past.
                if i > 0 {
                    continue;
                }
                return None;
            }
            v
        } else {
            // `Editor: Sam Lee`: a label and a colon.
            let v = rest.trim_start().strip_prefix(':')?;
            if !at_most(v, 60) || v.contains(". ") {
                return None;
            }
            v
        };
        let value = collapse(value);
        if value.is_empty() {
            return None;
        }
        match role {
            Role::Author | Role::Reporter => {
                out.byline.get_or_insert(value);
            }
            Role::Editor => {
                out.editor.get_or_insert(value);
            }
            Role::Source => {
                out.source.get_or_insert(value);
            }
            Role::Account | Role::Other => {}
        }
    }
    (out != Credits::default()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_credits_at_the_foot() {
        let c = english("Reporting by Ann Lee; Editing by Bo Chan and Cy Diaz").unwrap();
        assert_eq!(c.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(c.editor.as_deref(), Some("Bo Chan and Cy Diaz"));
        assert_eq!(
            english("BY JANE DOE").and_then(|c| c.byline),
            Some("JANE DOE".into())
        );
        assert_eq!(english("By the end of the day, nothing changed."), None);
        assert_eq!(english("Editing the film took a year"), None);
        let c = english(
            "Reporting by Ann Lee; Additional reporting by Bo Chan in Lima, Cy Diaz in Quito \
             and Di Fox in Bogota; Editing by Ed Gray",
        )
        .unwrap();
        assert_eq!(c.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(c.editor.as_deref(), Some("Ed Gray"));
        assert_eq!(
            english("By Ann Lee; the rest of the crew stayed in Lima for a week"),
            None
        );
    }
}
