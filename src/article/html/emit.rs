//! Rendering the chosen nodes as [`Block`]s in document order: inline text gathered into
//! paragraphs (entities decoded, `<br>` and `<pre>` lines split), headings kept in place, a
//! paragraph that is bold from end to end as a subhead, captions (`<figcaption>`, a
//! `caption` class) apart, images turned into placeholders, link lists to `dropped` and
//! wordless lines left out. Scoring decides *which*
//! nodes make the article; this decides how they read, and changes for that reason alone.

use super::kind::{Kind, class_and_id, kind, skipped};
use super::text::collapse_ws;
use super::{Doc, MAX_DEPTH};
use crate::article::block::Block;
use crate::article::entities::decode_entities;
use crate::article::heading::numbered_like;
use crate::article::image;
use crate::article::lexicon::CAPTION_CLASSES;
use crate::article::model::Link;
use crate::article::why::Why;

/// What each heading level's mark is called in a reason.
const HEADING_MARKS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/// The text of a `<pre>` as written: every space and line break kept, entities decoded, a
/// `<br>` a line break.
fn verbatim(doc: &Doc<'_, '_>, t: &tl::HTMLTag<'_>, depth: usize, out: &mut String) {
    if depth > MAX_DEPTH + 4 {
        return;
    }
    for &c in t.children().top().as_slice() {
        match c.get(doc.parser) {
            Some(tl::Node::Raw(b)) => out.push_str(&decode_entities(&b.as_utf8_str())),
            Some(tl::Node::Tag(inner)) => match kind(inner.name().as_bytes()) {
                Kind::Br => out.push('\n'),
                Kind::Skip => {}
                _ => verbatim(doc, inner, depth + 1, out),
            },
            _ => {}
        }
    }
}

/// A table row whose cells are short runs of text (no paragraphs, lists or tables inside):
/// a row of data, read as one line, rather than a layout table holding the page.
fn simple_row(doc: &Doc<'_, '_>, tr: &tl::HTMLTag<'_>) -> bool {
    let cells: Vec<&tl::HTMLTag<'_>> = tr
        .children()
        .top()
        .as_slice()
        .iter()
        .filter_map(|&c| doc.tag(c))
        .collect();
    cells.len() >= 2
        && cells.iter().all(|c| {
            matches!(c.name().as_bytes(), b"td" | b"th")
                && !has_blocks(doc, c, 0)
                && super::text::visible_chars(&c.inner_text(doc.parser)) <= 200
        })
}

/// Whether a subtree holds a block element (a paragraph, a list, a table, a heading).
fn has_blocks(doc: &Doc<'_, '_>, t: &tl::HTMLTag<'_>, depth: usize) -> bool {
    depth > 8
        || t.children().top().as_slice().iter().any(|&c| {
            doc.tag(c).is_some_and(|inner| {
                matches!(
                    kind(inner.name().as_bytes()),
                    Kind::Para | Kind::Block | Kind::Heading(_)
                ) || has_blocks(doc, inner, depth + 1)
            })
        })
}

/// Whether an element holds no letter, digit or image.
fn wordless(doc: &Doc<'_, '_>, t: &tl::HTMLTag<'_>) -> bool {
    !t.inner_text(doc.parser).chars().any(char::is_alphanumeric) && !has_image(doc, t, 0)
}

fn has_image(doc: &Doc<'_, '_>, t: &tl::HTMLTag<'_>, depth: usize) -> bool {
    depth <= 8
        && t.children().top().as_slice().iter().any(|&c| {
            doc.tag(c).is_some_and(|inner| {
                kind(inner.name().as_bytes()) == Kind::Img || has_image(doc, inner, depth + 1)
            })
        })
}

/// Where the emitter is inside the tree.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Ctx {
    /// Inside a heading: a line break is a space, not a new paragraph.
    heading: bool,
    /// Inside `<a>`.
    link: bool,
    /// Inside `<strong>` or `<b>`.
    bold: bool,
    /// Inside a caption.
    caption: bool,
    /// Inside `<small>`: side comments and small print.
    small: bool,
}

/// Whether an element holds a photo caption.
fn is_caption(t: &tl::HTMLTag<'_>) -> bool {
    if t.name().as_bytes() == b"figcaption" {
        return true;
    }
    let ci = class_and_id(t);
    !ci.is_empty() && CAPTION_CLASSES.iter().any(|c| ci.contains(c))
}

