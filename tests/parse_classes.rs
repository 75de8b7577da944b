//! Classes of page furniture and metadata that many sites print, each shown on a generated
//! article: the parse reads what the line says and keeps it out of the text, and a line of
//! story text of a similar shape stays.

use newsreader::article::{Article, Format, parse};

const PARAGRAPHS: &[&str] = &[
    "镇中心的图书馆昨天重新对外开放，不少居民一早就来到门口排队借书，工作人员忙着办理新证。",
    "馆长介绍说，新的阅览室可以同时容纳八十人，比原来多了一倍，还专门留出了儿童阅读区。",
    "退休教师王阿姨说，她每周都要来两三次，修缮期间只能去县城借书，现在走路十分钟就到了。",
];

fn body(a: &Article) -> Vec<&str> {
    a.sections
        .iter()
        .flat_map(|s| s.heading.iter().chain(s.paragraphs.iter()))
        .map(String::as_str)
        .collect()
}

fn text(lines: &[&str]) -> String {
    lines.join("\n\n")
}

/// A page saved as text prints the site's host run into the info line under the headline.
#[test]
fn an_info_line_glued_to_a_host() {
    for host in ["www.EXAMPLE.com", "news.example.com.cn", "www.example.org "] {
        let line = format!("{host}2006年02月01日 20:00:35来源：晨报");
        let mut lines = vec!["小镇图书馆重新开放", line.as_str()];
        lines.extend(PARAGRAPHS);
        let a = parse(&text(&lines), Format::Plain, "");
        assert_eq!(a.date.as_deref(), Some("2006-02-01"), "{host}");
        assert_eq!(a.time.as_deref(), Some("20:00"), "{host}");
        assert!(
            body(&a).iter().all(|p| !p.contains("来源")),
            "{host}: {:?}",
            body(&a)
        );
    }
    // Under the info line, a deck over the lead of an article with no sections stays text.
    let mut lines = vec![
        "小镇图书馆重新开放",
        "www.example.com2006年02月01日 20:00:35来源：晨报",
        "修缮半年的图书馆 迎来排队借书的居民",
    ];
    lines.extend(PARAGRAPHS);
    let a = parse(&text(&lines), Format::Plain, "");
    assert!(
        a.sections.iter().all(|s| s.heading.is_none()),
        "{:?}",
        a.sections
    );
    assert!(body(&a).contains(&"修缮半年的图书馆 迎来排队借书的居民"));
    // A word with a dot in it is no host: the line is story text.
    let mut lines = vec![
        "小镇图书馆重新开放",
        "Mr.Smith2006年02月01日来到镇上，借走了三本书。",
    ];
    lines.extend(PARAGRAPHS);
    let a = parse(&text(&lines), Format::Plain, "");
    assert!(body(&a).iter().any(|p| p.starts_with("Mr.Smith")));
}

/// A digest of broadcast stories: the broadcast's stamp deep in the text gives the hour and is
/// metadata; the outlet of the dateline that opens each story is the source.
#[test]
fn a_broadcast_stamp_and_the_dateline_of_each_story() {
    let mut lines = vec![
        "# 《晚间新闻》 (20250312)".to_string(),
        "## 本期摘要".to_string(),
        "1.小镇图书馆重新开放；".to_string(),
        "2.居民排队借书；".to_string(),
        "3.馆长介绍阅览室。".to_string(),
        "（《晚间新闻》 20250312 22:30）".to_string(),
    ];
    for (n, p) in PARAGRAPHS.iter().enumerate() {
        lines.push(format!("### 第{}条", n + 1));
        lines.push(format!("示例网消息（晚间新闻）：{p}"));
    }
    let a = parse(&lines.join("\n\n"), Format::Markdown, "");
    assert_eq!(a.date.as_deref(), Some("2025-03-12"));
    assert_eq!(a.time.as_deref(), Some("22:30"));
    assert_eq!(a.source.as_deref(), Some("示例网"));
    assert!(body(&a).iter().all(|p| !p.contains("20250312")));
    assert!(body(&a).iter().any(|p| p.contains("镇中心的图书馆")));

    // The stamp on the last line of a paragraph, after its last sentence, leaves it.
    let glued = lines.join("\n\n").replace("。\n\n（《", "。\n（《");
    let a = parse(&glued, Format::Markdown, "");
    assert_eq!(a.time.as_deref(), Some("22:30"));
    assert!(body(&a).contains(&"3.馆长介绍阅览室。"), "{:?}", body(&a));
    assert!(a.dropped.iter().any(|d| d.contains("20250312 22:30")));

    // A stamp whose day is not the known day gives no hour.
    let other = lines
        .join("\n\n")
        .replace("20250312 22:30", "20250313 22:30");
    let a = parse(&other, Format::Markdown, "");
    assert_eq!(a.date.as_deref(), Some("2025-03-12"));
    assert_eq!(a.time, None);
}

