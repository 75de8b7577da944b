//! The tests for one line that the boilerplate classes in [`super::CLASSES`] are made of. Each
//! reads the lexicon's notice words ([`crate::article::lexicon::notices`]) and the line's
//! shape: its length, whether it is one sentence, how much of it is page-tool words.

use crate::article::credits;
use crate::article::features::navigation_share;
use crate::article::lexicon::{self, Notice, notices};

/// The most characters a short line has: a word from a boilerplate list inside a long
/// paragraph is article text.
const SHORT: usize = 160;

/// A notice is one sentence at most: a paragraph of several sentences that mentions copyright
/// or a hotline is article text about them.
fn notice(l: &Line<'_>) -> bool {
    l.short()
        && !l
            .text
            .trim_end_matches(['。', '！', '？', '.', '!', '?', '）', ')'])
            .contains(['。', '！', '？'])
}

/// A line being classified, with the kinds of notice word it holds.
pub(in crate::article) struct Line<'a> {
    /// The line's text, trimmed.
    pub(in crate::article) text: &'a str,
    /// How many characters it has; more than [`SHORT`] for any text longer than `4 * SHORT`
    /// bytes, which is not counted.
    chars: usize,
    /// One bit per [`Notice`] kind the line holds a word of (short lines only).
    hits: u32,
}

impl<'a> Line<'a> {
    /// A line ready for the classes.
    pub(in crate::article) fn new(text: &'a str) -> Line<'a> {
        let chars = if text.len() <= 4 * SHORT {
            text.chars().count()
        } else {
            usize::MAX
        };
        let hits = if chars <= SHORT { notices(text) } else { 0 };
        Line { text, chars, hits }
    }

    /// Whether the line has at most `n` characters (`n` no more than [`SHORT`]), as
    /// [`crate::script::at_most`] tells.
    fn at_most(&self, n: usize) -> bool {
        debug_assert!(n <= SHORT);
        self.chars <= n
    }

    /// Whether the line is short enough for a notice word to make it boilerplate.
    fn short(&self) -> bool {
        self.at_most(SHORT)
    }

    /// Whether the line holds a word of `kind`.
    fn hit(&self, kind: Notice) -> bool {
        self.hits & (1 << kind as u32) != 0
    }
}

/// Site navigation and page tools: a short line made of page-tool words (`返回上页 回到首页`,
/// `【打印本页】【关闭窗口】`, `【字号：大 中 小】`, `Advertisement`), page numbers
/// (`【1】【2】【3】`), a link to the original (`微思客网站原文`).
pub(super) fn navigation(l: &Line<'_>) -> bool {
    let t = l.text;
    let unpunctuated = || !t.contains(['。', '，', '！', '？', '.', ',']);
    l.at_most(40) && unpunctuated() && (navigation_share(t) >= 0.7 || tool_buttons(t))
        || page_numbers(t)
        || l.at_most(60) && breadcrumb(t)
        || l.at_most(12) && unpunctuated() && lexicon::ends(t, "原文").is_some()
}

/// A row of bracketed page-tool buttons (`【字号：大 中 小】【打印】【关闭】`): two or more
/// groups in `【】` or `[]`, most of them holding a page-tool word.
fn tool_buttons(t: &str) -> bool {
    let groups: Vec<&str> = t
        .split(['【', '[', '】', ']'])
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .collect();
    let outside = t.split(['【', '[']).next().unwrap_or_default().trim();
    let tools = groups.iter().filter(|g| navigation_share(g) > 0.0).count();
    outside.is_empty() && groups.len() >= 2 && tools * 2 > groups.len()
}

/// A breadcrumb trail (`首页 > 新闻 > 正文`, `Home » World » Asia`): three or more short
/// names joined by arrows, no sentence among them.
fn breadcrumb(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['>', '»', '›', '＞', '→']).map(str::trim).collect();
    parts.len() >= 3
        && parts.iter().all(|p| {
            !p.is_empty() && p.chars().count() <= 16 && !p.contains(['。', '，', '！', '？'])
        })
}

/// `【1】【2】【3】【4】`: links to the other pages of the article.
fn page_numbers(t: &str) -> bool {
    t.starts_with('【')
        && t.chars().count() >= 6
        && t.chars()
            .all(|c| c.is_ascii_digit() || "【】[] 下一页上".contains(c))
}

/// Copyright and reprint notices: `青年报社 版权所有`, `Copyright © 1997-2019`,
/// `版权声明：转载须经版权人书面授权`, `未经新京报书面授权，不得转载和使用`.
pub(super) fn copyright(l: &Line<'_>) -> bool {
    (l.hit(Notice::Copyright) || l.hit(Notice::Forbid) && l.hit(Notice::Reprint)) && notice(l)
}

/// Ad and news hotlines and tip-off addresses: a hotline word with a number or an address to
/// call or write to (`广告热线:021-…`, `举报电话：…`, `澎湃新闻报料：4009-20-4009`).
pub(super) fn hotline(l: &Line<'_>) -> bool {
    let digits = || l.text.chars().filter(char::is_ascii_digit).count();
    l.hit(Notice::Hotline) && notice(l) && (digits() >= 5 || l.text.contains('@'))
}

