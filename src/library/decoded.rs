//! Texts decoded ahead of their parse. The furniture counting pass of `--json` over files
//! reads and decodes every file of a folder before the first article is parsed; it keeps
//! what it decoded here, up to a byte budget, and the parse takes the text back instead of
//! reading and decoding the file a second time. Memory stays bounded whatever the library's
//! size: past the budget, files are decoded again as before.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::decode::Decoded;

/// At most this many bytes of decoded text are kept at a time.
pub const BUDGET: usize = 16 << 20;

/// Decoded texts by the path they were read from, within a budget of bytes.
#[derive(Debug)]
pub struct DecodedTexts {
    inner: Mutex<Inner>,
}

#[derive(Debug)]
struct Inner {
    /// Bytes of text that may still be kept.
    room: usize,
    texts: HashMap<PathBuf, Decoded>,
}

impl DecodedTexts {
    /// An empty holder that keeps at most `budget` bytes of text.
    pub fn new(budget: usize) -> Self {
        DecodedTexts {
            inner: Mutex::new(Inner {
                room: budget,
                texts: HashMap::new(),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Keeps the text decoded from `path` when there is room for it (else lets it go).
    pub fn keep(&self, path: &Path, text: Decoded) {
        let mut inner = self.lock();
        let size = text.text.len();
        if size <= inner.room && !inner.texts.contains_key(path) {
            inner.room -= size;
            inner.texts.insert(path.to_path_buf(), text);
        }
    }

    /// The text kept for `path`, taken out (its room given back).
    pub fn take(&self, path: &Path) -> Option<Decoded> {
        let mut inner = self.lock();
        let text = inner.texts.remove(path)?;
        inner.room += text.text.len();
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Decoded {
        Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
        }
    }

    #[test]
    fn texts_are_kept_within_the_budget_and_taken_once() {
        let kept = DecodedTexts::new(10);
        kept.keep(Path::new("a"), text("123456"));
        kept.keep(Path::new("b"), text("12345"));
        kept.keep(Path::new("c"), text("1234"));
        assert_eq!(kept.take(Path::new("b")), None, "no room left for b");
        assert_eq!(kept.take(Path::new("a")), Some(text("123456")));
        assert_eq!(kept.take(Path::new("a")), None, "taken once");
        assert_eq!(kept.take(Path::new("c")), Some(text("1234")));
        // The room taken back is there again.
        kept.keep(Path::new("d"), text("1234567890"));
        assert_eq!(kept.take(Path::new("d")), Some(text("1234567890")));
    }
}
