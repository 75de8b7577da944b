//! Parsing text into an [`Article`]: front ends for plain text, Markdown and HTML turn their
//! input into blocks, and one assembler finds the title, metadata, headings and
//! boilerplate the same way for all of them.

mod block;
mod heading;
mod html;
mod markdown;
pub mod meta;
mod model;
mod plain;

pub use model::{Article, Section};

use block::{Block, FrontMatter, Parsed};
use heading::Style;
use meta::{Label, is_cjk};

/// The shape of a source text, which picks the front end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One paragraph per line, as scraped news text comes.
    Plain,
    /// Markdown, with or without front matter.
    Markdown,
    /// A saved web page.
    Html,
}

impl Format {
    /// Picks the format from the file extension and, for `.txt`, from the text's shape:
    /// clipped articles are often Markdown inside a `.txt`, and some are HTML.
    pub fn detect(extension: Option<&str>, text: &str) -> Format {
        let head = text.trim_start().get(..200).unwrap_or(text.trim_start());
        let head = head.to_ascii_lowercase();
        let html_shaped = head.starts_with("<!doctype html") || head.starts_with("<html");
        match extension.map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm") => Format::Html,
            Some("md" | "markdown") => Format::Markdown,
            _ if html_shaped => Format::Html,
            _ if markdown::looks_like_markdown(text) => Format::Markdown,
            _ => Format::Plain,
        }
    }
}

/// Parses decoded, sanitised text into an article. `fallback_title` is used when the text
/// has no recognisable title (usually the file name). `path` and `encoding` are left for the
/// caller to fill in.
pub fn parse(text: &str, format: Format, fallback_title: &str) -> Article {
    let parsed = match format {
        Format::Plain => plain::parse(text),
        Format::Markdown => markdown::parse(text),
        Format::Html => html::parse(text),
    };
    assemble(parsed, fallback_title)
}

/// A block on its way to becoming part of the article.
#[derive(Debug, Clone)]
struct Unit {
    text: String,
    role: Role,
    /// A blank line came before it (plain text).
    blank_before: bool,
    /// It came from a plain line (so plain heading rules may apply).
    line: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    /// A heading whose level is final (from markup).
    Heading(u8),
    /// A heading recognised from plain text; its level comes from its style.
    Detected(Style),
    Dropped,
    /// Consumed as metadata.
    Meta,
}

struct Fields {
    title: Option<String>,
    date: Option<meta::DateTime>,
    place: Option<String>,
    byline: Option<String>,
    editor: Option<String>,
    source: Option<String>,
}

fn units(blocks: Vec<Block>) -> (Vec<Unit>, bool) {
    let mut out = Vec::with_capacity(blocks.len());
    let mut blank = true;
    let (mut lines, mut indented) = (0usize, 0usize);
    for b in blocks {
        let (text, role, line) = match b {
            Block::Blank => {
                blank = true;
                continue;
            }
            Block::Line(s) => {
                lines += 1;
                let t = s.trim_start_matches(['\u{3000}', ' ']);
                if t.len() != s.len() {
                    indented += 1;
                }
                (t.to_string(), Role::Body, true)
            }
            Block::Para(s) => (s, Role::Body, false),
            Block::Heading { level, text } => (text, Role::Heading(level.max(1)), false),
        };
        out.push(Unit {
            text,
            role,
            blank_before: blank,
            line,
        });
        blank = false;
    }
    (out, lines > 0 && indented * 2 > lines)
}

fn assemble(parsed: Parsed, fallback_title: &str) -> Article {
    let Parsed { front, blocks } = parsed;
    let (mut units, indented) = units(blocks);
    let mut f = Fields {
        title: None,
        date: None,
        place: None,
        byline: None,
        editor: None,
        source: None,
    };
    apply_front(&front, &mut f);
    let start = take_title(&mut units, &mut f);
    read_head(&mut units, start, &mut f);
    read_tail(&mut units, &mut f);
    for u in units.iter_mut() {
        if matches!(u.role, Role::Body | Role::Heading(_)) && meta::is_boilerplate(&u.text) {
            u.role = Role::Dropped;
        }
    }
    if f.date.is_none() {
        lead_date(&units, &mut f);
    }
    detect_headings(&mut units);
    let title = f
        .title
        .clone()
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| {
            if fallback_title.is_empty() {
                crate::strings::UNTITLED.to_string()
            } else {
                fallback_title.to_string()
            }
        });
    let (sections, dropped) = sections(units, &title);
    let year = f.date.and_then(|d| d.year);
    Article {
        path: None,
        title,
        date: f.date.and_then(|d| d.iso_date(year)),
        time: f.date.and_then(|d| d.hhmm()),
        place: f.place,
        byline: f.byline,
        editor: f.editor,
        source: f.source,
        encoding: String::new(),
        sections,
        dropped,
        indented,
    }
}

