//! The catalog's tables, as numbered migrations. `PRAGMA user_version` says how many have
//! run; a database made by a newer program (a version above the last one here) is left
//! alone.
//!
//! Any number of processes may open one library at once, also while it is first created or
//! upgraded, so [`migrate`] runs every missing migration inside one `BEGIN IMMEDIATE`
//! transaction (the write lock, waited for with the busy timeout), reads `user_version`
//! again once it holds the lock (another process may have done the work meanwhile), and
//! every step is idempotent: running a step twice, or on a database where part of it
//! already exists, changes nothing. Nothing here deletes or replaces the database file.
//!
//! # Adding a table or a column
//!
//! Append one entry to [`MIGRATIONS`]; never change or reorder an entry that has landed
//! (databases out there have run it). The entry is a list of [`Step`]s:
//! - [`Step::Sql`] for statements that are safe to run again: `CREATE TABLE IF NOT EXISTS`,
//!   `CREATE INDEX IF NOT EXISTS`, `INSERT OR IGNORE`, `UPDATE … WHERE` that finds nothing
//!   the second time.
//! - [`Step::Column`] for a new column (SQLite has no `ADD COLUMN IF NOT EXISTS`): it is
//!   added only when the table lacks it.
//! - [`Step::Rust`] for a change SQL cannot say (rewriting values); it runs inside the same
//!   transaction and must itself be idempotent.
//!
//! ```text
//! // 7: what a new feature keeps.
//! &[
//!     Step::Sql("CREATE TABLE IF NOT EXISTS things (id INTEGER PRIMARY KEY, …);"),
//!     Step::Column { table: "articles", column: "thing", definition: "INTEGER" },
//! ],
//! ```
//!
//! The test `every_migration_is_idempotent` runs each step twice; a new step that is not
//! idempotent fails it.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::CatalogError;

