//! Property tests: random articles made of CJK text, Latin words, punctuation (the forbidden
//! sets, `——`, `……`), spaces, digits with `%`, URLs, emoji (ZWJ sequences, flags, variation
//! selectors) and combining marks, laid out at random widths 2–200 with random options,
//! must keep every promise checked by `layout_check::check`: no row wider than the pane,
//! no text lost, no forbidden line start or end where a legal break existed, and positions
//! that round-trip through rows.

#[path = "layout_check.rs"]
mod layout_check;

use newsreader::article::{Article, Section};
use newsreader::layout::{Align, Indent, LayoutOptions, Paragraph, layout};
use proptest::prelude::*;

/// One piece of text.
fn token() -> impl Strategy<Value = String> {
    let cjk = proptest::char::range('\u{4E00}', '\u{9FA5}').prop_map(String::from);
    let cjk_run = proptest::collection::vec(proptest::char::range('\u{4E00}', '\u{9FA5}'), 1..12)
        .prop_map(|v| v.into_iter().collect::<String>());
    let latin = "[a-zA-Z]{1,14}";
    let punct = proptest::sample::select(
        "，。、；：？！”’」』）》】〉…“‘「『（《【〈,.;:!?)]}([{-/%％·"
            .chars()
            .map(String::from)
            .collect::<Vec<_>>(),
    );
    let fixed = proptest::sample::select(vec![
        "——",
        "……",
        " ",
        " ",
        "  ",
        "\u{3000}",
        "90%",
        "0.30",
        "ratatui 0.30版本",
        "https://example.com/a/b/c?d=1",
        "services@why.com.cn",
        "👨\u{200d}👩\u{200d}👧",
        "👍🏽",
        "🇨🇳",
        "❤\u{fe0f}",
        "e\u{301}",
        "\u{301}",
        "a\u{308}\u{301}",
        "한국",
        "ｶﾞ",
        "\u{A0}",
        "supercalifragilisticexpialidocious",
        "“引号”",
        "（括号）",
        "ＡＢＣ１２．５％",
        "Ｒｕｓｔ",
        "—",
        "3个",
        "-3.2",
        "1,200",
        "30°C",
        "https://zh.wikipedia.org/wiki/中文",
    ])
    .prop_map(str::to_owned);
    prop_oneof![
        3 => cjk,
        3 => cjk_run,
        2 => latin.prop_map(String::from),
        2 => punct,
        3 => fixed,
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(token(), 1..max).prop_map(|t| t.concat())
}

fn article() -> impl Strategy<Value = Article> {
    let section = (
        proptest::option::of(text(4)),
        1u8..4,
        proptest::collection::vec(text(40), 0..4),
    )
        .prop_map(|(heading, level, paragraphs)| Section {
            heading,
            level,
            paragraphs,
        });
    (
        text(6),
        proptest::option::of(text(3)),
        proptest::option::of(text(3)),
        proptest::collection::vec(section, 1..4),
        any::<bool>(),
    )
        .prop_map(|(title, byline, source, sections, indented)| Article {
            path: None,
            title,
            date: Some("2022-11-23".into()),
            time: None,
            place: None,
            byline,
            editor: None,
            source,
            encoding: "UTF-8".into(),
            url: None,
            links: Vec::new(),
            sections,
            dropped: Vec::new(),
            indented,
            why: Default::default(),
            images: Vec::new(),
        })
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        prop_oneof![Just(0u16), 2u16..120],
        any::<bool>(),
        0u8..3,
        any::<bool>(),
        any::<bool>(),
        any::<[bool; 3]>(),
    )
        .prop_map(
            |(measure, left, indent, ambiguous_wide, book, [spacing, grid, narrow])| {
                LayoutOptions {
                    measure,
                    align: if left { Align::Left } else { Align::Center },
                    indent: match indent {
                        0 => Indent::AsSource,
                        1 => Indent::None,
                        _ => Indent::FullWidth,
                    },
                    paragraph: if book {
                        Paragraph::Indent
                    } else {
                        Paragraph::Blank
                    },
                    cjk_spacing: spacing,
                    grid_align: grid,
                    normalize_width: narrow,
                    ambiguous_wide,
                    ..LayoutOptions::default()
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_layout_keeps_its_promises(a in article(), width in 2u16..=200, o in options()) {
        let l = layout(&a, width, &o);
        if let Err(e) = layout_check::check(&l, width, "random article") {
            return Err(TestCaseError::fail(e));
        }
    }

    #[test]
    fn narrow_panes_keep_their_promises(a in article(), width in 0u16..=12, o in options()) {
        let l = layout(&a, width, &o);
        if let Err(e) = layout_check::check(&l, width, "random article") {
            return Err(TestCaseError::fail(e));
        }
    }

    #[test]
    fn the_text_at_the_top_survives_a_resize(a in article(), w1 in 2u16..=200, w2 in 2u16..=200) {
        let o = LayoutOptions::default();
        let first = layout(&a, w1, &o);
        let other = layout(&a, w2, &o);
        for top in 0..first.len() {
            let pos = first.pos_of_row(top);
            let there = other.row_of(pos);
            let row = other.rows()[there];
            prop_assert!(!row.is_blank());
            prop_assert_eq!(row.block(), pos.block);
            // The row starts at or before the position, or the position lies in leading
            // space that this width does not show and the row is its block's first.
            let first_of_block = there == 0 || {
                let before = other.rows()[there - 1];
                before.is_blank() || before.block() != pos.block
            };
            prop_assert!(row.start() <= pos.offset || first_of_block);
            if there + 1 < other.len() {
                let next = other.rows()[there + 1];
                prop_assert!(next.block() != pos.block || next.is_blank() || next.start() > pos.offset);
            }
            prop_assert_eq!(first.pos_of_row(first.row_of(pos)), pos);
        }
    }
}
