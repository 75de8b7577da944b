//! What the reader remembers between runs: the last open article, the reading position in
//! each article, and bookmarks. Articles are known by a hash of their text, so an article
//! found at another path, or saved again unchanged, keeps its place.
//!
//! The state file is never lost: every write takes a lock, reads the file again, merges this
//! change in and replaces the file atomically (temporary file, fsync, rename, fsync of the
//! folder), so two readers running at once keep both their updates. A file that does not
//! parse is moved aside, not overwritten; a folder that cannot be written gives a warning,
//! and reading goes on.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::decode::sanitize_line;
use crate::layout::TextPos;
use crate::strings;

/// A place in an article: a block of the reader's text and a byte offset in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Index of the block (title, metadata, heading or paragraph) in reading order.
    pub block: usize,
    /// Byte offset in the block's text.
    pub offset: usize,
}

impl From<TextPos> for Place {
    fn from(p: TextPos) -> Place {
        Place {
            block: p.block,
            offset: p.offset,
        }
    }
}

impl From<Place> for TextPos {
    fn from(p: Place) -> TextPos {
        TextPos {
            block: p.block,
            offset: p.offset,
        }
    }
}

/// A bookmark: an article, a place in it, and enough to list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// The article's key ([`article_key`]).
    pub article: String,
    /// Where in the article.
    pub place: Place,
    /// The article's title when the bookmark was made.
    pub title: String,
    /// A line of the text at the bookmark.
    pub snippet: String,
}

/// The contents of `state.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateData {
    /// Key of the article open when the reader last quit.
    #[serde(default)]
    pub last: Option<String>,
    /// Reading position per article key.
    #[serde(default)]
    pub positions: BTreeMap<String, Place>,
    /// Bookmarks in the order they were made.
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
}

/// One change to the state, applied to the file under the lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The article open now.
    Last(String),
    /// The reading position in an article.
    Position(String, Place),
    /// Adds a bookmark, or removes it when one is already at that place.
    ToggleBookmark(Bookmark),
}

impl StateData {
    fn apply(&mut self, change: &Change) {
        match change {
            Change::Last(k) => self.last = Some(k.clone()),
            Change::Position(k, p) => {
                self.positions.insert(k.clone(), *p);
            }
            Change::ToggleBookmark(b) => {
                let same = |x: &Bookmark| x.article == b.article && x.place == b.place;
                if self.bookmarks.iter().any(same) {
                    self.bookmarks.retain(|x| !same(x));
                } else {
                    self.bookmarks.push(b.clone());
                }
            }
        }
    }
}

/// The state, and where it lives.
#[derive(Debug, Default)]
pub struct State {
    dir: Option<PathBuf>,
    data: StateData,
    warning: Option<String>,
}

/// A stable key for an article's text: FNV-1a over its title, headings and paragraphs, as
/// 16 hex digits. The same text gives the same key on every run and every machine.
pub fn article_key(article: &Article) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    let mut feed = |s: &str| {
        for b in s.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    };
    feed(&article.title);
    for s in &article.sections {
        feed(s.heading.as_deref().unwrap_or(""));
        for p in &s.paragraphs {
            feed(p);
        }
    }
    format!("{h:016x}")
}

/// The usual data folder: the project data directory of `directories`, unless
/// `NEWSREADER_DATA_DIR` names another.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("NEWSREADER_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "newsreader").map(|d| d.data_dir().to_path_buf())
}

impl State {
    /// A state that remembers nothing and writes nothing (tests, `--dump`).
    pub fn none() -> State {
        State::default()
    }

    /// Opens the state in `dir`, creating the folder. Problems become a warning; the state
    /// then starts empty.
    pub fn open(dir: Option<PathBuf>) -> State {
        let mut st = State {
            dir: None,
            data: StateData::default(),
            warning: None,
        };
        let Some(dir) = dir else {
            st.warning = Some(strings::STATE_NO_DIR.to_string());
            return st;
        };
        if let Err(e) = fs::create_dir_all(&dir) {
            st.warning = Some(state_warning(&dir, &e));
            return st;
        }
        st.dir = Some(dir);
        match st.locked(|_| Ok(())) {
            Ok(data) => st.data = data,
            Err(w) => st.warning = Some(w),
        }
        st
    }

    /// What was remembered.
    pub fn data(&self) -> &StateData {
        &self.data
    }

    /// A warning for the status bar (state not readable or writable, a corrupt file moved
    /// aside), taken once.
    pub fn take_warning(&mut self) -> Option<String> {
        self.warning.take()
    }

    /// Applies a change here and in the file.
    pub fn change(&mut self, change: Change) {
        self.data.apply(&change);
        if self.dir.is_none() {
            return;
        }
        match self.locked(|data| {
            data.apply(&change);
            Ok(())
        }) {
            Ok(data) => self.data = data,
            Err(w) => self.warning = Some(w),
        }
    }

