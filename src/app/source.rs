//! The source view: the article's file as it was read (decoded and sanitised, before
//! parsing), with the lines the parser dropped as boilerplate marked and the reason for each,
//! so that nothing it removed is hidden from the reader. The text is read again on demand
//! ([`Effect::ReadSource`]); the catalog keeps only the parsed article.

use unicode_width::UnicodeWidthChar;

use super::{App, Effect, Overlay};
use crate::keymap::Action;
use crate::model::ArticleId;
use crate::strings;

/// One line of the source as the view shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    /// The line's text.
    pub text: String,
    /// Whether the parser dropped it (or a part of it) as boilerplate.
    pub dropped: bool,
    /// Why the parser dropped it (`lexicon: copyright`, `furniture: …`), when it said.
    pub why: Option<String>,
}

impl SourceLine {
    /// The line as the view shows it: its text, then why it was dropped.
    pub fn shown(&self) -> std::borrow::Cow<'_, str> {
        match &self.why {
            Some(why) => format!("{}{}{why}", self.text, strings::SOURCE_WHY).into(),
            None => self.text.as_str().into(),
        }
    }
}

/// The source of the open article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceView {
    /// The article it belongs to.
    pub id: Option<ArticleId>,
    /// Its lines, in order.
    pub lines: Vec<SourceLine>,
}

/// Columns the view takes for its marks before each line (`- ` before a dropped line).
pub const SOURCE_GUTTER: usize = 2;

/// `text` split into pieces at most `width` columns wide (every piece at least one
/// character, so a character wider than the width still shows); an empty line stays one
/// empty piece.
pub fn wrap(text: &str, width: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width && i > start {
            pieces.push(&text[start..i]);
            (start, used) = (i, 0);
        }
        used += w;
    }
    pieces.push(&text[start..]);
    pieces
}

/// Whitespace runs as one space, trimmed: lines and dropped strings compare this way.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The source `text` as the view's lines, those holding a string of `dropped` (what the
/// parser dropped as boilerplate, with its reason) marked. The source worker does this, not
/// the app: a source can be tens of megabytes.
pub fn source_lines(text: &str, dropped: &[(String, String)]) -> Vec<SourceLine> {
    let dropped: Vec<(String, &str)> = dropped
        .iter()
        .map(|(d, why)| (squeeze(d), why.as_str()))
        .filter(|(d, _)| !d.is_empty())
        .collect();
    text.lines()
        .map(|line| {
            let flat = if dropped.is_empty() {
                String::new()
            } else {
                squeeze(line)
            };
            let hit = dropped.iter().find(|(d, _)| {
                !flat.is_empty() && (flat.contains(d.as_str()) || d.contains(flat.as_str()))
            });
            SourceLine {
                dropped: hit.is_some(),
                why: hit.and_then(|(_, why)| (!why.is_empty()).then(|| why.to_string())),
                text: line.to_string(),
            }
        })
        .collect()
}

impl App {
    /// `v`: asks for the open article's source, shown in an overlay when it arrives; a
    /// second `v` while it is read asks for nothing more.
    pub(super) fn ask_source(&mut self) {
        let Some(id) = self.open.id else {
            self.message = Some(strings::NO_SOURCE.to_string());
            return;
        };
        let Some(origin) = self.entry(id).map(|e| e.origin.clone()) else {
            self.message = Some(format!(
                "{}{}",
                strings::SOURCE_FAILED,
                strings::ARTICLE_GONE
            ));
            return;
        };
        if self.work.source == Some(id) {
            return;
        }
        self.work.source = Some(id);
        self.message = Some(strings::READING_SOURCE.to_string());
        self.effects.push(Effect::ReadSource {
            id,
            origin,
            dropped: self
                .open
                .article
                .dropped_with_reasons()
                .map(|(d, why)| (d.to_string(), why.to_string()))
                .collect(),
        });
    }

    /// The source of article `id`, read for [`Effect::ReadSource`], or why it could not be
    /// read. Shown only while that article is still the open one.
    pub(super) fn source_read(&mut self, id: ArticleId, lines: Result<Vec<SourceLine>, String>) {
        if self.work.source == Some(id) {
            self.work.source = None;
        }
        if self.open.id != Some(id) {
            return;
        }
        self.message = None;
        let lines = match lines {
            Ok(lines) => lines,
            Err(why) => {
                self.message = Some(format!("{}{why}", strings::SOURCE_FAILED));
                return;
            }
        };
        self.source = SourceView {
            id: Some(id),
            lines,
        };
        self.close_prompt();
        self.overlays.push(Overlay::Source { scroll: 0 });
    }

    /// The source view's lines, for drawing.
    pub fn source(&self) -> &SourceView {
        &self.source
    }

    /// Keys while the source view is on top: it scrolls by lines and pages.
    pub(super) fn source_action(&mut self, scroll: usize, action: Action) {
        let last = self.source_last_top();
        let page = self.source_page(scroll);
        let scroll = match action {
            Action::ScrollDown => scroll + 1,
            Action::ScrollUp => scroll.saturating_sub(1),
            Action::PageDown => scroll + page,
            Action::PageUp => scroll.saturating_sub(page),
            Action::HalfPageDown => scroll + page.div_ceil(2),
            Action::HalfPageUp => scroll.saturating_sub(page.div_ceil(2)),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Source => {
                self.overlays.pop();
                return;
            }
            _ => scroll,
        };
        self.set_top_overlay(Overlay::Source {
            scroll: scroll.min(last),
        });
    }

    /// The first line shown when the view is at its end: the last lines fill the screen.
    fn source_last_top(&self) -> usize {
        let area = crate::app::panes::source_area(self.width, self.height);
        let width = usize::from(area.width).saturating_sub(SOURCE_GUTTER).max(1);
        let mut rows = 0;
        let mut top = self.source.lines.len();
        for line in self.source.lines.iter().rev() {
            rows += wrap(&line.shown(), width).len();
            if rows > usize::from(area.height) {
                break;
            }
            top -= 1;
        }
        top.min(self.source.lines.len().saturating_sub(1))
    }

    /// How many lines from `scroll` fill the view's screen, at least one.
    fn source_page(&self, scroll: usize) -> usize {
        let area = crate::app::panes::source_area(self.width, self.height);
        let width = usize::from(area.width).saturating_sub(SOURCE_GUTTER).max(1);
        let mut rows = 0;
        let mut lines = 0;
        for line in self.source.lines.iter().skip(scroll) {
            rows += wrap(&line.shown(), width).len();
            if rows > usize::from(area.height) {
                break;
            }
            lines += 1;
        }
        lines.max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn lines_wrap_by_display_width() {
        assert_eq!(wrap("临港浦江国际", 5), ["临港", "浦江", "国际"]);
        assert_eq!(wrap("ab临", 3), ["ab", "临"]);
        assert_eq!(wrap("", 3), [""]);
        assert_eq!(wrap("临", 1), ["临"], "a wide character still shows");
    }
}
