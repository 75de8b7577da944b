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
use crate::article::model::Link;

/// Where the emitter is inside the tree.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Ctx {
    /// Inside `<pre>`: line breaks are kept (as paragraph breaks).
    pre: bool,
    /// Inside `<a>`.
    link: bool,
    /// Inside `<strong>` or `<b>`.
    bold: bool,
    /// Inside a caption.
    caption: bool,
}

/// Class names that mark a photo caption: `caption`, `picinfo` (CNA), `pic_txt`, `img_desc`.
const CAPTION_CLASSES: &[&str] = &[
    "caption",
    "picinfo",
    "pic_txt",
    "pictxt",
    "pic-txt",
    "img_desc",
    "imgdesc",
    "img-desc",
    "phototext",
    "photo-text",
    "pic_desc",
    "pic-desc",
];

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
}

/// Turns a subtree into blocks in document order.
pub(super) struct Emitter<'d, 'p, 'a> {
    doc: &'d Doc<'p, 'a>,
    filter: bool,
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
    /// Whether the text in `buf` belongs to a caption.
    buf_caption: bool,
}

impl<'d, 'p, 'a> Emitter<'d, 'p, 'a> {
    pub(super) fn new(doc: &'d Doc<'p, 'a>, filter: bool, skip_forms: bool) -> Self {
        Emitter {
            doc,
            filter,
            skip_forms,
            blocks: Vec::new(),
            links: Vec::new(),
            buf: String::new(),
            buf_chars: 0,
            buf_links: 0,
            buf_bold: 0,
            buf_caption: false,
        }
    }

    /// The paragraph being built, cleaned, and a fresh buffer; `None` for text without a
    /// letter, digit or image. Also says what the paragraph is.
    fn take_text(&mut self) -> Option<(String, Made)> {
        let text = collapse_ws(&self.buf);
        let (chars, links, bold) = (self.buf_chars, self.buf_links, self.buf_bold);
        let caption = self.buf_caption;
        self.buf.clear();
        self.buf_chars = 0;
        self.buf_links = 0;
        self.buf_bold = 0;
        self.buf_caption = false;
        let wordless = !text.chars().any(char::is_alphanumeric) && !image::only_images(&text);
        if text.is_empty() || wordless {
            return None;
        }
        let made = if chars > 0 && links * 4 >= chars * 3 {
            Made::Links
        } else if caption {
            Made::Caption
        } else if chars > 0 && bold == chars && numbered_like(text.trim_end_matches(['：', ':'])) {
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
            Some((text, Made::Links)) => Block::Dropped(text),
            Some((text, Made::Caption)) => Block::Caption(text),
            Some((text, Made::Bold)) => Block::Heading { level: 0, text },
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
                let text = decode_entities(&raw);
                if ctx.pre {
                    let mut lines = text.split('\n');
                    if let Some(first) = lines.next() {
                        self.push_text(first, ctx);
                    }
                    for line in lines {
                        self.flush();
                        self.push_text(line, ctx);
                    }
                } else {
                    self.push_text(&text, ctx);
                }
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
        match k {
            Kind::Br => self.flush(),
            Kind::Img => self.image(t),
            Kind::Heading(level) => {
                self.flush();
                let before = self.blocks.len();
                self.children(t, ctx, depth);
                if let Some((text, _)) = self.take_text() {
                    // Keep document order if the heading wrapped blocks of its own.
                    self.blocks.insert(before, Block::Heading { level, text });
                }
            }
            Kind::Para | Kind::Block => {
                self.flush();
                let pre = ctx.pre || t.name().as_bytes() == b"pre";
                let caption = ctx.caption || is_caption(t);
                self.children(
                    t,
                    Ctx {
                        pre,
                        caption,
                        ..ctx
                    },
                    depth,
                );
                self.flush();
            }
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
                let caption = ctx.caption || is_caption(t);
                self.children(
                    t,
                    Ctx {
                        bold,
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
        self.buf.push(' ');
        self.buf.push_str(&image::mark(&alt));
        self.buf.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::super::tests::{STORY, page, paras};
    use crate::article::image;

    #[test]
    fn br_splits_paragraphs_and_whitespace_collapses() {
        let html = page(
            "<title>Notes</title>",
            "<div class=\"content\"><p>  First   line of the notice,\n  still the first.<br>Second line of the notice here.<br/><br>\
             Third line after a double break.</p>\
             <p>　　全文缩进的段落，\n换行不应变成空格。</p></div>",
        );
        let p = parse(&html);
        assert_eq!(
            paras(&p),
            vec![
                "First line of the notice, still the first.",
                "Second line of the notice here.",
                "Third line after a double break.",
                "全文缩进的段落，换行不应变成空格。",
            ]
        );
    }

    #[test]
    fn images_become_placeholders() {
        let zh = page(
            "<title>河畔公园新添步道</title>",
            "<div><p>市园林部门表示，新步道沿湖修建，全长约三公里，设有多处休息平台。</p>\
             <p><img src=\"/p/1.jpg\"></p>\
             <p>附近居民说，清晨散步的人明显多了起来<img src=\"/p/2.jpg\" alt=\"湖边步道\">孩子们也喜欢在湖边骑车。</p>\
             <p><img src=\"/p/3.jpg\" width=\"1\" height=\"1\"><img src=\"/img/logo.png\"></p></div>",
        );
        let p = parse(&zh);
        let img = image::mark("");
        let lake = format!(
            "附近居民说，清晨散步的人明显多了起来 {} 孩子们也喜欢在湖边骑车。",
            image::mark("湖边步道")
        );
        assert_eq!(
            paras(&p),
            vec![
                "市园林部门表示，新步道沿湖修建，全长约三公里，设有多处休息平台。",
                img.as_str(),
                lake.as_str(),
            ]
        );
        let en = page(
            "<title>Ferry</title>",
            "<div><p><img src=\"a.jpg\" alt=\"The ferry at the pier\"></p><p><img src=\"b.jpg\"></p>\
             <p>The ferry across the bay restarted its morning service on Monday after repairs.</p></div>",
        );
        let p = parse(&en);
        let ferry = image::mark("The ferry at the pier");
        let img = image::mark("");
        assert_eq!(
            paras(&p),
            vec![
                ferry.as_str(),
                img.as_str(),
                "The ferry across the bay restarted its morning service on Monday after repairs.",
            ]
        );
    }

    #[test]
    fn link_lists_and_wordless_lines_are_dropped() {
        let html = page(
            "<title>Ferry</title>",
            &format!(
                "<div>{}<p><a href=\"/more\">Read more harbour stories</a></p><p>| + |</p>\
                 <p>Tickets cost two pounds, see <a href=\"/t\">the fares page</a> for details.</p></div>",
                &STORY[19..STORY.len() - 6]
            ),
        );
        let p = parse(&html);
        let ps = paras(&p);
        assert_eq!(ps.len(), 4, "{ps:?}");
        assert_eq!(
            ps[3],
            "Tickets cost two pounds, see the fares page for details."
        );
    }

    #[test]
    fn lists_and_blockquotes_are_paragraphs() {
        let html = page(
            "<title>Packing list</title>",
            "<div class=\"post\"><p>Here is what we packed for the long river trip last summer.</p>\
             <ul><li>Two dry bags<li>A small stove</ul>\
             <blockquote>Pack light, paddle far, and always check the forecast twice.</blockquote></div>",
        );
        let p = parse(&html);
        assert_eq!(
            paras(&p),
            vec![
                "Here is what we packed for the long river trip last summer.",
                "Two dry bags",
                "A small stove",
                "Pack light, paddle far, and always check the forecast twice.",
            ]
        );
    }
}
