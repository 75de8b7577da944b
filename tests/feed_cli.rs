//! The feed commands on the real binary, against a server on the loopback address:
//! subscribing (`feeds add`, `feeds import`), `fetch` with its summary and exit status (1 when
//! a feed fails, the others still stored), a second fetch costing nothing (304), `feeds list`
//! with the last error, `feeds export` round-tripping, and items stored once however many
//! feeds carry them, updated in place with their reading position and read mark kept.

#[path = "support/server.rs"]
mod server;

use std::path::Path;
use std::process::{Command, Output};

use newsreader::catalog::{Catalog, item_key};
use newsreader::layout::Place;
use newsreader::model::StoredPlace;
use server::{Reply, Server};

const RSS: &str = "application/rss+xml; charset=utf-8";

fn rss(items: &[(&str, &str, &str)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>\
         <title>测试新闻</title><link>http://example.org/</link>",
    );
    for (guid, title, body) in items {
        out.push_str(&format!(
            "<item><guid>{guid}</guid><title>{title}</title>\
             <pubDate>Tue, 01 Dec 2026 08:00:00 +0800</pubDate>\
             <description><![CDATA[<p>{body}</p>]]></description></item>"
        ));
    }
    out.push_str("</channel></rss>");
    out
}

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsreader"))
        .args(args)
        .env("NEWSREADER_DATA_DIR", data)
        .env("NEWSREADER_CACHE_DIR", data)
        .env("NO_PROXY", "*")
        .output()
        .expect("the binary runs")
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

const LONG: &str = "记者今天从有关部门获悉，今年全国夏粮收购工作进展顺利，小麦价格总体平稳。\
    专家表示，市场供应充足，农民增收有保障。这一段文字足够长，读起来像一篇新闻的正文，\
    不会被当作摘要。专家还说，今年的天气对收成有利，各地的粮库已经做好了准备，\
    收购工作会持续到下个月底。农民们对今年的收成很有信心，市场价格也比去年稳定。";

