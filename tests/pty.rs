//! The real binary in a pseudo-terminal: open the sample, walk the sections with the keys a
//! person would press, resize, quit; then check that the terminal was given back as it was
//! (main screen, cursor visible). The same after SIGTERM.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above zero")
}

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

fn start(cols: u16, rows: u16) -> Session {
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
    let child = pair.slave.spawn_command(cmd).expect("the binary starts");
    drop(pair.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let sink = Arc::clone(&parser);
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buf[..n]);
        }
    });
    let writer = pair.master.take_writer().unwrap();
    Session {
        parser,
        writer,
        child,
        master: pair.master,
    }
}

impl Session {
    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
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
        !p.screen().alternate_screen() && !p.screen().hide_cursor()
    }
}

#[test]
fn read_walk_sections_resize_and_quit() {
    let mut s = start(100, 30);
    s.wait_for("the sample", |t| {
        t.contains("Sections") && t.contains("奋斗有目标")
    });
    assert!(s.parser.lock().unwrap().screen().alternate_screen());
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
    s.parser.lock().unwrap().set_size(nz(15), nz(40));
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
    let killed = std::process::Command::new("kill")
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
