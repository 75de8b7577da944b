//! The Google Reader API, as FreshRSS, Miniflux (`/reader/api/0`), Inoreader and others
//! speak it. ClientLogin gives an `Auth` token sent as `Authorization: GoogleLogin auth=…`;
//! writes carry a `T` token from `token` (Miniflux wants it on every POST). A 401 marked
//! `Google-Bad-Token` (FreshRSS) or `X-Reader-Google-Bad-Token` (Miniflux) logs in again,
//! once.
//!
//! A pull asks for ids first (every unread id, every starred id, and the ids new since the
//! last sync), all of them before anything changes state, because paging through ids while
//! state changes skips items on FreshRSS; then the contents of the ids not known yet, 250
//! per request. New means `ot` (FreshRSS, where it is the time the server stored the item,
//! the same clock as its ids) or, where `ot` is not known to mean that (Miniflux reads it as
//! the publication date), the newest 1,000 ids. Servers differ in small ways, all handled
//! here: ids in decimal or hex (sent back in the long form, which all read alike),
//! continuations as a string id or a numeric offset, `user/-/` or `user/1/` stream ids,
//! unknown endpoints answered `[]` with 200 (never taken for "nothing"), and Miniflux's
//! `edit-tag` that toggles an item already in the asked state (only real changes are sent).

use std::collections::HashSet;

use super::http::{Body, Client, Reply, query};
use super::{
    Cursor, FullState, ItemSink, Mark, MarkKind, PullProgress, Pulled, RemoteFeed, RemoteId,
    RemoteItem, Secret, ServerState, SyncBackend, SyncError,
};
use crate::strings as s;

mod wire;

use wire::{
    ContentsPage, GItem, IdsPage, QuickAdd, SubscriptionList, continuation_text, label_name,
};

/// The API's paths, after the base address.
const API: &str = "/reader/api/0/";
const READING_LIST: &str = "user/-/state/com.google/reading-list";
const READ: &str = "user/-/state/com.google/read";
const STARRED: &str = "user/-/state/com.google/starred";
const LABEL: &str = "user/-/label/";

/// Ids asked for per page.
const IDS_PER_PAGE: usize = 10_000;
/// Items whose contents are asked for per request.
pub(crate) const CONTENTS_PER_REQUEST: usize = 250;
/// Ids per `edit-tag` request.
const MARKS_PER_REQUEST: usize = 1_000;
/// The newest ids looked at for new items where `ot` cannot be used.
const RECENT_WINDOW: usize = 1_000;
/// Pages followed at most in one listing (a server that never stops is stopped).
const MAX_PAGES: usize = 1_000;

/// A Google Reader API account.
pub(crate) struct GReader {
    http: Client,
    user: String,
    secret: Secret,
    auth: Option<String>,
    token: Option<String>,
    /// FreshRSS: `ot` is the time the item was stored, as its ids are.
    ot_is_storage_time: bool,
}

impl GReader {
    /// An account at the API `http` speaks to.
    pub(crate) fn new(http: Client, user: &str, secret: Secret) -> GReader {
        GReader {
            ot_is_storage_time: http.base_path().ends_with("/greader.php"),
            http,
            user: user.to_string(),
            secret,
            auth: None,
            token: None,
        }
    }

