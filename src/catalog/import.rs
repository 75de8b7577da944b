//! The state file of earlier versions (`state.toml`: the last open article, positions and
//! bookmarks), imported into the catalog once and then renamed `state.toml.imported`. Its
//! places name a block index and a byte offset; they are kept as such
//! ([`StoredPlace::Legacy`]) and turned into sections and paragraphs when their article is
//! next open. A file that cannot be used is moved aside with a message, as before.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::{Catalog, aside_name};
use crate::decode::sanitize_line;
use crate::files::{ReadError, read_capped};
use crate::model::{Bookmark, StoredPlace};
use crate::strings;

/// The file's name in the data folder.
const STATE_FILE: &str = "state.toml";

/// The largest state file read; anything larger is not one a reader wrote.
const MAX_STATE_BYTES: u64 = 512 << 20;

/// The setting that records the import, so it happens once even if the rename failed.
const IMPORTED: &str = "state_imported";

#[derive(Debug, Default, Deserialize)]
struct StateData {
    #[serde(default)]
    last: Option<String>,
    #[serde(default)]
    positions: BTreeMap<String, OldPlace>,
    #[serde(default)]
    bookmarks: Vec<OldBookmark>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
struct OldPlace {
    block: usize,
    offset: usize,
}

#[derive(Debug, Deserialize)]
struct OldBookmark {
    article: String,
    place: OldPlace,
    title: String,
    snippet: String,
}

impl OldPlace {
    fn stored(self) -> StoredPlace {
        StoredPlace::Legacy {
            block: u32::try_from(self.block).unwrap_or(u32::MAX),
            offset: u32::try_from(self.offset).unwrap_or(u32::MAX),
        }
    }
}

/// Imports `dir/state.toml` when there is one and it was not imported before; returns
/// warnings for the status bar.
pub(super) fn import_state_once(catalog: &mut Catalog, dir: &Path) -> Vec<String> {
    let file = dir.join(STATE_FILE);
    if !file.exists() && std::fs::symlink_metadata(&file).is_err() {
        return Vec::new();
    }
    if catalog.setting(IMPORTED).ok().flatten().is_some() {
        return Vec::new();
    }
    let mut warnings = Vec::new();
    let data = match read(&file) {
        Ok(data) => data,
        Err(()) => {
            let aside = aside_name(&file);
            match std::fs::rename(&file, &aside) {
                Ok(()) => warnings.push(format!(
                    "{}{}",
                    strings::STATE_CORRUPT,
                    sanitize_line(&aside.to_string_lossy())
                )),
                Err(e) => warnings.push(sanitize_line(&format!(
                    "{}{}: {e}",
                    strings::STATE_UNWRITABLE,
                    dir.to_string_lossy()
                ))),
            }
            None
        }
    };
    let imported = catalog.batch(|c| {
        if let Some(data) = &data {
            for (key, place) in &data.positions {
                if c.position(key)?.is_none() {
                    c.set_position(key, place.stored())?;
                }
            }
            let known = c.bookmarks()?;
            for b in &data.bookmarks {
                let mark = Bookmark {
                    key: b.article.clone(),
                    place: b.place.stored(),
                    title: sanitize_line(&b.title),
                    snippet: sanitize_line(&b.snippet),
                };
                if !known.contains(&mark) {
                    c.toggle_bookmark(&mark)?;
                }
            }
            if let Some(last) = &data.last
                && c.last()?.is_none()
            {
                c.set_last(last)?;
            }
        }
        c.set_setting(IMPORTED, "1")
    });
    match imported {
        Ok(()) if data.is_some() => {
            let mut done = file.as_os_str().to_owned();
            done.push(".imported");
            let _ = std::fs::rename(&file, done);
        }
        Ok(()) => {}
        Err(e) => warnings.push(sanitize_line(&format!(
            "{}{e}",
            strings::STATE_IMPORT_FAILED
        ))),
    }
    warnings
}

/// The state file's contents; `Err` for a file that cannot be used (bad bytes, bad TOML, the
/// wrong shape, too large, not a regular file). `Ok(None)` when it vanished.
fn read(file: &Path) -> Result<Option<StateData>, ()> {
    match read_capped(file, MAX_STATE_BYTES) {
        Ok(bytes) => String::from_utf8(bytes)
            .ok()
            .and_then(|text| toml::from_str::<StateData>(&text).ok())
            .map(Some)
            .ok_or(()),
        Err(ReadError::NotFound) => Ok(None),
        Err(_) => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATE: &str = "last = \"k1\"\n\
        [positions.k1]\nblock = 7\noffset = 12\n\
        [positions.k2]\nblock = 3\noffset = 0\n\
        [[bookmarks]]\narticle = \"k1\"\ntitle = \"标题\"\nsnippet = \"工作有干劲\"\n\
        [bookmarks.place]\nblock = 9\noffset = 0\n";

    #[test]
    fn state_toml_is_imported_once_and_renamed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(STATE_FILE), STATE).unwrap();
        let (c, warnings) = Catalog::open(Some(dir.path()));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(c.last().unwrap().as_deref(), Some("k1"));
        assert_eq!(
            c.position("k1").unwrap(),
            Some(StoredPlace::Legacy {
                block: 7,
                offset: 12
            })
        );
        assert!(c.position("k2").unwrap().is_some());
        let marks = c.bookmarks().unwrap();
        assert_eq!(marks.len(), 1);
        assert_eq!(marks[0].snippet, "工作有干劲");
        assert!(!dir.path().join(STATE_FILE).exists());
        assert!(dir.path().join("state.toml.imported").exists());
        drop(c);
        // A state file appearing again later is not imported over the catalog.
        std::fs::write(dir.path().join(STATE_FILE), "last = \"other\"\n").unwrap();
        let (c, _) = Catalog::open(Some(dir.path()));
        assert_eq!(c.last().unwrap().as_deref(), Some("k1"));
    }

    #[test]
    fn a_state_file_that_cannot_be_used_is_moved_aside() {
        for bad in [
            &b"last = [unclosed"[..],
            b"\xff\xfe\x80 not utf-8",
            b"positions = 3\n",
        ] {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join(STATE_FILE), bad).unwrap();
            let (c, warnings) = Catalog::open(Some(dir.path()));
            assert_eq!(warnings.len(), 1, "{warnings:?}");
            assert!(
                warnings[0].starts_with(strings::STATE_CORRUPT),
                "{warnings:?}"
            );
            assert!(c.last().unwrap().is_none());
            let aside = std::fs::read_dir(dir.path())
                .unwrap()
                .filter_map(|e| e.ok())
                .filter(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .starts_with("state.toml.corrupt-")
                })
                .count();
            assert_eq!(aside, 1);
        }
    }
}
