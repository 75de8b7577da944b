//! One table test per line-breaking rule of PRODUCT §3 and issue #3, through the public
//! API: a single paragraph laid out in a column of a given width, compared row by row.

#[path = "layout_check.rs"]
mod layout_check;

use newsreader::layout::{Align, Block, Indent, Layout, LayoutOptions, RowKind};

/// Lays `text` out as one body paragraph in a left-aligned column `width` wide and returns
/// the rows' texts, after checking every layout property.
fn rows(text: &str, width: u16) -> Vec<String> {
    rows_with(text, width, Indent::None, false)
}

fn rows_with(text: &str, width: u16, indent: Indent, source_indented: bool) -> Vec<String> {
    let block = Block::body(text);
    let options = LayoutOptions {
        measure: 0,
        align: Align::Left,
        indent,
        ..LayoutOptions::verbatim()
    };
    let layout = Layout::from_blocks(vec![block], source_indented, width, &options);
    if let Err(e) = layout_check::check(&layout, width, text) {
        panic!("{e}");
    }
    (0..layout.len())
        .filter(|&i| layout.rows()[i].kind() != RowKind::Blank)
        .map(|i| layout.row_text(i).into_owned())
        .collect()
}

#[test]
fn closing_punctuation_never_starts_a_line() {
    // 一二三 fills six columns; the mark would start the next row, so 三 moves down with it.
    for mark in "，。、；：？！」』）》】〉〕｝］".chars() {
        let text = format!("一二三{mark}四");
        assert_eq!(rows(&text, 6), ["一二", &format!("三{mark}四")], "{text}");
    }
    for mark in "”’…".chars() {
        let text = format!("一二三{mark}四");
        assert_eq!(rows(&text, 6), ["一二", &format!("三{mark}四")], "{text}");
    }
}

#[test]
fn ascii_closing_punctuation_after_chinese_never_starts_a_line() {
    for mark in ",.:;!?)]}".chars() {
        let text = format!("一二三{mark}四五");
        assert_eq!(
            rows(&text, 6),
            ["一二", &format!("三{mark}四"), "五"],
            "{text}"
        );
    }
}

#[test]
fn opening_quotes_and_brackets_never_end_a_line() {
    for mark in "“‘「『（《【〈([{".chars() {
        let text = format!("一二{mark}三四");
        assert_eq!(rows(&text, 6), ["一二", &format!("{mark}三四")], "{text}");
    }
}

#[test]
fn dashes_and_ellipses_are_never_split_nor_start_a_line() {
    assert_eq!(rows("一二三——四", 6), ["一二", "三——四"]);
    assert_eq!(rows("一二——三四", 5), ["一", "二——", "三四"]);
    assert_eq!(rows("一二三——", 6), ["一二", "三——"]);
    assert_eq!(rows("一二三……四", 6), ["一二", "三……四"]);
    assert_eq!(rows("一二……三四", 5), ["一", "二……", "三四"]);
    // After the dash the line may break.
    assert_eq!(rows("一二——三四", 6), ["一二——", "三四"]);
}

#[test]
fn digits_stay_with_their_percent_sign() {
    assert_eq!(rows("一二三90%", 9), ["一二三90%"]);
    assert_eq!(rows("一二三90%", 8), ["一二三", "90%"]);
    assert_eq!(rows("完成了90％。", 8), ["完成了", "90％。"]);
}

#[test]
fn a_url_longer_than_the_width_breaks_where_it_must() {
    let url = "https://example.com/a/very/long/path/segment";
    let text = format!("见{url}");
    let r = rows(&text, 10);
    assert!(r.len() > 4, "{r:?}");
    assert_eq!(r.concat(), text);
    // UAX #14 allows breaks after the slashes; `example.com/` has none and is wider than
    // the column, so it is cut at a grapheme boundary: between words, not inside one.
    assert_eq!(r[0], "见https://");
    assert_eq!(r[1], "example.");
    assert_eq!(r[2], "com/a/");
}

