//! Boilerplate that runs over several lines: a "related links" label with the headlines listed
//! under it, and a promotion separator with everything after it. The label or separator is
//! recognised here; the assembler drops the lines it governs.

use crate::script::at_most;

/// Labels over a list of links to other stories, as news sites and newsletters print them.
const RELATED: &[&str] = &[
    "相关链接",
    "相關鏈接",
    "相关阅读",
    "相關閱讀",
    "相关新闻",
    "相關新聞",
    "相关报道",
    "相關報導",
    "相关文章",
    "延伸阅读",
    "延伸閱讀",
    "往期回顾",
    "往期回顧",
    "往年回顾",
    "往年回顧",
    "推荐阅读",
    "推薦閱讀",
    "热门推荐",
    "熱門推薦",
    "精彩推荐",
    "编辑推荐",
    "猜你喜欢",
    "大家都在看",
    "更多精彩",
    "更多編輯台推薦新聞",
    "Related Articles",
    "Related Coverage",
    "Related links",
    "Related Links",
    "More stories",
    "Most Popular",
];

/// Whether a line is a "related links" label (`相关阅读`, `【相关链接】`, `往期回顾：`,
/// `Related Coverage`).
pub(in crate::article) fn related_label(line: &str) -> bool {
    let t = line.trim().trim_matches([
        '【', '】', '[', ']', '■', '◆', '▶', '>', '#', ' ', '：', ':', '|',
    ]);
    at_most(t, 24) && RELATED.iter().any(|w| t.starts_with(w))
}

/// Separators after which a page shows advertising: `----------以下为推广----------`.
pub(in crate::article) fn promo_separator(line: &str) -> bool {
    let t = line.trim().trim_matches(['-', '—', '=', '*', ' ', '　']);
    at_most(t, 12)
        && [
            "以下为推广",
            "以下為推廣",
            "以下为广告",
            "以下是广告",
            "推广内容",
        ]
        .iter()
        .any(|w| t.contains(w))
}

/// The lines under a "related links" label: headlines, each short and not a paragraph.
pub(in crate::article) struct RelatedBlock;

impl RelatedBlock {
    /// Whether a line under the label is still one of its headlines.
    pub(in crate::article) fn continues(line: &str) -> bool {
        let t = line.trim();
        let n = t.chars().count();
        let inner_stop = t
            .trim_end_matches(['。', '？', '?', '！', '!', '）', ')'])
            .contains(['。', '；']);
        n > 0 && n <= 60 && !inner_stop
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_labels_and_their_headlines() {
        for label in [
            "相关阅读",
            "【相关链接】",
            "往期回顾：",
            "往年回顾",
            "Related Coverage",
        ] {
            assert!(related_label(label), "{label}");
        }
        for not in ["相关部门表示，调查仍在进行。", "阅读", "新闻摘要"] {
            assert!(!related_label(not), "{not}");
        }
        for headline in [
            "训练材料用完之日（2023 #253）",
            "机器翻译是对译者的侮辱吗？（2021 #153）",
        ] {
            assert!(RelatedBlock::continues(headline), "{headline}");
        }
        assert!(!RelatedBlock::continues(
            "我曾经遇到过一个超过11,000行的源码文件。它是 VBScript 代码的电子表格应用程序，公司所有员工都要用。"
        ));
    }

    #[test]
    fn promotion_separators() {
        assert!(promo_separator("----------以下为推广----------"));
        assert!(promo_separator("以下为广告"));
        assert!(!promo_separator("以下为推广活动的具体安排，请大家留意。"));
    }
}
