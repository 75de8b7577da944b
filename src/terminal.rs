//! The terminal loop and the guard that leaves the terminal as it was found: raw mode off,
//! main screen back, mouse released, cursor shown, on quit, on error, on panic and on
//! SIGTERM/SIGHUP/SIGINT. Ctrl-Z suspends the program and `fg` redraws it.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
    MouseButton, MouseEventKind,
};
use ratatui::crossterm::{cursor, execute, terminal};

use crate::app::{App, PromptKey};
use crate::keymap::Keymap;
use crate::ui::{self, Theme};

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
/// lands on the main screen and the shell is usable. The previous hook still runs after.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Runs the reader until the user quits or a signal asks it to stop.
pub fn run(mut app: App, keymap: &Keymap, theme: &Theme, mouse: bool) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    install_panic_hook();
    let _guard = Guard;
    enter(mouse)?;
    let mut term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = term.size()?;
    app.resize(size.width, size.height);
    while !app.should_quit() && !stop.load(Ordering::Relaxed) {
        term.draw(|f| ui::draw(f, &app, keymap, theme))?;
        // A library search scans in slices between key presses.
        if app.busy() {
            app.tick(crate::app::SLICE);
            if !event::poll(Duration::ZERO)? {
                continue;
            }
        } else if !event::poll(Duration::from_millis(200))? {
            // Nothing to read: a terminal that went away (closed window, dropped ssh) can no
            // longer report its size; leave instead of waiting for input forever.
            if terminal::size().is_err() {
                break;
            }
            continue;
        }
        // Handle every event that is already waiting before drawing again, so a resize storm
        // or a held key costs one frame, not one per event.
        loop {
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    if k.code == KeyCode::Char('z') && k.modifiers.contains(KeyModifiers::CONTROL) {
                        suspend(&mut term, mouse)?;
                        let size = term.size()?;
                        app.resize(size.width, size.height);
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
            if app.should_quit() || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    // Quit, or a signal: keep the place either way.
    app.remember();
    Ok(())
}

/// The meaning of a key in the search prompt.
fn prompt_key(k: &event::KeyEvent) -> Option<PromptKey> {
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        // Ctrl-C and Ctrl-G leave the prompt like Esc.
        return matches!(k.code, KeyCode::Char('c' | 'g')).then_some(PromptKey::Esc);
    }
    Some(match k.code {
        KeyCode::Char(c) => PromptKey::Char(c),
        KeyCode::Backspace => PromptKey::Backspace,
        KeyCode::Enter => PromptKey::Enter,
        KeyCode::Esc => PromptKey::Esc,
        KeyCode::Up => PromptKey::Up,
        KeyCode::Down => PromptKey::Down,
        _ => return None,
    })
}

/// Ctrl-Z: give the terminal back, stop until `fg`, then take it again and redraw all.
fn suspend(term: &mut Terminal<CrosstermBackend<io::Stdout>>, mouse: bool) -> anyhow::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter(mouse)?;
    term.clear()?;
    Ok(())
}
