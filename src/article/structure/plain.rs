//! Unmarked subheads in plain text: a short line with no sentence punctuation that stands
//! between paragraphs, after a finished sentence and before prose, whether or not blank lines
//! set it apart (scrapers often glue a subhead to the paragraph under it). Two such lines in
//! a row are one heading set on two lines. Not subheads: a caption (under a picture, repeated,
//! or naming a scene), a name alone, a question in an interview full of them, a line in verse
//! or a list (when a third of the text would be headings).

use super::super::heading::{Shape, Style, subhead};
use super::super::lexicon::{self, SCENES};
use super::super::why::Why;
use super::super::{Role, Unit, image};
use crate::script::{at_most, ends_sentence, looks_like_name};

/// Questions are subheads only when an article has few of them; an interview is full of them.
const MAX_QUESTIONS: usize = 3;

pub(super) fn plain_lines(units: &mut [Unit]) {
    let body: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].role != Role::Meta && units[i].role != Role::Dropped)
        .collect();
    // Only short lines can be subheads, so only they are looked at for repeats (sorted, so
    // that a line's copies stand together).
    let mut short: Vec<&str> = body
        .iter()
        .map(|&i| units[i].text.trim())
        .filter(|t| at_most(t, 70))
        .collect();
    short.sort_unstable();
    let once = |t: &str| {
        let at = short.partition_point(|s| *s < t);
        short.get(at) == Some(&t) && short.get(at + 1) != Some(&t)
    };
    let shapes: Vec<Option<Shape>> = body
        .iter()
        .map(|&i| {
            let u = &units[i];
            let t = u.text.trim();
            // A picture alone on its line is no subhead.
            let ok = u.role == Role::Body
                && u.line
                && !image::only_images(t)
                && once(t)
                && !looks_like_name(t)
                && lexicon::ends_any(t, SCENES).is_none()
                && !pull_quote(t, &body, units);
            if ok { subhead(t) } else { None }
        })
        .collect();
    let questions = shapes
        .iter()
        .filter(|s| **s == Some(Shape::Question))
        .count();
    let mut found: Vec<(usize, Shape)> = Vec::new();
    for (k, &i) in body.iter().enumerate() {
        let Some(shape) = shapes[k] else { continue };
        if shape == Shape::Question && questions > MAX_QUESTIONS {
            continue;
        }
        // A quotation opening the text, over the lead, is its kicker (`“我们都害怕…”`), not
        // the head of a section.
        if k == 0 && quotation(units[body[k]].text.trim()).is_some() {
            continue;
        }
        let u = &units[i];
        let after_heading = k > 0 && found.last().is_some_and(|&(f, _)| f == body[k - 1]);
        // A part head stands over subheads, never right under one: a line ending in `——`
        // under a subhead leads into the paragraph below it.
        if shape == Shape::Part && after_heading {
            continue;
        }
        let prev_ok = k == 0 || {
            let p = &units[body[k - 1]];
            let after_image = image::only_images(&p.text);
            !after_image && (p.role != Role::Body || ends_sentence(&p.text) || after_heading)
        };
        // Prose follows: a sentence, possibly after a second heading line (not after a part
        // head, which is followed by its own subheads).
        let take = if shape == Shape::Part { 1 } else { 2 };
        let next_ok = body[k + 1..]
            .iter()
            .enumerate()
            .take(take)
            .find(|&(d, &j)| shapes[k + 1 + d].is_none() || units[j].role != Role::Body)
            .map(|(_, &j)| &units[j])
            .or_else(|| {
                // A part head may be followed at once by the first subhead under it.
                (shape == Shape::Part)
                    .then(|| body.get(k + 1).map(|&j| &units[j]))
                    .flatten()
            })
            .is_some_and(|n| {
                let over_subhead = shape == Shape::Part && subhead(&n.text).is_some();
                // A part head with a comma must stand over a subhead: over prose it is a
                // sentence leading into it (`…，仗怎么打、兵就怎么练——`).
                let clause = shape == Shape::Part && u.text.contains(['，', ',']);
                n.role == Role::Body && n.text.chars().count() > u.text.chars().count() && !clause
                    || over_subhead
            });
        // A line over a numbered list is its heading, and so is a line over a run of
        // numbered headings (`六大疑点`, then `1弯弯怎么录下视频？`…), possibly a second
        // heading line between.
        let over_list = shape != Shape::Part
            && (super::super::heading::opens_list(
                body[k + 1..].iter().map(|&j| units[j].text.as_str()),
            ) || over_numbered(units, &body[k + 1..], &shapes[k + 1..]));
        if prev_ok && (next_ok || over_list) {
            found.push((i, shape));
        }
    }
    // When a third of the text is "headings" between short lines, it is verse or a list, not
    // sections.
    let rest: Vec<usize> = body
        .iter()
        .copied()
        .filter(|&i| units[i].role == Role::Body && !found.iter().any(|&(f, _)| f == i))
        .collect();
    let rest_chars: usize = rest.iter().map(|&i| units[i].text.chars().count()).sum();
    let short_lines = rest_chars < rest.len() * 60;
    if found.len() * 3 > rest.len() + found.len() && short_lines {
        return;
    }
    // A deck: the one subhead-shaped line of an article that has no other heading is its
    // first line of text, right under the headline; it sums the story up over the lead.
    if let [(i, _)] = found[..]
        && body.first() == Some(&i)
        && !units
            .iter()
            .any(|u| matches!(u.role, Role::Heading(_) | Role::Detected(_)))
    {
        return;
    }
    // Two heading lines in a row are one heading set on two lines (not a part head and its
    // first subhead, nor a line that continues an earlier heading: `... and automobiles`);
    // so is a numbered heading (`3 他改变的`) followed by a heading line.
    let mut merged_into: Option<usize> = None;
    for (n, &(i, shape)) in found.iter().enumerate() {
        let continues_earlier = units[i].text.trim_start().starts_with("...");
        if n > 0
            && !continues_earlier
            && let Some(m) = merged_into
            && next_in_body(&body, m) == Some(i)
        {
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
        if shape == Shape::Part {
            units[i].set(Role::Detected(Style::Part), Why::features("subhead shape"));
            merged_into = None;
        } else {
            units[i].set(Role::Detected(Style::Plain), Why::features("subhead shape"));
            merged_into = Some(i);
        }
    }
}

