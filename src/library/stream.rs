//! Reading a whole library on every core and handing each article on in library order, for
//! the commands that print it (`--json`, `--outline`, `--dump`, `search`). Worker threads
//! take the next job, read its article (from the catalog when it holds the file's current
//! parse or a feed item, else by parsing the file) and turn it into what will be printed;
//! the caller's thread prints the results strictly in order. Workers never run more than a
//! small window ahead of the printer, so memory holds a few articles at a time whatever the
//! library's size, and output starts with the first article.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Condvar, Mutex};

use super::decoded::DecodedTexts;
use super::{
    LoadError, LoadOptions, Problem, load_decoded, load_file_with, parse_bytes, scan::stamp,
};
use crate::article::{Article, PARSER_VERSION};
use crate::catalog::{Catalog, FileState};
use crate::model::ArticleId;

/// One article to read.
#[derive(Debug, Clone)]
pub enum Job {
    /// A file, with what the catalog remembers of it: its stored parse is used when the
    /// file's size, time and the parser are the same.
    File(PathBuf, Option<FileState>),
    /// An article held by the catalog only (a feed item).
    Stored(ArticleId),
    /// An article built into the program: its name and text.
    Embedded(&'static str, &'static [u8]),
}

/// Results waiting for the printer, at most this many per worker.
const AHEAD_PER_WORKER: usize = 8;

/// Reads every job's article on `threads` threads (each with its own connection to
/// `catalog`, when there is one), turns each into a `T` with `render` (on the worker), and
/// calls `sink` with the results in the order of `jobs`. Stops at the first error `sink`
/// returns, and returns it. A file whose text `decoded` holds is parsed from it rather than
/// read again.
pub fn each_in_order<T: Send, E>(
    jobs: &[Job],
    catalog: Option<&Catalog>,
    options: &LoadOptions,
    decoded: Option<&DecodedTexts>,
    threads: usize,
    render: impl Fn(&Job, Result<Article, LoadError>) -> T + Sync,
    sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    // A connection is not shared between threads: one each, made here.
    let connections: Mutex<Vec<Catalog>> = Mutex::new(
        (0..threads.max(1))
            .filter_map(|_| catalog.and_then(Catalog::connect).and_then(Result::ok))
            .collect(),
    );
    ordered(
        jobs.len(),
        threads,
        || {
            connections
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .pop()
        },
        |conn, i| render(&jobs[i], read(&jobs[i], conn.as_ref(), options, decoded)),
        sink,
    )
}

/// The article of one job.
fn read(
    job: &Job,
    catalog: Option<&Catalog>,
    options: &LoadOptions,
    decoded: Option<&DecodedTexts>,
) -> Result<Article, LoadError> {
    match job {
        Job::File(path, known) => {
            let current = known.filter(|k| is_current(path, k));
            if let Some(k) = current
                && let Some(Ok(Some(mut a))) = catalog.map(|c| c.article(k.id))
            {
                a.path = Some(path.to_string_lossy().into_owned());
                return Ok(a);
            }
            match decoded.and_then(|d| d.take(path)) {
                Some(text) => load_decoded(path, text),
                None => load_file_with(path, options),
            }
        }
        Job::Stored(id) => match catalog.map(|c| c.article(*id)) {
            Some(Ok(Some(a))) => Ok(a),
            Some(Err(e)) => Err(stored_error(*id, Problem::Unreadable(e.to_string()))),
            _ => Err(stored_error(*id, Problem::NotFound)),
        },
        Job::Embedded(name, bytes) => parse_bytes(bytes, std::path::Path::new(name), None)
            .map_err(|p| LoadError::new(std::path::Path::new(name), p)),
    }
}

/// Whether the catalog's parse of the file at `path`, remembered as `known`, is its current
/// one: the same size, time and parser.
pub fn is_current(path: &std::path::Path, known: &FileState) -> bool {
    known.parser == PARSER_VERSION && stamp(path) == Some((known.size, known.mtime))
}

/// The error for a stored article that cannot be read back.
fn stored_error(id: ArticleId, problem: Problem) -> LoadError {
    LoadError::new(std::path::Path::new(&format!("#{}", id.0)), problem)
}

/// What the workers and the printer share.
struct Shared<T> {
    /// The next job to start.
    next: usize,
    /// How many results the printer has taken.
    taken: usize,
    /// Results finished and not yet taken, by job number.
    ready: BTreeMap<usize, T>,
    /// Workers still running.
    alive: usize,
    /// Set when the printer stops early.
    stop: bool,
}

