//! Sync over Miniflux's own API against its replay server, seeded with the repository's
//! own account: a first sync brings the feeds with their categories and every unread entry
//! (and the read starred ones) in three requests; a sync with nothing new asks three
//! questions; changes on the server arrive through `changed_after`; read marks go out in one
//! `PUT /v1/entries`; a star goes out only where the server's differs (the endpoint
//! toggles); a wrong API key is refused without showing it; feeds are added to a category
//! by name and removed; ten thousand unread entries take 41 requests after the feed list.

#[path = "support/greader_server.rs"]
mod greader_server;
#[path = "support/http_server.rs"]
mod http_server;
#[path = "support/miniflux_server.rs"]
mod miniflux_server;
#[path = "support/recordings.rs"]
mod recordings;

use std::collections::HashMap;

use greader_server::seed;
use miniflux_server::{MState, MinifluxServer};
use newsreader::catalog::Catalog;
use newsreader::sync::{
    Provider, Secret, SyncError, SyncOptions, SyncReport, SyncSettings, connect, sync_with,
};

const KEY: &str = "an-api-key-for-the-tests";

fn server() -> MinifluxServer {
    MinifluxServer::start(MState::seeded(KEY, &seed()))
}

fn settings(server: &MinifluxServer) -> SyncSettings {
    SyncSettings {
        provider: Provider::Miniflux,
        url: server.base(),
        user: String::new(),
        password_command: None,
    }
}

fn sync(server: &MinifluxServer, catalog: &mut Catalog) -> Result<SyncReport, SyncError> {
    let s = settings(server);
    let mut backend = connect(&s, Secret::new(KEY))?;
    catalog.set_synced(true);
    sync_with(
        backend.as_mut(),
        &s.account(),
        &SyncOptions::default(),
        catalog,
        None,
        &mut |_| {},
        &mut |_| {},
    )
}

fn listed(catalog: &Catalog) -> HashMap<String, (String, bool)> {
    catalog
        .item_entries()
        .unwrap()
        .into_iter()
        .map(|e| (e.title, (e.key, e.read)))
        .collect()
}

fn id_of(server: &MinifluxServer, title: &str) -> u64 {
    server.with(|s| s.entries.values().find(|e| e.title == title).unwrap().id)
}

#[test]
fn a_first_sync_brings_feeds_and_entries_and_nothing_new_costs_three_requests() {
    let server = server();
    let read_starred = id_of(&server, "Saving seeds from beans");
    server.with(|s| {
        let e = s.entries.get_mut(&read_starred).unwrap();
        e.read = true;
        e.starred = true;
    });
    let mut c = Catalog::memory();
    let first = sync(&server, &mut c).unwrap();
    assert_eq!((first.feeds, first.new), (2, 6));
    assert_eq!(
        first.requests, 3,
        "feeds, unread entries, read starred entries"
    );
    let feeds = c.feeds().unwrap();
    let garden = feeds
        .iter()
        .find(|f| f.subscription.url.ends_with("garden.xml"))
        .unwrap();
    assert_eq!(garden.folder.as_deref(), Some("Reading"));
    assert_eq!((garden.items, garden.unread), (3, 2));
    let items = listed(&c);
    assert!(items["Saving seeds from beans"].1, "read on the server");
    assert!(c.is_starred(&items["Saving seeds from beans"].0).unwrap());
    server.http.clear_log();
    let again = sync(&server, &mut c).unwrap();
    assert_eq!((again.new, again.sent), (0, 0));
    assert_eq!(
        server.http.count(),
        3,
        "feeds, changed entries, new entries: {:?}",
        server.http.log()
    );
}