/// Whether the next heading below a line, after at most one more subhead-shaped line, is one
/// of a numbered run (`1弯弯怎么录下视频？`).
fn over_numbered(units: &[Unit], after: &[usize], shapes: &[Option<Shape>]) -> bool {
    let numbered = |j: usize| {
        matches!(
            units[j].role,
            Role::Detected(Style::Arabic | Style::CnNumber | Style::CnParen)
        )
    };
    match after {
        [first, ..] if numbered(*first) => true,
        [_, second, ..] if shapes.first().is_some_and(Option::is_some) => numbered(*second),
        _ => false,
    }
}

/// A pull quote: a line that is one quotation (`“这年头，没点功夫还不配出门了是吧”`) whose
/// words the text prints again elsewhere, where they are said. It repeats the story; it does
/// not head a section.
fn pull_quote(t: &str, body: &[usize], units: &[Unit]) -> bool {
    let Some(inner) = quotation(t) else {
        return false;
    };
    inner.chars().count() >= 6
        && body
            .iter()
            .filter(|&&j| units[j].text.trim() != t)
            .any(|&j| units[j].text.contains(inner))
}

/// The words of a line that is one quotation (`“…”`, `「…」`).
fn quotation(t: &str) -> Option<&str> {
    t.strip_prefix(['“', '「', '"'])
        .and_then(|r| r.strip_suffix(['”', '」', '"']))
        .filter(|inner| !inner.contains(['“', '”', '「', '」', '"']))
}

fn next_in_body(body: &[usize], i: usize) -> Option<usize> {
    let k = body.iter().position(|&b| b == i)?;
    body.get(k + 1).copied()
}