/// What a finished paragraph turned out to be.
enum Made {
    Text,
    Links,
    Caption,
    Bold,
    /// Bold from end to end and a link: a subhead when story text follows it, else a link
    /// among others (decided once the next block is known, in `finish`).
    BoldLink,
    Small,
}

/// The reason a bold link paragraph carries until `finish` knows what follows it.
pub(super) const BOLD_LINK: Why = Why::features("bold link");

/// Whether a paragraph opens with an item number (`1、`, `2.`, `3．`, `(4)`): a line of a
/// numbered digest, whose headlines are links and still the story.
fn numbered_item(text: &str) -> bool {
    let t = text.trim_start().trim_start_matches(['(', '（']);
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits) && t[digits..].starts_with(['、', '.', '．', ')', '）'])
}

/// The address of an `<img>`. Pages that load pictures late keep it in an attribute of
/// their own (`data-src`, `data-lazy-src`, `data-actualsrc`, `data-original`, a `srcset`),
/// which the loader copies over a placeholder `src` (an inline `data:` image, a spinner):
/// such an attribute wins over `src`, and a `srcset` gives its widest picture.
fn picture_address(t: &tl::HTMLTag<'_>) -> String {
    let usable = |v: &str| !v.trim().is_empty() && !v.trim_start().starts_with("data:");
    let mut late = None;
    let mut sets = None;
    for (key, value) in t.attributes().iter() {
        let Some(value) = value else { continue };
        let value = super::text::clean_text(&value);
        if !usable(&value) {
            continue;
        }
        if key.ends_with("srcset") {
            sets.get_or_insert(value);
        } else if key.starts_with("data-") && (key.ends_with("src") || key == "data-original") {
            late.get_or_insert(value);
        }
    }
    late.or_else(|| Doc::attr(t, "src").filter(|v| usable(v)))
        .or_else(|| sets.as_deref().and_then(widest))
        .unwrap_or_default()
}

/// The widest picture of a `srcset` (`a.jpg 480w, b.jpg 960w`), else its first.
fn widest(set: &str) -> Option<String> {
    let candidates = set.split(',').filter_map(|c| {
        let mut parts = c.split_whitespace();
        let url = parts.next()?;
        let width = parts
            .next()
            .and_then(|w| w.strip_suffix(['w', 'x']))
            .and_then(|w| w.parse::<f32>().ok())
            .unwrap_or(0.0);
        Some((url, width))
    });
    candidates
        .fold(None, |best: Option<(&str, f32)>, (url, w)| match best {
            Some((_, bw)) if bw >= w => best,
            _ => Some((url, w)),
        })
        .map(|(url, _)| url.to_string())
}

/// Turns a subtree into blocks in document order.
pub(super) struct Emitter<'d, 'p, 'a> {
    doc: &'d Doc<'p, 'a>,
    filter: bool,
    /// The whole input is the article (a feed item, HTML inside Markdown): a paragraph of
    /// links is a paragraph, and a bold paragraph is a subhead even when it is a link.
    fragment: bool,
    /// Leave out `<form>`s (comment boxes inside the article); not when the whole page is one
    /// form, as ASP.NET pages are.
    skip_forms: bool,
    pub(super) blocks: Vec<Block>,
    /// The links met, as written.
    pub(super) links: Vec<Link>,
    /// Inline text of the paragraph being built (entities already decoded).
    buf: String,
    /// Visible characters of `buf` from text, those of them inside links, and those in bold.
    buf_chars: u32,
    buf_links: u32,
    buf_bold: u32,
    /// Visible characters of `buf` inside `<small>`.
    buf_small: u32,
    /// Whether the text in `buf` belongs to a caption.
    buf_caption: bool,
}

impl<'d, 'p, 'a> Emitter<'d, 'p, 'a> {
    pub(super) fn new(doc: &'d Doc<'p, 'a>, filter: bool, skip_forms: bool) -> Self {
        Emitter {
            doc,
            filter,
            fragment: false,
            skip_forms,
            blocks: Vec::new(),
            links: Vec::new(),
            buf: String::new(),
            buf_chars: 0,
            buf_links: 0,
            buf_bold: 0,
            buf_small: 0,
            buf_caption: false,
        }
    }

    /// An emitter for input that is the article as a whole (see `fragment`).
    pub(super) fn whole(mut self) -> Self {
        self.fragment = true;
        self
    }