/// Prompts to install the site's app: `更多原创资讯请下载“澎湃新闻”APP`, `人民日报客户端下载`.
pub(super) fn app_prompt(l: &Line<'_>) -> bool {
    l.at_most(60) && l.hit(Notice::Download) && l.hit(Notice::App)
}

/// Share and follow prompts: `分享到`, `扫一扫`, `长按二维码`, `关注我们`, `Share this`.
pub(super) fn share_prompt(l: &Line<'_>) -> bool {
    l.at_most(80) && l.hit(Notice::Share)
}

/// Disclaimers, with their whole paragraph: a statement label (`免责声明：…`, `特别声明：…`,
/// `声明：…`), `文章观点仅代表作者本人`, `不代表新浪立场`.
pub(super) fn disclaimer(l: &Line<'_>) -> bool {
    let t = l.text;
    // A label starts within the first four characters, so only the first six are searched.
    let head = t.char_indices().nth(6).map_or(t, |(i, _)| &t[..i]);
    let label = lexicon::find(head, "声明").is_some_and(|at| {
        t.get(..at)
            .is_some_and(|before| before.chars().count() <= 4)
            && t.get(at + "声明".len()..)
                .is_some_and(|after| after.is_empty() || after.starts_with(['：', ':']))
    });
    label
        || l.short() && l.hit(Notice::AuthorsView)
        || l.short() && l.hit(Notice::NotRepresent) && l.hit(Notice::Stance)
}

/// How long the article takes to read: `全文3331字，阅读约需6分钟`, `阅读时间：5分钟`,
/// `5 min read`.
pub(super) fn reading_time(l: &Line<'_>) -> bool {
    l.at_most(40) && l.hit(Notice::Minutes) && (l.hit(Notice::Read) || l.text.is_ascii())
}

/// Paywall notices: `购买会员阅读更多深度报道`, `付费阅读`.
pub(super) fn paywall(l: &Line<'_>) -> bool {
    l.at_most(80) && l.hit(Notice::Paid) && l.hit(Notice::Read)
}

/// The headline the piece had elsewhere: `（原标题：…）`, `原标题：…`, `（原题为《…》）`.
pub(super) fn original_title(l: &Line<'_>) -> bool {
    let inner = l.text.trim_start_matches(['（', '(']);
    l.short() && lexicon::starts_any(inner, &["原标题", "原题"]).is_some()
}

/// Where a clipping came from: `原文来自微信公众号「捎话」`, `原文：端传媒 「…」`,
/// `本文转载自…，…`: a note whose first clauses say where the original is.
pub(super) fn provenance(l: &Line<'_>) -> bool {
    l.at_most(SHORT) && credits::provenance_at(l.text).is_some_and(|rest| !rest.is_empty())
}

/// Thanks at the end of a report: `（特別感謝 Alex、HAO、Jack 對本文的貢獻）`, and the note
/// that someone contributed to it (`实习生陈初懿对本文亦有贡献`).
pub(super) fn acknowledgement(l: &Line<'_>) -> bool {
    let inner = l.text.trim_start_matches(['（', '(']);
    let contributed = || {
        let t = inner.trim_end_matches(['。', '）', ')']);
        lexicon::ends(t, "贡献").is_some() && lexicon::find(t, "本文").is_some()
    };
    // `感谢` within the first few bytes: only the first characters are read.
    let head = inner
        .char_indices()
        .nth(8)
        .map_or(inner, |(i, _)| &inner[..i]);
    l.at_most(80)
        && (lexicon::find(head, "感谢").is_some_and(|at| at <= "特别".len()) || contributed())
}

/// Scraper artefacts: a value where text should be (`undefined`, `null`, `NaN`), a machine
/// timestamp (`(更新时间戳: 1669036786119)`), the end mark `（完）`, a picture's file name
/// standing as a line (`seal.rio.97-08-18.gif`).
pub(super) fn artefact(l: &Line<'_>) -> bool {
    let t = l.text;
    let digits = || {
        t.split(|c: char| !c.is_ascii_digit())
            .any(|run| run.len() == 10 || run.len() == 13)
    };
    let file = || {
        [".jpg", ".jpeg", ".png", ".gif", ".webp"].iter().any(|e| {
            t.len() >= e.len()
                && t.as_bytes()[t.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
        })
    };
    matches!(t, "undefined" | "null" | "NaN" | "None")
        || l.at_most(40) && digits() && t.chars().filter(|c| c.is_alphabetic()).count() <= 8
        || t == "（完）"
        || l.at_most(80) && file() && !t.contains(['。', '，'])
}

/// A label alone on its line (`导读`, `【编者按】`, `內容提要：`): it names what follows, it is
/// not a heading of the article.
pub(super) fn label(l: &Line<'_>) -> bool {
    if !l.at_most(12) {
        return false;
    }
    let t = l
        .text
        .trim_matches(|c: char| c.is_whitespace() || "【】[]()（）：:".contains(c));
    lexicon::LABELS
        .iter()
        .any(|w| lexicon::starts(t, w) == Some(t.len()))
}
