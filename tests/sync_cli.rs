//! `newsreader sync` and the feed commands with sync on, on the real binary against the
//! replay server: the summary line and exit status, the feed list with folders and the
//! time of the last sync (also with the server down), subscriptions added, removed and
//! exported on the server, a change made here that survives a kill -9 in the middle of a
//! sync and reaches the server exactly once, and the password found nowhere: not in the
//! catalog, the config, the cache, the debug log, or anything any command printed.

#[path = "support/greader_server.rs"]
mod greader_server;
#[path = "support/http_server.rs"]
mod http_server;
#[path = "support/recordings.rs"]
mod recordings;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use greader_server::{Dialect, GReaderServer, GState, Stall, seed};
use newsreader::catalog::Catalog;

const PASSWORD: &str = "SeCrEt-Pa55-只在这里";

struct Setup {
    dir: tempfile::TempDir,
    config: PathBuf,
}

impl Setup {
    fn new(url: &str, password_command: Option<&str>) -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        let mut text =
            format!("[sync]\nprovider = \"greader\"\nurl = \"{url}\"\nuser = \"reader\"\n");
        if let Some(c) = password_command {
            text.push_str(&format!("password-command = \"{c}\"\n"));
        }
        std::fs::write(&config, text).unwrap();
        Setup { dir, config }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn command(&self, args: &[&str], password: Option<&str>) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_newsreader"));
        c.args(args);
        // After the command: before it, an argument makes the command a file name.
        if args != ["--print-config"] {
            c.arg("--config").arg(&self.config);
        }
        c.env("NEWSREADER_DATA_DIR", self.data())
            .env("NEWSREADER_LOG", self.dir.path().join("debug.log"))
            .env("NEWSREADER_CACHE_DIR", self.dir.path().join("cache"))
            .env("NO_PROXY", "*")
            .env_remove("NEWSREADER_SYNC_PASSWORD");
        if let Some(p) = password {
            c.env("NEWSREADER_SYNC_PASSWORD", p);
        }
        c
    }

    fn run(&self, args: &[&str], password: Option<&str>) -> Output {
        self.command(args, password).output().unwrap()
    }

    fn catalog(&self) -> Catalog {
        let (mut c, _) = Catalog::open(Some(&self.data()));
        c.set_synced(true);
        c
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn server() -> GReaderServer {
    GReaderServer::start(GState::seeded(
        Dialect::FreshRss,
        "reader",
        PASSWORD,
        &seed(),
    ))
}

#[test]
fn sync_says_what_it_did_and_the_feed_list_shows_folders_and_the_last_sync() {
    let server = server();
    let s = Setup::new(&server.base(), None);
    let o = s.run(&["sync"], Some(PASSWORD));
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.starts_with("2 feeds: 6 new items, 0 updated"), "{out}");
    assert_eq!(out.lines().count(), 1, "one summary line");
    let list = text(&s.run(&["feeds", "list"], None).stdout);
    assert!(list.contains("测试：城市生活 [新闻]"), "{list}");
    assert!(list.contains("3 items, 3 unread"), "{list}");
    assert!(list.contains("last sync: 2"), "{list}");
    let again = text(&s.run(&["fetch"], Some(PASSWORD)).stdout);
    assert!(
        again.starts_with("2 feeds: 0 new items"),
        "fetch syncs: {again}"
    );
}

#[test]
fn with_the_server_down_sync_fails_and_the_library_still_lists() {
    let server = server();
    let s = Setup::new(&server.base(), None);
    assert!(s.run(&["sync"], Some(PASSWORD)).status.success());
    server.http.stop();
    let o = s.run(&["sync"], Some(PASSWORD));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("could not be reached"),
        "{}",
        text(&o.stderr)
    );
    let list = text(&s.run(&["feeds", "list"], None).stdout);
    assert!(list.contains("3 items, 3 unread"), "{list}");
    assert!(list.contains("the last try failed"), "{list}");
    assert_eq!(s.catalog().item_entries().unwrap().len(), 6);
    let none = Setup::new(&server.base(), None);
    std::fs::write(&none.config, "").unwrap();
    let o = none.run(&["sync"], None);
    assert_eq!(o.status.code(), Some(2), "no [sync] is a usage mistake");
}

