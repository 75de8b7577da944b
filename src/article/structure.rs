//! The structure half of the assembler: which of the units left after the metadata are
//! headings (marked lines, numbered runs, bare numbers, plain subheads), and how the units
//! become the article's sections, with heading levels ranked by style and nested under the
//! markup headings around them.

mod plain;
mod promo;
mod runs;

use super::heading::{self, Style};
use super::model::Picture;
use super::why::Why;
use super::{Role, Section, Unit, image};
use crate::script::Script;

pub(super) fn detect_headings(units: &mut [Unit]) {
    let markup = units.iter().any(|u| matches!(u.role, Role::Heading(_)));
    // Marked lines: ◆ x ◆, 【x】, 一、x, （一）x, 第一章; a page's paragraph that is only a
    // `【x】` rubric too.
    for u in units.iter_mut() {
        if u.role == Role::Body
            && (u.line || u.text.trim_start().starts_with('【'))
            && let Some((style, text)) = heading::marked(&u.text)
        {
            u.set(Role::Detected(style), marked_why(style));
            u.text = text;
        }
    }
    promo::promo_headlines(units);
    runs::numbered_runs(units);
    runs::bare_numbers(units);
    if markup {
        plain::numbers_after_markup(units);
        plain::questions_under_markup(units);
    } else {
        plain::plain_lines(units);
    }
    join_attributions(units);
}

/// Why a line with a heading marker is a heading.
fn marked_why(style: Style) -> Why {
    match style {
        Style::Plain => Why::markup("decoration"),
        _ => Why::markup("numbering"),
    }
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

/// What the units become: the sections, the dropped lines, and the reasons for both.
pub(super) struct Assembled {
    pub(super) sections: Vec<Section>,
    pub(super) dropped: Vec<String>,
    pub(super) headings_why: Vec<String>,
    pub(super) dropped_why: Vec<String>,
    pub(super) pictures: Vec<Picture>,
}

impl Assembled {
    fn drop_line(&mut self, text: &str, why: Why, script: Script) {
        let text = clean(&image::resolve(text, script));
        if !text.is_empty() {
            self.dropped.push(text);
            self.dropped_why.push(why.to_string());
        }
    }
}

/// Why a heading recognised in plain text is one, when the rule that found it said nothing.
fn style_why(style: Style) -> Why {
    match style {
        Style::Chapter | Style::CnNumber | Style::CnParen | Style::Arabic => {
            Why::markup("numbering")
        }
        Style::Part | Style::Plain => Why::features("subhead shape"),
    }
}

/// The sections of `units`; `addresses` are the pictures' addresses by number.
pub(super) fn sections(
    units: Vec<Unit>,
    title: &str,
    script: Script,
    addresses: &[String],
) -> Assembled {
    let mut styles: Vec<Style> = units
        .iter()
        .filter_map(|u| match u.role {
            Role::Detected(s) => Some(s),
            _ => None,
        })
        .collect();
    styles.sort();
    styles.dedup();
    // A subhead standing over a run of numbered headings (`六大疑点`, then `1…`, `2…`) ranks
    // above their numbering: the run is its items.
    if let Some(under) = plain_over_numbers(&units)
        && let Some(at) = styles.iter().position(|&s| s == under)
        && let Some(plain) = styles.iter().position(|&s| s == Style::Plain)
        && plain > at
    {
        styles.remove(plain);
        styles.insert(at, Style::Plain);
    }
    let rank = |s: Style| -> u8 {
        u8::try_from(styles.iter().position(|&x| x == s).unwrap_or(0)).unwrap_or(u8::MAX)
    };
    let mut out = Assembled {
        sections: vec![Section {
            heading: None,
            level: 0,
            paragraphs: Vec::new(),
        }],
        dropped: Vec::new(),
        headings_why: Vec::new(),
        dropped_why: Vec::new(),
        pictures: Vec::new(),
    };
    // Whether the unit before was a paragraph with pictures (a caption may follow).
    let mut pictured = false;
    // The level of the markup heading the text is under: detected headings nest below it.
    let mut parent = 0u8;
    for u in units {
        for (cut, why) in &u.cuts {
            out.drop_line(cut, *why, script);
        }
        let level = match u.role {
            Role::Meta => continue,
            Role::Dropped => {
                let why = u.why.unwrap_or(Why::features("not article text"));
                if std::mem::take(&mut pictured) && why == Why::markup("caption") {
                    caption(&mut out.pictures, &u.text, script);
                }
                out.drop_line(&u.text, why, script);
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
        pictured = false;
        let mut found = Vec::new();
        let text = if u.verbatim {
            u.text.trim_end().to_string()
        } else {
            clean(&image::resolve_with(&u.text, script, |n, alt| {
                found.push((n, alt.map(str::to_string)));
            }))
        };
        if text.trim().is_empty() {
            continue;
        }
        match level {
            Some(level) if text != title => {
                let why = match (u.why, u.role) {
                    (Some(w), _) => w,
                    (None, Role::Detected(s)) => style_why(s),
                    (None, _) => Why::markup("heading"),
                };
                out.headings_why.push(why.to_string());
                out.sections.push(Section {
                    heading: Some(text),
                    level,
                    paragraphs: Vec::new(),
                });
            }
            Some(_) => {}
            None => {
                let last = out.sections.len() - 1;
                let at = (last, out.sections[last].paragraphs.len());
                out.sections[last].paragraphs.push(text);
                let before = out.pictures.len();
                out.pictures.extend(image::pictures(found, addresses, at));
                pictured = out.pictures.len() > before;
            }
        }
    }
    relative_levels(&mut out.sections);
    out
}

/// The numbering style of a run of headings that a plain subhead stands right over (after its
/// second line, when it has one), if any.
fn plain_over_numbers(units: &[Unit]) -> Option<Style> {
    let roles: Vec<Role> = units
        .iter()
        .map(|u| u.role)
        .filter(|r| !matches!(r, Role::Meta | Role::Dropped))
        .collect();
    let numbered = |r: Option<&Role>| match r {
        Some(Role::Detected(s @ (Style::Arabic | Style::CnNumber | Style::CnParen))) => Some(*s),
        _ => None,
    };
    (0..roles.len()).find_map(|k| {
        if roles[k] != Role::Detected(Style::Plain) {
            return None;
        }
        numbered(roles.get(k + 1)).or_else(|| {
            (roles.get(k + 1) == Some(&Role::Detected(Style::Plain)))
                .then(|| numbered(roles.get(k + 2)))
                .flatten()
        })
    })
}

/// A caption set under a picture (`figcaption`) is the last picture's, unless it has one.
fn caption(pictures: &mut [Picture], text: &str, script: Script) {
    if let Some(last) = pictures.last_mut().filter(|p| p.caption.is_none()) {
        let text = clean(&image::resolve(text, script));
        last.caption = (!text.is_empty()).then_some(text);
    }
}

/// Heading levels are relative: the title is not a level, the highest heading under it is
/// level 1, and a heading is one level below the nearest heading before it that outranks it
/// (so `h2` then `h4` read as 1 and 2, and an `h4` before any `h3` is at level 1: a child is
/// never shallower than its parent, nor deeper than one below it).
pub(super) fn relative_levels(sections: &mut [Section]) {
    let mut open: Vec<u8> = Vec::new();
    for s in sections.iter_mut().filter(|s| s.heading.is_some()) {
        while open.last().is_some_and(|&l| l >= s.level) {
            open.pop();
        }
        open.push(s.level);
        s.level = u8::try_from(open.len()).unwrap_or(u8::MAX);
    }
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
