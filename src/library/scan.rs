//! Bringing the catalog up to date with the files under the library's folders, in a worker:
//! each file is looked at (`stat`) and parsed only when it is new or its size, its time or
//! the parser changed since the catalog read it; files that went away are forgotten. What it
//! finds is sent as [`ScanEvent`]s while it works, so the list fills in as files are read and
//! the reader never waits for a whole library.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{LoadError, LoadOptions, Problem, expand};
use crate::article::PARSER_VERSION;
use crate::catalog::{Catalog, CatalogError};
use crate::index::LibraryIndex;
use crate::model::{ArticleId, Entry};

mod fill;
mod read;
mod store;

use fill::IndexFeed;
pub use fill::{index_source, reconcile_index};
use read::{Read, Work};
use store::store;

/// What a scan found, as it finds it.
#[derive(Debug)]
pub enum ScanEvent {
    /// How many files the library's folders hold (sent once, after the folders are walked).
    Total(usize),
    /// How many of them have been looked at so far.
    Progress(usize),
    /// Articles new or changed: their list entries (already in the catalog), a batch at a
    /// time.
    Upserted(Vec<Entry>),
    /// An article's file went away.
    Removed(ArticleId),
    /// A file or folder that could not be read.
    Failed(LoadError),
    /// The search index could not be kept up to date; why.
    IndexFailed(String),
    /// The scan is over.
    Done(ScanReport),
}

/// What a scan did, in numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanReport {
    /// Files parsed (new or changed).
    pub parsed: usize,
    /// Files the catalog already had as they are.
    pub unchanged: usize,
    /// Articles forgotten because their files went away.
    pub removed: usize,
    /// Files that could not be read.
    pub failed: usize,
}

/// Read files are stored in transactions of about this many...
const BATCH: usize = 500;

/// ... or at least this often, so that entries appear while a slow parse goes on.
const BATCH_TIME: Duration = Duration::from_millis(200);

/// Read files waiting for the store, at most: the workers wait beyond this.
const QUEUE: usize = 256;

/// The absolute form of each root, as origins are stored.
pub fn absolute_roots(roots: &[PathBuf]) -> Vec<PathBuf> {
    roots
        .iter()
        .map(|r| std::path::absolute(r).unwrap_or_else(|_| r.clone()))
        .collect()
}

/// Brings `catalog` (and `index`, when given) up to date with the files under `roots`
/// (absolute), parsing on `threads` threads, and reports through `send`. Stops early,
/// leaving the catalog consistent, when `cancel` is set.
pub fn scan(
    catalog: &mut Catalog,
    index: Option<&LibraryIndex>,
    roots: &[PathBuf],
    options: &LoadOptions,
    threads: usize,
    cancel: &AtomicBool,
    mut send: impl FnMut(ScanEvent),
) -> Result<ScanReport, CatalogError> {
    std::thread::scope(|s| {
        let mut feed = IndexFeed::start(s, index);
        let scanned = scan_into(
            catalog, &mut feed, roots, options, threads, cancel, &mut send,
        );
        let failed = feed.finish();
        let (report, done) = scanned?;
        if done {
            if let Some(e) = failed {
                send(ScanEvent::IndexFailed(e.to_string()));
            }
            send(ScanEvent::Done(report));
        }
        Ok(report)
    })
}

/// [`scan`] with the index's thread started: the report, and whether the scan went to its
/// end (not cancelled).
fn scan_into(
    catalog: &mut Catalog,
    feed: &mut IndexFeed<'_>,
    roots: &[PathBuf],
    options: &LoadOptions,
    threads: usize,
    cancel: &AtomicBool,
    send: &mut impl FnMut(ScanEvent),
) -> Result<(ScanReport, bool), CatalogError> {
    let mut report = ScanReport::default();
    let mut files = Vec::new();
    for root in roots {
        let (found, errors) = expand(root);
        for e in errors {
            report.failed += 1;
            send(ScanEvent::Failed(e));
        }
        files.extend(found);
    }
    send(ScanEvent::Total(files.len()));
    let known = catalog.file_states_under(roots)?;

    // What changed, by looking only.
    let mut todo = Vec::new();
    let present: HashSet<&Path> = files.iter().map(PathBuf::as_path).collect();
    for (i, path) in files.iter().enumerate() {
        if i.is_multiple_of(1024) && cancel.load(Ordering::Relaxed) {
            return Ok((report, false));
        }
        let stamp = stamp(path);
        match (known.get(path), stamp) {
            (Some(k), Some((size, mtime)))
                if k.size == size && k.mtime == mtime && k.parser == PARSER_VERSION =>
            {
                report.unchanged += 1;
            }
            _ => todo.push((i, stamp.unwrap_or((0, 0)))),
        }
    }
    let mut looked = report.unchanged;
    send(ScanEvent::Progress(looked));

    // Read and parse what changed on worker threads; store here, in batches.
    let work = Work {
        todo: &todo,
        files: &files,
        next: AtomicUsize::new(0),
        options,
        index: feed.indexes(),
        cancel,
    };
    let (queue, taken) = mpsc::sync_channel::<Read>(QUEUE);
    if !todo.is_empty() {
        catalog.journal_in_memory(true)?;
    }
    let stored = std::thread::scope(|s| -> Result<(), CatalogError> {
        let taken = taken;
        for _ in 0..threads.max(1) {
            let (work, queue) = (&work, queue.clone());
            s.spawn(move || work.run(&queue));
        }
        drop(queue);
        let mut batch = Vec::with_capacity(BATCH);
        let mut since = Instant::now();
        loop {
            let item = taken.recv_timeout(BATCH_TIME);
            let finished = matches!(item, Err(mpsc::RecvTimeoutError::Disconnected));
            if let Ok(item) = item {
                // A batch waits at most BATCH_TIME from its first article.
                if batch.is_empty() {
                    since = Instant::now();
                }
                batch.push(item);
            }
            if !batch.is_empty()
                && (finished || batch.len() >= BATCH || since.elapsed() >= BATCH_TIME)
            {
                looked += batch.len();
                let stored = store(catalog, feed, &files, &mut batch, &mut report, send);
                // On an error the queue's end is dropped here: the workers stop at their
                // next file.
                stored?;
                feed.commit(false);
                send(ScanEvent::Progress(looked));
                since = Instant::now();
            }
            if finished {
                return Ok(());
            }
        }
    });
    if !todo.is_empty() {
        catalog.journal_in_memory(false)?;
    }
    stored?;
    if cancel.load(Ordering::Relaxed) {
        return Ok((report, false));
    }

    // What went away.
    let gone: Vec<ArticleId> = known
        .iter()
        .filter(|(path, _)| !present.contains(path.as_path()))
        .map(|(_, k)| k.id)
        .collect();
    catalog.batch(|c| {
        for &id in &gone {
            c.remove(id)?;
        }
        Ok(())
    })?;
    for id in gone {
        feed.remove(id);
        report.removed += 1;
        send(ScanEvent::Removed(id));
    }
    Ok((report, true))
}

