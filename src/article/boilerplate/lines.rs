//! The tests for one line that the boilerplate classes in [`super::CLASSES`] are made of, each
//! with the sites and shapes it was written for.

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

/// The word lists the classes look for. A line notes once, in one pass, which of them it
/// holds (each a bit of [`Line`]'s hits), so the classes ask a bit instead of searching.
#[derive(Debug, Clone, Copy)]
enum List {
    Navigation,
    Copyright,
    Unauthorised,
    Reprint,
    Hotline,
    Download,
    App,
    AppStore,
    Share,
    AuthorsView,
    NotRepresent,
    Stance,
    ReadingTime,
    Minutes,
    Paywall,
    Transcode,
    Period,
    Publish,
    Invite,
    Stamp,
}

const NAVIGATION: &[&str] = &[
    "返回上页",
    "回到首页",
    "返回首页",
    "返回顶部",
    "返回搜狐",
    "打印本页",
    "关闭窗口",
    "下一則新聞",
    "上一則新聞",
    "下一篇：",
    "上一篇：",
    "点击进入",
    "點擊進入",
    "请继续往下阅读",
    "請繼續往下閱讀",
    "Trackback",
    "已被阅读",
    "已被閱讀",
];

const COPYRIGHT: &[&str] = &[
    "版权所有",
    "版權所有",
    "版 权 所 有",
    "Copyright",
    "copyright",
    "COPYRIGHT",
    "All rights reserved",
    "©",
    "版权声明",
    "版權聲明",
    "不得转载",
    "不得轉載",
    "禁止转载",
    "禁止轉載",
    "转载请注明",
    "轉載請註明",
    "原创内容",
    "原创版权",
    "未经授权",
    "未經授權",
];

const HOTLINE: &[&str] = &[
    "广告热线",
    "举报电话",
    "举报邮箱",
    "违法和不良信息",
    "报料：",
    "报料:",
    "爆料：",
    "新闻热线",
    "專線：",
    "联系我们",
    "聯絡我們",
    "客服电话",
];

const SHARE: &[&str] = &[
    "分享到",
    "分享至",
    "分享让更多人看到",
    "扫一扫",
    "掃一掃",
    "扫描二维码",
    "长按识别",
    "長按識別",
    "点击关注",
    "關注我們",
    "关注我们",
    "朋友圈分享",
    "粉絲團",
    "粉丝团",
    "订阅中央社",
    "訂閱中央社",
    "電子報",
    "Share this",
    "Please share your",
    "Listen to the full",
];

const PAYWALL: &[&str] = &[
    "已過查詢時效",
    "已过查询时效",
    "付費會員",
    "付费会员",
    "购买会员",
    "購買會員",
    "订阅后阅读",
    "付费阅读",
];

/// Every list with its words.
const LISTS: &[(List, &[&str])] = &[
    (List::Navigation, NAVIGATION),
    (List::Copyright, COPYRIGHT),
    (List::Unauthorised, &["未经"]),
    (List::Reprint, &["转载"]),
    (List::Hotline, HOTLINE),
    (List::Download, &["下载", "下載"]),
    (List::App, &["客户端", "客戶端", "APP", "App", "app"]),
    (List::AppStore, &["appstore", "bit.ly/"]),
    (List::Share, SHARE),
    (List::AuthorsView, &["仅代表作者", "僅代表作者"]),
    (List::NotRepresent, &["不代表"]),
    (List::Stance, &["立场"]),
    (
        List::ReadingTime,
        &["阅读约需", "閱讀約需", "阅读时间", "预计阅读"],
    ),
    (List::Minutes, &["分钟"]),
    (List::Paywall, PAYWALL),
    (List::Transcode, &["转码"]),
    (List::Period, &["每周", "每日", "每月", "每天"]),
    (List::Publish, &["发布", "更新"]),
    (
        List::Invite,
        &["欢迎投稿", "歡迎投稿", "合作请", "投稿邮箱"],
    ),
    (List::Stamp, &["时间戳"]),
];

