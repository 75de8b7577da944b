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

use super::http_server::{HttpServer, Req, Resp};

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

const TEXT: &str = "text/plain; charset=UTF-8";
const HTML: &str = "text/html; charset=UTF-8";

fn unauthorized(d: Dialect) -> Resp {
    match d {
        Dialect::FreshRss => {
            Resp::new(401, TEXT, "Unauthorized!").header("Google-Bad-Token", "true")
        }
        Dialect::Miniflux => {
            Resp::new(401, "text/plain", "Unauthorized").header("X-Reader-Google-Bad-Token", "true")
        }
    }
}

fn bad_request(d: Dialect, why: &str) -> Resp {
    match d {
        Dialect::FreshRss => Resp::new(400, TEXT, "Bad Request!"),
        Dialect::Miniflux => Resp::json(400, &json!({"error_message": why})),
    }
}

fn ok_text(d: Dialect) -> Resp {
    match d {
        Dialect::FreshRss => Resp::new(200, HTML, "OK"),
        Dialect::Miniflux => Resp::new(200, "text/plain", "OK"),
    }
}

/// Answers one request.
fn handle(s: &mut GState, req: &Req) -> Resp {
    let d = s.dialect;
    let rest = match d {
        Dialect::FreshRss => req.path.strip_prefix("/api/greader.php"),
        Dialect::Miniflux => Some(req.path.as_str()),
    };
    let Some(rest) = rest else {
        return Resp::new(404, TEXT, "Not Found");
    };
    if rest == "/accounts/ClientLogin" {
        if d == Dialect::Miniflux && req.method != "POST" {
            return Resp::new(405, TEXT, "");
        }
        let (email, passwd) = (req.any("Email"), req.any("Passwd"));
        if email == Some(s.user.as_str()) && passwd == Some(s.password.as_str()) {
            let a = s.auth();
            return Resp::new(200, TEXT, format!("SID={a}\nLSID=null\nAuth={a}\n"));
        }
        return unauthorized(d);
    }
    let Some(endpoint) = rest.strip_prefix("/reader/api/0/") else {
        return bad_request(d, "unknown path");
    };
    // Authentication: the header; for Miniflux's POSTs, the T field alone.
    let authed = match (d, req.method.as_str()) {
        (Dialect::Miniflux, "POST") => req.f("T") == Some(s.auth().as_str()),
        _ => req.header("Authorization") == Some(format!("GoogleLogin auth={}", s.auth()).as_str()),
    };
    if !authed {
        return unauthorized(d);
    }
    let json_out = req.any("output") == Some("json");
    if d == Dialect::FreshRss && req.method == "POST" {
        let writes = ["edit-tag", "mark-all-as-read", "rename-tag", "disable-tag"];
        if writes.contains(&endpoint) {
            let t = req.f("T").unwrap_or_default();
            if !t.is_empty() && t != "x" && t != s.token() {
                return unauthorized(d);
            }
        }
    }
    let needs_json = [
        "subscription/list",
        "tag/list",
        "unread-count",
        "stream/items/ids",
        "stream/items/contents",
        "user-info",
    ];
    if d == Dialect::Miniflux && needs_json.contains(&endpoint) && !json_out {
        return bad_request(d, "googlereader: only json output is supported");
    }
    match endpoint {
        "token" => match d {
            Dialect::FreshRss => Resp::new(200, HTML, format!("{}\n", s.token())),
            Dialect::Miniflux => Resp::new(200, "text/plain; charset=UTF-8", s.token()),
        },
        "user-info" => Resp::new(
            200,
            HTML,
            json!({"userId": s.user, "userName": s.user, "userProfileId": s.user, "userEmail": ""})
                .to_string(),
        ),
        "subscription/list" if d == Dialect::FreshRss && !json_out => {
            Resp::new(501, TEXT, "Not Implemented!")
        }
        "subscription/list" => subscription_list(s),
        "tag/list" if d == Dialect::FreshRss && !json_out => {
            Resp::new(501, TEXT, "Not Implemented!")
        }
        "tag/list" => tag_list(s),
        "unread-count" if d == Dialect::Miniflux => Resp::json(200, &json!([])),
        "unread-count" if !json_out => Resp::new(501, TEXT, "Not Implemented!"),
        "unread-count" => unread_count(s),
        "stream/items/ids" => items_ids(s, req),
        "stream/items/contents" => items_contents(s, req),
        "edit-tag" => edit_tag(s, req),
        "mark-all-as-read" if d == Dialect::Miniflux => Resp::json(200, &json!([])),
        "mark-all-as-read" => mark_all_as_read(s, req),
        "subscription/quickadd" => quickadd(s, req),
        "subscription/edit" => subscription_edit(s, req),
        e if e.starts_with("stream/contents") => match d {
            Dialect::FreshRss => stream_contents(s, req, e),
            Dialect::Miniflux => Resp::json(200, &json!([])),
        },
        _ => match d {
            Dialect::FreshRss => Resp::new(400, TEXT, "Bad Request!"),
            Dialect::Miniflux => Resp::json(200, &json!([])),
        },
    }
}