    /// Logs in: ClientLogin with the user and password, keeping `Auth`.
    fn login(&mut self) -> Result<String, SyncError> {
        let reply = self.http.send(
            "POST",
            "/accounts/ClientLogin",
            &[],
            Body::Form(&[("Email", &self.user), ("Passwd", self.secret.expose())]),
        )?;
        if matches!(reply.status, 401 | 403) {
            return Err(SyncError::LoginRefused);
        }
        if !reply.ok() {
            return Err(SyncError::status("ClientLogin", reply.status, &reply.body));
        }
        let text = reply.text();
        let auth = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("Auth="))
            .map(str::to_string)
            .filter(|a| !a.is_empty())
            .ok_or_else(|| SyncError::protocol("ClientLogin", s::SYNC_WHY_NO_AUTH))?;
        self.auth = Some(auth.clone());
        self.token = None;
        Ok(auth)
    }

    fn auth(&mut self) -> Result<String, SyncError> {
        match &self.auth {
            Some(a) => Ok(a.clone()),
            None => self.login(),
        }
    }

    /// The `T` token for writes.
    fn token(&mut self) -> Result<String, SyncError> {
        if let Some(t) = &self.token {
            return Ok(t.clone());
        }
        let reply = self.get("token", &[])?;
        let token = reply.text().trim().to_string();
        if token.is_empty() {
            return Err(SyncError::protocol("token", s::SYNC_WHY_EMPTY));
        }
        self.token = Some(token.clone());
        Ok(token)
    }

    /// GETs `API + endpoint` with `output=json` and `params`; logs in again once when the
    /// login went stale. Anything but 2xx is an error.
    fn get(&mut self, endpoint: &str, params: &[(&str, &str)]) -> Result<Reply, SyncError> {
        let mut pairs = vec![("output", "json")];
        pairs.extend_from_slice(params);
        let path = format!("{API}{endpoint}{}", query(&pairs));
        for attempt in 0..2 {
            let header = format!("GoogleLogin auth={}", self.auth()?);
            let reply = self
                .http
                .send("GET", &path, &[("Authorization", &header)], Body::None)?;
            if stale(&reply) && attempt == 0 {
                self.auth = None;
                continue;
            }
            return checked(endpoint, reply);
        }
        Err(SyncError::LoginRefused)
    }

    /// POSTs `API + endpoint` with the `T` token first (PHP servers stop reading fields
    /// after a limit), then `fields`; logs in again once when the login went stale.
    fn post(&mut self, endpoint: &str, fields: &[(&str, &str)]) -> Result<Reply, SyncError> {
        let path = format!("{API}{endpoint}{}", query(&[("output", "json")]));
        for attempt in 0..2 {
            let header = format!("GoogleLogin auth={}", self.auth()?);
            let token = self.token()?;
            let mut form = vec![("T", token.as_str())];
            form.extend_from_slice(fields);
            let reply = self.http.send(
                "POST",
                &path,
                &[("Authorization", &header)],
                Body::Form(&form),
            )?;
            if stale(&reply) && attempt == 0 {
                self.auth = None;
                self.token = None;
                continue;
            }
            return checked(endpoint, reply);
        }
        Err(SyncError::LoginRefused)
    }

    /// Every id of a listing, following continuations (FreshRSS: the last id; Miniflux: an
    /// offset), or only the first page when `one_page`.
    fn ids(
        &mut self,
        params: &[(&str, &str)],
        per_page: usize,
        one_page: bool,
    ) -> Result<Vec<RemoteId>, SyncError> {
        let n = per_page.to_string();
        let mut out = Vec::new();
        let mut continuation: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut p: Vec<(&str, &str)> = params.to_vec();
            p.push(("n", &n));
            if let Some(c) = &continuation {
                p.push(("c", c));
            }
            let reply = self.get("stream/items/ids", &p)?;
            let page: IdsPage = json("stream/items/ids", &reply)?;
            let refs = page
                .item_refs
                .ok_or_else(|| SyncError::protocol("stream/items/ids", s::SYNC_WHY_NO_IDS))?;
            let empty = refs.is_empty();
            for r in refs {
                let id = RemoteId::from_decimal(&r.id).or_else(|| RemoteId::from_long(&r.id));
                out.extend(id);
            }
            let next = page.continuation.as_ref().and_then(continuation_text);
            if one_page || empty || next.is_none() || next == continuation {
                break;
            }
            continuation = next;
        }
        Ok(out)
    }

    /// The contents of `ids` (at most [`CONTENTS_PER_REQUEST`]).
    fn contents(&mut self, ids: &[RemoteId]) -> Result<Vec<RemoteItem>, SyncError> {
        let long: Vec<String> = ids.iter().map(RemoteId::long).collect();
        let fields: Vec<(&str, &str)> = long.iter().map(|i| ("i", i.as_str())).collect();
        let reply = match self.post("stream/items/contents", &fields) {
            // Miniflux answers 400 when none of the ids is left on the server.
            Err(SyncError::Status {
                code: 400, said, ..
            }) if said.contains("no items") => {
                return Ok(Vec::new());
            }
            other => other?,
        };
        let page: ContentsPage = json("stream/items/contents", &reply)?;
        let items = page
            .items
            .ok_or_else(|| SyncError::protocol("stream/items/contents", s::SYNC_WHY_NO_ITEMS))?;
        Ok(items.into_iter().filter_map(GItem::into_remote).collect())
    }
}

impl SyncBackend for GReader {
    fn subscriptions(&mut self) -> Result<Vec<RemoteFeed>, SyncError> {
        let reply = self.get("subscription/list", &[])?;
        let list: SubscriptionList = json("subscription/list", &reply)?;
        let subs = list
            .subscriptions
            .ok_or_else(|| SyncError::protocol("subscription/list", s::SYNC_WHY_NO_SUBS))?;
        Ok(subs
            .into_iter()
            .filter(|f| !f.id.is_empty())
            .map(|f| RemoteFeed {
                folder: f.categories.iter().find_map(|c| {
                    let label = c.label.clone().filter(|l| !l.trim().is_empty());
                    label.or_else(|| label_name(&c.id))
                }),
                url: f.url.unwrap_or_default(),
                title: f.title.unwrap_or_default(),
                id: f.id,
            })
            .collect())
    }

