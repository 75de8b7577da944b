//! Dates the metadata steps read from around the text: a date at the start of the lead, the
//! year an agency dateline leaves out (from the article's address, a closing date code or the
//! lead), and the shapes those take (`/2024-12/12/`, `20241212`, `1100731`).

use super::super::meta::{self, is_cjk};
use super::super::why::Why;
use super::super::{Role, Unit};
use super::Fields;

/// A date code closing a Taiwanese wire story: `1100731` (ROC year 110 = 2021, July 31).
pub(in crate::article) fn date_code(t: &str) -> Option<meta::DateTime> {
    let t = t.trim();
    if t.len() != 7 || !t.chars().all(|c| c.is_ascii_digit()) || !t.starts_with('1') {
        return None;
    }
    let roc: u16 = t.get(..3)?.parse().ok()?;
    let month: u8 = t.get(3..5)?.parse().ok()?;
    let day: u8 = t.get(5..7)?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(meta::DateTime {
        year: Some(roc + 1911),
        month,
        day,
        time: None,
    })
}

/// A date code ([`date_code`]) that ends a text, after a space or run into what precedes it.
fn trailing_code(t: &str) -> Option<meta::DateTime> {
    let t = t.trim_end();
    let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    (digits == 7)
        .then(|| date_code(t.get(t.len() - 7..)?))
        .flatten()
}

