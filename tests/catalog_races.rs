//! One library used by several processes at once, on the real binary: a lock held from
//! outside is waited for (and, past the busy timeout, reported) but never taken for damage;
//! fetches running at once, subscriptions made at the same instant on an empty data folder,
//! and an older schema opened by several commands at once all end with everything kept and
//! nothing moved aside. Each race runs ten trials with two and with four processes.

#[path = "support/feed_farm.rs"]
mod feed_farm;
#[path = "support/server.rs"]
mod server;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use newsreader::catalog::{Catalog, FILE_NAME, SCHEMA_VERSION};
use rusqlite::Connection;
use server::Server;

const TRIALS: usize = 10;

fn newsreader(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsreader"));
    c.env("NEWSREADER_DATA_DIR", data)
        .env("NEWSREADER_CACHE_DIR", data.join("cache"))
        .env("NO_PROXY", "*")
        .env_remove("NEWSREADER_BUSY_TIMEOUT_MS")
        // No config but what a test writes.
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn spawn(data: &Path, args: &[&str]) -> Child {
    newsreader(data)
        .args(args)
        .spawn()
        .expect("the binary runs")
}

fn finished(child: Child) -> Output {
    child.wait_with_output().expect("the binary ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Files some process moved aside as damaged.
fn asides(data: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(data)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().contains(".corrupt-"))
                .collect()
        })
        .unwrap_or_default()
}

fn feed_urls(data: &Path) -> Vec<String> {
    let (c, _) = Catalog::open(Some(data));
    let mut urls: Vec<String> = c
        .feeds()
        .unwrap()
        .into_iter()
        .map(|f| f.subscription.url)
        .collect();
    urls.sort();
    urls
}

#[test]
fn a_lock_held_from_outside_is_waited_for_and_never_taken_for_damage() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let first = finished(spawn(data, &["feeds", "add", "http://127.0.0.1:9/a.xml"]));
    assert!(first.status.success(), "{}", text(&first.stderr));

    // Another program (the sqlite3 shell, a backup) takes the database for itself.
    let holder = Connection::open(data.join(FILE_NAME)).unwrap();
    holder
        .execute_batch(
            "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;
             INSERT INTO settings (name, value) VALUES ('held', '1');",
        )
        .unwrap();

    // Past the busy timeout: a clear message, exit 1, nothing changed.
    let listed = finished(
        newsreader(data)
            .env("NEWSREADER_BUSY_TIMEOUT_MS", "300")
            .args(["feeds", "list"])
            .spawn()
            .unwrap(),
    );
    let err = text(&listed.stderr);
    assert_eq!(listed.status.code(), Some(1), "{err}");
    assert!(err.contains("locked by another program"), "{err}");
    assert!(!err.contains("moved aside"), "{err}");

    // Within the busy timeout: waited for, then done.
    let adding = spawn(data, &["feeds", "add", "http://127.0.0.1:9/b.xml"]);
    std::thread::sleep(Duration::from_millis(700));
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    let added = finished(adding);
    assert!(added.status.success(), "{}", text(&added.stderr));

    assert!(asides(data).is_empty(), "moved aside: {:?}", asides(data));
    assert_eq!(
        feed_urls(data),
        ["http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml"]
    );
}

#[test]
fn fetches_running_at_once_keep_the_library() {
    const FEEDS: usize = 3;
    const ITEMS: usize = 4;
    let server = Server::start(4);
    let requests = feed_farm::serve(&server, FEEDS, ITEMS);
    for processes in [2, 4] {
        for trial in 0..TRIALS {
            let dir = tempfile::tempdir().unwrap();
            // The feeds are named in the config: the fetches find no library and both
            // create it.
            let config = dir.path().join("config/newsreader/config.toml");
            std::fs::create_dir_all(config.parent().unwrap()).unwrap();
            let feeds: String = requests
                .iter()
                .map(|r| format!("[[feeds]]\nurl = \"{}\"\n", r.subscription.url))
                .collect();
            std::fs::write(&config, feeds).unwrap();
            let data = &dir.path().join("data");
            let fetches: Vec<Child> = (0..processes)
                .map(|_| {
                    newsreader(data)
                        .env("XDG_CONFIG_HOME", dir.path().join("config"))
                        // No search index: what is raced here is the catalog.
                        .env("NEWSREADER_CACHE_DIR", "/dev/null/no-index")
                        .arg("fetch")
                        .spawn()
                        .unwrap()
                })
                .collect();
            for f in fetches {
                let o = finished(f);
                assert!(
                    o.status.success(),
                    "{processes} processes, trial {trial}: {}",
                    text(&o.stderr)
                );
            }
            assert!(asides(data).is_empty(), "trial {trial}: {:?}", asides(data));
            let (c, _) = Catalog::open(Some(data));
            let feeds = c.feeds().unwrap();
            assert_eq!(feeds.len(), FEEDS, "trial {trial}");
            assert!(
                feeds.iter().all(|f| f.items == ITEMS),
                "{processes} processes, trial {trial}: {feeds:?}"
            );
        }
    }
}

#[test]
fn subscribing_at_the_same_instant_on_an_empty_folder_loses_nothing() {
    for processes in [2, 4] {
        for trial in 0..TRIALS {
            let dir = tempfile::tempdir().unwrap();
            let data = dir.path().join("new");
            let urls: Vec<String> = (0..processes)
                .map(|p| format!("http://127.0.0.1:9/{p}.xml"))
                .collect();
            let adds: Vec<Child> = urls
                .iter()
                .map(|u| spawn(&data, &["feeds", "add", u]))
                .collect();
            for a in adds {
                let o = finished(a);
                assert!(
                    o.status.success(),
                    "{processes} processes, trial {trial}: {}",
                    text(&o.stderr)
                );
                assert!(text(&o.stderr).is_empty(), "{}", text(&o.stderr));
            }
            assert!(
                asides(&data).is_empty(),
                "trial {trial}: {:?}",
                asides(&data)
            );
            assert_eq!(
                feed_urls(&data),
                urls,
                "{processes} processes, trial {trial}"
            );
        }
    }
}

