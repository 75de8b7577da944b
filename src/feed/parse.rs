//! From a feed document's bytes to [`FeedItem`]s: decode the charset, let `feed-rs` read
//! RSS 0.9x/1.0/2.0, Atom or JSON Feed (with a date reader that understands the shapes
//! Chinese sites print and the user's zone), then make each entry an item: identity,
//! link resolved against `xml:base` and the feed's address, title decoded once, date,
//! author, and the article from its content. Pure: no network, no clock.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Feed, Text};
use feed_rs::parser::{ParseErrorKind, ParseFeedError};
use url::Url;

use super::charset::decode_body;
use super::dates::parse_date;
use super::item::{self, FeedItem, FullText, Known, SUMMARY_MAX_CHARS, Shape};
use super::repair::{Repair, repair_xml};
use super::text::clean_line;
use super::zone::Zone;
use super::{Problem, text_chars};
use crate::decode::sanitize_line;
use crate::strings as s;

/// Longest guid kept as it is; longer ones are replaced by a hash of themselves.
const MAX_GUID_BYTES: usize = 512;

/// Characters of the text used as a title for an item that has none.
const SNIPPET_CHARS: usize = 40;

/// What parsing needs besides the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseContext {
    /// The address the document was read from (after redirects): the base for relative
    /// links.
    pub url: String,
    /// The zone for dates that carry none.
    pub zone: Zone,
    /// The time of the fetch: the year for dates that carry none.
    pub now: DateTime<Utc>,
}

/// A feed document, read.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    /// The feed's own title, sanitised.
    pub title: Option<String>,
    /// The charset the document was read in.
    pub encoding: &'static str,
    /// The items in document order, without duplicate guids; none has its full text
    /// fetched yet ([`FullText::NotNeeded`]).
    pub items: Vec<FeedItem>,
    /// What had to be repaired to read the document (nothing for a well-formed one); the
    /// same is written to the debug log.
    pub repairs: Vec<Repair>,
}

/// Reads a feed document. `content_type` is the HTTP `Content-Type` header, when known.
///
/// ```
/// use newsreader::feed::{parse_feed, ParseContext, Zone};
/// let rss = "<rss version=\"2.0\"><channel><title>新闻</title><item><title>标题</title>\
///            <link>/a/1.html</link><description>正文。</description></item></channel></rss>";
/// let cx = ParseContext {
///     url: "https://news.example/rss.xml".into(),
///     zone: Zone::Offset(8 * 3600),
///     now: chrono::Utc::now(),
/// };
/// let feed = parse_feed(rss.as_bytes(), None, &cx).unwrap();
/// assert_eq!(feed.title.as_deref(), Some("新闻"));
/// assert_eq!(feed.items[0].link.as_deref(), Some("https://news.example/a/1.html"));
/// ```
pub fn parse_feed(
    bytes: &[u8],
    content_type: Option<&str>,
    cx: &ParseContext,
) -> Result<ParsedFeed, Problem> {
    let decoded = decode_body(bytes, content_type)?;
    let base = Url::parse(&cx.url).ok();
    let (feed, repairs) = read_document(&decoded.text, base.as_ref(), cx)?;
    if !repairs.is_empty() {
        let list: Vec<String> = repairs.iter().map(Repair::to_string).collect();
        log::debug!("{} {} {}", cx.url, s::REPAIR_LOG_HEAD, list.join("; "));
    }
    let tz = cx.zone.tz();
    let title = feed.title.as_ref().and_then(text_line);
    let mut seen = HashSet::new();
    let mut items = Vec::with_capacity(feed.entries.len());
    for entry in &feed.entries {
        let item = make_item(entry, base.as_ref(), &tz, title.as_deref());
        if seen.insert(item.guid.clone()) {
            items.push(item);
        }
    }
    Ok(ParsedFeed {
        title,
        encoding: decoded.encoding,
        items,
        repairs,
    })
}

/// Runs `feed-rs` over the decoded document under a guard: a bug met in the XML or feed
/// parser (a feed is anybody's input) fails this feed alone, as bad XML. The document is
/// repaired first (see [`repair`](super::repair) and [`json`](super::json)), so that a feed
/// that is not well-formed keeps every item that can be read.
fn read_document(
    text: &str,
    base: Option<&Url>,
    cx: &ParseContext,
) -> Result<(Feed, Vec<Repair>), Problem> {
    let repaired = if text.starts_with('{') {
        super::json::normalise(text)
    } else {
        repair_xml(text)
    };
    let feed = crate::guard::catch(|| read_document_unguarded(&repaired.text, base, cx))
        .unwrap_or_else(|why| {
            Err(Problem::BadXml(Problem::reason(&format!(
                "{} ({why})",
                s::FEED_WHY_INTERNAL
            ))))
        })?;
    Ok((feed, repaired.repairs))
}

