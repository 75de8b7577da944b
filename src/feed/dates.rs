//! Dates in feeds. The standards say RFC 822 (RSS) and RFC 3339 (Atom, JSON Feed), and most
//! feeds follow them; Chinese feeds often print `2019-10-04 08:54:59`, `2019/10/04 08:54` or
//! even `11月27日 23:58`, with no time zone. Such dates are taken in the zone the user
//! configured for feeds (default: the local one), and a date without a year gets the year
//! of the fetch. The zone lookup uses the system's time zone database through `jiff`;
//! `feed-rs` and the items use `chrono` instants; the zone itself is [`Zone`](super::Zone).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use jiff::tz::TimeZone;

use super::zone::read_offset;
use crate::article::meta::half_width;

/// Reads a feed date: RFC 3339, RFC 822/2822, and the shapes Chinese sites print
/// (`2019-10-04 08:54:59`, `2019/10/04 08:54`, `2019年10月4日 8:54`, `11月27日 23:58`).
/// A date without an offset is taken in `tz`; one without a year gets the year of `now` in
/// `tz` (the year before, when that would put it more than two days after `now`).
pub(crate) fn parse_date(text: &str, tz: &TimeZone, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(d) = numeric(t, tz, now) {
        return Some(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(t) {
        return Some(d.with_timezone(&Utc));
    }
    rfc822_lenient(t, tz)
}

/// RFC 822 dates that chrono refuses: a long weekday or month name, a missing zone (taken
/// in `tz`), a one-digit hour.
fn rfc822_lenient(t: &str, tz: &TimeZone) -> Option<DateTime<Utc>> {
    let without_day = match t.split_once(',') {
        Some((day, rest)) if day.chars().all(|c| c.is_ascii_alphabetic()) => rest.trim(),
        _ => t,
    };
    let words: Vec<&str> = without_day.split_whitespace().collect();
    let (date, time, zone) = match words.as_slice() {
        [d, m, y, time, zone @ ..] => ((*d, *m, *y), *time, zone.first().copied()),
        [d, m, y] => ((*d, *m, *y), "00:00", None),
        _ => return None,
    };
    let month = month_number(date.1)?;
    let day: u32 = date.0.parse().ok()?;
    let year: i32 = date.2.parse().ok()?;
    let mut hms = time.split(':').map(|p| p.parse::<u32>().ok());
    let hour = hms.next().flatten()?;
    let minute = hms.next().flatten()?;
    let second = hms.next().flatten().unwrap_or(0);
    let naive = NaiveDate::from_ymd_opt(year, month, day)?.and_hms_opt(hour, minute, second)?;
    match zone {
        None => in_zone(naive, tz),
        Some(z) => {
            let chars: Vec<char> = z.chars().collect();
            let offset = match read_offset(&chars, 0) {
                Some((secs, used)) if used == chars.len() => secs,
                _ if matches!(z, "GMT" | "UT" | "UTC" | "Z") => 0,
                _ => return None,
            };
            with_offset(naive, offset)
        }
    }
}

/// `Jan`, `January`, `Sept` → month number.
fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = word.to_ascii_lowercase();
    let head: String = lower.chars().take(3).collect();
    MONTHS
        .iter()
        .position(|m| *m == head)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Dates that start with numbers: `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYY年MM月DD日`
/// or `MM月DD日`, then an optional time (`T` or spaces before it, seconds and fractions
/// optional, `时`/`分` accepted) and an optional offset (`Z`, `UTC`, `GMT`, `+08:00`, `+0800`).
/// Anything after that is ignored (a weekday, a zone abbreviation that means nothing sure).
fn numeric(t: &str, tz: &TimeZone, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let chars: Vec<char> = half_width(t).chars().collect();
    let (first, mut i) = number(&chars, 0, 4)?;
    let (year, month, day) = if i == 4 {
        let sep = *chars.get(i)?;
        if !matches!(sep, '-' | '/' | '.' | '年') {
            return None;
        }
        let (month, j) = number(&chars, i + 1, 2)?;
        let sep2 = *chars.get(j)?;
        if sep2 != if sep == '年' { '月' } else { sep } {
            return None;
        }
        let (day, k) = number(&chars, j + 1, 2)?;
        i = k;
        if sep == '年' && matches!(chars.get(i), Some('日' | '号')) {
            i += 1;
        }
        (Some(i32::try_from(first).ok()?), month, day)
    } else if i <= 2 && chars.get(i) == Some(&'月') {
        let (day, k) = number(&chars, i + 1, 2)?;
        if !matches!(chars.get(k), Some('日' | '号')) {
            return None;
        }
        i = k + 1;
        (None, first, day)
    } else {
        return None;
    };
    while matches!(chars.get(i), Some(' ' | 'T' | 't')) {
        i += 1;
    }
    let (hour, minute, second, after_time) = match time(&chars, i) {
        Some((h, m, s, end)) => (h, m, s, end),
        None => (0, 0, 0, i),
    };
    i = after_time;
    while chars.get(i) == Some(&' ') {
        i += 1;
    }
    let offset = zone_at(&chars, i);
    let date_for =
        |y: i32| NaiveDate::from_ymd_opt(y, month, day)?.and_hms_opt(hour, minute, second);
    match (year, offset) {
        (Some(y), Some(off)) => with_offset(date_for(y)?, off),
        (Some(y), None) => in_zone(date_for(y)?, tz),
        (None, off) => {
            let this_year = jiff::Timestamp::from_second(now.timestamp())
                .ok()?
                .to_zoned_datetime(tz.clone())
                .year();
            let pick = |y: i32| match off {
                Some(o) => with_offset(date_for(y)?, o),
                None => in_zone(date_for(y)?, tz),
            };
            let this = pick(i32::from(this_year))?;
            if this - now > chrono::TimeDelta::days(2) {
                pick(i32::from(this_year) - 1)
            } else {
                Some(this)
            }
        }
    }
}

/// Reads up to `max` ASCII digits at `i`; fails when there are none or more follow.
fn number(chars: &[char], i: usize, max: usize) -> Option<(u32, usize)> {
    let mut n = 0u32;
    let mut j = i;
    while j < chars.len() && j - i < max {
        let Some(d) = chars[j].to_digit(10) else {
            break;
        };
        n = n * 10 + d;
        j += 1;
    }
    if j == i || chars.get(j).is_some_and(char::is_ascii_digit) {
        None
    } else {
        Some((n, j))
    }
}

/// `HH:MM[:SS[.fff]]` or `HH时MM分[SS秒]` at `i`.
fn time(chars: &[char], i: usize) -> Option<(u32, u32, u32, usize)> {
    let (hour, j) = number(chars, i, 2)?;
    let chinese = match chars.get(j) {
        Some(':') => false,
        Some('时' | '點' | '点') => true,
        _ => return None,
    };
    let (minute, mut k) = number(chars, j + 1, 2)?;
    let mut second = 0;
    if chinese {
        if chars.get(k) == Some(&'分') {
            k += 1;
            if let Some((s, end)) = number(chars, k, 2)
                && chars.get(end) == Some(&'秒')
            {
                second = s;
                k = end + 1;
            }
        }
    } else if chars.get(k) == Some(&':')
        && let Some((s, end)) = number(chars, k + 1, 2)
    {
        second = s;
        k = end;
        if chars.get(k) == Some(&'.') {
            k += 1;
            while chars.get(k).is_some_and(char::is_ascii_digit) {
                k += 1;
            }
        }
    }
    (hour < 24 && minute < 60 && second < 61).then_some((hour, minute, second.min(59), k))
}

/// An offset at `i`: `Z`, `UTC`, `GMT` (0) or `[+-]HH[:MM]`.
fn zone_at(chars: &[char], i: usize) -> Option<i32> {
    let rest: String = chars.iter().skip(i).take(3).collect();
    if rest.starts_with('Z') || rest == "UTC" || rest == "GMT" {
        return Some(0);
    }
    read_offset(chars, i).map(|(secs, _)| secs)
}

/// A wall-clock time at a fixed offset.
fn with_offset(naive: NaiveDateTime, offset_secs: i32) -> Option<DateTime<Utc>> {
    let utc = naive - chrono::TimeDelta::seconds(i64::from(offset_secs));
    Some(DateTime::from_naive_utc_and_offset(utc, Utc))
}

/// A wall-clock time in a zone with rules (a time in a daylight-saving gap is moved forward,
/// an ambiguous one takes the earlier offset).
fn in_zone(naive: NaiveDateTime, tz: &TimeZone) -> Option<DateTime<Utc>> {
    use chrono::{Datelike, Timelike};
    let civil = jiff::civil::DateTime::new(
        i16::try_from(naive.year()).ok()?,
        i8::try_from(naive.month()).ok()?,
        i8::try_from(naive.day()).ok()?,
        i8::try_from(naive.hour()).ok()?,
        i8::try_from(naive.minute()).ok()?,
        i8::try_from(naive.second()).ok()?,
        0,
    )
    .ok()?;
    let ts = tz.to_timestamp(civil).ok()?;
    DateTime::from_timestamp(ts.as_second(), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    use crate::feed::Zone;

    fn read(s: &str, zone: &str) -> Option<String> {
        let tz = Zone::parse(zone).unwrap().tz();
        parse_date(s, &tz, at("2024-11-28T12:00:00Z")).map(|d| d.to_rfc3339())
    }

    #[test]
    fn standard_dates() {
        let cases = [
            (
                "Tue, 26 Nov 2024 10:00:00 +0800",
                "2024-11-26T02:00:00+00:00",
            ),
            ("Tue, 26 Nov 2024 10:00:00 GMT", "2024-11-26T10:00:00+00:00"),
            ("26 Nov 2024 10:00 +0000", "2024-11-26T10:00:00+00:00"),
            ("2024-11-26T10:00:00+08:00", "2024-11-26T02:00:00+00:00"),
            ("2024-11-26T10:00:00.123Z", "2024-11-26T10:00:00+00:00"),
            (
                "Tuesday, 26 November 2024 10:00:00 +0800",
                "2024-11-26T02:00:00+00:00",
            ),
            (
                "Tue, 26 Nov 2024 9:05:00 -0500",
                "2024-11-26T14:05:00+00:00",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(read(text, "+03:00").as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn dates_without_a_zone_are_read_in_the_feed_zone() {
        let cases = [
            ("2019-10-04 08:54:59", "+08:00", "2019-10-04T00:54:59+00:00"),
            (
                "2019-10-04T08:54:59",
                "Asia/Shanghai",
                "2019-10-04T00:54:59+00:00",
            ),
            ("2019/10/04 08:54", "+08:00", "2019-10-04T00:54:00+00:00"),
            ("2019.10.04", "+08:00", "2019-10-03T16:00:00+00:00"),
            (
                "2019年10月4日 8时54分",
                "+08:00",
                "2019-10-04T00:54:00+00:00",
            ),
            (
                "Fri, 04 Oct 2019 08:54:59",
                "+08:00",
                "2019-10-04T00:54:59+00:00",
            ),
            (
                "2019-10-04 08:54:59 +0900",
                "+08:00",
                "2019-10-03T23:54:59+00:00",
            ),
            (
                "２０１９－１０－０４　０８：５４",
                "UTC",
                "2019-10-04T08:54:00+00:00",
            ),
            // New York is on daylight time in July, standard time in January.
            (
                "2024-07-01 12:00",
                "America/New_York",
                "2024-07-01T16:00:00+00:00",
            ),
            (
                "2024-01-01 12:00",
                "America/New_York",
                "2024-01-01T17:00:00+00:00",
            ),
        ];
        for (text, zone, want) in cases {
            assert_eq!(read(text, zone).as_deref(), Some(want), "{text} in {zone}");
        }
    }

    #[test]
    fn a_date_without_a_year_takes_the_fetch_year() {
        assert_eq!(
            read("11月27日 23:58", "+08:00").as_deref(),
            Some("2024-11-27T15:58:00+00:00")
        );
        // A month after the fetch is last year's.
        assert_eq!(
            read("12月25日 10:00", "+08:00").as_deref(),
            Some("2023-12-25T02:00:00+00:00")
        );
    }

    #[test]
    fn nonsense_is_no_date() {
        for text in [
            "",
            "yesterday",
            "2019-13-01",
            "32 Foo 2019 10:00",
            "11月",
            "12345",
        ] {
            assert_eq!(read(text, "UTC"), None, "{text}");
        }
    }
}