/// Every word of [`LISTS`] with its list's bit, sorted by first character, and a bit set of
/// those first characters (hashed into [`FIRSTS`] bits, so that few other characters share a
/// bit with one and most characters of a line are passed over at once).
struct Index {
    words: Vec<(char, &'static str, u32)>,
    firsts: [u64; FIRSTS / 64],
}

/// The size of [`Index`]'s set of first characters, in bits.
const FIRSTS: usize = 4096;

/// The bit a character takes in [`Index`]'s set of first characters: its word and the bit in it.
fn bit(c: char) -> (usize, u64) {
    let h = (c as u32).wrapping_mul(0x9E37_79B1) >> 20;
    ((h >> 6) as usize, 1u64 << (h & 63))
}

impl Index {
    /// Whether some word may start with `c`.
    fn may_start(&self, c: char) -> bool {
        let (word, mask) = bit(c);
        self.firsts[word] & mask != 0
    }
}

fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut words: Vec<(char, &'static str, u32)> = LISTS
            .iter()
            .flat_map(|&(list, ws)| {
                ws.iter()
                    .filter_map(move |w| Some((w.chars().next()?, *w, 1u32 << list as u32)))
            })
            .collect();
        words.sort_unstable_by_key(|&(c, _, _)| c);
        let mut firsts = [0u64; FIRSTS / 64];
        for &(c, _, _) in &words {
            let (word, mask) = bit(c);
            firsts[word] |= mask;
        }
        Index { words, firsts }
    })
}

/// A line being classified, with the word lists it holds.
pub(in crate::article) struct Line<'a> {
    /// The line's text, trimmed.
    pub(in crate::article) text: &'a str,
    /// How many characters it has; more than [`SHORT`] for any text longer than `4 * SHORT`
    /// bytes, which is not counted.
    chars: usize,
    /// One bit per list of [`LISTS`] the line holds a word of (short lines only).
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
        let mut line = Line {
            text,
            chars,
            hits: 0,
        };
        if line.short() {
            let index = index();
            for (i, c) in text.char_indices() {
                if !index.may_start(c) {
                    continue;
                }
                let from = index.words.partition_point(|&(w, _, _)| w < c);
                let rest = text.get(i..).unwrap_or_default();
                for &(_, word, list) in index.words[from..].iter().take_while(|&&(w, _, _)| w == c)
                {
                    if rest.starts_with(word) {
                        line.hits |= list;
                    }
                }
            }
        }
        line
    }

    /// Whether the line has at most `n` characters (`n` no more than [`SHORT`]), as
    /// [`crate::script::at_most`] tells.
    fn at_most(&self, n: usize) -> bool {
        debug_assert!(n <= SHORT);
        self.chars <= n
    }

    /// Whether the line is short enough for a word of a list to make it boilerplate.
    fn short(&self) -> bool {
        self.at_most(SHORT)
    }

    /// Whether the line holds a word of `list`.
    fn hit(&self, list: List) -> bool {
        self.hits & (1 << list as u32) != 0
    }
}

/// Site navigation and page tools: `返回上页 回到首页`, `【打印本页】【关闭窗口】`, `下一則新聞:…`,
/// `返回搜狐，查看更多`, page numbers `【1】【2】【3】`, `点击进入…>>`.
pub(super) fn navigation(l: &Line<'_>) -> bool {
    let t = l.text;
    const EXACT: &[&str] = &[
        "展开全文",
        "查看原文",
        "阅读原文",
        "原文链接",
        "点击查看原文",
        "打印",
        "关闭",
        "举报",
        "【纠错】",
        "纠错",
        "Advertisement",
        "（完）",
    ];
    EXACT.contains(&t)
        || l.short() && l.hit(List::Navigation)
        || page_numbers(t)
        || l.at_most(12) && t.ends_with("原文") && !t.contains(['，', '。'])
}

/// `【1】【2】【3】【4】`: links to the other pages of the article.
fn page_numbers(t: &str) -> bool {
    t.starts_with('【')
        && t.chars().count() >= 6
        && t.chars()
            .all(|c| c.is_ascii_digit() || "【】[] 下一页上".contains(c))
}

/// Copyright and reprint notices: `青年报社 版权所有`, `Copyright © 1997-2019`,
/// `版权声明：转载须经版权人书面授权`, `未经新京报书面授权，不得转载和使用`,
/// `本文为重案组37号原创内容`, `原创版权禁止商业转载`.
pub(super) fn copyright(l: &Line<'_>) -> bool {
    (l.hit(List::Copyright) || l.hit(List::Unauthorised) && l.hit(List::Reprint)) && notice(l)
}

/// Ad and news hotlines and report addresses: `广告热线:021-…`, `举报电话`,
/// `澎湃新闻报料：4009-20-4009`, `專線：0800-256-688`.
pub(super) fn hotline(l: &Line<'_>) -> bool {
    l.hit(List::Hotline) && notice(l)
}

