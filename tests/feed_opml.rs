//! OPML subscription lists: a messy file (no version, nested categories, `xmlUrl` in any
//! case, names in `title` or `text`, entities, duplicates, non-feed outlines) read from GBK
//! bytes and from UTF-8 with a byte order mark, the export read back to the same list, and
//! the example list shipped in `assets/`.

use std::path::Path;

use newsreader::feed::Subscription;
use newsreader::feed::opml::{self, OpmlError};

fn read(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn expected() -> Vec<Subscription> {
    let named = |url: &str, name: &str| Subscription {
        name: Some(name.to_string()),
        ..Subscription::new(url)
    };
    vec![
        named("http://daily.example/rss.xml", "示例日报 & 晚报"),
        named("https://text-only.example/feed", "只有文字名"),
        named("https://upper.example/atom.xml", "大写属性"),
        named("http://single.example/rss", "单引号 中"),
        Subscription {
            full_text: true,
            ..named("https://full.example/rss", "全文")
        },
    ]
}

#[test]
fn a_messy_opml_file_in_gbk_is_imported() {
    let bytes = read("tests/fixtures/feeds/messy_gbk.opml");
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture is GBK");
    assert_eq!(opml::import(&bytes).unwrap(), expected());
}

#[test]
fn a_messy_opml_file_with_a_bom_is_imported() {
    let bytes = read("tests/fixtures/feeds/messy_bom.opml");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    assert_eq!(opml::import(&bytes).unwrap(), expected());
}

#[test]
fn export_reads_back_to_the_same_subscriptions() {
    let subs = expected();
    let text = opml::export(&subs);
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"));
    assert!(text.contains("text=\"示例日报 &amp; 晚报\""));
    assert_eq!(opml::import(&text).unwrap(), subs);
    // And once more, through a second export.
    assert_eq!(opml::export(&opml::import(&text).unwrap()), text);
}

#[test]
fn files_without_feeds_are_refused() {
    assert_eq!(
        opml::import("<opml><body><outline text=\"empty category\"/></body></opml>"),
        Err(OpmlError::NoFeeds)
    );
    assert_eq!(opml::import(""), Err(OpmlError::NoFeeds));
    assert_eq!(opml::import(b"\0\0\0\0binary"), Err(OpmlError::Binary));
}

#[test]
fn the_example_list_imports() {
    let subs = opml::import(read("assets/feeds.opml")).unwrap();
    assert_eq!(subs.len(), 9);
    assert!(subs.iter().all(|s| s.name.is_some()));
    assert!(subs.iter().all(|s| s.url.starts_with("http")));
    let bbc = subs
        .iter()
        .find(|s| s.name.as_deref() == Some("BBC 中文"))
        .unwrap();
    assert_eq!(bbc.url, "https://feeds.bbci.co.uk/zhongwen/simp/rss.xml");
    assert!(bbc.full_text);
    assert_eq!(subs[0].name.as_deref(), Some("人民网 时政"));
}
