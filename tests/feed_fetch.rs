//! Fetching a feed from a server on the loopback address: conditional requests (ETag and
//! Last-Modified), redirects (followed, looping, too many, to `file:`), error statuses,
//! timeouts, the size cap (declared and while decompressing), gzip and charsets. Full text
//! is tested in `fulltext_budget.rs`, many feeds at once in `feed_many.rs`.

#[path = "support/fetching.rs"]
mod fetching;
#[path = "support/server.rs"]
mod server;

use std::io::Write;
use std::time::Duration;

use fetching::{RSS, items, one, one_with, options, problem};
use newsreader::feed::{FeedOutcome, FeedRequest, FetchOptions, Problem, Subscription, Validators};
use server::{Reply, Server, fixture};

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
    let again = one(&server.url(0, "/utf8.rdf"));
    assert_eq!(self::items(&again)[0].title, "第一条：港口吞吐量创新高");
}