/// An English photo credit in brackets on its own line under the caption is not text.
#[test]
fn a_photo_credit_alone_under_its_caption() {
    let lead = "The town library reopened on Monday after six months of repairs, and residents queued at the door to borrow books.";
    let more = "The librarian said the new reading room seats eighty people, twice as many as before, with a corner for children.";
    for credit in ["(Jane Doe/jdoe@example.com)", "(AP Photo/John Roe)"] {
        let page = format!(
            "<html><head><title>Library reopens</title></head><body><h1>Library reopens</h1>\
             <p>{lead}</p><p>Residents queue outside the library on Monday.</p><p><em>{credit}</em></p>\
             <p>{more}</p></body></html>"
        );
        let a = parse(&page, Format::Html, "");
        assert!(body(&a).iter().all(|p| !p.contains(credit)), "{credit}");
        assert!(a.dropped.iter().any(|d| d.contains(credit)), "{credit}");
        assert!(body(&a).contains(&more), "{credit}");
    }
}

/// A short line over a numbered list (`1.…`, `2.…`, each item with a line of its own under
/// it) at the foot of a story is the list's heading, not page furniture.
#[test]
fn a_heading_over_a_numbered_list() {
    let mut lines = vec!["小镇图书馆重新开放"];
    lines.extend(PARAGRAPHS);
    lines.extend([
        "新增借阅项目",
        "1.儿童绘本专架",
        "镇中心图书馆",
        "2.老年人大字书",
        "镇中心图书馆",
        "3.地方志阅览",
        "县档案馆",
    ]);
    let a = parse(&text(&lines), Format::Plain, "");
    let headings: Vec<&str> = a
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect();
    assert_eq!(headings, ["新增借阅项目"], "{:?}", a.dropped);
    assert!(body(&a).contains(&"1.儿童绘本专架"));
}

/// The story ends with its closing credit: a short line under it is the page's footer, and
/// a short last line with no credit above it stays text.
#[test]
fn a_short_line_under_the_closing_credit() {
    let story = [
        "Town library reopens",
        "The town library reopened on Monday after six months of repairs, and residents queued at the door to borrow books.",
        "The librarian said the new reading room seats eighty people, twice as many as before, with a corner for children.",
    ];
    let mut lines = story.to_vec();
    lines.extend([
        "Reporting by Jane Doe; Editing by John Roe",
        "Our Standards: The Example Trust Principles.",
    ]);
    let a = parse(&text(&lines), Format::Plain, "");
    assert_eq!(a.editor.as_deref(), Some("John Roe"));
    assert!(body(&a).iter().all(|p| !p.contains("Our Standards")));
    assert!(a.dropped.iter().any(|d| d.contains("Our Standards")));

    let mut lines = story.to_vec();
    lines.push("The library opens at nine.");
    let a = parse(&text(&lines), Format::Plain, "");
    assert!(body(&a).contains(&"The library opens at nine."));
}

/// In a page whose sections `<h3>` heads, a short question standing as its own paragraph
/// between sentences and longer prose is a subhead under its section; in an interview, with
/// more questions than that, questions stay text.
#[test]
fn a_question_subhead_among_markup_headings() {
    let long = PARAGRAPHS.join("");
    let page = |questions: &[&str]| {
        let mut html = String::from("<html><body><h1>小镇图书馆重新开放</h1>");
        html.push_str(&format!("<h3>1.修缮用了半年</h3><p>{}</p>", PARAGRAPHS[0]));
        for q in questions {
            html.push_str(&format!("<p>{q}</p><p>{long}</p>"));
        }
        html.push_str(&format!(
            "<h3>2.居民盼来新去处</h3><p>{long}</p></body></html>"
        ));
        html
    };
    let a = parse(&page(&["为何修缮用了半年？"]), Format::Html, "");
    let headings: Vec<(&str, u8)> = a
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref().map(|h| (h, s.level)))
        .collect();
    assert_eq!(
        headings,
        [
            ("1.修缮用了半年", 1),
            ("为何修缮用了半年？", 2),
            ("2.居民盼来新去处", 1)
        ]
    );
    let a = parse(
        &page(&["为何修缮？", "花了多少钱？", "何时开放？"]),
        Format::Html,
        "",
    );
    assert_eq!(
        a.sections.iter().filter(|s| s.heading.is_some()).count(),
        2,
        "{:?}",
        a.sections
    );
}

fn headings(a: &Article) -> Vec<(&str, u8)> {
    a.sections
        .iter()
        .filter_map(|s| s.heading.as_deref().map(|h| (h, s.level)))
        .collect()
}

