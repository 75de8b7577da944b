//! Fetching feeds from a server on the loopback address: conditional requests (ETag and
//! Last-Modified), redirects (followed, looping, too many, to `file:`), error statuses,
//! timeouts, the size cap (declared and while decompressing), gzip, charsets, full text for
//! summary-only items, feeds sharing items, one request per host at a time, progress, and
//! one bad feed never stopping the others.

#[path = "support/server.rs"]
mod server;

use std::io::Write;
use std::sync::Mutex;
use std::time::Duration;

use newsreader::feed::{
    FeedOutcome, FeedRequest, FetchOptions, FullText, KeptBecause, Problem, Progress, Subscription,
    Validators, Zone, fetch,
};
use server::{Reply, Server, fixture};

/// Short timeouts keep the suite fast; the loopback answers in microseconds.
fn options() -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_millis(400),
        total_timeout: Duration::from_secs(5),
        zone: Zone::Offset(8 * 3600),
        ..FetchOptions::default()
    }
}

fn one(url: &str) -> FeedOutcome {
    one_with(FeedRequest::new(Subscription::new(url)), &options())
}

fn one_with(request: FeedRequest, options: &FetchOptions) -> FeedOutcome {
    fetch(&[request], options, |_| {}).remove(0)
}

fn problem(outcome: &FeedOutcome) -> &Problem {
    match outcome {
        FeedOutcome::Failed(e) => &e.problem,
        other => panic!("expected a failure, got {other:?}"),
    }
}

fn items(outcome: &FeedOutcome) -> &[newsreader::feed::FeedItem] {
    match outcome {
        FeedOutcome::Updated { items, .. } => items,
        other => panic!("expected an update, got {other:?}"),
    }
}

const RSS: &str = "application/rss+xml";

#[test]
fn etag_then_304() {
    let server = Server::start(1);
    let body = fixture("rss1_rdf.xml");
    server.route("/etag.xml", move |r| {
        if r.header("If-None-Match") == Some("\"v1\"") {
            Reply::status(304)
        } else {
            Reply::ok(RSS, body.clone()).header("ETag", "\"v1\"")
        }
    });
    let url = server.url(0, "/etag.xml");
    let first = one(&url);
    let FeedOutcome::Updated {
        validators, items, ..
    } = &first
    else {
        panic!("{first:?}")
    };
    assert_eq!(validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(items.len(), 2);
    let again = FeedRequest {
        validators: validators.clone(),
        ..FeedRequest::new(Subscription::new(&url))
    };
    assert_eq!(one_with(again, &options()), FeedOutcome::NotModified);
    let requests = server.requests("/etag.xml");
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].header("If-None-Match"), None);
    let agent = requests[0].header("User-Agent").unwrap();
    assert!(agent.starts_with("newsreader/"), "{agent}");
}

#[test]
fn last_modified_then_304() {
    let server = Server::start(1);
    let body = fixture("json_feed.json");
    let stamp = "Wed, 12 Jun 2024 08:00:00 GMT";
    server.route("/lm.json", move |r| {
        if r.header("If-Modified-Since") == Some(stamp) {
            Reply::status(304)
        } else {
            Reply::ok("application/feed+json", body.clone()).header("Last-Modified", stamp)
        }
    });
    let url = server.url(0, "/lm.json");
    let FeedOutcome::Updated { validators, .. } = one(&url) else {
        panic!()
    };
    assert_eq!(
        validators,
        Validators {
            etag: None,
            last_modified: Some(stamp.to_string()),
        }
    );
    let again = FeedRequest {
        validators,
        ..FeedRequest::new(Subscription::new(&url))
    };
    assert_eq!(one_with(again, &options()), FeedOutcome::NotModified);
}

#[test]
fn redirects_are_followed_and_links_resolved_against_the_final_address() {
    let server = Server::start(2);
    server.fixed(
        "/moved.json",
        Reply::redirect(301, &server.url(1, "/new/feed.json")),
    );
    server.fixed(
        "/new/feed.json",
        Reply::ok("application/json", fixture("json_feed.json")),
    );
    let outcome = one(&server.url(0, "/moved.json"));
    let FeedOutcome::Updated { url, items, .. } = &outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(url, &server.url(1, "/new/feed.json"));
    assert_eq!(
        items[0].link.as_deref(),
        Some(server.url(1, "/posts/1.html").as_str())
    );
}

#[test]
fn redirect_loops_chains_and_file_targets_fail() {
    let server = Server::start(1);
    server.fixed("/a", Reply::redirect(302, "/b"));
    server.fixed("/b", Reply::redirect(302, "/a"));
    assert_eq!(
        problem(&one(&server.url(0, "/a"))),
        &Problem::RedirectLoop(server.url(0, "/a"))
    );
    for i in 0..7 {
        server.fixed(
            &format!("/hop{i}"),
            Reply::redirect(302, &format!("/hop{}", i + 1)),
        );
    }
    assert_eq!(
        problem(&one(&server.url(0, "/hop0"))),
        &Problem::TooManyRedirects(5)
    );
    server.fixed("/to-file", Reply::redirect(301, "file:///etc/passwd"));
    assert_eq!(
        problem(&one(&server.url(0, "/to-file"))),
        &Problem::RedirectScheme("file:///etc/passwd".into())
    );
    // Five redirects are fine.
    server.fixed("/hop5", Reply::ok(RSS, fixture("empty.xml")));
    assert!(matches!(
        one(&server.url(0, "/hop0")),
        FeedOutcome::Updated { .. }
    ));
}

