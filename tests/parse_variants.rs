//! The parse holds when an article comes the way a site never seen would print it: another
//! site's footer, share and navigation lines around it, a breadcrumb over the headline,
//! subheads as bold paragraphs of a page, the credit at the top instead of the foot, the
//! whole text in traditional script. Each variant is made here from one article and must
//! give the same title, headings, credits and text.

use newsreader::article::{Article, Format, parse};
use newsreader::search::simplified_char;

const TITLE: &str = "小镇图书馆重新开放 居民排队借书";
const LEAD: &str =
    "本报讯 经过半年的修缮，镇中心的图书馆昨天重新对外开放，不少居民一早就来到门口排队借书。";
const SECTIONS: &[(&str, &[&str])] = &[
    (
        "修缮用了半年时间",
        &[
            "图书馆建于上世纪八十年代，书架和照明早已老化。去年秋天，镇里拨出专款进行修缮，更换了全部书架。",
            "馆长介绍说，新的阅览室可以同时容纳八十人，比原来多了一倍，还专门留出了儿童阅读区，周末会请志愿者来给孩子们讲故事。",
        ],
    ),
    (
        "居民盼来新去处",
        &[
            "退休教师王阿姨说，她每周都要来两三次，修缮期间只能去县城借书，坐公交车来回要一个多小时，现在走路十分钟就到了。",
            "不少家长带着孩子来办借书证，工作人员说，开馆第一天就办出了三百多张新证，比去年全年办的还要多。",
        ],
    ),
];
const CREDIT: &str = "记者 李明";
const EDITOR: &str = "责任编辑：赵平";

/// The article as a plain text file: headline, lead, subheads, paragraphs, the credits at the
/// foot (or under the headline).
fn plain(credit_on_top: bool) -> String {
    let mut lines = vec![TITLE.to_string()];
    if credit_on_top {
        lines.push(CREDIT.to_string());
    }
    lines.push(LEAD.to_string());
    for (heading, paragraphs) in SECTIONS {
        lines.push(heading.to_string());
        lines.extend(paragraphs.iter().map(|p| p.to_string()));
    }
    if !credit_on_top {
        lines.push(format!("（{CREDIT}）"));
    }
    lines.push(EDITOR.to_string());
    lines.join("\n\n")
}

/// What must hold of every variant.
fn check(a: &Article, variant: &str) {
    let fold = |s: &str| s.chars().map(simplified_char).collect::<String>();
    assert_eq!(fold(&a.title), TITLE, "{variant}: title");
    let headings: Vec<String> = a
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref().map(fold))
        .collect();
    assert_eq!(
        headings,
        ["修缮用了半年时间", "居民盼来新去处"],
        "{variant}: headings"
    );
    assert!(
        a.byline
            .as_deref()
            .map(fold)
            .is_some_and(|b| b.contains("李明")),
        "{variant}: byline {:?}",
        a.byline
    );
    assert_eq!(
        a.editor.as_deref().map(fold).as_deref(),
        Some("赵平"),
        "{variant}: editor"
    );
    let body: Vec<String> = a
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| fold(p)))
        .collect();
    for (_, paragraphs) in SECTIONS {
        for p in *paragraphs {
            assert!(body.iter().any(|b| b == p), "{variant}: lost {p}\n{body:?}");
        }
    }
    let furniture = ["分享到", "版权所有", "首页", "下载", "字号"];
    for b in &body {
        assert!(
            !furniture.iter().any(|f| b.contains(f)),
            "{variant}: kept {b}"
        );
    }
}

#[test]
fn the_article_as_written() {
    check(&parse(&plain(false), Format::Plain, "f"), "plain");
    check(&parse(&plain(true), Format::Plain, "f"), "credit on top");
}

#[test]
fn another_sites_footer_and_share_lines() {
    let text = format!(
        "{}\n\n分享到：微信 微博 QQ空间\n\n版权所有 © 2024 某某网 未经授权不得转载\n\n扫描二维码，下载客户端",
        plain(false)
    );
    check(&parse(&text, Format::Plain, "f"), "footer");
}

#[test]
fn navigation_over_the_headline() {
    let text = format!(
        "首页 > 新闻 > 正文\n\n【字号：大 中 小】【打印】【关闭】\n\n{}",
        plain(false)
    );
    check(&parse(&text, Format::Plain, "f"), "navigation on top");
}

#[test]
fn subheads_as_bold_paragraphs_of_a_page() {
    let mut html = format!(
        "<html><head><meta charset=utf-8><title>{TITLE}</title></head><body>\
         <div class=nav><a href=/>首页</a> <a href=/n>新闻</a></div><article><h1>{TITLE}</h1>\
         <p>{LEAD}</p>"
    );
    for (heading, paragraphs) in SECTIONS {
        html.push_str(&format!("<p><strong>{heading}</strong></p>"));
        for p in *paragraphs {
            html.push_str(&format!("<p>{p}</p>"));
        }
    }
    html.push_str(&format!(
        "<p>（{CREDIT}）</p><p>{EDITOR}</p></article><footer><p>版权所有 © 2024 某某网</p></footer></body></html>"
    ));
    check(&parse(&html, Format::Html, "f"), "bold subheads");
}

#[test]
fn the_same_in_traditional_script() {
    // Simplified to traditional: the first traditional form that folds to each character.
    let mut to_traditional = std::collections::HashMap::new();
    for c in ('\u{3400}'..='\u{9FFF}').chain('\u{F900}'..='\u{FAFF}') {
        let s = simplified_char(c);
        if s != c {
            to_traditional.entry(s).or_insert(c);
        }
    }
    let text: String = plain(false)
        .chars()
        .map(|c| *to_traditional.get(&c).unwrap_or(&c))
        .collect();
    assert_ne!(text, plain(false), "the conversion changed nothing");
    check(&parse(&text, Format::Plain, "f"), "traditional");
}

/// The last section of short paragraphs: its subhead stands among lines as short as the
/// footer's, and stays a subhead; the footer under it is still dropped, and so is a related
/// links box, whose label heads titles, not sentences.
#[test]
fn a_last_subhead_over_short_paragraphs() {
    let text = format!(
        "{}\n\n下一步怎么走\n\n书架还要再添。\n\n开放时间也要延长。\n\n相关阅读\n\n\
         县城书店举办读书周活动\n\n乡村学校添置新图书角\n\n分享到：微信 微博 QQ空间",
        plain(true).replace(&format!("\n\n{EDITOR}"), "")
    );
    let a = parse(&text, Format::Plain, "f");
    let last = a.sections.last().expect("sections");
    assert_eq!(
        last.heading.as_deref(),
        Some("下一步怎么走"),
        "{:?}",
        a.sections
    );
    assert_eq!(
        last.paragraphs,
        ["书架还要再添。", "开放时间也要延长。"],
        "dropped: {:?}",
        a.dropped
    );
    assert!(
        a.dropped.iter().any(|d| d.contains("分享到")),
        "{:?}",
        a.dropped
    );
    assert!(a.dropped.iter().any(|d| d == "相关阅读"), "{:?}", a.dropped);
}
