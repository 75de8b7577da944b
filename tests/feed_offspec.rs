//! Feeds as real sites serve them, off the spec: a bare `&` in links and text, a stray `<`
//! in a title behind a BOM, HTML left unescaped in a description, control characters, a
//! PHP notice before the XML, a document cut short, JSON Feed with numeric ids, RSS 1.0
//! with modules and RSS 0.90. Every item that can be read is read, and what was repaired is
//! listed (for the debug log), never reported as an error. Also pinned here: the item's own
//! date wins over a date in its text, a title is never shown twice, and only the feed's own
//! name is cut from a title. Each fixture is served once from 127.0.0.1 too, and a second
//! fetch is answered `304 Not Modified`.

#[path = "support/server.rs"]
mod server;

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use newsreader::feed::{
    FeedItem, FeedOutcome, FeedRequest, FetchOptions, Fix, ParseContext, ParsedFeed, Subscription,
    Zone, fetch, parse_feed,
};
use server::{Reply, Server, fixture};

fn read(name: &str) -> ParsedFeed {
    let cx = ParseContext {
        url: "https://feeds.example/feed".to_string(),
        zone: Zone::Offset(8 * 3600),
        now: DateTime::parse_from_rfc3339("2024-11-28T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc),
    };
    parse_feed(&fixture(name), None, &cx).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn fixes(feed: &ParsedFeed) -> Vec<Fix> {
    feed.repairs.iter().map(|r| r.fix).collect()
}

fn paragraphs(item: &FeedItem) -> Vec<&str> {
    item.article
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(String::as_str))
        .collect()
}

fn titles(feed: &ParsedFeed) -> Vec<&str> {
    feed.items.iter().map(|i| i.title.as_str()).collect()
}

#[test]
fn regression_bare_ampersands_in_links_and_text_are_read() {
    let feed = read("bare_ampersand.xml");
    assert_eq!(feed.title.as_deref(), Some("公众号 & 文摘"));
    assert_eq!(titles(&feed), ["研发&测试：一周回顾", "第二篇：R&D 与 Q&A"]);
    let first = &feed.items[0];
    assert_eq!(
        first.link.as_deref(),
        Some("https://mp.example/s?__biz=MzI1NTA4&mid=2651&idx=1&sn=8f3a")
    );
    assert_eq!(
        first.guid,
        "https://mp.example/s?__biz=MzI1NTA4&mid=2651&idx=1"
    );
    assert_eq!(
        paragraphs(first),
        ["本周团队完成了两项重要改进 & 一次发布，详见 https://mp.example/s?a=1&b=2 。"]
    );
    // Known references are decoded; a broken one stays as it was written.
    assert_eq!(
        paragraphs(&feed.items[1]),
        ["这一篇说的是 AT&T 与 … 以及 是否 & 其它 &#x;不完整的引用 &12345;"]
    );
    assert_eq!(fixes(&feed), [Fix::BareAmpersand, Fix::BadAttribute]);
    let line = feed.repairs[0].line;
    assert_eq!(line, 4, "the first bare `&` is in the channel's title");
}

#[test]
fn regression_a_stray_less_than_in_a_title_behind_a_bom_is_text() {
    let bytes = fixture("stray_lt_bom.xml");
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "the fixture has a BOM"
    );
    let feed = read("stray_lt_bom.xml");
    assert_eq!(feed.title.as_deref(), Some("财经评论"));
    assert_eq!(
        titles(&feed),
        [
            "转载自<草根网>的一篇评论",
            "Rust 的 Vec<T> 与 Option<T>",
            "第三篇 <=> 比较"
        ]
    );
    assert_eq!(
        paragraphs(&feed.items[0]),
        ["本文原载于<草根网>，作者授权转载。如果 a < b 且 b<c，那么 a<c。"]
    );
    // HTML left unescaped in a description, its `<p>` never closed, reaches the HTML
    // front end whole.
    assert_eq!(
        paragraphs(&feed.items[1]),
        ["正文第一段。", "正文第二行。", "正文第二段。"]
    );
    assert_eq!(fixes(&feed), [Fix::MarkupInText]);
}

#[test]
fn regression_control_characters_never_reach_a_string() {
    let feed = read("control_chars.xml");
    assert_eq!(feed.title.as_deref(), Some("控制字符"));
    assert_eq!(titles(&feed), ["标题里有退格和[31m转义", "第二条"]);
    assert_eq!(
        paragraphs(&feed.items[0]),
        ["正文里有垂直制表符和换页符，还有删除符。"]
    );
    for item in &feed.items {
        for s in item.article.texts() {
            assert_eq!(newsreader::decode::first_unsafe(s), None, "{s:?}");
        }
    }
}

