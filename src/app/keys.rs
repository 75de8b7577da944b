//! The one place a key is routed. Ctrl-C quits and Ctrl-Z suspends from anywhere; then the
//! top layer decides: a prompt takes the key as text (with a shell's line editing), an
//! overlay takes the keymap's action for itself, and otherwise the action goes to the
//! focused pane.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{App, Effect, Focus, Overlay, Prompt, PromptKey};
use crate::keymap::Action;
use crate::strings;

impl App {
    /// A key from the terminal, routed to whatever is on top.
    pub(super) fn key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            match key.code {
                KeyCode::Char('c') => {
                    self.quit = true;
                    return;
                }
                KeyCode::Char('z') => {
                    self.effects.push(Effect::Suspend);
                    return;
                }
                _ => {}
            }
        }
        if self.typing().is_some() {
            if let Some(k) = prompt_key(&key) {
                self.prompt(k);
            }
        } else if let Some(action) = self.keymap.action(&key) {
            self.action(action);
        }
    }

    /// A key typed while a prompt is open, for the prompt on top. A character past
    /// [`super::MAX_QUERY_CHARS`] is not taken, and the status bar says so.
    pub(super) fn prompt(&mut self, key: PromptKey) {
        self.touched = true;
        if matches!(key, PromptKey::Char(_)) && self.query_full() {
            self.message = Some(strings::QUERY_TOO_LONG.to_string());
            return;
        }
        match key {
            // What Enter keeps, or ↑/↓ move from, is the search for what was typed.
            PromptKey::Enter | PromptKey::Up | PromptKey::Down => self.run_waiting_search(),
            PromptKey::Esc => self.search.waiting = false,
            _ => {}
        }
        match self.typing() {
            Some(Prompt::Library) => self.library_prompt(key),
            Some(Prompt::Article) => self.article_prompt(key),
            None => {}
        }
    }

    /// An action: the top overlay's alone when one is open; a prompt takes none (Cancel
    /// closes it as Esc does); otherwise the panes'.
    pub(super) fn action(&mut self, action: Action) {
        self.touched = true;
        if action != Action::MarkAllRead {
            // A first `A` waits for the very next key only.
            self.confirm = None;
        }
        if self.typing().is_some() {
            if action == Action::Cancel {
                self.prompt(PromptKey::Esc);
            }
            return;
        }
        if let Some(top) = self.modal_top() {
            return self.overlay_action(top, action);
        }
        // A message is news about the last action only.
        self.message = None;
        if self.library.active() && self.focus == Focus::Articles {
            match action {
                Action::FocusRight => return self.open_library_hit(),
                Action::Cancel => {
                    self.close_library_search();
                    return;
                }
                _ => {}
            }
        }
        match action {
            Action::ScrollUp => self.step(-1),
            Action::ScrollDown => self.step(1),
            Action::FocusLeft => self.focus_left(),
            Action::FocusRight => self.focus_right(),
            Action::PageUp => self.step(-(self.focused_page() as isize)),
            Action::PageDown => self.step(self.focused_page() as isize),
            Action::HalfPageUp => self.step(-(self.focused_page().div_ceil(2) as isize)),
            Action::HalfPageDown => self.step(self.focused_page().div_ceil(2) as isize),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::PrevSection => self.prev_section(),
            Action::NextSection => self.next_section(),
            Action::PrevArticle => self.step_article(false),
            Action::NextArticle => self.step_article(true),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Search if self.focus == Focus::Articles && self.has_list() => {
                self.start_library_search();
            }
            Action::Search => self.start_search(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::Help => {
                self.first_run = false;
                self.overlays.push(Overlay::Help { scroll: 0 });
            }
            Action::ToggleLists => self.toggle_lists(),
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::Bookmarks => self.open_bookmarks(),
            Action::Source => self.ask_source(),
            Action::Links => self.open_links(),
            Action::Feeds => self.open_feeds(),
            Action::ToggleRead => self.toggle_read(),
            Action::MarkAllRead => self.mark_all(super::mark::MarkScope::List),
            Action::NextUnread => self.next_unread(),
            Action::UnreadOnly => self.toggle_unread_only(),
            Action::OpenInBrowser => self.open_in_browser(),
            Action::Cancel => {
                if self.lists_open() {
                    self.set_lists_open(false);
                    self.focus = Focus::Reader;
                } else if !self.clear_search() {
                    self.message = None;
                }
            }
            Action::Refresh => self.refresh(),
            Action::Star => self.toggle_star(),
            Action::Quit => self.quit = true,
        }
    }
}

/// The meaning of a key in a search prompt: text, and the line editing of a shell. Ctrl-G
/// leaves the prompt as Esc does.
pub fn prompt_key(k: &KeyEvent) -> Option<PromptKey> {
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        return match k.code {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompt_takes_the_line_editing_keys_of_a_shell() {
        let key = |code, mods| prompt_key(&KeyEvent::new(code, mods));
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
