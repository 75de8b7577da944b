//! Miniflux's own API (`/v1/…`, an API key in `X-Auth-Token`). Entries come whole (there
//! is no listing of ids alone), so a pull asks only for what it lacks: on the first sync
//! every unread entry and every read starred one; later, the entries after the highest id
//! seen, and those changed since the last sync (`changed_after`, by the server's clock,
//! limited to ids already seen so nothing comes twice in one sync). Read marks go out in
//! batches (`PUT /v1/entries`); the star endpoint toggles, so a star is sent only where the
//! server's state, just read, differs.

use serde::Deserialize;
use serde_json::{Value, json};

use super::http::{Body, Client, Reply, query};
use super::{
    Cursor, ItemSink, Mark, MarkKind, PullProgress, Pulled, RemoteFeed, RemoteId, RemoteItem,
    Secret, ServerState, SyncBackend, SyncError,
};
use crate::strings as s;

/// Entries per page.
const PER_PAGE: usize = 250;
/// Entry ids per `PUT /v1/entries`.
const MARKS_PER_REQUEST: usize = 1_000;
/// Pages followed at most in one listing.
const MAX_PAGES: usize = 10_000;
/// How far back `changed_after` reaches before the last sync started, for clocks and
/// transactions in flight.
const CHANGED_MARGIN_SECS: i64 = 120;

/// A Miniflux account.
pub(crate) struct Miniflux {
    http: Client,
    secret: Secret,
}

impl Miniflux {
    /// An account at the API `http` speaks to, with the API key `secret`.
    pub(crate) fn new(http: Client, secret: Secret) -> Miniflux {
        Miniflux { http, secret }
    }

    fn call(&self, method: &str, path: &str, body: Body<'_>) -> Result<Reply, SyncError> {
        let reply = self.http.send(
            method,
            path,
            &[("X-Auth-Token", self.secret.expose())],
            body,
        )?;
        if reply.ok() {
            return Ok(reply);
        }
        if matches!(reply.status, 401 | 403) {
            return Err(SyncError::LoginRefused);
        }
        let said = serde_json::from_slice::<ErrorBody>(&reply.body)
            .ok()
            .and_then(|e| e.error_message);
        match said {
            Some(m) if reply.status == 400 => Err(SyncError::Refused(super::short(&m))),
            Some(m) => Err(SyncError::status(
                path_name(path),
                reply.status,
                m.as_bytes(),
            )),
            None => Err(SyncError::status(
                path_name(path),
                reply.status,
                &reply.body,
            )),
        }
    }

    /// Every entry of a listing, oldest id first, a page at a time into `sink`; returns
    /// the highest id seen and the server's clock at the first answer.
    fn entries(
        &self,
        params: &[(&str, &str)],
        after: Option<u64>,
        state: &mut ServerState,
        done: &mut usize,
        sink: &mut ItemSink<'_>,
    ) -> Result<(Option<u64>, Option<i64>), SyncError> {
        let limit = PER_PAGE.to_string();
        let mut after: Option<String> = after.map(|a| a.to_string());
        let mut max = None;
        let mut clock = None;
        let mut seen = 0usize;
        let start = *done;
        for _ in 0..MAX_PAGES {
            let mut p: Vec<(&str, &str)> = params.to_vec();
            p.extend([("order", "id"), ("direction", "asc"), ("limit", &limit)]);
            if let Some(a) = &after {
                p.push(("after_entry_id", a));
            }
            let reply = self.call("GET", &format!("/v1/entries{}", query(&p)), Body::None)?;
            clock = clock.or(reply.date());
            let page: EntriesPage = serde_json::from_slice(&reply.body)
                .map_err(|e| SyncError::protocol("/v1/entries", &e.to_string()))?;
            let entries = page
                .entries
                .ok_or_else(|| SyncError::protocol("/v1/entries", s::SYNC_WHY_NO_ITEMS))?;
            let n = entries.len();
            // `total` counts what matches from this page on (after_entry_id is a filter).
            let remaining = page.total.unwrap_or(n);
            let before = seen;
            seen += n;
            let mut items = Vec::with_capacity(n);
            for e in entries {
                max = max.max(Some(e.id));
                after = Some(e.id.to_string());
                let id = RemoteId::entry(e.id);
                if e.status.as_deref() == Some("removed") {
                    continue;
                }
                state
                    .items
                    .push((id.clone(), e.status.as_deref() == Some("read"), e.starred));
                items.push(e.into_remote(id));
            }
            *done += items.len();
            let total = (start + before + remaining).max(*done);
            sink(items, PullProgress { done: *done, total })?;
            if n < PER_PAGE || n >= remaining {
                break;
            }
        }
        Ok((max, clock))
    }
}

