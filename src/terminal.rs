//! The terminal loop and the guard that leaves the terminal as it was found: raw mode off,
//! main screen back, mouse released, cursor shown, on quit, on error, on panic and on
//! SIGTERM/SIGHUP/SIGINT. Ctrl-Z and SIGTSTP suspend the program; `fg` (SIGCONT) takes the
//! terminal back and redraws it.

mod input;

use std::io::{self, Write};
use std::sync::mpsc::{RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
    MouseButton, MouseEventKind,
};
use ratatui::crossterm::{cursor, execute, terminal};

use crate::app::PromptKey;
use crate::keymap::Keymap;
use crate::session::{SLICE, Session};
use crate::theme::Theme;
use crate::ui;
use input::{Msg, Signal};

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
/// session, given what its workers call to wake the loop; `at_end` sees it last. The loop sleeps on one channel
/// (terminal input, signals, workers) and draws only after something happened.
pub fn run(
    start: impl FnOnce(Arc<dyn Fn() + Send + Sync>) -> Session,
    keymap: &Keymap,
    theme: &Theme,
    mouse: bool,
    at_end: impl FnOnce(&Session),
) -> anyhow::Result<()> {
    let (tx, rx) = input::start()?;
    let wake = Mutex::new(tx);
    let nudge: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
        if let Ok(tx) = wake.lock() {
            let _ = tx.send(Msg::Wake);
        }
    });
    install_panic_hook();
    let _guard = Guard;
    enter(mouse)?;
    let mut term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let mut session = start(nudge);
    let size = term.size()?;
    session.resize(size.width, size.height);
    let mut dirty = true;
    'outer: while !session.should_quit() {
        if dirty {
            term.draw(|f| ui::draw(f, session.app(), keymap, theme))?;
            dirty = false;
        }
        // A library search runs in slices while no message waits; otherwise sleep until a
        // message, a timer of the session, or the time to check the terminal is still there.
        let first = if session.busy() {
            match rx.try_recv() {
                Ok(msg) => msg,
                Err(TryRecvError::Empty) => {
                    session.tick(SLICE);
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
                Ok(msg) => msg,
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
        // Handle every message already waiting before drawing again, so a resize storm or a
        // held key costs one frame, not one per event.
        let mut next = Some(first);
        while let Some(msg) = next {
            match msg {
                Msg::Term(ev) => {
                    if handle_event(&mut session, &mut term, keymap, mouse, ev)? {
                        break 'outer;
                    }
                }
                Msg::TermClosed | Msg::Signal(Signal::Stop) => break 'outer,
                Msg::Signal(Signal::Suspend) => suspend(&mut term, &mut session, mouse)?,
                Msg::Signal(Signal::Continue) => resume(&mut term, &mut session, mouse)?,
                Msg::Wake => {
                    session.pump();
                }
            }
            if let Some(url) = session.take_url() {
                browse(&mut term, &mut session, mouse, &url)?;
            }
            dirty = true;
            if session.should_quit() {
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

/// One terminal event; true when it asks the reader to leave. Ctrl-C leaves from anywhere
/// (a prompt, any overlay) and Ctrl-Z suspends from anywhere: both are looked at before the
/// key goes to a prompt or an overlay.
fn handle_event(
    app: &mut Session,
    term: &mut Term,
    keymap: &Keymap,
    mouse: bool,
    ev: Event,
) -> anyhow::Result<bool> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            if ctrl && k.code == KeyCode::Char('c') {
                return Ok(true);
            }
            if ctrl && k.code == KeyCode::Char('z') {
                suspend(term, app, mouse)?;
            } else if app.typing() {
                if let Some(key) = prompt_key(&k) {
                    app.prompt(key);
                }
            } else if let Some(action) = keymap.action(&k) {
                app.update(action);
            }
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => app.wheel(m.column, m.row, 1),
            MouseEventKind::ScrollUp => app.wheel(m.column, m.row, -1),
            MouseEventKind::Down(MouseButton::Left) => app.click(m.column, m.row),
            _ => {}
        },
        Event::Resize(w, h) => app.resize(w, h),
        _ => {}
    }
    Ok(false)
}

/// The meaning of a key in the search prompt: text, and the line editing of a shell.
fn prompt_key(k: &event::KeyEvent) -> Option<PromptKey> {
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        return match k.code {
            // Ctrl-G leaves the prompt like Esc (Ctrl-C never gets here: it quits).
            KeyCode::Char('g') => Some(PromptKey::Esc),
            KeyCode::Char('u') => Some(PromptKey::ClearToStart),
            KeyCode::Char('w') | KeyCode::Backspace => Some(PromptKey::DeleteWord),
            KeyCode::Char('a') => Some(PromptKey::Home),
            KeyCode::Char('e') => Some(PromptKey::End),
            KeyCode::Char('b') => Some(PromptKey::Left),
            KeyCode::Char('f') => Some(PromptKey::Right),
            KeyCode::Char('h') => Some(PromptKey::Backspace),
            KeyCode::Char('d') => Some(PromptKey::Delete),
            _ => None,
        };
    }
    Some(match k.code {
        KeyCode::Char(c) => PromptKey::Char(c),
        KeyCode::Backspace => PromptKey::Backspace,
        KeyCode::Delete => PromptKey::Delete,
        KeyCode::Enter => PromptKey::Enter,
        KeyCode::Esc => PromptKey::Esc,
        KeyCode::Up => PromptKey::Up,
        KeyCode::Down => PromptKey::Down,
        KeyCode::Left => PromptKey::Left,
        KeyCode::Right => PromptKey::Right,
        KeyCode::Home => PromptKey::Home,
        KeyCode::End => PromptKey::End,
        _ => return None,
    })
}

/// Opens `url` in the browser with the terminal handed over, as for Ctrl-Z: a text browser
/// gets the screen and the keys until it exits; then the reader takes them back and redraws.
fn browse(term: &mut Term, app: &mut Session, mouse: bool, url: &str) -> anyhow::Result<()> {
    restore();
    let result = crate::browser::open(url);
    resume(term, app, mouse)?;
    app.url_opened(url, result);
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
    app.resize(size.width, size.height);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompt_takes_the_line_editing_keys_of_a_shell() {
        let key = |code, mods| prompt_key(&event::KeyEvent::new(code, mods));
        let ctrl = KeyModifiers::CONTROL;
        let none = KeyModifiers::NONE;
        assert_eq!(key(KeyCode::Char('u'), ctrl), Some(PromptKey::ClearToStart));
        assert_eq!(key(KeyCode::Char('w'), ctrl), Some(PromptKey::DeleteWord));
        assert_eq!(key(KeyCode::Left, none), Some(PromptKey::Left));
        assert_eq!(key(KeyCode::Right, none), Some(PromptKey::Right));
        assert_eq!(key(KeyCode::Char('g'), ctrl), Some(PromptKey::Esc));
        assert_eq!(key(KeyCode::Char('u'), none), Some(PromptKey::Char('u')));
    }
}
