//! The real binary in a pseudo-terminal, for tests of what a person sees and of what
//! survives when the reader is killed: start it with arguments and environment, read the
//! screen as drawn, press keys, kill it.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A running reader.
pub struct Reader {
    screen: Arc<Mutex<vt100::Parser>>,
    /// How many bytes the program has written.
    written: Arc<AtomicUsize>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Reader {
    /// Starts the reader in a `cols`×`rows` terminal with `data` as its data folder (its
    /// index in `data/cache`, no config), given `args`, with `env` added.
    pub fn start(cols: u16, rows: u16, data: &Path, args: &[&str], env: &[(&str, &str)]) -> Reader {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_newsreader"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("NEWSREADER_DATA_DIR", data);
        cmd.env("NEWSREADER_CACHE_DIR", data.join("cache"));
        cmd.env("XDG_CONFIG_HOME", data.join("no-config"));
        for (name, value) in env {
            cmd.env(name, value);
        }
        for arg in args {
            cmd.arg(arg);
        }
        let child = pair.slave.spawn_command(cmd).expect("the binary starts");
        drop(pair.slave);
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a size above zero");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let mut reader = pair
            .master
            .try_clone_reader()
            .expect("the terminal's output");
        let (sink, written) = (Arc::clone(&screen), Arc::new(AtomicUsize::new(0)));
        let count = Arc::clone(&written);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
                count.fetch_add(n, Ordering::Relaxed);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Reader {
            screen,
            written,
            writer,
            child,
            master: pair.master,
        }
    }

    /// What `look` says of the screen as drawn (modes included: alternate screen, cursor,
    /// mouse reporting).
    pub fn look<R>(&self, look: impl FnOnce(&vt100::Screen) -> R) -> R {
        look(self.screen.lock().unwrap().screen())
    }

    /// How many bytes the program has written so far.
    pub fn written(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// Clears what the terminal shows, so that a redraw can be seen.
    pub fn wipe(&self) {
        self.screen.lock().unwrap().process(b"\x1b[2J");
    }

    /// Resizes the terminal to `cols`×`rows`.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a size above zero");
        self.screen.lock().unwrap().set_size(size(rows), size(cols));
    }

    /// The reader pane's first row (right of the lists' border), trimmed.
    pub fn reader_top(&self) -> String {
        let screen = self.screen();
        let first = screen.lines().next().unwrap_or("");
        first
            .rsplit(['│', '┐'])
            .next()
            .unwrap_or("")
            .trim()
            .to_string()
    }

    /// Waits for the program to end (failing after 15 s) and returns how it ended.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the output thread take in the last bytes.
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

    /// Whether the terminal is as it was before the reader: main screen, cursor shown.
    pub fn terminal_restored(&self) -> bool {
        self.look(|s| !s.alternate_screen() && !s.hide_cursor())
    }

    /// The screen's text.
    pub fn screen(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until `check` holds for the screen; fails after 20 s, showing it.
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Types `keys`.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child")
    }

    /// `kill -9`, and waits for the end.
    pub fn kill_9(mut self) {
        // SAFETY: sending a signal to a child this test started.
        unsafe {
            libc::kill(self.pid() as libc::pid_t, libc::SIGKILL);
        }
        let _ = self.child.wait();
    }
}
