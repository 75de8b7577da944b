//! Arbitrary bytes through encoding detection and sanitising (and through every encoding a
//! user can force): never a panic, never a character that could drive the terminal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreader::decode::{decode, first_unsafe};

fuzz_target!(|data: &[u8]| {
    let forced = [
        None,
        Some(encoding_rs::UTF_8),
        Some(encoding_rs::GB18030),
        Some(encoding_rs::BIG5),
        Some(encoding_rs::UTF_16LE),
    ];
    let pick = data.first().map_or(0, |b| usize::from(*b) % forced.len());
    for enc in [None, forced[pick]] {
        if let Ok(d) = decode(data, enc) {
            assert_eq!(first_unsafe(&d.text), None, "{:?}", d.text);
            assert!(!d.text.contains('\r') && !d.text.contains('\t'));
        }
    }
});
