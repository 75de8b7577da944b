//! Items that come from a sync server (FreshRSS, Miniflux) instead of a feed document. The
//! server already read the feed; what it sends is the item's parts (title, link, date,
//! author, HTML content), and they become a [`FeedItem`] by the same rules as a feed's own
//! items: the title cleaned once, the content parsed by the same front ends, the date taken
//! in the configured zone, and the same test of whether the text is only a summary, so that
//! full text works the same way for synced items.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::fulltext::complete;
use super::gate::Gate;
use super::http::Client;
use super::item::{self, FeedItem, FullText, Known, Shape};
use super::parse::{is_summary, local_date, snippet_title};
use super::text::clean_line;
use super::{FeedRequest, FetchOptions, Subscription, Zone};
use crate::strings as s;

/// What a server says about one item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemoteParts<'a> {
    /// The identity the item is stored under.
    pub guid: &'a str,
    /// The item's web page.
    pub link: Option<&'a str>,
    /// The title as the server sends it.
    pub title: &'a str,
    /// Whether the title is HTML (entities to decode once, tags to remove).
    pub title_is_html: bool,
    /// The content (HTML or plain text).
    pub content: &'a str,
    /// When it was published.
    pub published: Option<DateTime<Utc>>,
    /// The author, as the server sends it (`name`, or `mail (name)`).
    pub author: Option<&'a str>,
}

/// Makes a server's item an item like a feed's: title, article, summary test. Its full
/// text is not fetched here (see [`complete_full_text`]).
pub fn item_from_parts(parts: &RemoteParts<'_>, zone: &Zone) -> FeedItem {
    let title = clean_line(parts.title, parts.title_is_html);
    let author = parts.author.and_then(author_name);
    let link = parts
        .link
        .map(str::trim)
        .filter(|l| l.starts_with("http://") || l.starts_with("https://"))
        .map(str::to_string);
    let known = Known {
        title: title.as_deref().unwrap_or_default(),
        author: author.as_deref(),
        date: parts.published.and_then(|p| local_date(p, &zone.tz())),
        link: link.as_deref(),
    };
    let shape = if item::looks_like_html(parts.content) {
        Shape::Fragment
    } else {
        Shape::Plain
    };
    let mut article = item::article_from(parts.content, shape, &known);
    let title = title.unwrap_or_else(|| snippet_title(&article));
    if article.title == s::UNTITLED {
        article.title = title.clone();
    }
    FeedItem {
        guid: parts.guid.to_string(),
        summary_only: is_summary(&article),
        link,
        title,
        published: parts.published,
        author,
        full_text: FullText::NotNeeded,
        article,
    }
}

/// Fetches the pages of `items` that want their full text (every item when `sub` asks for
/// it, else those that hold only a summary), with the same client, limits and per-host
/// turns as a refresh. Items whose guid is in `have` keep the stored full text.
pub fn complete_full_text(
    items: &mut [FeedItem],
    sub: &Subscription,
    have: HashSet<String>,
    options: &FetchOptions,
) {
    let request = FeedRequest {
        subscription: sub.clone(),
        have_full_text: have,
        ..FeedRequest::default()
    };
    let client = Client::new(options.limits());
    let gate = Gate::default();
    complete(
        items,
        &request,
        &client,
        &gate,
        options.full_text_limit,
        options.full_text_budget,
    );
}

/// An author as a name: `noreply@example.invalid (张三)` is 张三.
fn author_name(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if let Some((mail, rest)) = raw.split_once(" (")
        && mail.contains('@')
        && let Some(name) = rest.strip_suffix(')')
    {
        return clean_line(name, false);
    }
    clean_line(raw, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts<'a>(title: &'a str, content: &'a str) -> RemoteParts<'a> {
        RemoteParts {
            guid: "greader:0006620a62e9f02f",
            link: Some("http://127.0.0.1:1/zh/1.html"),
            title,
            title_is_html: true,
            content,
            published: DateTime::from_timestamp(1_736_121_600, 0),
            author: Some("noreply@example.invalid (张三)"),
        }
    }

    #[test]
    fn a_server_item_reads_like_a_feed_item() {
        let item = item_from_parts(
            &parts(
                "第一篇：春天的早晨",
                "<p>清晨的阳光洒在湖面上。</p><p>第二段文字……</p>",
            ),
            &Zone::Offset(8 * 3600),
        );
        assert_eq!(item.title, "第一篇：春天的早晨");
        assert_eq!(item.article.title, "第一篇：春天的早晨");
        assert_eq!(item.author.as_deref(), Some("张三"));
        assert_eq!(item.article.date.as_deref(), Some("2025-01-06"));
        assert_eq!(item.article.time.as_deref(), Some("08:00"));
        assert_eq!(item.link.as_deref(), Some("http://127.0.0.1:1/zh/1.html"));
        assert!(item.summary_only, "short, and cut with an ellipsis");
        assert_eq!(
            item.article.sections[0].paragraphs,
            ["清晨的阳光洒在湖面上。", "第二段文字……"]
        );
    }

    #[test]
    fn an_html_title_is_decoded_once_and_a_missing_one_comes_from_the_text() {
        let item = item_from_parts(&parts("AT&amp;amp;T <b>news</b>", "x"), &Zone::Local);
        assert_eq!(item.title, "AT&amp;T news");
        let untitled = item_from_parts(&parts("", "<p>一段没有标题的文字。</p>"), &Zone::Local);
        assert_eq!(untitled.title, "一段没有标题的文字。");
    }

    #[test]
    fn only_web_links_are_kept() {
        let mut p = parts("t", "x");
        p.link = Some("javascript:alert(1)");
        assert_eq!(item_from_parts(&p, &Zone::Local).link, None);
    }
}
