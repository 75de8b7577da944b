//! The build script: writes `PARSER_VERSION`, the fingerprint of the parser's sources (see
//! `parser_fingerprint.rs`), so that no change to the parser can leave stale parses in a
//! catalog.

mod parser_fingerprint;

use std::path::Path;

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_string());
    let root = Path::new(&root);
    for input in parser_fingerprint::INPUTS {
        println!("cargo:rerun-if-changed={input}");
    }
    println!("cargo:rerun-if-changed=src/parser_fingerprint.rs");
    let version = parser_fingerprint::fingerprint(root);
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_string());
    let code = format!(
        "/// The version of the parse: a fingerprint of the parser's source files, so articles\n\
         /// stored by any other parser are read again.\n\
         pub const PARSER_VERSION: u32 = {version};\n"
    );
    if let Err(e) = std::fs::write(Path::new(&out).join("parser_version.rs"), code) {
        println!("cargo:warning=could not write the parser version: {e}");
        std::process::exit(1);
    }
}
