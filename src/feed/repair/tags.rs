//! Start tags read leniently: the name respelled as the feed formats spell it, attributes
//! without quotes or values, repeated, holding a bare `&`, an unusable `xml:base` or an
//! empty namespace binding rewritten, RSS 0.90's namespace read as RSS 1.0's; items never
//! nest; an RSS text element hands its content to [`super::text`].

use memchr::memchr;

use super::Fix;
use super::text::is_text_element;
use super::walk::{Open, Repairer, skip_space};

/// Element names of RSS, RDF and Atom, as the formats spell them: closed where their parent
/// ends when left open (any namespaced name too), and spelled this way when a feed spells
/// them in another case (`<Item>`, `<pubdate>`), since `feed-rs` compares names exactly.
const FEED_ELEMENTS: &[&str] = &[
    "rss",
    "RDF",
    "feed",
    "channel",
    "item",
    "entry",
    "items",
    "Seq",
    "li",
    "title",
    "subtitle",
    "link",
    "description",
    "summary",
    "content",
    "guid",
    "id",
    "pubDate",
    "published",
    "updated",
    "lastBuildDate",
    "author",
    "name",
    "email",
    "uri",
    "category",
    "comments",
    "enclosure",
    "source",
    "image",
    "url",
    "width",
    "height",
    "language",
    "copyright",
    "rights",
    "generator",
    "managingEditor",
    "webMaster",
    "ttl",
    "docs",
    "icon",
    "logo",
    "cloud",
    "skipDays",
    "skipHours",
    "day",
    "hour",
];

/// The elements that start an item: text left open ends before one.
const ITEMS: &[&str] = &["item", "entry"];

/// RSS 0.90's namespace, which `feed-rs` does not know, and RSS 1.0's, which it reads.
const RSS_090_NS: &str = "http://my.netscape.com/rdf/simple/0.9/";
const RSS_10_NS: &str = "http://purl.org/rss/1.0/";

impl<'a> Repairer<'a> {
    /// A start tag at `p`, read leniently: attributes without quotes or values, repeated,
    /// or holding a bare `&` are rewritten. `None` when the `<` does not start a tag.
    pub(super) fn start_tag(&mut self, p: usize) -> Option<usize> {
        let name_end = self.name_end(p + 1)?;
        let written = &self.src[p + 1..name_end];
        let mut attrs: Vec<Attr<'a>> = Vec::new();
        let mut fixes: Vec<Fix> = Vec::new();
        let name = match canonical(written) {
            Some(c) if c != written => {
                fixes.push(Fix::NameCase);
                c
            }
            _ => written,
        };
        let mut j = name_end;
        let (end, empty) = loop {
            let gap = j;
            j = skip_space(self.b, j);
            match self.b.get(j)? {
                b'>' => break (j + 1, false),
                b'/' if self.b.get(j + 1) == Some(&b'>') => break (j + 2, true),
                _ if j == gap => return None,
                _ => {}
            }
            let (attr, next, fix) = self.attribute(j)?;
            j = next;
            if attrs.iter().any(|a| a.name == attr.name) {
                fixes.push(Fix::BadAttribute);
                continue;
            }
            if let Some(f) = fix {
                fixes.push(f);
            }
            if attr.name == "xml:base" && !usable_base(attr.value) {
                fixes.push(Fix::BadAttribute);
                continue;
            }
            if attr.name.starts_with("xmlns:") && attr.value.is_empty() {
                fixes.push(Fix::BadAttribute);
                continue;
            }
            attrs.push(attr);
        };
        if ITEMS.contains(&name) && self.open_names.get(name).is_some_and(|n| *n > 0) {
            // Items never nest: one left open ends where the next starts.
            while let Some(open) = self.pop() {
                let was_item = open.name == name;
                self.unclosed(open, p);
                if was_item {
                    break;
                }
            }
        }
        let edit = if fixes.is_empty() {
            None
        } else {
            let tag = rebuild(name, &attrs, empty);
            let fix = fixes.iter().copied().min().unwrap_or(Fix::BadAttribute);
            self.edit(p, end, &tag, fix);
            Some(self.edits.len() - 1)
        };
        if !empty {
            *self.open_names.entry(name).or_insert(0) += 1;
            self.stack.push(Open {
                name,
                start: p,
                end,
                edit,
            });
            if self.rss && is_text_element(name) {
                return Some(self.text_content(end));
            }
        }
        Some(end)
    }

