//! The second round of hostile and careless input against the real binary, outside the
//! reader: passwords in feed addresses (sent, never shown or exported), control and bidi
//! characters in feed names and file names (shown as escapes, never raw), OPML that comes
//! back identical, config limits taken consistently. Each test is named after the defect
//! it pins; the README's bad-input table says what the user sees.

#[path = "support/server.rs"]
mod server;
#[path = "support/terminal.rs"]
mod terminal;

use std::path::Path;
use std::process::{Command, Output};

use server::{Reply, Server};

fn newsreader(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsreader"));
    c.env("NEWSREADER_DATA_DIR", data)
        .env("NEWSREADER_CACHE_DIR", data.join("cache"))
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .env("NO_PROXY", "*");
    c
}

fn run(data: &Path, args: &[&str]) -> Output {
    newsreader(data)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Nothing that could start a terminal control sequence or reorder text: no control
/// character but the line feed, no bidi, zero-width or byte-order character.
fn assert_terminal_safe(s: &str, what: &str) {
    for c in s.chars() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}');
        assert!(!bad, "{what}: U+{:04X} in {s:?}", c as u32);
    }
}

const RSS: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>\
    <title>内部新闻</title><item><guid>g1</guid><title>第一条</title>\
    <description>会员才能看的消息。</description></item></channel></rss>";

#[test]
fn test_password_in_a_feed_address_is_sent_as_basic_auth_and_never_shown() {
    let server = Server::start(2);
    let other = server.url(1, "/elsewhere.xml");
    server.route("/members.xml", move |r| {
        // base64("alice:s3cret")
        if r.header("Authorization") == Some("Basic YWxpY2U6czNjcmV0") {
            Reply::ok("application/rss+xml", RSS)
        } else {
            Reply::status(401)
        }
    });
    server.route("/moved.xml", move |_| Reply::redirect(302, &other));
    server.fixed("/elsewhere.xml", Reply::ok("application/rss+xml", RSS));
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let with_login = |path: &str| {
        server
            .url(0, path)
            .replacen("http://", "http://alice:s3cret@", 1)
    };
    let mut seen = String::new();
    for args in [
        vec!["feeds", "add", &with_login("/members.xml")],
        vec!["feeds", "add", &with_login("/moved.xml")],
        vec!["fetch"],
        vec!["feeds", "list"],
        vec!["feeds", "export"],
    ] {
        let o = run(data, &args);
        seen.push_str(&text(&o.stdout));
        seen.push_str(&text(&o.stderr));
        if args[0] == "fetch" {
            assert!(o.status.success(), "{}", text(&o.stderr));
            assert!(text(&o.stdout).contains("0 failed"), "{}", text(&o.stdout));
        }
    }
    assert!(!seen.contains("s3cret"), "the password was shown:\n{seen}");
    assert!(
        seen.contains("alice:***@"),
        "the login is masked, not hidden:\n{seen}"
    );
    // The export carries no login at all.
    let export = text(&run(data, &["feeds", "export"]).stdout);
    assert!(!export.contains("alice"), "{export}");
    // Sent to the feed's own host, and not to the host a redirect led to.
    let sent = server.requests("/members.xml");
    assert!(sent.iter().all(|r| r.header("Authorization").is_some()));
    let redirected = server.requests("/elsewhere.xml");
    assert!(!redirected.is_empty());
    assert!(
        redirected
            .iter()
            .all(|r| r.header("Authorization").is_none())
    );
    // Not stored in the address either.
    let db = rusqlite::Connection::open(data.join("library.db")).unwrap();
    let urls: Vec<String> = db
        .prepare("SELECT url FROM feeds")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(urls.iter().all(|u| !u.contains("s3cret")), "{urls:?}");
}

#[test]
fn test_controls_in_feed_names_and_file_names_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let evil = "X\u{1b}]0;pwned\u{7}\u{9b}31m\u{202e}gpj.exe\nY";
    let mut seen = String::new();
    for args in [
        vec!["feeds", "add", "http://127.0.0.1:9/a.xml", "--name", evil],
        vec!["feeds", "list"],
        vec!["feeds", "export"],
        vec!["feeds", "remove", "http://127.0.0.1:9/\u{1b}[31mnope"],
    ] {
        let o = run(&data, &args);
        assert_terminal_safe(&text(&o.stdout), &format!("{args:?} stdout"));
        assert_terminal_safe(&text(&o.stderr), &format!("{args:?} stderr"));
        seen.push_str(&text(&o.stdout));
    }
    // Shown as escapes, so two such names can still be told apart.
    assert!(seen.contains("X\\u{1b}]0;pwned\\u{7}"), "{seen}");

    let name = "a\nb\u{1b}]0;t\u{7}\u{202e}.txt";
    let file = dir.path().join(name);
    std::fs::write(&file, "标题\n\n一段正文。\n").unwrap();
    let binary = dir.path().join("bad\u{1b}[31m.txt");
    std::fs::write(&binary, b"\0\0\0\x01\x02binary").unwrap();
    for flag in ["--json", "--outline", "--dump"] {
        let o = newsreader(&data)
            .args([flag, &file.to_string_lossy(), &binary.to_string_lossy()])
            .output()
            .unwrap();
        let (out, err) = (text(&o.stdout), text(&o.stderr));
        assert_terminal_safe(&out.replace("\n", ""), &format!("{flag} stdout"));
        assert_terminal_safe(&err, &format!("{flag} stderr"));
        assert!(err.contains("bad\\u{1b}[31m.txt"), "{flag}: {err}");
        if flag == "--json" {
            let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
            assert_eq!(
                v["path"],
                file.to_string_lossy().as_ref(),
                "read back intact"
            );
        }
    }
}

