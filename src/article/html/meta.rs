//! The front matter a page states outright. One pass over all nodes gathers the `<meta>` tags,
//! the `<title>`, the canonical link, the first `<time>`, and headline and byline candidates;
//! when no date is stated, one written as text under the headline is looked for; and
//! [`Meta::front_matter`] picks each field from what was gathered. It shares only the parsed
//! tree and the text helpers with the body extraction, so it changes on its own.

use super::Doc;
use super::author::{self, Mark};
use super::kind::class_and_id;
use super::text::{collapse_ws, squeeze};
use super::title::headline_of;
use crate::article::block::FrontMatter;
use crate::article::lexicon::{self, ENGLISH_ROLES, ROLES};
use crate::article::meta;

/// Metadata gathered in one pass over all nodes.
#[derive(Default)]
pub(super) struct Meta {
    /// `(key, content)` of every `<meta>` with `name`, `property` or `itemprop`.
    metas: Vec<(String, String)>,
    /// The first `<title>`.
    pub(super) title: Option<String>,
    canonical: Option<String>,
    time: Option<String>,
    /// Short texts of elements whose class/id names an author or byline.
    byline: Option<String>,
    /// The name in the strongest other author mark (`itemprop`/`rel`, `<address>`, a link to
    /// an author's page), the first of its kind.
    marked: Option<(Mark, String)>,
    /// The author a JSON-LD block names.
    pub(super) json_ld: Option<String>,
    /// Node index, whether it is an `h1`, and text of `h1`/`h2` and elements whose class/id
    /// names a title.
    pub(super) headlines: Vec<(usize, bool, String)>,
}

impl Meta {
    /// The node of the headline: the one the title names, else the first `<h1>`.
    pub(super) fn headline(&self, title: Option<&str>) -> Option<usize> {
        let title = title.map(squeeze).unwrap_or_default();
        self.headlines
            .iter()
            .find(|(_, _, h)| !title.is_empty() && squeeze(h) == title)
            .or_else(|| self.headlines.iter().find(|(_, h1, _)| *h1))
            .map(|(i, _, _)| *i)
    }

    fn meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    }

    pub(super) fn front_matter(&self) -> FrontMatter {
        let stated = self.meta(&["og:title", "title", "twitter:title"]);
        let first_h1 = || {
            self.headlines
                .iter()
                .find(|(_, h1, _)| *h1)
                .map(|(_, _, t)| t.clone())
        };
        let base = stated.or_else(|| self.title.clone()).or_else(first_h1);
        let title = base
            .map(|b| self.refine_title(&b))
            .and_then(|t| headline_of(&t))
            .or_else(|| first_h1().and_then(|h| headline_of(&h)));
        let date = self
            .meta(&[
                "article:published_time",
                "article:published",
                "og:published_time",
                "datepublished",
                "publishdate",
                "pubdate",
                "publish_time",
                "publish-date",
                "publishtime",
                "date",
                "dc.date",
                "dc.date.issued",
                "dcterms.date",
                "sailthru.date",
                "parsely-pub-date",
            ])
            .or_else(|| self.time.clone());
        let author = [
            "author",
            "article:author",
            "byl",
            "dc.creator",
            "sailthru.author",
            "citation_author",
            "citation_authors",
        ]
        .iter()
        .find_map(|k| self.meta(&[k]).and_then(|a| clean_author(&a, 60)))
        .map(|a| crate::article::credits::tidy_name(&a))
        .or_else(|| self.json_ld.as_deref().and_then(|a| clean_author(a, 60)))
        .or_else(|| {
            self.marked
                .as_ref()
                .filter(|(m, _)| *m == Mark::Stated)
                .map(|(_, a)| a.clone())
        })
        .or_else(|| self.byline.clone())
        .or_else(|| self.marked.as_ref().map(|(_, a)| a.clone()));
        let source = self.meta(&["og:site_name", "source"]).and_then(|s| {
            let s = strip_label(&s, &["来源：", "来源:", "來源：", "來源:", "Source:"]);
            (!s.is_empty()).then(|| s.to_owned())
        });
        let url = self.meta(&["og:url"]).or_else(|| self.canonical.clone());
        FrontMatter {
            title: title.filter(|t| !t.is_empty()),
            date,
            author,
            source,
            url,
            ..FrontMatter::default()
        }
    }
}

