//! A Google Reader API server for the sync tests, on 127.0.0.1, that answers as FreshRSS
//! 1.24.3 did in the recorded exchanges (`../shared/sync-servers/freshrss/`) and, in its
//! Miniflux mode, as Miniflux's `/reader/api/0` does by its source and documentation. It
//! keeps state (read, starred, labels, subscriptions) the way the recordings show it
//! changing, so a test can sync, change something "on the server", and sync again.
//!
//! FreshRSS, as recorded: ids are storage times in microseconds; `c` is inclusive, the
//! server fetches `n + 1` rows and drops the first, and sends a continuation whenever it
//! found `n` rows (so paging while state changes skips an item); `ot` filters on the id's
//! time; `ts` of mark-all-as-read is in microseconds; every auth failure is 401 with
//! `Google-Bad-Token: true`; lists without `output=json` are 501; an empty or `x` `T` is
//! accepted. Miniflux: small decimal ids, a bare number sent back read as hex, numeric
//! offsets as continuations, `user/1/…` stream ids, `output=json` required (400), ids
//! ordered by publication date and `ot` on it, `T` alone authenticating a POST, unknown
//! endpoints answered `[]` with 200, and an `edit-tag` that toggles an item already in the
//! asked state.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use super::http_server::HttpServer;

#[path = "greader_server/edits.rs"]
mod edits;
#[path = "greader_server/handle.rs"]
mod handle;
#[path = "greader_server/streams.rs"]
mod streams;

use handle::handle;

/// Which server is played.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    FreshRss,
    Miniflux,
}

/// A subscription.
#[derive(Debug, Clone)]
pub struct GFeed {
    pub id: u64,
    pub title: String,
    pub url: String,
    pub html_url: String,
    pub icon_url: String,
    pub folder: String,
}

/// An item and its state.
#[derive(Debug, Clone)]
pub struct GItem {
    pub id: u64,
    pub feed: u64,
    pub title: String,
    pub link: String,
    pub published: i64,
    pub content: String,
    pub author: Option<String>,
    pub read: bool,
    pub starred: bool,
    pub labels: BTreeSet<String>,
}

/// Everything the server knows.
#[derive(Debug, Clone)]
pub struct GState {
    pub dialect: Dialect,
    pub user: String,
    pub password: String,
    /// The hash part of `Auth` (`user/<hash>`); `T` is the hash padded with `Z`.
    pub hash: String,
    pub feeds: Vec<GFeed>,
    pub items: BTreeMap<u64, GItem>,
    /// Labels (FreshRSS tags), once created.
    pub tags: Vec<String>,
    /// Feeds a subscription can find: address → (title, site, items as templates).
    pub sources: BTreeMap<String, (String, String, Vec<GItem>)>,
    /// The clock for `mark-all-as-read` without `ts`, and new ids (microseconds).
    pub now_usec: u64,
    /// The next subscription's number (never reused, as in FreshRSS).
    pub next_feed: u64,
    /// The most ids or items one page holds, whatever `n` asks (some servers cap it).
    pub max_n: usize,
    /// Requests to this endpoint hang (for a kill while a sync waits): before the server
    /// acts on them, or after it acted and before it answers.
    pub stall: Option<(String, Stall)>,
}

/// When a stalled request hangs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stall {
    Before,
    After,
}

/// The running server.
pub struct GReaderServer {
    pub http: HttpServer,
    pub state: Arc<Mutex<GState>>,
}

impl GReaderServer {
    /// Serves `state`.
    pub fn start(state: GState) -> GReaderServer {
        let state = Arc::new(Mutex::new(state));
        let s = Arc::clone(&state);
        let http = HttpServer::start(move |req| {
            let stall = s.lock().unwrap().stall.clone();
            let hang = |when| {
                if let Some((endpoint, w)) = &stall
                    && *w == when
                    && req.path.ends_with(endpoint.as_str())
                {
                    std::thread::sleep(std::time::Duration::from_secs(3600));
                }
            };
            hang(Stall::Before);
            let reply = handle(&mut s.lock().unwrap(), req);
            hang(Stall::After);
            reply
        });
        GReaderServer { http, state }
    }

