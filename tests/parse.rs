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
    assert_eq!(
        headings,
        vec![("选种", 2), ("整地", 2), ("第二章 田间管理", 1)]
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
    // Bold-line headings sit one level below the deepest `#` heading.
    assert_eq!(
        outline(&a),
        vec![
            (String::new(), 0, 3),
            ("新的教室".into(), 1, 1),
            ("老师们".into(), 3, 1),
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

/// A tripwire for the catalog: articles stored by an older parse are read again only when
/// `PARSER_VERSION` changes. This pins the parse of the fixtures (and the seed) to the
/// version: a change to the parser that alters any of them fails here until the version is
/// raised and the fingerprint below updated with it.
#[test]
fn parser_version_is_raised() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(dir.join("tests/fixtures"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.push(dir.join("assets/000_cbc56e87487c11ac.txt"));
    files.sort();
    // FNV-1a over every article's JSON, in file order.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        // By file name only: the fingerprint must not depend on where the checkout is.
        let bytes = std::fs::read(f).unwrap();
        let name = Path::new(f.file_name().unwrap());
        let json = newsreader::library::parse_bytes(&bytes, name, None)
            .map(|a| a.to_json())
            .unwrap_or_default();
        for b in json.bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    assert_eq!(
        (newsreader::article::PARSER_VERSION, format!("{hash:016x}")),
        (3, "96318473898b950d".to_string()),
        "the parse of the fixtures changed: raise PARSER_VERSION and put the new fingerprint here"
    );
}
