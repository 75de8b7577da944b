//! Feed XML that is not well-formed, made well-formed before `feed-rs` reads it. Real feeds
//! carry a bare `&` in a link (`?a=1&b=2`), a `<` that starts no tag (`<草根网>` inside a
//! title, `a < b`), HTML left unescaped in a description (`<p>` never closed, `<br>`),
//! unquoted attributes, a declaration pasted in the middle, a PHP warning before the root;
//! an XML parser stops at the first of these and the whole feed is lost. Browsers and
//! feedparser read on, and so does this pass: it walks the document once, the way a
//! lenient tokenizer does, and rewrites only what a strict parser would refuse:
//!
//! - `&` that starts no reference becomes `&amp;`; a reference to no character (`&#0;`)
//!   becomes U+FFFD;
//! - `<` that starts no markup becomes `&lt;`;
//! - an element left open when its parent ends is closed there when it is a feed element
//!   (`<title>`, `<item>`, anything namespaced), and otherwise its start tag is text
//!   (`<草根网>`, `<T>`, an HTML `<p>` or `<br>` in a description, which then reaches the
//!   HTML front end whole); at the end of the document everything open is closed the same
//!   way;
//! - an end tag that closes nothing is text; `</Title>` closes `<title>`;
//! - attributes are quoted, given a value, kept once; an `xml:base` that is no address is
//!   dropped (`feed-rs` would refuse the whole feed);
//! - declarations after the first, and text or tags before the feed's root element or after
//!   it, are removed; RSS 0.90's namespace is read as RSS 1.0's.
//!
//! A document that needs none of this is returned as it is, borrowed. What was repaired is
//! counted per kind, with the line of its first occurrence, for the debug log. The walk and
//! the document's structure are in `walk`, start tags and attributes in `tags`, references
//! and the content of RSS text elements in `text`; each records edits that are made here.

mod tags;
mod text;
mod walk;

use std::borrow::Cow;
use std::fmt;

use crate::strings as s;

/// The kinds of repair, each counted in [`Repair`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fix {
    /// A `&` that starts no reference, read as text.
    BareAmpersand,
    /// A character reference to no character (`&#0;`, `&#xD800;`), read as U+FFFD.
    BadCharRef,
    /// A `<` that starts no markup, read as text.
    StrayLessThan,
    /// Markup inside an RSS text element (`<p>` left unescaped in a description, `<草根网>`
    /// in a title), read as text.
    MarkupInText,
    /// A start tag never closed (`<草根网>`), read as text.
    UnclosedAsText,
    /// A feed element left open, closed where its parent ends.
    ClosedImplicitly,
    /// An end tag that closes nothing, read as text.
    StrayEndTag,
    /// An element name spelled in another case than the format's (`<Item>`, `<pubdate>`)
    /// or than its start tag (`</Title>`).
    NameCase,
    /// An attribute unquoted, without a value, repeated, or holding a bare `&`.
    BadAttribute,
    /// An XML declaration after the start of the document, removed.
    ExtraDeclaration,
    /// Text or tags before the feed's root element or after it, removed.
    OutsideRoot,
    /// RSS 0.90's namespace, read as RSS 1.0's.
    OldNamespace,
    /// A JSON Feed value of the wrong type (a number for an id, a string for a list).
    JsonType,
}

impl Fix {
    /// What the repair did, in words.
    fn describe(self) -> &'static str {
        match self {
            Fix::BareAmpersand => s::REPAIR_BARE_AMPERSAND,
            Fix::BadCharRef => s::REPAIR_BAD_CHAR_REF,
            Fix::StrayLessThan => s::REPAIR_STRAY_LT,
            Fix::MarkupInText => s::REPAIR_MARKUP_IN_TEXT,
            Fix::UnclosedAsText => s::REPAIR_UNCLOSED_AS_TEXT,
            Fix::ClosedImplicitly => s::REPAIR_CLOSED_IMPLICITLY,
            Fix::StrayEndTag => s::REPAIR_STRAY_END_TAG,
            Fix::NameCase => s::REPAIR_NAME_CASE,
            Fix::BadAttribute => s::REPAIR_BAD_ATTRIBUTE,
            Fix::ExtraDeclaration => s::REPAIR_EXTRA_DECLARATION,
            Fix::OutsideRoot => s::REPAIR_OUTSIDE_ROOT,
            Fix::OldNamespace => s::REPAIR_OLD_NAMESPACE,
            Fix::JsonType => s::REPAIR_JSON_TYPE,
        }
    }
}

/// One kind of repair made to a feed document: how often, and where first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// What was repaired.
    pub fix: Fix,
    /// How many times.
    pub count: usize,
    /// The line (from 1) of the first one, in the decoded document; 0 when the document
    /// has no lines to speak of (JSON).
    pub line: usize,
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{} {}: ", s::REPAIR_LINE, self.line)?;
        }
        write!(f, "{}× {}", self.count, self.fix.describe())
    }
}

