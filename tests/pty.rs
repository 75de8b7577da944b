//! The real binary in a pseudo-terminal: open the sample, walk the sections with the keys a
//! person would press, resize, quit; then check that the terminal was given back as it was
//! (main screen, cursor visible). The same after SIGTERM.

#[path = "support/terminal.rs"]
mod terminal;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use terminal::Reader;

/// The reader in a `cols`×`rows` terminal with a data folder of its own (so no remembered
/// position from elsewhere applies), given `args`.
fn start_with(cols: u16, rows: u16, data: &Path, args: &[&Path], env: &[(&str, &str)]) -> Reader {
    let args: Vec<&str> = args.iter().map(|a| a.to_str().unwrap()).collect();
    Reader::start(cols, rows, data, &args, env)
}

/// The sample in a `cols`×`rows` terminal, with the data folder to keep while it runs.
fn start(cols: u16, rows: u16) -> (Reader, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    (start_with(cols, rows, data.path(), &[], &[]), data)
}

#[test]
fn read_walk_sections_resize_and_quit() {
    let (mut s, _data) = start(100, 30);
    s.wait_for("the sample", |t| {
        t.contains("Sections") && t.contains("奋斗有目标")
    });
    assert!(s.look(|t| t.alternate_screen()));
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
    s.resize(40, 15);
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
    let (mut s, _data) = start(80, 24);
    s.wait_for("the sample", |t| t.contains("学习有高潮"));
    let pid = s.pid();
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
    // The server's socket lives in the test's own folder, so nothing is left in tmux's.
    let socket = data.path().join("tmux.sock");
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-S")
            .arg(&socket)
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
    let (mut s, _data) = start(80, 24);
    s.wait_for("the sample", |t| t.contains("学习有高潮"));
    let pid = s.pid();
    signal(pid, "-TSTP");
    let start = Instant::now();
    while state(pid) != 'T' {
        assert!(start.elapsed() < Duration::from_secs(10), "not stopped");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    s.look(|screen| {
        assert!(!screen.alternate_screen(), "main screen while stopped");
        assert!(!screen.hide_cursor(), "cursor shown while stopped");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse released while stopped"
        );
    });
    // Wipe what the pseudo-terminal shows, so the redraw is seen.
    s.wipe();
    signal(pid, "-CONT");
    s.wait_for("the redraw after SIGCONT", |t| t.contains("学习有高潮"));
    assert!(s.look(|t| t.alternate_screen()));
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
    let mut s = start_with(80, 24, dir.path(), &[&path], &[]);
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
    let mut s = start_with(
        80,
        24,
        dir.path(),
        &[&article],
        &[("BROWSER", script.to_str().unwrap())],
    );
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
    assert!(s.look(|t| t.alternate_screen()));
    s.send("qq");
    assert!(s.wait_exit().success());
}

/// Ctrl-C once only closed the top overlay (three presses with help over the bookmarks), and
/// in the search prompt it acted as Esc. It quits from anywhere, keeping the place.
#[test]
fn regression_ctrl_c_quits_from_an_overlay_and_from_the_prompt() {
    let (mut s, _data) = start(100, 30);
    s.wait_for("the sample", |t| t.contains("奋斗有目标"));
    s.send("B");
    s.wait_for("the bookmarks overlay", |t| t.contains("No bookmarks yet"));
    s.send("?");
    s.wait_for("help over the bookmarks", |t| t.contains("Keys"));
    s.send("\x03");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert!(s.terminal_restored(), "one Ctrl-C left the reader");

    let (mut s, _data) = start(100, 30);
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