/// Sections headed in bold with numbers (`一 …`, `二 …`): a plain paragraph whose number
/// continues theirs is the next heading at their level, also as a question; one whose number
/// does not continue theirs stays text.
#[test]
fn a_plain_numbered_head_continuing_bold_ones() {
    let long = PARAGRAPHS.join("");
    let page = |last: &str| {
        format!(
            "# 小镇图书馆重新开放\n\n<p><strong>一 修缮用了半年</strong></p><p>{long}</p>\
             <p><strong>二 居民盼来新去处</strong></p><p>{long}</p><p>{last}</p><p>{long}</p>"
        )
    };
    let a = parse(&page("三 何时恢复夜间开放？"), Format::Markdown, "");
    assert_eq!(
        headings(&a),
        [
            ("一 修缮用了半年", 1),
            ("二 居民盼来新去处", 1),
            ("三 何时恢复夜间开放？", 1)
        ]
    );
    let a = parse(&page("五 夜间开放时间"), Format::Markdown, "");
    assert_eq!(headings(&a).len(), 2, "{:?}", a.sections);
    assert!(body(&a).contains(&"五 夜间开放时间"));
}

/// Plain subheads, one of them (set on two lines) over a run of numbered questions: the
/// questions are its items, a level below it, and the next plain subhead is back at the top.
/// A quotation opening the text is its kicker and a pull quote repeating a paragraph's words
/// is no heading; a ticker row of closed-market dashes is dropped.
#[test]
fn a_subhead_over_numbered_questions() {
    let [p0, p1, p2] = PARAGRAPHS else {
        unreachable!()
    };
    let lines = [
        "小镇图书馆重新开放",
        "“我们终于又有地方看书了”",
        "某某股份\t--\t--",
        p0,
        "“比原来多了一倍”",
        "馆长介绍说，新阅览室的座位“比原来多了一倍”，还专门留出了儿童阅读区，假期里孩子们可以在这里看书。",
        "修缮经过",
        p1,
        "三大变化",
        "阅览室焕然一新",
        "1阅览室为何变大？",
        p2,
        "2儿童区怎么用？",
        p0,
        "3夜里开不开？",
        p1,
        "居民反应",
        p2,
    ];
    let a = parse(&text(&lines), Format::Plain, "");
    assert_eq!(
        headings(&a),
        [
            ("修缮经过", 1),
            ("三大变化 阅览室焕然一新", 1),
            ("1阅览室为何变大？", 2),
            ("2儿童区怎么用？", 2),
            ("3夜里开不开？", 2),
            ("居民反应", 1)
        ],
        "{:?}",
        a.sections
    );
    assert!(body(&a).contains(&"“我们终于又有地方看书了”"));
    assert!(body(&a).contains(&"“比原来多了一倍”"));
    assert!(a.dropped.iter().any(|d| d.starts_with("某某股份")));
}

/// A Facebook post embedded in a page: the fallback text the platform's script replaces
/// ("Posted by … on …") is not the article's, nor is the video's label under it.
#[test]
fn a_facebook_embed_and_its_video_label() {
    let long = PARAGRAPHS.join("");
    let page = format!(
        "<html><body><h1>小镇图书馆重新开放</h1><p>{long}</p>\
         <div class=\"fb-video\" data-href=\"https://www.facebook.com/x/videos/1/\">\
         <blockquote cite=\"https://www.facebook.com/x/videos/1/\" class=\"fb-xfbml-parse-ignore\">\
         <p><a href=\"https://www.facebook.com/x/videos/1/\">【图书馆开门了】</a></p>\
         <p>【图书馆开门了】居民一早排队借书。#图书馆</p>\
         <p>Posted by <a href=\"https://www.facebook.com/x/\">Town News</a> on Wednesday, July 1, 2020</p>\
         </blockquote></div><p>视频【图书馆开门了】</p><p>{long}</p></body></html>"
    );
    let a = parse(&page, Format::Html, "");
    let text = body(&a);
    assert!(
        text.iter()
            .all(|p| !p.contains("Posted by") && !p.contains("图书馆开门了")),
        "{text:?}"
    );
    assert_eq!(text.iter().filter(|p| **p == long).count(), 2, "{text:?}");
    assert!(a.links.iter().all(|l| !l.url.contains("facebook")));
}

/// A short line right under a picture naming where its figures come from (`数据出处：…`) is
/// the picture's source note; the same line away from a picture, and a sentence under a
/// picture, stay.
#[test]
fn a_source_note_under_a_chart() {
    let note = "数据出处：某某《小镇阅读调查报告》";
    let sentence = "图书馆的出处：是一座旧祠堂，馆长说，这座房子已经有一百多年了。";
    let doc = |under: &str, away: &str| {
        let mut lines = vec![
            "小镇图书馆重新开放",
            PARAGRAPHS[0],
            "![借阅人数](chart.png)",
        ];
        lines.extend([under, PARAGRAPHS[1], away, PARAGRAPHS[2]]);
        text(&lines)
    };
    let away = "资料出处：某某《小镇志》";
    let a = parse(&doc(note, away), Format::Markdown, "");
    assert!(!body(&a).contains(&note), "{:?}", body(&a));
    assert!(body(&a).contains(&away), "{:?}", body(&a));
    assert!(a.dropped.iter().any(|d| d == note), "{:?}", a.dropped);
    let a = parse(&doc(sentence, PARAGRAPHS[0]), Format::Markdown, "");
    assert!(body(&a).contains(&sentence));
}
