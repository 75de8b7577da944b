//! What each key does: the [`Action`]s the reader understands, the default bindings, and the
//! lookup from a key press to an action. The help overlay is drawn from these same tables, so
//! it cannot go stale.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Serialize};

/// Everything a key can ask the reader to do. Config files name these in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Up in the focused pane: the previous article or section, or one row up.
    ScrollUp,
    /// Down in the focused pane: the next article or section, or one row down.
    ScrollDown,
    /// Focus the pane to the left (Sections from the reader, Articles from Sections).
    FocusLeft,
    /// Open the selected article or section and focus the pane to the right.
    FocusRight,
    /// One page up in the reader.
    PageUp,
    /// One page down in the reader.
    PageDown,
    /// The start of the article.
    Top,
    /// The end of the article.
    Bottom,
    /// The previous section.
    PrevSection,
    /// The next section.
    NextSection,
    /// Cycle focus forwards.
    FocusNext,
    /// Cycle focus backwards.
    FocusPrev,
    /// Open the search prompt.
    Search,
    /// The next search match.
    NextMatch,
    /// The previous search match.
    PrevMatch,
    /// Show or hide the help overlay.
    Help,
    /// Show or hide the Articles and Sections lists when they are folded away (narrow
    /// terminals).
    ToggleLists,
    /// Bookmark the top of the reader, or remove the bookmark there.
    ToggleBookmark,
    /// Show the bookmarks of the whole library.
    Bookmarks,
    /// Close an overlay or cancel a search.
    Cancel,
    /// Leave the program.
    Quit,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Action; 21] = [
        Action::ScrollUp,
        Action::ScrollDown,
        Action::FocusLeft,
        Action::FocusRight,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::PrevSection,
        Action::NextSection,
        Action::FocusNext,
        Action::FocusPrev,
        Action::Search,
        Action::NextMatch,
        Action::PrevMatch,
        Action::ToggleBookmark,
        Action::Bookmarks,
        Action::ToggleLists,
        Action::Help,
        Action::Cancel,
        Action::Quit,
    ];

    /// The action's name in config files (`scroll_down`).
    pub fn name(self) -> &'static str {
        match self {
            Action::ScrollUp => "scroll_up",
            Action::ScrollDown => "scroll_down",
            Action::FocusLeft => "focus_left",
            Action::FocusRight => "focus_right",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::PrevSection => "prev_section",
            Action::NextSection => "next_section",
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::Search => "search",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::Help => "help",
            Action::ToggleLists => "toggle_lists",
            Action::ToggleBookmark => "toggle_bookmark",
            Action::Bookmarks => "bookmarks",
            Action::Cancel => "cancel",
            Action::Quit => "quit",
        }
    }

    /// The action a config file names.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }

    /// What the action does, as the help overlay says it.
    pub fn describe(self) -> &'static str {
        use crate::strings as s;
        match self {
            Action::ScrollUp => s::HELP_UP,
            Action::ScrollDown => s::HELP_DOWN,
            Action::FocusLeft => s::HELP_LEFT,
            Action::FocusRight => s::HELP_RIGHT,
            Action::PageUp => s::HELP_PAGE_UP,
            Action::PageDown => s::HELP_PAGE_DOWN,
            Action::Top => s::HELP_TOP,
            Action::Bottom => s::HELP_BOTTOM,
            Action::PrevSection => s::HELP_PREV_SECTION,
            Action::NextSection => s::HELP_NEXT_SECTION,
            Action::FocusNext => s::HELP_FOCUS_NEXT,
            Action::FocusPrev => s::HELP_FOCUS_PREV,
            Action::Search => s::HELP_SEARCH,
            Action::NextMatch => s::HELP_NEXT_MATCH,
            Action::PrevMatch => s::HELP_PREV_MATCH,
            Action::Help => s::HELP_HELP,
            Action::ToggleLists => s::HELP_LISTS,
            Action::ToggleBookmark => s::HELP_BOOKMARK,
            Action::Bookmarks => s::HELP_BOOKMARKS,
            Action::Cancel => s::HELP_CANCEL,
            Action::Quit => s::HELP_QUIT,
        }
    }
}

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

