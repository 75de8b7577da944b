//! Reading dates out of text: dates and times in the shapes Chinese and English news use, and
//! datelines (`2022-11-23 上海`) standing on a line of their own. Credit lines (`编辑:`,
//! `来源：`) are read by the credits module.

/// A date and optional time read from text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    /// Year, when the text gave one.
    pub year: Option<u16>,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
    /// Hour and minute.
    pub time: Option<(u8, u8)>,
}

impl DateTime {
    /// ISO `YYYY-MM-DD`, using `fallback_year` when the text had no year.
    pub fn iso_date(&self, fallback_year: Option<u16>) -> Option<String> {
        let year = self.year.or(fallback_year)?;
        Some(format!("{year:04}-{:02}-{:02}", self.month, self.day))
    }

    /// `HH:MM`.
    pub fn hhmm(&self) -> Option<String> {
        self.time.map(|(h, m)| format!("{h:02}:{m:02}"))
    }
}

/// The half-width form of a full-width ASCII character (`２` → `2`, `：` → `:`, the
/// ideographic space → a space); other characters unchanged.
pub fn half_width_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// [`half_width_char`] over a string. Used for recognising patterns, never for displayed
/// text.
pub fn half_width(s: &str) -> String {
    s.chars().map(half_width_char).collect()
}

/// A date found in text: where it starts and ends (char indices into the searched string)
/// and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Char index of the first character of the date.
    pub start: usize,
    /// Char index just past the date (and time, if one followed).
    pub end: usize,
    /// The date read.
    pub when: DateTime,
}

fn read_number(chars: &[char], mut i: usize, max_digits: usize) -> Option<(u32, usize)> {
    let start = i;
    let mut n: u32 = 0;
    while i < chars.len() && chars[i].is_ascii_digit() && i - start < max_digits {
        n = n * 10 + (chars[i] as u32 - '0' as u32);
        i += 1;
    }
    if i == start || (i < chars.len() && chars[i].is_ascii_digit()) {
        None
    } else {
        Some((n, i))
    }
}

fn valid(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// A date found from `start` to `end`, with the time that may follow it.
fn found(chars: &[char], start: usize, end: usize, year: Option<u16>, month: u8, day: u8) -> Found {
    let (time, end) = read_time(chars, end).map_or((None, end), |(t, e)| (Some(t), e));
    Found {
        start,
        end,
        when: DateTime {
            year,
            month,
            day,
            time,
        },
    }
}

/// Reads an optional time (`10:30`, `10：30`, `10时30分`) after a date, skipping spaces.
fn read_time(chars: &[char], mut i: usize) -> Option<((u8, u8), usize)> {
    while i < chars.len() && (chars[i] == ' ' || chars[i] == 'T') {
        i += 1;
    }
    let (h, j) = read_number(chars, i, 2)?;
    let sep = *chars.get(j)?;
    if !matches!(sep, ':' | '时' | '點' | '点') {
        return None;
    }
    let (m, mut k) = read_number(chars, j + 1, 2)?;
    if h > 23 || m > 59 {
        return None;
    }
    if chars.get(k) == Some(&'分') {
        k += 1;
    }
    // Seconds are read and ignored.
    if chars.get(k) == Some(&':')
        && let Some((_, after)) = read_number(chars, k + 1, 2)
    {
        k = after;
    }
    // `5:54:13 AM`, `9:23:57 PM`: a twelve-hour clock.
    let mut h = h;
    let rest: String = chars.iter().skip(k).take(3).collect();
    let rest = rest.trim_start();
    if (1..=12).contains(&h) && (rest.starts_with("AM") || rest.starts_with("PM")) {
        if rest.starts_with("PM") && h < 12 {
            h += 12;
        } else if rest.starts_with("AM") && h == 12 {
            h = 0;
        }
        k += 3;
    } else if (1..=12).contains(&h) {
        // `6:47 p.m.`, as English papers print it.
        let rest: String = chars.iter().skip(k).take(5).collect();
        let rest = rest.trim_start();
        if rest.starts_with("p.m.") && h < 12 {
            h += 12;
            k += 5;
        } else if rest.starts_with("a.m.") {
            if h == 12 {
                h = 0;
            }
            k += 5;
        }
    }
    Some(((h as u8, m as u8), k))
}

/// Whether `s` holds an ASCII digit or a full-width one (`U+FF10`–`U+FF19`, the bytes `EF BC
/// 90`–`99`): a date has one, and most lines of text are ruled out in one pass over the bytes.
fn holds_digit(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        x.is_ascii_digit()
            || x == 0xBC
                && i > 0
                && b.get(i - 1) == Some(&0xEF)
                && b.get(i + 1).is_some_and(|n| (0x90..=0x99).contains(n))
    })
}

