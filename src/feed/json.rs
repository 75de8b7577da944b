//! JSON Feeds as sites serve them, made to fit the schema `feed-rs` reads. The spec says
//! an item's `id` is a string, `tags` a list of strings, `author` an object; real feeds send
//! a number for the id (`"id": 1024`), one string for the tags, a string for the author, an
//! `http://` version address, or leave out the feed's title; `feed-rs` refuses the whole
//! feed for any of these. This pass reads the document as plain JSON and writes back each
//! value of the wrong type as the type the schema wants (a number as its digits, one string
//! as a list of one, a name as an author object), leaving out what cannot be made to fit.
//! A document that needs none of this is returned as it is.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::repair::{Fix, Repair, Repaired};

/// The JSON Feed version address `feed-rs` accepts when a feed names none it knows.
const VERSION: &str = "https://jsonfeed.org/version/1.1";

/// Fields of the feed that are strings.
const FEED_STRINGS: &[&str] = &[
    "home_page_url",
    "feed_url",
    "language",
    "description",
    "icon",
    "favicon",
];

/// Fields of an item that are strings.
const ITEM_STRINGS: &[&str] = &[
    "id",
    "url",
    "external_url",
    "title",
    "content_html",
    "content_text",
    "summary",
    "date_published",
    "date_modified",
];

/// Makes a JSON Feed document fit the schema; see the module's description. A document that
/// is not JSON is returned as it is, for the parser to say so.
pub(crate) fn normalise(text: &str) -> Repaired<'_> {
    let untouched = || Repaired {
        text: Cow::Borrowed(text),
        repairs: Vec::new(),
    };
    let Ok(Value::Object(mut feed)) = serde_json::from_str::<Value>(text) else {
        return untouched();
    };
    let mut fixes = 0;
    fix_feed(&mut feed, &mut fixes);
    if fixes == 0 {
        return untouched();
    }
    match serde_json::to_string(&Value::Object(feed)) {
        Ok(fixed) => Repaired {
            text: Cow::Owned(fixed),
            repairs: vec![Repair {
                fix: Fix::JsonType,
                count: fixes,
                line: 0,
            }],
        },
        Err(_) => untouched(),
    }
}

fn fix_feed(feed: &mut Map<String, Value>, fixes: &mut usize) {
    let version_ok = feed
        .get("version")
        .and_then(Value::as_str)
        .is_some_and(|v| v.starts_with("https://jsonfeed.org/version/1"));
    if !version_ok {
        let known = match feed.get("version") {
            None | Some(Value::Null) => true,
            Some(Value::String(v)) => v.contains("jsonfeed.org/version/1"),
            Some(_) => false,
        };
        // A version of another kind of document is left for the parser to refuse.
        if known {
            feed.insert("version".into(), VERSION.into());
            *fixes += 1;
        }
    }
    if !feed.get("title").is_some_and(Value::is_string) {
        let title = feed.get("title").and_then(as_text).unwrap_or_default();
        feed.insert("title".into(), title.into());
        *fixes += 1;
    }
    strings(feed, FEED_STRINGS, fixes);
    authors(feed, fixes);
    match feed.get_mut("items") {
        Some(Value::Array(items)) => {
            let before = items.len();
            items.retain(Value::is_object);
            *fixes += before - items.len();
            for item in items.iter_mut().filter_map(Value::as_object_mut) {
                fix_item(item, fixes);
            }
        }
        _ => {
            feed.insert("items".into(), Value::Array(Vec::new()));
            *fixes += 1;
        }
    }
}

fn fix_item(item: &mut Map<String, Value>, fixes: &mut usize) {
    strings(item, ITEM_STRINGS, fixes);
    authors(item, fixes);
    match item.get_mut("tags") {
        None | Some(Value::Null) => {}
        Some(Value::Array(tags)) => {
            if !tags.iter().all(Value::is_string) {
                *tags = tags.iter().filter_map(as_text).map(Value::from).collect();
                *fixes += 1;
            }
        }
        Some(other) => {
            *other = Value::Array(as_text(other).map(Value::from).into_iter().collect());
            *fixes += 1;
        }
    }
    match item.get_mut("attachments") {
        None | Some(Value::Null) => {}
        Some(Value::Array(list)) => {
            let before = list.len();
            list.retain_mut(|a| attachment(a, fixes));
            *fixes += before - list.len();
        }
        Some(_) => {
            item.remove("attachments");
            *fixes += 1;
        }
    }
}

/// Makes an attachment fit (`url` and `mime_type` strings, `size_in_bytes` a whole
/// number); `false` when it has no address and is left out.
fn attachment(a: &mut Value, fixes: &mut usize) -> bool {
    let Some(a) = a.as_object_mut() else {
        return false;
    };
    strings(a, &["url", "mime_type", "title"], fixes);
    if !a.get("url").is_some_and(Value::is_string) {
        return false;
    }
    if !a.get("mime_type").is_some_and(Value::is_string) {
        a.insert("mime_type".into(), "application/octet-stream".into());
        *fixes += 1;
    }
    match a.get("size_in_bytes") {
        None | Some(Value::Null) => {}
        Some(v) if v.is_u64() => {}
        Some(v) => {
            let size = as_text(v).and_then(|t| t.parse::<u64>().ok());
            match size {
                Some(n) => a.insert("size_in_bytes".into(), n.into()),
                None => a.remove("size_in_bytes"),
            };
            *fixes += 1;
        }
    }
    true
}