/// Key bindings: which key does which action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    /// The bindings of PRODUCT §4: arrows and vi keys, PgUp/PgDn/Space/b, Home/End/g/G,
    /// `[`/`]`, Tab/Shift-Tab, `/`, `n`/`N`, `?`, `q`/Ctrl-C, Esc, and `o` for the lists.
    fn default() -> Self {
        use Action::*;
        use KeyCode as K;
        let bindings = vec![
            (Key::plain(K::Up), ScrollUp),
            (Key::ch('k'), ScrollUp),
            (Key::plain(K::Down), ScrollDown),
            (Key::ch('j'), ScrollDown),
            (Key::plain(K::Left), FocusLeft),
            (Key::ch('h'), FocusLeft),
            (Key::plain(K::Right), FocusRight),
            (Key::ch('l'), FocusRight),
            (Key::plain(K::Enter), FocusRight),
            (Key::plain(K::PageUp), PageUp),
            (Key::ch('b'), PageUp),
            (Key::plain(K::PageDown), PageDown),
            (Key::ch(' '), PageDown),
            (Key::plain(K::Home), Top),
            (Key::ch('g'), Top),
            (Key::plain(K::End), Bottom),
            (Key::ch('G'), Bottom),
            (Key::ch('['), PrevSection),
            (Key::ch(']'), NextSection),
            (Key::plain(K::Tab), FocusNext),
            (Key::plain(K::BackTab), FocusPrev),
            (Key::ch('/'), Search),
            (Key::ch('n'), NextMatch),
            (Key::ch('N'), PrevMatch),
            (Key::ch('o'), ToggleLists),
            (Key::ch('m'), ToggleBookmark),
            (Key::ch('B'), Bookmarks),
            (Key::ch('?'), Help),
            (Key::plain(K::Esc), Cancel),
            (Key::ch('q'), Quit),
            (Key::ctrl('c'), Quit),
        ];
        Keymap { bindings }
    }
}

impl Keymap {
    /// The action bound to a key event, if any.
    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(ev);
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|&(_, a)| a)
    }

    /// The keys bound to `action`, in binding order.
    pub fn keys_for(&self, action: Action) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|&(k, _)| k)
            .collect()
    }

    /// Binds `key` to `action`, replacing what the key did before.
    pub fn bind(&mut self, key: Key, action: Action) {
        match self.bindings.iter_mut().find(|(k, _)| *k == key) {
            Some(b) => b.1 = action,
            None => self.bindings.push((key, action)),
        }
    }

    /// Every binding, in order.
    pub fn bindings(&self) -> &[(Key, Action)] {
        &self.bindings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn product_keys_are_bound() {
        let k = Keymap::default();
        let none = KeyModifiers::NONE;
        assert_eq!(k.action(&ev(KeyCode::Down, none)), Some(Action::ScrollDown));
        assert_eq!(
            k.action(&ev(KeyCode::Char('j'), none)),
            Some(Action::ScrollDown)
        );
        assert_eq!(
            k.action(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            k.action(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            k.action(&ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusPrev)
        );
        assert_eq!(k.action(&ev(KeyCode::Char('x'), none)), None);
    }

    #[test]
    fn every_action_has_a_key_and_a_description() {
        let k = Keymap::default();
        for a in Action::ALL {
            assert!(!k.keys_for(a).is_empty(), "{a:?} has no key");
            assert!(!a.describe().is_empty());
        }
    }

    #[test]
    fn names_agree_with_serde() {
        for a in Action::ALL {
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(json, format!("\"{}\"", a.name()));
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
    }

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

    #[test]
    fn rebinding_replaces_the_old_meaning() {
        let mut k = Keymap::default();
        k.bind(Key::ch('e'), Action::ScrollDown);
        let e = ev(KeyCode::Char('e'), KeyModifiers::NONE);
        assert_eq!(k.action(&e), Some(Action::ScrollDown));
        assert_eq!(Key::ch('e').name(), "e");
        assert_eq!(Key::ctrl('d').name(), "C-d");
        assert_eq!(Key::plain(KeyCode::BackTab).name(), "S-Tab");
    }
}
