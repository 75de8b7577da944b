//! What the reader remembers, and what it does when it cannot: on the real binary in a
//! pseudo-terminal. A data folder that cannot be used (under a plain file, read-only, a
//! database from a newer version) still shows the files given, and says once that nothing
//! is remembered; a position on screen for a second survives `kill -9`, with two and with
//! four readers on one library.

#[path = "support/terminal.rs"]
mod terminal;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsreader::app::Msg;
use newsreader::catalog::{Catalog, text_key};
use newsreader::keymap::Action;
use newsreader::layout::LayoutOptions;
use newsreader::library::{Library, LoadOptions};
use newsreader::model::StoredPlace;
use newsreader::session::Session;
use terminal::Reader;

const ARTICLE: &str = "一篇新闻\n\n第一段正文，记者从有关部门获悉。\n";

fn article(dir: &Path) -> String {
    let file = dir.join("news.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    file.to_string_lossy().into_owned()
}

fn shows_the_file_and_says_nothing_is_remembered(data: &Path, file: &str, what: &str) {
    // The search index in a folder that works: what is tried here is the catalog alone.
    let cache = tempfile::tempdir().unwrap();
    let cache = cache.path().to_string_lossy();
    let mut r = Reader::start(100, 12, data, &[file], &[("NEWSREADER_CACHE_DIR", &cache)]);
    r.wait_for(&format!("the article, {what}"), |s| {
        s.contains("第一段正文") && s.contains("nothing is remembered this time")
    });
    r.send("q");
}

#[test]
fn test_a_data_folder_under_a_plain_file_still_shows_the_files_given() {
    let dir = tempfile::tempdir().unwrap();
    let file = article(dir.path());
    std::fs::write(dir.path().join("plain"), "x").unwrap();
    shows_the_file_and_says_nothing_is_remembered(
        &dir.path().join("plain/data"),
        &file,
        "data folder under a plain file",
    );
}

#[test]
fn test_a_database_from_a_newer_version_still_shows_the_files_given() {
    let dir = tempfile::tempdir().unwrap();
    let file = article(dir.path());
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let db = rusqlite::Connection::open(data.join("library.db")).unwrap();
    db.pragma_update(None, "user_version", 999).unwrap();
    drop(db);
    shows_the_file_and_says_nothing_is_remembered(&data, &file, "newer database");
}

#[cfg(unix)]
#[test]
fn test_a_read_only_data_folder_still_shows_the_files_given() {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid only reads the process's user id.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("skipped: running as root, which may write to a read-only folder");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = article(dir.path());
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o500)).unwrap();
    shows_the_file_and_says_nothing_is_remembered(&data, &file, "read-only data folder");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).unwrap();
}

/// A long article: enough rows to scroll far.
fn long_article(dir: &Path, n: usize) -> PathBuf {
    let mut text = format!("第{n}号长文\n\n");
    for p in 0..120 {
        text.push_str(&format!(
            "第{p}段：记者从有关部门获悉，本市今年以来持续推进城市更新工作，已完成老旧小区改造\
             一百余个，惠及居民三万多户。\n\n"
        ));
    }
    let file = dir.join(format!("long{n}.txt"));
    std::fs::write(&file, text).unwrap();
    file
}

/// Where `rows` rows down in `file` is, read in-process at the same terminal size: what a
/// reader that scrolled there must have kept.
fn place_after(file: &Path, cols: u16, lines: u16, rows: usize) -> (String, StoredPlace) {
    let library = Library::load_with(&[file.to_path_buf()], &LoadOptions::default());
    let key = text_key(&library.articles[0]);
    let mut s = Session::memory(library, LayoutOptions::default());
    s.send(Msg::Resize(cols, lines));
    s.send(Action::FocusRight);
    for _ in 0..rows {
        s.send(Action::ScrollDown);
    }
    let app = s.app();
    (key, StoredPlace::Place(app.layout().place_of(app.anchor())))
}

/// Waits until the screen has not changed for a moment: every key sent has been handled.
fn settled(r: &Reader) {
    let mut last = r.screen();
    let mut same_since = Instant::now();
    let start = Instant::now();
    while same_since.elapsed() < Duration::from_millis(300) {
        assert!(start.elapsed() < Duration::from_secs(20), "never settled");
        std::thread::sleep(Duration::from_millis(30));
        let now = r.screen();
        if now != last {
            last = now;
            same_since = Instant::now();
        }
    }
}

/// One trial: `readers` readers on one library, each scrolled to its own place and left
/// there for a second and a half; then the one numbered `victim` is killed with `kill -9`
/// and the others quit. Returns the readers whose place was not kept.
fn kill_one_of(readers: usize, victim: usize) -> Vec<String> {
    const COLS: u16 = 100;
    const LINES: u16 = 24;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut running = Vec::new();
    let mut expected = Vec::new();
    for n in 0..readers {
        let file = long_article(dir.path(), n);
        let rows = 20 + 7 * n;
        expected.push(place_after(&file, COLS, LINES, rows));
        let mut r = Reader::start(COLS, LINES, &data, &[&file.to_string_lossy()], &[]);
        r.wait_for("the article", |s| s.contains("段：记者"));
        r.send("l");
        r.send(&"j".repeat(rows));
        running.push(r);
    }
    for r in &running {
        settled(r);
    }
    std::thread::sleep(Duration::from_millis(1500));
    for (n, mut r) in running.into_iter().enumerate() {
        if n == victim {
            r.kill_9();
        } else {
            r.send("q");
            r.wait_exit();
        }
    }
    let (catalog, _) = Catalog::open(Some(&data));
    expected
        .iter()
        .enumerate()
        .filter(|(_, (key, place))| catalog.position(key).unwrap() != Some(*place))
        .map(|(n, (key, place))| {
            format!(
                "reader {n}{}: kept {:?}, expected {place:?}",
                if n == victim { " (killed)" } else { "" },
                catalog.position(key).unwrap()
            )
        })
        .collect()
}

#[test]
fn test_a_position_on_screen_for_a_second_survives_kill_9() {
    const TRIALS: usize = 10;
    for readers in [2, 4] {
        // The trials at once, each with its own library: the readers mostly wait.
        let lost: Vec<String> = (0..TRIALS)
            .collect::<Vec<_>>()
            .chunks(10)
            .flat_map(|batch| {
                let handles: Vec<_> = batch
                    .iter()
                    .map(|&t| std::thread::spawn(move || kill_one_of(readers, t % readers)))
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap())
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(
            lost.is_empty(),
            "{readers} readers, {TRIALS} trials: {} places lost:\n{}",
            lost.len(),
            lost.join("\n")
        );
    }
}
