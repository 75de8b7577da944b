//! Reading comfort beyond "no broken lines" (PRODUCT §11): the measure, CJK–Latin spacing,
//! the grid, paragraph styles, numbers and words kept whole and full-width letters drawn
//! half-width, one table test per rule through the public API; and every article of the
//! shared corpora laid out at widths 40–200 (a spread of them here; `benches/comfort.rs`
//! measures every width) held to the goals, with the layout's older promises checked
//! on each layout too.

#[path = "comfort_check.rs"]
mod comfort_check;
#[path = "layout_check.rs"]
mod layout_check;

use std::path::{Path, PathBuf};

use comfort_check::{Tally, tally};
use newsreader::article::{Article, Section};
use newsreader::layout::{
    Align, Block, InsertKind, Layout, LayoutOptions, Paragraph, Piece, RowKind, drawn_text, layout,
};
use newsreader::library::load_file;

/// The rows a paragraph is drawn as in a column `width` wide with `options`, after checking
/// every layout promise.
fn rows_with(text: &str, width: u16, options: &LayoutOptions) -> Vec<String> {
    let l = Layout::from_blocks(vec![Block::body(text)], false, width, options);
    if let Err(e) = layout_check::check(&l, width, text) {
        panic!("{e}");
    }
    (0..l.len())
        .filter(|&i| l.rows()[i].kind() != RowKind::Blank)
        .map(|i| l.row_text(i).into_owned())
        .collect()
}

/// Spacing and narrowing on, the grid off.
fn spaced() -> LayoutOptions {
    LayoutOptions {
        grid_align: false,
        ..LayoutOptions::default()
    }
}

#[test]
fn chinese_and_latin_get_one_cell_between_them() {
    assert_eq!(
        rows_with("使用Rust语言开发了3个版本", 80, &spaced()),
        ["使用 Rust 语言开发了 3 个版本"]
    );
    // Never next to full-width punctuation, never doubled, never inside an address or
    // between a number and its unit sign.
    assert_eq!(
        rows_with("（Rust）和Go、Rust 语言，增长50%，约30°C", 80, &spaced()),
        ["（Rust）和 Go、Rust 语言，增长 50%，约 30°C"]
    );
    assert_eq!(
        rows_with("见https://zh.wikipedia.org/wiki/中文维基", 80, &spaced()),
        ["见 https://zh.wikipedia.org/wiki/中文维基"]
    );
    let off = LayoutOptions {
        cjk_spacing: false,
        ..spaced()
    };
    assert_eq!(rows_with("使用Rust语言", 80, &off), ["使用Rust语言"]);
}

#[test]
fn spacing_is_idempotent_and_leaves_the_text_alone() {
    let o = LayoutOptions::default();
    for text in [
        "使用Rust语言开发了3个版本",
        "ＡＢＣ公司，１２．５％的用户在2022年使用iPhone",
        "访问www.gov.cn了解详情",
    ] {
        let once = drawn_text(text, &o);
        assert_eq!(drawn_text(&once, &o), once, "{text}");
    }
    // The layout draws the spaces; the block keeps the text as written.
    let l = Layout::from_blocks(vec![Block::body("用Rust写")], false, 40, &o);
    assert_eq!(l.blocks()[0].text, "用Rust写");
    assert_eq!(l.row_text(0), "用 Rust 写");
}

#[test]
fn a_spacing_cell_never_starts_a_row() {
    let r = rows_with("一二三四五Rust六七", 10, &spaced());
    assert_eq!(r, ["一二三四五", "Rust 六七"]);
}

#[test]
fn the_grid_keeps_han_characters_on_one_parity() {
    // `3` and its two spaces take three cells: one pad makes it four.
    let grid = LayoutOptions::default();
    assert_eq!(rows_with("开发了3个版本", 80, &grid), ["开发了 3  个版本"]);
    // An even run needs none.
    assert_eq!(rows_with("使用Rust语言", 80, &grid), ["使用 Rust 语言"]);
    // A Chinese quotation mark is set as full-width: its pad on the outer side.
    assert_eq!(rows_with("他说“你好”吗", 80, &grid), ["他说 “你好” 吗"]);
    // Beside full-width punctuation the pad goes to the Chinese side.
    assert_eq!(rows_with("转向AI？", 80, &grid), ["转向  AI？"]);
    // At the start of a row too.
    assert_eq!(
        rows_with("一二三四五Rust六七", 10, &grid),
        ["一二三四五", "Rust  六七"]
    );
    let l = Layout::from_blocks(vec![Block::body("开发了3个")], false, 80, &grid);
    let pads = l
        .segments(0)
        .filter(|s| s.piece == Piece::Inserted(InsertKind::Pad))
        .count();
    assert_eq!(pads, 1);
}

#[test]
fn numbers_dashes_and_words_stay_whole() {
    let o = spaced();
    // `2日` is a number with its unit: never `2` | `日`.
    assert_eq!(
        rows_with("截止到9月2日，国内", 14, &o),
        ["截止到 9 月", "2 日，国内"]
    );
    assert_eq!(
        rows_with("增长了15.5%以上", 10, &o),
        ["增长了", "15.5% 以上"]
    );
    assert_eq!(rows_with("气温-3.2度", 8, &o), ["气温", "-3.2 度"]);
    // A hyphen between two quantities is a range, not a sign.
    assert_eq!(rows_with("2003年-2012年", 80, &o), ["2003 年-2012 年"]);
    assert_eq!(rows_with("一二三——四", 6, &o), ["一二", "三——四"]);
    // A word that fits a row is never cut, even where no break is legal.
    assert_eq!(
        rows_with("services@why.com.cn", 8, &o),
        ["services", "@why.", "com.cn"]
    );
}

