//! Full text for feeds that carry only summaries. When a subscription asks for it, or an
//! item holds only a teaser, the item's page is fetched (with the same client, limits and
//! per-host turns as feeds) and its main text extracted by the HTML front end. The page
//! replaces the summary only when it holds at least as much text; otherwise, or when the
//! page fails, the summary stays and the item records why.

use super::charset::decode_body;
use super::gate::Gate;
use super::http::{ACCEPT_PAGE, Client, Fetched};
use super::item::{FeedItem, FullText, KeptBecause, Known, Shape, article_from};
use super::{FeedRequest, Problem, Validators, text_chars};

/// Fetches pages for the items of `request`'s feed that want them, at most `limit` pages.
pub(crate) fn complete(
    items: &mut [FeedItem],
    request: &FeedRequest,
    client: &Client,
    gate: &Gate,
    limit: usize,
) {
    let mut fetched = 0usize;
    for item in items.iter_mut() {
        if !(request.subscription.full_text || item.summary_only) {
            continue;
        }
        if request.have_full_text.contains(&item.guid) {
            item.full_text = FullText::Known;
            continue;
        }
        let Some(link) = item.link.clone() else {
            item.full_text = FullText::Kept(KeptBecause::NoLink);
            continue;
        };
        if fetched >= limit {
            item.full_text = FullText::Kept(KeptBecause::Limit);
            continue;
        }
        fetched += 1;
        item.full_text = match page_article(&link, item, client, gate) {
            Err(p) => FullText::Kept(KeptBecause::PageFailed(p)),
            Ok(page) if text_chars(&page) < text_chars(&item.article).max(1) => {
                FullText::Kept(KeptBecause::Shorter)
            }
            Ok(page) => {
                item.article = page;
                item.summary_only = false;
                FullText::Fetched
            }
        };
    }
}

/// The article on the item's page, with the item's title, author and date filling what the
/// page does not say.
fn page_article(
    link: &str,
    item: &FeedItem,
    client: &Client,
    gate: &Gate,
) -> Result<crate::article::Article, Problem> {
    let (bytes, content_type) =
        match client.get(link, &Validators::default(), ACCEPT_PAGE, gate, None)? {
            Fetched::Body {
                bytes,
                content_type,
                ..
            } => (bytes, content_type),
            Fetched::NotModified => {
                return Err(Problem::Status {
                    code: 304,
                    reason: ureq::http::StatusCode::NOT_MODIFIED
                        .canonical_reason()
                        .unwrap_or_default()
                        .to_string(),
                });
            }
        };
    let page = decode_body(&bytes, content_type.as_deref())?;
    let date = item
        .article
        .date
        .clone()
        .map(|d| (d, item.article.time.clone()));
    let known = Known {
        title: &item.title,
        author: item.author.as_deref(),
        date,
        link: item.link.as_deref(),
    };
    Ok(article_from(&page.text, Shape::Page, &known))
}