/// A library as the first released schema left it: articles and what the reader
/// remembers, no feeds; with one bookmark, one position and one read mark.
fn first_schema_library(data: &Path) {
    std::fs::create_dir_all(data).unwrap();
    let conn = Connection::open(data.join(FILE_NAME)).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         CREATE TABLE articles (id INTEGER PRIMARY KEY, origin TEXT NOT NULL UNIQUE, key TEXT,
            size INTEGER NOT NULL DEFAULT 0, mtime INTEGER NOT NULL DEFAULT 0,
            parser INTEGER NOT NULL DEFAULT 0, title TEXT NOT NULL, date TEXT, source TEXT,
            encoding TEXT, sections INTEGER NOT NULL DEFAULT 0, error TEXT);
         CREATE INDEX articles_key ON articles(key);
         CREATE TABLE parsed (id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            data BLOB NOT NULL);
         CREATE TABLE positions (key TEXT PRIMARY KEY, section INTEGER NOT NULL,
            paragraph INTEGER NOT NULL, offset INTEGER NOT NULL,
            legacy INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL);
         CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, key TEXT NOT NULL,
            section INTEGER NOT NULL, paragraph INTEGER NOT NULL, offset INTEGER NOT NULL,
            legacy INTEGER NOT NULL DEFAULT 0, title TEXT NOT NULL, snippet TEXT NOT NULL,
            created INTEGER NOT NULL, UNIQUE (key, section, paragraph, offset, legacy));
         CREATE TABLE reads (key TEXT PRIMARY KEY, at INTEGER NOT NULL);
         CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
         INSERT INTO bookmarks (key, section, paragraph, offset, title, snippet, created)
            VALUES ('k1', 2, 0, 5, '标题', '工作有干劲', 1);
         INSERT INTO positions (key, section, paragraph, offset, updated)
            VALUES ('k1', 3, 1, 7, 1);
         INSERT INTO reads (key, at) VALUES ('k1', 1);
         PRAGMA user_version = 1;",
    )
    .unwrap();
}

#[test]
fn an_older_schema_opened_by_several_commands_at_once_is_upgraded_once_and_kept() {
    for processes in [2, 4] {
        for trial in 0..TRIALS {
            let dir = tempfile::tempdir().unwrap();
            let data = dir.path();
            first_schema_library(data);
            let urls: Vec<String> = (0..processes)
                .map(|p| format!("http://127.0.0.1:9/{p}.xml"))
                .collect();
            let adds: Vec<Child> = urls
                .iter()
                .map(|u| spawn(data, &["feeds", "add", u]))
                .collect();
            for a in adds {
                let o = finished(a);
                assert!(
                    o.status.success() && o.stderr.is_empty(),
                    "{processes} processes, trial {trial}: {}",
                    text(&o.stderr)
                );
            }
            assert!(asides(data).is_empty(), "trial {trial}: {:?}", asides(data));
            assert_eq!(
                feed_urls(data),
                urls,
                "{processes} processes, trial {trial}"
            );
            let (c, _) = Catalog::open(Some(data));
            let marks = c.bookmarks().unwrap();
            assert_eq!(marks.len(), 1, "trial {trial}");
            assert_eq!(marks[0].snippet, "工作有干劲");
            assert!(c.position("k1").unwrap().is_some() && c.is_read("k1").unwrap());
            let conn = Connection::open(data.join(FILE_NAME)).unwrap();
            let v: u32 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap();
            assert_eq!(v, SCHEMA_VERSION);
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn test_a_full_disk_fails_the_write_says_so_and_keeps_the_library() {
    use std::os::unix::process::CommandExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let first = finished(spawn(data, &["feeds", "add", "http://127.0.0.1:9/a.xml"]));
    assert!(first.status.success(), "{}", text(&first.stderr));
    // A reader keeps the database open, as one does while others write.
    let reader = Connection::open(data.join(FILE_NAME)).unwrap();
    reader
        .query_row("SELECT count(*) FROM feeds", [], |r| r.get::<_, i64>(0))
        .unwrap();
    // The disk is full for this one: every write fails (the size limit at zero, the signal
    // that would kill it ignored, so writes fail with an error as on a full disk).
    let mut full = newsreader(data);
    full.args(["feeds", "add", "http://127.0.0.1:9/b.xml"]);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        full.pre_exec(|| {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let none = libc::rlimit {
                rlim_cur: 0,
                rlim_max: libc::RLIM_INFINITY,
            };
            libc::setrlimit(libc::RLIMIT_FSIZE, &none);
            Ok(())
        });
    }
    let o = finished(full.spawn().unwrap());
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    assert!(
        !out.contains("subscribed"),
        "it said so, and it was not saved: {out}"
    );
    assert!(err.contains("kept as it was"), "{err}");
    drop(reader);
    // Space again: the next write goes through, and nothing before it was lost.
    let again = finished(spawn(data, &["feeds", "add", "http://127.0.0.1:9/c.xml"]));
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(asides(data).is_empty(), "moved aside: {:?}", asides(data));
    assert_eq!(
        feed_urls(data),
        ["http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/c.xml"]
    );
}
