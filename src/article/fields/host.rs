//! A web host that opens a line of a page saved as text (`www.example.com2006年…`).

/// What follows a web host that opens `s` (`www.example.com`, `news.site.cn`): labels of
/// letters, digits and hyphens joined by dots, the last of them a common top-level domain,
/// run into what is not a letter. `None` when `s` opens with no host.
pub(super) fn after_host(s: &str) -> Option<&str> {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
        .unwrap_or(s.len());
    let run = s.get(..end)?;
    let labels: Vec<&str> = run.split('.').collect();
    if labels.len() < 2 || labels[..labels.len() - 1].iter().any(|l| l.is_empty()) {
        return None;
    }
    // The top-level domain ends at its last letter: `com2006年…` is `com` then the date.
    let last = labels[labels.len() - 1];
    let tld = last
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(last.len());
    if tld == 0 {
        return None;
    }
    const DOMAINS: &[&str] = &[
        "com", "net", "org", "cn", "gov", "edu", "info", "tw", "hk", "mo", "sg", "uk", "us", "io",
        "tv", "cc",
    ];
    if !DOMAINS.iter().any(|d| d.eq_ignore_ascii_case(&last[..tld])) {
        return None;
    }
    let host_len = run.len() - last.len() + tld;
    Some(s.get(host_len..)?.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_opening_a_line() {
        for (line, rest) in [
            ("www.XINHUANET.com2006年02月01日", Some("2006年02月01日")),
            ("news.example.com.cn 来源：晨报", Some("来源：晨报")),
            ("example.org", Some("")),
            ("Mr.Smith来到镇上", None),
            ("3.5亿元", None),
            ("U.S. officials said", None),
            ("e.g. this", None),
            ("来源：晨报", None),
        ] {
            assert_eq!(after_host(line), rest, "{line}");
        }
    }
}
