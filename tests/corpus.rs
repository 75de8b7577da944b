//! Every article in `../shared/corpus` (real pages from other sites, kept out of this
//! repository) must load: a title, paragraphs, clean strings, the GBK files decoded, and
//! headings found in the Markdown-shaped files. When the folder is absent the test says so.

use std::path::{Path, PathBuf};

use newsreader::article::Article;
use newsreader::library::load_file;

fn corpus() -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        {
            use std::io::Write as _;
            // Straight to stderr: test output capture would hide a println.
            let _ = writeln!(
                std::io::stderr(),
                "corpus absent at {}: the corpus checks (titles, paragraphs, GBK decoding, \
             Markdown headings) did NOT run",
                dir.display()
            );
        }
        return None;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n != "SOURCES.md"))
        .collect();
    files.sort();
    Some(files)
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn load(p: &Path) -> Article {
    match load_file(p, None) {
        Ok(a) => a,
        Err(e) => panic!("{e}"),
    }
}

/// Characters that must never reach the screen (PRODUCT §1).
fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}')
}

fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

#[test]
fn every_corpus_article_loads_with_title_paragraphs_and_clean_text() {
    let Some(files) = corpus() else { return };
    assert!(
        files.len() >= 30,
        "expected the whole corpus, found {}",
        files.len()
    );
    let mut with_headings = 0;
    for p in &files {
        let a = load(p);
        let n = name(p);
        assert!(!a.title.trim().is_empty(), "{n}: empty title");
        assert!(a.paragraph_count() >= 1, "{n}: no paragraph");
        let v: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
        let mut all = Vec::new();
        strings(&v, &mut all);
        for s in &all {
            assert!(
                !s.chars().any(forbidden),
                "{n}: forbidden character in {s:?}"
            );
        }
        if a.headings().count() > 0 {
            with_headings += 1;
        }
    }
    println!(
        "{with_headings} of {} corpus files parse with headings",
        files.len()
    );
}

#[test]
fn gbk_corpus_files_decode_cleanly_with_their_titles() {
    let Some(files) = corpus() else { return };
    let expected = [
        (
            "zh_gbk_sogou_camera_museum.txt",
            "（文化）（２）上海老相机制造博物馆即将开门迎客",
        ),
        (
            "zh_gbk_sogou_food_safety_garbled.txt",
            "蒲长城：去年重新审核并淘汰４０％乳制品企业",
        ),
        (
            "zh_gbk_sogou_wheat_harvest.txt",
            "＃（关注夏收）（３）夫妻“麦客”忙麦收",
        ),
    ];
    for (file, title) in expected {
        let p = files.iter().find(|p| name(p) == file).expect(file);
        let a = load(p);
        assert!(
            a.encoding == "GBK" || a.encoding == "GB18030",
            "{file}: {}",
            a.encoding
        );
        assert_eq!(a.title, title);
        assert!(
            !a.to_json().contains('\u{FFFD}'),
            "{file}: replacement character"
        );
    }
}

#[test]
fn markdown_shaped_corpus_files_have_their_headings() {
    let Some(files) = corpus() else { return };
    // (file, a heading that must be found); the last one has none by its SOURCES note.
    let expected = [
        (
            "zh_md_frontmatter_canton_rain_blockquote.txt",
            Some("男孩在齐腰深水中靠近铁箱摔倒"),
        ),
        (
            "zh_md_frontmatter_china_economy_bold01.txt",
            Some("01 经济下行还未结束，刚到下半场"),
        ),
        (
            "zh_md_frontmatter_harvard_covid_square_byline.txt",
            Some("04 前景未卜"),
        ),
        (
            "zh_md_frontmatter_pan_furen_trial.txt",
            Some("头皮屑的故事"),
        ),
        (
            "zh_md_frontmatter_yuan_longping_long.txt",
            Some("水稻育种的三个台阶"),
        ),
        (
            "zh_md_ruanyf_weekly_300_mixed.txt",
            Some("三十年，解决人生三大问题"),
        ),
        (
            "zh_md_xinwenlianbo_20221121_undefined.txt",
            Some("新闻摘要"),
        ),
        (
            "zh_tw_md_frontmatter_jifeng_bookstore_timestamps.txt",
            Some("季風吹進來"),
        ),
        ("zh_tw_md_frontmatter_zhou_baosong.txt", None),
    ];
    for (file, heading) in expected {
        let p = files.iter().find(|p| name(p) == file).expect(file);
        let a = load(p);
        let headings: Vec<&str> = a.headings().map(|(h, _)| h).collect();
        match heading {
            Some(h) => assert!(headings.contains(&h), "{file}: {h} not in {headings:?}"),
            None => assert!(headings.is_empty(), "{file}: unexpected {headings:?}"),
        }
        assert!(
            !headings.contains(&"undefined"),
            "{file}: scraper artefact kept"
        );
    }
}

#[test]
fn corpus_metadata_read_from_front_matter_and_bylines() {
    let Some(files) = corpus() else { return };
    let find = |f: &str| load(files.iter().find(|p| name(p) == f).expect(f));
    let a = find("zh_md_frontmatter_canton_rain_blockquote.txt");
    assert_eq!(a.date.as_deref(), Some("2018-06-14"));
    // The reporter credit at the foot outranks the clipping's `作者：` note.
    assert_eq!(a.byline.as_deref(), Some("新京报记者 庞礡 实习生 郑洁"));
    assert_eq!(a.editor.as_deref(), Some("陈薇 李骁晋"));
    assert_eq!(a.source.as_deref(), Some("重案组37号"));
    let a = find("zh_19th_congress_report_long.txt");
    assert_eq!(a.date.as_deref(), Some("2017-10-18"));
    assert_eq!(a.byline.as_deref(), Some("习近平"));
    assert!(a.indented);
    let a = find("zh_bbc_cy_leung_apology_notitle.txt");
    assert!(
        a.to_json().contains("“撒谎”"),
        "C1 quote stand-ins become quotes"
    );
}
