//! The parser on the sample article (exactly) and on small fixtures written for each heading
//! style, metadata shape and false positive that PRODUCT §2 names.

use std::path::Path;

use newsreader::article::Article;
use newsreader::library::{Library, load_file};

fn fixture(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    match load_file(&path, None) {
        Ok(a) => a,
        Err(e) => panic!("fixture {name} failed to load: {e}"),
    }
}

fn outline(a: &Article) -> Vec<(String, u8, usize)> {
    a.sections
        .iter()
        .map(|s| {
            (
                s.heading.clone().unwrap_or_default(),
                s.level,
                s.paragraphs.len(),
            )
        })
        .collect()
}

fn all_paragraphs(a: &Article) -> Vec<&str> {
    a.sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(String::as_str))
        .collect()
}

#[test]
fn seed_article_exactly() {
    let lib = Library::embedded();
    let a = &lib.articles[0];
    assert_eq!(a.title, "临港浦江国际科技城:以高质量党建引领高质量发展");
    assert_eq!(a.date.as_deref(), Some("2022-11-23"));
    assert_eq!(a.time, None);
    assert_eq!(a.place.as_deref(), Some("上海"));
    assert_eq!(a.byline.as_deref(), Some("青年报 杨颖"));
    assert_eq!(a.editor.as_deref(), Some("陆天逸"));
    assert_eq!(a.source.as_deref(), Some("青春上海News—24小时青年报"));
    assert_eq!(a.encoding, "UTF-8");
    assert_eq!(
        outline(a),
        vec![
            (String::new(), 0, 1),
            ("学习有高潮".into(), 1, 5),
            ("工作有干劲".into(), 1, 4),
            ("奋斗有目标".into(), 1, 5),
        ]
    );
    assert!(a.sections[0].paragraphs[0].starts_with("党的二十大胜利召开以来,"));
    assert_eq!(a.dropped.len(), 3);
    assert_eq!(a.dropped[0], "返回上页 回到首页");
    assert_eq!(a.dropped[1], "青年报社 版权所有");
    assert!(a.dropped[2].starts_with("广告热线:021-61173717"));
    for p in all_paragraphs(a) {
        for d in &a.dropped {
            assert!(
                !p.contains(d.as_str()),
                "dropped line {d:?} is in a paragraph"
            );
        }
        assert!(
            !p.contains("陆天逸") && !p.contains("杨颖"),
            "metadata in body: {p}"
        );
    }
}

#[test]
fn seed_json_has_the_contract_fields() {
    let lib = Library::embedded();
    let v: serde_json::Value = serde_json::from_str(&lib.articles[0].to_json()).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    for k in [
        "path", "title", "date", "time", "place", "byline", "editor", "source", "encoding",
        "sections", "dropped",
    ] {
        assert!(keys.contains(&k), "missing key {k}");
    }
    assert!(v["path"].is_null());
    assert!(v["time"].is_null());
    assert_eq!(v["sections"][1]["heading"], "学习有高潮");
    assert_eq!(v["sections"][1]["level"], 1);
    assert!(v["sections"][0]["heading"].is_null());
}

#[test]
fn decorated_headings_dateline_byline_and_footer() {
    let a = fixture("decorated.txt");
    assert_eq!(a.title, "小城图书馆迎来新读者");
    assert_eq!(a.date.as_deref(), Some("2023-04-02"));
    assert_eq!(a.place.as_deref(), Some("杭州"));
    assert_eq!(a.byline.as_deref(), Some("王小林 李青"));
    assert_eq!(a.editor.as_deref(), Some("张三"));
    assert_eq!(a.source.as_deref(), Some("小城日报"));
    assert_eq!(
        outline(&a),
        vec![
            (String::new(), 0, 1),
            ("新馆有新气象".into(), 1, 2),
            ("读者怎么说".into(), 1, 1),
        ]
    );
    assert_eq!(a.dropped, vec!["返回首页", "小城日报社 版权所有"]);
}

