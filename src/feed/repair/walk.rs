//! The walk over a feed document: one pass, the way a lenient tokenizer reads, keeping the
//! elements open at each point on a stack and recording each repair as an edit. What stands
//! before and after the root element, declarations, comments, CDATA sections and document
//! types, end tags and elements left open are handled here; start tags and their attributes
//! in [`super::tags`], references and the text of RSS text elements in [`super::text`].

use std::collections::HashMap;

use memchr::{memchr, memchr2, memmem};

use super::tags::is_feed_element;
use super::{Edit, Fix};

/// The edits that make `text` well-formed.
pub(super) fn edits(text: &str) -> Vec<Edit> {
    let mut r = Repairer {
        src: text,
        b: text.as_bytes(),
        edits: Vec::new(),
        stack: Vec::new(),
        open_names: HashMap::new(),
        not_found_from: [usize::MAX; 3],
        rss: false,
    };
    r.run();
    r.edits
}

/// The local names a feed's root element has.
const ROOTS: &[&str] = &["rss", "feed", "RDF"];

/// An element open at this point of the walk.
pub(super) struct Open<'a> {
    /// Its name, as the formats spell it when it is one of theirs.
    pub name: &'a str,
    /// Where its start tag begins in the source.
    pub start: usize,
    /// Where its start tag ends.
    pub end: usize,
    /// The edit that rewrote its start tag, if one did.
    pub edit: Option<usize>,
}

/// Needles searched for to the end of the document, with their slot in `not_found_from`.
pub(super) const PI_END: (usize, &[u8]) = (0, b"?>");
pub(super) const COMMENT_END: (usize, &[u8]) = (1, b"-->");
pub(super) const CDATA_END: (usize, &[u8]) = (2, b"]]>");

/// The state of the walk.
pub(super) struct Repairer<'a> {
    /// The document.
    pub src: &'a str,
    /// Its bytes.
    pub b: &'a [u8],
    /// The repairs so far, in the order they were made.
    pub edits: Vec<Edit>,
    /// The elements open at this point, outermost first.
    pub stack: Vec<Open<'a>>,
    /// How many elements of each name are open, so that an end tag closing nothing is
    /// known without walking the stack.
    pub open_names: HashMap<&'a str, usize>,
    /// For each needle, a position from which it is known not to occur: an unterminated
    /// comment is searched to the end once, not once per `<!--`.
    pub not_found_from: [usize; 3],
    /// Whether the document is RSS (0.9x, 1.0 or 2.0), whose text elements hold no
    /// elements.
    pub rss: bool,
}

impl<'a> Repairer<'a> {
    fn run(&mut self) {
        let root = self.find_root();
        let mut i = match root {
            Some(r) => {
                self.before_root(r);
                let local = self
                    .name_end(r + 1)
                    .and_then(|e| self.src[r + 1..e].rsplit(':').next());
                self.rss = matches!(local, Some("rss" | "RDF"));
                r
            }
            None => 0,
        };
        let mut root_seen = false;
        while let Some(off) = memchr2(b'<', b'&', &self.b[i..]) {
            let p = i + off;
            if self.b[p] == b'&' {
                i = if self.stack.is_empty() {
                    p + 1
                } else {
                    self.reference(p)
                };
                continue;
            }
            match self.markup(p) {
                Some(end) => {
                    i = end;
                    if self.stack.is_empty() && root_seen {
                        self.after_root(end);
                        return;
                    }
                    root_seen |= !self.stack.is_empty();
                }
                None => {
                    if !self.stack.is_empty() {
                        self.edit(p, p + 1, "&lt;", Fix::StrayLessThan);
                    }
                    i = p + 1;
                }
            }
        }
        let len = self.b.len();
        while let Some(open) = self.pop() {
            self.unclosed(open, len);
        }
    }

    /// Where the feed's root element starts: the first start tag named `rss`, `feed` or
    /// `RDF` (with any prefix).
    fn find_root(&self) -> Option<usize> {
        let mut i = 0;
        while let Some(off) = memchr(b'<', &self.b[i..]) {
            let p = i + off;
            if let Some(end) = self.name_end(p + 1) {
                let name = &self.src[p + 1..end];
                let local = name.rsplit(':').next().unwrap_or(name);
                let closes = matches!(self.b.get(end), Some(b'>' | b'/') | None)
                    || self.b.get(end).is_some_and(u8::is_ascii_whitespace);
                if closes && ROOTS.contains(&local) {
                    return Some(p);
                }
            }
            i = p + 1;
        }
        None
    }

