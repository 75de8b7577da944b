//! Keys as the key map and config files name them: `j`, `C-d`, `PageDown`, `S-Tab`; read from
//! text, printed back, and made from the terminal's key events the same way, so a binding
//! written in a config matches the key that is pressed.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers, as bindings name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt and Shift; Shift is left out for characters, whose case already says it.
    pub mods: KeyModifiers,
}

impl Key {
    /// A key with no modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// A character key with no modifiers.
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// A key with Ctrl held.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// The binding a terminal key event stands for: Shift dropped from characters, and
    /// Shift-Tab reported as `BackTab`.
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else {
                    c
                })
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            c => c,
        };
        Key { code, mods }
    }

    /// Reads a key as config files write it: a character (`j`, `G`, `?`), a name (`Up`,
    /// `PageDown`, `Enter`, `Esc`, `Tab`, `Space`, `Backspace`, `F5`, …), with `C-` (Ctrl),
    /// `M-`/`A-` (Alt) and `S-` (Shift) before it: `C-d`, `S-Tab`. Names ignore case.
    pub fn parse(s: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        while let Some((prefix, after)) = rest.split_at_checked(2) {
            if after.is_empty() {
                break;
            }
            match prefix {
                "C-" | "c-" => mods |= KeyModifiers::CONTROL,
                "M-" | "m-" | "A-" | "a-" => mods |= KeyModifiers::ALT,
                "S-" | "s-" => mods |= KeyModifiers::SHIFT,
                _ => break,
            }
            rest = after;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                f if f.starts_with('f') => {
                    KeyCode::F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?)
                }
                _ => return None,
            },
        };
        // Normalise as key events arrive: Shift is part of a character (`S-g` is `G`), and
        // S-Tab is BackTab.
        let code = match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) => {
                KeyCode::Char(c.to_ascii_uppercase())
            }
            c => c,
        };
        let ev = KeyEvent::new(code, mods);
        let key = Key::from_event(&ev);
        Some(
            if key.code == KeyCode::Tab && mods.contains(KeyModifiers::SHIFT) {
                Key::plain(KeyCode::BackTab)
            } else {
                key
            },
        )
    }

    /// How the key is written in help and config: `j`, `C-d`, `PageDown`, `S-Tab`.
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::PageUp => "PageUp".into(),
            KeyCode::PageDown => "PageDown".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("C-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("M-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            out.push_str("S-");
        }
        out.push_str(&base);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_strings_parse_and_print_back() {
        for s in [
            "j", "G", "?", "C-d", "PageDown", "S-Tab", "Space", "Enter", "F5", "M-x",
        ] {
            let k = Key::parse(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(k.name(), s);
        }
        assert_eq!(Key::parse("pagedown"), Key::parse("PageDown"));
        assert_eq!(Key::parse("C-D"), Some(Key::ctrl('d')));
        assert_eq!(Key::parse("S-g"), Some(Key::ch('G')));
        assert_eq!(Key::parse("Hyper-x"), None);
        assert_eq!(Key::parse(""), None);
        assert_eq!(Key::parse("F99"), None);
    }
}