fn apply_front(front: &FrontMatter, f: &mut Fields) {
    f.title = front
        .title
        .as_deref()
        .map(|t| meta::collapse_spaces(&markdown::inline(t, true)));
    f.date = front
        .date
        .as_deref()
        .and_then(meta::find_date)
        .map(|d| d.when);
    f.byline = front.author.as_deref().map(meta::collapse_spaces);
    f.source = front.source.as_deref().map(meta::collapse_spaces);
}

/// Whether a line reads like a headline: short, not a sentence, not a dateline.
fn title_like(s: &str) -> bool {
    let n = s.chars().count();
    let cjk = s.chars().any(is_cjk);
    let limit = if cjk { 60 } else { 120 };
    n > 0
        && n <= limit
        && !s.trim_end().ends_with(['。', '.', ':', '：', ',', '，'])
        && meta::dateline(s).is_none()
        && !meta::is_boilerplate(s)
        && meta::labelled(s).is_none()
}

/// Finds the title among the first units (unless front matter gave one) and returns the index
/// of the first unit after it.
fn take_title(units: &mut [Unit], f: &mut Fields) -> usize {
    let Some(first) = units.iter().position(|u| u.role != Role::Dropped) else {
        return 0;
    };
    if let Some(title) = &f.title {
        // Markup often repeats the title as the first heading or line.
        if units[first].text == *title {
            units[first].role = Role::Meta;
            return first + 1;
        }
        return first;
    }
    let text = units[first].text.trim().to_string();
    if !title_like(&text) || heading::marked(&text).is_some() && units[first].line {
        return first;
    }
    units[first].role = Role::Meta;
    let mut title = text.trim_end_matches('—').trim().to_string();
    let mut next = first + 1;
    // A headline set on two lines, followed by a `——` subtitle.
    if let (Some(second), Some(third)) = (units.get(next), units.get(next + 1))
        && second.line
        && third.text.starts_with("——")
        && title_like(&second.text)
        && !second.text.contains(['，', '。'])
    {
        title = format!("{title} {}", second.text.trim());
        units[next].role = Role::Meta;
        next += 1;
    }
    f.title = Some(title);
    next
}

/// Reads datelines, bylines and labelled lines just after the title.
fn read_head(units: &mut [Unit], start: usize, f: &mut Fields) {
    let mut i = start;
    let mut seen = 0;
    while i < units.len() && seen < 6 {
        let u = &units[i];
        if u.role != Role::Body {
            i += 1;
            continue;
        }
        let text = u.text.trim();
        if text.chars().count() > 60 {
            break;
        }
        seen += 1;
        if f.date.is_none()
            && let Some((when, place)) = meta::dateline(text)
        {
            f.date = Some(when);
            if f.place.is_none() {
                f.place = place;
            }
            units[i].role = Role::Meta;
            // A name alone on the next line is the author (`习近平` under the date).
            if let Some(next) = units.get(i + 1)
                && f.byline.is_none()
                && (2..=4).contains(&next.text.chars().count())
                && next.text.chars().all(is_cjk)
            {
                f.byline = Some(next.text.clone());
                units[i + 1].role = Role::Meta;
                i += 1;
            }
        } else if let Some((label, value)) = meta::labelled(text) {
            if set_label(f, label, value) {
                units[i].role = Role::Meta;
            }
        } else if let Some(place) = sent_from(text) {
            // `特约撰稿人 某某 发自北京`: a byline with the place it was filed from.
            if f.byline.is_none() {
                f.byline = Some(place.0);
            }
            if f.place.is_none() {
                f.place = Some(place.1);
            }
            units[i].role = Role::Meta;
        } else if f.byline.is_none()
            && text.starts_with(['■', '◎', '□'])
            && let Some(b) = meta::bare_byline(text)
        {
            f.byline = Some(b);
            units[i].role = Role::Meta;
        }
        i += 1;
    }
}

/// `特約撰稿人 秦寬 海舟 發自北京 上海` → (byline, place).
fn sent_from(text: &str) -> Option<(String, String)> {
    let (who, place) = text
        .split_once("发自")
        .or_else(|| text.split_once("發自"))?;
    let (who, place) = (who.trim(), place.trim());
    (text.chars().count() <= 40 && !who.is_empty() && !place.is_empty() && !text.contains('。'))
        .then(|| (meta::collapse_spaces(who), meta::collapse_spaces(place)))
}

