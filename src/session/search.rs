//! The search worker: library searches and their excerpts, on a connection of its own. With
//! an index that holds every article, a search asks it (milliseconds, counts only; excerpts
//! follow for the rows on screen); otherwise it reads every listed article and searches it
//! with the in-article matcher, sending results as they are found. A newer search stops the
//! one under way at its next article. Its news is [`Msg::LibraryHits`] and
//! [`Msg::Excerpts`] (and [`Msg::IndexFailed`] or [`Msg::IndexDamaged`] when the index goes
//! wrong: the app then asks again, without it).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
use std::time::{Duration, Instant};

use super::Session;
use super::worker;
use crate::app::{LibraryHit, Msg, Worker};
use crate::catalog::Catalog;
use crate::index::{LibraryIndex, first_match};
use crate::layout::blocks;
use crate::model::ArticleId;
use crate::search::{self, Index};

/// Results found by reading articles are sent this often, so that the list fills as the
/// search goes.
const BATCH: Duration = Duration::from_millis(30);

/// The search worker, started at the first search.
#[derive(Debug, Default)]
pub(super) struct Searcher {
    jobs: Option<Sender<Job>>,
    /// The number of the newest search: an older one stops.
    latest: Arc<AtomicU64>,
    /// Jobs waiting to be done on the session's thread, when there is no worker (a catalog
    /// in memory): done when the session next has time ([`Session::pump`]), so that, as
    /// with the worker, a search typed over is never run.
    pub(super) waiting: Vec<Job>,
}

/// One piece of work for the searcher.
#[derive(Debug)]
pub(super) enum Job {
    /// Search `ids` (or the index) for `query`.
    Search {
        number: u64,
        query: String,
        ids: Vec<ArticleId>,
        indexed: bool,
    },
    /// The first match of `query` in each of `ids`, as a line of context.
    Excerpts { query: String, ids: Vec<ArticleId> },
}

impl Searcher {
    /// Ends the worker after the job under way: the next job starts a new one (with the
    /// index as the session has it then).
    pub(super) fn restart(&mut self) {
        self.jobs = None;
    }

    /// Stops the search under way and ends the worker after it.
    pub(super) fn stop(&mut self) {
        self.latest.fetch_add(1, Ordering::Relaxed);
        self.jobs = None;
        self.waiting.clear();
    }
}

impl Session {
    /// Searches the library ([`crate::app::Effect::SearchLibrary`]); an empty query only
    /// stops the search under way.
    pub(super) fn search_library(&mut self, query: String, ids: Vec<ArticleId>, indexed: bool) {
        let number = self.searcher.latest.fetch_add(1, Ordering::Relaxed) + 1;
        if !query.is_empty() {
            self.hand_to_searcher(Job::Search {
                number,
                query,
                ids,
                indexed,
            });
        }
    }

    /// Finds excerpts for results on screen ([`crate::app::Effect::Excerpts`]).
    pub(super) fn excerpts(&mut self, query: String, ids: Vec<ArticleId>) {
        self.hand_to_searcher(Job::Excerpts { query, ids });
    }

    /// Hands `job` to the worker (started now if need be); with a catalog in memory, which
    /// a thread cannot share, it is done here.
    fn hand_to_searcher(&mut self, job: Job) {
        if self.searcher.jobs.is_none()
            && let Some(Ok(catalog)) = self.catalog.connect()
        {
            let (tx, rx) = mpsc::channel::<Job>();
            let (index, latest) = (self.index.clone(), Arc::clone(&self.searcher.latest));
            let started = worker::spawn(Worker::Search, self.tell.clone(), move |tell| {
                for job in rx {
                    job.run(&catalog, index.as_deref(), &latest, &mut |m| tell.send(m));
                }
            });
            if let Some(handle) = started {
                self.keep(handle);
                self.searcher.jobs = Some(tx);
            }
        }
        let job = match &self.searcher.jobs {
            Some(tx) => match tx.send(job) {
                Ok(()) => return,
                Err(back) => back.0,
            },
            None => job,
        };
        if let Job::Search { .. } = job {
            self.searcher
                .waiting
                .retain(|j| !matches!(j, Job::Search { .. }));
        }
        self.searcher.waiting.push(job);
    }