    /// The paragraph being built, cleaned, and a fresh buffer; `None` for text without a
    /// letter, digit or image. Also says what the paragraph is.
    fn take_text(&mut self) -> Option<(String, Made)> {
        let text = collapse_ws(&self.buf);
        let (chars, links, bold) = (self.buf_chars, self.buf_links, self.buf_bold);
        let small = self.buf_small;
        let caption = self.buf_caption;
        self.buf.clear();
        self.buf_chars = 0;
        self.buf_links = 0;
        self.buf_bold = 0;
        self.buf_small = 0;
        self.buf_caption = false;
        let wordless = !text.chars().any(char::is_alphanumeric) && !image::only_images(&text);
        if text.is_empty() || wordless {
            return None;
        }
        let all_bold =
            chars > 0 && bold == chars && numbered_like(text.trim_end_matches(['：', ':']));
        let made = if caption {
            Made::Caption
        } else if chars > 0 && small == chars {
            // A paragraph set in `<small>` from end to end is small print (a copyright line,
            // a feed plugin's credit), never the story.
            Made::Small
        } else if self.fragment && all_bold {
            Made::Bold
        } else if chars > 0 && links * 4 >= chars * 3 && !self.fragment {
            if all_bold {
                Made::BoldLink
            } else if numbered_item(&text) {
                Made::Text
            } else {
                Made::Links
            }
        } else if all_bold {
            Made::Bold
        } else {
            Made::Text
        };
        Some((text, made))
    }

