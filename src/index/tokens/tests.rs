use super::*;
use tantivy::tokenizer::{TokenStream, Tokenizer};

fn blocks(texts: &[&str]) -> Vec<Block> {
    texts.iter().map(|t| Block::body(*t)).collect()
}

fn show(tokens: &[Token]) -> Vec<String> {
    tokens
        .iter()
        .map(|t| format!("{}@{}", t.text.replace('\0', "~"), t.position))
        .collect()
}

/// Every token of `blocks` as the index takes it, grams then marks.
fn stream(blocks: &[Block]) -> Vec<Token> {
    let value = encode(blocks).unwrap().value;
    let mut tokenizer = GramTokenizer;
    let mut stream = tokenizer.token_stream(&value);
    let mut got = Vec::new();
    while stream.advance() {
        got.push(stream.token().clone());
    }
    got
}

fn grams(blocks: &[Block]) -> Vec<String> {
    let tokens: Vec<Token> = stream(blocks)
        .into_iter()
        .filter(|t| is_gram(&t.text))
        .collect();
    show(&tokens)
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn tokenizer_table() {
    // (blocks, grams, case tokens)
    let table: &[(&[&str], &str, &str)] = &[
        (&["党建"], "党建@0 建@1", ""),
        (&["黨建"], "党建@0 建@1", ""),
        (&["哈哈哈"], "哈哈@0 哈哈@1 哈@2", ""),
        (&["5G网络"], "5g@0 g网@1 网络@2 络@3", "~cG@1"),
        (&["ＡＢ１"], "ab@0 b1@1 1@2", "~cA@0 ~cB@1"),
        (&["3.5%"], "3.@0 .5@1 5%@2 %@3", ""),
        (&["かな한글"], "かな@0 な한@1 한글@2 글@3", ""),
        // One free position between blocks, and no bigram across them.
        (&["党", "建"], "党@0 建@2", ""),
        (&["ab", "", "c"], "ab@0 b@1 c@4", ""),
        (&[""], "", ""),
    ];
    for (texts, gram, case) in table {
        let b = blocks(texts);
        let a = analyze(&b).unwrap();
        assert_eq!(grams(&b), words(gram), "{texts:?}");
        assert_eq!(show(&a.case), words(case), "{texts:?}");
        assert!(a.edge.is_empty() && !a.expanding, "{texts:?}");
    }
}

#[test]
fn every_unit_starts_exactly_one_gram() {
    let b = blocks(&["党建党建", "a b", "", "İx"]);
    let a = analyze(&b).unwrap();
    let units = a.units.iter().flatten().count();
    assert_eq!(grams(&b).len(), units);
}

#[test]
fn marks_are_never_grams() {
    let b = blocks(&["\0cG 5G 看著G 党乾隆 \0\0s"]);
    let tokens = stream(&b);
    let (grams, marks): (Vec<&Token>, Vec<&Token>) = tokens.iter().partition(|t| is_gram(&t.text));
    assert!(!marks.is_empty());
    for m in &marks {
        assert_eq!(m.text.chars().count(), 3, "{m:?}");
        assert!(grams.iter().all(|g| g.text != m.text), "{m:?}");
    }
}

#[test]
fn spaces_are_units_too() {
    assert_eq!(grams(&blocks(&["a b"])), ["a @0", " b@1", "b@2"]);
}

#[test]
fn expanding_lower_case_marks_the_article() {
    let b = blocks(&["xİy"]);
    let a = analyze(&b).unwrap();
    assert!(a.expanding);
    assert_eq!(show(&a.case), ["~cİ@1"]);
    assert_eq!(grams(&b).len(), 4);
}

#[test]
fn edges_where_a_neighbour_decides_the_simplified_form() {
    // In 乾隆 the next character keeps 乾; a match that ends at 乾 (so starts before it)
    // folds it to 干 on its own.
    let a = analyze(&blocks(&["党乾隆"])).unwrap();
    assert_eq!(show(&a.edge), ["~~e@1"]);
    // After 看, 著 reads 着; a match that starts at 著 folds it on its own, to 著.
    let a = analyze(&blocks(&["看著G"])).unwrap();
    assert_eq!(show(&a.edge), ["~~s@1"]);
    // Where the neighbours change nothing, no marks.
    for text in ["乾隆", "乾燥", "著作", "党建"] {
        assert!(analyze(&blocks(&[text])).unwrap().edge.is_empty(), "{text}");
    }
}

#[test]
fn tokens_survive_encoding_into_one_value() {
    let cases: &[&[&str]] = &[
        &["党建", "", "a\0b", "\0"],
        &["x"],
        &[""],
        &[],
        &["5G网络", "\0\0\u{1}\u{2};c9", "İstanbul 看著G 党乾隆"], // expanding
    ];
    for texts in cases {
        let b = blocks(texts);
        let encoded = encode(&b).unwrap();
        let mut analysis = analyze(&b).unwrap();
        assert_eq!(encoded.expanding, analysis.expanding, "{texts:?}");
        // The value leaves that out: it travels beside it.
        analysis.expanding = false;
        assert_eq!(decode(&encoded.value), analysis, "{texts:?}");
    }
    // The NUL inside a block is a unit like any other.
    assert_eq!(
        grams(&blocks(&["党建", "", "a\0b", "\0"])),
        ["党建@0", "建@1", "a~@4", "~b@5", "b@6", "~@8"]
    );
    // A gap then U+0002 is a gap and a unit, not the start of the marks.
    assert_eq!(grams(&blocks(&["a", "\u{2}b"])), ["a@0", "\u{2}b@2", "b@3"]);
}

#[test]
fn a_damaged_value_gives_what_it_can_read_without_panicking() {
    for value in [
        "ab\0",
        "ab\0\u{2}c",
        "ab\0\u{2}cG",
        "ab\0\u{2}cG1",
        "ab\0\u{2}sx;",
        "\0\u{7}x",
    ] {
        let a = decode(value);
        assert!(
            a.units.len() <= 2 && a.case.is_empty() && a.edge.is_empty(),
            "{value:?}"
        );
    }
    let a = decode("ab\0\u{2}cG1;s0;e1;q");
    assert_eq!(show(&a.case), ["~cG@1"]);
    assert_eq!(show(&a.edge), ["~~s@0", "~~e@1"]);
}

/// The tokens of `value` as the tokenizer must give them: every gram of the decoded units in
/// position order, then the case marks, then the edge marks.
fn reference(value: &str) -> Vec<Token> {
    let a = decode(value);
    let mut out = Vec::new();
    for position in 0..a.units.len() {
        if let Some((first, second)) = a.gram(position) {
            let mut text = String::from(first);
            text.extend(second);
            out.push(Token {
                position,
                text,
                ..Token::default()
            });
        }
    }
    out.extend(a.case.iter().chain(&a.edge).cloned());
    out
}

fn streamed(value: &str) -> Vec<Token> {
    let mut tokenizer = GramTokenizer;
    let mut stream = tokenizer.token_stream(value);
    let mut got = Vec::new();
    while stream.advance() {
        got.push(stream.token().clone());
    }
    got
}

#[test]
fn the_stream_reads_what_decoding_reads() {
    let cases: &[&[&str]] = &[
        &["党建", "", "a\0b", "\0"],
        &["\0", "\0\0", "x\0", "\0y"],
        &["x"],
        &[""],
        &[],
        &["5G网络", "\0\0\u{1}\u{2};c9", "İstanbul 看著G 党乾隆"],
        &["ＡＢ１ 黨建", "a", "\u{2}b", "😀é\u{301}"],
    ];
    for texts in cases {
        let value = encode(&blocks(texts)).unwrap().value;
        let got = streamed(&value);
        assert_eq!(show(&got), show(&reference(&value)), "{texts:?}");
        assert!(got.iter().all(|t| t.position_length == 1), "{texts:?}");
    }
    for value in [
        "ab\0",
        "ab\0\u{2}c",
        "ab\0\u{2}cG",
        "ab\0\u{2}cG1",
        "ab\0\u{2}sx;",
        "\0\u{7}x",
        "\0\u{7}s3;",
        "ab\0\u{2}cG1;s0;e1;q",
        "\0",
        "a\0\0",
    ] {
        assert_eq!(show(&streamed(value)), show(&reference(value)), "{value:?}");
    }
}
