use super::super::rules::is_no_start;
use super::*;

fn lines(text: &str, width: usize) -> Vec<&str> {
    let mut out = Vec::new();
    Breaker::default().fill(text, width, width, Style::default(), |l, _| {
        out.push(if l.placeholder {
            "?"
        } else {
            &text[l.start..l.end]
        })
    });
    out
}

#[test]
fn paragraphs_longer_than_a_chunk_break_as_short_ones_do() {
    // Clusters are analysed a chunk at a time; lines that straddle a chunk boundary must
    // obey the same rules. The sentence's lines at each width are known from short text.
    let sentence = "记者今天从有关部门获悉，“今年全国夏粮收购工作进展顺利。”Prices rose 3.5% — \
                    a small rise. ";
    let long = sentence.repeat(CHUNK / 20 * 3);
    assert!(long.chars().count() > 3 * CHUNK);
    for width in [7usize, 40, 80] {
        let got = lines(&long, width);
        let rebuilt: String = got.concat();
        let squeeze = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
        assert_eq!(squeeze(&rebuilt), squeeze(&long), "width {width}");
        for l in &got {
            assert!(super::super::width::str_width(l, false) <= width, "{l:?}");
            let first = l.chars().next().unwrap_or('a');
            assert!(
                !is_no_start(first),
                "width {width}: line starts with {first}"
            );
        }
    }
}

#[test]
fn cjk_fills_each_line() {
    assert_eq!(lines("一二三四五六七", 6), ["一二三", "四五六", "七"]);
}

#[test]
fn closing_punctuation_pushes_the_last_character_down() {
    assert_eq!(lines("一二三，四五", 6), ["一二", "三，四", "五"]);
    assert_eq!(lines("一二三,四五", 6), ["一二", "三,四", "五"]);
}

#[test]
fn dashes_stay_whole_and_off_the_line_start() {
    assert_eq!(lines("一二——三四", 6), ["一二——", "三四"]);
    assert_eq!(lines("一二三——四", 6), ["一二", "三——四"]);
    assert_eq!(lines("一二三……四", 6), ["一二", "三……四"]);
}

#[test]
fn latin_wraps_at_spaces_and_drops_them() {
    assert_eq!(lines("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
    assert_eq!(lines("aaa    bbb", 5), ["aaa", "bbb"]);
}

#[test]
fn leading_spaces_are_kept() {
    assert_eq!(lines("　　一二三", 8), ["　　一二", "三"]);
    assert_eq!(lines("  ab cd", 5), ["  ab", "cd"]);
}

#[test]
fn long_words_break_at_graphemes() {
    assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
}

#[test]
fn a_grapheme_wider_than_the_line_is_a_placeholder() {
    assert_eq!(lines("中文", 1), ["?", "?"]);
}

#[test]
fn line_ends_inside_a_paragraph_start_new_lines() {
    assert_eq!(lines("ab\ncd", 10), ["ab", "cd"]);
    assert_eq!(lines("ab\n", 10), ["ab", ""]);
}

#[test]
fn empty_text_is_one_empty_line() {
    assert_eq!(lines("", 10), [""]);
}

#[test]
fn first_line_may_be_narrower() {
    let text = "一二三四五";
    let mut out = Vec::new();
    Breaker::default().fill(text, 4, 6, Style::default(), |l, _| {
        out.push(&text[l.start..l.end])
    });
    assert_eq!(out, ["一二", "三四五"]);
}
