//! Stars: articles kept to come back to, by key like read marks. A starred article is
//! listed with the bookmarks; with sync on, a star is the server's star, and a star made
//! here is queued for the server in the same transaction that makes it.

use rusqlite::{OptionalExtension, params};

use super::{Catalog, CatalogError, now, sync::enqueue};
use crate::model::ArticleId;
use crate::sync::MarkKind;

/// A starred article, as the bookmarks list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Starred {
    /// The article's key.
    pub key: String,
    /// The article's number, when the catalog holds it.
    pub id: Option<ArticleId>,
    /// Its title (empty when the catalog no longer holds the article).
    pub title: String,
}

impl Catalog {
    /// Whether the article with `key` is starred.
    pub fn is_starred(&self, key: &str) -> Result<bool, CatalogError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM stars WHERE key = ?1", params![key], |_| {
                Ok(())
            })
            .optional()?
            .is_some())
    }

    /// Stars (or unstars) the article with `key`, queueing the change for the sync server
    /// when the article is a synced item; says whether anything changed.
    pub fn set_starred(&mut self, key: &str, on: bool) -> Result<bool, CatalogError> {
        let at = now();
        let tx = self.conn.transaction()?;
        let n = if on {
            tx.execute(
                "INSERT OR IGNORE INTO stars (key, at) VALUES (?1, ?2)",
                params![key, at],
            )?
        } else {
            tx.execute("DELETE FROM stars WHERE key = ?1", params![key])?
        };
        if n > 0 {
            enqueue(&tx, key, MarkKind::Star, on, at)?;
        }
        tx.commit()?;
        Ok(n > 0)
    }

    /// Stars the article with `key` if it is not, else unstars it; says whether it is
    /// starred now.
    pub fn toggle_star(&mut self, key: &str) -> Result<bool, CatalogError> {
        let on = !self.is_starred(key)?;
        self.set_starred(key, on)?;
        Ok(on)
    }

    /// Every starred article, the latest starred first.
    pub fn starred(&self) -> Result<Vec<Starred>, CatalogError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT st.key, min(a.id), coalesce(min(a.title), '') FROM stars st
             LEFT JOIN articles a ON a.key = st.key AND a.error IS NULL
             GROUP BY st.key ORDER BY st.at DESC, st.rowid DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Starred {
                key: r.get(0)?,
                id: r.get::<_, Option<i64>>(1)?.map(ArticleId),
                title: r.get(2)?,
            })
        })?;
        rows.collect::<Result<_, _>>().map_err(CatalogError::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_toggle_and_list_newest_first() {
        let mut c = Catalog::memory();
        assert!(!c.is_starred("a").unwrap());
        assert!(c.toggle_star("a").unwrap());
        assert!(c.set_starred("b", true).unwrap());
        assert!(!c.set_starred("b", true).unwrap(), "already starred");
        assert!(c.is_starred("a").unwrap());
        let keys: Vec<String> = c.starred().unwrap().into_iter().map(|s| s.key).collect();
        assert_eq!(keys, ["b", "a"]);
        assert!(!c.toggle_star("a").unwrap());
        assert_eq!(c.starred().unwrap().len(), 1);
    }
}
