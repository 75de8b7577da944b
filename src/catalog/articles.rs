//! Articles in the catalog: one row per file (or embedded or feed article) with what the
//! Articles list shows, the file's size and time so that an unchanged file is not parsed
//! again, and the parsed article itself in a table of its own (so that listing never reads
//! it).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};

use super::blob::{self, Packed};
use super::queries::{ENTRIES_UNDER, FILE_STATES_UNDER, PARSED_IDS};
use super::{Catalog, CatalogError};
use crate::article::Article;
use crate::article::furniture::source_of;
use crate::model::{ArticleId, Entry, Origin};

/// A stable key for an article's text: FNV-1a over its title, headings and paragraphs, as
/// 16 hex digits. The same text gives the same key on every run and every machine, so a file
/// that is moved or saved again unchanged keeps its reading position and bookmarks.
pub fn text_key(article: &Article) -> String {
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

/// How an [`Origin`] is written in the catalog's `origin` column, and read back.
pub(super) trait OriginKey {
    /// The column's text for this origin.
    fn key(&self) -> String;
    /// The origin a column's text names.
    fn from_key(key: &str) -> Self;
}

impl OriginKey for Origin {
    fn key(&self) -> String {
        match self {
            Origin::File(p) => p.to_string_lossy().into_owned(),
            Origin::Embedded(name) => format!("{EMBEDDED_PREFIX}{name}"),
            Origin::Item(guid) => format!("{ITEM_PREFIX}{guid}"),
        }
    }

    fn from_key(key: &str) -> Origin {
        if let Some(name) = key.strip_prefix(EMBEDDED_PREFIX) {
            Origin::Embedded(name.to_string())
        } else if let Some(guid) = key.strip_prefix(ITEM_PREFIX) {
            Origin::Item(guid.to_string())
        } else {
            Origin::File(PathBuf::from(key))
        }
    }
}

const EMBEDDED_PREFIX: &str = "embedded:";
const ITEM_PREFIX: &str = "item:";

/// A file the catalog remembers as unreadable: its path and why.
pub type Failure = (PathBuf, String);

/// What the catalog remembers of a file, to tell whether it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState {
    /// The article's number.
    pub id: ArticleId,
    /// Size in bytes when it was read.
    pub size: u64,
    /// Modification time (nanoseconds since the epoch) when it was read.
    pub mtime: i64,
    /// The parser version that read it.
    pub parser: u32,
}