/// A date at the start of the first paragraph (`上海，2012年6月8日　…`): the article's date
/// and place when no dateline gave them. The text stays in the paragraph.
pub(in crate::article) fn lead_date(units: &[Unit], f: &mut Fields) {
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

/// The date of an agency dateline's day, when a year can be found: in the article's address
/// (`/2024-12/12/`, `20241212`), in a closing date code (`1100731`), or in the lead.
pub(in crate::article) fn dateline_date(units: &[Unit], f: &mut Fields) {
    let Some((month, day)) = f.dateline_day else {
        return;
    };
    if f.date.is_some() {
        return;
    }
    let from_url = f.url.as_deref().and_then(date_in_url);
    // The code ends the story's last lines, or the credit cut from the end of one
    // (`（編輯：張銘坤）1100731`).
    let from_code = units.iter().rev().take(4).find_map(|u| {
        std::iter::once(u.text.as_str())
            .chain(u.cuts.iter().map(|(cut, _)| cut.as_str()))
            .find_map(trailing_code)
    });
    let known = from_url.or(from_code);
    let month = month.or_else(|| known.filter(|k| k.day == day).map(|k| k.month));
    let Some(month) = month else {
        return;
    };
    let year = known.and_then(|k| k.year).or_else(|| {
        units
            .iter()
            .find(|u| u.role == Role::Body)
            .and_then(|u| year_nearby(&u.text))
    });
    if let Some(year) = year {
        f.date = Some(meta::DateTime {
            year: Some(year),
            month,
            day,
            time: None,
        });
    }
}

/// A broadcast's stamp on a line of its own: the programme, its day as `YYYYMMDD` and the hour
/// it went out, in brackets (`（《新闻联播》 20260115 19:00）`).
pub(in crate::article) fn broadcast_stamp(line: &str) -> Option<meta::DateTime> {
    let t = line.trim();
    let inner = t
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?
        .trim();
    let (programme, rest) = inner.strip_prefix('《')?.split_once('》')?;
    if programme.trim().is_empty() || programme.contains(['《', '（', '(']) {
        return None;
    }
    let mut words = rest.split_whitespace();
    let day = words.next()?;
    let hour = words.next()?;
    if words.next().is_some() || day.len() != 8 || !day.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut when = date_in_url(day)?;
    let (h, m) = hour.split_once(':')?;
    let (h, m): (u8, u8) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    if h > 23 || m > 59 {
        return None;
    }
    when.time = Some((h, m));
    Some(when)
}

/// Broadcast stamps ([`broadcast_stamp`]) anywhere in the text are metadata; each gives the
/// date and hour when no date is known and the title names no other day, or only the hour
/// when the date known is its day.
pub(in crate::article) fn broadcast_stamps(units: &mut [Unit], f: &mut Fields) {
    for u in units.iter_mut().filter(|u| u.role == Role::Body) {
        // On its own line, or on the last line of a paragraph, after its last sentence; a
        // stamp is short, so only the end of a paragraph closing a bracket is looked at.
        let t = u.text.trim_end();
        if !t.ends_with(['）', ')']) {
            continue;
        }
        let from = t.len().saturating_sub(120);
        let Some(at) = t
            .char_indices()
            .skip_while(|&(i, _)| i < from)
            .filter(|&(_, c)| c == '（' || c == '(')
            .map(|(i, _)| i)
            .last()
        else {
            continue;
        };
        let (before, stamp) = (t[..at].trim_end(), &t[at..]);
        let Some(stamp) = broadcast_stamp(stamp) else {
            continue;
        };
        if before.is_empty() {
            u.role = Role::Meta;
        } else if crate::script::ends_sentence(before) {
            u.cuts
                .push((t[at..].to_string(), Why::features("broadcast stamp")));
            u.text = before.to_string();
        } else {
            continue;
        }
        // A digest is named by its day: the title's day stands for the date until later steps.
        let named = f.title.as_deref().and_then(title_date);
        match f.date.as_mut() {
            None if named.is_none_or(|d| {
                (d.year, d.month, d.day) == (stamp.year, stamp.month, stamp.day)
            }) =>
            {
                f.date = Some(stamp)
            }
            None => {}
            Some(d)
                if d.time.is_none()
                    && (d.month, d.day) == (stamp.month, stamp.day)
                    && d.year.is_none_or(|y| Some(y) == stamp.year) =>
            {
                d.time = stamp.time;
                d.year = stamp.year;
            }
            Some(_) => {}
        }
    }
}

/// The issue date a title carries (`《新闻联播》 (20221121)`, `日报 2022-11-21`): a daily digest
/// is named by its day.
pub(in crate::article) fn title_date(title: &str) -> Option<meta::DateTime> {
    if let Some(found) = meta::find_date(title)
        && found.when.year.is_some()
    {
        return Some(found.when);
    }
    let inner = title
        .split(['(', '（'])
        .nth(1)?
        .split([')', '）'])
        .next()?
        .trim();
    (inner.len() == 8 && inner.chars().all(|c| c.is_ascii_digit()))
        .then(|| date_in_url(inner))
        .flatten()
}

/// A date in an address: `/2024-12/12/`, `/2019/0615/`, `/2022/11/21/`, `/20241212`,
/// `201603190029.aspx`.
pub(in crate::article) fn date_in_url(url: &str) -> Option<meta::DateTime> {
    let s: String = url
        .chars()
        .map(|c| if c.is_ascii_digit() { c } else { ' ' })
        .collect();
    // Runs of digits with what separated them.
    let runs: Vec<&str> = s.split(' ').filter(|r| !r.is_empty()).collect();
    // A plausible publication day, as a date without a time.
    let day = |y: u16, m: u8, d: u8| {
        ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some(
            meta::DateTime {
                year: Some(y),
                month: m,
                day: d,
                time: None,
            },
        )
    };
    for (k, run) in runs.iter().enumerate() {
        let n = run.len();
        if n >= 8 && (run.starts_with("19") || run.starts_with("20")) {
            let y = run.get(..4)?.parse().ok()?;
            let m = run.get(4..6)?.parse().ok()?;
            let d = run.get(6..8)?.parse().ok()?;
            if let Some(date) = day(y, m, d) {
                return Some(date);
            }
        }
        if n == 4
            && let Ok(y) = run.parse::<u16>()
        {
            let next = runs.get(k + 1).copied().unwrap_or_default();
            let after = runs.get(k + 2).copied().unwrap_or_default();
            let (m, d) = match (next.len(), after.len()) {
                (4, _) => (next.get(..2)?.parse().ok()?, next.get(2..)?.parse().ok()?),
                (1 | 2, 1 | 2) => (next.parse().ok()?, after.parse().ok()?),
                _ => continue,
            };
            if let Some(date) = day(y, m, d) {
                return Some(date);
            }
        }
    }
    None
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_addresses_and_date_codes() {
        let iso = |d: Option<meta::DateTime>| d.and_then(|d| d.iso_date(None));
        for (url, want) in [
            (
                "http://www.xinhuanet.com/world/2019-12/10/c_1125329012.htm",
                Some("2019-12-10"),
            ),
            (
                "http://culture.people.com.cn/n1/2019/0615/c1013-31153719.html",
                Some("2019-06-15"),
            ),
            (
                "https://tv.cctv.com/2022/11/21/VIDEXfw190VRwrzcP6ahGqTL221121.shtml",
                Some("2022-11-21"),
            ),
            (
                "https://www.cna.com.tw/news/asoc/201603190029.aspx",
                Some("2016-03-19"),
            ),
            (
                "http://news.sohu.com/20120608/n345105393.shtml",
                Some("2012-06-08"),
            ),
            ("https://example.com/a/1.html", None),
            ("https://example.com/2019/99/99/x", None),
        ] {
            assert_eq!(iso(date_in_url(url)).as_deref(), want, "{url}");
        }
        assert_eq!(iso(date_code("1100731")).as_deref(), Some("2021-07-31"));
        assert_eq!(
            iso(trailing_code("（編輯：張銘坤）1100731")).as_deref(),
            Some("2021-07-31")
        );
        assert_eq!(iso(trailing_code("共11100731")), None);
        assert_eq!(iso(date_code("1051399")), None);
        assert_eq!(iso(date_code("2019")), None);
        assert_eq!(
            iso(title_date("《新闻联播》 (20221121)")).as_deref(),
            Some("2022-11-21")
        );
        assert_eq!(
            iso(title_date("小城日报 2023-04-02")).as_deref(),
            Some("2023-04-02")
        );
        assert_eq!(iso(title_date("重磅！2019中国经济研判")), None);
        assert_eq!(iso(title_date("第（12345678）号")), None);
        let stamp = broadcast_stamp("（《新闻联播》 20260115 19:00）").expect("a stamp");
        assert_eq!(iso(Some(stamp)).as_deref(), Some("2026-01-15"));
        assert_eq!(stamp.time, Some((19, 0)));
        assert_eq!(
            broadcast_stamp("(《晚间新闻》 20251231 22:30)").and_then(|d| d.time),
            Some((22, 30))
        );
        for line in [
            "（《新闻联播》 20260115）",
            "（20260115 19:00）",
            "（《新闻联播》 20261399 19:00）",
            "（《新闻联播》 20260115 19:00 重播）",
            "他说（《新闻联播》 20260115 19:00）",
        ] {
            assert_eq!(broadcast_stamp(line), None, "{line}");
        }
    }
}