fn subscription_list(s: &GState) -> Resp {
    let p = s.user_prefix();
    let mut feeds: Vec<&GFeed> = s.feeds.iter().collect();
    if s.dialect == Dialect::FreshRss {
        feeds.sort_by(|a, b| a.title.cmp(&b.title));
    }
    let subs: Vec<Value> = feeds
        .iter()
        .map(|f| {
            let mut cat = json!({"id": format!("{p}label/{}", f.folder), "label": f.folder});
            if s.dialect == Dialect::Miniflux {
                cat["type"] = json!("folder");
            }
            json!({"id": format!("feed/{}", f.id), "title": f.title, "categories": [cat],
                   "url": f.url, "htmlUrl": f.html_url, "iconUrl": f.icon_url})
        })
        .collect();
    Resp::json(200, &json!({ "subscriptions": subs }))
}

fn folders(s: &GState) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in &s.feeds {
        if !out.contains(&f.folder) {
            out.push(f.folder.clone());
        }
    }
    out
}

fn tag_list(s: &GState) -> Resp {
    let p = s.user_prefix();
    let mut tags = vec![json!({"id": format!("{p}state/com.google/starred")})];
    for f in folders(s) {
        let mut t = json!({"id": format!("{p}label/{f}"), "type": "folder"});
        if s.dialect == Dialect::Miniflux {
            t["label"] = json!(f);
        }
        tags.push(t);
    }
    for t in &s.tags {
        let unread = s
            .items
            .values()
            .filter(|i| !i.read && i.labels.contains(t))
            .count();
        tags.push(json!({"id": format!("{p}label/{t}"), "type": "tag", "unread_count": unread}));
    }
    Resp::new(
        200,
        "application/json; charset=UTF-8",
        format!("{}\n", json!({ "tags": tags })),
    )
}

fn unread_count(s: &GState) -> Resp {
    let newest = |it: &mut dyn Iterator<Item = &GItem>| it.map(|i| i.id).max();
    let entry = |id: String, count: usize, newest: Option<u64>| {
        json!({"id": id, "count": count,
               "newestItemTimestampUsec": newest.map(|n| n.to_string()).unwrap_or_default()})
    };
    let mut feeds: Vec<&GFeed> = s.feeds.iter().collect();
    feeds.sort_by(|a, b| a.title.cmp(&b.title));
    let mut counts = Vec::new();
    for f in &feeds {
        let items = || s.items.values().filter(move |i| i.feed == f.id);
        counts.push(entry(
            format!("feed/{}", f.id),
            items().filter(|i| !i.read).count(),
            newest(&mut items()),
        ));
    }
    for folder in folders(s) {
        let ids: Vec<u64> = s
            .feeds
            .iter()
            .filter(|f| f.folder == folder)
            .map(|f| f.id)
            .collect();
        let items = || s.items.values().filter(|i| ids.contains(&i.feed));
        counts.push(entry(
            format!("user/-/label/{folder}"),
            items().filter(|i| !i.read).count(),
            newest(&mut items()),
        ));
    }
    for t in &s.tags {
        let items = || s.items.values().filter(|i| i.labels.contains(t));
        counts.push(entry(
            format!("user/-/label/{t}"),
            items().filter(|i| !i.read).count(),
            newest(&mut items()),
        ));
    }
    let unread = s.items.values().filter(|i| !i.read).count();
    counts.push(entry(
        "user/-/state/com.google/reading-list".into(),
        unread,
        newest(&mut s.items.values()),
    ));
    Resp::json(200, &json!({"max": unread, "unreadcounts": counts}))
}