fn set_label(f: &mut Fields, label: Label, value: String) -> bool {
    let slot = match label {
        Label::Editor => &mut f.editor,
        Label::Source => &mut f.source,
        Label::Author => &mut f.byline,
    };
    if slot.is_none() {
        *slot = Some(value);
        true
    } else {
        false
    }
}

/// Reads the footer: bylines, editor and source lines, and boilerplate, from the end back to
/// the last paragraph of the article.
fn read_tail(units: &mut [Unit], f: &mut Fields) {
    for i in (0..units.len()).rev() {
        let u = &units[i];
        if u.role != Role::Body {
            continue;
        }
        let text = u.text.trim().to_string();
        if meta::is_boilerplate(&text) {
            units[i].role = Role::Dropped;
        } else if let Some((label, value)) = meta::labelled(&text) {
            if set_label(f, label, value) {
                units[i].role = Role::Meta;
            } else {
                break;
            }
        } else if f.byline.is_none()
            && let Some(b) = meta::bare_byline(&text)
        {
            f.byline = Some(b);
            units[i].role = Role::Meta;
        } else {
            break;
        }
    }
}

/// A date at the start of the first paragraph (`上海，2012年6月8日　…`): the article's date
/// and place when no dateline gave them. The text stays in the paragraph.
fn lead_date(units: &[Unit], f: &mut Fields) {
    let Some(u) = units.iter().find(|u| u.role == Role::Body) else {
        return;
    };
    let head: String = u.text.chars().take(30).collect();
    let Some(found) = meta::find_date(&head) else {
        return;
    };
    let mut when = found.when;
    if when.year.is_none() {
        // `中国网6月11日讯　2012年全国…`: the year is given nearby.
        when.year = year_nearby(&u.text);
        if when.year.is_none() {
            return;
        }
    }
    let before: String = head.chars().take(found.start).collect();
    // `上海，2012年…`: a place set off by a comma (not `中国网6月11日讯`, an agency).
    let set_off = before.trim_end().ends_with(['，', ',']);
    let before = before.trim().trim_end_matches(['，', ',', ' ']).trim();
    f.date = Some(when);
    let n = before.chars().count();
    if f.place.is_none()
        && set_off
        && (1..=8).contains(&n)
        && before.chars().all(|c| is_cjk(c) || "（）".contains(c))
    {
        f.place = Some(before.to_string());
    }
}

/// A year (`2012年`) in the first sentences of a paragraph.
fn year_nearby(text: &str) -> Option<u16> {
    let head = meta::half_width(&text.chars().take(80).collect::<String>());
    let chars: Vec<char> = head.chars().collect();
    chars.windows(5).enumerate().find_map(|(i, w)| {
        let digits = w[..4].iter().all(char::is_ascii_digit);
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        if digits && before_ok && w[4] == '年' {
            let y: u16 = w[..4].iter().collect::<String>().parse().ok()?;
            (1900..=2100).contains(&y).then_some(y)
        } else {
            None
        }
    })
}

fn detect_headings(units: &mut [Unit]) {
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

/// Splits a paragraph that a scraper flattened with `　` separators at sentence ends.
fn split_flattened(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if c == '\u{3000}' && prev.is_some_and(|p| "。！？”".contains(p)) {
            out.push(text[start..i].to_string());
            start = i + c.len_utf8();
        }
        prev = Some(c);
    }
    out.push(text[start..].to_string());
    out
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

fn sections(units: Vec<Unit>, title: &str) -> (Vec<Section>, Vec<String>) {
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
        let level = match u.role {
            Role::Meta => continue,
            Role::Dropped => {
                dropped.push(clean(&u.text));
                continue;
            }
            Role::Heading(l) => Some(l),
            Role::Detected(s) => Some(level_of(s)),
            Role::Body => None,
        };
        let text = clean(&u.text);
        if text.is_empty() {
            continue;
        }
        match level {
            Some(level) if text != title => sections.push(Section {
                heading: Some(text.trim_end_matches([':', '：']).to_string()),
                level,
                paragraphs: Vec::new(),
            }),
            Some(_) => {}
            None => {
                let last = sections.len() - 1;
                for p in split_flattened(&text) {
                    let p = clean(&p);
                    if !p.is_empty() {
                        sections[last].paragraphs.push(p);
                    }
                }
            }
        }
    }
    (sections, dropped)
}
