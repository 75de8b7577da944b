//! Containing a bug to the one article that met it. Parsing and laying out text that came
//! from anywhere is where an unforeseen input would find a bug; [`catch`] runs such work so
//! that a panic becomes an error message about that article (the file is named, the rest of
//! the library still loads, the reader shows the error in its pane) instead of the end of the
//! program. Inside a guard the panic prints nothing: no Rust panic text and no backtrace
//! reaches the user. Outside one, the panic hook prints a one-line internal-error message.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use crate::strings;

thread_local! {
    /// Whether this thread is inside [`catch`].
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    /// What the last guarded panic said, and where, captured by the hook.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Installs the panic hook once: inside a guard it records the message silently; outside
/// it prints `newsreader: internal error: …` on one line. Called by [`catch`]; `main` calls
/// it early so that every panic gets the short message.
pub fn install() {
    HOOK.call_once(|| {
        panic::set_hook(Box::new(|info| {
            let message = payload_message(info.payload());
            let text = match info.location() {
                Some(l) => format!("{message} (at {}:{})", l.file(), l.line()),
                None => message,
            };
            if guarded() {
                LAST.with(|last| *last.borrow_mut() = Some(text));
            } else {
                eprintln!(
                    "{}{}{}",
                    strings::ERR_PREFIX,
                    strings::ERR_INTERNAL_UNGUARDED,
                    crate::decode::sanitize_line(&text)
                );
            }
        }));
    });
}

/// Whether the current thread is running guarded work (a panic now will be caught).
pub fn guarded() -> bool {
    GUARDED.with(Cell::get)
}

/// Runs `f`; a panic inside it becomes `Err` with the panic's message and place, printed
/// nowhere. Guards nest.
///
/// ```
/// let r = newsreader::guard::catch(|| -> u32 { panic!("boom") });
/// assert!(r.unwrap_err().starts_with("boom"));
/// assert_eq!(newsreader::guard::catch(|| 2 + 2), Ok(4));
/// ```
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install();
    let was = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was));
    result.map_err(|payload| {
        LAST.with(|last| last.borrow_mut().take())
            .unwrap_or_else(|| payload_message(payload.as_ref()))
    })
}

/// The text a panic was raised with.
fn payload_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        strings::ERR_INTERNAL_UNKNOWN.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_place() {
        let e = catch(|| {
            let v: Vec<u8> = Vec::new();
            v[3]
        })
        .unwrap_err();
        assert!(e.contains("index out of bounds"), "{e}");
        assert!(e.contains("src/guard.rs"), "{e}");
        assert!(!guarded());
    }

    #[test]
    fn guards_nest_and_values_pass_through() {
        let r = catch(|| {
            let inner = catch(|| panic!("inner"));
            assert!(guarded());
            inner
        });
        assert_eq!(r.map(|i| i.unwrap_err().starts_with("inner")), Ok(true));
        assert_eq!(catch(|| "ok"), Ok("ok"));
    }
}
