//! The words of the notices and tools that news pages print around a story (copyright and
//! reprint notices, hotlines, app and share prompts, disclaimers, reading times, paywalls,
//! provenance notes), of photo captions, of the labels over lists of links, of page
//! navigation and of the labelled fields of an info line. A line holds these words; the
//! boilerplate classes decide from them, the line's shape and its length.

/// A kind of word that notices are made of: a line notes once which kinds it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::article) enum Notice {
    /// `版权`, `©`, `copyright`, `all rights reserved`.
    Copyright,
    /// `转载`: reprinting.
    Reprint,
    /// `未经`, `不得`, `禁止`: without permission, must not.
    Forbid,
    /// `热线`, `举报`, `报料`: hotlines and tip-offs.
    Hotline,
    /// `下载`.
    Download,
    /// `客户端`, `app`.
    App,
    /// `分享到`, `扫一扫`, `二维码`, `关注我们`, `share this`: share and follow prompts.
    Share,
    /// `仅代表`: the views are only the author's.
    AuthorsView,
    /// `不代表`.
    NotRepresent,
    /// `立场`: a stance.
    Stance,
    /// `阅读`, `浏览`: reading, browsing.
    Read,
    /// `分钟`, `min read`.
    Minutes,
    /// `付费`, `会员`: paid access.
    Paid,
    /// `推广`, `广告`: promotion.
    Promotion,
}

/// Every notice word with its kind, simplified and in lower case.
pub(in crate::article) const NOTICES: &[(&str, Notice)] = &[
    ("版权", Notice::Copyright),
    ("©", Notice::Copyright),
    ("copyright", Notice::Copyright),
    ("转载", Notice::Reprint),
    ("未经", Notice::Forbid),
    ("不得", Notice::Forbid),
    ("禁止", Notice::Forbid),
    ("热线", Notice::Hotline),
    ("举报", Notice::Hotline),
    ("报料", Notice::Hotline),
    ("爆料", Notice::Hotline),
    ("下载", Notice::Download),
    ("客户端", Notice::App),
    ("app", Notice::App),
    ("分享到", Notice::Share),
    ("分享至", Notice::Share),
    ("扫一扫", Notice::Share),
    ("二维码", Notice::Share),
    ("关注我们", Notice::Share),
    ("share this", Notice::Share),
    ("follow us", Notice::Share),
    ("仅代表", Notice::AuthorsView),
    ("不代表", Notice::NotRepresent),
    ("立场", Notice::Stance),
    ("阅读", Notice::Read),
    ("浏览", Notice::Read),
    ("分钟", Notice::Minutes),
    ("min read", Notice::Minutes),
    ("付费", Notice::Paid),
    ("会员", Notice::Paid),
    ("推广", Notice::Promotion),
    ("广告", Notice::Promotion),
];

/// Words of page navigation and page tools: a short line made of them is no text.
pub(in crate::article) const NAVIGATION: &[&str] = &[
    "首页",
    "返回",
    "回到",
    "上一页",
    "下一页",
    "上一篇",
    "下一篇",
    "上页",
    "下页",
    "顶部",
    "打印",
    "关闭",
    "窗口",
    "本页",
    "纠错",
    "收藏",
    "评论",
    "留言",
    "字号",
    "全文",
    "原文",
    "展开",
    "查看",
    "点击",
    "进入",
    "链接",
    "advertisement",
    "back to top",
    "skip to",
];

/// Labels over a list of links to other stories: `相关阅读`, `延伸阅读`, `往期回顾`, `Related`.
pub(in crate::article) const RELATED: &[&str] = &[
    "相关",
    "延伸阅读",
    "推荐阅读",
    "往期",
    "往年",
    "热门",
    "更多",
    "related",
    "more stories",
    "most popular",
];

/// Openings that mark a photo caption: `图：`, `图注：`, `图为…`, `▲`, `Photo:`.
pub(in crate::article) const CAPTION_MARKS: &[&str] = &[
    "图：",
    "图:",
    "图注",
    "图说",
    "图为",
    "图片说明",
    "图片来源",
    "图/",
    "图源",
    "摄：",
    "摄影：",
    "数据来源：",
    "资料图",
    "视频：",
    "视频:",
    "视频【",
    "▲",
    "△",
    "photo:",
    "image:",
];

/// Endings that say where a caption's picture came from: `…摄`, `（…提供）`, `视频截图`,
/// `资料图片`, `网站图片`.
pub(in crate::article) const CAPTION_ENDS: &[&str] = &[
    "摄",
    "供图",
    "提供",
    "截图",
    "资料图",
    "图片",
    "照片",
    "来源网络",
    "来源于网络",
];

