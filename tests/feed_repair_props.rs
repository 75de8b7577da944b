//! Properties of reading feeds that are not well-formed, over generated token soup biased
//! towards what real feeds get wrong (bare `&`, stray `<`, tags never closed or closed twice,
//! names in another case, unquoted and repeated attributes, declarations, CDATA and comments
//! cut short, HTML inside text elements): an RSS or Atom document is never refused as bad
//! XML once repaired, every item the soup opens with a title comes out, and no string of an
//! item holds a character that could drive the terminal.

use chrono::{DateTime, Utc};
use newsreader::decode::first_unsafe;
use newsreader::feed::{ParseContext, Problem, Zone, parse_feed};
use proptest::prelude::*;

const TOKENS: &[&str] = &[
    "中文",
    "text",
    " ",
    "\n",
    "&",
    "&amp;",
    "&nbsp;",
    "&#0;",
    "&#x1b;",
    "&#X41;",
    "&#;",
    "<",
    ">",
    "\"",
    "'",
    "=",
    ";",
    "<p>",
    "</p>",
    "<br>",
    "<b>",
    "</b>",
    "<草根网>",
    "</草根网>",
    "<T>",
    "<a href=x&y>",
    "<a b=\"1\" b=\"2\">",
    "</a>",
    "<img src=a.png/>",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "<?xml version=\"1.0\"?>",
    "<!DOCTYPE x>",
    "<link>",
    "</link>",
    "<guid>",
    "</guid>",
    "</Title>",
    "<Item>",
    "</item>",
    "</channel>",
    "<pubdate>",
    "</pubDate>",
    "<description>",
    "</description>",
    "<x:y>",
    "</x:y>",
    "<div",
    "\u{1b}[2J",
    "\u{202e}",
    "</rss>",
    "</feed>",
    "<entry>",
    "</entry>",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..40).prop_map(|t| t.concat())
}

fn cx() -> ParseContext {
    ParseContext {
        url: "https://soup.example/feed".into(),
        zone: Zone::Offset(8 * 3600),
        now: DateTime::parse_from_rfc3339("2024-11-28T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn rss_soup_is_always_read(items in prop::collection::vec((soup(), soup()), 1..4)) {
        let mut doc = String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>");
        for (k, (title, body)) in items.iter().enumerate() {
            doc.push_str(&format!(
                "<item><guid>g{k}</guid><title>标题{k}{title}</title><description>{body}</description></item>"
            ));
        }
        doc.push_str("</channel></rss>");
        match parse_feed(doc.as_bytes(), None, &cx()) {
            Ok(feed) => {
                for item in &feed.items {
                    for s in item.article.texts().chain([item.title.as_str()]) {
                        prop_assert_eq!(first_unsafe(s), None, "{:?}", s);
                    }
                }
                // Each item's guid comes first and is plain text, so its item is found
                // (unless the soup holds structure of its own: a CDATA section or a
                // comment running across items, an item's or the channel's tags).
                const STRUCTURE: &[&str] = &[
                    "<![CDATA[", "<!--", "<Item>", "</item>", "</channel>", "</rss>", "<entry>",
                    "<guid>", "</guid>", "</Title>", "<description>", "</description>",
                    "<link>", "</link>", "<pubdate>", "</pubDate>", "</feed>", "</entry>",
                ];
                let spans = items.iter().any(|(t, b)| {
                    [t, b].iter().any(|x| STRUCTURE.iter().any(|s| x.contains(s)))
                });
                for k in (0..items.len()).filter(|_| !spans) {
                    let guid = format!("g{k}");
                    prop_assert!(
                        feed.items.iter().any(|i| i.guid == guid),
                        "{} missing from {:?}\n{}", guid, feed.items.iter().map(|i| &i.guid).collect::<Vec<_>>(), doc
                    );
                }
            }
            Err(Problem::BadXml(why)) => prop_assert!(false, "{}\n{}", why, doc),
            Err(other) => prop_assert!(false, "{:?}\n{}", other, doc),
        }
    }

    #[test]
    fn atom_soup_is_never_bad_xml(body in soup(), title in soup()) {
        let doc = format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>\
             <entry><id>e1</id><title type=\"html\">{title}</title><summary>{body}</summary></entry></feed>"
        );
        if let Err(Problem::BadXml(why)) = parse_feed(doc.as_bytes(), None, &cx()) {
            prop_assert!(false, "{}\n{}", why, doc);
        }
    }
}
