//! Times `parse_bytes` + `to_json` per file: the least time per parse over many short rounds,
//! which a busy machine can only make longer.
use std::path::Path;
use std::time::Instant;

fn main() {
    // `cargo bench` passes `--bench`; files are the other arguments, else the corpus.
    let mut files: Vec<std::path::PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(Into::into)
        .collect();
    if files.is_empty() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        match std::fs::read_dir(&corpus) {
            Ok(dir) => files = dir.flatten().map(|e| e.path()).collect(),
            Err(_) => eprintln!("{}: absent, nothing to time", corpus.display()),
        }
        files.retain(|f| f.extension().is_some_and(|x| x == "txt" || x == "html"));
        files.sort();
    }
    for path in &files {
        let path = path.as_path();
        let bytes = std::fs::read(path).unwrap();
        let once = || {
            newsreader::library::parse_bytes(std::hint::black_box(&bytes), path, None)
                .map(|a| a.to_json())
                .unwrap_or_default()
                .len()
        };
        // Rounds of about 5 ms.
        let t = Instant::now();
        let mut n = 0;
        while t.elapsed().as_micros() < 5_000 {
            once();
            n += 1;
        }
        let mut best = f64::MAX;
        let mut all = Vec::new();
        for _ in 0..40 {
            let t = Instant::now();
            for _ in 0..n {
                once();
            }
            let per = t.elapsed().as_secs_f64() * 1e6 / n as f64;
            best = best.min(per);
            all.push(per);
        }
        all.sort_by(f64::total_cmp);
        println!(
            "{} {:.2} {:.2}",
            path.file_name().unwrap().to_string_lossy(),
            best,
            all[all.len() / 2]
        );
    }
}
