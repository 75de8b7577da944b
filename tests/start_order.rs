//! The reader's start: what the catalog knows is on screen first; the library's scan and
//! watcher start only once the first frame is drawn, so they do not compete with it.

use std::sync::Arc;
use std::time::Duration;

use newsreader::app::Msg;
use newsreader::session::{Places, Session, Setup, Sources};

#[test]
fn the_scan_waits_for_the_first_frame() {
    let library = tempfile::tempdir().unwrap();
    std::fs::write(
        library.path().join("a.md"),
        "# 标题\n\n一段足够长的正文。\n",
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let setup = Setup {
        sources: Sources::paths(vec![library.path().to_path_buf()]),
        places: Places {
            data: Some(data.path().to_path_buf()),
            index: None,
        },
        ..Setup::default()
    };
    let mut s = Session::start_behind_first_frame(setup, Arc::new(|| {}));
    s.send(Msg::Resize(100, 30));
    // However long it waits, no file is read before the first frame.
    std::thread::sleep(Duration::from_millis(300));
    s.pump();
    assert!(s.app().entries().is_empty(), "{:?}", s.app().entries());
    assert!(s.drawn());
    assert!(!s.drawn());
    s.settle();
    let titles: Vec<&str> = s.app().entries().iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["标题"]);
}