#[test]
fn bracketed_and_chapter_headings_with_date_and_time() {
    let a = fixture("bracket_and_chapter.txt");
    assert_eq!(a.title, "春季种植指南");
    assert_eq!(a.date.as_deref(), Some("2024-03-01"));
    assert_eq!(a.time.as_deref(), Some("10:30"));
    assert_eq!(a.editor.as_deref(), Some("李四"));
    let headings: Vec<(&str, u8)> = a.headings().collect();
    // Nothing outranks the bracketed heads before the chapter: they stand at the top level.
    assert_eq!(
        headings,
        vec![("选种", 1), ("整地", 1), ("第二章 田间管理", 1)]
    );
}

#[test]
fn chinese_numbered_headings_nest_and_inline_items_stay_paragraphs() {
    let a = fixture("cn_numbered.txt");
    assert_eq!(a.title, "关于改进社区服务的几点意见");
    assert_eq!(a.date.as_deref(), Some("2021-06-08"));
    assert_eq!(
        outline(&a),
        vec![
            (String::new(), 0, 1),
            ("一、总体思路".into(), 1, 1),
            ("（一）服务内容".into(), 2, 1),
            ("（二）服务时间".into(), 2, 1),
            ("二、保障措施".into(), 1, 5),
        ]
    );
    let last = &a.sections[4].paragraphs;
    assert_eq!(last[1], "（一）人手不足，志愿者很少；");
}

#[test]
fn numbered_run_is_headings_but_a_list_is_not() {
    let a = fixture("numbered_run.txt");
    let headings: Vec<&str> = a.headings().map(|(h, _)| h).collect();
    // Numbering stays as printed.
    assert_eq!(
        headings,
        vec!["1. 提前规划路线", "2. 带好必需品", "3. 注意安全"]
    );
    let paras = all_paragraphs(&a);
    assert!(paras.contains(&"1. 身份证"));
    assert!(paras.contains(&"3. 零钱"));
}

#[test]
fn short_paragraphs_bylines_and_timestamps_are_not_headings() {
    let a = fixture("false_positives.txt");
    assert_eq!(a.title, "One afternoon at the harbour");
    assert_eq!(a.byline.as_deref(), Some("Maria Lopez"));
    assert_eq!(a.headings().count(), 0, "{:?}", outline(&a));
    let paras = all_paragraphs(&a);
    assert!(paras.contains(&"17.00"));
    assert!(paras.contains(&"It was cold."));
}

#[test]
fn plain_title_like_lines_set_apart_are_headings() {
    let a = fixture("plain_subheads.txt");
    assert_eq!(
        outline(&a),
        vec![
            (String::new(), 0, 2),
            ("商户回来了".into(), 1, 1),
            ("游客多了起来".into(), 1, 1),
        ]
    );
    assert_eq!(a.byline.as_deref(), Some("青年报 王明"));
}

#[test]
fn markdown_in_a_txt_front_matter_headings_bold_and_images() {
    let a = fixture("frontmatter_md.txt");
    assert_eq!(a.title, "山里的小学");
    assert_eq!(a.date.as_deref(), Some("2020-09-01"));
    assert_eq!(a.time.as_deref(), Some("08:30"));
    assert_eq!(a.byline.as_deref(), Some("陈晓"));
    assert_eq!(a.source.as_deref(), Some("山区教育周刊"));
    // A bold-line heading ranks below every `#` heading, and sits one level below the
    // heading it is under.
    assert_eq!(
        outline(&a),
        vec![
            (String::new(), 0, 3),
            ("新的教室".into(), 1, 1),
            ("老师们".into(), 2, 1),
            ("支教老师".into(), 2, 1),
        ]
    );
    let lead = &a.sections[0].paragraphs;
    assert_eq!(lead[0], "本文首发于山区教育周刊");
    assert_eq!(lead[1], "[图片]");
    assert_eq!(
        lead[2],
        "开学第一天，山里的小学迎来了二十名新生。学校网站上写着欢迎的话。"
    );
    assert_eq!(
        a.sections[1].paragraphs[0],
        "去年，学校建起了新教学楼。教室里有了投影仪。"
    );
}

#[path = "../src/parser_fingerprint.rs"]
mod parser_fingerprint;

