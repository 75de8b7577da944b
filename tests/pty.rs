//! The real binary in a pseudo-terminal: open the sample, walk the sections with the keys a
//! person would press, resize, quit; then check that the terminal was given back as it was
//! (main screen, cursor visible). The same after SIGTERM.

use std::io::{Read, Write};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above zero")
}

struct Session {
    /// A data folder of its own, so no remembered position from elsewhere applies.
    _data: tempfile::TempDir,
    /// The screen as drawn, and how many bytes the program wrote.
    parser: Arc<Mutex<(vt100::Parser, usize)>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

fn start(cols: u16, rows: u16) -> Session {
    start_with(cols, rows, tempfile::tempdir().unwrap(), &[], &[])
}

/// The program in a pseudo-terminal of `cols`×`rows` with `data` as its data and cache
/// folder, given `args` and the environment variables `env`.
fn start_with(
    cols: u16,
    rows: u16,
    data: tempfile::TempDir,
    args: &[&std::path::Path],
    env: &[(&str, &std::path::Path)],
) -> Session {
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_newsreader"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("NEWSREADER_DATA_DIR", data.path());
    cmd.env("NEWSREADER_CACHE_DIR", data.path());
    for (name, value) in env {
        cmd.env(name, value);
    }
    for arg in args {
        cmd.arg(arg);
    }
    let child = pair.slave.spawn_command(cmd).expect("the binary starts");
    drop(pair.slave);
    let parser = Arc::new(Mutex::new((vt100::Parser::new(nz(rows), nz(cols), 0), 0)));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let sink = Arc::clone(&parser);
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            let mut seen = sink.lock().unwrap();
            seen.0.process(&buf[..n]);
            seen.1 += n;
        }
    });
    let writer = pair.master.take_writer().unwrap();
    Session {
        _data: data,
        parser,
        writer,
        child,
        master: pair.master,
    }
}

impl Session {
    fn screen(&self) -> String {
        self.parser.lock().unwrap().0.screen().contents()
    }

    /// How many bytes the program has written.
    fn written(&self) -> usize {
        self.parser.lock().unwrap().1
    }