/// The items of stream `stream`, filtered by `it`/`xt` and the times, in id order
/// (FreshRSS) or publication order (Miniflux), newest first unless `r=o`.
fn select<'a>(s: &'a GState, stream: &str, req: &Req) -> Option<Vec<&'a GItem>> {
    let stream = stream
        .strip_prefix("user/-/")
        .or_else(|| stream.strip_prefix("user/1/"))
        .map(|r| format!("user/-/{r}"))
        .unwrap_or_else(|| stream.to_string());
    let mut items: Vec<&GItem> = match stream.as_str() {
        "user/-/state/com.google/reading-list" => s.items.values().collect(),
        "user/-/state/com.google/starred" => s.items.values().filter(|i| i.starred).collect(),
        "user/-/state/com.google/read" => s.items.values().filter(|i| i.read).collect(),
        other => {
            if let Some(n) = other.strip_prefix("feed/") {
                let n: u64 = n.parse().ok()?;
                s.items.values().filter(|i| i.feed == n).collect()
            } else if let Some(name) = other.strip_prefix("user/-/label/") {
                let ids: Vec<u64> = s
                    .feeds
                    .iter()
                    .filter(|f| f.folder == name)
                    .map(|f| f.id)
                    .collect();
                if ids.is_empty() {
                    s.items
                        .values()
                        .filter(|i| i.labels.contains(name))
                        .collect()
                } else {
                    s.items.values().filter(|i| ids.contains(&i.feed)).collect()
                }
            } else {
                return None;
            }
        }
    };
    let state_is = |name: &str, v: &str| v.ends_with(&format!("state/com.google/{name}"));
    if let Some(it) = req.q("it") {
        if state_is("read", it) {
            items.retain(|i| i.read);
        } else if state_is("starred", it) {
            items.retain(|i| i.starred);
        }
    }
    if let Some(xt) = req.q("xt") {
        if state_is("read", xt) {
            items.retain(|i| !i.read);
        } else if state_is("starred", xt) {
            items.retain(|i| !i.starred);
        }
    }
    let key = |i: &GItem| match s.dialect {
        Dialect::FreshRss => i.id,
        Dialect::Miniflux => (i.published as u64) << 20 | i.id,
    };
    let time = |i: &GItem| match s.dialect {
        Dialect::FreshRss => i.id / 1_000_000,
        Dialect::Miniflux => i.published as u64,
    };
    if let Some(ot) = req.q("ot").and_then(|v| v.parse::<u64>().ok()) {
        items.retain(|i| match s.dialect {
            Dialect::FreshRss => i.id >= ot * 1_000_000,
            Dialect::Miniflux => time(i) > ot,
        });
    }
    if let Some(nt) = req.q("nt").and_then(|v| v.parse::<u64>().ok()) {
        items.retain(|i| time(i) <= nt);
    }
    items.sort_by_key(|i| key(i));
    if req.q("r") != Some("o") {
        items.reverse();
    }
    Some(items)
}

