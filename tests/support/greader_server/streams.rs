//! The replay server's streams: which items a stream holds, paging with continuations as
//! each server sends them, ids and contents.

use serde_json::{Value, json};

use super::super::http_server::{Req, Resp};
use super::handle::*;
use super::{Dialect, GItem, GState};

/// The items of stream `stream`, filtered by `it`/`xt` and the times, in id order
/// (FreshRSS) or publication order (Miniflux), newest first unless `r=o`.
pub(super) fn select<'a>(s: &'a GState, stream: &str, req: &Req) -> Option<Vec<&'a GItem>> {
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
pub(super) fn page<'a>(
    s: &GState,
    items: Vec<&'a GItem>,
    req: &Req,
) -> (Vec<&'a GItem>, Option<Value>) {
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

pub(super) fn items_ids(s: &GState, req: &Req) -> Resp {
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
pub(super) fn read_id(d: Dialect, text: &str) -> Option<u64> {
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

pub(super) fn items_contents(s: &GState, req: &Req) -> Resp {
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

pub(super) fn stream_contents(s: &GState, req: &Req, endpoint: &str) -> Resp {
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