#[test]
fn changes_arrive_and_go_out_and_a_star_is_never_toggled_away() {
    let server = server();
    let mut c = Catalog::memory();
    sync(&server, &mut c).unwrap();
    let (a, b) = (
        id_of(&server, "老街上的早点铺"),
        id_of(&server, "社区图书角开放了"),
    );
    server.with(|s| {
        let now = s.now();
        let e = s.entries.get_mut(&a).unwrap();
        e.read = true;
        e.changed = now;
        let e = s.entries.get_mut(&b).unwrap();
        e.starred = true;
        e.changed = now;
        s.add_entry(
            1,
            "夜市开张",
            &"<p>夜市今晚开张，摊位一直排到河边。</p>".repeat(10),
        );
    });
    let r = sync(&server, &mut c).unwrap();
    assert_eq!(r.new, 1);
    let items = listed(&c);
    assert!(items["老街上的早点铺"].1);
    assert!(c.is_starred(&items["社区图书角开放了"].0).unwrap());
    assert!(items.contains_key("夜市开张"));

    // Here: two read, the already-starred one starred again (a no-op), one starred.
    let tomatoes = items["Why the tomatoes split"].0.clone();
    let garlic = items["Planting garlic before the frost"].0.clone();
    c.set_read(&tomatoes, true).unwrap();
    c.set_read(&garlic, true).unwrap();
    c.set_starred(&items["社区图书角开放了"].0, false).unwrap();
    c.set_starred(&items["社区图书角开放了"].0, true).unwrap();
    c.set_starred(&items["地铁新线试运行"].0, true).unwrap();
    server.http.clear_log();
    let r = sync(&server, &mut c).unwrap();
    assert_eq!(r.sent, 3, "two read marks and one star");
    let log = server.http.log();
    let puts: Vec<_> = log.iter().filter(|(m, _)| m == "PUT").collect();
    assert_eq!(puts.len(), 2, "one PUT /v1/entries, one bookmark: {log:?}");
    server.with(|s| {
        assert!(s.entries[&id_of_in(s, "Why the tomatoes split")].read);
        assert!(s.entries[&id_of_in(s, "Planting garlic before the frost")].read);
        assert!(s.entries[&b].starred, "never toggled away");
        assert!(s.entries[&id_of_in(s, "地铁新线试运行")].starred);
    });
}

fn id_of_in(s: &MState, title: &str) -> u64 {
    s.entries.values().find(|e| e.title == title).unwrap().id
}

#[test]
fn a_wrong_key_is_refused_without_showing_it() {
    let server = server();
    let s = settings(&server);
    let mut backend = connect(&s, Secret::new("not-the-key")).unwrap();
    let mut c = Catalog::memory();
    let e = sync_with(
        backend.as_mut(),
        &s.account(),
        &SyncOptions::default(),
        &mut c,
        None,
        &mut |_| {},
        &mut |_| {},
    )
    .unwrap_err();
    assert_eq!(e, SyncError::LoginRefused);
    assert!(!e.to_string().contains("not-the-key"));
}

#[test]
fn feeds_are_added_to_a_category_by_name_and_removed() {
    let server = server();
    server.with(|s| {
        s.sources.insert(
            "http://127.0.0.1:9/tea.xml".into(),
            ("茶馆笔记".into(), "http://127.0.0.1:9/tea/".into()),
        );
    });
    let mut backend = connect(&settings(&server), Secret::new(KEY)).unwrap();
    let id = backend
        .subscribe("http://127.0.0.1:9/tea.xml", Some("喝茶"), Some("生活"))
        .unwrap();
    server.with(|s| {
        let f = s.feeds.iter().find(|f| f.id.to_string() == id).unwrap();
        assert_eq!(f.title, "喝茶");
        let (_, category) = s.categories.iter().find(|(c, _)| *c == f.category).unwrap();
        assert_eq!(category, "生活", "made when missing");
    });
    let again = backend
        .subscribe("http://127.0.0.1:9/tea.xml", None, Some("生活"))
        .unwrap_err();
    assert_eq!(
        again,
        SyncError::Refused("This feed already exists.".into())
    );
    backend.unsubscribe(&id).unwrap();
    server.with(|s| assert_eq!(s.feeds.len(), 2));
}

#[test]
fn ten_thousand_unread_entries_take_forty_one_requests_after_the_feed_list() {
    let mut state = MState::seeded(KEY, &seed());
    state.entries.clear();
    for i in 0..10_000 {
        state.add_entry(1 + i % 2, &format!("条目 {i}"), "<p>正文。</p>");
    }
    let server = MinifluxServer::start(state);
    let mut backend = connect(&settings(&server), Secret::new(KEY)).unwrap();
    let mut seen = std::collections::HashSet::new();
    let mut twice = 0;
    backend
        .pull(&Default::default(), &|_| false, &mut |items, _| {
            for i in items {
                twice += usize::from(!seen.insert(i.id));
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(seen.len(), 10_000);
    assert_eq!(twice, 0);
    assert_eq!(
        backend.requests(),
        41,
        "40 pages of 250 and the read starred ones"
    );
}
