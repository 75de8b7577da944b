//! How a worker talks to the loop, and the one way a worker thread is started. Every worker
//! runs under the guard ([`crate::guard::catch`]): a bug in it (a panic) ends that worker
//! with [`Msg::WorkerFailed`], a message in the status bar, and never runs the terminal's
//! restore while the reader is still drawing.

use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;

use crate::app::{Msg, Worker};

/// What a worker sends its news through: the session's channel, and a nudge that wakes the
/// loop to take it.
#[derive(Clone)]
pub struct Tell {
    tx: Sender<Msg>,
    nudge: Arc<dyn Fn() + Send + Sync>,
}

impl std::fmt::Debug for Tell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tell")
    }
}

impl Tell {
    /// A way to send into `tx`, calling `nudge` after each message.
    pub fn new(tx: Sender<Msg>, nudge: Arc<dyn Fn() + Send + Sync>) -> Tell {
        Tell { tx, nudge }
    }

    /// Sends `msg` to the loop and wakes it. A loop that is gone is not an error: the
    /// program is ending.
    pub fn send(&self, msg: Msg) {
        let _ = self.tx.send(msg);
        (self.nudge)();
    }
}

/// Starts `work` on a thread named for `worker`, under the guard: a panic in it becomes
/// [`Msg::WorkerFailed`]. `None` when no thread could be started.
pub fn spawn(
    worker: Worker,
    tell: Tell,
    work: impl FnOnce(&Tell) + Send + 'static,
) -> Option<JoinHandle<()>> {
    std::thread::Builder::new()
        .name(worker.name().into())
        .spawn(move || {
            if let Err(why) = crate::guard::catch(|| work(&tell)) {
                tell.send(Msg::WorkerFailed { worker, why });
            }
        })
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_worker_is_a_message_and_runs_guarded() {
        let (tx, rx) = std::sync::mpsc::channel();
        let tell = Tell::new(tx, Arc::new(|| {}));
        let handle = spawn(Worker::Watch, tell, |tell| {
            // The terminal's panic hook restores the terminal only outside a guard.
            assert!(crate::guard::guarded());
            tell.send(Msg::Changed);
            let v: Vec<u8> = Vec::new();
            let _ = v[1];
        })
        .expect("a thread");
        handle.join().expect("the thread itself does not panic");
        assert!(matches!(rx.recv(), Ok(Msg::Changed)));
        match rx.recv() {
            Ok(Msg::WorkerFailed { worker, why }) => {
                assert_eq!(worker, Worker::Watch);
                assert!(why.contains("index out of bounds"), "{why}");
                assert!(why.contains("src/session/worker.rs"), "{why}");
            }
            other => panic!("{other:?}"),
        }
    }
}