/// Finds the first date in `s` (`2022-11-23`, `2022/11/23`, `2022.11.23`, `2022年11月23日`,
/// `11月23日`), with a following time if there is one. Full-width digits are understood.
pub fn find_date(s: &str) -> Option<Found> {
    if !holds_digit(s) {
        return None;
    }
    let chars: Vec<char> = half_width(s).chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit()
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && let Some(found) = date_at(&chars, i)
        {
            return Some(found);
        }
        i += 1;
    }
    None
}

fn date_at(chars: &[char], i: usize) -> Option<Found> {
    let (first, j) = read_number(chars, i, 4)?;
    let sep = *chars.get(j)?;
    let with_year = j - i == 4 && (1900..=2100).contains(&first);
    if with_year && matches!(sep, '-' | '/' | '.' | '年') {
        let (month, k) = read_number(chars, j + 1, 2)?;
        let sep2 = *chars.get(k)?;
        let expected = if sep == '年' { '月' } else { sep };
        if sep2 != expected {
            return None;
        }
        let (day, mut end) = read_number(chars, k + 1, 2)?;
        if !valid(month, day) {
            return None;
        }
        if sep == '年' && matches!(chars.get(end), Some('日' | '号')) {
            end += 1;
        }
        return Some(found(
            chars,
            i,
            end,
            Some(first as u16),
            month as u8,
            day as u8,
        ));
    }
    // `9/17/2004`: month, day, year, as American pages print it.
    if j - i <= 2
        && sep == '/'
        && let Some((day, k)) = read_number(chars, j + 1, 2)
        && chars.get(k) == Some(&'/')
        && let Some((year, end)) = read_number(chars, k + 1, 4)
        && end - (k + 1) == 4
        && (1900..=2100).contains(&year)
        && valid(first, day)
    {
        return Some(found(
            chars,
            i,
            end,
            Some(year as u16),
            first as u8,
            day as u8,
        ));
    }
    if let Some(found) = english_date(chars, i, first, j) {
        return Some(found);
    }
    if j - i <= 2 && sep == '月' {
        let (day, mut end) = read_number(chars, j + 1, 2)?;
        if !valid(first, day) || !matches!(chars.get(end), Some('日' | '号')) {
            return None;
        }
        end += 1;
        return Some(found(chars, i, end, None, first as u8, day as u8));
    }
    None
}

/// The month an English month name or its abbreviation names (`Jun`, `June`, `Sept.`),
/// capitalised as dates print it.
fn month_named(word: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let n = word.len();
    if n < 3 || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == word || n == 3 && m.starts_with(word) || word == "Sept" && m.starts_with(word)
        })
        .map(|p| p as u8 + 1)
}

/// A four-digit year from `at` after a space or a comma and a space: the year and the index
/// just past it.
fn year_after(chars: &[char], mut at: usize) -> Option<(u16, usize)> {
    if chars.get(at) == Some(&',') {
        at += 1;
    }
    if chars.get(at) != Some(&' ') {
        return None;
    }
    let (year, end) = read_number(chars, at + 1, 4)?;
    ((1900..=2100).contains(&year) && end - at == 5).then_some((year as u16, end))
}

