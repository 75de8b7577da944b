//! The HTML front end. Saved news pages carry the article inside a great deal of page furniture
//! (navigation, scripts, share buttons, comment boxes, "related" lists), and the metadata sits in
//! `<meta>` tags rather than in the text. This module turns such a page into [`Parsed`]: the
//! front matter the markup states outright, and the body of the article found readability-style
//! (the element whose paragraphs carry the most non-link text), as [`Block`]s in reading order.
//!
//! Real pages are often malformed (unclosed `<p>` and `<li>`, stray end tags, `<` inside
//! scripts), and `tl` builds its tree without the HTML error-recovery rules. So the input is
//! first rewritten by a small tolerant tokenizer ([`normalize`]) that drops scripts, styles and
//! comments, closes implied elements the way browsers do, caps nesting depth and re-quotes
//! attributes; `tl` then parses that clean, balanced markup.

mod author;
mod emit;
mod finish;
mod info;
pub(super) mod kind;
mod meta;
mod normalize;
mod scan;
mod score;
mod text;
mod title;

use super::block::{Block, Parsed};
use super::model::Link;
use emit::{Ctx, Emitter};
use finish::finish_blocks;
use score::Scorer;
use text::clean_text;

/// Deepest element nesting kept; deeper start tags are dropped (their text is kept). Bounds
/// every recursive walk below.
const MAX_DEPTH: usize = 160;

/// Extract the article from a saved news web page: metadata from `<meta>`, `<title>`,
/// `<link rel=canonical>` and `<time>`, and the body blocks of the main content container.
/// Never panics; any input, however malformed, gives some (possibly empty) result.
pub(crate) fn parse(html: &str) -> Parsed {
    parse_as(html, false)
}

/// A feed item's content set in a small page (its `<title>` the item's title): the whole body
/// is the article, so every block of it is kept as its markup says, with no container chosen
/// and no paragraph of links left out.
pub(crate) fn parse_item(html: &str) -> Parsed {
    parse_as(html, true)
}

/// HTML that stands inside another document (a block of HTML in Markdown): its blocks, in
/// order, every one kept as its markup says, and the links in them.
pub(crate) fn fragment(html: &str) -> (Vec<Block>, Vec<Link>) {
    let clean = normalize::normalize(html);
    let Ok(dom) = tl::parse(&clean, tl::ParserOptions::default()) else {
        return (Vec::new(), Vec::new());
    };
    let doc = Doc {
        parser: dom.parser(),
        nodes: dom.nodes(),
        roots: dom.children(),
    };
    let (blocks, links, _) = doc.all_blocks();
    (blocks, links)
}

fn parse_as(html: &str, whole: bool) -> Parsed {
    let (cms_date, cms_author) = meta::cms_comment(html);
    let saved_from = meta::saved_from(html);
    let clean = normalize::normalize(html);
    let Ok(dom) = tl::parse(&clean, tl::ParserOptions::default()) else {
        return Parsed::default();
    };
    let doc = Doc {
        parser: dom.parser(),
        nodes: dom.nodes(),
        roots: dom.children(),
    };
    let mut meta = doc.collect_meta();
    meta.json_ld = author::json_ld(html);
    let mut front = meta.front_matter();
    front.date = front.date.or(cms_date);
    front.author = front.author.or(cms_author);
    front.url = front.url.or(saved_from);
    let (mut blocks, links, story) = if whole {
        doc.all_blocks()
    } else {
        doc.body_blocks()
    };
    let headline = meta.headline(front.title.as_deref());
    let shown = info::shown(&doc.lines(headline, story), headline, story);
    if front.date.is_none() {
        front.date = shown.date;
    } else {
        front.shown_date = shown.date;
    }
    front.shown_author = shown.byline;
    front.shown_editor = shown.editor;
    front.shown_source = shown.source;
    finish_blocks(&mut blocks, &front, &meta);
    Parsed {
        front,
        blocks,
        links,
    }
}

/// The parsed page.
struct Doc<'p, 'a> {
    parser: &'p tl::Parser<'a>,
    nodes: &'p [tl::Node<'a>],
    roots: &'p [tl::NodeHandle],
}

impl<'p, 'a> Doc<'p, 'a> {
    fn tag(&self, h: tl::NodeHandle) -> Option<&'p tl::HTMLTag<'a>> {
        h.get(self.parser).and_then(|n| n.as_tag())
    }