impl SyncBackend for Miniflux {
    fn subscriptions(&mut self) -> Result<Vec<RemoteFeed>, SyncError> {
        let reply = self.call("GET", "/v1/feeds", Body::None)?;
        let feeds: Vec<MFeed> = serde_json::from_slice(&reply.body)
            .map_err(|e| SyncError::protocol("/v1/feeds", &e.to_string()))?;
        Ok(feeds
            .into_iter()
            .map(|f| RemoteFeed {
                id: f.id.to_string(),
                url: f.feed_url.unwrap_or_default(),
                title: f.title.unwrap_or_default(),
                folder: f
                    .category
                    .and_then(|c| c.title)
                    .filter(|t| !t.trim().is_empty()),
            })
            .collect())
    }

    fn pull(
        &mut self,
        cursor: &Cursor,
        _known: &dyn Fn(&RemoteId) -> bool,
        sink: &mut ItemSink<'_>,
    ) -> Result<Pulled, SyncError> {
        let mut state = ServerState::default();
        let mut next = *cursor;
        let mut done = 0;
        let mut clock = None;
        let mut take = |(max, at): (Option<u64>, Option<i64>), next: &mut Cursor| {
            next.max_id = next.max_id.max(max);
            clock = clock.or(at);
        };
        match (cursor.max_id, cursor.since) {
            (Some(max), since) => {
                if let Some(since) = since {
                    let after = (since - CHANGED_MARGIN_SECS).to_string();
                    let before = (max + 1).to_string();
                    let r = self.entries(
                        &[("changed_after", &after), ("before_entry_id", &before)],
                        None,
                        &mut state,
                        &mut done,
                        sink,
                    )?;
                    take(r, &mut next);
                }
                let r = self.entries(&[], Some(max), &mut state, &mut done, sink)?;
                take(r, &mut next);
            }
            (None, _) => {
                let r = self.entries(&[("status", "unread")], None, &mut state, &mut done, sink)?;
                take(r, &mut next);
                let r = self.entries(
                    &[("starred", "true"), ("status", "read")],
                    None,
                    &mut state,
                    &mut done,
                    sink,
                )?;
                take(r, &mut next);
            }
        }
        next.since = clock.or(next.since);
        Ok(Pulled {
            state,
            cursor: next,
        })
    }

    fn push(&mut self, marks: &[Mark]) -> Result<(), SyncError> {
        for (on, status) in [(true, "read"), (false, "unread")] {
            let ids: Vec<u64> = marks
                .iter()
                .filter(|m| m.kind == MarkKind::Read && m.on == on)
                .filter_map(|m| m.id.entry_number())
                .collect();
            for chunk in ids.chunks(MARKS_PER_REQUEST) {
                let body = json!({ "entry_ids": chunk, "status": status });
                self.call("PUT", "/v1/entries", Body::Json(&body))?;
            }
        }
        // The bookmark endpoint toggles: these marks differ from the server's state.
        for m in marks.iter().filter(|m| m.kind == MarkKind::Star) {
            let path = format!("/v1/entries/{}/bookmark", m.id);
            self.call("PUT", &path, Body::Json(&Value::Null))?;
        }
        Ok(())
    }