    /// The API's base address (`…/api/greader.php` for FreshRSS, the root for Miniflux).
    pub fn base(&self) -> String {
        match self.state.lock().unwrap().dialect {
            Dialect::FreshRss => self.http.url("/api/greader.php"),
            Dialect::Miniflux => self.http.url(""),
        }
    }

    /// Changes state "on the server", as another client would.
    pub fn with<R>(&self, f: impl FnOnce(&mut GState) -> R) -> R {
        f(&mut self.state.lock().unwrap())
    }
}

impl GState {
    /// An empty server.
    pub fn new(dialect: Dialect, user: &str, password: &str) -> GState {
        GState {
            dialect,
            user: user.into(),
            password: password.into(),
            hash: "2559a702f95bdcde790e3e6ed0c0b423096ba668".into(),
            feeds: Vec::new(),
            items: BTreeMap::new(),
            tags: Vec::new(),
            sources: BTreeMap::new(),
            now_usec: 1_796_646_612_000_000,
            next_feed: 1,
            max_n: usize::MAX,
            stall: None,
        }
    }

    pub fn auth(&self) -> String {
        format!("{}/{}", self.user, self.hash)
    }

    pub fn token(&self) -> String {
        match self.dialect {
            Dialect::FreshRss => format!("{:Z<57}", self.hash),
            Dialect::Miniflux => self.auth(),
        }
    }

    /// The next free item id.
    pub fn next_id(&self) -> u64 {
        self.items.keys().next_back().map_or(
            match self.dialect {
                Dialect::FreshRss => 1_796_646_608_957_487,
                Dialect::Miniflux => 1,
            },
            |m| m + 1,
        )
    }

    /// Adds an item to feed `feed` as if the server had just fetched it; returns its id.
    pub fn add_item(&mut self, feed: u64, title: &str, content: &str, published: i64) -> u64 {
        let id = self.next_id();
        self.items.insert(
            id,
            GItem {
                id,
                feed,
                title: title.into(),
                link: format!("http://127.0.0.1:9/{feed}/{id}.html"),
                published,
                content: content.into(),
                author: None,
                read: false,
                starred: false,
                labels: BTreeSet::new(),
            },
        );
        id
    }

    fn user_prefix(&self) -> &'static str {
        match self.dialect {
            Dialect::FreshRss => "user/-/",
            Dialect::Miniflux => "user/1/",
        }
    }

    fn feed(&self, id: u64) -> Option<&GFeed> {
        self.feeds.iter().find(|f| f.id == id)
    }

    /// An item in the recorded shape of `stream/contents` and `stream/items/contents`.
    pub fn item_json(&self, it: &GItem) -> Value {
        let feed = self.feed(it.feed);
        let p = self.user_prefix();
        let mut categories = vec![format!("{p}state/com.google/reading-list")];
        if let Some(f) = feed {
            categories.push(format!("{p}label/{}", f.folder));
        }
        if it.read {
            categories.push(format!("{p}state/com.google/read"));
        }
        if it.starred {
            categories.push(format!("{p}state/com.google/starred"));
        }
        for l in &it.labels {
            categories.push(format!("{p}label/{l}"));
        }
        let usec = match self.dialect {
            Dialect::FreshRss => it.id.to_string(),
            Dialect::Miniflux => (it.published * 1_000_000).to_string(),
        };
        let mut v = json!({
            "id": format!("tag:google.com,2005:reader/item/{:016x}", it.id),
            "crawlTimeMsec": usec.get(..13).unwrap_or(&usec),
            "timestampUsec": usec,
            "published": it.published,
            "title": it.title,
            "canonical": [{"href": it.link}],
            "alternate": [{"href": it.link}],
            "categories": categories,
            "origin": {
                "streamId": format!("feed/{}", it.feed),
                "htmlUrl": feed.map(|f| f.html_url.clone()).unwrap_or_default(),
                "title": feed.map(|f| f.title.clone()).unwrap_or_default(),
            },
            "summary": {"content": it.content},
        });
        if self.dialect == Dialect::Miniflux {
            v["content"] = json!({"direction": "ltr", "content": it.content});
        }
        if let Some(a) = &it.author {
            v["author"] = json!(a);
        }
        v
    }
}