/// Prompts to install the site's app: `更多原创资讯请下载“澎湃新闻”APP`,
/// `還想看更多新聞嗎？歡迎下載自由時報APP`, `人民日报客户端下载`.
pub(super) fn app_prompt(l: &Line<'_>) -> bool {
    l.at_most(60) && l.hit(List::Download) && l.hit(List::App) || l.short() && l.hit(List::AppStore)
}

/// Share and follow prompts: `分享到`, `扫一扫`, `欢迎朋友圈分享`, `点击关注`, `長按識別二維碼`,
/// `看更多！請加入自由時報粉絲團`, `Share this`.
pub(super) fn share_prompt(l: &Line<'_>) -> bool {
    l.short() && l.hit(List::Share)
}

/// Disclaimers, with their whole paragraph: `免责声明：…`, `特别声明：…`,
/// `文章观点仅代表作者本人，不代表新浪立场`, `声明：该文观点仅代表作者本人`.
pub(super) fn disclaimer(l: &Line<'_>) -> bool {
    let t = l.text;
    const OPENINGS: &[&str] = &[
        "免责声明",
        "免責聲明",
        "特别声明",
        "特別聲明",
        "声明：",
        "聲明：",
        "风险提示",
    ];
    OPENINGS.iter().any(|w| t.starts_with(w))
        || l.short() && l.hit(List::AuthorsView)
        || l.short() && l.hit(List::NotRepresent) && l.hit(List::Stance)
}

/// How long the article takes to read: `全文3331字，阅读约需6分钟`, `阅读时间：5分钟`.
pub(super) fn reading_time(l: &Line<'_>) -> bool {
    let t = l.text;
    l.at_most(40)
        && (l.hit(List::ReadingTime)
            || t.starts_with("全文") && t.contains('字') && l.hit(List::Minutes))
}

/// Paywall and expiry notices: `您所瀏覽的新聞已過查詢時效。建議您加入中央社付費會員…`,
/// `购买会员阅读更多深度报道`.
pub(super) fn paywall(l: &Line<'_>) -> bool {
    l.short() && l.hit(List::Paywall)
}

/// The headline the piece had elsewhere: `（原标题：…）`, `原标题：…`, `（原题为《…》）`.
pub(super) fn original_title(l: &Line<'_>) -> bool {
    let t = l.text;
    let inner = t.trim_start_matches(['（', '(']);
    ["原标题", "原標題", "原题", "原題"]
        .iter()
        .any(|w| inner.starts_with(w))
        && l.short()
}

/// Where a clipping came from: `原文来自微信公众号「捎话」`, `本文由 简悦 转码，原文地址来自…`,
/// `文章最初发布于微信`, `原文：端传媒 「…」`, `本文转载自…`.
pub(super) fn provenance(l: &Line<'_>) -> bool {
    let t = l.text;
    const OPENINGS: &[&str] = &[
        "原文来自",
        "原文來自",
        "原文地址",
        "原文：",
        "本文转载自",
        "本文轉載自",
        "转载自",
        "文章最初发布于",
        "文章最初發布於",
    ];
    l.short()
        && (OPENINGS.iter().any(|w| t.starts_with(w))
            || t.starts_with("本文由") && l.hit(List::Transcode))
}

/// A periodical's standing blurb: `这里记录每周值得分享的科技内容，周五发布。`,
/// `欢迎投稿`, `合作请邮件联系`.
pub(super) fn masthead(l: &Line<'_>) -> bool {
    let t = l.text;
    t.starts_with(['这', '本']) && l.at_most(40) && l.hit(List::Period) && l.hit(List::Publish)
        || l.short() && l.hit(List::Invite)
}

/// Thanks at the end of a report: `（特別感謝 Alex、HAO、Jack 對本文的貢獻）`.
pub(super) fn acknowledgement(l: &Line<'_>) -> bool {
    let t = l.text;
    let inner = t.trim_start_matches(['（', '(']);
    l.at_most(80) && (inner.starts_with("特别感谢") || inner.starts_with("特別感謝"))
}

/// Scraper artefacts: `undefined`, `null`, `NaN`, `(更新时间戳: 1669036786119)`.
pub(super) fn artefact(l: &Line<'_>) -> bool {
    let t = l.text;
    matches!(t, "undefined" | "null" | "NaN" | "None") || l.hit(List::Stamp) && l.at_most(40)
}
