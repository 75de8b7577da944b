//! Sync in the reader. Through the app alone: a sync runs at start with sync on (the list
//! first, from the catalog), `R` syncs, `s` stars the highlighted article, the server's read
//! changes reach the list, and a server that cannot be reached is said in the status bar
//! (with when the last sync was) until a sync succeeds. Through a whole session against the
//! replay server: the first sync fills the list and the feeds; a star made with `s` and a
//! read mark reach the server on `R`; a star made on the server heads the bookmarks list;
//! with the server down the reader starts, lists everything from the catalog, and says so.

#[path = "support/greader_server.rs"]
mod greader_server;
#[path = "support/http_server.rs"]
mod http_server;
#[path = "support/recordings.rs"]
mod recordings;

use std::path::Path;
use std::sync::Arc;

use greader_server::{Dialect, GReaderServer, GState, seed};
use newsreader::app::{App, Effect, Focus, Msg, Start, SyncNews};
use newsreader::keymap::Action;
use newsreader::layout::LayoutOptions;
use newsreader::model::{ArticleId, Entry, Origin};
use newsreader::session::{FeedSetup, Places, Session, Setup, Sources, SyncSetup};
use newsreader::sync::{Provider, SyncOptions, SyncSettings};

fn entry(id: i64, title: &str, read: bool) -> Entry {
    Entry {
        id: ArticleId(id),
        origin: Origin::Item(format!("greader:{id:016x}")),
        key: format!("item:{id}"),
        title: title.into(),
        date: Some(format!("2026-01-0{id}")),
        time: None,
        source: None,
        sections: 1,
        read,
        feeds: vec!["http://127.0.0.1:9/city.xml".into()],
    }
}

fn app_with_sync() -> (App, Vec<Effect>) {
    let mut app = App::new(LayoutOptions::default());
    app.update(Msg::Resize(100, 30));
    let effects = app.update(Msg::Start(Box::new(Start {
        entries: vec![
            entry(1, "一", false),
            entry(2, "二", false),
            entry(3, "三", true),
        ],
        collection: true,
        feeds: Some(None),
        sync: true,
        ..Start::default()
    })));
    (app, effects)
}

#[test]
fn a_sync_runs_at_start_and_its_news_reaches_the_list() {
    let (mut app, effects) = app_with_sync();
    assert!(effects.contains(&Effect::Refresh), "{effects:?}");
    assert!(app.syncs() && app.busy());
    app.update(Msg::Sync(SyncNews::Progress(3, 10)));
    assert_eq!(app.fetch_progress(), Some((3, 10)));
    let unread = app.unread();
    app.update(Msg::Sync(SyncNews::Done {
        new: 0,
        updated: 0,
        changed: 2,
        sent: 1,
        reads: vec![("item:1".into(), true), ("item:3".into(), false)],
    }));
    assert!(!app.busy());
    assert_eq!(app.unread(), unread, "one read, one unread again");
    let read: Vec<bool> = app.entries().iter().map(|e| e.read).collect();
    assert_eq!(read.iter().filter(|r| **r).count(), 1);
    assert!(app.message().unwrap().starts_with("synced: "));
    // R syncs again: the same effect as a refresh, the session decides.
    assert!(
        app.update(Msg::Action(Action::Refresh))
            .contains(&Effect::Refresh)
    );
}

#[test]
fn an_unreachable_server_is_said_until_a_sync_succeeds() {
    let (mut app, _) = app_with_sync();
    let note = "offline: the sync server could not be reached; last sync 09:30";
    app.update(Msg::Sync(SyncNews::Failed {
        why: note.into(),
        offline: true,
    }));
    assert_eq!(app.sync_note(), Some(note));
    app.update(Msg::Action(Action::ScrollDown));
    assert_eq!(app.sync_note(), Some(note), "kept across keys");
    assert_eq!(app.entries().len(), 3, "the list from the catalog stays");
    app.update(Msg::Action(Action::Refresh));
    app.update(Msg::Sync(SyncNews::Done {
        new: 1,
        updated: 0,
        changed: 0,
        sent: 0,
        reads: Vec::new(),
    }));
    assert_eq!(app.sync_note(), None);
}