    /// Under the lock: reads the file (moving a corrupt one aside), lets `edit` change it,
    /// and writes it back atomically when it changed. Returns what is now on disk.
    fn locked(
        &mut self,
        edit: impl FnOnce(&mut StateData) -> std::io::Result<()>,
    ) -> Result<StateData, String> {
        let Some(dir) = self.dir.clone() else {
            return Ok(self.data.clone());
        };
        let io = |e: std::io::Error| state_warning(&dir, &e);
        let lock = open_lock(&dir.join("state.lock")).map_err(io)?;
        lock.lock().map_err(io)?;
        // Under the lock no other writer is busy, so any temporary file is left over from a
        // writer that was killed: remove it (a symbolic link is removed, not followed).
        remove_stale_temp_files(&dir);
        let file = dir.join("state.toml");
        let mut data = match crate::files::read_capped(&file, MAX_STATE_BYTES) {
            Ok(bytes) => match String::from_utf8(bytes)
                .ok()
                .and_then(|text| toml::from_str::<StateData>(&text).ok())
            {
                Some(d) => d,
                None => self.start_afresh(&file).map_err(io)?,
            },
            Err(crate::files::ReadError::NotFound) => StateData::default(),
            // A FIFO, a device or a folder in its place, or a file too large to be ours.
            Err(crate::files::ReadError::NotRegular | crate::files::ReadError::TooLarge { .. }) => {
                self.start_afresh(&file).map_err(io)?
            }
            Err(crate::files::ReadError::Io(e)) => return Err(io(e)),
        };
        let before = data.clone();
        edit(&mut data).map_err(io)?;
        if data != before {
            write_atomic(&dir, &file, &data).map_err(io)?;
        }
        drop(lock);
        Ok(data)
    }
}

/// The largest state file read; anything larger is not one this program wrote.
const MAX_STATE_BYTES: u64 = 512 << 20;

/// The temporary files of [`write_atomic`] start with this.
const TEMP_PREFIX: &str = ".state.toml.tmp-";

impl State {
    /// A state file that cannot be used (bad bytes, bad TOML, the wrong shape, not a regular
    /// file) is moved aside with a warning, and an empty state starts.
    fn start_afresh(&mut self, file: &Path) -> std::io::Result<StateData> {
        let aside = move_aside(file)?;
        self.warning = Some(format!(
            "{}{}",
            strings::STATE_CORRUPT,
            sanitize_line(&aside.to_string_lossy())
        ));
        Ok(StateData::default())
    }
}

/// Opens (creating) the lock file without blocking; one that is not a regular file (a FIFO
/// planted there) is moved aside and a fresh one made.
fn open_lock(path: &Path) -> std::io::Result<File> {
    let open = || {
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NONBLOCK);
        }
        options.open(path)
    };
    match open() {
        Ok(f) if f.metadata()?.is_file() => return Ok(f),
        Ok(_) => {}
        // A FIFO with no reader refuses a non-blocking open for writing.
        Err(e) if e.raw_os_error() == Some(libc::ENXIO) => {}
        Err(e) => return Err(e),
    }
    move_aside(path)?;
    open()
}

fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn state_warning(dir: &Path, e: &std::io::Error) -> String {
    sanitize_line(&format!(
        "{}{}: {e}",
        strings::STATE_UNWRITABLE,
        dir.to_string_lossy()
    ))
}

/// `state.toml` → `state.toml.corrupt-<unix seconds>` (and `state.lock` likewise).
fn move_aside(file: &Path) -> std::io::Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut aside = file.as_os_str().to_owned();
    aside.push(format!(".corrupt-{secs}"));
    let aside = PathBuf::from(aside);
    fs::rename(file, &aside)?;
    Ok(aside)
}