#[test]
fn feeds_add_remove_and_export_act_on_the_server() {
    let server = server();
    server.with(|st| {
        st.sources.insert(
            "http://127.0.0.1:9/tea.xml".into(),
            (
                "茶馆笔记".into(),
                "http://127.0.0.1:9/tea/".into(),
                Vec::new(),
            ),
        );
    });
    let s = Setup::new(&server.base(), None);
    let o = s.run(
        &[
            "feeds",
            "add",
            "http://127.0.0.1:9/tea.xml",
            "--name",
            "喝茶",
        ],
        Some(PASSWORD),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("subscribed on the sync server: 喝茶"));
    server.with(|st| assert!(st.feeds.iter().any(|f| f.title == "喝茶")));
    let again = s.run(
        &["feeds", "add", "http://127.0.0.1:9/tea.xml"],
        Some(PASSWORD),
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("Already subscribed"),
        "{}",
        text(&again.stderr)
    );
    let opml = text(&s.run(&["feeds", "export"], Some(PASSWORD)).stdout);
    assert!(
        opml.contains("http://127.0.0.1:9/tea.xml") && opml.contains("city.xml"),
        "{opml}"
    );
    let o = s.run(
        &["feeds", "remove", "http://127.0.0.1:9/tea.xml"],
        Some(PASSWORD),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    server.with(|st| assert_eq!(st.feeds.len(), 2));
    let import = s.dir.path().join("list.opml");
    std::fs::write(&import, opml).unwrap();
    let o = s.run(
        &["feeds", "import", import.to_str().unwrap()],
        Some(PASSWORD),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("(1 new on the server)"),
        "{}",
        text(&o.stdout)
    );
    server.with(|st| assert_eq!(st.feeds.len(), 3));
}

/// Marks an item read here, then runs `newsreader sync` and kills it (SIGKILL) while the
/// server holds its `edit-tag` (before or after acting on it); the next sync must leave
/// the item read on the server, having sent the change once in all.
fn killed_while_sending(when: Stall) {
    let server = server();
    let s = Setup::new(&server.base(), None);
    assert!(s.run(&["sync"], Some(PASSWORD)).status.success());
    {
        let mut c = s.catalog();
        let e = c
            .item_entries()
            .unwrap()
            .into_iter()
            .find(|e| e.title == "地铁新线试运行")
            .unwrap();
        c.set_read(&e.key, true).unwrap();
    }
    server.with(|st| st.stall = Some(("edit-tag".into(), when)));
    let mut child = s
        .command(&["sync"], Some(PASSWORD))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !server
        .http
        .log()
        .iter()
        .any(|(_, p)| p.ends_with("edit-tag"))
    {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the sync never sent"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(100));
    child.kill().unwrap();
    child.wait().unwrap();
    server.with(|st| st.stall = None);
    let o = s.run(&["sync"], Some(PASSWORD));
    assert!(o.status.success(), "{}", text(&o.stderr));
    let id = server.with(|st| {
        st.items
            .values()
            .find(|i| i.title == "地铁新线试运行")
            .unwrap()
            .id
    });
    server.with(|st| assert!(st.items[&id].read, "{when:?}"));
    let sends = server
        .http
        .log()
        .iter()
        .filter(|(_, p)| p.ends_with("edit-tag"))
        .count();
    let expected = match when {
        Stall::Before => 2,
        Stall::After => 1,
    };
    assert_eq!(
        sends, expected,
        "{when:?}: sent again only when the server had not taken it"
    );
    assert_eq!(s.catalog().sync_status().unwrap().queued, 0);
}

#[test]
fn a_change_survives_a_kill_before_the_server_took_it() {
    killed_while_sending(Stall::Before);
}

#[test]
fn a_change_the_server_took_before_a_kill_is_not_sent_again() {
    killed_while_sending(Stall::After);
}

/// Every file under `dir`, read whole.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files(&p));
            } else if let Ok(b) = std::fs::read(&p) {
                out.push((p, b));
            }
        }
    }
    out
}

