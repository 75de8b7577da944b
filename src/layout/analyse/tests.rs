//! The drawn text of a paragraph: spacing, narrowing, addresses, idempotence.

use super::*;

fn spaced(text: &str) -> String {
    drawn(
        text,
        Style {
            spacing: true,
            narrow: true,
            ..Style::default()
        },
    )
}

#[test]
fn spacing_between_chinese_and_latin() {
    assert_eq!(
        spaced("使用Rust语言开发了3个版本"),
        "使用 Rust 语言开发了 3 个版本"
    );
    assert_eq!(
        spaced("增长50%以上，气温30°C左右"),
        "增长 50% 以上，气温 30°C 左右"
    );
    assert_eq!(spaced("使用Ｒｕｓｔ开发"), "使用 Rust 开发");
    assert_eq!(spaced("（Rust）和“Go”"), "（Rust）和“Go”");
    assert_eq!(spaced("Rust 语言"), "Rust 语言");
    assert_eq!(spaced("华为Mate20X 5G版"), "华为 Mate20X 5G 版");
}

#[test]
fn no_space_inside_an_address() {
    assert_eq!(
        spaced("见https://zh.wikipedia.org/wiki/中文页面了解b"),
        "见 https://zh.wikipedia.org/wiki/中文页面了解b"
    );
    assert_eq!(spaced("访问www.gov.cn了解"), "访问 www.gov.cn 了解");
    assert_eq!(spaced("邮箱abc@163.com联系"), "邮箱 abc@163.com 联系");
}

#[test]
fn spacing_is_idempotent() {
    for text in [
        "使用Rust语言开发了3个版本",
        "见https://a.cn/中文页面b和c",
        "ＡＢＣ公司，１２．５％的用户",
        "２０２２年１１月",
    ] {
        let once = spaced(text);
        assert_eq!(spaced(&once), once, "{text}");
    }
}

#[test]
fn uax14_allows_a_break_between_any_two_common_ideographs() {
    let han = ('\u{3400}'..='\u{4DBF}').chain('\u{4E00}'..='\u{9FFF}');
    for c in han {
        let text = format!("中{c}一");
        let breaks: Vec<usize> = allowed_breaks(&text, 0).collect();
        let second = 3 + c.len_utf8();
        assert_eq!(breaks, [3, second], "{:04X}", u32::from(c));
    }
}

/// A small deterministic generator (xorshift), so the test needs no crate and repeats.
fn pick<'a>(state: &mut u64, from: &[&'a str]) -> &'a str {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    let i = usize::try_from(*state % from.len() as u64).unwrap_or(0);
    from[i]
}

#[test]
fn breaks_started_again_at_an_ideograph_are_the_breaks_of_the_whole_text() {
    // Every kind of character whose UAX #14 rules look back past one character: spaces,
    // quotation marks, brackets, numbers and their signs, hyphens, combining marks,
    // joiners, regional indicators, emoji, Hebrew, Korean, ideographic punctuation.
    let pieces = [
        "中", "文", "㐀", " ", "\u{3000}", "“", "”", "‘", "’", "\"", "'", "（", "）", "(", ")",
        "「", "」", "《", "》", "，", "。", "、", "：", "；", "！", "？", "—", "——", "…", "-", "‐",
        "/", "1", "23", ".", ",", "%", "$", "¥", "+", "a", "Rust", "\u{301}", "\u{200d}",
        "\u{200b}", "🇨", "🇳", "👍", "🏽", "א", "한", "ー", "ぁ", "々", "〜", "\u{a0}", "\t", "・",
        "‧", "·", "\u{2060}", "e", "x",
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..3000 {
        let len = 2 + usize::try_from(state % 24).unwrap_or(0);
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(pick(&mut state, &pieces));
        }
        let whole: Vec<usize> = allowed_breaks(&text, 0).collect();
        for (at, c) in text.char_indices() {
            if !is_common_han(c) {
                continue;
            }
            let again: Vec<usize> = allowed_breaks(&text[at..], at).collect();
            let after: Vec<usize> = whole.iter().copied().filter(|&b| b > at).collect();
            assert_eq!(again, after, "{text:?} from byte {at}");
        }
    }
}