    /// Does the search jobs waiting on this thread; says whether there were any.
    pub(super) fn search_here(&mut self) -> bool {
        let jobs = std::mem::take(&mut self.searcher.waiting);
        let any = !jobs.is_empty();
        let latest = Arc::clone(&self.searcher.latest);
        for job in jobs {
            let mut news = Vec::new();
            job.run(&self.catalog, self.index.as_deref(), &latest, &mut |m| {
                news.push(m)
            });
            news.into_iter().for_each(|m| self.answer(m));
        }
        self.run();
        any
    }
}

impl Job {
    fn run(
        self,
        catalog: &Catalog,
        index: Option<&LibraryIndex>,
        latest: &AtomicU64,
        tell: &mut dyn FnMut(Msg),
    ) {
        match self {
            Job::Search {
                number,
                query,
                ids,
                indexed,
            } => {
                if indexed && let Some(index) = index {
                    match index.search(&query) {
                        Ok(found) => {
                            let hits = found
                                .into_iter()
                                .filter_map(|h| {
                                    Some(LibraryHit {
                                        id: ArticleId(i64::try_from(h.id).ok()?),
                                        count: h.count,
                                        excerpt: None,
                                    })
                                })
                                .collect();
                            return tell(Msg::LibraryHits {
                                query,
                                hits,
                                done: true,
                            });
                        }
                        // The app asks again without the index (with the articles to
                        // read, which an indexed search does not carry).
                        Err(e) if e.needs_rebuild() => {
                            return tell(Msg::IndexDamaged(e.to_string()));
                        }
                        Err(e) => return tell(Msg::IndexFailed(e.to_string())),
                    }
                }
                let still = || latest.load(Ordering::Relaxed) == number;
                read_every(catalog, query, &ids, still, tell);
            }
            Job::Excerpts { query, ids } => {
                let found = ids
                    .into_iter()
                    .filter_map(|id| {
                        let article = catalog.parsed(id).ok().flatten()?;
                        let blocks = blocks(&article);
                        let first = first_match(&query, &blocks)?;
                        let block = blocks.get(first.at.block)?;
                        Some((id, search::excerpt(&block.text, first.at.range)))
                    })
                    .collect();
                tell(Msg::Excerpts { query, found });
            }
        }
    }
}

/// A library search without the index: every article of `ids` read back from the catalog
/// and searched with the in-article matcher, while `still` holds. Exact, but its cost grows
/// with the library.
fn read_every(
    catalog: &Catalog,
    query: String,
    ids: &[ArticleId],
    still: impl Fn() -> bool,
    tell: &mut dyn FnMut(Msg),
) {
    let mut hits = Vec::new();
    let mut sent = Instant::now();
    for &id in ids {
        if !still() {
            return;
        }
        if let Some(article) = catalog.parsed(id).ok().flatten() {
            let b = blocks(&article);
            let index = Index::new(&b);
            if let Some((count, first)) = index.count_and_first(&b, &query) {
                let excerpt = b
                    .get(first.block)
                    .map(|block| search::excerpt(&block.text, first.range.clone()));
                hits.push(LibraryHit { id, count, excerpt });
            }
        }
        if !hits.is_empty() && sent.elapsed() >= BATCH {
            tell(Msg::LibraryHits {
                query: query.clone(),
                hits: std::mem::take(&mut hits),
                done: false,
            });
            sent = Instant::now();
        }
    }
    // A search asked again meanwhile answers for itself.
    if still() {
        tell(Msg::LibraryHits {
            query,
            hits,
            done: true,
        });
    }
}
