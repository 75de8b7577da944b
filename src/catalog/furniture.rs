//! The furniture each source's articles share, kept up to date as articles are stored: for
//! each article its source (the feed, else the host of its address, else its folder) and the
//! keys of its body lines; for each source how many articles were counted and in how many of
//! them each line occurs. An article read back loses the lines its source repeats (to
//! `dropped`, with the reason `furniture`), so the reader, the source view and `--json` over
//! the library all show the same decision, and it improves as the library grows.

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{OptionalExtension, params};

use super::{Catalog, CatalogError};
use crate::article::Article;
use crate::article::furniture::{self, MIN_ARTICLES};
use crate::model::ArticleId;

/// Line keys as the `lines` column holds them: 8 bytes each, little-endian.
fn encode(keys: &[u64]) -> Vec<u8> {
    keys.iter().flat_map(|k| k.to_le_bytes()).collect()
}

fn decode(bytes: &[u8]) -> Vec<u64> {
    bytes
        .chunks_exact(8)
        .filter_map(|c| c.try_into().ok().map(u64::from_le_bytes))
        .collect()
}

/// SQLite keeps integers signed; a key is stored as the same 64 bits.
fn signed(key: u64) -> i64 {
    i64::from_ne_bytes(key.to_ne_bytes())
}

/// The most keys one lookup reads. An article's keys are looked up in chunks of a power of
/// two up to this (64, then 32, 16, … 1 for the rest), so a handful of cached statements
/// serve every article and each takes a few statements instead of one per line.
const CHUNK: usize = 64;

/// The sizes of the chunks `n` keys go in, largest first.
fn chunks(mut n: usize) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let size = if n >= CHUNK {
            CHUNK
        } else {
            1 << n.checked_ilog2()?
        };
        n -= size;
        Some(size)
    })
}

/// The statement adding one of an article's keys to its source's counts: `?1` the source,
/// `?2` the key. One row a statement: a statement writing many rows, any of which could fail,
/// first copies every page it changes to a statement journal so that it alone can be undone
/// (about 40 pages of 4 KiB an article, to a temporary file or in memory), which costs more
/// than the statements it saves.
const COUNT_SQL: &str = "INSERT INTO furniture (source, line, count) VALUES (?1, ?2, 1)
     ON CONFLICT (source, line) DO UPDATE SET count = count + 1";

/// The statement reading how many of its source's articles print each of `n` keys: `?1` the
/// source, `?2`… the keys; keys never counted give no row.
fn lookup_sql(n: usize) -> String {
    let keys: Vec<String> = (2..n + 2).map(|i| format!("?{i}")).collect();
    format!(
        "SELECT line, count FROM furniture WHERE source = ?1 AND line IN ({})",
        keys.join(", ")
    )
}

/// The parameters of one chunk's statement: the source, then the keys.
fn chunk_params<'a>(
    source: &'a str,
    keys: &'a [i64],
) -> rusqlite::ParamsFromIter<impl Iterator<Item = ToSqlOutput<'a>>> {
    let source = ToSqlOutput::Borrowed(ValueRef::Text(source.as_bytes()));
    let keys = keys
        .iter()
        .map(|&k| ToSqlOutput::Borrowed(ValueRef::Integer(k)));
    rusqlite::params_from_iter(std::iter::once(source).chain(keys))
}

impl Catalog {
    /// The parsed article `id`, if the catalog has it, without the lines its source repeats
    /// (moved to `dropped` as furniture): the article as the reader shows it.
    pub fn article(&self, id: ArticleId) -> Result<Option<Article>, CatalogError> {
        let Some(mut article) = self.parsed(id)? else {
            return Ok(None);
        };
        self.strip_furniture(id.0, &mut article)?;
        Ok(Some(article))
    }

    /// Counts `article`'s lines under `source` (none: not counted), in place of whatever was
    /// counted for article `id` before.
    pub(super) fn count_lines(
        &self,
        id: i64,
        source: Option<String>,
        article: &Article,
    ) -> Result<(), CatalogError> {
        self.count_keys(id, source, &furniture::keys(article))
    }

