//! Who wrote a page, as its markup says it, by class of markup rather than by any site's
//! words: the schema.org `author` of a JSON-LD block (a name, an object with a `name`, or a
//! list of them), an element marked `itemprop="author"` or `rel="author"`, an `<address>`,
//! and a link to an author's page (`/author/…`, `?author=…`). The `<meta>` tags and the
//! elements whose class names a byline are read with the rest of the page's metadata.

/// How deep a JSON-LD value is searched for its `author`.
const JSON_DEPTH: usize = 6;

/// The author named by the first JSON-LD block (`<script type="application/ld+json">`) that
/// names one. Scripts are gone once the page is cleaned, so the raw page is read.
pub(super) fn json_ld(html: &str) -> Option<String> {
    let mut rest = html;
    for _ in 0..20 {
        let at = find_nocase(rest, "application/ld+json")?;
        let after = rest.get(at..)?;
        let open = after.find('>')? + 1;
        let body = after.get(open..)?;
        let close = find_nocase(body, "</script").unwrap_or(body.len());
        let json = body.get(..close)?;
        rest = body.get(close..)?;
        let Ok(value) = serde_json::from_str::<serde_json::Value>(json.trim()) else {
            continue;
        };
        if let Some(name) = author_in(&value, &value, 0) {
            return Some(name);
        }
    }
    None
}

/// Byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case. Only the places that hold
/// its first byte, in either case, are compared (found with `memchr2`): a page is long.
fn find_nocase(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let first = *n.first()?;
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), h).find(|&at| {
        h.get(at..at + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

/// The `author` of a JSON-LD value: its own, else the first one found in its members
/// (`@graph`, `mainEntity`), breadth first. `root` is the whole block, where an author given
/// only by its `@id` is looked up.
fn author_in(v: &serde_json::Value, root: &serde_json::Value, depth: usize) -> Option<String> {
    if depth > JSON_DEPTH {
        return None;
    }
    match v {
        serde_json::Value::Object(map) => {
            if let Some(name) = map.get("author").and_then(|a| names(a, root)) {
                return Some(name);
            }
            map.values().find_map(|m| author_in(m, root, depth + 1))
        }
        serde_json::Value::Array(items) => items.iter().find_map(|m| author_in(m, root, depth + 1)),
        _ => None,
    }
}

/// The name of the node of a JSON-LD block that carries `@id` `id` and a name: a `@graph`
/// (as SEO plugins write one) states the person once and refers to them by `@id` elsewhere.
fn name_of_id(
    v: &serde_json::Value,
    id: &str,
    named: &dyn Fn(&serde_json::Map<String, serde_json::Value>) -> Option<String>,
    depth: usize,
) -> Option<String> {
    if depth > JSON_DEPTH {
        return None;
    }
    match v {
        serde_json::Value::Object(map) => {
            if map.get("@id").and_then(serde_json::Value::as_str) == Some(id)
                && let Some(name) = named(map)
            {
                return Some(name);
            }
            map.values()
                .find_map(|m| name_of_id(m, id, named, depth + 1))
        }
        serde_json::Value::Array(items) => items
            .iter()
            .find_map(|m| name_of_id(m, id, named, depth + 1)),
        _ => None,
    }
}

/// The names a JSON-LD `author` holds: a string, an object's `name` (or, when it has none,
/// that of the node its `@id` refers to), or a list of either, joined with `, `. An address
/// (a profile page) is no name.
fn names(v: &serde_json::Value, root: &serde_json::Value) -> Option<String> {
    let named = |map: &serde_json::Map<String, serde_json::Value>| {
        if organization(map.get("@type")) {
            // A publisher set as the author is no byline.
            return None;
        }
        map.get("name")
            .and_then(serde_json::Value::as_str)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let one = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.trim().to_string()),
        serde_json::Value::Object(map) if organization(map.get("@type")) => None,
        serde_json::Value::Object(map) => named(map).or_else(|| {
            let id = map.get("@id").and_then(serde_json::Value::as_str)?;
            name_of_id(root, id, &named, 0)
        }),
        _ => None,
    };
    let all: Vec<String> = match v {
        serde_json::Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    };
    let all: Vec<String> = all
        .into_iter()
        .filter(|n| !n.is_empty() && !n.contains("://"))
        .take(4)
        .collect();
    (!all.is_empty()).then(|| all.join(", "))
}

/// Whether a JSON-LD `@type` (a name or a list of names) names an organisation
/// (`Organization`, `NewsMediaOrganization`).
fn organization(kind: Option<&serde_json::Value>) -> bool {
    let is = |v: &serde_json::Value| v.as_str().is_some_and(|k| k.ends_with("Organization"));
    match kind {
        Some(serde_json::Value::Array(kinds)) => kinds.iter().any(is),
        Some(k) => is(k),
        None => false,
    }
}

/// What kind of author mark an element is, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Mark {
    /// `itemprop="author"` or `rel="author"`.
    Stated,
    /// `<address>`.
    Address,
    /// A link to an author's page.
    Link,
}

/// Whether `t` marks its text as an author's name, and how. Reads the attributes as written
/// (no copy): it runs on every element of the page.
pub(super) fn mark(t: &tl::HTMLTag<'_>) -> Option<Mark> {
    let attrs = t.attributes();
    let says_author = |key: &str| {
        attrs.get(key).flatten().is_some_and(|v| {
            v.as_bytes()
                .split(u8::is_ascii_whitespace)
                .any(|w| w.eq_ignore_ascii_case(b"author"))
        })
    };
    if says_author("itemprop") || says_author("rel") {
        return Some(Mark::Stated);
    }
    match t.name().as_bytes() {
        b"address" => Some(Mark::Address),
        b"a" => attrs
            .get("href")
            .flatten()
            .is_some_and(|h| author_page(&h.as_utf8_str().to_ascii_lowercase()))
            .then_some(Mark::Link),
        _ => None,
    }
}

/// An address of an author's page, as blog engines make them: `/author/name/`,
/// `?author=12`, `/authors/name` (read as written, so `&amp;` may stand for `&`).
fn author_page(href: &str) -> bool {
    let path = href.split('#').next().unwrap_or_default();
    path.contains("/author/")
        || path.contains("/authors/")
        || path
            .split(['?', '&', ';'])
            .skip(1)
            .any(|q| q.starts_with("author="))
        || staff_page(path)
}

/// A staff page as news sites address them: `/by/name`, `/people/name`, `/staff/name`,
/// `/journalists/name` — the name a last segment of letters, never a story's address
/// (`/people/2024/05/x.html`, a section such as `/people/` alone).
fn staff_page(path: &str) -> bool {
    let path = path
        .split('?')
        .next()
        .unwrap_or_default()
        .trim_end_matches('/');
    let mut segments = path.rsplit('/');
    let (Some(name), Some(kind)) = (segments.next(), segments.next()) else {
        return false;
    };
    matches!(
        kind,
        "by" | "people"
            | "staff"
            | "journalist"
            | "journalists"
            | "reporter"
            | "reporters"
            | "columnist"
            | "columnists"
            | "writer"
            | "writers"
    ) && name.chars().any(|c| c.is_alphabetic())
        && !name.contains('.')
        && !name.chars().any(|c| c.is_ascii_digit())
}

/// Whether the text of an `<address>` can be a name: short, with no digit (a street number,
/// a telephone) and no copyright sign.
pub(super) fn address_name(text: &str) -> bool {
    !text.chars().any(|c| c.is_ascii_digit() || c == '©')
        && !text.to_ascii_lowercase().contains("copyright")
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::super::tests::{STORY, page};
    use super::json_ld;

    #[test]
    fn a_case_blind_search_finds_the_first_place() {
        use super::find_nocase;
        assert_eq!(find_nocase("x</SCRIPT></script>", "</script"), Some(1));
        assert_eq!(
            find_nocase("aApplication/LD+JSON", "application/ld+json"),
            Some(1)
        );
        assert_eq!(find_nocase("applicatio", "application"), None);
        assert_eq!(find_nocase("中文</Script", "</script"), Some(6));
        assert_eq!(find_nocase("abc", ""), None);
    }

    #[test]
    fn json_ld_authors_in_every_shape() {
        let cases = [
            (
                r#"{"@type":"NewsArticle","author":"Mei Tanaka"}"#,
                Some("Mei Tanaka"),
            ),
            (
                r#"{"@type":"NewsArticle","author":{"@type":"Person","name":"王小明"}}"#,
                Some("王小明"),
            ),
            (
                r#"{"author":[{"name":"Ana Ruiz"},{"name":"Li Wei"}]}"#,
                Some("Ana Ruiz, Li Wei"),
            ),
            (
                r#"{"@graph":[{"@type":"WebPage"},{"@type":"Article","author":{"name":"陈静"}}]}"#,
                Some("陈静"),
            ),
            (r#"{"author":{"@id":"https://x.example/#me"}}"#, None),
            (
                r#"{"@graph":[{"@type":"Article","author":{"name":"","@id":"_:p9"}},{"@type":"Person","@id":"_:p9","name":"Mara Olsen"}]}"#,
                Some("Mara Olsen"),
            ),
            (
                r#"{"@graph":[{"@type":"Article","author":{"@id":"_:o"}},{"@type":"Organization","@id":"_:o","name":"城市报"}]}"#,
                None,
            ),
            (
                r#"{"author":{"@type":"Organization","name":"自由時報"}}"#,
                None,
            ),
            (r#"{"author":"https://x.example/people/ana"}"#, None),
            ("{not json", None),
        ];
        for (json, want) in cases {
            let html = format!(
                "<head><script type=\"application/ld+json\">{json}</script></head><body></body>"
            );
            assert_eq!(json_ld(&html).as_deref(), want, "{json}");
        }
    }

    #[test]
    fn authors_marked_in_the_markup() {
        let with = |byline: &str| {
            let html = page("<title>Ferry back</title>", &format!("{byline}{STORY}"));
            parse(&html).front.author
        };
        assert_eq!(
            with(
                "<span itemprop=\"author\" itemscope><span itemprop=\"name\">Ana Ruiz</span></span>"
            )
            .as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            with("<a rel=\"author\" href=\"/people/li\">Li Wei</a>").as_deref(),
            Some("Li Wei")
        );
        assert_eq!(
            with("<p>By <a href=\"https://blog.example/author/kim/\">Kim Park</a></p>").as_deref(),
            Some("Kim Park")
        );
        assert_eq!(
            with("<a href=\"http://blog.example/?author=102\">太小心</a>").as_deref(),
            Some("太小心")
        );
        assert_eq!(
            with("<p>By <a href=\"https://news.example/by/kim-park\">Kim Park</a></p>").as_deref(),
            Some("Kim Park")
        );
        assert_eq!(
            with("<a href=\"/people/ana-ruiz/\">Ana Ruiz</a>").as_deref(),
            Some("Ana Ruiz")
        );
        // A story or a section under such a word is no staff page.
        assert_eq!(
            with("<a href=\"/people/2024/05/ferry.html\">Ferry news</a>"),
            None
        );
        assert_eq!(with("<a href=\"/people/\">People</a>"), None);
        assert_eq!(
            with("<address>Sam Lee</address>").as_deref(),
            Some("Sam Lee")
        );
        assert_eq!(with("<address>12 Harbour Road, 0755-1234</address>"), None);
        let ld = page(
            "<title>Ferry back</title><script type=\"application/ld+json\">{\"author\":{\"name\":\"Mei Tanaka\"}}</script>",
            &format!("<a rel=\"author\" href=\"/x\">Someone Else</a>{STORY}"),
        );
        assert_eq!(parse(&ld).front.author.as_deref(), Some("Mei Tanaka"));
    }
}
