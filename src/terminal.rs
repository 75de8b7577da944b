//! The terminal loop and the guard that leaves the terminal as it was found: raw mode off,
//! main screen back, mouse released, cursor shown, on quit, on error, on panic and on
//! SIGTERM/SIGHUP/SIGINT. Ctrl-Z and SIGTSTP suspend the program; `fg` (SIGCONT) takes the
//! terminal back and redraws it.

mod input;
mod query;

use std::io::{self, Write};
use std::sync::mpsc::{RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::{cursor, execute, terminal};

use crate::app::Msg;
use crate::images::{Encoder, Images, Kind};
use crate::session::{Session, Task};
use crate::theme::Theme;
use crate::ui;
use input::{Input, Signal};

/// Puts the terminal into the state the reader needs.
fn enter(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, terminal::EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Undoes what entering the reader did. Safe to call more than once and when entering half
/// failed: each step is tried whatever happened to the others.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, terminal::LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal when dropped: at the end of the loop, on an early `?` return and
/// while a panic unwinds.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Makes a panic restore the terminal before the panic message is printed, so the message
/// lands on the main screen and the shell is usable. The previous hook still runs after. A
/// panic inside guarded work ([`crate::guard`]) is caught and shown in the reader, so the
/// terminal stays as it is.
fn install_panic_hook() {
    crate::guard::install();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !crate::guard::guarded() {
            restore();
        }
        previous(info);
    }));
}

/// How often the loop, with nothing to do, checks that the terminal is still there: a
/// terminal that went away can no longer report its size.
const ALIVE_CHECK: Duration = Duration::from_secs(1);

type Term = Terminal<CrosstermBackend<io::Stdout>>;

/// Runs the reader until the user quits or a signal asks it to stop. `start` makes the
/// session, given what its workers call to wake the loop; `at_end` sees it last. The loop
/// sleeps on one channel (terminal input, signals, workers) and draws only after something
/// happened.
pub fn run(
    start: impl FnOnce(Arc<dyn Fn() + Send + Sync>) -> Session,
    theme: &Theme,
    (mouse, images): (bool, Images),
    at_end: impl FnOnce(&Session),
) -> anyhow::Result<()> {
    // Asked before the input thread reads the terminal, which would take the answers.
    let (kind, cell) = query::picture_kind(images);
    let encoder = Encoder::new(kind.unwrap_or(Kind::Halfblocks), cell);
    let (tx, rx) = input::start()?;
    let wake = Mutex::new(tx);
    let nudge: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
        if let Ok(tx) = wake.lock() {
            let _ = tx.send(Input::Wake);
        }
    });
    install_panic_hook();
    let _guard = Guard;
    enter(mouse)?;
    let mut term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let mut session = start(nudge);
    session.set_picture_encoder(encoder);
    let size = term.size()?;
    session.send(Msg::Resize(size.width, size.height));
    let mut dirty = true;
    'outer: while !session.app().should_quit() {
        if dirty {
            term.draw(|f| ui::draw(f, session.app(), theme))?;
            // The work held for the first frame starts now, and may change the screen.
            dirty = session.drawn();
            if dirty {
                continue;
            }
        }
        // Worker news left over runs while no input waits; otherwise sleep until input, a
        // timer of the session, or the time to check the terminal is still there.
        let first = if session.behind() {
            match rx.try_recv() {
                Ok(input) => input,
                Err(TryRecvError::Empty) => {
                    session.pump();
                    dirty = true;
                    continue;
                }
                Err(TryRecvError::Disconnected) => break,
            }
        } else {
            let wait = session
                .next_timer()
                .map_or(ALIVE_CHECK, |t| t.saturating_duration_since(Instant::now()))
                .min(ALIVE_CHECK);
            match rx.recv_timeout(wait) {
                Ok(input) => input,
                Err(RecvTimeoutError::Timeout) => {
                    if terminal::size().is_err() {
                        break;
                    }
                    if session.next_timer().is_some_and(|t| t <= Instant::now()) {
                        session.on_timer();
                        dirty = true;
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
        };
        // Handle every input already waiting before drawing again, so a resize storm or a
        // held key costs one frame, not one per event.
        let mut next = Some(first);
        while let Some(input) = next {
            match input {
                Input::Term(ev) => {
                    if let Some(msg) = message(ev) {
                        session.send(msg);
                    }
                }
                Input::TermClosed | Input::Signal(Signal::Stop) => break 'outer,
                Input::Signal(Signal::Suspend) => suspend(&mut term, &mut session, mouse)?,
                Input::Signal(Signal::Continue) => resume(&mut term, &mut session, mouse)?,
                Input::Wake => {
                    session.pump();
                }
            }
            while let Some(task) = session.take_task() {
                match task {
                    Task::Browse(url) => browse(&mut term, &mut session, mouse, &url)?,
                    Task::Suspend => suspend(&mut term, &mut session, mouse)?,
                }
            }
            dirty = true;
            if session.app().should_quit() {
                break;
            }
            next = rx.try_recv().ok();
        }
    }
    // Quit, or a signal: keep the place either way.
    session.finish();
    at_end(&session);
    Ok(())
}

/// The app's message for a terminal event, if it has one. Keys go to the app whole: it
/// routes them (Ctrl-C and Ctrl-Z from anywhere, a prompt, an overlay, the panes).
fn message(ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) => Some(Msg::Key(k)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Msg::Wheel {
                column: m.column,
                row: m.row,
                delta: 1,
            }),
            MouseEventKind::ScrollUp => Some(Msg::Wheel {
                column: m.column,
                row: m.row,
                delta: -1,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

/// Opens `url` in the browser with the terminal handed over, as for Ctrl-Z: a text browser
/// gets the screen and the keys until it exits; then the reader takes them back and redraws.
fn browse(term: &mut Term, app: &mut Session, mouse: bool, url: &str) -> anyhow::Result<()> {
    restore();
    let result = crate::browser::open(url);
    resume(term, app, mouse)?;
    app.send(Msg::UrlOpened {
        url: url.to_string(),
        result,
    });
    Ok(())
}

/// Ctrl-Z or SIGTSTP: give the terminal back, stop until `fg`, then take it again and
/// redraw all.
fn suspend(term: &mut Term, app: &mut Session, mouse: bool) -> anyhow::Result<()> {
    restore();
    // The default action of SIGTSTP (stop), not our handler, which would only send another
    // message; execution continues here after SIGCONT.
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    resume(term, app, mouse)
}

/// After a stop (ours, or a SIGSTOP from outside): the shell may have reset the terminal
/// while we were stopped, so raw mode and the screen are set up again from scratch.
fn resume(term: &mut Term, app: &mut Session, mouse: bool) -> anyhow::Result<()> {
    let _ = terminal::disable_raw_mode();
    enter(mouse)?;
    // A new `Terminal` draws everything at the next frame. (`Terminal::clear` would ask the
    // terminal for the cursor position, whose answer the input thread takes.)
    execute!(io::stdout(), terminal::Clear(terminal::ClearType::All))?;
    *term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = term.size()?;
    app.send(Msg::Resize(size.width, size.height));
    Ok(())
}
