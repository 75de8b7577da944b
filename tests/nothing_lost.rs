//! Nothing any process reported saved is ever lost. Several processes use one library at
//! once for a few seconds: readers (scrolling, bookmarking, marking read; each reports a
//! place only once the session says every write is on disk), fetchers (`newsreader fetch`,
//! reported when it ends with status 0) and command-line writers (`newsreader feeds add`,
//! reported when it says it subscribed). Meanwhile processes are killed with `kill -9` at
//! random, the disk is "full" for two seconds (every process's file size limit set to zero
//! with `prlimit`, so each write fails as on a full disk), and another program holds the
//! database's lock for a second and a half. Afterwards every subscription, item, reading
//! position, bookmark and read mark that was reported is there, and nothing was moved
//! aside.
//!
//! The readers are this test binary again, started with `NEWSREADER_LOST_READER` set; run
//! on its own, that test says so and does nothing.

#[path = "support/chaos.rs"]
mod chaos;
#[path = "support/server.rs"]
mod server;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chaos::{Dice, Reports, Role, Running, limit_file_size, spawn};
use newsreader::app::{Msg, REMEMBER_AFTER};
use newsreader::catalog::{Catalog, FILE_NAME};
use newsreader::keymap::Action;
use newsreader::model::{Bookmark, StoredPlace};
use newsreader::session::{Places, Session, Setup, Sources};
use newsreader::strings;
use server::{Reply, Server};

/// How long the processes run.
const CHAOS: Duration = Duration::from_secs(8);
/// How long the processes run at most, waiting for reports on a busy machine.
const CHAOS_AT_MOST: Duration = Duration::from_secs(60);
/// When the disk is full, from the start.
const FULL_DISK: (Duration, Duration) = (Duration::from_millis(2500), Duration::from_millis(4500));
/// When another program holds the lock, from the start.
const LOCKED: (Duration, Duration) = (Duration::from_millis(5500), Duration::from_millis(7000));

/// A place as a sortable triple (section, paragraph or -1, offset).
fn order(place: StoredPlace) -> (u32, i64, u32) {
    match place {
        StoredPlace::Place(p) => (p.section, p.paragraph.map_or(-1, i64::from), p.offset),
        StoredPlace::Legacy { block, offset } => (block, -1, offset),
    }
}

fn place_text(place: StoredPlace) -> String {
    let (s, p, o) = order(place);
    format!("{s} {p} {o}")
}

