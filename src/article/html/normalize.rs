//! Normalisation: a tolerant tokenizer that hands `tl` balanced, clean markup. `tl` builds its
//! tree without the HTML error-recovery rules, so this pass applies an abridged form of them
//! (implied end tags, end tags bounded by scope, raw-text elements dropped, nesting capped)
//! before `tl` sees the page. Tags are read by [`super::scan`]; this file holds the rules for
//! what each tag does to the stack of open elements.

use super::MAX_DEPTH;
use super::scan::{RawTag, Scan, find_end_tag, find_end_tag_start, scan_tag};
use crate::article::entities::entity_at;

/// Elements with no end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "command", "embed", "frame", "hr", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements dropped with everything up to their end tag (raw text, or never article text).
const DROPPED_RAW: &[&str] = &[
    "script", "style", "noscript", "iframe", "xmp", "noembed", "noframes", "textarea", "svg",
    "math", "template",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "dd",
    "dt",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// Elements an end tag of an ordinary inline element may not close across ("special" in the
/// HTML parsing rules, abridged).
const SPECIAL: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "html",
    "li",
    "main",
    "marquee",
    "menu",
    "nav",
    "object",
    "ol",
    "p",
    "pre",
    "section",
    "select",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements that bound the search for an element "in scope".
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
];

/// Rewrite `html` as balanced markup `tl` parses faithfully: comments, scripts and other raw
/// text elements dropped, implied end tags inserted, stray end tags ignored, nesting capped at
/// [`MAX_DEPTH`], tag names lower-cased and kept attributes double-quoted.
pub(super) fn normalize(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2 + 64);
    let mut stack: Vec<String> = Vec::new();
    // Where a search for `"` / `'` last failed: no need to scan the rest again (keeps pages
    // full of unterminated quotes linear).
    let mut no_quote_after = [usize::MAX; 2];
    let mut i = 0;
    while i < bytes.len() {
        let Some(off) = bytes[i..].iter().position(|&b| b == b'<') else {
            out.push_str(&html[i..]);
            break;
        };
        let lt = i + off;
        out.push_str(&html[i..lt]);
        let before = out.len();
        match scan_tag(html, lt, &mut no_quote_after) {
            Scan::Literal => {
                out.push_str("&lt;");
                i = lt + 1;
            }
            Scan::Skip(end) => i = end,
            Scan::Eof => break,
            Scan::Tag(tag) => {
                i = tag.end;
                if tag.closing {
                    end_tag(&mut out, &mut stack, &tag.name);
                } else if DROPPED_RAW.contains(&tag.name.as_str()) {
                    i = find_end_tag(bytes, i, &tag.name).unwrap_or(bytes.len());
                } else if tag.name == "title" {
                    let text_end = find_end_tag_start(bytes, i, "title").unwrap_or(bytes.len());
                    out.push_str("<title>");
                    out.push_str(&html[i..text_end].replace('<', "&lt;"));
                    out.push_str("</title>");
                    i = find_end_tag(bytes, i, "title").unwrap_or(bytes.len());
                } else {
                    start_tag(&mut out, &mut stack, &tag);
                }
            }
        }
        if out.len() == before {
            end_open_reference(&mut out);
        }
    }
    close_to(&mut out, &mut stack, 0);
    out
}

/// A tag or comment that leaves nothing in its place must not join a character reference
/// begun before it to the text after it (`&#</b>2024` is `&#2024` as text, not `ߨ`): a
/// browser ends the reference at the `<`. An unfinished reference at the end of `out` has its
/// `&` written as `&amp;`; a complete one (`&amp`, `&#x4E2D`) is resolved where it stands.
fn end_open_reference(out: &mut String) {
    let mut from = out.len().saturating_sub(40);
    while !out.is_char_boundary(from) {
        from += 1;
    }
    let Some(amp) = out[from..].rfind('&').map(|k| from + k) else {
        return;
    };
    let tail = &out[amp..];
    let open = tail[1..]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'#');
    if !open {
        return;
    }
    match entity_at(tail) {
        // Complete: resolved here, so that digits or letters after the tag cannot extend it.
        Some((c, used)) if used == tail.len() => {
            let text = match c {
                '&' => "&amp;".to_string(),
                '<' => "&lt;".to_string(),
                c => c.to_string(),
            };
            out.replace_range(amp.., &text);
        }
        _ => out.replace_range(amp..amp + 1, "&amp;"),
    }
}