/// A file's size and modification time (nanoseconds), or `None` when it cannot be looked at.
pub(super) fn stamp(path: &Path) -> Option<(u64, i64)> {
    let meta = std::fs::metadata(path).ok()?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    Some((meta.len(), mtime))
}

/// A failure recorded in the catalog, as the error to show.
pub fn recorded_failure(path: &Path, why: String) -> LoadError {
    LoadError::new(path, Problem::Recorded(why))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(catalog: &mut Catalog, roots: &[PathBuf]) -> (ScanReport, Vec<ScanEvent>) {
        let mut events = Vec::new();
        let report = scan(
            catalog,
            None,
            roots,
            &LoadOptions::default(),
            2,
            &AtomicBool::new(false),
            |e| events.push(e),
        )
        .unwrap();
        (report, events)
    }

    fn write_article(dir: &Path, name: &str, title: &str) {
        std::fs::write(
            dir.join(name),
            format!("{title}\n\n第一段正文，说明情况。\n"),
        )
        .unwrap();
    }

    #[test]
    fn test_relaunch_after_one_file_changed_parses_only_that_file() {
        let data = tempfile::tempdir().unwrap();
        let news = tempfile::tempdir().unwrap();
        for i in 0..5 {
            write_article(news.path(), &format!("{i}.txt"), &format!("标题{i}"));
        }
        std::fs::write(news.path().join("bad.txt"), b"a\0b").unwrap();
        let roots = absolute_roots(&[news.path().to_path_buf()]);
        let (mut c, _) = Catalog::open(Some(data.path()));
        let (report, events) = run(&mut c, &roots);
        assert_eq!(
            report,
            ScanReport {
                parsed: 5,
                unchanged: 0,
                removed: 0,
                failed: 1
            }
        );
        assert_eq!(
            events
                .iter()
                .map(|e| match e {
                    ScanEvent::Upserted(entries) => entries.len(),
                    _ => 0,
                })
                .sum::<usize>(),
            5
        );
        drop(c);

        // A new run: one file changed, one removed, one added.
        std::thread::sleep(Duration::from_millis(20));
        write_article(news.path(), "2.txt", "改过的标题");
        std::fs::remove_file(news.path().join("4.txt")).unwrap();
        write_article(news.path(), "5.txt", "新文章");
        let (mut c, _) = Catalog::open(Some(data.path()));
        let (report, events) = run(&mut c, &roots);
        assert_eq!(
            report,
            ScanReport {
                parsed: 2,
                unchanged: 4,
                removed: 1,
                failed: 0
            },
            "the failed file is remembered, not read again"
        );
        let mut titles: Vec<String> = events
            .iter()
            .flat_map(|e| match e {
                ScanEvent::Upserted(entries) => entries.iter().map(|e| e.title.clone()).collect(),
                _ => Vec::new(),
            })
            .collect();
        // Parsed on two threads: in either order.
        titles.sort();
        assert_eq!(titles, ["改过的标题", "新文章"]);
        let (entries, failures) = c.entries_under(&roots).unwrap();
        assert_eq!(entries.len(), 5);
        assert_eq!(failures.len(), 1);
        // Nothing changed: nothing parsed.
        let (report, _) = run(&mut c, &roots);
        assert_eq!(report.parsed, 0);
        assert_eq!(report.unchanged, 6);
    }

    #[test]
    fn a_cancelled_scan_stops() {
        let news = tempfile::tempdir().unwrap();
        for i in 0..20 {
            write_article(news.path(), &format!("{i}.txt"), "标题");
        }
        let mut c = Catalog::memory();
        let roots = absolute_roots(&[news.path().to_path_buf()]);
        let report = scan(
            &mut c,
            None,
            &roots,
            &LoadOptions::default(),
            1,
            &AtomicBool::new(true),
            |_| {},
        )
        .unwrap();
        assert_eq!(report.parsed, 0);
    }
}