#[test]
fn the_password_is_found_nowhere() {
    let server = server();
    let keeper = tempfile::tempdir().unwrap();
    let secret = keeper.path().join("password");
    std::fs::write(&secret, format!("{PASSWORD}\n")).unwrap();
    let cmd = format!("cat {}", secret.display());
    let s = Setup::new(&server.base(), Some(&cmd));
    let mut printed = Vec::new();
    let mut keep = |o: Output| {
        printed.extend(o.stdout);
        printed.extend(o.stderr);
    };
    let ok = s.run(&["sync"], None);
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    keep(ok);
    {
        let mut c = s.catalog();
        let e = c.item_entries().unwrap().remove(0);
        c.set_read(&e.key, true).unwrap();
        c.set_starred(&e.key, true).unwrap();
    }
    keep(s.run(&["sync"], None));
    keep(s.run(&["feeds", "list"], None));
    keep(s.run(&["feeds", "export"], None));
    keep(s.run(&["--print-config"], None));
    // A wrong password, a server that refuses it, a failing command, a server down.
    server.with(|st| st.password = "changed".into());
    let refused = s.run(&["sync"], None);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("refused the user name or password"));
    keep(refused);
    keep(s.run(&["feeds", "add", "http://127.0.0.1:9/x.xml"], None));
    let failing = Setup::new(&server.base(), Some(&format!("{cmd}; exit 4")));
    keep(failing.run(&["sync"], None));
    let down = Setup::new(
        &format!("http://127.0.0.1:{}/", http_server::dead_port()),
        None,
    );
    keep(down.run(&["sync"], Some(PASSWORD)));
    let needle = PASSWORD.as_bytes();
    let holds = |b: &[u8]| b.windows(needle.len()).any(|w| w == needle);
    assert!(!holds(&printed), "printed: {}", text(&printed));
    for (path, bytes) in files(s.dir.path())
        .into_iter()
        .chain(files(failing.dir.path()))
    {
        assert!(
            !holds(&bytes),
            "{} holds the password: {}",
            path.display(),
            text(&bytes)
        );
    }
    let data = files(&s.data());
    assert!(
        data.iter().any(|(p, _)| p.ends_with("library.db")),
        "the catalog was looked at"
    );
    let log = std::fs::read_to_string(s.dir.path().join("debug.log")).unwrap();
    assert!(
        log.contains("sync: POST /accounts/ClientLogin -> 200"),
        "the log was looked at: {log}"
    );
}

#[test]
fn list_shows_synced_items_with_their_read_and_starred_state() {
    let server = server();
    let read_there = server.with(|st| {
        let it = st
            .items
            .values_mut()
            .find(|i| i.title == "老街上的早点铺")
            .unwrap();
        it.read = true;
        it.starred = true;
        it.id
    });
    let _ = read_there;
    let s = Setup::new(&server.base(), None);
    assert!(s.run(&["sync"], Some(PASSWORD)).status.success());
    {
        let mut c = s.catalog();
        let e = c
            .item_entries()
            .unwrap()
            .into_iter()
            .find(|e| e.title == "Why the tomatoes split")
            .unwrap();
        c.set_starred(&e.key, true).unwrap();
    }
    let o = s.run(&["list", "--json"], None);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let rows: Vec<serde_json::Value> = text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 6, "the synced items, not the local feeds'");
    let row = |title: &str| rows.iter().find(|r| r["title"] == title).unwrap().clone();
    assert_eq!(row("老街上的早点铺")["unread"], false);
    assert_eq!(row("老街上的早点铺")["starred"], true);
    assert_eq!(
        row("Why the tomatoes split")["starred"],
        true,
        "a star made here"
    );
    assert_eq!(row("Why the tomatoes split")["unread"], true);
    assert_eq!(row("社区图书角开放了")["starred"], false);
    assert_eq!(
        row("社区图书角开放了")["feeds"],
        serde_json::json!(["测试：城市生活"])
    );
    let lines = text(&s.run(&["list", "--unread"], None).stdout);
    assert_eq!(lines.lines().count(), 5, "{lines}");
    assert!(lines.contains("★ Why the tomatoes split"), "{lines}");
}
