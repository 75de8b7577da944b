//! Taking turns per host: at most one request to a host at a time, however many feeds and
//! item pages it serves, so that a refresh never hammers one site. A [`Slot`] is a host's
//! turn, given back when dropped. The fetcher's workers use [`Gate::try_acquire`] to pick
//! a feed whose host is free, and [`Gate::wait_for_release`] to sleep until some turn is
//! given back; a request for a page (or a redirect to another host) simply waits with
//! [`Gate::acquire`]. A turn is held only for one request, never while waiting for another,
//! so turns cannot deadlock.

use std::collections::HashSet;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// The hosts in use, and a count of turns given back (so a waiter can tell whether one
/// was given back since it last looked).
#[derive(Default)]
struct Busy {
    hosts: HashSet<String>,
    released: u64,
}

/// The per-host turns of one refresh.
#[derive(Default)]
pub(crate) struct Gate {
    busy: Mutex<Busy>,
    changed: Condvar,
}

/// One host's turn; given back when dropped.
pub(crate) struct Slot<'g> {
    gate: &'g Gate,
    host: String,
}

impl Slot<'_> {
    /// The host this turn is for.
    pub(crate) fn host(&self) -> &str {
        &self.host
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let mut busy = self.gate.lock();
        busy.hosts.remove(&self.host);
        busy.released += 1;
        drop(busy);
        self.gate.changed.notify_all();
    }
}

impl Gate {
    fn lock(&self) -> MutexGuard<'_, Busy> {
        // A worker that panicked while holding the lock left the set consistent (every
        // change is a single insert or remove), so the state is still good.
        self.busy.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `host`'s turn, waiting for it if another request to `host` is running.
    pub(crate) fn acquire(&self, host: &str) -> Slot<'_> {
        let mut busy = self.lock();
        while busy.hosts.contains(host) {
            busy = self
                .changed
                .wait(busy)
                .unwrap_or_else(PoisonError::into_inner);
        }
        busy.hosts.insert(host.to_string());
        Slot {
            gate: self,
            host: host.to_string(),
        }
    }

    /// `host`'s turn if it is free now.
    pub(crate) fn try_acquire(&self, host: &str) -> Option<Slot<'_>> {
        let mut busy = self.lock();
        if busy.hosts.contains(host) {
            return None;
        }
        busy.hosts.insert(host.to_string());
        Some(Slot {
            gate: self,
            host: host.to_string(),
        })
    }

    /// How many turns have been given back so far.
    pub(crate) fn releases(&self) -> u64 {
        self.lock().released
    }

    /// Sleeps until more than `seen` turns have been given back.
    pub(crate) fn wait_for_release(&self, seen: u64) {
        let mut busy = self.lock();
        while busy.released == seen {
            busy = self
                .changed
                .wait(busy)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_turn_per_host() {
        let gate = Gate::default();
        let a = gate.try_acquire("a.example");
        assert!(a.is_some());
        assert!(gate.try_acquire("a.example").is_none());
        assert!(gate.try_acquire("b.example").is_some());
        let seen = gate.releases();
        drop(a);
        gate.wait_for_release(seen);
        assert!(gate.try_acquire("a.example").is_some());
    }

    #[test]
    fn acquire_waits_for_the_turn() {
        let gate = Gate::default();
        let first = gate.acquire("h");
        std::thread::scope(|s| {
            let waiter = s.spawn(|| {
                let _second = gate.acquire("h");
                std::time::Instant::now()
            });
            std::thread::sleep(std::time::Duration::from_millis(30));
            let released = std::time::Instant::now();
            drop(first);
            let got = waiter.join().unwrap();
            assert!(got >= released);
        });
    }
}