#[test]
fn subscribe_fetch_and_fetch_again() {
    let server = Server::start(1);
    let body = rss(&[("g1", "第一条新闻", LONG), ("g2", "第二条新闻", LONG)]);
    server.route("/news.xml", move |r| {
        if r.header("If-None-Match") == Some("\"v1\"") {
            Reply::status(304)
        } else {
            Reply::ok(RSS, body.clone()).header("ETag", "\"v1\"")
        }
    });
    server.fixed("/gone.xml", Reply::status(404));
    let data = tempfile::tempdir().unwrap();
    let d = data.path();

    let o = run(
        d,
        &[
            "feeds",
            "add",
            &server.url(0, "/news.xml"),
            "--name",
            "本地新闻",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("subscribed: 本地新闻"));
    let o = run(d, &["feeds", "add", "file:///etc/passwd"]);
    assert_eq!(o.status.code(), Some(2), "only web addresses");
    let o = run(d, &["feeds", "add", &server.url(0, "/gone.xml")]);
    assert!(o.status.success());

    // One feed fails: exit 1, the other's items stored all the same.
    let o = run(d, &["fetch"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("2 feeds: 2 new items, 0 updated, 0 unchanged, 1 failed"),
        "{}",
        text(&o.stdout)
    );
    assert!(
        text(&o.stderr).contains("/gone.xml: the server answered HTTP 404"),
        "{}",
        text(&o.stderr)
    );
    let (c, _) = Catalog::open(Some(d));
    let items = c.item_entries().unwrap();
    assert_eq!(items.len(), 2);
    assert!(
        items
            .iter()
            .all(|e| e.source.as_deref() == Some("本地新闻"))
    );
    drop(c);

    // `feeds list` shows the error; after removing the bad feed, fetch costs a 304.
    let o = run(d, &["feeds", "list"]);
    let list = text(&o.stdout);
    assert!(
        list.contains("本地新闻") && list.contains("2 items, 2 unread"),
        "{list}"
    );
    assert!(
        list.contains("last fetch failed: the server answered HTTP 404"),
        "{list}"
    );
    let o = run(d, &["feeds", "remove", &server.url(0, "/gone.xml")]);
    assert!(o.status.success());
    let o = run(d, &["fetch"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("1 feed: 0 new items, 0 updated, 1 unchanged, 0 failed"));
    assert_eq!(server.requests("/news.xml").len(), 2);
}

#[test]
fn an_item_that_changes_is_updated_in_place_and_keeps_its_place_and_read_mark() {
    let server = Server::start(1);
    let version = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(1));
    for path in ["/a.xml", "/b.xml"] {
        let v = std::sync::Arc::clone(&version);
        server.route(path, move |_| {
            let n = v.load(std::sync::atomic::Ordering::SeqCst);
            let body = format!("{LONG}（第{n}版）");
            Reply::ok(RSS, rss(&[("shared", "共同的新闻", &body)]))
        });
    }
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    for path in ["/a.xml", "/b.xml"] {
        assert!(
            run(d, &["feeds", "add", &server.url(0, path)])
                .status
                .success()
        );
    }
    assert!(run(d, &["fetch"]).status.success());
    let key = item_key("shared");
    let (mut c, _) = Catalog::open(Some(d));
    let items = c.item_entries().unwrap();
    assert_eq!(items.len(), 1, "one article for two feeds");
    assert_eq!(items[0].feeds.len(), 2);
    assert_eq!(
        items[0].source.as_deref(),
        Some("测试新闻"),
        "a feed added without a name is named by its own title"
    );
    let id = items[0].id;
    let place = StoredPlace::Place(Place {
        section: 0,
        paragraph: Some(0),
        offset: 12,
    });
    c.set_position(&key, place).unwrap();
    c.set_read(&key, true).unwrap();
    drop(c);

    version.store(2, std::sync::atomic::Ordering::SeqCst);
    let o = run(d, &["fetch"]);
    assert!(text(&o.stdout).contains("1 updated"), "{}", text(&o.stdout));
    let (c, _) = Catalog::open(Some(d));
    let items = c.item_entries().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, id, "updated in place");
    assert!(items[0].read, "still read");
    assert_eq!(c.position(&key).unwrap(), Some(place));
    let article = c.article(id).unwrap().unwrap();
    assert!(article.texts().any(|t| t.contains("第2版")));
}

#[test]
fn opml_import_and_export() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let opml = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/feeds.opml");
    let o = run(d, &["feeds", "import", opml.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let imported = newsreader::feed::opml::import(std::fs::read(&opml).unwrap()).unwrap();
    assert!(text(&o.stdout).starts_with(&format!(
        "{} feeds in the file ({} new)",
        imported.len(),
        imported.len()
    )));
    let o = run(d, &["feeds", "export"]);
    let exported = newsreader::feed::opml::import(o.stdout).unwrap();
    let urls = |s: &[newsreader::feed::Subscription]| {
        let mut u: Vec<String> = s.iter().map(|x| x.url.clone()).collect();
        u.sort();
        u
    };
    assert_eq!(urls(&exported), urls(&imported));
    let o = run(d, &["feeds", "import", "/nonexistent.opml"]);
    assert_eq!(o.status.code(), Some(1));
}

/// The reader's `R`: items fetched in the background appear in the Articles list, the status
/// bar says what came in, and a feed that failed is named with its reason.
#[test]
fn r_in_the_reader_refreshes_in_the_background_and_names_a_failed_feed() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    let server = Server::start(1);
    let body = rss(&[("r1", "后台刷新的新闻", LONG)]);
    server.fixed("/news.xml", Reply::ok(RSS, body));
    server.fixed("/broken.xml", Reply::status(500));
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    assert!(
        run(
            d,
            &[
                "feeds",
                "add",
                &server.url(0, "/news.xml"),
                "--name",
                "本地"
            ]
        )
        .status
        .success()
    );
    assert!(
        run(
            d,
            &[
                "feeds",
                "add",
                &server.url(0, "/broken.xml"),
                "--name",
                "坏的"
            ]
        )
        .status
        .success()
    );

    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_newsreader"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("NEWSREADER_DATA_DIR", d);
    cmd.env("NEWSREADER_CACHE_DIR", d);
    cmd.env("NO_PROXY", "*");
    cmd.env("XDG_CONFIG_HOME", d);
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(24).unwrap(),
        std::num::NonZeroU16::new(100).unwrap(),
        0,
    )));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let sink = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut writer = pair.master.take_writer().unwrap();
    let wait = |what: &str, check: &dyn Fn(&str) -> bool| {
        let start = Instant::now();
        loop {
            let text = screen.lock().unwrap().screen().contents();
            if check(&text) {
                return text;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no {what}:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    wait("first frame", &|t| t.contains("Articles"));
    writer.write_all(b"R").unwrap();
    writer.flush().unwrap();
    let text = wait("the refresh's result", &|t| t.contains("1 new items"));
    assert!(text.contains("后台刷新的新闻"), "{text}");
    assert!(text.contains("坏的"), "the failed feed is named:\n{text}");
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let _ = child.wait();
}