/// What reading a file gave.
#[derive(Debug)]
pub enum Outcome<'a> {
    /// The article, and the key its positions are kept under.
    Article(&'a Article, &'a str),
    /// The article, its key, and its stored form made beforehand.
    Packed(&'a Article, &'a str, &'a Packed),
    /// Why it could not be read (a message for the user).
    Failed(&'a str),
}

impl Catalog {
    /// Records what reading the article at `origin` gave, creating or replacing its row, and
    /// returns its number (the same number as before for a known origin).
    pub fn put(
        &mut self,
        origin: &Origin,
        size: u64,
        mtime: i64,
        parser: u32,
        outcome: Outcome<'_>,
    ) -> Result<ArticleId, CatalogError> {
        let origin_key = origin.key();
        let size = i64::try_from(size).unwrap_or(i64::MAX);
        let (key, title, date, time, source, encoding, sections, error) = match &outcome {
            Outcome::Article(a, key) | Outcome::Packed(a, key, _) => (
                Some(*key),
                a.title.as_str(),
                a.date.as_deref(),
                a.time.as_deref(),
                a.source.as_deref(),
                Some(a.encoding.as_str()),
                i64::try_from(a.sections.len()).unwrap_or(i64::MAX),
                None,
            ),
            Outcome::Failed(why) => (None, "", None, None, None, None, 0, Some(*why)),
        };
        let id: Option<i64> = self.write_returning(
            "INSERT INTO articles (origin, key, size, mtime, parser, title, date, time, source,
                                   encoding, sections, error)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT (origin) DO UPDATE SET
                key = excluded.key, size = excluded.size, mtime = excluded.mtime,
                parser = excluded.parser, title = excluded.title, date = excluded.date,
                time = excluded.time, source = excluded.source,
                encoding = excluded.encoding, sections = excluded.sections,
                error = excluded.error
             RETURNING id",
            params![
                origin_key, key, size, mtime, parser, title, date, time, source, encoding,
                sections, error
            ],
            |r| r.get(0),
        )?;
        let id = id.ok_or(CatalogError::Sqlite(rusqlite::Error::QueryReturnedNoRows))?;
        match outcome {
            Outcome::Article(a, _) | Outcome::Packed(a, _, _) => {
                let data = match outcome {
                    Outcome::Packed(_, _, packed) => std::borrow::Cow::Borrowed(&packed.bytes),
                    _ => std::borrow::Cow::Owned(blob::encode(a)?),
                };
                self.conn
                    .prepare_cached("INSERT OR REPLACE INTO parsed (id, data) VALUES (?1, ?2)")?
                    .execute(params![id, data.as_slice()])?;
                // A feed item is counted under its feed, by the caller.
                if let Origin::File(path) = origin {
                    let source = source_of(None, a.url.as_deref(), Some(path));
                    match outcome {
                        Outcome::Packed(_, _, packed) => {
                            self.count_keys(id, source, &packed.lines)?
                        }
                        _ => self.count_lines(id, source, a)?,
                    }
                }
            }
            Outcome::Failed(_) => {
                self.conn
                    .execute("DELETE FROM parsed WHERE id = ?1", params![id])?;
                self.forget_lines(id)?;
            }
        }
        Ok(ArticleId(id))
    }

    /// Forgets an article (a file that was removed).
    pub fn remove(&mut self, id: ArticleId) -> Result<(), CatalogError> {
        self.forget_lines(id.0)?;
        self.conn
            .execute("DELETE FROM articles WHERE id = ?1", params![id.0])?;
        Ok(())
    }

    /// The parsed article `id` as it was stored, furniture and all (what the search index
    /// holds); [`Catalog::article`] gives it as the reader shows it.
    pub fn parsed(&self, id: ArticleId) -> Result<Option<Article>, CatalogError> {
        let data: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT data FROM parsed WHERE id = ?1",
                params![id.0],
                |r| r.get(0),
            )
            .optional()?;
        data.map(|d| blob::decode(&d)).transpose()
    }

    /// The list entries of the articles that come from `roots` (files, or files under
    /// folders), and the failures recorded for them as (path, message). Embedded articles
    /// are asked for by name with [`Catalog::embedded_entry`].
    pub fn entries_under(
        &self,
        roots: &[PathBuf],
    ) -> Result<(Vec<Entry>, Vec<Failure>), CatalogError> {
        let mut entries = Vec::new();
        let mut failures = Vec::new();
        let mut stmt = self.conn.prepare_cached(ENTRIES_UNDER)?;
        let mut seen = std::collections::HashSet::new();
        for root in roots {
            let (exact, low, high) = range(root);
            let rows = stmt.query_map(params![exact, low, high], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, i64>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, bool>(8)?,
                    r.get::<_, Option<String>>(9)?,
                ))
            })?;
            for row in rows {
                let (id, origin, key, title, date, source, sections, error, read, time) = row?;
                if !seen.insert(id) {
                    continue;
                }
                match (error, key) {
                    (Some(why), _) => failures.push((PathBuf::from(&origin), why)),
                    (None, None) => {}
                    (None, Some(key)) => entries.push(Entry {
                        id: ArticleId(id),
                        origin: Origin::from_key(&origin),
                        key,
                        title,
                        date,
                        time,
                        source,
                        sections: u32::try_from(sections).unwrap_or(0),
                        read,
                        feeds: Vec::new(),
                    }),
                }
            }
        }
        Ok((entries, failures))
    }

    /// The list entry of the embedded article `name`, if the catalog has it.
    pub fn embedded_entry(&self, name: &str) -> Result<Option<Entry>, CatalogError> {
        let origin = Origin::Embedded(name.to_string());
        self.conn
            .query_row(
                "SELECT id, articles.key, title, date, source, sections, reads.key IS NOT NULL,
                        time
                 FROM articles LEFT JOIN reads ON reads.key = articles.key
                 WHERE origin = ?1 AND error IS NULL AND articles.key IS NOT NULL",
                params![origin.key()],
                |r| {
                    Ok(Entry {
                        id: ArticleId(r.get(0)?),
                        origin: origin.clone(),
                        key: r.get(1)?,
                        title: r.get(2)?,
                        date: r.get(3)?,
                        time: r.get(7)?,
                        source: r.get(4)?,
                        sections: u32::try_from(r.get::<_, i64>(5)?).unwrap_or(0),
                        read: r.get(6)?,
                        feeds: Vec::new(),
                    })
                },
            )
            .optional()
            .map_err(CatalogError::from)
    }

    /// What the catalog remembers of every file from `roots`, by path.
    pub fn file_states_under(
        &self,
        roots: &[PathBuf],
    ) -> Result<HashMap<PathBuf, FileState>, CatalogError> {
        let mut out = HashMap::new();
        let mut stmt = self.conn.prepare_cached(FILE_STATES_UNDER)?;
        for root in roots {
            let (exact, low, high) = range(root);
            let rows = stmt.query_map(params![exact, low, high], |r| {
                Ok((
                    r.get::<_, String>(1)?,
                    FileState {
                        id: ArticleId(r.get(0)?),
                        size: u64::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                        mtime: r.get(3)?,
                        parser: u32::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
                    },
                ))
            })?;
            for row in rows {
                let (origin, state) = row?;
                out.insert(PathBuf::from(origin), state);
            }
        }
        Ok(out)
    }

    /// The numbers of every article whose parsed form the catalog holds, ascending.
    pub fn parsed_ids(&self) -> Result<Vec<ArticleId>, CatalogError> {
        let mut stmt = self.conn.prepare_cached(PARSED_IDS)?;
        let rows = stmt.query_map([], |r| r.get::<_, i64>(0).map(ArticleId))?;
        rows.collect::<Result<_, _>>().map_err(CatalogError::from)
    }

    /// How many articles the catalog knows, failures included.
    pub fn len(&self) -> Result<usize, CatalogError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Whether the catalog knows no article.
    pub fn is_empty(&self) -> Result<bool, CatalogError> {
        Ok(self.len()? == 0)
    }
}

