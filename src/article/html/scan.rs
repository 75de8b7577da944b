//! Reading raw markup one construct at a time: a start or end tag with the attributes worth
//! keeping, a comment or doctype to drop, or a `<` that is only text. Kept apart from
//! [`super::normalize`], which decides what each tag does to the tree, because the lexing rules
//! (quoting, unterminated constructs, which attributes survive, staying linear on hostile
//! input) change for different reasons than the tree-building rules.

/// Attributes kept for `tl`; everything else is dropped to keep the tree small.
const KEPT_ATTRS: &[&str] = &[
    "id",
    "class",
    "name",
    "property",
    "content",
    "itemprop",
    "rel",
    "href",
    "alt",
    "datetime",
    "lang",
    "width",
    "height",
    "hidden",
    "src",
    "start",
    "data-src",
    "data-original",
];

/// Whether an attribute is one where a page that loads its pictures late keeps the address
/// (`data-lazy-src`, `data-actualsrc`, `data-original-src`, `data-srcset`, `srcset`): lazy
/// loaders name them freely, but always `data-…` ending in `src` or `srcset`.
pub(super) fn late_picture_attr(name: &str) -> bool {
    name == "srcset"
        || (name.starts_with("data-") && (name.ends_with("src") || name.ends_with("srcset")))
}

/// One tag as read by [`scan_tag`].
pub(super) struct RawTag<'a> {
    pub(super) name: String,
    pub(super) closing: bool,
    pub(super) attrs: Vec<(String, &'a str)>,
    /// Byte index just past the closing `>`.
    pub(super) end: usize,
}

/// What sits at a `<` in the source.
pub(super) enum Scan<'a> {
    /// A start or end tag.
    Tag(RawTag<'a>),
    /// A comment, doctype or processing instruction, to drop; the index is just past it.
    Skip(usize),
    /// A `<` that starts no markup: literal text.
    Literal,
    /// Markup that never ends: the rest of the input is dropped.
    Eof,
}

fn is_html_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':')
}

/// Read the markup starting at the `<` at `lt`. `no_quote_after` remembers, for `"` and `'`,
/// a position after which that quote does not occur.
pub(super) fn scan_tag<'h>(html: &'h str, lt: usize, no_quote_after: &mut [usize; 2]) -> Scan<'h> {
    let b = html.as_bytes();
    let len = b.len();
    let Some(&next) = b.get(lt + 1) else {
        return Scan::Literal;
    };
    if next == b'!' {
        if b[lt..].starts_with(b"<!--") {
            return match find_bytes(b, lt + 4, b"-->") {
                Some(p) => Scan::Skip(p + 3),
                None => Scan::Eof,
            };
        }
        return match find_byte(b, lt + 2, b'>') {
            Some(p) => Scan::Skip(p + 1),
            None => Scan::Eof,
        };
    }
    if next == b'?' {
        return match find_byte(b, lt + 2, b'>') {
            Some(p) => Scan::Skip(p + 1),
            None => Scan::Eof,
        };
    }
    let closing = next == b'/';
    let name_start = if closing { lt + 2 } else { lt + 1 };
    match b.get(name_start) {
        Some(c) if c.is_ascii_alphabetic() => {}
        _ if closing => {
            // `</>` or `</ 3`: a bogus comment up to the next `>`.
            return match find_byte(b, name_start, b'>') {
                Some(p) => Scan::Skip(p + 1),
                None => Scan::Eof,
            };
        }
        _ => return Scan::Literal,
    }
    let mut p = name_start;
    while p < len && is_name_byte(b[p]) {
        p += 1;
    }
    let name = html[name_start..p].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while p < len && (is_html_space(b[p]) || b[p] == b'/') {
            p += 1;
        }
        if p >= len {
            return Scan::Eof;
        }
        if b[p] == b'>' {
            p += 1;
            break;
        }
        // An attribute name runs to a space, `/`, `>` or `=` (a leading `=` belongs to it).
        let ns = p;
        p += 1;
        while p < len && !is_html_space(b[p]) && !matches!(b[p], b'/' | b'>' | b'=') {
            p += 1;
        }
        let attr_name = &html[ns..p];
        while p < len && is_html_space(b[p]) {
            p += 1;
        }
        let mut value = "";
        if p < len && b[p] == b'=' {
            p += 1;
            while p < len && is_html_space(b[p]) {
                p += 1;
            }
            if p < len && (b[p] == b'"' || b[p] == b'\'') {
                let quote = b[p];
                p += 1;
                // An unterminated quote ends at the next `>` rather than swallowing the page.
                let slot = usize::from(quote == b'\'');
                let closing_quote = if p >= no_quote_after[slot] {
                    None
                } else {
                    find_byte(b, p, quote)
                };
                if closing_quote.is_none() {
                    no_quote_after[slot] = no_quote_after[slot].min(p);
                }
                let end = closing_quote
                    .or_else(|| find_byte(b, p, b'>'))
                    .unwrap_or(len);
                value = &html[p..end];
                p = if end < len && b[end] == quote {
                    end + 1
                } else {
                    end
                };
            } else {
                let vs = p;
                while p < len && !is_html_space(b[p]) && b[p] != b'>' {
                    p += 1;
                }
                value = &html[vs..p];
            }
        }
        if !closing {
            let lower = attr_name.to_ascii_lowercase();
            if lower == "style" {
                let style: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if style.contains("display:none") || style.contains("visibility:hidden") {
                    attrs.push(("hidden".to_owned(), ""));
                }
            } else if KEPT_ATTRS.contains(&lower.as_str()) || late_picture_attr(&lower) {
                attrs.push((lower, value));
            }
        }
    }
    Scan::Tag(RawTag {
        name,
        closing,
        attrs,
        end: p,
    })
}

fn find_byte(b: &[u8], from: usize, needle: u8) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&c| c == needle)
        .map(|p| p + from)
}

fn find_bytes(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = b.get(from..)?;
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Index of the `<` of the first `</name` (case-insensitive, followed by a non-name byte)
/// at or after `from`.
pub(super) fn find_end_tag_start(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let n = name.len();
    let mut p = from;
    loop {
        let lt = find_byte(b, p, b'<')?;
        if b.get(lt + 1) == Some(&b'/')
            && b.get(lt + 2..lt + 2 + n)
                .is_some_and(|s| s.eq_ignore_ascii_case(name.as_bytes()))
            && !b.get(lt + 2 + n).is_some_and(|&c| is_name_byte(c))
        {
            return Some(lt);
        }
        p = lt + 1;
    }
}

/// Index just past the `>` of the first `</name ...>` at or after `from`.
pub(super) fn find_end_tag(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let lt = find_end_tag_start(b, from, name)?;
    Some(find_byte(b, lt, b'>').map_or(b.len(), |p| p + 1))
}