/// The first date with a year in `text` (`2019-03-06`, `2019年06月15日08:18`,
/// `2018/07/31 08:19`, `9/17/2004 5:54:13 AM`), with the time that follows it, as printed.
pub(super) fn date_in(text: &str) -> Option<String> {
    let mut rest = text;
    while !rest.is_empty() {
        let found = meta::find_date(rest)?;
        if found.when.year.is_some() {
            if found.start > found.end || found.end > rest.chars().count() {
                return None;
            }
            let date: String = rest
                .chars()
                .skip(found.start)
                .take(found.end - found.start)
                .collect();
            return Some(date.trim().to_owned());
        }
        // On from the end of the date without a year (char indices).
        let next = rest
            .char_indices()
            .nth(found.end.max(1))
            .map_or(rest.len(), |(i, _)| i);
        rest = rest.get(next..).unwrap_or_default();
    }
    None
}

/// The address a saved page came from, as browsers and saving tools note it in a comment
/// near the top: `<!-- saved from url=(0056)https://… -->` (Internet Explorer, Chrome's
/// "Save as"), `<!-- Page saved with SingleFile … url: https://… -->`, or the bare address.
pub(super) fn saved_from(html: &str) -> Option<String> {
    let mut end = html.len().min(4096);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let mut head = html.get(..end)?;
    while let Some(at) = head.find("<!--") {
        let rest = head.get(at + 4..)?;
        let close = rest.find("-->").unwrap_or(rest.len());
        let inner = rest.get(..close)?.trim();
        head = rest.get(close..)?;
        let candidate = match inner.find("url=").or_else(|| inner.find("url:")) {
            Some(u) => inner.get(u + 4..)?.trim_start(),
            None => inner,
        };
        // IE and Chrome write the address's length in brackets before it.
        let candidate = match candidate.strip_prefix('(') {
            Some(r) => r.split_once(')').map_or(r, |(_, after)| after),
            None => candidate,
        };
        let address = candidate.split_whitespace().next().unwrap_or_default();
        if url::Url::parse(address).is_ok_and(|u| matches!(u.scheme(), "http" | "https")) {
            return Some(address.to_string());
        }
    }
    None
}

/// The fields of the comment that Founder's news CMS leaves in its pages
/// (`<!--enpproperty <date>2022-02-13 00:00:00:0</date><author>…</author>…-->`): the
/// publication date and the author, when the page states them nowhere else.
pub(super) fn cms_comment(html: &str) -> (Option<String>, Option<String>) {
    let Some(at) = html.find("<!--enpproperty") else {
        return (None, None);
    };
    let rest = html.get(at..).unwrap_or_default();
    let end = rest.find("-->").unwrap_or(rest.len());
    let comment = rest.get(..end).unwrap_or_default();
    let field = |name: &str| {
        let open = format!("<{name}>");
        let close = format!("</{name}>");
        let from = comment.find(&open)? + open.len();
        let to = from + comment.get(from..)?.find(&close)?;
        let v = collapse_ws(comment.get(from..to)?);
        (!v.is_empty()).then_some(v)
    };
    (
        field("date"),
        field("author").and_then(|a| clean_author(&a, 40)),
    )
}

/// `s` without a leading label such as `来源：`.
fn strip_label<'s>(s: &'s str, labels: &[&str]) -> &'s str {
    let t = s.trim();
    for l in labels {
        if let Some(r) = t.strip_prefix(l) {
            return r.trim();
        }
    }
    t
}

/// An author name from metadata or a byline element, or `None` when it is no name (a URL, a
/// number, an empty label, too long).
fn clean_author(s: &str, max_chars: usize) -> Option<String> {
    let mut t = collapse_ws(s);
    // A role word and its separator before the name: `By `, `作者：`, `記者:`, `文/`.
    let role = ROLES
        .iter()
        .map(|(w, _)| *w)
        .chain(ENGLISH_ROLES.iter().map(|(w, _)| *w))
        .find_map(|w| lexicon::starts_nocase(&t, w));
    if let Some(len) = role
        && let Some(rest) = t.get(len..)
        && let Some(name) = rest
            .strip_prefix(['：', ':', '/', '／', ' '])
            .map(|r| r.trim_start_matches(['：', ':', ' ']))
    {
        t = name.trim().to_owned();
    }
    // A contact after a bar (`Mike Cason | mcason@al.com`) is no part of the name.
    while let Some((name, contact)) = t.rsplit_once(['|', '｜'])
        && (contact.contains('@') || contact.contains("://"))
    {
        t = name.to_owned();
    }
    let t = t.trim().trim_end_matches([',', '，', '|', '｜']).trim();
    let n = t.chars().count();
    // A link to the author's other pieces (`■该作者文章`) or a label is no name.
    let label = lexicon::contains_any(t, &["作者", "文章", "更多", "简介", "专栏"]);
    if n == 0
        || label
        || n > max_chars
        || t.contains("://")
        || t.starts_with("www.")
        || t.chars().all(|c| c.is_ascii_digit() || c.is_whitespace())
        // One letter over and over: the `A A A` buttons of a text-size picker.
        || t.chars().filter(|c| !c.is_whitespace()).collect::<std::collections::BTreeSet<_>>().len() == 1
        || t.ends_with('：')
        || t.ends_with(':')
    {
        return None;
    }
    Some(t.to_owned())
}

