//! Arbitrary text through the html front end and the assembler, as a file of that kind
//! would reach them (decoded and sanitised first): never a panic, and no string of the
//! article holds a character that could drive the terminal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreader::article::{Format, parse};
use newsreader::decode::{decode, first_unsafe};

fuzz_target!(|data: &[u8]| {
    let Ok(d) = decode(data, None) else { return };
    let article = parse(&d.text, Format::Html, "fallback");
    assert!(!article.title.trim().is_empty());
    for s in article.texts() {
        assert_eq!(first_unsafe(s), None, "{s:?}");
    }
});
