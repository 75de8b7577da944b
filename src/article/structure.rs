//! The structure half of the assembler: which of the units left after the metadata are
//! headings (marked lines, numbered runs, bare numbers, plain subheads), and how the units
//! become the article's sections, with heading levels ranked by style and nested under the
//! markup headings around them.

mod plain;
mod promo;
mod runs;

use super::heading::{self, Style};
use super::{Role, Section, Unit, image};
use crate::script::Script;

pub(super) fn detect_headings(units: &mut [Unit]) {
    let markup = units.iter().any(|u| matches!(u.role, Role::Heading(_)));
    // Marked lines: ◆ x ◆, 【x】, 一、x, （一）x, 第一章.
    for u in units.iter_mut() {
        if u.role == Role::Body
            && u.line
            && let Some((style, text)) = heading::marked(&u.text)
        {
            u.role = Role::Detected(style);
            u.text = text;
        }
    }
    promo::promo_headlines(units);
    runs::numbered_runs(units);
    runs::bare_numbers(units);
    if !markup {
        plain::plain_lines(units);
    }
    join_attributions(units);
}

/// A heading followed at once by a heading line that starts with `——` (a poem's title, then
/// `——（宋）陆游`) is one heading: the attribution belongs to it.
fn join_attributions(units: &mut [Unit]) {
    let heading = |r: Role| matches!(r, Role::Heading(_) | Role::Detected(_));
    let mut prev: Option<usize> = None;
    for i in 0..units.len() {
        match units[i].role {
            Role::Dropped | Role::Meta => continue,
            r if heading(r) && units[i].text.trim_start().starts_with("——") => {
                if let Some(p) = prev {
                    let extra = units[i].text.trim().to_string();
                    units[p].text = format!("{} {extra}", units[p].text.trim_end());
                    units[i].role = Role::Meta;
                    continue;
                }
            }
            _ => {}
        }
        prev = heading(units[i].role).then_some(i);
    }
}

/// A heading that ends with a colon introduces what follows (`点评：`, `总结：`): it sits one
/// level below the section heading it belongs to.
fn lead_in(text: &str) -> bool {
    text.trim_end().ends_with(['：', ':'])
}

/// Cleans paragraph text: whitespace runs collapsed, ends trimmed.
fn clean(text: &str) -> String {
    let text = text.trim_matches([' ', '\u{3000}']);
    let mut out = String::with_capacity(text.len());
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

pub(super) fn sections(
    units: Vec<Unit>,
    title: &str,
    script: Script,
) -> (Vec<Section>, Vec<String>) {
    let mut styles: Vec<Style> = units
        .iter()
        .filter_map(|u| match u.role {
            Role::Detected(s) => Some(s),
            _ => None,
        })
        .collect();
    styles.sort();
    styles.dedup();
    let rank = |s: Style| -> u8 {
        u8::try_from(styles.iter().position(|&x| x == s).unwrap_or(0)).unwrap_or(u8::MAX)
    };
    let mut sections = vec![Section {
        heading: None,
        level: 0,
        paragraphs: Vec::new(),
    }];
    let mut dropped = Vec::new();
    // The level of the markup heading the text is under: detected headings nest below it.
    let mut parent = 0u8;
    for u in units {
        for cut in &u.cuts {
            let cut = clean(&image::resolve(cut, script));
            if !cut.is_empty() {
                dropped.push(cut);
            }
        }
        let level = match u.role {
            Role::Meta => continue,
            Role::Dropped => {
                let text = clean(&image::resolve(&u.text, script));
                if !text.is_empty() {
                    dropped.push(text);
                }
                continue;
            }
            Role::Heading(_) if lead_in(&u.text) && parent > 0 => Some(parent + 1),
            Role::Heading(l) => {
                parent = l;
                Some(l)
            }
            Role::Detected(s) => Some(parent.saturating_add(rank(s)).saturating_add(1)),
            Role::Body => None,
        };
        let text = clean(&image::resolve(&u.text, script));
        if text.is_empty() {
            continue;
        }
        match level {
            Some(level) if text != title => sections.push(Section {
                heading: Some(text),
                level,
                paragraphs: Vec::new(),
            }),
            Some(_) => {}
            None => {
                let last = sections.len() - 1;
                sections[last].paragraphs.push(text);
            }
        }
    }
    (sections, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_spaces_and_trims() {
        assert_eq!(clean("  a  b   c 　"), "a b c");
        assert_eq!(clean("　 第一句。  第二句。"), "第一句。 第二句。");
        assert_eq!(clean("a\u{3000}\u{3000}b"), "a\u{3000}\u{3000}b");
        assert_eq!(clean("   "), "");
        assert_eq!(clean(""), "");
    }
}
