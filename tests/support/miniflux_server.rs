//! Miniflux's own API (`/v1/…`) for the sync tests, on 127.0.0.1, answering as Miniflux's
//! documentation and source say (the exchanges written from them are in
//! `tests/fixtures/sync/miniflux-api/`): an API key in `X-Auth-Token` (401 with
//! `{"error_message": …}` otherwise), feeds with their category, entries listed with
//! `status`, `starred`, `after_entry_id`, `before_entry_id`, `changed_after`, `order`,
//! `direction`, `limit` and `offset` and a `total` counted without the limit, `PUT
//! /v1/entries` to set a status (204), a bookmark endpoint that toggles (204), and feeds
//! created (201, 400 when already there) and removed (204). Every change of status or star
//! sets the entry's `changed_at`, as Miniflux does.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use super::http_server::{HttpServer, Req, Resp};

/// An entry and its state.
#[derive(Debug, Clone)]
pub struct MEntry {
    pub id: u64,
    pub feed: u64,
    pub title: String,
    pub url: String,
    pub content: String,
    pub author: String,
    pub published: i64,
    pub changed: i64,
    pub read: bool,
    pub starred: bool,
}

/// A feed.
#[derive(Debug, Clone)]
pub struct MFeed {
    pub id: u64,
    pub title: String,
    pub feed_url: String,
    pub site_url: String,
    pub category: u64,
}

/// Everything the server knows.
#[derive(Debug, Clone, Default)]
pub struct MState {
    pub key: String,
    pub categories: Vec<(u64, String)>,
    pub feeds: Vec<MFeed>,
    pub entries: BTreeMap<u64, MEntry>,
    /// Feeds a subscription can find: address → title, site.
    pub sources: BTreeMap<String, (String, String)>,
    /// The clock for `changed_at` (seconds); `None`: the real one.
    pub clock: Option<i64>,
}

impl MState {
    /// A server holding `seed`'s feeds (categories by folder) and entries (ids 1, 2, …).
    pub fn seeded(key: &str, seed: &Value) -> MState {
        let mut s = MState {
            key: key.into(),
            ..MState::default()
        };
        for (i, f) in seed["feeds"].as_array().unwrap().iter().enumerate() {
            let folder = f["folder"].as_str().unwrap().to_string();
            let category = match s.categories.iter().find(|(_, t)| *t == folder) {
                Some((id, _)) => *id,
                None => {
                    let id = s.categories.len() as u64 + 1;
                    s.categories.push((id, folder));
                    id
                }
            };
            s.feeds.push(MFeed {
                id: i as u64 + 1,
                title: f["title"].as_str().unwrap().into(),
                feed_url: f["url"].as_str().unwrap().into(),
                site_url: f["site"].as_str().unwrap().into(),
                category,
            });
        }
        for it in seed["items"].as_array().unwrap() {
            let id = s.entries.len() as u64 + 1;
            let published = it["published"].as_i64().unwrap();
            s.entries.insert(
                id,
                MEntry {
                    id,
                    feed: it["feed"].as_u64().unwrap(),
                    title: it["title"].as_str().unwrap().into(),
                    url: format!("http://127.0.0.1:9/entry/{id}.html"),
                    content: it["content"].as_str().unwrap().into(),
                    author: it["author"].as_str().unwrap_or_default().into(),
                    published,
                    changed: published,
                    read: false,
                    starred: false,
                },
            );
        }
        s
    }

    pub fn now(&self) -> i64 {
        self.clock.unwrap_or_else(|| chrono::Utc::now().timestamp())
    }

    /// Adds an entry to feed `feed`; its id.
    pub fn add_entry(&mut self, feed: u64, title: &str, content: &str) -> u64 {
        let id = self.entries.keys().next_back().map_or(1, |m| m + 1);
        let now = self.now();
        self.entries.insert(
            id,
            MEntry {
                id,
                feed,
                title: title.into(),
                url: format!("http://127.0.0.1:9/entry/{id}.html"),
                content: content.into(),
                author: String::new(),
                published: now,
                changed: now,
                read: false,
                starred: false,
            },
        );
        id
    }