#[test]
fn an_email_address_breaks_at_graphemes_but_keeps_the_rules() {
    // No legal break at all; the cut avoids starting a row with `.` and splitting a word.
    assert_eq!(
        rows("services@why.com.cn", 8),
        ["services", "@why.", "com.cn"]
    );
}

#[test]
fn emoji_and_zwj_sequences_are_never_split() {
    let family = "👨\u{200d}👩\u{200d}👧";
    let text = family.repeat(3);
    assert_eq!(rows(&text, 4), [family.repeat(2), family.to_owned()]);
    assert_eq!(rows("🇨🇳🇺🇸", 3), ["🇨🇳", "🇺🇸"]);
    assert_eq!(rows("❤\u{fe0f}❤\u{fe0f}", 2), ["❤\u{fe0f}", "❤\u{fe0f}"]);
}

#[test]
fn combining_marks_stay_with_their_base() {
    let e = "e\u{301}";
    assert_eq!(rows(&e.repeat(6), 3), [e.repeat(3), e.repeat(3)]);
    assert_eq!(
        rows("cafe\u{301} au lait", 6),
        ["cafe\u{301}", "au", "lait"]
    );
}

#[test]
fn full_width_indents_are_kept_or_added() {
    assert_eq!(
        rows_with("　　一二三四", 8, Indent::AsSource, false),
        ["　　一二", "三四"]
    );
    assert_eq!(
        rows_with("一二三四五", 10, Indent::AsSource, true),
        ["　　一二三", "四五"]
    );
    assert_eq!(
        rows_with("一二三四五", 10, Indent::AsSource, false),
        ["一二三四五"]
    );
    assert_eq!(
        rows_with("　　一二三四五", 10, Indent::None, true),
        ["一二三四五"]
    );
    assert_eq!(
        rows_with("  abc", 10, Indent::FullWidth, false),
        ["　　abc"]
    );
    assert_eq!(rows_with("  abc", 10, Indent::AsSource, false), ["  abc"]);
}

#[test]
fn mixed_chinese_and_latin_wraps_sensibly() {
    assert_eq!(
        rows("我们使用ratatui 0.30版本来绘制界面", 14),
        ["我们使用", "ratatui 0.30版", "本来绘制界面"]
    );
    assert_eq!(rows("ratatui 0.30版本", 10), ["ratatui", "0.30版本"]);
}

#[test]
fn latin_wraps_at_spaces_and_drops_them() {
    assert_eq!(rows("the quick brown fox", 10), ["the quick", "brown fox"]);
    assert_eq!(rows("a    b", 3), ["a", "b"]);
    assert_eq!(
        rows("supercalifragilistic is long", 8),
        ["supercal", "ifragili", "stic is", "long"]
    );
}

#[test]
fn quotation_marks_between_chinese_characters_may_break() {
    // Unicode 15.1 LB19a: a break before “ after a Chinese character is fine.
    assert_eq!(rows("一二三四“五六”", 8), ["一二三四", "“五六”"]);
    assert_eq!(rows("一二“三”四五六", 8), ["一二“三”", "四五六"]);
    // But never after the opening mark.
    assert_eq!(rows("一二“三”四五六", 7), ["一二", "“三”四", "五六"]);
}

#[test]
fn panes_below_two_columns_never_overflow() {
    for width in 0..=2u16 {
        let r = rows("中文ab😀e\u{301}", width);
        assert!(!r.is_empty());
    }
    assert_eq!(rows("中a", 1), ["?", "a"]);
}

#[test]
fn interpuncts_never_start_a_line() {
    // `·` in a transliterated name stays with the name before it.
    assert_eq!(
        rows("斯科特·戈特列布(Scott Gottlieb)", 17),
        ["斯科特·戈特列布", "(Scott Gottlieb)"]
    );
    assert_eq!(rows("一二三·四五", 6), ["一二", "三·四", "五"]);
    // The metadata separator stays with the item before it.
    let meta = "来源：青春上海News—24小时青年报 · 编辑：陆天逸";
    for width in 10..40 {
        for row in rows(meta, width) {
            assert!(!row.starts_with('·'), "{width}: {row}");
        }
    }
}