    fn attr(t: &tl::HTMLTag<'_>, key: &str) -> Option<String> {
        t.attributes()
            .get(key)
            .flatten()
            .map(|v| clean_text(&v.as_utf8_str()))
    }

    /// Inner text of a tag, cleaned.
    fn text_of(&self, t: &tl::HTMLTag<'a>) -> String {
        clean_text(&t.inner_text(self.parser))
    }

    /// Every block of the body (or of the whole input when it has no `<body>`), none left
    /// out for its class or its links.
    fn all_blocks(&self) -> (Vec<Block>, Vec<Link>, (usize, usize)) {
        self.whole_body(Emitter::new(self, false, false).whole())
    }

    /// The blocks `e` makes of the whole body (of every root when there is no `<body>`).
    fn whole_body(&self, mut e: Emitter<'_, 'p, 'a>) -> (Vec<Block>, Vec<Link>, (usize, usize)) {
        let body = self
            .nodes
            .iter()
            .position(|n| n.as_tag().is_some_and(|t| t.name().as_bytes() == b"body"));
        match body.and_then(|i| u32::try_from(i).ok()) {
            Some(i) => e.emit(tl::NodeHandle::new(i), Ctx::default(), 0),
            None => {
                for &r in self.roots {
                    e.emit(r, Ctx::default(), 0);
                }
            }
        }
        e.flush();
        (e.blocks, e.links, (0, self.nodes.len()))
    }