/// Temporary file in the same folder, fsync, rename over the old file, fsync the folder.
fn write_atomic(dir: &Path, file: &Path, data: &StateData) -> std::io::Result<()> {
    let text = toml::to_string(data).map_err(std::io::Error::other)?;
    let tmp = dir.join(format!("{TEMP_PREFIX}{}", std::process::id()));
    {
        // Never through a file (or a symbolic link) already at that name.
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
    }
    fs::rename(&tmp, file)?;
    File::open(dir)?.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    fn place(block: usize, offset: usize) -> Place {
        Place { block, offset }
    }

    #[test]
    fn positions_and_bookmarks_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = State::open(Some(dir.path().to_path_buf()));
        assert!(s.take_warning().is_none());
        s.change(Change::Position("a".into(), place(3, 12)));
        s.change(Change::Last("a".into()));
        let b = Bookmark {
            article: "a".into(),
            place: place(5, 0),
            title: "标题".into(),
            snippet: "一段话".into(),
        };
        s.change(Change::ToggleBookmark(b.clone()));
        let again = State::open(Some(dir.path().to_path_buf()));
        assert_eq!(again.data().positions.get("a"), Some(&place(3, 12)));
        assert_eq!(again.data().last.as_deref(), Some("a"));
        assert_eq!(again.data().bookmarks, vec![b.clone()]);
        s.change(Change::ToggleBookmark(b));
        assert!(
            State::open(Some(dir.path().to_path_buf()))
                .data()
                .bookmarks
                .is_empty()
        );
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("state.toml"), "this is = = not toml").unwrap();
        let mut s = State::open(Some(dir.path().to_path_buf()));
        let w = s.take_warning().unwrap();
        assert!(w.starts_with(strings::STATE_CORRUPT), "{w}");
        let moved: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("state.toml.corrupt-")
            })
            .collect();
        assert_eq!(moved.len(), 1);
        assert_eq!(
            fs::read_to_string(moved[0].path()).unwrap(),
            "this is = = not toml"
        );
        s.change(Change::Last("b".into()));
        assert_eq!(
            State::open(Some(dir.path().to_path_buf()))
                .data()
                .last
                .as_deref(),
            Some("b")
        );
    }

    fn aside_files(dir: &Path) -> Vec<PathBuf> {
        fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().contains(".corrupt-"))
            .collect()
    }

    #[test]
    fn test_state_file_that_is_not_utf8_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let bad: Vec<u8> = (0..4096u32)
            .map(|i| (i * 7919 % 251) as u8 | 0x80)
            .collect();
        fs::write(dir.path().join("state.toml"), &bad).unwrap();
        let mut s = State::open(Some(dir.path().to_path_buf()));
        let w = s.take_warning().unwrap();
        assert!(w.starts_with(strings::STATE_CORRUPT), "{w}");
        assert_eq!(aside_files(dir.path()).len(), 1);
        s.change(Change::Last("k".into()));
        let again = State::open(Some(dir.path().to_path_buf()));
        assert_eq!(
            again.data().last.as_deref(),
            Some("k"),
            "saving works again"
        );
    }

    #[test]
    fn a_state_file_of_the_wrong_shape_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("state.toml"), "positions = 3\n").unwrap();
        let mut s = State::open(Some(dir.path().to_path_buf()));
        assert!(s.take_warning().is_some());
        assert_eq!(aside_files(dir.path()).len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn test_fifo_in_place_of_state_or_lock_does_not_block() {
        for name in ["state.toml", "state.lock"] {
            let dir = tempfile::tempdir().unwrap();
            let fifo = dir.path().join(name);
            let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).unwrap();
            // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            let mut s = State::open(Some(dir.path().to_path_buf()));
            s.change(Change::Last("k".into()));
            let again = State::open(Some(dir.path().to_path_buf()));
            assert_eq!(again.data().last.as_deref(), Some("k"), "{name}");
            assert!(fs::metadata(&fifo).unwrap().is_file(), "{name} replaced");
        }
    }

    #[cfg(unix)]
    #[test]
    fn test_temp_file_symlink_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("precious.txt");
        fs::write(&target, "keep me").unwrap();
        let planted = dir
            .path()
            .join(format!("{TEMP_PREFIX}{}", std::process::id()));
        std::os::unix::fs::symlink(&target, &planted).unwrap();
        // A stale temporary file left by a killed writer is removed too.
        let stale = dir.path().join(format!("{TEMP_PREFIX}999999"));
        fs::write(&stale, "x".repeat(1 << 20)).unwrap();
        let mut s = State::open(Some(dir.path().to_path_buf()));
        s.change(Change::Last("k".into()));
        assert_eq!(fs::read_to_string(&target).unwrap(), "keep me");
        assert!(!stale.exists() && !planted.exists());
        let again = State::open(Some(dir.path().to_path_buf()));
        assert_eq!(again.data().last.as_deref(), Some("k"));
    }

    #[test]
    fn an_unwritable_folder_is_a_warning_not_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        fs::write(&file, "x").unwrap();
        let mut s = State::open(Some(file.join("state")));
        assert!(s.take_warning().is_some());
        s.change(Change::Last("c".into()));
        assert_eq!(s.data().last.as_deref(), Some("c"), "kept in memory");
    }

    #[test]
    fn two_states_on_one_folder_keep_both_updates() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = State::open(Some(dir.path().to_path_buf()));
        let mut b = State::open(Some(dir.path().to_path_buf()));
        a.change(Change::Position("x".into(), place(1, 0)));
        b.change(Change::Position("y".into(), place(2, 0)));
        let c = State::open(Some(dir.path().to_path_buf()));
        assert_eq!(c.data().positions.len(), 2);
    }

    #[test]
    fn article_keys_depend_on_text_only() {
        let mut a = Library::embedded().articles.remove(0);
        let k = article_key(&a);
        assert_eq!(k.len(), 16);
        a.path = Some("/elsewhere/x.txt".into());
        a.encoding = "GBK".into();
        assert_eq!(article_key(&a), k);
        a.sections[1].paragraphs[0].push('。');
        assert_ne!(article_key(&a), k);
    }
}
