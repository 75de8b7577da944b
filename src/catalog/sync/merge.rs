//! The three-way merge of a sync and the queue of changes made here: the server's state
//! applied where it changed since last seen (unless a change made here waits for that
//! item), the changes waiting to be sent, and their removal once the server took them.

use std::collections::HashSet;

use rusqlite::{Connection, params};

use super::super::{Catalog, CatalogError, now};
use super::Queued;
use crate::sync::{Mark, MarkKind, RemoteId, ServerState};

impl Catalog {
    /// Applies the server's state: where it changed since last seen, the state here follows,
    /// unless a change made here waits for that item. Returns the keys of the articles
    /// whose read or starred state changed here.
    pub fn apply_server_state(&mut self, state: &ServerState) -> Result<Vec<String>, CatalogError> {
        let queued: HashSet<(String, String)> = {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT remote, kind FROM sync_queue")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let rows: Vec<(String, bool, bool, Option<String>)> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT s.remote, s.read, s.starred, a.key
                 FROM sync_items s JOIN articles a ON a.id = s.id",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let at = now();
        let mut changed = Vec::new();
        self.batch(|c| {
            for (remote, read, starred, key) in rows {
                let Some((r, s)) = state.of(&RemoteId::stored(&remote)) else {
                    continue;
                };
                if (r, s) == (read, starred) {
                    continue;
                }
                c.conn.execute(
                    "UPDATE sync_items SET read = ?2, starred = ?3 WHERE remote = ?1",
                    params![remote, r, s],
                )?;
                let Some(key) = key else { continue };
                let mut any = false;
                for (kind, was, now_) in [(MarkKind::Read, read, r), (MarkKind::Star, starred, s)] {
                    if was != now_ && !queued.contains(&(remote.clone(), kind.name().to_string())) {
                        set_local(&c.conn, &key, kind, now_, at)?;
                        any = true;
                    }
                }
                if any {
                    changed.push(key);
                }
            }
            Ok(())
        })?;
        Ok(changed)
    }

    /// The changes made here that wait to be sent, oldest first, each with the server's
    /// state as last seen.
    pub fn queued_marks(&self) -> Result<Vec<Queued>, CatalogError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT q.seq, q.remote, q.kind, q.value, s.read, s.starred
             FROM sync_queue q LEFT JOIN sync_items s ON s.remote = q.remote
             ORDER BY q.seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, Option<bool>>(4)?,
                r.get::<_, Option<bool>>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, remote, kind, on, read, starred) = row?;
            let Some(kind) = MarkKind::parse(&kind) else {
                continue;
            };
            out.push(Queued {
                seq,
                server: match kind {
                    MarkKind::Read => read,
                    MarkKind::Star => starred,
                },
                mark: Mark {
                    id: RemoteId::stored(&remote),
                    kind,
                    on,
                },
            });
        }
        Ok(out)
    }

    /// Takes sent (or needless) changes out of the queue, and records the server's state
    /// as now set by them. A change made again meanwhile is a new entry and stays.
    pub fn marks_done(&mut self, done: &[Queued]) -> Result<(), CatalogError> {
        self.batch(|c| {
            for q in done {
                c.conn
                    .execute("DELETE FROM sync_queue WHERE seq = ?1", params![q.seq])?;
                let column = match q.mark.kind {
                    MarkKind::Read => "UPDATE sync_items SET read = ?2 WHERE remote = ?1",
                    MarkKind::Star => "UPDATE sync_items SET starred = ?2 WHERE remote = ?1",
                };
                c.conn
                    .execute(column, params![q.mark.id.as_str(), q.mark.on])?;
            }
            Ok(())
        })
    }
}

/// Sets a read mark or star here, without queueing it (it came from the server).
pub(in crate::catalog) fn set_local(
    conn: &Connection,
    key: &str,
    kind: MarkKind,
    on: bool,
    at: i64,
) -> Result<(), rusqlite::Error> {
    let sql = match (kind, on) {
        (MarkKind::Read, true) => "INSERT OR IGNORE INTO reads (key, at) VALUES (?1, ?2)",
        (MarkKind::Read, false) => "DELETE FROM reads WHERE key = ?1 AND ?2 IS NOT NULL",
        (MarkKind::Star, true) => "INSERT OR IGNORE INTO stars (key, at) VALUES (?1, ?2)",
        (MarkKind::Star, false) => "DELETE FROM stars WHERE key = ?1 AND ?2 IS NOT NULL",
    };
    conn.prepare_cached(sql)?.execute(params![key, at])?;
    Ok(())
}

/// Queues a change made here for every synced item that is the article with `key`.
pub(in crate::catalog) fn enqueue(
    conn: &Connection,
    key: &str,
    kind: MarkKind,
    on: bool,
    at: i64,
) -> Result<(), rusqlite::Error> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO sync_queue (remote, kind, value, at)
         SELECT s.remote, ?2, ?3, ?4 FROM sync_items s JOIN articles a ON a.id = s.id
         WHERE a.key = ?1",
    )?
    .execute(params![key, kind.name(), on, at])?;
    Ok(())
}
