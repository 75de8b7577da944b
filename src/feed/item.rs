//! A feed item as the library will hold it: its identity (guid), link, title, date and
//! author, and the article read from its content by the project's own front ends (HTML
//! content through the HTML front end, plain text through the plain one), with the item's
//! title, author and date filling what the text itself did not say. Text from the network
//! is sanitised before it is parsed, and the parser sanitises every string of the article
//! again once character references are resolved; what the item adds is sanitised already.

use chrono::{DateTime, Utc};

use super::Problem;
use super::text::clean_line;
use crate::article::{self, Article, Format};
use crate::decode;
use crate::strings as s;

/// An item's content with fewer visible characters than this, and no full content beside
/// it, is taken for a summary: news articles are longer, teasers are shorter.
pub(crate) const SUMMARY_MAX_CHARS: usize = 280;

/// One item of a feed, ready to be stored as an article.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// The item's identity: its guid/id, else its link, else `hash:` and a hash of its
    /// title and content. Stable from one fetch to the next.
    pub guid: String,
    /// The item's web page (http or https only), resolved against the feed's address.
    pub link: Option<String>,
    /// The title, as one sanitised line; never empty.
    pub title: String,
    /// When it was published (or last updated, when that is all the feed says); `None`
    /// when the feed gives no date (the store keeps the time it first saw the item).
    pub published: Option<DateTime<Utc>>,
    /// The author's name, sanitised.
    pub author: Option<String>,
    /// Whether `article` holds only the feed's summary of the story, not the story.
    pub summary_only: bool,
    /// What happened about the item's full text.
    pub full_text: FullText,
    /// The article, parsed by the front ends; `path` is `None`.
    pub article: Article,
}

/// What happened about fetching an item's page for its full text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FullText {
    /// Not needed: the feed carries the article, and the subscription does not ask for pages.
    NotNeeded,
    /// The page was fetched and `article` was read from it.
    Fetched,
    /// The store already holds the full text for this guid, so the page was not fetched;
    /// `article` holds what the feed carries, and the stored article should be kept.
    Known,
    /// The page was wanted but `article` holds the feed's text, for this reason.
    Kept(KeptBecause),
}

/// Why an item kept the feed's text when its page was wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeptBecause {
    /// The item has no http or https link.
    NoLink,
    /// Fetching or reading the page failed.
    PageFailed(Problem),
    /// The page held less text than the feed's summary.
    Shorter,
    /// Too many pages were wanted in one refresh of this feed.
    Limit,
}

impl std::fmt::Display for KeptBecause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeptBecause::NoLink => f.write_str(s::FULL_TEXT_NO_LINK),
            KeptBecause::PageFailed(p) => write!(f, "{} {p}", s::FULL_TEXT_PAGE_FAILED),
            KeptBecause::Shorter => f.write_str(s::FULL_TEXT_SHORTER),
            KeptBecause::Limit => f.write_str(s::FULL_TEXT_LIMIT),
        }
    }
}

/// What an item says about itself, for filling what its text does not say.
#[derive(Debug, Clone, Default)]
pub(crate) struct Known<'a> {
    pub title: &'a str,
    pub author: Option<&'a str>,
    /// Date (`YYYY-MM-DD`) and time (`HH:MM`) in the feed's zone.
    pub date: Option<(String, Option<String>)>,
    /// The item's link: the article's own address, and the base of its relative links.
    pub link: Option<&'a str>,
}

/// What kind of text an article is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A piece of HTML from a feed (`content:encoded`, a description).
    Fragment,
    /// Plain text from a feed.
    Plain,
    /// A whole web page (an item's link, fetched for its full text).
    Page,
}

/// Parses an item's content (or a fetched page) into an article, filling the title,
/// byline, date and time from `known` where the text gave none.
///
/// A fragment is set in a small page whose `<title>` is the item's title, and plain text
/// gets the title as its first line, so that the front ends find the title there instead of
/// taking the first paragraph of the text for it. A fragment in which the HTML front end
/// finds no paragraph (a lone short sentence) is read as one line of plain text instead.
pub(crate) fn article_from(content: &str, shape: Shape, known: &Known<'_>) -> Article {
    let clean = decode::decode(content.as_bytes(), Some(encoding_rs::UTF_8))
        .map(|d| d.text)
        .unwrap_or_default();
    let titled_plain = |text: &str| {
        if known.title.is_empty() {
            article::parse(text, Format::Plain, known.title)
        } else {
            article::parse(
                &format!("{}\n\n{text}", known.title),
                Format::Plain,
                known.title,
            )
        }
    };
    let mut a = match shape {
        Shape::Page => article::parse(&clean, Format::Html, known.title),
        Shape::Plain => titled_plain(&clean),
        Shape::Fragment => {
            let canonical = known
                .link
                .map(|l| format!("<link rel=\"canonical\" href=\"{}\">", escape(l)))
                .unwrap_or_default();
            let page = format!(
                "<html><head><title>{}</title>{canonical}</head><body><article>{clean}</article></body></html>",
                escape(known.title)
            );
            let a = article::parse(&page, Format::FeedItem, known.title);
            if a.paragraph_count() > 0 {
                a
            } else {
                match clean_line(&clean, true) {
                    Some(line) => titled_plain(&line),
                    None => a,
                }
            }
        }
    };
    if a.byline.is_none() {
        a.byline = known.author.map(str::to_string);
    }
    // The item's own title and date are the article's: a page's `<title>` may carry more or
    // less than the headline, and a date in the text (an anniversary, a deadline) is not when
    // the item was published. A date found in the text stands only when the item has none.
    if !known.title.is_empty() {
        a.title = known.title.to_string();
    }
    if let Some((date, time)) = &known.date {
        a.date = Some(date.clone());
        a.time = time.clone();
    }
    drop_title_repeat(&mut a);
    if a.url.is_none() {
        a.url = known.link.map(str::to_string);
    }
    a.encoding = "UTF-8".to_string();
    a
}

