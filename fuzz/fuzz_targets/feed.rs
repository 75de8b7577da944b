//! Arbitrary bytes as a feed document (RSS, Atom, JSON Feed, in any charset), as a server
//! could send them: never a panic, and no title, author, link or article string holds a
//! character that could drive the terminal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreader::decode::first_unsafe;
use newsreader::feed::{ParseContext, Zone, parse_feed};

fuzz_target!(|data: &[u8]| {
    let cx = ParseContext {
        url: "https://example.org/feed.xml".to_string(),
        zone: Zone::Offset(8 * 3600),
        now: chrono::DateTime::from_timestamp(1_764_547_200, 0).unwrap_or_default(),
    };
    let content_type = match data.first() {
        Some(b) if b % 3 == 0 => Some("application/rss+xml; charset=gbk"),
        Some(b) if b % 3 == 1 => Some("application/json"),
        _ => None,
    };
    let Ok(feed) = parse_feed(data, content_type, &cx) else { return };
    for s in feed.title.iter() {
        assert_eq!(first_unsafe(s), None, "{s:?}");
    }
    for item in &feed.items {
        assert!(!item.title.trim().is_empty());
        for s in [&item.title]
            .into_iter()
            .chain(item.author.iter())
            .chain(item.link.iter())
        {
            assert_eq!(first_unsafe(s), None, "{s:?}");
        }
        for s in item.article.texts() {
            assert_eq!(first_unsafe(s), None, "{s:?}");
        }
    }
});
