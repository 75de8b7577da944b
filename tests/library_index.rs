//! Library search through the on-disk index, as the reader runs it: the index is filled by
//! the library's scan, gives the same articles and counts as reading every article, the
//! results on screen get their excerpts, and a damaged index is built again while searches
//! go on without it (and say so).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use newsreader::app::{Msg, PromptKey};
use newsreader::keymap::Action;
use newsreader::layout::LayoutOptions;
use newsreader::library::Library;
use newsreader::session::{Places, Session, Setup, Sources};
use newsreader::strings;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn setup(data: &Path, index: Option<PathBuf>) -> Setup {
    Setup {
        sources: Sources::paths(vec![fixtures()]),
        places: Places {
            data: Some(data.to_path_buf()),
            index,
        },
        ..Setup::default()
    }
}

fn start(data: &Path, index: Option<PathBuf>) -> Session {
    let mut s = Session::start(setup(data, index), Arc::new(|| {}));
    s.send(Msg::Resize(120, 40));
    s.settle();
    s
}

/// Types `query` into the library search prompt and returns (title, count) of the hits.
fn search(s: &mut Session, query: &str) -> Vec<(String, usize)> {
    s.send(Action::Top);
    while s.app().focus() != newsreader::app::Focus::Articles {
        s.send(Action::FocusLeft);
    }
    s.send(Action::Search);
    for c in query.chars() {
        s.send(PromptKey::Char(c));
    }
    s.send(PromptKey::Enter);
    s.settle();
    let hits = s
        .app()
        .library_search()
        .hits()
        .iter()
        .map(|h| (s.app().entry(h.id).unwrap().title.clone(), h.count))
        .collect();
    s.send(Action::Cancel);
    hits
}

#[test]
fn index_results_equal_reading_every_article() {
    let data = tempfile::tempdir().unwrap();
    let mut with = start(data.path(), Some(data.path().join("index")));
    let memory = Library::load(&[fixtures()], None);
    let mut without = Session::memory(memory, LayoutOptions::default());
    without.send(Msg::Resize(120, 40));
    for q in ["社区", "的", "学校", "ＡＢ", "黨", "没有这个词"] {
        let a = search(&mut with, q);
        let b = search(&mut without, q);
        assert_eq!(a, b, "{q}");
        assert_eq!(
            with.app().library_search().note(),
            None,
            "{q}: the index was used"
        );
    }
}

#[test]
fn results_on_screen_get_their_excerpts() {
    let data = tempfile::tempdir().unwrap();
    let mut s = start(data.path(), Some(data.path().join("index")));
    s.send(Action::Search);
    for c in "的".chars() {
        s.send(PromptKey::Char(c));
    }
    s.send(PromptKey::Enter);
    s.settle();
    let hits = s.app().library_search().hits();
    assert!(hits.len() > 2);
    for h in hits {
        let e = h.excerpt.as_ref().expect("an excerpt for a row on screen");
        assert_eq!(&e.text[e.mark.clone()], "的");
    }
}

#[test]
fn a_damaged_index_is_rebuilt_and_searches_go_on_meanwhile() {
    let data = tempfile::tempdir().unwrap();
    let index = data.path().join("index");
    drop(start(data.path(), Some(index.clone())));
    std::fs::write(index.join("meta.json"), b"{ not json").unwrap();
    let mut s = Session::start(setup(data.path(), Some(index.clone())), Arc::new(|| {}));
    s.send(Msg::Resize(120, 40));
    assert!(
        s.app()
            .message()
            .is_some_and(|m| m.starts_with(strings::INDEX_REBUILT)),
        "{:?}",
        s.app().message()
    );
    // Before the index is full again, a search reads every article and says so.
    s.send(Action::Search);
    s.send(PromptKey::Char('的'));
    // Enter searches at once (typing alone waits for the keys to pause).
    s.send(PromptKey::Enter);
    assert_eq!(
        s.app().library_search().note(),
        Some(strings::SEARCH_WITHOUT_INDEX)
    );
    s.send(PromptKey::Esc);
    s.settle();
    let hits = search(&mut s, "社区");
    assert_eq!(hits.len(), 1);
    assert_eq!(s.app().library_search().note(), None);
}

#[test]
fn n_past_the_last_match_goes_to_the_next_article_of_the_results() {
    let data = tempfile::tempdir().unwrap();
    let mut s = start(data.path(), Some(data.path().join("index")));
    s.send(Action::Search);
    s.send(PromptKey::Char('的'));
    s.send(PromptKey::Enter);
    s.settle();
    let first = s.app().library_search().hits()[0].clone();
    let second = s.app().library_search().hits()[1].id;
    s.send(Action::FocusRight);
    assert_eq!(s.app().open_id(), Some(first.id));
    for _ in 1..first.count {
        s.send(Action::NextMatch);
    }
    assert_eq!(
        s.app().open_id(),
        Some(first.id),
        "still in the first article"
    );
    s.send(Action::NextMatch);
    assert_eq!(s.app().open_id(), Some(second), "on to the next article");
    assert_eq!(s.app().search().current(), Some(0));
    assert_eq!(s.app().message(), Some(strings::NEXT_ARTICLE_MATCHES));
    s.send(Action::PrevMatch);
    assert_eq!(
        s.app().open_id(),
        Some(first.id),
        "and back, at its last match"
    );
    assert_eq!(s.app().search().current(), Some(first.count - 1));
}