/// A document after repair, and what was repaired.
#[derive(Debug)]
pub(crate) struct Repaired<'a> {
    /// The document, well-formed as far as this pass can tell.
    pub text: Cow<'a, str>,
    /// The repairs, one per kind, in the order of [`Fix`].
    pub repairs: Vec<Repair>,
}

/// Makes `text` (a whole feed document) well-formed; see the module's description.
pub(crate) fn repair_xml(text: &str) -> Repaired<'_> {
    apply(text, walk::edits(text))
}

/// One change: the bytes `at..end` of the source replaced by `with`.
pub(super) struct Edit {
    /// Where the replaced bytes start.
    pub at: usize,
    /// Where they end (`at` for an insertion).
    pub end: usize,
    /// What stands there instead.
    pub with: String,
    /// The kind of repair.
    pub fix: Fix,
}

/// `src` with `edits` made, and the repairs counted.
fn apply(src: &str, mut edits: Vec<Edit>) -> Repaired<'_> {
    if edits.is_empty() {
        return Repaired {
            text: Cow::Borrowed(src),
            repairs: Vec::new(),
        };
    }
    // Edits never overlap; insertions at one place keep the order they were made in.
    edits.sort_by_key(|e| e.at);
    let mut out = String::with_capacity(src.len() + edits.len() * 4);
    let mut from = 0;
    let mut first: Vec<(Fix, usize, usize)> = Vec::new();
    for e in &edits {
        if e.at < from {
            continue;
        }
        out.push_str(&src[from..e.at]);
        out.push_str(&e.with);
        from = e.end;
        match first.iter_mut().find(|(f, _, _)| *f == e.fix) {
            Some(entry) => entry.2 += 1,
            None => first.push((e.fix, e.at, 1)),
        }
    }
    out.push_str(&src[from..]);
    first.sort();
    let repairs = first
        .into_iter()
        .map(|(fix, at, count)| Repair {
            fix,
            count,
            line: 1 + memchr::memchr_iter(b'\n', &src.as_bytes()[..at]).count(),
        })
        .collect();
    Repaired {
        text: Cow::Owned(out),
        repairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> (String, Vec<Fix>) {
        let r = repair_xml(text);
        (
            r.text.into_owned(),
            r.repairs.iter().map(|r| r.fix).collect(),
        )
    }

    #[test]
    fn a_well_formed_document_is_borrowed_untouched() {
        let doc = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>A &amp; B \
                   &#20013; &nbsp;</title><!-- a < comment & --><item><description>\
                   <![CDATA[<p>x & y</p>]]></description></item></channel></rss>\n";
        let r = repair_xml(doc);
        assert!(matches!(r.text, Cow::Borrowed(_)));
        assert!(r.repairs.is_empty());
    }

    #[test]
    fn bare_ampersands_become_text() {
        let (text, fixes) = fixed(
            "<rss><t>R&D &mid=1&amp; &#x; &#; &#0; &#X41; &a b;</t><l href=\"?a=1&b=2\"/></rss>",
        );
        assert_eq!(
            text,
            "<rss><t>R&amp;D &amp;mid=1&amp; &amp;#x; &amp;#; &#xFFFD; &#x41; &amp;a b;</t>\
             <l href=\"?a=1&amp;b=2\"/></rss>"
        );
        assert_eq!(
            fixes,
            [Fix::BareAmpersand, Fix::BadCharRef, Fix::BadAttribute]
        );
    }

    #[test]
    fn a_stray_less_than_becomes_text() {
        let (text, fixes) = fixed("<feed><title>a < b, c <= d, <3 <《书》</title></feed>");
        assert_eq!(
            text,
            "<feed><title>a &lt; b, c &lt;= d, &lt;3 &lt;《书》</title></feed>"
        );
        assert_eq!(fixes, [Fix::StrayLessThan]);
    }

    #[test]
    fn markup_in_an_rss_title_or_description_is_text() {
        let (text, fixes) = fixed(
            "<rss><channel><item><title>转载自<草根网>的评论</title>\
             <description><p>一<br>二</p><![CDATA[<b>粗</b>]]><!-- </description> --></DESCRIPTION>\
             <content:encoded><p>全文</p></content:encoded></item>\
             <item><title>没有结束</item>\
             <item><description>也没有结束<item><title>下一条</title></item></channel></rss>",
        );
        assert_eq!(
            text,
            "<rss><channel><item><title>转载自&lt;草根网>的评论</title>\
             <description>&lt;p>一&lt;br>二&lt;/p><![CDATA[<b>粗</b>]]><!-- </description> --></description>\
             <content:encoded>&lt;p>全文&lt;/p></content:encoded></item>\
             <item><title>没有结束</title></item>\
             <item><description>也没有结束</description></item><item><title>下一条</title></item></channel></rss>"
        );
        assert_eq!(
            fixes,
            [Fix::MarkupInText, Fix::ClosedImplicitly, Fix::NameCase]
        );
    }

    #[test]
    fn a_tag_never_closed_is_text_unless_it_is_a_feed_element() {
        let (text, fixes) = fixed(
            "<feed><entry><title>转载自<草根网>的评论</title>\
             <summary type=\"html\">一<br>二</summary></entry>\
             <entry><id>没有结束</entry></feed>",
        );
        assert_eq!(
            text,
            "<feed><entry><title>转载自&lt;草根网&gt;的评论</title>\
             <summary type=\"html\">一&lt;br&gt;二</summary></entry>\
             <entry><id>没有结束</id></entry></feed>"
        );
        assert_eq!(fixes, [Fix::UnclosedAsText, Fix::ClosedImplicitly]);
    }

    #[test]
    fn an_item_left_open_ends_where_the_next_starts() {
        let (text, fixes) = fixed("<rss><item><guid>1</guid><item id=2><guid>2</guid></rss>");
        assert_eq!(
            text,
            "<rss><item><guid>1</guid></item><item id=\"2\"><guid>2</guid></item></rss>"
        );
        assert_eq!(fixes, [Fix::ClosedImplicitly, Fix::BadAttribute]);
    }

    #[test]
    fn a_truncated_document_is_closed() {
        let (text, fixes) = fixed("<rss><channel><item><title>一</title><guid>半");
        assert_eq!(
            text,
            "<rss><channel><item><title>一</title><guid>半\
             </guid></item></channel></rss>"
        );
        assert_eq!(fixes, [Fix::ClosedImplicitly]);
    }

    #[test]
    fn end_tags_that_close_nothing_or_in_another_case() {
        let (text, fixes) = fixed("<rss><Title>x</title></b><a>y</A><pubdate>1</pubdate></rss>");
        assert_eq!(
            text,
            "<rss><title>x</title>&lt;/b&gt;<a>y</a><pubDate>1</pubDate></rss>"
        );
        assert_eq!(fixes, [Fix::StrayEndTag, Fix::NameCase]);
    }

    #[test]
    fn attributes_are_quoted_valued_and_kept_once() {
        let (text, fixes) = fixed(
            "<rss><a href=x.html b c='1' c=\"2\" xml:base=\"http://[x\" xmlns:p=\"\"/>\
             <img src=a.png/></rss>",
        );
        assert_eq!(
            text,
            "<rss><a href=\"x.html\" b=\"b\" c='1'/><img src=\"a.png\"/></rss>"
        );
        assert_eq!(fixes, [Fix::BadAttribute]);
    }

    #[test]
    fn what_surrounds_the_root_is_removed() {
        let (text, fixes) = fixed(
            "<br />\n<b>Warning</b>: x in y\n<?xml version=\"1.0\"?>\n<!-- c -->\
             <rss><?xml version=\"1.0\"?><a/></rss>\n<!-- end -->\njunk",
        );
        assert_eq!(text, "\n<!-- c --><rss><a/></rss>");
        assert_eq!(fixes, [Fix::ExtraDeclaration, Fix::OutsideRoot]);
        let (text, _) = fixed("<?xml version=\"1.0\"?><rss/>\n<!-- end -->\n");
        assert_eq!(text, "<?xml version=\"1.0\"?><rss/>\n<!-- end -->\n");
    }

    #[test]
    fn rss_090_is_read_as_rss_1() {
        let (text, fixes) = fixed(
            "<rdf:RDF xmlns:rdf=\"r\" xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"></rdf:RDF>",
        );
        assert_eq!(
            text,
            "<rdf:RDF xmlns:rdf=\"r\" xmlns=\"http://purl.org/rss/1.0/\"></rdf:RDF>"
        );
        assert_eq!(fixes, [Fix::OldNamespace]);
    }

    #[test]
    fn repairs_name_their_first_line() {
        let r = repair_xml("<rss>\n<t>a & b</t>\n<t>c & d</t></rss>");
        assert_eq!(
            r.repairs,
            [Repair {
                fix: Fix::BareAmpersand,
                count: 2,
                line: 2
            }]
        );
        assert!(r.repairs[0].to_string().starts_with(s::REPAIR_LINE));
    }

    #[test]
    fn unterminated_markup_is_text_and_costs_one_search() {
        let doc = format!("<rss>{}</rss>", "<!-- x ".repeat(10_000));
        let (text, _) = fixed(&doc);
        assert!(text.starts_with("<rss>&lt;!-- x &lt;!--"));
        assert!(text.ends_with("</rss>"));
    }
}
