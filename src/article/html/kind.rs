//! How an element takes part in extraction, judged from its tag name and its `class`/`id`:
//! paragraph, heading, block, link, image, or page furniture to leave out. The scorer and the
//! renderer both ask these questions and must get the same answers, so the answers live here,
//! apart from either of them.

/// How an element takes part in extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::article) enum Kind {
    /// Never article text (scripts, navigation, forms controls, page chrome).
    Skip,
    /// A paragraph element (`p`, `pre`).
    Para,
    /// `h1`–`h6`.
    Heading(u8),
    /// A block container: splits paragraphs, may hold text runs of its own.
    Block,
    /// A link; its text counts against the paragraph.
    Link,
    /// A line break.
    Br,
    /// An image.
    Img,
    /// Any other (phrasing) element.
    Inline,
}

pub(in crate::article) fn kind(name: &[u8]) -> Kind {
    match name {
        b"p" | b"pre" | b"listing" | b"plaintext" => Kind::Para,
        [b'h', d @ b'1'..=b'6'] => Kind::Heading(d - b'0'),
        b"a" => Kind::Link,
        b"br" => Kind::Br,
        b"img" => Kind::Img,
        b"div" | b"section" | b"article" | b"main" | b"td" | b"th" | b"tr" | b"tbody"
        | b"thead" | b"tfoot" | b"table" | b"caption" | b"ul" | b"ol" | b"li" | b"dl" | b"dd"
        | b"dt" | b"blockquote" | b"figure" | b"figcaption" | b"center" | b"address" | b"body"
        | b"html" | b"hr" | b"details" | b"summary" | b"fieldset" | b"hgroup" | b"dir"
        | b"form" | b"legend" => Kind::Block,
        b"script" | b"style" | b"noscript" | b"iframe" | b"nav" | b"header" | b"footer"
        | b"aside" | b"select" | b"button" | b"textarea" | b"svg" | b"math" | b"template"
        | b"object" | b"embed" | b"canvas" | b"video" | b"audio" | b"map" | b"head" | b"input"
        | b"option" | b"optgroup" | b"dialog" | b"applet" | b"title" | b"meta" | b"link"
        | b"base" | b"source" | b"track" | b"noembed" | b"noframes" | b"menu" | b"frameset"
        | b"frame" | b"datalist" | b"output" | b"progress" | b"meter" | b"rt" | b"rp" => Kind::Skip,
        _ => Kind::Inline,
    }
}

use crate::article::lexicon::{CONTENT_CLASSES, FURNITURE_CLASSES, MAYBE_FURNITURE};

/// Lower-cased `class` and `id` of a tag, space separated.
pub(super) fn class_and_id(t: &tl::HTMLTag<'_>) -> String {
    let attrs = t.attributes();
    let mut s = String::new();
    if let Some(c) = attrs.class() {
        s.push_str(&c.as_utf8_str());
    }
    if let Some(i) = attrs.id() {
        s.push(' ');
        s.push_str(&i.as_utf8_str());
    }
    s.make_ascii_lowercase();
    s
}

/// Whole `class`/`id` tokens (split at anything not alphanumeric) equal to one of `words`.
fn has_token(ci: &str, words: &[&str]) -> bool {
    ci.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| words.contains(&t))
}

/// Whole tokens that are weak marks of furniture: navigation, ads, tags, share bars.
const TOKENS: &[&str] = &["nav", "ad", "ads", "rss", "tags", "tag", "share", "foot"];

/// One automaton for the three word lists, so a `class`/`id` is read once, not once per word.
static WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(
        FURNITURE_CLASSES
            .iter()
            .chain(MAYBE_FURNITURE)
            .chain(CONTENT_CLASSES),
    )
    .expect("fixed word lists build an automaton")
});

/// Page furniture by its `class`/`id`: comments, related links, share bars, ads and the like.
fn is_unlikely(ci: &str) -> bool {
    if ci.is_empty() {
        return false;
    }
    let (mut weak, mut keep) = (false, false);
    for m in WORDS.find_overlapping_iter(ci) {
        let i = m.pattern().as_usize();
        if i < FURNITURE_CLASSES.len() {
            return true;
        }
        if i < FURNITURE_CLASSES.len() + MAYBE_FURNITURE.len() {
            weak = true;
        } else {
            keep = true;
        }
    }
    (weak || has_token(ci, TOKENS)) && !keep
}

/// The classes of a social post's embed code that the platform's script replaces with the
/// post (Facebook's `fb-xfbml-parse-ignore` blockquote, Instagram's `instagram-media`,
/// TikTok's `tiktok-embed`): their text is a fallback (the post's caption, "Posted by … on
/// …"), not the article's. Tweets are left in: their text is often quoted as the story's.
const EMBED_FALLBACKS: &[&str] = &["fb-xfbml-parse-ignore", "instagram-media", "tiktok-embed"];

/// Whether a tag is left out of scoring and output.
pub(super) fn skipped(t: &tl::HTMLTag<'_>, k: Kind, filter: bool) -> bool {
    if k == Kind::Skip || t.attributes().contains("hidden") {
        return true;
    }
    if let Some(class) = t.attributes().class() {
        let class = class.as_utf8_str();
        if class.split_ascii_whitespace().any(|c| {
            [
                "hidden",
                "hide",
                "invisible",
                "visually-hidden",
                "visuallyhidden",
                "sr-only",
                "screen-reader-text",
                "element-invisible",
                "offscreen",
            ]
            .iter()
            .chain(EMBED_FALLBACKS)
            .any(|h| c.eq_ignore_ascii_case(h))
        }) {
            return true;
        }
    }
    if filter
        && !matches!(
            t.name().as_bytes(),
            b"body" | b"html" | b"article" | b"main"
        )
    {
        return is_unlikely(&class_and_id(t));
    }
    false
}
