//! Pictures kept as blocks of the article: HTML `img` and `figure` with its caption, Markdown
//! `![]()`, a feed item's pictures; the text keeps its placeholder and the `--json` object
//! lists them in `images`.

use newsreader::article::{Format, Picture, parse};

fn picture(src: &str, alt: Option<&str>, caption: Option<&str>, at: (usize, usize)) -> Picture {
    Picture {
        src: src.into(),
        alt: alt.map(Into::into),
        caption: caption.map(Into::into),
        section: at.0,
        paragraph: at.1,
    }
}

#[test]
fn html_pictures_keep_their_address_alt_text_and_caption() {
    let html = "<html><head><title>河畔公园新添步道</title></head><body><article>\
        <p>市园林部门表示，新步道沿湖修建，全长约三公里，设有多处休息平台和饮水点。</p>\
        <figure><img src=\"/p/1.jpg\" alt=\"湖边步道\"><figcaption>清晨在湖边散步的市民</figcaption></figure>\
        <p>附近居民说，清晨散步的人明显多了起来，孩子们也喜欢在湖边骑车，周末更是热闹。</p>\
        <p><img data-src=\"https://img.example/2.png\" src=\"data:image/gif;base64,R0lGOD\"></p>\
        <p>园林部门还说，明年将在步道两侧补种树木，并增设照明设施，方便夜间出行。</p>\
        </article></body></html>";
    let a = parse(html, Format::Html, "x");
    let lead = &a.sections[0].paragraphs;
    assert_eq!(lead[1], "[图片：湖边步道]", "{lead:?}");
    assert_eq!(lead[3], "[图片]", "{lead:?}");
    assert_eq!(
        a.images,
        vec![
            picture(
                "/p/1.jpg",
                Some("湖边步道"),
                Some("清晨在湖边散步的市民"),
                (0, 1)
            ),
            picture("https://img.example/2.png", None, None, (0, 3)),
        ]
    );
    assert_eq!(a.pictures_at(0, 1).count(), 1);
    assert_eq!(a.pictures_at(0, 2).count(), 0);
    // The addresses are no text of the article: search never finds them.
    assert!(a.texts().all(|t| !t.contains("1.jpg")));
    let json: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
    assert_eq!(json["images"][0]["src"], "/p/1.jpg");
    assert_eq!(json["images"][0]["caption"], "清晨在湖边散步的市民");
    assert_eq!(json["images"][1]["alt"], serde_json::Value::Null);
    // The fields before it are as they were.
    assert!(json["sections"].is_array() && json["why"].is_object());
}

#[test]
fn markdown_pictures_alone_and_inside_a_paragraph() {
    let md = "# 湖边\n\n新步道沿湖修建，全长约三公里。\n\n![湖边步道](img/lake.jpg \"湖\")\n\n\
        看![小猫](<https://a.example/cat.png>)在湖边晒太阳。\n";
    let a = parse(md, Format::Markdown, "x");
    let paras = &a.sections[0].paragraphs;
    assert_eq!(paras[1], "[图片：湖边步道]", "{paras:?}");
    assert_eq!(paras[2], "看[图片：小猫]在湖边晒太阳。", "{paras:?}");
    assert_eq!(
        a.images,
        vec![
            picture("img/lake.jpg", Some("湖边步道"), None, (0, 1)),
            picture("https://a.example/cat.png", Some("小猫"), None, (0, 2)),
        ]
    );
}

#[test]
fn a_feed_items_pictures_and_text_without_pictures() {
    let item = "<html><head><title>Ferry</title></head><body>\
        <p>The ferry across the bay restarted its morning service on Monday.</p>\
        <p><img src=\"https://cdn.example/ferry.jpg\" alt=\"The ferry at the pier\"></p></body></html>";
    let a = parse(item, Format::FeedItem, "x");
    assert_eq!(
        a.images,
        vec![picture(
            "https://cdn.example/ferry.jpg",
            Some("The ferry at the pier"),
            None,
            (0, 1)
        )]
    );
    assert_eq!(
        a.sections[0].paragraphs[1],
        "[image: The ferry at the pier]"
    );
    let plain = parse("标题\n\n正文第一段，没有图片。\n", Format::Plain, "x");
    assert!(plain.images.is_empty());
}
