//! The library on the command line, on the real binary with a config of its own: with no
//! PATH, `--json`, `--outline` and `--dump` print the configured folders' files (from the
//! catalog when it holds their current parse, which prints exactly what parsing does) and
//! the feed items fetched from 127.0.0.1, in order; `list` prints the Articles list with its
//! filters; `search` finds what `/` in the Articles list finds, with the same counts, and
//! exits 1 when nothing matches; `feeds list` and `feeds export` name a feed by its title.

#[path = "support/server.rs"]
mod server;

use std::process::{Command, Output};

use newsreader::catalog::{Catalog, item_key};
use newsreader::layout::blocks;
use newsreader::search;
use server::{Reply, Server};

/// A library folder, a data folder and a config naming both (and the feeds given).
struct Setup {
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    config: std::path::PathBuf,
}

impl Setup {
    fn new(feeds: &[&str]) -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let lib = root.join("news");
        std::fs::create_dir_all(lib.join("b")).unwrap();
        std::fs::write(
            lib.join("a.txt"),
            "港口吞吐量创新高\n\n2024-05-01 上海\n\n今年一季度，港口集装箱吞吐量同比增长。港口方面表示，新航线是主要原因。\n",
        )
        .unwrap();
        std::fs::write(
            lib.join("b/c.md"),
            "# 城市公园重新开放\n\n经过半年整修，城市公园今天重新开放。港口附近的步道也已完工。\n\n## 花期\n\n花期将持续两周。\n",
        )
        .unwrap();
        std::fs::write(lib.join("b/bad.txt"), b"a\0b").unwrap();
        let mut text = format!("library = [\"{}\"]\ntimezone = \"+08:00\"\n", lib.display());
        for url in feeds {
            text.push_str(&format!("\n[[feeds]]\nurl = \"{url}\"\n"));
        }
        let config = root.join("config.toml");
        std::fs::write(&config, text).unwrap();
        Setup {
            _dir: dir,
            root,
            config,
        }
    }

    fn data(&self) -> std::path::PathBuf {
        self.root.join("data")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_newsreader"))
            .arg("--config")
            .arg(&self.config)
            .args(args)
            .env("NEWSREADER_DATA_DIR", self.data())
            .env("NEWSREADER_CACHE_DIR", self.root.join("cache"))
            .env("NO_PROXY", "*")
            .env_remove("NEWSREADER_LOG")
            .output()
            .expect("the binary runs")
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    out(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

const RSS: &str = "application/rss+xml";

fn feed() -> String {
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>本地快讯</title>\
     <item><guid>n1</guid><title>港口新航线开通</title><link>https://news.example/1</link>\
     <pubDate>Mon, 06 May 2024 09:00:00 +0800</pubDate>\
     <description>&lt;p&gt;连接港口与东南亚的新航线今天开通，港口方面表示欢迎。&lt;/p&gt;</description></item>\
     <item><guid>n2</guid><title>夜市重新开张</title><link>https://news.example/2</link>\
     <pubDate>Tue, 07 May 2024 20:00:00 +0800</pubDate>\
     <description>&lt;p&gt;老街夜市今晚重新开张。&lt;/p&gt;</description></item>\
     </channel></rss>"
        .to_string()
}

/// A server with the feed, a library subscribed to it, and the feed fetched.
fn fetched() -> (Server, String, Setup) {
    let server = Server::start(1);
    server.fixed("/news.xml", Reply::ok(RSS, feed()));
    let url = server.url(0, "/news.xml");
    let s = Setup::new(&[&url]);
    assert!(s.run(&["fetch"]).status.success());
    (server, url, s)
}

#[test]
fn regression_json_with_no_path_prints_the_library_not_the_sample() {
    let (_server, _, s) = fetched();

    let o = s.run(&["--json"]);
    assert_eq!(o.status.code(), Some(1), "a file failed: {}", err(&o));
    assert!(err(&o).contains("bad.txt"), "{}", err(&o));
    let v = json_lines(&o);
    let titles: Vec<&str> = v.iter().map(|a| a["title"].as_str().unwrap()).collect();
    // The folder's files as walked, then the items newest first.
    assert_eq!(
        titles,
        [
            "港口吞吐量创新高",
            "城市公园重新开放",
            "夜市重新开张",
            "港口新航线开通"
        ]
    );
    assert!(v[0]["path"].as_str().unwrap().ends_with("news/a.txt"));
    assert!(v[2]["path"].is_null());
    assert_eq!(v[2]["url"], "https://news.example/2");
    assert_eq!(v[3]["date"], "2024-05-06");

    let o = s.run(&["--outline"]);
    assert!(
        out(&o).starts_with("港口吞吐量创新高\n\n城市公园重新开放\n  花期\n\n夜市重新开张"),
        "{}",
        out(&o)
    );
    let o = s.run(&["--dump", "--width", "40"]);
    assert!(out(&o).contains("港口新航线开通"), "{}", out(&o));
    assert!(
        out(&o)
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 40)
    );
}

#[test]
fn the_catalogs_parse_prints_exactly_what_parsing_prints() {
    let s = Setup::new(&[]);
    let cold = s.run(&["--json"]);
    // `list` reads the folders into the catalog; the next `--json` reads them from there.
    assert!(s.run(&["list"]).status.success());
    let (c, _) = Catalog::open(Some(&s.data()));
    assert_eq!(c.parsed_ids().unwrap().len(), 2);
    drop(c);
    let warm = s.run(&["--json"]);
    assert_eq!(out(&cold), out(&warm));
    assert_eq!(err(&cold), err(&warm));
    // A file changed since the catalog read it is parsed again.
    let a = s.root.join("news/a.txt");
    std::fs::write(&a, "改过的标题\n\n新的正文，说明情况有了变化。\n").unwrap();
    let changed = json_lines(&s.run(&["--json"]));
    assert_eq!(changed[0]["title"], "改过的标题");
    // With PATHs, the catalog is not used at all.
    let named = json_lines(&s.run(&["--json", a.to_str().unwrap()]));
    assert_eq!(named.len(), 1);
    assert_eq!(named[0]["title"], "改过的标题");
}

/// Regression: a first run on the command line (`list`) left the search index without the
/// label of the parser that built it, so `search` took it for another parser's and read
/// every article, every time (18 s at 50,000 articles instead of the index's milliseconds).
#[test]
fn regression_list_leaves_an_index_that_search_trusts() {
    let s = Setup::new(&[]);
    assert!(s.run(&["list"]).status.success());
    let index = newsreader::index::LibraryIndex::open(&s.root.join("cache/index")).unwrap();
    let info = index.info().unwrap();
    assert_eq!(
        info.source.as_deref(),
        Some(newsreader::library::scan::index_source().as_str())
    );
    assert_eq!(info.articles, 2);
}

#[test]
fn json_keeps_the_order_of_many_files_read_on_every_core() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        std::fs::write(
            dir.path().join(format!("{i:04}.txt")),
            format!("第{i}篇文章的标题\n\n正文第一段，编号{i}。\n"),
        )
        .unwrap();
    }
    let o = Command::new(env!("CARGO_BIN_EXE_newsreader"))
        .arg("--json")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success());
    let v = json_lines(&o);
    assert_eq!(v.len(), 300);
    for (i, a) in v.iter().enumerate() {
        let path = a["path"].as_str().unwrap();
        assert!(path.ends_with(&format!("{i:04}.txt")), "{i}: {path}");
    }
}

