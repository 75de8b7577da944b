//! Editing the text of a prompt as a shell line edits: characters go in at the cursor,
//! ←/→ and Home/End move it, Backspace and Delete remove a character, Ctrl-W the word before
//! the cursor and Ctrl-U everything before it. The search prompts (in the article and over
//! the library) share it.

use super::PromptKey;

/// What a key did to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Edit {
    /// The text changed.
    Changed,
    /// Only the cursor moved (or nothing happened).
    Same,
    /// The key is not an editing key (Enter, Esc, ↑/↓), or Backspace on an empty line: the
    /// prompt decides.
    NotEditing,
}

/// Applies `key` to `text` with the cursor at byte `cursor` (always a character boundary).
pub(super) fn apply(text: &mut String, cursor: &mut usize, key: PromptKey) -> Edit {
    *cursor = (*cursor).min(text.len());
    while !text.is_char_boundary(*cursor) {
        *cursor -= 1;
    }
    let before = |t: &str, at: usize| t.get(..at).and_then(|s| s.chars().next_back());
    let after = |t: &str, at: usize| t.get(at..).and_then(|s| s.chars().next());
    match key {
        PromptKey::Char(c) if !c.is_control() => {
            text.insert(*cursor, c);
            *cursor += c.len_utf8();
            Edit::Changed
        }
        PromptKey::Char(_) => Edit::Same,
        PromptKey::Backspace if text.is_empty() => Edit::NotEditing,
        PromptKey::Backspace => match before(text, *cursor) {
            Some(c) => {
                *cursor -= c.len_utf8();
                text.remove(*cursor);
                Edit::Changed
            }
            None => Edit::Same,
        },
        PromptKey::Delete => match after(text, *cursor) {
            Some(_) => {
                text.remove(*cursor);
                Edit::Changed
            }
            None => Edit::Same,
        },
        PromptKey::Left => {
            if let Some(c) = before(text, *cursor) {
                *cursor -= c.len_utf8();
            }
            Edit::Same
        }
        PromptKey::Right => {
            if let Some(c) = after(text, *cursor) {
                *cursor += c.len_utf8();
            }
            Edit::Same
        }
        PromptKey::Home => {
            *cursor = 0;
            Edit::Same
        }
        PromptKey::End => {
            *cursor = text.len();
            Edit::Same
        }
        PromptKey::ClearToStart => {
            if *cursor == 0 {
                return Edit::Same;
            }
            text.replace_range(..*cursor, "");
            *cursor = 0;
            Edit::Changed
        }
        PromptKey::DeleteWord => {
            // Spaces before the cursor, then the word before them.
            let head = text.get(..*cursor).unwrap_or("");
            let trimmed = head.trim_end();
            let start = trimmed
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            if start == *cursor {
                return Edit::Same;
            }
            text.replace_range(start..*cursor, "");
            *cursor = start;
            Edit::Changed
        }
        PromptKey::Enter | PromptKey::Esc | PromptKey::Up | PromptKey::Down => Edit::NotEditing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(keys: &[PromptKey]) -> (String, usize) {
        let (mut text, mut cursor) = (String::new(), 0);
        for &k in keys {
            apply(&mut text, &mut cursor, k);
        }
        (text, cursor)
    }

    fn typed(s: &str) -> Vec<PromptKey> {
        s.chars().map(PromptKey::Char).collect()
    }

    #[test]
    fn the_line_edits_like_a_shell() {
        use PromptKey as K;
        let mut keys = typed("党建 工作");
        keys.extend([K::Left, K::Left, K::Backspace]);
        assert_eq!(run(&keys), ("党建工作".to_string(), 6));
        keys.extend([K::Char('的')]);
        assert_eq!(run(&keys), ("党建的工作".to_string(), 9));
        keys.extend([K::End, K::DeleteWord]);
        assert_eq!(run(&keys), (String::new(), 0), "one word, no space left");
        let mut keys = typed("high quality  ");
        keys.push(K::DeleteWord);
        assert_eq!(run(&keys), ("high ".to_string(), 5));
        let mut keys = typed("abc");
        keys.extend([K::Left, K::ClearToStart]);
        assert_eq!(run(&keys), ("c".to_string(), 0));
        keys.extend([K::Delete, K::Delete, K::Right, K::Home]);
        assert_eq!(run(&keys), (String::new(), 0));
        let (mut t, mut c) = (String::new(), 0);
        assert_eq!(apply(&mut t, &mut c, K::Backspace), Edit::NotEditing);
    }
}
