//! Passwords in feed addresses (`https://user:password@host/feed`), the way feeds that need
//! a login are usually given. The password is sent, as HTTP Basic authentication to the
//! feed's own host and nowhere else, and never shown: every address printed or drawn goes
//! through [`masked`], exports use [`public`], and the catalog keeps the address and the
//! login in separate columns ([`split`], [`join`]).

use base64::Engine;
use url::Url;

/// What a password shows as.
const MASK: &str = "***";

/// The address without its login, in its normal form (as an OPML file gives it back), and
/// the login (`user:password`, as written in the address) when it has one. An address that
/// does not parse is returned trimmed.
pub fn split(url: &str) -> (String, Option<String>) {
    let trimmed = url.trim();
    let Ok(mut parsed) = Url::parse(trimmed) else {
        return (trimmed.to_string(), None);
    };
    if parsed.username().is_empty() && parsed.password().is_none() {
        return (parsed.to_string(), None);
    }
    let login = match parsed.password() {
        Some(p) => format!("{}:{p}", parsed.username()),
        None => parsed.username().to_string(),
    };
    // Only addresses that can have a host reach this point, where both calls succeed.
    let _ = parsed.set_username("");
    let _ = parsed.set_password(None);
    (parsed.to_string(), Some(login))
}

/// The address `public` with `login` (from [`split`]) put back.
pub fn join(public: &str, login: Option<&str>) -> String {
    let Some(login) = login.filter(|l| !l.is_empty()) else {
        return public.to_string();
    };
    let Ok(mut parsed) = Url::parse(public) else {
        return public.to_string();
    };
    let (user, password) = match login.split_once(':') {
        Some((u, p)) => (u, Some(p)),
        None => (login, None),
    };
    if parsed.set_username(user).is_err() || parsed.set_password(password).is_err() {
        return public.to_string();
    }
    parsed.to_string()
}

/// The address without its login: what is exported and what identifies the feed.
pub fn public(url: &str) -> String {
    split(url).0
}

/// The address as it may be shown: a password becomes `***` (the user name stays, so one
/// can tell which login is used).
pub fn masked(url: &str) -> String {
    let trimmed = url.trim();
    match Url::parse(trimmed) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some(MASK));
            parsed.to_string()
        }
        _ => trimmed.to_string(),
    }
}

/// The `Authorization` header for the login in `url`, if it has one: `Basic` with the user
/// name and password, percent-decoded.
pub(super) fn basic_auth(url: &Url) -> Option<String> {
    if url.username().is_empty() && url.password().is_none() {
        return None;
    }
    let decode = |s: &str| percent_encoding::percent_decode_str(s).collect::<Vec<u8>>();
    let mut pair = decode(url.username());
    pair.push(b':');
    pair.extend(decode(url.password().unwrap_or_default()));
    Some(format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    ))
}

/// `url` without its login, for the request line (the login travels in the header).
pub(super) fn without_login(url: &Url) -> Url {
    let mut bare = url.clone();
    let _ = bare.set_username("");
    let _ = bare.set_password(None);
    bare
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_is_split_off_and_joined_back() {
        let (public, login) = split(" https://alice:s3cr%40t@news.example:8443/rss?x=1 ");
        assert_eq!(public, "https://news.example:8443/rss?x=1");
        assert_eq!(login.as_deref(), Some("alice:s3cr%40t"));
        assert_eq!(
            join(&public, login.as_deref()),
            "https://alice:s3cr%40t@news.example:8443/rss?x=1"
        );
        assert_eq!(
            split("http://news.example/rss"),
            ("http://news.example/rss".into(), None)
        );
        assert_eq!(
            join("http://news.example/rss", None),
            "http://news.example/rss"
        );
        assert_eq!(split("not an address").1, None);
    }

    #[test]
    fn a_password_is_masked_and_the_user_kept() {
        assert_eq!(
            masked("http://alice:s3cret@127.0.0.1:9/feed"),
            "http://alice:***@127.0.0.1:9/feed"
        );
        assert_eq!(masked("http://bob@h.example/f"), "http://bob@h.example/f");
        assert_eq!(masked("http://h.example/f"), "http://h.example/f");
    }

    #[test]
    fn basic_auth_decodes_the_login() {
        let url = Url::parse("https://martin:s%40cret@h.example/").unwrap();
        // base64("martin:s@cret")
        assert_eq!(
            basic_auth(&url).as_deref(),
            Some("Basic bWFydGluOnNAY3JldA==")
        );
        assert_eq!(basic_auth(&Url::parse("https://h.example/").unwrap()), None);
        assert_eq!(without_login(&url).as_str(), "https://h.example/");
    }
}
