//! The second round of hostile and careless input against the real binary, outside the
//! reader: passwords in feed addresses (sent, never shown or exported), control and bidi
//! characters in feed names and file names (shown as escapes, never raw), OPML that comes
//! back identical, config limits taken consistently. Each test is named after the defect
//! it pins; the README's bad-input table says what the user sees.

#[path = "support/server.rs"]
mod server;

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
