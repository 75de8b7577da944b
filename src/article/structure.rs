//! The structure half of the assembler: which of the units left after the metadata are
//! headings (marked lines, numbered runs, bare numbers, plain title-like lines), and how the
//! units become the article's sections, with heading levels ranked by style.

use super::heading::{self, Style};
use super::{Role, Section, Unit, image, plain};
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
    numbered_runs(units);
    bare_numbers(units);
    if !markup {
        plain_lines(units);
    }
}

/// `1、x` / `1. x` lines are headings when they form a run (1, 2, 3, … in order) and each is
/// followed by text of its own; consecutive numbered lines are a list.
fn numbered_runs(units: &mut [Unit]) {
    let candidates: Vec<(usize, u32, String)> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.role == Role::Body && u.line)
        .filter_map(|(i, u)| heading::numbered(&u.text).map(|(n, t)| (i, n, t)))
        .collect();
    let mut expected = 1;
    let mut run: Vec<(usize, String)> = Vec::new();
    for (i, n, text) in candidates {
        if n == expected {
            run.push((i, text));
            expected += 1;
        }
    }
    if run.len() < 2 {
        return;
    }
    let adjacent = run.windows(2).any(|w| {
        units[w[0].0 + 1..w[1].0]
            .iter()
            .all(|u| u.role != Role::Body)
    });
    if adjacent {
        return;
    }
    for (i, text) in run {
        units[i].role = Role::Detected(Style::Arabic);
        units[i].text = text;
    }
}

/// A bare section number (`1`, or `**01**` in Markdown) belongs to the heading after it.
fn bare_numbers(units: &mut [Unit]) {
    for i in 0..units.len().saturating_sub(1) {
        let Some(n) = heading::bare_number(&units[i].text) else {
            continue;
        };
        if !matches!(units[i].role, Role::Body | Role::Heading(_)) {
            continue;
        }
        let next = &units[i + 1];
        let next_is_heading = matches!(next.role, Role::Heading(_) | Role::Detected(_))
            || next.role == Role::Body && next.line && heading::plain_candidate(&next.text);
        if !next_is_heading {
            continue;
        }
        let role = match next.role {
            Role::Body => Role::Detected(Style::Plain),
            r => r,
        };
        let number = units[i].text.trim().to_string();
        units[i + 1].text = format!("{number} {}", units[i + 1].text);
        let _ = n;
        units[i + 1].role = role;
        units[i].role = Role::Meta;
    }
}

/// Short title-like lines that stand apart: a heading when the text before ended a sentence
/// and prose follows.
fn plain_lines(units: &mut [Unit]) {
    let body: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].role != Role::Meta && units[i].role != Role::Dropped)
        .collect();
    let mut found = Vec::new();
    for (k, &i) in body.iter().enumerate() {
        let u = &units[i];
        if u.role != Role::Body || !u.line || !heading::plain_candidate(&u.text) {
            continue;
        }
        let prev_ok = k == 0 || {
            let p = &units[body[k - 1]];
            p.role != Role::Body
                || plain::ends_sentence(&p.text)
                || found.last() == Some(&body[k - 1])
        };
        // Prose follows: a sentence, possibly after a second heading line.
        let next_ok = body[k + 1..]
            .iter()
            .take(2)
            .map(|&j| &units[j])
            .find(|n| !heading::plain_candidate(&n.text) || n.role != Role::Body)
            .is_some_and(|n| {
                n.role == Role::Body && n.text.chars().count() > u.text.chars().count()
            });
        if prev_ok && next_ok && (u.blank_before || k == 0) {
            found.push(i);
        }
    }
    // When a third of the text is "headings", it is verse or a list, not sections.
    let prose = body
        .iter()
        .filter(|&&i| units[i].role == Role::Body)
        .count();
    if found.len() * 3 > prose {
        return;
    }
    // Two heading lines in a row are one heading set on two lines; so is a numbered heading
    // (`3 他改变的`) followed by a heading line.
    let mut merged_into: Option<usize> = None;
    for (n, &i) in found.iter().enumerate() {
        if n > 0 && merged_into.is_some_and(|m| body_next(&body, m) == Some(i)) {
            let m = merged_into.unwrap_or(i);
            let extra = units[i].text.clone();
            units[m].text = format!("{} {extra}", units[m].text);
            units[i].role = Role::Meta;
            merged_into = None;
            continue;
        }
        let prev = body
            .iter()
            .position(|&b| b == i)
            .and_then(|k| k.checked_sub(1))
            .map(|k| body[k]);
        if let Some(p) = prev
            && units[p].role == Role::Detected(Style::Plain)
            && units[p].line
            && units[p].text.starts_with(|c: char| c.is_ascii_digit())
        {
            let extra = units[i].text.clone();
            units[p].text = format!("{} {extra}", units[p].text);
            units[i].role = Role::Meta;
            continue;
        }
        units[i].role = Role::Detected(Style::Plain);
        merged_into = Some(i);
    }
}

fn body_next(body: &[usize], i: usize) -> Option<usize> {
    let k = body.iter().position(|&b| b == i)?;
    body.get(k + 1).copied()
}

/// Cleans paragraph text: whitespace runs collapsed, ends trimmed.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.trim_matches([' ', '\u{3000}']).chars() {
        if c == ' ' {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

pub(super) fn sections(
    units: Vec<Unit>,
    title: &str,
    script: Script,
) -> (Vec<Section>, Vec<String>) {
    let max_markup = units
        .iter()
        .filter_map(|u| match u.role {
            Role::Heading(l) => Some(l),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let mut styles: Vec<Style> = units
        .iter()
        .filter_map(|u| match u.role {
            Role::Detected(s) => Some(s),
            _ => None,
        })
        .collect();
    styles.sort();
    styles.dedup();
    let level_of = |s: Style| -> u8 {
        let rank = styles.iter().position(|&x| x == s).unwrap_or(0) as u8;
        max_markup.saturating_add(rank).saturating_add(1)
    };
    let mut sections = vec![Section {
        heading: None,
        level: 0,
        paragraphs: Vec::new(),
    }];
    let mut dropped = Vec::new();
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
            Role::Heading(l) => Some(l),
            Role::Detected(s) => Some(level_of(s)),
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
