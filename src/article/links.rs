//! The links of an article. Front ends report every link they meet (`[text](url)`, `<a href>`)
//! as written; this keeps the ones whose text is in the body (not in a dropped related-links
//! block or in navigation), each once, and resolves relative addresses against the article's
//! own address when it is known. Script links (`javascript:`) are never kept.

use super::model::Link;

/// Whether an address can be followed: not empty, not a script, not a bare fragment (an
/// anchor on the same page).
fn followable(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    !(lower.is_empty()
        || lower.starts_with("javascript:")
        || lower.starts_with("vbscript:")
        || lower.starts_with("data:")
        || lower.starts_with('#'))
}

/// Whether `url` is an absolute http or https address with a host: the only kind kept as
/// an article's own address (from front matter `url:`, `og:url` or a canonical link), so a
/// `javascript:` or `data:` one never reaches the model.
pub(super) fn web_address(url: &str) -> bool {
    url::Url::parse(url.trim()).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty())
    })
}

/// The scheme of an absolute address (`https` of `https://x`), if it has one.
fn scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    (chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
    .then_some(scheme)
}

/// `url` resolved against `base` (RFC 3986, section 5.2, for the shapes pages use): absolute
/// addresses are kept; `//host/x`, `/x`, `x`, `../x`, `?q` and `#f` are completed from `base`.
/// Without a usable base the address is kept as written.
pub(super) fn resolve(url: &str, base: Option<&str>) -> String {
    let url = url.trim();
    let Some(base) = base.map(str::trim) else {
        return url.to_string();
    };
    if scheme(url).is_some() {
        return url.to_string();
    }
    let Some(base_scheme) = scheme(base) else {
        return url.to_string();
    };
    let after_scheme = base.get(base_scheme.len() + 1..).unwrap_or_default();
    let Some(rest) = after_scheme.strip_prefix("//") else {
        return url.to_string();
    };
    if let Some(net) = url.strip_prefix("//") {
        return format!("{base_scheme}://{net}");
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..authority_end).unwrap_or_default();
    let origin = format!("{base_scheme}://{authority}");
    let base_path_full = rest.get(authority_end..).unwrap_or_default();
    let base_path_end = base_path_full
        .find(['?', '#'])
        .unwrap_or(base_path_full.len());
    let base_path = base_path_full.get(..base_path_end).unwrap_or_default();
    if url.starts_with('#') {
        let without_fragment = base.split('#').next().unwrap_or(base);
        return format!("{without_fragment}{url}");
    }
    if url.starts_with('?') {
        return format!("{origin}{base_path}{url}");
    }
    let path = if url.starts_with('/') {
        url.to_string()
    } else {
        let dir = base_path
            .rfind('/')
            .map_or("/", |i| base_path.get(..=i).unwrap_or("/"));
        format!("{dir}{url}")
    };
    format!("{origin}{}", remove_dots(&path))
}

/// Removes `.` and `..` segments from the path part of an address (its query kept as is).
fn remove_dots(path: &str) -> String {
    let (path, query) = match path.find(['?', '#']) {
        Some(i) => (
            path.get(..i).unwrap_or(path),
            path.get(i..).unwrap_or_default(),
        ),
        None => (path, ""),
    };
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *seg {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let mut joined = out.join("/");
    if !joined.starts_with('/') {
        joined.insert(0, '/');
    }
    joined + query
}

/// The links to keep: followable, their text found in the body, resolved against `base`, each
/// (text, address) pair once, in the order met.
pub(super) fn body_links(found: Vec<Link>, body: &[&str], base: Option<&str>) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::new();
    if found.is_empty() {
        return out;
    }
    // One text to search: a paragraph break never falls inside a link's words.
    let all = body.join("\n");
    for link in found {
        let text = link.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty()
            || !followable(&link.url)
            || memchr::memmem::find(all.as_bytes(), text.as_bytes()).is_none()
        {
            continue;
        }
        let url = resolve(&link.url, base);
        if !out.iter().any(|l| l.text == text && l.url == url) {
            out.push(Link { text, url });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_an_articles_address() {
        assert!(web_address("https://news.example.cn/a.html"));
        assert!(web_address(" HTTP://x.cn "));
        for bad in [
            "javascript:alert(1)",
            "JavaScript://x.cn/%0aalert(1)",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
            "/relative/a.html",
            "http://",
            "",
        ] {
            assert!(!web_address(bad), "{bad}");
        }
    }

    #[test]
    fn addresses_resolve_against_the_article() {
        let base = Some("https://news.example.cn/2024-12/12/c_1.htm?from=rss#top");
        for (url, want) in [
            ("https://other.cn/a", "https://other.cn/a"),
            ("mailto:x@y.cn", "mailto:x@y.cn"),
            ("//img.example.cn/p.jpg", "https://img.example.cn/p.jpg"),
            (
                "/n1/2019/0615/a.html",
                "https://news.example.cn/n1/2019/0615/a.html",
            ),
            ("c_2.htm", "https://news.example.cn/2024-12/12/c_2.htm"),
            (
                "../11/c_3.htm",
                "https://news.example.cn/2024-12/11/c_3.htm",
            ),
            (
                "./c_4.htm?x=1",
                "https://news.example.cn/2024-12/12/c_4.htm?x=1",
            ),
            (
                "?page=2",
                "https://news.example.cn/2024-12/12/c_1.htm?page=2",
            ),
            (
                "#part2",
                "https://news.example.cn/2024-12/12/c_1.htm?from=rss#part2",
            ),
        ] {
            assert_eq!(resolve(url, base), want, "{url}");
        }
        assert_eq!(resolve("/a/b.html", None), "/a/b.html");
        assert_eq!(resolve("b.html", Some("not a url")), "b.html");
        assert_eq!(
            resolve("b.html", Some("https://x.cn")),
            "https://x.cn/b.html"
        );
    }

    #[test]
    fn only_followable_links_in_the_body_are_kept_once() {
        let link = |text: &str, url: &str| Link {
            text: text.into(),
            url: url.into(),
        };
        let found = vec![
            link("官网链接", "https://conf.example.cn/"),
            link("点这里", "javascript:void(0)"),
            link("往期回顾", "https://x.cn/old"),
            link("官网链接", "https://conf.example.cn/"),
            link("", "https://x.cn/empty"),
            link("回到顶部", "#top"),
            link("一篇文章", "/2024/04/a.html"),
        ];
        let body = ["详细信息，点击官网链接或点这里。", "我最近看到一篇文章。"];
        let kept = body_links(
            found,
            &body,
            Some("https://blog.example.cn/weekly/300.html"),
        );
        assert_eq!(
            kept,
            vec![
                link("官网链接", "https://conf.example.cn/"),
                link("一篇文章", "https://blog.example.cn/2024/04/a.html"),
            ]
        );
    }
}