/// One page of `items`, with the continuation, as each server pages.
fn page<'a>(s: &GState, items: Vec<&'a GItem>, req: &Req) -> (Vec<&'a GItem>, Option<Value>) {
    let n: usize = req
        .q("n")
        .and_then(|v| v.parse().ok())
        .unwrap_or(20)
        .min(s.max_n);
    let c = req.q("c").filter(|c| !c.is_empty());
    match s.dialect {
        Dialect::FreshRss => {
            let ascending = req.q("r") == Some("o");
            let mut rows: Vec<&GItem> = match c.and_then(|c| c.parse::<u64>().ok()) {
                Some(c) => items
                    .into_iter()
                    .filter(|i| if ascending { i.id >= c } else { i.id <= c })
                    .take(n + 1)
                    .collect(),
                None => items.into_iter().take(n).collect(),
            };
            let fetched = rows.len();
            let last = rows.last().map(|i| i.id);
            if c.is_some() && !rows.is_empty() {
                rows.remove(0);
            }
            let cont = (fetched >= n)
                .then_some(())
                .and(last)
                .map(|l| json!(l.to_string()));
            (rows, cont)
        }
        Dialect::Miniflux => {
            let offset: usize = c.and_then(|c| c.parse().ok()).unwrap_or(0);
            let total = items.len();
            let rows: Vec<&GItem> = items
                .into_iter()
                .skip(offset)
                .take(if n == 0 { usize::MAX } else { n })
                .collect();
            let next = offset + rows.len();
            let cont = (next < total).then(|| json!(next.to_string()));
            (rows, cont)
        }
    }
}

fn items_ids(s: &GState, req: &Req) -> Resp {
    let Some(items) = req.q("s").and_then(|st| select(s, st, req)) else {
        return match s.dialect {
            Dialect::FreshRss => Resp::new(200, HTML, "{\"itemRefs\":[]}\n"),
            Dialect::Miniflux => Resp::json(
                500,
                &json!({"error_message": "googlereader: unknown stream type"}),
            ),
        };
    };
    let (rows, cont) = page(s, items, req);
    let refs: Vec<Value> = rows
        .iter()
        .map(|i| json!({"id": i.id.to_string()}))
        .collect();
    let mut body = json!({ "itemRefs": refs });
    if let Some(c) = cont {
        body["continuation"] = c;
    }
    match s.dialect {
        Dialect::FreshRss => Resp::new(200, HTML, format!("{body}\n")),
        Dialect::Miniflux => Resp::json(200, &body),
    }
}

/// An id sent by a client, read as the server reads it.
fn read_id(d: Dialect, text: &str) -> Option<u64> {
    let tail = text.rsplit('/').next().unwrap_or(text);
    match d {
        Dialect::FreshRss => {
            if text.contains('/')
                || tail.starts_with('0')
                || !tail.bytes().all(|b| b.is_ascii_digit())
            {
                u64::from_str_radix(tail, 16).ok()
            } else {
                tail.parse().ok()
            }
        }
        // Miniflux: the long form, else the number read as hex (a decimal id misreads).
        Dialect::Miniflux => u64::from_str_radix(tail, 16).ok(),
    }
}

fn items_contents(s: &GState, req: &Req) -> Resp {
    let mut ids: Vec<u64> = req
        .fs("i")
        .into_iter()
        .filter_map(|i| read_id(s.dialect, i))
        .collect();
    ids.sort_unstable();
    ids.reverse();
    let items: Vec<Value> = ids
        .iter()
        .filter_map(|i| s.items.get(i))
        .map(|i| s.item_json(i))
        .collect();
    if items.is_empty() && s.dialect == Dialect::Miniflux {
        return bad_request(
            s.dialect,
            &format!("googlereader: no items returned from the database for item IDs: {ids:?}"),
        );
    }
    Resp::json(
        200,
        &json!({"id": "user/-/state/com.google/reading-list", "updated": s.now_usec / 1_000_000, "items": items}),
    )
}

fn stream_contents(s: &GState, req: &Req, endpoint: &str) -> Resp {
    let stream = endpoint
        .trim_start_matches("stream/contents")
        .trim_start_matches('/');
    let stream = if stream.is_empty() {
        "user/-/state/com.google/reading-list"
    } else {
        stream
    };
    let Some(items) = select(s, stream, req) else {
        return Resp::new(400, TEXT, "Bad Request!");
    };
    let (rows, cont) = page(s, items, req);
    let mut body = json!({"id": "user/-/state/com.google/reading-list", "updated": s.now_usec / 1_000_000,
                          "items": rows.iter().map(|i| s.item_json(i)).collect::<Vec<_>>()});
    if let Some(c) = cont {
        body["continuation"] = c;
    }
    Resp::json(200, &body)
}

