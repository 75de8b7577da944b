//! Fetching many feeds at once from a server on the loopback address: feeds sharing items
//! each report them, one request per host at a time with a few hosts at once, progress, and
//! one bad feed never stopping the others.

#[path = "support/fetching.rs"]
mod fetching;
#[path = "support/server.rs"]
mod server;

use std::sync::Mutex;
use std::time::Duration;

use fetching::{RSS, items, options};
use newsreader::feed::{FeedOutcome, FeedRequest, Problem, Progress, Subscription, fetch};
use server::{Reply, Server, fixture};

#[test]
fn feeds_sharing_items_each_report_them() {
    let server = Server::start(1);
    let shared = |title: &str| {
        format!(
            "<rss version=\"2.0\"><channel><title>{title}</title>\
             <item><title>共享条目</title><guid>shared-guid-1</guid>\
             <description>两个频道都有这一条。</description></item>\
             <item><title>{title} 独有</title><guid>{title}-own</guid></item>\
             </channel></rss>"
        )
    };
    server.fixed("/one.xml", Reply::ok(RSS, shared("one")));
    server.fixed("/two.xml", Reply::ok(RSS, shared("two")));
    let outcomes = fetch(
        &[
            FeedRequest::new(Subscription::new(server.url(0, "/one.xml"))),
            FeedRequest::new(Subscription::new(server.url(0, "/two.xml"))),
        ],
        &options(),
        |_| {},
    );
    let guids =
        |o: &FeedOutcome| -> Vec<String> { items(o).iter().map(|i| i.guid.clone()).collect() };
    assert_eq!(guids(&outcomes[0]), ["shared-guid-1", "one-own"]);
    assert_eq!(guids(&outcomes[1]), ["shared-guid-1", "two-own"]);
    assert_eq!(items(&outcomes[0])[0], items(&outcomes[1])[0]);
}

#[test]
fn one_request_per_host_and_a_few_at_once() {
    let server = Server::start(4);
    let mut requests = Vec::new();
    for i in 0..12 {
        let path = format!("/slow{i}.xml");
        server.fixed(
            &path,
            Reply::ok(RSS, fixture("empty.xml")).delay(Duration::from_millis(80)),
        );
        requests.push(FeedRequest::new(Subscription::new(
            server.url(i % 4, &path),
        )));
    }
    let outcomes = fetch(&requests, &options(), |_| {});
    assert!(
        outcomes
            .iter()
            .all(|o| matches!(o, FeedOutcome::Updated { .. }))
    );
    assert_eq!(server.max_per_host(), 1, "one request per host at a time");
    assert!(server.max_total() <= 4, "at most four at once");
    assert!(server.max_total() >= 2, "hosts are fetched in parallel");
}

#[test]
fn one_bad_feed_never_stops_the_others_and_progress_is_reported() {
    let server = Server::start(2);
    server.fixed("/good.xml", Reply::ok(RSS, fixture("rss1_rdf.xml")));
    // XML that is not well-formed is repaired and read; JSON cut short cannot be.
    server.fixed(
        "/bad.xml",
        Reply::ok(
            "application/feed+json",
            b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [".to_vec(),
        ),
    );
    server.fixed("/empty.xml", Reply::ok(RSS, fixture("empty.xml")));
    server.fixed(
        "/page.html",
        Reply::ok("text/html", "<html><body>hi</body></html>"),
    );
    let subs = [
        Subscription {
            name: Some("好频道".into()),
            ..Subscription::new(server.url(0, "/good.xml"))
        },
        Subscription {
            name: Some("坏频道".into()),
            ..Subscription::new(server.url(1, "/bad.xml"))
        },
        Subscription::new(server.url(0, "/missing.xml")),
        Subscription::new("file:///etc/passwd"),
        Subscription::new(server.url(1, "/empty.xml")),
        Subscription::new(server.url(0, "/page.html")),
    ];
    let requests: Vec<FeedRequest> = subs.iter().cloned().map(FeedRequest::new).collect();
    let reports = Mutex::new(Vec::<Progress>::new());
    let outcomes = fetch(&requests, &options(), |p| reports.lock().unwrap().push(p));
    assert_eq!(items(&outcomes[0]).len(), 2);
    let bad = outcomes[1].error().unwrap();
    assert_eq!(bad.feed, "坏频道");
    assert!(matches!(bad.problem, Problem::BadJson(_)));
    assert!(
        bad.to_string()
            .starts_with("坏频道: the feed is not valid JSON Feed:"),
        "{bad}"
    );
    assert!(matches!(
        outcomes[2].error().unwrap().problem,
        Problem::Status { code: 404, .. }
    ));
    assert_eq!(
        outcomes[2].error().unwrap().feed,
        server.url(0, "/missing.xml")
    );
    assert!(matches!(
        outcomes[3].error().unwrap().problem,
        Problem::UnsupportedScheme(_)
    ));
    assert!(items(&outcomes[4]).is_empty());
    assert_eq!(
        outcomes[5].error().unwrap().problem,
        Problem::NotAFeed(newsreader::strings::FEED_WHY_WEB_PAGE.into())
    );
    let reports = reports.into_inner().unwrap();
    assert_eq!(reports.len(), 7);
    assert_eq!(reports[0].done, 0);
    for (i, p) in reports.iter().enumerate() {
        assert_eq!(p.done, i);
        assert_eq!(p.total, 6);
    }
    assert_eq!(reports[6].failed, 4);
    assert!(reports[6].last.is_some());
}