#[test]
fn regression_text_before_the_xml_and_a_document_cut_short() {
    let feed = read("junk_and_truncated.xml");
    assert_eq!(feed.title.as_deref(), Some("地方新闻"));
    // The second item's tags are spelled in two cases; the third is cut off mid-text.
    assert_eq!(
        titles(&feed),
        ["河道整治工程完工", "夜市重新开张", "图书馆延长开放时间"]
    );
    assert_eq!(feed.items[0].guid, "local-1");
    assert_eq!(
        paragraphs(&feed.items[2]),
        ["从下周起，市图书馆每天开放到晚上十点，方便"]
    );
    let fixes = fixes(&feed);
    for want in [
        Fix::ClosedImplicitly,
        Fix::StrayEndTag,
        Fix::NameCase,
        Fix::BadAttribute,
        Fix::OutsideRoot,
    ] {
        assert!(fixes.contains(&want), "{want:?} in {fixes:?}");
    }
}

#[test]
fn regression_json_feed_with_numeric_ids() {
    let feed = read("json_numeric_ids.json");
    assert_eq!(feed.title.as_deref(), Some("数字编号的 JSON Feed"));
    let guids: Vec<&str> = feed.items.iter().map(|i| i.guid.as_str()).collect();
    assert_eq!(guids, ["1024", "1025", "true"]);
    assert_eq!(feed.items[0].author.as_deref(), Some("编辑部"));
    assert_eq!(feed.items[2].author.as_deref(), Some("李四"));
    // No title: the text stands in for it, and is not shown a second time below it.
    let untitled = &feed.items[1];
    assert_eq!(untitled.title, "没有标题的条目，只有正文。");
    assert!(
        paragraphs(untitled).is_empty(),
        "{:?}",
        paragraphs(untitled)
    );
    assert_eq!(fixes(&feed), [Fix::JsonType]);
}

#[test]
fn rss_1_with_modules_and_rss_090() {
    let feed = read("rss1_modules.rdf");
    assert_eq!(feed.title.as_deref(), Some("国际台 | 中文新闻"));
    assert_eq!(titles(&feed), ["欧洲议会选举前瞻", "气候会议闭幕"]);
    let first = &feed.items[0];
    assert_eq!(first.guid, "https://intl.example/zh/a-100");
    assert_eq!(first.author.as_deref(), Some("记者甲"));
    assert_eq!(
        first.published.map(|d| d.to_rfc3339()).as_deref(),
        Some("2024-05-06T08:00:00+00:00")
    );
    // content:encoded is the article, not the description.
    assert_eq!(
        paragraphs(first),
        [
            "选举将在六月举行，各党派已开始竞选活动。",
            "分析人士认为，投票率将是关键。"
        ]
    );
    assert!(feed.repairs.is_empty(), "{:?}", feed.repairs);
    let old = read("rss090.rdf");
    assert_eq!(old.title.as_deref(), Some("老式频道"));
    assert_eq!(titles(&old), ["最早的格式", "第二条"]);
    assert_eq!(
        old.items[0].link.as_deref(),
        Some("http://old.example/1.html")
    );
    assert_eq!(fixes(&old), [Fix::OldNamespace]);
}

#[test]
fn regression_the_items_date_wins_over_a_date_in_its_text() {
    let feed = read("text_dates.xml");
    let shown: Vec<(Option<&str>, Option<&str>)> = feed
        .items
        .iter()
        .map(|i| (i.article.date.as_deref(), i.article.time.as_deref()))
        .collect();
    assert_eq!(
        shown,
        [
            (Some("2018-09-18"), Some("14:35")),
            (Some("2024-08-22"), Some("07:10")),
            // No date in the item: the one in its text is used.
            (Some("2024-05-03"), None),
        ]
    );
    assert_eq!(feed.items[2].published, None);
}

#[test]
fn regression_a_title_only_item_never_shows_its_title_twice() {
    let feed = read("title_only.xml");
    for item in &feed.items {
        let first = paragraphs(item).first().copied().unwrap_or_default();
        assert_ne!(first, item.title);
        assert_eq!(item.article.title, item.title);
    }
    assert!(paragraphs(&feed.items[0]).is_empty());
    // The same words with other punctuation, spacing or width are the same title.
    assert!(paragraphs(&feed.items[1]).is_empty());
    assert!(paragraphs(&feed.items[2]).is_empty());
    assert_eq!(
        paragraphs(&feed.items[3]),
        ["截至四月末，外汇储备规模与上月基本持平。"]
    );
}

