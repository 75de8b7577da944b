//! The search index damaged while the reader runs, on the real binary in a pseudo-terminal:
//! its files overwritten under it, then a library search. The search still answers (by
//! reading every article), the status bar says the index is being built again, the
//! terminal stays the reader's, and `q` still quits.

#[path = "support/terminal.rs"]
mod terminal;

use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use newsreader::index::LibraryIndex;
use terminal::Reader;

fn library(dir: &Path) {
    for n in 0..6 {
        let mut text = format!("第{n}篇新闻\n\n");
        for p in 0..20 {
            text.push_str(&format!(
                "第{p}段：记者从有关部门获悉，本市持续推进城市更新工作，惠及居民三万多户。\n\n"
            ));
        }
        std::fs::write(dir.join(format!("{n}.txt")), text).unwrap();
    }
}

/// Overwrites every file of the index folder with garbage, in place (the same files the
/// running reader has open).
fn garble(index: &Path) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(index).unwrap().flatten() {
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !path.is_file() || name.ends_with(".lock") || name == "meta.json" {
            continue;
        }
        let len = std::fs::metadata(&path).unwrap().len();
        let mut f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        f.seek(SeekFrom::Start(0)).unwrap();
        let garbage: Vec<u8> = (0..len).map(|i| (i * 7919 % 251) as u8).collect();
        f.write_all(&garbage).unwrap();
        n += 1;
    }
    n
}

/// Waits until `done` holds; fails after 60 s (a busy machine) naming `what`.
fn wait_until(what: &str, done: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Esc (closing the search), then `keys` once the screen shows the search closed: sent
/// before that, Esc and the next key could be read as one (Alt and the key), however long
/// a pause a busy machine makes of it.
fn quit_prompt_then(r: &mut Reader, keys: &str) {
    r.send("\x1b");
    r.wait_for("the search closed", |s| !s.contains("Found /"));
    r.send(keys);
}

/// Esc (closing the search), then `q`.
fn quit(r: &mut Reader) {
    quit_prompt_then(r, "q");
    r.wait_exit();
}

#[test]
fn test_a_damaged_index_while_running_falls_back_to_reading_every_article() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    library(&news);
    let data = dir.path().join("data");
    let news_arg = news.to_string_lossy().into_owned();
    // A first run builds the index; the second finds it complete and uses it.
    let mut first = Reader::start(100, 24, &data, &[&news_arg], &[]);
    first.wait_for("the library", |s| s.contains("article 1/6"));
    first.send("/城市");
    first.wait_for("results", |s| s.contains("Found /城市 (6)"));
    let index = data.join("cache").join("index");
    wait_until("the index holds every article", || {
        LibraryIndex::open(&index).is_ok_and(|i| i.len() == 6)
    });
    quit(&mut first);
    first.wait_exit();

    let mut r = Reader::start(100, 24, &data, &[&news_arg], &[]);
    r.wait_for("the library", |s| s.contains("article 1/6"));
    assert!(garble(&index) > 0, "no index files in {}", index.display());
    r.send("/城市\r");
    // The damage is met by the search, or first by the check of the index that follows the
    // start's scan (which now starts once the first frame is drawn): either way the search
    // reads every article and says the index is being built again.
    r.wait_for("results and a word about the index", |s| {
        s.contains("Found /城市 (6)")
            && (s.contains("search index damaged") || s.contains("search index being built"))
    });
    let screen = r.screen();
    assert!(!screen.contains("internal error"), "{screen}");
    assert!(
        screen.contains('│'),
        "the reader's screen is gone:\n{screen}"
    );
    // Built again in the background, with every article, the damaged one set aside.
    wait_until("the index built again", || {
        LibraryIndex::open(&index).is_ok_and(|i| i.len() == 6)
    });
    assert!(index.with_extension("damaged").is_dir());
    // And searched again, without a word about damage.
    quit_prompt_then(&mut r, "/更新\r");
    r.wait_for("results from the new index", |s| {
        s.contains("Found /更新 (6)") && !s.contains("damaged")
    });
    quit(&mut r);
    r.wait_exit();
}