/// Removes the article's first paragraph when it says what the title says (a flash item
/// whose title is the whole story, a description that repeats the title with a full stop):
/// the reader shows the title above the text, and it is never shown twice.
pub(crate) fn drop_title_repeat(a: &mut Article) {
    let title = folded(&a.title);
    if title.is_empty() {
        return;
    }
    let Some(lead) = a.sections.first_mut().filter(|s| s.heading.is_none()) else {
        return;
    };
    if lead.paragraphs.first().is_some_and(|p| folded(p) == title) {
        lead.paragraphs.remove(0);
    }
}

/// Text as compared for repeats: letters and digits only, full-width forms as half-width,
/// Latin letters in lower case.
fn folded(text: &str) -> String {
    text.chars()
        .map(crate::article::meta::half_width_char)
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Text safe inside an HTML element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Whether text looks like HTML rather than plain text: it holds a tag or a character
/// reference.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "<p",
        "<br",
        "<div",
        "<img",
        "<a ",
        "</",
        "<span",
        "<li",
        "<h1",
        "<h2",
        "<h3",
        "<table",
        "<figure",
        "<blockquote",
        "&nbsp;",
        "&amp;",
        "&lt;",
        "&#",
    ]
    .iter()
    .any(|m| lower.contains(m))
}

/// A stable identity made from an item's title and content, for items with neither guid
/// nor link: `hash:` and 32 hex digits (two FNV-1a hashes with different seeds).
pub(crate) fn content_hash(title: &str, content: &str) -> String {
    let hash = |seed: u64| {
        let mut h = seed;
        for b in title.bytes().chain([0u8]).chain(content.bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    };
    format!(
        "hash:{:016x}{:016x}",
        hash(0xcbf2_9ce4_8422_2325),
        hash(0x6c62_272e_07bb_0142)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_content_is_parsed_and_the_item_fills_the_gaps() {
        let known = Known {
            title: "条目标题",
            author: Some("张三"),
            date: Some(("2024-05-01".into(), Some("08:30".into()))),
            link: None,
        };
        let a = article_from(
            "<p>第一段&#x202E;文字。</p><p>第二段文字。</p>",
            Shape::Fragment,
            &known,
        );
        assert_eq!(a.title, "条目标题");
        assert_eq!(a.byline.as_deref(), Some("张三"));
        assert_eq!(a.date.as_deref(), Some("2024-05-01"));
        assert_eq!(a.time.as_deref(), Some("08:30"));
        assert_eq!(a.sections[0].paragraphs, ["第一段文字。", "第二段文字。"]);
        assert_eq!(a.encoding, "UTF-8");
    }

    #[test]
    fn the_item_link_is_the_article_address_and_the_base_of_its_links() {
        let known = Known {
            title: "条目标题",
            link: Some("https://news.example/2024/05/item.html?a=1&b=\"2\""),
            ..Known::default()
        };
        let a = article_from(
            "<p>第一段文字，详见<a href=\"more.html\">另一篇报道</a>。</p><p>第二段文字。</p>",
            Shape::Fragment,
            &known,
        );
        assert_eq!(a.url.as_deref(), known.link);
        assert_eq!(a.links.len(), 1);
        assert_eq!(a.links[0].url, "https://news.example/2024/05/more.html");
        let plain = article_from("第一段。\n第二段。", Shape::Plain, &known);
        assert_eq!(plain.url.as_deref(), known.link);
    }

    #[test]
    fn plain_content_keeps_its_lines() {
        let known = Known {
            title: "Title",
            ..Known::default()
        };
        let a = article_from("First paragraph here.\nSecond one.", Shape::Plain, &known);
        assert_eq!(a.title, "Title");
        assert_eq!(
            a.sections[0].paragraphs,
            ["First paragraph here.", "Second one."]
        );
    }

    #[test]
    fn a_fragment_keeps_its_first_paragraph() {
        let known = Known {
            title: "条目标题",
            ..Known::default()
        };
        for (fragment, want) in [
            (
                "<div>第一段文字</div><div>第二段文字</div>",
                vec!["第一段文字", "第二段文字"],
            ),
            ("第一行<br>第二行", vec!["第一行", "第二行"]),
            (
                "<p>简短的摘要&nbsp;一句话。</p>",
                vec!["简短的摘要 一句话。"],
            ),
            ("<p>条目标题</p><p>正文。</p>", vec!["正文。"]),
        ] {
            let a = article_from(fragment, Shape::Fragment, &known);
            assert_eq!(a.title, "条目标题");
            let paragraphs: Vec<&str> = a
                .sections
                .iter()
                .flat_map(|s| s.paragraphs.iter().map(String::as_str))
                .collect();
            assert_eq!(paragraphs, want, "{fragment}");
        }
    }

    #[test]
    fn html_is_told_from_plain_text() {
        assert!(looks_like_html("<p>x</p>"));
        assert!(looks_like_html("a&nbsp;b"));
        assert!(!looks_like_html("a < b and c > d"));
    }

    #[test]
    fn content_hashes_are_stable() {
        assert_eq!(content_hash("a", "b"), content_hash("a", "b"));
        assert_ne!(content_hash("a", "b"), content_hash("ab", ""));
        assert_eq!(content_hash("t", "c").len(), 5 + 32);
    }
}
