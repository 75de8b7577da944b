//! Properties of every front end over generated text biased towards what breaks parsers:
//! character references, tags, Markdown markers, front matter, CJK text, control and bidi
//! characters and every kind of line end. For plain text, Markdown and HTML alike: parsing
//! never panics, no string of the article holds a character that could drive the terminal,
//! and (plain text and Markdown) every word of the text ends up in the article, in its body,
//! title, metadata or `dropped`, so nothing disappears silently. The fuzzers in `fuzz/` run
//! the same checks for much longer.

use newsreader::article::{Article, Format, parse};
use newsreader::decode::{decode, first_unsafe};
use proptest::prelude::*;

/// Words that no rule treats as a label or boilerplate, so each must survive parsing.
const WORDS: &[&str] = &[
    "经济", "发展", "城市", "学校", "河流", "春天", "工厂", "农民", "道路", "医院", "ferry",
    "harbour", "Monday", "2024", "5G", "黨建", "臺灣",
];

/// Text that is not markup and not a word: punctuation, spaces, CJK punctuation.
const GLUE: &[&str] = &[
    "，", "。", "、", "“", "”", " ", "　", ",", ".", "!", "？", "——",
];

/// Characters and sequences that must never reach the screen.
const HOSTILE: &[&str] = &[
    "\u{1b}[2J",
    "\u{7}",
    "\u{9b}",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "\u{2066}",
    "\r",
    "\r\n",
    "\t",
    "\u{85}",
    "\u{2028}",
];

const MARKDOWN: &[&str] = &[
    "# ",
    "## ",
    "**",
    "*",
    "_",
    "`",
    "[",
    "](http://x.y/)",
    "![",
    "> ",
    "- ",
    "1. ",
    "&amp;",
    "&#x1b;",
    "&#x202e;",
    "&lrm;",
    "&nbsp;",
    "&",
    "&#",
    "<br>",
    "<p>",
    "</p>",
    "<strong>",
    "\\",
    "---\n",
    "===\n",
];

const HTML: &[&str] = &[
    "<p>",
    "</p>",
    "<br>",
    "<b>",
    "</b>",
    "<h2>",
    "</h2>",
    "<div>",
    "</div>",
    "<a href=\"/x\">",
    "</a>",
    "<img alt=\"图\">",
    "&amp;",
    "&#x1b;",
    "&#x202e;",
    "&#7;",
    "&lrm;",
    "&zwj;",
    "&nbsp;",
    "&",
    "&#",
    "<",
    ">",
    "<script>x</script>",
    "<!-- c -->",
    "<title>",
    "</title>",
    "<center>====</center>",
];

#[derive(Debug, Clone)]
enum Piece {
    Word(&'static str),
    Other(&'static str),
}

fn piece(markup: &'static [&'static str]) -> impl Strategy<Value = Piece> {
    prop_oneof![
        6 => proptest::sample::select(WORDS).prop_map(Piece::Word),
        3 => proptest::sample::select(GLUE).prop_map(Piece::Other),
        3 => Just(Piece::Other("\n")),
        1 => Just(Piece::Other("\n\n")),
        1 => proptest::sample::select(HOSTILE).prop_map(Piece::Other),
        3 => proptest::sample::select(markup).prop_map(Piece::Other),
    ]
}

fn text(markup: &'static [&'static str]) -> impl Strategy<Value = (String, Vec<&'static str>)> {
    proptest::collection::vec(piece(markup), 1..80).prop_map(|pieces| {
        let mut s = String::new();
        let mut words = Vec::new();
        for p in pieces {
            match p {
                Piece::Word(w) => {
                    // After `&` or `&#` a word may be read as a character reference (`&#2024`
                    // is one in HTML, and so in a block of HTML inside Markdown).
                    if !s.ends_with('&') && !s.ends_with("&#") {
                        words.push(w);
                    }
                    s.push_str(w);
                }
                Piece::Other(o) => s.push_str(o),
            }
        }
        (s, words)
    })
}

/// Parses `raw` as a file of `format` would be: decoded and sanitised first.
fn article(raw: &str, format: Format) -> Article {
    let decoded = decode(raw.as_bytes(), None).expect("generated text is text");
    parse(&decoded.text, format, "fallback")
}

fn check_clean(a: &Article) -> Result<(), TestCaseError> {
    for s in a.texts() {
        prop_assert_eq!(first_unsafe(s), None, "in {:?}", s);
    }
    prop_assert!(!a.title.trim().is_empty());
    Ok(())
}

/// Every word appears somewhere in the article's strings, spaces and line breaks aside
/// (lines joined back into sentences, spaces collapsed).
fn check_words_kept(a: &Article, words: &[&str]) -> Result<(), TestCaseError> {
    let all: String = a
        .texts()
        .flat_map(|s| s.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    for w in words {
        prop_assert!(all.contains(w), "{:?} lost; article: {:?}", w, a);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn plain_text_keeps_every_word_and_nothing_unsafe((raw, words) in text(MARKDOWN)) {
        let a = article(&raw, Format::Plain);
        check_clean(&a)?;
        check_words_kept(&a, &words)?;
    }

    #[test]
    fn markdown_keeps_every_word_and_nothing_unsafe((raw, words) in text(MARKDOWN)) {
        let a = article(&raw, Format::Markdown);
        check_clean(&a)?;
        check_words_kept(&a, &words)?;
    }

    #[test]
    fn html_is_never_unsafe((raw, _words) in text(HTML)) {
        check_clean(&article(&raw, Format::Html))?;
        let page = format!("<html><head><title>{raw}</title></head><body>{raw}</body></html>");
        check_clean(&article(&page, Format::Html))?;
    }
}