/// The catalog reads an article again whenever `PARSER_VERSION` differs from the one it was
/// stored with. The version is the fingerprint of the parser's sources, computed by the build
/// script: recomputed here from the same files, it must agree, and every rule file counts.
#[test]
fn parser_version_is_the_fingerprint_of_the_parser_sources() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        newsreader::article::PARSER_VERSION,
        parser_fingerprint::fingerprint(root)
    );
    let files = parser_fingerprint::files(root);
    for rule_file in [
        "src/article/heading.rs",
        "src/article/boilerplate.rs",
        "src/article/html/emit.rs",
        "src/decode.rs",
        "Cargo.lock",
    ] {
        assert!(files.iter().any(|f| f.ends_with(rule_file)), "{rule_file}");
    }
}

/// Any change to a rule file, however small, gives another version.
#[test]
fn a_changed_rule_gives_another_parser_version() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = tempfile::tempdir().unwrap();
    for f in parser_fingerprint::files(root) {
        let rel = f.strip_prefix(root).unwrap();
        let to = copy.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&f, &to).unwrap();
    }
    let before = parser_fingerprint::fingerprint(copy.path());
    assert_eq!(before, newsreader::article::PARSER_VERSION);
    let rule = copy.path().join("src/article/heading.rs");
    let mut text = std::fs::read_to_string(&rule).unwrap();
    text.push_str("\n// one more line\n");
    std::fs::write(&rule, text).unwrap();
    assert_ne!(parser_fingerprint::fingerprint(copy.path()), before);
}

/// The one item of a fixture feed written for a class of markup, read as a feed item is.
fn item(name: &str) -> Article {
    use newsreader::feed::{ParseContext, Zone, parse_feed};
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/markup")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    let cx = ParseContext {
        url: "https://feeds.example.org/feed.xml".to_string(),
        zone: Zone::Offset(8 * 3600),
        now: chrono::DateTime::parse_from_rfc3339("2024-09-02T00:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc),
    };
    let mut feed = parse_feed(&bytes, None, &cx).unwrap();
    assert_eq!(feed.items.len(), 1, "{name}");
    feed.items.remove(0).article
}

fn headings(a: &Article) -> Vec<(&str, u8)> {
    a.headings().collect()
}

/// Feed items lost `<h2>` headings that hold a link (an anchor or a tag link): they are
/// headings, at the levels their tags give, and their reason says so.
#[test]
fn headings_holding_links_are_headings_in_feed_items() {
    let a = item("linked_headings.xml");
    assert_eq!(
        headings(&a),
        [
            ("出发：清晨的码头", 1),
            ("中途：三座旧桥", 1),
            ("一点提醒", 2)
        ]
    );
    assert_eq!(a.why.headings, ["markup: h2", "markup: h2", "markup: h3"]);
    assert_eq!(a.paragraph_count(), 4);
    assert!(a.dropped.is_empty(), "{:?}", a.dropped);
}

/// A digest's numbered linked headlines (`1、<a>…</a>`) and its list items are its content,
/// not "boilerplate": every one is kept, with its number.
#[test]
fn digest_lines_of_links_are_kept_with_their_numbers() {
    let a = item("digest.xml");
    let body = all_paragraphs(&a);
    for line in [
        "1、为什么小团队更需要写文档",
        "2、一次数据库迁移的复盘",
        "3、终端里的中文排版",
        "1. 一个把网页存成纯文本的命令行程序",
        "2. 一个检查链接是否失效的小脚本",
    ] {
        assert!(body.contains(&line), "{line} not in {body:?}");
    }
    assert_eq!(headings(&a), [("文章", 1), ("工具", 1)]);
    assert!(a.dropped.is_empty(), "{:?}", a.dropped);
}

/// A paragraph holding `<code>` is a paragraph; a `<pre>` keeps its lines and indentation.
#[test]
fn code_in_feed_items_is_kept_verbatim() {
    let a = item("code.xml");
    let body = all_paragraphs(&a);
    assert!(body.contains(&"Run seq 3 -1 1 to see the numbers it counts through."));
    assert!(
        body.contains(&"for i in $(seq 3 -1 1); do\n    echo \"$i\"\n    sleep 1\ndone"),
        "{body:?}"
    );
    assert!(a.dropped.is_empty(), "{:?}", a.dropped);
}

