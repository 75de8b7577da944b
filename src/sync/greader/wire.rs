//! What the Google Reader API sends, as read here: pages of ids, subscription and folder
//! lists, contents pages and their items, continuations and label stream ids.

use serde::Deserialize;
use serde_json::Value;

use super::super::{RemoteId, RemoteItem};
/// A continuation as text: FreshRSS sends an id string, Miniflux an offset (a string, or a
/// number in other servers); `0` or empty means none.
pub(super) fn continuation_text(v: &Value) -> Option<String> {
    let t = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!t.is_empty() && t != "0").then_some(t)
}

/// The folder name in a label stream id: `user/-/label/新闻` or `user/1/label/新闻`.
pub(super) fn label_name(id: &str) -> Option<String> {
    let (_, name) = id.split_once("/label/")?;
    (!name.trim().is_empty()).then(|| name.to_string())
}

#[derive(Deserialize)]
pub(super) struct IdsPage {
    #[serde(rename = "itemRefs")]
    pub(super) item_refs: Option<Vec<ItemRef>>,
    pub(super) continuation: Option<Value>,
}

#[derive(Deserialize)]
pub(super) struct ItemRef {
    pub(super) id: String,
}

#[derive(Deserialize)]
pub(super) struct SubscriptionList {
    pub(super) subscriptions: Option<Vec<GFeed>>,
}

#[derive(Deserialize)]
pub(super) struct GFeed {
    #[serde(default)]
    pub(super) id: String,
    pub(super) title: Option<String>,
    pub(super) url: Option<String>,
    #[serde(default)]
    pub(super) categories: Vec<GCategory>,
}

#[derive(Deserialize)]
pub(super) struct GCategory {
    #[serde(default)]
    pub(super) id: String,
    pub(super) label: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct QuickAdd {
    #[serde(rename = "numResults")]
    pub(super) num_results: Option<i64>,
    #[serde(rename = "streamId")]
    pub(super) stream_id: Option<String>,
    pub(super) error: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct ContentsPage {
    pub(super) items: Option<Vec<GItem>>,
}

#[derive(Deserialize)]
pub(super) struct GItem {
    pub(super) id: String,
    pub(super) title: Option<String>,
    pub(super) published: Option<Value>,
    #[serde(default)]
    pub(super) canonical: Vec<Href>,
    #[serde(default)]
    pub(super) alternate: Vec<Href>,
    pub(super) summary: Option<GContent>,
    pub(super) content: Option<GContent>,
    pub(super) author: Option<String>,
    pub(super) origin: Option<GOrigin>,
    #[serde(default)]
    pub(super) categories: Vec<String>,
}

#[derive(Deserialize)]
pub(super) struct Href {
    pub(super) href: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct GContent {
    pub(super) content: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct GOrigin {
    #[serde(rename = "streamId")]
    pub(super) stream_id: Option<String>,
}

impl GItem {
    pub(super) fn into_remote(self) -> Option<RemoteItem> {
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
    use super::super::{expect_ok, json};
    use super::*;
    use crate::sync::http::Reply;

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
