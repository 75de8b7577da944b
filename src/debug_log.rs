//! The debug log: what the program noticed and dealt with quietly, for someone finding out
//! why a feed reads the way it does (today: what was repaired in a feed that is not
//! well-formed XML). The code speaks through the `log` facade; nothing is written unless
//! `NEWSREADER_LOG` names a file, and then each record is one line appended to it, so the
//! terminal the reader draws on is never touched. Records are sanitised like every other
//! string that came from the network.

use std::fs::File;
use std::io::Write;
use std::sync::Mutex;

use crate::decode::sanitize_line;

/// The environment variable that names the log file.
pub const ENV: &str = "NEWSREADER_LOG";

/// Appends records to one file.
struct FileLog {
    file: Mutex<File>,
}

impl log::Log for FileLog {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.target().starts_with("newsreader")
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let line = format!(
            "{} {} {}: {}\n",
            chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ"),
            record.level(),
            record.target(),
            sanitize_line(&record.args().to_string())
        );
        if let Ok(mut f) = self.file.lock() {
            let _ = f.write_all(line.as_bytes());
        }
    }

    fn flush(&self) {
        if let Ok(mut f) = self.file.lock() {
            let _ = f.flush();
        }
    }
}

/// Starts the debug log when `NEWSREADER_LOG` names a file that can be opened for
/// appending; returns the problem (naming the file) when it cannot, for the caller to
/// report. Without the variable it does nothing.
pub fn install_from_env() -> Result<(), String> {
    let Some(path) = std::env::var_os(ENV).filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| format!("{ENV}={}: {e}", path.to_string_lossy()))?;
    // The logger lives as long as the program.
    let logger: &'static FileLog = Box::leak(Box::new(FileLog {
        file: Mutex::new(file),
    }));
    log::set_logger(logger).map_err(|e| e.to_string())?;
    log::set_max_level(log::LevelFilter::Debug);
    Ok(())
}