/// Position in `stack` of the nearest open `target` not hidden behind a scope boundary
/// ([`SCOPE`] plus `extra`).
fn find_in_scope(stack: &[String], targets: &[&str], extra: &[&str]) -> Option<usize> {
    for (k, name) in stack.iter().enumerate().rev() {
        if targets.contains(&name.as_str()) {
            return Some(k);
        }
        if SCOPE.contains(&name.as_str()) || extra.contains(&name.as_str()) {
            return None;
        }
    }
    None
}

/// Emit end tags for `stack[k..]` and pop them.
fn close_to(out: &mut String, stack: &mut Vec<String>, k: usize) {
    while stack.len() > k {
        if let Some(name) = stack.pop() {
            out.push_str("</");
            out.push_str(&name);
            out.push('>');
        }
    }
}

fn start_tag(out: &mut String, stack: &mut Vec<String>, tag: &RawTag<'_>) {
    let name = tag.name.as_str();
    if matches!(name, "html" | "body" | "head") && stack.iter().any(|s| s == name) {
        return;
    }
    if name == "body"
        && let Some(k) = stack.iter().position(|s| s == "head")
    {
        close_to(out, stack, k);
    }
    if CLOSES_P.contains(&name)
        && let Some(k) = find_in_scope(stack, &["p"], &["button"])
    {
        close_to(out, stack, k);
    }
    let implied: Option<(&[&str], &[&str])> = match name {
        "li" => Some((&["li"], &["ul", "ol"])),
        "dd" | "dt" => Some((&["dd", "dt"], &["dl"])),
        "tr" => Some((&["tr"], &["tbody", "thead", "tfoot"])),
        "td" | "th" => Some((&["td", "th"], &["tr"])),
        "tbody" | "thead" | "tfoot" => Some((&["tbody", "thead", "tfoot"], &[])),
        "option" => Some((&["option"], &["select"])),
        "a" => Some((&["a"], SPECIAL)),
        _ => None,
    };
    if let Some((targets, bounds)) = implied {
        // Table cells bound the search for other cells, so search table-internal tags by hand.
        let found = if matches!(name, "tr" | "td" | "th" | "tbody" | "thead" | "tfoot") {
            stack
                .iter()
                .rposition(|s| targets.contains(&s.as_str()) || s == "table")
                .filter(|&k| stack[k] != "table")
                .filter(|&k| {
                    !stack[k + 1..]
                        .iter()
                        .any(|s| s == "table" || bounds.contains(&s.as_str()))
                })
        } else {
            find_in_scope(stack, targets, bounds)
        };
        if let Some(k) = found {
            close_to(out, stack, k);
        }
    }
    if name.len() == 2
        && name.starts_with('h')
        && matches!(name.as_bytes()[1], b'1'..=b'6')
        && stack.last().is_some_and(|s| {
            s.len() == 2 && s.starts_with('h') && matches!(s.as_bytes()[1], b'1'..=b'6')
        })
    {
        let k = stack.len() - 1;
        close_to(out, stack, k);
    }
    let void = VOID.contains(&name);
    if !void && stack.len() >= MAX_DEPTH {
        return;
    }
    out.push('<');
    out.push_str(name);
    for (key, value) in &tag.attrs {
        out.push(' ');
        out.push_str(key);
        out.push_str("=\"");
        for c in value.chars() {
            match c {
                '"' => out.push_str("&quot;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                _ => out.push(c),
            }
        }
        out.push('"');
    }
    if void {
        out.push_str(" />");
    } else {
        out.push('>');
        stack.push(tag.name.clone());
    }
}

fn end_tag(out: &mut String, stack: &mut Vec<String>, name: &str) {
    let found = match name {
        "br" => {
            out.push_str("<br />");
            return;
        }
        "body" | "html" => return,
        "p" => find_in_scope(stack, &["p"], &["button"]),
        "li" => find_in_scope(stack, &["li"], &["ul", "ol"]),
        "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" => stack
            .iter()
            .rposition(|s| s == name || s == "table" || s == "html" || s == "template")
            .filter(|&k| stack[k] == name),
        _ if SPECIAL.contains(&name) => find_in_scope(stack, &[name], &[]),
        _ => {
            let mut found = None;
            for (k, open) in stack.iter().enumerate().rev() {
                if open == name {
                    found = Some(k);
                    break;
                }
                if SPECIAL.contains(&open.as_str()) {
                    break;
                }
            }
            found
        }
    };
    if let Some(k) = found {
        close_to(out, stack, k);
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::super::tests::{STORY, page, paras};
    use super::normalize;

    #[test]
    fn scripts_styles_nav_and_comments_are_skipped() {
        let html = page(
            "<title>Ferry service returns</title><style>p { color: red }</style>",
            &format!(
                "<script>if (a<b && c>d) {{ document.write('<div><p>script text</p>'); }}</script>\
                 <nav><a href=\"/\">Home</a><a href=\"/news\">News</a></nav>\
                 <!-- a comment with <p>hidden words</p> -->\
                 <noscript><p>Please enable scripts to read this site.</p></noscript>\
                 <p style=\"display: none\">Invisible teaser text that nobody should read here.</p>\
                 {STORY}<footer><p>All rights reserved by the example company.</p></footer>"
            ),
        );
        let p = parse(&html);
        let text = paras(&p).join("\n");
        assert_eq!(paras(&p).len(), 3, "{text}");
        for junk in ["script", "Home", "hidden", "enable", "Invisible", "rights"] {
            assert!(!text.contains(junk), "{junk} in {text}");
        }
    }

    #[test]
    fn a_reference_cut_by_a_vanishing_tag_ends_at_it() {
        // `&#` then a stray end tag then digits: text, not U+07E8.
        assert_eq!(normalize("<p>x &#</b>2024</p>"), "<p>x &amp;#2024</p>");
        assert_eq!(normalize("&#<!-- c -->2024"), "&amp;#2024");
        // A complete reference is resolved where it stands, not extended by what follows.
        assert_eq!(normalize("<p>&#x4E2D</span>AB</p>"), "<p>中AB</p>");
        assert_eq!(normalize("<p>a &amp</b>amp;</p>"), "<p>a &amp;amp;</p>");
        // A tag that stays splits the text itself: nothing to do.
        assert_eq!(
            normalize("<p>x &#<b>2024</b></p>"),
            "<p>x &#<b>2024</b></p>"
        );
    }

    #[test]
    fn malformed_markup_is_recovered() {
        // Unclosed paragraphs, stray and misnested end tags, upper-case names, a bare `<`.
        let html = "<HTML><BODY><DIV class=x><P>First paragraph of the broken page, still readable.\
                    <P>Second paragraph, with 3 < 4 and a stray </span> end tag.</b>\
                    <P>Third <b>bold <i>and</b> italic</i> paragraph to finish the page.</DIV>";
        let p = parse(html);
        assert_eq!(
            paras(&p),
            vec![
                "First paragraph of the broken page, still readable.",
                "Second paragraph, with 3 < 4 and a stray end tag.",
                "Third bold and italic paragraph to finish the page.",
            ]
        );
        // Unterminated constructs must not panic.
        for bad in [
            "<p>text <!-- never closed",
            "<p>text <script>var x = '<p>';",
            "<p a=\"unterminated>text</p>",
            "<p>text</p><",
            "<p>text</p></",
            "<div <p>>",
            "&#x110000; &#; &; &#xZZ; &",
            "<table><tr><td><div>cell</td></tr></table></div>",
            "<title>only a title",
            "<p>\u{0}\u{FFFF}\u{E000}</p>",
        ] {
            let _ = parse(bad);
        }
    }

    #[test]
    fn normalize_closes_implied_elements() {
        assert_eq!(
            normalize("<ul><li>a<li>b</ul><p>x<div>y</div>"),
            "<ul><li>a</li><li>b</li></ul><p>x</p><div>y</div>"
        );
        // A `</div>` inside a table cell cannot close a div outside the table.
        assert_eq!(
            normalize("<div><table><tr><td>a</div></td></tr></table>b</div>"),
            "<div><table><tr><td>a</td></tr></table>b</div>"
        );
        assert_eq!(
            normalize("<IMG SRC=x.jpg ALT='a \"b\"'><br/>"),
            "<img src=\"x.jpg\" alt=\"a &quot;b&quot;\" /><br />"
        );
    }
}
