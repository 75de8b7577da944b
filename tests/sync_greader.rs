//! Sync over the Google Reader API against the replay server (FreshRSS as recorded, and
//! Miniflux's dialect), seeded with the repository's own account: the first sync brings
//! the subscriptions with their folders and every item into the catalog; a sync with
//! nothing new costs at most five requests and no contents; changes on the server arrive,
//! changes made here go out once (only real ones: Miniflux toggles), a change made here
//! wins over the server's for the same item, a stale login is renewed once, and a server
//! that is down or refuses the password leaves everything here as it was.

#[path = "support/greader_server.rs"]
mod greader_server;
#[path = "support/http_server.rs"]
mod http_server;
#[path = "support/recordings.rs"]
mod recordings;

use std::collections::HashMap;

use greader_server::{Dialect, GReaderServer, GState, seed};
use newsreader::catalog::Catalog;
use newsreader::sync::{
    Mark, MarkKind, Provider, RemoteId, Secret, SyncError, SyncOptions, SyncReport, SyncSettings,
    connect, sync_with,
};

const PASSWORD: &str = "correct horse battery staple";

fn server(dialect: Dialect) -> GReaderServer {
    GReaderServer::start(GState::seeded(dialect, "reader", PASSWORD, &seed()))
}

fn settings(server: &GReaderServer) -> SyncSettings {
    SyncSettings {
        provider: Provider::GReader,
        url: server.base(),
        user: "reader".into(),
        password_command: None,
    }
}