/// The origin keys of a root and of everything under it: the root itself, and the range
/// strictly between `root/` and `root0` (`0` follows `/` in byte order).
fn range(root: &Path) -> (String, String, String) {
    let exact = root.to_string_lossy().trim_end_matches('/').to_string();
    let low = format!("{exact}/");
    let high = format!("{exact}0");
    (exact, low, high)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Article {
        crate::library::Library::embedded().articles.remove(0)
    }

    #[test]
    fn keys_depend_on_text_only() {
        let mut a = sample();
        let k = text_key(&a);
        assert_eq!(k.len(), 16);
        a.path = Some("/elsewhere/x.txt".into());
        a.encoding = "GBK".into();
        assert_eq!(text_key(&a), k);
        a.sections[1].paragraphs[0].push('。');
        assert_ne!(text_key(&a), k);
    }

    #[test]
    fn files_are_stored_listed_and_replaced_under_their_roots() {
        let mut c = Catalog::memory();
        let a = sample();
        let key = text_key(&a);
        let news = PathBuf::from("/news");
        let one = Origin::File(news.join("a/one.txt"));
        let id = c.put(&one, 10, 20, 1, Outcome::Article(&a, &key)).unwrap();
        let bad = Origin::File(news.join("bad.txt"));
        c.put(&bad, 3, 4, 1, Outcome::Failed("binary file"))
            .unwrap();
        let elsewhere = Origin::File(PathBuf::from("/news-old/x.txt"));
        c.put(&elsewhere, 1, 1, 1, Outcome::Article(&a, &key))
            .unwrap();
        let (entries, failures) = c.entries_under(std::slice::from_ref(&news)).unwrap();
        assert_eq!(entries.len(), 1, "/news-old is not under /news");
        assert_eq!(entries[0].id, id);
        assert_eq!(entries[0].title, a.title);
        assert_eq!(entries[0].sections, 4);
        assert_eq!(
            failures,
            vec![(news.join("bad.txt"), "binary file".to_string())]
        );
        assert_eq!(c.article(id).unwrap().as_ref(), Some(&a));
        let states = c.file_states_under(&[news.join("a/one.txt")]).unwrap();
        assert_eq!(
            states[&news.join("a/one.txt")],
            FileState {
                id,
                size: 10,
                mtime: 20,
                parser: 1
            }
        );
        // Replacing keeps the number; a failure drops the stored article.
        let again = c.put(&one, 11, 21, 1, Outcome::Failed("gone bad")).unwrap();
        assert_eq!(again, id);
        assert_eq!(c.article(id).unwrap(), None);
        c.remove(id).unwrap();
        assert_eq!(c.len().unwrap(), 2);
    }
}