fn edit_tag(s: &mut GState, req: &Req) -> Resp {
    let d = s.dialect;
    let ids: Vec<u64> = req
        .fs("i")
        .into_iter()
        .filter_map(|i| read_id(d, i))
        .collect();
    let (a, r) = (
        req.f("a").unwrap_or_default().to_string(),
        req.f("r").unwrap_or_default().to_string(),
    );
    let is = |v: &str, name: &str| v.ends_with(&format!("state/com.google/{name}"));
    if d == Dialect::Miniflux {
        if a.is_empty() && r.is_empty() {
            return Resp::json(
                500,
                &json!({"error_message": "googlreader: add or/and remove tags should be supplied"}),
            );
        }
        if is(&a, "kept-unread") && is(&r, "read") {
            return Resp::json(
                500,
                &json!({"error_message": "googlereader: kept-unread ad read should not be supplied simultaneously"}),
            );
        }
        let read = if is(&a, "read") {
            Some(true)
        } else if is(&r, "read") || is(&a, "kept-unread") {
            Some(false)
        } else {
            None
        };
        let star = if is(&a, "starred") {
            Some(true)
        } else if is(&r, "starred") {
            Some(false)
        } else {
            None
        };
        for id in ids {
            if let Some(it) = s.items.get_mut(&id) {
                // As Miniflux does: an item already in the asked state is toggled.
                if let Some(want) = read {
                    it.read = if want && !it.read {
                        true
                    } else if it.read {
                        false
                    } else {
                        it.read
                    };
                }
                if let Some(want) = star {
                    it.starred = if want && !it.starred {
                        true
                    } else if it.starred {
                        false
                    } else {
                        it.starred
                    };
                }
            }
        }
        return ok_text(d);
    }
    let label = |v: &str| v.strip_prefix("user/-/label/").map(str::to_string);
    if let Some(l) = label(&a)
        && !s.tags.contains(&l)
    {
        s.tags.push(l);
    }
    for id in ids {
        let Some(it) = s.items.get_mut(&id) else {
            continue;
        };
        if is(&a, "read") {
            it.read = true;
        } else if is(&a, "starred") {
            it.starred = true;
        } else if let Some(l) = label(&a) {
            it.labels.insert(l);
        }
        if is(&r, "read") {
            it.read = false;
        } else if is(&r, "starred") {
            it.starred = false;
        } else if let Some(l) = label(&r) {
            it.labels.remove(&l);
        }
    }
    ok_text(d)
}

fn mark_all_as_read(s: &mut GState, req: &Req) -> Resp {
    let stream = req.f("s").unwrap_or_default().to_string();
    let ts: u64 = req
        .f("ts")
        .and_then(|t| t.parse().ok())
        .unwrap_or(s.now_usec);
    let feeds: Vec<u64> = if let Some(n) = stream.strip_prefix("feed/") {
        n.parse().into_iter().collect()
    } else if let Some(name) = stream.strip_prefix("user/-/label/") {
        s.feeds
            .iter()
            .filter(|f| f.folder == name)
            .map(|f| f.id)
            .collect()
    } else if stream == "user/-/state/com.google/reading-list" {
        s.feeds.iter().map(|f| f.id).collect()
    } else {
        return Resp::new(400, TEXT, "Bad Request!");
    };
    for it in s.items.values_mut() {
        if feeds.contains(&it.feed) && it.id <= ts {
            it.read = true;
        }
    }
    ok_text(s.dialect)
}