fn sync(server: &GReaderServer, catalog: &mut Catalog) -> Result<SyncReport, SyncError> {
    let s = settings(server);
    let mut backend = connect(&s, Secret::new(PASSWORD))?;
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

/// Title → (key, read) of every synced item listed.
fn listed(catalog: &Catalog) -> HashMap<String, (String, bool)> {
    catalog
        .item_entries()
        .unwrap()
        .into_iter()
        .map(|e| (e.title, (e.key, e.read)))
        .collect()
}

/// The server's id of the item titled `title`.
fn id_of(server: &GReaderServer, title: &str) -> u64 {
    server.with(|s| s.items.values().find(|i| i.title == title).unwrap().id)
}

#[test]
fn a_first_sync_brings_feeds_folders_and_items_and_a_second_costs_five_requests() {
    for dialect in [Dialect::FreshRss, Dialect::Miniflux] {
        let server = server(dialect);
        let mut c = Catalog::memory();
        let first = sync(&server, &mut c).unwrap();
        assert_eq!((first.feeds, first.new), (2, 6), "{dialect:?}");
        assert!(
            first.requests <= 7,
            "{dialect:?}: {} requests",
            first.requests
        );
        let feeds = c.feeds().unwrap();
        assert_eq!(feeds.len(), 2);
        let city = feeds
            .iter()
            .find(|f| f.subscription.url.ends_with("city.xml"))
            .unwrap();
        assert_eq!(city.folder.as_deref(), Some("新闻"));
        assert_eq!(city.title.as_deref(), Some("测试：城市生活"));
        assert_eq!((city.items, city.unread), (3, 3));
        let items = listed(&c);
        assert_eq!(items.len(), 6);
        assert!(
            items.contains_key("老街上的早点铺") && items.contains_key("Why the tomatoes split")
        );
        let entry = c
            .item_entries()
            .unwrap()
            .into_iter()
            .find(|e| e.title == "地铁新线试运行")
            .unwrap();
        let article = c.article(entry.id).unwrap().unwrap();
        assert_eq!(article.byline.as_deref(), Some("王五"));
        assert_eq!(entry.source.as_deref(), Some("测试：城市生活"));
        assert_eq!(entry.feeds, ["http://127.0.0.1:9/city.xml"]);

        server.http.clear_log();
        let again = sync(&server, &mut c).unwrap();
        assert_eq!((again.new, again.updated, again.sent), (0, 0, 0));
        assert!(
            server.http.count() <= 5,
            "{dialect:?}: {:?}",
            server.http.log()
        );
        assert!(
            !server
                .http
                .log()
                .iter()
                .any(|(_, p)| p.ends_with("contents")),
            "no contents when nothing is new"
        );
    }
}

#[test]
fn changes_on_the_server_arrive_and_changes_here_go_out_once() {
    for dialect in [Dialect::FreshRss, Dialect::Miniflux] {
        let server = server(dialect);
        let mut c = Catalog::memory();
        sync(&server, &mut c).unwrap();
        // On the server: one item read, another starred, a new item.
        let (a, b) = (
            id_of(&server, "老街上的早点铺"),
            id_of(&server, "社区图书角开放了"),
        );
        server.with(|s| {
            s.items.get_mut(&a).unwrap().read = true;
            s.items.get_mut(&b).unwrap().starred = true;
            s.add_item(
                2,
                "Mulching in winter",
                &"<p>Straw keeps the soil warm.</p>".repeat(20),
                1_767_500_000,
            );
        });
        server.http.clear_log();
        let r = sync(&server, &mut c).unwrap();
        assert_eq!(r.new, 1, "{dialect:?}");
        assert_eq!(r.changed_here, 2);
        let items = listed(&c);
        assert!(items["老街上的早点铺"].1, "read on the server, read here");
        assert!(
            c.is_starred(&items["社区图书角开放了"].0).unwrap(),
            "starred there, here"
        );
        assert!(!items["Mulching in winter"].1);
        let contents: Vec<_> = server
            .http
            .log()
            .into_iter()
            .filter(|(_, p)| p.ends_with("contents"))
            .collect();
        assert_eq!(contents.len(), 1, "only the new item's contents");

        // Here: one read, one starred, one unstarred; sent on the next sync, once.
        let (garlic, beans) = (
            items["Planting garlic before the frost"].0.clone(),
            items["Saving seeds from beans"].0.clone(),
        );
        c.set_read(&garlic, true).unwrap();
        c.set_starred(&beans, true).unwrap();
        c.set_starred(&items["社区图书角开放了"].0, false).unwrap();
        assert_eq!(c.sync_status().unwrap().queued, 3);
        let r = sync(&server, &mut c).unwrap();
        assert_eq!(r.sent, 3, "{dialect:?}");
        let (g, bn) = (
            id_of(&server, "Planting garlic before the frost"),
            id_of(&server, "Saving seeds from beans"),
        );
        server.with(|s| {
            assert!(s.items[&g].read);
            assert!(s.items[&bn].starred);
            assert!(!s.items[&b].starred);
        });
        assert_eq!(c.sync_status().unwrap().queued, 0);
        server.http.clear_log();
        let r = sync(&server, &mut c).unwrap();
        assert_eq!(r.sent, 0);
        assert!(
            !server
                .http
                .log()
                .iter()
                .any(|(_, p)| p.ends_with("edit-tag")),
            "sent once"
        );
        server.with(|s| assert!(s.items[&g].read, "Miniflux's toggle never undid it"));
    }
}

#[test]
fn a_change_made_here_wins_over_the_servers_for_the_same_item() {
    let server = server(Dialect::FreshRss);
    let mut c = Catalog::memory();
    sync(&server, &mut c).unwrap();
    let items = listed(&c);
    let key = items["地铁新线试运行"].0.clone();
    c.set_read(&key, true).unwrap();
    let id = id_of(&server, "地铁新线试运行");
    let other = id_of(&server, "Why the tomatoes split");
    server.with(|s| {
        s.items.get_mut(&id).unwrap().starred = true;
        s.items.get_mut(&other).unwrap().read = true;
    });
    sync(&server, &mut c).unwrap();
    server.with(|s| assert!(s.items[&id].read, "read here, sent"));
    assert!(c.is_read(&key).unwrap());
    assert!(
        c.is_starred(&key).unwrap(),
        "the star made there still arrives"
    );
    assert!(listed(&c)["Why the tomatoes split"].1);
}

#[test]
fn a_needless_change_is_not_sent() {
    // Miniflux toggles an item already read: marking it read again must send nothing.
    let server = server(Dialect::Miniflux);
    let mut c = Catalog::memory();
    sync(&server, &mut c).unwrap();
    let key = listed(&c)["社区图书角开放了"].0.clone();
    let id = id_of(&server, "社区图书角开放了");
    server.with(|s| s.items.get_mut(&id).unwrap().read = true);
    c.set_read(&key, true).unwrap();
    server.http.clear_log();
    sync(&server, &mut c).unwrap();
    assert!(
        !server
            .http
            .log()
            .iter()
            .any(|(_, p)| p.ends_with("edit-tag"))
    );
    server.with(|s| assert!(s.items[&id].read));
    assert_eq!(c.sync_status().unwrap().queued, 0);
}

#[test]
fn continuations_are_followed_whatever_form_they_take() {
    for dialect in [Dialect::FreshRss, Dialect::Miniflux] {
        let server = server(dialect);
        server.with(|s| s.max_n = 2);
        let mut c = Catalog::memory();
        let r = sync(&server, &mut c).unwrap();
        assert_eq!(r.new, 6, "{dialect:?}: every item, two ids a page");
    }
}

#[test]
fn a_stale_login_is_renewed_once() {
    let server = server(Dialect::FreshRss);
    let s = settings(&server);
    let mut backend = connect(&s, Secret::new(PASSWORD)).unwrap();
    let mut c = Catalog::memory();
    let options = SyncOptions::default();
    sync_with(
        backend.as_mut(),
        &s.account(),
        &options,
        &mut c,
        None,
        &mut |_| {},
        &mut |_| {},
    )
    .unwrap();
    // The API password is set again on the server: the Auth held is stale.
    server.with(|st| st.hash = "09afe2d4e52c241d7c15970ced22bd39b4f1ffad".into());
    server.http.clear_log();
    sync_with(
        backend.as_mut(),
        &s.account(),
        &options,
        &mut c,
        None,
        &mut |_| {},
        &mut |_| {},
    )
    .unwrap();
    let logins = server
        .http
        .log()
        .iter()
        .filter(|(_, p)| p.ends_with("ClientLogin"))
        .count();
    assert_eq!(logins, 1);
}

#[test]
fn a_refused_password_or_a_server_that_is_down_changes_nothing_here() {
    let server = server(Dialect::FreshRss);
    let mut c = Catalog::memory();
    sync(&server, &mut c).unwrap();
    let key = listed(&c)["老街上的早点铺"].0.clone();
    c.set_read(&key, true).unwrap();

    let s = settings(&server);
    let mut wrong = connect(&s, Secret::new("not the password")).unwrap();
    let e = sync_with(
        wrong.as_mut(),
        &s.account(),
        &SyncOptions::default(),
        &mut c,
        None,
        &mut |_| {},
        &mut |_| {},
    )
    .unwrap_err();
    assert_eq!(e, SyncError::LoginRefused);
    assert!(!e.to_string().contains("not the password"));

    let mut down = s.clone();
    down.url = format!(
        "http://127.0.0.1:{}/api/greader.php",
        http_server::dead_port()
    );
    let mut b = connect(&down, Secret::new(PASSWORD)).unwrap();
    let e = sync_with(
        b.as_mut(),
        &s.account(),
        &SyncOptions::default(),
        &mut c,
        None,
        &mut |_| {},
        &mut |_| {},
    )
    .unwrap_err();
    assert!(e.is_offline(), "{e}");
    assert_eq!(c.sync_status().unwrap().queued, 1, "the change still waits");
    assert_eq!(listed(&c).len(), 6);
    assert!(sync(&server, &mut c).unwrap().sent == 1);
}

#[test]
fn a_first_sync_of_ten_thousand_unread_items_takes_at_most_forty_seven_requests() {
    let mut state = GState::new(Dialect::FreshRss, "reader", PASSWORD);
    state.feeds = GState::seeded(Dialect::FreshRss, "reader", PASSWORD, &seed()).feeds;
    for i in 0..10_000 {
        state.add_item(
            1 + i % 2,
            &format!("条目 {i}"),
            "<p>正文。</p>",
            1_767_225_600 + i64::from(i as u32),
        );
    }
    let server = GReaderServer::start(state);
    let mut backend = connect(&settings(&server), Secret::new(PASSWORD)).unwrap();
    backend.subscriptions().unwrap();
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
    assert_eq!(twice, 0, "no item's contents twice");
    let limit = 7 + 10_000usize.div_ceil(250);
    assert!(
        backend.requests() <= limit,
        "{} requests, goal {limit}",
        backend.requests()
    );

    // Read marks for 1,000 items, from a fresh login.
    let mut fresh = connect(&settings(&server), Secret::new(PASSWORD)).unwrap();
    let ids: Vec<u64> = server.with(|s| s.items.keys().take(1_000).copied().collect());
    let marks: Vec<Mark> = ids
        .iter()
        .map(|&n| Mark {
            id: RemoteId::from_number(n),
            kind: MarkKind::Read,
            on: true,
        })
        .collect();
    fresh.push(&marks).unwrap();
    assert!(fresh.requests() <= 4, "{} requests", fresh.requests());
    server.with(|s| assert!(ids.iter().all(|i| s.items[i].read)));
}

#[test]
fn subscribing_and_unsubscribing_act_on_the_server() {
    for dialect in [Dialect::FreshRss, Dialect::Miniflux] {
        let server = server(dialect);
        server.with(|s| {
            s.sources.insert(
                "http://127.0.0.1:9/tea.xml".into(),
                (
                    "茶馆笔记".into(),
                    "http://127.0.0.1:9/tea/".into(),
                    Vec::new(),
                ),
            );
        });
        let mut backend = connect(&settings(&server), Secret::new(PASSWORD)).unwrap();
        let id = backend
            .subscribe("http://127.0.0.1:9/tea.xml", Some("喝茶"), Some("生活"))
            .unwrap();
        server.with(|s| {
            let f = s
                .feeds
                .iter()
                .find(|f| format!("feed/{}", f.id) == id)
                .unwrap();
            assert_eq!(
                (f.title.as_str(), f.folder.as_str()),
                ("喝茶", "生活"),
                "{dialect:?}"
            );
        });
        let again = backend
            .subscribe("http://127.0.0.1:9/tea.xml", None, None)
            .unwrap_err();
        assert!(
            matches!(again, SyncError::Refused(_) | SyncError::Status { .. }),
            "{again:?}"
        );
        let nothing = backend
            .subscribe("http://127.0.0.1:9/none.xml", None, None)
            .unwrap_err();
        assert!(matches!(nothing, SyncError::Refused(_)), "{nothing:?}");
        backend.unsubscribe(&id).unwrap();
        server.with(|s| assert_eq!(s.feeds.len(), 2));
    }
}

#[test]
fn the_client_syncs_from_a_server_seeded_with_the_recordings() {
    let Some(dir) = recordings::freshrss_dir() else {
        eprintln!(
            "skipped: ../shared/sync-servers/freshrss/recorded is not present (the repository's seed is used by the other tests)"
        );
        return;
    };
    let server = GReaderServer::start(GState::from_recordings(&dir));
    let (user, password) = server.with(|s| (s.user.clone(), s.password.clone()));
    let s = SyncSettings {
        user,
        ..settings(&server)
    };
    let mut backend = connect(&s, Secret::new(password)).unwrap();
    let mut c = Catalog::memory();
    c.set_synced(true);
    let r = sync_with(
        backend.as_mut(),
        &s.account(),
        &SyncOptions::default(),
        &mut c,
        None,
        &mut |_| {},
        &mut |_| {},
    )
    .unwrap();
    assert_eq!((r.feeds, r.new), (2, 5));
    let items = listed(&c);
    assert!(items.contains_key("第一篇：春天的早晨"));
    assert!(items.contains_key("Second post: read, unread, starred"));
}