/// One idempotent step of a migration.
#[derive(Clone, Copy)]
pub(super) enum Step {
    /// Statements that change nothing when run a second time (`IF NOT EXISTS`, …).
    Sql(&'static str),
    /// A column added to `table` unless it has one of that name already.
    Column {
        /// The table.
        table: &'static str,
        /// The new column's name.
        column: &'static str,
        /// Its type and constraints, as after `ADD COLUMN name`.
        definition: &'static str,
    },
    /// A change written in Rust (rewriting values), run in the migration's transaction; it
    /// must change nothing when run a second time.
    Rust(fn(&Transaction<'_>) -> Result<(), CatalogError>),
}

/// Each migration, in order; migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&[Step]] = &[
    // 1: articles and what the lists show, their parsed form, and what the reader remembers.
    &[Step::Sql(
        "CREATE TABLE IF NOT EXISTS articles (
            id INTEGER PRIMARY KEY,
            -- Where the article comes from: a file's absolute path, `embedded:NAME`, or a
            -- feed item's address.
            origin TEXT NOT NULL UNIQUE,
            -- What positions, bookmarks and read marks are kept under: a hash of the text
            -- for files, so a moved file keeps its place.
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
        CREATE INDEX IF NOT EXISTS articles_key ON articles(key);
        CREATE TABLE IF NOT EXISTS parsed (
            id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            data BLOB NOT NULL
        );
        CREATE TABLE IF NOT EXISTS positions (
            key TEXT PRIMARY KEY,
            section INTEGER NOT NULL,
            paragraph INTEGER NOT NULL,
            offset INTEGER NOT NULL,
            -- 1: imported from state.toml, `section` holds a block index and `offset` bytes.
            legacy INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS bookmarks (
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
        CREATE TABLE IF NOT EXISTS reads (
            key TEXT PRIMARY KEY,
            at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS settings (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );",
    )],
    // 2: news feeds and the items they brought (each item is an article, once however many
    // feeds carry it).
    &[
        Step::Sql(
            "CREATE TABLE IF NOT EXISTS feeds (
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
            CREATE TABLE IF NOT EXISTS item_feeds (
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
            CREATE INDEX IF NOT EXISTS item_feeds_feed ON item_feeds(feed);",
        ),
        // A hash of the stored text, to tell an item whose text changed.
        Step::Column {
            table: "articles",
            column: "hash",
            definition: "TEXT",
        },
    ],
    // 3: the login of a feed that needs one (`user:password` from its address), kept out of
    // the address that lists, exports and items show; addresses in normal form.
    &[
        Step::Column {
            table: "feeds",
            column: "secret",
            definition: "TEXT",
        },
        Step::Rust(super::feeds::addresses_in_normal_form),
    ],
    // 4: stars, and sync with a feed server: its subscriptions, which article each of its
    // items is, the server's read and starred state as last seen, and the changes made
    // here that wait to be sent.
    &[Step::Sql(
        "CREATE TABLE IF NOT EXISTS stars (
            key TEXT PRIMARY KEY,
            at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS sync_feeds (
            -- The server's id for the feed (`feed/2`, `42`).
            id TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            title TEXT NOT NULL,
            folder TEXT,
            full_text INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS sync_items (
            -- The server's id for the item (16 hex digits, or a Miniflux entry number).
            remote TEXT PRIMARY KEY,
            id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            feed TEXT NOT NULL,
            -- The server's state as last seen.
            read INTEGER NOT NULL,
            starred INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS sync_items_article ON sync_items(id);
        CREATE INDEX IF NOT EXISTS sync_items_feed ON sync_items(feed);
        CREATE TABLE IF NOT EXISTS sync_queue (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            remote TEXT NOT NULL,
            -- `read` or `star`, and the new value.
            kind TEXT NOT NULL,
            value INTEGER NOT NULL,
            at INTEGER NOT NULL,
            UNIQUE (remote, kind)
        );",
    )],
    // 5: an article's time of day, so that a day's articles sort by time; every feed is
    // fetched whole once more (validators forgotten), so that items stored with a date read
    // from their text get the feed's own date and time.
    &[
        Step::Column {
            table: "articles",
            column: "time",
            definition: "TEXT",
        },
        Step::Sql("UPDATE feeds SET etag = NULL, last_modified = NULL;"),
    ],
    // 6: the furniture of each source (lines repeated across its articles): each article's
    // source and the keys of its body lines, how many articles each source has counted, and
    // in how many of them each line occurs.
    &[Step::Sql(
        "CREATE TABLE IF NOT EXISTS article_lines (
            id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            -- `feed:URL`, `host:HOST` or `dir:FOLDER`.
            source TEXT NOT NULL,
            -- The keys of its lines, 8 bytes each, little-endian.
            lines BLOB NOT NULL
        );
        CREATE TABLE IF NOT EXISTS furniture_sources (
            source TEXT PRIMARY KEY,
            articles INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS furniture (
            source TEXT NOT NULL,
            line INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (source, line)
        ) WITHOUT ROWID;",
    )],
    // 7: what a start reads, apart from the parsed articles. The rows of `articles` lie
    // among the pages of `parsed` (they are written together), so a start with a cold page
    // cache read the whole file: the list and the scan's stamps now come from one covering
    // index, and which articles are parsed from a small index of `parsed`'s ids, a few MB
    // at 50,000 articles.
    &[Step::Sql(
        "CREATE INDEX IF NOT EXISTS articles_list ON articles(
            origin, key, title, date, time, source, sections, error, size, mtime, parser);
        CREATE INDEX IF NOT EXISTS parsed_ids ON parsed(id);",
    )],
];

/// The schema version this program writes.
pub const VERSION: u32 = MIGRATIONS.len() as u32;

/// Brings the database's schema up to [`VERSION`]: nothing to do (one read) when it is
/// there already; else every missing migration in one `BEGIN IMMEDIATE` transaction, after
/// reading the version again under the lock. A database of a newer version is
/// [`CatalogError::Newer`], untouched.
pub(super) fn migrate(conn: &mut Connection) -> Result<(), CatalogError> {
    let current = version(conn)?;
    if current > VERSION {
        return Err(CatalogError::Newer(current));
    }
    if current == VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated while this one waited for the lock.
    let current = version(&tx)?;
    if current > VERSION {
        return Err(CatalogError::Newer(current));
    }
    for steps in MIGRATIONS.iter().skip(current as usize) {
        for step in *steps {
            apply(&tx, *step)?;
        }
    }
    tx.pragma_update(None, "user_version", i64::from(VERSION))?;
    tx.commit()?;
    Ok(())
}

fn version(conn: &Connection) -> Result<u32, CatalogError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

fn apply(tx: &Transaction<'_>, step: Step) -> Result<(), CatalogError> {
    match step {
        Step::Sql(sql) => tx.execute_batch(sql)?,
        Step::Column {
            table,
            column,
            definition,
        } => {
            if !has_column(tx, table, column)? {
                tx.execute_batch(&format!(
                    "ALTER TABLE {table} ADD COLUMN {column} {definition}"
                ))?;
            }
        }
        Step::Rust(run) => run(tx)?,
    }
    Ok(())
}

/// Whether `table` has a column named `column`.
pub(super) fn has_column(
    conn: &Connection,
    table: &str,
    column: &str,
) -> Result<bool, CatalogError> {
    let mut stmt = conn.prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2")?;
    Ok(stmt.exists([table, column])?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Connection) -> Vec<(String, String)> {
        let mut stmt = conn
            .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn every_migration_is_idempotent() {
        let mut once = Connection::open_in_memory().unwrap();
        migrate(&mut once).unwrap();
        let mut twice = Connection::open_in_memory().unwrap();
        let tx = twice.transaction().unwrap();
        for steps in MIGRATIONS {
            for step in *steps {
                apply(&tx, *step).unwrap();
                apply(&tx, *step).unwrap();
            }
        }
        tx.commit().unwrap();
        assert_eq!(tables(&twice), tables(&once));
    }

    #[test]
    fn a_version_behind_its_tables_is_brought_up_without_an_error() {
        // The state a process killed between creating the tables and recording the version
        // would leave if the two were not one transaction; or a migration run by another
        // process whose version write this one did not see.
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), VERSION);
        assert!(has_column(&conn, "articles", "hash").unwrap());
    }

    #[test]
    fn a_start_reads_the_list_from_covering_indexes_only() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        for sql in [
            super::super::queries::ENTRIES_UNDER,
            super::super::queries::FILE_STATES_UNDER,
            super::super::queries::PARSED_IDS,
        ] {
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            let params = ["/n", "/n/", "/n0"];
            let params = &params[..stmt.parameter_count()];
            let plan: Vec<String> = stmt
                .query_map(rusqlite::params_from_iter(params), |r| r.get(3))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let tables: Vec<&String> = plan
                .iter()
                .filter(|p| p.contains("articles") || p.contains("parsed"))
                .collect();
            assert!(!tables.is_empty(), "{sql}: {plan:?}");
            for step in tables {
                assert!(step.contains("COVERING INDEX"), "{sql}: {plan:?}");
            }
        }
    }

    #[test]
    fn a_newer_version_is_left_alone() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", VERSION + 1)
            .unwrap();
        assert!(matches!(migrate(&mut conn), Err(CatalogError::Newer(v)) if v == VERSION + 1));
        assert!(tables(&conn).is_empty());
    }
}
