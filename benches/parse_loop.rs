//! Parses one file `N` times (`parse_loop FILE N`), decoding and writing `--json` as the
//! reader does: run under `valgrind --tool=callgrind` with two values of `N`, the difference
//! is the instruction count of parses alone, start-up left out.
use std::path::Path;
fn main() {
    // `cargo bench` passes `--bench`; only the file and the count are read.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(file) = args.first() else {
        eprintln!("parse_loop FILE N: parses FILE N times (run it under callgrind)");
        return;
    };
    let path = Path::new(file);
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    let bytes = std::fs::read(path).unwrap();
    let mut total = 0;
    for _ in 0..n {
        total += newsreader::library::parse_bytes(&bytes, path, None)
            .map(|a| a.to_json())
            .unwrap_or_default()
            .len();
    }
    println!("{total}");
}
