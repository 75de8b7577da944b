//! Pasting into the search prompts: once quadratic (16,000 characters cost 4.5 s of CPU, a
//! megabyte never finished), because every character searched the whole article, or the
//! whole library, for the query so far. Now the query stops at 1,000 characters (and the
//! status bar says so), and the search runs once the keys pause, not once per key.

#[path = "support/terminal.rs"]
mod terminal;

use std::path::Path;
use std::sync::Arc;

use newsreader::app::{MAX_QUERY_CHARS, Msg, Prompt, PromptKey, SEARCH_QUIET};
use newsreader::keymap::Action;
use newsreader::session::{Places, Session, Setup, Sources};
use newsreader::strings;
use terminal::Reader;

fn session(data: &Path, sources: Sources) -> Session {
    let setup = Setup {
        sources,
        places: Places {
            data: Some(data.to_path_buf()),
            index: None,
        },
        ..Setup::default()
    };
    let mut s = Session::start(setup, Arc::new(|| {}));
    s.send(Msg::Resize(100, 30));
    s.settle();
    s
}

/// Lets the keys' pause come: the timers due are handled.
fn pause(s: &mut Session) {
    std::thread::sleep(SEARCH_QUIET + std::time::Duration::from_millis(20));
    s.on_timer();
    s.settle();
}

#[test]
fn test_a_pasted_query_is_capped_and_searched_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), Sources::embedded());
    s.send(Action::FocusRight);
    s.send(Action::Search);
    for c in "党建".chars().cycle().take(16_000) {
        s.send(PromptKey::Char(c));
    }
    assert_eq!(s.app().search().query().chars().count(), MAX_QUERY_CHARS);
    assert_eq!(s.app().message(), Some(strings::QUERY_TOO_LONG));
    assert_eq!(
        s.app().search().runs(),
        0,
        "no search while the keys keep coming"
    );
    pause(&mut s);
    assert_eq!(s.app().search().runs(), 1, "one search once they pause");
    // Typed by hand, a query is searched as soon as typing pauses.
    s.send(PromptKey::ClearToStart);
    for c in "党建".chars() {
        s.send(PromptKey::Char(c));
    }
    pause(&mut s);
    assert_eq!(s.app().search().matches().len(), 6);
    s.send(PromptKey::Enter);
    assert_eq!(s.app().search().status().as_deref(), Some("match 1/6"));
}

#[test]
fn test_a_pasted_library_query_is_capped() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    for n in 0..3 {
        std::fs::write(
            news.join(format!("{n}.txt")),
            format!("第{n}篇\n\n城市更新。\n"),
        )
        .unwrap();
    }
    let mut s = session(&dir.path().join("data"), Sources::paths(vec![news]));
    s.send(Action::Search);
    assert_eq!(
        s.app().typing(),
        Some(Prompt::Library),
        "the library prompt is open"
    );
    for c in "城市".chars().cycle().take(5_000) {
        s.send(PromptKey::Char(c));
    }
    assert_eq!(
        s.app().library_search().query().chars().count(),
        MAX_QUERY_CHARS
    );
    assert_eq!(s.app().message(), Some(strings::QUERY_TOO_LONG));
    s.send(PromptKey::ClearToStart);
    for c in "城市".chars() {
        s.send(PromptKey::Char(c));
    }
    s.send(PromptKey::Enter);
    s.settle();
    assert_eq!(s.app().library_search().hits().len(), 3);
}

#[test]
fn test_pasting_32_000_characters_into_the_reader_search_prompt_keeps_it_answering() {
    let dir = tempfile::tempdir().unwrap();
    let mut r = Reader::start(100, 24, &dir.path().join("data"), &[], &[]);
    r.wait_for("the sample", |s| s.contains("Sections"));
    r.send("l/");
    let paste: String = "党建".chars().cycle().take(32 * 1024).collect();
    r.send(&paste);
    r.wait_for("the message", |s| s.contains("limited to 1,000 characters"));
    r.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(300));
    r.send("q");
    r.wait_exit();
}