    /// One attribute at `j`: its name and value, where it ends, and what had to be fixed
    /// about it. `None` when what stands there is no attribute (the tag is then text).
    fn attribute(&self, j: usize) -> Option<(Attr<'a>, usize, Option<Fix>)> {
        let b = self.b;
        let mut k = j;
        while k < b.len()
            && !b[k].is_ascii_whitespace()
            && !matches!(b[k], b'=' | b'>' | b'/' | b'<' | b'"' | b'\'')
        {
            k += 1;
        }
        if k == j {
            return None;
        }
        let name = &self.src[j..k];
        let eq = skip_space(b, k);
        if b.get(eq) != Some(&b'=') {
            // A bare name (`<option selected>`) stands for itself.
            let attr = Attr {
                name,
                value: name,
                quote: b'"',
            };
            return Some((attr, k, Some(Fix::BadAttribute)));
        }
        let v = skip_space(b, eq + 1);
        let quote = *b.get(v)?;
        let (value, next, mut fix) = if quote == b'"' || quote == b'\'' {
            let close = v + 1 + memchr(quote, &b[v + 1..])?;
            (&self.src[v + 1..close], close + 1, None)
        } else {
            let mut e = v;
            while e < b.len() && !b[e].is_ascii_whitespace() && b[e] != b'>' {
                e += 1;
            }
            // `<a href=x/>`: the slash ends the tag.
            if e > v && b[e - 1] == b'/' && b.get(e) == Some(&b'>') {
                e -= 1;
            }
            if e == v {
                return None;
            }
            (&self.src[v..e], e, Some(Fix::BadAttribute))
        };
        if value.contains('<') {
            return None;
        }
        if has_bare_ampersand(value) {
            fix = Some(Fix::BadAttribute);
        }
        let mut attr = Attr {
            name,
            value,
            quote: if quote == b'\'' { b'\'' } else { b'"' },
        };
        if (name == "xmlns" || name.starts_with("xmlns:")) && value == RSS_090_NS {
            attr.value = RSS_10_NS;
            fix = fix.or(Some(Fix::OldNamespace));
        }
        Some((attr, next, fix))
    }
}

/// An attribute as read: its name, its value as written (between the quotes), and the
/// quote to write it back with.
struct Attr<'a> {
    name: &'a str,
    value: &'a str,
    quote: u8,
}

/// A start tag written back well-formed.
fn rebuild(name: &str, attrs: &[Attr<'_>], empty: bool) -> String {
    let mut tag = format!("<{name}");
    for a in attrs {
        let q = char::from(a.quote);
        let mut value = escape_bare_ampersands(a.value);
        if a.value.contains(q) {
            value = value.replace(q, if q == '"' { "&quot;" } else { "&apos;" });
        }
        tag.push_str(&format!(" {}={q}{value}{q}", a.name));
    }
    tag.push_str(if empty { "/>" } else { ">" });
    tag
}

/// Whether `name` is an element of the feed formats (or namespaced, as every extension
/// element is), closed where its parent ends rather than read as text when left open.
pub(super) fn is_feed_element(name: &str) -> bool {
    name.contains(':') || canonical(name).is_some()
}

/// The formats' spelling of an element name without a prefix, when it is one of theirs.
fn canonical(name: &str) -> Option<&'static str> {
    FEED_ELEMENTS
        .iter()
        .find(|e| e.eq_ignore_ascii_case(name))
        .copied()
}

/// Whether an attribute value holds a `&` that starts no reference.
fn has_bare_ampersand(value: &str) -> bool {
    value
        .match_indices('&')
        .any(|(k, _)| !starts_reference(&value[k..]))
}

/// `value` with each `&` that starts no reference written `&amp;`.
fn escape_bare_ampersands(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        out.push_str(if starts_reference(&rest[k..]) {
            "&"
        } else {
            "&amp;"
        });
        rest = &rest[k + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether `text` (starting with `&`) starts a well-formed reference to a character or an
/// entity.
fn starts_reference(text: &str) -> bool {
    let Some(body) = text
        .get(1..)
        .and_then(|t| t.split_once(';'))
        .map(|(b, _)| b)
    else {
        return false;
    };
    if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix('x') {
            Some(hex) if !hex.is_empty() && hex.bytes().all(|c| c.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16).ok()
            }
            _ if !num.is_empty() && num.bytes().all(|c| c.is_ascii_digit()) => num.parse().ok(),
            _ => None,
        };
        return code.filter(|c| *c != 0).and_then(char::from_u32).is_some();
    }
    let mut chars = body.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | ':'))
}

/// Whether `feed-rs` can use an `xml:base` value: an absolute address, or a relative one.
fn usable_base(value: &str) -> bool {
    matches!(
        url::Url::parse(value),
        Ok(_) | Err(url::ParseError::RelativeUrlWithoutBase)
    )
}