    fn pull(
        &mut self,
        cursor: &Cursor,
        known: &dyn Fn(&RemoteId) -> bool,
        sink: &mut ItemSink<'_>,
    ) -> Result<Pulled, SyncError> {
        let unread = self.ids(&[("s", READING_LIST), ("xt", READ)], IDS_PER_PAGE, false)?;
        let starred = self.ids(&[("s", STARRED)], IDS_PER_PAGE, false)?;
        let recent = match cursor.max_id {
            Some(max) if self.ot_is_storage_time => {
                let ot = (max / 1_000_000).to_string();
                self.ids(&[("s", READING_LIST), ("ot", &ot)], IDS_PER_PAGE, false)?
            }
            _ => self.ids(&[("s", READING_LIST)], RECENT_WINDOW, true)?,
        };
        let mut next = *cursor;
        let mut wanted: Vec<RemoteId> = Vec::new();
        let mut seen = HashSet::new();
        for id in unread.iter().chain(&starred).chain(&recent) {
            if let Some(n) = id.number() {
                next.max_id = Some(next.max_id.map_or(n, |m| m.max(n)));
            }
            if seen.insert(id.clone()) && !known(id) {
                wanted.push(id.clone());
            }
        }
        // Newest first, so an interrupted first sync has the latest news.
        wanted.sort_unstable_by(|a, b| b.cmp(a));
        let total = wanted.len();
        let mut done = 0;
        sink(Vec::new(), PullProgress { done, total })?;
        for chunk in wanted.chunks(CONTENTS_PER_REQUEST) {
            let items = self.contents(chunk)?;
            done += chunk.len();
            sink(items, PullProgress { done, total })?;
        }
        Ok(Pulled {
            state: ServerState {
                full: Some(FullState {
                    unread: unread.into_iter().collect(),
                    starred: starred.into_iter().collect(),
                }),
                items: Vec::new(),
            },
            cursor: next,
        })
    }

    fn push(&mut self, marks: &[Mark]) -> Result<(), SyncError> {
        let groups = [
            (MarkKind::Read, true, "a", READ),
            (MarkKind::Read, false, "r", READ),
            (MarkKind::Star, true, "a", STARRED),
            (MarkKind::Star, false, "r", STARRED),
        ];
        for (kind, on, field, tag) in groups {
            let ids: Vec<String> = marks
                .iter()
                .filter(|m| m.kind == kind && m.on == on)
                .map(|m| m.id.long())
                .collect();
            for chunk in ids.chunks(MARKS_PER_REQUEST) {
                let mut fields = vec![(field, tag)];
                fields.extend(chunk.iter().map(|i| ("i", i.as_str())));
                let reply = self.post("edit-tag", &fields)?;
                expect_ok("edit-tag", &reply)?;
            }
        }
        Ok(())
    }

    fn subscribe(
        &mut self,
        url: &str,
        title: Option<&str>,
        folder: Option<&str>,
    ) -> Result<String, SyncError> {
        let reply = self.post("subscription/quickadd", &[("quickadd", url)])?;
        let added: QuickAdd = json("subscription/quickadd", &reply)?;
        // A refusal comes with 200, in the body.
        if let Some(e) = added.error.filter(|e| !e.trim().is_empty()) {
            return Err(SyncError::Refused(super::short(&e)));
        }
        let id = match added.stream_id {
            Some(id) if added.num_results.unwrap_or(1) > 0 && !id.is_empty() => id,
            _ => return Err(SyncError::Refused(s::SYNC_NO_FEED_THERE.to_string())),
        };
        let label = folder.map(|f| format!("{LABEL}{f}"));
        let mut fields = vec![("ac", "edit"), ("s", id.as_str())];
        if let Some(t) = title {
            fields.push(("t", t));
        }
        if let Some(l) = &label {
            fields.push(("a", l));
        }
        if fields.len() > 2 {
            let reply = self.post("subscription/edit", &fields)?;
            expect_ok("subscription/edit", &reply)?;
        }
        Ok(id)
    }

    fn unsubscribe(&mut self, feed: &str) -> Result<(), SyncError> {
        let reply = self.post("subscription/edit", &[("ac", "unsubscribe"), ("s", feed)])?;
        expect_ok("subscription/edit", &reply)
    }

    fn requests(&self) -> usize {
        self.http.requests()
    }
}

/// Whether the server says the login went stale (401 with a bad-token header).
fn stale(reply: &Reply) -> bool {
    reply.status == 401
        && (reply.header("google-bad-token").is_some()
            || reply.header("x-reader-google-bad-token").is_some())
}

/// The reply when it is 2xx; a 401 is a refused login, anything else an error.
fn checked(what: &str, reply: Reply) -> Result<Reply, SyncError> {
    if reply.ok() {
        Ok(reply)
    } else if reply.status == 401 {
        Err(SyncError::LoginRefused)
    } else {
        Err(SyncError::status(what, reply.status, &reply.body))
    }
}

/// A write's answer must be `OK`; an unknown endpoint on Miniflux answers `[]`.
fn expect_ok(what: &str, reply: &Reply) -> Result<(), SyncError> {
    let text = reply.text();
    if text.trim() == "OK" {
        Ok(())
    } else {
        Err(SyncError::protocol(
            what,
            &format!("{} {text}", s::SYNC_WHY_NOT_OK),
        ))
    }
}

/// The body read as JSON of type `T`; whatever else it is (`[]` from an endpoint the server
/// does not have, an HTML error page) is an error, never an empty answer.
fn json<T: serde::de::DeserializeOwned>(what: &str, reply: &Reply) -> Result<T, SyncError> {
    serde_json::from_slice(&reply.body).map_err(|e| SyncError::protocol(what, &e.to_string()))
}