    /// Removes what stands before the root element and is not a declaration at the very
    /// start, a processing instruction, a comment or a document type.
    fn before_root(&mut self, root: usize) {
        let mut k = 0;
        while k < root {
            if self.b[k].is_ascii_whitespace() {
                k += 1;
                continue;
            }
            let rest = &self.b[k..root];
            let kept = if rest.starts_with(b"<?") {
                let end = self.find(PI_END, k + 2).map(|e| e + 2);
                if k > 0
                    && self.is_declaration(k)
                    && let Some(end) = end.filter(|&e| e <= root)
                {
                    self.edit(k, end, "", Fix::ExtraDeclaration);
                }
                end
            } else if rest.starts_with(b"<!--") {
                self.find(COMMENT_END, k + 4).map(|e| e + 3)
            } else if is_doctype(rest) {
                self.doctype_end(k)
            } else {
                None
            };
            match kept.filter(|&e| e <= root) {
                Some(end) => k = end,
                None => {
                    // Junk runs to the next thing that may stand there, or the root.
                    let next = memmem::find(&self.b[k + 1..root], b"<?")
                        .into_iter()
                        .chain(memmem::find(&self.b[k + 1..root], b"<!"))
                        .min()
                        .map_or(root, |o| k + 1 + o);
                    self.edit(k, next, "", Fix::OutsideRoot);
                    k = next;
                }
            }
        }
    }

    /// Removes whatever follows the root element's end tag, when it is more than
    /// whitespace and comments.
    fn after_root(&mut self, end: usize) {
        let rest = &self.src[end..];
        let mut tail = rest.trim();
        while let Some(after) = tail.strip_prefix("<!--").and_then(|t| t.split_once("-->")) {
            tail = after.1.trim_start();
        }
        if !tail.is_empty() {
            self.edit(end, self.b.len(), "", Fix::OutsideRoot);
        }
    }

    /// Reads the markup that starts with the `<` at `p`, repairing it and updating the
    /// open elements; returns where it ends, or `None` when the `<` starts no markup.
    pub(super) fn markup(&mut self, p: usize) -> Option<usize> {
        let rest = self.b.get(p + 1..)?;
        match rest.first()? {
            b'?' => {
                let end = self.find(PI_END, p + 2)? + 2;
                if self.is_declaration(p) {
                    self.edit(p, end, "", Fix::ExtraDeclaration);
                }
                Some(end)
            }
            b'!' if rest.starts_with(b"!--") => Some(self.find(COMMENT_END, p + 4)? + 3),
            b'!' if rest.starts_with(b"![CDATA[") => Some(self.find(CDATA_END, p + 9)? + 3),
            b'!' if is_doctype(rest) => {
                let end = self.doctype_end(p)?;
                // A document type only belongs before the root.
                self.edit(p, end, "", Fix::OutsideRoot);
                Some(end)
            }
            b'/' => self.end_tag(p),
            _ => self.start_tag(p),
        }
    }

    /// Whether the processing instruction at `p` is an XML declaration (`<?xml ` or
    /// `<?xml?>`), not `<?xml-stylesheet …?>`.
    fn is_declaration(&self, p: usize) -> bool {
        self.b.get(p..p + 5) == Some(b"<?xml")
            && self
                .b
                .get(p + 5)
                .is_some_and(|c| c.is_ascii_whitespace() || *c == b'?')
    }

