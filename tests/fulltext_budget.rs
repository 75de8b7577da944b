//! Full text for summary-only feeds under a time budget, from a server on the loopback
//! address: pages that send their headers and then stall no longer take the whole refresh
//! one after another (30 such pages once took ten minutes for one feed); pages on different
//! hosts are fetched at once, pages on one host still one at a time.

#[path = "support/server.rs"]
mod server;

use std::time::Duration;

use newsreader::feed::{
    FeedOutcome, FeedRequest, FetchOptions, FullText, KeptBecause, Problem, Subscription, Zone,
    fetch,
};
use server::{Reply, Server};

const PAGE: &str = "<html><head><title>页面</title></head><body><h1>页面</h1>\
    <p>记者从有关部门获悉，本市今年以来持续推进城市更新工作，已完成老旧小区改造一百余个。</p>\
    <p>相关负责人表示，下一步将重点做好配套设施建设，让居民生活更加便利。</p></body></html>";

/// A summary-only feed of `n` items whose pages are `page(i)`.
fn feed(n: usize, page: impl Fn(usize) -> String) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>\
         <title>摘要频道</title><link>http://example.org/</link>",
    );
    for i in 0..n {
        out.push_str(&format!(
            "<item><title>第{i}条</title><link>{}</link><guid>g{i}</guid>\
             <description>摘要……</description></item>",
            page(i)
        ));
    }
    out.push_str("</channel></rss>");
    out
}

fn items(outcome: &FeedOutcome) -> &[newsreader::feed::FeedItem] {
    match outcome {
        FeedOutcome::Updated { items, .. } => items,
        other => panic!("expected an update, got {other:?}"),
    }
}

fn options(budget: Duration) -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(30),
        total_timeout: Duration::from_secs(60),
        full_text_budget: budget,
        zone: Zone::Offset(8 * 3600),
        ..FetchOptions::default()
    }
}

#[test]
fn test_stalling_pages_end_with_the_feeds_budget_not_one_after_another() {
    let server = Server::start(1);
    let page = |i: usize| format!("/stall/{i}.html");
    let body = feed(30, |i| server.url(0, &page(i)));
    server.fixed("/feed.xml", Reply::ok("application/rss+xml", body));
    for i in 0..30 {
        // Headers at once, then nothing for longer than any test runs.
        server.fixed(
            &page(i),
            Reply::ok("text/html", PAGE).stall(Duration::from_secs(600)),
        );
    }
    let mut sub = Subscription::new(server.url(0, "/feed.xml"));
    sub.full_text = true;
    let outcome = fetch(
        &[FeedRequest::new(sub)],
        &options(Duration::from_millis(1500)),
        |_| {},
    )
    .remove(0);
    let items = items(&outcome);
    assert_eq!(items.len(), 30);
    for item in items {
        assert_eq!(
            item.full_text,
            FullText::Kept(KeptBecause::PageFailed(Problem::Timeout)),
            "{}",
            item.title
        );
        assert!(item.summary_only, "the summary is kept");
    }
    // Only the page being read when the budget ran out was asked for; the others were
    // never started (one host, one request at a time).
    let asked: usize = (0..30).map(|i| server.requests(&page(i)).len()).sum();
    assert!(asked <= 2, "{asked} pages asked for");
}

#[test]
fn pages_on_different_hosts_are_fetched_at_once_and_one_host_takes_turns() {
    let server = Server::start(4);
    let body = feed(12, |i| server.url(i % 4, &format!("/p/{i}.html")));
    server.fixed("/feed.xml", Reply::ok("application/rss+xml", body));
    for i in 0..12 {
        server.fixed(
            &format!("/p/{i}.html"),
            Reply::ok("text/html; charset=utf-8", PAGE).delay(Duration::from_millis(150)),
        );
    }
    let mut sub = Subscription::new(server.url(0, "/feed.xml"));
    sub.full_text = true;
    let outcome = fetch(
        &[FeedRequest::new(sub)],
        &options(Duration::from_secs(60)),
        |_| {},
    )
    .remove(0);
    assert!(
        items(&outcome)
            .iter()
            .all(|i| i.full_text == FullText::Fetched),
        "{outcome:?}"
    );
    assert!(server.max_total() >= 2, "pages one after another");
    assert_eq!(server.max_per_host(), 1);
}
