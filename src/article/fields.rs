//! The metadata half of the assembler: the title, then datelines, bylines and labelled lines
//! at the head and the foot of the article, and a date at the start of the first paragraph.
//! Each step marks the units it consumes so that only the text is left for
//! [`structure`](super::structure).

use super::block::FrontMatter;
use super::meta::{self, Label, is_cjk};
use super::{Role, Unit, boilerplate, heading, markdown};

/// The title and metadata found so far, filled in by the steps below in turn.
pub(super) struct Fields {
    pub(super) title: Option<String>,
    pub(super) date: Option<meta::DateTime>,
    pub(super) place: Option<String>,
    pub(super) byline: Option<String>,
    pub(super) editor: Option<String>,
    pub(super) source: Option<String>,
}

pub(super) fn apply_front(front: &FrontMatter, f: &mut Fields) {
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
        && !boilerplate::is_boilerplate(s)
        && meta::labelled(s).is_none()
}

/// Finds the title among the first units (unless front matter gave one) and returns the index
/// of the first unit after it.
pub(super) fn take_title(units: &mut [Unit], f: &mut Fields) -> usize {
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
pub(super) fn read_head(units: &mut [Unit], start: usize, f: &mut Fields) {
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
pub(super) fn read_tail(units: &mut [Unit], f: &mut Fields) {
    for i in (0..units.len()).rev() {
        let u = &units[i];
        if u.role != Role::Body {
            continue;
        }
        let text = u.text.trim().to_string();
        if boilerplate::is_boilerplate(&text) {
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
pub(super) fn lead_date(units: &[Unit], f: &mut Fields) {
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