    /// The body blocks (those of the main content container, or of the whole body when no
    /// container holds paragraphs), the links met in them, and the node range they came from.
    fn body_blocks(&self) -> (Vec<Block>, Vec<Link>, (usize, usize)) {
        for filter in [true, false] {
            let mut scorer = Scorer::new(self, filter);
            for &r in self.roots {
                scorer.analyze(r, false, 0);
            }
            if let Some(roots) = scorer.choose() {
                let mut e = Emitter::new(self, filter, true);
                for &h in &roots {
                    e.emit(h, Ctx::default(), 0);
                }
                e.flush();
                if e.blocks.iter().any(|b| matches!(b, Block::Para(_))) {
                    let range = self.range_of(&roots);
                    return (e.blocks, e.links, range);
                }
            }
        }
        // Fallback: the body's text split at block elements.
        self.whole_body(Emitter::new(self, false, false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn paras(p: &Parsed) -> Vec<&str> {
        p.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Para(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    pub(super) fn headings(p: &Parsed) -> Vec<(u8, &str)> {
        p.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text, .. } => Some((*level, text.as_str())),
                _ => None,
            })
            .collect()
    }

    /// A page with a navigation list and a short article, all in our own words.
    pub(super) fn page(head: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
    }

    pub(super) const STORY: &str = "<div class=\"story\">\
        <p>The ferry across the bay restarted its morning service on Monday after a month of repairs.</p>\
        <p>Commuters lined up before dawn, and the first crossing left the pier exactly on time.</p>\
        <p>Harbour officials said the evening timetable will return next week if the weather holds.</p>\
        </div>";

    #[test]
    fn entities_in_pages_are_decoded() {
        let html = page(
            "<title>Fish &amp; chips &ndash; a history</title>",
            "<div><p>Salt&nbsp;&amp;&nbsp;vinegar, &ldquo;always&rdquo; &#8212; said the cook&#12290;&#x4E2D; &copy2020 &bogus; &#0; &#150;</p>\
             <p>A second paragraph that is long enough to count as article text here.</p></div>",
        );
        let p = parse(&html);
        assert_eq!(p.front.title.as_deref(), Some("Fish & chips – a history"));
        assert_eq!(
            paras(&p)[0],
            "Salt & vinegar, “always” — said the cook。中 ©2020 &bogus; \u{FFFD} –"
        );
    }

    #[test]
    fn falls_back_to_body_text_without_paragraphs() {
        let html = page(
            "<title>Hi</title>",
            "<div>Open</div><div>Shut<br>Later</div>",
        );
        let p = parse(&html);
        assert_eq!(paras(&p), vec!["Open", "Shut", "Later"]);
    }

    #[test]
    fn empty_and_trivial_input() {
        assert_eq!(parse(""), Parsed::default());
        assert_eq!(parse("   \n"), Parsed::default());
        let p = parse("just some words");
        assert_eq!(paras(&p), vec!["just some words"]);
        assert!(
            parse("<html><head></head><body></body></html>")
                .blocks
                .is_empty()
        );
    }

    #[test]
    fn deep_nesting_and_big_pages_are_handled() {
        let deep = "<div>".repeat(50_000) + "deep text" + &"</div>".repeat(50_000);
        let p = parse(&deep);
        assert_eq!(paras(&p), vec!["deep text"]);
        let unclosed = "<span><b>".repeat(40_000);
        let _ = parse(&unclosed);
        let mut big = String::from("<html><head><title>Big page</title></head><body>");
        for i in 0..2_500 {
            big.push_str(&format!(
                "<div class=\"nav\"><a href=\"/{i}\">link {i}</a></div>\
                 <p>Paragraph number {i} of a long page, written to test the speed of the parser.</p>"
            ));
        }
        big.push_str("</body></html>");
        assert!(big.len() > 300_000);
        let p = parse(&big);
        assert_eq!(paras(&p).len(), 2_500);
    }

    /// Inputs that once took quadratic time; here they must parse at all (no panic, no
    /// hang). Their speed is measured by `cargo bench --bench pathological`.
    #[test]
    fn pathological_inputs_parse() {
        for bad in [
            "<a b='>x".repeat(40_000),
            "<a b=\"".repeat(40_000),
            "<p".repeat(100_000),
            "<!--".repeat(50_000),
            "</".repeat(100_000),
            "<title>".repeat(50_000),
            "<script>".repeat(30_000),
            "&#x".repeat(100_000),
            "<h1 class=title>".repeat(20_000),
            "<div class=author>".repeat(20_000),
        ] {
            let _ = parse(&bad);
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_tag_soup(parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("<p>"), proptest::strategy::Just("</p>"),
                proptest::strategy::Just("<div class=\"content\">"), proptest::strategy::Just("</div>"),
                proptest::strategy::Just("<a href='x'>"), proptest::strategy::Just("</a>"),
                proptest::strategy::Just("<br>"), proptest::strategy::Just("<img alt=\"pic\">"),
                proptest::strategy::Just("<h2>"), proptest::strategy::Just("</h2>"),
                proptest::strategy::Just("<table><tr><td>"), proptest::strategy::Just("</td></tr></table>"),
                proptest::strategy::Just("<script>"), proptest::strategy::Just("</script>"),
                proptest::strategy::Just("<!--"), proptest::strategy::Just("-->"),
                proptest::strategy::Just("<li>"), proptest::strategy::Just("&amp;&#12290;&"),
                proptest::strategy::Just("some words here, "), proptest::strategy::Just("中文句子。"),
                proptest::strategy::Just("<"), proptest::strategy::Just(">"), proptest::strategy::Just("\""),
                proptest::strategy::Just("<title>"), proptest::strategy::Just("<meta name=author content="),
            ],
            0..120,
        ), tail in ".{0,40}") {
            let html = parts.concat() + &tail;
            let p = parse(&html);
            for b in &p.blocks {
                match b {
                    Block::Para(t) | Block::Heading { text: t, .. } => {
                        proptest::prop_assert!(!t.is_empty());
                        proptest::prop_assert_eq!(t.trim(), t.as_str());
                    }
                    _ => {}
                }
            }
        }
    }

    /// Parses every saved page of the shared corpus, when it is present.
    #[test]
    fn corpus_pages_give_a_title_and_paragraphs() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
        let Ok(entries) = std::fs::read_dir(dir) else {
            {
                use std::io::Write as _;
                // Straight to stderr: test output capture would hide a println.
                let _ = writeln!(
                    std::io::stderr(),
                    "corpus folder {} absent: corpus test skipped",
                    dir.display()
                );
            }
            return;
        };
        let mut seen = 0;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "html") {
                continue;
            }
            let html = std::fs::read_to_string(&path).expect("corpus page is UTF-8");
            let p = parse(&html);
            let name = path.display();
            assert!(
                p.front
                    .title
                    .as_deref()
                    .is_some_and(|t| !t.trim().is_empty()),
                "{name}: no title"
            );
            // Captions count: a site that cuts its story short leaves a picture's caption and
            // one paragraph.
            let real = p
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Para(t) | Block::Caption(t) => Some(t),
                    _ => None,
                })
                .filter(|t| t.chars().filter(|c| c.is_alphanumeric()).count() >= 10)
                .count();
            assert!(real >= 3, "{name}: only {real} paragraphs: {:?}", p.blocks);
            seen += 1;
        }
        println!("parsed {seen} corpus pages");
    }
}