/// A date with an English month name, as English pages and RFC 2822 headers print it:
/// `29 Jun 2020`, `Dec. 22, 2016`, `December 22 2016`. `first` is the number read at `i`,
/// ending at `j`. Only dates with a year count, so a bare `May 5` in a sentence is not one.
fn english_date(chars: &[char], i: usize, first: u32, j: usize) -> Option<Found> {
    if j - i > 2 {
        return None;
    }
    // `29 Jun 2020`: day, month, year.
    if chars.get(j) == Some(&' ') {
        let word_end = (j + 1..chars.len())
            .find(|&k| !chars[k].is_ascii_alphabetic())
            .unwrap_or(chars.len());
        let word: String = chars[j + 1..word_end].iter().collect();
        let after = word_end + usize::from(chars.get(word_end) == Some(&'.'));
        if let Some(month) = month_named(&word)
            && let Some((year, end)) = year_after(chars, after)
            && valid(month as u32, first)
        {
            return Some(english_found(chars, i, end, year, month, first as u8));
        }
    }
    // `Dec. 22, 2016`: month, day, year; the date starts at the month's name.
    let mut k = i;
    if k == 0 || chars[k - 1] != ' ' {
        return None;
    }
    k -= 1;
    if k > 0 && chars[k - 1] == '.' {
        k -= 1;
    }
    let word_end = k;
    while k > 0 && chars[k - 1].is_ascii_alphabetic() {
        k -= 1;
    }
    let word: String = chars[k..word_end].iter().collect();
    let month = month_named(&word)?;
    let (year, end) = year_after(chars, j)?;
    valid(month as u32, first).then(|| english_found(chars, k, end, year, month, first as u8))
}

/// An English date from `start` to `end`, with the time that may follow it after a comma
/// (`Dec. 22, 2016, 6:47 p.m.`).
fn english_found(chars: &[char], start: usize, end: usize, year: u16, month: u8, day: u8) -> Found {
    let mut f = found(chars, start, end, Some(year), month, day);
    if f.when.time.is_none() && chars.get(end) == Some(&',') {
        let g = found(chars, start, end + 1, Some(year), month, day);
        if g.when.time.is_some() {
            f = g;
        }
    }
    f
}

/// A dateline: a short line that is a date, optionally with a time and a place
/// (`2022-11-23 上海`, `（2017年10月18日）`, `2019-09-07 19:53:27 来源：网易`).
/// Returns the date and the place (the rest of the line, when it is a short name).
pub fn dateline(line: &str) -> Option<(DateTime, Option<String>)> {
    let t = line.trim();
    if !crate::script::at_most(t, 40) {
        return None;
    }
    let found = find_date(t)?;
    let chars: Vec<char> = half_width(t).chars().collect();
    let before: String = chars[..found.start].iter().collect();
    let after: String = chars[found.end..].iter().collect();
    // A place is set apart from the date by a space or a comma, never run into it.
    let apart = |c: Option<&char>| c.is_none_or(|c| " ,，、|()（）[]【】".contains(*c));
    // A credit may run into the time (`20:00:35来源：新华网`).
    let credit_after = || super::credits::parse(after.trim()).is_some();
    if !apart(chars[..found.start].last()) || !apart(chars.get(found.end)) && !credit_after() {
        return None;
    }
    let before = before.trim_matches(|c: char| c.is_whitespace() || "(（[【".contains(c));
    let after = after.trim_matches(|c: char| c.is_whitespace() || ")）]】".contains(c));
    if !before.is_empty() && !is_place(before) {
        return None;
    }
    let place = if !after.is_empty() {
        if is_place(after) {
            Some(after.to_string())
        } else if super::credits::parse(after).is_some() {
            None
        } else {
            return None;
        }
    } else if !before.is_empty() {
        Some(before.to_string())
    } else {
        None
    };
    Some((found.when, place))
}

/// A place name as datelines give it: a few CJK characters or a capitalised word or two.
fn is_place(s: &str) -> bool {
    let n = s.chars().count();
    if n == 0 || n > 12 {
        return false;
    }
    let cjk = s.chars().all(|c| is_cjk(c) || c == ' ');
    let latin = s.split(' ').count() <= 3
        && s.chars().all(|c| c.is_alphabetic() || c == ' ')
        && s.chars().next().is_some_and(char::is_uppercase);
    (cjk && n <= 8) || latin
}

pub use crate::script::is_cjk;

