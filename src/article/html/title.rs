//! Choosing the headline. Page titles carry site and section names (`Headline - Site`,
//! `标题_栏目_网站`) or extra words, so the stated title is trimmed, or replaced by the in-page
//! headline it starts with. These heuristics grow with every new site layout, so they sit apart
//! from the plain metadata lookups in [`super::meta`].

use super::meta::Meta;
use super::text::{collapse_ws, is_ideograph, squeeze};
use crate::article::lexicon;

impl Meta {
    /// The headline: `base` without a trailing site name, or the in-page headline that the
    /// page title starts with.
    pub(super) fn refine_title(&self, base: &str) -> String {
        let stripped = strip_site_name(base);
        let raw = squeeze(self.title.as_deref().unwrap_or(base));
        let base_sq = squeeze(base);
        let stripped_len = stripped.chars().count();
        let best = self
            .headlines
            .iter()
            .map(|(_, _, h)| h)
            .filter(|h| {
                let sq = squeeze(h);
                let n = h.chars().count();
                n >= 4
                    && n * 10 >= stripped_len * 6
                    && (base_sq.starts_with(&sq) || raw.starts_with(&sq))
            })
            .max_by_key(|h| h.chars().count());
        match best {
            Some(h) if h.chars().count() <= stripped_len || squeeze(&stripped) == squeeze(h) => {
                h.clone()
            }
            _ => stripped,
        }
    }
}

/// Site greetings that some pages put in their `<title>`: a welcome or thanks (`欢迎`,
/// `谢谢`) for the visit (`访问`, `光临`, `来到`) within a few characters (`欢迎访问…`,
/// `谢谢您访问…`), or `Welcome to …`.
fn greeting(t: &str) -> bool {
    let welcome = lexicon::starts_any(t, &["欢迎", "谢谢"]).is_some_and(|(_, len)| {
        t.get(len..).is_some_and(|r| {
            r.char_indices().take(3).any(|(i, _)| {
                r.get(i..)
                    .and_then(|x| lexicon::starts_any(x, &["访问", "光临", "来到"]))
                    .is_some()
            })
        })
    });
    welcome || lexicon::starts_nocase(t, "welcome to").is_some()
}

/// The headline in a page title, or `None` when it holds none: a site greeting
/// (`谢谢您访问〖关注中国中心〗`), a breadcrumb of section names (`世艺网>艺术教育`), a word or a
/// number (`显示`, `1`). A breadcrumb ending in a headline gives the headline
/// (`多维博客 » 播客热潮迅速蔓延 挑逗传统传媒业`).
pub(super) fn headline_of(title: &str) -> Option<String> {
    let t = title.trim();
    if greeting(t) {
        return None;
    }
    let t = match t.rsplit_once(['>', '»', '›']) {
        Some((_, last)) => {
            let last = last.trim();
            let long = last.chars().filter(|&c| is_ideograph(c)).count() >= 6
                || last.split_whitespace().count() >= 4;
            if !long {
                return None;
            }
            last
        }
        None => t,
    };
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 3 || t.chars().filter(|&c| is_ideograph(c)).count() >= 3).then(|| t.to_string())
}

/// Remove trailing site or section names (`Headline - Site`, `标题_栏目_网站`) while the part
/// before is long enough to be a headline on its own.
fn strip_site_name(title: &str) -> String {
    const SEPARATORS: &[&str] = &[
        " - ", " | ", " – ", " — ", " :: ", " » ", "_", "－", "--", "|", "｜",
    ];
    let mut t = collapse_ws(title);
    loop {
        let cut = SEPARATORS
            .iter()
            .filter_map(|sep| t.rfind(sep).map(|p| (p, sep.len())))
            .max_by_key(|&(p, _)| p);
        let Some((p, sep_len)) = cut else { break };
        let before = t[..p].trim();
        let after = t[p + sep_len..].trim();
        let ideographs = before.chars().filter(|&c| is_ideograph(c)).count();
        let words = before
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        let long_enough = ideographs >= 4 || words >= 3;
        if !long_enough || after.chars().count() > before.chars().count() {
            break;
        }
        t = before.to_owned();
    }
    t
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::super::tests::{STORY, page};

    #[test]
    fn title_loses_trailing_site_names() {
        let p = parse(&page(
            "<title>Ferry service returns to the bay | Local | Harbour Daily</title>",
            STORY,
        ));
        assert_eq!(
            p.front.title.as_deref(),
            Some("Ferry service returns to the bay")
        );
        let p = parse(&page(
            "<title>小镇图书馆重新开放_地方新闻_示例网</title>",
            STORY,
        ));
        assert_eq!(p.front.title.as_deref(), Some("小镇图书馆重新开放"));
        let p = parse(&page("<title>河畔公园新添步道－示例网</title>", STORY));
        assert_eq!(p.front.title.as_deref(), Some("河畔公园新添步道"));
        // A `——` subtitle belongs to the headline.
        let p = parse(&page(
            "<title>河畔公园新添步道——写在步道开放之际</title>",
            STORY,
        ));
        assert_eq!(
            p.front.title.as_deref(),
            Some("河畔公园新添步道——写在步道开放之际")
        );
        // Too short before the separator: kept whole.
        let p = parse(&page("<title>Q&amp;A - Harbour Daily</title>", STORY));
        assert_eq!(p.front.title.as_deref(), Some("Q&A - Harbour Daily"));
    }

    /// Each greeting word is needed: a title that only greets gives way to the headline.
    #[test]
    fn a_greeting_title_gives_way_to_the_headline() {
        for greeting in [
            "欢迎光临示例网",
            "欢迎访问示例网",
            "欢迎来到示例网",
            "Welcome to Example",
        ] {
            let p = parse(&page(
                &format!("<title>{greeting}</title>"),
                &format!("<h1>Ferry service returns to the bay</h1>{STORY}"),
            ));
            assert_eq!(
                p.front.title.as_deref(),
                Some("Ferry service returns to the bay"),
                "{greeting}"
            );
        }
    }

    #[test]
    fn title_taken_from_in_page_headline_when_the_title_has_extra_words() {
        let html = page(
            "<title>河畔公园新添三公里环湖步道 城建专栏_示例网</title>",
            "<div><span class=\"Title\">河畔公园新添三公里环湖步道</span></div><div>\
             <p>市园林部门表示，新步道沿湖修建，全长约三公里，设有多处休息平台。</p>\
             <p>附近居民说，清晨散步的人明显多了起来，孩子们也喜欢在湖边骑车。</p></div>",
        );
        let p = parse(&html);
        assert_eq!(p.front.title.as_deref(), Some("河畔公园新添三公里环湖步道"));
    }
}