#[test]
fn s_stars_the_highlighted_article_and_the_answer_is_the_bookmarks_list() {
    let (mut app, _) = app_with_sync();
    app.update(Msg::Sync(SyncNews::Failed {
        why: String::new(),
        offline: false,
    }));
    assert_eq!(app.focus(), Focus::Articles);
    let key = app.entries()[app.article_cursor()].key.clone();
    let effects = app.update(Msg::Action(Action::Star));
    assert_eq!(effects, vec![Effect::ToggleStar(key.clone())]);
    assert!(app.busy(), "waits for the writer");
    let star = newsreader::model::Bookmark {
        key,
        place: newsreader::model::StoredPlace::Place(newsreader::layout::Place {
            section: 0,
            paragraph: None,
            offset: 0,
        }),
        title: "一".into(),
        snippet: "★ starred".into(),
    };
    app.update(Msg::Sync(SyncNews::Marks(vec![star.clone()], Some(true))));
    assert!(!app.busy());
    assert_eq!(app.message(), Some("starred"));
    assert_eq!(app.bookmarks(), [star]);
}

const PASSWORD: &str = "a password for the reader";

struct Reader {
    _dir: tempfile::TempDir,
    setup: Setup,
}

impl Reader {
    fn new(server_url: &str) -> Reader {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("secret");
        std::fs::write(&secret, PASSWORD).unwrap();
        let settings = SyncSettings {
            provider: Provider::GReader,
            url: server_url.into(),
            user: "reader".into(),
            password_command: Some(format!("cat {}", secret.display())),
        };
        let setup = Setup {
            sources: Sources {
                paths: Vec::new(),
                feeds: Some(FeedSetup {
                    sync: Some(SyncSetup {
                        settings,
                        options: SyncOptions::default(),
                    }),
                    ..FeedSetup::default()
                }),
            },
            places: Places {
                data: Some(dir.path().join("data")),
                index: Some(dir.path().join("index")),
            },
            ..Setup::default()
        };
        Reader { _dir: dir, setup }
    }

    fn session(&self) -> Session {
        let mut s = Session::start(self.setup.clone(), Arc::new(|| {}));
        s.send(Msg::Resize(100, 30));
        s.settle();
        s
    }
}

fn titled(s: &Session, title: &str) -> Entry {
    s.app()
        .entries()
        .iter()
        .find(|e| e.title == title)
        .unwrap()
        .clone()
}

#[test]
fn the_reader_syncs_stars_and_reads_with_the_server() {
    let server = GReaderServer::start(GState::seeded(
        Dialect::FreshRss,
        "reader",
        PASSWORD,
        &seed(),
    ));
    let reader = Reader::new(&server.base());
    let mut s = reader.session();
    assert_eq!(s.app().entries().len(), 6, "{:?}", s.app().message());
    assert_eq!(s.app().feeds().len(), 2);
    // Star the highlighted item, read another; R sends both.
    let first = s.app().entries()[s.app().article_cursor()].clone();
    s.send(Action::Star);
    s.settle();
    assert_eq!(s.app().bookmarks()[0].key, first.key);
    let garlic = titled(&s, "Planting garlic before the frost");
    let at = s
        .app()
        .entries()
        .iter()
        .position(|e| e.id == garlic.id)
        .unwrap();
    while s.app().article_cursor() < at {
        s.send(Action::ScrollDown);
    }
    s.send(Action::ToggleRead);
    // A star made on the server meanwhile.
    let other = server.with(|st| {
        let it = st
            .items
            .values_mut()
            .find(|i| i.title == "社区图书角开放了")
            .unwrap();
        it.starred = true;
        it.id
    });
    s.send(Action::Refresh);
    s.settle();
    server.with(|st| {
        let g = st.items.values().find(|i| i.title == garlic.title).unwrap();
        assert!(g.read, "the read mark reached the server");
        let f = st.items.values().find(|i| i.title == first.title).unwrap();
        assert!(f.starred, "the star reached the server");
        assert!(st.items[&other].starred);
    });
    let starred: Vec<&str> = s
        .app()
        .bookmarks()
        .iter()
        .map(|b| b.title.as_str())
        .collect();
    assert!(starred.contains(&"社区图书角开放了"), "{starred:?}");
    s.shutdown();
}

#[test]
fn with_the_server_down_the_reader_starts_from_the_catalog_and_says_so() {
    let server = GReaderServer::start(GState::seeded(
        Dialect::FreshRss,
        "reader",
        PASSWORD,
        &seed(),
    ));
    let reader = Reader::new(&server.base());
    let mut first = reader.session();
    assert_eq!(first.app().entries().len(), 6);
    first.shutdown();
    drop(first);
    server.http.stop();
    let s = reader.session();
    assert_eq!(s.app().entries().len(), 6, "everything from the catalog");
    let note = s.app().sync_note().unwrap_or_default().to_string();
    assert!(
        note.starts_with("offline: the sync server could not be reached; last sync "),
        "{note}"
    );
    assert!(!note.ends_with("never"), "{note}");
    assert!(
        Path::new(&reader.setup.places.data.clone().unwrap())
            .join("library.db")
            .exists()
    );
}