/// Collapses runs of whitespace into one space.
pub fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digit_is_told_from_the_bytes() {
        for c in '\0'..='\u{FFFF}' {
            let half = half_width_char(c);
            assert_eq!(holds_digit(&c.to_string()), half.is_ascii_digit(), "{c:?}");
            assert_eq!(
                holds_digit(&format!("年{c}月")),
                half.is_ascii_digit(),
                "{c:?}"
            );
        }
    }

    fn iso(s: &str) -> Option<String> {
        find_date(s).and_then(|f| f.when.iso_date(Some(2000)))
    }

    #[test]
    fn dates_in_common_shapes() {
        assert_eq!(iso("2022-11-23"), Some("2022-11-23".into()));
        assert_eq!(iso("2022/1/3 上海"), Some("2022-01-03".into()));
        assert_eq!(iso("2022.11.23"), Some("2022-11-23".into()));
        assert_eq!(iso("发布于2022年11月23日"), Some("2022-11-23".into()));
        assert_eq!(iso("２０１２年６月８日"), Some("2012-06-08".into()));
        assert_eq!(iso("12月1日电"), Some("2000-12-01".into()));
        assert_eq!(
            find_date("12月1日").and_then(|f| f.when.iso_date(None)),
            None
        );
    }

    #[test]
    fn not_dates() {
        assert_eq!(find_date("17.00 We are going"), None);
        assert_eq!(find_date("2022-13-01"), None);
        assert_eq!(find_date("12345-11-23"), None);
        assert_eq!(find_date("3家高科技企业"), None);
        assert_eq!(find_date("90%"), None);
    }

    #[test]
    fn american_dates_and_twelve_hour_clocks() {
        let f = find_date("发布日期： 9/17/2004 5:54:13 AM").map(|f| f.when);
        assert_eq!(f.and_then(|d| d.iso_date(None)), Some("2004-09-17".into()));
        assert_eq!(f.and_then(|d| d.hhmm()), Some("05:54".into()));
        let f = find_date("7/5/2005 9:23:57 PM").map(|f| f.when);
        assert_eq!(f.and_then(|d| d.hhmm()), Some("21:23".into()));
        assert_eq!(find_date("1/2/3"), None);
        assert_eq!(find_date("13/40/2004"), None);
    }

    #[test]
    fn english_month_names() {
        let f = find_date("日期：Mon, 29 Jun 2020 13:58:08 +0000").map(|f| f.when);
        assert_eq!(f.and_then(|d| d.iso_date(None)), Some("2020-06-29".into()));
        assert_eq!(f.and_then(|d| d.hhmm()), Some("13:58".into()));
        let f = find_date("Published: Dec. 22, 2016, 6:47 p.m.").map(|f| f.when);
        assert_eq!(f.and_then(|d| d.iso_date(None)), Some("2016-12-22".into()));
        assert_eq!(f.and_then(|d| d.hhmm()), Some("18:47".into()));
        let f = find_date("Updated September 3 2019").map(|f| f.when);
        assert_eq!(f.and_then(|d| d.iso_date(None)), Some("2019-09-03".into()));
        let f = find_date("on Sept. 3, 2019, 9:05 a.m.").map(|f| f.when);
        assert_eq!(f.and_then(|d| d.hhmm()), Some("09:05".into()));
        // No year, no date; a word that only starts like a month is not one.
        assert_eq!(find_date("on May 5 the vote"), None);
        assert_eq!(find_date("Marching 5, 2016"), None);
        assert_eq!(find_date("Jun 32, 2016"), None);
    }

    #[test]
    fn times_follow_dates() {
        let f = find_date("2019-09-07 19:53:27").map(|f| f.when);
        assert_eq!(f.and_then(|d| d.hhmm()), Some("19:53".into()));
        let f = find_date("2018年2月6日 15时00分").map(|f| f.when);
        assert_eq!(f.and_then(|d| d.hhmm()), Some("15:00".into()));
    }

    #[test]
    fn datelines() {
        let (d, place) = dateline("2022-11-23 上海").unwrap();
        assert_eq!(d.iso_date(None), Some("2022-11-23".into()));
        assert_eq!(place.as_deref(), Some("上海"));
        let (d, place) = dateline("（2017年10月18日）").unwrap();
        assert_eq!(d.iso_date(None), Some("2017-10-18".into()));
        assert_eq!(place, None);
        assert!(dateline("2022年是不平凡的一年，我们取得了很多成就").is_none());
        assert!(dateline("我在2022-11-23那天去了公园").is_none());
    }
}