#[test]
fn only_http_and_https_are_fetched() {
    assert_eq!(
        problem(&one("file:///etc/passwd")),
        &Problem::UnsupportedScheme("file".into())
    );
    assert!(matches!(
        problem(&one("not an address")),
        Problem::BadUrl(_)
    ));
}

#[test]
fn error_statuses_refusals_and_stalls() {
    let server = Server::start(1);
    server.fixed("/gone", Reply::status(404));
    server.fixed("/broken", Reply::status(500));
    server.fixed(
        "/stall",
        Reply::ok(RSS, fixture("empty.xml")).stall(Duration::from_secs(3)),
    );
    server.fixed(
        "/silent",
        Reply::ok(RSS, fixture("empty.xml")).delay(Duration::from_secs(3)),
    );
    assert_eq!(
        problem(&one(&server.url(0, "/gone"))),
        &Problem::Status {
            code: 404,
            reason: "Not Found".into()
        }
    );
    assert_eq!(
        problem(&one(&server.url(0, "/broken"))),
        &Problem::Status {
            code: 500,
            reason: "Internal Server Error".into()
        }
    );
    // The server answers after 3 s: a timeout (rather than the late answer) shows that the
    // 400 ms read timeout cut the wait short.
    for path in ["/stall", "/silent"] {
        assert_eq!(
            problem(&one(&server.url(0, path))),
            &Problem::Timeout,
            "{path}"
        );
    }
    // A port nobody listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let refused = one(&format!("http://127.0.0.1:{port}/feed"));
    assert!(
        matches!(problem(&refused), Problem::Refused(h) if h == "127.0.0.1"),
        "{refused:?}"
    );
    assert!(
        refused.error().unwrap().to_string().contains("refused"),
        "{refused:?}"
    );
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn gzip_bodies_are_read_and_the_size_cap_holds() {
    let server = Server::start(1);
    let feed = fixture("rss2_gb2312.xml");
    server.route("/gz.xml", move |r| {
        if r.header("Accept-Encoding")
            .is_some_and(|v| v.contains("gzip"))
        {
            Reply::ok("text/xml", gzip(&feed)).header("Content-Encoding", "gzip")
        } else {
            Reply::status(406)
        }
    });
    let outcome = one(&server.url(0, "/gz.xml"));
    assert_eq!(
        items(&outcome)[0].title,
        "城市公园今日重新开放 市民踏青赏花"
    );

    let small = FetchOptions {
        max_bytes: 64 * 1024,
        ..options()
    };
    let big = format!(
        "<rss version=\"2.0\"><channel><title>big</title>{}</channel></rss>",
        "<item><title>x</title></item>".repeat(10_000)
    );
    server.fixed("/big.xml", Reply::ok(RSS, big.clone()));
    let request = |path: &str| FeedRequest::new(Subscription::new(server.url(0, path)));
    assert_eq!(
        problem(&one_with(request("/big.xml"), &small)),
        &Problem::TooLarge(64 * 1024)
    );
    // Compressed it is small; the cap counts what it inflates to.
    let packed = gzip(big.as_bytes());
    assert!(packed.len() < 64 * 1024);
    server.fixed(
        "/bomb.xml",
        Reply::ok(RSS, packed).header("Content-Encoding", "gzip"),
    );
    assert_eq!(
        problem(&one_with(request("/bomb.xml"), &small)),
        &Problem::TooLarge(64 * 1024)
    );
}

#[test]
fn charset_header_and_prolog_disagreeing() {
    let server = Server::start(1);
    // The header says UTF-8; the bytes and the prolog are GBK.
    server.fixed(
        "/mismatch.xml",
        Reply::ok("text/xml; charset=utf-8", fixture("charset_mismatch.xml")),
    );
    // The header says GB2312, the file is the UTF-8 RDF fixture.
    server.fixed(
        "/utf8.rdf",
        Reply::ok(
            "application/rdf+xml; charset=gb2312",
            fixture("rss1_rdf.xml"),
        ),
    );
    let outcome = one(&server.url(0, "/mismatch.xml"));
    let FeedOutcome::Updated { title, items, .. } = &outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(title.as_deref(), Some("编码不一致的频道"));
    assert_eq!(items[0].title, "服务器说是UTF-8，文件其实是GBK");
    let outcome = one(&server.url(0, "/utf8.rdf"));
    assert_eq!(items_of(&outcome)[0].title, "第一条：港口吞吐量创新高");
}

fn items_of(outcome: &FeedOutcome) -> &[newsreader::feed::FeedItem] {
    items(outcome)
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
    let outcome = one(&server.url(0, "/s/feed.xml"));
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
    let again = one_with(request, &options());
    assert_eq!(items_of(&again)[0].full_text, FullText::Known);
    assert_eq!(server.requests("/pages/science.html").len(), before);

    // With a limit of one page per refresh, the second waits for the next refresh.
    let limited = FetchOptions {
        full_text_limit: 1,
        ..options()
    };
    let outcome = one_with(
        FeedRequest::new(Subscription::new(server.url(0, "/s/feed.xml"))),
        &limited,
    );
    assert_eq!(
        items_of(&outcome)[1].full_text,
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
    let plain = one(&server.url(0, "/ft.xml"));
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
    let full = one_with(FeedRequest::new(sub), &options());
    let item = &items(&full)[0];
    assert_eq!(item.full_text, FullText::Fetched);
    assert_eq!(item.article.paragraph_count(), 12);
    assert!(item.article.sections[0].paragraphs[0].starts_with("第1段"));
}

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
