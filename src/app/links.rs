//! The article's links: its own address and the links in its body, listed in an overlay with
//! their addresses; Enter asks for one to be opened in the browser ([`Effect::OpenUrl`]).
//! Where each link's text is in the reader is found once, when the article opens, so the
//! reader can style it.

use std::ops::Range;

use super::{App, Effect, Overlay};
use crate::keymap::Action;
use crate::layout::Block;
use crate::strings;

/// One entry of the links overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkEntry {
    /// What the link says (the article's title for its own address).
    pub text: String,
    /// Where it points.
    pub url: String,
}

impl App {
    /// The entries of the links overlay: the article's own address first, when known, then
    /// the links of its body in reading order.
    pub fn link_entries(&self) -> Vec<LinkEntry> {
        let a = self.article();
        let own = a.url.iter().map(|u| LinkEntry {
            text: format!("{}{}", strings::LINK_SELF, a.title),
            url: u.clone(),
        });
        own.chain(a.links.iter().map(|l| LinkEntry {
            text: l.text.clone(),
            url: l.url.clone(),
        }))
        .collect()
    }

    /// `u`: the links overlay.
    pub(super) fn open_links(&mut self) {
        self.overlays.push(Overlay::Links { cursor: 0 });
    }

    /// Keys while the links overlay is on top.
    pub(super) fn links_action(&mut self, cursor: usize, action: Action) {
        match action {
            Action::FocusRight => self.open_link(cursor),
            Action::Links | Action::FocusLeft => {
                self.overlays.pop();
            }
            _ => {}
        }
    }

    /// Asks for link `i` of the overlay to be opened in the browser.
    pub(super) fn open_link(&mut self, i: usize) {
        if let Some(link) = self.link_entries().get(i) {
            self.effects.push(Effect::OpenUrl(link.url.clone()));
        }
    }

    /// What became of [`Effect::OpenUrl`] for `url`: the status bar says so.
    pub(super) fn url_opened(&mut self, url: &str, result: Result<(), String>) {
        self.message = Some(match result {
            Ok(()) => format!(
                "{}{}",
                strings::OPENED_IN_BROWSER,
                crate::decode::sanitize_line(url)
            ),
            Err(why) => why,
        });
    }

    /// Where the links' texts are in the reader, for styling.
    pub fn link_spans(&self) -> &[(usize, Range<usize>)] {
        &self.link_spans
    }

    /// Finds each link's text in the blocks, in reading order: a link is looked for after the
    /// one before it, so a word that is linked once is styled once.
    pub(super) fn find_link_spans(&mut self) {
        let spans = link_spans(self.layout.blocks(), &self.open.article.links);
        self.link_spans = spans;
    }
}

/// The byte ranges, per block, of each link's text, each found after the one before it
/// (from the start again when a link's text is not found further on).
fn link_spans(blocks: &[Block], links: &[crate::article::Link]) -> Vec<(usize, Range<usize>)> {
    let mut spans = Vec::new();
    let (mut block, mut offset) = (0, 0);
    for link in links.iter().filter(|l| !l.text.trim().is_empty()) {
        let found = find_from(blocks, &link.text, block, offset)
            .or_else(|| find_from(blocks, &link.text, 0, 0));
        if let Some((b, r)) = found {
            (block, offset) = (b, r.end);
            spans.push((b, r));
        }
    }
    spans.sort_by_key(|(b, r)| (*b, r.start));
    spans.dedup();
    spans
}

fn find_from(
    blocks: &[Block],
    text: &str,
    block: usize,
    offset: usize,
) -> Option<(usize, Range<usize>)> {
    blocks.iter().enumerate().skip(block).find_map(|(i, b)| {
        let from = if i == block { offset } else { 0 };
        let at = b.text.get(from..)?.find(text)? + from;
        Some((i, at..at + text.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Link;

    fn block(text: &str) -> Block {
        Block::body(text)
    }

    #[test]
    fn link_texts_are_found_in_reading_order() {
        let blocks = [block("见新华网和新华网首页"), block("另见人民网")];
        let link = |t: &str| Link {
            text: t.to_string(),
            url: format!("https://{t}.example/"),
        };
        let spans = link_spans(&blocks, &[link("新华网首页"), link("人民网"), link("无")]);
        assert_eq!(spans, [(0, 15..30), (1, 6..15)]);
        // The second link of the same text is the second occurrence.
        let spans = link_spans(&blocks, &[link("新华网"), link("新华网")]);
        assert_eq!(spans, [(0, 3..12), (0, 15..24)]);
    }
}
