//! The sync password (or Miniflux API key): from the `NEWSREADER_SYNC_PASSWORD` environment
//! variable, else from the first line a `password-command` prints (`pass show freshrss`).
//! It is held in memory only while a sync needs it, in a [`Secret`] that prints as `***`, so
//! no `Debug`, log line or error can carry it; text from elsewhere can be [`Secret::scrub`]bed
//! of it as a last guard.

use std::fmt;
use std::io::Read;
use std::process::{Command, Stdio};

use super::SyncError;
use crate::strings as s;

/// The environment variable holding the sync password.
pub const PASSWORD_ENV: &str = "NEWSREADER_SYNC_PASSWORD";

/// Longest output read from a password command.
const MAX_COMMAND_OUTPUT: u64 = 64 * 1024;

/// A password that never prints.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a password.
    pub fn new(text: impl Into<String>) -> Secret {
        Secret(text.into())
    }

    /// The password, to send.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// `text` with every occurrence of the password replaced by `***`.
    pub fn scrub(&self, text: &str) -> String {
        if self.0.is_empty() {
            text.to_string()
        } else {
            text.replace(&self.0, "***")
        }
    }

    /// The password: `NEWSREADER_SYNC_PASSWORD` when set, else the first line printed by
    /// `command` (run by `sh -c`, its input closed; its errors shown on this process's
    /// standard error when `show_errors`, else dropped).
    pub fn find(command: Option<&str>, show_errors: bool) -> Result<Secret, SyncError> {
        if let Some(p) = std::env::var_os(PASSWORD_ENV).filter(|p| !p.is_empty()) {
            return p
                .into_string()
                .map(Secret)
                .map_err(|_| SyncError::Password(s::SYNC_PASSWORD_NOT_UTF8.to_string()));
        }
        let Some(command) = command.map(str::trim).filter(|c| !c.is_empty()) else {
            return Err(SyncError::Password(s::SYNC_PASSWORD_NONE.to_string()));
        };
        run_command(command, show_errors)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Runs a password command and takes the first line of what it prints.
fn run_command(command: &str, show_errors: bool) -> Result<Secret, SyncError> {
    let failed = |why: String| SyncError::Password(format!("{}: {why}", s::SYNC_PASSWORD_COMMAND));
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(if show_errors {
            Stdio::inherit()
        } else {
            Stdio::null()
        })
        .spawn()
        .map_err(|e| failed(e.to_string()))?;
    let mut out = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        stdout
            .take(MAX_COMMAND_OUTPUT)
            .read_to_end(&mut out)
            .map_err(|e| failed(e.to_string()))?;
    }
    let status = child.wait().map_err(|e| failed(e.to_string()))?;
    if !status.success() {
        // Only the status: what the command printed may hold the password.
        return Err(failed(format!("{} {status}", s::SYNC_PASSWORD_EXIT)));
    }
    let text = String::from_utf8(out)
        .map_err(|_| SyncError::Password(s::SYNC_PASSWORD_NOT_UTF8.to_string()))?;
    let line = text
        .lines()
        .next()
        .unwrap_or_default()
        .trim_end_matches('\r');
    if line.is_empty() {
        return Err(failed(s::SYNC_PASSWORD_EMPTY.to_string()));
    }
    Ok(Secret(line.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_never_prints() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?}"), "Secret(***)");
        assert_eq!(s.scrub("login hunter2 failed"), "login *** failed");
    }

    #[test]
    fn the_first_line_of_the_command_is_the_password() {
        let s = run_command("printf 'p4ss word\\nsecond line\\n'", false).unwrap();
        assert_eq!(s.expose(), "p4ss word");
    }

    #[test]
    fn a_failing_command_says_how_without_its_output() {
        let e = run_command("echo topsecret; exit 3", false).unwrap_err();
        let text = e.to_string();
        assert!(text.contains("exit status: 3"), "{text}");
        assert!(!text.contains("topsecret"), "{text}");
        let empty = run_command("true", false).unwrap_err().to_string();
        assert!(empty.contains(s::SYNC_PASSWORD_EMPTY), "{empty}");
    }
}