/// Runs `feed-rs` over the decoded document; an `<rss>` root whose `version` it does not
/// accept (missing, `2.00`) is read as RSS 2.0.
fn read_document_unguarded(
    text: &str,
    base: Option<&Url>,
    cx: &ParseContext,
) -> Result<Feed, Problem> {
    match run_parser(text, base, cx) {
        Err(ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot)) => {
            if let Some(fixed) = rss_as_v2(text) {
                return run_parser(&fixed, base, cx).map_err(problem);
            }
            Err(no_feed_root(text))
        }
        other => other.map_err(problem),
    }
}

fn run_parser(text: &str, base: Option<&Url>, cx: &ParseContext) -> Result<Feed, ParseFeedError> {
    let tz = cx.zone.tz();
    let now = cx.now;
    feed_rs::parser::Builder::new()
        .base_uri(base.map(Url::as_str))
        // An empty id marks an entry without one; identity is decided in `make_item`.
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(move |t| parse_date(t, &tz, now))
        .sanitize_content(false)
        .build()
        .parse(text.as_bytes())
}

/// The parser's complaint in the user's words.
fn problem(e: ParseFeedError) -> Problem {
    match e {
        ParseFeedError::XmlReader(x) => Problem::BadXml(Problem::reason(&x.to_string())),
        ParseFeedError::JsonSerde(j) => Problem::BadJson(Problem::reason(&j.to_string())),
        ParseFeedError::JsonUnsupportedVersion(v) => Problem::NotAFeed(Problem::reason(&format!(
            "{} {v}",
            s::FEED_WHY_JSON_VERSION
        ))),
        ParseFeedError::ParseError(kind) => Problem::NotAFeed(Problem::reason(&kind.to_string())),
        ParseFeedError::IoError(io) => Problem::BadXml(Problem::reason(&io.to_string())),
    }
}

/// The problem of a document with no feed root: a web page, or something else.
fn no_feed_root(text: &str) -> Problem {
    let head: String = text
        .trim_start()
        .chars()
        .take(100)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<html") {
        Problem::NotAFeed(s::FEED_WHY_WEB_PAGE.to_string())
    } else {
        Problem::NotAFeed(s::FEED_WHY_NO_ROOT.to_string())
    }
}

/// `text` with its `<rss …>` start tag declaring `version="2.0"`, when it has such a tag
/// (whatever version it declared, or none).
fn rss_as_v2(text: &str) -> Option<String> {
    let (before, after) = text.split_once("<rss")?;
    if !after.starts_with([' ', '>', '\n', '\r', '\t']) {
        return None;
    }
    let (attrs, rest) = after.split_once('>')?;
    let mut kept = String::new();
    let mut tail = attrs;
    // Drop an existing version attribute.
    if let Some((pre, post)) = attrs.split_once("version") {
        let value = post.trim_start().strip_prefix('=')?.trim_start();
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let after_value = value.get(1..)?.split_once(quote)?.1;
        kept.push_str(pre.trim_end());
        tail = after_value;
    }
    kept.push_str(tail);
    Some(format!("{before}<rss version=\"2.0\"{kept}>{rest}"))
}

/// A feed `Text` as one clean line.
fn text_line(t: &Text) -> Option<String> {
    clean_line(&t.content, is_html(t.content_type.as_ref()))
}

fn is_html(mime: &str) -> bool {
    mime.contains("html")
}

/// Makes one entry an item; its full text is not fetched here. `site` is the feed's
/// title, cut from the end of an item title that ends with it.
fn make_item(
    entry: &Entry,
    base: Option<&Url>,
    tz: &jiff::tz::TimeZone,
    site: Option<&str>,
) -> FeedItem {
    let title = entry
        .title
        .as_ref()
        .and_then(text_line)
        .map(|t| without_site_name(&t, site));
    let author = entry
        .authors
        .iter()
        .find_map(|p| p.name.as_deref().and_then(|n| clean_line(n, false)));
    let published = entry.published.or(entry.updated);
    let link = item_link(entry, base);
    let (body, html, from_content) = body(entry);
    let known = Known {
        title: title.as_deref().unwrap_or_default(),
        author: author.as_deref(),
        date: published.and_then(|p| local_date(p, tz)),
        link: link.as_deref(),
    };
    let shape = if html { Shape::Fragment } else { Shape::Plain };
    let mut article = item::article_from(body, shape, &known);
    let title = title.unwrap_or_else(|| snippet_title(&article));
    if article.title == s::UNTITLED {
        article.title = title.clone();
        item::drop_title_repeat(&mut article);
    }
    let summary_only = !from_content && is_summary(&article);
    let guid = guid(entry, link.as_deref(), &title, body);
    FeedItem {
        guid,
        link,
        title,
        published,
        author,
        summary_only,
        full_text: FullText::NotNeeded,
        article,
    }
}