    /// [`Catalog::count_lines`] with the article's line keys ([`furniture::keys`]) made
    /// already, as [`super::Packed`] holds them.
    pub(super) fn count_keys(
        &self,
        id: i64,
        source: Option<String>,
        keys: &[u64],
    ) -> Result<(), CatalogError> {
        let before = self.counted(id)?;
        let lines = encode(keys);
        if before
            .as_ref()
            .is_some_and(|(s, l)| Some(s) == source.as_ref() && *l == lines)
        {
            return Ok(());
        }
        self.uncount(id, before)?;
        let Some(source) = source else {
            return Ok(());
        };
        self.conn
            .prepare_cached(
                "INSERT INTO furniture_sources (source, articles) VALUES (?1, 1)
                 ON CONFLICT (source) DO UPDATE SET articles = articles + 1",
            )?
            .execute(params![source])?;
        let mut count = self.conn.prepare_cached(COUNT_SQL)?;
        for &k in keys {
            count.execute(params![source, signed(k)])?;
        }
        self.conn
            .prepare_cached("INSERT INTO article_lines (id, source, lines) VALUES (?1, ?2, ?3)")?
            .execute(params![id, source, lines])?;
        Ok(())
    }

    /// Takes article `id`'s lines out of its source's counts (it failed, or went away).
    pub(super) fn forget_lines(&self, id: i64) -> Result<(), CatalogError> {
        self.uncount(id, self.counted(id)?)
    }

    /// The source and line keys article `id` was counted under, if it was.
    fn counted(&self, id: i64) -> Result<Option<(String, Vec<u8>)>, CatalogError> {
        Ok(self
            .conn
            .prepare_cached("SELECT source, lines FROM article_lines WHERE id = ?1")?
            .query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// [`Catalog::forget_lines`] with what [`Catalog::counted`] gave for article `id` (a new
    /// article was never counted: nothing to read again nor to take out).
    fn uncount(&self, id: i64, before: Option<(String, Vec<u8>)>) -> Result<(), CatalogError> {
        let Some((source, lines)) = before else {
            return Ok(());
        };
        self.conn
            .prepare_cached(
                "UPDATE furniture_sources SET articles = articles - 1 WHERE source = ?1",
            )?
            .execute(params![source])?;
        let mut less = self.conn.prepare_cached(
            "UPDATE furniture SET count = count - 1 WHERE source = ?1 AND line = ?2",
        )?;
        let mut gone = self.conn.prepare_cached(
            "DELETE FROM furniture WHERE source = ?1 AND line = ?2 AND count <= 0",
        )?;
        for k in decode(&lines) {
            less.execute(params![source, signed(k)])?;
            gone.execute(params![source, signed(k)])?;
        }
        self.conn
            .prepare_cached("DELETE FROM article_lines WHERE id = ?1")?
            .execute(params![id])?;
        Ok(())
    }

    /// Moves the lines of article `id` that its source repeats to `dropped`, with the reason
    /// `furniture`.
    fn strip_furniture(&self, id: i64, article: &mut Article) -> Result<(), CatalogError> {
        let known: Option<(String, Vec<u8>, u32)> = self
            .conn
            .prepare_cached(
                "SELECT a.source, a.lines, s.articles FROM article_lines a
                 JOIN furniture_sources s ON s.source = a.source WHERE a.id = ?1",
            )?
            .query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((source, lines, articles)) = known else {
            return Ok(());
        };
        if articles < MIN_ARTICLES {
            return Ok(());
        }
        let keys: Vec<i64> = decode(&lines).into_iter().map(signed).collect();
        let mut found = std::collections::HashSet::new();
        let mut rest = keys.as_slice();
        for size in chunks(keys.len()) {
            let (chunk, after) = rest.split_at(size);
            rest = after;
            let mut lookup = self.conn.prepare_cached(&lookup_sql(size))?;
            let mut rows = lookup.query(chunk_params(&source, chunk))?;
            while let Some(row) = rows.next()? {
                let (k, n): (i64, u32) = (row.get(0)?, row.get(1)?);
                if furniture::is_furniture(n, articles) {
                    found.insert(k);
                }
            }
        }
        if !found.is_empty() {
            furniture::strip(article, |k| found.contains(&signed(k)));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
