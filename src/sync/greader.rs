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

use serde::Deserialize;
use serde_json::Value;

use super::http::{Body, Client, Reply, query};
use super::{
    Cursor, FullState, ItemSink, Mark, MarkKind, PullProgress, Pulled, RemoteFeed, RemoteId,
    RemoteItem, Secret, ServerState, SyncBackend, SyncError,
};
use crate::strings as s;

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

/// A continuation as text: FreshRSS sends an id string, Miniflux an offset (a string, or a
/// number in other servers); `0` or empty means none.
fn continuation_text(v: &Value) -> Option<String> {
    let t = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!t.is_empty() && t != "0").then_some(t)
}

/// The folder name in a label stream id: `user/-/label/新闻` or `user/1/label/新闻`.
fn label_name(id: &str) -> Option<String> {
    let (_, name) = id.split_once("/label/")?;
    (!name.trim().is_empty()).then(|| name.to_string())
}

#[derive(Deserialize)]
struct IdsPage {
    #[serde(rename = "itemRefs")]
    item_refs: Option<Vec<ItemRef>>,
    continuation: Option<Value>,
}

#[derive(Deserialize)]
struct ItemRef {
    id: String,
}

#[derive(Deserialize)]
struct SubscriptionList {
    subscriptions: Option<Vec<GFeed>>,
}

#[derive(Deserialize)]
struct GFeed {
    #[serde(default)]
    id: String,
    title: Option<String>,
    url: Option<String>,
    #[serde(default)]
    categories: Vec<GCategory>,
}

#[derive(Deserialize)]
struct GCategory {
    #[serde(default)]
    id: String,
    label: Option<String>,
}

#[derive(Deserialize)]
struct QuickAdd {
    #[serde(rename = "numResults")]
    num_results: Option<i64>,
    #[serde(rename = "streamId")]
    stream_id: Option<String>,
    error: Option<String>,
}

#[derive(Deserialize)]
struct ContentsPage {
    items: Option<Vec<GItem>>,
}

#[derive(Deserialize)]
struct GItem {
    id: String,
    title: Option<String>,
    published: Option<Value>,
    #[serde(default)]
    canonical: Vec<Href>,
    #[serde(default)]
    alternate: Vec<Href>,
    summary: Option<GContent>,
    content: Option<GContent>,
    author: Option<String>,
    origin: Option<GOrigin>,
    #[serde(default)]
    categories: Vec<String>,
}

#[derive(Deserialize)]
struct Href {
    href: Option<String>,
}

#[derive(Deserialize)]
struct GContent {
    content: Option<String>,
}

#[derive(Deserialize)]
struct GOrigin {
    #[serde(rename = "streamId")]
    stream_id: Option<String>,
}

impl GItem {
    fn into_remote(self) -> Option<RemoteItem> {
        let id = RemoteId::from_long(&self.id)?;
        let text = |c: Option<GContent>| c.and_then(|c| c.content).filter(|t| !t.trim().is_empty());
        let content = text(self.content)
            .or_else(|| text(self.summary))
            .unwrap_or_default();
        let link = self
            .canonical
            .into_iter()
            .chain(self.alternate)
            .find_map(|h| h.href.filter(|h| !h.trim().is_empty()));
        let published = match self.published {
            Some(Value::Number(n)) => n.as_i64(),
            Some(Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        };
        // `user/-/state/com.google/read` (FreshRSS) or `user/1/state/com.google/read`.
        let has = |state: &str| self.categories.iter().any(|c| c.ends_with(state));
        let (read, starred) = (
            has("/state/com.google/read"),
            has("/state/com.google/starred"),
        );
        Some(RemoteItem {
            id,
            read,
            starred,
            feed: self.origin.and_then(|o| o.stream_id).unwrap_or_default(),
            title: self.title.unwrap_or_default(),
            title_is_html: true,
            link,
            published,
            author: self.author,
            content,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuations_come_as_ids_or_offsets() {
        assert_eq!(
            continuation_text(&Value::String("1796646608957490".into())).as_deref(),
            Some("1796646608957490")
        );
        assert_eq!(continuation_text(&Value::from(250)).as_deref(), Some("250"));
        assert_eq!(continuation_text(&Value::String("0".into())), None);
        assert_eq!(continuation_text(&Value::Null), None);
    }

    #[test]
    fn folders_are_read_from_labels_of_either_form() {
        assert_eq!(label_name("user/-/label/新闻").as_deref(), Some("新闻"));
        assert_eq!(label_name("user/1/label/Tech").as_deref(), Some("Tech"));
        assert_eq!(label_name("user/-/state/com.google/starred"), None);
    }

    #[test]
    fn an_unknown_endpoints_empty_list_is_an_error_not_nothing() {
        let reply = Reply::for_test(200, "[]");
        let page: Result<IdsPage, _> = json("stream/items/ids", &reply);
        assert!(page.is_err());
        let ok = Reply::for_test(200, "[]");
        assert!(expect_ok("edit-tag", &ok).is_err());
        assert!(expect_ok("edit-tag", &Reply::for_test(200, "OK")).is_ok());
    }

    #[test]
    fn an_item_reads_with_every_field() {
        let item: GItem = serde_json::from_str(
            r#"{"id":"tag:google.com,2005:reader/item/0006620a62e9f02f","published":1736121600,
            "title":"第一篇","canonical":[{"href":"http://x.example/1.html"}],
            "summary":{"content":"<p>正文</p>"},"author":"张三",
            "categories":["user/1/state/com.google/reading-list","user/1/state/com.google/starred"],
            "origin":{"streamId":"feed/1"}}"#,
        )
        .unwrap();
        let r = item.into_remote().unwrap();
        assert_eq!(r.id.number(), Some(1_796_646_608_957_487));
        assert_eq!(r.feed, "feed/1");
        assert_eq!(r.published, Some(1_736_121_600));
        assert_eq!(r.link.as_deref(), Some("http://x.example/1.html"));
        assert_eq!(r.content, "<p>正文</p>");
        assert!(r.starred && !r.read);
    }
}
