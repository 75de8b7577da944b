//! What the reader remembers, in the catalog: reading positions and bookmarks that survive a
//! relaunch at another terminal size, an older `state.toml` imported once, a damaged state
//! file moved aside, and a catalog shared by four processes writing at once: nothing lost.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use newsreader::app::Msg;
use newsreader::catalog::Catalog;
use newsreader::keymap::Action;
use newsreader::layout::Place;
use newsreader::model::StoredPlace;
use newsreader::session::{Places, Session, Setup};

fn session(dir: &Path, w: u16, h: u16) -> Session {
    let setup = Setup {
        places: Places {
            data: Some(dir.to_path_buf()),
            index: None,
        },
        ..Setup::default()
    };
    let mut s = Session::start(setup, Arc::new(|| {}));
    s.send(Msg::Resize(w, h));
    s
}

#[test]
fn the_position_survives_a_relaunch_at_another_width() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = session(dir.path(), 100, 30);
    a.send(Action::FocusRight);
    for _ in 0..37 {
        a.send(Action::ScrollDown);
    }
    let anchor = a.app().anchor();
    assert!(anchor.block > 3);
    a.send(Action::Quit);
    a.finish();
    drop(a);
    let b = session(dir.path(), 60, 20);
    assert_eq!(b.app().anchor(), anchor);
    let row = b.app().layout().row(b.app().top_row()).unwrap();
    assert_eq!(row.block(), anchor.block);
    assert!(row.range().contains(&anchor.offset) || row.start() == anchor.offset);
}

#[test]
fn bookmarks_survive_a_relaunch_and_jump_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = session(dir.path(), 100, 30);
    a.send(Action::NextSection);
    a.send(Action::NextSection);
    let marked = a.app().anchor();
    a.send(Action::ToggleBookmark);
    a.settle();
    assert_eq!(a.app().message(), Some(newsreader::strings::BOOKMARK_ADDED));
    a.send(Action::Top);
    a.finish();
    drop(a);
    let mut b = session(dir.path(), 80, 24);
    assert_eq!(b.app().bookmarks().len(), 1);
    assert_eq!(b.app().bookmarks()[0].snippet, "工作有干劲");
    b.send(Action::Bookmarks);
    assert_eq!(b.app().bookmarks_open(), Some(0));
    b.send(Action::FocusRight);
    assert_eq!(b.app().bookmarks_open(), None);
    assert_eq!(b.app().anchor(), marked);
    b.send(Action::ToggleBookmark);
    b.settle();
    assert_eq!(
        b.app().message(),
        Some(newsreader::strings::BOOKMARK_REMOVED)
    );
    b.finish();
    drop(b);
    assert!(session(dir.path(), 80, 24).app().bookmarks().is_empty());
}

#[test]
fn an_older_state_file_is_imported_and_its_place_found() {
    let dir = tempfile::tempdir().unwrap();
    // Learn the sample's key and a block/offset the old format would have stored.
    let probe = session(dir.path(), 100, 30);
    let key = probe.app().entries()[0].key.clone();
    drop(probe);
    std::fs::remove_file(dir.path().join("library.db")).unwrap();
    let _ = std::fs::remove_file(dir.path().join("library.db-wal"));
    let _ = std::fs::remove_file(dir.path().join("library.db-shm"));
    std::fs::write(
        dir.path().join("state.toml"),
        format!("last = \"{key}\"\n[positions.{key}]\nblock = 9\noffset = 0\n"),
    )
    .unwrap();
    let s = session(dir.path(), 100, 30);
    assert_eq!(s.app().anchor().block, 9);
    assert!(dir.path().join("state.toml.imported").exists());
}

#[test]
fn a_corrupt_state_file_is_moved_aside_and_the_reader_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("state.toml"), "last = [unclosed").unwrap();
    let a = session(dir.path(), 100, 30);
    assert!(
        a.app()
            .message()
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

/// One of the four writers below; runs only when spawned by that test (it says so and does
/// nothing when run on its own).
#[test]
fn catalog_worker() {
    let Ok(spec) = std::env::var("NEWSREADER_STATE_WORKER") else {
        eprintln!(
            "catalog_worker: not spawned by four_processes_keep_all_800_updates; nothing to do"
        );
        return;
    };
    let (dir, id) = spec.rsplit_once('|').unwrap();
    let (mut c, warnings) = Catalog::open(Some(Path::new(dir)));
    assert!(warnings.is_empty(), "{warnings:?}");
    for n in 0..200u32 {
        let place = StoredPlace::Place(Place {
            section: n,
            paragraph: None,
            offset: 0,
        });
        c.set_position(&format!("w{id}-{n}"), place).unwrap();
    }
}

#[test]
fn four_processes_keep_all_800_updates() {
    let dir = tempfile::tempdir().unwrap();
    drop(Catalog::open(Some(dir.path())));
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..4)
        .map(|id| {
            Command::new(&exe)
                .args(["--exact", "catalog_worker", "--test-threads=1"])
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
    let (c, _) = Catalog::open(Some(dir.path()));
    for id in 0..4 {
        for n in 0..200u32 {
            let got = c.position(&format!("w{id}-{n}")).unwrap();
            assert_eq!(
                got,
                Some(StoredPlace::Place(Place {
                    section: n,
                    paragraph: None,
                    offset: 0
                }))
            );
        }
    }
}
