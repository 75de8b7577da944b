//! Parses one file `N` times (`parse_loop FILE N`), decoding and writing `--json` as the
//! reader does: run under `valgrind --tool=callgrind` with two values of `N`, the difference
//! is the instruction count of parses alone, start-up left out.
use std::path::Path;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = Path::new(&args[1]);
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
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
