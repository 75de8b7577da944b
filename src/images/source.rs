//! Where a picture comes from. An article names its pictures as written in its markup
//! (`src` of an `img`, the target of a Markdown `![]()`): an absolute web address, an address
//! relative to the article's own address, or, for a page saved to disk, a file in the folder
//! beside it (`page_files/photo.jpg`). Anything else (`data:`, `file:` from a feed, a path
//! that climbs out of the page's folder) is not fetched.

use std::path::{Component, Path, PathBuf};

use url::Url;

/// A picture that may be read.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// An http or https address.
    Web(Url),
    /// A file beside a saved page.
    File(PathBuf),
}

impl Source {
    /// The key the cache stores it under: the address, or the file's path.
    pub fn key(&self) -> String {
        match self {
            Source::Web(u) => u.as_str().to_owned(),
            Source::File(p) => p.to_string_lossy().into_owned(),
        }
    }
}

/// Where `src` points, for an article whose own address is `base` (when known) and whose file
/// is `page` (when it was read from disk); `None` when it may not be read.
pub fn resolve(src: &str, base: Option<&str>, page: Option<&Path>) -> Option<Source> {
    let src = src.trim();
    if src.is_empty() {
        return None;
    }
    let web = |u: Url| matches!(u.scheme(), "http" | "https").then_some(Source::Web(u));
    if let Ok(absolute) = Url::parse(src) {
        // `data:`, `file:`, `javascript:` and the like are never read.
        return web(absolute).filter(|_| absolute_host(src));
    }
    if let Some(rest) = src.strip_prefix("//") {
        return Url::parse(&format!("https://{rest}")).ok().and_then(web);
    }
    if let Some(base) = base.and_then(|b| Url::parse(b).ok())
        && matches!(base.scheme(), "http" | "https")
    {
        return base.join(src).ok().and_then(web);
    }
    let folder = page?.parent()?;
    let relative = Path::new(src.split(['?', '#']).next().unwrap_or(src));
    let mut path = folder.to_path_buf();
    for part in relative.components() {
        match part {
            Component::Normal(p) => path.push(p),
            Component::CurDir => {}
            // An absolute path or one that climbs out of the page's folder.
            _ => return None,
        }
    }
    Some(Source::File(path))
}

/// Whether an absolute address names a host (`http:foo` does not).
fn absolute_host(src: &str) -> bool {
    Url::parse(src).is_ok_and(|u| u.host_str().is_some_and(|h| !h.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn web(s: &str) -> Option<Source> {
        Some(Source::Web(Url::parse(s).unwrap()))
    }

    #[test]
    fn addresses_resolve_against_the_article() {
        let base = Some("https://news.example/a/b.html");
        assert_eq!(
            resolve("https://img.example/x.png", None, None),
            web("https://img.example/x.png")
        );
        assert_eq!(
            resolve("/img/x.png", base, None),
            web("https://news.example/img/x.png")
        );
        assert_eq!(
            resolve("x.png?w=2", base, None),
            web("https://news.example/a/x.png?w=2")
        );
        assert_eq!(
            resolve("//cdn.example/x.png", None, None),
            web("https://cdn.example/x.png")
        );
        assert_eq!(resolve("x.png", None, None), None);
    }

    #[test]
    fn only_http_and_https_are_fetched() {
        for src in [
            "data:image/png;base64,AAAA",
            "file:///etc/passwd",
            "javascript:x",
            "ftp://a/b.png",
        ] {
            assert_eq!(
                resolve(src, Some("https://a.example/"), None),
                None,
                "{src}"
            );
        }
    }

    #[test]
    fn files_beside_a_saved_page_stay_in_its_folder() {
        let page = Path::new("/home/u/news/page.html");
        assert_eq!(
            resolve("./page_files/p.jpg", None, Some(page)),
            Some(Source::File(PathBuf::from("/home/u/news/page_files/p.jpg")))
        );
        assert_eq!(resolve("../secret.png", None, Some(page)), None);
        assert_eq!(resolve("/etc/x.png", None, Some(page)), None);
    }
}