    fn subscribe(
        &mut self,
        url: &str,
        title: Option<&str>,
        folder: Option<&str>,
    ) -> Result<String, SyncError> {
        let reply = self.call("GET", "/v1/categories", Body::None)?;
        let categories: Vec<MCategory> = serde_json::from_slice(&reply.body)
            .map_err(|e| SyncError::protocol("/v1/categories", &e.to_string()))?;
        let wanted = folder.map(str::trim).filter(|f| !f.is_empty());
        let found = match wanted {
            Some(f) => categories.iter().find(|c| {
                c.title
                    .as_deref()
                    .is_some_and(|t| t.eq_ignore_ascii_case(f))
            }),
            None => categories.first(),
        };
        let category = match (found, wanted) {
            (Some(c), _) => c.id,
            (None, Some(f)) => {
                let reply =
                    self.call("POST", "/v1/categories", Body::Json(&json!({ "title": f })))?;
                let made: MCategory = serde_json::from_slice(&reply.body)
                    .map_err(|e| SyncError::protocol("/v1/categories", &e.to_string()))?;
                made.id
            }
            (None, None) => {
                return Err(SyncError::protocol(
                    "/v1/categories",
                    s::SYNC_WHY_NO_CATEGORY,
                ));
            }
        };
        let reply = self.call(
            "POST",
            "/v1/feeds",
            Body::Json(&json!({ "feed_url": url, "category_id": category })),
        )?;
        let created: Created = serde_json::from_slice(&reply.body)
            .map_err(|e| SyncError::protocol("/v1/feeds", &e.to_string()))?;
        if let Some(t) = title.map(str::trim).filter(|t| !t.is_empty()) {
            self.call(
                "PUT",
                &format!("/v1/feeds/{}", created.feed_id),
                Body::Json(&json!({ "title": t })),
            )?;
        }
        Ok(created.feed_id.to_string())
    }

    fn unsubscribe(&mut self, feed: &str) -> Result<(), SyncError> {
        let id: u64 = feed
            .trim()
            .parse()
            .map_err(|_| SyncError::protocol("/v1/feeds", s::SYNC_WHY_BAD_FEED_ID))?;
        self.call("DELETE", &format!("/v1/feeds/{id}"), Body::None)?;
        Ok(())
    }

    fn requests(&self) -> usize {
        self.http.requests()
    }
}

/// A path without its query, to name a request in an error.
fn path_name(path: &str) -> &str {
    path.split('?').next().unwrap_or(path)
}

#[derive(Deserialize)]
struct ErrorBody {
    error_message: Option<String>,
}

#[derive(Deserialize)]
struct MFeed {
    id: u64,
    title: Option<String>,
    feed_url: Option<String>,
    category: Option<MCategory>,
}

#[derive(Deserialize)]
struct MCategory {
    id: u64,
    title: Option<String>,
}

#[derive(Deserialize)]
struct Created {
    feed_id: u64,
}

#[derive(Deserialize)]
struct EntriesPage {
    total: Option<usize>,
    entries: Option<Vec<MEntry>>,
}

#[derive(Deserialize)]
struct MEntry {
    id: u64,
    feed_id: Option<u64>,
    title: Option<String>,
    url: Option<String>,
    author: Option<String>,
    content: Option<String>,
    published_at: Option<String>,
    status: Option<String>,
    #[serde(default)]
    starred: bool,
}

impl MEntry {
    fn into_remote(self, id: RemoteId) -> RemoteItem {
        RemoteItem {
            id,
            read: self.status.as_deref() == Some("read"),
            starred: self.starred,
            feed: self.feed_id.map(|f| f.to_string()).unwrap_or_default(),
            title: self.title.unwrap_or_default(),
            title_is_html: false,
            link: self.url.filter(|u| !u.trim().is_empty()),
            published: self
                .published_at
                .as_deref()
                .and_then(|p| chrono::DateTime::parse_from_rfc3339(p.trim()).ok())
                .map(|t| t.timestamp()),
            author: self.author.filter(|a| !a.trim().is_empty()),
            content: self.content.unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_reads_with_every_field() {
        let e: MEntry = serde_json::from_str(
            r#"{"id":888,"feed_id":42,"title":"A & B","url":"http://x.example/a.html",
            "author":"","content":"<p>正文</p>","published_at":"2016-12-12T16:15:19Z",
            "status":"unread","starred":true}"#,
        )
        .unwrap();
        let r = e.into_remote(RemoteId::entry(888));
        assert_eq!(r.feed, "42");
        assert_eq!(r.title, "A & B");
        assert!(!r.title_is_html);
        assert_eq!(r.author, None);
        assert_eq!(r.published, Some(1_481_559_319));
    }

    #[test]
    fn errors_are_named_without_their_query() {
        assert_eq!(path_name("/v1/entries?status=unread"), "/v1/entries");
    }
}
