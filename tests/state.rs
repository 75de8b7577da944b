//! Reading positions and bookmarks that survive a relaunch at another terminal size, and a
//! state folder shared by four processes writing at once: nothing lost.

use std::path::Path;
use std::process::Command;

use newsreader::app::App;
use newsreader::keymap::Action;
use newsreader::layout::LayoutOptions;
use newsreader::library::Library;
use newsreader::state::{Change, Place, State};

fn app(dir: &Path, w: u16, h: u16) -> App {
    let mut app = App::new(Library::embedded(), LayoutOptions::default())
        .with_state(State::open(Some(dir.to_path_buf())));
    app.resize(w, h);
    app
}

#[test]
fn the_position_survives_a_relaunch_at_another_width() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), 100, 30);
    a.update(Action::FocusRight);
    for _ in 0..37 {
        a.update(Action::ScrollDown);
    }
    let anchor = a.anchor();
    assert!(anchor.block > 3);
    a.update(Action::Quit);
    a.remember();
    drop(a);
    let b = app(dir.path(), 60, 20);
    assert_eq!(b.anchor(), anchor);
    let row = b.layout().row(b.top_row()).unwrap();
    assert_eq!(row.block(), anchor.block);
    assert!(row.range().contains(&anchor.offset) || row.start() == anchor.offset);
}

#[test]
fn bookmarks_survive_a_relaunch_and_jump_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), 100, 30);
    a.update(Action::NextSection);
    a.update(Action::NextSection);
    let marked = a.anchor();
    a.update(Action::ToggleBookmark);
    assert_eq!(a.message(), Some(newsreader::strings::BOOKMARK_ADDED));
    a.update(Action::Top);
    a.remember();
    drop(a);
    let mut b = app(dir.path(), 80, 24);
    assert_eq!(b.bookmarks().len(), 1);
    assert_eq!(b.bookmarks()[0].snippet, "工作有干劲");
    b.update(Action::Bookmarks);
    assert_eq!(b.bookmarks_open(), Some(0));
    b.update(Action::FocusRight);
    assert_eq!(b.bookmarks_open(), None);
    assert_eq!(b.anchor(), marked);
    b.update(Action::ToggleBookmark);
    assert_eq!(b.message(), Some(newsreader::strings::BOOKMARK_REMOVED));
    assert!(app(dir.path(), 80, 24).bookmarks().is_empty());
}

#[test]
fn a_corrupt_state_file_is_moved_aside_and_the_reader_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("state.toml"), "last = [unclosed").unwrap();
    let a = app(dir.path(), 100, 30);
    assert!(
        a.message()
            .unwrap()
            .starts_with(newsreader::strings::STATE_CORRUPT)
    );
    assert!(std::fs::read_dir(dir.path()).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("state.toml.corrupt-")
    }));
}

/// One of the four writers below; runs only when spawned by that test.
#[test]
#[ignore = "a worker process for four_processes_keep_all_800_updates"]
fn state_worker() {
    let spec = std::env::var("NEWSREADER_STATE_WORKER").expect("spawned with a spec");
    let (dir, id) = spec.rsplit_once('|').unwrap();
    let mut s = State::open(Some(dir.into()));
    for n in 0..200 {
        s.change(Change::Position(
            format!("w{id}-{n}"),
            Place {
                block: n,
                offset: 0,
            },
        ));
    }
    assert!(s.take_warning().is_none());
}

#[test]
fn four_processes_keep_all_800_updates() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..4)
        .map(|id| {
            Command::new(&exe)
                .args(["--ignored", "--exact", "state_worker", "--test-threads=1"])
                .env(
                    "NEWSREADER_STATE_WORKER",
                    format!("{}|{id}", dir.path().display()),
                )
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let s = State::open(Some(dir.path().to_path_buf()));
    assert_eq!(s.data().positions.len(), 800);
    for id in 0..4 {
        for n in 0..200 {
            assert_eq!(s.data().positions[&format!("w{id}-{n}")].block, n);
        }
    }
}