#[test]
fn test_opml_export_import_export_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let names = [
        "A&B",
        "A&amp;B already escaped",
        "<tags> and \"quotes\" and 'apostrophes'",
        "新闻联播 📰 emoji",
        "tab\there",
    ];
    for (i, name) in names.iter().enumerate() {
        let url = format!("http://127.0.0.1:9/{i}.xml?a=1&b=2");
        let o = run(&data, &["feeds", "add", &url, "--name", name]);
        assert!(o.status.success(), "{}", text(&o.stderr));
    }
    let first = text(&run(&data, &["feeds", "export"]).stdout);
    let file = dir.path().join("feeds.opml");
    std::fs::write(&file, &first).unwrap();
    let again = dir.path().join("again");
    let o = run(&again, &["feeds", "import", &file.to_string_lossy()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let second = text(&run(&again, &["feeds", "export"]).stdout);
    assert_eq!(second, first);
    assert!(first.contains("text=\"A&amp;B\""), "{first}");
    assert!(!first.contains("&amp;amp;B\""), "{first}");
}

#[test]
fn test_script_addresses_never_become_the_articles_address() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "og.html",
            "<html><head><base href=\"javascript:alert(1)//\">\
             <meta property=\"og:url\" content=\"javascript:alert(2)\"><title>标题</title></head>\
             <body><h1>标题</h1><p>正文内容，记者获悉。<a href=\"a.html\">链接</a></p></body></html>",
        ),
        (
            "canonical.html",
            "<html><head><link rel=\"canonical\" href=\"data:text/html,x\"><title>T</title></head>\
             <body><h1>T</h1><p>Body text.</p></body></html>",
        ),
        (
            "front.md",
            "---\ntitle: 标题\nurl: javascript:alert(3)\n---\n\n正文，[链接](b.html)。\n",
        ),
        (
            "good.md",
            "---\ntitle: 好\nurl: https://news.example/a.html\n---\n\n正文。\n",
        ),
    ];
    let mut args = vec!["--json".to_string()];
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        args.push(p.to_string_lossy().into_owned());
    }
    let o = newsreader(dir.path()).args(&args).output().unwrap();
    let urls: Vec<serde_json::Value> = text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["url"].clone())
        .collect();
    assert_eq!(
        urls,
        [
            serde_json::Value::Null,
            serde_json::Value::Null,
            serde_json::Value::Null,
            serde_json::json!("https://news.example/a.html")
        ]
    );
    assert!(
        !text(&o.stdout).contains("javascript:"),
        "{}",
        text(&o.stdout)
    );
}

#[test]
fn test_config_numbers_are_taken_consistently_and_the_largest_means_no_limit() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("news.txt");
    std::fs::write(&file, "标题\n\n正文。\n").unwrap();
    let config = dir.path().join("config.toml");
    let huge = "x".repeat(900_000);
    let cases: Vec<(String, Option<&str>)> = vec![
        // Accepted: up to the largest whole number, which means no limit.
        (format!("max-file-mb = {}", u64::MAX), None),
        (format!("refresh-minutes = {}", u64::MAX), None),
        ("refresh-minutes = 4294967296".into(), None),
        ("[layout]\nmax-width = 99999999999".into(), None),
        (format!("[layout]\nmax-width = {}", u64::MAX), None),
        (format!("library = [\"{huge}\"]"), None),
        // Refused, each with the same words.
        (format!("max-file-mb = {}0", u64::MAX), Some("line 1")),
        ("refresh-minutes = -1".into(), Some("line 1")),
        (
            format!("[layout]\nmax-width = {}0", u64::MAX),
            Some("line 2"),
        ),
        ("max-file-mb = 0".into(), Some("at least 1")),
        // A bad value of any length: quoted short.
        (format!("sort = \"{huge}\""), Some("…`")),
        (format!("[theme]\nsearch-current = \"{huge}\""), Some("…\"")),
        (format!("timezone = \"{huge}\""), Some("…\"")),
    ];
    for (toml, refused) in cases {
        std::fs::write(&config, &toml).unwrap();
        let o = newsreader(dir.path())
            .args([
                "--config",
                &config.to_string_lossy(),
                "--json",
                &file.to_string_lossy(),
            ])
            .output()
            .unwrap();
        let err = text(&o.stderr);
        let what = toml.chars().take(60).collect::<String>();
        match refused {
            None => assert!(o.status.success(), "{what}: {err}"),
            Some(says) => {
                assert_eq!(o.status.code(), Some(2), "{what}: {err}");
                assert!(err.contains(says), "{what}: {err}");
                assert!(err.len() < 1000, "{what}: a {} byte message", err.len());
                if toml.contains("= -1") || toml.ends_with('0') {
                    assert!(
                        err.contains("expected a whole number from 0 to 18446744073709551615")
                            || err.contains("at least 1"),
                        "{what}: {err}"
                    );
                }
            }
        }
    }
}

#[test]
fn test_the_largest_refresh_interval_starts_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, format!("refresh-minutes = {}\n", u64::MAX)).unwrap();
    let file = dir.path().join("news.txt");
    std::fs::write(&file, "标题\n\n第一段正文。\n").unwrap();
    let mut r = terminal::Reader::start(
        80,
        10,
        &dir.path().join("data"),
        &[
            "--config",
            &config.to_string_lossy(),
            &file.to_string_lossy(),
        ],
        &[],
    );
    r.wait_for("the article", |s| s.contains("第一段正文"));
    r.send("q");
}