    fn category_json(&self, id: u64) -> Value {
        let title = self
            .categories
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, t)| t.clone())
            .unwrap_or_default();
        json!({"id": id, "user_id": 1, "title": title})
    }

    fn feed_json(&self, f: &MFeed) -> Value {
        json!({
            "id": f.id, "user_id": 1, "title": f.title, "site_url": f.site_url,
            "feed_url": f.feed_url, "checked_at": "2026-01-04T00:00:00Z",
            "parsing_error_message": "", "parsing_error_count": 0, "disabled": false,
            "category": self.category_json(f.category), "icon": null
        })
    }

    fn entry_json(&self, e: &MEntry) -> Value {
        let time = |t: i64| {
            chrono::DateTime::from_timestamp(t, 0)
                .unwrap()
                .format("%Y-%m-%dT%H:%M:%SZ")
                .to_string()
        };
        let feed = self.feeds.iter().find(|f| f.id == e.feed);
        json!({
            "id": e.id, "user_id": 1, "feed_id": e.feed,
            "status": if e.read { "read" } else { "unread" },
            "hash": format!("{:064x}", e.id), "title": e.title, "url": e.url,
            "comments_url": "", "published_at": time(e.published),
            "created_at": time(e.published), "changed_at": time(e.changed),
            "content": e.content, "author": e.author, "share_code": "",
            "starred": e.starred, "reading_time": 1, "enclosures": null,
            "feed": feed.map(|f| self.feed_json(f)).unwrap_or(Value::Null)
        })
    }
}

/// The running server.
pub struct MinifluxServer {
    pub http: HttpServer,
    pub state: Arc<Mutex<MState>>,
}

impl MinifluxServer {
    pub fn start(state: MState) -> MinifluxServer {
        let state = Arc::new(Mutex::new(state));
        let s = Arc::clone(&state);
        let http = HttpServer::start(move |req| handle(&mut s.lock().unwrap(), req));
        MinifluxServer { http, state }
    }

    /// The API's root address.
    pub fn base(&self) -> String {
        self.http.url("")
    }

    pub fn with<R>(&self, f: impl FnOnce(&mut MState) -> R) -> R {
        f(&mut self.state.lock().unwrap())
    }
}

fn error(status: u16, message: &str) -> Resp {
    Resp::json(status, &json!({ "error_message": message }))
}

fn body(req: &Req) -> Value {
    serde_json::from_slice(&req.body).unwrap_or(Value::Null)
}