#[test]
fn full_width_letters_and_digits_are_drawn_half_width() {
    let o = spaced();
    assert_eq!(
        rows_with("代号ＡＢＣ１２３完成", 80, &o),
        ["代号 ABC123 完成"]
    );
    assert_eq!(rows_with("增长１２．５％", 80, &o), ["增长 12.5%"]);
    let kept = LayoutOptions {
        normalize_width: false,
        ..o
    };
    assert_eq!(rows_with("代号ＡＢＣ完成", 80, &kept), ["代号ＡＢＣ完成"]);
}

#[test]
fn code_is_set_as_written() {
    // A block that keeps its line breaks is preformatted (a fence, `<pre>`): no spacing cell,
    // grid pad or narrowed form inside it, with every comfort option on.
    let o = LayoutOptions::default();
    assert_eq!(
        rows_with(
            "let 名字 = \"Rust语言\";\n    println!(\"{}个\", ３);",
            80,
            &o
        ),
        ["let 名字 = \"Rust语言\";", "    println!(\"{}个\", ３);"]
    );
    // The same text as one line of prose gets them.
    assert_eq!(
        rows_with("名字是Rust语言，共３个", 80, &spaced()),
        ["名字是 Rust 语言，共 3 个"]
    );
}

fn article(paragraphs: &[&str]) -> Article {
    Article::new(
        "标题",
        vec![
            Section {
                heading: None,
                level: 0,
                paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            },
            Section {
                heading: Some("小标题".into()),
                level: 1,
                paragraphs: vec!["尾段。".into()],
            },
        ],
    )
}

#[test]
fn book_style_paragraphs_are_indented_without_blank_rows() {
    let a = article(&["一段。", "二段。"]);
    let book = LayoutOptions {
        paragraph: Paragraph::Indent,
        ..LayoutOptions::default()
    };
    let l = layout(&a, 40, &book);
    let rows: Vec<String> = (0..l.len()).map(|i| l.row_text(i).into_owned()).collect();
    assert_eq!(
        rows,
        [
            "标题",
            "",
            "　　一段。",
            "　　二段。",
            "",
            "小标题",
            "",
            "　　尾段。"
        ]
    );
    let blank = layout(&a, 40, &LayoutOptions::default());
    assert_eq!(blank.row_text(3), "");
}

#[test]
fn the_measure_caps_the_column_and_align_places_it() {
    let a = article(&[&"一二三四五六七八九十".repeat(10)]);
    let o = LayoutOptions::default();
    let l = layout(&a, 200, &o);
    assert_eq!((l.column_width(), l.margin()), (72, 0));
    assert!(l.rows().iter().all(|r| r.width() <= 72));
    let centred = LayoutOptions {
        align: Align::Center,
        ..o
    };
    assert_eq!(layout(&a, 200, &centred).margin(), 64);
    let whole = LayoutOptions { measure: 0, ..o };
    assert_eq!(layout(&a, 200, &whole).column_width(), 200);
}

const CORPORA: [&str; 2] = [
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"),
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus2"),
];

/// The article files of the shared corpora that are present, or `None` (with a note on
/// stderr) when there are none.
fn corpus_files() -> Option<Vec<PathBuf>> {
    let mut files = Vec::new();
    for dir in CORPORA {
        match std::fs::read_dir(dir) {
            Ok(entries) => files.extend(entries.filter_map(Result::ok).map(|e| e.path()).filter(
                |p| {
                    p.is_file()
                        && p.file_name()
                            .is_some_and(|n| n != "SOURCES.md" && n != "labels.json")
                },
            )),
            Err(_) => {
                use std::io::Write as _;
                let _ = writeln!(
                    std::io::stderr(),
                    "corpus absent at {dir}: its articles were not measured"
                );
            }
        }
    }
    files.sort();
    (!files.is_empty()).then_some(files)
}

#[test]
fn the_corpora_meet_the_comfort_goals_at_widths_40_to_200() {
    let Some(files) = corpus_files() else { return };
    let widths = [40u16, 41, 55, 72, 73, 99, 120, 161, 200];
    let mut total = Tally::default();
    for path in &files {
        let article = match load_file(Path::new(path), None) {
            Ok(a) => a,
            Err(e) => panic!("{}: {e}", path.display()),
        };
        for &width in &widths {
            let l = layout(&article, width, &LayoutOptions::default());
            let label = format!("{} at {width}", path.display());
            if let Err(e) = layout_check::check(&l, width, &label) {
                panic!("{e}");
            }
            let mut t = Tally::default();
            tally(&l, &mut t);
            total.add(&t);
        }
    }
    let report = total.report();
    {
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "{report}\n{:#?}", total.examples);
    }
    assert_eq!(total.over_measure, 0, "{report}");
    assert_eq!(total.spaced, total.boundaries, "{report}");
    assert_eq!(total.stray_spacing, 0, "{report}");
    assert_eq!(total.spacing_by_punct, 0, "{report}");
    assert!(total.parity_percent() >= 99.0, "{report}");
    assert_eq!(total.dash_splits, 0, "{report}");
    assert_eq!(total.number_splits, 0, "{report}");
    assert_eq!(total.word_splits, 0, "{report}");
}