/// In a text whose sections markup heads, a short question standing as its own paragraph
/// inside a section, between a finished sentence and longer prose, is a subhead under the
/// section's heading (`为何怀疑再被顶替？`). Only one or two such questions: a text with
/// more is an interview, whose questions are not headings.
pub(super) fn questions_under_markup(units: &mut [Unit]) {
    let body: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].role != Role::Meta && units[i].role != Role::Dropped)
        .collect();
    let question = |u: &Unit| {
        let t = u.text.trim();
        u.role == Role::Body && at_most(t, 30) && subhead(t) == Some(Shape::Question)
    };
    let candidates: Vec<usize> = (0..body.len())
        .filter(|&k| question(&units[body[k]]))
        .collect();
    if candidates.len() > 2 {
        return;
    }
    for k in candidates {
        let i = body[k];
        let n = units[i].text.trim().chars().count();
        let in_section = units[..i]
            .iter()
            .any(|u| matches!(u.role, Role::Heading(_)));
        let prose = |j: Option<&usize>| {
            j.map(|&j| &units[j]).is_some_and(|u| {
                u.role == Role::Body && ends_sentence(&u.text) && !image::only_images(&u.text)
            })
        };
        // A picture may stand between the last sentence and the question.
        let after = |j: Option<&usize>| {
            j.map(|&j| &units[j])
                .is_some_and(|u| u.role == Role::Body && image::only_images(&u.text))
                || prose(j)
        };
        let longer = body
            .get(k + 1)
            .is_some_and(|&j| units[j].text.chars().count() > 2 * n);
        if in_section
            && after(k.checked_sub(1).and_then(|p| body.get(p)))
            && prose(body.get(k + 1))
            && longer
        {
            units[i].set(
                Role::Detected(Style::Plain),
                Why::features("question subhead"),
            );
        }
    }
}

/// The value of a Chinese section number (`一`…`九十九`).
fn cn_value(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .find(c)
            .map(|i| u32::try_from(i / 3 + 1).ok())
    };
    let cs: Vec<char> = s.chars().collect();
    match cs[..] {
        ['十'] => Some(10),
        [d] => digit(d).flatten(),
        ['十', u] => digit(u).flatten().map(|u| 10 + u),
        [t, '十'] => digit(t).flatten().map(|t| 10 * t),
        [t, '十', u] => Some(10 * digit(t).flatten()? + digit(u).flatten()?),
        _ => None,
    }
}

/// The section number opening a line (`四 香港的终结？`, `二、…`, `3 …`): whether it is
/// Chinese, its value and the text after it. The number is set apart by a space or `、`.
fn section_number(t: &str) -> Option<(bool, u32, &str)> {
    let t = t.trim();
    let cn = t.starts_with(crate::script::is_cn_numeral);
    let end = t
        .find(|c: char| {
            if cn {
                !crate::script::is_cn_numeral(c)
            } else {
                !c.is_ascii_digit()
            }
        })
        .filter(|&e| e > 0)?;
    let value = if cn {
        cn_value(t.get(..end)?)?
    } else {
        (end <= 2).then(|| t.get(..end)?.parse().ok()).flatten()?
    };
    let rest = t.get(end..)?;
    let title = rest
        .strip_prefix('、')
        .or_else(|| rest.starts_with(char::is_whitespace).then_some(rest))?
        .trim();
    (!title.is_empty()).then_some((cn, value, title))
}

/// In a text whose sections markup heads with numbers (`一 …`, `二 …`, `三 …`), a short
/// paragraph whose number continues theirs (`四 香港的终结？`, left plain where the others are
/// bold) over longer prose is the next of those headings, at their level.
pub(super) fn numbers_after_markup(units: &mut [Unit]) {
    let mut last: Option<(u8, bool, u32)> = None;
    for i in 0..units.len() {
        match units[i].role {
            Role::Heading(l) => {
                last = section_number(&units[i].text).map(|(cn, n, _)| (l, cn, n));
                continue;
            }
            Role::Body => {}
            _ => continue,
        }
        let Some((level, cn, n)) = last else { continue };
        let Some((this_cn, m, title)) = section_number(&units[i].text) else {
            continue;
        };
        let short = at_most(title, 30) && super::super::heading::numbered_like(title);
        let prose = units[i + 1..]
            .iter()
            .find(|u| u.role != Role::Meta && u.role != Role::Dropped)
            .is_some_and(|u| {
                u.role == Role::Body
                    && ends_sentence(&u.text)
                    && u.text.chars().count() > 2 * title.chars().count()
            });
        if this_cn == cn && m == n + 1 && short && prose {
            units[i].set(
                Role::Heading(level),
                Why::markup("numbering continues the headings"),
            );
            last = Some((level, cn, m));
        }
    }
}
