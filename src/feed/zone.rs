//! The time zone in which a feed's dates that carry none are read: the computer's own, a
//! fixed offset, or a zone of the IANA database by name (looked up in the system's database
//! through `jiff`, so daylight saving time is right for zones that have it).

use jiff::tz::{Offset, TimeZone};

/// The time zone in which dates that carry none are read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Zone {
    /// The zone of the computer running newsreader.
    #[default]
    Local,
    /// A fixed offset from UTC, in seconds (`+08:00` is 28800).
    Offset(i32),
    /// An IANA zone name such as `Asia/Shanghai`, known to exist.
    Named(String),
}

impl Zone {
    /// Reads `local`, an offset (`+08:00`, `+0800`, `-05`, `UTC`, `Z`) or an IANA name
    /// that the system's time zone database knows. `None` for anything else.
    pub fn parse(text: &str) -> Option<Zone> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("local") {
            return Some(Zone::Local);
        }
        if t.eq_ignore_ascii_case("utc") || t.eq_ignore_ascii_case("z") {
            return Some(Zone::Offset(0));
        }
        if t.starts_with(['+', '-']) {
            let chars: Vec<char> = t.chars().collect();
            return match read_offset(&chars, 0) {
                Some((secs, used)) if used == chars.len() => Some(Zone::Offset(secs)),
                _ => None,
            };
        }
        TimeZone::get(t).ok().map(|_| Zone::Named(t.to_string()))
    }

    /// How the zone is written in the config: `local`, `+08:00` or the IANA name.
    pub fn name(&self) -> String {
        match self {
            Zone::Local => "local".to_string(),
            Zone::Offset(secs) => {
                let sign = if *secs < 0 { '-' } else { '+' };
                let abs = secs.unsigned_abs();
                format!("{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60)
            }
            Zone::Named(name) => name.clone(),
        }
    }

    /// The zone's rules. A named zone that has disappeared from the system since it was
    /// checked falls back to UTC, as does a local zone that cannot be determined.
    pub(crate) fn tz(&self) -> TimeZone {
        match self {
            Zone::Local => TimeZone::try_system().unwrap_or(TimeZone::UTC),
            Zone::Offset(secs) => Offset::from_seconds(*secs)
                .map(TimeZone::fixed)
                .unwrap_or(TimeZone::UTC),
            Zone::Named(name) => TimeZone::get(name).unwrap_or(TimeZone::UTC),
        }
    }
}

/// `+08:00`, `+0800`, `+08` at `i`: seconds east of UTC and the index after it.
pub(super) fn read_offset(chars: &[char], i: usize) -> Option<(i32, usize)> {
    let sign = match chars.get(i) {
        Some('+') => 1,
        Some('-') => -1,
        _ => return None,
    };
    let two = |at: usize| -> Option<i32> {
        let a = chars.get(at)?.to_digit(10)?;
        let b = chars.get(at + 1)?.to_digit(10)?;
        i32::try_from(a * 10 + b).ok()
    };
    let hours = two(i + 1)?;
    let (minutes, end) = match chars.get(i + 3) {
        Some(':') => (two(i + 4)?, i + 6),
        Some(c) if c.is_ascii_digit() => (two(i + 3)?, i + 5),
        _ => (0, i + 3),
    };
    (hours <= 14 && minutes < 60).then_some((sign * (hours * 3600 + minutes * 60), end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_parse_and_print() {
        assert_eq!(Zone::parse("local"), Some(Zone::Local));
        assert_eq!(Zone::parse("+08:00"), Some(Zone::Offset(28800)));
        assert_eq!(Zone::parse("-0530"), Some(Zone::Offset(-19800)));
        assert_eq!(Zone::parse("UTC"), Some(Zone::Offset(0)));
        assert_eq!(
            Zone::parse("Asia/Shanghai"),
            Some(Zone::Named("Asia/Shanghai".into()))
        );
        assert_eq!(Zone::parse("Mars/Olympus"), None);
        assert_eq!(Zone::parse("+8"), None);
        assert_eq!(Zone::Offset(-19800).name(), "-05:30");
        assert_eq!(Zone::Offset(28800).name(), "+08:00");
    }
}