impl<'p, 'a> Doc<'p, 'a> {
    /// The name in a byline element whose text is a linked name and a description after a
    /// separator (`<a>Ana Ruiz</a>, City reporter`, `<a>王小明</a> | 特约撰稿人`): the link's
    /// text. Any other byline (`By <a>A</a> and <a>B</a>`, no link) stays as `text`.
    fn linked_name(&self, t: &tl::HTMLTag<'a>, text: String) -> String {
        let link = t
            .query_selector(self.parser, "a")
            .and_then(|mut q| q.next())
            .and_then(|h| self.tag(h))
            .and_then(|a| clean_author(&self.text_of(a), 40));
        match link {
            Some(name)
                if text.strip_prefix(name.as_str()).is_some_and(|rest| {
                    rest.trim_start()
                        .starts_with([',', '，', '|', '｜', '/', '-', '–', '—', '·', '('])
                }) =>
            {
                name
            }
            _ => text,
        }
    }

    pub(super) fn collect_meta(&self) -> Meta {
        let mut m = Meta::default();
        let (mut headline_tries, mut byline_tries) = (0, 0);
        for (index, node) in self.nodes.iter().enumerate() {
            let Some(t) = node.as_tag() else { continue };
            let name = t.name().as_bytes();
            match name {
                b"meta" => {
                    let Some(content) = Self::attr(t, "content") else {
                        continue;
                    };
                    for key in ["property", "name", "itemprop"] {
                        if let Some(k) = Self::attr(t, key) {
                            m.metas.push((k.to_lowercase(), content.clone()));
                        }
                    }
                }
                b"title" if m.title.is_none() => {
                    let text = self.text_of(t);
                    if !text.is_empty() {
                        m.title = Some(text);
                    }
                }
                b"link" if m.canonical.is_none() => {
                    let rel = Self::attr(t, "rel").unwrap_or_default();
                    if rel.eq_ignore_ascii_case("canonical") {
                        m.canonical = Self::attr(t, "href").filter(|h| !h.is_empty());
                    }
                }
                b"time" if m.time.is_none() => {
                    m.time = Self::attr(t, "datetime").filter(|d| !d.is_empty());
                }
                _ => {}
            }
            let ci = class_and_id(t);
            let heading = matches!(name, b"h1" | b"h2");
            if (heading || ci.contains("title")) && headline_tries < 200 {
                headline_tries += 1;
                let text = self.text_of(t);
                if !text.is_empty() && text.chars().count() <= 200 {
                    m.headlines.push((index, name == b"h1", text));
                }
            }
            if let Some(mark) = author::mark(t)
                && m.marked.as_ref().is_none_or(|(had, _)| mark < *had)
                && byline_tries < 50
            {
                byline_tries += 1;
                let text = self.text_of(t);
                if (mark != Mark::Address || author::address_name(&text))
                    && let Some(name) = clean_author(&text, 40)
                {
                    m.marked = Some((mark, name));
                }
            }
            if m.byline.is_none()
                && byline_tries < 50
                && (ci.contains("author") || ci.contains("byline") || ci.contains("writer"))
                && !ci.contains("comment")
            {
                byline_tries += 1;
                m.byline = clean_author(&self.text_of(t), 40).map(|text| self.linked_name(t, text));
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_address_a_saved_page_came_from() {
        let cases = [
            (
                "<!DOCTYPE html>\n<!-- saved from url=(0040)https://news.example/a/1.html?x=1 -->\n<html>",
                Some("https://news.example/a/1.html?x=1"),
            ),
            (
                "<!--http://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm-->\n<!DOCTYPE HTML>",
                Some("http://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm"),
            ),
            (
                "<html><!--\n Page saved with SingleFile \n url: https://news.example/b \n saved date: x\n--><head>",
                Some("https://news.example/b"),
            ),
            ("<!-- saved from url=(0014)about:internet -->", None),
            ("<!-- 正文开始 --><p>file:///etc/passwd</p>", None),
            ("<html><head><title>无注释</title>", None),
        ];
        for (html, want) in cases {
            assert_eq!(super::saved_from(html).as_deref(), want, "{html}");
        }
    }
    use super::super::parse;
    use super::super::tests::{STORY, page, paras};

    #[test]
    fn front_matter_prefers_og_title_and_reads_meta() {
        let html = page(
            "<title>Ferry service returns to the bay - Harbour Daily</title>\
             <meta property=\"og:title\" content=\"Ferry service returns to the bay\">\
             <meta property=\"article:published_time\" content=\"2023-04-03T07:30:00Z\">\
             <meta name=\"author\" content=\"Mei Tanaka\">\
             <meta property=\"og:site_name\" content=\"Harbour Daily\">\
             <meta property=\"og:url\" content=\"https://example.com/ferry\">",
            STORY,
        );
        let p = parse(&html);
        assert_eq!(
            p.front.title.as_deref(),
            Some("Ferry service returns to the bay")
        );
        assert_eq!(p.front.date.as_deref(), Some("2023-04-03T07:30:00Z"));
        assert_eq!(p.front.author.as_deref(), Some("Mei Tanaka"));
        assert_eq!(p.front.source.as_deref(), Some("Harbour Daily"));
        assert_eq!(p.front.url.as_deref(), Some("https://example.com/ferry"));
        assert_eq!(paras(&p).len(), 3);
    }

    #[test]
    fn meta_name_variants_and_labels() {
        let html = page(
            "<title>小镇图书馆重新开放</title>\
             <meta name=\"PubDate\" content=\"2021-09-01 08:00\">\
             <meta name=\"author\" content=\"123456\">\
             <meta name=\"source\" content=\"来源：示例日报\">\
             <link rel=\"canonical\" href=\"https://example.cn/a/1.html\">",
            "<p class=\"author\">作者：李小华</p><div>\
             <p>经过半年的改造，小镇图书馆今天重新向读者开放，新增了儿童阅读区。</p>\
             <p>馆长介绍，馆内藏书增加到三万册，周末开放时间也延长到晚上八点。</p></div>",
        );
        let p = parse(&html);
        assert_eq!(p.front.date.as_deref(), Some("2021-09-01 08:00"));
        // A numeric author id is no name; the byline element gives it.
        assert_eq!(p.front.author.as_deref(), Some("李小华"));
        assert_eq!(p.front.source.as_deref(), Some("示例日报"));
        assert_eq!(p.front.url.as_deref(), Some("https://example.cn/a/1.html"));
    }

    #[test]
    fn a_linked_name_in_a_byline_is_the_author_without_its_description() {
        let with = |byline: &str| {
            parse(&page(
                "<title>Ferry service returns</title>",
                &format!("<div class=\"byline\">{byline}</div>{STORY}"),
            ))
            .front
            .author
        };
        assert_eq!(
            with("<a href=\"/people/ana\">Ana Ruiz</a>, City reporter").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            with("By <a href=\"/staff/ana\">Ana Ruiz</a> | Transport correspondent").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            with("<a href=\"/u/1\">王小明</a>｜特约撰稿人").as_deref(),
            Some("王小明")
        );
        // Two linked names, or no link: the byline as written.
        assert_eq!(
            with("By <a href=\"/a\">Ana Ruiz</a> and <a href=\"/b\">Li Wei</a>").as_deref(),
            Some("Ana Ruiz and Li Wei")
        );
        assert_eq!(with("By Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        // A contact after a bar is no part of the name.
        assert_eq!(
            with("By Ana Ruiz | aruiz@news.example").as_deref(),
            Some("Ana Ruiz")
        );
    }

    #[test]
    fn date_from_time_element_or_text_under_the_headline() {
        let p = parse(&page(
            "<title>Ferry service returns to the bay</title>",
            &format!("<time datetime=\"2023-04-03\">April 3</time>{STORY}"),
        ));
        assert_eq!(p.front.date.as_deref(), Some("2023-04-03"));
        let p = parse(&page(
            "<title>小镇图书馆重新开放_示例网</title>",
            "<h1>小镇图书馆重新开放</h1><div class=\"info\">2021年09月01日08:00&nbsp;来源：示例日报</div>\
             <div><p>经过半年的改造，小镇图书馆今天重新向读者开放，新增了儿童阅读区。</p>\
             <p>馆长介绍，馆内藏书增加到三万册，周末开放时间也延长到晚上八点。</p></div>",
        ));
        assert_eq!(p.front.date.as_deref(), Some("2021年09月01日08:00"));
    }
}
