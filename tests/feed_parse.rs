//! Feed documents read without a network: every shape (RSS 2.0 in GB2312 with
//! `content:encoded`, RSS 1.0, Atom with `xml:base`, JSON Feed), titles with entities,
//! dates in odd formats and zones, identity without guids, and the errors for broken and
//! non-feed documents.

#[path = "support/server.rs"]
mod server;

use chrono::{DateTime, Utc};
use newsreader::feed::{FullText, ParseContext, ParsedFeed, Problem, Zone, parse_feed};
use server::fixture;

fn cx(url: &str, zone: Zone) -> ParseContext {
    ParseContext {
        url: url.to_string(),
        zone,
        now: DateTime::parse_from_rfc3339("2024-11-28T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc),
    }
}

fn read(name: &str, url: &str, content_type: Option<&str>) -> ParsedFeed {
    parse_feed(
        &fixture(name),
        content_type,
        &cx(url, Zone::Offset(8 * 3600)),
    )
    .unwrap()
}

fn rfc3339(d: Option<DateTime<Utc>>) -> Option<String> {
    d.map(|d| d.to_rfc3339())
}

#[test]
fn rss2_in_gb2312_with_content_encoded() {
    let feed = read("rss2_gb2312.xml", "http://news.example/rss.xml", None);
    assert_eq!(feed.encoding, "GBK");
    assert_eq!(feed.title.as_deref(), Some("示例新闻网 - 要闻"));
    assert_eq!(feed.items.len(), 2);
    let park = &feed.items[0];
    assert_eq!(park.guid, "park-2024-04-06");
    assert_eq!(park.title, "城市公园今日重新开放 市民踏青赏花");
    assert_eq!(
        park.link.as_deref(),
        Some("http://news.example/2024/04/park.html")
    );
    assert_eq!(park.author.as_deref(), Some("李明"));
    assert_eq!(
        rfc3339(park.published).as_deref(),
        Some("2024-04-06T01:30:00+00:00")
    );
    assert!(!park.summary_only, "content:encoded is the article");
    assert_eq!(park.full_text, FullText::NotNeeded);
    let a = &park.article;
    assert_eq!(a.title, park.title);
    assert_eq!(a.byline.as_deref(), Some("李明"));
    assert_eq!(a.date.as_deref(), Some("2024-04-06"));
    assert_eq!(a.time.as_deref(), Some("09:30"));
    assert_eq!(a.path, None);
    // The content, not the description, and its heading.
    assert_eq!(
        a.sections[0].paragraphs[0],
        "经过半年的整修，位于市中心的城市公园今天上午重新向市民开放。"
    );
    assert_eq!(a.sections[1].heading.as_deref(), Some("花期将持续两周"));
    // A header that says otherwise does not win against clean GBK bytes and the prolog.
    let again = read(
        "rss2_gb2312.xml",
        "http://news.example/rss.xml",
        Some("text/xml; charset=utf-8"),
    );
    assert_eq!(again.items[0].title, park.title);
}

#[test]
fn rss1_rdf() {
    let feed = read("rss1_rdf.xml", "http://rdf.example/index.rdf", None);
    assert_eq!(feed.title.as_deref(), Some("RDF 示例频道"));
    assert_eq!(feed.items.len(), 2);
    let first = &feed.items[0];
    assert_eq!(first.title, "第一条：港口吞吐量创新高");
    assert_eq!(first.link.as_deref(), Some("http://rdf.example/a/1"));
    assert_eq!(first.guid, "http://rdf.example/a/1");
    assert_eq!(first.author.as_deref(), Some("王芳"));
    assert_eq!(
        rfc3339(first.published).as_deref(),
        Some("2024-03-30T02:15:00+00:00")
    );
    assert!(first.summary_only, "a short description and no content");
    assert_eq!(feed.items[1].title, "Second item in English");
}

#[test]
fn atom_with_xml_base_and_relative_links() {
    let feed = read("atom_xml_base.xml", "http://atom.example/feed.xml", None);
    // type="html": `&amp;amp;` is `&amp;` in HTML, which is `&`.
    assert_eq!(feed.title.as_deref(), Some("Atom & 示例"));
    let first = &feed.items[0];
    assert_eq!(first.title, "快讯：新能源汽车销量增长");
    assert_eq!(
        first.link.as_deref(),
        Some("http://atom.example/news/2024/05/ev-sales.html")
    );
    assert_eq!(first.guid, "tag:atom.example,2024:ev-sales");
    assert_eq!(first.author.as_deref(), Some("赵磊"));
    assert_eq!(
        rfc3339(first.published).as_deref(),
        Some("2024-05-02T00:00:00+00:00")
    );
    assert_eq!(
        first.article.sections[0].paragraphs,
        [
            "四月份新能源汽车销量同比增长三成。",
            "业内人士认为，充电设施的完善带动了消费。"
        ]
    );
    let second = &feed.items[1];
    assert_eq!(
        second.link.as_deref(),
        Some("http://other.example/blog/posts/second.html")
    );
    // Published wins over updated.
    assert_eq!(
        rfc3339(second.published).as_deref(),
        Some("2024-05-01T09:00:00+00:00")
    );
    // A plain-text summary keeps its lines as paragraphs.
    assert_eq!(
        second.article.sections[0].paragraphs,
        ["Plain summary line one.", "Plain summary line two."]
    );
    assert!(second.summary_only);
}

#[test]
fn json_feed() {
    let feed = read("json_feed.json", "http://json.example/feed.json", None);
    assert_eq!(feed.title.as_deref(), Some("JSON 示例"));
    let first = &feed.items[0];
    assert_eq!(first.guid, "json-1");
    assert_eq!(
        first.link.as_deref(),
        Some("http://json.example/posts/1.html")
    );
    assert_eq!(first.author.as_deref(), Some("气象台"));
    assert_eq!(
        first.article.sections[0].paragraphs,
        [
            "市气象台今天下午发布暴雨黄色预警信号。",
            "预计未来六小时内将有强降雨。"
        ]
    );
    assert!(!first.summary_only);
    let second = &feed.items[1];
    assert_eq!(second.link, None);
    assert_eq!(
        second.article.sections[0].paragraphs,
        ["First line of a plain text item.", "Second line of it."]
    );
}

#[test]
fn entities_in_titles_are_decoded_once() {
    let feed = read("entities.xml", "http://e.example/rss", None);
    assert_eq!(feed.title.as_deref(), Some("Entities & Titles"));
    let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "AT&T 发布财报",
            "a < b is text",
            "粗体标题",
            "中文…",
            "Tom & Jerry",
            "Rock & Roll",
            "&lt;tag&gt; stays escaped once",
        ]
    );
}

