//! Stock-ticker widgets that portals insert after a company's name and scrapers keep as text:
//! `摩根大通 (115.395, 2.79, 2.47%)` inside a sentence, or `如家快捷 -- --%` on a line. The
//! numbers are live quotes, not the article's words.

use crate::script::at_most;

/// A quote value: a number, a signed change, a percentage, or `--` when the market is closed.
fn value(token: &str) -> bool {
    let t = token.trim();
    let t = t.strip_suffix('%').unwrap_or(t);
    if t == "--" {
        return true;
    }
    let t = t.strip_prefix(['+', '-']).unwrap_or(t);
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && t.chars().any(|c| c.is_ascii_digit())
}

/// A ticker line: a name, then two or more quote values (`如家快捷 -- --%`), or only a
/// bracketed quote (`(115.395, 2.79, 2.47%)`); also a name over nothing but closed-market
/// dashes (`首旅股份 -- --`), which no sentence is.
pub(in crate::article) fn ticker_line(line: &str) -> bool {
    let t = line.trim();
    if !at_most(t, 40) {
        return false;
    }
    // Both shapes hold a percentage, or only dashes stand for the quotes.
    if !t.contains('%') {
        let mut tokens = t.split_whitespace();
        let name = tokens.next().is_some_and(|n| !value(n));
        let dashes: Vec<&str> = tokens.collect();
        return name && dashes.len() >= 2 && dashes.iter().all(|v| *v == "--");
    }
    if quote_at(t) == Some(t.len()) {
        return true;
    }
    let mut tokens = t.split_whitespace();
    let Some(name) = tokens.next() else {
        return false;
    };
    let rest: Vec<&str> = tokens.collect();
    !value(name)
        && rest.len() >= 2
        && rest.iter().all(|v| value(v))
        && rest.iter().any(|v| v.ends_with('%'))
}

/// The length of a bracketed quote at the start of `s`: `(115.395, 2.79, 2.47%)`.
fn quote_at(s: &str) -> Option<usize> {
    let inner = s.strip_prefix(['(', '（'])?;
    let close = inner.find([')', '）'])?;
    let body = inner.get(..close)?;
    let parts: Vec<&str> = body.split([',', '，']).collect();
    let ok = parts.len() == 3 && parts.iter().all(|p| value(p)) && parts[2].trim().ends_with('%');
    let close_len = inner.get(close..)?.chars().next()?.len_utf8();
    ok.then(|| s.len() - inner.len() + close + close_len)
}

/// Whether `text` ends with a bracketed quote (`…摩根大通(115.395, 2.79, 2.47%)`): the sentence
/// it interrupted goes on in the next line.
pub(in crate::article) fn ends_with_quote(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with([')', '）'])
        && t.rfind(['(', '（'])
            .and_then(|i| t.get(i..))
            .is_some_and(|q| quote_at(q) == Some(q.len()))
}

/// `text` without the bracketed quotes in it, and the quotes removed (for `dropped`).
pub(in crate::article) fn strip_tickers(text: &str) -> Option<(String, Vec<String>)> {
    if !text.contains('%') || !text.contains(['(', '（']) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['(', '（']) {
        let (before, from) = rest.split_at(i);
        match quote_at(from) {
            Some(len) => {
                out.push_str(before.trim_end());
                removed.push(from.get(..len)?.to_string());
                rest = from.get(len..)?.trim_start();
                let glue = out
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                    && rest.starts_with(|c: char| c.is_ascii_alphanumeric());
                if glue {
                    out.push(' ');
                }
            }
            None => {
                let open = from.chars().next()?.len_utf8();
                out.push_str(before);
                out.push_str(from.get(..open)?);
                rest = from.get(open..)?;
            }
        }
    }
    out.push_str(rest);
    (!removed.is_empty()).then_some((out, removed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticker_lines() {
        for line in [
            "如家快捷 -- --%",
            "(115.395, 2.79, 2.47%)",
            "PIMCO 0 0.00 0.00%",
            "首旅股份\t--\t--",
        ] {
            assert!(ticker_line(line), "{line}");
        }
        for not in [
            "增长 5% 左右",
            "(2019, 2020)",
            "GDP 6.5 6.3",
            "2.47%",
            "-- --",
            "A -- B",
        ] {
            assert!(!ticker_line(not), "{not}");
        }
    }

    #[test]
    fn quotes_leave_sentences() {
        assert_eq!(
            strip_tickers("摩根大通(115.395,2.79,2.47%)等，了解他们的观点。"),
            Some((
                "摩根大通等，了解他们的观点。".to_string(),
                vec!["(115.395,2.79,2.47%)".to_string()]
            ))
        );
        assert_eq!(
            strip_tickers("5 PIMCO (0, 0.00, 0.00%) 首席投资官：DanIvascyn").map(|(t, _)| t),
            Some("5 PIMCO首席投资官：DanIvascyn".to_string())
        );
        assert_eq!(strip_tickers("增长（约5%）的企业"), None);
    }
}
