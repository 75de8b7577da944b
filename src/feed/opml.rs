//! OPML, the file format feed readers exchange subscription lists in. Files in the wild are
//! messy: no `version`, feeds nested in category outlines, `xmlUrl` spelled `xmlurl` or
//! `XMLURL`, the name in `title` or only in `text`, entities, a byte order mark, a GBK
//! declaration, even unbalanced tags. So [`import`] does not insist on well-formed XML: it
//! decodes the bytes like a feed, then reads the attributes of every `<outline>` start tag,
//! wherever it sits. [`export`] writes OPML 2.0 that [`import`] (and other readers) read
//! back to the same subscriptions.

use super::Subscription;
use super::charset::decode_body;
use super::text::decode_once;
use crate::strings as s;

/// Longest feed name kept from a file, in characters.
const MAX_NAME_CHARS: usize = 1000;

/// Why an OPML file gave no subscriptions.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpmlError {
    /// The file is binary data.
    #[error("{}", s::OPML_BINARY)]
    Binary,
    /// The file names no feed (no `<outline>` with an http or https `xmlUrl`).
    #[error("{}", s::OPML_NO_FEEDS)]
    NoFeeds,
}

/// Reads the subscriptions of an OPML file (bytes in any charset, or text), in file order,
/// each address once. Outlines whose address is not http or https (`feed://` is read as
/// `http://`) are skipped.
///
/// ```
/// let opml = r#"<opml><body><outline text="新闻"><outline title="人民网" xmlurl="http://news.example/rss.xml"/></outline></body></opml>"#;
/// let subs = newsreader::feed::opml::import(opml).unwrap();
/// assert_eq!(subs[0].url, "http://news.example/rss.xml");
/// assert_eq!(subs[0].name.as_deref(), Some("人民网"));
/// ```
pub fn import(source: impl AsRef<[u8]>) -> Result<Vec<Subscription>, OpmlError> {
    let text = match decode_body(source.as_ref(), None) {
        Ok(t) => t.text,
        Err(super::Problem::Binary) => return Err(OpmlError::Binary),
        Err(_) => return Err(OpmlError::NoFeeds),
    };
    let mut subs: Vec<Subscription> = Vec::new();
    let mut rest = text.as_str();
    while let Some((_, after)) = rest.split_once('<') {
        rest = after;
        if let Some(body) = after.strip_prefix("!--") {
            rest = body.split_once("-->").map_or("", |(_, r)| r);
            continue;
        }
        if let Some(body) = after.strip_prefix("![CDATA[") {
            rest = body.split_once("]]>").map_or("", |(_, r)| r);
            continue;
        }
        let name_len = after
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(after.len());
        let Some((name, attrs)) = after.split_at_checked(name_len) else {
            break;
        };
        if !name.eq_ignore_ascii_case("outline") {
            continue;
        }
        let (pairs, tail) = attributes(attrs);
        rest = tail;
        if let Some(sub) = subscription(&pairs)
            && !subs.iter().any(|s| s.url == sub.url)
        {
            subs.push(sub);
        }
    }
    if subs.is_empty() {
        Err(OpmlError::NoFeeds)
    } else {
        Ok(subs)
    }
}

/// The subscription an outline's attributes describe, if it describes a feed.
fn subscription(pairs: &[(String, String)]) -> Option<Subscription> {
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let kind = get("type").unwrap_or_default().to_ascii_lowercase();
    let raw = get("xmlUrl").or_else(|| {
        matches!(kind.as_str(), "rss" | "atom" | "feed")
            .then(|| get("url"))
            .flatten()
    })?;
    let url = feed_url(raw)?;
    // Taken as written (its references were decoded once, with the attribute): what
    // [`export`] wrote comes back identical, tabs, `&`, `<tags>` and all.
    let name = [get("title"), get("text")]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|n| !n.is_empty())
        .map(|n| n.chars().take(MAX_NAME_CHARS).collect::<String>())
        .filter(|n| *n != url);
    let full_text = get("fullText").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    Some(Subscription {
        url,
        name,
        full_text,
    })
}

/// An outline's address, if it is one that can be fetched.
fn feed_url(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    let fixed = match trimmed.get(..7) {
        Some(p) if p.eq_ignore_ascii_case("feed://") => format!("http://{}", trimmed.get(7..)?),
        _ => trimmed.to_string(),
    };
    let url = url::Url::parse(&fixed).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| crate::decode::sanitize_line(url.as_str()))
}

/// The attributes of a start tag (the text after its name) with entities decoded, and the
/// text after the tag.
fn attributes(mut s: &str) -> (Vec<(String, String)>, &str) {
    let mut pairs = Vec::new();
    loop {
        s = s.trim_start();
        if let Some(rest) = s.strip_prefix("/>").or_else(|| s.strip_prefix('>')) {
            return (pairs, rest);
        }
        let name_len = s
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(s.len());
        let Some((name, rest)) = s.split_at_checked(name_len) else {
            return (pairs, "");
        };
        if name.is_empty() {
            // A stray `/` or `=`: skip it.
            let mut chars = rest.chars();
            if chars.next().is_none() {
                return (pairs, "");
            }
            s = chars.as_str();
            continue;
        }
        let rest = rest.trim_start();
        let Some(value_part) = rest.strip_prefix('=') else {
            s = rest;
            continue;
        };
        let value_part = value_part.trim_start();
        let (value, after) = match value_part.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let inner = value_part.get(1..).unwrap_or_default();
                inner.split_once(q).unwrap_or((inner, ""))
            }
            _ => {
                let end = value_part
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(value_part.len());
                value_part.split_at_checked(end).unwrap_or((value_part, ""))
            }
        };
        // XML normalises a literal tab or line break in an attribute to a space; one
        // written as a reference (`&#9;`) stays what it is.
        let normalised = value.replace(['\t', '\n', '\r'], " ");
        pairs.push((name.to_string(), decode_once(&normalised)));
        s = after;
    }
}

