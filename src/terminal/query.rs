//! Asking the terminal at start how it can show pictures: the capability query of
//! [`crate::images::query`] is written and the answers read from the terminal for at most
//! [`WAIT`], before the input thread starts reading it (so no key is taken). A terminal that
//! says nothing in time gets half blocks.

use std::io::{Read as _, Write as _};
use std::os::fd::AsRawFd as _;
use std::time::{Duration, Instant};

use crate::images::{Images, Kind, Support, choose, parse_replies, query};

/// The longest wait for the answers.
const WAIT: Duration = Duration::from_millis(500);

/// How pictures are drawn in `mode`, asking the terminal when `mode` is auto; with the cell
/// size in pixels when the terminal said. `None`: not at all.
pub fn picture_kind(mode: Images) -> (Option<Kind>, Option<(u16, u16)>) {
    let support = match mode {
        Images::Auto => ask().unwrap_or_default(),
        _ => Support::default(),
    };
    (choose(mode, &support, iterm2()), support.cell)
}

/// Whether the environment names a terminal that speaks iTerm2's protocol.
fn iterm2() -> bool {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    matches!(var("TERM_PROGRAM").as_str(), "iTerm.app" | "WezTerm")
        || var("LC_TERMINAL") == "iTerm2"
}

/// The terminal's answers to the query, read in raw mode for at most [`WAIT`].
fn ask() -> Option<Support> {
    let mut tty = std::fs::File::options()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    let tmux = std::env::var_os("TMUX").is_some();
    if tmux && passthrough_off() {
        // tmux (3.3 on, by default) drops what is sent through it to the terminal outside: no
        // answer would come, and the start would wait the whole [`WAIT`] for nothing.
        return Some(Support::default());
    }
    let raw_before = ratatui::crossterm::terminal::is_raw_mode_enabled().unwrap_or(false);
    ratatui::crossterm::terminal::enable_raw_mode().ok()?;
    let mut bytes = Vec::new();
    if tty.write_all(query(tmux).as_bytes()).is_ok() && tty.flush().is_ok() {
        let end = Instant::now() + WAIT;
        let mut chunk = [0u8; 256];
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            let mut poll = libc::pollfd {
                fd: tty.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            let ms = i32::try_from(left.as_millis()).unwrap_or(i32::MAX).max(1);
            // SAFETY: one valid pollfd for a file descriptor that stays open meanwhile.
            let ready = unsafe { libc::poll(&mut poll, 1, ms) };
            if ready <= 0 {
                break;
            }
            match tty.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            }
            if parse_replies(&bytes).answered {
                break;
            }
        }
    }
    if !raw_before {
        let _ = ratatui::crossterm::terminal::disable_raw_mode();
    }
    Some(parse_replies(&bytes))
}

/// Whether the tmux this runs in keeps the pane from passing escape sequences through to
/// the terminal outside (`allow-passthrough` off). A tmux that cannot say (older than 3.3,
/// which always passed them through) gets the query.
fn passthrough_off() -> bool {
    std::process::Command::new("tmux")
        .args(["show-options", "-pAv", "allow-passthrough"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .is_ok_and(|out| out.status.success() && says_off(&out.stdout))
}

/// Whether tmux's answer to `show-options -v allow-passthrough` is `off`.
fn says_off(answer: &[u8]) -> bool {
    answer.trim_ascii() == b"off"
}

#[cfg(test)]
mod tests {
    use super::says_off;

    #[test]
    fn only_an_answer_of_off_skips_the_query() {
        assert!(says_off(b"off\n"));
        assert!(says_off(b"off"));
        assert!(!says_off(b"on\n"));
        assert!(!says_off(b"all\n"));
        assert!(!says_off(b""));
        assert!(!says_off(b"invalid option: allow-passthrough\n"));
    }
}
