//! Everything that can wake the reader, on one channel: terminal input read on a thread of
//! its own (a blocking read; crossterm's `use-dev-tty` reader never reports waiting input to
//! a zero-timeout poll), and signals turned into messages by a second thread. The loop then
//! sleeps in one place, on the channel, and works only when something happened.

use std::sync::mpsc::{self, Receiver, Sender};

use ratatui::crossterm::event::{self, Event};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

/// A signal the reader acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGTERM, SIGHUP or SIGINT: leave, restoring the terminal.
    Stop,
    /// SIGTSTP from outside (`kill -TSTP`): suspend as Ctrl-Z does.
    Suspend,
    /// SIGCONT: the program runs again after a stop; take the terminal back and redraw.
    Continue,
}

/// One thing that happened outside the program.
#[derive(Debug)]
pub enum Input {
    /// A key, mouse or resize event from the terminal.
    Term(Event),
    /// Reading the terminal failed: it went away (window closed, connection dropped).
    TermClosed,
    /// A signal arrived.
    Signal(Signal),
    /// A worker of the session has news ([`crate::session::Session::pump`]).
    Wake,
}

/// Starts the input and signal threads; their messages arrive on the returned receiver.
/// The threads end with the process.
pub fn start() -> std::io::Result<(Sender<Input>, Receiver<Input>)> {
    let (tx, rx) = mpsc::channel();
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
    let to_loop = tx.clone();
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let _ = crate::guard::catch(|| {
                for sig in signals.forever() {
                    let msg = match sig {
                        SIGTSTP => Signal::Suspend,
                        SIGCONT => Signal::Continue,
                        _ => Signal::Stop,
                    };
                    if to_loop.send(Input::Signal(msg)).is_err() {
                        break;
                    }
                }
            });
        })?;
    let to_loop = tx.clone();
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            // Under the guard: a bug here ends the reader as a closed terminal does, the
            // terminal restored by the loop, not by the panic hook while it still draws.
            let read = crate::guard::catch(|| {
                loop {
                    let msg = match event::read() {
                        Ok(ev) => Input::Term(ev),
                        Err(_) => Input::TermClosed,
                    };
                    let closed = matches!(msg, Input::TermClosed);
                    if to_loop.send(msg).is_err() || closed {
                        break;
                    }
                }
            });
            if read.is_err() {
                let _ = to_loop.send(Input::TermClosed);
            }
        })?;
    Ok((tx, rx))
}