#[test]
fn list_prints_the_articles_list_with_its_filters() {
    let (_server, url, s) = fetched();
    let o = s.run(&["list"]);
    assert!(o.status.success(), "{}", err(&o));
    let lines: Vec<String> = out(&o).lines().map(String::from).collect();
    // Newest first: the items (May), then the dated file (1 May), then the undated one.
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(
        lines[0],
        "* 2024-05-07 20:00  夜市重新开张  [本地快讯]  https://news.example/2"
    );
    assert!(
        lines[2].starts_with("* 2024-05-01        港口吞吐量创新高"),
        "{lines:?}"
    );
    assert!(lines[2].ends_with("news/a.txt"), "{lines:?}");
    assert!(
        lines[3].starts_with("*                   城市公园重新开放"),
        "{lines:?}"
    );

    let (mut c, _) = Catalog::open(Some(&s.data()));
    c.set_read(&item_key("n2"), true).unwrap();
    drop(c);
    let unread = out(&s.run(&["list", "--unread"]));
    assert_eq!(unread.lines().count(), 3);
    assert!(!unread.contains("夜市"));

    for name in ["本地快讯", url.as_str()] {
        let v = json_lines(&s.run(&["list", "--json", "--feed", name]));
        let titles: Vec<&str> = v.iter().map(|a| a["title"].as_str().unwrap()).collect();
        assert_eq!(titles, ["夜市重新开张", "港口新航线开通"], "{name}");
        assert_eq!(v[0]["unread"], false);
        assert_eq!(v[1]["unread"], true);
        assert_eq!(v[0]["feeds"], serde_json::json!(["本地快讯"]));
        assert_eq!(v[0]["url"], "https://news.example/2");
        assert!(v[0]["path"].is_null());
    }
    let o = s.run(&["list", "--feed", "没有这个频道"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("没有这个频道"), "{}", err(&o));
}

/// The counts `/` in the Articles list gives: the in-article matcher over the article's
/// blocks (which the index reproduces exactly).
fn matcher_count(s: &Setup, title: &str, query: &str) -> usize {
    let (c, _) = Catalog::open(Some(&s.data()));
    let id = c
        .parsed_ids()
        .unwrap()
        .into_iter()
        .find(|id| c.article(*id).unwrap().unwrap().title == title)
        .unwrap();
    let a = c.article(id).unwrap().unwrap();
    let b = blocks(&a);
    search::Index::new(&b)
        .count_and_first(&b, query)
        .map_or(0, |(n, _)| n)
}

#[test]
fn search_finds_what_the_reader_finds_with_the_same_counts() {
    let (_server, _, s) = fetched();
    let o = s.run(&["search", "--json", "港口"]);
    assert!(o.status.success(), "{}", err(&o));
    let v = json_lines(&o);
    let titles: Vec<&str> = v.iter().map(|a| a["title"].as_str().unwrap()).collect();
    // In list order.
    assert_eq!(
        titles,
        ["港口新航线开通", "港口吞吐量创新高", "城市公园重新开放"]
    );
    for hit in &v {
        let title = hit["title"].as_str().unwrap();
        let want = matcher_count(&s, title, "港口");
        assert_eq!(hit["count"], want, "{title}");
        assert!(hit["snippet"].as_str().unwrap().contains("港口"));
    }
    // Full-width and half-width forms fold together, as in the reader.
    let o = s.run(&["search", "２０２４"]);
    assert!(o.status.success());
    assert!(out(&o).contains("港口吞吐量创新高"), "{}", out(&o));

    // Without a usable index, every article is read: the same answer.
    let cache = s.root.join("cache");
    std::fs::remove_dir_all(&cache).unwrap();
    std::fs::write(&cache, "not a folder").unwrap();
    assert_eq!(json_lines(&s.run(&["search", "--json", "港口"])), v);

    let none = s.run(&["search", "不存在的词语"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(out(&none).is_empty());
    assert!(err(&none).contains("不存在的词语"));
    assert_eq!(s.run(&["search", "  "]).status.code(), Some(2));
}

#[test]
fn regression_feeds_list_and_export_name_a_feed_by_its_title() {
    let server = Server::start(1);
    server.fixed("/news.xml", Reply::ok(RSS, feed()));
    let url = server.url(0, "/news.xml");
    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_newsreader"))
            .args(args)
            .env("NEWSREADER_DATA_DIR", data.path())
            .env("NEWSREADER_CACHE_DIR", data.path())
            .env("NO_PROXY", "*")
            .output()
            .unwrap()
    };
    assert!(run(&["feeds", "add", &url]).status.success());
    let before = out(&run(&["feeds", "list"]));
    assert!(
        before.starts_with(&url),
        "no title before a fetch: {before}"
    );
    let o = run(&["fetch"]);
    assert!(out(&o).contains("1 feed: 2 new items"), "{}", out(&o));
    let list = out(&run(&["feeds", "list"]));
    assert!(list.starts_with("本地快讯\n"), "{list}");
    assert!(list.contains("2 items, 2 unread"), "{list}");
    let export = out(&run(&["feeds", "export"]));
    assert!(export.contains("本地快讯"), "{export}");
    // One item: singular.
    let (mut c, _) = Catalog::open(Some(data.path()));
    c.set_read(&item_key("n1"), true).unwrap();
    drop(c);
    let one = Server::start(1);
    one.fixed(
        "/one.xml",
        Reply::ok(
            RSS,
            "<rss version=\"2.0\"><channel><title>单条</title><item><guid>x</guid>\
             <title>只有一条</title></item></channel></rss>",
        ),
    );
    assert!(
        run(&["feeds", "add", &one.url(0, "/one.xml")])
            .status
            .success()
    );
    assert!(run(&["fetch"]).status.success());
    let list = out(&run(&["feeds", "list"]));
    assert!(
        list.contains("单条\n") && list.contains("  1 item, 1 unread"),
        "{list}"
    );
}

#[test]
fn regression_a_days_items_are_listed_by_time() {
    let server = Server::start(1);
    server.fixed(
        "/flash.xml",
        Reply::ok(RSS, server::fixture("title_only.xml")),
    );
    let s = Setup::new(&[&server.url(0, "/flash.xml")]);
    std::fs::remove_dir_all(s.root.join("news")).unwrap();
    std::fs::create_dir_all(s.root.join("news")).unwrap();
    assert!(s.run(&["fetch"]).status.success());
    let v = json_lines(&s.run(&["list", "--json"]));
    let titles: Vec<&str> = v.iter().map(|a| a["title"].as_str().unwrap()).collect();
    // Published at 13:26, 10:59, 10:43 and 13:22 on one day (+08:00).
    assert_eq!(
        titles,
        [
            "央行宣布下调存款准备金率0.25个百分点",
            "外汇储备规模保持稳定",
            "【快讯】沪指收涨0.8%",
            "国际油价小幅回落"
        ]
    );
}

#[test]
fn regression_an_item_whose_date_changes_is_updated() {
    let server = Server::start(1);
    let pub_date = std::sync::Arc::new(std::sync::Mutex::new("Mon, 06 May 2024 09:00:00 +0800"));
    let date = std::sync::Arc::clone(&pub_date);
    server.route("/news.xml", move |_| {
        let d = *date.lock().unwrap();
        Reply::ok(RSS, feed().replace("Mon, 06 May 2024 09:00:00 +0800", d))
    });
    let s = Setup::new(&[&server.url(0, "/news.xml")]);
    assert!(s.run(&["fetch"]).status.success());
    *pub_date.lock().unwrap() = "Wed, 08 May 2024 07:30:00 +0800";
    let o = s.run(&["fetch"]);
    assert!(out(&o).contains("1 updated"), "{}", out(&o));
    let v = json_lines(&s.run(&["list", "--json", "--feed", "本地快讯"]));
    assert_eq!(v[0]["title"], "港口新航线开通");
    assert_eq!(v[0]["date"], "2024-05-08");
    assert_eq!(v[0]["time"], "07:30");
}

#[test]
fn regression_after_the_upgrade_every_feed_is_fetched_whole_once() {
    let s = Setup::new(&[]);
    assert!(s.run(&["list"]).status.success());
    let db = s.data().join("library.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "INSERT INTO feeds (url, etag, last_modified) VALUES ('https://a.example/rss', '\"v1\"', 'x');
         DROP INDEX articles_list;
         DROP INDEX parsed_ids;
         ALTER TABLE articles DROP COLUMN time;
         PRAGMA user_version = 4;",
    )
    .unwrap();
    drop(conn);
    let (c, _) = Catalog::open(Some(&s.data()));
    let request = c
        .feed_request(&newsreader::feed::Subscription::new(
            "https://a.example/rss",
        ))
        .unwrap();
    assert_eq!(request.validators, Default::default());
    // The column is back, and a listing fills it.
    drop(c);
    assert!(s.run(&["list"]).status.success());
}

#[test]
fn a_command_does_not_take_files() {
    let o = Command::new(env!("CARGO_BIN_EXE_newsreader"))
        .args(["--json", "list"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("./fetch"), "{}", err(&o));
}