#[test]
fn dates_without_a_zone_take_the_feed_zone() {
    let feed = read("dates.xml", "http://d.example/rss", None);
    let dates: Vec<Option<String>> = feed.items.iter().map(|i| rfc3339(i.published)).collect();
    assert_eq!(
        dates,
        [
            Some("2019-10-04T00:54:59+00:00".to_string()),
            Some("2019-10-04T00:54:00+00:00".to_string()),
            // No year: the year of the fetch (2024-11-28).
            Some("2024-11-27T15:58:00+00:00".to_string()),
            None,
            Some("2019-10-04T08:54:59+00:00".to_string()),
            None,
        ]
    );
    // The same feed read in New York.
    let ny = parse_feed(
        &fixture("dates.xml"),
        None,
        &cx(
            "http://d.example/rss",
            Zone::parse("America/New_York").unwrap(),
        ),
    )
    .unwrap();
    assert_eq!(
        rfc3339(ny.items[0].published).as_deref(),
        Some("2019-10-04T12:54:59+00:00")
    );
    // The article shows the date in the feed's zone.
    assert_eq!(feed.items[0].article.date.as_deref(), Some("2019-10-04"));
    assert_eq!(feed.items[0].article.time.as_deref(), Some("08:54"));
}

#[test]
fn identity_without_guid_is_the_link_then_a_hash() {
    let feed = read("no_guid.xml", "http://noguid.example/rss", None);
    assert_eq!(feed.items[0].guid, "http://noguid.example/a.html");
    assert!(feed.items[1].guid.starts_with("hash:"));
    let again = read("no_guid.xml", "http://noguid.example/rss", None);
    assert_eq!(
        feed.items[1].guid, again.items[1].guid,
        "stable across fetches"
    );
    assert_ne!(feed.items[1].guid, feed.items[2].guid);
    // No title: the start of the text stands in.
    assert_eq!(
        feed.items[2].title,
        "No title either, only this text that sta…"
    );
}

