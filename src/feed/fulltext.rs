//! Full text for feeds that carry only summaries. When a subscription asks for it, or an
//! item holds only a teaser, the item's page is fetched (with the same client, limits and
//! per-host turns as feeds) and its main text extracted by the HTML front end. The page
//! replaces the summary only when it holds at least as much text; otherwise, or when the
//! page fails, the summary stays and the item records why.
//!
//! One feed's pages share a time budget (a minute by default): thirty pages that each send
//! their headers and then stall once took ten minutes, one after another. A few pages are
//! fetched at once (pages on different hosts really at once; pages on one host still take
//! turns at the [`Gate`]), every request is cut at the budget's end, and a page not reached
//! by then keeps its summary, marked as timed out, to be tried again at the next refresh.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::charset::decode_body;
use super::gate::Gate;
use super::http::{ACCEPT_PAGE, Client, Fetched};
use super::item::{FeedItem, FullText, KeptBecause, Known, Shape, article_from};
use super::{FeedRequest, Problem, Validators, text_chars};

/// Pages of one feed fetched at the same time.
const PAGE_WORKERS: usize = 4;

/// Fetches pages for the items of `request`'s feed that want them, at most `limit` pages,
/// all within `budget`.
pub(crate) fn complete(
    items: &mut [FeedItem],
    request: &FeedRequest,
    client: &Client,
    gate: &Gate,
    limit: usize,
    budget: Duration,
) {
    let deadline = Instant::now() + budget;
    let mut wanted = Vec::new();
    for (i, item) in items.iter_mut().enumerate() {
        if !(request.subscription.full_text || item.summary_only) {
            continue;
        }
        if request.have_full_text.contains(&item.guid) {
            item.full_text = FullText::Known;
            continue;
        }
        if item.link.is_none() {
            item.full_text = FullText::Kept(KeptBecause::NoLink);
            continue;
        }
        if wanted.len() >= limit {
            item.full_text = FullText::Kept(KeptBecause::Limit);
            continue;
        }
        wanted.push(i);
    }
    if wanted.is_empty() {
        return;
    }
    let queue = Mutex::new(wanted.iter().copied().rev().collect::<Vec<usize>>());
    let pages: Vec<Mutex<Option<Result<crate::article::Article, Problem>>>> =
        (0..items.len()).map(|_| Mutex::new(None)).collect();
    let shared: &[FeedItem] = items;
    let work = || {
        while let Some(i) = queue.lock().ok().and_then(|mut q| q.pop()) {
            let item = &shared[i];
            let page = match item.link.as_deref() {
                _ if Instant::now() >= deadline => Err(Problem::Timeout),
                Some(link) => {
                    crate::guard::catch(|| page_article(link, item, client, gate, deadline))
                        .unwrap_or_else(|why| Err(Problem::Network(why)))
                }
                None => continue,
            };
            if let Ok(mut cell) = pages[i].lock() {
                *cell = Some(page);
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 0..PAGE_WORKERS.min(wanted.len()) {
            scope.spawn(work);
        }
    });
    for (i, cell) in pages.into_iter().enumerate() {
        let Some(page) = cell.into_inner().ok().flatten() else {
            continue;
        };
        let item = &mut items[i];
        item.full_text = match page {
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
    deadline: Instant,
) -> Result<crate::article::Article, Problem> {
    let fetched = client.get_until(
        link,
        &Validators::default(),
        ACCEPT_PAGE,
        gate,
        None,
        Some(deadline),
    )?;
    let (bytes, content_type) = match fetched {
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
