//! Storing what a fetch came to: a feed's items (new or changed ones written, known ones
//! left as they are), its validators and its error or success.

use rusqlite::{OptionalExtension, params};

use super::super::articles::OriginKey;
use super::super::{Catalog, CatalogError, Outcome, now, text_key};
use super::{Stored, item_key};
use crate::article::PARSER_VERSION;
use crate::feed::secret;
use crate::feed::{FeedItem, FeedOutcome, FullText, Subscription};
use crate::model::{ArticleId, Entry, Origin};

impl Catalog {
    /// Stores what fetching `sub` came to: its items (new or changed ones written, known
    /// ones left as they are), its validators and its error or success. `label` names the
    /// feed as the Articles list shows it (an item's source when its page names none).
    pub fn store_feed(
        &mut self,
        sub: &Subscription,
        label: &str,
        outcome: &FeedOutcome,
    ) -> Result<Stored, CatalogError> {
        let at = now();
        let mut stored = Stored::default();
        let url = secret::public(&sub.url);
        self.batch(|c| {
            match outcome {
                FeedOutcome::NotModified => {
                    c.conn.execute(
                        "UPDATE feeds SET error = NULL, error_at = NULL, success_at = ?2
                         WHERE url = ?1",
                        params![url, at],
                    )?;
                }
                FeedOutcome::Failed(e) => {
                    c.conn.execute(
                        "UPDATE feeds SET error = ?2, error_at = ?3 WHERE url = ?1",
                        params![url, e.problem.to_string(), at],
                    )?;
                }
                FeedOutcome::Updated {
                    validators,
                    title,
                    items,
                    ..
                } => {
                    c.conn.execute(
                        "UPDATE feeds SET etag = ?2, last_modified = ?3, title = ?4,
                            error = NULL, error_at = NULL, success_at = ?5
                         WHERE url = ?1",
                        params![url, validators.etag, validators.last_modified, title, at],
                    )?;
                    for item in items {
                        c.store_item(&url, label, item, at, &mut stored)?;
                    }
                }
            }
            Ok(())
        })?;
        Ok(stored)
    }

    pub(in crate::catalog) fn store_item(
        &mut self,
        feed: &str,
        label: &str,
        item: &FeedItem,
        at: i64,
        stored: &mut Stored,
    ) -> Result<(), CatalogError> {
        let origin = Origin::Item(item.guid.clone());
        let key = item_key(&item.guid);
        type Known = (i64, Option<String>, Option<String>, Option<String>);
        let known: Option<Known> = self
            .conn
            .query_row(
                "SELECT id, hash, date, time FROM articles WHERE origin = ?1",
                params![origin.key()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let mut article = item.article.clone();
        if article.source.is_none() {
            article.source = Some(label.to_string());
        }
        let hash = text_key(&article);
        let keep_stored = matches!(item.full_text, FullText::Known) && known.is_some();
        // The text, or when the item says it was published (a date read from its text before
        // the feed's own date was believed).
        let changed = known.as_ref().is_none_or(|(_, h, date, time)| {
            h.as_deref() != Some(&hash) || *date != article.date || *time != article.time
        });
        let id = match known {
            Some((id, ..)) if keep_stored || !changed => ArticleId(id),
            _ => {
                let id = self.put(
                    &origin,
                    0,
                    0,
                    PARSER_VERSION,
                    Outcome::Article(&article, &key),
                )?;
                self.conn.execute(
                    "UPDATE articles SET hash = ?2 WHERE id = ?1",
                    params![id.0, hash],
                )?;
                let source =
                    crate::article::furniture::source_of(Some(feed), article.url.as_deref(), None);
                self.count_lines(id.0, source, &article)?;
                id
            }
        };
        let published = item.published.map(|t| t.timestamp());
        let full_text = matches!(item.full_text, FullText::Fetched | FullText::Known);
        self.conn.execute(
            "INSERT INTO item_feeds (id, feed, guid, link, published, first_seen, full_text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (id, feed) DO UPDATE SET link = excluded.link,
                published = coalesce(excluded.published, item_feeds.published),
                full_text = max(item_feeds.full_text, excluded.full_text)",
            params![id.0, feed, item.guid, item.link, published, at, full_text],
        )?;
        if changed && !keep_stored {
            let read = self.is_read(&key)?;
            let entry = Entry {
                id,
                origin,
                key,
                title: article.title.clone(),
                date: article.date.clone(),
                time: article.time.clone(),
                source: article.source.clone(),
                sections: u32::try_from(article.sections.len()).unwrap_or(0),
                read,
                feeds: self.feeds_of(id)?,
            };
            if known.is_some() {
                stored.updated.push((entry, article));
            } else {
                stored.new.push((entry, article));
            }
        }
        Ok(())
    }
}