#[test]
fn broken_and_empty_feeds() {
    // Not well-formed (an item's title never closed, the document cut short): repaired,
    // and the item is read.
    let broken = read("broken.xml", "http://b.example/", None);
    assert_eq!(broken.items.len(), 1);
    assert_eq!(broken.items[0].title, "Unclosed");
    assert!(
        broken
            .repairs
            .iter()
            .any(|r| r.fix == newsreader::feed::Fix::ClosedImplicitly)
    );
    let empty = read("empty.xml", "http://empty.example/rss", None);
    assert_eq!(empty.title.as_deref(), Some("空频道"));
    assert!(empty.items.is_empty());
    let page = parse_feed(
        b"<!DOCTYPE html><html><body>Not a feed</body></html>",
        Some("text/html"),
        &cx("http://b.example/", Zone::Local),
    );
    assert_eq!(
        page,
        Err(Problem::NotAFeed(
            newsreader::strings::FEED_WHY_WEB_PAGE.into()
        ))
    );
    assert_eq!(
        parse_feed(b"", None, &cx("http://b.example/", Zone::Local)),
        Err(Problem::Empty)
    );
    assert!(matches!(
        parse_feed(
            b"{\"version\": 1",
            None,
            &cx("http://b.example/", Zone::Local)
        ),
        Err(Problem::BadJson(_))
    ));
}

#[test]
fn rss_without_a_version_and_html_entities_in_text_are_read() {
    let doc = "<rss><channel><title>无版本</title><item><title>标题&nbsp;一</title>\
               <description>正文&nbsp;内容&mdash;完</description><guid>v1</guid></item>\
               </channel></rss>";
    let feed = parse_feed(doc.as_bytes(), None, &cx("http://v.example/", Zone::Local)).unwrap();
    assert_eq!(feed.title.as_deref(), Some("无版本"));
    assert_eq!(feed.items.len(), 1);
    assert_eq!(feed.items[0].title, "标题 一");
    assert_eq!(
        feed.items[0].article.sections[0].paragraphs,
        ["正文 内容—完"]
    );
}

#[test]
fn untrusted_text_is_sanitised() {
    let doc = "<rss version=\"2.0\"><channel><title>Evil\u{1b}[2J feed</title><item>\
               <title>Title&#x202E;reversed</title><author>x&#x1b;[31m</author>\
               <description>&lt;p&gt;body&amp;#x202E;text&lt;/p&gt;</description>\
               <guid>s1</guid></item></channel></rss>";
    let feed = parse_feed(doc.as_bytes(), None, &cx("http://s.example/", Zone::Local)).unwrap();
    assert_eq!(feed.title.as_deref(), Some("Evil[2J feed"));
    let item = &feed.items[0];
    assert_eq!(item.title, "Titlereversed");
    assert_eq!(item.author.as_deref(), Some("x[31m"));
    let a = &item.article;
    let strings = [&a.title]
        .into_iter()
        .chain(a.byline.iter())
        .chain(
            a.sections
                .iter()
                .flat_map(|s| s.heading.iter().chain(s.paragraphs.iter())),
        )
        .chain(a.dropped.iter());
    for s in strings {
        assert_eq!(newsreader::decode::first_unsafe(s), None, "{s:?}");
    }
    assert_eq!(a.sections[0].paragraphs, ["bodytext"]);
}

/// Found by fuzzing: an XML declaration in the middle of a feed (here inside a `<link>`,
/// naming another encoding) made the XML reader panic, which took `fetch` down with it.
/// A declaration after the first is read past, so the items before and after it stay; a
/// panic in the parsers would fail this feed alone.
#[test]
fn regression_a_second_xml_declaration_does_not_crash() {
    let cx = cx("https://rdf.example/feed.xml", Zone::Offset(8 * 3600));
    for content_type in [None, Some("application/rss+xml; charset=gbk")] {
        let bytes = fixture("fuzz_stray_declaration.xml");
        let _ = parse_feed(&bytes, content_type, &cx);
    }
    let rss = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\
               <title>两个声明</title>\
               <item><title>第一条</title><link>https://a.example/1</link><guid>1</guid></item>\
               <?xml version=\"1.0\" encoding=\"GBK\"?>\
               <item><title>第二条</title><link>https://a.example/2</link><guid>2</guid></item>\
               </channel></rss>";
    let feed = parse_feed(rss.as_bytes(), None, &cx).expect("read past the stray declaration");
    let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["第一条", "第二条"]);
}
