//! A farm of generated feeds on the test server, for measuring refreshes: `feeds` feeds of
//! `items` items each (Chinese HTML content of about 800 characters per item), spread over
//! four loopback hosts, each answering `304 Not Modified` when sent its `ETag` back.

#![allow(dead_code)]

use newsreader::feed::{FeedOutcome, FeedRequest, Subscription};

use super::server::{Reply, Server};

/// One generated RSS 2.0 feed.
pub fn feed_xml(feed: usize, items: usize) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\
         <title>第{feed}号频道</title><link>http://farm.example/{feed}/</link>\n"
    );
    for i in 0..items {
        let paragraph = format!(
            "第{i}条消息：记者从有关部门获悉，本市今年以来持续推进城市更新工作，\
             已完成老旧小区改造一百余个，惠及居民三万多户。相关负责人表示，\
             下一步将重点做好配套设施建设，让居民生活更加便利。"
        );
        out.push_str(&format!(
            "<item><title>第{feed}号频道第{i}条：城市更新持续推进</title>\
             <link>/{feed}/{i}.html</link><guid>farm-{feed}-{i}</guid>\
             <pubDate>Mon, 01 Jul 2024 10:{:02}:00 +0800</pubDate>\
             <description>城市更新持续推进。</description>\
             <content:encoded><![CDATA[{}<h3>配套设施</h3>{}]]></content:encoded></item>\n",
            i % 60,
            format!("<p>{paragraph}</p>").repeat(4),
            format!("<p>{paragraph}</p>").repeat(3)
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

/// Serves `feeds` generated feeds on `server` (which must have four hosts) and returns the
/// requests for a first refresh.
pub fn serve(server: &Server, feeds: usize, items: usize) -> Vec<FeedRequest> {
    (0..feeds)
        .map(|f| {
            let path = format!("/farm/{f}.xml");
            let body = feed_xml(f, items);
            let etag = format!("\"farm-{f}\"");
            server.route(&path, move |r| {
                if r.header("If-None-Match") == Some(etag.as_str()) {
                    Reply::status(304)
                } else {
                    Reply::ok("application/rss+xml", body.clone()).header("ETag", &etag)
                }
            });
            FeedRequest::new(Subscription::new(server.url(f % 4, &path)))
        })
        .collect()
}

/// The requests for a second refresh: the first one's with the validators it returned.
pub fn second_round(first: &[FeedRequest], outcomes: &[FeedOutcome]) -> Vec<FeedRequest> {
    first
        .iter()
        .zip(outcomes)
        .map(|(request, outcome)| match outcome {
            FeedOutcome::Updated { validators, .. } => FeedRequest {
                validators: validators.clone(),
                ..request.clone()
            },
            _ => request.clone(),
        })
        .collect()
}