/// Makes each of `fields` a string: a number or a boolean becomes its text, anything else
/// that is not a string is left out.
fn strings(map: &mut Map<String, Value>, fields: &[&str], fixes: &mut usize) {
    for field in fields {
        match map.get(*field) {
            None | Some(Value::Null | Value::String(_)) => {}
            Some(v) => {
                match as_text(v) {
                    Some(t) => map.insert((*field).to_string(), t.into()),
                    None => map.remove(*field),
                };
                *fixes += 1;
            }
        }
    }
}

/// Makes `author` an object and `authors` a list of objects, each with string `name` and
/// `url`; a bare string is a name.
fn authors(map: &mut Map<String, Value>, fixes: &mut usize) {
    if let Some(a) = map.get("author").cloned() {
        match person(&a) {
            Some((p, true)) => {
                map.insert("author".into(), p);
                *fixes += 1;
            }
            Some(_) => {}
            None if !a.is_null() => {
                map.remove("author");
                *fixes += 1;
            }
            None => {}
        }
    }
    if let Some(list) = map.get("authors").cloned() {
        let (people, changed) = match &list {
            Value::Null => return,
            Value::Array(items) => {
                let mut changed = false;
                let people: Vec<Value> = items
                    .iter()
                    .filter_map(|i| {
                        let p = person(i);
                        changed |= p.as_ref().is_none_or(|(_, c)| *c);
                        p.map(|(p, _)| p)
                    })
                    .collect();
                (people, changed)
            }
            one => (person(one).map(|(p, _)| p).into_iter().collect(), true),
        };
        if changed {
            map.insert("authors".into(), Value::Array(people));
            *fixes += 1;
        }
    }
}

/// An author object made from `v`, and whether that changed it; `None` when `v` says no
/// name or address.
fn person(v: &Value) -> Option<(Value, bool)> {
    match v {
        Value::Object(o) => {
            let mut o = o.clone();
            let mut fixes = 0;
            strings(&mut o, &["name", "url"], &mut fixes);
            Some((Value::Object(o), fixes > 0))
        }
        Value::Null => None,
        other => {
            let name = as_text(other)?;
            let mut o = Map::new();
            o.insert("name".into(), name.into());
            Some((Value::Object(o), true))
        }
    }
}

/// A string, number or boolean as text (a whole number without a fraction: `1025.0` is
/// `1025`); `None` for anything else.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(match n.as_f64() {
            Some(f) if !n.is_i64() && !n.is_u64() && f.fract() == 0.0 && f.abs() < 1e15 => {
                format!("{f:.0}")
            }
            _ => n.to_string(),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> (Value, usize) {
        let r = normalise(text);
        let count = r.repairs.first().map_or(0, |r| r.count);
        (serde_json::from_str(&r.text).unwrap(), count)
    }

    #[test]
    fn a_feed_that_fits_is_borrowed() {
        let doc = r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","tags":["a"],"authors":[{"name":"n"}]}]}"#;
        assert!(matches!(normalise(doc).text, Cow::Borrowed(_)));
        assert!(matches!(normalise("{not json").text, Cow::Borrowed(_)));
    }

    #[test]
    fn values_of_the_wrong_type_are_made_to_fit() {
        let (v, count) = fixed(
            r#"{"version":"http://jsonfeed.org/version/1","items":[
                {"id":1024,"title":7,"tags":"一个","author":"编辑部","url":{"x":1}},
                {"id":1025.0,"authors":{"name":"李四"},"tags":[1,"b",null],
                 "attachments":[{"url":"a.mp3","size_in_bytes":"12"},{"title":"no url"}]},
                "not an item"]}"#,
        );
        assert_eq!(v["version"], VERSION);
        assert_eq!(v["title"], "");
        let items = v["items"].as_array().unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0]["id"], "1024");
        assert_eq!(items[0]["title"], "7");
        assert_eq!(items[0]["tags"], serde_json::json!(["一个"]));
        assert_eq!(items[0]["author"], serde_json::json!({"name": "编辑部"}));
        assert!(items[0].get("url").is_none());
        assert_eq!(items[1]["id"], "1025");
        assert_eq!(items[1]["authors"], serde_json::json!([{"name": "李四"}]));
        assert_eq!(items[1]["tags"], serde_json::json!(["1", "b"]));
        assert_eq!(
            items[1]["attachments"],
            serde_json::json!([{"url": "a.mp3", "size_in_bytes": 12,
                                "mime_type": "application/octet-stream"}])
        );
        assert!(count >= 12, "{count}");
    }

    #[test]
    fn another_version_is_left_for_the_parser() {
        let (v, _) = fixed(r#"{"version":"https://jsonfeed.org/version/2","title":3,"items":[]}"#);
        assert_eq!(v["version"], "https://jsonfeed.org/version/2");
    }
}
