//! The replay server's routing: logins, tokens, and the lists (subscriptions, folders,
//! unread counts); the streams and the edits are answered by their own files.

use serde_json::{Value, json};

use super::super::http_server::{Req, Resp};
use super::edits::*;
use super::streams::*;
use super::{Dialect, GFeed, GItem, GState};

pub(super) const TEXT: &str = "text/plain; charset=UTF-8";
pub(super) const HTML: &str = "text/html; charset=UTF-8";

pub(super) fn unauthorized(d: Dialect) -> Resp {
    match d {
        Dialect::FreshRss => {
            Resp::new(401, TEXT, "Unauthorized!").header("Google-Bad-Token", "true")
        }
        Dialect::Miniflux => {
            Resp::new(401, "text/plain", "Unauthorized").header("X-Reader-Google-Bad-Token", "true")
        }
    }
}

pub(super) fn bad_request(d: Dialect, why: &str) -> Resp {
    match d {
        Dialect::FreshRss => Resp::new(400, TEXT, "Bad Request!"),
        Dialect::Miniflux => Resp::json(400, &json!({"error_message": why})),
    }
}

pub(super) fn ok_text(d: Dialect) -> Resp {
    match d {
        Dialect::FreshRss => Resp::new(200, HTML, "OK"),
        Dialect::Miniflux => Resp::new(200, "text/plain", "OK"),
    }
}

/// Answers one request.
pub(super) fn handle(s: &mut GState, req: &Req) -> Resp {
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

pub(super) fn subscription_list(s: &GState) -> Resp {
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

pub(super) fn folders(s: &GState) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in &s.feeds {
        if !out.contains(&f.folder) {
            out.push(f.folder.clone());
        }
    }
    out
}

pub(super) fn tag_list(s: &GState) -> Resp {
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

pub(super) fn unread_count(s: &GState) -> Resp {
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
