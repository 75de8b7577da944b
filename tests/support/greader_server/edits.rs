//! The replay server's edits: edit-tag, mark-all-as-read, quickadd and subscription/edit,
//! changing its state as the recordings show.

use serde_json::json;

use super::super::http_server::{Req, Resp};
use super::handle::*;
use super::streams::*;
use super::{Dialect, GFeed, GItem, GState};

pub(super) fn edit_tag(s: &mut GState, req: &Req) -> Resp {
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

pub(super) fn mark_all_as_read(s: &mut GState, req: &Req) -> Resp {
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
pub(super) fn subscribe(
    s: &mut GState,
    url: &str,
    title: Option<&str>,
    folder: &str,
) -> Option<u64> {
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

pub(super) fn default_folder(s: &GState) -> String {
    match s.dialect {
        Dialect::FreshRss => "Uncategorized".into(),
        Dialect::Miniflux => s.feeds.first().map_or("All".into(), |f| f.folder.clone()),
    }
}

pub(super) fn quickadd(s: &mut GState, req: &Req) -> Resp {
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

pub(super) fn subscription_edit(s: &mut GState, req: &Req) -> Resp {
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
