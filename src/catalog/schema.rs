//! The catalog's tables, as numbered migrations applied in order. `PRAGMA user_version` says
//! which have run; a database made by a newer program (a version above the last one here) is
//! left alone.

use rusqlite::Connection;

use super::CatalogError;

/// Each migration, in order; migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: articles and what the lists show, their parsed form, and what the reader remembers.
    "CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        -- Where the article comes from: a file's absolute path, `embedded:NAME`, or a
        -- feed item's address.
        origin TEXT NOT NULL UNIQUE,
        -- What positions, bookmarks and read marks are kept under: a hash of the text for
        -- files, so a moved file keeps its place.
        key TEXT,
        size INTEGER NOT NULL DEFAULT 0,
        mtime INTEGER NOT NULL DEFAULT 0,
        parser INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL,
        date TEXT,
        source TEXT,
        encoding TEXT,
        sections INTEGER NOT NULL DEFAULT 0,
        -- Why the file could not be read; NULL when it was.
        error TEXT
    );
    CREATE INDEX articles_key ON articles(key);
    CREATE TABLE parsed (
        id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        data BLOB NOT NULL
    );
    CREATE TABLE positions (
        key TEXT PRIMARY KEY,
        section INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        offset INTEGER NOT NULL,
        -- 1: imported from state.toml, `section` holds a block index and `offset` bytes.
        legacy INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL
    );
    CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        section INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        offset INTEGER NOT NULL,
        legacy INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL,
        snippet TEXT NOT NULL,
        created INTEGER NOT NULL,
        UNIQUE (key, section, paragraph, offset, legacy)
    );
    CREATE TABLE reads (
        key TEXT PRIMARY KEY,
        at INTEGER NOT NULL
    );
    CREATE TABLE settings (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );",
    // 2: news feeds and the items they brought (each item is an article, once however many
    // feeds carry it).
    "CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        name TEXT,
        full_text INTEGER NOT NULL DEFAULT 0,
        -- 1: subscribed from the command line or OPML; 0: named in the config.
        added INTEGER NOT NULL DEFAULT 1,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        error TEXT,
        error_at INTEGER,
        success_at INTEGER
    );
    CREATE TABLE item_feeds (
        id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        feed TEXT NOT NULL,
        guid TEXT NOT NULL,
        link TEXT,
        published INTEGER,
        first_seen INTEGER NOT NULL,
        -- 1: the stored article was read from the item's page, not the feed.
        full_text INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (id, feed)
    );
    CREATE INDEX item_feeds_feed ON item_feeds(feed);
    -- A hash of the stored text, to tell an item whose text changed.
    ALTER TABLE articles ADD COLUMN hash TEXT;",
];

/// The schema version this program writes.
pub const VERSION: u32 = MIGRATIONS.len() as u32;

/// Brings the database's schema up to [`VERSION`], each step in a transaction of its own.
pub(super) fn migrate(conn: &mut Connection) -> Result<(), CatalogError> {
    let current: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > VERSION {
        return Err(CatalogError::Newer(current));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(
            None,
            "user_version",
            i64::try_from(i + 1).unwrap_or(i64::MAX),
        )?;
        tx.commit()?;
    }
    Ok(())
}
