//! Full text for summary-only feeds under a time budget, from a server on the loopback
//! address: pages that send their headers and then stall no longer take the whole refresh
//! one after another (30 such pages once took ten minutes for one feed); pages on different
//! hosts are fetched at once, pages on one host still one at a time. Summary-only items get
//! their pages, and full-text subscriptions fetch every page.

#[path = "support/fetching.rs"]
mod fetching;
#[path = "support/server.rs"]
mod server;

use std::time::Duration;

use fetching::RSS;
use newsreader::feed::{
    FeedOutcome, FeedRequest, FetchOptions, FullText, KeptBecause, Problem, Subscription, Zone,
    fetch,
};
use server::{Reply, Server, fixture};

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

#[test]
fn summary_only_items_get_their_pages() {
    let server = Server::start(1);
    server.fixed("/s/feed.xml", Reply::ok(RSS, fixture("summary_only.xml")));
    server.fixed(
        "/pages/science.html",
        Reply::ok("text/html; charset=utf-8", fixture("pages/science.html")),
    );
    server.fixed(
        "/pages/tiny.html",
        Reply::ok("text/html", fixture("pages/tiny.html")),
    );
    let outcome = fetching::one_with(
        FeedRequest::new(Subscription::new(server.url(0, "/s/feed.xml"))),
        &fetching::options(),
    );
    let items = items(&outcome);
    let science = &items[0];
    assert_eq!(science.full_text, FullText::Fetched);
    assert!(!science.summary_only);
    assert_eq!(science.title, "科技馆推出暑期科普活动");
    assert_eq!(science.article.paragraph_count(), 4);
    assert!(science.article.sections[0].paragraphs[0].starts_with("暑假到来之际"));
    assert_eq!(science.article.byline.as_deref(), Some("陈晨"));
    assert_eq!(science.article.date.as_deref(), Some("2024-07-01"));
    let missing = &items[1];
    assert!(missing.summary_only);
    assert_eq!(
        missing.full_text,
        FullText::Kept(KeptBecause::PageFailed(Problem::Status {
            code: 404,
            reason: "Not Found".into()
        }))
    );
    assert_eq!(
        missing.article.sections[0].paragraphs,
        ["这一条的页面取不到，摘要应当保留。"]
    );
    assert_eq!(items[2].full_text, FullText::Kept(KeptBecause::Shorter));
    assert!(items[2].article.sections[0].paragraphs[0].starts_with("这一条的摘要"));

    // A page the store already has is not fetched again.
    let before = server.requests("/pages/science.html").len();
    let mut request = FeedRequest::new(Subscription::new(server.url(0, "/s/feed.xml")));
    request.have_full_text.insert("summary-1".to_string());
    let again = fetching::one_with(request, &fetching::options());
    assert_eq!(self::items(&again)[0].full_text, FullText::Known);
    assert_eq!(server.requests("/pages/science.html").len(), before);

    // With a limit of one page per refresh, the second waits for the next refresh.
    let limited = FetchOptions {
        full_text_limit: 1,
        ..fetching::options()
    };
    let outcome = fetching::one_with(
        FeedRequest::new(Subscription::new(server.url(0, "/s/feed.xml"))),
        &limited,
    );
    assert_eq!(
        self::items(&outcome)[1].full_text,
        FullText::Kept(KeptBecause::Limit)
    );
    // The feed and its pages took turns on their host.
    assert_eq!(server.max_per_host(), 1);
}

#[test]
fn full_text_subscriptions_fetch_every_page() {
    let server = Server::start(1);
    let rss = format!(
        "<rss version=\"2.0\"><channel><title>全文</title><item><title>长文章</title>\
         <link>{}</link><guid>ft-1</guid><description>&lt;p&gt;{}&lt;/p&gt;</description></item>\
         </channel></rss>",
        server.url(0, "/pages/long.html"),
        "一段足够长的描述文字。".repeat(30)
    );
    let page = format!(
        "<html><head><title>长文章</title></head><body><div class=\"content\">{}</div></body></html>",
        (1..=12)
            .map(|i| format!("<p>第{i}段：记者在现场看到，工人们正在紧张施工，新的桥梁预计年底前建成通车，届时两岸居民出行将更加方便。</p>"))
            .collect::<String>()
    );
    server.fixed("/ft.xml", Reply::ok(RSS, rss));
    server.fixed("/pages/long.html", Reply::ok("text/html", page));
    let plain = fetching::one_with(
        FeedRequest::new(Subscription::new(server.url(0, "/ft.xml"))),
        &fetching::options(),
    );
    assert_eq!(items(&plain)[0].full_text, FullText::NotNeeded);
    assert!(
        !items(&plain)[0].summary_only,
        "a long description is the article"
    );
    assert!(server.requests("/pages/long.html").is_empty());
    let sub = Subscription {
        full_text: true,
        ..Subscription::new(server.url(0, "/ft.xml"))
    };
    let full = fetching::one_with(FeedRequest::new(sub), &fetching::options());
    let item = &items(&full)[0];
    assert_eq!(item.full_text, FullText::Fetched);
    assert_eq!(item.article.paragraph_count(), 12);
    assert!(item.article.sections[0].paragraphs[0].starts_with("第1段"));
}