/// Runs `work(state, i)` for `i` in `0..n` on `threads` threads (each with a state made by
/// `init`), and hands the results to `sink` in order, on the calling thread; a worker waits
/// while it is `AHEAD_PER_WORKER × threads` results ahead of `sink`.
pub fn ordered<S, T: Send, E>(
    n: usize,
    threads: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, usize) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let threads = threads.clamp(1, n.max(1));
    let window = AHEAD_PER_WORKER * threads;
    let shared = Mutex::new(Shared {
        next: 0,
        taken: 0,
        ready: BTreeMap::new(),
        alive: threads,
        stop: false,
    });
    let changed = Condvar::new();
    let lock = || {
        shared
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                // Counts this worker out however it ends, so the printer never waits on it.
                let _leaving = Leaving(&shared, &changed);
                let mut state = init();
                loop {
                    let i = {
                        let mut s = lock();
                        loop {
                            if s.stop || s.next >= n {
                                return;
                            }
                            if s.next < s.taken + window {
                                break;
                            }
                            s = changed
                                .wait(s)
                                .unwrap_or_else(std::sync::PoisonError::into_inner);
                        }
                        s.next += 1;
                        s.next - 1
                    };
                    let result = work(&mut state, i);
                    lock().ready.insert(i, result);
                    changed.notify_all();
                }
            });
        }
        let mut outcome = Ok(());
        for i in 0..n {
            let result = {
                let mut s = lock();
                loop {
                    if let Some(r) = s.ready.remove(&i) {
                        s.taken = i + 1;
                        break Some(r);
                    }
                    if s.alive == 0 {
                        break None;
                    }
                    s = changed
                        .wait(s)
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                }
            };
            changed.notify_all();
            // Only missing when a worker died of a bug; its panic is raised when the scope
            // ends.
            let Some(result) = result else { break };
            if let Err(e) = sink(result) {
                outcome = Err(e);
                break;
            }
        }
        lock().stop = true;
        changed.notify_all();
        outcome
    })
}

/// Marks a worker gone when dropped (also while unwinding from a panic).
struct Leaving<'a, T>(&'a Mutex<Shared<T>>, &'a Condvar);

impl<T> Drop for Leaving<'_, T> {
    fn drop(&mut self) {
        let mut s = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        s.alive -= 1;
        // A worker that died of a bug stops the others: the printer cannot go past it.
        s.stop |= std::thread::panicking();
        drop(s);
        self.1.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_come_in_order_whatever_order_they_finish_in() {
        let mut seen = Vec::new();
        let r: Result<(), ()> = ordered(
            200,
            4,
            || (),
            |_, i| {
                // Later jobs finish first now and then.
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                i * 10
            },
            |v| {
                seen.push(v);
                Ok(())
            },
        );
        assert!(r.is_ok());
        assert_eq!(seen, (0..200).map(|i| i * 10).collect::<Vec<_>>());
    }

    #[test]
    fn workers_stay_within_the_window() {
        let started = AtomicUsize::new(0);
        let mut most_ahead = 0;
        let mut printed = 0;
        let _: Result<(), ()> = ordered(
            500,
            2,
            || (),
            |_, i| {
                started.fetch_max(i + 1, Ordering::SeqCst);
            },
            |()| {
                printed += 1;
                most_ahead = most_ahead.max(started.load(Ordering::SeqCst) - printed);
                Ok(())
            },
        );
        assert_eq!(printed, 500);
        assert!(most_ahead <= 2 * AHEAD_PER_WORKER, "{most_ahead}");
    }

    #[test]
    fn an_error_from_the_sink_stops_everything() {
        let done = AtomicUsize::new(0);
        let mut count = 0;
        let r = ordered(
            10_000,
            2,
            || (),
            |_, _| {
                done.fetch_add(1, Ordering::SeqCst);
            },
            |()| {
                count += 1;
                if count == 5 { Err("closed") } else { Ok(()) }
            },
        );
        assert_eq!(r, Err("closed"));
        assert!(done.load(Ordering::SeqCst) < 100);
    }

    #[test]
    fn a_worker_that_panics_does_not_hang_the_printer() {
        let caught = std::panic::catch_unwind(|| {
            let _: Result<(), ()> = ordered(
                50,
                2,
                || (),
                |_, i| {
                    assert!(i != 20, "a bug");
                    i
                },
                |_| Ok(()),
            );
        });
        assert!(caught.is_err());
    }
}
