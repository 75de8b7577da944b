//! Headlines of other stories that English news pages set between the paragraphs of a story
//! and scrapers keep as lines of text: a kicker and a colon (`Don't get trapped by bad
//! Thanksgiving weather: Top tips`), a hashtag (`#ATL24: A day in the life…`), a listicle
//! (`5 healthy eating tips for holiday travelers`), a quote lifted from the paragraph before
//! (`AirAsia pilot's son 'thinks daddy is still at work'`), or a headline with nothing after it
//! but the credits. They are links, not subheads, and leave the body.

use super::super::why::Why;
use super::super::{Role, Unit, image};
use crate::script::{at_most, is_cjk};

/// A kicker before a colon: `Kicker: headline`.
fn kicker(t: &str) -> bool {
    t.split_once(": ")
        .is_some_and(|(k, h)| !k.is_empty() && h.starts_with(|c: char| c.is_alphanumeric()))
}

/// A hashtag opening the line: `#ATL24: …`.
fn hashtag(t: &str) -> bool {
    t.strip_prefix('#')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphanumeric()))
}

/// A listicle: a number, then a word in lower case (`5 healthy eating tips…`).
fn listicle(t: &str) -> bool {
    let mut words = t.split_whitespace();
    words
        .next()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
}

/// The spans in quotes in `t`; an apostrophe inside a word (`pilot's`) is not a quote.
fn quoted(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut prev = ' ';
    let mut chars = t.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        let quote = matches!(c, '\'' | '‘' | '’' | '"' | '“' | '”');
        let inside_word = c == '\'' && prev.is_alphanumeric() && next.is_alphanumeric();
        if quote && !inside_word {
            match open {
                Some(start) if !next.is_alphanumeric() => {
                    out.push(t.get(start..i).unwrap_or_default());
                    open = None;
                }
                None if !prev.is_alphanumeric() => open = Some(i + c.len_utf8()),
                _ => {}
            }
        }
        prev = c;
    }
    out
}

/// Words in quotes that the paragraph before also prints: a headline quoting the story.
fn lifted_quote(t: &str, before: &str) -> bool {
    quoted(t)
        .iter()
        .any(|q| q.split_whitespace().count() >= 3 && before.contains(q.trim()))
}

/// The shape of an English headline line: short, a few words, no full stop at its end.
fn headline(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (2..=16).contains(&words) && at_most(t, 100) && !t.ends_with(['.', ',', ';', ':'])
}

/// Marks the promotional headlines of a mostly Latin-script text as dropped.
pub(super) fn promo_headlines(units: &mut [Unit]) {
    let latin = units
        .iter()
        .filter(|u| u.role == Role::Body)
        .take(20)
        .all(|u| !u.text.chars().any(is_cjk));
    if !latin {
        return;
    }
    let body: Vec<usize> = (0..units.len())
        .filter(|&i| matches!(units[i].role, Role::Body | Role::Detected(_)))
        .collect();
    for (k, &i) in body.iter().enumerate() {
        let u = &units[i];
        let picture = image::only_images(&u.text);
        if u.role != Role::Body || !u.line || picture || !headline(u.text.trim()) {
            continue;
        }
        let t = u.text.trim();
        let before = k
            .checked_sub(1)
            .map_or("", |p| units[body[p]].text.as_str());
        let last = body[k + 1..]
            .iter()
            .all(|&j| headline(units[j].text.trim()));
        if kicker(t) || hashtag(t) || listicle(t) || lifted_quote(t, before) || last && k > 0 {
            units[i].drop_for(Why::features("promotional headline"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promotional_headline_shapes() {
        assert!(kicker(
            "Don't get trapped by bad Thanksgiving weather: Top tips"
        ));
        assert!(kicker(
            "AirAsia plane missing: profile of airline boss Tony Fernandes"
        ));
        assert!(!kicker("Will winds whip parade balloons?"));
        assert!(hashtag(
            "#ATL24: A day in the life of the world's busiest airport"
        ));
        assert!(!hashtag("# heading"));
        assert!(listicle("5 healthy eating tips for holiday travelers"));
        assert!(!listicle("2015 Was a Good Year"));
        assert!(lifted_quote(
            "AirAsia pilot's son 'thinks daddy is still at work'",
            "\"He thinks daddy is still at work,\" said his uncle."
        ));
        assert!(!lifted_quote(
            "A 'quoted phrase here' line",
            "Nothing like it."
        ));
    }
}