/// Separators between a headline and the name of the site that printed it.
const SITE_SEPARATORS: &[&str] = &[
    " - ", " – ", " — ", " | ", " · ", " :: ", " » ", "_", "－", "｜", "|", " -", "- ",
];

/// `title` without a trailing site name: cut only when what follows the last separator is
/// the feed's title or one part of it (`标题 - 少数派` in the feed `少数派 - 高效工作`), never
/// because the end merely looks like a name (`打造高效的工作环境 – Shell 篇` stays whole).
fn without_site_name(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    let mut names = vec![site];
    for sep in SITE_SEPARATORS {
        names.extend(site.split(sep).map(str::trim).filter(|p| !p.is_empty()));
    }
    for sep in SITE_SEPARATORS {
        if let Some((before, after)) = title.rsplit_once(sep) {
            let (before, after) = (before.trim(), after.trim());
            if !before.is_empty() && names.iter().any(|n| n.eq_ignore_ascii_case(after)) {
                return before.to_string();
            }
        }
    }
    title.to_string()
}

/// The item's text: its content (`content:encoded`, Atom `content`, JSON `content_html` or
/// `content_text`), else its summary or description; whether it is HTML; whether it came
/// from the content.
fn body(entry: &Entry) -> (&str, bool, bool) {
    if let Some(c) = &entry.content
        && let Some(b) = c.body.as_deref().filter(|b| !b.trim().is_empty())
    {
        let html = is_html(c.content_type.as_ref()) && item::looks_like_html(b);
        return (b, html, true);
    }
    match &entry.summary {
        Some(t) if !t.content.trim().is_empty() => {
            let html = is_html(t.content_type.as_ref()) && item::looks_like_html(&t.content);
            (&t.content, html, false)
        }
        _ => ("", false, false),
    }
}

/// Whether a text read from a summary looks like a teaser rather than the article: short,
/// or ending in an ellipsis.
pub(super) fn is_summary(article: &crate::article::Article) -> bool {
    let last = article
        .sections
        .iter()
        .rev()
        .find_map(|s| s.paragraphs.last())
        .map(|p| p.trim_end())
        .unwrap_or_default();
    let cut = ["…", "...", "[…]", "[...]", "……"]
        .iter()
        .any(|e| last.ends_with(e));
    cut || text_chars(article) < SUMMARY_MAX_CHARS
}

/// The item's web page: the first link that is the item itself (no `rel`, or `alternate`),
/// resolved against the feed's address; only http and https.
fn item_link(entry: &Entry, base: Option<&Url>) -> Option<String> {
    let links = &entry.links;
    let pick = links
        .iter()
        .find(|l| matches!(l.rel.as_deref(), None | Some("alternate")))
        .or(links.first())?;
    let href = pick.href.trim();
    let url = match base {
        Some(b) => b.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// The item's identity: guid/id, else link, else a hash of title and content.
fn guid(entry: &Entry, link: Option<&str>, title: &str, body: &str) -> String {
    let id = sanitize_line(entry.id.trim());
    if !id.is_empty() {
        if id.len() > MAX_GUID_BYTES {
            return item::content_hash(&id, "");
        }
        return id;
    }
    match link {
        Some(l) if l.len() <= MAX_GUID_BYTES => l.to_string(),
        _ => item::content_hash(title, body),
    }
}

/// The start of the article's text, as a title for an item that has none.
pub(super) fn snippet_title(article: &crate::article::Article) -> String {
    let first = article
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .next();
    match first {
        Some(p) if p.chars().count() > SNIPPET_CHARS => {
            let mut t: String = p.chars().take(SNIPPET_CHARS).collect();
            t.push('…');
            t
        }
        Some(p) => p.clone(),
        None => s::UNTITLED.to_string(),
    }
}

/// Date (`YYYY-MM-DD`) and time (`HH:MM`) of an instant in the feed's zone.
pub(super) fn local_date(
    t: DateTime<Utc>,
    tz: &jiff::tz::TimeZone,
) -> Option<(String, Option<String>)> {
    let z = jiff::Timestamp::from_second(t.timestamp())
        .ok()?
        .to_zoned_datetime(tz.clone());
    Some((
        format!("{:04}-{:02}-{:02}", z.year(), z.month(), z.day()),
        Some(format!("{:02}:{:02}", z.hour(), z.minute())),
    ))
}

#[cfg(test)]
mod tests;