    /// The end of the `<!DOCTYPE …>` at `p`, past an internal subset in brackets.
    fn doctype_end(&mut self, p: usize) -> Option<usize> {
        let mut depth = 0usize;
        let mut quote = None;
        for (k, &c) in self.b.iter().enumerate().skip(p + 2) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(c),
                (None, b'[') => depth += 1,
                (None, b']') => depth = depth.saturating_sub(1),
                (None, b'>') if depth == 0 => return Some(k + 1),
                _ => {}
            }
        }
        None
    }

    /// An end tag at `p`: closes the nearest open element of its name (and those opened
    /// inside it and left open); one that closes nothing is text.
    pub(super) fn end_tag(&mut self, p: usize) -> Option<usize> {
        let name_end = self.name_end(p + 2)?;
        let close = skip_space(self.b, name_end);
        if self.b.get(close) != Some(&b'>') {
            return None;
        }
        let end = close + 1;
        let name = &self.src[p + 2..name_end];
        let exact = self.open_names.get(name).is_some_and(|n| *n > 0);
        let at = if exact {
            self.stack.iter().rposition(|o| o.name == name)
        } else {
            // `</Title>` for `<title>`: only looked for near the top.
            let from = self.stack.len().saturating_sub(8);
            self.stack[from..]
                .iter()
                .rposition(|o| o.name.eq_ignore_ascii_case(name))
                .map(|k| from + k)
        };
        match at {
            Some(k) => {
                while self.stack.len() > k + 1 {
                    if let Some(open) = self.pop() {
                        self.unclosed(open, p);
                    }
                }
                if let Some(open) = self.pop()
                    && !exact
                {
                    let with = format!("</{}>", open.name);
                    self.edit(p, end, &with, Fix::NameCase);
                }
            }
            None => {
                let text = escape_markup(&self.src[p..end]);
                self.edit(p, end, &text, Fix::StrayEndTag);
            }
        }
        Some(end)
    }

    /// The end of the XML name starting at `i`, when one starts there.
    pub(super) fn name_end(&self, i: usize) -> Option<usize> {
        let rest = self.src.get(i..)?;
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let starts = first.is_ascii_alphabetic()
            || first == '_'
            || first == ':'
            || (!first.is_ascii() && first.is_alphabetic());
        if !starts {
            return None;
        }
        let len = chars
            .find(|&(_, c)| {
                !(c.is_ascii_alphanumeric()
                    || matches!(c, '-' | '.' | '_' | ':')
                    || (!c.is_ascii() && c.is_alphanumeric()))
            })
            .map_or(rest.len(), |(k, _)| k);
        Some(i + len)
    }

    /// Where `needle` next occurs at or after `from`, remembering where it does not.
    pub(super) fn find(&mut self, (slot, needle): (usize, &[u8]), from: usize) -> Option<usize> {
        if from >= self.not_found_from[slot] || from > self.b.len() {
            return None;
        }
        match memmem::find(&self.b[from..], needle) {
            Some(off) => Some(from + off),
            None => {
                self.not_found_from[slot] = from;
                None
            }
        }
    }

    pub(super) fn pop(&mut self) -> Option<Open<'a>> {
        let open = self.stack.pop()?;
        if let Some(n) = self.open_names.get_mut(open.name) {
            *n = n.saturating_sub(1);
        }
        Some(open)
    }

    /// An element left open where its parent ends (at `at`): a feed element is closed
    /// there; any other start tag becomes text.
    pub(super) fn unclosed(&mut self, open: Open<'a>, at: usize) {
        if is_feed_element(open.name) {
            let with = format!("</{}>", open.name);
            self.edit(at, at, &with, Fix::ClosedImplicitly);
            return;
        }
        let text = escape_markup(&self.src[open.start..open.end]);
        match open.edit.and_then(|k| self.edits.get_mut(k)) {
            Some(e) => {
                e.with = text;
                e.fix = Fix::UnclosedAsText;
            }
            None => self.edit(open.start, open.end, &text, Fix::UnclosedAsText),
        }
    }

    pub(super) fn edit(&mut self, at: usize, end: usize, with: &str, fix: Fix) {
        self.edits.push(Edit {
            at,
            end,
            with: with.to_string(),
            fix,
        });
    }
}

/// Whether `b` starts with `<!DOCTYPE` (in any case) or `!DOCTYPE`.
fn is_doctype(b: &[u8]) -> bool {
    let b = b.strip_prefix(b"<").unwrap_or(b);
    b.len() >= 8 && b[0] == b'!' && b[1..8].eq_ignore_ascii_case(b"DOCTYPE")
}

pub(super) fn skip_space(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// Text with the characters that make markup escaped.
pub(super) fn escape_markup(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
