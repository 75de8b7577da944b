//! The fingerprint that `PARSER_VERSION` is: a hash of every source file the parse of an
//! article depends on (the decoder, the front ends, the assembler and its tables, the
//! folding the lexicon uses, the format detection) and of `Cargo.lock`, which pins the
//! crates they use. Any change to the parser's code gives a new version, so a catalog never
//! keeps an article parsed by older rules. Shared by the build script, which writes the
//! version, and a test that recomputes it from the sources.

use std::path::{Path, PathBuf};

/// The files and folders (relative to the package root) whose contents decide a parse.
pub const INPUTS: &[&str] = &[
    "src/article.rs",
    "src/article",
    "src/decode.rs",
    "src/decode",
    "src/script.rs",
    "src/search/fold.rs",
    "assets/simplified.txt",
    "src/library.rs",
    "Cargo.lock",
];

/// Every file under the inputs, sorted so the order does not depend on the file system.
pub fn files(root: &Path) -> Vec<PathBuf> {
    fn walk(p: &Path, out: &mut Vec<PathBuf>) {
        if p.is_dir() {
            if let Ok(entries) = std::fs::read_dir(p) {
                for e in entries.flatten() {
                    walk(&e.path(), out);
                }
            }
        } else if p.is_file() {
            out.push(p.to_path_buf());
        }
    }
    let mut out = Vec::new();
    for input in INPUTS {
        walk(&root.join(input), &mut out);
    }
    out.sort();
    out
}

/// The parser version: FNV-1a over each input's path (relative to `root`) and contents,
/// carriage returns left out so a checkout's line ends do not matter, folded to 31 bits.
pub fn fingerprint(root: &Path) -> u32 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes.iter().filter(|&&b| b != b'\r') {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for f in files(root) {
        let rel = f.strip_prefix(root).unwrap_or(&f);
        eat(rel.to_string_lossy().replace('\\', "/").as_bytes());
        eat(&[0]);
        eat(&std::fs::read(&f).unwrap_or_default());
        eat(&[0]);
    }
    // Nonzero, and small enough for any integer column.
    ((hash ^ (hash >> 32)) as u32 & 0x7fff_ffff).max(1)
}