/// One reader, in a process of its own: reads `file` from the library in `data`, scrolls
/// on, bookmarks now and then, and prints what it knows to be on disk.
#[test]
fn lost_reader_worker() {
    let Ok(spec) = std::env::var("NEWSREADER_LOST_READER") else {
        eprintln!("lost_reader_worker: not started by nothing_is_ever_lost; nothing to do");
        return;
    };
    let (data, file) = spec.split_once('|').unwrap();
    let setup = Setup {
        sources: Sources::paths(vec![PathBuf::from(file)]),
        places: Places {
            data: Some(PathBuf::from(data)),
            index: None,
        },
        ..Setup::default()
    };
    let mut s = Session::start(setup, Arc::new(|| {}));
    s.send(Msg::Resize(100, 30));
    s.settle();
    // A reader that could not open the library (the disk full or the database locked as it
    // started) keeps this run's state in memory and says so: it has nothing to report.
    if !s.remembers() {
        eprintln!("lost_reader_worker: the library could not be opened; nothing is remembered");
        return;
    }
    let key = s.app().entries()[0].key.clone();
    s.send(Action::FocusRight);
    let mut told_read = false;
    for round in 0.. {
        for _ in 0..3 {
            s.send(Action::ScrollDown);
        }
        std::thread::sleep(REMEMBER_AFTER + Duration::from_millis(30));
        s.on_timer();
        // Everything handed to the writer is on disk: what is on screen now is kept.
        let start = Instant::now();
        while s.unsaved() > 0 && start.elapsed() < Duration::from_secs(3) {
            std::thread::sleep(Duration::from_millis(20));
            s.pump();
        }
        if s.unsaved() > 0 {
            continue;
        }
        let app = s.app();
        let place = StoredPlace::Place(app.layout().place_of(app.anchor()));
        println!("position {key} {}", place_text(place));
        if !told_read {
            println!("read {key}");
            told_read = true;
        }
        // At the end of the article the place stops moving: a second toggle there would
        // take away the bookmark reported before.
        let marked = app
            .bookmarks()
            .iter()
            .any(|b| b.key == key && b.place == place);
        if round % 3 == 2 && !marked {
            s.send(Action::ToggleBookmark);
            s.settle();
            if s.app().message() == Some(strings::BOOKMARK_ADDED) {
                println!("bookmark {key} {}", place_text(place));
            }
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn nothing_is_ever_lost() {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("nothing_is_ever_lost: seed {seed}");
    let mut dice = Dice(seed);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::start(1);
    let rss = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>\
        <title>频道</title><item><guid>lost-1</guid><title>第一条</title>\
        <description>正文一。</description></item><item><guid>lost-2</guid>\
        <title>第二条</title><description>正文二。</description></item></channel></rss>";
    server.fixed("/configured.xml", Reply::ok("application/rss+xml", rss));
    for slot in 0..2 {
        for n in 0..400 {
            server.fixed(
                &format!("/w{slot}-{n}.xml"),
                Reply::ok("application/rss+xml", rss),
            );
        }
    }
    let config = dir.path().join("config/newsreader/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(
        &config,
        format!(
            "[[feeds]]\nurl = \"{}\"\n",
            server.url(0, "/configured.xml")
        ),
    )
    .unwrap();
    let articles: Vec<PathBuf> = (0..2)
        .map(|n| {
            let mut text = format!("第{n}号长文\n\n");
            for p in 0..150 {
                text.push_str(&format!(
                    "第{p}段：记者从有关部门获悉，本市今年以来持续推进城市更新工作。\n\n"
                ));
            }
            let file = dir.path().join(format!("long{n}.txt"));
            std::fs::write(&file, text).unwrap();
            file
        })
        .collect();
    let exe = std::env::current_exe().unwrap();
    let newsreader = |args: &[&str]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_newsreader"));
        c.args(args)
            .env("NEWSREADER_DATA_DIR", &data)
            .env("NEWSREADER_CACHE_DIR", "/dev/null/no-index")
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("NO_PROXY", "*");
        c
    };
    let reports = Arc::new(Mutex::new(Reports::default()));
    let mut next_feed = [0usize; 2];
    let start_role = |role: &Role, next_feed: &mut [usize; 2]| -> Running {
        match role {
            Role::Reader(file) => {
                let mut c = Command::new(&exe);
                c.args([
                    "--exact",
                    "lost_reader_worker",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(
                    "NEWSREADER_LOST_READER",
                    format!("{}|{}", data.display(), file.display()),
                )
                .env("XDG_CONFIG_HOME", dir.path().join("no-config"));
                let mut child = spawn(c);
                let out = child.stdout.take().unwrap();
                let reports = Arc::clone(&reports);
                std::thread::spawn(move || {
                    for line in BufReader::new(out).lines().map_while(Result::ok) {
                        let words: Vec<&str> = line.split(' ').collect();
                        let place = |w: &[&str]| {
                            (
                                w[0].parse().unwrap(),
                                w[1].parse().unwrap(),
                                w[2].parse().unwrap(),
                            )
                        };
                        let mut r = reports.lock().unwrap();
                        match words.as_slice() {
                            ["position", key, rest @ ..] => {
                                let p = place(rest);
                                r.places_reported += 1;
                                let e = r.positions.entry(key.to_string()).or_insert(p);
                                *e = (*e).max(p);
                            }
                            ["bookmark", key, rest @ ..] => {
                                r.bookmarks.insert((key.to_string(), place(rest)));
                            }
                            ["read", key] => {
                                r.read.insert(key.to_string());
                            }
                            _ => {}
                        }
                    }
                });
                Running {
                    role: role.clone(),
                    child,
                    url: None,
                }
            }
            Role::Fetcher => Running {
                role: role.clone(),
                child: spawn(newsreader(&["fetch"])),
                url: None,
            },
            Role::Writer(slot) => {
                let url = server.url(0, &format!("/w{slot}-{}.xml", next_feed[*slot]));
                next_feed[*slot] += 1;
                Running {
                    role: role.clone(),
                    child: spawn(newsreader(&["feeds", "add", &url])),
                    url: Some(url),
                }
            }
        }
    };
    let roles = [
        Role::Reader(articles[0].clone()),
        Role::Reader(articles[1].clone()),
        Role::Fetcher,
        Role::Writer(0),
        Role::Writer(1),
    ];
    let mut running: Vec<Running> = roles
        .iter()
        .map(|r| start_role(r, &mut next_feed))
        .collect();
    let (mut kills, mut full_disk, mut lock) = (0, false, None);
    let began = Instant::now();
    // The chaos lasts its time, and on a busy machine until every reader and writer has
    // reported something (or a limit), so that the check below has something to check.
    let enough = |r: &Reports| r.positions.len() == 2 && !r.feeds.is_empty();
    while began.elapsed() < CHAOS
        || (!enough(&reports.lock().unwrap()) && began.elapsed() < CHAOS_AT_MOST)
    {
        std::thread::sleep(Duration::from_millis(100));
        let t = began.elapsed();
        // The disk fills up, and frees up again.
        let full_now = t >= FULL_DISK.0 && t < FULL_DISK.1;
        if full_now != full_disk {
            full_disk = full_now;
            for r in &running {
                limit_file_size(r.child.id(), full_disk.then_some(0));
            }
        }
        // Another program takes the database for itself, and lets go.
        let locked_now = t >= LOCKED.0 && t < LOCKED.1;
        if locked_now && lock.is_none() {
            let c = rusqlite::Connection::open(data.join(FILE_NAME)).unwrap();
            c.execute_batch("BEGIN EXCLUSIVE").unwrap();
            lock = Some(c);
        } else if !locked_now && let Some(c) = lock.take() {
            c.execute_batch("ROLLBACK").unwrap();
        }
        // Now and then, kill -9 one of them.
        if dice.roll(6) == 0 {
            let victim = dice.roll(running.len() as u64) as usize;
            let _ = running[victim].child.kill();
            kills += 1;
        }
        // Those that ended: what they reported, and another in their place.
        for r in &mut running {
            let Ok(Some(status)) = r.child.try_wait() else {
                continue;
            };
            if status.success() {
                let mut reports = reports.lock().unwrap();
                match &r.role {
                    Role::Fetcher => reports.fetched += 1,
                    Role::Writer(_) => {
                        reports.feeds.insert(r.url.clone().unwrap());
                    }
                    Role::Reader(_) => {}
                }
            }
            *r = start_role(&r.role.clone(), &mut next_feed);
            if full_disk {
                limit_file_size(r.child.id(), Some(0));
            }
        }
    }
    for r in &mut running {
        let _ = r.child.kill();
        let _ = r.child.wait();
    }
    drop(lock);
    // The readers' output threads take in the last lines.
    std::thread::sleep(Duration::from_millis(300));

    let reports = reports.lock().unwrap();
    eprintln!(
        "nothing_is_ever_lost: {kills} kills; reported {} subscriptions, {} fetches, {} \
         places, {} bookmarks, {} read marks",
        reports.feeds.len(),
        reports.fetched,
        reports.places_reported,
        reports.bookmarks.len(),
        reports.read.len()
    );
    let (catalog, warnings) = Catalog::open_on_disk(Some(&data)).expect("the library opens");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(
        !std::fs::read_dir(&data)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().contains(".corrupt-")),
        "nothing is ever moved aside"
    );
    let mut lost = Vec::new();
    let feeds: BTreeSet<String> = catalog
        .feeds()
        .unwrap()
        .into_iter()
        .map(|f| f.subscription.url)
        .collect();
    for url in &reports.feeds {
        if !feeds.contains(url) {
            lost.push(format!("subscription {url}"));
        }
    }
    if reports.fetched > 0 {
        let items = catalog.item_entries().unwrap();
        if items.len() < 2 {
            lost.push(format!("fetched items: {} of 2", items.len()));
        }
    }
    for (key, reported) in &reports.positions {
        let kept = catalog.position(key).unwrap().map(order);
        if kept.is_none_or(|k| k < *reported) {
            lost.push(format!(
                "position {key}: kept {kept:?}, reported {reported:?}"
            ));
        }
    }
    let marks: BTreeSet<(String, (u32, i64, u32))> = catalog
        .bookmarks()
        .unwrap()
        .into_iter()
        .map(|b: Bookmark| (b.key, order(b.place)))
        .collect();
    for mark in &reports.bookmarks {
        if !marks.contains(mark) {
            lost.push(format!("bookmark {mark:?}"));
        }
    }
    for key in &reports.read {
        if !catalog.is_read(key).unwrap() {
            lost.push(format!("read mark {key}"));
        }
    }
    assert!(
        enough(&reports),
        "too little was reported to tell anything: {reports:?}"
    );
    assert!(lost.is_empty(), "lost (seed {seed}):\n{}", lost.join("\n"));
}

#[cfg(not(target_os = "linux"))]
#[test]
fn nothing_is_ever_lost() {
    eprintln!("nothing_is_ever_lost: skipped, prlimit (a full disk for others) is Linux's");
}
