//! What the reader remembers, and what it does when it cannot: on the real binary in a
//! pseudo-terminal. A data folder that cannot be used (under a plain file, read-only, a
//! database from a newer version) still shows the files given, and says once that nothing
//! is remembered; a position on screen for a second survives `kill -9`.

#[path = "support/terminal.rs"]
mod terminal;

use std::path::Path;

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
