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

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use newsreader::strings::{HELP_HELP, READING};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const FILES: usize = 2_000;
const SIZE: usize = 8_500;
const COLS: u16 = 120;
const ROWS: u16 = 40;
/// A key not answered within this long is counted as this long, and ends the run.
const GIVE_UP: Duration = Duration::from_secs(10);

/// The terminal's screen as the program drew it.
type Screen = Arc<Mutex<vt100::Parser>>;

fn contents(screen: &Screen) -> String {
    screen
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .screen()
        .contents()
}

/// Waits until `check` holds for the screen; how long it took, or `None` after `limit`.
fn wait_for(screen: &Screen, limit: Duration, check: impl Fn(&str) -> bool) -> Option<Duration> {
    let started = Instant::now();
    loop {
        if check(&contents(screen)) {
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
    std::fs::write(&config, format!("library = [{root:?}]\n")).expect("the config");

    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_newsreader"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("NEWSREADER_DATA_DIR", state.path());
    cmd.env("NEWSREADER_CACHE_DIR", state.path().join("cache"));
    cmd.arg("--config");
    cmd.arg(&config);
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("the binary starts");
    drop(pair.slave);
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("a size above zero");
    let screen: Screen = Arc::new(Mutex::new(vt100::Parser::new(size(ROWS), size(COLS), 0)));
    let mut output = pair
        .master
        .try_clone_reader()
        .expect("the terminal's output");
    let sink = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 16384];
        while let Ok(n) = output.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .process(&buf[..n]);
        }
    });
    let mut keys = pair.master.take_writer().expect("the terminal's input");
    let mut press = |key: &str| {
        keys.write_all(key.as_bytes()).expect("a key written");
        keys.flush().expect("a key sent");
        Instant::now()
    };

    let reading = |t: &str| t.contains(READING.trim_end());
    let Some(first) = wait_for(&screen, Duration::from_secs(60), reading) else {
        panic!(
            "the first run never showed on screen:\n{}",
            contents(&screen)
        );
    };
    let mut times = Vec::new();
    let mut stuck = false;
    while reading(&contents(&screen)) {
        std::thread::sleep(Duration::from_millis(20));
        // `?` shows the help, `Esc` takes it away.
        let (key, shown) = if times.len() % 2 == 0 {
            ("?", true)
        } else {
            ("\x1b", false)
        };
        let pressed = press(key);
        let answered = wait_for(&screen, GIVE_UP, |t| t.contains(HELP_HELP) == shown);
        times.push(answered.map_or(GIVE_UP, |_| pressed.elapsed()));
        if answered.is_none() {
            stuck = true;
            break;
        }
    }
    let whole = started.elapsed();
    let peak = child.process_id().and_then(peak_mb);
    press("q");
    let quit = Instant::now();
    while child.try_wait().ok().flatten().is_none() {
        if quit.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.wait();

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
