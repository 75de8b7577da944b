//! What each key does: the [`Action`]s the reader understands, the default bindings, and the
//! lookup from a key press to an action. The help overlay is drawn from these same tables, so
//! it cannot go stale.

mod key;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub use key::Key;
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
    /// One page up in the focused pane (a list, or the reader).
    PageUp,
    /// One page down in the focused pane.
    PageDown,
    /// Half a page up in the focused pane.
    HalfPageUp,
    /// Half a page down in the focused pane.
    HalfPageDown,
    /// The start of the focused pane (the first entry of a list, the start of the article).
    Top,
    /// The end of the focused pane.
    Bottom,
    /// The previous section.
    PrevSection,
    /// The next section.
    NextSection,
    /// Open the previous article of the list, staying in the reader.
    PrevArticle,
    /// Open the next article of the list, staying in the reader.
    NextArticle,
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
    /// Fold the Articles and Sections lists away to read full width, or bring them back (on
    /// a narrow terminal, where they are folded, as an overlay).
    ToggleLists,
    /// Bookmark the top of the reader, or remove the bookmark there.
    ToggleBookmark,
    /// Show the bookmarks of the whole library.
    Bookmarks,
    /// Refresh the news feeds.
    Refresh,
    /// Show the open article's source text, with what the parser dropped marked.
    Source,
    /// List the open article's links; Enter opens one in the browser.
    Links,
    /// Open the open article's own address in the browser.
    OpenInBrowser,
    /// List the feeds with their unread counts; Enter shows one feed's articles.
    Feeds,
    /// Only unread articles in the Articles list, or all again.
    UnreadOnly,
    /// Mark the highlighted (or open) article read, or unread again.
    ToggleRead,
    /// Star the highlighted (or open) article, or unstar it (starred articles are listed
    /// with the bookmarks; with sync on, a star is the server's).
    Star,
    /// Mark every article of the list read (in the Feeds overlay: the highlighted feed's),
    /// once pressed again to confirm.
    MarkAllRead,
    /// Open the next unread article, going on to the next feed with unread items.
    NextUnread,
    /// Close an overlay or cancel a search.
    Cancel,
    /// Leave the program.
    Quit,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Action; 35] = [
        Action::ScrollUp,
        Action::ScrollDown,
        Action::FocusLeft,
        Action::FocusRight,
        Action::PageUp,
        Action::PageDown,
        Action::HalfPageUp,
        Action::HalfPageDown,
        Action::Top,
        Action::Bottom,
        Action::PrevSection,
        Action::NextSection,
        Action::PrevArticle,
        Action::NextArticle,
        Action::FocusNext,
        Action::FocusPrev,
        Action::Search,
        Action::NextMatch,
        Action::PrevMatch,
        Action::ToggleBookmark,
        Action::Bookmarks,
        Action::Links,
        Action::OpenInBrowser,
        Action::Source,
        Action::ToggleLists,
        Action::Refresh,
        Action::Feeds,
        Action::UnreadOnly,
        Action::ToggleRead,
        Action::Star,
        Action::MarkAllRead,
        Action::NextUnread,
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
            Action::HalfPageUp => "half_page_up",
            Action::HalfPageDown => "half_page_down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::PrevSection => "prev_section",
            Action::NextSection => "next_section",
            Action::PrevArticle => "prev_article",
            Action::NextArticle => "next_article",
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::Search => "search",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::Help => "help",
            Action::ToggleLists => "toggle_lists",
            Action::ToggleBookmark => "toggle_bookmark",
            Action::Bookmarks => "bookmarks",
            Action::Refresh => "refresh",
            Action::Source => "source",
            Action::Links => "links",
            Action::OpenInBrowser => "open_in_browser",
            Action::Feeds => "feeds",
            Action::UnreadOnly => "unread_only",
            Action::ToggleRead => "toggle_read",
            Action::Star => "star",
            Action::MarkAllRead => "mark_all_read",
            Action::NextUnread => "next_unread",
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
            Action::HalfPageUp => s::HELP_HALF_PAGE_UP,
            Action::HalfPageDown => s::HELP_HALF_PAGE_DOWN,
            Action::Top => s::HELP_TOP,
            Action::Bottom => s::HELP_BOTTOM,
            Action::PrevSection => s::HELP_PREV_SECTION,
            Action::NextSection => s::HELP_NEXT_SECTION,
            Action::PrevArticle => s::HELP_PREV_ARTICLE,
            Action::NextArticle => s::HELP_NEXT_ARTICLE,
            Action::FocusNext => s::HELP_FOCUS_NEXT,
            Action::FocusPrev => s::HELP_FOCUS_PREV,
            Action::Search => s::HELP_SEARCH,
            Action::NextMatch => s::HELP_NEXT_MATCH,
            Action::PrevMatch => s::HELP_PREV_MATCH,
            Action::Help => s::HELP_HELP,
            Action::ToggleLists => s::HELP_LISTS,
            Action::ToggleBookmark => s::HELP_BOOKMARK,
            Action::Bookmarks => s::HELP_BOOKMARKS,
            Action::Refresh => s::HELP_REFRESH,
            Action::Source => s::HELP_SOURCE,
            Action::Links => s::HELP_LINKS,
            Action::OpenInBrowser => s::HELP_OPEN_IN_BROWSER,
            Action::Feeds => s::HELP_FEEDS,
            Action::UnreadOnly => s::HELP_UNREAD_ONLY,
            Action::ToggleRead => s::HELP_TOGGLE_READ,
            Action::Star => s::HELP_STAR,
            Action::MarkAllRead => s::HELP_MARK_ALL_READ,
            Action::NextUnread => s::HELP_NEXT_UNREAD,
            Action::Cancel => s::HELP_CANCEL,
            Action::Quit => s::HELP_QUIT,
        }
    }
}

/// Key bindings: which key does which action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    /// The bindings of PRODUCT §4: arrows and vi keys, PgUp/PgDn/Space/b, Ctrl-U/Ctrl-D,
    /// Home/End/g/G, `[`/`]`, `K`/`J` for the previous and next article, Tab/Shift-Tab, `/`,
    /// `n`/`N`, `?`, `q`/Ctrl-C, Esc, and `o` for the lists.
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
            (Key::ctrl('u'), HalfPageUp),
            (Key::ctrl('d'), HalfPageDown),
            (Key::plain(K::Home), Top),
            (Key::ch('g'), Top),
            (Key::plain(K::End), Bottom),
            (Key::ch('G'), Bottom),
            (Key::ch('['), PrevSection),
            (Key::ch(']'), NextSection),
            (Key::ch('K'), PrevArticle),
            (Key::ch('J'), NextArticle),
            (Key::plain(K::Tab), FocusNext),
            (Key::plain(K::BackTab), FocusPrev),
            (Key::ch('/'), Search),
            (Key::ch('n'), NextMatch),
            (Key::ch('N'), PrevMatch),
            (Key::ch('o'), ToggleLists),
            (Key::ch('m'), ToggleBookmark),
            (Key::ch('B'), Bookmarks),
            (Key::ch('R'), Refresh),
            (Key::ch('u'), Links),
            (Key::ch('O'), OpenInBrowser),
            (Key::ch('F'), Feeds),
            (Key::ch('U'), UnreadOnly),
            (Key::ch('r'), ToggleRead),
            (Key::ch('s'), Star),
            (Key::ch('A'), MarkAllRead),
            (Key::ch('x'), NextUnread),
            (Key::ch('v'), Source),
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
    use ratatui::crossterm::event::KeyModifiers;

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
        assert_eq!(k.action(&ev(KeyCode::Char('z'), none)), None);
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