    /// End the paragraph being built. A list of links inside the story (navigation, related
    /// stories) goes to `dropped`; a paragraph that is bold from end to end is a subhead.
    pub(super) fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let block = match self.take_text() {
            Some((text, Made::Text)) => Block::Para(text),
            Some((text, Made::Links)) => Block::Dropped(text, Why::features("link density")),
            Some((text, Made::BoldLink)) => Block::Dropped(text, BOLD_LINK),
            Some((text, Made::Caption)) => Block::Caption(text),
            Some((text, Made::Small)) => Block::Dropped(text, Why::markup("small print")),
            Some((text, Made::Bold)) => Block::Heading {
                level: 0,
                text,
                mark: "bold",
            },
            None => return,
        };
        self.blocks.push(block);
    }

    fn push_text(&mut self, text: &str, ctx: Ctx) {
        let n =
            u32::try_from(text.chars().filter(|c| !c.is_whitespace()).count()).unwrap_or(u32::MAX);
        self.buf_chars = self.buf_chars.saturating_add(n);
        if ctx.link {
            self.buf_links = self.buf_links.saturating_add(n);
        }
        if ctx.bold {
            self.buf_bold = self.buf_bold.saturating_add(n);
        }
        if ctx.small {
            self.buf_small = self.buf_small.saturating_add(n);
        }
        self.buf_caption |= ctx.caption && n > 0;
        self.buf.push_str(text);
    }

    pub(super) fn emit(&mut self, h: tl::NodeHandle, ctx: Ctx, depth: usize) {
        let Some(node) = h.get(self.doc.parser) else {
            return;
        };
        let t = match node {
            tl::Node::Raw(b) => {
                let raw = b.as_utf8_str();
                self.push_text(&decode_entities(&raw), ctx);
                return;
            }
            tl::Node::Comment(_) => return,
            tl::Node::Tag(t) => t,
        };
        let k = kind(t.name().as_bytes());
        if depth > MAX_DEPTH + 4
            || skipped(t, k, self.filter)
            || (self.skip_forms && t.name().as_bytes() == b"form")
        {
            return;
        }
        let name = t.name().as_bytes();
        match k {
            Kind::Br if ctx.heading => self.buf.push(' '),
            Kind::Br => self.flush(),
            Kind::Img => self.image(t),
            Kind::Heading(level) => {
                self.flush();
                let before = self.blocks.len();
                let inner = Ctx {
                    heading: true,
                    ..ctx
                };
                self.children(t, inner, depth);
                if let Some((text, _)) = self.take_text() {
                    // Keep document order if the heading wrapped blocks of its own.
                    let mark = HEADING_MARKS[usize::from(level.clamp(1, 6)) - 1];
                    self.blocks
                        .insert(before, Block::Heading { level, text, mark });
                }
            }
            Kind::Para if matches!(name, b"pre" | b"listing" | b"plaintext") => {
                self.flush();
                let mut text = String::new();
                verbatim(self.doc, t, depth, &mut text);
                let text = text.trim_start_matches('\n').trim_end();
                if !text.trim().is_empty() {
                    self.blocks.push(Block::Code(text.to_string()));
                }
            }
            Kind::Block if matches!(name, b"ul" | b"ol") => self.list(t, ctx, depth),
            Kind::Block if name == b"tr" && simple_row(self.doc, t) => self.row(t, ctx, depth),
            // A widget inside a heading (a permalink button in a `div`) has no words: it
            // neither ends the heading nor adds to it.
            Kind::Para | Kind::Block if ctx.heading && wordless(self.doc, t) => {}
            Kind::Para | Kind::Block => {
                self.flush();
                let caption = ctx.caption || is_caption(t);
                self.children(t, Ctx { caption, ..ctx }, depth);
                self.flush();
            }
            // A heading's anchor mark (`#`, `¶`, an empty permalink) is not its text.
            Kind::Link if ctx.heading && wordless(self.doc, t) => {}
            Kind::Link => {
                let start = self.buf.len();
                self.children(t, Ctx { link: true, ..ctx }, depth);
                if let Some(href) = Doc::attr(t, "href")
                    && let Some(text) = self.buf.get(start..)
                {
                    let text = collapse_ws(text);
                    if !text.is_empty() {
                        self.links.push(Link { text, url: href });
                    }
                }
            }
            Kind::Inline | Kind::Skip => {
                let name = t.name().as_bytes();
                let bold = ctx.bold || name == b"strong" || name == b"b";
                let small = ctx.small || name == b"small";
                let caption = ctx.caption || is_caption(t);
                self.children(
                    t,
                    Ctx {
                        bold,
                        small,
                        caption,
                        ..ctx
                    },
                    depth,
                );
            }
        }
    }

    fn children(&mut self, t: &tl::HTMLTag<'a>, ctx: Ctx, depth: usize) {
        for &c in t.children().top().as_slice() {
            self.emit(c, ctx, depth + 1);
        }
    }

    /// A list: each item a paragraph of its own, a numbered item with its number (`3. `, from
    /// the list's `start`), a bulleted one with `• `.
    fn list(&mut self, t: &tl::HTMLTag<'a>, ctx: Ctx, depth: usize) {
        self.flush();
        let numbered = t.name().as_bytes() == b"ol";
        let mut n: u32 = Doc::attr(t, "start")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(1);
        for &c in t.children().top().as_slice() {
            let item = self.doc.tag(c).filter(|c| c.name().as_bytes() == b"li");
            match item {
                Some(li) if !skipped(li, Kind::Block, self.filter) => {
                    self.flush();
                    if numbered {
                        self.buf.push_str(&format!("{n}. "));
                        n = n.saturating_add(1);
                    } else {
                        self.buf.push_str("• ");
                    }
                    self.children(li, ctx, depth + 1);
                    self.flush();
                }
                Some(_) => {}
                None => self.emit(c, ctx, depth + 1),
            }
        }
        self.flush();
    }

    /// A table row of short cells: one paragraph, the cells apart by ` | `.
    fn row(&mut self, t: &tl::HTMLTag<'a>, ctx: Ctx, depth: usize) {
        self.flush();
        let mut first = true;
        for &c in t.children().top().as_slice() {
            let Some(cell) = self.doc.tag(c) else {
                continue;
            };
            if !first {
                self.buf.push_str(" | ");
            }
            first = false;
            self.children(cell, ctx, depth + 1);
        }
        self.flush();
    }

    /// An image as an inline placeholder; alone in its paragraph it becomes one of its own.
    fn image(&mut self, t: &tl::HTMLTag<'_>) {
        let dim = |key: &str| {
            Doc::attr(t, key).and_then(|v| v.trim_end_matches("px").trim().parse::<u32>().ok())
        };
        if dim("width").is_some_and(|w| w <= 10) || dim("height").is_some_and(|h| h <= 10) {
            return; // a tracking pixel or spacer
        }
        let src = Doc::attr(t, "src").unwrap_or_default().to_ascii_lowercase();
        let file = src.rsplit('/').next().unwrap_or_default();
        if ["logo", "icon", "avatar", "spacer", "blank.", "pixel"]
            .iter()
            .any(|w| file.contains(w))
        {
            return; // site furniture, not an article image
        }
        let alt = Doc::attr(t, "alt").unwrap_or_default();
        let address = picture_address(t);
        self.buf.push(' ');
        self.buf.push_str(&image::mark(&alt, &address));
        self.buf.push(' ');
    }
}

#[cfg(test)]
mod tests;