fn handle(s: &mut MState, req: &Req) -> Resp {
    if req.header("X-Auth-Token") != Some(s.key.as_str()) {
        return error(401, "Access Unauthorized");
    }
    let parts: Vec<&str> = req.path.trim_matches('/').split('/').collect();
    match (req.method.as_str(), parts.as_slice()) {
        ("GET", ["v1", "me"]) => Resp::json(
            200,
            &json!({"id": 1, "username": "reader", "is_admin": false}),
        ),
        ("GET", ["v1", "feeds"]) => Resp::json(
            200,
            &Value::Array(s.feeds.iter().map(|f| s.feed_json(f)).collect()),
        ),
        ("GET", ["v1", "categories"]) => Resp::json(
            200,
            &Value::Array(
                s.categories
                    .iter()
                    .map(|(id, _)| s.category_json(*id))
                    .collect(),
            ),
        ),
        ("POST", ["v1", "categories"]) => {
            let title = body(req)["title"].as_str().unwrap_or_default().to_string();
            if title.is_empty() {
                return error(400, "The title is mandatory.");
            }
            if s.categories.iter().any(|(_, t)| *t == title) {
                return error(400, "This category already exists.");
            }
            let id = s.categories.iter().map(|(i, _)| *i).max().unwrap_or(0) + 1;
            s.categories.push((id, title));
            Resp::json(201, &s.category_json(id))
        }
        ("POST", ["v1", "feeds"]) => {
            let b = body(req);
            let url = b["feed_url"].as_str().unwrap_or_default().to_string();
            let Some(category) = b["category_id"].as_u64() else {
                return error(400, "The category is mandatory.");
            };
            if s.feeds.iter().any(|f| f.feed_url == url) {
                return error(400, "This feed already exists.");
            }
            let Some((title, site)) = s.sources.get(&url).cloned() else {
                return error(400, "Unable to find a feed at this address.");
            };
            let id = s.feeds.iter().map(|f| f.id).max().unwrap_or(0) + 1;
            s.feeds.push(MFeed {
                id,
                title,
                feed_url: url,
                site_url: site,
                category,
            });
            Resp::json(201, &json!({ "feed_id": id }))
        }
        ("PUT", ["v1", "feeds", id]) => {
            let b = body(req);
            let Some(f) = id
                .parse::<u64>()
                .ok()
                .and_then(|id| s.feeds.iter_mut().find(|f| f.id == id))
            else {
                return error(404, "Not Found");
            };
            if let Some(t) = b["title"].as_str() {
                f.title = t.into();
            }
            if let Some(c) = b["category_id"].as_u64() {
                f.category = c;
            }
            let f = f.clone();
            Resp::json(201, &s.feed_json(&f))
        }
        ("DELETE", ["v1", "feeds", id]) => {
            let Some(id) = id
                .parse::<u64>()
                .ok()
                .filter(|id| s.feeds.iter().any(|f| f.id == *id))
            else {
                return error(404, "Not Found");
            };
            s.feeds.retain(|f| f.id != id);
            s.entries.retain(|_, e| e.feed != id);
            Resp::empty(204)
        }
        ("GET", ["v1", "entries"]) => entries(s, req),
        ("GET", ["v1", "entries", id]) => {
            match id.parse::<u64>().ok().and_then(|id| s.entries.get(&id)) {
                Some(e) => Resp::json(200, &s.entry_json(e)),
                None => error(404, "Not Found"),
            }
        }
        ("PUT", ["v1", "entries"]) => {
            let b = body(req);
            let status = b["status"].as_str().unwrap_or_default();
            if !matches!(status, "read" | "unread") {
                return error(400, "Invalid entry status.");
            }
            let now = s.now();
            for id in b["entry_ids"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_u64)
            {
                if let Some(e) = s.entries.get_mut(&id) {
                    e.read = status == "read";
                    e.changed = now;
                }
            }
            Resp::empty(204)
        }
        ("PUT", ["v1", "entries", id, "bookmark"]) => {
            let now = s.now();
            match id.parse::<u64>().ok().and_then(|id| s.entries.get_mut(&id)) {
                Some(e) => {
                    e.starred = !e.starred;
                    e.changed = now;
                    Resp::empty(204)
                }
                None => error(404, "Not Found"),
            }
        }
        _ => Resp::new(404, "text/plain; charset=utf-8", "404 page not found\n"),
    }
}

/// `GET /v1/entries` with its filters; `total` counts what matches without limit or offset.
fn entries(s: &MState, req: &Req) -> Resp {
    let num = |name: &str| req.q(name).and_then(|v| v.parse::<i64>().ok());
    let statuses = req.qs("status");
    let mut list: Vec<&MEntry> = s
        .entries
        .values()
        .filter(|e| {
            statuses.is_empty() || statuses.contains(&if e.read { "read" } else { "unread" })
        })
        .filter(|e| match req.q("starred") {
            Some("true" | "1") => e.starred,
            Some("false" | "0") => !e.starred,
            _ => true,
        })
        .filter(|e| num("after_entry_id").is_none_or(|a| e.id as i64 > a))
        .filter(|e| num("before_entry_id").is_none_or(|b| (e.id as i64) < b))
        .filter(|e| num("changed_after").is_none_or(|t| e.changed > t))
        .filter(|e| num("after").is_none_or(|t| e.published > t))
        .collect();
    match req.q("order").unwrap_or("published_at") {
        "id" => list.sort_by_key(|e| e.id),
        _ => list.sort_by_key(|e| (e.published, e.id)),
    }
    if req.q("direction") == Some("desc") {
        list.reverse();
    }
    let total = list.len();
    let offset = num("offset").unwrap_or(0).max(0) as usize;
    let limit = num("limit")
        .filter(|l| *l > 0)
        .map_or(usize::MAX, |l| l as usize);
    let page: Vec<Value> = list
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|e| s.entry_json(e))
        .collect();
    Resp::json(200, &json!({ "total": total, "entries": page }))
}