/// Writes subscriptions as an OPML 2.0 document (UTF-8), one `<outline type="rss">` each,
/// without the logins of addresses that carry one.
/// The full-text wish travels in a `fullText="true"` attribute (OPML allows any
/// attribute; other readers ignore it).
pub fn export(subscriptions: &[Subscription]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n",
    );
    out.push_str(&format!("    <title>{}</title>\n", escape(s::OPML_TITLE)));
    out.push_str("  </head>\n  <body>\n");
    for sub in subscriptions {
        // A login in the address stays home: an exported list is shared and published.
        let url = escape(&super::secret::public(&sub.url));
        out.push_str("    <outline type=\"rss\"");
        match sub.name.as_deref() {
            Some(name) => {
                let name = escape(name);
                out.push_str(&format!(" text=\"{name}\" title=\"{name}\""));
            }
            None => out.push_str(&format!(" text=\"{url}\"")),
        }
        out.push_str(&format!(" xmlUrl=\"{url}\""));
        if sub.full_text {
            out.push_str(" fullText=\"true\"");
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

/// Text safe inside an XML attribute, and on a terminal: markup characters escaped, tabs
/// and line breaks and the characters a terminal must not see as they are
/// ([`crate::output::is_unsafe`]) written as character references, so that reading the file
/// back gives the same text; control characters XML cannot carry are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push_str(&format!("&#{};", u32::from(c))),
            // XML cannot carry C0 controls; C1 ones would come back as windows-1252
            // punctuation (`&#x9B;` reads as `›`).
            '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => {}
            c if crate::output::is_unsafe(c) => out.push_str(&format!("&#x{:X};", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_read_leniently() {
        let (pairs, rest) = attributes(" a=\"1\" B='x &amp; y' c=bare / d >tail");
        assert_eq!(
            pairs,
            [
                ("a".to_string(), "1".to_string()),
                ("B".to_string(), "x & y".to_string()),
                ("c".to_string(), "bare".to_string()),
            ]
        );
        assert_eq!(rest, "tail");
    }

    #[test]
    fn feed_scheme_becomes_http_and_others_are_skipped() {
        assert_eq!(
            feed_url("feed://x.example/rss").as_deref(),
            Some("http://x.example/rss")
        );
        assert_eq!(feed_url("javascript:alert(1)"), None);
        assert_eq!(feed_url("file:///etc/passwd"), None);
    }

    #[test]
    fn export_import_export_is_identical() {
        let subs = vec![
            Subscription {
                url: "https://a.example/rss?x=1&y=2&amp;z=%223%22".into(),
                name: Some(
                    "A&B &amp; &lt;tags&gt; <b>x</b> \"quoted\" 'single' 新闻 😀\ttab".into(),
                ),
                full_text: true,
            },
            Subscription {
                url: "http://b.example/feed".into(),
                name: Some("right-to-left \u{202e}txt.exe".into()),
                full_text: false,
            },
            Subscription::new("http://c.example/feed"),
        ];
        let first = export(&subs);
        assert_eq!(import(&first).unwrap(), subs);
        assert_eq!(export(&import(&first).unwrap()), first);
        assert!(
            first
                .chars()
                .all(|c| c == '\n' || !crate::output::is_unsafe(c))
        );
        // Controls XML cannot carry are left out, the same way each time.
        let controls = vec![Subscription {
            url: "http://d.example/".into(),
            name: Some("C0 \u{1b}]0;x\u{7} and C1 \u{9b} controls".into()),
            full_text: false,
        }];
        let once = export(&controls);
        assert!(once.contains("text=\"C0 ]0;x and C1  controls\""), "{once}");
        assert_eq!(export(&import(&once).unwrap()), once);
    }

    #[test]
    fn logins_stay_out_of_exports() {
        let subs = vec![Subscription::new("https://alice:s3cret@a.example/rss")];
        let text = export(&subs);
        assert!(
            !text.contains("s3cret") && !text.contains("alice"),
            "{text}"
        );
        assert_eq!(import(&text).unwrap()[0].url, "https://a.example/rss");
    }

    #[test]
    fn export_escapes_and_round_trips() {
        let subs = vec![
            Subscription {
                url: "https://a.example/rss?x=1&y=2".into(),
                name: Some("A \"quoted\" <name> & co".into()),
                full_text: true,
            },
            Subscription::new("http://b.example/feed"),
        ];
        let text = export(&subs);
        assert!(text.contains("xmlUrl=\"https://a.example/rss?x=1&amp;y=2\""));
        assert_eq!(import(&text).unwrap(), subs);
    }
}
