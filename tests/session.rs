//! The session's contract with the reader: no key waits for I/O. A bookmark is toggled by the
//! writer even while another process holds the catalog's write lock; the source view of a
//! 64 MB file is read by a worker; and, with nothing happening, nothing is left to do.

use std::path::Path;
use std::sync::Arc;

use newsreader::app::{Msg, Overlay, PromptKey};
use newsreader::catalog::Catalog;
use newsreader::keymap::Action;
use newsreader::layout::LayoutOptions;
use newsreader::library::Library;
use newsreader::session::{Places, Session, Setup, Sources};
use newsreader::strings;

fn start(data: &Path, sources: Sources) -> Session {
    let setup = Setup {
        sources,
        places: Places {
            data: Some(data.to_path_buf()),
            index: Some(data.join("index")),
        },
        ..Setup::default()
    };
    let mut s = Session::start(setup, Arc::new(|| {}));
    s.send(Msg::Resize(100, 30));
    s.settle();
    s
}

/// Toggling a bookmark once wrote the catalog on the reader's own thread: while another
/// process held the write lock, the key waited for SQLite's 10 s busy timeout and then
/// failed. Now the writer waits; the keys go on meanwhile, and the bookmark is there once
/// the lock is let go.
#[test]
fn regression_a_bookmark_under_a_held_write_lock_keeps_the_keys_answered() {
    let data = tempfile::tempdir().unwrap();
    let mut s = start(data.path(), Sources::embedded());
    let (mut other, _) = Catalog::open(Some(data.path()));
    other
        .batch(|_| {
            // The write lock is held (BEGIN IMMEDIATE) until this closure returns.
            s.send(Action::NextSection);
            s.send(Action::ToggleBookmark);
            assert_eq!(s.app().message(), None, "no failure, no waiting");
            assert!(s.app().busy(), "the toggle is on its way");
            let top = s.app().top_row();
            s.send(Action::NextSection);
            assert!(s.app().top_row() > top, "keys are answered meanwhile");
            Ok(())
        })
        .unwrap();
    s.settle();
    assert_eq!(s.app().message(), Some(strings::BOOKMARK_ADDED));
    assert_eq!(s.app().bookmarks().len(), 1);
    assert_eq!(s.app().bookmarks()[0].snippet, "学习有高潮");
    s.shutdown();
    let (c, _) = Catalog::open(Some(data.path()));
    assert_eq!(c.bookmarks().unwrap().len(), 1, "stored");
}

/// `v` once read and decoded the file (up to 64 MB) on the reader's thread, and split it
/// into lines there. Now a worker does both: the key is answered at once, the view opens
/// when the lines arrive, and a key pressed meanwhile is not lost.
#[test]
fn regression_the_source_of_a_64_mb_file_is_read_by_a_worker() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, "大文件\n\n第一段。\n").unwrap();
    let library = Library::load(std::slice::from_ref(&path), None);
    let mut s = Session::memory(library, LayoutOptions::default());
    s.send(Msg::Resize(100, 30));
    // The file grows to the size cap after it was parsed.
    let line = "这是很长的源文件里的一行文字，用来把文件撑到六十四兆字节。".repeat(1000) + "\n";
    let lines = (64 << 20) / line.len() - 1;
    std::fs::write(&path, line.repeat(lines)).unwrap();
    s.send(Action::Source);
    assert_eq!(s.app().message(), Some(strings::READING_SOURCE));
    assert!(!s.app().overlays().contains(&Overlay::Source { scroll: 0 }));
    s.send(Action::Help);
    assert_eq!(s.app().help(), Some(0), "keys are answered meanwhile");
    s.send(Action::Cancel);
    s.settle();
    assert_eq!(s.app().overlays(), [Overlay::Source { scroll: 0 }]);
    assert_eq!(s.app().source().lines.len(), lines);
    assert_eq!(s.app().message(), None);
}

/// With a search of the library and one in the article done, nothing is left for the loop:
/// no worker news waiting, no timer, no worker busy. (The loop then sleeps until input.)
#[test]
fn once_settled_nothing_is_left_to_do() {
    let data = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut s = start(data.path(), Sources::paths(vec![fixtures]));
    s.send(Action::Search);
    for c in "社区".chars() {
        s.send(PromptKey::Char(c));
    }
    s.send(PromptKey::Enter);
    s.settle();
    assert_eq!(s.app().library_search().hits().len(), 1);
    s.send(Action::FocusRight);
    s.settle();
    assert_eq!(s.app().search().status().as_deref(), Some("match 1/2"));
    assert!(!s.app().busy());
    assert!(!s.behind());
    assert!(!s.pump(), "no news waiting");
    assert_eq!(s.next_timer(), None);
}
