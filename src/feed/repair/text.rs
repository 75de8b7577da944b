//! The text of a feed document: character and entity references kept when well-formed,
//! repaired when not (a bare `&`, a reference to no character); and the content of an RSS
//! text element (`<title>`, `<description>`, `<content:encoded>`), which holds text only,
//! read as HTML reads `<title>`: markup inside it is text, up to its end tag.

use memchr::memchr2;

use super::Fix;
use super::walk::{CDATA_END, COMMENT_END, Repairer};

/// RSS elements that hold text (HTML or plain), never elements: markup inside them is text.
/// Compared by local name, so `content:encoded` is one.
const TEXT_ELEMENTS: &[&str] = &["title", "description", "encoded", "summary"];

impl<'a> Repairer<'a> {
    /// The content of an RSS text element (`<title>`, `<description>`, `<content:encoded>`)
    /// that starts at `from`, read as HTML's `<title>` is: text up to its end tag, where a
    /// `<` that is not a CDATA section or a comment is text too (`<草根网>`, `<T>`, the
    /// `<p>` of HTML left unescaped, even a stray `</channel>`). Ends at the element's end
    /// tag, which is then read as usual. An element never closed (its item ends or the next
    /// starts first, or the document does) is closed where the first end tag of an element
    /// open around it stands, or else where its item ends. Returns where reading goes on.
    pub(super) fn text_content(&mut self, from: usize) -> usize {
        let name = self.stack.last().map_or("", |o| o.name);
        // The first end tag of an enclosing element, and how many edits were made before it.
        let mut outer: Option<(usize, usize)> = None;
        let mut i = from;
        let stop = loop {
            let Some(off) = memchr2(b'<', b'&', &self.b[i..]) else {
                break self.b.len();
            };
            let p = i + off;
            if self.b[p] == b'&' {
                i = self.reference(p);
                continue;
            }
            let rest = &self.b[p..];
            let skip = if rest.starts_with(b"<![CDATA[") {
                self.find(CDATA_END, p + 9).map(|e| e + 3)
            } else if rest.starts_with(b"<!--") {
                self.find(COMMENT_END, p + 4).map(|e| e + 3)
            } else {
                None
            };
            if let Some(end) = skip {
                i = end;
                continue;
            }
            let closing = rest.starts_with(b"</");
            let tag_name = self.name_end(p + 1 + usize::from(closing)).and_then(|e| {
                let after = self.b.get(e);
                let ends = matches!(after, Some(b'>' | b'/'))
                    || after.is_some_and(u8::is_ascii_whitespace);
                ends.then(|| &self.src[p + 1 + usize::from(closing)..e])
            });
            if let Some(tag) = tag_name {
                if closing && tag.eq_ignore_ascii_case(name) {
                    return p;
                }
                if tag.eq_ignore_ascii_case("item") {
                    break p;
                }
                if closing && outer.is_none() && self.open_names.get(tag).is_some_and(|n| *n > 0) {
                    outer = Some((p, self.edits.len()));
                }
            }
            self.edit(p, p + 1, "&lt;", Fix::MarkupInText);
            i = p + 1;
        };
        let at = match outer {
            Some((at, edits)) => {
                // What was read past that end tag is read again as markup.
                self.edits.truncate(edits);
                at
            }
            None => stop,
        };
        self.text_left_open(at)
    }

    /// A text element never closed, whose text ends at `at`: closed there.
    pub(super) fn text_left_open(&mut self, at: usize) -> usize {
        if let Some(open) = self.pop() {
            self.unclosed(open, at);
        }
        at
    }

    /// A reference at the `&` at `p`: kept when it is one, else repaired; returns where
    /// reading goes on.
    pub(super) fn reference(&mut self, p: usize) -> usize {
        let b = self.b;
        if b.get(p + 1) == Some(&b'#') {
            let hex = matches!(b.get(p + 2), Some(b'x' | b'X'));
            let from = p + 2 + usize::from(hex);
            let mut k = from;
            while k < b.len()
                && (if hex {
                    b[k].is_ascii_hexdigit()
                } else {
                    b[k].is_ascii_digit()
                })
            {
                k += 1;
            }
            if k > from && b.get(k) == Some(&b';') {
                let digits = &self.src[from..k];
                let code = u32::from_str_radix(digits, if hex { 16 } else { 10 }).ok();
                let valid = code.filter(|c| *c != 0).and_then(char::from_u32).is_some();
                if !valid {
                    self.edit(p, k + 1, "&#xFFFD;", Fix::BadCharRef);
                } else if b[p + 2] == b'X' {
                    let with = format!("&#x{digits};");
                    self.edit(p, k + 1, &with, Fix::BadCharRef);
                }
                return k + 1;
            }
        } else if let Some(end) = self.name_end(p + 1)
            && b.get(end) == Some(&b';')
        {
            return end + 1;
        }
        self.edit(p, p + 1, "&amp;", Fix::BareAmpersand);
        p + 1
    }
}

/// Whether `name` is an RSS text element (see [`TEXT_ELEMENTS`]).
pub(super) fn is_text_element(name: &str) -> bool {
    let local = name.rsplit(':').next().unwrap_or(name);
    TEXT_ELEMENTS.iter().any(|e| e.eq_ignore_ascii_case(local))
}
