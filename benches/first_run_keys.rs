//! Keys during a first run, timed through a real terminal: the release binary started in a
//! pseudo-terminal (120×40) on a library of new files, and while its status bar says it is
//! reading them, `?` (the help appears) and `Esc` (it goes) pressed in turn every 20 ms, each
//! timed from the key written to the terminal to the changed screen, as a person sees it
//! (the terminal's output parsed by `vt100`), not by the program's own clock. Prints the
//! median, the 95th percentile and the slowest (the goals: p95 < 30 ms, every key
//! < 100 ms).
//!
//! The library is generated (`support/news.rs`, files of 8.5 KB): 2,000 files, or as many as
//! `FIRST_RUN_KEYS_FILES` says (`FIRST_RUN_KEYS_FILES=50000 cargo bench --bench
//! first_run_keys`), kept under `target/`.

#[path = "support/news.rs"]
#[allow(dead_code)]
mod news;
#[path = "../tests/support/terminal.rs"]
mod terminal;

use std::time::{Duration, Instant};

use newsreader::strings::{HELP_HELP, READING};
use terminal::Reader;

const FILES: usize = 2_000;
const SIZE: usize = 8_500;
const COLS: u16 = 120;
const ROWS: u16 = 40;
/// A key not answered within this long is counted as this long, and ends the run.
const GIVE_UP: Duration = Duration::from_secs(10);

/// Waits until `check` holds for the screen, looking every 200 µs (the tests' own wait looks
/// every 30 ms, too coarse to time a key); how long it took, or `None` after `limit`.
fn wait_for(reader: &Reader, limit: Duration, check: impl Fn(&str) -> bool) -> Option<Duration> {
    let started = Instant::now();
    loop {
        if check(&reader.screen()) {
            return Some(started.elapsed());
        }
        if started.elapsed() > limit {
            return None;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// The peak resident memory of process `pid` so far, in MB (Linux).
fn peak_mb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_owned())
}

fn main() {
    let files = std::env::var("FIRST_RUN_KEYS_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(FILES);
    let library = news::library(files, SIZE);
    let state = tempfile::tempdir().expect("a state folder");
    let config = state.path().join("config.toml");
    let root = library.display().to_string();
    // Half blocks: the terminal here (`vt100`) answers no capability query, which a real
    // terminal answers at once; asking would add its 500 ms wait to the start.
    std::fs::write(
        &config,
        format!("library = [{root:?}]\n[layout]\nimages = \"halfblocks\"\n"),
    )
    .expect("the config");

    let started = Instant::now();
    let config = config.display().to_string();
    let mut reader = Reader::start(COLS, ROWS, state.path(), &["--config", &config], &[]);
    let reading = |t: &str| t.contains(READING.trim_end());
    let Some(first) = wait_for(&reader, Duration::from_secs(60), reading) else {
        panic!("the first run never showed on screen:\n{}", reader.screen());
    };
    let mut times = Vec::new();
    let mut stuck = false;
    while reading(&reader.screen()) {
        std::thread::sleep(Duration::from_millis(20));
        // `?` shows the help, `Esc` takes it away.
        let (key, shown) = if times.len() % 2 == 0 {
            ("?", true)
        } else {
            ("\x1b", false)
        };
        reader.send(key);
        let pressed = Instant::now();
        let answered = wait_for(&reader, GIVE_UP, |t| t.contains(HELP_HELP) == shown);
        times.push(answered.map_or(GIVE_UP, |_| pressed.elapsed()));
        if answered.is_none() {
            stuck = true;
            break;
        }
    }
    let whole = started.elapsed();
    let peak = peak_mb(reader.pid());
    // The help may be open (`q` would only close it): the measurement is taken, so end it.
    reader.kill_9();

    assert!(
        !times.is_empty(),
        "the first run ended before a key could be pressed"
    );
    times.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: usize| times[(times.len() * q).div_ceil(100).saturating_sub(1)];
    println!(
        "{} keys during a first run of {files} files of {SIZE} bytes (on screen after \
         {:.0} ms, read in {:.1} s), key to changed screen: median {:.1} ms, p95 {:.1} ms, \
         max {:.1} ms (goals: p95 < 30 ms, max < 100 ms); peak resident memory {} MB; load \
         average {}{}",
        times.len(),
        ms(first),
        whole.as_secs_f64(),
        ms(at(50)),
        ms(at(95)),
        ms(times[times.len() - 1]),
        peak.map_or_else(|| "unknown".to_owned(), |p| p.to_string()),
        load_average(),
        if stuck {
            "; a key went unanswered for 10 s and ended the run"
        } else {
            ""
        },
    );
}