/// What a photo shows when its caption names a kind of picture (`活动现场合影`, `大桥夜景`):
/// such a line is a caption, not a subhead.
pub(in crate::article) const SCENES: &[&str] = &[
    "合影",
    "留影",
    "航拍",
    "全景",
    "夜景",
    "外景",
    "示意图",
    "效果图",
    "资料图",
    "截图",
    "海报",
];

/// Closing and opening sections that stand at the top level of an article over its plain
/// subheads.
pub(in crate::article) const SECTIONS: &[&str] =
    &["结语", "结束语", "结论", "前言", "引言", "后记", "附录"];

/// Words that make a line in `【】` a note rather than a heading (`【视频略】`, `【编者按】`,
/// `【作者：…】`).
pub(in crate::article) const NOT_HEADINGS: &[&str] =
    &["略", "视频", "图", "编者按", "文/", "作者", "记者"];

/// Labels that pages set over a standfirst or an editor's note (`导读`, `编者按`, `内容提要`): a
/// line that is only one of them is a label, never a heading or a headline.
pub(in crate::article) const LABELS: &[&str] = &[
    "导读",
    "导语",
    "编者按",
    "编者的话",
    "编者注",
    "摘要",
    "内容摘要",
    "提要",
    "内容提要",
    "核心提示",
    "阅读提示",
];

/// Column labels that stand before a headline (`独家丨…`, `深度 | …`): such a prefix names the
/// kind of story, not the outlet that first printed it.
pub(in crate::article) const COLUMNS: &[&str] = &[
    "独家",
    "独家专访",
    "深度",
    "专访",
    "访谈",
    "观察",
    "评论",
    "社论",
    "时评",
    "述评",
    "快讯",
    "视频",
    "图集",
    "图解",
    "直播",
    "热点",
    "关注",
    "解读",
    "焦点",
    "聚焦",
    "特写",
    "调查",
    "现场",
    "重磅",
    "头条",
    "要闻",
    "突发",
    "最新",
    "专题",
    "原创",
    "推荐",
    "问答",
    "数读",
];

/// Labels of the fields of an info line that are not credits: when it was published, how
/// often it was read.
pub(in crate::article) const INFO_LABELS: &[&str] = &[
    "发布时间",
    "发布日期",
    "发表于",
    "时间",
    "日期",
    "浏览",
    "点击",
    "阅读",
    "评论",
    "字号",
];

/// The kinds of notice word `text` holds, one bit per [`Notice`] (ASCII case and script
/// ignored, spaces inside words too: `版 权 所 有`).
pub(in crate::article) fn notices(text: &str) -> u32 {
    let index = index();
    let mut hits = 0;
    for (i, c) in text.char_indices() {
        if !index.raw.may_start(c) {
            continue;
        }
        let c = super::fold(c, true);
        if !index.may_start(c) {
            continue;
        }
        let rest = text.get(i..).unwrap_or_default();
        let from = index.words.partition_point(|&(w, _, _)| w < c);
        for &(_, word, bit) in index.words[from..].iter().take_while(|&&(w, _, _)| w == c) {
            if hits & bit == 0 && super::prefix(rest, word, true, true).is_some() {
                hits |= bit;
            }
        }
    }
    hits
}

/// Every word of [`NOTICES`] with its kind's bit, sorted by first character, and a bit set of
/// those first characters (hashed into [`FIRSTS`] bits, so that most characters of a line are
/// passed over at once).
struct Index {
    words: Vec<(char, &'static str, u32)>,
    firsts: [u64; FIRSTS / 64],
    /// The characters that fold to a first character, tried before folding.
    raw: super::Firsts,
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
        let mut words: Vec<(char, &'static str, u32)> = NOTICES
            .iter()
            .filter_map(|&(w, kind)| Some((w.chars().next()?, w, 1u32 << kind as u32)))
            .collect();
        words.sort_unstable_by_key(|&(c, _, _)| c);
        let mut firsts = [0u64; FIRSTS / 64];
        for &(c, _, _) in &words {
            let (word, mask) = bit(c);
            firsts[word] |= mask;
        }
        let raw = super::Firsts::new(&words.iter().map(|&(c, _, _)| c).collect::<Vec<_>>());
        Index { words, firsts, raw }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(text: &str, kind: Notice) -> bool {
        notices(text) & (1 << kind as u32) != 0
    }

    #[test]
    fn lines_note_their_notice_words() {
        assert!(has("人 民 网 版 權 所 有", Notice::Copyright));
        assert!(has("Copyright © 2020", Notice::Copyright));
        assert!(has("未經授權，不得轉載", Notice::Reprint));
        assert!(has("未經授權，不得轉載", Notice::Forbid));
        assert!(has("歡迎下載自由時報APP", Notice::App));
        assert!(!has("他回到首都后，继续工作了很多年。", Notice::Copyright));
        assert_eq!(notices("春天到了"), 0);
    }
}