/// Subscribes to `url`, "fetching" it from the known sources; the new feed's id.
fn subscribe(s: &mut GState, url: &str, title: Option<&str>, folder: &str) -> Option<u64> {
    let base = url.split('?').next().unwrap_or(url);
    let (src_title, site, templates) = s.sources.get(base).or_else(|| s.sources.get(url))?.clone();
    let id = s
        .next_feed
        .max(s.feeds.iter().map(|f| f.id).max().unwrap_or(0) + 1);
    s.next_feed = id + 1;
    s.feeds.push(GFeed {
        id,
        title: title.map_or(src_title, str::to_string),
        url: url.to_string(),
        html_url: site,
        icon_url: String::new(),
        folder: folder.to_string(),
    });
    for t in templates {
        let item_id = s.next_id();
        s.items.insert(
            item_id,
            GItem {
                id: item_id,
                feed: id,
                ..t
            },
        );
    }
    Some(id)
}

fn default_folder(s: &GState) -> String {
    match s.dialect {
        Dialect::FreshRss => "Uncategorized".into(),
        Dialect::Miniflux => s.feeds.first().map_or("All".into(), |f| f.folder.clone()),
    }
}

fn quickadd(s: &mut GState, req: &Req) -> Resp {
    let url = req.any("quickadd").unwrap_or_default().to_string();
    if s.feeds.iter().any(|f| f.url == url) {
        return match s.dialect {
            Dialect::FreshRss => Resp::new(
                200,
                HTML,
                json!({"numResults": 0, "error": format!("Already subscribed! {url}")}).to_string(),
            ),
            Dialect::Miniflux => {
                Resp::json(500, &json!({"error_message": "This feed already exists."}))
            }
        };
    }
    let folder = default_folder(s);
    match subscribe(s, &url, None, &folder) {
        Some(id) => {
            let title = s.feed(id).map(|f| f.title.clone()).unwrap_or_default();
            let body = json!({"numResults": 1, "query": url, "streamId": format!("feed/{id}"), "streamName": title});
            match s.dialect {
                Dialect::FreshRss => Resp::new(200, HTML, body.to_string()),
                Dialect::Miniflux => Resp::json(200, &body),
            }
        }
        None => match s.dialect {
            Dialect::FreshRss => Resp::new(
                200,
                HTML,
                json!({"numResults": 0, "error": format!("Unable to find feed: {url}")})
                    .to_string(),
            ),
            Dialect::Miniflux => Resp::json(200, &json!({"numResults": 0})),
        },
    }
}

fn subscription_edit(s: &mut GState, req: &Req) -> Resp {
    let d = s.dialect;
    let Some(stream) = req.any("s").map(str::to_string) else {
        return bad_request(d, "googlereader: no valid stream IDs provided");
    };
    let ac = req.any("ac").unwrap_or_default().to_string();
    let title = req.any("t").map(str::to_string);
    let folder = req
        .any("a")
        .and_then(|a| a.rsplit("/label/").next().filter(|_| a.contains("/label/")))
        .map(str::to_string);
    let numeric = stream
        .strip_prefix("feed/")
        .and_then(|n| n.parse::<u64>().ok());
    match ac.as_str() {
        "edit" => {
            let Some(f) = numeric.and_then(|n| s.feeds.iter_mut().find(|f| f.id == n)) else {
                return bad_request(d, "no such feed");
            };
            if let Some(t) = title.filter(|t| !t.is_empty()) {
                f.title = t;
            }
            if let Some(folder) = folder {
                f.folder = folder;
            }
            ok_text(d)
        }
        "unsubscribe" => {
            if let Some(n) = numeric {
                s.feeds.retain(|f| f.id != n);
                s.items.retain(|_, i| i.feed != n);
            }
            ok_text(d)
        }
        "subscribe" => {
            if numeric.is_some() {
                return ok_text(d);
            }
            let url = stream.strip_prefix("feed/").unwrap_or(&stream).to_string();
            if s.feeds.iter().any(|f| f.url == url) {
                return bad_request(d, "already subscribed");
            }
            let folder = folder.unwrap_or_else(|| default_folder(s));
            match subscribe(s, &url, title.as_deref(), &folder) {
                Some(_) => ok_text(d),
                None => bad_request(d, "no feed there"),
            }
        }
        _ => bad_request(d, "unknown action"),
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
