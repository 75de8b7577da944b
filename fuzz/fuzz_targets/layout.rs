//! An arbitrary article laid out at an arbitrary width 0–300: never a panic, no row wider
//! than the width (one placeholder column below two columns), and every row of text is
//! found again from its text position.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreader::article::{Format, parse};
use newsreader::decode::decode;
use newsreader::layout::{LayoutOptions, layout};

fuzz_target!(|data: &[u8]| {
    let Some((&w, rest)) = data.split_first() else { return };
    let Some((&opt, rest)) = rest.split_first() else { return };
    let width = u16::from(w) + u16::from(opt & 0x3F);
    let Ok(d) = decode(rest, None) else { return };
    let format = if opt & 0x40 != 0 { Format::Markdown } else { Format::Plain };
    let article = parse(&d.text, format, "fallback");
    let options = LayoutOptions {
        ambiguous_wide: opt & 0x80 != 0,
        ..LayoutOptions::default()
    };
    let l = layout(&article, width, &options);
    for i in 0..l.len() {
        let text = l.row_text(i);
        let cols = newsreader::layout::width::str_width(&text, options.ambiguous_wide);
        assert!(cols <= usize::from(width.max(1)), "row {i} {cols} > {width}: {text:?}");
        // A row of text is found again from its position (a blank row stands for the text
        // after it).
        if l.row(i).is_some_and(|r| !r.is_blank()) {
            assert_eq!(l.row_of(l.pos_of_row(i)), i, "row {i}: {text:?}");
        }
    }
});