/// The repository's own seed account (`tests/fixtures/sync/seed.json`).
pub fn seed() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sync/seed.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

impl GState {
    /// A server holding the feeds and items of `seed` (ids given in order).
    pub fn seeded(dialect: Dialect, user: &str, password: &str, seed: &Value) -> GState {
        let mut s = GState::new(dialect, user, password);
        for (i, f) in seed["feeds"].as_array().unwrap().iter().enumerate() {
            s.feeds.push(GFeed {
                id: i as u64 + 1,
                title: f["title"].as_str().unwrap().into(),
                url: f["url"].as_str().unwrap().into(),
                html_url: f["site"].as_str().unwrap().into(),
                icon_url: String::new(),
                folder: f["folder"].as_str().unwrap().into(),
            });
        }
        for it in seed["items"].as_array().unwrap() {
            let id = s.add_item(
                it["feed"].as_u64().unwrap(),
                it["title"].as_str().unwrap(),
                it["content"].as_str().unwrap(),
                it["published"].as_i64().unwrap(),
            );
            let item = s.items.get_mut(&id).unwrap();
            item.author = it["author"].as_str().map(str::to_string);
        }
        s
    }

    /// A server as FreshRSS was when the exchanges in `dir` were recorded: the feeds of
    /// `07-subscription-list`, the items of `16-reading-list-ot-past`, the `Auth` of
    /// `01-clientlogin-ok`, and the fixture feeds a subscription can find.
    pub fn from_recordings(dir: &std::path::Path) -> GState {
        let read = |name: &str| {
            let file = std::fs::read_dir(dir)
                .unwrap()
                .filter_map(|e| e.ok())
                .find(|e| e.file_name().to_string_lossy().starts_with(name))
                .unwrap()
                .path();
            super::recordings::parse(name, &std::fs::read_to_string(file).unwrap())
        };
        let login = read("01-");
        let auth = login
            .response_body
            .lines()
            .find_map(|l| l.strip_prefix("Auth="))
            .unwrap()
            .to_string();
        let (user, hash) = auth.split_once('/').unwrap();
        let password = url::form_urlencoded::parse(login.body.as_bytes())
            .find(|(k, _)| k == "Passwd")
            .unwrap()
            .1
            .into_owned();
        let mut s = GState::new(Dialect::FreshRss, user, &password);
        s.hash = hash.to_string();
        let subs: Value = serde_json::from_str(&read("07-").response_body).unwrap();
        for f in subs["subscriptions"].as_array().unwrap() {
            s.feeds.push(GFeed {
                id: f["id"]
                    .as_str()
                    .unwrap()
                    .trim_start_matches("feed/")
                    .parse()
                    .unwrap(),
                title: f["title"].as_str().unwrap().into(),
                url: f["url"].as_str().unwrap().into(),
                html_url: f["htmlUrl"].as_str().unwrap().into(),
                icon_url: f["iconUrl"].as_str().unwrap().into(),
                folder: f["categories"][0]["label"].as_str().unwrap().into(),
            });
            s.sources.insert(
                f["url"].as_str().unwrap().into(),
                (
                    f["title"].as_str().unwrap().into(),
                    f["htmlUrl"].as_str().unwrap().into(),
                    Vec::new(),
                ),
            );
        }
        let all: Value = serde_json::from_str(&read("16-").response_body).unwrap();
        for it in all["items"].as_array().unwrap() {
            let id =
                u64::from_str_radix(it["id"].as_str().unwrap().rsplit('/').next().unwrap(), 16)
                    .unwrap();
            s.items.insert(
                id,
                GItem {
                    id,
                    feed: it["origin"]["streamId"]
                        .as_str()
                        .unwrap()
                        .trim_start_matches("feed/")
                        .parse()
                        .unwrap(),
                    title: it["title"].as_str().unwrap().into(),
                    link: it["canonical"][0]["href"].as_str().unwrap().into(),
                    published: it["published"].as_i64().unwrap(),
                    content: it["summary"]["content"].as_str().unwrap().into(),
                    author: it["author"].as_str().map(str::to_string),
                    read: false,
                    starred: false,
                    labels: BTreeSet::new(),
                },
            );
        }
        s
    }
}