/// A paragraph that is one bold link (`<strong><a>…</a></strong>`, `<a><b>…</b></a>`) is a
/// subhead, not a list of links.
#[test]
fn bold_link_paragraphs_are_subheads() {
    let a = item("bold_link_subheads.xml");
    assert_eq!(headings(&a), [("停车位从哪里来", 1), ("小店能不能留下", 1)]);
    assert_eq!(a.why.headings, ["markup: bold", "markup: bold"]);
    assert!(a.dropped.is_empty(), "{:?}", a.dropped);
}

/// A newspaper item that opens with an `<h4>` before its `<h3>` sections: levels are relative,
/// so the first heading is at the top and an `<h4>` under an `<h3>` is one below it.
#[test]
fn inverted_heading_levels_in_a_newspaper_item() {
    let a = item("newspaper_levels.xml");
    assert_eq!(
        headings(&a),
        [
            ("开学第一天", 1),
            ("路线是怎么定的", 1),
            ("冬天怎么办", 2),
            ("还有哪些困难", 1)
        ]
    );
}

/// A feed item saved as Markdown is a link title, a rule, a date line and one long line of
/// HTML: the HTML is read as HTML (heading with a link, bold subhead, figure and caption).
#[test]
fn html_inside_markdown_is_read_as_html() {
    let a = fixture("markup/saved_item.md");
    assert_eq!(a.title, "山区学校的新校车");
    assert_eq!(headings(&a), [("路线是怎么定的", 1), ("冬天怎么办", 2)]);
    assert!(
        a.dropped_with_reasons()
            .any(|(d, why)| d.starts_with("停在村口的校车。") && why == "markup: caption"),
        "{:?}",
        a.dropped
    );
    assert!(all_paragraphs(&a).contains(&"最远的一个村子离学校四十公里，单程要一个多小时。"));
}

/// Markdown blocks as they are written: a setext heading, a numbered list with its numbers, a
/// fenced block with its indentation, a quote as text.
#[test]
fn markdown_blocks_keep_their_shape() {
    let a = fixture("markup/blocks.md");
    assert_eq!(a.title, "在终端里读新闻");
    assert_eq!(headings(&a), [("准备工作", 1), ("下一步", 1)]);
    let body = all_paragraphs(&a);
    for line in [
        "1. 一个能编译 Rust 的环境",
        "3. 一点耐心",
        "fn main() {\n    let text = std::fs::read_to_string(\"a.txt\").unwrap();\n    println!(\"{}\", text.len());\n}",
        "引用的段落仍然是正文的一部分，只是换了一种排法。",
    ] {
        assert!(body.contains(&line), "{line} not in {body:?}");
    }
}

/// A line ending in `——` with a comma inside is a part head only over a subhead; over prose it
/// is a sentence leading into the paragraph, and a line ending in `——` right under a subhead
/// is never a part head.
#[test]
fn lead_in_sentences_ending_in_a_dash_are_not_part_heads() {
    use newsreader::article::{Format, parse};
    let text = "强军兴军的科学方略\n\n\
        处在新的历史发展时期的人民军队，军事斗争准备和改革、建设、发展都取得了新的进展，成绩有目共睹。\n\n\
        贴近实战：演兵场劲吹求真务实之风\n\n\
        着眼于增强我军信息化条件下的威慑和实战能力，仗怎么打、兵就怎么练——\n\n\
        回眸一年来演兵场出现的新变化，杂志总编辑感慨道，紧贴实战，从难从严训练，求真务实之风劲吹演兵场。\n\n\
        统筹兼顾：大局下行动谱写出军民团结新篇章\n\n\
        这是联合军事演习期间发生在山东半岛的一幕——\n\n\
        演习部队进驻当天，当地群众自发组织起来，为官兵送水送饭，官兵也帮助群众抢收庄稼，场面十分感人。\n";
    let a = parse(text, Format::Plain, "f");
    let got: Vec<(&str, u8)> = a
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref().map(|h| (h, s.level)))
        .collect();
    assert_eq!(
        got,
        [
            ("贴近实战：演兵场劲吹求真务实之风", 1),
            ("统筹兼顾：大局下行动谱写出军民团结新篇章", 1)
        ]
    );
}