#[test]
fn regression_only_the_feeds_own_name_is_cut_from_a_title() {
    let feed = read("site_suffix.xml");
    assert_eq!(
        titles(&feed),
        [
            "打造高效的工作环境 – Shell 篇",
            "每周清单第十期",
            "读书：深度工作"
        ]
    );
    for item in &feed.items {
        assert_eq!(item.article.title, item.title);
    }
}

/// Every off-spec fixture, served with an `ETag` from 127.0.0.1: read on the first fetch,
/// `304 Not Modified` on the second.
#[test]
fn every_off_spec_feed_is_fetched_then_answered_304() {
    let names = [
        "bare_ampersand.xml",
        "stray_lt_bom.xml",
        "control_chars.xml",
        "junk_and_truncated.xml",
        "json_numeric_ids.json",
        "rss1_modules.rdf",
        "rss090.rdf",
        "text_dates.xml",
        "title_only.xml",
        "site_suffix.xml",
        "fuzz_stray_declaration.xml",
        "broken.xml",
    ];
    let server = Server::start(1);
    for name in names {
        let body = fixture(name);
        let tag = format!("\"{name}\"");
        server.route(&format!("/{name}"), move |r| {
            if r.header("If-None-Match") == Some(tag.as_str()) {
                Reply::status(304)
            } else {
                Reply::ok("application/xml", body.clone()).header("ETag", &tag)
            }
        });
    }
    let options = FetchOptions {
        read_timeout: Duration::from_secs(2),
        zone: Zone::Offset(8 * 3600),
        ..FetchOptions::default()
    };
    let requests: Vec<FeedRequest> = names
        .iter()
        .map(|n| FeedRequest::new(Subscription::new(server.url(0, &format!("/{n}")))))
        .collect();
    let first = fetch(&requests, &options, |_| {});
    let mut again = Vec::new();
    for (outcome, (request, name)) in first.iter().zip(requests.iter().zip(names)) {
        let FeedOutcome::Updated { validators, .. } = outcome else {
            panic!("{name}: {outcome:?}");
        };
        again.push(FeedRequest {
            validators: validators.clone(),
            ..request.clone()
        });
    }
    let second = fetch(&again, &options, |_| {});
    for (outcome, name) in second.iter().zip(names) {
        assert_eq!(outcome, &FeedOutcome::NotModified, "{name}");
    }
}

/// What was repaired is said in the debug log (`NEWSREADER_LOG`), never on the terminal:
/// `fetch` reports a repaired feed as fetched, with nothing on standard error.
#[test]
fn repairs_go_to_the_debug_log_only() {
    let server = Server::start(1);
    server.fixed(
        "/amp.xml",
        Reply::ok("application/rss+xml", fixture("bare_ampersand.xml")),
    );
    let data = tempfile::tempdir().unwrap();
    let log = data.path().join("debug.log");
    let run = |args: &[&str], log: Option<&Path>| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_newsreader"));
        c.args(args)
            .env("NEWSREADER_DATA_DIR", data.path())
            .env("NEWSREADER_CACHE_DIR", data.path())
            .env("NO_PROXY", "*")
            .env_remove("NEWSREADER_LOG");
        if let Some(log) = log {
            c.env("NEWSREADER_LOG", log);
        }
        c.output().unwrap()
    };
    let url = server.url(0, "/amp.xml");
    assert!(run(&["feeds", "add", &url], None).status.success());
    let o = run(&["fetch"], Some(&log));
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
    );
    assert!(o.status.success(), "{err}");
    assert!(out.contains("2 new items"), "{out}");
    assert!(
        !err.contains("repaired") && !out.contains("repaired"),
        "{err}{out}"
    );
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains(&url), "{logged}");
    assert!(
        logged.contains(newsreader::strings::REPAIR_LOG_HEAD),
        "{logged}"
    );
    assert!(
        logged.contains(newsreader::strings::REPAIR_BARE_AMPERSAND),
        "{logged}"
    );
    // A log file that cannot be opened is said once, and the command still runs.
    let o = run(&["fetch"], Some(Path::new("/nonexistent/dir/log")));
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("NEWSREADER_LOG=/nonexistent/dir/log"), "{err}");
}