    /// Waits until `check` holds for the screen, or fails after 15 s showing the screen.
    fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// The reader pane's first row (right of the lists' border), trimmed.
    fn reader_top(&self) -> String {
        let screen = self.screen();
        let first = screen.lines().next().unwrap_or("");
        first
            .rsplit(['│', '┐'])
            .next()
            .unwrap_or("")
            .trim()
            .to_string()
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take in the last bytes.
                std::thread::sleep(Duration::from_millis(200));
                return status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "the program did not exit"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn terminal_restored(&self) -> bool {
        let p = self.parser.lock().unwrap();
        !p.0.screen().alternate_screen() && !p.0.screen().hide_cursor()
    }
}

#[test]
fn read_walk_sections_resize_and_quit() {
    let mut s = start(100, 30);
    s.wait_for("the sample", |t| {
        t.contains("Sections") && t.contains("奋斗有目标")
    });
    assert!(s.parser.lock().unwrap().0.screen().alternate_screen());
    s.send("\x1b[B");
    s.wait_for("学习有高潮 at the top", |t| {
        t.lines().next().is_some_and(|l| l.contains("学习有高潮"))
    });
    s.send("]");
    s.wait_for("工作有干劲 at the top", |t| {
        t.lines().next().is_some_and(|l| l.contains("工作有干劲"))
    });
    s.send("]");
    s.wait_for("奋斗有目标 at the top", |t| {
        t.lines().next().is_some_and(|l| l.contains("奋斗有目标"))
    });
    s.send("[");
    s.wait_for("工作有干劲 again", |t| {
        t.lines().next().is_some_and(|l| l.contains("工作有干劲"))
    });
    assert_eq!(s.reader_top(), "工作有干劲");
    s.master
        .resize(PtySize {
            rows: 15,
            cols: 40,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    s.parser.lock().unwrap().0.set_size(nz(15), nz(40));
    s.wait_for("the narrow layout", |t| {
        t.lines().next().is_some_and(|l| l.trim() == "工作有干劲")
    });
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert!(
        s.terminal_restored(),
        "alternate screen left and cursor shown"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = start(80, 24);
    s.wait_for("the sample", |t| t.contains("学习有高潮"));
    let pid = s.child.process_id().expect("a pid");
    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let _ = s.wait_exit();
    assert!(
        s.terminal_restored(),
        "alternate screen left and cursor shown"
    );
}

/// Whether process `pid` is still running (not gone, not a zombie).
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| {
            let state = stat.rsplit(')').next().unwrap_or("").trim_start();
            !state.starts_with('Z') && !state.starts_with('X')
        })
        .unwrap_or(false)
}

/// The terminal going away (window closed, ssh dropped) used to leave the program spinning on
/// end-of-file forever, deaf to SIGHUP. It runs here in tmux under a shell, as a terminal
/// emulator starts it; killing the tmux server hangs the terminal up.
#[test]
fn regression_a_hung_up_terminal_ends_the_program() {
    if Command::new("tmux").arg("-V").output().is_err() {
        {
            use std::io::Write as _;
            // Straight to stderr: test output capture would hide a println.
            let _ = writeln!(
                std::io::stderr(),
                "tmux absent: the hang-up regression test did NOT run"
            );
        }
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let socket = format!("newsreader-test-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
            .expect("tmux runs")
    };
    let script = format!(
        "NEWSREADER_DATA_DIR='{0}' NEWSREADER_CACHE_DIR='{0}' sh -c '\"$0\"; :' '{1}'",
        data.path().display(),
        env!("CARGO_BIN_EXE_newsreader")
    );
    assert!(
        tmux(&["new-session", "-d", "-x", "80", "-y", "24", &script])
            .status
            .success()
    );
    let start = Instant::now();
    while !String::from_utf8_lossy(&tmux(&["capture-pane", "-p"]).stdout).contains("学习有高潮")
    {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the program did not draw"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let pane: u32 = String::from_utf8_lossy(&tmux(&["list-panes", "-F", "#{pane_pid}"]).stdout)
        .trim()
        .parse()
        .unwrap();
    // The program is the shell's child (or the pane process itself, if a shell exec-ed it).
    let program = std::fs::read_to_string(format!("/proc/{pane}/task/{pane}/children"))
        .ok()
        .and_then(|c| c.split_whitespace().last().and_then(|p| p.parse().ok()))
        .unwrap_or(pane);
    let program = std::fs::read_to_string(format!("/proc/{program}/task/{program}/children"))
        .ok()
        .and_then(|c| c.split_whitespace().last().and_then(|p| p.parse().ok()))
        .unwrap_or(program);
    assert!(alive(program));
    tmux(&["kill-server"]);
    let start = Instant::now();
    while alive(program) {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = Command::new("kill")
                .args(["-KILL", &program.to_string()])
                .status();
            panic!("the program kept running after its terminal hung up");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The state letter of process `pid` (`T` when stopped).
fn state(pid: u32) -> char {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            stat.rsplit(')')
                .next()
                .and_then(|s| s.trim_start().chars().next())
        })
        .unwrap_or('?')
}

fn signal(pid: u32, sig: &str) {
    let sent = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// `kill -TSTP` once stopped the program on the alternate screen with the cursor hidden and
/// mouse reporting on, and `kill -CONT` did not redraw.
#[test]
fn test_external_sigtstp_gives_the_terminal_back_and_sigcont_redraws() {
    let mut s = start(80, 24);
    s.wait_for("the sample", |t| t.contains("学习有高潮"));
    let pid = s.child.process_id().expect("a pid");
    signal(pid, "-TSTP");
    let start = Instant::now();
    while state(pid) != 'T' {
        assert!(start.elapsed() < Duration::from_secs(10), "not stopped");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    {
        let p = s.parser.lock().unwrap();
        let screen = p.0.screen();
        assert!(!screen.alternate_screen(), "main screen while stopped");
        assert!(!screen.hide_cursor(), "cursor shown while stopped");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse released while stopped"
        );
    }
    // Wipe what the pseudo-terminal shows, so the redraw is seen.
    s.parser.lock().unwrap().0.process(b"\x1b[2J");
    signal(pid, "-CONT");
    s.wait_for("the redraw after SIGCONT", |t| t.contains("学习有高潮"));
    assert!(s.parser.lock().unwrap().0.screen().alternate_screen());
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(s.terminal_restored());
}

/// With a search of a million matches active, the screen was redrawn every 200 ms with no
/// input at all. Now nothing is drawn until something happens: once the background work is
/// over, a window passes without a byte written. (What is counted is bytes, not time: a busy
/// machine can only make the background work end later, which the retries allow for.)
#[test]
fn test_no_work_while_idle() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.txt");
    std::fs::write(&path, format!("标题\n\n{}\n", "的".repeat(1_000_000))).unwrap();
    let mut s = start_with(80, 24, dir, &[&path], &[]);
    s.wait_for("the first frame", |screen| screen.contains("标题"));
    s.send("/的\r");
    s.wait_for("the search result", |screen| screen.contains("1000000"));
    // Reading the library and filling its search index happen in the background first;
    // once they are done, a window must pass with nothing drawn.
    let quiet = (0..20).any(|_| {
        let before = s.written();
        std::thread::sleep(Duration::from_millis(1000));
        s.written() == before
    });
    assert!(quiet, "the reader kept drawing with nothing happening");
    s.send("q");
    s.wait_exit();
}

/// A link opened from the links overlay goes to the command named by `BROWSER`, with the
/// terminal handed over; the reader takes the terminal back after.
#[test]
fn test_a_link_opens_in_the_browser_command() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("links.md");
    std::fs::write(
        &article,
        "# 带链接的文章\n\n详见[新华网](https://xinhua.example/a)的报道。\n",
    )
    .unwrap();
    let seen = dir.path().join("seen.txt");
    let script = dir.path().join("browser.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", seen.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut s = start_with(80, 24, dir, &[&article], &[("BROWSER", &script)]);
    s.wait_for("the first frame", |screen| screen.contains("带链接的文章"));
    s.send("u");
    s.wait_for("the links overlay", |screen| {
        screen.contains("https://xinhua.example/a")
    });
    s.send("\r");
    let start = Instant::now();
    while std::fs::read_to_string(&seen).unwrap_or_default() != "https://xinhua.example/a" {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the browser command was not run with the address"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    s.wait_for("the redraw after", |screen| {
        screen.contains("opened in the browser")
    });
    assert!(s.parser.lock().unwrap().0.screen().alternate_screen());
    s.send("qq");
    assert!(s.wait_exit().success());
}

/// Ctrl-C once only closed the top overlay (three presses with help over the bookmarks), and
/// in the search prompt it acted as Esc. It quits from anywhere, keeping the place.
#[test]
fn regression_ctrl_c_quits_from_an_overlay_and_from_the_prompt() {
    let mut s = start(100, 30);
    s.wait_for("the sample", |t| t.contains("奋斗有目标"));
    s.send("B");
    s.wait_for("the bookmarks overlay", |t| t.contains("No bookmarks yet"));
    s.send("?");
    s.wait_for("help over the bookmarks", |t| t.contains("Keys"));
    s.send("\x03");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert!(s.terminal_restored(), "one Ctrl-C left the reader");

    let mut s = start(100, 30);
    s.wait_for("the sample", |t| t.contains("奋斗有目标"));
    s.send("/学习");
    s.wait_for("the search prompt", |t| {
        t.lines().any(|l| l.starts_with("/学习"))
    });
    s.send("\x03");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert!(
        s.terminal_restored(),
        "Ctrl-C in the prompt left the reader"
    );
}
