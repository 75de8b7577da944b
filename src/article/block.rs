//! The intermediate form every front end produces: a list of [`Block`]s plus the metadata the
//! markup states outright ([`FrontMatter`]). The assembler in `article` decides what each
//! plain line is; markup front ends say it themselves.

use super::heading::{self, Style};
use super::model::Link;
use super::why::Why;

/// One unit of source text, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A line of plain text whose role (title, dateline, heading, paragraph, boilerplate) is
    /// decided by the assembler. Keeps its leading indent so the assembler can see it.
    Line(String),
    /// A blank line in plain text; separation matters for heading detection.
    Blank,
    /// A heading stated by markup (`## x`, `<h2>`), already clean.
    Heading {
        /// The level the markup gave (`<h3>` is 3; a bold paragraph is 0, one below the
        /// deepest heading); levels are made relative when the article is assembled.
        level: u8,
        /// Clean heading text.
        text: String,
        /// The markup that made it a heading (`h2`, `#`, `bold`).
        mark: &'static str,
    },
    /// A paragraph stated by markup (`<p>`, a Markdown paragraph, a list item with its
    /// number or bullet, a table row), inline markup resolved.
    Para(String),
    /// Preformatted text (`<pre>`, a fenced block): its lines and their indentation kept as
    /// they are, never joined, reflowed or classified.
    Code(String),
    /// A caption stated by markup (`<figcaption>`): not the story, kept in `dropped`.
    Caption(String),
    /// Text the front end knows is not the article (a list of links inside the story's
    /// container), kept in `dropped` with the reason.
    Dropped(String, Why),
}

/// Metadata stated outright by markup: YAML front matter, `<meta>` and `<title>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `title:` or `<title>` / `og:title`.
    pub title: Option<String>,
    /// The raw date text (`2022-11-23`, `2018-02-06 15:00 +0800`, an ISO timestamp).
    pub date: Option<String>,
    /// `author:` or `<meta name="author">`.
    pub author: Option<String>,
    /// `source:` or `og:site_name`.
    pub source: Option<String>,
    /// `url:` / `网址:` or `og:url` / canonical link.
    pub url: Option<String>,
    /// The date as a page prints it near the headline, when markup stated a date too: its
    /// time is the one readers see.
    pub shown_date: Option<String>,
    /// The author as a page prints it under the headline (`作者：…`), as good as a label in
    /// the text.
    pub shown_author: Option<String>,
    /// The source as a page prints it under the headline (`来源：…`).
    pub shown_source: Option<String>,
    /// The editor as a page prints it (`责任编辑：…`).
    pub shown_editor: Option<String>,
}

/// What a front end hands to the assembler.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Metadata stated by markup.
    pub front: FrontMatter,
    /// The body in reading order.
    pub blocks: Vec<Block>,
    /// Every link met in the body, as written (the assembler keeps those in the article's
    /// text and resolves them).
    pub links: Vec<Link>,
}

/// Makes the levels of headings stated by markup relative: heading elements (`h2`, `##`)
/// from 1, and bold subheads (level 0) one level below the deepest of them, unless their
/// numbering says they are the parents of a heading element level (see [`bold_above`]).
pub(super) fn markup_levels(blocks: &mut [Block]) {
    let levels = blocks.iter().filter_map(|b| match b {
        Block::Heading { level, .. } if *level > 0 => Some(*level),
        _ => None,
    });
    let (top, deepest) = levels.fold((u8::MAX, 0), |(lo, hi), l| (lo.min(l), hi.max(l)));
    let above = bold_above(blocks);
    for b in blocks.iter_mut() {
        if let Block::Heading { level, .. } = b {
            *level = match (*level, above) {
                (0, _) if deepest == 0 => 1,
                (0, Some(x)) => x - top + 1,
                (0, None) => deepest - top + 2,
                (l, Some(x)) if l >= x => l - top + 2,
                (l, _) => l - top + 1,
            };
        }
    }
}

/// How high a heading's numbering ranks: `第一章` over `一、` over `（一）`; `None` when
/// it is not numbered.
fn numbering(text: &str) -> Option<u8> {
    match heading::marked(text)?.0 {
        Style::Chapter => Some(0),
        Style::CnNumber => Some(1),
        Style::CnParen => Some(2),
        _ => None,
    }
}

/// The heading element level that bold subheads stand above, when their numbering says they
/// are its parents: bold `一、…` paragraphs with `<h4>（一）…</h4>` under them, the first bold
/// one before the first such heading. `None` (bold subheads below every heading element)
/// otherwise.
fn bold_above(blocks: &[Block]) -> Option<u8> {
    let mut bold: Option<(usize, u8)> = None;
    // Per heading element level: where its first heading is and its highest numbering.
    let mut marks: [Option<(usize, Option<u8>)>; 7] = [None; 7];
    for (i, b) in blocks.iter().enumerate() {
        let Block::Heading { level, text, .. } = b else {
            continue;
        };
        let rank = numbering(text);
        match (*level, bold) {
            (0, None) => bold = rank.map(|r| (i, r)),
            (0, Some(_)) => {}
            (l, _) => {
                let slot = marks.get_mut(usize::from(l.min(6)))?;
                let (_, high) = slot.get_or_insert((i, rank));
                *high = match (*high, rank) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
    }
    let (first_bold, bold_rank) = bold?;
    (1..=6u8).find(|&l| {
        marks[usize::from(l)]
            .is_some_and(|(first, high)| first > first_bold && high.is_some_and(|h| h > bold_rank))
    })
}
