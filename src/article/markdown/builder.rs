//! Collecting Markdown blocks: paragraph lines gathered until a blank line, inline markup
//! resolved with the links collected, and the pieces of an HTML line turned into paragraphs,
//! subheads and captions. The line-by-line decisions live in [`super`]; this is where their
//! results are written down.

use super::inline::inline_links;
use crate::article::block::Block;
use crate::article::heading::numbered_like;
use crate::article::model::Link;
use crate::article::plain::join;

#[derive(Default)]
pub(super) struct Builder {
    /// The blocks so far.
    pub(super) blocks: Vec<Block>,
    /// The lines of the paragraph being collected.
    pub(super) para: Vec<String>,
    /// The links met so far.
    pub(super) links: Vec<Link>,
}

impl Builder {
    pub(super) fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }

    pub(super) fn blank(&mut self) {
        if !matches!(self.blocks.last(), Some(Block::Blank) | None) {
            self.blocks.push(Block::Blank);
        }
    }

    /// Inline markup resolved, links collected.
    pub(super) fn inline(&mut self, s: &str) -> String {
        inline_links(s, &mut self.links)
    }

    /// A line that is bold from end to end: a subhead when it reads like one (short, no
    /// sentence), else a line for the plain rules.
    pub(super) fn bold(&mut self, inner: &str) {
        let text = self.inline(inner);
        if numbered_like(text.trim_end_matches([':', '：'])) {
            self.push(Block::Heading {
                level: 0,
                text,
                mark: "bold",
            });
        } else if !text.is_empty() {
            self.push(Block::Line(text));
        }
    }

    /// A block of HTML: read by the HTML front end, its blocks and links taken as they are.
    pub(super) fn html(&mut self, html: &str) {
        let (blocks, links) = crate::article::html::fragment(html);
        self.blocks.extend(blocks);
        self.links.extend(links);
    }

    /// A fenced block: its lines verbatim, indentation kept.
    pub(super) fn code(&mut self, lines: &[&str]) {
        let text = lines.join("\n");
        let text = text.trim_matches('\n').trim_end();
        if !text.trim().is_empty() {
            self.push(Block::Code(text.to_string()));
        }
    }

    /// Ends the paragraph being collected. A one-line paragraph stays a `Line` so the plain
    /// rules apply; a longer one is joined into a `Para`.
    pub(super) fn flush(&mut self) {
        match self.para.len() {
            0 => {}
            1 => {
                let raw = self.para.remove(0);
                let indent: String = raw
                    .chars()
                    .take_while(|&c| c == '\u{3000}' || c == ' ')
                    .collect();
                let text = self.inline(&raw);
                if !text.is_empty() {
                    self.blocks.push(Block::Line(format!("{indent}{text}")));
                }
            }
            _ => {
                let mut joined = String::new();
                let lines: Vec<String> = self.para.drain(..).collect();
                for l in lines {
                    joined = join(&joined, l.trim());
                }
                let text = self.inline(&joined);
                if !text.is_empty() {
                    self.blocks.push(Block::Para(text));
                }
            }
        }
    }
}
